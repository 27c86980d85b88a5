"""Each token's strings and a span's entities, read once per document, are spaCy's own."""

from __future__ import annotations

from spacy.language import Language

from triangulate.nlp.extensions import seed_text, span_text
from triangulate.nlp.words import ents_in, words_of

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


def test_a_spans_text_is_cut_from_the_documents_text(nlp: Language) -> None:
    doc = nlp(TEXT)
    for span in [*doc.sents, doc[2:7], doc[4:4], doc[len(doc) - 1 :]]:
        assert span_text(span) == span.text
    seeded = nlp.make_doc(TEXT)
    seed_text(seeded, TEXT)
    assert span_text(seeded[1:6]) == seeded[1:6].text
