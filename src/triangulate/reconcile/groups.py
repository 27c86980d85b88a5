"""Group the same measure about the same subject across articles, and judge each group.

Blocking: claims are bucketed by (measure, subject key) in one pass, and each rule below
runs in O(n log n) within a bucket (no pair of claims is compared unless neighbours in an
order), so the cost grows with the number of claims, not its square.

Status rules, in order:

1. ``single_source``: all the group's figures come from one independent source (one primary
   source however many outlets carry it; near-duplicate articles count once).
2. ``conflicting``: two independent sources give figures that cannot both be true (their
   intervals do not meet, 10% slack) for the same scope and period: the same scope phrase or
   none ("in the first engagement", "in January" set a figure apart from a running total),
   and articles of the same or a neighbouring 7-day period, or undated.
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
from dataclasses import dataclass, field
from datetime import date

from triangulate.nlp.gazetteer import DEMONYM
from triangulate.reconcile.intervals import AGREEMENT, agree, interval, point
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
        timeline=sorted(members, key=lambda i: (date_of(claims[i].article) or "9999", i)),
    )


def status_of(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
              date_of: DateOf) -> tuple[Status, str]:
    sources = {source_of(i) for i in members}
    if len(sources) == 1:
        outlets = len({claims[i].article for i in members})
        return "single_source", f"one independent source ({next(iter(sources))}) in " \
            f"{outlets} article{'s' if outlets > 1 else ''}"
    clash = find_clash(members, claims, source_of, date_of)
    if clash is not None:
        a, b = clash
        return "conflicting", f"{describe(claims[a])} and {describe(claims[b])} " \
            "cannot both be true for the same scope and period"
    match = find_agreement(members, claims, source_of)
    if match is not None:
        a, b = match
        return "corroborated", f"{describe(claims[a])} and {describe(claims[b])} agree, " \
            f"from {len(sources)} independent sources"
    return "compatible", f"{len(sources)} independent sources give different figures that " \
        "can all be true (bounds, vague figures, scope or date differ)"


Bound = tuple[float, str, int]  # (value, source, claim index)


@dataclass
class Extremes:
    """The two largest lower bounds and the two smallest upper bounds of a set of claims,
    each pair from two different sources: enough to tell whether any two sources of the
    set cannot both be right, without comparing every pair."""

    lows: list[Bound] = field(default_factory=list)
    highs: list[Bound] = field(default_factory=list)

    def add(self, low: Bound, high: Bound) -> None:
        self.lows = top_two([*self.lows, low], reverse=True)
        self.highs = top_two([*self.highs, high], reverse=False)

    def merged(self, other: Extremes) -> Extremes:
        return Extremes(top_two(self.lows + other.lows, reverse=True),
                        top_two(self.highs + other.highs, reverse=False))

    def clash(self) -> tuple[int, int] | None:
        for low, low_source, a in self.lows:
            for high, high_source, b in self.highs:
                if low_source != high_source and low > high + AGREEMENT * max(low, 1.0):
                    return a, b
        return None


def top_two(bounds: list[Bound], reverse: bool) -> list[Bound]:
    """The best bound of each of the best two sources."""
    best: dict[str, Bound] = {}
    for bound in sorted(bounds, key=lambda b: b[0], reverse=reverse):
        best.setdefault(bound[1], bound)
        if len(best) == 2:
            break
    return list(best.values())


Cell = tuple[str | None, int | None]  # (scope, 7-day period); a period of None matches any


def find_clash(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
               date_of: DateOf) -> tuple[int, int] | None:
    """Two claims from different sources, of the same scope and period, that cannot both be
    true. Claims fall into cells by (scope, 7-day period); a cell meets only the cells of its
    scope in its own or a neighbouring period, or undated."""
    cells: dict[Cell, Extremes] = defaultdict(Extremes)
    for i in members:
        low, high = interval(claims[i])
        cells[(scope_key(claims[i]), period(date_of(claims[i].article)))].add(
            (low, source_of(i), i), (high, source_of(i), i))
    for (scope, week), extremes in cells.items():
        for partner in partners(scope, week):
            other = cells.get(partner)
            found = extremes.merged(other).clash() if other is not None else None
            if found is not None:
                return found
    return None


def scope_key(claim: Claim) -> str | None:
    """The figure's scope: its resolved period where the article's date allows ("last week"
    in two articles a week apart is two periods), else its phrase."""
    if claim.period_start:
        return f"{claim.period_start}/{claim.period_end}"
    return " ".join(claim.scope.lower().split()) if claim.scope else None


def period(day: str | None) -> int | None:
    return None if day is None else date.fromisoformat(day).toordinal() // SAME_PERIOD_DAYS


def partners(scope: str | None, week: int | None) -> list[Cell]:
    weeks: list[int | None] = [None] if week is None else [week - 1, week, week + 1, None]
    return [(scope, w) for w in weeks]


def find_agreement(members: list[int], claims: Sequence[Claim], source_of: SourceOf
                   ) -> tuple[int, int] | None:
    """Two point figures from different sources within 10%: in value order, each figure
    need only be compared with the next figure from another source."""
    points = sorted((p, i) for i in members if (p := point(claims[i])) is not None)
    next_other: int | None = None  # position of the next figure from another source
    for n in range(len(points) - 2, -1, -1):
        here, after = points[n][1], points[n + 1][1]
        if source_of(after) != source_of(here):
            next_other = n + 1
        if next_other is not None and agree(claims[here], claims[points[next_other][1]]):
            return here, points[next_other][1]
    return None


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
    """Indexes of the claims that give the low, best and high figures (as stated)."""
    stated = {i: f for i in members if (f := value_at(i, claims)) is not None and f > 0}
    bounded = [i for i in stated if math.isfinite(interval(claims[i])[1])]
    points = [(p, i) for i in members if (p := point(claims[i])) is not None]
    named = [(p, i) for p, i in points if claims[i].source and not claims[i].source_vague]
    low = min(stated, key=stated.__getitem__) if stated else None
    high = max(bounded, key=stated.__getitem__) if bounded else None
    best = median_claim(named or points)
    floor = max(stated, key=lambda i: interval(claims[i])[0]) if stated else None
    if best is None or (floor is not None and interval(claims[floor])[0] > figure(best, claims)):
        best = floor
    if best is not None and high is not None and figure(best, claims) > stated[high]:
        high = best
    return low, best, high


def figure(index: int, claims: Sequence[Claim]) -> float:
    return value_at(index, claims) or 0.0


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
