"""What the progress bar says while a run works: a total for reading, a label while the parser
loads, and a labelled task for every later phase."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from rich.progress import Progress

from triangulate.cli import Phases


def bar() -> Progress:
    return Progress(console=Console(file=io.StringIO(), force_terminal=True, width=100))


def shown(progress: Progress) -> list[tuple[str, float | None, bool]]:
    return [(task.description, task.total, task.visible) for task in progress.tasks]


def folder_of(tmp_path: Path, count: int) -> Path:
    for i in range(count):
        (tmp_path / f"report-{i}.txt").write_text(f"Dispatch {i}\nThe bridge held.\n",
                                                  encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article\n", encoding="utf-8")
    return tmp_path


def test_reading_has_the_count_of_inputs_and_says_when_the_parser_loads(tmp_path: Path
                                                                          ) -> None:
    progress = bar()
    phases = Phases(progress, [str(folder_of(tmp_path, 3))])
    assert shown(progress)[-1] == (Phases.STARTING, 3, True)
    phases.advance(0)
    assert shown(progress)[-1][0] == Phases.STARTING
    phases.advance(1)
    assert shown(progress)[-1][0] == Phases.READING
    assert progress.tasks[-1].completed == 1


def test_each_later_phase_is_a_labelled_task_of_its_own(tmp_path: Path) -> None:
    progress = bar()
    phases = Phases(progress, [str(folder_of(tmp_path, 2))])
    phases.advance(2)
    phases.phase("cross-checking 2 articles")
    assert [(label, visible) for label, _, visible in shown(progress)] == [
        ("looking at the inputs", False), (Phases.READING, False),
        ("cross-checking 2 articles", True)]


def test_the_cross_check_counts_the_articles_it_takes(tmp_path: Path) -> None:
    """After reading, the cross-check is a phase with the article count as its total, told
    each article as it takes it, then a phase for the groups and tensions."""
    from triangulate.analysis import run
    from triangulate.store import Store

    folder = tmp_path
    for i in range(3):
        (folder / f"dispatch-{i}.txt").write_text(
            f"Shelling killed {i + 4} people in the port, officials said.\n", encoding="utf-8")
    heard: list[tuple[str, int | None] | int] = []
    store = Store(f"sqlite:///{tmp_path / 'store.db'}")
    run([str(folder)], store, lambda problem: None, heard.append,
        on_phase=lambda label, total: heard.append((label, total)))
    store.close()
    start = heard.index(("cross-checking 3 articles", 3))
    assert heard[start + 1 : start + 4] == [1, 2, 3]
    grouping = heard[start + 4]
    assert isinstance(grouping, tuple) and "tensions" in grouping[0]
