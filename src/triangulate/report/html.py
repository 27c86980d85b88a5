"""The HTML report: one self-contained file (inline CSS and SVG, no script, nothing fetched).

Jinja2 escapes every value; the only markup inserted as is comes from :mod:`.charts` and
:mod:`.highlight`, which escape the article text and names themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from triangulate.report import views
from triangulate.report.charts import Point, both_widths, color, stacked_bars
from triangulate.report.highlight import Mark, to_html
from triangulate.report.terminal import plural
from triangulate.types import SOURCE_KINDS, Analysis, Article, Claim, Group

_ENV = Environment(loader=PackageLoader("triangulate.report", "templates"),
                   autoescape=select_autoescape(["html", "j2"], default=True))
_ENV.filters["figure"] = views.figure
_ENV.filters["amount"] = views.amount
_ENV.filters["estimate"] = views.estimate
_ENV.filters["measure_label"] = views.label
_ENV.filters["article_title"] = views.title_of
_ENV.filters["plural"] = lambda count, noun: plural(int(count), noun)
_ENV.globals["role_in_estimate"] = views.role_in_estimate
SOURCE_COLORS = ("#2f6fb0", "#c8423b", "#3a9a4b", "#e07b1a")  # named, anonymous, inst., media


@dataclass
class GroupView:
    group: Group
    anchor: str
    rows: list[tuple[int, Claim, Article]]  # claim index, claim, its article
    chart: Markup
    legend: list[tuple[str, str]]  # outlet, colour
    why: str  # the group's reason, its sources named in words


@dataclass
class ArticleView:
    article: Article
    anchor: str
    figures: list[tuple[int, Claim]]
    text: Markup
    counts: dict[str, str]
    link: str | None  # the article's URL where it is one a browser can follow


class Report:
    """Everything the template shows, with anchors that tie figures and quotes to the text."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.articles = {a.id: a for a in analysis.articles}
        self.outlets = views.outlets(analysis)
        self.colors = {o.name: color(i) for i, o in enumerate(self.outlets)}
        self.anchors = {a.id: f"art-{i}" for i, a in enumerate(analysis.articles)}
        self.figures = views.claims_by_article(analysis)
        self.claim_at = views.claim_places(analysis)

    def outlet(self, article_id: str) -> str:
        article = self.articles.get(article_id)
        return views.outlet_name(article) if article else article_id

    def group_view(self, index: int, group: Group) -> GroupView:
        claims = [self.analysis.claims[self.claim_at[claim_id]] for claim_id in group.claims]
        rows = [(self.claim_at[c.id], c, self.articles[c.article]) for c in claims]
        rows.sort(key=lambda row: (views.figure_date(row[1], row[2]) or "", row[0]))
        points = [self.point(claim, article) for _, claim, article in rows]
        chart = views.group_chart(group, points)
        names = dict.fromkeys(views.outlet_name(article) for _, _, article in rows)
        return GroupView(group, f"g-{index}", rows, chart,
                         [(name, self.colors[name]) for name in names],
                         views.why_in_words(group, self.articles))

    def point(self, claim: Claim, article: Article) -> Point:
        return views.figure_point(claim, article, self.colors[views.outlet_name(article)],
                                  f"#c-{claim.id}")

    def article_view(self, article: Article) -> ArticleView:
        figures = self.figures.get(article.id, [])
        return ArticleView(article, self.anchors[article.id], figures,
                           to_html(article.text, self.marks(article, figures)),
                           views.framing_counts(self.analysis.framing(article.id)),
                           views.web_link(article.url))

    def marks(self, article: Article, figures: list[tuple[int, Claim]]) -> list[Mark]:
        marks = [Mark(q.start, q.end, "quote" if q.kind == "direct" else "indirect",
                      f"q-{q.id}",
                      f"{q.speaker or 'unattributed'}{', ' + q.role if q.role else ''}")
                 for q in self.analysis.quotes if q.article == article.id]
        marks += [Mark(c.start, c.end, "figure", f"c-{c.id}",
                       f"{views.label(c.measure)}: {views.figure(c)} "
                       f"({c.source or 'the outlet itself'})")
                  for _, c in figures]
        framing = self.analysis.framing(article.id)
        marks += [Mark(s.start, s.end, "scare", tip="scare quotes")
                  for s in framing.scare_quotes]
        marks += [Mark(s.start, s.end, "hedge", tip="hedge") for s in framing.hedges]
        marks += [Mark(s.start, s.end, "loaded", tip=f"loaded word ({s.kind})", extra=s.kind)
                  for s in framing.loaded]
        return marks

    def source_mix(self, rows: list[views.OutletFraming]) -> Markup:
        counts = [(row.outlet, [int(row.counts[f"{kind}_sources"]) for kind in SOURCE_KINDS])
                  for row in rows]
        return both_widths(lambda width: stacked_bars(
            counts, SOURCE_KINDS, SOURCE_COLORS, "sources by kind and outlet", width))

    def context(self) -> dict[str, object]:
        framing = views.framing_by_outlet(self.analysis)
        return {
            "analysis": self.analysis,
            "report": self,
            "outlets": self.outlets,
            "date_span": views.date_span(self.analysis),
            "groups": [self.group_view(i, g) for i, g in enumerate(self.analysis.groups)],
            "speakers": views.speakers(self.analysis),
            "framing": framing,
            "framing_columns": views.FRAMING_COLUMNS,
            "framing_groups": views.column_groups(views.FRAMING_COLUMNS),
            "source_mix": self.source_mix(framing),
            "articles": [self.article_view(a) for a in self.analysis.articles],
            "status_words": views.STATUS_WORDS,
        }


def render_html(analysis: Analysis, path: Path | None = None) -> str:
    """The report as a string; written to ``path`` too where one is given."""
    page = _ENV.get_template("report.html.j2").render(Report(analysis).context())
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return page
