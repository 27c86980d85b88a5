"""Streaming ingest: WARC archives, RSS and Atom feeds (files and URLs), JSON Lines in gzip,
and the language filter. Every page, feed and article here is written for the tests."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from triangulate.analysis import articles_in
from triangulate.ingest import IngestOptions, LanguageFilter, hashed_id, read_sources
from triangulate.settings import Settings
from triangulate.types import Article, IngestProblem

PARAGRAPHS = [
    "Artillery crews along the northern river held their positions through a third night "
    "of shelling, the regional command said on Monday.",
    "At least 14 soldiers were wounded when a depot near the crossing was hit, according to "
    "a spokesman for the brigade, who asked that the unit not be named.",
    "Residents of the nearby villages were moved to shelters in the valley, and volunteers "
    "brought water and bread to the families who stayed behind.",
    "Engineers said the damaged bridge would take weeks to repair, and that supply convoys "
    "would use a longer road to the south until then.",
]


def page(title: str, extra_head: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html lang='en'><head><title>{title}</title>{extra_head}</head><body>"
            f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Contact us</footer></body></html>").encode()


def response(writer: WARCWriter, uri: str, status: str, content_type: str,
             body: bytes) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                       http_headers=http,
                                       warc_headers_dict={"WARC-Date": "2025-02-03T08:30:00Z"})
    writer.write_record(record)


@pytest.fixture(params=[".warc.gz", ".warc"])
def warc(tmp_path: Path, request: pytest.FixtureRequest) -> Path:
    path = tmp_path / f"crawl{request.param}"
    dated = ("<meta property='og:site_name' content='Valley Courier'>"
             "<meta property='article:published_time' content='2025-01-30'>")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.name.endswith(".gz"))
        response(writer, "https://www.courier.test/river", "200 OK",
                 "text/html; charset=utf-8", page("Shelling along the river"))
        response(writer, "https://courier.test/depot", "200 OK", "text/html",
                 page("Depot hit near the crossing", dated))
        response(writer, "https://courier.test/logo.png", "200 OK", "image/png",
                 b"\x89PNG\r\n\x1a\n" + bytes(200))
        response(writer, "https://courier.test/gone", "404 Not Found", "text/html",
                 page("Not found"))
    return path


def test_warc_html_responses_become_articles(warc: Path) -> None:
    items = list(read_sources([warc]))
    assert all(isinstance(i, Article) for i in items), items
    river, depot = items
    assert isinstance(river, Article) and isinstance(depot, Article)
    assert river.id == hashed_id("https://www.courier.test/river")
    assert river.url == "https://www.courier.test/river"
    assert river.published == "2025-02-03"  # the page gives no date: the WARC-Date
    assert river.outlet == "courier.test"  # nor a site name: the host
    assert "14 soldiers were wounded" in river.text and "Contact us" not in river.text
    assert depot.published == "2025-01-30" and depot.outlet == "Valley Courier"
    assert river.path == depot.path == str(warc)


def test_a_broken_warc_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "broken.warc"
    path.write_bytes(b"this is not a web archive\n" * 10)
    (problem,) = read_sources([path])
    assert isinstance(problem, IngestProblem) and "not a valid WARC" in problem.problem


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour Gazette</title><link>https://gazette.test/</link>
<language>en-gb</language>
<item><title>Ceasefire talks stall</title><link>https://gazette.test/talks</link>
<pubDate>Tue, 04 Feb 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Negotiators left the capital without an agreement, officials
said.&lt;/p&gt;&lt;p&gt;A second round is planned for March.&lt;/p&gt;</description></item>
<item><title>Depot hit near the crossing</title><link>https://gazette.test/depot</link>
<pubDate>Mon, 03 Feb 2025 18:00:00 GMT</pubDate>
<content:encoded><![CDATA[{long}]]></content:encoded></item>
</channel></rss>
"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Steppe Observer</title>
<id>urn:uuid:steppe</id><updated>2025-02-05T12:00:00Z</updated>
<entry><title>Convoy reaches the town</title><id>urn:uuid:convoy</id>
<link href="https://steppe.test/convoy"/><updated>2025-02-05T11:00:00Z</updated>
<content type="html">&lt;p&gt;A convoy of 30 trucks reached the town on Wednesday, the
governor said.&lt;/p&gt;</content></entry>
</feed>
"""


def rss() -> str:
    long_body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS * 2)
    return RSS.replace("{long}", f"<div>{long_body}</div>")


