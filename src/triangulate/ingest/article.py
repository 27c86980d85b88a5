"""An :class:`~triangulate.types.Article` from what a source gives; shared by every format."""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime
from fnmatch import fnmatch
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from triangulate.ingest.clean import content_hash, normalise_text
from triangulate.ingest.dates import date_from_text, date_from_url
from triangulate.ingest.html import extract_page
from triangulate.ingest.language import detect_language
from triangulate.lang import primary_language
from triangulate.types import Article, IngestProblem

Source = Article | IngestProblem
SOURCES_FILE = "sources.csv"
"""A folder's defaults: rows of ``file`` (a name or a glob), ``outlet``, ``published``, ``url``
for the files beside it. The first row whose ``file`` matches a file's name applies."""
DEFAULT_FIELDS = ("outlet", "published", "url")


@dataclass(frozen=True)
class RunDefaults:
    """What a run says of every article it reads (``--outlet``, ``--published``)."""

    outlet: str | None = None
    published: str | None = None

    def fields(self) -> dict[str, str]:
        return {key: value for key, value in (("outlet", self.outlet),
                                              ("published", self.published)) if value}


_RUN_DEFAULTS: ContextVar[RunDefaults | None] = ContextVar("run_defaults", default=None)


@contextmanager
def run_defaults(defaults: RunDefaults) -> Iterator[None]:
    """Articles made inside the ``with`` block take ``defaults`` where their source is
    silent."""
    token = _RUN_DEFAULTS.set(defaults)
    try:
        yield
    finally:
        _RUN_DEFAULTS.reset(token)
MAX_ID = 200  # characters; a longer id (a source's own) is replaced by a hash of it
# a surrogate code point standing alone: JSON's "\\ud800" escapes make them; no encoding can
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def make_article(article_id: str, text: str, title: str, path: str | None,
                 fields: Mapping[str, Any], notes: tuple[str, ...]) -> Source:
    text, title, fields, notes = encodable(text, title, fields, notes)
    article_id = encodable_text(article_id)
    if len(article_id) > MAX_ID:
        notes = (*notes, f"id over {MAX_ID} characters; replaced by a hash of it")
        article_id = hashed_id(article_id)
    cleaned = normalise_text(text)
    if not cleaned:
        return IngestProblem(path or article_id, "no text left after cleaning")
    merged = merged_fields(fields, folder_defaults(path))
    language = primary_language(merged.get("language")) or detect_language(cleaned)
    return Article(
        id=article_id,
        text=cleaned,
        title=" ".join(str(title).split()),
        path=path,
        outlet=merged.get("outlet") or url_outlet(merged.get("url")),
        published=iso_date(merged.get("published") or merged.get("date"))
        or date_from_url(merged.get("url")) or date_from_text(cleaned, str(title)),
        url=merged.get("url") or None,
        language=language,
        content_hash=content_hash(cleaned),
        notes=notes,
    )


def merged_fields(fields: Mapping[str, Any], folder: Mapping[str, str]) -> dict[str, Any]:
    """What the source says first, then its folder's ``sources.csv`` row, then the run's
    defaults; a field left empty counts as not said."""
    given = {key: value for key, value in fields.items() if value}
    run = _RUN_DEFAULTS.get() or RunDefaults()
    return {**run.fields(), **folder, **given}


def url_outlet(url: str | None) -> str | None:
    """The outlet a URL names by its host: ``https://www.reuters.com/x`` -> ``reuters.com``."""
    if not url:
        return None
    host = (urlsplit(url.strip()).hostname or "").removeprefix("www.")
    return host or None


def folder_defaults(path: str | None) -> dict[str, str]:
    """The fields of the first ``sources.csv`` row beside the file at ``path`` that names
    it."""
    if not path:
        return {}
    file = Path(path)
    rows, _ = sources_rows(str(file.parent))
    return next((values for pattern, values in rows if fnmatch(file.name, pattern)), {})


@lru_cache(maxsize=256)
def sources_rows(folder: str) -> tuple[tuple[tuple[str, dict[str, str]], ...], str | None]:
    """A folder's ``sources.csv`` as (glob, fields) rows, read once per folder per process,
    and a note naming the first problem: the whole file ignored where it cannot be read or
    has no ``file`` column, a date that is no date left out of its row."""
    path = Path(folder) / SOURCES_FILE
    if not path.is_file():
        return (), None
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            table = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        return (), f"{path}: ignored ({error})"
    if table and "file" not in table[0]:
        return (), f"{path}: ignored (no 'file' column)"
    rows, problems = [], []
    for line, row in enumerate(table, start=2):
        given = {key: (row.get(key) or "").strip() for key in DEFAULT_FIELDS}
        if given["published"] and iso_date(given["published"]) is None:
            problems.append(f"{path}:{line}: {given['published']!r} is not a date "
                            "(YYYY-MM-DD); left out")
            given["published"] = ""
        if (row.get("file") or "").strip():
            rows.append((row["file"].strip(), {k: v for k, v in given.items() if v}))
    return tuple(rows), problems[0] if problems else None


def encodable(text: str, title: str, fields: Mapping[str, Any], notes: tuple[str, ...]
              ) -> tuple[str, str, Mapping[str, Any], tuple[str, ...]]:
    """The values with lone surrogates replaced by U+FFFD, and a note where there were any."""
    values = [text, str(title), *(v for v in fields.values() if isinstance(v, str))]
    if not any(_LONE_SURROGATE.search(value) for value in values):
        return text, title, fields, notes
    clean_fields = {key: encodable_text(value) if isinstance(value, str) else value
                    for key, value in fields.items()}
    return (encodable_text(text), encodable_text(str(title)), clean_fields,
            (*notes, "lone surrogate code points replaced by U+FFFD"))


def encodable_text(value: str) -> str:
    return _LONE_SURROGATE.sub("\ufffd", value)


def from_page(article_id: str, html: str, path: str, where: str, notes: tuple[str, ...] = (),
              defaults: Mapping[str, str | None] | None = None) -> Source:
    """An article from one HTML page; ``defaults`` fill what the page itself does not say.

    ``path`` is recorded on the article, ``where`` names the page in a problem.
    """
    defaults = defaults or {}
    page = extract_page(html, defaults.get("url"))
    if page is None or not page.text.strip():
        return IngestProblem(where, "no article text found in the HTML")
    found = {"outlet": page.site_name, "published": page.published, "url": page.url,
             "language": page.language}
    fields = {key: value or defaults.get(key) for key, value in found.items()}
    return make_article(article_id, page.text, page.title, path, fields, notes)


def hashed_id(key: str) -> str:
    """A short stable id; ``surrogatepass`` since the key may come straight from a source."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


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
