"""Plain data types shared by every stage.

Data flows one way: ``ingest`` makes :class:`Article`; ``nlp`` reads each one into a
:class:`Reading` (quotes, claims, entities, framing); ``reconcile`` turns readings into
:class:`Group` and :class:`Tension`; ``report`` and ``store`` consume an :class:`Analysis`.
Plain data only: their JSON, store rows and Parquet schema are in :mod:`triangulate.serialise`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from triangulate.measures import Measure

QuoteKind = Literal["direct", "indirect"]
Qualifier = Literal[
    "exact", "about", "at_least", "more_than", "at_most", "less_than", "range", "vague"
]
Status = Literal["corroborated", "compatible", "conflicting", "single_source"]
SourceKind = Literal["named", "anonymous", "institution", "media"]
TensionKind = Literal["blame", "cause", "outcome", "assessment", "negation"]

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
    id: str = ""  # stable: a hash of the article id and ``start`` (:mod:`triangulate.ids`)


@dataclass
class Claim:
    article: str
    measure: Measure
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
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
    id: str = ""  # stable: a hash of the article id and ``start`` (:mod:`triangulate.ids`)


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
    measure: Measure
    subject: str
    articles: list[str]
    status: Status
    low: float | None
    best: float | None
    high: float | None
    why: str = ""
    claims: list[str] = field(default_factory=list)  # the ids of its claims
    sources: list[str] = field(default_factory=list)  # the independent sources, one each
    low_from: str | None = None  # id of the claim each bound of the estimate comes from
    best_from: str | None = None
    high_from: str | None = None
    timeline: list[str] = field(default_factory=list)  # claim ids by as_of date, undated last
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
