"""The command line: ``triangulate analyze | ingest | export | report``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from triangulate.analysis import collect, run
from triangulate.reconcile import crosscheck
from triangulate.report import export, print_summary, render_html, write_json
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
Paths = Annotated[list[Path], typer.Argument(help="Files or folders of articles.")]
PROGRESS_FROM = 5  # articles; smaller runs print no bar


class ProblemLog:
    """Prints each unreadable input on one line and counts them."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, problem: IngestProblem) -> None:
        self.count += 1
        errors.print(f"[yellow]skipped[/] {problem}", markup=True, highlight=False)


def analyse_with_progress(paths: list[Path], store: Store, log: ProblemLog,
                          n_process: int) -> Analysis:
    with Progress("[progress.description]{task.description}", BarColumn(),
                  MofNCompleteColumn(), TimeElapsedColumn(), console=errors,
                  transient=True) as bar:
        task = bar.add_task("reading articles", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, visible=total >= PROGRESS_FROM)

        return run(paths, store, log, advance, n_process=n_process)


@app.command()
def analyze(
    paths: Paths,
    db: DbOption = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the analysis JSON "
                                                  "(eval/CONTRACT.md) to this file.")] = None,
    html: Annotated[Path | None, typer.Option("--html", help="Write the HTML report.")] = None,
    processes: Annotated[int, typer.Option("--processes", "-j", min=1,
                                           help="Parser processes.")] = 1,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Ingest, read, cross-check and summarise articles."""
    log = ProblemLog()
    store = Store(db)
    try:
        analysis = analyse_with_progress(paths, store, log, processes)
    finally:
        store.close()
    if not analysis.articles:
        errors.print("[red]error:[/] no article could be read")
        raise typer.Exit(1)
    if not quiet:
        print_summary(analysis, console)
    if json_out:
        write_json(analysis, json_out)
        console.print(f"wrote {json_out}")
    if html:
        render_html(analysis, html)
        console.print(f"wrote {html}")


@app.command()
def ingest(paths: Paths, db: DbOption = None) -> None:
    """Read articles into the store without cross-checking them."""
    log = ProblemLog()
    store = Store(db)
    try:
        articles = collect(paths, log)
        if not articles:
            errors.print("[red]error:[/] no article could be read")
            raise typer.Exit(1)
        from triangulate.analysis import read_all

        read_all(articles, store, None, 1)
        console.print(f"{len(articles)} articles stored in {store.url}")
    finally:
        store.close()


def stored_analysis(db: str | None) -> Analysis:
    store = Store(db)
    try:
        readings = store.load_readings()
    finally:
        store.close()
    return crosscheck(readings)


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
    for path in export(stored_analysis(db), fmt_checked, out):
        console.print(f"wrote {path}")


@app.command()
def report(
    html: Annotated[Path | None, typer.Option("--html", help="Write the HTML report.")] = None,
    db: DbOption = None,
) -> None:
    """Summarise everything in the store; optionally write the HTML report."""
    analysis = stored_analysis(db)
    print_summary(analysis, console)
    if html:
        render_html(analysis, html)
        console.print(f"wrote {html}")


def main() -> None:
    app()
