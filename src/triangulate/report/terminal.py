"""The terminal summary: the story at a glance, figures side by side, quotes by speaker,
framing by outlet, and statements in tension, as rich tables.

Each table shows its first ``top`` rows (the most sourced figures, the most quoted speakers,
the strongest tensions) and says how many it leaves out; cells wrap between words, so that the
summary reads at 80 columns.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from triangulate.report import views
from triangulate.types import SOURCE_KINDS, Analysis, Group, Tension

Row = TypeVar("Row")

STATUS_STYLE = {"corroborated": "green", "compatible": "cyan", "conflicting": "bold red",
                "single_source": "yellow"}
FIRST_WORDS = 70  # characters of a quote's opening, cut between words
TOP = 10
SHORT_CELL = 14  # cells; a cell this short (a figure, a date, a count) is never wrapped


def plural(count: int, noun: str, many: str | None = None) -> str:
    """``1 article``, ``2 articles``; ``many`` where the plural is not the noun and an s."""
    return f"{count:,} {noun if count == 1 else many or noun + 's'}"


def headline(analysis: Analysis) -> str:
    span = views.date_span(analysis)
    return (f"[bold]{plural(len(analysis.articles), 'article')}[/] from "
            f"{plural(len(views.outlets(analysis)), 'outlet')}"
            f"{', ' + span if span else ''}, {plural(len(analysis.quotes), 'quote')}, "
            f"{plural(len(analysis.claims), 'figure')}, {plural(len(analysis.groups), 'group')}, "
            f"{plural(len(analysis.tensions), 'tension')}")


def unread_line(languages: Mapping[str, int]) -> str | None:
    """One line for the articles in languages without a pipeline, counted by language."""
    total = sum(languages.values())
    if not total:
        return None
    counts = ", ".join(f"{code} {n}" for code, n in sorted(languages.items(),
                                                           key=lambda item: (-item[1], item[0])))
    where = "a language" if total == 1 else "languages"
    return f"{plural(total, 'article')} in {where} without a pipeline ({counts}): stored, not read"


def print_summary(analysis: Analysis, console: Console | None = None, top: int = TOP) -> None:
    console = console or Console()
    console.print(headline(analysis))
    for table in (outlets_table(analysis, top), key_figures_table(analysis, top),
                  groups_table(analysis, top), speakers_table(analysis, top),
                  framing_table(analysis, top), words_table(analysis, top)):
        if not table.row_count:  # one line, not a frame around nothing
            console.print(f"[bold]{table.title}[/]: [dim]none[/]")
            continue
        table.fit(console.width)
        console.print(table)
    print_tensions(analysis, console, top)


def print_tensions(analysis: Analysis, console: Console, top: int) -> None:
    articles = {a.id: a for a in analysis.articles}

    def said(side_article: str, sentence: str) -> str:
        article = articles.get(side_article)
        outlet = views.outlet_name(article) if article else views.UNKNOWN_OUTLET
        return f"  [bold]{escape(outlet)}[/]: {escape(sentence)}"

    shown = strongest(analysis.tensions, top)
    for tension in shown:
        console.print(f"[magenta]tension[/] ({escape(tension.why)})")
        console.print(said(tension.a.article, tension.a.sentence))
        console.print(said(tension.b.article, tension.b.sentence))
    if len(analysis.tensions) > len(shown):
        console.print(left_out(len(analysis.tensions) - len(shown), "tension"))


def strongest(tensions: Sequence[Tension], top: int) -> list[Tension]:
    return sorted(tensions, key=lambda t: -t.score)[:top]


def left_out(count: int, noun: str) -> str:
    return f"[dim]… and {plural(count, 'more ' + noun)} (--top shows more)[/]"


class WholeWordTable(Table):
    """A table that wraps its cells between words: :meth:`fit` gives each column at least its
    longest word (a short cell whole), shortening the longest words only where they cannot
    all fit, and narrows the widest columns first, where rich alone would narrow every column
    alike and cut words."""

    def __init__(self, *args: Any, **options: Any) -> None:
        super().__init__(*args, **options)
        self.words: list[int] = []  # per column: its longest word
        self.whole: list[int] = []  # per column: its longest word, or short cell kept whole
        self.lines: list[int] = []  # per column: its longest line

    def add_column(self, header: Any = "", *args: Any, **options: Any) -> None:
        super().add_column(header, *args, **options)
        self.words.append(0)
        self.whole.append(0)
        self.lines.append(0)
        self._measure(len(self.columns) - 1, str(header))

    def add_row(self, *renderables: Any, **options: Any) -> None:
        for index, cell in enumerate(renderables):
            if isinstance(cell, str):
                self._measure(index, cell)
        super().add_row(*renderables, **options)

    def _measure(self, index: int, cell: str) -> None:
        plain = Text.from_markup(cell).plain
        word = max((cell_len(w) for w in plain.split()), default=0)
        line = max((cell_len(x) for x in plain.splitlines()), default=0)
        self.words[index] = max(self.words[index], word)
        self.whole[index] = max(self.whole[index], line if line <= SHORT_CELL else word)
        self.lines[index] = max(self.lines[index], line)

    def fit(self, width: int) -> None:
        """Cap every column at one width, the largest at which the table fits in ``width``."""
        room = width - 3 * len(self.columns) - 1  # borders and padding
        shortest = self.whole if sum(self.whole) <= room else self.words
        for word_cap in range(max(shortest, default=0), 0, -1):
            if sum(min(word, word_cap) for word in shortest) <= room:
                shortest = [min(word, word_cap) for word in shortest]
                break
        longest = [max(line, low) for line, low in zip(self.lines, shortest, strict=True)]
        cap = max(longest, default=0)
        while cap > 1 and sum(min(high, max(low, cap))
                              for low, high in zip(shortest, longest, strict=True)) > room:
            cap -= 1
        for column, low, high in zip(self.columns, shortest, longest, strict=True):
            column.min_width = low
            column.max_width = min(high, max(low, cap))


def _table(title: str, *columns: str) -> WholeWordTable:
    table = WholeWordTable(title=title, title_style="bold", show_lines=False)
    for column in columns:
        table.add_column(column)
    return table


def _first(rows: Sequence[Row], top: int, table: Table, noun: str) -> Sequence[Row]:
    """The first ``top`` rows; the table's caption says how many are left out."""
    if len(rows) > top:
        table.caption = left_out(len(rows) - top, noun)
    return rows[:top]


