"""The CLI's hardening flags and its one-line failures, run in process."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from triangulate.cli import app

runner = CliRunner()
STORY = ("Bridge repairs\n\nEngineers said the damaged bridge would take weeks to repair, "
         "and that at least 30 supply trucks would use a longer road to the south.")


def test_links_out_of_a_folder_need_follow_links(tmp_path: Path, db_url: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(STORY.replace("30", "40"), encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "own.txt").write_text(STORY, encoding="utf-8")
    (folder / "link.txt").symlink_to(outside)
    out = tmp_path / "out.json"
    plain = runner.invoke(app, ["analyze", str(folder), "--db", db_url, "-q", "--json",
                                str(out)])
    assert plain.exit_code == 0 and "link.txt" in plain.output and "--follow-links" in plain.output
    assert [a["id"] for a in json.loads(out.read_text())["articles"]] == ["own"]
    followed = runner.invoke(app, ["analyze", str(folder), "--db", db_url, "-q", "--json",
                                   str(out), "--follow-links"])
    assert followed.exit_code == 0
    assert sorted(a["id"] for a in json.loads(out.read_text())["articles"]) == ["link", "own"]


def test_a_private_feed_url_is_named_and_refused(db_url: str, tmp_path: Path) -> None:
    (tmp_path / "own.txt").write_text(STORY, encoding="utf-8")
    result = runner.invoke(app, ["analyze", "http://127.0.0.1:9/feed.rss", str(tmp_path),
                                 "--db", db_url, "-q"])
    assert result.exit_code == 0
    assert "private address" in result.output and "--allow-private-urls" in result.output


def test_an_output_that_cannot_be_written_ends_in_one_line(tmp_path: Path, db_url: str
                                                           ) -> None:
    (tmp_path / "own.txt").write_text(STORY, encoding="utf-8")
    blocked = tmp_path / "own.txt" / "out.json"  # a file where a folder should be
    result = runner.invoke(app, ["analyze", str(tmp_path), "--db", db_url, "-q", "--json",
                                 str(blocked)])
    assert result.exit_code != 0 and isinstance(result.exception, SystemExit)
    (line,) = [line for line in result.output.splitlines() if "error" in line]
    assert "own.txt" in line
