"""RSS and Atom feeds, from files or from http(s) URLs, parsed with feedparser.

Each entry is an article: its content (or, failing that, its summary) as text, its title,
link and date, and the feed's title as the outlet. A feed is one XML document that
feedparser reads whole, so feeds stay under the single-file size limit.
"""

from __future__ import annotations

import contextlib
import http.client
import io
import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from triangulate.ingest.article import Source, hashed_id, make_article
from triangulate.ingest.decode import InputError, limit_text
from triangulate.ingest.html import extract_page
from triangulate.lang import primary_language
from triangulate.settings import DEFAULTS
from triangulate.types import IngestProblem

if TYPE_CHECKING:  # feedparser and lxml are imported where a feed is read, not by every run
    from lxml.html import HtmlElement

FEED_SUFFIXES = (".rss", ".atom", ".xml")
_CHUNK = 65536
SHORT_ENTRY = 1000  # characters of text: shorter entries are taken as they stand
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
           "section", "article", "figcaption")
_BREAK = "\u2029"  # marks block ends; a newline in the markup is just a space
_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


@dataclass(frozen=True)
class FetchPolicy:
    """Where a fetch may go: http(s) only, and public addresses unless ``allow_private``;
    how long it may take: ``deadline`` seconds in all, ``timeout`` for any one step; how
    large the feed may be: ``max_bytes``."""

    allow_private: bool = False
    deadline: float = DEFAULTS.fetch_deadline
    timeout: float = DEFAULTS.fetch_timeout
    max_bytes: int = DEFAULTS.max_bytes

    def check_url(self, url: str) -> None:
        if not is_url(url):
            raise InputError(f"refused: only http and https URLs are fetched ({url[:80]})")

    def check_address(self, host: str, address: str) -> None:
        """Refuse private, loopback, link-local and other non-public addresses: a feed (or a
        redirect) must not turn the fetch toward the user's own network."""
        ip = _embedded(ipaddress.ip_address(address.split("%", 1)[0]))
        if not self.allow_private and not ip.is_global:
            raise InputError(f"refused: {host} is a private address ({ip}); "
                             "--allow-private-urls fetches it")


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def _embedded(ip: ipaddress.IPv4Address | ipaddress.IPv6Address
              ) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address inside an IPv4-mapped or NAT64 IPv6 address, which is where a
    connection to it goes; any other address as it is."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip in _NAT64:
            return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip


def read_feed_url(url: str, policy: FetchPolicy | None = None) -> Iterator[Source]:
    try:
        data, headers = fetch(url, policy or FetchPolicy())
    except InputError as error:
        yield IngestProblem(url, str(error))
        return
    yield from read_feed(data, url, headers)


def fetch(url: str, policy: FetchPolicy) -> tuple[bytes, dict[str, str]]:
    """The feed's bytes and response headers; our own fetch, for a size limit, checked
    addresses and redirects, and a deadline for the whole of it."""
    policy.check_url(url)
    watch = _Watch(policy)
    opener = urllib.request.build_opener(_CheckedHTTP(watch), _CheckedHTTPS(watch),
                                         _CheckedRedirects(policy))
    request = urllib.request.Request(url, headers={"Accept": _ACCEPT,
                                                   "User-Agent": "triangulate (feed reader)"})
    try:
        with watch, opener.open(request, timeout=policy.timeout) as response:
            data = _read_limited(response, watch)
            headers = {key.lower(): value for key, value in response.headers.items()}
    except InputError:
        raise
    except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as error:
        if watch.expired:
            raise InputError(f"cannot fetch (over the {policy.deadline:.0f} s limit)") from error
        reason = getattr(error, "reason", None) or error
        if isinstance(reason, InputError):
            raise reason from error
        raise InputError(f"cannot fetch ({reason})") from error
    return data, headers


def _read_limited(response: Any, watch: _Watch) -> bytes:
    """The body in chunks, so that the deadline and the size limit hold however it comes."""
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > watch.policy.max_bytes:
            raise InputError(f"feed over the {limit_text(watch.policy.max_bytes)}")
        chunks.append(chunk)
    if watch.expired:  # a socket shut at the deadline reads as the end of the body
        raise InputError(f"cannot fetch (over the {watch.policy.deadline:.0f} s limit)")
    return b"".join(chunks)


@dataclass
class _Watch:
    """The sockets of one fetch, shut when its deadline passes: a server that drips a byte
    at a time never lets a per-read timeout fire."""

    policy: FetchPolicy
    sockets: list[socket.socket] = field(default_factory=list)
    expired: bool = False
    _timer: threading.Timer | None = None
    _started: float = 0.0

    def __enter__(self) -> _Watch:
        self._started = time.monotonic()
        self._timer = threading.Timer(self.policy.deadline, self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._timer is not None:
            self._timer.cancel()

    def _expire(self) -> None:
        self.expired = True
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def connect(self, address: tuple[str, int], timeout: float | None = None,
                source_address: tuple[str, int] | None = None) -> socket.socket:
        """``socket.create_connection`` to the host's first address, all of which the policy
        must allow; the address checked is the one connected to (no second look-up)."""
        host, port = address
        resolved = [str(found[4][0]) for found in
                    socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)]
        for ip in resolved:
            self.policy.check_address(host, ip)
        sock = socket.create_connection((resolved[0], port), timeout, source_address)
        self.sockets.append(sock)
        if self.expired:
            self._expire()
        return sock


def _watched(kind: type[http.client.HTTPConnection], watch: _Watch, host: str,
             **options: Any) -> http.client.HTTPConnection:
    connection = kind(host, **options)
    connection._create_connection = watch.connect  # type: ignore[attr-defined]
    return connection


class _CheckedHTTP(urllib.request.HTTPHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self.factory: Callable[..., http.client.HTTPConnection] = partial(
            _watched, http.client.HTTPConnection, watch)

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.factory, req)


class _CheckedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watch: _Watch) -> None:
        super().__init__()
        self.factory: Callable[..., http.client.HTTPConnection] = partial(
            _watched, http.client.HTTPSConnection, watch)

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(self.factory, req,
                            context=self._context)  # type: ignore[attr-defined]


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects go where the first URL may go: http(s) only (the address is checked on
    connecting)."""

    def __init__(self, policy: FetchPolicy) -> None:
        super().__init__()
        self.policy = policy

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise InputError(f"refused: redirected to a URL that is not http(s) ({newurl[:80]})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def read_feed(data: bytes, where: str, headers: Mapping[str, str] | None = None
              ) -> Iterator[Source]:
    """Every entry of a feed; ``where`` (file or URL) names the feed in problems."""
    import feedparser

    # a stream, never bytes or a string: feedparser tries to open those as a file name first
    feed = feedparser.parse(io.BytesIO(data), response_headers=dict(headers or {}))
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
    from lxml.etree import ParserError
    from lxml.html import fragment_fromstring

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
