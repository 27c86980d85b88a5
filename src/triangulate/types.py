"""Plain data types shared by every stage.

Data flows one way: ``ingest`` makes :class:`Article`; ``nlp`` reads each one into a
:class:`Reading` (quotes, claims, entities, framing); ``reconcile`` turns readings into
:class:`Group` and :class:`Tension`; ``report`` and ``store`` consume an :class:`Analysis`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import polars

QuoteKind = Literal["direct", "indirect"]
Measure = Literal[
    "killed", "wounded", "casualties", "captured", "missing", "deployed", "area", "share", "other"
]
Qualifier = Literal[
    "exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
Status = Literal["corroborated", "compatible", "conflicting", "single_source"]
SourceKind = Literal["named", "anonymous", "institution", "media"]
TensionKind = Literal["blame", "cause", "outcome", "assessment", "negation"]

MEASURES: tuple[str, ...] = (
    "killed", "wounded", "casualties", "captured", "missing", "deployed", "area", "share", "other"
)
SOURCE_KINDS: tuple[SourceKind, ...] = ("named", "anonymous", "institution", "media")


@dataclass(frozen=True)
class Article:
    """One news article as ingested: cleaned text plus what is known about it."""

    id: str
    text: str
    title: str = ""
    path: str | None = None
    outlet: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    url: str | None = None
    language: str | None = None
    content_hash: str = ""
    notes: tuple[str, ...] = ()  # what ingest did to it ("decoded as cp1252", ...)


@dataclass(frozen=True)
class IngestProblem:
    """A source that could not be read: the file (or file:line) and what was wrong."""

    where: str
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


@dataclass
class Quote:
    article: str
    kind: QuoteKind
    text: str
    speaker: str | None
    cue: str | None = None
    via: str | None = None
    role: str | None = None
    affiliation: str | None = None
    sentence: str = ""
    start: int = 0  # character offsets of the quoted text in the article text
    end: int = 0
    speaker_name: str | None = None  # the speaker's name folded across articles


@dataclass
class Claim:
    article: str
    measure: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    subject: str | None
    actor: str | None = None  # canonical actor the subject folds to ("North Korea")
    source: str | None = None
    source_vague: bool = False
    via: str | None = None  # who relayed the figure: "a lawmaker" (citing the NIS), "the BBC"
    text: str = ""
    sentence: str = ""
    scope: str | None = None
    start: int = 0
    end: int = 0
    period_start: str | None = None  # the scope resolved against the article's date (ISO)
    period_end: str | None = None
    as_of: str | None = None  # the date the figure stands for (ISO): its own, else the article's
    event: str | None = None  # the incident or campaign it belongs to ("Kramatorsk strike")


@dataclass
class Entity:
    article: str
    text: str
    label: str
    canonical: str


@dataclass
class FramingSpan:
    """A stretch of an article's text that framing points at (offsets into the text).

    ``kind`` is the lexicon category of a loaded word, or the :data:`SourceKind` of a source;
    ``quoted`` is true where the words stand inside someone's direct quote, so they are the
    speaker's words that the outlet chose to quote rather than its own.
    """

    text: str
    start: int
    end: int
    kind: str = ""
    quoted: bool = False


@dataclass
class Framing:
    """How an article tells its story: loaded words, scare quotes, hedges and its sources.

    ``sources`` holds each distinct source once, at the place the article first names it.
    """

    words: int = 0
    loaded: list[FramingSpan] = field(default_factory=list)
    scare_quotes: list[FramingSpan] = field(default_factory=list)
    hedges: list[FramingSpan] = field(default_factory=list)
    sources: list[FramingSpan] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Loaded words are counted outside quotes (the outlet's own) and inside them."""
        own = sum(not s.quoted for s in self.loaded)
        counts = {"words": self.words, "loaded": own, "loaded_in_quotes": len(self.loaded) - own,
                  "scare_quotes": len(self.scare_quotes), "hedges": len(self.hedges)}
        for kind in SOURCE_KINDS:
            counts[f"{kind}_sources"] = sum(s.kind == kind for s in self.sources)
        return counts

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts(), **asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Framing:
        def spans(key: str) -> list[FramingSpan]:
            return [FramingSpan(**item) for item in data.get(key, [])]

        return cls(words=data.get("words", 0), loaded=spans("loaded"),
                   scare_quotes=spans("scare_quotes"), hedges=spans("hedges"),
                   sources=spans("sources"))


