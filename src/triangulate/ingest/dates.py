"""An article's date from its own text, where its metadata gives none.

Reports carry their date in a few places, read in this order:

1. a stamp or byline line near the top: "Updated Aug. 2, 2022, 08:15 GMT",
   "Analysis | Feb. 11, 2023", "By our Foreign Desk | 5 June 2024", "Aktualisiert am 12. März 2024";
2. a dateline opening a paragraph: "SEOUL, March 3 (Reuters) -", "KYIV, 9 october 2023 -",
   "LONDON, 14 May 2024", "KIEV, April 8. /TASS/.";
3. else the latest full date the text mentions (a report tells of what came before it).

Before the text, :func:`date_from_url` reads the date many sites put in an article's address.

Month names come from Babel's locale data (English and the common European languages), so
"12. März 2024", "3 mars 2023" and "9 october 2023" read alike. Where a date omits its year,
the year comes from the dates in the text (the latest year a full date or a bare year gives),
never from today: with no year in the text, a date without one is not read.

Liveblogs: :func:`entry_dates` finds the timestamp lines that open each entry, so that the
figures under an entry can be dated by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from babel import Locale

LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "uk", "ru", "sv", "da", "cs")
TOP_LINES = 8  # lines at the head of a text where stamps, bylines and datelines stand
TOP_CHARS = 1500
STAMP_WORDS = re.compile(
    r"\b(updated|published|posted|last modified|first published|aktualisiert|veröffentlicht|"
    r"stand|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato|bijgewerkt)\b",
    re.IGNORECASE)
YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month names and abbreviations (lower case, no dot) of every language -> month number;
    the first language to name a word keeps it (English first)."""
    names: dict[str, int] = {}
    for language in LANGUAGES:
        months = Locale(language).months
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                for number, name in months[context][width].items():
                    key = name.lower().rstrip(".")
                    if len(key) >= 3 and not key.isdigit():
                        names.setdefault(key, number)
    names.setdefault("sept", 9)
    return names


def alternation(words: Iterable[str]) -> str:
    """A regular expression for any of ``words``, longest first, written as a tree of their
    shared prefixes ("ma(?:r(?:ch|s|zo)?|y|i)" rather than "march|mars|marzo|mar|may|mai"):
    at each place in a text the engine tries the one branch that begins with the letter
    there, not every one of hundreds of month names in turn."""
    tree: dict[str, dict[str, Any]] = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: dict[str, dict[str, Any]]) -> str:
    branches = [re.escape(letter) + _branches(child)
                for letter, child in sorted(node.items()) if letter]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"(?:{body})?"  # greedy: the longer word is tried before the one ending here


@lru_cache(maxsize=1)
def date_pattern() -> re.Pattern[str]:
    months = alternation(month_names())
    month = rf"(?P<{{m}}>{months})\.?"
    day = r"(?P<{d}>[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
    year = r"(?:,?\s+(?P<{y}>(?:19|20)\d\d)\b)?"
    day_first = (day + r"\s+(?:de\s+)?" + month + r"(?:\s+de)?" + year).format(
        d="d1", m="m1", y="y1")
    month_first = (month + r"\s+" + day + r"(?!\d)" + year).format(d="d2", m="m2", y="y2")
    numeric = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)|(?P<dmy>[0-3]?\d\.[01]?\d\.(?:19|20)\d\d)"
    return re.compile(rf"(?<![\w.])(?:{day_first}|{month_first}|{numeric})(?!\w)"
                      r"|(?P<stamp>(?:19|20)\d\d-[01]\d-[0-3]\d)T\d", re.IGNORECASE)


_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Found:
    """A date in the text: where, its month and day, and its year where the text gives it."""

    start: int
    end: int
    month: int
    day: int
    year: int | None

    def on(self, year: int | None = None) -> date | None:
        try:
            return date(self.year or year or 0, self.month, self.day)
        except ValueError:
            return None


def find_dates(text: str) -> list[Found]:
    """Every date in the text, as ``date_pattern().finditer`` finds them."""
    return list(_dates(text))


def first_date(text: str) -> Found | None:
    """The first date in the text (``find_dates(text)[0]``), read no further."""
    return next(_dates(text), None)


def _dates(text: str) -> Iterator[Found]:
    """The dates of ``date_pattern().finditer(text)``, the pattern tried only where a date
    can begin (:func:`_date_starts`) rather than at every character: its hundreds of month
    names are costly to try at every word of a long text."""
    pattern, at = date_pattern(), 0
    for start in _date_starts(text):
        match = pattern.match(text, start) if start >= at else None
        if match is None:
            continue
        item = found_of(match)
        if item is not None and 1 <= item.day <= 31:
            yield item
        at = match.end()


def _date_starts(text: str) -> Iterator[int]:
    """Where a date can begin, in order: at each digit (a day, a numeric date, a stamp), and
    before a digit at the word that spaces and a dot part from it (a month: "Sept. 3")."""
    for digit in _DIGIT.finditer(text):
        word = _word_before(text, digit.start())
        if word is not None:
            yield word
        yield digit.start()


def _word_before(text: str, at: int) -> int | None:
    """The start of the word before ``at`` across spaces (at least one) and a dot."""
    end = at
    while end > 0 and text[end - 1].isspace():
        end -= 1
    if end == at:
        return None
    if text[end - 1 : end] == ".":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return start if start < end else None


