"""Knowledge of each language that the pipeline reads, one package per language, as spaCy
keeps ``spacy/lang/xx``: ``triangulate/lang/<code>/`` supplies a :class:`Language` named
``LANGUAGE`` in its ``__init__``, and one module per kind of knowledge behind it.

A component is given a language code through its config (``"lang": "en"``) and asks
:func:`resources` for what that language supplies; adding a language is adding a folder.
Every list is written from the language, not from any corpus Triangulate is measured on.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache

from triangulate.measures import Measure
from triangulate.types import Article, Qualifier
from triangulate.versions import installed_version

DEFAULT = "en"


class UnsupportedLanguage(LookupError):
    """No folder under ``triangulate/lang`` for this code."""


@dataclass(frozen=True, eq=False)  # one per folder: equal and hashed by identity
class Language:
    """What a language folder supplies. Words are lower-case, but for an entry whose case is
    part of it ("US", "AP"), matched only as written; verbs are lemmas.

    Only ``code`` and ``model`` are required: a language begins as a skeleton (numbers and
    speech verbs) and every field it leaves out is empty, so the rules that need it find
    nothing rather than reading the language by another's words.
    """

    code: str  # ISO 639-1, as spaCy and langdetect write it
    model: str  # the spaCy pipeline package that parses it ("en_core_web_sm")
    speech_verbs: frozenset[str] = frozenset()  # say, tell, warn: cue reported speech
    belief_verbs: frozenset[str] = frozenset()  # believe, fear: cue reported thought
    finding_verbs: frozenset[str] = frozenset()  # find, establish: cue reported findings
    titles: frozenset[str] = frozenset()  # president, gen.: stand before a name, not of it
    honorifics: frozenset[str] = frozenset()  # mr., mrs.
    person_nouns: frozenset[str] = frozenset()  # soldier, official: describe one speaker
    body_nouns: frozenset[str] = frozenset()  # ministry, team: a body that speaks
    vague_sources: frozenset[str] = frozenset()  # reports, sources: name nobody
    media_names: frozenset[str] = frozenset()  # outlets and agencies ("AP" cased: as written)
    channels: frozenset[str] = frozenset()  # telegram, television: a medium, not a speaker
    # opening mark -> the closing marks that end it
    quote_marks: Mapping[str, frozenset[str]] = field(default_factory=dict)
    decimal_separator: str = "."
    thousands_separators: frozenset[str] = frozenset({","})
    number_words: Mapping[str, int] = field(default_factory=dict)  # "three" -> 3
    month_names: Mapping[str, int] = field(default_factory=dict)  # "march" -> 3, "mar" -> 3
    # canonical actor -> words and phrases that point at it ("pyongyang" -> North Korea)
    actors: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    demonyms: Mapping[str, str] = field(default_factory=dict)  # actor -> its adjective
    orgs: frozenset[str] = frozenset()  # armed forces and official bodies that speak
    # a body that gives figures -> word sets any one of which names it
    source_bodies: Mapping[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # what the language-neutral readers (nlp.numerals, nlp.skeleton) read figures and
    # reported speech by, in a language that has no reader of its own
    magnitude_words: Mapping[str, float] = field(default_factory=dict)  # "mille" -> 1000
    approximate_nouns: Mapping[str, float] = field(default_factory=dict)  # "centaine" -> 100
    vague_leads: frozenset[str] = frozenset()  # "des centaines": many, no number said
    qualifier_words: Mapping[str, Qualifier] = field(default_factory=dict)  # "au moins"
    capped_qualifiers: frozenset[str] = frozenset()  # "près de": about, and never above
    range_words: Mapping[str, str] = field(default_factory=dict)  # "entre" ... "et"
    percent_words: frozenset[str] = frozenset()  # "%", "pour cent"
    time_units: frozenset[str] = frozenset()  # "jours": a number before it is a duration
    measure_words: Mapping[str, Measure] = field(default_factory=dict)  # "tuer" -> "killed"
    source_markers: frozenset[str] = frozenset()  # "selon": who the rest is attributed to
    that_words: frozenset[str] = frozenset()  # "que": opens reported speech after a cue
    pronouns: frozenset[str] = frozenset()  # "il": a speaker that stands for a name before
    via_markers: frozenset[str] = frozenset()  # "à": "a déclaré à l'AFP", whom it was said to
    # what the English quote finder and framing reader read, empty in a skeleton
    figure_verbs: frozenset[str] = frozenset()  # say, estimate: verbs that give a figure
    count_verbs: frozenset[str] = frozenset()  # put, estimate: "put the toll at 40"
    documents: frozenset[str] = frozenset()  # report, data: cited, no speaker
    name_prefixes: frozenset[str] = frozenset()  # titles, honorifics, demonyms before a name
    demonym_words: frozenset[str] = frozenset()  # "north", "korean": describe, never name
    determiners: frozenset[str] = frozenset()  # "the", "both": no part of a source's name
    anonymous_heads: frozenset[str] = frozenset()  # "official", "sources": name nobody
    institution_heads: frozenset[str] = frozenset()  # "ministry", "army": an institution
    media_words: re.Pattern[str] | None = None  # "News", "newspaper": a medium's name
    source_tail: re.Pattern[str] | None = None  # ", of": where a source's head noun ends
    media_name: re.Pattern[str] | None = None  # "Herald", "TV": an organisation is a medium
    feminine_words: frozenset[str] = frozenset()  # "she", "spokeswoman": a woman speaks
    masculine_words: frozenset[str] = frozenset()  # "he", "spokesman": a man speaks
    generic_persons: frozenset[str] = frozenset()  # "the official": the last one speaking
    loaded_words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # kind -> words
    attributive_only: frozenset[str] = frozenset()  # loaded only before a noun ("crack")
    hedge_phrases: tuple[str, ...] = ()  # "reportedly", "could not be verified"

    @cached_property
    def mark_chars(self) -> frozenset[str]:
        """The characters of every quotation mark, for stripping them from a token."""
        return frozenset("".join([*self.quote_marks, *(c for cs in self.quote_marks.values()
                                                       for c in cs)]))

    @cached_property
    def cue_verbs(self) -> frozenset[str]:
        """Every verb that introduces what someone said, thought or found."""
        return self.speech_verbs | self.belief_verbs | self.finding_verbs


@cache
def resources(code: str = DEFAULT) -> Language:
    """The resources of the language ``code``, loaded once from its folder."""
    if code not in available():
        raise UnsupportedLanguage(f"no resources for language {code!r}; have {available()}")
    language = importlib.import_module(f"{__name__}.{code}").LANGUAGE
    if not isinstance(language, Language) or language.code != code:
        raise UnsupportedLanguage(f"triangulate.lang.{code} does not define LANGUAGE for {code!r}")
    return language


@lru_cache(maxsize=1)
def available() -> tuple[str, ...]:
    """The codes of the languages that have a folder here, sorted."""
    return tuple(sorted(info.name for info in pkgutil.iter_modules(__path__) if info.ispkg))


@lru_cache(maxsize=32)
def has_pipeline(code: str) -> bool:
    """Whether language ``code`` is read: the default language always, another where it has
    a folder and its model is installed (looked up among the installed packages, not
    imported: the parent of a Dask run, which parses nothing, can tell as well)."""
    return code == DEFAULT or (code in available()
                               and installed_version(resources(code).model) is not None)


def primary_language(tag: str | None) -> str | None:
    """``en-US``, ``en_gb`` and ``EN`` are all ``en``."""
    return tag.replace("_", "-").split("-")[0].strip().lower() or None if tag else None


def language_of(article: Article) -> str:
    """The article's language code; the default language where it is unknown."""
    return primary_language(article.language) or DEFAULT


def route(article: Article) -> str | None:
    """The language whose pipeline reads ``article``, or None where none does: an article
    whose language is unknown (too short to tell) is read in the default language; one in a
    language with no pipeline is not read by another language's rules (German "3.000" is
    3,000, not 3)."""
    code = language_of(article)
    return code if has_pipeline(code) else None


def unread_languages(articles: Iterable[Article]) -> Counter[str]:
    """How many articles each language without a pipeline holds."""
    return Counter(language_of(a) for a in articles if route(a) is None)
