"""Figures: measure, value, qualifier, subject and source, on short texts written for the tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from triangulate.types import Claim


def claims_in(nlp: Language, text: str) -> list[Claim]:
    return list(nlp(text)._.claims)


def only(nlp: Language, text: str, measure: str | None = None) -> Claim:
    found = [c for c in claims_in(nlp, text) if measure is None or c.measure == measure]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(("text", "measure", "value"), [
    ("Border guards said 28 civilians were killed in the strike.", "killed", 28),
    ("The shelling left 14 people dead.", "killed", 14),
    ("At least 19 soldiers died in the ambush.", "killed", 19),
    ("Drone crews wiped out 40 infantrymen near the river.", "killed", 40),
    ("The hospital treated 63 wounded soldiers overnight.", "wounded", 63),
    ("Officials said 7 residents were injured.", "wounded", 7),
    ("Kyiv said 3,800 North Korean troops had been killed or wounded.", "casualties", 3800),
    ("The brigade has suffered 500 casualties since spring.", "casualties", 500),
    ("Marines captured 12 enemy soldiers at dawn.", "captured", 12),
    ("Six fighters were taken prisoner after the assault.", "captured", 6),
    ("At least 30 sailors remain missing after the sinking.", "missing", 30),
    ("Pyongyang has sent 11,000 troops to the front.", "deployed", 11000),
    ("A force of 1,500 marines landed at dawn.", "deployed", 1500),
])
def test_measure_and_value(nlp: Language, text: str, measure: str, value: float) -> None:
    claim = only(nlp, text, measure)
    assert claim.value == value


def test_two_figures_in_one_phrase_keep_their_own_measures(nlp: Language) -> None:
    found = claims_in(nlp, "The raid left 120 dead and 340 injured, the governor said.")
    assert [(c.measure, c.value) for c in found] == [("killed", 120), ("wounded", 340)]


def test_a_modifier_does_not_beat_the_verb(nlp: Language) -> None:
    claim = only(nlp, "Rangers captured three wounded paratroopers near the bridge.")
    assert (claim.measure, claim.value) == ("captured", 3)


def test_words_ranges_and_vague_figures(nlp: Language) -> None:
    words = only(nlp, "Forty conscripts were killed in the first assault.")
    assert (words.value, words.qualifier) == (40, "exact")
    span = only(nlp, "Between 11,000 and 12,000 troops have been deployed to the region.")
    assert (span.measure, span.low, span.high, span.qualifier) == (
        "deployed", 11000, 12000, "range")
    vague = only(nlp, "Thousands of soldiers were sent to the border.")
    assert (vague.measure, vague.value, vague.qualifier) == ("deployed", None, "vague")


def test_area_is_converted_to_square_kilometres(nlp: Language) -> None:
    km = only(nlp, "Rebels now hold more than 400 square kilometres of farmland.")
    assert (km.measure, km.value, km.qualifier) == ("area", 400, "more_than")
    miles = only(nlp, "The army retook 100 square miles of ground.")
    assert miles.measure == "area" and miles.value == pytest.approx(259, abs=0.5)


def test_share(nlp: Language) -> None:
    claim = only(nlp, "The enemy has retaken about half of the territory it lost.")
    assert (claim.measure, claim.value, claim.qualifier) == ("share", 0.5, "about")
    assert claim.subject is not None and "territory" in claim.subject


@pytest.mark.parametrize("text", [
    "Five months ago the offensive began, the first since World War II.",
    "The 25-year-old corporal returned home in 2024.",
    "Talks resumed at 10:30 on 14 January.",
])
def test_numbers_that_are_no_figures(nlp: Language, text: str) -> None:
    assert [c for c in claims_in(nlp, text) if c.measure != "other"] == []


def test_according_to_names_the_source(nlp: Language) -> None:
    claim = only(nlp, "About 200 conscripts were killed, according to the regional governor.")
    assert claim.source == "the regional governor" and not claim.source_vague


def test_vague_source(nlp: Language) -> None:
    claim = only(nlp, "Rebels killed at least 15 guards, according to reports.")
    assert claim.source == "reports" and claim.source_vague


def test_speech_verb_subject_is_the_source(nlp: Language) -> None:
    claim = only(nlp, "The defence ministry said that 75 attackers had been killed.")
    assert claim.source == "The defence ministry"


@pytest.mark.parametrize("text", [
    "The defence ministry has not confirmed that 75 attackers had been killed.",
    "Neither Minsk nor Vilnius said that 75 attackers had been killed.",
])
def test_a_denied_speech_verb_is_no_source(nlp: Language, text: str) -> None:
    claim = only(nlp, text)
    assert claim.measure == "killed" and claim.source is None


def test_a_figure_for_the_total_counts_what_the_last_figure_counted(nlp: Language) -> None:
    found = claims_in(nlp, "About 80 Belarusian volunteers have been wounded. Last month a "
                           "Polish official had put the total at several dozen.")
    assert [c.measure for c in found] == ["wounded", "wounded"]
    assert found[1].qualifier == "vague" and found[1].actor == found[0].actor


def test_a_total_with_no_figure_before_has_no_measure(nlp: Language) -> None:
    found = claims_in(nlp, "A Polish official had put the total at several dozen.")
    assert [c.measure for c in found] in ([], ["other"])


def test_it_that_puts_a_figure_is_the_agency_above(nlp: Language) -> None:
    claim = claims_in(nlp, "The health ministry raised its count from 40 dead in May to 90 in "
                           "June, when it put total casualties at about 1,200.")[-1]
    assert claim.value == 1200 and claim.source is not None
    assert claim.source.removeprefix("The ") == "health ministry"


def test_citing_keeps_the_chain(nlp: Language) -> None:
    claim = only(nlp, "A lawmaker said 90 marines were wounded, citing the intelligence service.")
    assert claim.source is not None
    assert claim.source.startswith("A lawmaker") and claim.source.endswith(
        "citing the intelligence service")


def test_unattributed_figure_has_no_source(nlp: Language) -> None:
    assert only(nlp, "Engineers cleared 300 mines from the road.").source is None


def test_subject_and_actor(nlp: Language) -> None:
    claim = only(nlp, "At least 40 North Korean soldiers were killed near the village.")
    assert claim.actor == "North Korea"
    assert claim.subject is not None and "North Korean soldiers" in claim.subject
    capital = only(nlp, "Thousands of soldiers from Pyongyang were sent to the front.")
    assert capital.actor == "North Korea"


def test_subject_from_the_sentence_before(nlp: Language) -> None:
    claim = only(nlp, "Russian units pressed the attack all week. They suffered 90 dead, "
                      "officials in the region said.", "killed")
    assert claim.actor == "Russia"


def test_a_series_shares_its_measure(nlp: Language) -> None:
    found = claims_in(nlp, "The toll climbed from 12 dead in May to 40 in June and 75 in July.")
    assert [(c.measure, c.value) for c in found] == [
        ("killed", 12), ("killed", 40), ("killed", 75)]


def test_count_verb_object_gives_the_measure(nlp: Language) -> None:
    claim = only(nlp, "The ministry put the number of dead at about 2,000.")
    assert (claim.measure, claim.value, claim.qualifier) == ("killed", 2000, "about")
    assert claim.source == "The ministry"


def test_figure_in_a_quote_belongs_to_the_speaker(nlp: Language) -> None:
    claim = only(nlp, "\"We lost 12 men in that trench,\" said Captain Ilya Marchenko.")
    assert claim.source is not None and "Marchenko" in claim.source


@pytest.mark.parametrize(("headline", "source"), [
    ("Ukraine death toll rises to 28: ministry", "ministry"),
    ("NIS: about 300 soldiers dead in border fighting", "NIS"),
])
def test_headline_label_is_the_source(nlp: Language, headline: str, source: str) -> None:
    assert only(nlp, headline).source == source


def test_destroying_people_is_killing(nlp: Language) -> None:
    killed = only(nlp, "Artillery destroyed up to 50 soldiers near the ridge.")
    assert (killed.measure, killed.value, killed.qualifier) == ("killed", 50, "at_most")
    assert only(nlp, "Drones destroyed 12 tanks near the ridge.").measure == "other"


def test_one_and_another_number(nlp: Language) -> None:
    found = claims_in(nlp, "One soldier killed, another 10 injured in the night attack.")
    assert [(c.measure, c.value) for c in found] == [("killed", 1), ("wounded", 10)]


# --- sub-counts, victims, finders and headlines (issue 11) -----------------------------------


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("The shelling killed 22 villagers. Six of them were children, the mayor said.", 6, "killed"),
    ("Rescuers said 40 people were injured, among them nine children.", 9, "wounded"),
    ("Among those killed on the bridge were three children, police said.", 3, "killed"),
    ("The strike killed 31 people, of them eight were women.", 8, "killed"),
])
def test_a_sub_count_is_a_claim_of_its_own(nlp: Language, text: str, value: float,
                                           measure: str) -> None:
    part = [c for c in claims_in(nlp, text) if c.value == value]
    assert len(part) == 1 and part[0].measure == measure
    assert part[0].subject in {"children", "women"}


def test_a_count_of_children_is_not_a_sub_count_without_a_whole(nlp: Language) -> None:
    claim = only(nlp, "Three children were wounded near the school.")
    assert claim.measure == "wounded" and claim.subject == "children"


@pytest.mark.parametrize("text", [
    "Russian strike kills 14 in the port city.",
    "Israeli jets killed 30 in the camp overnight.",
    "The Sudanese army's shelling killed 12 in the market, medics said.",
])
def test_victims_are_never_the_attacker(nlp: Language, text: str) -> None:
    claim = only(nlp, text, "killed")
    assert claim.actor not in {"Russia", "Israel"}
    assert "forces" not in (claim.subject or "")


def test_victims_named_as_a_people_stay_that_people(nlp: Language) -> None:
    claim = only(nlp, "Israeli jets killed 30 Palestinians in the camp.", "killed")
    assert claim.actor == "Palestine"


def test_a_harm_done_to_prisoners_is_that_harm(nlp: Language) -> None:
    assert only(nlp, "The blast killed no fewer than 40 POWs at the depot.").measure == "killed"
    assert only(nlp, "The guards took 50 POWs to the camp.").measure in {"captured", "other"}


@pytest.mark.parametrize(("text", "word"), [
    ("Reuters reporters saw at least 14 bodies at the crossing.", "reporters"),
    ("Investigators identified 27 of the dead by their papers.", "investigators"),
    ("A UN mission found that the shelling killed 45 civilians.", "mission"),
    ("It was far above the 90 deaths that local officials described.", "officials"),
])
def test_whoever_found_or_saw_the_figure_is_its_source(nlp: Language, text: str,
                                                       word: str) -> None:
    found = [c for c in claims_in(nlp, text) if c.measure == "killed"]
    assert found and word in (found[0].source or "").lower()


def test_a_clause_of_contrast_has_its_own_source(nlp: Language) -> None:
    found = claims_in(nlp, "The mayor said 40 people were killed, while a police source said "
                           "the toll was 60.")
    sixty = [c for c in found if c.value == 60]
    assert sixty and "police" in (sixty[0].source or "")


def test_a_pronoun_source_is_resolved_or_dropped(nlp: Language) -> None:
    found = claims_in(nlp, "Governor Ivan Petrenko visited the site. \"Twelve people were "
                           "killed,\" he said.")
    assert found and found[0].source is not None and "Petrenko" in found[0].source
    alone = claims_in(nlp, "\"Twelve people were killed,\" they said.")
    assert alone and alone[0].source != "they"


def test_a_headline_takes_the_source_of_the_figure_it_restates(nlp: Language) -> None:
    found = claims_in(nlp, "Toll from dam collapse rises to 73\n\nThe toll rose to 73 on "
                           "Monday, regional officials said.")
    assert len(found) == 2 and found[0].source == found[1].source is not None


def test_a_section_label_is_no_source(nlp: Language) -> None:
    found = claims_in(nlp, "Border war: 12 soldiers killed in overnight raid\n\nText.")
    assert found and found[0].source is None


def test_a_date_on_the_figures_verb_scopes_it(nlp: Language) -> None:
    claim = only(nlp, "Nearly 90 people died in the attack on the market on March 3, the "
                      "report says.", "killed")
    assert claim.scope == "March 3"


@pytest.mark.parametrize(("phrase", "actor"), [
    ("Sudanese soldiers", "Sudan"), ("RSF fighters", "Rapid Support Forces"),
    ("M23 rebels", "M23"), ("Houthi gunmen", "Houthis"), ("US troops", "United States"),
])
def test_actors_of_any_war_fold_to_their_side(phrase: str, actor: str) -> None:
    from triangulate.lang.lookup import actor_of

    assert actor_of(phrase) == actor


@pytest.mark.parametrize("phrase", ["forty of us", "Kim", "reporter Kim Min-ji"])
def test_misleading_names_are_no_actor(phrase: str) -> None:
    from triangulate.lang.lookup import actor_of

    assert actor_of(phrase) is None


def test_a_relay_is_kept_as_via(nlp: Language) -> None:
    chained = only(nlp, "A senator said 70 sailors were killed, citing the navy.", "killed")
    assert chained.via == "A senator" and "navy" in (chained.source or "")
    told = only(nlp, "The governor told Reuters that 15 people were killed.", "killed")
    assert told.via == "Reuters" and told.source == "The governor"
    plain = only(nlp, "The governor said 15 people were killed.", "killed")
    assert plain.via is None


@pytest.mark.parametrize(("text", "value", "measure", "subject"), [
    ("Gunmen killed 30 villagers, including four women, the governor said.", 4, "killed",
     "women"),
    ("At least 16 people were hurt in the blast, including three children.", 3, "wounded",
     "children"),
    ("Shelling killed 25 people overnight. At least 10 of the dead were children.", 10,
     "killed", "children"),
])
def test_including_and_of_the_dead_name_a_sub_count(nlp: Language, text: str, value: float,
                                                    measure: str, subject: str) -> None:
    part = [c for c in claims_in(nlp, text) if c.value == value]
    assert len(part) == 1 and (part[0].measure, part[0].subject) == (measure, subject)


def test_a_group_including_people_is_no_sub_count_of_a_loss(nlp: Language) -> None:
    text = "The convoy carried 40 aid workers, including two doctors."
    assert all(c.measure not in {"killed", "wounded"} for c in claims_in(nlp, text))


@pytest.mark.parametrize("text", [
    "Gunmen killed 30 villagers on Sunday, according to the governor. Nine of them were women.",
    "Militia fighters killed 14 farmers, police said. Among them were five children.",
    "The strike killed 22 people, the regional health office said. Six of them were children.",
])
def test_a_sub_count_without_its_own_source_keeps_the_whole_s(nlp: Language,
                                                              text: str) -> None:
    whole, part = claims_in(nlp, text)[:2]
    assert whole.source is not None and part.source == whole.source


def test_a_sub_count_with_its_own_source_keeps_it(nlp: Language) -> None:
    text = "The strike killed 22 people, officials said. Six of them were children, medics said."
    part = claims_in(nlp, text)[1]
    assert part.source == "medics"


def test_including_lists_the_figure_it_follows_not_an_earlier_loss(nlp: Language) -> None:
    text = ("The strike killed 20 people. Officials said 70 people were taken to clinics, "
            "including 11 children.")
    part = [c for c in claims_in(nlp, text) if c.value == 11]
    assert part and part[0].measure not in {"killed", "wounded"}


@pytest.mark.parametrize("text", [
    "Yemeni government shelling on Taiz district kills 8",
    "Iraqi government shelling on Mosul suburb kills 3",
    "Libyan government shelling on Sirte port kills 5",
])
def test_who_did_the_harm_is_no_source_of_its_count(nlp: Language, text: str) -> None:
    assert all(c.source is None for c in claims_in(nlp, text))


def test_a_body_that_records_a_count_is_its_source(nlp: Language) -> None:
    claim = only(nlp, "The ministry recorded 40 deaths in the province.")
    assert claim.source is not None and "ministry" in claim.source


@pytest.mark.parametrize(("text", "actor"), [
    ("The Houthis fired drones at the port. Later, US strikes killed six of their fighters, "
     "officials said.", "Houthis"),
    ("Al-Shabaab militants attacked the base on Monday. Soldiers killed 20 of their fighters, "
     "the army said.", "al-Shabaab"),
    ("M23 rebels advanced on the town. Army shelling killed 14 of its fighters, a spokesman "
     "said.", "M23"),
])
def test_a_possessive_pronoun_on_the_counted_names_the_group_before(
        nlp: Language, text: str, actor: str) -> None:
    claim = [c for c in claims_in(nlp, text) if c.measure == "killed"][-1]
    assert claim.actor == actor


def test_a_possessive_pronoun_with_no_group_before_names_none(nlp: Language) -> None:
    claim = only(nlp, "Officials said 12 of its staff were hurt in the fire.")
    assert claim.actor is None


@pytest.mark.parametrize(("text", "word"), [
    ("Gunmen killed 12 villagers, officials said. The army put the number of militants "
     "killed at 30.", "militants"),
    ("Shelling killed 8 residents on Monday. A spokesman put the number of rebels killed at "
     "more than 40.", "rebels"),
    ("The raid killed 5 farmers. Police put the number of insurgents killed at 17.",
     "insurgents"),
])
def test_the_number_of_fighters_killed_counts_the_fighters_not_the_earlier_civilians(
        nlp: Language, text: str, word: str) -> None:
    claim = claims_in(nlp, text)[-1]
    assert claim.actor != "Civilians" and word in (claim.subject or "")


def test_a_later_count_of_people_keeps_the_civilian_side(nlp: Language) -> None:
    text = "Gunmen killed 12 villagers, officials said. Later 3 more died in hospital."
    claim = claims_in(nlp, text)[-1]
    assert claim.measure == "killed" and claim.actor in {"Civilians", None}


def test_in_their_hundreds_names_no_owner(nlp: Language) -> None:
    text = ("Houthi fighters and Saudi troops clashed at dawn. Soldiers are being killed in "
            "their hundreds on the border, Yemeni officials said.")
    claim = claims_in(nlp, text)[-1]
    assert claim.actor != "Saudi Arabia"


def test_a_possessive_skips_a_party_named_by_a_thing_of_it(nlp: Language) -> None:
    text = ("The Houthis said they had hit a tanker bound for Saudi ports. Strikes later "
            "killed eight of their fighters, officials said.")
    claim = [c for c in claims_in(nlp, text) if c.measure == "killed"][-1]
    assert claim.actor == "Houthis"


@pytest.mark.parametrize("text", [
    "Attacks fell by 30 percent from the 1,250 recorded a year earlier.",
    "A 12 percent rise took the count of displaced families to 4,800.",
    "The army holds 40 percent of the province and 220 villages.",
])
def test_a_bare_number_after_a_share_is_no_share(nlp: Language, text: str) -> None:
    shares = [c for c in claims_in(nlp, text) if c.measure == "share"]
    assert shares and all(c.value is not None and c.value <= 1 for c in shares)


def test_a_range_of_percents_is_one_share(nlp: Language) -> None:
    claim = only(nlp, "Between 20 and 30 percent of the district was flooded.", "share")
    assert claim.low == 0.2 and claim.high == 0.3


@pytest.mark.parametrize(("text", "value"), [
    ("Sixty percent of residents said they felt unsafe after the shelling began.", 0.6),
    ("Some 300 soldiers said they had not been paid for months.", 300),
    ("Eleven wounded fighters told medics the road had been mined.", 11),
])
def test_a_figure_that_speaks_is_not_its_own_source(nlp: Language, text: str,
                                                    value: float) -> None:
    """A number in the subject of a speech verb counts who speaks; what they say is no
    source of that number."""
    [claim] = [c for c in claims_in(nlp, text) if c.value == value]
    assert claim.source is None or claim.text not in claim.source


def test_who_speaks_stays_the_source_of_what_they_say(nlp: Language) -> None:
    claim = only(nlp, "Two officials said 14 people died when shells hit the market.", "killed")
    assert (claim.value, claim.source) == (14, "Two officials")


@pytest.mark.parametrize(("text", "measure"), [
    ("The ruling party lost four seats in the provincial vote.", "other"),
    ("The challenger lost by six points in the runoff.", "other"),
    ("The convoy lost 9 trucks on the mountain road.", "other"),
    ("The regiment lost 60 men in two days of fighting.", "casualties"),
])
def test_a_loss_is_a_casualty_only_of_people(nlp: Language, text: str, measure: str) -> None:
    assert only(nlp, text).measure == measure


@pytest.mark.parametrize(("text", "subject"), [
    ("About 30 percent of the village's houses were destroyed.", "village's houses"),
    ("Medics said 45% of the injured were children.", "injured"),
    ("Roughly 12 per cent of the recruits deserted within a month.", "recruits"),
])
def test_a_percent_counts_the_noun_of_its_of(nlp: Language, text: str, subject: str) -> None:
    """As "half of the houses" counts the houses, so does "30 percent of the houses"."""
    claim = only(nlp, text, "share")
    assert claim.subject == subject


@pytest.mark.parametrize(("text", "subject"), [
    ("Fuel prices rose 40 percent in a week.", None),
    ("Dozens feared dead after the ferry capsized off the coast", "people"),
])
def test_a_figure_is_not_its_own_subject(nlp: Language, text: str, subject: str | None) -> None:
    """Where nothing but the figure names what it counts, the subject is not the figure's
    own words: none for a share, the default for a toll."""
    [claim] = claims_in(nlp, text)
    assert claim.subject == subject
