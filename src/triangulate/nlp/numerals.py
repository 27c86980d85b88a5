"""Figures in a language that has no number reader of its own, read by that language's
resources (:class:`triangulate.lang.Language`): its separators, number words, magnitudes,
qualifiers, time units and months. The English reader (:mod:`triangulate.nlp.numbers`)
knows far more; this one reads what a skeleton language supplies:

* digits with the language's thousands and decimal separators ("3 000", "3.000", "1,5"),
  a magnitude word after them ("1,5 million", "2 milliards");
* number words, compounds joined by hyphens or the language's "and" ("vingt-cinq",
  "vingt et un", "trois cent mille"); a bare "one" ("un", "une") is no figure;
* approximate nouns: "une centaine" is about 100, "des centaines" many (vague, at least 100);
* a qualifier phrase before the figure ("au moins" at_least, "près de" about and capped);
* a percent word after it sets ``is_percent``;
* a range between a lead and a joiner ("entre 10 et 20", "de 10 à 20"), the first smaller.

Not figures: a bare year 1900-2099, a day next to a month name, a number before a time unit
("trois jours", "24 heures"), digits glued to letters ("G7", "10h30").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from triangulate.lang import Language
from triangulate.nlp.numbers import NumberMention
from triangulate.types import Qualifier

__all__ = ["find_figures"]

_ABOUT_MARGIN = 0.1  # "about 100" spans 90 to 110, as in the English reader
_QUALIFIER_REACH = 30  # characters before a figure searched for its qualifier
_LEADING_MAGNITUDE = 1e6  # "million" and above need a number before them ("un million")


@dataclass(frozen=True)
class _Tok:
    text: str
    start: int
    end: int
    is_digits: bool

    @property
    def low(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class _Reader:
    """One language's patterns, compiled once."""

    language: Language
    token: re.Pattern[str]
    qualifier: re.Pattern[str] | None


_READERS: dict[str, _Reader] = {}


def _reader(language: Language) -> _Reader:
    if language.code not in _READERS:
        _READERS[language.code] = _compiled(language)
    return _READERS[language.code]


def _compiled(language: Language) -> _Reader:
    groups = "".join(re.escape(s) for s in sorted(language.thousands_separators))
    decimal = re.escape(language.decimal_separator)
    digits = rf"\d{{1,3}}(?:[{groups}]\d{{3}})+(?:{decimal}\d+)?(?!\d)|\d+(?:{decimal}\d+)?"
    token = re.compile(rf"(?<![\w.,-])(?P<digits>{digits})(?![^\W_])|[^\W\d_]+(?:-[^\W\d_]+)*"
                       r"|\S")
    phrases = sorted(language.qualifier_words, key=len, reverse=True)
    qualifier = re.compile(r"(?:^|(?<=[\s(]))(" + "|".join(re.escape(p) for p in phrases)
                           + r")\s*$", re.IGNORECASE) if phrases else None
    return _Reader(language, token, qualifier)


def find_figures(text: str, language: Language) -> list[NumberMention]:
    """Every figure in ``text`` as the language writes it, in order."""
    reader = _reader(language)
    toks = [_Tok(m.group(), m.start(), m.end(), m.group("digits") is not None)
            for m in reader.token.finditer(text)]
    found: list[NumberMention] = []
    i = 0
    while i < len(toks):
        read = _figure_at(toks, i, reader)
        if read is None:
            i += 1
            continue
        mention, end = read
        ranged = _range(toks, i, end, reader, mention)
        mention, i = ranged or (mention, end)
        found.append(mention if ranged else _qualified(mention, text, reader))
    return found


def _range(toks: list[_Tok], i: int, end: int, reader: _Reader, low: NumberMention
           ) -> tuple[NumberMention, int] | None:
    """"entre 10 et 20", "de 10 à 20": one figure from the first to the second, where the
    first is the smaller ("passé de 10 à 5" is two figures)."""
    joiner = reader.language.range_words.get(toks[i - 1].low) if i else None
    if joiner is None or end + 1 >= len(toks) or toks[end].low != joiner:
        return None
    read = _figure_at(toks, end + 1, reader)
    if read is None or low.value is None:
        return None
    high, after = read
    if high.value is None or high.qualifier != "exact" or not low.value < high.value:
        return None
    return NumberMention(toks[i - 1].start, high.end, low.value, low.value, high.value,
                         "range", high.is_percent, False, low.number_start,
                         high.number_end), after


def _figure_at(toks: list[_Tok], i: int, reader: _Reader) -> tuple[NumberMention, int] | None:
    """The figure that starts at token ``i`` and the token after it, or None."""
    language = reader.language
    approximate = _approximate(toks, i, language)
    if approximate:
        return approximate
    read = _value(toks, i, language)
    if read is None:
        return None
    value, end = read
    if _is_noise(toks, i, end, value, language):
        return None
    percent_end = _percent_end(toks, end, language)
    mention = NumberMention(toks[i].start, toks[percent_end - 1].end, value, value, value,
                            "exact", percent_end > end, False, toks[i].start,
                            toks[end - 1].end)
    return mention, percent_end


def _value(toks: list[_Tok], i: int, language: Language) -> tuple[float, int] | None:
    """The number that starts at token ``i``, digits or words, and the token after it."""
    first = toks[i]
    if first.is_digits:
        value = _digits_value(first.text, language)
        j, factor = _magnitudes(toks, i + 1, language)
        return value * factor, j
    if language.magnitude_words.get(first.low, 0) >= _LEADING_MAGNITUDE:
        return None
    total, current, j, last = 0.0, 0.0, i, None
    while j < len(toks):
        parts = _number_parts(toks[j].low, language)
        if parts is None:
            if _joins(toks, j, last, language):
                j += 1
                continue
            break
        for part in parts:
            total, current = _add(part, total, current, language)
        last, j = parts[-1], j + 1
    if last is None or _bare_one(toks, i, j, language):
        return None
    return total + current, j


