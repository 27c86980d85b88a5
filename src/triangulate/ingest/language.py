"""The language of an article's text, told offline and fast from its common words.

Each candidate language's stop words (spaCy's own lists, ``spacy.lang.<xx>.stop_words``:
articles, pronouns, prepositions, auxiliaries) are counted among the first
``SAMPLE_CHARS`` characters' words; the language whose list covers the most words wins, the
earlier one in ``LANGUAGES`` on a tie. These words make up a third to a half of any running
text, so a few sentences settle it; a text with fewer than ``MIN_STOP_WORDS`` of them (a
headline, a name) is too short to tell, and its language is left unknown (``None``).
Texts written in Chinese, Japanese or Korean, which do not separate words by spaces, are
told by their script. No model is loaded and nothing is downloaded; the same text always
gets the same answer.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from triangulate.ingest.dates import LANGUAGES as DATE_LANGUAGES

# common languages of news: those whose dates are read, English first (it wins ties: the
# default pipeline's language), and more
LANGUAGES = (*DATE_LANGUAGES, "ro", "tr", "ar", "fa", "el", "he")
SAMPLE_CHARS = 1000
MIN_STOP_WORDS = 3
_WORD = re.compile(r"[^\W\d_]+")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_EAST_ASIAN = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]")


@lru_cache(maxsize=1)
def _stop_word_languages() -> dict[str, tuple[str, ...]]:
    """Each stop word (lower case, one word) -> the candidate languages that list it."""
    languages: dict[str, list[str]] = {}
    for code in LANGUAGES:
        for word in _stop_words(code):
            if _WORD.fullmatch(word):
                languages.setdefault(word.lower(), []).append(code)
    return {word: tuple(codes) for word, codes in languages.items()}


def _stop_words(code: str) -> set[str]:
    """spaCy's stop words of language ``code``, run from their own module file: importing
    the module through its language package would build that language's tokenizer
    exceptions as well (seconds of start-up for French alone). spaCy is found, not imported
    (``find_spec`` of a subpackage would import its parent): a process that only ingests, as
    the parent of a Dask run, needs no parser."""
    found = importlib.util.find_spec("spacy")
    assert found is not None and found.submodule_search_locations, "spaCy is not installed"
    path = Path(next(iter(found.submodule_search_locations))) / "lang" / code / "stop_words.py"
    spec = importlib.util.spec_from_file_location(f"triangulate_stop_words_{code}", path)
    assert spec is not None and spec.loader is not None, f"no stop words for {code!r}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    words: set[str] = module.STOP_WORDS
    return words


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or ``None`` where the text
    is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    by_script = _east_asian(sample)
    if by_script:
        return by_script
    lists = _stop_word_languages()
    hits = Counter(code for word in _WORD.findall(sample.lower())
                   for code in lists.get(word, ()))
    best = max(LANGUAGES, key=lambda code: hits[code])  # max keeps the first of equals
    return best if hits[best] >= MIN_STOP_WORDS else None


def _east_asian(sample: str) -> str | None:
    """ja, ko or zh where most of the letters are written in those scripts."""
    if not _EAST_ASIAN.search(sample):
        return None
    letters = sum(1 for char in sample if char.isalpha())
    han, kana, hangul = (len(p.findall(sample)) for p in (_HAN, _KANA, _HANGUL))
    if (han + kana + hangul) * 2 < letters:
        return None
    if hangul > han + kana:
        return "ko"
    return "ja" if kana else "zh"
