"""Each token's strings, a span's entities and text, and the tokens that hold a line break,
read once per document, are those spaCy gives."""

from __future__ import annotations

import gc
import weakref

import pytest
from spacy.language import Language

from triangulate.nlp.extensions import seed_text, span_text
from triangulate.nlp.pipeline import tokens_with_breaks
from triangulate.nlp.words import doc_ents, ents_in, words_of

TEXT = ("Officials in Lagos said on Friday that militants had burned two villages near Kano. "
        "The Red Cross counted 31 bodies.\n\nAmina Yusuf, a nurse, said the wounded were moved "
        "to Abuja overnight. Nobody was named.")


def test_the_strings_of_each_token_are_those_of_the_token(nlp: Language) -> None:
    doc = nlp(TEXT)
    words = words_of(doc)
    assert words.lower == [t.lower_ for t in doc]
    assert words.lemma == [t.lemma_ for t in doc]
    assert words.lemma_lower == [t.lemma_.lower() for t in doc]
    assert words.pos == [t.pos_ for t in doc]
    assert words.dep == [t.dep_ for t in doc]
    assert words.ent_type == [t.ent_type_ for t in doc]
    assert words_of(doc) is words  # read once


def test_a_spans_entities_are_those_spacy_gives(nlp: Language) -> None:
    doc = nlp(TEXT)
    spans = [*doc.sents, doc[:], doc[3:9], doc[5:5], doc[len(doc) - 2 :]]
    for span in spans:
        assert [(e.start, e.end, e.label_) for e in ents_in(span)] == \
            [(e.start, e.end, e.label_) for e in span.ents]
    assert any(ents_in(sentence) for sentence in doc.sents)
    assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == \
        [(e.start, e.end, e.label_) for e in doc.ents]
    assert doc_ents(doc) is doc_ents(doc)  # read once


def test_a_spans_text_is_cut_from_the_documents_text(nlp: Language) -> None:
    doc = nlp(TEXT)
    for span in [*doc.sents, doc[2:7], doc[4:4], doc[len(doc) - 1 :]]:
        assert span_text(span) == span.text
    seeded = nlp.make_doc(TEXT)
    seed_text(seeded, TEXT)
    assert span_text(seeded[1:6]) == seeded[1:6].text


@pytest.mark.parametrize("text", [
    "Ferry sinks off the coast\n\nRescuers said 12 were saved.\nThe search goes on \n\n  still\n",
    "\n\nA first line after two breaks\n", "One paragraph, no break at all.", "Last\n"])
def test_the_tokens_with_line_breaks_are_those_whose_text_holds_one(nlp: Language,
                                                                     text: str) -> None:
    doc = nlp.make_doc(text)
    assert tokens_with_breaks(doc) == [t.i for t in doc if "\n" in t.text_with_ws]


def test_a_line_break_starts_a_sentence(nlp: Language) -> None:
    doc = nlp("Talks stall in the capital\nNegotiators left on Monday without a deal.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert "Negotiators" in starts


def test_tokens_merged_after_a_first_read_are_read_again(nlp: Language) -> None:
    doc = nlp(TEXT)
    assert words_of(doc).lower[:2] == [t.lower_ for t in doc[:2]]
    first_ents = len(doc_ents(doc))
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert words_of(doc).lower == [t.lower_ for t in doc]
    assert [e.start for e in doc_ents(doc)] == [e.start for e in doc.ents]
    assert len(doc_ents(doc)) == first_ents


def test_what_is_read_once_goes_with_its_document(nlp: Language) -> None:
    """Nothing read once keeps a document alive after the document is done with: a run
    reads thousands, and a table of them would hold every one."""
    doc = nlp(TEXT)
    words_of(doc), doc_ents(doc), ents_in(doc[:])
    gone = weakref.ref(doc)
    del doc
    gc.collect()
    assert gone() is None


def test_a_batch_leaves_no_new_word_in_the_vocabulary(nlp: Language) -> None:
    """Each batch is read in a spaCy memory zone: a long run's vocabulary does not keep
    every name and number it has read."""
    from triangulate.nlp import read_articles
    from triangulate.types import Article

    invented = ["Qorvessa", "Tumbrelik", "Zhavonne"]
    text = (f"{invented[0]} {invented[1]}, who speaks for the {invented[2]} council, told "
            "reporters that 23 villagers died when the dam gave way overnight.")
    (reading,) = read_articles([Article(id="zone", text=text, language="en")], nlp)
    assert reading.claims and reading.claims[0].value == 23  # read as ever
    assert not any(word in nlp.vocab.strings for word in invented)
