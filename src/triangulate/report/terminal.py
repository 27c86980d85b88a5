"""The terminal summary: the story at a glance, figures side by side, quotes by speaker,
framing by outlet, and statements in tension, as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from triangulate.report import views
from triangulate.types import SOURCE_KINDS, Analysis

STATUS_STYLE = {"corroborated": "green", "compatible": "cyan", "conflicting": "bold red",
                "single_source": "yellow"}
FIRST_WORDS = 70


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    span = views.date_span(analysis)
    console.print(f"[bold]{len(analysis.articles)} articles[/] from "
                  f"{len(views.outlets(analysis))} outlets{', ' + span if span else ''}, "
                  f"{len(analysis.quotes)} quotes, {len(analysis.claims)} figures, "
                  f"{len(analysis.groups)} groups, {len(analysis.tensions)} tensions")
    for table in (outlets_table(analysis), key_figures_table(analysis), groups_table(analysis),
                  speakers_table(analysis), framing_table(analysis), words_table(analysis)):
        console.print(table)
    for tension in analysis.tensions:
        console.print(f"[magenta]tension[/] ({escape(tension.why)})\n  {tension.a.article}: "
                      f"{escape(tension.a.sentence)}\n  {tension.b.article}: "
                      f"{escape(tension.b.sentence)}")


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_style="bold", show_lines=False)
    for column in columns:
        table.add_column(column)
    return table


def _status(status: str) -> str:
    return f"[{STATUS_STYLE.get(status, '')}]{views.STATUS_WORDS.get(status, status)}[/]"


def outlets_table(analysis: Analysis) -> Table:
    table = _table("The story at a glance: outlets", "outlet", "articles", "published")
    for outlet in views.outlets(analysis):
        table.add_row(escape(outlet.name), str(len(outlet.articles)), outlet.dates)
    return table


def key_figures_table(analysis: Analysis) -> Table:
    table = _table("Key figures", "measure", "about", "status", "low / best / high", "sources")
    for group in analysis.groups:
        table.add_row(group.measure, escape(group.subject), _status(group.status),
                      views.estimate(group), str(len(group.sources)))
    return table


def groups_table(analysis: Analysis) -> Table:
    table = _table("Figures side by side", "measure: about", "figure", "source", "outlet",
                   "published")
    articles = {a.id: a for a in analysis.articles}
    for group in analysis.groups:
        rows = sorted((analysis.claims[i] for i in group.claims),
                      key=lambda c: articles[c.article].published or "")
        for n, claim in enumerate(rows):
            article = articles[claim.article]
            title = f"{escape(views.group_title(group))}\n{_status(group.status)}" if n == 0 \
                else ""
            table.add_row(title, escape(views.figure(claim)),
                          escape(claim.source or "the outlet itself"),
                          escape(views.outlet_name(article)), article.published or "")
        table.add_section()
    return table


def speakers_table(analysis: Analysis) -> Table:
    table = _table("Quotes by speaker", "speaker", "role", "quotes", "to / in", "first words")
    articles = {a.id: a for a in analysis.articles}
    for speaker in views.speakers(analysis):
        _, quote = speaker.quotes[0]
        where = dict.fromkeys(views.outlet_name(articles[q.article]) for _, q in speaker.quotes)
        via = dict.fromkeys(q.via for _, q in speaker.quotes if q.via)
        places = "; ".join([*(f"to {v}" for v in via), *(f"in {w}" for w in where)])
        table.add_row(escape(speaker.name), escape(speaker.role), str(len(speaker.quotes)),
                      escape(places), escape(" ".join(quote.text.split())[:FIRST_WORDS]))
    return table


def framing_table(analysis: Analysis) -> Table:
    table = _table("Framing by outlet", "outlet", "words", "loaded (per 1k; in quotes)",
                   "scare quotes", "hedges", "sources named / anon. / inst. / media")
    for row in views.framing_by_outlet(analysis):
        counts = row.counts
        sources = " / ".join(counts[f"{kind}_sources"] for kind in SOURCE_KINDS)
        table.add_row(escape(row.outlet), counts["words"],
                      f"{counts['loaded']} ({counts['loaded_per_1000']}; "
                      f"{counts['loaded_in_quotes']})",
                      counts["scare_quotes"], counts["hedges"], sources)
    return table


def words_table(analysis: Analysis) -> Table:
    table = _table("The words they choose", "outlet", "loaded words", "scare quotes", "hedges")
    for row in views.framing_by_outlet(analysis):
        table.add_row(escape(row.outlet), *(escape(_tally(words)) for words in (
            row.loaded, row.scare_quotes, row.hedges)))
    return table


def _tally(words: list[tuple[str, int]]) -> str:
    return ", ".join(f"{word} ×{n}" if n > 1 else word for word, n in words)
