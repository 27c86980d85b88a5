"""WARC archives (plain or gzipped), streamed one record at a time with warcio.

Only HTTP responses with status 200 and an HTML content type are articles; everything else
in a crawl (requests, metadata, images, redirects, 404s) is passed over without a word. The
article id is a hash of the target URI, so the same page crawled twice is one article.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from triangulate.ingest.article import Source, from_page, hashed_id
from triangulate.ingest.decode import LIMIT, MAX_BYTES, InputError, decode
from triangulate.types import IngestProblem

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"


def read_warc(path: Path) -> Iterator[Source]:
    """Every HTML page in the archive; warcio decompresses gzipped records itself."""
    check_start(path)
    with path.open("rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                if is_html_page(record):
                    yield from_response(record, path)
        except ArchiveLoadFailed as error:
            raise InputError(f"not a valid WARC file ({error})") from error


def check_start(path: Path) -> None:
    """Refuse a file that does not open with a WARC record: warcio would read most any bytes
    as old-style ARC records, with a warning on stderr for each."""
    try:
        with path.open("rb") as raw:
            compressed = raw.read(2) == GZIP_MAGIC
        with gzip.open(path, "rb") if compressed else path.open("rb") as stream:
            start = stream.read(len(WARC_MAGIC))
    except OSError as error:
        raise InputError(f"cannot read ({error.strerror or error})") from error
    if not start:
        raise InputError("empty file")
    if start != WARC_MAGIC:
        raise InputError("not a valid WARC file (no WARC record at the start)")


def is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type, _charset = media_type(record.http_headers.get_header("Content-Type"))
    return bool(record.http_headers.get_statuscode() == "200" and content_type in HTML_TYPES)


def from_response(record: Any, path: Path) -> Source:
    uri = str(record.rec_headers.get_header("WARC-Target-URI") or "")
    where = f"{path} [{uri}]"
    body = record.content_stream().read(MAX_BYTES + 1)
    if len(body) > MAX_BYTES:
        return IngestProblem(where, f"page over the {LIMIT}")
    _type, charset = media_type(record.http_headers.get_header("Content-Type"))
    try:
        html, note = decode(body, charset)
    except InputError as error:
        return IngestProblem(where, str(error))
    defaults = {"url": uri or None, "published": record.rec_headers.get_header("WARC-Date"),
                "outlet": host(uri)}
    return from_page(hashed_id(uri), html, str(path), where, (note,) if note else (), defaults)


def media_type(header: str | None) -> tuple[str, str | None]:
    """(``text/html``, ``utf-8``) from ``text/html; charset="UTF-8"``."""
    kind, *params = (header or "").split(";")
    charset = next((value.strip().strip("\"'") for name, _, value
                    in (p.partition("=") for p in params)
                    if name.strip().lower() == "charset"), None)
    return kind.strip().lower(), charset or None


def host(uri: str) -> str | None:
    """The site a page came from, where the page does not name itself: ``www.`` dropped."""
    name = urlsplit(uri).hostname or ""
    return name.removeprefix("www.") or None
