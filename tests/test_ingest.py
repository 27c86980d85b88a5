from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from triangulate.ingest import path_id, read_sources
from triangulate.ingest.text import parse_text
from triangulate.settings import Settings
from triangulate.types import Article, IngestProblem

STORY = (
    "---\noutlet: Harbour Gazette\npublished: 2025-01-14\nurl: https://gazette.test/a\n---\n"
    "Drone units hold the line near the river\n"
    "Officers said on Tuesday that 40 soldiers were wounded in the night raid.\n"
    "\"We held,\" a corporal said.\n"
    "Share this article\nLeave a comment\n"
)


def read_one(path: Path) -> Article | IngestProblem:
    items = list(read_sources([path]))
    assert len(items) == 1
    return items[0]


def test_plain_text_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "harbour_01.txt"
    path.write_text(STORY, encoding="utf-8")
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "harbour_01"
    assert article.outlet == "Harbour Gazette"
    assert article.published == "2025-01-14"
    assert article.title == "Drone units hold the line near the river"
    assert article.text.split("\n\n") == [
        "Drone units hold the line near the river",
        "Officers said on Tuesday that 40 soldiers were wounded in the night raid.\n"
        "\"We held,\" a corporal said.",
    ]
    assert "Share this" not in article.text and "Leave a comment" not in article.text
    assert article.language == "en"
    assert len(article.content_hash) == 64


def test_long_first_line_is_kept_as_body() -> None:
    lede = ("Troops have pushed back a column of armour near the border, killing at least 12 "
            "attackers, according to the regional governor.")
    parsed = parse_text(lede + "\nA second paragraph follows.\n")
    assert parsed.title == lede
    assert parsed.text.startswith(lede)


def test_empty_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n", encoding="utf-8")
    problem = read_one(path)
    assert isinstance(problem, IngestProblem)
    assert "empty" in problem.problem and str(path) in str(problem)


def test_binary_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(bytes(range(256)) * 40)
    problem = read_one(path)
    assert isinstance(problem, IngestProblem)
    assert "binary" in problem.problem


def test_non_utf8_is_decoded_and_said(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    text = ("Front line report\nThe commander’s staff counted 300 wounded soldiers “near "
            "the bridge” — and more arrived every hour during the long night of fighting.\n")
    path.write_bytes(text.encode("cp1252"))
    article = read_one(path)
    assert isinstance(article, Article)
    assert "commander’s" in article.text
    assert any("not UTF-8" in note for note in article.notes)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    problem = read_one(path)
    assert isinstance(problem, IngestProblem)
    assert "limit" in problem.problem
    assert path.stat().st_size > Settings().max_bytes


def test_missing_path_is_a_problem(tmp_path: Path) -> None:
    problem = read_one(tmp_path / "nowhere")
    assert isinstance(problem, IngestProblem)
    assert "no such file" in problem.problem


def test_jsonl_with_a_malformed_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    good = {"id": "wire-1", "text": "Five soldiers were captured.", "outlet": "Wire"}
    path.write_text(json.dumps(good) + "\n{not json\n" + json.dumps({"text": "Two more."})
                    + "\n", encoding="utf-8")
    items = list(read_sources([path]))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, IngestProblem)]
    assert articles[0].id == "wire-1"
    assert len(articles) == 2 and len(articles[1].id) == 16
    assert len(problems) == 1 and problems[0].where.endswith("batch.jsonl:2")
    assert "malformed JSON" in problems[0].problem


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text("Headline\nBody two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("Headline\nBody one.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / "three.txt.gz").write_bytes(gzip.compress(b"Headline\nBody three."))
    ids = [a.id for a in read_sources([tmp_path]) if isinstance(a, Article)]
    assert sorted(ids) == ["one", "three", "two"]


@pytest.mark.parametrize(("name", "expected"), [
    ("000_abc.txt", "000_abc"), ("page.html.gz", "page"), ("feed.jsonl", "feed"),
    ("odd.name.txt", "odd.name"),
])
def test_path_id(name: str, expected: str) -> None:
    assert path_id(Path(name)) == expected
