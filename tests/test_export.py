"""Parquet exports keep their types: lists as lists, dates as dates, one schema whatever the
data holds; CSV keeps lists as JSON text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars

from triangulate.report import export
from triangulate.types import Analysis, Article, Claim, Group


def two_figures() -> Analysis:
    articles = [Article(id="east", text="x", outlet="East Post", published="2024-02-10",
                        notes=("decoded as cp1252",)),
                Article(id="west", text="y", outlet="West Times", published=None)]
    claims = [Claim(article="east", measure="wounded", value=12.0, low=None, high=None,
                    qualifier="exact", subject="passengers", period_start="2024-02-09"),
              Claim(article="west", measure="wounded", value=15.0, low=None, high=None,
                    qualifier="exact", subject="passengers")]
    group = Group(measure="wounded", subject="passengers", articles=["east", "west"],
                  status="compatible", low=12.0, best=15.0, high=15.0, claims=["e1", "w1"],
                  sources=["article:east", "article:west"])
    return Analysis(articles=articles, claims=claims, groups=[group])


def test_parquet_lists_are_lists_and_dates_are_dates(tmp_path: Path) -> None:
    export(two_figures(), "parquet", tmp_path)
    articles = polars.read_parquet(tmp_path / "articles.parquet")
    assert articles.schema["published"] == polars.Date
    assert articles["published"].to_list() == [date(2024, 2, 10), None]
    assert articles["notes"].to_list() == [["decoded as cp1252"], []]
    groups = polars.read_parquet(tmp_path / "groups.parquet")
    assert groups.schema["claims"] == polars.List(polars.String)
    assert groups["sources"].to_list() == [["article:east", "article:west"]]
    claims = polars.read_parquet(tmp_path / "claims.parquet")
    assert claims.schema["period_start"] == polars.Date
    assert claims.schema["period_end"] == polars.Date  # no value in any row, still a date


def test_an_empty_table_keeps_its_schema(tmp_path: Path) -> None:
    export(Analysis(articles=two_figures().articles), "parquet", tmp_path)
    claims = polars.read_parquet(tmp_path / "claims.parquet")
    assert claims.height == 0
    assert claims.schema["value"] == polars.Float64
    assert claims.schema["source_vague"] == polars.Boolean


def test_csv_keeps_lists_as_json_text(tmp_path: Path) -> None:
    export(two_figures(), "csv", tmp_path)
    groups = polars.read_csv(tmp_path / "groups.csv")
    assert json.loads(groups["claims"][0]) == ["e1", "w1"]
