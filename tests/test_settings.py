"""One Settings object tunes every stage, from the API and the command line, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import triangulate
from triangulate.analysis import local_reader, read_into_store
from triangulate.cli import app
from triangulate.nlp import pipeline_version
from triangulate.reconcile import crosscheck
from triangulate.reconcile.names import fold_names
from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.types import Article, Quote, Reading

# Two independent sources whose shares of ground differ by one point: within the default slack
FRONT = [
    "Front line report\n\nRussian forces now control 18 percent of Ukraine, the Ukrainian "
    "general staff said on Friday.",
    "War map update\n\nRussian forces now control 19 percent of Ukraine, according to the "
    "Institute for the Study of War.",
]
# Four opposite judgements of two forces: several tensions
JUDGED = [
    "Brigade praised\n\nOfficers called the northern brigade disciplined and formidable.",
    "Brigade doubted\n\nAnalysts called the northern brigade disorganised and demoralised.",
    "Artillery praised\n\nVeterans said the artillery crews were skilled and determined.",
    "Artillery doubted\n\nObservers said the artillery crews were poorly trained and chaotic.",
]
SPLIT = ("Convoy hit\n\n\"We lost four trucks on the bridge,\" the driver said. \"Nobody came "
         "to help us for an hour.\"")


def statuses(texts: list[str], db: str, settings: Settings) -> list[str]:
    found = triangulate.analyze(texts, db=db, published="2024-05-03", outlet="Test Wire",
                                settings=settings)
    return [group.status for group in found.groups]


def test_no_slack_makes_two_close_figures_clash(tmp_path: Path) -> None:
    off = Settings(semantic=False)
    assert statuses(FRONT, f"sqlite:///{tmp_path / 'a.db'}", off) == ["corroborated"]
    strict = Settings(agreement=0.0, semantic=False)
    assert statuses(FRONT, f"sqlite:///{tmp_path / 'b.db'}", strict) == ["conflicting"]


def test_the_tension_cap_is_kept(tmp_path: Path) -> None:
    many = triangulate.analyze(JUDGED, db=f"sqlite:///{tmp_path / 'a.db'}",
                               settings=Settings(semantic=False))
    assert len(many.tensions) >= 2
    capped = triangulate.analyze(JUDGED, db=f"sqlite:///{tmp_path / 'b.db'}",
                                 settings=Settings(tensions=1, semantic=False))
    assert [t.why for t in capped.tensions] == [many.tensions[0].why]


def test_the_command_line_passes_its_settings_through(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number, text in enumerate(FRONT + JUDGED):
        (folder / f"{number}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(app, [
        "analyze", str(folder), "--db", f"sqlite:///{tmp_path / 'c.db'}", "--json", str(out),
        "-q", "--published", "2024-05-03", "--agreement", "0", "--tensions", "1",
        "--no-semantic"])
    assert result.exit_code == 0, result.output
    analysis = json.loads(out.read_text(encoding="utf-8"))
    assert len(analysis["tensions"]) == 1
    assert [g["status"] for g in analysis["groups"]] == ["conflicting"]


def test_help_shows_the_settings_a_user_sets() -> None:
    shown = CliRunner().invoke(app, ["analyze", "--help"], env={"COLUMNS": "200"}).output
    for option in ("--agreement", "--tensions", "--event-gap-days", "--no-semantic",
                   "--join-sentences", "--model"):
        assert option in shown


def test_a_bad_setting_is_refused() -> None:
    with pytest.raises(ValueError, match="agreement"):
        Settings(agreement=-0.1)
    with pytest.raises(ValueError, match="same_words"):
        Settings(same_words=1.5)
    result = CliRunner().invoke(app, ["analyze", "x", "--agreement", "-1"])
    assert result.exit_code == 2


def test_joined_sentences_reach_the_quotes_component(tmp_path: Path) -> None:
    apart = triangulate.analyze([SPLIT], db=f"sqlite:///{tmp_path / 'a.db'}",
                                settings=Settings(semantic=False))
    joined = triangulate.analyze([SPLIT], db=f"sqlite:///{tmp_path / 'b.db'}",
                                 settings=Settings(join_sentences=True, semantic=False))
    assert len(apart.quotes) == 2
    assert len(joined.quotes) == 1
    assert "four trucks" in joined.quotes[0].text and "an hour" in joined.quotes[0].text


def test_a_reading_made_with_other_settings_is_read_again(db_url: str) -> None:
    store = Store(db_url)
    article = Article(id="convoy", text=SPLIT, title="Convoy hit", content_hash="convoy-1")
    joined = Settings(join_sentences=True)
    assert pipeline_version(joined) != pipeline_version(DEFAULTS)
    assert pipeline_version(Settings(tensions=3)) == pipeline_version(DEFAULTS)
    read_into_store([article], store, local_reader(1), settings=DEFAULTS)
    assert store.is_current(article, pipeline_version(DEFAULTS))
    assert not store.is_current(article, pipeline_version(joined))
    read_into_store([article], store, local_reader(1, joined), settings=joined)
    assert store.is_current(article, pipeline_version(joined))
    [reading] = store.load_readings(["convoy"])
    assert len(reading.quotes) == 1


def test_name_similarity_decides_which_spellings_are_one_name() -> None:
    spellings = ["Mykhailo Dorosh", "Mykhaylo Dorosh"]
    assert len(set(fold_names(spellings).values())) == 1
    assert len(set(fold_names(spellings, similarity=99.0).values())) == 2
    readings = [Reading(article=Article(id=name, text=name),
                        quotes=[Quote(article=name, kind="direct", text="We hold.",
                                      speaker=name)])
                for name in spellings]
    assert len({q.speaker_name for q in crosscheck(readings).quotes}) == 1
    strict = crosscheck(readings, settings=Settings(name_similarity=99.0, semantic=False))
    assert len({q.speaker_name for q in strict.quotes}) == 2


def test_report_and_export_group_the_store_with_their_settings(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'front.db'}"
    triangulate.analyze(FRONT, db=db, published="2024-05-03", settings=Settings(semantic=False))

    def exported(*options: str) -> list[str]:
        out = tmp_path / "export.json"
        result = CliRunner().invoke(app, ["export", "--db", db, "--out", str(out), *options])
        assert result.exit_code == 0, result.output
        return [g["status"] for g in json.loads(out.read_text(encoding="utf-8"))["groups"]]

    assert exported() == ["corroborated"]
    assert exported("--agreement", "0") == ["conflicting"]
    shown = CliRunner().invoke(app, ["report", "--db", db, "--agreement", "0"],
                               env={"COLUMNS": "200"})
    assert shown.exit_code == 0 and "conflicting" in shown.output
