"""The tuning numbers that were module constants, now Settings fields: each reaches its stage
(a changed value changes what the run finds), and ``--setting`` sets any of them."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.ingest import IngestOptions, read_sources
from triangulate.nlp import pipeline_version, read_articles
from triangulate.reconcile.tensions import find_tensions
from triangulate.settings import DEFAULTS, READING_FIELDS, Settings
from triangulate.types import Article, IngestProblem, Reading

# a place named twice in the body, never in the headline
TWICE = ("Market reopens\n\nTraders in Kharkiv said the market reopened on Monday. Shoppers in "
         "Kharkiv queued for bread at dawn.")
# named once in the headline and once in the body
HEADLINED = ("Kharkiv market reopens\n\nTraders in Kharkiv said the market reopened on Monday. "
             "Shoppers queued for bread at dawn.")
# one sentence quoted in two halves around four words of attribution
HALVES = ("Convoy hit\n\n\"We lost four trucks,\" the driver of the convoy said, \"and nobody "
          "came to help us.\"")
OPPOSED = ["Officers called the northern brigade disciplined and formidable.",
           "Analysts called the northern brigade disorganised and demoralised."]


def article(article_id: str, text: str) -> Article:
    return Article(id=article_id, text=text, title=text.split("\n", 1)[0],
                   content_hash=article_id)


def events(text: str, settings: Settings) -> str | None:
    (reading,) = read_articles([article("one", text)], settings=settings)
    return reading.event


def test_a_lower_event_threshold_finds_an_event_the_default_does_not() -> None:
    assert events(TWICE, DEFAULTS) is None
    assert events(TWICE, Settings(event_min_mentions=2)) == "Kharkiv"


def test_the_headline_weight_decides_whether_a_headlined_place_is_the_event() -> None:
    assert events(HEADLINED, DEFAULTS) == "Kharkiv"
    assert events(HEADLINED, Settings(event_headline_weight=1)) is None


def test_a_short_join_gap_keeps_the_halves_of_a_quote_apart() -> None:
    def quotes(settings: Settings) -> list[str]:
        (reading,) = read_articles([article("convoy", HALVES)], settings=settings)
        return [q.text for q in reading.quotes]

    whole = quotes(DEFAULTS)
    assert len(whole) == 1
    halves = quotes(Settings(quote_join_gap=2))
    assert len(halves) == 2 and " ".join(halves) == whole[0]


def test_zero_assessment_bonuses_drop_a_pair_the_defaults_keep() -> None:
    readings = [Reading(article=article(f"a{k}", text), statements=[text])
                for k, text in enumerate(OPPOSED)]
    kept = find_tensions(readings, Settings(semantic=False))
    assert [t.kind for t in kept] == ["assessment"]
    bare = Settings(semantic=False, same_quality_bonus=0.0, more_cues_bonus=0.0,
                    verdict_bonus=0.0)
    assert find_tensions(readings, bare) == []
    raised = find_tensions(readings, Settings(semantic=False, same_quality_bonus=2.0))
    assert raised[0].score == pytest.approx(kept[0].score + 1.0)


def test_a_smaller_size_limit_refuses_a_file_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "short.txt").write_text("Short\n\nTroops advanced.", encoding="utf-8")
    (tmp_path / "long.txt").write_text("Long\n\n" + "Troops advanced. " * 200, encoding="utf-8")
    options = IngestOptions(settings=Settings(max_bytes=1000))
    found = {Path(item.path or "" if isinstance(item, Article) else item.where).name: item
             for item in read_sources([tmp_path], options)}
    assert isinstance(found["short.txt"], Article)
    refused = found["long.txt"]
    assert isinstance(refused, IngestProblem)
    assert "1000-byte limit" in refused.problem and "\n" not in refused.problem
    assert all(isinstance(item, Article) for item in read_sources([tmp_path]))


def test_every_reading_field_changes_the_version_readings_are_stored_under() -> None:
    versions = {pipeline_version(DEFAULTS)}
    for item in fields(Settings):
        value = getattr(DEFAULTS, item.name)
        changed = replace(DEFAULTS, **{item.name: _other(value)})
        version = pipeline_version(changed)
        assert (version not in versions) == (item.name in READING_FIELDS), item.name
        versions.add(version)


def _other(value: object) -> object:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, float):
        return value / 2
    return f"{value}_other"


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "short.txt").write_text("Short\n\nTroops advanced on Monday.", encoding="utf-8")
    (folder / "long.txt").write_text("Long\n\n" + "Troops advanced. " * 200, encoding="utf-8")
    return folder


def test_the_command_line_sets_any_field(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, [
        "analyze", str(corpus(tmp_path)), "--db", f"sqlite:///{tmp_path / 'a.db'}",
        "--json", str(out), "-q", "--setting", "max_bytes=1000", "--setting", "semantic=off"])
    assert result.exit_code == 0, result.output
    assert [a["id"] for a in json.loads(out.read_text(encoding="utf-8"))["articles"]] == ["short"]
    assert "long.txt" in result.output and "1000-byte limit" in result.output


@pytest.mark.parametrize(("assignment", "words"), [
    ("no_such_field=3", "no setting 'no_such_field'"),
    ("tensions=many", "tensions takes a whole number, not 'many'"),
    ("semantic=perhaps", "semantic takes true or false"),
    ("agreement=nan", "agreement takes a number, not 'nan'"),
    ("agreement=-0.5", "agreement must not be negative"),
    ("max_bytes", "is not name=value"),
])
def test_a_bad_setting_is_one_line(tmp_path: Path, assignment: str, words: str) -> None:
    result = CliRunner().invoke(app, [
        "analyze", str(corpus(tmp_path)), "--db", f"sqlite:///{tmp_path / 'b.db'}", "-q",
        "--setting", assignment])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and words in lines[0], result.output


def test_help_names_the_setting_option_not_every_field() -> None:
    shown = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"}).output
    assert "--setting" in shown
    assert "--quote-join-gap" not in shown and "--blame-score" not in shown
