"""Exports: the contract JSON, and one CSV or Parquet file per table (the rows and their
types come from :mod:`triangulate.serialise`).

Parquet keeps each column's type: lists stay lists (of numbers, of strings, of spans), dates
are dates, and a column that happens to hold no value in one export still has the type its
field declares, so that every export of the same version reads with one schema. CSV cannot
hold a list, so there lists are JSON text.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from triangulate.serialise import TABLES, flat_rows, typed_frame, write_analysis_json
from triangulate.types import Analysis

if TYPE_CHECKING:  # polars is imported by the exports that use it: not for JSON, not at start
    import polars

Format = Literal["json", "csv", "parquet"]
# a spreadsheet reads a cell that starts with one of these as a formula (OWASP, CSV injection)
_FORMULA_START = r"^[=+\-@\t\r]"


STDOUT = Path("-")  # an output path that means standard output, as in most tools


def write_json(analysis: Analysis, path: Path) -> Path:
    """The analysis as the contract JSON, written a record a line as each is made, so that
    no copy of the whole analysis, as objects or as text, is held; to standard output where
    ``path`` is :data:`STDOUT` ("-")."""
    if path == STDOUT:
        write_analysis_json(analysis, sys.stdout)
        sys.stdout.flush()
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        write_analysis_json(analysis, out)
    return path


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
