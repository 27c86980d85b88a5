"""Texts longer than spaCy's limit are read in pieces cut at paragraph breaks, and the pieces'
readings joined with the whole text's offsets. The limit is lowered here so that the test
texts stay small."""

from __future__ import annotations

import pytest
from spacy.language import Language

from triangulate.ingest import make_article
from triangulate.nlp import read_articles
from triangulate.nlp.pieces import cut_points
from triangulate.types import Article, Reading

PARAGRAPHS = [
    '"We moved the families out before dawn," said Marta Kovalenko, the mayor of Dolyna.',
    "At least 12 people died when shells hit the market, the regional governor said.",
    "Engineers said the bridge over the river would take weeks to repair.",
    '"The road south is our only supply line now," a brigade commander told reporters.',
    "More than 300 residents were moved to shelters in the valley, officials said on Monday.",
]


def article(paragraphs: list[str]) -> Article:
    made = make_article("long-one", "\n\n".join(paragraphs), "Dolyna", None, {}, ())
    assert isinstance(made, Article)
    return made


def spans(reading: Reading) -> tuple[list[tuple[str, int, int]], list[tuple[float | None, int]]]:
    text = reading.article.text
    quotes = [(q.text, q.start, q.end) for q in reading.quotes]
    assert all(text[start:end] == quoted for quoted, start, end in quotes)
    return quotes, [(c.value, c.start) for c in reading.claims]


def test_cut_points_prefer_paragraphs_then_sentences_then_spaces() -> None:
    text = "aaaa bbbb.\n\ncccc dddd eeee. Ffff gggg hhhh iiii jjjj"
    assert cut_points(text, 1000) == [0]
    starts = cut_points(text, 20)
    pieces = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    assert pieces == ["aaaa bbbb.\n\n", "cccc dddd eeee. ", "Ffff gggg hhhh iiii ", "jjjj"]
    assert cut_points("x" * 25, 10) == [0, 10, 20]


def test_pieces_are_never_longer_than_the_limit() -> None:
    text = ("word " * 37 + "\n") * 50 + "y" * 700
    starts = cut_points(text, 300)
    ends = [*starts[1:], len(text)]
    assert all(0 < end - start <= 300 for start, end in zip(starts, ends, strict=True))


def test_a_text_over_the_limit_reads_as_the_whole_does(nlp: Language,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    long = article(PARAGRAPHS * 3)
    (whole,) = read_articles([long], nlp)
    monkeypatch.setattr(nlp, "max_length", 400)
    short = article(PARAGRAPHS[:2])
    first, pieced, second = read_articles([short, long, short], nlp)
    assert spans(pieced) == spans(whole)
    assert pieced.quotes and len(pieced.claims) >= 6
    assert pieced.article == long and first.article == second.article == short
    assert pieced.framing.words == whole.framing.words
    assert pieced.statements == whole.statements
