"""The command line: ``triangulate analyze | ingest | export | report``."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from triangulate.analysis import (
    ArticleFilter,
    Reader,
    articles_in,
    cross_checked,
    local_reader,
    read_into_store,
    run,
)
from triangulate.ingest import IngestOptions, LanguageFilter, is_url
from triangulate.report import export, print_summary, render_html, render_markdown, write_json
from triangulate.report.export import Format
from triangulate.store import Store, StoreError, problem
from triangulate.types import Analysis, IngestProblem

app = typer.Typer(help="Sourced, cross-checked records of war reporting across outlets.",
                  no_args_is_help=True, add_completion=False)
console = Console()
errors = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLAlchemy URL of the store (default: $TRIANGULATE_DB or "
                 "sqlite:///triangulate.db).")]
Paths = Annotated[list[str], typer.Argument(help="Files or folders of articles, or feed URLs.")]
LanguageOption = Annotated[str | None, typer.Option(
    "--language", help="Keep only articles in this language (e.g. en); the others are skipped "
                       "and counted.")]
ProcessesOption = Annotated[int, typer.Option("--processes", "-j", min=1,
                                              help="Parser processes.")]
HtmlOption = Annotated[Path | None, typer.Option(
    "--html", help="Write the HTML report (one self-contained file) to this file.")]
MarkdownOption = Annotated[Path | None, typer.Option(
    "--markdown", help="Write the report as Markdown to this file.")]
FollowLinksOption = Annotated[bool, typer.Option(
    "--follow-links", help="Read files that links inside a folder point to outside it.")]
PrivateUrlsOption = Annotated[bool, typer.Option(
    "--allow-private-urls", help="Fetch feeds from private, loopback and link-local "
                                 "addresses (and follow redirects to them).")]
PROGRESS_FROM = 5  # articles; smaller runs print no bar


@contextmanager
def failures_in_one_line() -> Iterator[None]:
    """A store that cannot be written or read (disk full, read-only, locked) or an output
    that cannot be written ends the command with one line, not a traceback; each article's
    reading is one transaction, so the store holds every article stored before the fault."""
    try:
        yield
    except StoreError as error:
        errors.print(f"[red]error:[/] the store failed: {escape(problem(error))}",
                     highlight=False)
        raise typer.Exit(1) from None
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        errors.print(f"[red]error:[/] {escape(str(error.strerror or error))}{escape(where)}",
                     highlight=False)
        raise typer.Exit(1) from None


class ProblemLog:
    """Prints each unreadable input on one line and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, problem: IngestProblem) -> None:
        self.count += 1
        errors.print(f"[yellow]skipped[/] {escape(str(problem))}", markup=True, highlight=False)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def sources(paths: list[str]) -> list[str | Path]:
    """Feed URLs as given (a ``Path`` would fold their ``//``), everything else as a path."""
    return [path if is_url(path) else Path(path) for path in paths]


def language_filter(language: str | None) -> LanguageFilter | None:
    return LanguageFilter(language) if language else None


def report_skipped(keep: LanguageFilter | None) -> None:
    """One line for all the articles the language filter dropped, not one line each."""
    if keep and keep.skipped:
        errors.print(f"skipped {keep.skipped} article(s) not in language {keep.language!r}")


def make_reader(engine: Engine, processes: int, scheduler: str | None,
                work: Path | None) -> Reader:
    if engine is Engine.local:
        if scheduler or work:
            raise typer.BadParameter("--scheduler and --work need --engine dask")
        return local_reader(processes)
    from triangulate.engine.dask import DaskReader  # Dask is imported only when asked for

    return DaskReader(scheduler, work, workers=max(2, processes))


def analyse_with_progress(paths: list[str], store: Store, log: ProblemLog, reader: Reader,
                          keep: ArticleFilter | None, options: IngestOptions) -> Analysis:
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=errors,
                  transient=True) as bar:
        task = bar.add_task("reading articles", total=None, visible=False)

        def advance(done: int) -> None:
            bar.update(task, completed=done, visible=done >= PROGRESS_FROM)

        return run(sources(paths), store, log, advance, keep=keep, reader=reader,
                   options=options)


