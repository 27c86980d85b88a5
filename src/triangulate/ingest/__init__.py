"""Ingest: files, folders, archives and feeds to :class:`~triangulate.types.Article`.

``read_sources`` yields an ``Article`` for every article it can read and an ``IngestProblem``
(file and problem, one line) for every one it cannot; it never stops at a bad file. It is a
generator all the way down: archives (JSON Lines, WARC) are streamed, never held whole.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from triangulate.ingest.article import (
    Source,
    from_page,
    hashed_id,
    make_article,
)
from triangulate.ingest.decode import InputError, decode, limit_text, read_bytes, stream_lines
from triangulate.ingest.feeds import (
    FEED_SUFFIXES,
    FetchPolicy,
    is_url,
    read_feed,
    read_feed_url,
)
from triangulate.ingest.html import extract_page
from triangulate.ingest.text import parse_text
from triangulate.ingest.warc import WARC_SUFFIXES, read_warc
from triangulate.lang import primary_language
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, IngestProblem

__all__ = ["IngestOptions", "LanguageFilter", "Source", "hashed_id", "is_url", "make_article",
           "path_id", "read_sources"]

TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")
STDIN = "-"  # an input path that means standard input, as in most tools
STDIN_NAME = "<stdin>"  # its name in an article's path and in problem lines
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES + FEED_SUFFIXES


@dataclass(frozen=True)
class IngestOptions:
    """What a user may allow that ingest refuses by default, and its limits.

    ``follow_links``: read files that a link inside a given folder points to outside it.
    ``allow_private_urls``: fetch feeds from (or be redirected to) private, loopback and
    link-local addresses. ``settings``: the size limit and the fetch timeouts
    (``Settings.max_bytes``, ``fetch_timeout``, ``fetch_deadline``).
    """

    follow_links: bool = False
    allow_private_urls: bool = False
    settings: Settings = DEFAULTS
    fetch: FetchPolicy = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "fetch", FetchPolicy(
            self.allow_private_urls, deadline=self.settings.fetch_deadline,
            timeout=self.settings.fetch_timeout, max_bytes=self.settings.max_bytes))

    @property
    def max_bytes(self) -> int:
        return self.settings.max_bytes


def read_sources(paths: Iterable[str | Path], options: IngestOptions | None = None
                 ) -> Iterator[Source]:
    """Every article under ``paths`` (files or folders, recursively, or feed URLs), in a
    stable order."""
    options = options or IngestOptions()
    for source in paths:
        if str(source) == STDIN:
            yield from read_standard_input(options.max_bytes)
            continue
        if isinstance(source, str) and is_url(source):
            yield from read_feed_url(source, options.fetch)
            continue
        path = Path(source)
        if path.is_dir():
            yield from read_folder(path, options)
        elif path.exists():
            yield from read_file(path, options.max_bytes)
        else:
            yield IngestProblem(str(path), "no such file or folder")


def read_standard_input(max_bytes: int = DEFAULTS.max_bytes) -> Iterator[Source]:
    """What is piped in (``-`` as a path): JSON Lines where it opens with "{", an HTML page
    where it opens with "<", else one text article (front matter allowed), whose id is its
    front matter's, else a hash of its URL or text."""
    data = sys.stdin.buffer.read(max_bytes + 1)
    opening = data.lstrip()[:1]
    if len(data) > max_bytes:
        yield IngestProblem(STDIN_NAME, f"over the {limit_text(max_bytes)}")
    elif not opening:
        yield IngestProblem(STDIN_NAME, "empty")
    elif opening == b"{":
        yield from json_lines(data.splitlines(), STDIN_NAME)
    else:
        raw, note = decode(data)
        notes = (note,) if note else ()
        if opening == b"<":
            yield from_page(hashed_id(raw), raw, STDIN_NAME, STDIN_NAME, notes)
            return
        parsed = parse_text(raw)
        article_id = parsed.fields.get("id") or hashed_id(parsed.fields.get("url") or raw)
        yield make_article(article_id, parsed.text, parsed.title, STDIN_NAME, parsed.fields,
                           notes)


