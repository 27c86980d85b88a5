"""The HTML report: one self-contained file (inline CSS, no script, nothing fetched)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from triangulate.report.terminal import figure, number
from triangulate.types import Analysis, Quote

_ENV = Environment(loader=PackageLoader("triangulate.report", "templates"),
                   autoescape=select_autoescape(["html", "j2"], default=True))
_ENV.filters["figure"] = figure
_ENV.filters["number"] = number


def quotes_by_speaker(analysis: Analysis) -> list[tuple[str, list[Quote]]]:
    grouped: dict[str, list[Quote]] = defaultdict(list)
    for quote in analysis.quotes:
        grouped[quote.speaker or "(unattributed)"].append(quote)
    return sorted(grouped.items(), key=lambda item: (-len(item[1]), item[0]))


def render_html(analysis: Analysis, path: Path | None = None) -> str:
    """The report as a string; written to ``path`` too where one is given."""
    outlets = {a.id: a.outlet or a.id for a in analysis.articles}
    page = _ENV.get_template("report.html.j2").render(
        analysis=analysis, outlets=outlets, speakers=quotes_by_speaker(analysis))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return page
