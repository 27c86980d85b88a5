"""An :class:`~triangulate.types.Article` from what a source gives; shared by every format."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from triangulate.ingest.clean import content_hash, detect_language, normalise_text
from triangulate.ingest.html import extract_page
from triangulate.types import Article, IngestProblem

Source = Article | IngestProblem
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


def primary_language(tag: str | None) -> str | None:
    """``en-US``, ``en_gb`` and ``EN`` are all ``en``."""
    return tag.replace("_", "-").split("-")[0].strip().lower() or None if tag else None
