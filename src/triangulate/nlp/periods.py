"""A figure's time phrase resolved against the article's date: "last week" in an article of
2025-01-15 is 2025-01-06 to 2025-01-12.

Rules (dates inclusive; the year of a bare month is the article's, or the year before where
that month has not yet come): "today"; "yesterday"; a weekday ("on Monday": the latest such
day up to the article's date); "this/last week" (Monday to Sunday); "this/last month"; "the
past N days/hours/weeks" and "the past day/week/month" (back from the article's date); a month
("in January", "early December", "January 2025"); a day ("14 January 2025", "January 14"); a
year ("in 2024"); "since X" (from X's start to the article's date); "by X" as X; a part of the
day ("Tuesday night") as its day. Anything else: unresolved.

A figure stands "as of" the end of its period, never after the date it was reported (the
article's, or its liveblog entry's): "since October" is as of the report, "on Dec. 19" as of
that day, "last week" as of last Sunday; a figure with no time phrase is as of its report.

The ``triangulate_periods`` component resolves the claims of ``doc._.claims`` so, against the
date of the liveblog entry each stands under, else the article's date, which the caller sets
as ``doc._.published`` (ISO; without it only dated entries resolve).
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.ingest.dates import entry_dates
from triangulate.lang.en.numbers import MONTHS, TEENS, TENS
from triangulate.lang.en.numbers import UNITS as UNITS_OF_NUMBER
from triangulate.nlp.extensions import declare, text_of, value
from triangulate.types import Claim

WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
DAYS_IN = {"day": 1, "week": 7, "month": 30, "hour": 1}  # an hour's period is its day
UNITS = DAYS_IN | {f"{unit}s": days for unit, days in DAYS_IN.items()}
# the number before a unit: any number word, and the hours of one to three days in digits
NUMBER_WORDS = UNITS_OF_NUMBER | TEENS | TENS | {"24": 1, "48": 2, "72": 3}

Period = tuple[date, date]

declare("published")


@Language.component("triangulate_periods", requires=["doc._.claims"], assigns=["doc._.claims"])
def resolve_periods(doc: Doc) -> Doc:
    """Each claim of ``doc._.claims`` with its period and as-of date."""
    stamps = entry_dates(text_of(doc))
    doc._.claims = [with_period(claim, reported_on(claim.start, stamps, doc._.published))
                    for claim in value(doc, "claims") or []]
    return doc


def with_period(claim: Claim, reported: str | None) -> Claim:
    """The claim with its scope resolved against the date it was reported, and its as-of."""
    period = resolve_period(claim.scope, reported)
    dated = replace(claim, as_of=as_of(period, reported))
    if period is None:
        return dated
    return replace(dated, period_start=period[0], period_end=period[1])


def reported_on(offset: int, stamps: list[tuple[int, str]], published: str | None) -> str | None:
    """The date of the liveblog entry a figure stands under, else the article's date."""
    index = bisect.bisect_right([start for start, _ in stamps], offset)
    return stamps[index - 1][1] if index else published


def resolve_period(phrase: str | None, published: str | None) -> tuple[str, str] | None:
    """(start, end) as ISO dates, or None where the phrase or the article's date is unknown."""
    if not phrase or not published:
        return None
    try:
        today = date.fromisoformat(published)
    except ValueError:
        return None
    text = re.sub(r"\s+", " ", phrase.lower().replace(",", " ")).strip()
    text = re.sub(r" (night|morning|evening|afternoon)$", "", text.removeprefix("by "))
    since = text.startswith("since ")
    found = period_of(text.removeprefix("since ").strip(), today)
    if found is None:
        return None
    start, end = (found[0], today) if since else found
    return start.isoformat(), end.isoformat()


def period_of(text: str, today: date) -> Period | None:
    for rule in (relative_day, week_or_month, past_span, explicit_day, month_phrase, year):
        found = rule(text, today)
        if found is not None:
            return found
    return None


def relative_day(text: str, today: date) -> Period | None:
    if text in {"today", "this morning", "tonight", "this evening"}:
        return today, today
    if text in {"yesterday", "last night"}:
        day = today - timedelta(days=1)
        return day, day
    weekday = WEEKDAYS.get(text.removeprefix("on ").removeprefix("last "))
    if weekday is None:
        return None
    day = today - timedelta(days=(today.weekday() - weekday) % 7)
    return day, day


def week_or_month(text: str, today: date) -> Period | None:
    monday = today - timedelta(days=today.weekday())
    if text == "this week":
        return monday, monday + timedelta(days=6)
    if text == "last week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    first = today.replace(day=1)
    if text == "this month":
        return first, month_end(first)
    if text == "last month":
        previous = (first - timedelta(days=1)).replace(day=1)
        return previous, month_end(previous)
    return None


def past_span(text: str, today: date) -> Period | None:
    match = re.fullmatch(r"(?:in |over |during )?(?:the )?(?:past|last) (?:(\w+) )?(\w+)", text)
    if match is None or match.group(2) not in UNITS:
        return None
    count = match.group(1)
    n = 1 if count is None else NUMBER_WORDS.get(count) or (int(count) if count.isdigit()
                                                            else None)
    if n is None:
        return None
    days = n * UNITS[match.group(2)]
    if match.group(2).startswith("hour"):
        days = max(1, n // 24)
    return today - timedelta(days=days), today


def explicit_day(text: str, today: date) -> Period | None:
    match = re.fullmatch(r"(?:on )?(?:(\d{1,2}) (\w+)|(\w+) (\d{1,2}))(?: (\d{4}))?", text)
    if match is None:
        return None
    day_text = match.group(1) or match.group(4)
    month = MONTHS.get((match.group(2) or match.group(3) or "").rstrip("."))
    if month is None:
        return None
    year_ = int(match.group(5)) if match.group(5) else year_of(month, today)
    try:
        day = date(year_, month, int(day_text))
    except ValueError:
        return None
    return day, day


def month_phrase(text: str, today: date) -> Period | None:
    match = re.fullmatch(r"(?:in |during )?(?:early |mid-|mid |late |the end of |the start of )?"
                         r"(\w+)(?: (\d{4}))?", text)
    if match is None or match.group(1) not in MONTHS:
        return None
    month = MONTHS[match.group(1)]
    first = date(int(match.group(2)) if match.group(2) else year_of(month, today), month, 1)
    return first, month_end(first)


def year(text: str, today: date) -> Period | None:
    match = re.fullmatch(r"(?:in )?(\d{4})", text)
    if match is None:
        return None
    value = int(match.group(1))
    return (date(value, 1, 1), date(value, 12, 31)) if 1900 <= value <= 2100 else None


def year_of(month: int, today: date) -> int:
    """A bare month is the latest one up to the article's date."""
    return today.year if month <= today.month else today.year - 1


def month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def as_of(period: tuple[str, str] | None, reported: str | None) -> str | None:
    """The date a figure stands for: its period's end, not later than its report's date."""
    if period is None:
        return reported
    return min(period[1], reported) if reported else period[1]
