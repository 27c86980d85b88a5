"""What the web app shows, read from the store once and kept as one immutable snapshot.

Quotes and claims carry their stored ids (:mod:`triangulate.ids`: a hash of the article and
the character offset). Groups and tensions are made afresh by each cross-check, so the web
gives each one a derived id (:func:`derived_ids`), short and stable for as long as the
articles are the same: a group is known by its measure, subject and first claim, a tension
by its two sentences. Every URL and every API record uses these ids.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from triangulate.analysis import cross_checked
from triangulate.ids import ID_LENGTH
from triangulate.report import views
from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.types import Analysis, Article, Claim, Group, Quote, Tension

DERIVED_ID = re.compile(rf"^[0-9a-f]{{{ID_LENGTH}}}$")
ARTICLE_ID = re.compile(r"^[^/\\\x00-\x1f\x7f]{1,200}$")
"""An article id as a URL may carry it: no slash or backslash, no control character. It only
ever keys a lookup in memory; no path is built from it."""

T = TypeVar("T")


def derived_ids(keys: Iterable[str]) -> list[str]:
    """A short hash of each key ("article:offset"); a key seen again gets "#2", "#3" added
    before hashing, so two items at one offset keep distinct ids in a fixed order."""
    seen: dict[str, int] = {}
    found = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        unique = key if seen[key] == 1 else f"{key}#{seen[key]}"
        found.append(hashlib.sha256(unique.encode("utf-8")).hexdigest()[:ID_LENGTH])
    return found


def group_keys(groups: Sequence[Group]) -> list[str]:
    return [f"group:{g.measure}:{g.subject}:{g.claims[0] if g.claims else ''}" for g in groups]


def tension_keys(tensions: Sequence[Tension]) -> list[str]:
    return [f"tension:{t.a.article}:{t.a.sentence}:{t.b.article}:{t.b.sentence}"
            for t in tensions]


@dataclass(frozen=True)
class Snapshot:
    """One cross-checked state of the store, with every item's derived id both ways."""

    analysis: Analysis
    articles: dict[str, Article]
    claim_ids: list[str]
    quote_ids: list[str]
    group_ids: list[str]
    tension_ids: list[str]
    claim_index: dict[str, int]
    quote_index: dict[str, int]
    group_index: dict[str, int]
    tension_index: dict[str, int]
    group_of_claim: dict[int, int]
    claims_of: dict[str, list[int]]  # claim indexes by article id, in text order
    quotes_of: dict[str, list[int]]

    @classmethod
    def of(cls, analysis: Analysis) -> Snapshot:
        claim_ids = [claim.id for claim in analysis.claims]
        quote_ids = [quote.id for quote in analysis.quotes]
        group_ids = derived_ids(group_keys(analysis.groups))
        tension_ids = derived_ids(tension_keys(analysis.tensions))
        claim_index = _index(claim_ids)
        return cls(
            analysis=analysis, articles={a.id: a for a in analysis.articles},
            claim_ids=claim_ids, quote_ids=quote_ids, group_ids=group_ids,
            tension_ids=tension_ids, claim_index=claim_index,
            quote_index=_index(quote_ids), group_index=_index(group_ids),
            tension_index=_index(tension_ids),
            group_of_claim={claim_index[c]: g for g, group in enumerate(analysis.groups)
                            for c in group.claims},
            claims_of=_by_article(analysis.claims), quotes_of=_by_article(analysis.quotes))

    @classmethod
    def load(cls, store: Store, settings: Settings = DEFAULTS) -> Snapshot:
        """Everything in the store, cross-checked afresh with the ``settings``."""
        return cls.of(cross_checked(store.load_readings(), settings=settings))

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return views.outlet_name(article) if article else article_id

    def published(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return (article.published or "") if article else ""


def _index(ids: list[str]) -> dict[str, int]:
    return {item_id: i for i, item_id in enumerate(ids)}


def _by_article(items: Sequence[Quote] | Sequence[Claim]) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for i, article in enumerate(item.article for item in items):
        found.setdefault(article, []).append(i)
    return found


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a filtered list: the items with their places in the full list."""

    items: list[tuple[int, T]]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None


def paginate(items: Iterable[tuple[int, T]], limit: int, offset: int) -> Page[T]:
    """Counts every item but keeps only the page's (memory stays at one page)."""
    kept: list[tuple[int, T]] = []
    total = 0
    for item in items:
        if offset <= total < offset + limit:
            kept.append(item)
        total += 1
    return Page(kept, total, limit, offset)


def contains(needle: str | None, *haystacks: str | None) -> bool:
    """True where no needle is given, or it occurs (case folded) in one of the haystacks."""
    if not needle:
        return True
    folded = needle.casefold()
    return any(folded in (h or "").casefold() for h in haystacks)


def in_dates(published: str | None, since: str | None, until: str | None) -> bool:
    if not since and not until:
        return True
    if not published:
        return False
    return (not since or published >= since) and (not until or published <= until)


@dataclass(frozen=True)
class GroupFilter:
    measure: str | None = None
    subject: str | None = None
    status: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    event: str | None = None  # words of the group's event ("Kramatorsk", "attack, April 2022")

    def keeps(self, snap: Snapshot, group: Group) -> bool:
        if self.measure and group.measure != self.measure:
            return False
        if self.status and group.status != self.status:
            return False
        if not contains(self.subject, group.subject):
            return False
        if not contains(self.event, group.event):
            return False
        if self.outlet and not any(contains(self.outlet, snap.outlet(a))
                                   for a in group.articles):
            return False
        return any(in_dates(snap.published(a), self.since, self.until) for a in group.articles)


@dataclass(frozen=True)
class ArticleFilter:
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    q: str | None = None

    def keeps(self, article: Article) -> bool:
        return contains(self.outlet, article.outlet) and contains(self.q, article.title,
                                                                  article.text) \
            and in_dates(article.published, self.since, self.until)


@dataclass(frozen=True)
class QuoteFilter:
    speaker: str | None = None
    q: str | None = None
    article: str | None = None

    def keeps(self, quote: Quote) -> bool:
        return contains(self.speaker, quote.speaker, quote.speaker_name) \
            and contains(self.q, quote.text, quote.speaker) \
            and (not self.article or quote.article == self.article)


@dataclass(frozen=True)
class ClaimFilter:
    measure: str | None = None
    article: str | None = None
    outlet: str | None = None
    status: str | None = None

    def keeps(self, snap: Snapshot, index: int, claim: Claim) -> bool:
        if self.measure and claim.measure != self.measure:
            return False
        if self.article and claim.article != self.article:
            return False
        if not contains(self.outlet, snap.outlet(claim.article)):
            return False
        group = snap.group_of_claim.get(index)
        status = snap.analysis.groups[group].status if group is not None else None
        return not self.status or status == self.status


def groups_by_size(snap: Snapshot) -> list[int]:
    """Groups with the most independent sources first (the story's key figures)."""
    groups = snap.analysis.groups
    return sorted(range(len(groups)), key=lambda i: (-len(groups[i].sources),
                                                     -len(groups[i].claims), i))
