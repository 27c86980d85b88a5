"""Number expressions in news text: counts, ranges, vague quantities, fractions, percentages.

:func:`find_numbers` scans text with regexes and hand-written rules (no spaCy) and returns
each figure as a :class:`NumberMention` with character offsets; :func:`words_to_number`
reads one number phrase ("three thousand", "1.2 million", "twenty-five") into its value.

What is a figure
----------------
* Digits, with thousands separators and decimals ("2,700", "11000", "1.2"), glued
  magnitudes ("10k", "$1.2bn", "3mn"), magnitude words after digits ("1.2 million",
  "3 thousand").  A digit group of another shape ("1,2", "07946", "14.01.2025") is none.
* Number words: "forty", "twenty-five", "one hundred and twenty", "three hundred thousand",
  "a thousand", "a hundred", "two and a half million", "a dozen" (12), "two dozen" (24),
  "a couple of" (2; the span includes "of"), "half a million" (500,000).
* Fractions: "half", "a half", "a third", "one-third", "two-thirds", "three quarters":
  ``value`` is the fraction (0.5) and ``is_fraction`` is set.  A singular ordinal
  ("a third", "a quarter", "one fifth") is a fraction only when hyphenated or followed by
  "of" or by no word at all, so "a third time" and "a quarter century" are not.
* Percentages: "40%", "40 percent", "40 per cent", "40pc", "40 percentage points":
  ``value`` stays as stated (40) and ``is_percent`` is set; the caller converts.

Qualifiers and bounds (``v`` is the value as stated)
----------------------------------------------------
* ``exact``: no cue.  low = high = v.
* ``about``: "about", "around", "approximately", "roughly", "some", "an estimated",
  "estimated (at)", "circa", "in the region of", "~"; after the number "or so".
  low = 0.9v, high = 1.1v.  "nearly", "almost", "close to", "just shy of" are ``about``
  capped at the figure: low = 0.9v, high = v.
* ``at_least``: "at least", "no fewer/less than", "a minimum of"; after the number
  "or more", "-plus", "+".  low = v, high = None.
* ``more_than``: "more than", "over", "upwards of", "in excess of", "above".
  low = v, high = None.
* ``at_most``: "up to", "at most", "no more than", "a maximum of", "as many as"; after the
  number "or fewer", "or less".  low = None, high = v.
* ``less_than``: "fewer than", "less than", "under", "below".  low = None, high = v.
* ``range``: "10,000 to 12,000", "10,000-12,000", "between A and B", "from A to B".
  value = low = the low end, high = the high end.  When the high end carries a magnitude
  and the low end is small, the low end takes that magnitude: "10-12,000" is 10,000 to
  12,000, "two to three million" is 2 to 3 million.  "A or B" is no range, nor is
  "from A to B" with A >= B ("fell from 10 to 5"): each gives two figures.
  A qualifier before a range stays in the span but the qualifier is ``range``.
  A glued pair that is no range ("3-2", "2024-25") is dropped.
* ``vague`` (value None), ACLED-style anchors: the lower bound is the word's own
  magnitude and there is no upper bound: "dozens" 12, "scores of" 20, "tens of" 10,
  "hundreds" 100, "thousands" 1,000, "tens of thousands" 10,000, "hundreds of thousands"
  100,000, "millions" 1,000,000.  "a few" times a magnitude is 2 to 5 of it ("a few
  hundred" 200-500), "several" is 3 to 9 of it ("several thousand" 3,000-9,000); without
  a magnitude word "a few"/"several" are no figure.

The span (``start``/``end``) covers qualifier + number + percent sign + trailing cue;
``number_start``/``number_end`` cover the number alone (both ends of a range).

What is not a figure (dropped)
------------------------------
* Years: a bare four-digit 1900-2099 ("in 2024", "since 2022", "2022-2024"), unless a
  percent or magnitude follows or an unambiguous count cue precedes it ("more than 2000").
* Dates and times: a 1-31 next to a capitalised month ("January 14", "14 Jan", "Jan. 14"),
  digit chains with "/" or ":" ("14/01/2025", "10:30"), a number before "a.m."/"pm"/"GMT".
* Durations: a number followed by a time unit, hyphenated or not, with at most one word
  such as "more"/"long" between ("five months", "24 hours", "a 10-day truce",
  "25-year-old", "two more weeks", "half an hour", "hundreds of years").
* Ordinals ("21st", "twenty-first"; "first"/"second" are never numbers), decades
  ("1990s"), anything glued to letters ("G7", "F-16", "Su-34", "COVID-19", "155mm", "5pm";
  only magnitudes "k"/"bn"/"mn", "km" and "pc" may be glued after digits), labels
  ("No. 3", "Article 5", "Resolution 2334", "#3", "World War Two"), ages ("aged 25",
  "ages 18-60"), phone numbers (three or more digit groups, or "+"/"(...)", with seven or
  more digits in all).
* A bare "one" (the word alone): "one of", "no one", "one day".  It counts with a cue
  ("at least one", "one or more"), in a range, before a magnitude, or before a person
  ("one Ukrainian soldier", across at most three modifiers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from math import inf
from typing import NamedTuple, overload

from triangulate.lang.en.numbers import (
    AGE_WORDS,
    BEFORE_NOT_HALF,
    BEFORE_TIME_UNIT,
    CAPPED,
    CLOCK,
    DASHES,
    FEW,
    GLUED_MAGNITUDES,
    GLUED_UNITS,
    LABELS,
    MAGNITUDES,
    MONTH_WORDS,
    MULTIPLIERS,
    ORDINALS,
    PERCENT_WORDS,
    PLURAL_PARTS,
    PLURALS,
    PLURALS_NEEDING_OF,
    POST_OR,
    PRE_QUALIFIERS,
    RANGE_LEADS,
    SINGULAR_PARTS,
    TEENS,
    TENS,
    TIME_UNITS,
    UNITS,
    YEAR_SAFE,
)
from triangulate.lang.en.people import COUNTED_PERSONS
from triangulate.types import Qualifier

__all__ = ["NumberMention", "find_numbers", "words_to_number"]


@dataclass(frozen=True)
class NumberMention:
    """One figure found in a text; offsets are character offsets into that text."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: Qualifier
    is_percent: bool
    is_fraction: bool
    number_start: int
    number_end: int