def month_number(word: str) -> int | None:
    """The month a matched month name stands for. The pattern matches without regard to
    case, which also lets letters through whose lower case is not the ASCII one ("ſept",
    with a long s, or a Kelvin sign for "K"): those are folded before they are looked up,
    and a word that still names no month is none."""
    key = word.lower().rstrip(".")
    names = month_names()
    return names.get(key) or names.get(key.casefold())


def found_of(match: re.Match[str]) -> Found | None:
    groups = match.groupdict()
    iso = groups["iso"] or groups["stamp"]  # "2024-03-02", "2024-03-02T10:00:00Z"
    if iso:
        year_, month, day = (int(p) for p in iso.split("-"))
        return Found(match.start(), match.end(), month, day, year_)
    if groups["dmy"]:
        day, month, year_ = (int(p) for p in groups["dmy"].split("."))
        return Found(match.start(), match.end(), month, day, year_) if month <= 12 else None
    for d, m, y in (("d1", "m1", "y1"), ("d2", "m2", "y2")):
        if groups[m]:
            named = month_number(groups[m])
            year_text = groups[y]
            return None if named is None else Found(
                match.start(), match.end(), named, int(groups[d]),
                int(year_text) if year_text else None)
    return None


def year_of_text(text: str, dates: list[Found]) -> int | None:
    """The year a yearless date in the text belongs to: the latest year of a full date, else
    the latest bare year mentioned."""
    full = [d.year for d in dates if d.year is not None]
    if full:
        return max(full)
    bare = [int(y) for y in YEAR.findall(text)]
    return max(bare) if bare else None


def date_from_text(text: str, title: str = "") -> str | None:
    """The article's date (ISO) read from its text and title, or None."""
    head = f"{title}\n{text[:TOP_CHARS]}" if title else text[:TOP_CHARS]
    everything = find_dates(text)
    year_ = year_of_text(text, everything)
    for rule in (stamped, dateline):
        found = rule(head)
        if found is not None:
            day = found.on(year_)
            if day is not None:
                return day.isoformat()
    days = [d for f in everything if (d := f.on(year_)) is not None]
    return max(days).isoformat() if days else None


def stamped(head: str) -> Found | None:
    """A date on a stamp or byline line at the top: a line with a stamp word or a "|",
    or a short line that is mostly a date."""
    for line in head.splitlines()[:TOP_LINES]:
        dates = find_dates(line)
        if not dates:
            continue
        text = line.strip()
        rest = len(text) - sum(d.end - d.start for d in dates)
        if STAMP_WORDS.search(text) or "|" in text or text.lower().startswith("by ") \
                or rest <= 25:
            return dates[0]
    return None


PLACE_WORDS = r"(?:[A-ZÀ-Þ][\w'’.\-]*\s?){1,4}"  # capitalised words: "SEOUL", "Kryvyi Rih"
DATELINE_LEAD = re.compile(rf"^\s*{PLACE_WORDS}(?:,\s*{PLACE_WORDS}){{0,2}},?\s+$")


def dateline(head: str) -> Found | None:
    """The date of a dateline: a paragraph that opens with a place in capitals or a place and
    country, then the date ("SEOUL, March 3 (Reuters) -", "KIEV, April 8. /TASS/.")."""
    for paragraph in head.splitlines():
        first = first_date(paragraph[:90])
        if first is not None and DATELINE_LEAD.match(paragraph[: first.start]):
            return first
    return None


CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b\s*(?:[ap]\.?m\.?)?\s*(?:GMT|UTC|CET|CEST|EST|EDT|BST)?",
                   re.IGNORECASE)
EDGE = " ,|-·–—()\t"


def is_stamp_line(line: str) -> bool:
    """True for a line that dates the piece rather than tells it, so that it is no headline:
    a date alone or with a time, a stamp or byline ("Updated 5 June 2024 09:10 GMT", "By Staff
    | 12 April 2023", "Analysis | Nov. 7, 2023"), or a dateline with nothing after its date
    ("GOMA, 12. März 2024"). A headline with a date in it ("Strike kills 12 on 5 June") is
    none: its other words tell what happened."""
    first = first_date(line)
    if first is None:
        return False
    before, after = line[: first.start], CLOCK.sub("", line[first.end :])
    rest = f"{before} {after}".strip(EDGE)
    if not rest:
        return True
    if STAMP_WORDS.search(rest) or "|" in line or rest.lower().startswith("by "):
        return len(rest.split()) <= 6
    lead = before.strip()
    return not after.strip(EDGE) and bool(DATELINE_LEAD.match(before)) and (
        "," in lead or lead.isupper())


TIMESTAMP_LINE = re.compile(r"^[\s,|·-]*(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?"
                            r"[\s,|-]*$", re.IGNORECASE)


def entry_dates(text: str) -> list[tuple[int, str]]:
    """(offset, ISO date) of each liveblog entry stamp: a line that holds a date and at most a
    time besides ("April 8, 2022, 10:15 AM", "10:15 GMT | 8 April 2022"), in text order."""
    year_ = cache(lambda: year_of_text(text, find_dates(text)))  # read once a stamp needs it
    stamps: list[tuple[int, str]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        dates = find_dates(line)
        if len(dates) == 1 and TIMESTAMP_LINE.match(line[: dates[0].start] + line[dates[0].end :]):
            day = dates[0].on(year_())
            if day is not None:
                stamps.append((offset, day.isoformat()))
        offset += len(line)
    return stamps


URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?!\d)")


def date_from_url(url: str | None) -> str | None:
    """The date many sites put in an article's address: ".../2023/10/17/...",
    "...-2022-03-25-..."."""
    match = URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return date(*(int(part) for part in match.groups())).isoformat()
    except ValueError:
        return None
