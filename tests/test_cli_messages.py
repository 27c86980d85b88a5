"""What the command line says: files passed over, empty folders, bad stores and paths, the
run's outlet and date, and the summary's counts; one line and a non-zero exit for each error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from triangulate.cli import app

runner = CliRunner()
REPORT = """Ferry crossing shelled
Six people were wounded when shells hit the ferry crossing on Tuesday, the port authority said.
"""


def folder_with(tmp_path: Path, files: dict[str, str]) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def one_line_error(result_stderr: str) -> str:
    lines = result_stderr.strip().splitlines()
    assert len(lines) == 1, result_stderr
    assert "Traceback" not in result_stderr
    return lines[0]


def test_files_passed_over_are_named_by_kind(tmp_path: Path, db_url: str) -> None:
    folder = folder_with(tmp_path, {"ferry.txt": REPORT, "a.md": "#", "b.md": "#",
                                    "LICENSE": "x"})
    result = runner.invoke(app, ["analyze", str(folder), "--db", db_url, "-q"])
    assert result.exit_code == 0, result.output
    assert "skipped 2 .md files" in result.stderr
    assert "skipped 1 file without extension" in result.stderr


@pytest.mark.parametrize(("files", "said", "hinted"), [
    ({}, "holds no files)", True),
    ({"notes.md": "#", "data.csv": "a,b"}, "holds 1 .csv file, 1 .md file)", True),
    ({"empty.txt": "", "x.md": "#"}, "holds 1 .md file, 1 .txt file)", False),
])
def test_a_folder_with_nothing_to_read_says_what_it_holds(
        tmp_path: Path, db_url: str, files: dict[str, str], said: str, hinted: bool) -> None:
    folder = folder_with(tmp_path, files)
    result = runner.invoke(app, ["analyze", str(folder), "--db", db_url])
    assert result.exit_code == 1
    assert said in result.stderr and "no article could be read" in result.stderr
    assert ("give .txt, .html" in result.stderr) is hinted


@pytest.mark.parametrize("command", [["analyze", "x.txt"], ["report"], ["export", "--out", "o"]])
def test_a_bad_db_url_is_one_line(command: list[str], tmp_path: Path) -> None:
    result = runner.invoke(app, [*command, "--db", "notaurl"])
    assert result.exit_code == 2
    assert "not a database URL" in one_line_error(result.stderr)


@pytest.mark.parametrize("url", ["nosuchdialect://host/name", "mysql://user@host/name"])
def test_a_store_that_cannot_be_opened_is_one_line(url: str) -> None:
    result = runner.invoke(app, ["report", "--db", url])  # no such dialect; no driver
    assert result.exit_code == 2
    assert "cannot open the store" in one_line_error(result.stderr)


@pytest.mark.parametrize("command", [["report"], ["export", "--format", "csv", "--out", "o"]])
def test_report_and_export_need_a_store(command: list[str], tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here.db"
    result = runner.invoke(app, [*command, "--db", f"sqlite:///{missing}"])
    assert result.exit_code == 2
    assert "no store at" in one_line_error(result.stderr)
    assert not missing.exists()


def test_an_output_in_a_missing_folder_is_refused_before_work(tmp_path: Path,
                                                              db_url: str) -> None:
    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    out = tmp_path / "no" / "such" / "out.json"
    result = runner.invoke(app, ["analyze", str(folder), "--db", db_url, "--json", str(out)])
    assert result.exit_code == 2
    assert "no folder" in one_line_error(result.stderr)
    assert not out.parent.exists()


def test_a_bad_published_date_is_refused(tmp_path: Path, db_url: str) -> None:
    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    result = runner.invoke(app, ["analyze", str(folder), "--db", db_url,
                                 "--published", "last week"])
    assert result.exit_code == 2
    assert "is not a date" in one_line_error(result.stderr)


def test_run_outlet_and_date_reach_the_record_and_the_summary(tmp_path: Path,
                                                              db_url: str) -> None:
    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    out = tmp_path / "a.json"
    result = runner.invoke(app, ["analyze", str(folder), "--db", db_url, "--json", str(out),
                                 "--outlet", "Coast Radio", "--published", "2024-09-10"])
    assert result.exit_code == 0, result.output
    article = json.loads(out.read_text(encoding="utf-8"))["articles"][0]
    assert (article["outlet"], article["published"]) == ("Coast Radio", "2024-09-10")
    assert "1 article from 1 outlet, 2024-09-10," in result.stdout  # one day, named once
    assert "Coast Radio" in result.stdout


def test_the_python_api_takes_the_run_outlet_and_date(tmp_path: Path, db_url: str) -> None:
    import triangulate

    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    analysis = triangulate.analyze([folder], db=db_url, outlet="Harbour FM",
                                   published="2024-10-01")
    assert [(a.outlet, a.published) for a in analysis.articles] == [("Harbour FM",
                                                                      "2024-10-01")]


def test_ingest_takes_the_run_outlet_and_report_shows_top_rows(tmp_path: Path,
                                                               db_url: str) -> None:
    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    stored = runner.invoke(app, ["ingest", str(folder), "--db", db_url, "--outlet", "Delta FM"])
    assert stored.exit_code == 0, stored.output
    assert "1 article stored" in stored.stdout
    shown = runner.invoke(app, ["report", "--db", db_url, "--top", "1"])
    assert shown.exit_code == 0, shown.output
    assert "Delta FM" in shown.stdout and "outlet unknown" not in shown.stdout


@pytest.mark.parametrize("command", [
    ["analyze", "{folder}", "--db", "notaurl"],
    ["export", "--db", "sqlite:///{tmp}/none.db", "--out", "{tmp}/out.json"],
    ["report", "--db", "sqlite:///{tmp}/none.db"],
    ["analyze", "{folder}", "--db", "sqlite:///{tmp}/s.db", "--json", "{tmp}/no/such/a.json"],
    ["analyze", "{tmp}/empty", "--db", "sqlite:///{tmp}/e.db"],
    ["serve", "--db", "notaurl"],
    ["serve", "--db", "postgresql://reader:s3cret-pw@127.0.0.1:1/none"],
    ["serve", "--db", "sqlite:///{tmp}/none.db"],
    ["report", "--db", "sqlite:///{folder}/ferry.txt"],
    ["export", "--db", "sqlite:///{folder}/ferry.txt", "--out", "{tmp}/out.json"],
])
def test_each_error_is_one_line_from_a_real_process(command: list[str], tmp_path: Path) -> None:
    """The console script as a user runs it: one line on stderr, nothing on stdout, a
    non-zero exit, and no store left behind where there was none."""
    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    (tmp_path / "empty").mkdir()
    args = [part.format(folder=folder, tmp=tmp_path) for part in command]
    script = Path(sys.executable).with_name("triangulate")
    done = subprocess.run([str(script), *args], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "80", "TRIANGULATE_TOKEN": ""},
                          timeout=120)
    assert done.returncode != 0
    assert one_line_error(done.stderr).startswith("error: ")
    assert done.stdout == ""
    assert not (tmp_path / "none.db").exists()
    assert "s3cret-pw" not in done.stderr


@pytest.mark.parametrize("command", [
    ["analyze", "{folder}", "--db", "sqlite:///{tmp}/s.db", "--json", "{tmp}/run.json",
     "--html", "{tmp}/run.html", "--markdown", "{tmp}/run.md"],
    ["report", "--db", "sqlite:///{tmp}/s.db", "--html", "{tmp}/run.html",
     "--markdown", "{tmp}/run.md"],
])
def test_a_summary_cut_short_by_its_reader_costs_no_file(command: list[str],
                                                         tmp_path: Path) -> None:
    """``triangulate analyze ... | head``: the reader of the summary goes away before it
    ends (here: at once), and every file asked for is written all the same, with no
    traceback."""
    folder = folder_with(tmp_path, {"ferry.txt": REPORT, "pier.txt": REPORT.replace(
        "Six people", "Seven people")})
    script = Path(sys.executable).with_name("triangulate")
    if command[0] == "report":  # a store to report on
        subprocess.run([str(script), "analyze", str(folder), "-q", "--db",
                        f"sqlite:///{tmp_path}/s.db"], check=True, capture_output=True)
    args = [part.format(folder=folder, tmp=tmp_path) for part in command]
    process = subprocess.Popen([str(script), *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"})
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # nothing reads the summary
    stderr = process.stderr.read().decode()
    process.wait(timeout=120)
    assert "Traceback" not in stderr
    if command[0] == "analyze":
        assert json.loads((tmp_path / "run.json").read_text())["articles"]
    assert "Ferry crossing shelled" in (tmp_path / "run.html").read_text()
    assert "Ferry crossing shelled" in (tmp_path / "run.md").read_text()


def test_json_to_standard_output_holds_the_json_and_nothing_else(tmp_path: Path) -> None:
    """``--json -`` (and ``export --out -``) for ``| jq``: standard output is the contract
    JSON alone, the summary is left out, and what else is said goes to stderr; the export's
    JSON is the one it writes to a file."""
    folder = folder_with(tmp_path, {"ferry.txt": REPORT})
    script = str(Path(sys.executable).with_name("triangulate"))
    db = f"sqlite:///{tmp_path}/s.db"
    run = subprocess.run([script, "analyze", str(folder), "--db", db, "--json", "-",
                          "--html", str(tmp_path / "run.html")],
                         capture_output=True, text=True, timeout=120, check=True)
    assert [a["id"] for a in json.loads(run.stdout)["articles"]] == ["ferry"]
    assert f"wrote {tmp_path / 'run.html'}" in run.stderr and (tmp_path / "run.html").exists()
    assert not (Path.cwd() / "-").exists()
    exported = subprocess.run([script, "export", "--db", db, "--out", "-"],
                              capture_output=True, text=True, timeout=120, check=True)
    subprocess.run([script, "export", "--db", db, "--out", str(tmp_path / "all.json")],
                   capture_output=True, check=True, timeout=120)
    assert exported.stdout == (tmp_path / "all.json").read_text(encoding="utf-8")
    tables = subprocess.run([script, "export", "--db", db, "--out", "-", "--format", "csv"],
                            capture_output=True, text=True, timeout=120)
    assert tables.returncode == 2 and tables.stdout == ""
    assert one_line_error(tables.stderr).startswith("error: --out -")


def test_an_article_piped_in_is_read(tmp_path: Path) -> None:
    """``curl ... | triangulate analyze - --json - | jq``: in through standard input, out
    through standard output."""
    script = str(Path(sys.executable).with_name("triangulate"))
    run = subprocess.run([script, "analyze", "-", "--db", f"sqlite:///{tmp_path}/s.db",
                          "--json", "-"], input=REPORT, capture_output=True, text=True,
                         timeout=120, check=True)
    [article] = json.loads(run.stdout)["articles"]
    assert article["path"] == "<stdin>" and article["title"] == REPORT.splitlines()[0]


def interrupted_run(args: list[str], db: Path) -> subprocess.CompletedProcess[str]:
    """``args`` run as a terminal runs them, and Ctrl-C pressed (SIGINT to the whole
    process group) once the store holds its first batch of readings."""
    import signal
    import sqlite3
    import time

    def as_in_a_terminal() -> None:  # a shell's background job would ignore SIGINT
        signal.signal(signal.SIGINT, signal.default_int_handler)

    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True, preexec_fn=as_in_a_terminal)
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        try:
            with sqlite3.connect(db) as connection:
                if connection.execute("SELECT count(*) FROM articles").fetchone()[0]:
                    break
        except sqlite3.Error:
            pass  # not made yet
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    return subprocess.CompletedProcess(args, process.returncode, out, err)


@pytest.mark.slow
@pytest.mark.parametrize("engine", [["-j", "1"], ["-j", "2"], ["--engine", "dask"]])
def test_ctrl_c_is_one_line_and_the_same_command_goes_on(engine: list[str],
                                                          tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"convoy-{k}", "text": (
        f"Convoy {k} reached the northern depot on Monday after {k % 7 + 2} days on the road, "
        f"the relief agency said. {k + 3} trucks carried flour and medicine, and drivers "
        "reported that the bridge near the border crossing had been repaired. ") * 6})
        for k in range(240)]
    (tmp_path / "convoys.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "run.db"
    script = str(Path(sys.executable).with_name("triangulate"))
    args = [script, "analyze", str(tmp_path / "convoys.jsonl"), "-q", "--db",
            f"sqlite:///{db}", "--json", str(tmp_path / "run.json"), *engine]
    stopped = interrupted_run(args, db)
    assert stopped.returncode == 130, stopped.stderr
    assert one_line_error(stopped.stderr).startswith("interrupted: the store holds ")
    assert not (tmp_path / "run.json").exists()
    subprocess.run(args, check=True, capture_output=True, timeout=300)
    ids = [a["id"] for a in json.loads((tmp_path / "run.json").read_text())["articles"]]
    assert sorted(ids) == sorted(f"convoy-{k}" for k in range(240))


def test_version_names_what_makes_a_result() -> None:
    """The versions a record of a run needs, as installed; no parser loaded to tell them."""
    from importlib.metadata import version

    from triangulate.settings import DEFAULTS
    from triangulate.versions import PIPELINE_VERSION

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    line = result.stdout.strip()
    assert len(line.splitlines()) == 1
    for part in (f"triangulate {version('triangulate')}", f"readings v{PIPELINE_VERSION}",
                 f"spaCy {version('spacy')}", f"{DEFAULTS.model} {version(DEFAULTS.model)}"):
        assert part in line


def test_a_ctrl_c_swallowed_where_it_landed_still_stops_the_run(tmp_path: Path) -> None:
    """Python drops an exception raised in a finaliser; the press is remembered, so the run
    stops at its next article (or at its end) all the same."""
    import contextlib
    import signal

    import typer

    from triangulate.cli import interrupted_in_one_line
    from triangulate.store import Store

    store = Store(f"sqlite:///{tmp_path}/s.db")
    with pytest.raises(typer.Exit) as stopped, interrupted_in_one_line(store) as stop_if_pressed:
        with contextlib.suppress(KeyboardInterrupt):  # as a finaliser's exception is dropped
            os.kill(os.getpid(), signal.SIGINT)
        with pytest.raises(KeyboardInterrupt):
            stop_if_pressed()  # the next article
    assert stopped.value.exit_code == 130
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    store.close()
