"""Ingest under hostile and faulty input: nothing outside the input is read, bombs stay small,
fetches end on time, and one bad file costs only itself. Every input is written here."""

from __future__ import annotations

import builtins
import gzip
import http.server
import io
import json
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from triangulate.ingest import IngestOptions, read_sources
from triangulate.ingest.feeds import FetchPolicy, read_feed_url
from triangulate.types import Article, IngestProblem

STORY = ("Engineers said the damaged bridge would take weeks to repair, and that supply "
         "convoys would use a longer road to the south until then.")
ATOM = ("<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'>"
        "<title>Ridge Weekly</title><id>urn:ridge</id><entry><title>Bridge</title>"
        f"<id>urn:bridge</id><link href='https://ridge.test/bridge'/><content>{STORY}"
        "</content></entry></feed>")

Handler = Callable[[http.server.BaseHTTPRequestHandler], None]


@pytest.fixture
def serve() -> Iterator[Callable[[dict[str, Handler]], str]]:
    """A loopback HTTP server answering each path with the handler given for it."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(routes: dict[str, Handler]) -> str:
        class Answer(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                routes.get(self.path, not_found)(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def not_found(handler: http.server.BaseHTTPRequestHandler) -> None:
    handler.send_error(404)


def body(data: bytes) -> Handler:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(data)))
        handler.end_headers()
        handler.wfile.write(data)
    return answer


def redirect(target: str) -> Handler:
    def answer(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", target)
        handler.end_headers()
    return answer


def problems(items: list[Article | IngestProblem]) -> list[str]:
    return [i.problem for i in items if isinstance(i, IngestProblem)]


def test_a_feed_body_that_names_a_file_is_not_opened(tmp_path: Path, serve: Callable[
        [dict[str, Handler]], str]) -> None:
    private = tmp_path / "private.rss"
    private.write_text(ATOM, encoding="utf-8")
    served = serve({"/feed": body(str(private).encode())})
    (fetched,) = read_feed_url(f"{served}/feed", FetchPolicy(allow_private=True))
    assert isinstance(fetched, IngestProblem) and "not an RSS or Atom feed" in fetched.problem
    named = tmp_path / "pointer.xml"
    named.write_text(str(private), encoding="utf-8")
    (read,) = read_sources([named])
    assert isinstance(read, IngestProblem)


def test_private_addresses_are_refused_unless_allowed(serve: Callable[
        [dict[str, Handler]], str]) -> None:
    served = serve({"/feed": body(ATOM.encode())})
    (refused,) = read_sources([f"{served}/feed"])
    assert isinstance(refused, IngestProblem) and "private address" in refused.problem
    (allowed,) = read_sources([f"{served}/feed"], IngestOptions(allow_private_urls=True))
    assert isinstance(allowed, Article) and allowed.outlet == "Ridge Weekly"


def test_redirects_are_checked_like_the_first_url(serve: Callable[
        [dict[str, Handler]], str]) -> None:
    served = serve({"/feed": body(ATOM.encode()), "/ftp": redirect("ftp://files.test/feed"),
                    "/file": redirect("file:///etc/passwd")})
    hop = serve({"/away": redirect(f"{served}/feed")})
    lenient = FetchPolicy(allow_private=True)
    (refused,) = read_feed_url(f"{served}/ftp", lenient)
    assert isinstance(refused, IngestProblem) and "not http(s)" in refused.problem
    (local_file,) = read_feed_url(f"{served}/file", lenient)
    assert isinstance(local_file, IngestProblem) and "passwd" in local_file.problem
    (followed,) = read_feed_url(f"{hop}/away", lenient)
    assert isinstance(followed, Article)


def test_a_redirect_to_loopback_is_refused() -> None:
    """The address is checked on connecting, so every hop of a redirect is checked too."""
    strict = FetchPolicy()
    with pytest.raises(Exception, match="private address"):
        strict.check_address("intranet.test", "10.0.0.7")
    for address in ("127.0.0.1", "169.254.169.254", "::1", "192.168.1.1", "fe80::1",
                    "::ffff:10.1.2.3", "64:ff9b::7f00:1", "0.0.0.0"):
        with pytest.raises(Exception, match="private address"):
            strict.check_address("h.test", address)
    strict.check_address("public.test", "93.184.216.34")
    strict.check_address("public.test", "64:ff9b::5db8:d822")


def test_a_dripping_server_is_cut_at_the_deadline(serve: Callable[
        [dict[str, Handler]], str]) -> None:
    stop = threading.Event()

    def drip(handler: http.server.BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", "100000")
        handler.end_headers()
        while not stop.is_set():
            try:
                handler.wfile.write(b" ")
                handler.wfile.flush()
            except OSError:
                return
            stop.wait(0.2)

    served = serve({"/slow": drip})
    started = time.monotonic()
    (cut,) = read_feed_url(f"{served}/slow", FetchPolicy(allow_private=True, deadline=1.5,
                                                          timeout=1.0))
    stop.set()
    assert time.monotonic() - started < 5
    assert isinstance(cut, IngestProblem) and "limit" in cut.problem


def read_with_peak(path: Path) -> tuple[Article | IngestProblem, int]:
    """The one item read from ``path``, and the peak of memory allocated while reading it."""
    tracemalloc.start()
    try:
        (item,) = read_sources([path])
        return item, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_gzip_bomb_is_refused_without_inflating_it(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=1) as out:
        for _ in range(120):
            out.write(b"\0" * 2**20)
    refused, peak = read_with_peak(bomb)
    assert isinstance(refused, IngestProblem) and "limit" in refused.problem
    assert peak < 60 * 2**20


def test_links_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text(f"Secret\n{STORY}", encoding="utf-8")
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "own.txt").write_text(f"Own\n{STORY}", encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "sub" / "again.txt").symlink_to(folder / "own.txt")
    items = list(read_sources([folder]))
    assert sorted(i.id for i in items if isinstance(i, Article)) == ["again", "own"]
    assert problems(items) == ["a link out of the folder (--follow-links reads it)"]
    followed = list(read_sources([folder], IngestOptions(follow_links=True)))
    assert sorted(i.id for i in followed if isinstance(i, Article)) == ["again", "leak", "own"]


def test_bad_json_lines_cost_only_their_line(tmp_path: Path) -> None:
    lines = [json.dumps({"id": "a", "text": f"First\n{STORY}"}),
             '{"id": "b", "title": "Lone \\ud800 half", "text": "Second\\n' + STORY + '"}',
             "[" * 100_000,
             json.dumps({"id": "c", "text": f"Third\n{STORY}"})]
    path = tmp_path / "wire.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = list(read_sources([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["a", "b", "c"]
    lone = next(i for i in items if isinstance(i, Article) and i.id == "b")
    lone.title.encode("utf-8")
    assert "\ufffd" in lone.title and any("surrogate" in n for n in lone.notes)
    assert problems(items) == ["JSON nested too deeply to read"]


@pytest.mark.parametrize("name", ["locked.txt", "locked.html.gz", "locked.jsonl", "locked.rss"])
def test_an_unreadable_file_is_named_and_the_rest_read(tmp_path: Path, name: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests run as root, whom no permission stops: opening the file fails as it does for
    a user without read permission."""
    (tmp_path / "good.txt").write_text(f"Good\n{STORY}", encoding="utf-8")
    (tmp_path / name).write_bytes(gzip.compress(STORY.encode()))
    opened = io.open

    def refuse(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str | Path) and Path(file).name == name:
            raise PermissionError(13, "Permission denied", str(file))
        return opened(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(io, "open", refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    items = list(read_sources([tmp_path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["good"]
    assert problems(items) == ["cannot read (Permission denied)"]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_is_decoded(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(f"Bridge — repairs\n{STORY}".encode(encoding))
    (article,) = read_sources([path])
    assert isinstance(article, Article) and article.title == "Bridge — repairs"
    assert article.text.endswith("until then.")


def test_binary_with_zero_bytes_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    (refused,) = read_sources([path])
    assert isinstance(refused, IngestProblem) and "binary" in refused.problem


def page_with(script_place: str, script: str) -> str:
    paragraphs = "".join(f"<p>{STORY} Convoy {n} left before dawn.</p>" for n in range(6))
    parts = {"head": "", "body": ""}
    parts[script_place] = script
    return (f"<html lang='en'><head><title>Bridge</title>{parts['head']}</head><body>"
            f"{parts['body']}<article><h1>Bridge</h1>{paragraphs}</article></body></html>")


@pytest.mark.parametrize("place", ["head", "body"])
def test_a_huge_script_leaves_the_article(tmp_path: Path, place: str) -> None:
    path = tmp_path / "heavy.html"
    path.write_text(page_with(place, "<script>var blob = '" + "x" * 11_000_000 + "';</script>"),
                    encoding="utf-8")
    (article,) = read_sources([path])
    assert isinstance(article, Article) and "Convoy 5 left" in article.text


def test_json_ld_stays_and_code_goes() -> None:
    from triangulate.ingest.html import without_code

    markup = ("<script type='application/ld+json'>{\"datePublished\": \"2025-03-01\"}</script>"
              "<SCRIPT src=a.js>alert(1)</SCRIPT ><style>p {}</style><p>kept</p><script>x")
    assert without_code(markup) == (
        "<script type='application/ld+json'>{\"datePublished\": \"2025-03-01\"}</script>"
        "<SCRIPT src=a.js></SCRIPT ><style></style><p>kept</p><script>x")


def write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        for uri, title in pages:
            http_headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                            protocol="HTTP/1.1")
            payload = io.BytesIO(page_with("head", "").replace("Bridge", title).encode())
            writer.write_record(writer.create_warc_record(uri, "response", payload=payload,
                                                          http_headers=http_headers))


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_a_warc_cut_inside_a_record_keeps_the_whole_ones(tmp_path: Path, suffix: str) -> None:
    """Cut at many places in the last record: its body, its HTTP headers, its WARC headers."""
    path = tmp_path / f"crawl{suffix}"
    write_warc(path, [("https://a.test/ferry", "Ferry"), ("https://a.test/dam", "Dam")])
    whole = path.read_bytes()
    last = 1 + max(whole.rfind(b"WARC/1"), whole.rfind(b"\x1f\x8b"))
    for cut in range(last + 10, len(whole) - 40, 37):
        path.write_bytes(whole[:cut])
        items = list(read_sources([path]))
        assert [i.title for i in items if isinstance(i, Article)] == ["Ferry"]
        assert len(problems(items)) == 1 and "cut short" in problems(items)[0]


def test_a_warc_bomb_of_one_endless_header_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.warc.gz"
    size = 100 * 2**20
    head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://b.test/\r\n"
            "Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {size}\r\n\r\nHTTP/1.1 200 OK\r\nX-Filler: ").encode()
    with gzip.open(path, "wb", compresslevel=1) as out:
        out.write(head)
        for _ in range(size // 2**20):
            out.write(b"a" * 2**20)
    refused, peak = read_with_peak(path)
    assert isinstance(refused, IngestProblem) and "line is over" in refused.problem
    assert peak < 80 * 2**20
