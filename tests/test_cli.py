"""The command line and the Python API, end to end on small corpora written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import polars
import pytest
from typer.testing import CliRunner

import triangulate
from triangulate.cli import app
from triangulate.store import Store

runner = CliRunner()

FIRST = """---
outlet: Harbour Gazette
published: 2025-02-03
---
Border brigade reports heavy losses
At least 40 enemy soldiers were killed in the night assault, according to the regional governor.
"They came in waves," said Captain Ilya Marchenko, a company commander. "We held the bridge."
"""
SECOND = """---
outlet: Valley Courier
published: 2025-02-04
---
Governor's figures questioned
The defence ministry said that 300 enemy soldiers had been killed since January.
Analysts described the attackers as poorly trained and demoralised.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "gazette.txt").write_text(FIRST, encoding="utf-8")
    (folder / "courier.txt").write_text(SECOND, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    return folder


def test_analyze_writes_the_contract(corpus: Path, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "analysis.json"
    html = tmp_path / "report.html"
    result = runner.invoke(app, ["analyze", str(corpus), "--db", db_url, "--json", str(out),
                                 "--html", str(html)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"articles", "quotes", "claims", "groups", "tensions"}
    assert sorted(a["id"] for a in data["articles"]) == ["courier", "gazette"]
    assert all(a["text"] for a in data["articles"])
    speakers = {q["speaker"] for q in data["quotes"]}
    assert any("Marchenko" in (s or "") for s in speakers)
    killed = [g for g in data["groups"] if g["measure"] == "killed"]
    assert killed and set(killed[0]["articles"]) == {"courier", "gazette"}
    assert "<html" in html.read_text(encoding="utf-8")


def test_a_bad_file_is_named_and_skipped(corpus: Path, db_url: str) -> None:
    result = runner.invoke(app, ["analyze", str(corpus), "--db", db_url, "--quiet"])
    assert result.exit_code == 0
    assert "broken.txt" in result.stderr and "binary" in result.stderr


def test_nothing_readable_exits_non_zero(tmp_path: Path, db_url: str) -> None:
    result = runner.invoke(app, ["analyze", str(tmp_path / "missing"), "--db", db_url])
    assert result.exit_code == 1
    assert "no such file" in result.stderr


def test_running_twice_keeps_the_same_rows(corpus: Path, db_url: str) -> None:
    for _ in range(2):
        assert runner.invoke(app, ["analyze", str(corpus), "--db", db_url, "-q"]).exit_code == 0
        counts = Store(db_url).counts()
    again = runner.invoke(app, ["analyze", str(corpus), "--db", db_url, "-q"])
    assert again.exit_code == 0
    assert Store(db_url).counts() == counts
    assert counts["articles"] == 2


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_tables(corpus: Path, db_url: str, tmp_path: Path, fmt: str) -> None:
    runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    out = tmp_path / "export"
    result = runner.invoke(app, ["export", "--format", fmt, "--out", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    read = polars.read_csv if fmt == "csv" else polars.read_parquet
    claims = read(out / f"claims.{fmt}")
    assert claims.height == len(triangulate.analyze([corpus], db=db_url).claims)


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_format_by_the_suffix_of_out(corpus: Path, db_url: str, tmp_path: Path,
                                             fmt: str) -> None:
    """Without --format, "--out tables.parquet" is a folder of Parquet tables, not JSON
    written under a Parquet name."""
    runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    out = tmp_path / f"tables.{fmt}"
    result = runner.invoke(app, ["export", "--out", str(out), "--db", db_url])
    assert result.exit_code == 0, result.output
    read = polars.read_csv if fmt == "csv" else polars.read_parquet
    assert read(out / f"articles.{fmt}").height == 2


def test_export_json(corpus: Path, db_url: str, tmp_path: Path) -> None:
    runner.invoke(app, ["ingest", str(corpus), "--db", db_url])
    out = tmp_path / "all.json"
    assert runner.invoke(app, ["export", "--out", str(out), "--db", db_url]).exit_code == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))["articles"]) == 2


def test_help_on_every_command() -> None:
    for command in ([], ["analyze"], ["ingest"], ["export"], ["report"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_python_module_entry_point() -> None:
    done = subprocess.run([sys.executable, "-m", "triangulate", "--help"], capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0 and "analyze" in done.stdout


def test_api_returns_frames(corpus: Path, db_url: str) -> None:
    with pytest.warns(UserWarning, match="broken.txt"):
        analysis = triangulate.analyze(corpus, db=db_url)
    assert triangulate.frame(analysis, "claims").height == len(analysis.claims) > 0
    assert "speaker" in triangulate.frame(analysis, "quotes").columns
    assert triangulate.frame(analysis, "groups").to_pandas().shape[0] == len(analysis.groups)
    assert json.loads(triangulate.to_json(analysis))["articles"][0]["id"] in {"courier",
                                                                                "gazette"}


def test_api_reads_raw_text(db_url: str) -> None:
    analysis = triangulate.analyze(["Officials said 12 soldiers were captured near the dam."],
                                   db=db_url)
    assert [c.measure for c in analysis.claims] == ["captured"]
