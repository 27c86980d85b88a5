"""CSV exports neutralise cells that a spreadsheet would run as formulas (OWASP's advice):
text that starts with = + - @, a tab or a carriage return gets a leading single quote."""

from __future__ import annotations

import csv
from pathlib import Path

from triangulate.ingest import make_article
from triangulate.report.export import export
from triangulate.types import Analysis, Article, Claim


def test_formula_cells_are_quoted_and_numbers_kept(tmp_path: Path) -> None:
    titles = ['=HYPERLINK("http://evil.test","x")', "+31 killed", "-cmd|' /C calc'!A0",
              "@SUM(A1:A9)", "Plain = title", "Minus -5"]
    articles = []
    for number, title in enumerate(titles):
        made = make_article(f"a{number}", "Ten soldiers were wounded, officials said.", title,
                            None, {"outlet": "=cmd"}, ())
        assert isinstance(made, Article)
        articles.append(made)
    claim = Claim(article="a0", measure="killed", value=-3.0, low=None, high=None,
                  qualifier="exact", subject="=soldiers", text="\tTabbed",
                  sentence="\rReturned")
    export(Analysis(articles=articles, claims=[claim]), "csv", tmp_path)
    with (tmp_path / "articles.csv").open(newline="", encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    written = [row["title"] for row in rows]
    assert written[:4] == [f"'{t}" for t in titles[:4]]
    assert written[4:] == ["Plain = title", "Minus -5"]
    assert {row["outlet"] for row in rows} == {"'=cmd"}
    with (tmp_path / "claims.csv").open(newline="", encoding="utf-8") as stream:
        (row,) = csv.DictReader(stream)
    assert row["value"] == "-3.0" and row["subject"] == "'=soldiers"
    assert row["text"] == "'\tTabbed" and row["sentence"] == "'\rReturned"
