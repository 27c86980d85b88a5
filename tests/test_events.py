"""The event an article's figures are about, from its places and words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from triangulate.lang.lookup import event_place
from triangulate.nlp.events import (
    article_event,
    dateline_places,
    place_key,
    place_mentions,
)


@pytest.mark.parametrize(("title", "body", "place"), [
    ("Missile strike on Vinnytsia kills 23",
     "Russian missiles hit the centre of Vinnytsia on Thursday. Officials in Kyiv said rescue "
     "work in Vinnytsia went on.", "Vinnytsia"),
    ("Drone attack hits Zhytomyr market",
     "A drone exploded over the Zhytomyr market at dawn. The governor of the region spoke.",
     "Zhytomyr"),
    ("Shelling of El Fasher leaves dozens dead",
     "Artillery fire struck a camp in El Fasher, Sudan, aid workers said. In El Fasher the "
     "hospital overflowed.", "El Fasher"),
])
def test_the_event_is_the_place_the_article_names_most(nlp: Language, title: str, body: str,
                                                       place: str) -> None:
    text = f"{title}\n\n{body}"
    event = article_event(nlp(text), title)
    assert event is not None and event_place(event) == place


def test_a_country_is_no_event_place(nlp: Language) -> None:
    title = "Ukraine says Russia fired 40 missiles"
    event = article_event(nlp(f"{title}\n\nUkraine and Russia traded blame."), title)
    assert event is None
    assert place_key("the Gaza Strip") == "Gaza" and place_key("Ukrainians") is None


@pytest.mark.parametrize(("stamp", "place"), [
    ("Updated 4 August 2021 11:20 GMT", "Marib"),
    ("By the Gulf desk | 4 August 2021", "Marib"),
    ("ADEN, 4. August 2021", "Marib"),
])
def test_a_headline_under_a_stamp_counts_as_the_headline(nlp: Language, stamp: str,
                                                         place: str) -> None:
    title = "Missile strike on Marib mosque kills 12"
    text = f"{stamp}\n\n{title}\n\nA missile struck a mosque in Marib during prayers."
    event = article_event(nlp(text), title)
    assert event is not None and event_place(event) == place


def test_a_place_named_once_under_a_stamp_is_no_event(nlp: Language) -> None:
    title = "Missile strike on mosque kills 12"
    text = f"Updated 4 August 2021\n\n{title}\n\nA missile struck a mosque in Marib."
    assert article_event(nlp(text), title) is None


@pytest.mark.parametrize("name", ["M23", "the Houthis", "Myanmar", "the Taliban's"])
def test_a_party_to_a_war_is_no_event_place(name: str) -> None:
    assert place_key(name) is None


def test_a_town_named_like_no_party_is_a_place() -> None:
    assert place_key("Bunagana") == "Bunagana"


@pytest.mark.parametrize(("sentence", "name"), [
    ("Rebels shelled a camp outside Goma on Monday.", "Goma"),
    ("Fighters massed near Bunia overnight.", "Bunia"),
    ("The column pushed into Rutshuru at dawn.", "Rutshuru"),
])
def test_a_name_a_preposition_of_place_governs_is_a_place(nlp: Language, sentence: str,
                                                          name: str) -> None:
    assert any(name in found for _, found in place_mentions(nlp(sentence)))


def test_a_person_spoken_with_is_no_place(nlp: Language) -> None:
    doc = nlp("The envoy met Antoine Ndjike and spoke with Marie Kabila on Monday.")
    assert not any("Kabila" in found or "Ndjike" in found for _, found in place_mentions(doc))


@pytest.mark.parametrize(("text", "name"), [
    ("Drone debris fell overnight\nbryansk, russia - Residents heard blasts.", "bryansk"),
    ("Rebels advance\nGOMA, DR Congo — Shelling went on all night.", "GOMA"),
    ("A market is hit\nTaiz, Yemen - The strike came at noon.", "Taiz"),
])
def test_the_place_of_a_dateline_is_a_place(nlp: Language, text: str, name: str) -> None:
    assert (text.index(name), name) in dateline_places(nlp(text))


def test_a_sentence_with_a_comma_and_a_dash_is_no_dateline(nlp: Language) -> None:
    assert dateline_places(nlp("Fighting paused\nTroops, officials said - had left.")) == []


@pytest.mark.parametrize("sentence", [
    "Governors of the Tambov region ordered shelters opened.",
    "Authorities said Kharkiv oblast officials had left.",
    "The Tigray region administration denied the report.",
])
def test_a_name_before_a_word_for_a_region_is_a_place(nlp: Language, sentence: str) -> None:
    name = sentence.split(" region")[0].split(" oblast")[0].split()[-1]
    assert any(name in found for _, found in place_mentions(nlp(sentence)))
