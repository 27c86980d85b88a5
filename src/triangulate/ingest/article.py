"""An :class:`~triangulate.types.Article` from what a source gives; shared by every format."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from triangulate.ingest.clean import content_hash, detect_language, normalise_text
from triangulate.ingest.dates import date_from_text
from triangulate.ingest.html import extract_page
from triangulate.types import Article, IngestProblem

Source = Article | IngestProblem


def make_article(article_id: str, text: str, title: str, path: str | None,
                 fields: Mapping[str, Any], notes: tuple[str, ...]) -> Source:
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
        published=iso_date(fields.get("published") or fields.get("date"))
        or date_from_text(cleaned, str(title)),
        url=fields.get("url") or None,
        language=language,
        content_hash=content_hash(cleaned),
        notes=notes,
    )


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


def primary_language(tag: str | None) -> str | None:
    """``en-US``, ``en_gb`` and ``EN`` are all ``en``."""
    return tag.replace("_", "-").split("-")[0].strip().lower() or None if tag else None
