"""The terminal summary: articles, quotes by speaker, figures side by side, tensions."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table

from triangulate.types import Analysis, Claim

STATUS_STYLE = {"corroborated": "green", "compatible": "cyan", "conflicting": "bold red",
                "single_source": "yellow"}


def figure(claim: Claim) -> str:
    words = {"at_least": "≥", "more_than": ">", "about": "~", "at_most": "≤",
             "less_than": "<"}
    if claim.value is None:
        return claim.text or "?"
    value = f"{claim.value:.0%}" if claim.measure == "share" else f"{claim.value:,.0f}"
    return words.get(claim.qualifier, "") + value


def number(value: float | None) -> str:
    return "" if value is None else f"{value:,.0f}"


def print_summary(analysis: Analysis, console: Console | None = None) -> None:
    console = console or Console()
    outlets = {a.outlet or "unknown outlet" for a in analysis.articles}
    console.print(f"[bold]{len(analysis.articles)} articles[/] from {len(outlets)} outlets, "
                  f"{len(analysis.quotes)} quotes, {len(analysis.claims)} figures, "
                  f"{len(analysis.groups)} groups, {len(analysis.tensions)} tensions")
    console.print(speakers_table(analysis))
    console.print(groups_table(analysis))
    for tension in analysis.tensions:
        console.print(f"[magenta]tension[/] ({tension.why})\n  {tension.a.article}: "
                      f"{tension.a.sentence}\n  {tension.b.article}: {tension.b.sentence}")


def speakers_table(analysis: Analysis) -> Table:
    by_speaker: dict[str, list[str]] = defaultdict(list)
    for quote in analysis.quotes:
        by_speaker[quote.speaker or "(unattributed)"].append(quote.text)
    table = Table(title="Quotes by speaker")
    for column in ("speaker", "quotes", "first words"):
        table.add_column(column)
    for speaker, texts in sorted(by_speaker.items(), key=lambda item: -len(item[1])):
        table.add_row(speaker, str(len(texts)), texts[0][:70])
    return table


def groups_table(analysis: Analysis) -> Table:
    table = Table(title="Figures side by side")
    for column in ("measure", "subject", "figures (source, article)", "status", "low/best/high"):
        table.add_column(column)
    for group in analysis.groups:
        figures = "\n".join(
            f"{figure(c)} ({c.source or 'the outlet'}, {c.article})"
            for c in (analysis.claims[i] for i in group.claims))
        style = STATUS_STYLE.get(group.status, "")
        table.add_row(group.measure, group.subject, figures,
                      f"[{style}]{group.status}[/]",
                      f"{number(group.low)} / {number(group.best)} / {number(group.high)}")
    return table
