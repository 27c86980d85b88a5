"""The web app's pages in a real headless Chromium at 400 px and 1400 px, over a crowded
analysis: no horizontal scroll of the page, each chart shown whole at a legible scale (drawn
by the report's code, wide and narrow), chart labels that overlap nothing, long titles cut
between words, tables that scroll inside their own box."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from test_report_layout import OVERLAPS, SHOWN_CHARTS
from test_web_browser import CHROMIUM, launched, served
from triangulate.ids import with_ids
from triangulate.report.views import TITLE
from triangulate.types import Analysis, Article, Claim, Group, Quote, Tension, TensionSide
from triangulate.web import create_app
from triangulate.web.data import Snapshot

STATIONS = ("Upper Valley Community Broadcasting Trust and Evening Gazette", "Harbour FM",
            "The Sentinel", "Frontier Independent Press Agency", "Night Desk")
LEDE = ("Rescue crews worked through the night on Tuesday to reach families trapped under "
        "the collapsed apartment blocks on the eastern edge of the city, where the shelling "
        "had started shortly before midnight and lasted until dawn, officials said.")
"""A bare file's first line taken as its title: a whole paragraph."""


def crowded() -> Analysis:
    """Thirty-six dated figures from five outlets on four close days (a dense chart), five
    undated figures with long outlet and source names (a chart by row), articles whose
    title is a whole paragraph, a quote and a tension."""
    articles = [Article(id=f"story{i}", text=f"{LEDE}\nThe toll rose again, story {i}.",
                        title=f"{LEDE} Story {i}." if i % 2 else f"Toll rises, story {i}",
                        outlet=STATIONS[i % len(STATIONS)],
                        published=(date(2024, 9, 2) + timedelta(days=i % 4)).isoformat(),
                        url=f"https://www.valleybroadcasting.example/news/2024/09/rescuecrews"
                            f"reachfamiliestrappedundercollapsedblocks{i}?ref=frontpage")
                for i in range(36)]
    dated = with_ids([
        Claim(article=f"story{i}", measure="wounded", value=float(200 + i % 9 * 15), low=None,
              high=None if i % 4 else 400.0, qualifier="more_than" if i % 4 else "range",
              subject="residents", source=f"city hospital ward {i % 5}", text="more than 200",
              sentence=f"More than {200 + i % 9 * 15} residents were injured, doctors said.",
              start=len(LEDE) + 1, end=len(LEDE) + 9)
        for i in range(36)])
    injured = Group(measure="wounded", subject="residents", articles=[a.id for a in articles],
                    status="conflicting", low=200.0, best=260.0, high=400.0,
                    why="one independent source (article:story3) in 36 articles",
                    claims=[c.id for c in dated], sources=["article:story3"])
    undated = [Article(id=f"wire{i}", text="Shelters were opened.", url="javascript:void(0)",
                       outlet=f"{STATIONS[0]} overnight edition {i}") for i in range(5)]
    displaced = with_ids([
        Claim(article=f"wire{i}", measure="displaced", value=float(1200 + 100 * i), low=None,
              high=None, qualifier="about", subject="residents",
              source="the Eastern Districts Joint Humanitarian Shelter Coordination Office")
        for i in range(5)])
    moved = Group(measure="displaced", subject="residents", articles=[a.id for a in undated],
                  status="compatible", low=1200.0, best=1400.0, high=1600.0,
                  claims=[c.id for c in displaced], sources=["source:x"])
    quote = Quote(article="story1", kind="direct", text="We heard them under the concrete",
                  speaker="a rescue worker", start=0, end=10)
    tension = Tension(TensionSide("story1", "The shelters were full by morning."),
                      TensionSide("story2", "The shelters stood half empty all day."),
                      0.5, "opposite accounts of the shelters", "outcome")
    return Analysis(articles=articles + undated, claims=dated + displaced,
                    groups=[injured, moved], quotes=with_ids([quote]), tensions=[tension])


@pytest.fixture(scope="module")
def snap() -> Snapshot:
    return Snapshot.of(crowded())


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory, snap: Snapshot) -> TestClient:
    """The app over an empty store, showing the crowded analysis."""
    folder = tmp_path_factory.mktemp("crowded")
    app = create_app(f"sqlite:///{folder / 'site.db'}")
    app.state.triangulate.publish(snap)
    return TestClient(app)


def pages(snap: Snapshot) -> list[str]:
    """A path of each kind of page the site has."""
    return ["/", "/groups", f"/groups/{snap.group_ids[0]}", f"/groups/{snap.group_ids[1]}",
            f"/figures/{snap.claim_ids[1]}", "/quotes", f"/quotes/{snap.quote_ids[0]}",
            "/outlets", "/tensions", "/articles", "/articles/story1"]


