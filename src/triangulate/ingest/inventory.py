"""What a run's inputs hold, seen before they are read: how many articles (where that is cheap
to count), which files a folder run passes over, and folder defaults that cannot be used.

The command line uses it for a progress bar with a total and for one line per kind of file
passed over ("skipped 3 .md files"); reading itself does not depend on it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from triangulate.ingest import (
    HTML_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    TEXT_SUFFIXES,
    is_url,
)
from triangulate.ingest.article import SOURCES_FILE, sources_rows
from triangulate.ingest.decode import InputError, stream_lines

NO_EXTENSION = "without extension"
ONE_ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES


@dataclass
class Inventory:
    """``articles`` is None where some input (a WARC archive, a feed) cannot be counted
    without reading it."""

    articles: int | None = 0
    readable: Counter[str] = field(default_factory=Counter)  # kind -> files of a kind read
    passed_over: Counter[str] = field(default_factory=Counter)  # kind -> files passed over
    problems: list[str] = field(default_factory=list)

    def add(self, count: int | None) -> None:
        self.articles = None if self.articles is None or count is None \
            else self.articles + count


def take_inventory(sources: Iterable[str | Path]) -> Inventory:
    inventory = Inventory()
    for source in sources:
        if isinstance(source, str) and is_url(source):
            inventory.add(None)
            continue
        path = Path(source)
        if path.is_dir():
            _walk(path, inventory)
        elif path.is_file():
            inventory.add(articles_in_file(path))
    return inventory


def _walk(folder: Path, inventory: Inventory) -> None:
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        name = file.name.lower()
        if name.endswith(KNOWN_SUFFIXES):
            inventory.add(articles_in_file(file))
            inventory.readable[kind(file)] += 1
        elif file.name == SOURCES_FILE:
            _, problem = sources_rows(str(file.parent))
            if problem:
                inventory.problems.append(problem)
        else:
            inventory.passed_over[kind(file)] += 1


def kind(file: Path) -> str:
    """A file's kind as a user names it: ``.md``, or "without extension"."""
    return file.suffix.lower() if file.suffix else NO_EXTENSION


def articles_in_file(file: Path) -> int | None:
    """One for a single-article file, the non-empty lines of a JSON Lines file, None for an
    archive or a feed."""
    name = file.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        try:
            return sum(1 for line in stream_lines(file) if line.strip())
        except (InputError, OSError):
            return 0
    return 1 if name.endswith(ONE_ARTICLE_SUFFIXES) else None


def files_phrase(count: int, what: str) -> str:
    """``3 .md files``, ``1 file without extension``."""
    noun = "file" if count == 1 else "files"
    return f"{count} {noun} {what}" if what == NO_EXTENSION else f"{count} {what} {noun}"
