"""Plain data types shared by every stage.

Data flows one way: ``ingest`` makes :class:`Article`; ``nlp`` reads each one into a
:class:`Reading` (quotes, claims, entities); ``reconcile`` turns readings into
:class:`Group` and :class:`Tension`; ``report`` and ``store`` consume an :class:`Analysis`.
"""

from __future__ import annotations

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

MEASURES: tuple[str, ...] = (
    "killed", "wounded", "casualties", "captured", "missing", "deployed", "area", "share", "other"
)


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
    text: str = ""
    sentence: str = ""
    scope: str | None = None
    start: int = 0
    end: int = 0


@dataclass
class Entity:
    article: str
    text: str
    label: str
    canonical: str


@dataclass
class Reading:
    """Everything the per-article stage finds in one article."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    scare_quotes: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)  # evaluative sentences, for tensions


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


@dataclass
class TensionSide:
    article: str
    sentence: str


@dataclass
class Tension:
    a: TensionSide
    b: TensionSide
    score: float = 0.0
    why: str = ""


@dataclass
class Analysis:
    articles: list[Article] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    tensions: list[Tension] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The analysis as the JSON object that ``eval/CONTRACT.md`` describes."""
        return {
            "articles": [asdict(a) for a in self.articles],
            "quotes": [asdict(q) for q in self.quotes],
            "claims": [asdict(c) for c in self.claims],
            "entities": [asdict(e) for e in self.entities],
            "groups": [asdict(g) for g in self.groups],
            "tensions": [asdict(t) for t in self.tensions],
        }

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