def most_sourced(groups: Sequence[Group]) -> list[Group]:
    return sorted(groups, key=lambda g: -len(g.sources))


def _status(status: str) -> str:
    return f"[{STATUS_STYLE.get(status, '')}]{views.STATUS_WORDS.get(status, status)}[/]"


def outlets_table(analysis: Analysis, top: int = TOP) -> WholeWordTable:
    table = _table("The story at a glance: outlets", "outlet", "articles", "published")
    found = sorted(views.outlets(analysis), key=lambda o: -len(o.articles))
    for outlet in _first(found, top, table, "outlet"):
        table.add_row(escape(outlet.name), str(len(outlet.articles)), outlet.dates)
    return table


def key_figures_table(analysis: Analysis, top: int = TOP) -> WholeWordTable:
    table = _table("Key figures", "measure", "about", "event", "status", "low / best / high",
                   "sources")
    for group in _first(most_sourced(analysis.groups), top, table, "group"):
        table.add_row(views.label(group.measure), escape(group.subject), escape(group.event or ""),
                      _status(group.status), views.estimate(group), str(len(group.sources)))
    return table


def groups_table(analysis: Analysis, top: int = TOP) -> WholeWordTable:
    """The most sourced groups' figures, ``top`` rows in all; a group that would pass the
    limit shows the figures that fit and says how many it leaves out."""
    table = _table("Figures side by side", "measure: about", "figure", "source", "outlet",
                   "published")
    articles = {a.id: a for a in analysis.articles}
    places = views.claim_places(analysis)
    room, groups_left = top, 0
    for group in most_sourced(analysis.groups):
        if room <= 0:
            groups_left += 1
            continue
        rows = sorted((c for _, c in views.grouped_claims(analysis, group, places)),
                      key=lambda c: articles[c.article].published or "")
        title = f"{escape(views.group_title(group))}\n{_status(group.status)}"
        if len(rows) > room:
            title += f"\n[dim]+{len(rows) - room} more[/]"
        for n, claim in enumerate(rows[:room]):
            article = articles[claim.article]
            table.add_row(title if n == 0 else "", escape(views.figure(claim)),
                          escape(claim.source or "the outlet itself"),
                          escape(views.outlet_name(article)), article.published or "")
        room -= len(rows)
        table.add_section()
    if groups_left:
        table.caption = left_out(groups_left, "group")
    return table


def speakers_table(analysis: Analysis, top: int = TOP) -> WholeWordTable:
    table = _table("Quotes by speaker", "speaker", "role", "quotes", "to / in", "first words")
    articles = {a.id: a for a in analysis.articles}
    for speaker in _first(views.speakers(analysis), top, table, "speaker"):
        _, quote = speaker.quotes[0]
        where = dict.fromkeys(views.outlet_name(articles[q.article]) for _, q in speaker.quotes)
        via = dict.fromkeys(q.via for _, q in speaker.quotes if q.via)
        places = "; ".join([*(f"to {v}" for v in via), *(f"in {w}" for w in where)])
        table.add_row(escape(speaker.name), escape(speaker.role), str(len(speaker.quotes)),
                      escape(places), escape(views.first_words(quote.text, FIRST_WORDS)))
    return table


def framing_table(analysis: Analysis, top: int = TOP) -> WholeWordTable:
    table = _table("Framing by outlet", "outlet", "words", "loaded (per 1k; in quotes)",
                   "scare quotes", "hedges", "sources named / anon. / inst. / media")
    for row in _first(views.framing_by_outlet(analysis), top, table, "outlet"):
        counts = row.counts
        sources = " / ".join(counts[f"{kind}_sources"] for kind in SOURCE_KINDS)
        table.add_row(escape(row.outlet), counts["words"],
                      f"{counts['loaded']} ({counts['loaded_per_1000']}; "
                      f"{counts['loaded_in_quotes']})",
                      counts["scare_quotes"], counts["hedges"], sources)
    return table


def words_table(analysis: Analysis, top: int = TOP) -> WholeWordTable:
    """Each outlet's ``top`` most frequent words of each kind, and how many others."""
    table = _table("The words they choose", "outlet", "loaded words", "scare quotes", "hedges")
    for row in _first(views.framing_by_outlet(analysis), top, table, "outlet"):
        table.add_row(escape(row.outlet), *(most_frequent(words, top) for words in (
            row.loaded, row.scare_quotes, row.hedges)))
    return table


def most_frequent(words: list[tuple[str, int]], top: int) -> str:
    """The first ``top`` of a tally (most frequent first), and "+N more" for the rest."""
    shown = escape(views.tally_words(words[:top]))
    return f"{shown} [dim]+{len(words) - top} more[/]" if len(words) > top else shown

