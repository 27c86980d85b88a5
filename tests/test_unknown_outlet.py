"""Articles whose outlet is not known count as one outlet in independence, never one each."""

from __future__ import annotations

from triangulate.reconcile.independence import source_keys, unknown_outlets_as_one
from triangulate.report import views
from triangulate.types import Article, Claim, Group


def claim(article: str, source: str | None = None) -> Claim:
    return Claim(article=article, measure="killed", value=7.0, low=None, high=None,
                 qualifier="exact", subject="fishermen", source=source)


def test_own_figures_of_unknown_outlets_are_one_source() -> None:
    articles = [Article(id="f1", text="a"), Article(id="f2", text="b"),
                Article(id="k1", text="c", outlet="Bay Tribune"),
                Article(id="k2", text="d", outlet="Hill Gazette")]
    clusters = unknown_outlets_as_one(articles, {a.id: a.id for a in articles})
    keys = source_keys([claim("f1"), claim("f2"), claim("k1"), claim("k2")], clusters)
    assert keys[0] == keys[1]
    assert len(set(keys)) == 3


def test_a_named_source_stays_its_own_key() -> None:
    articles = [Article(id="f1", text="a"), Article(id="f2", text="b")]
    clusters = unknown_outlets_as_one(articles, {a.id: a.id for a in articles})
    keys = source_keys([claim("f1", "the harbour master"), claim("f2")], clusters)
    assert keys[0] != keys[1]


def test_the_shared_key_reads_in_words() -> None:
    articles = [Article(id="f1", text="a")]
    key = source_keys([claim("f1")], unknown_outlets_as_one(articles, {"f1": "f1"}))[0]
    group = Group(measure="killed", subject="fishermen", articles=["f1"],
                  status="single_source", low=7.0, best=7.0, high=7.0,
                  why=f"one independent source ({key}) in 1 article", sources=[key])
    why = views.why_in_words(group, {a.id: a for a in articles})
    assert key not in why and "outlet is unknown" in why
