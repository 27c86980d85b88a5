"""Readings to Parquet and back, with an Arrow schema derived from the dataclasses.

The schema follows :mod:`triangulate.types` (a ``Reading`` is one row: its article as a
struct, its quotes, claims and entities as lists of structs), so every partition of a run
has the same schema and a folder of them reads as one table (``polars.read_parquet``).
"""

from __future__ import annotations

import io
import types
from collections.abc import Iterator, Sequence
from dataclasses import asdict, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

import pyarrow as pa
import pyarrow.parquet as pq

from triangulate.types import Reading

_SCALARS: dict[Any, pa.DataType] = {str: pa.string(), int: pa.int64(), float: pa.float64(),
                                    bool: pa.bool_()}


def to_parquet(readings: Sequence[Reading]) -> bytes:
    """One Parquet file, as bytes, holding the readings."""
    table = pa.Table.from_pylist([asdict(r) for r in readings], schema=schema())
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def from_parquet(path: Path) -> Iterator[Reading]:
    for batch in pq.ParquetFile(path).iter_batches():
        for row in batch.to_pylist():
            yield build(Reading, row)


@cache
def schema() -> pa.Schema:
    return pa.schema(list(arrow_type(Reading)))


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a field's type hint: scalars, ``X | None``, literals of strings,
    lists, ``tuple[X, ...]`` and dataclasses (as structs)."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return arrow_type(_not_none(args))
    if origin is Literal:
        return pa.string()
    if origin in (list, tuple):
        return pa.list_(arrow_type(args[0]))
    if isinstance(hint, type) and is_dataclass(hint):
        return pa.struct([pa.field(name, arrow_type(h)) for name, h in _hints(hint).items()])
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"no Arrow type for {hint!r}")


def build(hint: Any, value: Any) -> Any:
    """The Python value of type ``hint`` from what Arrow gives back (dicts and lists)."""
    origin, args = get_origin(hint), get_args(hint)
    if value is None:
        return None
    if origin in (Union, types.UnionType):
        return build(_not_none(args), value)
    if origin is list:
        return [build(args[0], item) for item in value]
    if origin is tuple:
        return tuple(build(args[0], item) for item in value)
    if isinstance(hint, type) and is_dataclass(hint):
        return hint(**{name: build(h, value[name]) for name, h in _hints(hint).items()})
    return value


@cache
def _hints(cls: Any) -> dict[str, Any]:
    """The type hints of a dataclass's fields, in field order."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def _not_none(args: tuple[Any, ...]) -> Any:
    (inner,) = [arg for arg in args if arg is not type(None)]
    return inner