def read_folder(folder: Path, options: IngestOptions) -> Iterator[Source]:
    """The known files under ``folder``; a file reached through a link that leads out of the
    folder is named and skipped unless ``options.follow_links``."""
    inside = folder.resolve()
    files = sorted(p for p in folder.rglob("*")
                   if p.name.lower().endswith(KNOWN_SUFFIXES) and p.is_file())
    for file in files:
        if not options.follow_links and not file.resolve().is_relative_to(inside):
            yield IngestProblem(str(file), "a link out of the folder (--follow-links reads it)")
        else:
            yield from read_file(file, options.max_bytes)


def read_file(path: Path, max_bytes: int = DEFAULTS.max_bytes) -> Iterator[Source]:
    """The file's articles, and one problem line where it cannot be read: whatever goes wrong
    in one file costs only that file (and, in an archive, the records after the fault)."""
    try:
        yield from _read_file(path, max_bytes)
    except InputError as error:
        yield IngestProblem(str(path), str(error))
    except RecursionError:
        yield IngestProblem(str(path), "nested too deeply to read")
    except Exception as error:
        yield IngestProblem(str(path), f"cannot read ({type(error).__name__}: {error})")


def _read_file(path: Path, max_bytes: int) -> Iterator[Source]:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl(path, max_bytes)
        return
    if name.endswith(WARC_SUFFIXES):
        yield from read_warc(path, max_bytes)
        return
    data = read_bytes(path, max_bytes)
    if name.endswith(FEED_SUFFIXES):
        yield from read_feed(data, str(path))
        return
    raw, note = decode(data)
    notes = (note,) if note else ()
    if name.endswith(HTML_SUFFIXES):
        yield from_html(path, raw, notes)
    else:
        parsed = parse_text(raw)
        yield make_article(path_id(path), parsed.text, parsed.title, str(path),
                           parsed.fields, notes)


def from_html(path: Path, raw: str, notes: tuple[str, ...]) -> Source:
    return from_page(path_id(path), raw, str(path), str(path), notes)


def read_jsonl(path: Path, max_bytes: int = DEFAULTS.max_bytes) -> Iterator[Source]:
    """One article per line, streamed (gzipped or not): no size limit on the whole file."""
    empty = True
    for source in json_lines(stream_lines(path, max_bytes), str(path)):
        empty = False
        yield source
    if empty:
        raise InputError("empty file")


def json_lines(lines: Iterable[bytes], where: str) -> Iterator[Source]:
    """One source per line that is not blank, each named ``where:line``."""
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield from_json_line(line, f"{where}:{number}")


def from_json_line(line: bytes, where: str) -> Source:
    try:
        raw, note = decode(line)
        record = json.loads(raw)
    except InputError as error:
        return IngestProblem(where, str(error))
    except json.JSONDecodeError as error:
        return IngestProblem(where, f"malformed JSON ({error.msg} at column {error.colno})")
    except RecursionError:
        return IngestProblem(where, "JSON nested too deeply to read")
    return from_record(record, where, (note,) if note else ())


def from_record(record: Any, where: str, notes: tuple[str, ...]) -> Source:
    if not isinstance(record, dict):
        return IngestProblem(where, "a JSON line must be an object")
    if isinstance(record.get("html"), str) and not record.get("text"):
        page = extract_page(record["html"], record.get("url"))
        if page is None:
            return IngestProblem(where, "no article text found in the HTML")
        record = {"title": page.title, "outlet": page.site_name, "published": page.published,
                  **{k: v for k, v in record.items() if v}, "text": page.text}
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return IngestProblem(where, "no 'text' field")
    fields = {k: str(v) for k, v in record.items() if v is not None and k != "text"}
    article_id = fields.get("id") or hashed_id(fields.get("url") or text)
    return make_article(article_id, text, fields.get("title", ""), fields.get("path", where),
                        fields, notes)


def path_id(path: Path) -> str:
    """The file name without its extensions: ``a/b/000_x.html.gz`` -> ``000_x``."""
    name = path.name
    for suffix in sorted(KNOWN_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


@dataclass
class LanguageFilter:
    """Keeps the articles in one language and counts the ones it drops."""

    language: str
    skipped: int = 0

    def __call__(self, article: Article) -> bool:
        keep = primary_language(article.language) == primary_language(self.language)
        self.skipped += not keep
        return keep
