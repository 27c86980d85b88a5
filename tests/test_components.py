"""Our spaCy components declare what they read and write, and work in a user's pipeline."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from triangulate.lang import UnsupportedLanguage, resources
from triangulate.nlp import framing
from triangulate.nlp.extensions import declare
from triangulate.nlp.pipeline import build_pipeline
from triangulate.nlp.quotes import QuoteFinder
from triangulate.nlp.speakers import mention_of
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Framing

OURS = ("triangulate_quotes", "triangulate_claims", "triangulate_periods", "triangulate_framing",
        "triangulate_entities")
REPORT = ("Shelling killed 12 civilians yesterday, the regional governor said. President "
          "Zelensky denounced the shelling as a crime. "
          "\"The city will not be broken,\" he said, according to local media.")


def users_pipeline(*names: str) -> Language:
    """The model as a spaCy user loads it, with only the named components of ours added."""
    nlp = spacy.load(DEFAULTS.model)
    for name in names:
        nlp.add_pipe(name)
    return nlp


def test_our_pipeline_reports_no_missing_requirement() -> None:
    analysis = build_pipeline().analyze_pipes()
    assert all(not missing for missing in analysis["problems"].values()), analysis["problems"]


def test_every_component_says_what_it_reads_and_writes() -> None:
    nlp = build_pipeline()
    for name in (n for n in nlp.pipe_names if n.startswith("triangulate_")
                 and n != "triangulate_gazetteer"):
        assert nlp.get_pipe_meta(name).assigns, name
    assert "doc._.quotes" in nlp.get_pipe_meta("triangulate_claims").requires
    assert "doc._.claims" in nlp.get_pipe_meta("triangulate_framing").requires


def test_claims_without_quotes_is_reported_missing() -> None:
    problems = users_pipeline("triangulate_claims").analyze_pipes()["problems"]
    assert problems["triangulate_claims"] == ["doc._.quotes"]
    assert users_pipeline("triangulate_quotes", "triangulate_claims").analyze_pipes()[
        "problems"]["triangulate_claims"] == []
    blank = spacy.blank("en")
    blank.add_pipe("triangulate_quotes")
    assert "token.dep" in blank.analyze_pipes()["problems"]["triangulate_quotes"]


def test_a_users_pipeline_gets_periods_and_framing() -> None:
    nlp = users_pipeline(*OURS)
    doc = nlp.make_doc(REPORT)
    doc._.published = "2024-05-03"
    doc = nlp(doc)
    [claim] = doc._.claims
    assert (claim.period_start, claim.period_end, claim.as_of) == \
        ("2024-05-02", "2024-05-02", "2024-05-02")
    assert isinstance(doc._.framing, Framing)
    assert any("governor" in source.text for source in doc._.framing.sources)
    assert "Zelensky" in {e.text for e in doc._.entities}


def test_the_outlet_is_not_its_own_source() -> None:
    nlp = users_pipeline(*OURS)
    text = "The Kherson Herald counted 12 dead, according to the Kherson Herald."
    doc = nlp.make_doc(text)
    doc._.outlet = "Kherson Herald"
    assert not any("Herald" in s.text for s in nlp(doc)._.framing.sources)
    assert any("Herald" in s.text for s in nlp(text)._.framing.sources)


def test_settings_reach_the_components_config() -> None:
    nlp = build_pipeline(Settings(join_sentences=True, scope_reach=2, according_reach=3))
    assert nlp.get_pipe_config("triangulate_quotes")["join_sentences"] is True
    assert nlp.get_pipe_config("triangulate_claims")["scope_reach"] == 2
    assert nlp.get_pipe_config("triangulate_framing")["according_reach"] == 3
    reader = nlp.get_pipe("triangulate_framing")
    assert isinstance(reader, framing.FramingReader) and reader.according_reach == 3
    doc = nlp("The toll rose, according to the regional military administration of Kharkiv.")
    assert [s.text for s in framing.according_to(doc, 3)] == ["the regional military"]
    assert [s.text for s in framing.according_to(doc)] == [
        "the regional military administration of Kharkiv"]


def test_extensions_are_registered_once_without_force() -> None:
    Doc.set_extension("triangulate_test_mark", default="the user's")
    declare("triangulate_test_mark")
    assert Doc.get_extension("triangulate_test_mark")[0] == "the user's"
    ours = ("quotes", "scare_quotes", "claims", "framing", "outlet", "published")
    before = [Doc.get_extension(name) for name in ours]
    declare(*ours)  # as a second import of our modules does: nothing replaced, no error
    assert [Doc.get_extension(name) for name in ours] == before


def test_word_forms_are_each_tokens_lower_case_form_and_lemma() -> None:
    doc = build_pipeline()("Putin's PANICKED troops were mown down; they'd fled.\n\nTerrified!")
    assert framing.word_forms(doc) == [(t.lower_, t.lemma_.lower()) for t in doc]
    assert framing.word_forms(build_pipeline()("")) == []


# quotes and framing read their words from the language their config names
def test_quotes_and_framing_refuse_a_language_with_no_folder() -> None:
    for name in ("triangulate_quotes", "triangulate_framing"):
        nlp = spacy.load(DEFAULTS.model)
        with pytest.raises(UnsupportedLanguage):
            nlp.add_pipe(name, config={"lang": "xx"})


def test_the_quote_finder_reads_its_cue_verbs_from_its_language() -> None:
    nlp = build_pipeline()
    doc = nlp("The minister said that the bridge had fallen. The mayor warned that the dam "
              "could break. Officials announced that the road was closed.")
    only_announce = replace(resources("en"), speech_verbs=frozenset({"announce"}),
                            belief_verbs=frozenset(), finding_verbs=frozenset())
    english = {q.speaker for q in QuoteFinder()(doc)._.quotes}
    announced = {q.speaker for q in QuoteFinder(language=only_announce)(doc)._.quotes}
    assert {"minister", "mayor", "Officials"} <= english
    assert announced == {"Officials"}


def test_the_framing_reader_reads_its_loaded_words_from_its_language() -> None:
    doc = build_pipeline()("The grumpy dictator reportedly left, allegedly by train.")
    grumpy = replace(resources("en"), loaded_words={"pejorative": ("grumpy",)},
                     hedge_phrases=("allegedly",))
    english = framing.framing_of(doc, [], [])
    other = framing.framing_of(doc, [], [], language=grumpy)
    assert [s.text for s in english.loaded] == ["dictator"]
    assert [s.text for s in other.loaded] == ["grumpy"]
    assert [s.text for s in english.hedges] == ["reportedly", "allegedly"]
    assert [s.text for s in other.hedges] == ["allegedly"]


def test_speakers_read_titles_and_genders_from_the_language_they_are_given() -> None:
    doc = build_pipeline()("The spokeswoman said the port was shut. Mrs. Hale said so too.")
    no_people_words = replace(resources("en"), feminine_words=frozenset(),
                              honorifics=frozenset())
    [first, second] = [t for t in doc if t.dep_ == "nsubj"]
    assert mention_of(first, lambda _: False).gender == "f"
    assert mention_of(first, lambda _: False, no_people_words).gender is None
    assert mention_of(second, lambda _: False).bare_name == "Hale"
    assert mention_of(second, lambda _: False, no_people_words).bare_name != "Hale"


def test_a_docs_text_is_joined_once() -> None:
    """Components read the text through ``text_of``: the same string as ``Doc.text``, joined
    on the first read only."""
    from triangulate.nlp.extensions import text_of

    doc = users_pipeline().make_doc("Shelling killed 12 civilians.\nThe governor said so.")
    first = text_of(doc)
    assert first == doc.text
    assert text_of(doc) is first
