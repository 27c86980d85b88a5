"""A corpus of hostile and faulty inputs, generated at test time (nothing binary is committed).

``generate(folder)`` writes good files that must be analysed (some of them odd: UTF-16, a
huge script, a text over spaCy's limit, a lone surrogate, a 1 MB outlet, a long run of quote
marks) beside bad ones that must each be named once and skipped (a gzip bomb, a feed whose
body names a file, a link out of the folder, deep JSON nesting, a cut WARC record, binary and
empty files, broken gzip, a WARC of one endless line), and says which is which.
"""

from __future__ import annotations

import gzip
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from triangulate.ingest import hashed_id

PARAGRAPHS = [
    "Artillery crews along the northern river held their positions through a third night "
    "of shelling, the regional command said on Monday.",
    "At least 14 soldiers were wounded when a depot near the crossing was hit, according to "
    "a spokesman for the brigade.",
    '"We moved the families out before dawn," said Marta Kovalenko, the mayor of Dolyna.',
    "Engineers said the damaged bridge would take weeks to repair, and that supply convoys "
    "would use a longer road to the south until then.",
]
SPACY_LIMIT = 1_000_000  # characters: spaCy's default max_length


@dataclass
class Expected:
    """What a run over the corpus must give: articles by id, and the bad inputs by the name
    that must appear (once) in its problem line."""

    good: set[str] = field(default_factory=set)
    bad: set[str] = field(default_factory=set)


def story(title: str, extra: str = "") -> str:
    return f"{title}\n\n" + "\n\n".join(PARAGRAPHS) + (f"\n\n{extra}" if extra else "")


def page(title: str, head: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (f"<html lang='en'><head><title>{title}</title>{head}</head><body>"
            f"<article><h1>{title}</h1>{body}</article></body></html>")


def generate(folder: Path) -> Expected:
    """Write the corpus into ``folder`` (which must exist) and say what to expect of it."""
    expected = Expected()
    for writer in (_plain, _encodings, _html, _archives, _feeds, _links, _broken):
        writer(folder, expected)
    return expected


def _plain(folder: Path, expected: Expected) -> None:
    (folder / "plain.txt").write_text(story("River crossing"), encoding="utf-8")
    marks = "“ '" * 10_000  # 30 KB of quote marks that never pair
    (folder / "marks.txt").write_text(story("Marks", marks), encoding="utf-8")
    filler = " ".join(["reconnaissancepatrolsupplyconvoys"] * (SPACY_LIMIT // 34))  # few tokens
    long_text = story("Long dispatch", "\n\n".join([filler, *PARAGRAPHS]))
    assert len(long_text) > SPACY_LIMIT
    (folder / "long.txt").write_text(long_text, encoding="utf-8")
    expected.good |= {"plain", "marks", "long"}


def _encodings(folder: Path, expected: Expected) -> None:
    (folder / "wide.txt").write_bytes(story("Wide bridge").encode("utf-16"))
    (folder / "wide-le.txt").write_bytes(story("Narrow bridge").encode("utf-16-le"))
    lines = [json.dumps({"id": "wire-ok", "text": story("Wire")}),
             '{"id": "wire-lone", "title": "Half \\ud800", "text": '
             + json.dumps(story("Lone")) + "}",
             json.dumps({"id": "wire-outlet", "outlet": "Outlet " * 150_000,
                         "text": story("Big outlet")}),
             "[" * 100_000,
             '{"id": "wire-broken", "text": ']
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected.good |= {"wide", "wide-le", "wire-ok", "wire-lone", "wire-outlet"}
    expected.bad |= {"wire.jsonl:4", "wire.jsonl:5"}


def _html(folder: Path, expected: Expected) -> None:
    script = "<script>var blob = '" + "x" * 11_000_000 + "';</script>"
    (folder / "heavy.html").write_text(page("Heavy page", script), encoding="utf-8")
    (folder / "packed.html.gz").write_bytes(gzip.compress(page("Packed page").encode()))
    with gzip.open(folder / "bomb.html.gz", "wb", compresslevel=1) as bomb:
        for _ in range(64):  # 64 MiB of zeros in about 64 KB
            bomb.write(b"\0" * 2**20)
    expected.good |= {"heavy", "packed"}
    expected.bad |= {"bomb.html.gz"}


def _archives(folder: Path, expected: Expected) -> None:
    path = folder / "crawl.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for uri, title in (("https://a.test/ferry", "Ferry"), ("https://a.test/dam", "Dam")):
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", http_headers=headers,
                                               payload=io.BytesIO(page(title).encode()))
            writer.write_record(record)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) - 120])  # cut inside the second record
    size = 64 * 2**20  # one header line of 64 MiB, in about 64 KB
    with gzip.open(folder / "bomb.warc.gz", "wb", compresslevel=1) as bomb:
        bomb.write(("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http; "
                    f"msgtype=response\r\nContent-Length: {size}\r\n\r\nHTTP/1.1 200 OK\r\n"
                    "X-Filler: ").encode())
        for _ in range(size // 2**20):
            bomb.write(b"a" * 2**20)
    expected.good |= {hashed_id("https://a.test/ferry")}
    expected.bad |= {"crawl.warc.gz", "bomb.warc.gz"}


def _feeds(folder: Path, expected: Expected) -> None:
    secret = folder.parent / "secret.rss"
    secret.write_text("<rss version='2.0'><channel><title>Secret</title><item><title>Leak"
                      "</title><description>Private words.</description></item></channel>"
                      "</rss>", encoding="utf-8")
    (folder / "pointer.xml").write_text(str(secret), encoding="utf-8")
    expected.bad |= {"pointer.xml"}


def _links(folder: Path, expected: Expected) -> None:
    outside = folder.parent / "outside.txt"
    outside.write_text(story("Outside the folder"), encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "passwd.txt").symlink_to("/etc/passwd")
    expected.bad |= {"leak.txt", "passwd.txt"}


def _broken(folder: Path, expected: Expected) -> None:
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    expected.bad |= {"binary.txt", "empty.txt", "broken.txt.gz"}
