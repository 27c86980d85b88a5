"""Parquet exports keep their types: lists as lists, dates as dates, one schema whatever the
data holds; CSV keeps lists as JSON text."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import polars

from triangulate.report import export
from triangulate.types import (
    Analysis,
    Article,
    Claim,
    Framing,
    FramingSpan,
    Group,
    Tension,
    TensionSide,
)


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


def schemas(analysis: Analysis, folder: Path) -> dict[str, polars.Schema]:
    export(analysis, "parquet", folder)
    return {name: polars.read_parquet(folder / f"{name}.parquet").schema
            for name in ("articles", "tensions")}


def test_nested_records_have_one_schema_with_or_without_values(tmp_path: Path) -> None:
    """An article's framing spans and a tension's two sides are typed from their records,
    so a store with none of them exports the same columns as one that has them."""
    bare = two_figures()
    full = two_figures()
    full.framings["east"] = Framing(words=40, hedges=[FramingSpan("reportedly", 3, 13)])
    full.tensions = [Tension(a=TensionSide("east", "The bridge stood.", published="2024-02-10"),
                             b=TensionSide("west", "The bridge fell."), score=0.8)]
    empty, filled = schemas(bare, tmp_path / "bare"), schemas(full, tmp_path / "full")
    assert empty == filled
    assert filled["tensions"]["a_published"] == polars.Date
    hedges = filled["articles"]["framing_hedges"]
    assert isinstance(hedges, polars.List) and isinstance(hedges.inner, polars.Struct)
    assert polars.read_parquet(tmp_path / "full" / "articles.parquet")["framing_hedges"][0][0][
        "text"] == "reportedly"


def test_csv_keeps_lists_as_json_text(tmp_path: Path) -> None:
    export(two_figures(), "csv", tmp_path)
    groups = polars.read_csv(tmp_path / "groups.csv")
    assert json.loads(groups["claims"][0]) == ["e1", "w1"]
