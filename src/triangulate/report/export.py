"""Exports: the contract JSON, and one CSV or Parquet file per table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

import polars

from triangulate.types import Analysis

Format = Literal["json", "csv", "parquet"]
TABLES = ("articles", "quotes", "claims", "entities", "groups", "tensions")


def write_json(analysis: Analysis, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(analysis.to_json(), encoding="utf-8")
    return path


def flat_rows(analysis: Analysis, table: str) -> list[dict[str, object]]:
    """Rows with nested values (lists, tension sides) flattened for tabular formats."""
    rows = analysis.to_dict()[table]
    out = []
    for row in rows:
        flat: dict[str, object] = {}
        for key, value in row.items():
            if isinstance(value, dict):
                flat.update({f"{key}_{k}": v for k, v in value.items()})
            elif isinstance(value, list | tuple):
                flat[key] = json.dumps(list(value), ensure_ascii=False)
            else:
                flat[key] = value
        out.append(flat)
    return out


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
            frame.write_csv(path)
        else:
            frame.write_parquet(path)
        written.append(path)
    return written
