"""Reading with several processes (-j): same readings, same order, as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.ingest import read_sources
from triangulate.nlp import read_articles
from triangulate.types import Article

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
pytestmark = pytest.mark.slow  # starts worker processes


def test_two_processes_read_as_one_does(nlp: Language) -> None:
    """Small batches, so that several are in flight and must come back in order; the
    pipeline given is the one the workers use."""
    articles = [a for a in read_sources([EXAMPLES]) if isinstance(a, Article)]
    one = list(read_articles(articles, nlp))
    two = list(read_articles(articles, nlp, n_process=2, batch_size=2))
    assert [r.article.id for r in two] == [a.id for a in articles]
    assert two == one
    assert sum(len(r.quotes) for r in two) > 0 and sum(len(r.claims) for r in two) > 0


def test_cli_with_two_processes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number, name in enumerate(("01_pacific", "03_kyiv", "05_seoul")):
        source = next(EXAMPLES.glob(f"{name}*.txt"))
        (corpus / f"{number}.txt").write_text(source.read_text(encoding="utf-8"),
                                              encoding="utf-8")
    outputs = []
    for processes in ("1", "2"):
        out = tmp_path / f"j{processes}.json"
        result = runner.invoke(app, ["analyze", str(corpus), "-j", processes, "-q", "--json",
                                     str(out), "--db", f"sqlite:///{tmp_path}/j{processes}.db"])
        assert result.exit_code == 0, result.output
        outputs.append(json.loads(out.read_text(encoding="utf-8")))
    assert outputs[0] == outputs[1] and outputs[1]["quotes"]
