"""The store on a real PostgreSQL server (CI starts one and sets TRIANGULATE_TEST_POSTGRES)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.ids import reading_with_ids
from triangulate.store import Store, metadata
from triangulate.types import Article, Claim, Quote, Reading

URL = os.environ.get("TRIANGULATE_TEST_POSTGRES")

if URL is None and os.environ.get("CI"):
    pytest.fail("CI must provide TRIANGULATE_TEST_POSTGRES (.ci/run starts PostgreSQL)",
                pytrace=False)
pytestmark = pytest.mark.skipif(URL is None, reason="no PostgreSQL server: set "
                                "TRIANGULATE_TEST_POSTGRES to a SQLAlchemy URL")


@pytest.fixture
def store() -> Iterator[Store]:
    assert URL is not None
    store = Store(URL)
    metadata.drop_all(store.engine)
    metadata.create_all(store.engine)
    yield store
    metadata.drop_all(store.engine)
    store.close()


def reading() -> Reading:
    article = Article(id="pg-1", text="Officials said 12 soldiers were captured.", title="T",
                      content_hash="h1", outlet="Wire", published="2025-01-02")
    return reading_with_ids(Reading(
        article=article,
        quotes=[Quote(article="pg-1", kind="indirect", text="12 soldiers were captured",
                      speaker="Officials", cue="said", start=15, end=40)],
        claims=[Claim(article="pg-1", measure="captured", value=12, low=12, high=12,
                      qualifier="exact", subject="soldiers", source="Officials")],
    ))


def test_roundtrip_and_idempotence(store: Store) -> None:
    store.save_reading(reading(), "1")
    store.save_reading(reading(), "1")
    assert store.counts()["articles"] == 1 and store.counts()["claims"] == 1
    [loaded] = store.load_readings(["pg-1"])
    assert loaded == reading()
    assert store.is_current(reading().article, "1")


def test_analyze_into_postgres(store: Store, tmp_path: Path) -> None:
    assert URL is not None
    (tmp_path / "one.txt").write_text(
        "Harbour raid\nAt least 40 enemy soldiers were killed, according to the governor.\n",
        encoding="utf-8")
    result = CliRunner().invoke(app, ["analyze", str(tmp_path), "--db", URL, "-q"])
    assert result.exit_code == 0, result.output
    counts = store.counts()
    assert counts["articles"] == 1 and counts["claims"] >= 1