def test_rss_entries(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(rss(), encoding="utf-8")
    talks, depot = read_sources([path])
    assert isinstance(talks, Article) and isinstance(depot, Article)
    assert talks.title == "Ceasefire talks stall" and talks.outlet == "Harbour Gazette"
    assert talks.text == ("Negotiators left the capital without an agreement, officials said.\n"
                          "A second round is planned for March.")
    assert talks.published == "2025-02-04" and talks.url == "https://gazette.test/talks"
    assert talks.id == hashed_id("https://gazette.test/talks") and talks.language == "en"
    assert "14 soldiers were wounded" in depot.text and depot.published == "2025-02-03"


def test_atom_entry(tmp_path: Path) -> None:
    path = tmp_path / "steppe.atom"
    path.write_text(ATOM, encoding="utf-8")
    (convoy,) = read_sources([path])
    assert isinstance(convoy, Article)
    assert convoy.text.startswith("A convoy of 30 trucks reached the town")
    assert convoy.outlet == "Steppe Observer" and convoy.published == "2025-02-05"
    assert convoy.url == "https://steppe.test/convoy"


def test_xml_that_is_no_feed_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml"
    path.write_text("<html><body><p>Not a feed at all.</p></body></html>", encoding="utf-8")
    (problem,) = read_sources([path])
    assert isinstance(problem, IngestProblem) and "not an RSS or Atom feed" in problem.problem


@pytest.fixture
def feed_server() -> Iterator[str]:
    """A feed served on the loopback interface: a real fetch, no outside network."""
    body = ATOM.encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/feed.atom"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/atom+xml")
            self.end_headers()
            self.wfile.write(body if found else b"")

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_feed_from_a_url(feed_server: str) -> None:
    local = IngestOptions(allow_private_urls=True)
    (convoy,) = read_sources([f"{feed_server}/feed.atom"], local)
    assert isinstance(convoy, Article) and convoy.outlet == "Steppe Observer"
    (missing,) = read_sources([f"{feed_server}/nothing"], local)
    assert isinstance(missing, IngestProblem) and "cannot fetch" in missing.problem


def records(n: int) -> list[dict[str, str]]:
    return [{"id": f"wire-{i}", "outlet": "Wire", "text": f"Report {i}\n{PARAGRAPHS[i % 4]}"}
            for i in range(n)]


def jsonl(items: list[dict[str, str]]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in items).encode()


def test_archives_are_streamed_past_the_file_limit(tmp_path: Path, warc: Path) -> None:
    """The size limit is for files read whole; archives are read a line or record at a time."""
    archive = tmp_path / "wire.jsonl.gz"
    archive.write_bytes(gzip.compress(jsonl(records(60))))
    assert len(gzip.decompress(archive.read_bytes())) > 4096 * 2
    single = tmp_path / "long.txt"
    single.write_text("Headline\n" + " ".join(PARAGRAPHS) * 20, encoding="utf-8")
    items = list(read_sources([archive, warc, single],
                              IngestOptions(settings=Settings(max_bytes=4096))))
    assert sum(isinstance(i, Article) for i in items) == 62
    assert isinstance(items[-1], IngestProblem) and "limit" in items[-1].problem


def test_jsonl_gz_yields_lines_before_reading_the_rest(tmp_path: Path) -> None:
    """A gzip stream cut short still gives its first articles, then one problem."""
    data = gzip.compress(jsonl(records(400)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[: len(data) // 2])
    stream = read_sources([path])
    first = next(stream)
    assert isinstance(first, Article) and first.id == "wire-0"
    rest = list(stream)
    assert 100 < len(rest) < 399
    assert isinstance(rest[-1], IngestProblem) and "gzip" in rest[-1].problem
    assert all(isinstance(i, Article) for i in rest[:-1])


def test_language_filter_counts_what_it_drops(tmp_path: Path) -> None:
    (tmp_path / "en.txt").write_text("Bridge repairs\n" + " ".join(PARAGRAPHS), encoding="utf-8")
    (tmp_path / "de.txt").write_text(
        "Brücke beschädigt\nDie Pioniere sagten am Montag, die beschädigte Brücke werde "
        "wochenlang gesperrt bleiben, und die Versorgungskolonnen müssten bis dahin eine "
        "längere Straße im Süden nehmen.", encoding="utf-8")
    keep = LanguageFilter("EN-us")
    found = list(articles_in([tmp_path], lambda problem: None, keep))
    assert [a.id for a in found] == ["en"] and keep.skipped == 1


def piped(monkeypatch: pytest.MonkeyPatch, data: bytes) -> list[Article | IngestProblem]:
    """What ``read_sources(["-"])`` makes of ``data`` on standard input."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data)))
    return list(read_sources(["-"]))


def test_a_text_on_standard_input_is_one_article(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n\n".join(PARAGRAPHS[:2])
    found = piped(monkeypatch, f"---\noutlet: River Post\n---\nDepot hit\n{body}\n".encode())
    assert len(found) == 1 and isinstance(found[0], Article)
    assert (found[0].outlet, found[0].title, found[0].path) == ("River Post", "Depot hit",
                                                                 "<stdin>")
    again = piped(monkeypatch, f"---\noutlet: River Post\n---\nDepot hit\n{body}\n".encode())
    assert again[0].id == found[0].id  # the same text piped twice is the same article
    named = piped(monkeypatch, f"---\nid: depot-report\n---\n{body}\n".encode())
    assert named[0].id == "depot-report"


def test_json_lines_and_a_page_on_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": f"r{k}", "text": text}) for k, text in enumerate(PARAGRAPHS)]
    records = piped(monkeypatch, ("\n".join(lines) + "\n").encode())
    assert [a.id for a in records if isinstance(a, Article)] == [f"r{k}" for k in
                                                                 range(len(PARAGRAPHS))]
    assert records[1].path == "<stdin>:2"
    page = ("<html><head><title>Bridge repairs</title></head><body><article>"
            + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")
    [article] = piped(monkeypatch, page.encode())
    assert isinstance(article, Article) and article.title == "Bridge repairs"
    assert PARAGRAPHS[3] in article.text


def test_nothing_on_standard_input_is_one_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    assert piped(monkeypatch, b"  \n") == [IngestProblem("<stdin>", "empty")]
    [broken] = piped(monkeypatch, b'{"id": "x", "text": \n')
    assert isinstance(broken, IngestProblem) and broken.where == "<stdin>:1"
