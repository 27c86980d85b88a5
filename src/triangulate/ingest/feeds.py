"""RSS and Atom feeds, from files or from http(s) URLs, parsed with feedparser.

Each entry is an article: its content (or, failing that, its summary) as text, its title,
link and date, and the feed's title as the outlet. A feed is one XML document that
feedparser reads whole, so feeds stay under the single-file size limit.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import feedparser
from lxml.etree import ParserError
from lxml.html import HtmlElement, fragment_fromstring

from triangulate.ingest.article import Source, hashed_id, make_article, primary_language
from triangulate.ingest.decode import LIMIT, MAX_BYTES, InputError
from triangulate.ingest.html import extract_page
from triangulate.types import IngestProblem

FEED_SUFFIXES = (".rss", ".atom", ".xml")
FETCH_TIMEOUT = 30.0  # seconds
SHORT_ENTRY = 1000  # characters of text: shorter entries are taken as they stand
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "section", "article", "figcaption")
_BREAK = "\u2029"  # marks block ends; a newline in the markup is just a space
_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def read_feed_url(url: str) -> Iterator[Source]:
    try:
        data, headers = fetch(url)
    except InputError as error:
        yield IngestProblem(url, str(error))
        return
    yield from read_feed(data, url, headers)


def fetch(url: str) -> tuple[bytes, dict[str, str]]:
    """The feed's bytes and response headers; our own fetch, for a timeout and a size limit."""
    request = urllib.request.Request(url, headers={"Accept": _ACCEPT,
                                                   "User-Agent": "triangulate (feed reader)"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT) as response:
            data: bytes = response.read(MAX_BYTES + 1)
            headers = {key.lower(): value for key, value in response.headers.items()}
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", None) or error
        raise InputError(f"cannot fetch ({reason})") from error
    if len(data) > MAX_BYTES:
        raise InputError(f"feed over the {LIMIT}")
    return data, headers


def read_feed(data: bytes, where: str, headers: Mapping[str, str] | None = None
              ) -> Iterator[Source]:
    """Every entry of a feed; ``where`` (file or URL) names the feed in problems."""
    feed = feedparser.parse(data, response_headers=dict(headers or {}))
    if not feed.get("version"):
        yield IngestProblem(where, "not an RSS or Atom feed")
        return
    if not feed.entries:
        yield IngestProblem(where, "the feed has no entries")
        return
    about = {"outlet": feed.feed.get("title"),
             "language": primary_language(feed.feed.get("language"))}
    for number, entry in enumerate(feed.entries, start=1):
        yield from_entry(entry, f"{where} entry {number}", about)


def from_entry(entry: Any, where: str, about: Mapping[str, str | None]) -> Source:
    link = entry.get("link") or None
    text = entry_text(entry_html(entry), link)
    if not text:
        return IngestProblem(where, "the entry has no text")
    fields = {**about, "url": link, "published": entry_date(entry)}
    article_id = hashed_id(link or entry.get("id") or text)
    return make_article(article_id, text, entry.get("title", ""), where, fields, ())


def entry_html(entry: Any) -> str:
    """The fullest HTML the entry carries: its longest content, else its summary."""
    contents = [str(item.get("value") or "") for item in entry.get("content") or []]
    return max(contents, key=len, default="") or str(entry.get("summary") or "")


def entry_text(html: str, link: str | None) -> str:
    """Text of an entry's HTML. Main-text extraction is made for whole pages and drops
    short fragments, so it is used only on long entries, where site furniture may creep in."""
    plain = html_to_text(html)
    if len(plain) < SHORT_ENTRY:
        return plain
    page = extract_page(html, link)
    return page.text if page is not None and page.text.strip() else plain


def entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return date(*parsed[:3]).isoformat() if parsed else None


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: one line per block, white space folded."""
    if not html.strip():
        return ""
    try:
        root: HtmlElement = fragment_fromstring(html, create_parent="div")
    except (ParserError, ValueError):
        return ""
    for element in list(root.iter("script", "style")):
        element.drop_tree()
    for element in root.iter(*_BLOCKS):
        element.text = _BREAK + (element.text or "")
        element.tail = _BREAK + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().split(_BREAK))
    return "\n".join(line for line in lines if line)
