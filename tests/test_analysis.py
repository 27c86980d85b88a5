"""The whole job: a run killed half way leaves whole articles only, and the next resumes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from triangulate import analysis
from triangulate.store import Store
from triangulate.types import Article, IngestProblem, Reading


def write_corpus(folder: Path, n: int) -> None:
    for i in range(n):
        (folder / f"a{i}.txt").write_text(
            f"Report {i}\nGuards said {i + 2} soldiers were captured at the depot.\n",
            encoding="utf-8")


def ignore(problem: IngestProblem) -> None:
    raise AssertionError(problem)


@pytest.mark.slow
def test_killed_run_resumes(tmp_path: Path, db_url: str) -> None:
    write_corpus(tmp_path, 4)
    real = analysis.local_reader(1)
    read: list[str] = []

    def dies_after_two(articles: Iterable[Article]) -> Iterator[Reading]:
        for n, reading in enumerate(real(articles)):
            if n == 2:
                raise KeyboardInterrupt
            yield reading

    with pytest.raises(KeyboardInterrupt):
        analysis.run([tmp_path], Store(db_url), ignore, reader=dies_after_two)
    assert Store(db_url).counts()["articles"] == 2

    def counting(articles: Iterable[Article]) -> Iterator[Reading]:
        def noted() -> Iterator[Article]:  # articles come streaming: note them as they pass
            for article in articles:
                read.append(article.id)
                yield article

        yield from real(noted())

    result = analysis.run([tmp_path], Store(db_url), ignore, reader=counting)
    assert sorted(read) == ["a2", "a3"]
    assert len(result.articles) == 4 and Store(db_url).counts()["articles"] == 4


def test_a_short_sentence_is_a_text_and_a_file_name_is_a_path() -> None:
    from triangulate.analysis import looks_like_path

    assert all(looks_like_path(name) for name in ("missing.txt", "corpus/", "feed.jsonl.gz",
                                                  "old reports/march.html", "data/new reports/"))
    assert not any(looks_like_path(text) for text in ("Troops advanced.", "Kyiv fell.",
                                                      "The ferry sank.", "Kyiv/Kiev fell.",
                                                      "Shells hit Donetsk/Makiivka!",
                                                      "North/south talks resumed?"))