def _joins(toks: list[_Tok], j: int, last: str | None, language: Language) -> bool:
    """"et" inside a compound ("vingt et un"): it adds a smaller number to a larger one, as
    a compound does ("trois et quatre" is two numbers)."""
    if last is None or toks[j].low != "et" or j + 1 >= len(toks):
        return False
    following = language.number_words.get(toks[j + 1].low)
    before = language.number_words.get(last)
    return following is not None and before is not None and following < before


def _add(word: str, total: float, current: float, language: Language) -> tuple[float, float]:
    magnitude = language.magnitude_words.get(word)
    if magnitude is None:
        return total, current + language.number_words[word]
    if magnitude < 1000:
        return total, (current or 1) * magnitude
    return total + (current or 1) * magnitude, 0.0


def _number_parts(word: str, language: Language) -> list[str] | None:
    """The number words a token is made of ("vingt-cinq" -> vingt, cinq), or None; a
    compound the language lists whole ("quatre-vingt") stays one part."""
    known = language.number_words.keys() | language.magnitude_words.keys()
    parts: list[str] = []
    pieces = word.split("-")
    k = 0
    while k < len(pieces):
        pair = "-".join(pieces[k:k + 2])
        if k + 1 < len(pieces) and pair in known:
            parts.append(pair)
            k += 2
        elif pieces[k] in known:
            parts.append(pieces[k])
            k += 1
        else:
            return None
    return parts


def _bare_one(toks: list[_Tok], i: int, j: int, language: Language) -> bool:
    """A lone "one" ("un soldat", "l'une des") counts nothing: the article, not a figure."""
    return j == i + 1 and language.number_words.get(toks[i].low) == 1


def _digits_value(text: str, language: Language) -> float:
    whole, _, decimals = text.partition(language.decimal_separator)
    for separator in language.thousands_separators:
        whole = whole.replace(separator, "")
    return float(f"{whole}.{decimals}" if decimals else whole)


def _magnitudes(toks: list[_Tok], j: int, language: Language) -> tuple[int, float]:
    factor = 1.0
    while j < len(toks) and toks[j].low in language.magnitude_words:
        factor *= language.magnitude_words[toks[j].low]
        j += 1
    return j, factor


def _approximate(toks: list[_Tok], i: int, language: Language
                 ) -> tuple[NumberMention, int] | None:
    """"une centaine" (about 100), "deux milliers" (about 2,000), "des centaines" (vague)."""
    if i + 1 >= len(toks):
        return None
    noun, start, end = toks[i + 1].low, toks[i].start, toks[i + 1].end
    many = language.magnitude_words.get(noun, 0) >= _LEADING_MAGNITUDE
    if toks[i].low in language.vague_leads and (many or noun in language.approximate_nouns):
        size = language.magnitude_words[noun] if many else language.approximate_nouns[noun]
        return NumberMention(start, end, None, size, None, "vague", False, False,
                             start, end), i + 2
    if noun not in language.approximate_nouns:
        return None
    size = language.approximate_nouns[noun]
    count = _value(toks[:i + 1], i, language) if toks[i].low in language.number_words \
        or toks[i].is_digits else None
    if count is None and language.number_words.get(toks[i].low) != 1:
        return None
    value = (count[0] if count else 1.0) * size
    low, high = _bounds("about", value, capped=False)
    return NumberMention(start, end, value, low, high, "about", False, False, start, end), i + 2


def _is_noise(toks: list[_Tok], i: int, end: int, value: float, language: Language) -> bool:
    """A year, a day of a month, or a duration."""
    first = toks[i]
    after = toks[end].low if end < len(toks) else ""
    before = toks[i - 1].low if i else ""
    if first.is_digits and end == i + 1 and len(first.text) == 4 and 1900 <= value <= 2099:
        return True
    if value <= 31 and (after in language.month_names or before in language.month_names):
        return True
    return after in language.time_units


def _percent_end(toks: list[_Tok], j: int, language: Language) -> int:
    for words in sorted((w.split() for w in language.percent_words), key=len, reverse=True):
        if [t.low for t in toks[j:j + len(words)]] == words:
            return j + len(words)
    return j


def _qualified(mention: NumberMention, text: str, reader: _Reader) -> NumberMention:
    """The mention with the qualifier phrase that stands right before it, if any."""
    if reader.qualifier is None or mention.qualifier != "exact" or mention.value is None:
        return mention
    found = reader.qualifier.search(text, max(0, mention.start - _QUALIFIER_REACH),
                                    mention.start)
    if not found:
        return mention
    phrase = found.group(1).lower()
    qualifier = reader.language.qualifier_words[phrase]
    low, high = _bounds(qualifier, mention.value,
                        capped=phrase in reader.language.capped_qualifiers)
    return NumberMention(found.start(1), mention.end, mention.value, low, high, qualifier,
                         mention.is_percent, mention.is_fraction, mention.number_start,
                         mention.number_end)


def _bounds(qualifier: Qualifier, value: float, capped: bool
            ) -> tuple[float | None, float | None]:
    if qualifier == "about":
        margin = value * _ABOUT_MARGIN
        return value - margin, value if capped else value + margin
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    return value, value
