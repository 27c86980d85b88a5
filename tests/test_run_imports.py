"""What a whole `triangulate analyze` process of plain text files imports, and what a
`report` or `export` of the store does: every module a process loads is start-up time of
every such run, so none that only another kind of run uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# datasketch loads scipy.integrate (a third of a second) to size LSH bands; feedparser reads
# feeds only, lxml HTML pages only
NOT_FOR_PLAIN_TEXT = ("datasketch", "scipy", "feedparser", "lxml", "trafilatura")


# a report reads the store: no parser, no model
NOT_FOR_THE_STORE = ("spacy", "thinc", "triangulate.nlp.pipeline")


def loaded(args: list[str], modules: tuple[str, ...]) -> list[str]:
    """Which of ``modules`` a real ``triangulate`` process with ``args`` loaded (counted by
    module, not timed: a timed test fails whenever the machine is busy)."""
    probe = ("import sys\n"
             f"sys.argv = ['triangulate', *{args!r}]\n"
             "from triangulate.cli import main\n"
             "try:\n    main()\nfinally:\n"
             f"    print('LOADED', ' '.join(m for m in {modules!r} if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.rsplit("LOADED", 1)[1].split()


def texts(tmp_path: Path, files: dict[str, str]) -> Path:
    """A folder of the given text files."""
    folder = tmp_path / "texts"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_plain_text_loads_no_feed_page_or_scipy_and_a_report_no_parser(tmp_path: Path) -> None:
    folder = texts(tmp_path, {
        "harbour.txt": "The port authority said on Monday that 14 ships had left the harbour "
                       "since the storm. \"We expect the rest to sail by Friday,\" a "
                       "spokeswoman said.\n",
        "harbour-copy.txt": "The port authority said on Monday that 14 ships had left the "
                            "harbour since the storm, a spokeswoman told reporters.\n"})
    db = f"sqlite:///{tmp_path / 'run.db'}"
    assert loaded(["analyze", str(folder), "-q", "--db", db, "--json",
                   str(tmp_path / "run.json")], NOT_FOR_PLAIN_TEXT) == []
    assert (tmp_path / "run.json").stat().st_size > 0
    assert loaded(["export", "--db", db, "--out", str(tmp_path / "all.json")],
                  NOT_FOR_THE_STORE) == []
    assert loaded(["report", "--db", db, "--html", str(tmp_path / "all.html")],
                  NOT_FOR_THE_STORE) == []
    assert (tmp_path / "all.json").stat().st_size > 0 and (tmp_path / "all.html").exists()


def test_the_parent_of_a_dask_run_loads_no_parser(tmp_path: Path) -> None:
    """The workers parse; the process that ingests, stores and cross-checks imports no
    spaCy, before the reading (language detection, stored versions) or after it (the
    languages no pipeline read)."""
    folder = texts(tmp_path, {
        "ferry.txt": "The ferry operator said on Tuesday that 3 crossings had been cancelled "
                     "because of high winds. \"Passengers will be rebooked,\" a company "
                     "spokesman said.\n",
        "fähre.txt": "Der Betreiber teilte am Dienstag mit, dass drei Überfahrten wegen des "
                     "starken Windes ausgefallen seien und die Fahrgäste umgebucht würden.\n"})
    assert loaded(["analyze", str(folder), "-q", "--engine", "dask",
                   "--db", f"sqlite:///{tmp_path / 'run.db'}",
                   "--json", str(tmp_path / "run.json")], NOT_FOR_THE_STORE) == []
    assert (tmp_path / "run.json").stat().st_size > 0


def test_a_run_again_over_stored_articles_loads_no_parser(tmp_path: Path) -> None:
    """Every article already read (and current) in the store: nothing to parse, so neither
    spaCy nor the model; the same analysis as the first run's."""
    folder = texts(tmp_path, {
        "bridge.txt": "Engineers said on Thursday that the bridge would reopen within 10 "
                      "days, after inspectors found the damage less severe than feared.\n"})
    db = f"sqlite:///{tmp_path / 'run.db'}"
    first, again = tmp_path / "first.json", tmp_path / "again.json"
    assert loaded(["analyze", str(folder), "-q", "--db", db, "--json", str(first)],
                  NOT_FOR_THE_STORE) != []
    assert loaded(["analyze", str(folder), "-q", "--db", db, "--json", str(again)],
                  NOT_FOR_THE_STORE) == []
    assert again.read_text() == first.read_text()
