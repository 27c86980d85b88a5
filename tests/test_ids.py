"""Stable ids of quotes and claims: the same in every run, in the store, the contract JSON and
the exports; groups cite them. Texts written for these tests."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import polars
from spacy.language import Language
from sqlalchemy import select, update

from triangulate.analysis import cross_checked
from triangulate.ids import item_id, with_ids
from triangulate.ingest import make_article
from triangulate.nlp import read_article
from triangulate.report import export
from triangulate.serialise import analysis_dict
from triangulate.store import Store, claims, groups
from triangulate.types import Claim, Group, Quote, Reading

DISPATCH = ('Harbour\n\nAt least 12 sailors were killed and 30 wounded when the pier burned, '
            'the port authority said. "We lost the whole shift," a dock foreman told reporters.')
REPLY = ("Pier\n\nThe navy said 15 sailors were killed in the fire at the pier, and that "
         "about 30 others were wounded.")


def reading(nlp: Language, article_id: str, text: str) -> Reading:
    return read_article(make_article(article_id, text, "", None, {}, ()), nlp)


def test_ids_are_the_same_in_every_run_and_differ_between_articles(nlp: Language) -> None:
    first, again = reading(nlp, "harbour", DISPATCH), reading(nlp, "harbour", DISPATCH)
    other = reading(nlp, "elsewhere", DISPATCH)
    ids = [c.id for c in first.claims] + [q.id for q in first.quotes]
    assert first.claims and first.quotes and all(ids)
    assert ids == [c.id for c in again.claims] + [q.id for q in again.quotes]
    assert len(set(ids)) == len(ids)
    assert not set(ids) & ({c.id for c in other.claims} | {q.id for q in other.quotes})


def test_two_items_at_one_offset_keep_distinct_ids_in_a_fixed_order() -> None:
    def figure(measure: str) -> Claim:
        return Claim(article="a", measure=measure, value=3, low=3, high=3,
                     qualifier="exact", subject=None, start=10)

    found = with_ids([figure("killed"), figure("wounded")])
    assert found[0].id == item_id("claim", "a", 10) != found[1].id == item_id("claim", "a", 10, 2)
    assert [c.id for c in with_ids([figure("killed"), figure("wounded")])] == \
        [c.id for c in found]


def test_the_store_keeps_ids_and_fills_those_an_older_store_lacks(nlp: Language,
                                                                   db_url: str) -> None:
    made = reading(nlp, "harbour", DISPATCH)
    store = Store(db_url)
    try:
        store.save_reading(made, "test")
        with store.engine.begin() as connection:
            kept = list(connection.execute(select(claims.c.id).order_by(claims.c.row)).scalars())
            connection.execute(update(claims).values(id=None))  # as a store of before ids
        (loaded,) = store.load_readings(["harbour"])
    finally:
        store.close()
    assert kept == [c.id for c in made.claims]
    assert [c.id for c in loaded.claims] == kept


def test_a_groups_table_of_list_positions_is_made_again(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:  # the groups table as stores had it before ids
        connection.execute('CREATE TABLE groups ("row" INTEGER PRIMARY KEY, measure TEXT, '
                           "subject TEXT, articles TEXT, status TEXT, low FLOAT, best FLOAT, "
                           "high FLOAT, why TEXT, claims TEXT, sources TEXT, low_from INTEGER, "
                           "best_from INTEGER, high_from INTEGER, timeline TEXT, event TEXT)")
        connection.execute("INSERT INTO groups (measure, claims, best_from) VALUES "
                           "('killed', '[0, 1]', 1)")
    store = Store(f"sqlite:///{path}")
    group = Group(measure="killed", subject="sailors", articles=["a"], status="single_source",
                  low=12, best=12, high=12, claims=["0123456789ab"], best_from="0123456789ab")
    try:
        assert store.load_crosscheck() == ([], [])
        store.save_crosscheck([group], [])
        assert store.load_crosscheck()[0] == [group]
        with store.engine.connect() as connection:
            assert connection.execute(select(groups.c.best_from)).scalar_one() == "0123456789ab"
    finally:
        store.close()


def test_groups_cite_claim_ids_in_the_json_and_the_exports(nlp: Language,
                                                          tmp_path: Path) -> None:
    analysis = cross_checked([reading(nlp, "harbour", DISPATCH), reading(nlp, "pier", REPLY)])
    record = analysis_dict(analysis)
    claim_ids = [c["id"] for c in record["claims"]]
    assert all(next(iter(c)) == "id" for c in record["claims"] + record["quotes"])
    assert record["groups"]
    for group in record["groups"]:
        cited = [*group["claims"], *group["timeline"],
                 *(group[k] for k in ("low_from", "best_from", "high_from") if group[k])]
        assert set(cited) <= set(claim_ids) and sorted(group["timeline"]) == \
            sorted(group["claims"])
    export(analysis, "parquet", tmp_path / "parquet")
    exported = polars.read_parquet(tmp_path / "parquet" / "claims.parquet")
    assert exported["id"].to_list() == claim_ids
    export(analysis, "csv", tmp_path / "csv")
    table = polars.read_csv(tmp_path / "csv" / "groups.csv")
    assert json.loads(table["claims"][0]) == record["groups"][0]["claims"]
    assert [q["id"] for q in record["quotes"]] == [q.id for q in analysis.quotes]
    assert all(isinstance(q, Quote) and q.id for q in analysis.quotes)
