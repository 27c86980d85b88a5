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

The slack (10%), the period (7 days) and the event window are ``Settings.agreement``,
``same_period_days`` and ``event_gap_days``, passed to :func:`build_groups`.
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
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from triangulate.lang.en.forces import FORCE_NOUNS, PEOPLE_NOUNS
from triangulate.lang.en.gazetteer import DEMONYM
from triangulate.lang.en.people import PERSON_CATEGORIES, VICTIM_WORDS
from triangulate.lang.lookup import actor_of, event_place, is_incident
from triangulate.measures import GROWING, VICTIMS, Measure, kind_of
from triangulate.reconcile.independence import may_corroborate
from triangulate.reconcile.intervals import interval, point
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Claim, Group, Status

SourceOf = Callable[[int], str]
DateOf = Callable[[str], str | None]
OutletOf = Callable[[str], str | None]  # an article's outlet, where known


def subject_key(claim: Claim) -> str | None:
    """Who a figure counts, for grouping: a category of people ("children", "women") by its
    word; a side's forces by the side; other people counted as victims (civilians,
    residents, a people, prisoners, "the dead") as one "people"; else the subject's actor or
    last word."""
    words = (claim.subject or "").lower().replace("-", " ").split()
    head = words[-1] if words else None
    if head in PERSON_CATEGORIES:
        return PERSON_CATEGORIES[head]
    if claim.measure in VICTIMS:
        victims = (is_person(head) and not is_force(head)) or (
            head is not None and actor_of(head) == claim.actor)
        if claim.actor and claim.actor != "Civilians" and not victims:
            return claim.actor  # "North Korean forces", "Russian hundreds"
        if claim.actor or victims:
            return "people"  # "civilians", "Palestinians", "prisoners", "the dead"
    return claim.actor or head





def is_force(word: str | None) -> bool:
    return word is not None and (word in FORCE_NOUNS or word.rstrip("s") in FORCE_NOUNS)


def is_person(word: str | None) -> bool:
    return word is not None and (word in VICTIM_WORDS or word in PEOPLE_NOUNS
                                 or word.rstrip("s") in PEOPLE_NOUNS)


def subject_label(key: str) -> str:
    if key == "Civilians":
        return "civilians"
    demonym = DEMONYM.get(key)
    return f"{demonym} forces" if demonym else key


EventOf = Callable[[int], str | None]


def block(claims: Sequence[Claim], event_of: EventOf | None = None
          ) -> dict[tuple[str, Measure, str], list[int]]:
    """Claim indexes by (event, measure, subject key); figures of no known measure are left
    out."""
    buckets: dict[tuple[str, Measure, str], list[int]] = defaultdict(list)
    for index, claim in enumerate(claims):
        key = subject_key(claim)
        if claim.measure != "other" and key is not None:
            event = (event_of(index) if event_of else None) or ""
            buckets[(event, claim.measure, key)].append(index)
    return buckets


def event_keys(claims: Sequence[Claim], date_of: DateOf,
               gap_days: int = DEFAULTS.event_gap_days
               ) -> tuple[list[str | None], dict[str, str]]:
    """Each claim's event key, and each key's readable name. The claims of one place are one
    event; where every article names it as an incident ("Marib attack"), articles
    further apart than ``gap_days`` tell of another incident there, while a campaign
    ("Kursk incursion") stays one however long it is reported. A claim whose article names
    no event joins the corpus's largest event of its time (:func:`main_event`)."""
    days: dict[str, set[str]] = defaultdict(set)
    campaigns: set[str] = set()
    for claim in claims:
        if claim.event:
            place = event_place(claim.event)
            days[place].add(date_of(claim.article) or "")
            if not is_incident(claim.event):
                campaigns.add(place)
    spans: dict[tuple[str, str], str] = {}
    for place, seen in days.items():
        start = previous = None
        for day in sorted(seen):
            if start is None or (place not in campaigns and day and previous
                                 and gap(previous, day) > gap_days):
                start = day
            spans[(place, day)] = f"{place}|{start}"
            previous = day or previous
    keys = [spans[(event_place(c.event), date_of(c.article) or "")] if c.event else None
            for c in claims]
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for claim, key in zip(claims, keys, strict=True):
        if key is not None and claim.event:
            names[key][claim.event] += 1
    keys = main_event(claims, keys, date_of, gap_days)
    return keys, {key: readable(key, counts) for key, counts in names.items()}


