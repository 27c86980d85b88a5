"""Main-text and metadata extraction from one HTML page, built on trafilatura.

Method (measured with ``bench/html_extraction.py``):

1. trafilatura in precision mode, comments excluded. Comment threads and "read more"
   teasers are the main source of noise on news pages; precision mode removes most of them.
2. If precision mode keeps only a stub (under ``_STUB_CHARS``) of a page where balanced mode
   finds at least ``_FALLBACK_GAIN`` times more text, precision mode has most likely dropped
   the article itself (e.g. a reprint notice won over the body), so the balanced result is used.
3. Some CMSs cut the article body into several sibling containers with the same class, with
   ads or widgets in between; trafilatura then keeps only the first part. When the last
   extracted paragraph sits in such a container, the later ones (inside the same
   ``<article>``, if any) are merged into it and the page is extracted again. The result is
   kept only if it is at least ``_SPLIT_GAIN`` times longer, as a small gain is more likely
   a caption or a teaser than the rest of the article.
4. When no article is found, trafilatura's own fallbacks may return the navigation bar. Text
   whose words occur on the page mostly inside links (less than ``_MIN_OWN_WORDS`` of them
   elsewhere) is therefore rejected; on the benchmark's articles this share is above 0.75.

The input is already decoded text: byte decoding belongs to the fetcher.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from copy import deepcopy
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # lxml and trafilatura are imported where a page is read, not by every run
    from lxml.html import HtmlElement
    from trafilatura.settings import Document

logger = logging.getLogger(__name__)

_OPTIONS: dict[str, Any] = {"include_comments": False, "with_metadata": True}
_STUB_CHARS = 500
_FALLBACK_GAIN = 2.0
_SPLIT_GAIN = 1.5
_ANCHOR_CHARS = 40
_ANCHOR_TAGS = ("p", "li", "blockquote")
_MIN_OWN_WORDS = 0.5
_NOT_OWN_TEXT = ("a", "script", "style", "noscript", "template")
_JSON_LD = "application/ld+json"
_WORD_RE = re.compile(r"\w+")
_LANG_RE = re.compile(r"[a-zA-Z]{2,3}(?=$|[-_])")
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# script and style elements: their code is never article text, and libxml2 stops parsing at a
# text node over 10 MB, which loses the article after a huge script
_CODE_OPEN = re.compile(r"<(script|style)\b([^<>]{0,2000})>", re.IGNORECASE)
_CODE_CLOSE = {"script": re.compile(r"</script\s*>", re.IGNORECASE),
               "style": re.compile(r"</style\s*>", re.IGNORECASE)}
_MAX_JSON_LD = 2**20  # characters of JSON-LD kept; metadata is far shorter


@dataclass(frozen=True)
class Page:
    """What ingest keeps from one HTML page."""

    text: str  # main article text, paragraphs separated by "\n"
    title: str
    published: str | None  # ISO YYYY-MM-DD
    site_name: str | None
    url: str | None
    language: str | None  # lower-case primary language subtag, e.g. "en"


def extract_page(html: str, url: str | None = None) -> Page | None:
    """Extract the main text and metadata of a page; None when no main text is found.

    Never raises: malformed markup, parser errors and extractor bugs all give None.
    """
    try:
        return _extract_page(html, url)
    except Exception:
        logger.warning("HTML extraction failed for %s", url or "<no url>", exc_info=True)
        return None


def _extract_page(html: str, url: str | None) -> Page | None:
    from trafilatura.utils import load_html

    tree = load_html(without_code(html))
    if tree is None:
        return None
    doc, precise = _main_document(tree, url)
    if doc is None or not _text(doc) or _is_link_text(tree, _text(doc)):
        return None
    return Page(
        text=_complete_split_body(tree, url, _text(doc), precise),
        title=_clean(doc.title) or "",
        published=doc.date,
        site_name=_clean(doc.sitename),
        url=url or doc.url,
        language=_language(tree),
    )


def without_code(html: str) -> str:
    """The markup with the contents of its scripts and styles left out, in one pass; JSON-LD
    is kept (it carries the page's metadata, at times its body) unless it is huge."""
    parts: list[str] = []
    pos = 0
    while opening := _CODE_OPEN.search(html, pos):
        closing = _CODE_CLOSE[opening.group(1).lower()].search(html, opening.end())
        if closing is None:
            break
        content = html[opening.end():closing.start()]
        keep = _JSON_LD in opening.group(2).lower() and len(content) <= _MAX_JSON_LD
        parts.append(html[pos:opening.end()])
        if keep:
            parts.append(content)
        pos = closing.start()
    parts.append(html[pos:])
    return "".join(parts)


def _main_document(tree: HtmlElement, url: str | None) -> tuple[Document | None, bool]:
    """Extract in precision mode, falling back to balanced mode on a stub; tell which mode won."""
    precise = _extract(tree, url, precise=True)
    if len(_text(precise)) >= _STUB_CHARS:
        return precise, True
    balanced = _extract(tree, url, precise=False)
    if len(_text(balanced)) >= _FALLBACK_GAIN * len(_text(precise)):
        return balanced, False
    return precise, True


def _extract(tree: HtmlElement, url: str | None, precise: bool) -> Document | None:
    """Run trafilatura on a parsed page (it works on a copy, ``tree`` is left untouched)."""
    from trafilatura import bare_extraction
    from trafilatura.settings import Document

    doc = bare_extraction(tree, url=url, favor_precision=precise, **_OPTIONS)
    return doc if isinstance(doc, Document) else None


def _text(doc: Document | None) -> str:
    return (doc.text or "").strip() if doc is not None else ""


def _clean(value: str | None) -> str | None:
    """Collapse whitespace; None for a missing or blank value."""
    cleaned = " ".join(value.split()) if value else ""
    return cleaned or None


def _is_link_text(tree: HtmlElement, text: str) -> bool:
    """Whether most words of ``text`` occur on the page only as link (or script) text.

    JSON-LD is kept as page text: trafilatura may rightly take the body from its articleBody.
    """
    page = deepcopy(tree)
    for element in list(page.iter(*_NOT_OWN_TEXT)):
        if element.get("type") != _JSON_LD:
            element.drop_tree()
    own = _words(page.text_content())
    words = _words(text)
    return sum((words & own).values()) < _MIN_OWN_WORDS * words.total()


def _words(text: str) -> Counter[str]:
    return Counter(_WORD_RE.findall(text.lower()))


def _complete_split_body(tree: HtmlElement, url: str | None, text: str, precise: bool) -> str:
    """Return ``text``, or a longer text if the body was split over several containers.

    Mutates ``tree``: call it last.
    """
    if not _merge_split_body(tree, text):
        return text
    merged = _text(_extract(tree, url, precise))
    return merged if len(merged) >= _SPLIT_GAIN * len(text) else text


def _merge_split_body(tree: HtmlElement, text: str) -> bool:
    """Move the continuation containers of the body into its first part, in place.

    Returns whether anything was moved.
    """
    anchor = _find_anchor(tree, text)
    if anchor is None:
        return False
    container = next((a for a in anchor.iterancestors() if a.get("class")), None)
    if container is None:
        return False
    parts = _continuations(tree, container)
    for part in parts:
        container.extend(list(part))
    return bool(parts)


def _find_anchor(tree: HtmlElement, text: str) -> HtmlElement | None:
    """Find the element holding the last substantial paragraph of the extracted text."""
    lines = [line for line in text.split("\n") if len(line) >= _ANCHOR_CHARS]
    if not lines:
        return None
    key = " ".join(lines[-1].split())[:_ANCHOR_CHARS]
    for element in tree.iter(*_ANCHOR_TAGS):
        if key in " ".join(element.text_content().split()):
            return element
    return None


def _continuations(tree: HtmlElement, container: HtmlElement) -> list[HtmlElement]:
    """Later elements with exactly the same class, not nested with it, in the same article."""
    from lxml.html import HtmlElement

    same_class = tree.xpath("//*[@class=$cls]", cls=container.get("class"))
    if not isinstance(same_class, list):
        return []
    nested = {container, *container.iterancestors(), *container.iterdescendants()}
    article = _enclosing_article(container)
    later = same_class[same_class.index(container) + 1 :]
    return [
        e
        for e in later
        if isinstance(e, HtmlElement) and e not in nested and _enclosing_article(e) is article
    ]


def _enclosing_article(element: HtmlElement) -> HtmlElement | None:
    """Nearest <article> ancestor: pages that preload the next story wrap each in its own."""
    return next(element.iterancestors("article"), None)


def _language(tree: HtmlElement) -> str | None:
    """Primary language subtag declared by the page: <html lang>, then meta tags."""
    declared = [meta.get("content") for meta in tree.iter("meta") if _declares_language(meta)]
    for value in [tree.get("lang"), tree.get(_XML_LANG), *declared]:
        match = _LANG_RE.match(value.strip()) if value else None
        if match:
            return match.group(0).lower()
    return None


def _declares_language(meta: HtmlElement) -> bool:
    http_equiv = (meta.get("http-equiv") or "").lower()
    return http_equiv == "content-language" or meta.get("property") == "og:locale"
