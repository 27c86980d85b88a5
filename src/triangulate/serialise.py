"""Every serialisation of the plain data types, in one place: the contract JSON
(``eval/CONTRACT.md``, ``docs/contract.md``), the store's rows, the Arrow schema of readings
in Parquet (the Dask engine's partitions) and the typed tables of the exports.

All of them follow the dataclasses of :mod:`triangulate.types`: a field added there reaches
the JSON, the Parquet schema and the exports by itself, and the store where its table has a
column of that name. pyarrow and polars are imported where a function needs them.
"""

from __future__ import annotations

import io
import json
import types
from collections.abc import Container, Iterator, Mapping, Sequence
from dataclasses import fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TextIO,
    TypeVar,
    Union,
    get_args,
    get_origin,
    get_type_hints,
)

from triangulate.types import (
    Analysis,
    Article,
    Claim,
    Entity,
    Frame,
    Framing,
    FramingSpan,
    Group,
    Quote,
    Reading,
    Tension,
    TensionSide,
)

if TYPE_CHECKING:
    import polars
    import pyarrow as pa

Record = TypeVar("Record")

_SCALARS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every leaf (the dominant cost of
    writing a large analysis): dataclasses become dicts, lists, tuples and dicts are made
    anew, strings, numbers and ``None`` are shared (they cannot change), and told first:
    most values are."""
    if type(value) in _SCALARS:
        return value
    if is_dataclass(value) and not isinstance(value, type):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, list | tuple):
        return type(value)(plain(item) for item in value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    return value


@cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(field.name for field in fields(kind))


# --- the contract JSON ---------------------------------------------------------------------


def analysis_dict(analysis: Analysis) -> dict[str, Any]:
    """The analysis as the JSON object that the contract describes; quotes and claims lead
    with their ids."""
    return {name: list(records) for name, records in analysis_records(analysis)}


def analysis_records(analysis: Analysis) -> Iterator[tuple[str, Iterator[dict[str, Any]]]]:
    """The lists of :func:`analysis_dict`, by name, each made a record at a time, so that a
    writer holds one record, not a copy of the whole analysis."""
    yield "articles", ({**plain(a), "framing": framing_dict(analysis.framing(a.id))}
                       for a in analysis.articles)
    yield "quotes", ({"id": q.id, **plain(q)} for q in analysis.quotes)
    yield "claims", ({"id": c.id, **plain(c)} for c in analysis.claims)
    for name in ("entities", "groups", "tensions"):
        yield name, (plain(item) for item in getattr(analysis, name))


def analysis_json(analysis: Analysis, indent: int | None = 1) -> str:
    return json.dumps(analysis_dict(analysis), indent=indent, ensure_ascii=False)


def write_analysis_json(analysis: Analysis, out: TextIO) -> None:
    """The contract JSON written a record a line as each is made."""
    for number, (name, records) in enumerate(analysis_records(analysis)):
        out.write(f"{',' if number else '{'}\n {json.dumps(name)}: [")
        for index, record in enumerate(records):
            out.write(f"{',' if index else ''}\n  {json.dumps(record, ensure_ascii=False)}")
        out.write("\n ]")
    out.write("\n}\n")


def framing_dict(framing: Framing) -> dict[str, Any]:
    """A framing with its counts first (loaded words outside and inside quotes, sources by
    kind), then its spans."""
    return {"counts": framing.counts(), **plain(framing)}


def framing_from_dict(data: Mapping[str, Any]) -> Framing:
    def spans(key: str) -> list[FramingSpan]:
        return [FramingSpan(**item) for item in data.get(key, [])]

    return Framing(words=data.get("words", 0), loaded=spans("loaded"),
                   scare_quotes=spans("scare_quotes"), hedges=spans("hedges"),
                   sources=spans("sources"))


def frame_from_dict(data: Mapping[str, Any]) -> Frame:
    return Frame(**{**data, "means": tuple(data.get("means", ()))})


def table_frame(analysis: Analysis, table: str) -> polars.DataFrame:
    """One table of the contract ("articles", "quotes", "claims", ...) as a DataFrame."""
    import polars

    rows = analysis_dict(analysis)[table]
    return polars.DataFrame(rows, infer_schema_length=None) if rows else polars.DataFrame()


# --- store rows ----------------------------------------------------------------------------

GROUP_LISTS = ("articles", "claims", "sources", "timeline")  # stored as JSON text
SIDE_DETAILS = ("source", "outlet", "published")  # of each side of a tension, beyond its sentence
READING_LISTS = ("scare_quotes", "statements")  # an article row's lists, as JSON text


def stored_values(item: Any, columns: Container[str]) -> dict[str, Any]:
    """An item's fields that the table stores (cross-check fields are computed, not kept),
    in the order of its fields; only those are made plain."""
    return {name: plain(getattr(item, name)) for name in _field_names(item.__class__)
            if name in columns}


def article_row(reading: Reading, pipeline: str, notes: Sequence[str]) -> dict[str, Any]:
    """The article row of a reading: the article's fields, its reading's article-wide parts
    as JSON text, and the pipeline version that read it."""
    return {**plain(reading.article), "notes": json.dumps(list(notes)), "pipeline": pipeline,
            **{name: json.dumps(getattr(reading, name)) for name in READING_LISTS},
            "frames": json.dumps([plain(f) for f in reading.frames], ensure_ascii=False),
            "event": reading.event,
            "framing": json.dumps(plain(reading.framing), ensure_ascii=False)}


def reading_from_row(row: Mapping[Any, Any]) -> Reading:
    """A reading (without its quotes, claims and entities) from its article row."""
    values = {k: v for k, v in row.items() if k in field_names(Article)}
    values["notes"] = tuple(json.loads(row["notes"] or "[]"))
    return Reading(article=Article(**values),
                   **{name: json.loads(row[name] or "[]") for name in READING_LISTS},
                   frames=[frame_from_dict(f) for f in json.loads(row["frames"] or "[]")],
                   event=row["event"],
                   framing=framing_from_dict(json.loads(row["framing"] or "{}")))


def record_from_row(kind: type[Record], row: Mapping[Any, Any]) -> Record:
    """A record of ``kind`` from the row's values that are its fields (a table keeps columns
    of its own, such as its row number)."""
    names = field_names(kind)  # type: ignore[arg-type]  # (a class is hashable)
    return kind(**{k: v for k, v in row.items() if k in names})


def group_row(group: Group) -> dict[str, Any]:
    """A group as a row: its fields, the lists among them as JSON."""
    return {**plain(group), **{name: json.dumps(getattr(group, name)) for name in GROUP_LISTS}}


def group_from_row(row: Mapping[Any, Any]) -> Group:
    lists = {name: json.loads(row[name] or "[]") for name in GROUP_LISTS}
    return record_from_row(Group, {**row, **lists})


def tension_row(tension: Tension) -> dict[str, Any]:
    """A tension as a row: its score, why, kind and event, then each side's fields."""
    sides = {f"{side}_{name}": value for side in "ab"
             for name, value in plain(getattr(tension, side)).items()}
    return {"score": tension.score, "why": tension.why, "kind": tension.kind,
            "event": tension.event, **sides}


