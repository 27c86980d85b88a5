"""The ``triangulate_entities`` component: the people, bodies and places an article names,
each with its canonical name from the entity ruler (``doc._.entities``)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from triangulate.nlp.extensions import declare
from triangulate.nlp.words import doc_ents
from triangulate.types import Entity

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}

declare("entities")


@Language.component("triangulate_entities", requires=["doc.ents"], assigns=["doc._.entities"])
def name_entities(doc: Doc) -> Doc:
    """Sets ``doc._.entities`` (article id left empty)."""
    doc._.entities = entities_of(doc, "")
    return doc


def entities_of(doc: Doc, article_id: str) -> list[Entity]:
    out = []
    for ent in doc_ents(doc):
        if ent.label_ not in ENTITY_LABELS:
            continue
        text = ent.text.strip()
        canonical = ent.ent_id_ or text
        out.append(Entity(article=article_id, text=text, label=ent.label_, canonical=canonical))
    return out