def main_event(claims: Sequence[Claim], keys: list[str | None], date_of: DateOf,
               gap_days: int = DEFAULTS.event_gap_days) -> list[str | None]:
    """Claims of articles that name no event, in the corpus's event with the most claims
    whose reporting (± ``gap_days``) covers their article's date and which names a
    party the article names too, or any such event where the article names no party: where
    a report does not say where it happened, it is most likely about the story the corpus
    is about, unless the sides it names show another war of the same time."""
    sizes = Counter(key for key in keys if key is not None)
    span: dict[str, tuple[str, str]] = {}
    sides: dict[str, set[str]] = defaultdict(set)
    for claim, key in zip(claims, keys, strict=True):
        day = date_of(claim.article)
        if key is not None and day:
            low, high = span.get(key, (day, day))
            span[key] = (min(low, day), max(high, day))
        sides[key or f"article:{claim.article}"] |= parties(claim)

    def covers(key: str, day: str | None) -> bool:
        if day is None or key not in span:
            return True
        return gap(span[key][0], day) >= -gap_days and gap(day, span[key][1]) >= -gap_days

    ranked = [key for key, _ in sizes.most_common()]
    joined: dict[str, str | None] = {}
    out: list[str | None] = []
    for claim, key in zip(claims, keys, strict=True):
        if key is None:
            day, own = date_of(claim.article), sides[f"article:{claim.article}"]
            if claim.article not in joined:
                joined[claim.article] = next(
                    (k for k in ranked if covers(k, day) and (not own or own & sides[k])),
                    None)
            key = joined[claim.article]
        out.append(key)
    return out


def parties(claim: Claim) -> set[str]:
    """The sides a claim names: its subject's, its source's (civilians are no side)."""
    found = {claim.actor, actor_of(claim.source or ""), actor_of(claim.subject or "")}
    return {side for side in found if side is not None and side != "Civilians"}


def gap(earlier: str, later: str) -> int:
    return (date.fromisoformat(later) - date.fromisoformat(earlier)).days


def readable(key: str, names: Counter[str]) -> str:
    """The event's most used name, with the month it was first reported ("Marib strike,
    April 2022")."""
    name = names.most_common(1)[0][0]
    start = key.rsplit("|", 1)[-1]
    if not start:
        return name
    return f"{name}, {date.fromisoformat(start).strftime('%B %Y')}"


def build_groups(claims: Sequence[Claim], source_of: SourceOf, date_of: DateOf,
                 outlet_of: OutletOf = lambda _: None, settings: Settings = DEFAULTS
                 ) -> list[Group]:
    """The groups of the claims; ``outlet_of`` names an article's outlet for the ``why``."""
    keys, names = event_keys(claims, date_of, settings.event_gap_days)
    groups = []
    for (event, measure, key), members in sorted(block(claims, keys.__getitem__).items()):
        group = judge(measure, key, members, claims, source_of, date_of, outlet_of, settings)
        group.event = names.get(event)
        groups.append(group)
    return groups


def judge(measure: Measure, key: str, members: list[int], claims: Sequence[Claim],
          source_of: SourceOf, date_of: DateOf, outlet_of: OutletOf,
          settings: Settings = DEFAULTS) -> Group:
    sources = sorted({source_of(i) for i in members})
    status, why = status_of(members, claims, source_of, date_of, outlet_of, settings)
    low, best, high = estimate(members, claims)
    articles = list(dict.fromkeys(claims[i].article for i in members))
    def cited(index: int | None) -> str | None:
        return claims[index].id if index is not None else None

    timeline = sorted(members, key=lambda i: (as_of(claims[i], date_of) or "9999", i))
    return Group(
        measure=measure, subject=subject_label(key), articles=articles, status=status,
        low=value_at(low, claims), best=value_at(best, claims), high=value_at(high, claims),
        why=why, claims=[claims[i].id for i in members], sources=sources,
        low_from=cited(low), best_from=cited(best), high_from=cited(high),
        timeline=[claims[i].id for i in timeline],
    )


