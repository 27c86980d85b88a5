"""What a command loads before it has work to do: the help text and a report need no model."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable, Iterator

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
