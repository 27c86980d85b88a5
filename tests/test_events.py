"""The event an article's figures are about, from its places and words."""

from __future__ import annotations

import pytest
from spacy.language import Language

from triangulate.nlp.events import article_event, event_place, place_key


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