def as_of(claim: Claim, date_of: DateOf) -> str | None:
    """The date the figure stands for: its own, else its article's."""
    return claim.as_of or date_of(claim.article)


def status_of(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
              date_of: DateOf, outlet_of: OutletOf, settings: Settings = DEFAULTS
              ) -> tuple[Status, str]:
    sources = {source_of(i) for i in members}
    if len(sources) == 1:
        outlets = len({claims[i].article for i in members})
        return "single_source", "one independent source " \
            f"({source_name(claims[members[0]], outlet_of)}) " \
            f"in {outlets} article{'s' if outlets > 1 else ''}"

    def said(i: int) -> str:
        return describe(claims[i], date_of, outlet_of)

    clash = find_clash(members, claims, source_of, date_of, settings)
    if clash is not None:
        a, b = clash
        return "conflicting", f"{said(a)} and {said(b)} cannot both be true for the same " \
            "scope and time"
    match = find_agreement(members, claims, source_of, date_of, settings.agreement)
    if match is not None:
        a, b = match
        return "corroborated", f"{said(a)} and {said(b)} agree, and so do the latest " \
            f"figures of all {len(sources)} independent sources"
    return "compatible", f"{spread(members, claims, said)}: {len(sources)} " \
        "independent sources give different figures that can all be true (bounds, vague " \
        "figures, scope, or a count that grew over time)"


def spread(members: list[int], claims: Sequence[Claim], said: Callable[[int], str]) -> str:
    """The group's smallest and largest stated figures in words (``said``: a claim's words,
    with its source and date)."""
    stated = sorted((i for i in members if value_at(i, claims) is not None),
                    key=lambda i: figure(i, claims))
    if not stated:
        return "figures without a number"
    if len(stated) == 1:
        return said(stated[0])
    return f"from {said(stated[0])} to {said(stated[-1])}"


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

    def clash(self, agreement: float) -> tuple[int, int] | None:
        """Two bounds of two sources further apart than ``agreement`` slack allows."""
        for low, low_source, a in self.lows:
            for high, high_source, b in self.highs:
                if low_source != high_source and low > high + agreement * max(low, 1.0):
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


Cell = tuple[str | None, int]  # (scope, 7-day period of the figure's as-of date)


def find_clash(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
               date_of: DateOf, settings: Settings = DEFAULTS) -> tuple[int, int] | None:
    """Two claims from different sources, of the same scope and about the same time, that
    cannot both be true; undated figures are no evidence of a clash. Claims fall into cells
    by (scope, 7-day period); a cell meets the cells of its scope in its own or a
    neighbouring period. A count that only grows states at most its floor: an exact "50
    killed" is "50 so far", bounded above only by a later, smaller count
    (:func:`shrinking_count`); estimates ("about 300", "100 to 300") bound it either way."""
    growing = claims[members[0]].measure in GROWING
    cells: dict[Cell, Extremes] = defaultdict(Extremes)
    for i in members:
        day = as_of(claims[i], date_of)
        if day is None:
            continue
        low, high = interval(claims[i])
        if growing and claims[i].qualifier == "exact":
            high = math.inf
        cells[(scope_key(claims[i]), period(day, settings.same_period_days))].add(
            (low, source_of(i), i), (high, source_of(i), i))
    for (scope, week), extremes in cells.items():
        for partner in ((scope, week - 1), (scope, week), (scope, week + 1)):
            other = cells.get(partner)
            found = extremes.merged(other).clash(settings.agreement) if other is not None \
                else None
            if found is not None:
                return found
    return shrinking_count(members, claims, source_of, date_of, settings) if growing \
        else None


Dated = tuple[int, float, str, int]  # (day ordinal, floor, source, claim index)


