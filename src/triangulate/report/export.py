"""Exports: the contract JSON, and one CSV or Parquet file per table.

Parquet keeps each column's type: lists stay lists (of numbers, of strings, of spans), dates
are dates, and a column that happens to hold no value in one export still has the type its
field declares, so that every export of the same version reads with one schema. CSV cannot
hold a list, so there lists are JSON text.
"""

from __future__ import annotations

import json
import types
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Union, get_args, get_origin, get_type_hints

from triangulate.types import Analysis, Article, Claim, Entity, Group, Quote, Tension

if TYPE_CHECKING:  # polars is imported by the exports that use it: not for JSON, not at start
    import polars

Format = Literal["json", "csv", "parquet"]
TABLES = ("articles", "quotes", "claims", "entities", "groups", "tensions")
RECORDS: dict[str, type] = {"articles": Article, "quotes": Quote, "claims": Claim,
                            "entities": Entity, "groups": Group, "tensions": Tension}
DATE_FIELDS = frozenset({"published", "period_start", "period_end"})
"""Fields that hold an ISO date (YYYY-MM-DD) as text in the records; dates in Parquet."""
# a spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection)
_FORMULA_START = r"^[=+\-@\t\r]"


def write_json(analysis: Analysis, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(analysis.to_json(), encoding="utf-8")
    return path


def flat_rows(analysis: Analysis, table: str, lists_as_text: bool = True
              ) -> list[dict[str, object]]:
    """Rows with nested objects flattened to one column per field ("framing_counts_loaded");
    lists as JSON text where ``lists_as_text``, else as lists."""
    out = []
    for row in analysis.to_dict()[table]:
        flat: dict[str, object] = {}
        for key, value in row.items():
            _flatten(key, value, flat, lists_as_text)
        out.append(flat)
    return out


def _flatten(key: str, value: object, flat: dict[str, object], lists_as_text: bool) -> None:
    if isinstance(value, dict):
        for inner, item in value.items():
            _flatten(f"{key}_{inner}", item, flat, lists_as_text)
    elif isinstance(value, list | tuple):
        flat[key] = json.dumps(list(value), ensure_ascii=False) if lists_as_text \
            else list(value)
    else:
        flat[key] = value


@cache
def scalar_types() -> dict[type, polars.DataType]:
    import polars

    return {str: polars.String(), int: polars.Int64(), float: polars.Float64(),
            bool: polars.Boolean()}


def declared_types(record: type) -> dict[str, polars.DataType]:
    """The Parquet type of each field of a record whose annotation says it plainly: a scalar,
    an optional scalar, or a list or tuple of scalars; dates by :data:`DATE_FIELDS`."""
    import polars

    hints = get_type_hints(record)
    found: dict[str, polars.DataType] = {}
    for field in fields(record):
        if field.name in DATE_FIELDS:
            found[field.name] = polars.Date()
            continue
        kind = _polars_type(hints[field.name])
        if kind is not None:
            found[field.name] = kind
    return found


def _polars_type(hint: Any) -> polars.DataType | None:
    import polars

    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        return _polars_type(present[0]) if len(present) == 1 else None
    if origin in (list, tuple) and args:
        inner = scalar_types().get(args[0])
        return polars.List(inner) if inner is not None else None
    return scalar_types().get(hint)


def typed_frame(analysis: Analysis, table: str) -> polars.DataFrame:
    """One table with lists as lists and every declared field in its declared type."""
    import polars

    frame = polars.DataFrame(flat_rows(analysis, table, lists_as_text=False),
                             infer_schema_length=None)
    declared = declared_types(RECORDS[table])
    columns = []
    for name, kind in declared.items():
        if name not in frame.columns:
            columns.append(polars.lit(None, dtype=kind).alias(name))
        elif kind == polars.Date():
            columns.append(polars.col(name).cast(polars.String)
                           .str.to_date("%Y-%m-%d", strict=False))
        elif frame.schema[name] != kind:
            columns.append(polars.col(name).cast(kind))
    return frame.with_columns(columns) if columns else frame


def inert_cells(frame: polars.DataFrame) -> polars.DataFrame:
    """Text cells that a spreadsheet will not run: one that starts as a formula does gets a
    leading single quote, as OWASP recommends (the CSV writer then quotes it as needed).
    Numbers stay numbers: a negative figure is no text cell."""
    import polars

    texts = polars.col(polars.String)
    return frame.with_columns(
        polars.when(texts.str.contains(_FORMULA_START)).then(polars.lit("'") + texts)
        .otherwise(texts).name.keep())


def export(analysis: Analysis, fmt: Format, out: Path) -> list[Path]:
    """Write the analysis; JSON to one file, CSV and Parquet to one file per table in ``out``."""
    import polars

    if fmt == "json":
        return [write_json(analysis, out)]
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table in TABLES:
        path = out / f"{table}.{fmt}"
        if fmt == "csv":
            inert_cells(polars.DataFrame(flat_rows(analysis, table), infer_schema_length=None)
                        ).write_csv(path)
        else:
            typed_frame(analysis, table).write_parquet(path)
        written.append(path)
    return written
