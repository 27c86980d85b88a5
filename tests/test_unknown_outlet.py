"""Articles whose outlet is not known: kept apart as sources, but never corroborating each
other, since nothing shows they are independent."""

from __future__ import annotations

from triangulate.reconcile.groups import build_groups
from triangulate.reconcile.independence import (
    may_corroborate,
    source_keys,
    unknown_outlets_as_one,
)
from triangulate.report import views
from triangulate.types import Article, Claim


def claim(article: str, source: str | None = None, value: float = 7.0) -> Claim:
    return Claim(article=article, measure="deployed", value=value, low=None, high=None,
                 qualifier="exact", subject="marines", source=source)


def keys_of(articles: list[Article], claims: list[Claim]) -> list[str]:
    return source_keys(claims, unknown_outlets_as_one(articles, {a.id: a.id for a in articles}))


def test_own_figures_of_unknown_outlets_never_corroborate_each_other() -> None:
    articles = [Article(id="f1", text="a"), Article(id="f2", text="b"),
                Article(id="k1", text="c", outlet="Bay Tribune"),
                Article(id="k2", text="d", outlet="Hill Gazette")]
    keys = keys_of(articles, [claim("f1"), claim("f2"), claim("k1"), claim("k2")])
    assert len(set(keys)) == 4
    assert may_corroborate(keys[0]) == may_corroborate(keys[1])
    assert len({may_corroborate(k) for k in keys}) == 3


def test_two_unknown_outlets_agreeing_are_compatible_not_corroborated() -> None:
    articles = [Article(id="f1", text="a"), Article(id="f2", text="b")]
    claims = [claim("f1", value=700), claim("f2", value=700)]
    keys = keys_of(articles, claims)
    [group] = build_groups(claims, keys.__getitem__, lambda _: None)
    assert group.status == "compatible"
    known = [Article(id="f1", text="a", outlet="Bay Tribune"),
             Article(id="f2", text="b", outlet="Hill Gazette")]
    keys = keys_of(known, claims)
    [group] = build_groups(claims, keys.__getitem__, lambda _: None)
    assert group.status == "corroborated"


def test_a_named_source_stays_its_own_key() -> None:
    articles = [Article(id="f1", text="a"), Article(id="f2", text="b")]
    keys = keys_of(articles, [claim("f1", "the harbour master"), claim("f2")])
    assert keys[0] != keys[1]


def test_the_key_reads_in_words() -> None:
    articles = {"f1": Article(id="f1", text="a", title="Flood at the harbour")}
    [key] = keys_of(list(articles.values()), [claim("f1")])
    said = views.source_in_words(key, articles)
    assert "f1" not in said and "outlet is unknown" in said and "Flood at the harbour" in said
