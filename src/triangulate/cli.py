"""The command line: ``triangulate analyze | ingest | export | report | serve``."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    Task,
    TaskID,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from triangulate.settings import DEFAULTS, Settings

# The stages (spaCy, SQLAlchemy, polars, ...) are imported inside the commands that use them,
# so that `--help` and a bad option answer at once.
if TYPE_CHECKING:
    from triangulate.analysis import ArticleFilter, Reader
    from triangulate.ingest import IngestOptions, LanguageFilter
    from triangulate.ingest.article import RunDefaults
    from triangulate.report.export import Format
    from triangulate.store import Store
    from triangulate.types import Analysis, IngestProblem

app = typer.Typer(help="Sourced, cross-checked records of war reporting across outlets.",
                  no_args_is_help=True, add_completion=False, rich_markup_mode=None)
console = Console()
errors = Console(stderr=True, soft_wrap=True)


def show_versions(asked: bool) -> None:
    """``--version``: Triangulate's, the version its readings are stored under, spaCy's and
    the model's, as installed (looked up, not imported: answered at once), for a record of
    what made a result."""
    if not asked:
        return
    from triangulate.versions import PIPELINE_VERSION, installed_version

    def installed(package: str) -> str:
        return installed_version(package) or "not installed"

    console.print(f"triangulate {installed('triangulate')} (readings v{PIPELINE_VERSION}), "
                  f"spaCy {installed('spacy')}, model {DEFAULTS.model} "
                  f"{installed(DEFAULTS.model)}", highlight=False, soft_wrap=True)
    raise typer.Exit()


@app.callback()
def options(version: Annotated[bool, typer.Option(
        "--version", callback=show_versions, is_eager=True,
        help="Show the versions of Triangulate, its readings, spaCy and the model.")] = False
            ) -> None:
    """Sourced, cross-checked records of war reporting across outlets."""

DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLAlchemy URL of the store (default: $TRIANGULATE_DB or "
                 "sqlite:///triangulate.db).")]
Paths = Annotated[list[str], typer.Argument(
    help="Files or folders of articles, feed URLs, or - for standard input (text, an HTML "
         "page or JSON Lines).")]
LanguageOption = Annotated[str | None, typer.Option(
    "--language", help="Keep only articles in this language (e.g. en); the others are skipped "
                       "and counted.")]
ProcessesOption = Annotated[int, typer.Option("--processes", "-j", min=1,
                                              help="Parser processes.")]
HtmlOption = Annotated[Path | None, typer.Option(
    "--html", help="Write the HTML report (one self-contained file) to this file.")]
MarkdownOption = Annotated[Path | None, typer.Option(
    "--markdown", help="Write the report as Markdown to this file.")]
OutletOption = Annotated[str | None, typer.Option(
    "--outlet", help="Outlet of every article whose source does not name one (front matter, "
                     "page metadata and a folder's sources.csv come first; else the URL's "
                     "host; else 'outlet unknown').")]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Date (YYYY-MM-DD) of every article whose source does not give one "
                        "(front matter, page metadata and sources.csv come first; a dateline "
                        "in the text after).")]
TopOption = Annotated[int, typer.Option("--top", min=1,
                                        help="Rows per table in the terminal summary.")]
FollowLinksOption = Annotated[bool, typer.Option(
    "--follow-links", help="Read files that links inside a folder point to outside it.")]
PrivateUrlsOption = Annotated[bool, typer.Option(
    "--allow-private-urls", help="Fetch feeds from private, loopback and link-local "
                                 "addresses (and follow redirects to them).")]
ModelOption = Annotated[str, typer.Option(
    "--model", envvar="TRIANGULATE_MODEL", help="Installed spaCy English pipeline to read "
                                                "with.")]
JoinSentencesOption = Annotated[bool, typer.Option(
    "--join-sentences", help="Read two quoted sentences around one cue (\"'...,' he said. "
                             "'...'\") as one quote, as PARC-style corpora do.")]
AgreementOption = Annotated[float, typer.Option(
    "--agreement", min=0.0, help="Slack within which two figures agree, as a share of the "
                                 "larger (0.1: within 10%).")]
TensionsOption = Annotated[int, typer.Option(
    "--tensions", min=0, help="How many statements in tension to keep, best first.")]
EventGapOption = Annotated[int, typer.Option(
    "--event-gap-days", min=0, help="Days apart beyond which reports of one place are of two "
                                    "events, and statements are not compared for tension.")]
SemanticOption = Annotated[bool, typer.Option(
    "--semantic/--no-semantic", envvar="TRIANGULATE_SEMANTIC",
    help="Compare statements with sentence embeddings where the extra is installed (else "
         "by shared words).")]
SettingOption = Annotated[list[str] | None, typer.Option(
    "--setting", metavar="NAME=VALUE",
    help="Any other field of triangulate.Settings (a threshold, limit or weight); "
         "repeatable: --setting max_bytes=1000000.")]


def tuned(settings: Settings, assignments: list[str] | None) -> Settings:
    """The ``settings`` with each ``--setting name=value``; one line and exit code 2 for an
    unknown name or a bad value."""
    try:
        return settings.with_assignments(assignments or ())
    except ValueError as error:
        raise fail(f"--setting: {escape(str(error))}", code=2) from None


@contextmanager
def failures_in_one_line() -> Iterator[None]:
    """A store that cannot be written or read (disk full, read-only, locked) or an output
    that cannot be written ends the command with one line, not a traceback; each article's
    reading is one transaction, so the store holds every article stored before the fault."""
    from triangulate.store import StoreError, problem

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


@contextmanager
def interrupted_in_one_line(store: Store) -> Iterator[Callable[[], None]]:
    """Ctrl-C ends a run with one line on what is kept, not a traceback: every reading
    stored before it (a batch to a transaction), which the same command goes on from.

    The press is remembered as well as raised: Python drops an exception raised inside a
    finaliser (Dask's futures release themselves in ``__del__``), so the check this yields,
    called as each article is done and once at the end, raises it again there."""
    pressed = threading.Event()

    def on_interrupt(_signal: int, _frame: FrameType | None) -> None:
        pressed.set()
        raise KeyboardInterrupt

    def stop_if_pressed() -> None:
        if pressed.is_set():
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield stop_if_pressed
        stop_if_pressed()
    except KeyboardInterrupt:
        kept = store.counts()["articles"]
        errors.print(f"interrupted: the store holds {kept} article{'' if kept == 1 else 's'} "
                     "read; the same command goes on from there", highlight=False)
        raise typer.Exit(130) from None
    finally:
        signal.signal(signal.SIGINT, previous)


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
    from triangulate.ingest import is_url

    return [path if is_url(path) else Path(path) for path in paths]


def language_filter(language: str | None) -> LanguageFilter | None:
    from triangulate.ingest import LanguageFilter

    return LanguageFilter(language) if language else None


def report_skipped(keep: LanguageFilter | None) -> None:
    """One line for all the articles the language filter dropped, not one line each."""
    if keep and keep.skipped:
        errors.print(f"skipped {keep.skipped} article(s) not in language {keep.language!r}")


def report_unread(analysis: Analysis) -> None:
    """One line for the articles stored but not read: no pipeline reads their language."""
    from triangulate.lang import unread_languages
    from triangulate.report.terminal import unread_line

    line = unread_line(unread_languages(analysis.articles))
    if line:
        errors.print(line)


def fail(message: str, code: int = 1) -> typer.Exit:
    """One line on stderr; raise what this returns to end the command with ``code``."""
    errors.print(f"[red]error:[/] {message}", markup=True, highlight=False)
    return typer.Exit(code)


def open_store(db: str | None, must_exist: bool = False, read_only: bool = False) -> Store:
    """The store at ``db``, or one line and exit 2 where the URL is not one a store can be
    opened at (or, with ``must_exist``, where no store is there yet)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

    from triangulate.store import Store, database_url

    url = database_url(db)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise fail(f"--db {url!r} is not a database URL: give one like "
                   "sqlite:///triangulate.db or postgresql://user@host/name", 2) from None
    shown = parsed.render_as_string(hide_password=True)
    if must_exist and parsed.get_backend_name() == "sqlite" and parsed.database not in (
            None, "", ":memory:") and not Path(parsed.database).is_file():
        raise fail(f"no store at {shown}: run `triangulate analyze` first, or give --db", 2)
    store: Store | None = None
    try:
        store = Store(url, read_only=read_only)  # a read-only store is first read below
        empty = must_exist and not store.counts().get("articles")
    except (NoSuchModuleError, SQLAlchemyError, OSError, ImportError) as error:
        if store is not None:
            store.close()
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise fail(f"cannot open the store at {shown}: {reason}", 2) from None
    if empty:
        store.close()
        raise fail(f"the store at {shown} holds no articles: run `triangulate analyze` first",
                   2)
    return store


def check_outputs(*paths: Path | None) -> None:
    """Every output file's folder must exist: one line and exit 2 before any work if not."""
    for path in paths:
        if path is not None and not path.parent.is_dir():
            raise fail(f"cannot write {path}: no folder {path.parent}", 2)


def run_defaults(outlet: str | None, published: str | None) -> RunDefaults:
    from triangulate.ingest.article import RunDefaults, iso_date

    if published and iso_date(published) is None:
        raise fail(f"--published {published!r} is not a date: give YYYY-MM-DD", 2)
    return RunDefaults(outlet=outlet or None, published=iso_date(published))


def take_stock(paths: list[str]) -> int | None:
    """Says which files the folders hold that are passed over (one line per kind) and which
    sources.csv cannot be used; returns the number of articles where cheap to count."""
    from triangulate.ingest.inventory import files_phrase, take_inventory

    inventory = take_inventory(sources(paths))
    for what, count in sorted(inventory.passed_over.items()):
        errors.print(f"skipped {files_phrase(count, what)}", highlight=False)
    for problem in inventory.problems:
        errors.print(f"[yellow]warning:[/] {escape(problem)}", markup=True, highlight=False)
    return inventory.articles


def nothing_read(paths: list[str]) -> typer.Exit:
    """The error for a run that read no article, with what its folders hold."""
    from triangulate.ingest.inventory import files_phrase, take_inventory

    seen, readable = [], 0
    for path in (p for p in paths if Path(p).is_dir()):
        inventory = take_inventory([Path(path)])
        held = inventory.readable + inventory.passed_over
        readable += inventory.readable.total()
        kinds = ", ".join(files_phrase(n, what) for what, n in sorted(held.items()))
        seen.append(f"{path} holds {kinds or 'no files'}")
    found = f" ({'; '.join(seen)})" if seen else ""
    hint = ": give .txt, .html, .jsonl, .warc or feed files" if seen and not readable else ""
    return fail(f"no article could be read{found}{hint}")


def make_reader(engine: Engine, processes: int, scheduler: str | None,
                work: Path | None, settings: Settings = DEFAULTS) -> Reader:
    if engine is Engine.local:
        if scheduler or work:
            raise typer.BadParameter("--scheduler and --work need --engine dask")
        from triangulate.analysis import local_reader

        return local_reader(processes, settings)
    if scheduler is None:  # a local cluster: its workers' fork server loads meanwhile
        from triangulate.engine import forkserver

        forkserver.start()
    from triangulate.engine.dask import DaskReader  # Dask is imported only when asked for

    return DaskReader(scheduler, work, workers=max(2, processes), settings=settings)


class CountColumn(MofNCompleteColumn):
    """``3/12`` for a task with a total; nothing for a phase that has none."""

    def render(self, task: Task) -> Text:
        return super().render(task) if task.total is not None else Text("")


class EtaColumn(TimeRemainingColumn):
    """``eta 0:01:10`` for a task with a total; nothing for a phase that has none."""

    def render(self, task: Task) -> Text:
        return Text.assemble("eta ", super().render(task)) if task.total is not None \
            else Text("")


def progress_bar() -> Progress:
    return Progress(SpinnerColumn(), "[progress.description]{task.description}", BarColumn(),
                    CountColumn(), TimeElapsedColumn(), EtaColumn(), console=errors,
                    transient=True, disable=not errors.is_terminal)


class Phases:
    """One bar while the inputs are looked at, one for reading (with the total where known),
    then one labelled bar per later phase, so that a long cross-check is never a still
    screen."""

    READING = "reading articles"
    STARTING = f"{READING} (loading the parser)"  # until the first article is done

    def __init__(self, bar: Progress, paths: list[str],
                 stop_if_pressed: Callable[[], None] = lambda: None) -> None:
        self.bar = bar
        self.stop_if_pressed = stop_if_pressed
        self.task: TaskID = bar.add_task("looking at the inputs", total=None)
        self.started = False
        self.phase(self.STARTING, take_stock(paths))

    def advance(self, done: int) -> None:
        self.stop_if_pressed()
        if done and not self.started:
            self.started = True
            self.bar.update(self.task, description=self.READING)
        self.bar.update(self.task, completed=done)

    def phase(self, label: str, total: int | None = None) -> None:
        self.bar.update(self.task, visible=False)
        self.task = self.bar.add_task(label, total=total)
        self.started = self.started or label != self.STARTING  # a later phase's own count


def analyse_with_progress(paths: list[str], store: Store, log: ProblemLog, reader: Reader,
                          keep: ArticleFilter | None, options: IngestOptions,
                          settings: Settings, stop_if_pressed: Callable[[], None]) -> Analysis:
    from triangulate.analysis import run

    with progress_bar() as bar:
        phases = Phases(bar, paths, stop_if_pressed)
        return run(sources(paths), store, log, phases.advance, keep=keep, reader=reader,
                   on_phase=phases.phase, options=options, settings=settings)


@app.command()
def analyze(
    paths: Paths,
    db: DbOption = None,
    json_out: Annotated[Path | None, typer.Option(
        "--json", help="Write the analysis JSON (eval/CONTRACT.md) to this file ('-': to "
                       "standard output, with no summary).")] = None,
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
    outlet: OutletOption = None,
    published: PublishedOption = None,
    top: TopOption = 10,
    follow_links: FollowLinksOption = False,
    allow_private_urls: PrivateUrlsOption = False,
    tensions: TensionsOption = DEFAULTS.tensions,
    agreement: AgreementOption = DEFAULTS.agreement,
    event_gap_days: EventGapOption = DEFAULTS.event_gap_days,
    semantic: SemanticOption = DEFAULTS.semantic,
    join_sentences: JoinSentencesOption = DEFAULTS.join_sentences,
    model: ModelOption = DEFAULTS.model,
    setting: SettingOption = None,
) -> None:
    """Ingest, read, cross-check and summarise articles."""
    from triangulate.ingest import IngestOptions
    from triangulate.ingest.article import run_defaults as given
    from triangulate.report import STDOUT, print_summary, write_json

    check_outputs(json_out, html, markdown)
    defaults = run_defaults(outlet, published)
    settings = tuned(Settings(model=model, join_sentences=join_sentences, agreement=agreement,
                              event_gap_days=event_gap_days, tensions=tensions,
                              semantic=semantic), setting)
    reader = make_reader(engine, processes, scheduler, work, settings)
    log = ProblemLog()
    keep = language_filter(language)
    options = IngestOptions(follow_links=follow_links, allow_private_urls=allow_private_urls,
                            settings=settings)
    store = open_store(db)
    with failures_in_one_line():
        try:
            with given(defaults), interrupted_in_one_line(store) as stop_if_pressed:
                analysis = analyse_with_progress(paths, store, log, reader, keep, options,
                                                 settings, stop_if_pressed)
        finally:
            store.close()
    report_skipped(keep)
    report_unread(analysis)
    if not analysis.articles:
        raise nothing_read(paths)
    with failures_in_one_line():
        if json_out:
            write_json(analysis, json_out)
        written = [json_out] if json_out and json_out != STDOUT else []
        written += write_reports(analysis, html, markdown)
    if json_out == STDOUT:  # standard output holds the JSON, and nothing else
        say_written(written, errors)
        return
    if not quiet:
        print_summary(analysis, console, top=top)
    say_written(written)


def write_reports(analysis: Analysis, html: Path | None, markdown: Path | None) -> list[Path]:
    """The reports asked for, written; returns their paths. Files are written before
    anything is printed, so that a summary piped into a pager or ``head`` that closes early
    costs none of them."""
    from triangulate.report import render_html, render_markdown

    if html:
        render_html(analysis, html)
    if markdown:
        render_markdown(analysis, markdown)
    return [path for path in (html, markdown) if path]


def say_written(paths: list[Path], to: Console = console) -> None:
    for path in paths:
        to.print(f"wrote {path}")


@app.command()
def ingest(paths: Paths, db: DbOption = None, processes: ProcessesOption = 1,
           language: LanguageOption = None, outlet: OutletOption = None,
           published: PublishedOption = None, follow_links: FollowLinksOption = False,
           allow_private_urls: PrivateUrlsOption = False,
           join_sentences: JoinSentencesOption = DEFAULTS.join_sentences,
           model: ModelOption = DEFAULTS.model, setting: SettingOption = None) -> None:
    """Read articles into the store without cross-checking them."""
    from triangulate.analysis import articles_in, local_reader, read_into_store
    from triangulate.ingest import IngestOptions
    from triangulate.ingest.article import run_defaults as given

    defaults = run_defaults(outlet, published)
    settings = tuned(Settings(model=model, join_sentences=join_sentences), setting)
    log = ProblemLog()
    keep = language_filter(language)
    options = IngestOptions(follow_links=follow_links, allow_private_urls=allow_private_urls,
                            settings=settings)
    store = open_store(db)
    with failures_in_one_line():
        try:
            with given(defaults), interrupted_in_one_line(store) as stop_if_pressed, \
                    progress_bar() as bar:
                phases = Phases(bar, paths, stop_if_pressed)
                ids = read_into_store(articles_in(sources(paths), log, keep, options), store,
                                      local_reader(processes, settings), phases.advance,
                                      settings)
        finally:
            store.close()
    report_skipped(keep)
    if not ids:
        raise nothing_read(paths)
    from triangulate.report.terminal import plural

    console.print(f"{plural(len(ids), 'article')} stored in {store.url}")


def analysis_of_store(db: str | None, settings: Settings = DEFAULTS) -> Analysis:
    """Everything in the store, cross-checked (its groups with the ``settings``); the store
    is opened read-only."""
    from triangulate.analysis import stored_analysis

    store = open_store(db, must_exist=True, read_only=True)
    with failures_in_one_line(), progress_bar() as bar:
        bar.add_task("loading and cross-checking the store", total=None)
        try:
            return stored_analysis(store, settings)
        finally:
            store.close()


@app.command(name="export")
def export_command(
    out: Annotated[Path, typer.Option(
        "--out", help="File (json; '-' for standard output) or folder (csv, parquet).")],
    fmt: Annotated[str | None, typer.Option(
        "--format", help="json, csv or parquet (default: by the --out suffix, else json).")
    ] = None,
    db: DbOption = None,
    agreement: AgreementOption = DEFAULTS.agreement,
    event_gap_days: EventGapOption = DEFAULTS.event_gap_days,
    setting: SettingOption = None,
) -> None:
    """Export everything in the store, cross-checked, as JSON, CSV or Parquet."""
    from triangulate.report import STDOUT, export

    fmt = fmt or format_of(out)
    if fmt not in ("json", "csv", "parquet"):
        errors.print(f"[red]error:[/] unknown format {fmt!r}: use json, csv or parquet")
        raise typer.Exit(2)
    if out == STDOUT and fmt != "json":
        raise fail(f"--out - (standard output) takes json; {fmt} needs a folder", 2)
    fmt_checked: Format = fmt  # type: ignore[assignment]
    check_outputs(out if fmt == "json" else None)
    analysis = analysis_of_store(db, tuned(Settings(agreement=agreement,
                                                    event_gap_days=event_gap_days), setting))
    with failures_in_one_line():
        written = export(analysis, fmt_checked, out)
    say_written([path for path in written if path != STDOUT])


def format_of(out: Path) -> str:
    """The export format an ``--out`` path names by its suffix ("tables.parquet" is a folder of
    Parquet files); JSON where the suffix names none."""
    suffix = out.suffix.lower().lstrip(".")
    return suffix if suffix in ("csv", "parquet") else "json"


@app.command()
def report(html: HtmlOption = None, markdown: MarkdownOption = None,
           db: DbOption = None, top: TopOption = 10,
           agreement: AgreementOption = DEFAULTS.agreement,
           event_gap_days: EventGapOption = DEFAULTS.event_gap_days,
           setting: SettingOption = None) -> None:
    """Summarise everything in the store; optionally write the HTML and Markdown reports."""
    from triangulate.report import print_summary

    check_outputs(html, markdown)
    analysis = analysis_of_store(db, tuned(Settings(agreement=agreement,
                                                    event_gap_days=event_gap_days), setting))
    with failures_in_one_line():
        written = write_reports(analysis, html, markdown)
    print_summary(analysis, console, top=top)
    say_written(written)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
    semantic: SemanticOption = DEFAULTS.semantic,
    setting: SettingOption = None,
) -> None:
    """Serve the store as a web app and a REST API (writes need $TRIANGULATE_TOKEN)."""
    import os

    import uvicorn  # the web stack is imported only when serving
    from sqlalchemy.engine import make_url

    from triangulate.store import database_url
    from triangulate.web import create_app

    token = os.environ.get("TRIANGULATE_TOKEN") or None
    # One line, not a traceback, where no store can be opened there; without the token that
    # allows uploads, a store that is missing or empty would be served as an empty site.
    open_store(db, must_exist=token is None).close()
    shown = make_url(database_url(db)).render_as_string(hide_password=True)
    settings = tuned(Settings(semantic=semantic), setting)
    if token is None:
        errors.print("[yellow]writes refused:[/] TRIANGULATE_TOKEN is not set, so the API and "
                     "the upload form are read-only")
    console.print(f"serving {shown} on http://{host}:{port}/ "
                  "(API: /api/v1, OpenAPI: /api/v1/openapi.json)")
    uvicorn.run(create_app(db, token, settings=settings), host=host,
                port=port, log_level="info")


def main() -> None:
    app()
