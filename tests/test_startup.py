"""What a command loads before it has work to do: the help text and a report need no model."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from triangulate import reconcile
from triangulate.analysis import read_into_store, stored_analysis
from triangulate.nlp import PIPELINE_VERSION
from triangulate.store import Store
from triangulate.types import Article, Reading, Tension, TensionSide

HEAVY = ("spacy", "torch", "sqlalchemy", "polars", "numpy", "tokenizers", "dask")


def test_the_command_line_imports_no_stage() -> None:
    probe = ("import sys, triangulate.cli; "
             f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == []


# What a help text must not wait for: the stages, the serialisation module and typer's Rich
# help renderer (a Markdown parser and Pygments), which together took the help past 0.5 s.
NOT_FOR_HELP = (*HEAVY, "triangulate.serialise", "triangulate.store", "triangulate.nlp",
                "triangulate.report", "rich.markdown", "pygments")


@pytest.mark.parametrize("command", [[], ["analyze"], ["report"], ["export"], ["serve"]])
def test_a_help_text_imports_no_stage(command: list[str]) -> None:
    """Counted by module, not timed: a timed test fails whenever the machine is busy."""
    probe = ("import sys\n"
             f"sys.argv = ['triangulate', *{command!r}, '--help']\n"
             "from triangulate.cli import main\n"
             "try:\n    main()\nexcept SystemExit:\n    pass\n"
             f"print('LOADED', ' '.join(m for m in {NOT_FOR_HELP!r} if m in sys.modules))")
    shown = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                           check=True).stdout
    assert "Usage:" in shown
    assert shown.rsplit("LOADED", 1)[1].split() == []


def reading(article_id: str, text: str) -> Reading:
    return Reading(article=Article(id=article_id, text=text, title=article_id,
                                   content_hash=f"h-{text}"), statements=[text])


def no_tensions_found(_readings: object) -> list[Tension]:
    raise AssertionError("the tensions were found afresh")


def test_a_report_takes_the_stored_tensions(db_url: str,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(db_url)
    store.save_reading(reading("north", "The militia held the ridge."), "1")
    kept = Tension(a=TensionSide("north", "x"), b=TensionSide("south", "y"), score=1.5,
                   why="test pair")
    store.save_crosscheck([], [kept])
    monkeypatch.setattr(reconcile, "find_tensions", no_tensions_found)
    assert stored_analysis(store).tensions == [kept]


def test_reading_new_articles_drops_the_stale_cross_check(db_url: str) -> None:
    store = Store(db_url)
    kept = Tension(a=TensionSide("a", "x"), b=TensionSide("b", "y"), score=1.0, why="old")
    store.save_crosscheck([], [kept])

    def read(articles: Iterable[Article]) -> Iterator[Reading]:
        return (Reading(article=a, statements=[a.text]) for a in articles)

    fresh = reading("east", "Shelling went on overnight.").article
    assert read_into_store([fresh], store, read) == ["east"]
    assert store.load_crosscheck() == ([], [])
    assert store.is_current(fresh, PIPELINE_VERSION)


@pytest.mark.parametrize("command", [["report"], ["export", "--out", "{out}/all.parquet"],
                                     ["export", "--format", "csv", "--out", "{out}/tables"]])
def test_report_and_export_read_the_store_with_no_model(command: list[str], tmp_path: Path
                                                        ) -> None:
    """A real command-line process with spaCy's loader made to fail: the command must still
    succeed, so no pipeline was loaded; nor may the sentence encoder's packages be imported."""
    db = f"sqlite:///{tmp_path / 'kept.db'}"
    store = Store(db)
    store.save_reading(reading("north", "Militia fighters held the ridge overnight."), "1")
    store.close()
    args = [part.format(out=tmp_path) for part in [*command, "--db", db]]
    probe = ("import sys, spacy\n"
             "def refused(*args, **kwargs):\n    raise SystemExit('a model was loaded')\n"
             "spacy.load = refused\n"
             f"sys.argv = ['triangulate', *{args!r}]\n"
             "from triangulate.cli import main\n"
             "try:\n    main()\nfinally:\n"
             "    print('LOADED', ' '.join(m for m in ('torch', 'tokenizers', 'safetensors') "
             "if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.rsplit("LOADED", 1)[1].split() == []
