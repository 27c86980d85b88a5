"""The measures a figure can count, defined once: what each one means to the cross-check and
how the reports name it.

The claims component reads a figure's measure from the words of a language
(:mod:`triangulate.lang.en.measures`, keyed by the names here); the status rules
(:mod:`triangulate.reconcile.groups`) read whether a measure only grows and whom it counts;
the reports read its label and unit. A new measure is one entry here and its words there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

Measure = Literal["killed", "wounded", "casualties", "captured", "missing", "displaced",
                  "deployed", "area", "share", "other"]
Unit = Literal["", "percent", "km²"]


@dataclass(frozen=True)
class MeasureKind:
    """What the cross-check and the reports need to know of one measure.

    ``grows``: a running total that never goes down (a source's later, lower figure of the
    same scope contradicts its earlier one); ``victims``: it counts people something befell,
    so a subject folds to the side whose forces they are, else to "people"; ``sided``: it
    counts one side's people, so a figure whose clause names no side takes the side of the
    article's last figure; ``harm``: harm done to people (a status such as "prisoners" gives
    way to it: "killed 50 prisoners"); ``unit``: the unit the number itself must carry ("12
    percent", "40 square kilometres"), so that a bare number after one ("a 30 percent drop
    from 1,619") is no share or area of its own. ``label`` is how the reports name it.
    """

    name: Measure
    label: str
    grows: bool = False
    victims: bool = False
    sided: bool = False
    harm: bool = False
    unit: Unit = ""


REGISTRY: dict[str, MeasureKind] = {kind.name: kind for kind in (
    MeasureKind("killed", "killed", grows=True, victims=True, sided=True, harm=True),
    MeasureKind("wounded", "wounded", grows=True, victims=True, sided=True, harm=True),
    MeasureKind("casualties", "casualties", grows=True, victims=True,
                sided=True, harm=True),
    MeasureKind("captured", "captured", grows=True, victims=True, sided=True),
    MeasureKind("missing", "missing", victims=True, sided=True),
    # people come home again: a displacement figure may fall without contradicting itself
    MeasureKind("displaced", "displaced", victims=True),
    MeasureKind("deployed", "deployed", grows=True, sided=True),
    MeasureKind("area", "area", unit="km²"),
    MeasureKind("share", "share", unit="percent"),
    MeasureKind("other", "other"),
)}
MEASURES: tuple[Measure, ...] = get_args(Measure)
UNKNOWN = MeasureKind("other", "other")


def kind_of(measure: str) -> MeasureKind:
    """The registry's entry for a measure (a name it does not know: as "other")."""
    return REGISTRY.get(measure, UNKNOWN)


def having(flag: str) -> frozenset[str]:
    """The names of the measures whose ``flag`` ("grows", "victims", ...) is set."""
    return frozenset(name for name, kind in REGISTRY.items() if getattr(kind, flag))


GROWING = having("grows")
VICTIMS = having("victims")
SIDED = having("sided")
HARMS = having("harm")
WITH_UNIT = having("unit")
