"""The store: SQLite by default, any SQLAlchemy URL (PostgreSQL) by choice.

Each article's reading is written in one transaction, so a run killed half way leaves no
half-written article; the next run skips what is already stored (same content hash and
pipeline version) and picks up where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Engine,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    inspect,
    select,
    text,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.dml import Delete, Insert

from triangulate.ids import reading_with_ids
from triangulate.serialise import (
    SIDE_DETAILS,
    article_row,
    group_from_row,
    group_row,
    reading_from_row,
    record_from_row,
    stored_values,
    tension_from_row,
    tension_row,
)
from triangulate.types import Article, Claim, Entity, Group, Quote, Reading, Tension

DEFAULT_URL = "sqlite:///triangulate.db"
READ_BATCH = 500  # articles read from the store per query


class NoStore(Exception):
    """A reading command was pointed at a store that does not exist."""


StoreError = (SQLAlchemyError, NoStore)  # what a store can raise: the CLI names it in one line

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(200), primary_key=True),
    Column("path", Text), Column("title", Text), Column("text", Text, nullable=False),
    Column("outlet", String(300)), Column("published", String(10)), Column("url", Text),
    Column("language", String(16)), Column("content_hash", String(64), nullable=False),
    Column("notes", Text), Column("scare_quotes", Text), Column("statements", Text),
    Column("framing", Text), Column("pipeline", String(40), nullable=False),
    Column("frames", Text), Column("event", Text),
)
quotes = Table(
    "quotes", metadata,
    Column("row", Integer, primary_key=True, autoincrement=True),
    Column("article", String(200), nullable=False, index=True),
    Column("kind", String(16)), Column("text", Text), Column("speaker", Text),
    Column("cue", String(100)), Column("via", Text), Column("role", Text),
    Column("affiliation", Text), Column("sentence", Text),
    Column("start", Integer), Column("end", Integer), Column("id", String(40)),
)
claims = Table(
    "claims", metadata,
    Column("row", Integer, primary_key=True, autoincrement=True),
    Column("article", String(200), nullable=False, index=True),
    Column("measure", String(20)), Column("value", Float), Column("low", Float),
    Column("high", Float), Column("qualifier", String(20)), Column("subject", Text),
    Column("actor", String(100)), Column("source", Text), Column("source_vague", Boolean),
    Column("text", Text), Column("sentence", Text), Column("scope", Text),
    Column("start", Integer), Column("end", Integer), Column("period_start", String(10)),
    Column("period_end", String(10)), Column("as_of", String(10)), Column("event", Text),
    Column("via", Text), Column("id", String(40)),
)
entities = Table(
    "entities", metadata,
    Column("row", Integer, primary_key=True, autoincrement=True),
    Column("article", String(200), nullable=False, index=True),
    Column("text", Text), Column("label", String(20)), Column("canonical", Text),
)
groups = Table(
    "groups", metadata,
    Column("row", Integer, primary_key=True, autoincrement=True),
    Column("measure", String(20)), Column("subject", Text), Column("articles", Text),
    Column("status", String(20)), Column("low", Float), Column("best", Float),
    Column("high", Float), Column("why", Text), Column("claims", Text),
    Column("sources", Text), Column("low_from", String(40)), Column("best_from", String(40)),
    Column("high_from", String(40)), Column("timeline", Text), Column("event", Text),
)
tensions = Table(
    "tensions", metadata,
    Column("row", Integer, primary_key=True, autoincrement=True),
    Column("a_article", String(200)), Column("a_sentence", Text),
    Column("b_article", String(200)), Column("b_sentence", Text),
    Column("score", Float), Column("why", Text),
    Column("kind", String(20)), Column("event", Text),
    *(Column(f"{side}_{name}", Text) for side in "ab" for name in SIDE_DETAILS),
)
PER_ARTICLE = (quotes, claims, entities)


def database_url(url: str | None = None) -> str:
    return url or os.environ.get("TRIANGULATE_DB") or DEFAULT_URL


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def problem(error: BaseException) -> str:
    """One line for a store failure: the driver's own words (``database or disk is full``,
    ``attempt to write a readonly database``), without SQLAlchemy's statement dump."""
    orig = getattr(error, "orig", None) or error
    return " ".join(str(orig).split())[:300] or type(orig).__name__


