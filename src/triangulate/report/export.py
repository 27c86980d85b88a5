"""Exports: the contract JSON, and one CSV or Parquet file per table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import polars

from triangulate.types import Analysis

Format = Literal["json", "csv", "parquet"]
TABLES = ("articles", "quotes", "claims", "entities", "groups", "tensions")
# a spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection)
_FORMULA_START = r"^[=+\-@\t\r]"


def write_json(analysis: Analysis, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(analysis.to_json(), encoding="utf-8")
    return path


def flat_rows(analysis: Analysis, table: str) -> list[dict[str, object]]:
    """Rows with nested values flattened for tabular formats: objects to one column per
    field ("framing_counts_loaded"), lists to JSON text."""
    out = []
    for row in analysis.to_dict()[table]:
        flat: dict[str, object] = {}
        for key, value in row.items():
            _flatten(key, value, flat)
        out.append(flat)
    return out


def _flatten(key: str, value: object, flat: dict[str, object]) -> None:
    if isinstance(value, dict):
        for inner, item in value.items():
            _flatten(f"{key}_{inner}", item, flat)
    elif isinstance(value, list | tuple):
        flat[key] = json.dumps(list(value), ensure_ascii=False)
    else:
        flat[key] = value


def inert_cells(frame: polars.DataFrame) -> polars.DataFrame:
    """Text cells that a spreadsheet will not run: one that starts as a formula does gets a
    leading single quote, as OWASP recommends (the CSV writer then quotes it as needed).
    Numbers stay numbers: a negative figure is no text cell."""
    texts = polars.col(polars.String)
    return frame.with_columns(
        polars.when(texts.str.contains(_FORMULA_START)).then(polars.lit("'") + texts)
        .otherwise(texts).name.keep())


def export(analysis: Analysis, fmt: Format, out: Path) -> list[Path]:
    """Write the analysis; JSON to one file, CSV and Parquet to one file per table in ``out``."""
    if fmt == "json":
        return [write_json(analysis, out)]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        frame = polars.DataFrame(flat_rows(analysis, table), infer_schema_length=None)
        path = out / f"{table}.{fmt}"
        if fmt == "csv":
            inert_cells(frame).write_csv(path)
        else:
            frame.write_parquet(path)
        written.append(path)
    return written
