"""The HTML report's layout in a real headless Chromium: no page overflow at 400 px, charts
shown whole at a legible scale, chart labels that overlap nothing, reasons in words, captions
above their pair, URLs as links."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from triangulate.ids import with_ids
from triangulate.report import render_html, render_markdown
from triangulate.report.charts import dodge, stacked_bars
from triangulate.types import Analysis, Article, Claim, Group, Quote, Tension, TensionSide

pytestmark = pytest.mark.slow  # drives Chromium

CHROMIUM = Path("/usr/bin/chromium")
OUTLETS = ("Northern Evening Chronicle and Weekly Review", "Radio Riverside", "The Ledger",
           "Coastal Broadcasting Cooperative", "Morning Wire")
OVERLAPS = """() => [...document.querySelectorAll('svg')].flatMap(svg => {
  const view = svg.viewBox.baseVal;
  const boxes = [...svg.querySelectorAll('text')].map(t => {
    const b = t.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height, t.textContent]; });
  const found = boxes.filter(b => b[0] < view.x - 1 || b[2] > view.x + view.width + 1)
    .map(b => 'outside: ' + b[4]);
  boxes.forEach((a, i) => boxes.slice(i + 1).forEach(b => {
    if (a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1)
      found.push(a[4] + ' over ' + b[4]); }));
  return found; })"""


def crowded() -> Analysis:
    """Forty figures from five outlets on a handful of close dates (a dense chart), and six
    undated figures with long names (a chart by row)."""
    articles = [Article(id=f"art{i}", text=f"Forty figures, article {i}.", title=f"Report {i}",
                        outlet=OUTLETS[i % len(OUTLETS)],
                        published=(date(2024, 4, 1) + timedelta(days=i % 4)).isoformat(),
                        url=f"https://news{i}.example/story-{i}" if i % 2 else "javascript:x")
                for i in range(40)]
    claims = with_ids([
        Claim(article=f"art{i}", measure="killed", value=float(90 + i % 7 * 4), low=None,
              high=None if i % 3 else float(140), qualifier="at_least" if i % 3 else "range",
              subject="villagers", source=f"district office {i % 6}", text="at least 90",
              sentence=f"At least {90 + i % 7 * 4} villagers were killed, officials said.")
        for i in range(40)])
    group = Group(measure="killed", subject="villagers", articles=[a.id for a in articles],
                  status="conflicting", low=90.0, best=110.0, high=140.0,
                  why="one independent source (article:art3) in 1 article",
                  claims=[c.id for c in claims], sources=["article:art3"])
    undated = [Article(id=f"und{i}", text="z", outlet=f"{OUTLETS[0]} regional edition {i}")
               for i in range(6)]
    wounded = with_ids([
        Claim(article=f"und{i}", measure="wounded", value=float(20 + i), low=None, high=None,
              qualifier="exact", subject="villagers",
              source="the Western Mountains Provincial Emergency Coordination Service")
        for i in range(6)])
    undated_group = Group(measure="wounded", subject="villagers", articles=[a.id for a in undated],
                          status="compatible", low=20.0, best=25.0, high=25.0,
                          claims=[c.id for c in wounded], sources=["source:x"])
    quotes = [Quote(article="art1", kind="direct", text="We buried them at dawn",
                    speaker="a priest")]
    tension = Tension(TensionSide("art1", "The defenders were exhausted."),
                      TensionSide("art2", "The defenders were fresh and well supplied."),
                      0.5, "opposite assessments of the defenders")
    return Analysis(articles=articles + undated, claims=claims + wounded,
                    groups=[group, undated_group],
                    quotes=quotes, tensions=[tension])


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM),
                                              args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("layout") / "report.html"
    render_html(crowded(), path)
    return path


@pytest.mark.parametrize("width", [400, 1400])
def test_the_page_fits_its_width_and_chart_labels_overlap_nothing(
        browser: Any, page_file: Path, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert page.evaluate(OVERLAPS) == []
        font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('td'))"
                             ".fontSize)")
        assert font >= 12  # the text is not shrunk to fit
    finally:
        page.close()


SHOWN_CHARTS = """() => {
  const shown = [...document.querySelectorAll('.chart')].filter(box => box.offsetParent !== null);
  return {drawn: document.querySelectorAll('.chart-wide').length,
          shown: shown.map(box => { const svg = box.querySelector('svg');
            return [box.scrollWidth <= box.clientWidth + 1,
                    svg.getBoundingClientRect().width / svg.viewBox.baseVal.width]; })};
}"""


@pytest.mark.parametrize("width", [400, 1400])
def test_each_chart_is_shown_whole_at_a_legible_scale(browser: Any, page_file: Path,
                                                      width: int) -> None:
    """One drawing of each chart is shown, whole in its box (nothing to scroll to), scaled
    to no less than 0.75 of its own size, so that its 11 px labels stay 8 px or more."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        charts = page.evaluate(SHOWN_CHARTS)
        assert charts["drawn"] >= 2 and len(charts["shown"]) == charts["drawn"]
        assert all(whole and scale >= 0.75 for whole, scale in charts["shown"])
    finally:
        page.close()