@dataclass
class Frame:
    """Who did harm, by what means, as one sentence states it, read from the parse.

    ``negated`` is true where the sentence denies it ("did not bomb", "denies the strike",
    "no fire tasks"); ``exclusive`` where the agent is the only one ("used only by");
    ``source`` is who says it, where the sentence attributes it.
    """

    sentence: str
    act: str  # the word of harm or the weapon the frame is built on ("strike", "rocket")
    agent: str | None = None  # canonical actor who did it ("Russia")
    means: tuple[str, ...] = ()  # classes of the weapons named ("missile", "explosive")
    negated: bool = False
    hedged: bool = False
    exclusive: bool = False
    source: str | None = None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Frame:
        return cls(**{**data, "means": tuple(data.get("means", ()))})


@dataclass
class Reading:
    """Everything the per-article stage finds in one article."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    scare_quotes: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)  # evaluative sentences, for tensions
    framing: Framing = field(default_factory=Framing)
    frames: list[Frame] = field(default_factory=list)  # statements of who did harm
    event: str | None = None  # the article's event, else its main place


@dataclass
class Group:
    measure: str
    subject: str
    articles: list[str]
    status: Status
    low: float | None
    best: float | None
    high: float | None
    why: str = ""
    claims: list[int] = field(default_factory=list)  # indexes into Analysis.claims
    sources: list[str] = field(default_factory=list)  # the independent sources, one each
    low_from: int | None = None  # index of the claim each bound of the estimate comes from
    best_from: int | None = None
    high_from: int | None = None
    timeline: list[int] = field(default_factory=list)  # claims by as_of date, undated last
    event: str | None = None  # the incident or campaign the group's figures are about


@dataclass
class TensionSide:
    article: str
    sentence: str
    source: str | None = None  # who says it, where the sentence attributes it
    outlet: str | None = None
    published: str | None = None


@dataclass
class Tension:
    a: TensionSide
    b: TensionSide
    score: float = 0.0
    why: str = ""
    kind: str = ""  # a TensionKind
    event: str | None = None


@dataclass
class Analysis:
    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    tensions: list[Tension] = field(default_factory=list)
    framings: dict[str, Framing] = field(default_factory=dict)  # by article id

    def framing(self, article_id: str) -> Framing:
        return self.framings.get(article_id) or Framing()

    def to_dict(self) -> dict[str, Any]:
        """The analysis as the JSON object that ``eval/CONTRACT.md`` describes."""
        return {name: list(records) for name, records in self.records()}

    def records(self) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
        """The lists of :meth:`to_dict`, by name, each made a record at a time, so that a
        writer holds one record, not a copy of the whole analysis."""
        yield "articles", ({**asdict(a), "framing": self.framing(a.id).to_dict()}
                           for a in self.articles)
        for name in ("quotes", "claims", "entities", "groups", "tensions"):
            yield name, (asdict(item) for item in getattr(self, name))

    def to_json(self, indent: int | None = 1) -> str:
        import json

        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def frame(self, table: str) -> polars.DataFrame:
        """One table ("articles", "quotes", "claims", "entities", "groups") as a DataFrame."""
        import polars

        rows = self.to_dict()[table]
        return polars.DataFrame(rows, infer_schema_length=None) if rows else polars.DataFrame()

    @property
    def quotes_df(self) -> polars.DataFrame:
        return self.frame("quotes")

    @property
    def claims_df(self) -> polars.DataFrame:
        return self.frame("claims")

    @property
    def groups_df(self) -> polars.DataFrame:
        return self.frame("groups")
