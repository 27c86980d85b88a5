"""Looking words up in a language's gazetteer: which actor a phrase points at, which body
a source names, whether a name is a news outlet, what an event's name says.

The lookups are the same for every language; what they look in is the :class:`Language`
given (English by default). Entries are lower-case and match in any case, except an entry
written with capitals ("US", "UN", "AP"): its case is part of it, so it matches only as
written, and "told us" is not the United States.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache

from triangulate.lang import Language, resources
from triangulate.lang.en.events import EVENT_NOUNS, INCIDENT_NOUNS

_POSSESSIVE = re.compile(r"[’']s?$")
_WORDS = re.compile(r"[\w.'’-]+")


def normalise(text: str) -> str:
    """Lower-case, straighten apostrophes, drop a possessive ending and a leading 'the'."""
    text = text.strip().lower().replace("’", "'")
    text = _POSSESSIVE.sub("", text)
    return re.sub(r"^the\s+", "", text)


def is_cased(entry: str) -> bool:
    """True for an entry whose capitals are part of it ("US", "U.S.", "AP")."""
    return entry != entry.lower()


@cache
def actor_tables(language: Language) -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Phrase -> actor, for the lower-case entries and for the cased ones."""
    pairs = [(variant, actor) for actor, variants in language.actors.items()
             for variant in variants]
    return ({v: a for v, a in pairs if not is_cased(v)}, {v: a for v, a in pairs if is_cased(v)})


def _phrase_words(phrase: str) -> list[str]:
    """The words of a phrase in their own case, possessive and leading 'the' dropped."""
    text = re.sub(r"^(?:the|The)\s+", "", phrase.strip().replace("’", "'"))
    return [re.sub(r"'s?$", "", word) for word in _WORDS.findall(text)]


def actor_of(phrase: str, language: Language | None = None,
             people: Mapping[str, str] | None = None) -> str | None:
    """The canonical actor a phrase points at, from its longest known word sequence; a
    civilian word counts only where no party is named. ``people`` maps the names of persons,
    as written, to the state the text gives them by a title ("Ukrainian President Volodymyr
    Zelensky": "Zelensky" -> Ukraine; :mod:`triangulate.nlp.people`)."""
    lower, cased = actor_tables(language or resources())
    named = people or {}
    words = _phrase_words(phrase)
    civilian = False
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            written = " ".join(words[i : i + size])
            actor = cased.get(written) or lower.get(written.lower()) or named.get(written)
            if actor == "Civilians":
                civilian = True
            elif actor:
                return actor
    return "Civilians" if civilian else None


def is_actor_word(word: str, language: Language | None = None) -> bool:
    """True for a word or phrase that names an actor in some case: for text whose case is
    already lost, where "us" may be "US"."""
    lower, cased = actor_tables(language or resources())
    return word.lower() in lower or word.lower() in {entry.lower() for entry in cased}


_WordSets = tuple[tuple[frozenset[str], frozenset[str]], ...]  # (lower-case, cased) words


@cache
def _body_tables(language: Language) -> tuple[tuple[str, _WordSets], ...]:
    """Each body with its word sets, each split into lower-case and cased words."""
    return tuple((body, tuple((frozenset(w for w in required if not is_cased(w)),
                               frozenset(w for w in required if is_cased(w)))
                              for required in word_sets))
                 for body, word_sets in language.source_bodies.items())


def source_body(words: Iterable[str], language: Language | None = None) -> str | None:
    """The known body a source's words, as written, name, if any: a lower-case entry matches
    a word in any case, a cased one ("US") only as written."""
    written = set(words)
    lowered = {word.lower() for word in written}
    for body, word_sets in _body_tables(language or resources()):
        if any(lower <= lowered and cased <= written for lower, cased in word_sets):
            return body
    return None


def body_named(phrase: str, language: Language | None = None) -> str | None:
    """The known body a phrase names: "the US defense department", not "the department
    told us"."""
    return source_body(_phrase_words(phrase), language)


def _listed(name: str, entries: frozenset[str]) -> bool:
    """True where a name is an entry: lower-case entries in any case, cased ones as written."""
    key = normalise(name)
    bare = _POSSESSIVE.sub("", re.sub(r"^(?:the|The)\s+", "", name.strip().replace("’", "'")))
    return key in entries or f"the {key}" in entries or bare in entries


def is_outlet(name: str, language: Language | None = None) -> bool:
    return _listed(name, (language or resources()).media_names)


def is_org(name: str, language: Language | None = None) -> bool:
    """True for an armed force or official body the language's gazetteer names."""
    return _listed(name, (language or resources()).orgs)


def is_incident(event: str) -> bool:
    """True where the event's name says one incident ("Marib attack"), not a campaign
    ("Kursk incursion") or a place alone."""
    words = event.split()
    return len(words) > 1 and words[-1] in INCIDENT_NOUNS


def event_place(event: str) -> str:
    """The place of an event's name: "Marib strike" -> "Marib"."""
    words = event.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1] in EVENT_NOUNS else event
