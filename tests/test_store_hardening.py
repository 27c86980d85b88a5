"""The store under faults: values over a column's length, a read-only store, a full disk, and
runs that write one store at the same time. Every article here is written for the tests."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import polars
import pytest

from triangulate.analysis import run
from triangulate.store import Store
from triangulate.types import Article, Claim, Quote, Reading

CLI = [sys.executable, "-m", "triangulate"]


def long_reading() -> Reading:
    huge = "Ridge Weekly " * 80_000  # about 1 MB
    article = Article(id="long-fields", text="Officials said 12 soldiers were captured.",
                      title=huge, content_hash="h1", outlet=huge, url="https://r.test/" + huge,
                      language="en-" + "x" * 40)
    quote = Quote(article=article.id, kind="indirect", text="12 soldiers were captured",
                  speaker="Officials", cue="said" * 50, start=15, end=40)
    claim = Claim(article=article.id, measure="captured", value=12, low=12, high=12,
                  qualifier="exact", subject="soldiers", actor="a" * 500)
    return Reading(article=article, quotes=[quote], claims=[claim])



def test_values_over_a_column_length_are_cut_with_a_note(any_store: Store) -> None:
    any_store.save_reading(long_reading(), "1")
    (loaded,) = any_store.load_readings(["long-fields"])
    assert loaded.article.outlet is not None and len(loaded.article.outlet) == 300
    assert loaded.article.title == long_reading().article.title  # text columns keep it all
    assert loaded.quotes[0].cue is not None and len(loaded.quotes[0].cue) == 100
    assert loaded.claims[0].actor == "a" * 100
    notes = " ".join(loaded.article.notes)
    for name in ("articles.outlet", "articles.language", "quotes.cue", "claims.actor"):
        assert name in notes


def reading(article_id: str, value: int) -> Reading:
    text = f"Officials said {value} soldiers were captured near Dolyna."
    article = Article(id=article_id, text=text, title="Dolyna", content_hash=f"h{value}",
                      outlet=f"Outlet {article_id}")
    claim = Claim(article=article_id, measure="captured", value=value, low=value, high=value,
                  qualifier="exact", subject="soldiers", source="Officials")
    return Reading(article=article, claims=[claim])


def test_a_stale_cross_check_is_not_saved(db_url: str) -> None:
    store = Store(db_url)
    store.save_reading(reading("a", 12), "1")
    before = store.coverage()
    store.save_reading(reading("b", 15), "1")
    assert not store.save_crosscheck([], [], before)
    assert store.save_crosscheck([], [], store.coverage())
    assert before.ids == {"a"} and store.coverage().ids == {"a", "b"}


def article_file(folder: Path, name: str, killed: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.txt"
    path.write_text(f"Strike on Dolyna\n\nAt least {killed} soldiers were killed in the strike "
                    "on Dolyna, the regional governor said on Monday.", encoding="utf-8")
    return path


def test_the_stored_groups_cover_every_run(tmp_path: Path, db_url: str) -> None:
    """Two runs into one store (one after the other, or at once): the stored cross-check
    covers both runs' articles, not only the last run's."""
    store = Store(db_url)
    first = run([article_file(tmp_path / "one", "east", 12)], store, lambda problem: None)
    second = run([article_file(tmp_path / "two", "west", 15)], store, lambda problem: None)
    assert [a.id for a in first.articles] == ["east"]
    assert [a.id for a in second.articles] == ["west"]
    groups, _ = store.load_crosscheck()
    assert {article for group in groups for article in group.articles} == {"east", "west"}


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A file system of 320 KiB (tmpfs; mounting needs root's CAP_SYS_ADMIN, as in CI)."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=320k", "tmpfs",
                              str(mount_point)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs CAP_SYS_ADMIN)")
    yield mount_point
    subprocess.run(["umount", "--lazy", str(mount_point)], check=True)


def test_a_full_disk_ends_in_one_line_and_leaves_the_store_whole(tmp_path: Path,
                                                                  small_disk: Path) -> None:
    corpus = tmp_path / "corpus"
    for number in range(60):
        article_file(corpus, f"a{number:02}", 10 + number)
    database = small_disk / "full.db"
    result = cli("analyze", str(corpus), "--db", f"sqlite:///{database}", "-q")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(lines) == 1 and "store failed" in lines[0] and "full" in lines[0]
    connection = sqlite3.connect(database)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        without = connection.execute("SELECT COUNT(*) FROM articles WHERE id NOT IN "
                                     "(SELECT article FROM claims)").fetchone()[0]
    finally:
        connection.close()
    assert 0 < stored < 60 and without == 0


@pytest.fixture
def read_only_store(tmp_path: Path) -> Iterator[str]:
    """A stored analysis on a file system mounted read-only (root, whom no permission stops,
    in CI), or in a folder without write permission (any other user)."""
    made = tmp_path / "made.db"
    maker = Store(f"sqlite:///{made}")
    run([article_file(tmp_path / "c", "east", 12)], maker, lambda problem: None)
    maker.close()
    folder = tmp_path / "ro"
    folder.mkdir()
    if os.geteuid() != 0:
        shutil.copy(made, folder / "store.db")
        (folder / "store.db").chmod(stat.S_IRUSR)
        folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
        yield f"sqlite:///{folder / 'store.db'}"
        folder.chmod(stat.S_IRWXU)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs CAP_SYS_ADMIN)")
    try:
        shutil.copy(made, folder / "store.db")
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        yield f"sqlite:///{folder / 'store.db'}"
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def test_reading_commands_work_on_a_read_only_store(read_only_store: str, tmp_path: Path
                                                    ) -> None:
    shown = cli("report", "--db", read_only_store)
    assert shown.returncode == 0, shown.stderr
    assert "Traceback" not in shown.stderr and "1 article from" in shown.stdout
    exported = cli("export", "--format", "csv", "--out", str(tmp_path / "x"), "--db",
                   read_only_store)
    assert exported.returncode == 0, exported.stderr
    assert polars.read_csv(tmp_path / "x" / "articles.csv")["id"].to_list() == ["east"]


def test_writing_a_read_only_store_ends_in_one_line(read_only_store: str,
                                                    tmp_path: Path) -> None:
    corpus = tmp_path / "more"
    article_file(corpus, "west", 15)
    written = cli("analyze", str(corpus), "--db", read_only_store, "-q")
    assert written.returncode != 0 and "Traceback" not in written.stderr
    assert sum("error" in line for line in written.stderr.splitlines()) == 1
