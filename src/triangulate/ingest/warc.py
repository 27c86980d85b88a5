"""WARC archives (plain or gzipped), streamed one record at a time with warcio.

Only HTTP responses with status 200 and an HTML content type are articles; everything else
in a crawl (requests, metadata, images, redirects, 404s) is passed over without a word. The
article id is a hash of the target URI, so the same page crawled twice is one article.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from io import BufferedIOBase
from pathlib import Path
from typing import Any, BinaryIO

from triangulate.ingest.article import Source, from_page, hashed_id, url_outlet
from triangulate.ingest.decode import InputError, decode, limit_text
from triangulate.settings import DEFAULTS
from triangulate.types import IngestProblem

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = ("text/html", "application/xhtml+xml")
WARC_MAGIC = b"WARC/"
GZIP_MAGIC = b"\x1f\x8b"


def read_warc(path: Path, max_bytes: int = DEFAULTS.max_bytes) -> Iterator[Source]:
    """Every HTML page in the archive; warcio decompresses gzipped records itself.

    warcio ends quietly where an archive is cut short (or fails inside itself): a cut page is
    refused where it is read, and a cut anywhere else (another kind of record, a gzip member,
    a record's headers) is named once at the end.
    """
    from warcio.archiveiterator import ArchiveIterator  # where an archive is read, not at start
    from warcio.exceptions import ArchiveLoadFailed

    compressed = check_start(path)
    last: Any = None
    named_cut = False
    with path.open("rb") as stream, _LineBounded(
            gzip.open(path, "rb") if compressed else path.open("rb"), max_bytes) as bounded:
        records = ArchiveIterator(bounded)
        try:
            for last in records:
                if is_html_page(last):
                    page = from_response(last, path, max_bytes)
                    named_cut = isinstance(page, IngestProblem) and is_cut(last)
                    yield page
        except ArchiveLoadFailed as error:
            raise InputError(f"not a valid WARC file ({error})") from error
        except (AttributeError, ValueError, EOFError) as error:
            raise InputError(f"the archive is cut short or damaged ({error})") from error
        rest = not gzip_complete(path) if compressed else has_rest(stream, records.offset)
    cut = rest or (last is not None and is_cut(last))
    if cut and not named_cut:
        yield IngestProblem(str(path), "the archive ends inside a record (cut short)")


class _LineBounded:
    """The archive's bytes, decompressed here (so that warcio sees a plain WARC), with no
    line longer than the size limit: warcio gathers a header line whole, and a gzip bomb of
    one endless header line would otherwise fill the memory."""

    def __init__(self, stream: BufferedIOBase, max_bytes: int = DEFAULTS.max_bytes) -> None:
        self.stream = stream
        self.max_bytes = max_bytes
        self.since_newline = 0

    def read(self, size: int = -1) -> bytes:
        """A gzip stream cut short reads as ending where it was cut (the cut is named at the
        end), so that the whole records before the cut are still read."""
        try:  # read1: one read underneath, so nothing read before a cut is lost with it
            data = self.stream.read1(size)
        except EOFError:
            data = b""
        except (gzip.BadGzipFile, zlib.error) as error:
            raise InputError(f"not a valid gzip file ({error})") from error
        newline = data.rfind(b"\n")
        self.since_newline = len(data) - newline - 1 if newline >= 0 \
            else self.since_newline + len(data)
        if self.since_newline > self.max_bytes:
            raise InputError(f"a line is over the {limit_text(self.max_bytes)}")
        return data

    def tell(self) -> int:
        return self.stream.tell()

    def close(self) -> None:
        self.stream.close()

    def __enter__(self) -> _LineBounded:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def has_rest(stream: BinaryIO, offset: int) -> bool:
    """Whether anything but blank lines follows the last record warcio read."""
    stream.seek(offset)
    return bool(stream.read(4096).strip())


def gzip_complete(path: Path) -> bool:
    """Whether every gzip member of the file ends as it should (read through, in chunks)."""
    try:
        with gzip.open(path, "rb") as stream:
            while stream.read(2**20):
                pass
    except (OSError, EOFError, zlib.error):
        return False
    return True


def check_start(path: Path) -> bool:
    """Refuse a file that does not open with a WARC record: warcio would read most any bytes
    as old-style ARC records, with a warning on stderr for each. True where it is gzipped."""
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
    return compressed


def is_html_page(record: Any) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    content_type, _charset = media_type(record.http_headers.get_header("Content-Type"))
    return bool(record.http_headers.get_statuscode() == "200" and content_type in HTML_TYPES)


def from_response(record: Any, path: Path, max_bytes: int = DEFAULTS.max_bytes) -> Source:
    uri = str(record.rec_headers.get_header("WARC-Target-URI") or "")
    where = f"{path} [{uri}]"
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return IngestProblem(where, f"page over the {limit_text(max_bytes)}")
    if is_cut(record):
        return IngestProblem(where, "record cut short (the archive ends inside it); not stored")
    _type, charset = media_type(record.http_headers.get_header("Content-Type"))
    try:
        html, note = decode(body, charset)
    except InputError as error:
        return IngestProblem(where, str(error))
    defaults = {"url": uri or None, "published": record.rec_headers.get_header("WARC-Date"),
                "outlet": url_outlet(uri)}
    return from_page(hashed_id(uri), html, str(path), where, (note,) if note else (), defaults)


def is_cut(record: Any) -> bool:
    """True where the archive ended before the record's declared length: warcio hands over
    what there is without a word, and a partial page would pass for a whole one."""
    if record.rec_type is None:  # headers cut short: warcio gives what it found
        return True
    remaining = getattr(record.raw_stream, "limit", 0)
    return isinstance(remaining, int) and remaining > 0


def media_type(header: str | None) -> tuple[str, str | None]:
    """(``text/html``, ``utf-8``) from ``text/html; charset="UTF-8"``."""
    kind, *params = (header or "").split(";")
    charset = next((value.strip().strip("\"'") for name, _, value
                    in (p.partition("=") for p in params)
                    if name.strip().lower() == "charset"), None)
    return kind.strip().lower(), charset or None
