"""The reports: HTML (opened in a real headless Chromium), Markdown, terminal, and the pieces
they are built from (charts, highlighting)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from typer.testing import CliRunner

import triangulate
from triangulate.cli import app
from triangulate.report import print_summary, render_html, render_markdown, views
from triangulate.report.charts import (
    NARROW,
    WIDTH,
    Estimate,
    Point,
    dodge,
    figures_chart,
    ticks,
)
from triangulate.report.highlight import Mark, to_html
from triangulate.report.markdown import md
from triangulate.settings import Settings
from triangulate.types import Analysis, Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
HOSTILE = """---
outlet: Test <i>Herald</i>
published: 2025-02-01
---
Raid on the crossing <img src=x onerror=alert(3)>
"<b>bold</b> claims are cheap," said Captain Olena Hrytsenko, a company commander.
At least 40 soldiers were killed, according to the regional governor.
<script>alert(1)</script> The tubby general fled & nobody | followed *him*.
"""


@pytest.fixture(scope="module")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return f"sqlite:///{tmp_path_factory.mktemp('examples') / 'examples.db'}"


@pytest.fixture(scope="module")
def examples(example_db: str) -> Analysis:
    # the report needs no sentence embeddings
    return triangulate.analyze([EXAMPLES], db=example_db, settings=Settings(semantic=False))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Analysis:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return triangulate.analyze([folder], db=f"sqlite:///{folder / 'hostile.db'}",
                               settings=Settings(semantic=False))


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page opened from a file, with every request and dialog it made."""

    def __init__(self, browser: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" else None)
        self.page.goto(self.url, wait_until="load")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def offsite(self) -> list[str]:
        return [url for url in self.requests if url != self.url and not url.startswith("data:")]


def visible_text(visit: Visit) -> str:
    return " ".join(str(visit.page.inner_text("body")).split())


@pytest.mark.slow
def test_the_example_report_in_chromium(examples: Analysis, browser: Any,
                                        tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    render_html(examples, path)
    visit = Visit(browser, path)
    try:
        text = visible_text(visit)
        for group in examples.groups:
            assert views.estimate(group) in text
            assert f"{group.measure}: {group.subject}" in text
            assert views.STATUS_WORDS[group.status] in text
        for speaker in views.speakers(examples):
            assert " ".join(speaker.name.split()) in text
        for outlet in views.outlets(examples):
            assert outlet.name in text
        assert visit.page.locator("svg").count() >= len(examples.groups)
        assert visit.page.locator("mark.figure").count() >= len(examples.claims)
        assert visit.page.locator("mark.loaded").count() > 0
        first_figure = visit.page.locator("#glance a").first
        assert first_figure.get_attribute("href").startswith("#")
        visit.page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    finally:
        visit.page.close()
    assert visit.offsite() == [], "the report fetched something"
    assert visit.dialogs == [] and visit.errors == []
    assert (tmp_path / "report.png").stat().st_size > 10_000


def test_every_figure_links_to_its_place_in_the_text(examples: Analysis) -> None:
    page = render_html(examples)
    ids = set(re.findall(r'id="([^"]+)"', page))
    links = set(re.findall(r'href="#([^"]+)"', page))
    assert links <= ids
    assert {f"c-{c.id}" for c in examples.claims} <= ids and all(c.id for c in examples.claims)


def test_the_html_is_self_contained(examples: Analysis) -> None:
    page = render_html(examples)
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"\bsrc=", page)
    assert not re.search(r'<(?!a )\w+[^>]*\bhref=', page)  # only links carry an address
    assert not re.search(r'<a [^>]*href="(?!#|https?://)', page)  # to a place or a source
    assert "url(" not in page


def test_hostile_article_text_stays_text(hostile: Analysis, browser: Any,
                                         tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    page = render_html(hostile, path)
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)" in page
    assert "<b>bold</b>" not in page and "<img src=x" not in page
    assert "<i>Herald</i>" not in page
    visit = Visit(browser, path)
    try:
        text = visible_text(visit)
        assert "<script>alert(1)</script>" in text and "<b>bold</b>" in text
        assert "<img src=x onerror=alert(3)>" in text and "Test <i>Herald</i>" in text
        assert visit.page.locator("script, b, img, i").count() == 0
        assert visit.page.locator("mark.quote").count() >= 1
    finally:
        visit.page.close()
    assert visit.dialogs == [] and visit.offsite() == []


def test_hostile_text_in_markdown(hostile: Analysis) -> None:
    page = render_markdown(hostile)
    assert not re.search(r"(?<!\\)<", page), "an unescaped < would start raw HTML"
    assert r"\<script\>alert(1)\</script\>" in page and r"\<b\>bold\</b\>" in page
    assert r"\*him\*" in page and r"nobody \| followed" in page


def test_markdown_report_has_the_same_content(examples: Analysis) -> None:
    page = render_markdown(examples)
    for heading in ("## The story at a glance", "## Figures side by side",
                    "## Quotes by speaker", "## Framing by outlet", "## Statements in tension",
                    "## The articles"):
        assert heading in page
    for group in examples.groups:
        assert views.estimate(group) in page
    unescaped = page.replace("\\", "")
    for speaker in views.speakers(examples):
        assert " ".join(speaker.name.split()) in unescaped
    assert "<svg" not in page and "**" in page


def test_terminal_summary_shows_framing(examples: Analysis) -> None:
    console = Console(record=True, width=160)
    print_summary(examples, console)
    out = console.export_text()
    assert "Framing by outlet" in out and "The words they choose" in out
    assert "Morning Dispatch" in out and "desperate" in out


def test_cli_writes_both_reports(examples: Analysis, example_db: str, tmp_path: Path) -> None:
    html, markdown = tmp_path / "r.html", tmp_path / "r.md"
    result = CliRunner().invoke(app, ["report", "--db", example_db, "--html", str(html),
                                      "--markdown", str(markdown)],
                                env={"TRIANGULATE_SEMANTIC": "0"})
    assert result.exit_code == 0, result.output
    assert "Framing by outlet" in html.read_text(encoding="utf-8")
    assert "## Framing by outlet" in markdown.read_text(encoding="utf-8")
    help_text = CliRunner().invoke(app, ["analyze", "--help"]).output
    assert "--markdown" in help_text


def test_markdown_escapes_what_would_start_a_block_or_markup() -> None:
    assert md("1. one\n- two\n# three [x](y) <b>") \
        == "1\\. one\n\\- two\n\\# three \\[x\\](y) \\<b\\>"
    assert md("- mid-line piece", line_start=False) == "- mid-line piece"


def test_highlight_nests_overlapping_marks() -> None:
    text = "ab<cd>ef"
    html = to_html(text, [Mark(0, 6, "quote", "q-0"), Mark(4, 8, "figure", "c-1"),
                          Mark(20, 30, "loaded")])
    assert str(html) == ('<mark class="quote" id="q-0">ab&lt;c<mark class="figure" id="c-1">'
                         'd&gt;</mark></mark><mark class="figure">ef</mark>')


def test_chart_escapes_and_draws_open_bounds() -> None:
    points = [Point("A <b>&", 100, 100, None, date(2024, 12, 1), "#000", "≥100", "tip <x>",
                    "#c-0"),
              Point("B", 300, 270, 330, date(2025, 1, 10), "#111", "~300", "tip", "#c-1")]
    svg = str(figures_chart(points, Estimate(100, 300, 330), str, label="killed <x>"))
    assert "<b>" not in svg and "&lt;x&gt;" in svg and 'href="#c-0"' in svg
    assert "<polygon" in svg  # the arrow of "at least 100"
    assert "Dec 2024" in svg or "Jan 2025" in svg
    undated = str(figures_chart([p.__class__(**{**p.__dict__, "when": None}) for p in points],
                                Estimate(None, None, None), str))
    assert "A &lt;b&gt;&amp;" in undated


def test_ticks_and_dodge() -> None:
    assert ticks(2.2, whole=True) == [0, 1, 2, 3]
    assert ticks(0.56, whole=False)[-1] >= 0.56
    assert dodge([10, 12, 50, 11], 5) == [10, 20, 50, 15]


def test_a_narrow_chart_keeps_its_axis_labels_apart() -> None:
    """Undated figures of an area, drawn at the phone width and the wide one: the labels of the
    value axis (each ~9 characters) stand farther apart than they are long, so the narrow
    chart has fewer of them."""
    points = [Point(f"outlet {i} · the provincial survey office", 400.0 + 390 * i, None, None,
                    None, "#000", f"{400 + 390 * i:,} km²", "tip") for i in range(5)]

    def axis_labels(width: int) -> list[tuple[float, str]]:
        svg = str(figures_chart(points, Estimate(None, None, None), lambda v: f"{v:,.0f} km²",
                                width=width))
        found = re.findall(r'<text x="([\d.]+)" y="[\d.]+" font-size="12" fill="#39424c" '
                           r'text-anchor="middle" font-weight="normal">([^<]*km²)</text>', svg)
        return [(float(x), label) for x, label in found]

    narrow, wide = axis_labels(NARROW), axis_labels(WIDTH)
    assert 2 <= len(narrow) < len(wide)
    for labels in (narrow, wide):
        for (x1, a), (x2, b) in pairwise(labels):
            assert x2 - x1 > 0.6 * 12 * (len(a) + len(b)) / 2


def test_a_paragraph_on_the_first_line_is_shown_as_its_opening_words() -> None:
    """A bare file whose first line is its whole lede: headings and links show its opening
    words, cut between words; a short title is shown whole, and an article without one by
    its id."""
    lede = ("Fishermen returning to the eastern harbour on Thursday found the breakwater "
            "cracked along half its length, and the port office said repairs would take "
            "until the spring at the earliest.")
    long_one = Article(id="harbour", text=lede, title=lede, outlet="Coast Post")
    short = Article(id="dam", text="The dam held.", title="The dam held", outlet="Coast Post")
    untitled = Article(id="no-title-7", text="Rain fell.", outlet="Coast Post")
    html = render_html(Analysis(articles=[long_one, short, untitled]))
    shown = views.title_of(long_one)
    assert shown.endswith("…") and len(shown) <= views.TITLE + 1
    assert lede.startswith(shown[:-1]) and lede[len(shown) - 1] == " "
    assert f"<h3>{shown}</h3>" in html and f"<h3>{lede}" not in html
    assert f">{lede}</a>" not in html and f">{shown}</a>" in html
    assert "<h3>The dam held</h3>" in html and "<h3>no-title-7</h3>" in html
    assert f"### {shown}" in render_markdown(Analysis(articles=[long_one]))