def tension_from_row(row: Mapping[Any, Any]) -> Tension:
    def side(name: str) -> TensionSide:
        return TensionSide(**{key: row[f"{name}_{key}"]
                              for key in ("article", "sentence", *SIDE_DETAILS)})

    return Tension(a=side("a"), b=side("b"), score=row["score"], why=row["why"],
                   kind=row["kind"] or "", event=row["event"])


@cache
def field_names(kind: type) -> frozenset[str]:
    return frozenset(f.name for f in fields(kind))


# --- readings in Parquet (Arrow) -----------------------------------------------------------


def readings_to_parquet(readings: Sequence[Reading]) -> bytes:
    """One Parquet file, as bytes, holding the readings (a reading is one row: its article as
    a struct, its quotes, claims and entities as lists of structs)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([plain(r) for r in readings], schema=reading_schema())
    sink = io.BytesIO()
    pq.write_table(table, sink)
    return sink.getvalue()


def readings_from_parquet(path: Path) -> Iterator[Reading]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches():
        for row in batch.to_pylist():
            yield from_arrow(Reading, row)


@cache
def reading_schema() -> pa.Schema:
    """The Arrow schema of a reading, the same for every partition of a run, so that a
    folder of them reads as one table (``polars.read_parquet``)."""
    import pyarrow as pa

    return pa.schema(list(arrow_type(Reading)))


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type of a field's type hint: scalars, ``X | None``, literals of strings,
    lists, ``tuple[X, ...]`` and dataclasses (as structs)."""
    import pyarrow as pa

    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        return arrow_type(_not_none(args))
    if origin is Literal:
        return pa.string()
    if origin in (list, tuple):
        return pa.list_(arrow_type(args[0]))
    if isinstance(hint, type) and is_dataclass(hint):
        return pa.struct([pa.field(name, arrow_type(h)) for name, h in _hints(hint).items()])
    scalars = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if hint in scalars:
        return scalars[hint]
    raise TypeError(f"no Arrow type for {hint!r}")