# ---------------------------------------- vocabulary (English: triangulate.lang.en.numbers)

_START_WORDS = frozenset(
    UNITS.keys() | TEENS.keys() | TENS.keys() | PLURALS.keys() | {"a", "an", "half", "several"}
)
# a digit or the stem of a word that can open a figure, searched in lower-cased text;
# stems cover their derivatives ("thirt": thirteen, thirty; "fift": fifteen, fifty, fifth)
_QUICK = re.compile(
    r"\d|\b(?:zero|one|two|th(?:ree|irt|ousand|ird)|f(?:our|ive|ift|ort)|s(?:ix|even|core)"
    r"|eigh|nine|t(?:en|wel|went)|eleven|hundred|million|billion|dozen|half|quarter|couple)"
)
_TOKEN = re.compile(r"(\d+(?:[.,]\d+)*)|[^\W\d_]+(?:['’][^\W\d_]+)*|\S")
_WELL_FORMED = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d*)(?:\.\d+)?")
_PHONE = re.compile(
    r"(?<![\w.,])(?:\+\d{1,3}[ -]?)?(?:\(\d{1,5}\)[ -]?)?\d{2,5}(?:[ -]\d{2,5}){1,4}(?![\w,])"
)


# --------------------------------------------------------------------------- tokens

_DIGITS, _WORD, _OTHER = 0, 1, 2


class _Tok(NamedTuple):  # a NamedTuple: cheaper to build than a dataclass, one per token
    text: str
    low: str
    start: int
    end: int
    kind: int
    num: float | None  # value of a well-formed digit group outside a phone number


