"""The language registry, and gazetteer words that mislead unless read by case or context,
on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language as Pipeline

from triangulate.lang import Language, UnsupportedLanguage, available, resources
from triangulate.lang.lookup import actor_of, body_named, is_org, is_outlet
from triangulate.nlp.people import person_states
from triangulate.reconcile.independence import canonical_source
from triangulate.types import Claim


def test_every_language_folder_supplies_its_own_resources() -> None:
    assert "en" in available()
    for code in available():
        language = resources(code)
        assert isinstance(language, Language) and language.code == code
        assert language.speech_verbs and language.model


def test_english_resources_hold_what_the_readers_need() -> None:
    english = resources("en")
    assert {"say", "tell", "warn"} <= english.speech_verbs
    assert english.cue_verbs >= english.speech_verbs | english.belief_verbs
    assert english.month_names["sep"] == english.month_names["september"] == 9
    assert english.quote_marks["“"] >= {"”"}


def test_a_code_with_no_folder_is_refused() -> None:
    with pytest.raises(UnsupportedLanguage):
        resources("xx")


@pytest.mark.parametrize("name", ["AP", "the NOS", "the UN's", "DW"])
def test_an_acronym_in_capitals_is_the_body(name: str) -> None:
    assert is_outlet(name) or is_org(name)


@pytest.mark.parametrize("name", ["ap", "nos", "un"])
def test_an_acronym_in_lower_case_is_a_word(name: str) -> None:
    assert not is_outlet(name) and not is_org(name)


# a body that gives figures is named by "US" in capitals, never by the pronoun "us"
@pytest.mark.parametrize("source", [
    "Officials told us that the defense department had no figure",
    "officials from the department told us about the defense lines",
    "a defense department spokesman who briefed us",
])
def test_the_pronoun_us_names_no_us_body(source: str) -> None:
    assert body_named(source) is None
    assert canonical_source(source) != canonical_source("US officials")


@pytest.mark.parametrize("source", [
    "US officials said", "the US defense department", "a US Defense Department official",
])
def test_us_in_capitals_names_the_us_government(source: str) -> None:
    assert canonical_source(source) == "government of United States"


def test_a_us_body_is_the_same_body_in_any_case_of_its_other_words() -> None:
    assert body_named("the US Defense Department") == body_named("US defense department") \
        is not None


def claims_of(nlp: Pipeline, text: str) -> list[Claim]:
    return list(nlp(text)._.claims)


# "us" the pronoun is no United States: only the capitals name it
@pytest.mark.parametrize("text", [
    "The commander told us that 40 soldiers had been wounded.",
    "Twelve of us were hurt when the shell landed, a sergeant said.",
    "Medics showed us the bodies of 15 fighters on Tuesday.",
])
def test_the_pronoun_us_is_not_the_united_states(nlp: Pipeline, text: str) -> None:
    assert all(claim.actor != "United States" for claim in claims_of(nlp, text))


def test_us_in_capitals_is_the_united_states(nlp: Pipeline) -> None:
    assert actor_of("US troops") == actor_of("U.S. marines") == "United States"
    found = claims_of(nlp, "The Pentagon said 30 US soldiers were wounded in the attack.")
    assert [claim.actor for claim in found] == ["United States"]


# a name is a state's only by its title in the article, and a family name alone never is
@pytest.mark.parametrize("text", [
    "Kim said that 30 soldiers were wounded near the river.",
    "Kim's unit lost 40 men in the first week, a spokesman said.",
    "Sergeant Kim Min-ho said 12 soldiers of his company were killed.",
])
def test_a_kim_with_no_title_of_state_is_nobodys_side(nlp: Pipeline, text: str) -> None:
    assert all(claim.actor != "North Korea" for claim in claims_of(nlp, text))


def test_a_ruler_by_full_name_is_the_state(nlp: Pipeline) -> None:
    found = claims_of(nlp, "Kim Jong Un's forces lost 300 men in a fortnight, state media said.")
    assert [claim.actor for claim in found] == ["North Korea"]


def test_a_leader_named_by_the_title_of_a_state_speaks_for_it(nlp: Pipeline) -> None:
    doc = nlp("Myanmar's junta chief Min Aung Hlaing sent the brigade in May. "
              "By July Hlaing's soldiers had lost 300 men.")
    assert person_states(doc).get("Min Aung Hlaing") == "Myanmar"
    assert "Min" not in person_states(doc)
    assert [claim.actor for claim in doc._.claims] == ["Myanmar"]


@pytest.mark.parametrize(("text", "name", "state"), [
    ("Ukrainian President Volodymyr Zelensky spoke on Monday.", "Zelensky", "Ukraine"),
    ("Russia's defence minister Andrei Belousov spoke on Monday.", "Belousov", "Russia"),
    ("Yoon Suk Yeol, South Korea's president, spoke on Monday.", "Yoon Suk Yeol", "South Korea"),
])
def test_a_title_names_the_state_of_the_person(nlp: Pipeline, text: str, name: str,
                                               state: str) -> None:
    assert person_states(nlp(text)).get(name) == state


def test_a_person_with_a_title_of_no_state_has_none(nlp: Pipeline) -> None:
    assert person_states(nlp("Retired colonel Graham Pike said the front held.")) == {}


# "people" are civilians unless what is said of them makes them fighters
@pytest.mark.parametrize("text", [
    "The strike killed 20 people, most of them soldiers.",
    "Shelling killed 14 people, including nine rebels of the militia.",
    "Thirty people from the regiment were wounded.",
])
def test_people_said_to_be_fighters_are_not_civilians(nlp: Pipeline, text: str) -> None:
    counted = [c for c in claims_of(nlp, text) if c.subject and "people" in c.subject]
    assert counted and all(claim.actor != "Civilians" for claim in counted)


def test_people_with_nothing_said_of_fighting_are_civilians(nlp: Pipeline) -> None:
    found = claims_of(nlp, "The strike killed 20 people, most of them children.")
    assert [claim.actor for claim in found] == ["Civilians"]


def test_the_named_subsets_are_subsets_of_their_one_list() -> None:
    from triangulate.lang.en.harm import STRIKING_WEAPONS, WEAPONS
    from triangulate.lang.en.numbers import PRE_QUALIFIERS, QUALIFIER_WORDS
    from triangulate.lang.en.people import COUNTED_PERSONS, PERSON_NOUNS
    assert STRIKING_WEAPONS - {"munition"} <= set(WEAPONS)
    cue_words = {word for cue in PRE_QUALIFIERS for word in cue.split()}
    assert QUALIFIER_WORDS.issubset(cue_words)
    assert COUNTED_PERSONS <= PERSON_NOUNS
