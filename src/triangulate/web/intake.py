"""Articles sent to the web app, as JSON or as a file, made into articles by ingest itself.

An uploaded file is written to a temporary folder under a name made here (a hash of its
bytes and a suffix ingest knows); the client's file name never becomes a path.
"""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import HTTPException

from triangulate.ingest import KNOWN_SUFFIXES, IngestOptions, from_record, read_sources
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, IngestProblem

Intake = tuple[list[Article], list[IngestProblem]]
TEXT_FIELDS = ("title", "outlet", "published", "url", "language")


def split(found: list[Article | IngestProblem]) -> Intake:
    return ([a for a in found if isinstance(a, Article)],
            [p for p in found if isinstance(p, IngestProblem)])


def from_json(body: Any, settings: Settings = DEFAULTS) -> Intake:
    """One article from ``{"text": ..., "title": ..., ...}``; 422 for anything else."""
    if not isinstance(body, dict) or not isinstance(body.get("text"), str):
        raise HTTPException(422, "send a JSON object with a 'text' string (and optionally "
                                 + ", ".join(TEXT_FIELDS) + ")")
    if len(body["text"].encode("utf-8")) > settings.max_bytes:
        raise HTTPException(413, "the article's text is over the ingest size limit")
    record = {"text": body["text"], **{k: str(body[k]) for k in TEXT_FIELDS
                                        if isinstance(body.get(k), str | int | float)}}
    return split([from_record(record, "posted article", ())])


def suffix_of(name: str) -> str:
    """The longest suffix ingest reads that ends the name (".txt" where none does)."""
    lowered = name.lower()
    return next((s for s in sorted(KNOWN_SUFFIXES, key=len, reverse=True)
                 if lowered.endswith(s)), ".txt")


def from_file(name: str, data: bytes, fields: dict[str, str], settings: Settings = DEFAULTS
              ) -> Intake:
    """Every article in an uploaded file of any format ingest reads; ``fields`` (title,
    outlet, ...) fill what the file does not say."""
    if len(data) > settings.max_bytes:
        raise HTTPException(413, "the file is over the ingest size limit")
    stem = hashlib.sha256(data).hexdigest()[:16]
    label = "upload:" + "".join(c for c in Path(name).name if c.isprintable())[:120]
    with tempfile.TemporaryDirectory(prefix="triangulate-upload-") as folder:
        path = Path(folder) / f"{stem}{suffix_of(name)}"
        path.write_bytes(data)
        articles, problems = split(list(read_sources([path], IngestOptions(settings=settings))))
    return [filled(replace(a, path=label), fields) for a in articles], \
        [IngestProblem(label, p.problem) for p in problems]


def filled(article: Article, fields: dict[str, str]) -> Article:
    """The article with the form's title, outlet and URL where the file gave none."""
    return replace(article, title=article.title or fields.get("title", ""),
                   outlet=article.outlet or fields.get("outlet") or None,
                   url=article.url or fields.get("url") or None)