class _Tokens(Sequence[_Tok]):
    """A text's tokens, each made the first time it is looked at: the rules look only at the
    tokens around a word that can open a figure (:attr:`openers`), a few in a text."""

    def __init__(self, text: str) -> None:
        self.phones = [m.span() for m in _PHONE.finditer(text) if _is_phone(m.group())]
        self.matches = list(_TOKEN.finditer(text))
        self.made: list[_Tok | None] = [None] * len(self.matches)

    @property
    def openers(self) -> list[int]:
        """The index of each token that may open a figure: digits or a word of
        :data:`_START_WORDS` (:func:`_starts_number` tells which do)."""
        return [k for k, m in enumerate(self.matches)
                if m.lastindex is not None or m.group().lower() in _START_WORDS]

    def __len__(self) -> int:
        return len(self.matches)

    @overload
    def __getitem__(self, k: int) -> _Tok: ...

    @overload
    def __getitem__(self, k: slice) -> list[_Tok]: ...

    def __getitem__(self, k: int | slice) -> _Tok | list[_Tok]:
        if isinstance(k, slice):
            return [self[j] for j in range(*k.indices(len(self)))]
        tok = self.made[k]
        if tok is None:
            tok = self.made[k] = _token(self.matches[k], self.phones)
        return tok

    def __iter__(self) -> Iterator[_Tok]:
        return (self[k] for k in range(len(self)))


def _token(m: re.Match[str], phones: list[tuple[int, int]]) -> _Tok:
    text, start = m.group(), m.start()
    if m.lastindex is None:
        kind = _WORD if text[0].isalpha() else _OTHER
        return _Tok(text, text.lower(), start, m.end(), kind, None)
    in_phone = any(a <= start < b for a, b in phones)
    num = None if in_phone or not _WELL_FORMED.fullmatch(text) else float(text.replace(",", ""))
    return _Tok(text, text, start, m.end(), _DIGITS, num)


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    groups = len(re.findall(r"\d+", candidate))
    return digits >= 7 and (groups >= 3 or candidate[0] in "+(")


def _cue_key(toks: Sequence[_Tok]) -> str:
    return " ".join(t.low for t in toks)


# token-joined cue ("approx .") -> the cue as written in PRE_QUALIFIERS ("approx.")
_PRE_KEYS = {_cue_key(_Tokens(cue)): cue for cue in PRE_QUALIFIERS}
_QUALIFIER_WORDS = max(len(key.split()) for key in _PRE_KEYS)  # longest cue, in tokens


