"""The gazetteer as an entity ruler placed before spaCy's statistical NER: the small model
reads "Kursk" as a PRODUCT and "Politico" as a PERSON. The names are the language's
(:mod:`triangulate.lang`); the lookups are :mod:`triangulate.lang.lookup`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from triangulate.lang import Language, resources
from triangulate.lang.lookup import PERSON_BY_VARIANT, PLACE_BY_VARIANT, is_cased

# short lower-case names that the ruler leaves to the model: as words of two or three
# letters, or a first name alone, they are too often something else
_SHORT = {"ap", "un", "nos", "dw", "nis", "hur", "gur", "sbu", "kim", "austin", "yoon"}


def _patterns(label: str, phrases: Iterable[str], ids: Mapping[str, str] | None = None
              ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for phrase in phrases:
        entry: dict[str, Any] = {"label": label, "pattern": phrase}
        if ids is not None:
            entry["id"] = ids[phrase]
        out.append(entry)
    return out


def ruler_patterns(language: Language | None = None) -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns (matched on lower-case tokens, so "Kim Jong-un" is three
    words as the tokenizer splits it): people, places, outlets and bodies the small model
    misreads. Cased entries ("US") are left to the model."""
    language = language or resources()
    people = [v for v in PERSON_BY_VARIANT if v not in _SHORT]
    outlets = sorted(o for o in language.media_names
                     if o not in _SHORT and not o.startswith("the ") and not is_cased(o))
    orgs = sorted(o for o in language.orgs if o not in _SHORT and not is_cased(o))
    return (
        _patterns("PERSON", people, PERSON_BY_VARIANT)
        + _patterns("GPE", list(PLACE_BY_VARIANT), PLACE_BY_VARIANT)
        + _patterns("ORG", outlets)
        + _patterns("ORG", orgs)
    )
