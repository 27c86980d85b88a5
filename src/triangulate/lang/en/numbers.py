"""English number words and the words around a figure: units, teens and tens, magnitudes,
fractions, the qualifiers before and after a number ("at least", "or so"), and the words
that make a number no count (durations, clock times, ordinals, months, labels)."""

from __future__ import annotations

import calendar

from triangulate.types import Qualifier

# month names and their abbreviations, as the C locale writes them ("march", "mar")
MONTHS = {name.lower(): n for names in (calendar.month_name, calendar.month_abbr)
          for n, name in enumerate(names) if name}
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MAGNITUDES = {
    "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "bn": 1e9, "mn": 1e6, "mln": 1e6,
}
MULTIPLIERS = {"hundred": 100.0, "dozen": 12.0} | MAGNITUDES
GLUED_MAGNITUDES = {"k": 1e3, "bn": 1e9, "mn": 1e6}
GLUED_UNITS = frozenset({"km", "kms", "km²", "sqkm"})

SINGULAR_PARTS = {
    "half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}
PLURAL_PARTS = {
    "thirds": 3, "quarters": 4, "fifths": 5, "sixths": 6,
    "sevenths": 7, "eighths": 8, "ninths": 9, "tenths": 10,
}
BEFORE_NOT_HALF = frozenset({"first", "second", "latter", "former", "last", "next"})

PLURALS = {
    "tens": 10.0, "dozens": 12.0, "scores": 20.0, "hundreds": 100.0,
    "thousands": 1e3, "millions": 1e6, "billions": 1e9,
}
PLURALS_NEEDING_OF = frozenset({"tens", "scores"})
FEW = {"several": (3.0, 9.0), "few": (2.0, 5.0)}

PRE_QUALIFIERS: dict[str, Qualifier] = {
    "at least": "at_least", "no fewer than": "at_least", "not fewer than": "at_least",
    "no less than": "at_least", "not less than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "well over": "more_than",
    "just over": "more_than", "upwards of": "more_than", "upward of": "more_than",
    "in excess of": "more_than", "above": "more_than", "well above": "more_than",
    "greater than": "more_than",
    "up to": "at_most", "at most": "at_most", "no more than": "at_most",
    "not more than": "at_most", "a maximum of": "at_most", "as many as": "at_most",
    "as much as": "at_most",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "just under": "less_than", "well under": "less_than", "below": "less_than",
    "well below": "less_than",
    "about": "about", "around": "about", "approximately": "about", "approx.": "about",
    "approx": "about", "roughly": "about", "some": "about", "an estimated": "about",
    "estimated": "about", "estimated at": "about", "circa": "about", "c.": "about",
    "in the region of": "about", "~": "about",
    "nearly": "about", "almost": "about", "close to": "about", "just shy of": "about",
}
# the words of the commonest qualifiers ("at least", "up to", "an estimated"), which stand
# between a verb and the number it governs
QUALIFIER_WORDS: frozenset[str] = frozenset({
    "at", "least", "more", "than", "about", "some", "nearly", "almost", "over", "up", "to",
    "around", "roughly", "approximately", "estimated", "an",
})
CAPPED = frozenset({"nearly", "almost", "close to", "just shy of"})
# cues after which a four-digit 1900-2099 is a count, not a year
YEAR_SAFE = frozenset({
    "at least", "no fewer than", "no less than", "a minimum of", "more than", "upwards of",
    "in excess of", "as many as", "fewer than", "less than", "some", "nearly", "almost",
    "approximately", "roughly", "an estimated", "no more than", "a maximum of",
})
POST_OR: dict[str, Qualifier] = {
    "more": "at_least", "so": "about", "fewer": "at_most", "less": "at_most",
}

DASHES = frozenset({"-", "–", "—"})
RANGE_LEADS = frozenset({"between", "from"})
PERCENT_WORDS = frozenset({"%", "percent", "pct", "pc"})

TIME_UNITS = frozenset({
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
    "day", "days", "night", "nights", "week", "weeks", "month", "months", "year", "years",
    "yr", "yrs", "decade", "decades", "century", "centuries",
})
BEFORE_TIME_UNIT = frozenset({
    "of", "more", "full", "whole", "long", "straight", "consecutive", "successive",
    "additional", "further",
})
CLOCK = frozenset({"am", "pm", "gmt", "utc", "bst", "cet", "cest", "edt", "o'clock", "o’clock"})
ORDINALS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
})
MONTH_WORDS = frozenset(MONTHS) | {"sept"}
AGE_WORDS = frozenset({"aged", "age", "ages"})
LABELS = frozenset({
    "article", "resolution", "section", "chapter", "page", "paragraph", "clause", "route",
    "highway", "flight", "phase", "#",
})
