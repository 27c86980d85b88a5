"""The gazetteer as an entity ruler placed before spaCy's statistical NER: the small model
reads "Politico" as a PERSON. The names are the language's
(:mod:`triangulate.lang`); the lookups are :mod:`triangulate.lang.lookup`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from triangulate.lang import Language, resources
from triangulate.lang.lookup import is_cased


def _patterns(label: str, phrases: Iterable[str]) -> list[dict[str, Any]]:
    return [{"label": label, "pattern": phrase} for phrase in phrases]


def ruler_patterns(language: Language | None = None) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns, matched on lower-case tokens: the outlets and bodies the
    small model misreads. Cased entries ("US", "AP"), which a lower-case match would find in
ordinary words, are left to the model; people and places are
    the model's (PERSON, GPE, LOC, FAC)."""
    language = language or resources()
    outlets = sorted(o for o in language.media_names
                     if not o.startswith("the ") and not is_cased(o))
    orgs = sorted(o for o in language.orgs if not is_cased(o))
    return (
        _patterns("ORG", outlets)
        + _patterns("ORG", orgs)
    )