@app.command()
def analyze(
    paths: Paths,
    db: DbOption = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the analysis JSON "
                                                  "(eval/CONTRACT.md) to this file.")] = None,
    html: HtmlOption = None,
    markdown: MarkdownOption = None,
    processes: ProcessesOption = 1,
    language: LanguageOption = None,
    engine: Annotated[Engine, typer.Option(
        "--engine", help="Where articles are read: here (local, -j processes) or on a Dask "
                         "cluster (dask).")] = Engine.local,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="Dask scheduler, tcp://HOST:PORT (default: a local cluster of -j "
                            "worker processes, at least 2).")] = None,
    work: Annotated[Path | None, typer.Option(
        "--work", help="Folder for the Dask engine's Parquet partitions (default: a temporary "
                       "folder, removed after).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
    follow_links: FollowLinksOption = False,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Ingest, read, cross-check and summarise articles."""
    reader = make_reader(engine, processes, scheduler, work)
    log = ProblemLog()
    keep = language_filter(language)
    options = IngestOptions(follow_links=follow_links, allow_private_urls=allow_private_urls)
    with failures_in_one_line():
        store = Store(db)
        try:
            analysis = analyse_with_progress(paths, store, log, reader, keep, options)
        finally:
            store.close()
    report_skipped(keep)
    if not analysis.articles:
        errors.print("[red]error:[/] no article could be read")
        raise typer.Exit(1)
    if not quiet:
        print_summary(analysis, console)
    with failures_in_one_line():
        if json_out:
            write_json(analysis, json_out)
            console.print(f"wrote {json_out}")
        write_reports(analysis, html, markdown)


def write_reports(analysis: Analysis, html: Path | None, markdown: Path | None) -> None:
    if html:
        render_html(analysis, html)
        console.print(f"wrote {html}")
    if markdown:
        render_markdown(analysis, markdown)
        console.print(f"wrote {markdown}")


@app.command()
def ingest(paths: Paths, db: DbOption = None, processes: ProcessesOption = 1,
           language: LanguageOption = None, follow_links: FollowLinksOption = False,
           allow_private_urls: PrivateUrlsOption = False) -> None:
    """Read articles into the store without cross-checking them."""
    log = ProblemLog()
    keep = language_filter(language)
    options = IngestOptions(follow_links=follow_links, allow_private_urls=allow_private_urls)
    with failures_in_one_line():
        store = Store(db)
        try:
            ids = read_into_store(articles_in(sources(paths), log, keep, options), store,
                                  local_reader(processes))
        finally:
            store.close()
    report_skipped(keep)
    if not ids:
        errors.print("[red]error:[/] no article could be read")
        raise typer.Exit(1)
    console.print(f"{len(ids)} articles stored in {store.url}")


def stored_analysis(db: str | None) -> Analysis:
    """Everything in the store, cross-checked; the store is opened read-only."""
    with failures_in_one_line():
        store = Store(db, read_only=True)
        try:
            readings = store.load_readings()
        finally:
            store.close()
    return cross_checked(readings)


@app.command(name="export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="File (json) or folder (csv, parquet).")],
    fmt: Annotated[str, typer.Option("--format", help="json, csv or parquet.")] = "json",
    db: DbOption = None,
) -> None:
    """Export everything in the store, cross-checked, as JSON, CSV or Parquet."""
    if fmt not in ("json", "csv", "parquet"):
        errors.print(f"[red]error:[/] unknown format {fmt!r}: use json, csv or parquet")
        raise typer.Exit(2)
    fmt_checked: Format = fmt  # type: ignore[assignment]
    analysis = stored_analysis(db)
    with failures_in_one_line():
        for path in export(analysis, fmt_checked, out):
            console.print(f"wrote {path}")


@app.command()
def report(html: HtmlOption = None, markdown: MarkdownOption = None,
           db: DbOption = None) -> None:
    """Summarise everything in the store; optionally write the HTML and Markdown reports."""
    analysis = stored_analysis(db)
    print_summary(analysis, console)
    with failures_in_one_line():
        write_reports(analysis, html, markdown)


def main() -> None:
    app()
