"""The web pages say and draw what the report does: a figure at the day it stands for, an
unknown outlet by one name, counts with the right number."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from fastapi.testclient import TestClient

from triangulate.report.html import Report
from triangulate.report.views import UNKNOWN_OUTLET
from triangulate.store import Store
from triangulate.types import Analysis, Article, Claim, Group, Reading
from triangulate.web import create_app
from triangulate.web.data import Snapshot
from triangulate.web.views import group_view, outlet_colors


def toll(article: str, value: float, as_of: str | None, at: int) -> Claim:
    return Claim(article=article, measure="killed", value=value, low=value, high=value,
                 qualifier="exact", subject="civilians", text=f"{value:g} civilians were killed",
                 as_of=as_of, start=at, id=f"{article}-{at}")


def analysis() -> Analysis:
    """The later article gives the earlier day's toll; the earlier one gives no day of its own."""
    articles = [Article(id="dock", text="x", outlet="Dock Herald", published="2025-06-10"),
                Article(id="bare", text="x", published="2025-06-05")]
    claims = [toll("dock", 40, "2025-06-03", 0), toll("bare", 52, None, 0)]
    group = Group(measure="killed", subject="civilians", articles=["dock", "bare"],
                  status="conflicting", low=40, best=52, high=52,
                  claims=[c.id for c in claims])
    return Analysis(articles=articles, claims=claims, groups=[group])


def test_web_and_report_date_a_figure_by_its_own_day_first() -> None:
    found = analysis()
    report = Report(found).group_view(0, found.groups[0])
    snap = Snapshot.of(found)
    web = group_view(snap, 0, outlet_colors(snap))
    assert [row.claim.id for row in web.rows] == [claim.id for _, claim, _ in report.rows]
    assert [row.claim.id for row in web.rows] == ["dock-0", "bare-0"]
    assert "2025-06-03" in str(web.chart) and "2025-06-10" not in str(web.chart)
    assert str(web.chart).count("2025-06-05") == str(report.chart).count("2025-06-05")


def test_web_and_report_draw_a_chart_alike_at_both_widths() -> None:
    """One drawing, wide and narrow, where only the figures' links differ (a page of the
    site, a place in the report)."""
    found = analysis()
    report = Report(found).group_view(0, found.groups[0])
    snap = Snapshot.of(found)
    web = group_view(snap, 0, outlet_colors(snap))
    unlinked = [re.sub(r' href="[^"]*"', "", str(chart)) for chart in (web.chart, report.chart)]
    assert unlinked[0] == unlinked[1]
    assert 'class="chart chart-narrow"' in unlinked[0]


def one_bare_article(tmp_path: Path) -> TestClient:
    store = Store(f"sqlite:///{tmp_path}/web.db")
    bare = Article(id="bare-file", title="Ferry port struck", text="The ferry port was struck.",
                   content_hash="h-bare", published="2025-06-05")
    store.save_reading(Reading(article=bare, statements=[bare.text]), "1")
    store.close()
    return TestClient(create_app(f"sqlite:///{tmp_path}/web.db"))


def test_the_web_names_an_unknown_outlet_as_the_report_does(tmp_path: Path) -> None:
    client = one_bare_article(tmp_path)
    for page in ("/articles", "/articles/bare-file"):
        shown = client.get(page).text
        assert UNKNOWN_OUTLET in shown
        assert "unknown outlet" not in shown


def test_web_counts_take_the_right_number(tmp_path: Path) -> None:
    client = one_bare_article(tmp_path)
    for page in ("/", "/articles", "/outlets"):
        shown = client.get(page).text
        assert "(s)" not in shown
    story = client.get("/").text
    assert "1 article from 1 outlet, 2025-06-05;" in story
    assert "0 figures in 0 groups" in story


def test_a_figure_without_any_day_is_undated() -> None:
    found = analysis()
    found.articles[1] = Article(id="bare", text="x")
    snap = Snapshot.of(found)
    web = group_view(snap, 0, outlet_colors(snap))
    undated = [row for row in web.rows if row.claim.id == "bare-0"]
    assert undated and "undated" in str(web.chart)
    assert date(2025, 6, 3).isoformat() in str(web.chart)
