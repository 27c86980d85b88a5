"""The command line: ``triangulate analyze | ingest | export | report | serve``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

# The stages (spaCy, SQLAlchemy, polars, ...) are imported inside the commands that use them,
# so that `--help` and a bad option answer at once.
if TYPE_CHECKING:
    from triangulate.analysis import ArticleFilter, Reader
    from triangulate.ingest import LanguageFilter
    from triangulate.report.export import Format
    from triangulate.store import Store
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
PROGRESS_FROM = 5  # articles; smaller runs print no bar


class ProblemLog:
    """Prints each unreadable input on one line and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, problem: IngestProblem) -> None:
        self.count += 1
        errors.print(f"[yellow]skipped[/] {problem}", markup=True, highlight=False)


class Engine(StrEnum):
    local = "local"
    dask = "dask"


def sources(paths: list[str]) -> list[str | Path]:
    """Feed URLs as given (a ``Path`` would fold their ``//``), everything else as a path."""
    from triangulate.ingest import is_url

    return [path if is_url(path) else Path(path) for path in paths]


def language_filter(language: str | None) -> LanguageFilter | None:
    from triangulate.ingest import LanguageFilter

    return LanguageFilter(language) if language else None


def report_skipped(keep: LanguageFilter | None) -> None:
    """One line for all the articles the language filter dropped, not one line each."""
    if keep and keep.skipped:
        errors.print(f"skipped {keep.skipped} article(s) not in language {keep.language!r}")


def make_reader(engine: Engine, processes: int, scheduler: str | None,
                work: Path | None) -> Reader:
    from triangulate.analysis import local_reader

    if engine is Engine.local:
        if scheduler or work:
            raise typer.BadParameter("--scheduler and --work need --engine dask")
        return local_reader(processes)
    from triangulate.engine.dask import DaskReader  # Dask is imported only when asked for

    return DaskReader(scheduler, work, workers=max(2, processes))


def analyse_with_progress(paths: list[str], store: Store, log: ProblemLog, reader: Reader,
                          keep: ArticleFilter | None, tension_limit: int = 10) -> Analysis:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from triangulate.analysis import run

    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=errors,
                  transient=True) as bar:
        task = bar.add_task("reading articles", total=None, visible=False)

        def advance(done: int) -> None:
            bar.update(task, completed=done, visible=done >= PROGRESS_FROM)

        return run(sources(paths), store, log, advance, keep=keep, reader=reader,
                   tension_limit=tension_limit)


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
    tensions: Annotated[int, typer.Option(
        "--tensions", min=0, help="How many statements in tension to keep, best first.")] = 10,
) -> None:
    """Ingest, read, cross-check and summarise articles."""
    from triangulate.report import print_summary, write_json
    from triangulate.store import Store

    reader = make_reader(engine, processes, scheduler, work)
    log = ProblemLog()
    keep = language_filter(language)
    store = Store(db)
    try:
        analysis = analyse_with_progress(paths, store, log, reader, keep, tensions)
    finally:
        store.close()
    report_skipped(keep)
    if not analysis.articles:
        errors.print("[red]error:[/] no article could be read")
        raise typer.Exit(1)
    if not quiet:
        print_summary(analysis, console)
    if json_out:
        write_json(analysis, json_out)
        console.print(f"wrote {json_out}")
    write_reports(analysis, html, markdown)


def write_reports(analysis: Analysis, html: Path | None, markdown: Path | None) -> None:
    from triangulate.report import render_html, render_markdown

    if html:
        render_html(analysis, html)
        console.print(f"wrote {html}")
    if markdown:
        render_markdown(analysis, markdown)
        console.print(f"wrote {markdown}")


@app.command()
def ingest(paths: Paths, db: DbOption = None, processes: ProcessesOption = 1,
           language: LanguageOption = None) -> None:
    """Read articles into the store without cross-checking them."""
    from triangulate.analysis import articles_in, local_reader, read_into_store
    from triangulate.store import Store

    log = ProblemLog()
    keep = language_filter(language)
    store = Store(db)
    try:
        ids = read_into_store(articles_in(sources(paths), log, keep), store,
                              local_reader(processes))
    finally:
        store.close()
    report_skipped(keep)
    if not ids:
        errors.print("[red]error:[/] no article could be read")
        raise typer.Exit(1)
    console.print(f"{len(ids)} articles stored in {store.url}")


def stored_analysis(db: str | None) -> Analysis:
    from triangulate.analysis import stored_analysis as analysis_of
    from triangulate.store import Store

    store = Store(db)
    try:
        return analysis_of(store)
    finally:
        store.close()


@app.command(name="export")
def export_command(
    out: Annotated[Path, typer.Option("--out", help="File (json) or folder (csv, parquet).")],
    fmt: Annotated[str, typer.Option("--format", help="json, csv or parquet.")] = "json",
    db: DbOption = None,
) -> None:
    """Export everything in the store, cross-checked, as JSON, CSV or Parquet."""
    from triangulate.report import export

    if fmt not in ("json", "csv", "parquet"):
        errors.print(f"[red]error:[/] unknown format {fmt!r}: use json, csv or parquet")
        raise typer.Exit(2)
    fmt_checked: Format = fmt  # type: ignore[assignment]
    for path in export(stored_analysis(db), fmt_checked, out):
        console.print(f"wrote {path}")


@app.command()
def report(html: HtmlOption = None, markdown: MarkdownOption = None,
           db: DbOption = None) -> None:
    """Summarise everything in the store; optionally write the HTML and Markdown reports."""
    from triangulate.report import print_summary

    analysis = stored_analysis(db)
    print_summary(analysis, console)
    write_reports(analysis, html, markdown)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
) -> None:
    """Serve the store as a web app and a REST API (writes need $TRIANGULATE_TOKEN)."""
    import os

    import uvicorn  # the web stack is imported only when serving

    from triangulate.store import database_url
    from triangulate.web import create_app

    token = os.environ.get("TRIANGULATE_TOKEN") or None
    if token is None:
        errors.print("[yellow]writes refused:[/] TRIANGULATE_TOKEN is not set, so the API and "
                     "the upload form are read-only")
    console.print(f"serving {database_url(db)} on http://{host}:{port}/ "
                  "(API: /api/v1, OpenAPI: /api/v1/openapi.json)")
    uvicorn.run(create_app(db, token), host=host, port=port, log_level="info")


def main() -> None:
    app()