def shrinking_count(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
                    date_of: DateOf, settings: Settings = DEFAULTS) -> tuple[int, int] | None:
    """An exact count below an earlier floor from another source of the same scope, given
    on a later day within two weeks: a count that only grows cannot have shrunk. In date
    order, each scope keeps the floors of the last two weeks in a deque whose floors fall
    from front to back, so each count is checked against the highest of them."""
    dated = sorted((date.fromisoformat(day).toordinal(), i) for i in members
                   if (day := as_of(claims[i], date_of)) is not None)
    windows: dict[str | None, deque[Dated]] = defaultdict(deque)
    for ordinal, i in dated:
        window = windows[scope_key(claims[i])]
        while window and window[0][0] < ordinal - 2 * settings.same_period_days:
            window.popleft()
        value = claims[i].value
        if claims[i].qualifier == "exact" and value is not None:
            for given, floor, source, j in window:  # highest floor first
                if given == ordinal or source == source_of(i):
                    continue
                if floor > value + settings.agreement * max(floor, 1.0):
                    return j, i
                break
        floor = interval(claims[i])[0]
        while window and window[-1][1] <= floor:
            window.pop()
        window.append((ordinal, floor, source_of(i), i))
    return None


def scope_key(claim: Claim) -> str | None:
    """The figure's scope: its resolved period where the article's date allows ("last week"
    in two articles a week apart is two periods), else its phrase. A single day ("on March
    16") is no scope but the figure's date."""
    if claim.period_start:
        if claim.period_start == claim.period_end:
            return None
        return f"{claim.period_start}/{claim.period_end}"
    return " ".join(claim.scope.lower().split()) if claim.scope else None


def period(day: str, days: int = DEFAULTS.same_period_days) -> int:
    return date.fromisoformat(day).toordinal() // days


def find_agreement(members: list[int], claims: Sequence[Claim], source_of: SourceOf,
                   date_of: DateOf, agreement: float = DEFAULTS.agreement
                   ) -> tuple[int, int] | None:
    """Whether independent sources agree, on the latest figure of each source (a source's
    own figures over time are a series: its last one stands). A toll rises by the hour, so
    its sources agree only where all their latest figures lie within 10% (differing tolls
    are a rising count, compatible); a force's size, an area or a share does not move with
    each report, so two sources within 10% of each other corroborate it. Returns the two
    figures compared."""
    latest: dict[str, int] = {}
    for i in sorted(members, key=lambda i: (as_of(claims[i], date_of) or "", i)):
        if value_at(i, claims) is not None and claims[i].qualifier != "vague":
            latest[may_corroborate(source_of(i))] = i
    if len(latest) < 2:
        return None
    ordered = sorted(latest.values(), key=lambda i: figure(i, claims))
    if claims[members[0]].measure not in VICTIMS:
        ordered = [i for i in ordered if point(claims[i]) is not None]
        return next(((a, b) for a, b in pairwise(ordered)
                     if figure(b, claims) - figure(a, claims)
                     <= agreement * max(figure(b, claims), 1.0)), None)
    smallest, largest = ordered[0], ordered[-1]
    spread = figure(largest, claims) - figure(smallest, claims)
    return (smallest, largest) if spread <= agreement * max(figure(largest, claims), 1.0) \
        else None


def source_name(claim: Claim, outlet_of: OutletOf = lambda _: None) -> str:
    """Who gives the figure: its source, else the outlet that reports it on its own
    authority."""
    if claim.source:
        return claim.source
    outlet = outlet_of(claim.article)
    return f"{outlet}'s own reporting" if outlet else "the reporting outlet"


def describe(claim: Claim, date_of: DateOf, outlet_of: OutletOf = lambda _: None) -> str:
    """A figure in words, with its source and date: "at least 500 (health ministry, 17
    October 2023)"."""
    words = {"at_least": "at least ", "more_than": "more than ", "about": "about ",
             "at_most": "at most ", "less_than": "less than "}
    value = "an unstated number" if claim.value is None else f"{claim.value:,.0f}"
    if kind_of(claim.measure).unit == "percent" and claim.value is not None:
        value = f"{claim.value:.0%}"
    if claim.qualifier == "range" and claim.low is not None and claim.high is not None:
        value = f"{claim.low:,.0f} to {claim.high:,.0f}"
    if claim.qualifier == "vague":
        value = claim.text or "a vague figure"
    day = as_of(claim, date_of)
    when = f", {date.fromisoformat(day).strftime('%-d %B %Y')}" if day else ", undated"
    return f"{words.get(claim.qualifier, '')}{value} ({source_name(claim, outlet_of)}{when})"


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
