"""Framing: loaded words, scare quotes, hedges and the source mix, on texts written for the
tests and on the two seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from triangulate.ingest import make_article
from triangulate.nlp import read_article
from triangulate.nlp.framing import (
    loaded_words,
    scare_quote_spans,
    source_kind,
)
from triangulate.serialise import framing_dict, framing_from_dict
from triangulate.store import Store
from triangulate.types import Article, Framing, FramingSpan, Reading


def framing(nlp: Language, text: str, outlet: str | None = None) -> Framing:
    article = Article(id="t", text=text, title=text.split("\n", 1)[0], outlet=outlet)
    return read_article(article, nlp).framing


def texts(spans: list[FramingSpan]) -> list[str]:
    return [span.text.lower() for span in spans]


def test_loaded_words_with_their_kind_and_place(nlp: Language) -> None:
    text = "The tubby despot hurled his desperate conscripts into a bloodbath near the dam."
    found = loaded_words(nlp(text))
    assert texts(found) == ["tubby", "despot", "hurled", "desperate", "bloodbath"]
    assert {s.text: s.kind for s in found}["bloodbath"] == "sensational"
    assert all(text[s.start : s.end] == s.text for s in found)


def test_phrases_match_any_inflection(nlp: Language) -> None:
    found = texts(loaded_words(nlp("Drones mowed down the column and wiped out a platoon.")))
    assert found == ["mowed down", "wiped out"]


def test_crack_is_loaded_only_before_a_noun(nlp: Language) -> None:
    assert texts(loaded_words(nlp("Crack paratroopers held the bridge."))) == ["crack"]
    assert texts(loaded_words(nlp("They sent the brigade at crack Ukrainian units."))) \
        == ["crack"]
    assert loaded_words(nlp("The ice began to crack under the tanks.")) == []


def test_neutral_report_has_no_loaded_words(nlp: Language) -> None:
    text = "The ministry said 40 soldiers were killed and 12 wounded in the attack on Tuesday."
    assert framing(nlp, text).loaded == []


def test_loaded_words_inside_quotes_are_the_speakers(nlp: Language) -> None:
    found = framing(nlp, 'Night attack\n\n"It was a massacre," said Captain Ivan Petrenko. '
                         "The desperate defenders ran out of shells.")
    assert {(s.text, s.quoted) for s in found.loaded} == {("massacre", True),
                                                          ("desperate", False)}
    counts = found.counts()
    assert counts["loaded"] == 1 and counts["loaded_in_quotes"] == 1


def test_hedges(nlp: Language) -> None:
    text = ("The commander was reportedly killed. Officials are thought to be hiding losses. "
            "The figure is unconfirmed. According to reports, 20 men died. "
            "The general reported to the minister on Friday.")
    assert texts(framing(nlp, text).hedges) == ["reportedly", "thought to", "unconfirmed",
                                                "according to reports"]


def test_scare_quotes_found_between_their_marks() -> None:
    text = "Kim's 'elite' troops, the \"elite\" of the army, and the \"volunteers\" elite"
    spans = scare_quote_spans(text, ["elite", "elite", "volunteers"])
    assert [(text[s.start - 1], s.text, text[s.end]) for s in spans] == [
        ("'", "elite", "'"), ('"', "elite", '"'), ('"', "volunteers", '"')]


def test_scare_quotes_from_the_quote_component(nlp: Language) -> None:
    text = 'Border report\n\nThe so-called "volunteers" reached the front on Monday.'
    found = framing(nlp, text).scare_quotes
    assert [text[s.start : s.end] for s in found] == ["volunteers"]


def test_source_mix(nlp: Language) -> None:
    text = ("Bridge held\n\n"
            '"We held the line," said Sergeant Taras Melnyk. '
            "Military sources said the attack had failed. "
            "The defence ministry said that 40 enemy soldiers were killed. "
            "According to the Kyiv Independent, the unit withdrew at dawn. "
            '"Nobody slept," a medic told the Harbour Gazette.')
    found = framing(nlp, text, outlet="Harbour Gazette")
    kinds = {s.text: s.kind for s in found.sources}
    assert kinds["Sergeant Taras Melnyk"] == "named"
    assert kinds["Military sources"] == "anonymous"
    assert kinds["The defence ministry"] == "institution"
    assert kinds["the Kyiv Independent"] == "media"
    assert not any("Harbour Gazette" in name for name in kinds)
    counts = found.counts()
    assert counts["named_sources"] == 1 and counts["media_sources"] == 1
    assert all(text[s.start : s.end] == s.text for s in found.sources if s.text in text)


@pytest.mark.parametrize(("name", "kind"), [
    ("a senior official", "anonymous"), ("sources close to the command", "anonymous"),
    ("reports", "anonymous"), ("the Pentagon", "institution"),
    ("South Korea's National Intelligence Service", "institution"), ("Kyiv", "institution"),
    ("Reuters", "media"), ("the Daily Courier", "media"), ("Hanna Kovalenko", "named"),
    ("President Volodymyr Zelensky", "named"),
])
def test_source_kind(name: str, kind: str) -> None:
    assert source_kind(name) == kind


def test_a_source_named_twice_counts_once(nlp: Language) -> None:
    text = ("Losses rise\n\nLawmaker Park Ji-won told reporters that 100 soldiers had been "
            "killed. Park said that the figure would rise.")
    named = [s for s in framing(nlp, text).sources if s.kind == "named"]
    assert len(named) == 1 and "Park Ji-won" in named[0].text


def test_framing_round_trips_through_dict_and_store(nlp: Language, db_url: str) -> None:
    text = 'Strike\n\nThe tubby general "resigned", reportedly after a bloodbath.'
    article = make_article("strike", text, "Strike", None, {}, ())
    reading = read_article(article, nlp)
    assert framing_from_dict(framing_dict(reading.framing)) == reading.framing
    store = Store(db_url)
    try:
        store.save_reading(reading, "test")
        (loaded,) = store.load_readings(["strike"])
    finally:
        store.close()
    assert loaded.framing == reading.framing and loaded.framing.counts()["loaded"] == 2


def test_an_older_store_gains_the_framing_column(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE articles (id VARCHAR(200) PRIMARY KEY, path TEXT, "
                           "title TEXT, text TEXT NOT NULL, outlet VARCHAR(300), published "
                           "VARCHAR(10), url TEXT, language VARCHAR(16), content_hash "
                           "VARCHAR(64) NOT NULL, notes TEXT, scare_quotes TEXT, statements "
                           "TEXT, pipeline VARCHAR(40) NOT NULL)")
        connection.execute("INSERT INTO articles VALUES ('a', NULL, 'T', 'T', NULL, NULL, "
                           "NULL, 'en', 'h', '[]', '[]', '[]', '1')")
    store = Store(f"sqlite:///{path}")
    try:
        (reading,) = store.load_readings()
        assert isinstance(reading, Reading) and reading.framing == Framing()
    finally:
        store.close()


@pytest.mark.seeds
def test_the_tabloid_seed_is_framed_more_heavily_than_the_straight_one(
        nlp: Language, seeds: Path) -> None:
    straight_path = next(seeds.glob("000_*.txt"), None)
    tabloid_path = next(seeds.glob("004_*.txt"), None)
    if straight_path is None or tabloid_path is None:
        pytest.skip("seed articles 000 and 004 are missing")
    straight = framing(nlp, straight_path.read_text(encoding="utf-8")).counts()
    tabloid_framing = framing(nlp, tabloid_path.read_text(encoding="utf-8"))
    tabloid = tabloid_framing.counts()
    assert {"tubby", "desperate", "crack", "bloody", "decimation"} \
        <= set(texts(tabloid_framing.loaded))
    assert tabloid["loaded"] > straight["loaded"]
    assert tabloid["scare_quotes"] > straight["scare_quotes"]
    assert tabloid["hedges"] > straight["hedges"]
    assert tabloid["anonymous_sources"] > straight["anonymous_sources"]
    assert straight["named_sources"] > tabloid["named_sources"]
    assert straight["media_sources"] > tabloid["media_sources"]
