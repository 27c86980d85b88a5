"""The measures registry and the words of each measure: one entry per measure, read by the
claims component and the status rules; texts written for these tests."""

from __future__ import annotations

from dataclasses import replace
from typing import get_args

import pytest
from spacy.language import Language

from triangulate.lang.en.measures import MEASURE_WORDS
from triangulate.measures import GROWING, MEASURES, REGISTRY, SIDED, VICTIMS, Measure, kind_of
from triangulate.reconcile.groups import subject_key
from triangulate.report import views
from triangulate.types import Claim, Group


def test_every_measure_has_one_entry_and_every_word_list_a_measure() -> None:
    assert tuple(REGISTRY) == MEASURES == get_args(Measure)
    assert set(MEASURE_WORDS) <= set(REGISTRY)
    assert all(kind.name == name and kind.label for name, kind in REGISTRY.items())


def test_flags_are_read_from_the_entries() -> None:
    assert all(REGISTRY[m].grows for m in GROWING)
    assert all(REGISTRY[m].victims and not REGISTRY[m].unit for m in VICTIMS)
    assert SIDED.issubset(VICTIMS | {"deployed"})
    assert kind_of("no such measure") == kind_of("other")


def figures(nlp: Language, text: str, measure: str) -> list[Claim]:
    return [c for c in nlp(text)._.claims if c.measure == measure]


@pytest.mark.parametrize(("text", "value"), [
    ("Aid workers say 50,000 people have fled the besieged city since March.", 50000),
    ("The fighting has displaced more than 120,000 residents of the valley.", 120000),
    ("Some 8,000 refugees crossed the bridge into the neighbouring country.", 8000),
    ("Authorities evacuated 3,500 villagers from the frontline districts.", 3500),
])
def test_people_driven_from_their_homes_are_displaced(nlp: Language, text: str,
                                                      value: float) -> None:
    found = figures(nlp, text, "displaced")
    assert [c.value for c in found] == [value]


@pytest.mark.parametrize("text", [
    "About 200 soldiers fled their positions when the line broke.",
    "Medics evacuated 40 wounded troops from the bridgehead.",
])
def test_fighters_who_fall_back_are_not_displaced(nlp: Language, text: str) -> None:
    assert figures(nlp, text, "displaced") == []
    assert nlp(text)._.claims  # still read as a figure of another measure


def test_a_displacement_figure_counts_people_not_a_side(nlp: Language) -> None:
    (claim,) = figures(nlp, "Officials said 20,000 Ukrainians fled across the border.",
                       "displaced")
    assert claim.source == "Officials"
    assert subject_key(claim) == "people"  # grouped as people, not as a side's forces


def test_the_reports_name_a_measure_by_its_label(monkeypatch: pytest.MonkeyPatch) -> None:
    group = Group(measure="displaced", subject="people", articles=["a"],
                  status="single_source", low=5000.0, best=5000.0, high=None)
    monkeypatch.setitem(REGISTRY, "displaced",
                        replace(REGISTRY["displaced"], label="driven from home"))
    assert views.group_title(group) == "driven from home: people"
    share = replace(group, measure="share", low=0.25, best=0.5)
    assert views.estimate(share) == "25% / 50% / –"
