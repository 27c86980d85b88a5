"""The gazetteer as an entity ruler placed before spaCy's statistical NER: the small model
reads "Politico" as a PERSON. The names are the language's
(:mod:`triangulate.lang`); the lookups are :mod:`triangulate.lang.lookup`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from triangulate.lang import Language, resources
from triangulate.lang.lookup import is_cased

# acronyms of two or three letters that the ruler leaves to the model: matched in lower
# case they are too often something else
_SHORT = {"ap", "un", "nos", "dw", "nis", "hur", "gur", "sbu"}


def _patterns(label: str, phrases: Iterable[str]) -> list[dict[str, Any]]:
    return [{"label": label, "pattern": phrase} for phrase in phrases]


def ruler_patterns(language: Language | None = None) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns, matched on lower-case tokens: the outlets and bodies the
    small model misreads. Cased entries ("US") are left to the model; people and places are
    the model's (PERSON, GPE, LOC, FAC)."""
    language = language or resources()
    outlets = sorted(o for o in language.media_names
                     if o not in _SHORT and not o.startswith("the ") and not is_cased(o))
    orgs = sorted(o for o in language.orgs if o not in _SHORT and not is_cased(o))
    return (
        _patterns("ORG", outlets)
        + _patterns("ORG", orgs)
    )