def read_only_url(url: str) -> str:
    """The URL opening a SQLite file read-only (other databases: as given).

    In a folder that cannot be written (read-only media, no permission) SQLite cannot make
    the shared-memory file that WAL mode reads through, so the file is opened as immutable:
    there, no writer can change it while it is read.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return url
    path = Path(parsed.database).resolve()
    if not path.is_file():
        raise NoStore(f"no store at {path}")
    fixed = "" if os.access(path.parent, os.W_OK) else "&immutable=1"
    return f"sqlite:///file:{path}?mode=ro{fixed}&uri=true"


class Store:
    """Readings, groups and tensions in a SQL database.

    ``read_only`` for commands that only read: nothing is created or altered, and SQLite opens
    the file read-only, so a store on read-only media or without write permission serves.
    """

    def __init__(self, url: str | None = None, read_only: bool = False) -> None:
        self.url = database_url(url)
        self.read_only = read_only
        self.engine: Engine = create_engine(read_only_url(self.url) if read_only else self.url)
        if read_only:
            return
        database = self.engine.url.database
        if self.engine.dialect.name == "sqlite" and database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
        _renew_older_groups(self.engine)
        metadata.create_all(self.engine)
        self._add_missing_columns()

    def _add_missing_columns(self) -> None:
        """Add columns that came after an older store was made (nullable: no data to move)."""
        inspector = inspect(self.engine)
        for table in metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in (c for c in table.columns if c.name not in present):
                kind = column.type.compile(dialect=self.engine.dialect)
                with self.engine.begin() as connection:
                    connection.execute(text(
                        f'ALTER TABLE "{table.name}" ADD COLUMN "{column.name}" {kind}'))

    def close(self) -> None:
        self.engine.dispose()

    def is_current(self, article: Article, pipeline: str) -> bool:
        """True where this article, with this text, was read by this pipeline version."""
        query = select(articles.c.content_hash, articles.c.pipeline).where(
            articles.c.id == article.id)
        with self.engine.connect() as connection:
            row = connection.execute(query).first()
        return row is not None and row.content_hash == article.content_hash \
            and row.pipeline == pipeline

    def save_reading(self, reading: Reading, pipeline: str) -> None:
        """Replace everything stored for this article, in one transaction."""
        self.save_readings([reading], pipeline)

    def save_readings(self, readings: Sequence[Reading], pipeline: str) -> None:
        """Replace everything stored for these articles, in one transaction: each article is
        stored whole or not at all, and a batch costs one commit and one statement per table
        rather than several per article.

        Values longer than their column allows (PostgreSQL enforces ``varchar(n)``) are cut
        to fit, and the article's notes say which. Quotes and claims are stored with their
        ids (given here where the reading has none). Where an id comes twice, the later
        reading is the one stored.
        """
        latest = {r.article.id: reading_with_ids(r) for r in readings}
        rows = [_reading_rows(reading, pipeline) for reading in latest.values()]
        if not rows:
            return
        with self.engine.begin() as connection:
            for chunk in batches(latest, READ_BATCH):
                for table in (*PER_ARTICLE, articles):
                    connection.execute(_deletion(table), {"ids": chunk})
            connection.execute(_insertion(articles), [row for row, _ in rows])
            for table in PER_ARTICLE:
                items = [item for _, per_table in rows for item in per_table[table.name]]
                if items:
                    connection.execute(_insertion(table), items)

    def load_readings(self, ids: Sequence[str] | None = None) -> list[Reading]:
        """Stored readings, in the order of ``ids`` (all articles by id where None)."""
        return list(self.iter_readings(ids))

    def iter_readings(self, ids: Iterable[str] | None = None,
                      batch: int = READ_BATCH) -> Iterator[Reading]:
        """Stored readings a batch of ``batch`` articles at a time, in the order of ``ids``
        (all articles by id where None; ids not stored are passed over).

        A query binds at most ``batch`` ids, so any number of articles can be read (SQLite
        and PostgreSQL both cap the variables of one statement), and only one batch of rows
        is held at once.
        """
        with self.engine.connect() as connection:
            chunks = batches(ids, batch) if ids is not None else _id_batches(connection, batch)
            for chunk in chunks:
                yield from _readings_of(connection, chunk)

    def coverage(self) -> Coverage:
        """Which articles the store holds, and a digest of their ids, texts and readers."""
        with self.engine.connect() as connection:
            return _coverage(connection)

    def save_crosscheck(self, found_groups: Iterable[Group], found: Iterable[Tension],
                        covering: Coverage | None = None) -> bool:
        """Replace the stored groups and tensions with the latest cross-check.

        With ``covering`` (the store's coverage when the cross-check loaded its readings),
        nothing is written and False returned where the articles have changed since: another
        run stored readings meanwhile, and the cross-check no longer covers the store.
        """
        group_rows = [fitted(groups, group_row(g)) for g in found_groups]
        tension_rows = [fitted(tensions, tension_row(t)) for t in found]
        with self.engine.connect() as connection, connection.begin() as transaction:
            connection.execute(delete(groups))  # first: the write lock, then the check
            connection.execute(delete(tensions))
            if covering is not None and _coverage(connection).digest != covering.digest:
                transaction.rollback()
                return False
            if group_rows:
                connection.execute(insert(groups), group_rows)
            if tension_rows:
                connection.execute(insert(tensions), tension_rows)
        return True

    def load_crosscheck(self) -> tuple[list[Group], list[Tension]]:
        with self.engine.connect() as connection:
            found_groups = [group_from_row(r._mapping) for r in
                            connection.execute(select(groups).order_by(groups.c.row))]
            found = [tension_from_row(r._mapping) for r in
                     connection.execute(select(tensions).order_by(tensions.c.row))]
        return found_groups, found

    def counts(self) -> dict[str, int]:
        """Rows in every table."""
        with self.engine.connect() as connection:
            return {table.name: connection.execute(select(func.count()).select_from(table))
                    .scalar_one() for table in metadata.sorted_tables}


def batches(items: Iterable[str], size: int) -> Iterator[list[str]]:
    chunk: list[str] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _id_batches(connection: Connection, size: int) -> Iterator[list[str]]:
    """Every stored article id in order, ``size`` at a time (keyset paging, no offsets)."""
    last: str | None = None
    while True:
        query = select(articles.c.id).order_by(articles.c.id).limit(size)
        if last is not None:
            query = query.where(articles.c.id > last)
        found = list(connection.execute(query).scalars())
        if not found:
            return
        yield found
        last = found[-1]


def _readings_of(connection: Connection, ids: Sequence[str]) -> list[Reading]:
    """The stored readings of a batch of ids, in their order (an id twice, twice)."""
    rows = {row.id: row._mapping
            for row in connection.execute(select(articles).where(articles.c.id.in_(ids)))}
    readings = {key: reading_from_row(row) for key, row in rows.items()}
    for table, kind, target in ((quotes, Quote, "quotes"), (claims, Claim, "claims"),
                                (entities, Entity, "entities")):
        query = select(table).where(table.c.article.in_(ids)).order_by(table.c.row)
        for row in connection.execute(query):
            if row.article in readings:
                getattr(readings[row.article], target).append(record_from_row(kind, row._mapping))
    return [reading_with_ids(readings[key]) for key in ids if key in readings]


@dataclass(frozen=True)
class Coverage:
    ids: frozenset[str]
    digest: str


def _coverage(connection: Connection) -> Coverage:
    query = select(articles.c.id, articles.c.content_hash, articles.c.pipeline).order_by(
        articles.c.id)
    digest = hashlib.sha256()
    ids = []
    for row in connection.execute(query):
        ids.append(row.id)
        digest.update(f"{row.id}\0{row.content_hash}\0{row.pipeline}\n".encode())
    return Coverage(frozenset(ids), digest.hexdigest())


def _reading_rows(reading: Reading, pipeline: str
                  ) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """The article's row, and its rows of quotes, claims and entities by table name, each
    value cut to its column (the article's notes say what was cut)."""
    article = reading.article
    cut: dict[str, int] = {}
    item_rows = {table.name: [fitted(table, stored_values(item, _column_names(table)), cut)
                              for item in items]
                 for table, items in ((quotes, reading.quotes), (claims, reading.claims),
                                      (entities, reading.entities))}
    row = fitted(articles, article_row(reading, pipeline, article.notes), cut)
    notes = [*article.notes, *(f"{name} cut to {length} characters (the store's limit)"
                               for name, length in cut.items())]
    row["notes"] = json.dumps(notes)  # a text column: never cut itself
    return row, item_rows


def fitted(table: Table, row: dict[str, Any], cut: dict[str, int] | None = None
           ) -> dict[str, Any]:
    """The row with every text cut to its column's length; ``cut`` gathers what was cut."""
    for name, length in _text_lengths(table):
        value = row.get(name)
        if isinstance(value, str) and len(value) > length:
            row[name] = value[:length]
            if cut is not None:
                cut[f"{table.name}.{name}"] = length
    return row


@cache
def _deletion(table: Table) -> Delete:
    """The statement that deletes an article's rows of ``table``, the ids bound as
    ``ids``: made once, not for each batch."""
    key = table.c.id if table is articles else table.c.article
    return delete(table).where(key.in_(bindparam("ids", expanding=True)))


@cache
def _insertion(table: Table) -> Insert:
    return insert(table)


@cache
def _text_lengths(table: Table) -> tuple[tuple[str, int], ...]:
    """(name, length) of each of the table's columns of bounded length."""
    lengths = ((column.name, getattr(column.type, "length", None)) for column in table.columns)
    return tuple((name, length) for name, length in lengths if length)


@cache
def _column_names(table: Table) -> frozenset[str]:
    return frozenset(table.c.keys())


def _renew_older_groups(engine: Engine) -> None:
    """Drop a groups table made before groups cited claims by id (its ``best_from`` and the
    others held list positions, as integers): groups are remade by every cross-check, so
    nothing is lost, and the table is made again in its present shape."""
    inspector = inspect(engine)
    if not inspector.has_table(groups.name):
        return
    kinds = {c["name"]: c["type"] for c in inspector.get_columns(groups.name)}
    if isinstance(kinds.get("best_from"), Integer):
        with engine.begin() as connection:
            connection.execute(text(f'DROP TABLE "{groups.name}"'))