def _low(toks: Sequence[_Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def _glued(toks: Sequence[_Tok], k: int) -> bool:
    """Whether token ``k`` and token ``k + 1`` touch (no space between)."""
    return 0 <= k < len(toks) - 1 and toks[k].end == toks[k + 1].start


# --------------------------------------------------------------------------- cardinals

@dataclass(frozen=True, slots=True)
class _Card:
    value: float
    end: int  # token index after the number
    scale: float  # magnitude of the leading figure: 1000 for "12,000" and "12 thousand"
    bare_one: bool
    year_like: bool


@dataclass(slots=True)
class _Acc:
    total: float = 0.0
    group: float = 0.0
    scale: float = 1.0
    top: float = inf  # the last magnitude used; the next must be smaller
    state: str = "start"


# word class -> states it may follow; "num" is a complete lead (digits, "a couple of"),
# "article" one that needs a multiplier ("a", "an", "half a")
_AFTER = {
    "unit": frozenset({"start", "tens", "hundred", "mag", "and"}),
    "teen": frozenset({"start", "hundred", "mag", "and"}),
    "tens": frozenset({"start", "hundred", "mag", "and"}),
    "hundred": frozenset({"unit", "teen", "tens", "num", "article"}),
    "dozen": frozenset({"unit", "teen", "tens", "num", "article"}),
    "mag": frozenset({"unit", "teen", "tens", "hundred", "num", "article", "half"}),
}
_WORD_STATES = frozenset({"unit", "teen", "tens", "hundred", "mag"})


def _word_class(word: str) -> str | None:
    if word in UNITS:
        return "unit"
    if word in TEENS:
        return "teen"
    if word in TENS:
        return "tens"
    if word in ("hundred", "dozen"):
        return word
    return "mag" if word in MAGNITUDES else None


def _cardinal(toks: Sequence[_Tok], i: int) -> _Card | None:
    if i >= len(toks):
        return None
    acc = _Acc()
    j, complete = _lead(toks, i, acc)
    end = j if complete else -1
    while (step := _step(toks, j, acc)) is not None:
        j = end = step
    if end < 0:
        return None
    first = toks[i]
    year_like = (
        end == i + 1 and first.num is not None and len(first.text) == 4
        and 1900 <= first.num <= 2099
    )
    bare_one = end == i + 1 and first.low == "one"
    return _Card(acc.total + acc.group, end, acc.scale, bare_one, year_like)


def _lead(toks: Sequence[_Tok], i: int, acc: _Acc) -> tuple[int, bool]:
    """Read what opens a number other than a number word; (next index, complete)."""
    tok, nxt = toks[i], _low(toks, i + 1)
    if tok.num is not None:
        return _digits_lead(toks, i, acc)
    if tok.low in ("a", "an") and nxt == "couple" and _low(toks, i + 2) == "of":
        acc.group, acc.state = 2.0, "num"
        return i + 3, True
    if tok.low in ("a", "an") and nxt in MULTIPLIERS:
        acc.group, acc.state = 1.0, "article"
        return i + 1, False
    if tok.low == "half" and nxt in ("a", "an") and _low(toks, i + 2) in MULTIPLIERS:
        acc.group, acc.state = 0.5, "article"
        return i + 2, False
    return i, False


def _digits_lead(toks: Sequence[_Tok], i: int, acc: _Acc) -> tuple[int, bool]:
    tok = toks[i]
    acc.group = tok.num or 0.0
    acc.scale = 1000.0 ** tok.text.count(",")
    acc.state = "num"
    glued = GLUED_MAGNITUDES.get(_low(toks, i + 1)) if _glued(toks, i) else None
    if glued is None:
        return i + 1, True
    acc.group *= glued
    acc.scale *= glued
    acc.state = "end"
    return i + 2, True


def _step(toks: Sequence[_Tok], j: int, acc: _Acc) -> int | None:
    """Take the next number word (after an optional joining hyphen); its end or None."""
    word = _low(toks, j)
    if word == "and":
        return _and_step(toks, j, acc)
    if word == "-" and acc.state in _WORD_STATES and _glued(toks, j - 1) and _glued(toks, j):
        if _low(toks, j + 1) == "and":
            return _hyphened_half(toks, j + 1, acc)
        j, word = j + 1, _low(toks, j + 1)
    cls = _word_class(word)
    if cls is None or acc.state not in _AFTER[cls] or not _apply(cls, word, acc):
        return None
    return j + 1


def _and_step(toks: Sequence[_Tok], j: int, acc: _Acc) -> int | None:
    """ "hundred and twenty", "thousand and one", "two and a half (million)". """
    nxt = _low(toks, j + 1)
    if acc.state in ("hundred", "mag") and _word_class(nxt) in ("unit", "teen", "tens"):
        acc.state = "and"
        return j + 1
    if acc.state in ("unit", "teen", "tens", "num") and (nxt, _low(toks, j + 2)) == (
        "a", "half"
    ):
        acc.group += 0.5
        acc.state = "half"
        return j + 3
    return None


def _hyphened_half(toks: Sequence[_Tok], j: int, acc: _Acc) -> int | None:
    """ "five-and-a-half", "two-and-a-half (thousand)": "and a half" joined by hyphens."""
    words = [_low(toks, k) for k in range(j, j + 5)]
    if words != ["and", "-", "a", "-", "half"] or not all(_glued(toks, k)
                                                       for k in range(j, j + 4)) \
            or acc.state not in ("unit", "teen", "tens"):
        return None
    acc.group += 0.5
    acc.state = "half"
    return j + 5


def _apply(cls: str, word: str, acc: _Acc) -> bool:
    if cls in ("unit", "teen", "tens"):
        acc.group += UNITS.get(word) or TEENS.get(word) or TENS.get(word) or 0
        acc.scale = 1.0
    elif cls == "hundred":
        if acc.group >= 100:
            return False
        acc.group *= 100
        acc.scale *= 100
    elif cls == "dozen":
        acc.group *= 12
        acc.scale *= 12
        cls = "end"
    else:
        magnitude = MAGNITUDES[word]
        if magnitude >= acc.top:
            return False
        acc.total += acc.group * magnitude
        acc.group, acc.top = 0.0, magnitude
        acc.scale *= magnitude
    acc.state = cls
    return True


# --------------------------------------------------------------------------- fractions

def _fraction(toks: Sequence[_Tok], i: int) -> tuple[float, int] | None:
    """ "a third", "one-third", "two-thirds", "three quarters", "half"; (value, end)."""
    word = toks[i].low
    if word == "half":
        return _bare_half(toks, i)
    numerator = 1 if word in ("a", "an", "one") else UNITS.get(word, 0)
    if numerator == 0:
        return None
    hyphen = _low(toks, i + 1) == "-" and _glued(toks, i) and _glued(toks, i + 1)
    j = i + 2 if hyphen else i + 1
    if numerator == 1:
        part = SINGULAR_PARTS.get(_low(toks, j), 0)
        if part > 2 and not hyphen and not _closes_fraction(toks, j + 1):
            return None
    else:
        part = PLURAL_PARTS.get(_low(toks, j), 0)
    return (numerator / part, j + 1) if part > numerator else None


def _closes_fraction(toks: Sequence[_Tok], k: int) -> bool:
    """After "a third": "of", punctuation or the end, not a noun ("a third time")."""
    return k >= len(toks) or toks[k].kind != _WORD or toks[k].low == "of"


def _bare_half(toks: Sequence[_Tok], i: int) -> tuple[float, int] | None:
    nxt = _low(toks, i + 1)
    if nxt in ("a", "an") and _low(toks, i + 2) in MULTIPLIERS:
        return None  # "half a million" is a count
    if _low(toks, i - 1) in BEFORE_NOT_HALF:
        return None  # "the first half"
    return 0.5, i + 1


# --------------------------------------------------------------------------- vague

def _vague(toks: Sequence[_Tok], i: int) -> tuple[float, float | None, int] | None:
    """ "dozens", "tens of thousands", "several hundred"; (low, high, end)."""
    word = toks[i].low
    if word in PLURALS:
        return _plural(toks, i)
    if word == "several":
        return _few_times(toks, i + 1, FEW["several"])
    if word == "a" and _low(toks, i + 1) == "few":
        return _few_times(toks, i + 2, FEW["few"])
    return None


def _plural(toks: Sequence[_Tok], i: int) -> tuple[float, float | None, int] | None:
    word = toks[i].low
    low = PLURALS[word]
    has_of = _low(toks, i + 1) == "of"
    inner = _low(toks, i + 2)
    if has_of and inner not in PLURALS_NEEDING_OF and PLURALS.get(inner, 0) > low:
        return low * PLURALS[inner], None, i + 3
    if word in PLURALS_NEEDING_OF and not has_of:
        return None
    return low, None, i + 1


def _few_times(
    toks: Sequence[_Tok], j: int, bounds: tuple[float, float]
) -> tuple[float, float | None, int] | None:
    scale, k = 1.0, j
    while _low(toks, k) in MULTIPLIERS:
        scale *= MULTIPLIERS[_low(toks, k)]
        k += 1
    return (bounds[0] * scale, bounds[1] * scale, k) if k > j else None


# --------------------------------------------------------------------------- cues

def _pre_qualifier(toks: Sequence[_Tok], i: int, floor: int) -> tuple[str, int] | None:
    """The cue right before token ``i`` (not reaching below ``floor``): (cue, first index)."""
    for size in range(min(_QUALIFIER_WORDS, i - floor), 0, -1):
        cue = _cue_key(toks[i - size:i])
        if cue in _PRE_KEYS:
            return _PRE_KEYS[cue], i - size
    return None


def _post_qualifier(toks: Sequence[_Tok], j: int) -> tuple[Qualifier, int] | None:
    """ "or more", "or so", "-plus", "+" at token ``j``: (qualifier, end)."""
    word, nxt = _low(toks, j), _low(toks, j + 1)
    if word == "or" and nxt in POST_OR:
        return POST_OR[nxt], j + 2
    if word == "+" and _glued(toks, j - 1):
        return "at_least", j + 1
    if word == "-" and nxt == "plus" and _glued(toks, j - 1) and _glued(toks, j):
        return "at_least", j + 2
    return None


def _percent_end(toks: Sequence[_Tok], j: int) -> int:
    """Index after a percent sign or word at ``j``; ``j`` when there is none."""
    word, nxt = _low(toks, j), _low(toks, j + 1)
    if word in PERCENT_WORDS:
        return j + 1
    if (word, nxt) in (("per", "cent"), ("percentage", "points"), ("percentage", "point")):
        return j + 2
    if word == "-" and nxt in PERCENT_WORDS and _glued(toks, j - 1) and _glued(toks, j):
        return j + 2
    return j


def _bounds(
    qualifier: Qualifier, value: float, cue: str | None
) -> tuple[float | None, float | None]:
    if qualifier == "about":
        margin = value * 0.1
        return value - margin, value if cue in CAPPED else value + margin
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    return value, value


# --------------------------------------------------------------------------- noise

@dataclass(frozen=True, slots=True)
class _Hit:
    first: int  # first token of the span (cue or number)
    num_first: int  # first token of the number
    num_end: int  # token after the number (before any percent sign)
    end: int  # token after the span
    is_percent: bool


def _is_noise(toks: Sequence[_Tok], hit: _Hit, values: tuple[float, ...]) -> bool:
    """Model names, dates, clocks, durations, ordinals, ages, labels (the callers judge
    years and a bare "one", which depend on the cue before the number)."""
    return (
        _glued_before(toks, hit.num_first)
        or (not hit.is_percent and _glued_after(toks, hit.num_end))
        or _is_date(toks, hit, values)
        or _is_clock(toks, hit.num_end)
        or (not hit.is_percent and _is_duration(toks, hit.end))
        or _is_ordinal(toks, hit.num_end)
        or _is_age(toks, hit)
        or _is_label(toks, hit.num_first)
    )


def _glued_before(toks: Sequence[_Tok], k: int) -> bool:
    """ "G7", "F-16", "COVID-19", the "30" of "10:30", the "2025" of "14/01/2025"."""
    if not _glued(toks, k - 1):
        return False
    prev = toks[k - 1]
    if prev.kind == _WORD:
        return True
    return prev.low in ("-", ":", "/", ".") and _glued(toks, k - 2) and toks[k - 2].kind != _OTHER


def _glued_after(toks: Sequence[_Tok], k: int) -> bool:
    """ "21st", "5pm", "1990s", "155mm", the "10" of "10:30"."""
    if not _glued(toks, k - 1):
        return False
    nxt = toks[k]
    if nxt.kind == _WORD:
        return nxt.low not in GLUED_UNITS
    return nxt.low in (":", "/", "-") and _glued(toks, k) and toks[k + 1].kind == _DIGITS


def _is_month(toks: Sequence[_Tok], k: int) -> bool:
    return _low(toks, k) in MONTH_WORDS and toks[k].text[0].isupper()


def _is_date(toks: Sequence[_Tok], hit: _Hit, values: tuple[float, ...]) -> bool:
    if not all(v.is_integer() and 1 <= v <= 31 for v in values):
        return False
    k = hit.num_first
    before = _is_month(toks, k - 1) or (_low(toks, k - 1) == "." and _is_month(toks, k - 2))
    return before or _is_month(toks, hit.num_end)


def _is_clock(toks: Sequence[_Tok], k: int) -> bool:
    word = _low(toks, k)
    if word in ("a", "p") and _low(toks, k + 1) == "." and _low(toks, k + 2) == "m":
        return True
    return word in CLOCK


def _is_duration(toks: Sequence[_Tok], k: int) -> bool:
    if _low(toks, k) == "-" and _glued(toks, k - 1):
        k += 1
    if _low(toks, k) in BEFORE_TIME_UNIT:
        k += 1
    return _low(toks, k) in TIME_UNITS


def _is_ordinal(toks: Sequence[_Tok], k: int) -> bool:
    """ "twenty-first"."""
    return _low(toks, k) == "-" and _glued(toks, k - 1) and _low(toks, k + 1) in ORDINALS


def _is_age(toks: Sequence[_Tok], hit: _Hit) -> bool:
    """ "aged 25", "aged between 18 and 60", "the ages of 18 and 60"."""
    for k in (hit.first - 1, hit.num_first - 1):
        word = _low(toks, k)
        if word in AGE_WORDS or (word == "of" and _low(toks, k - 1) in AGE_WORDS):
            return True
    return False


def _is_label(toks: Sequence[_Tok], k: int) -> bool:
    """ "No. 3", "No 10", "Article 5", "#3", "World War Two"."""
    prev, before = _low(toks, k - 1), _low(toks, k - 2)
    return (
        prev in LABELS
        or (prev == "." and before in ("no", "nos"))
        or (prev == "no" and toks[k - 1].text == "No")
        or (prev == "war" and before == "world")
    )


# --------------------------------------------------------------------------- assembly

_Found = tuple[NumberMention | None, int]  # the mention (None: dropped) and the next token


def _mention(
    toks: Sequence[_Tok],
    hit: _Hit,
    value: float | None,
    bounds: tuple[float | None, float | None],
    qualifier: Qualifier,
    is_fraction: bool = False,
) -> NumberMention:
    return NumberMention(
        start=toks[hit.first].start,
        end=toks[hit.end - 1].end,
        value=value,
        low=bounds[0],
        high=bounds[1],
        qualifier=qualifier,
        is_percent=hit.is_percent,
        is_fraction=is_fraction,
        number_start=toks[hit.num_first].start,
        number_end=toks[hit.num_end - 1].end,
    )


def _vague_at(toks: Sequence[_Tok], i: int) -> _Found | None:
    found = _vague(toks, i)
    if found is None:
        return None
    low, high, end = found
    if _is_duration(toks, end):
        return None, end
    hit = _Hit(i, i, end, end, False)
    return _mention(toks, hit, None, (low, high), "vague"), end


def _fraction_at(toks: Sequence[_Tok], i: int, floor: int) -> _Found | None:
    found = _fraction(toks, i)
    if found is None:
        return None
    value, end = found
    after = end + 1 if _low(toks, end) in ("a", "an") else end
    and_a_half = toks[i].low in ("a", "an") and _low(toks, i - 1) == "and"
    compound = _low(toks, end) == "-" and _glued(toks, end - 1)  # "half-brother"
    if and_a_half or compound or _is_duration(toks, after):
        return None, end
    pre = _pre_qualifier(toks, i, floor)
    cue, first = pre if pre else (None, i)
    qualifier = PRE_QUALIFIERS[cue] if cue else "exact"
    hit = _Hit(first, i, end, end, False)
    return _mention(toks, hit, value, _bounds(qualifier, value, cue), qualifier, True), end


def _figure_at(toks: Sequence[_Tok], i: int, floor: int) -> _Found | None:
    a = _cardinal(toks, i)
    if a is None:
        return None
    a_end = _percent_end(toks, a.end)
    lead = _range_lead(toks, i, floor)
    b = _cardinal(toks, a_end + 1) if _connects(toks, a_end, lead) else None
    if b is not None:
        low = _scaled_low(a, b)
        if low < b.value:
            return _range_at(toks, i, floor, lead, a, a_end, b, low)
        if _low(toks, a_end) in DASHES:
            return None, b.end  # "3-2", "2024-25": a score or a span of years
    return _single_at(toks, i, floor, a, a_end)


def _range_lead(toks: Sequence[_Tok], i: int, floor: int) -> str:
    """ "between" or "from" right before token ``i``; "(the ages) of" counts as "between"."""
    word = _low(toks, i - 1) if i > floor else ""
    if word == "of" and _low(toks, i - 2) in AGE_WORDS:
        return "between"
    return word if word in RANGE_LEADS else ""


def _connects(toks: Sequence[_Tok], k: int, lead: str) -> bool:
    word = _low(toks, k)
    if word in DASHES:
        return _glued(toks, k - 1) and _glued(toks, k)
    return word == "to" or (word == "and" and lead == "between")


def _scaled_low(a: _Card, b: _Card) -> float:
    """The low end of "A to B": "10-12,000" -> 10,000, "two to three million" -> 2 million."""
    scaled = a.value * b.scale
    return scaled if a.scale == 1 and a.value < b.scale and scaled < b.value else a.value


def _range_at(
    toks: Sequence[_Tok], i: int, floor: int, lead: str, a: _Card, a_end: int, b: _Card, low: float
) -> _Found:
    b_end = _percent_end(toks, b.end)
    pre = None if lead else _pre_qualifier(toks, i, floor)
    first = i - 1 if lead else (pre[1] if pre else i)
    hit = _Hit(first, i, b.end, b_end, a_end > a.end or b_end > b.end)
    if (a.year_like and not hit.is_percent) or _is_noise(toks, hit, (a.value, b.value)):
        return None, b_end
    return _mention(toks, hit, low, (low, b.value), "range"), b_end


def _single_at(toks: Sequence[_Tok], i: int, floor: int, a: _Card, a_end: int) -> _Found:
    pre = _pre_qualifier(toks, i, floor)
    post = _post_qualifier(toks, a_end)
    cue, first = pre if pre else (None, i)
    end = post[1] if post else a_end
    is_percent = a_end > a.end
    if a.year_like and not is_percent and cue not in YEAR_SAFE:
        return None, end
    if a.bare_one and not (pre or post or is_percent or _counts_a_person(toks, a.end)):
        return None, end
    hit = _Hit(first, i, a.end, end, is_percent)
    if _is_noise(toks, hit, (a.value,)):
        return None, end
    qualifier: Qualifier = PRE_QUALIFIERS[cue] if cue else (post[0] if post else "exact")
    return _mention(toks, hit, a.value, _bounds(qualifier, a.value, cue), qualifier), end




def _counts_a_person(toks: Sequence[_Tok], after: int) -> bool:
    """True where "one" is followed, across at most three modifiers, by a person:
    "one Ukrainian soldier was killed" is a figure, "one day" is not."""
    if any(tok.low == "another" and (k + 1 == len(toks) or not _starts_number(toks[k + 1]))
           for k, tok in enumerate(toks[after : after + 10], start=after)):
        return False  # "one man ... while another lies in wait": each, not a count
    for tok in toks[after : after + 4]:
        if tok.low in COUNTED_PERSONS:
            return True
        if tok.kind != _WORD or tok.low in {"of", "another", "other", "more", "day", "time"}:
            return False
    return False


def _starts_number(tok: _Tok) -> bool:
    return tok.num is not None or tok.low in _START_WORDS


def find_numbers(text: str) -> list[NumberMention]:
    """Every figure in ``text``, in order, with character offsets into ``text``."""
    if not _QUICK.search(text.lower()):
        return []
    toks = _Tokens(text)
    found: list[NumberMention] = []
    floor = i = 0  # tokens below ``floor`` belong to an earlier mention
    for opener in toks.openers:  # no other token opens a figure
        if opener < i or not _starts_number(toks[opener]):
            continue
        i = opener
        hit = _vague_at(toks, i) or _fraction_at(toks, i, floor) or _figure_at(toks, i, floor)
        if hit is None:
            continue
        mention, end = hit
        if mention is not None:
            found.append(mention)
            floor = end
        i = max(end, i + 1)
    return found


def words_to_number(words: str) -> float | None:
    """The value of one number phrase, or None when the whole phrase is not a number.

    "forty" -> 40, "three thousand" -> 3000, "a thousand" -> 1000, "1.2 million" ->
    1200000, "twenty-five" -> 25, "a dozen" -> 12, "a couple of" -> 2, "10k" -> 10000,
    "two-thirds" -> 0.666...; vague words ("thousands") give None.
    """
    toks = _Tokens(words)
    if not toks:
        return None
    fraction = _fraction(toks, 0)
    if fraction is not None and fraction[1] == len(toks):
        return fraction[0]
    card = _cardinal(toks, 0)
    return card.value if card is not None and card.end == len(toks) else None