def test_a_long_title_is_cut_between_words_on_every_page(client: TestClient,
                                                          snap: Snapshot) -> None:
    """Shown as its opening words, no more than the report's length, ending where a word
    ends, on every page (the whole title on none)."""
    title = snap.articles["story1"].title
    for path in pages(snap):
        shown = client.get(path).text
        assert title not in shown, path
    heading = re.search(r'<h1 class="article-title">(.*?)</h1>',
                        client.get("/articles/story1").text)
    listed = re.findall(r'<a href="/articles/story1">(.*?)</a>', client.get("/articles").text)
    for cut in (heading.group(1) if heading else "", *listed):
        opening = cut.removesuffix("…")
        assert cut.endswith("…") and len(opening) <= TITLE
        assert title.startswith(opening) and title[len(opening)] == " "


def test_a_group_page_holds_a_wide_and_a_narrow_drawing(client: TestClient,
                                                        snap: Snapshot) -> None:
    shown = client.get(f"/groups/{snap.group_ids[0]}").text
    assert shown.count('class="chart chart-wide"') == 1
    assert shown.count('class="chart chart-narrow"') == 1
    assert 'viewBox="0 0 960 ' in shown and 'viewBox="0 0 440 ' in shown


@pytest.fixture(scope="module")
def site(client: TestClient) -> Iterator[str]:
    """The same app served live; yields its base URL."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")
    yield from served(client.app)


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[Any]:
    yield from launched()


TABLES = """() => [...document.querySelectorAll('table')].filter(table => {
  const box = table.closest('.scroll');
  const over = table.getBoundingClientRect().right > document.documentElement.clientWidth + 1;
  return over && !(box && box.getBoundingClientRect().right
                   <= document.documentElement.clientWidth + 1);
}).length"""
"""Tables that run past the window outside a box of their own to scroll."""


@pytest.mark.slow
@pytest.mark.parametrize("width", [400, 721, 801, 1400])  # phone, either side of a switch, wide
def test_every_page_fits_and_its_charts_read_whole(browser: Any, site: str, snap: Snapshot,
                                                   width: int) -> None:
    """No page scrolls sideways; each chart is shown once, whole in its box, at no less than
    0.75 of its drawn size (its 11 px labels 8 px or more); no chart label overlaps another
    or leaves its chart; a table too wide scrolls in its own box."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for path in pages(snap):
            page.goto(site + path, wait_until="load")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, path
            assert page.evaluate(OVERLAPS) == [], path
            assert page.evaluate(TABLES) == 0, path
            charts = page.evaluate(SHOWN_CHARTS)
            assert len(charts["shown"]) == charts["drawn"], path
            assert all(whole and scale >= 0.75 for whole, scale in charts["shown"]), path
            if path.startswith("/groups/"):
                assert charts["drawn"] == 1, path
    finally:
        page.close()


REFLOWED = """() => [...document.querySelectorAll('table.reflow')].map(table => ({
  scrolls: table.closest('.scroll').scrollWidth > table.closest('.scroll').clientWidth + 1,
  header: table.querySelector('thead').getBoundingClientRect().height > 2,
  named: [...table.querySelectorAll('tbody td')].every(cell =>
    getComputedStyle(cell, '::before').content.replace(/"/g, '') == cell.dataset.label)}))"""


@pytest.mark.slow
@pytest.mark.parametrize(("width", "reflowed"), [(400, True), (1400, False)])
def test_a_table_of_many_columns_reflows_on_a_phone(browser: Any, site: str, snap: Snapshot,
                                                     width: int, reflowed: bool) -> None:
    """At 400 px each row of the key figures and of a group's figures is a block, each cell
    a line under its column's name, with nothing to scroll to; at 1400 px a table with
    its header row."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    try:
        for path in ("/", f"/groups/{snap.group_ids[0]}"):
            page.goto(site + path, wait_until="load")
            tables = page.evaluate(REFLOWED)
            assert tables, path
            for table in tables:
                assert not table["scrolls"], path
                assert table["header"] is not reflowed, path
                assert table["named"] is reflowed, path
    finally:
        page.close()


def test_a_group_gives_its_reason_in_words(client: TestClient, snap: Snapshot) -> None:
    """Its source by the outlet's name, not the internal key, on its page and its figures'."""
    for path in (f"/groups/{snap.group_ids[0]}", f"/figures/{snap.claim_ids[0]}"):
        shown = client.get(path).text
        assert "article:story3" not in shown, path
        assert "Frontier Independent Press Agency&#39;s own reporting" in shown, path


def test_a_tension_caption_comes_before_its_pair(client: TestClient) -> None:
    shown = client.get("/tensions").text
    caption = shown.index("opposite accounts of the shelters")
    assert caption < shown.index("The shelters were full") < shown.index("half empty")


def test_an_article_links_its_web_address_and_no_other(client: TestClient) -> None:
    shown = client.get("/articles/story1").text
    assert '<a href="https://www.valleybroadcasting.example/news/2024/09/' in shown
    other = client.get("/articles/wire0").text
    assert "javascript:void(0)" in other and 'href="javascript:' not in other
