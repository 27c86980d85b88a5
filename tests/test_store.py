from __future__ import annotations

import pytest
from sqlalchemy import event
from sqlalchemy.exc import SQLAlchemyError

from triangulate.ids import reading_with_ids
from triangulate.store import Store
from triangulate.types import Article, Claim, Entity, Group, Quote, Reading, Tension, TensionSide


def sample(article_id: str = "a1", text: str = "Forty soldiers were killed.") -> Reading:
    article = Article(id=article_id, text=text, title="T", content_hash=f"h-{text}")
    return reading_with_ids(Reading(
        article=article,
        quotes=[Quote(article=article_id, kind="direct", text="We held.", speaker="a corporal",
                      start=1, end=9)],
        claims=[Claim(article=article_id, measure="killed", value=40, low=40, high=40,
                      qualifier="exact", subject="soldiers", source=None)],
        scare_quotes=["elite"], statements=[text],
    ))


def test_roundtrip(db_url: str) -> None:
    store = Store(db_url)
    store.save_reading(sample(), "1")
    [loaded] = store.load_readings(["a1"])
    assert loaded == sample()


def test_saving_twice_keeps_one_copy(db_url: str) -> None:
    store = Store(db_url)
    store.save_reading(sample(), "1")
    first = store.counts()
    store.save_reading(sample(), "1")
    assert store.counts() == first
    assert first["articles"] == 1 and first["claims"] == 1


def test_is_current_tracks_text_and_pipeline(db_url: str) -> None:
    store = Store(db_url)
    store.save_reading(sample(), "1")
    assert store.is_current(sample().article, "1")
    assert not store.is_current(sample().article, "2")
    assert not store.is_current(sample(text="Changed.").article, "1")


def test_failed_write_leaves_the_old_reading(db_url: str) -> None:
    store = Store(db_url)
    store.save_reading(sample(), "1")
    broken = sample(text="New text.")
    # the last insert of the transaction fails: its rows must go, and so must the deletes
    broken.entities.append(Entity(article=None, text="x", label="GPE", canonical="x"))  # type: ignore[arg-type]
    with pytest.raises(SQLAlchemyError):
        store.save_reading(broken, "1")
    [kept] = store.load_readings(["a1"])
    assert kept.article.text == "Forty soldiers were killed."
    assert len(kept.claims) == 1


def test_crosscheck_is_replaced(db_url: str) -> None:
    store = Store(db_url)
    group = Group(measure="killed", subject="x", articles=["a1"], status="single_source",
                  low=1, best=1, high=1, claims=["c0ffee000001"], sources=["article:a1"],
                  low_from="c0ffee000001", timeline=["c0ffee000001"])
    tension = Tension(TensionSide("a1", "s1"), TensionSide("a2", "s2"), 1.0, "why")
    store.save_crosscheck([group, group], [tension])
    store.save_crosscheck([group], [tension])
    groups, tensions = store.load_crosscheck()
    assert groups == [group] and tensions == [tension]


def test_readings_stream_in_batches_that_bind_few_ids(db_url: str) -> None:
    store = Store(db_url)
    for number in range(7):
        store.save_reading(sample(f"r{number}", f"Shelling number {number}."), "1")
    bound: list[int] = []

    def count(_conn: object, _cursor: object, _statement: str, parameters: object,
              _context: object, _many: bool) -> None:
        bound.append(len(parameters) if isinstance(parameters, (tuple, list, dict)) else 0)

    event.listen(store.engine, "before_cursor_execute", count)
    wanted = ["r5", "missing", "r0", "r3", "r6", "r1"]
    assert [r.article.id for r in store.iter_readings(wanted, batch=2)] == \
        ["r5", "r0", "r3", "r6", "r1"]
    assert [r.article.id for r in store.iter_readings(batch=3)] == [f"r{n}" for n in range(7)]
    assert bound and max(bound) <= 3
    [first] = store.iter_readings(["r2"], batch=2)
    assert first == sample("r2", "Shelling number 2.")


def test_events_dates_and_relays_are_stored(db_url: str) -> None:
    store = Store(db_url)
    reading = sample("e1")
    reading.claims[0].as_of, reading.claims[0].event = "2024-05-02", "Odesa strike"
    reading.claims[0].via = "a lawmaker"
    store.save_reading(reading, "1")
    [loaded] = store.load_readings(["e1"])
    assert (loaded.claims[0].as_of, loaded.claims[0].event, loaded.claims[0].via) == (
        "2024-05-02", "Odesa strike", "a lawmaker")
    group = Group(measure="killed", subject="people", articles=["e1"], status="single_source",
                  low=40, best=40, high=40, claims=["c0ffee000002"], event="Odesa strike, May 2024")
    store.save_crosscheck([group], [])
    assert store.load_crosscheck()[0][0].event == "Odesa strike, May 2024"


def test_a_batch_of_readings_replaces_each_article_whole(db_url: str) -> None:
    store = Store(db_url)
    store.save_reading(sample("a1", "Old text about the ridge."), "1")
    batch = [sample("a1", "Two villages were shelled."), sample("a2", "A bridge fell."),
             sample("a2", "The bridge was rebuilt.")]
    store.save_readings(batch, "1")
    loaded = {r.article.id: r for r in store.load_readings(["a1", "a2"])}
    assert loaded == {"a1": batch[0], "a2": batch[2]}
    assert store.counts()["articles"] == 2 and store.counts()["claims"] == 2