STATEMENT_WIDTH = """() => {
  const cell = document.querySelector('.tension tr td:last-child');
  return cell.getBoundingClientRect().width / cell.closest('.tension').clientWidth;
}"""


@pytest.mark.parametrize(("width", "stacked"), [(400, True), (1400, False)])
def test_a_tension_statement_takes_the_line_on_a_phone(browser: Any, page_file: Path,
                                                       width: int, stacked: bool) -> None:
    """At 400 px the outlet stands above its statement, so the statement is not squeezed
    into a column beside it."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        page.goto(page_file.resolve().as_uri(), wait_until="load")
        assert (page.evaluate(STATEMENT_WIDTH) > 0.9) is stacked
    finally:
        page.close()


def test_why_names_sources_in_words() -> None:
    html = render_html(crowded())
    why = re.search(r'<p class="why">(.*?)</p>', html, re.DOTALL)
    assert why and "article:" not in why.group(1)
    assert "Coastal Broadcasting Cooperative&#39;s own reporting" in why.group(1)


def test_a_tension_caption_comes_before_its_pair() -> None:
    html = render_html(crowded())
    caption = html.index("opposite assessments of the defenders")
    assert caption < html.index("The defenders were exhausted.") < html.index(
        "The defenders were fresh")


def test_counts_in_the_page_take_the_right_number() -> None:
    one = Analysis(articles=[Article(id="solo", text="One line.", outlet="Solo Post")])
    html = render_html(one)
    assert "1 article from 1 outlet" in html
    assert "0 tensions" in html and "1 articles" not in html


def test_web_urls_are_links_and_other_schemes_are_not() -> None:
    html = render_html(crowded())
    assert '<a href="https://news1.example/story-1"' in html
    assert 'href="javascript:x"' not in html and "javascript:x" in html


def test_markdown_links_web_urls_and_only_them() -> None:
    """An autolink keeps the address as it is (no Markdown escapes inside it)."""
    page = render_markdown(crowded())
    assert "<https://news1.example/story-1>" in page
    assert "<javascript:x>" not in page and "javascript:x" in page
    spaced = Analysis(articles=[Article(id="s", text="x", url="https://a.example/x y")])
    assert "<https://a.example/x y>" not in render_markdown(spaced)


def test_dodge_stays_between_its_bounds() -> None:
    moved = dodge([100.0] * 12, 10, start=0, end=60)
    assert min(moved) >= 0 and max(moved) <= 60
    ordered = sorted(moved)
    assert all(b - a >= 60 / 11 - 1e-9 for a, b in pairwise(ordered))
    assert dodge([5.0, 50.0], 10, start=0, end=100) == [5.0, 50.0]


def test_row_labels_that_share_a_long_opening_stay_apart() -> None:
    """Cut at the end, the first three would all read "Northern Regional…" (and cut in the
    middle, two of them "Northern…Service"): each is shown from the word where it parts
    from the others, while a short name and a long one alone keep the usual cut."""
    names = ["Northern Regional Broadcasting Corporation Radio Service",
             "Northern Regional Broadcasting Corporation Television Service",
             "Northern Regional Broadcasting Corporation Online Desk",
             "Coastal Daily", "A single very long outlet name that no other shares at all"]
    chart = str(stacked_bars([(name, [1, 2]) for name in names], ["a", "b"],
                             ["#111", "#222"], width=440))
    labels = re.findall(r'text-anchor="end" font-weight="normal">([^<]*)<', chart)
    assert len(labels) == len(names) and len(set(labels)) == len(names)
    assert "Coastal Daily" in labels
    alone = labels[names.index(names[-1])]
    assert alone.endswith("…") and names[-1].startswith(alone[:-1])
    for name, label in zip(names[:3], labels[:3], strict=True):
        head, rest = label.split("…", 1)
        assert name.startswith(head) and rest.removesuffix("…") in name
        assert len(label) <= len(alone)