def from_arrow(hint: Any, value: Any) -> Any:
    """The Python value of type ``hint`` from what Arrow gives back (dicts and lists)."""
    origin, args = get_origin(hint), get_args(hint)
    if value is None:
        return None
    if origin in (Union, types.UnionType):
        return from_arrow(_not_none(args), value)
    if origin is list:
        return [from_arrow(args[0], item) for item in value]
    if origin is tuple:
        return tuple(from_arrow(args[0], item) for item in value)
    if isinstance(hint, type) and is_dataclass(hint):
        return hint(**{name: from_arrow(h, value[name]) for name, h in _hints(hint).items()})
    return value


@cache
def _hints(cls: Any) -> dict[str, Any]:
    """The type hints of a dataclass's fields, in field order."""
    hints = get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def _not_none(args: tuple[Any, ...]) -> Any:
    (inner,) = [arg for arg in args if arg is not type(None)]
    return inner


# --- typed export tables -------------------------------------------------------------------

TABLES = ("articles", "quotes", "claims", "entities", "groups", "tensions")
RECORDS: dict[str, type] = {"articles": Article, "quotes": Quote, "claims": Claim,
                            "entities": Entity, "groups": Group, "tensions": Tension}
DATE_FIELDS = frozenset({"published", "period_start", "period_end", "as_of"})
"""Fields that hold an ISO date (YYYY-MM-DD) as text in the records; dates in Parquet."""


def flat_rows(analysis: Analysis, table: str, lists_as_text: bool = True
              ) -> list[dict[str, object]]:
    """Rows with nested objects flattened to one column per field ("framing_counts_loaded");
    lists as JSON text where ``lists_as_text``, else as lists."""
    out = []
    for row in analysis_dict(analysis)[table]:
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


NESTED: dict[str, dict[str, type]] = {"articles": {"framing": Framing}}
"""Records that a table's rows carry beside their own fields (an article's framing)."""


def declared_types(record: type, prefix: str = "") -> dict[str, polars.DataType]:
    """The Parquet type of each field of a record, by its flattened column name: a field
    that is a record becomes one column per field ("a_outlet"); lists of records are lists
    of structs; dates by :data:`DATE_FIELDS`. Fields whose annotation says no plain type
    are left to what their values are."""
    import polars

    hints = _hints(record)
    found: dict[str, polars.DataType] = {}
    for name, hint in hints.items():
        if isinstance(hint, type) and is_dataclass(hint):
            found.update(declared_types(hint, f"{prefix}{name}_"))
            continue
        kind = polars.Date() if name in DATE_FIELDS else _polars_type(hint)
        if kind is not None:
            found[prefix + name] = kind
    return found


def table_types(table: str) -> dict[str, polars.DataType]:
    """Every declared column of an export table, its records' and their nested records'."""
    found = declared_types(RECORDS[table])
    for name, record in NESTED.get(table, {}).items():
        found.update(declared_types(record, f"{name}_"))
    return found


def _polars_type(hint: Any) -> polars.DataType | None:
    import polars

    scalars = {str: polars.String(), int: polars.Int64(), float: polars.Float64(),
               bool: polars.Boolean()}
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        present = [a for a in args if a is not type(None)]
        return _polars_type(present[0]) if len(present) == 1 else None
    if origin is Literal:
        return polars.String()
    if origin in (list, tuple) and args:
        inner = _polars_type(args[0])
        return polars.List(inner) if inner is not None else None
    if isinstance(hint, type) and is_dataclass(hint):
        members = {name: _polars_type(h) for name, h in _hints(hint).items()}
        if any(kind is None for kind in members.values()):
            return None
        return polars.Struct({name: kind for name, kind in members.items() if kind})
    return scalars.get(hint)


def typed_frame(analysis: Analysis, table: str) -> polars.DataFrame:
    """One table with lists as lists and every declared field in its declared type."""
    import polars

    frame = polars.DataFrame(flat_rows(analysis, table, lists_as_text=False),
                             infer_schema_length=None)
    columns = []
    for name, kind in table_types(table).items():
        if name not in frame.columns:
            columns.append(polars.lit(None, dtype=kind).alias(name))
        elif kind == polars.Date():
            columns.append(polars.col(name).cast(polars.String)
                           .str.to_date("%Y-%m-%d", strict=False))
        elif frame.schema[name] != kind:
            columns.append(polars.col(name).cast(kind))
    return frame.with_columns(columns) if columns else frame
