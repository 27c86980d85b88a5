"""Ingest: files, folders and JSON Lines to :class:`~triangulate.types.Article`.

``read_sources`` yields an ``Article`` for every article it can read and an ``IngestProblem``
(file and problem, one line) for every one it cannot; it never stops at a bad file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from triangulate.ingest.clean import content_hash, detect_language, normalise_text
from triangulate.ingest.decode import InputError, decode, read_bytes
from triangulate.ingest.html import extract_page
from triangulate.ingest.text import parse_text
from triangulate.types import Article, IngestProblem

TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")
KNOWN_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES

Source = Article | IngestProblem


def read_sources(paths: Iterable[str | Path]) -> Iterator[Source]:
    """Every article under ``paths`` (files or folders, recursively), in a stable order."""
    for path in map(Path, paths):
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.name.lower().endswith(KNOWN_SUFFIXES):
                    yield from read_file(file)
        elif path.exists():
            yield from read_file(path)
        else:
            yield IngestProblem(str(path), "no such file or folder")


def read_file(path: Path) -> Iterator[Source]:
    name = path.name.lower()
    try:
        data = read_bytes(path)
        if name.endswith(JSONL_SUFFIXES):
            yield from read_jsonl(path, data)
            return
        raw, note = decode(data)
        notes = (note,) if note else ()
        if name.endswith(HTML_SUFFIXES):
            yield from_html(path, raw, notes)
        else:
            parsed = parse_text(raw)
            yield make_article(path_id(path), parsed.text, parsed.title, str(path),
                               parsed.fields, notes)
    except InputError as error:
        yield IngestProblem(str(path), str(error))


def from_html(path: Path, raw: str, notes: tuple[str, ...]) -> Source:
    page = extract_page(raw)
    if page is None or not page.text.strip():
        return IngestProblem(str(path), "no article text found in the HTML")
    fields = {"outlet": page.site_name, "published": page.published, "url": page.url,
              "language": page.language}
    return make_article(path_id(path), page.text, page.title, str(path), fields, notes)


def read_jsonl(path: Path, data: bytes) -> Iterator[Source]:
    raw, note = decode(data)
    notes = (note,) if note else ()
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield IngestProblem(where, f"malformed JSON ({error.msg} at column {error.colno})")
            continue
        yield from_record(record, where, notes)


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


def make_article(article_id: str, text: str, title: str, path: str | None,
                 fields: dict[str, Any], notes: tuple[str, ...]) -> Source:
    cleaned = normalise_text(text)
    if not cleaned:
        return IngestProblem(path or article_id, "no text left after cleaning")
    language = fields.get("language") or detect_language(cleaned)
    return Article(
        id=article_id,
        text=cleaned,
        title=" ".join(str(title).split()),
        path=path,
        outlet=fields.get("outlet") or None,
        published=iso_date(fields.get("published") or fields.get("date")),
        url=fields.get("url") or None,
        language=language,
        content_hash=content_hash(cleaned),
        notes=notes,
    )


def path_id(path: Path) -> str:
    """The file name without its extensions: ``a/b/000_x.html.gz`` -> ``000_x``."""
    name = path.name
    for suffix in sorted(KNOWN_SUFFIXES, key=len, reverse=True):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def hashed_id(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def iso_date(value: Any) -> str | None:
    """An ISO date from a date, a datetime or a string that starts with one; else None."""
    if value is None:
        return None
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return None
