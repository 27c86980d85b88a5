"""Group the same measure about the same subject across articles, and judge each group.

Blocking: claims are bucketed by (measure, subject key) in one pass, so the cost grows with
the number of claims, not its square; pairs are compared only inside a bucket.

Status rules, in order:

1. ``single_source``: all the group's figures come from one independent source (one primary
   source however many outlets carry it; near-duplicate articles count once).
2. ``conflicting``: two independent sources give figures that cannot both be true (their
   intervals do not meet, 10% slack) for the same scope and period (same or no scope, and
   articles at most 7 days apart or undated).
3. ``corroborated``: two independent sources give the same figure (within 10%).
4. ``compatible``: otherwise: different figures that can all be true (a lower bound below a
   larger figure, a vague "thousands" beside "12,000", counts of different scope or date).

Estimate, after UCDP's low/best/high: ``low`` is the smallest figure any source gives,
``high`` the largest bounded one, ``best`` the median of the point figures of named sources
(all sources where none is named), raised to the largest lower bound where that is higher;
``*_from`` names the claim each bound came from.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date

from triangulate.nlp.gazetteer import DEMONYM
from triangulate.reconcile.intervals import agree, interval, overlap, point
from triangulate.types import Claim, Group, Status

SAME_PERIOD_DAYS = 7

SourceOf = Callable[[int], str]
DateOf = Callable[[str], str | None]


def subject_key(claim: Claim) -> str | None:
    if claim.actor:
        return claim.actor
    if claim.subject:
        words = claim.subject.lower().split()
        return words[-1] if words else None
    return None


def subject_label(key: str) -> str:
    if key == "Civilians":
        return "civilians"
    demonym = DEMONYM.get(key)
    return f"{demonym} forces" if demonym else key


def block(claims: Sequence[Claim]) -> dict[tuple[str, str], list[int]]:
    """Claim indexes by (measure, subject key); figures of no known measure are left out."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        key = subject_key(claim)
        if claim.measure != "other" and key is not None:
            buckets[(claim.measure, key)].append(index)
    return buckets


def build_groups(claims: Sequence[Claim], source_of: SourceOf, date_of: DateOf) -> list[Group]:
    groups = []
    for (measure, key), members in sorted(block(claims).items()):
        groups.append(judge(measure, key, members, claims, source_of, date_of))
    return groups


def judge(measure: str, key: str, members: list[int], claims: Sequence[Claim],
          source_of: SourceOf, date_of: DateOf) -> Group:
    sources = sorted({source_of(i) for i in members})
    status, why = status_of(members, claims, source_of, date_of)
    low, best, high = estimate(members, claims)
    articles = list(dict.fromkeys(claims[i].article for i in members))
    return Group(
        measure=measure, subject=subject_label(key), articles=articles, status=status,
        low=value_at(low, claims), best=value_at(best, claims), high=value_at(high, claims),
        why=why, claims=members, sources=sources,
        low_from=low, best_from=best, high_from=high,
    )


def status_of(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
              date_of: DateOf) -> tuple[Status, str]:
    sources = {source_of(i) for i in members}
    if len(sources) == 1:
        outlets = len({claims[i].article for i in members})
        return "single_source", f"one independent source ({next(iter(sources))}) in " \
            f"{outlets} article{'s' if outlets > 1 else ''}"
    pairs = [(a, b) for n, a in enumerate(members) for b in members[n + 1:]
             if source_of(a) != source_of(b)]
    for a, b in pairs:
        if not overlap(claims[a], claims[b]) and same_period(claims[a], claims[b], date_of):
            return "conflicting", f"{describe(claims[a])} and {describe(claims[b])} " \
                "cannot both be true for the same scope and period"
    for a, b in pairs:
        if agree(claims[a], claims[b]):
            return "corroborated", f"{describe(claims[a])} and {describe(claims[b])} agree, " \
                f"from {len(sources)} independent sources"
    return "compatible", f"{len(sources)} independent sources give different figures that " \
        "can all be true (bounds, vague figures, scope or date differ)"


def same_period(a: Claim, b: Claim, date_of: DateOf) -> bool:
    if (a.scope or None) != (b.scope or None) and a.scope and b.scope:
        return False
    da, db = date_of(a.article), date_of(b.article)
    if da is None or db is None:
        return True
    return abs((date.fromisoformat(da) - date.fromisoformat(db)).days) <= SAME_PERIOD_DAYS


def describe(claim: Claim) -> str:
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ",
             "at_most": "at most ", "less_than": "less than "}
    value = "an unstated number" if claim.value is None else f"{claim.value:,.0f}"
    if claim.qualifier == "vague":
        value = claim.text or "a vague figure"
    source = claim.source or "the outlet itself"
    return f"{words.get(claim.qualifier, '')}{value} ({source})"


def estimate(members: list[int], claims: Sequence[Claim]
             ) -> tuple[int | None, int | None, int | None]:
    """Indexes of the claims that give the low, best and high figures."""
    lows = [(interval(claims[i])[0], i) for i in members if interval(claims[i])[0] > 0]
    highs = [(h, i) for i in members if math.isfinite(h := interval(claims[i])[1])]
    points = [(p, i) for i in members if (p := point(claims[i])) is not None]
    named = [(p, i) for p, i in points if claims[i].source and not claims[i].source_vague]
    low = min(lows)[1] if lows else None
    high = max(highs)[1] if highs else None
    best = median_claim(named or points)
    floor = max(lows)[1] if lows else None
    if best is None or (floor is not None and interval(claims[floor])[0] >
                        (point(claims[best]) or 0)):
        best = floor
    return low, best, high


def median_claim(points: list[tuple[float, int]]) -> int | None:
    if not points:
        return None
    middle = statistics.median_low([p for p, _ in points])
    return next(i for p, i in points if p == middle)


def value_at(index: int | None, claims: Sequence[Claim]) -> float | None:
    if index is None:
        return None
    claim = claims[index]
    return claim.value if claim.value is not None else claim.low
