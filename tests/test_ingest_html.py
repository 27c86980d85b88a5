"""Tests of HTML main-text extraction on small hand-written pages."""

from __future__ import annotations

import pytest
import trafilatura
from trafilatura.settings import Document

from triangulate.ingest.html import Page, extract_page

URL = "https://news.example.org/2024/03/12/valley-ceasefire-talks"

PARAGRAPHS = [
    "Negotiators from both delegations met on Tuesday in the lakeside town of Orrendal for a "
    "third round of talks about a local ceasefire along the northern valley road.",
    "According to two officials present at the meeting, the sides agreed to open a corridor "
    "for grain convoys for at least fourteen days, starting at dawn on Thursday.",
    "The regional governor, Maren Tolvik, told reporters that about 2,300 residents were still "
    "waiting to leave the villages east of the river and that buses had been prepared.",
    "Observers from a neutral monitoring group said they would place teams at four checkpoints "
    "and publish a short daily report on any violations they were able to confirm.",
    "Neither delegation commented on the question of prisoner exchanges, which had stalled the "
    "previous round, and a further meeting is expected before the end of the month.",
]

BOILERPLATE = [
    "Subscribe to our daily briefing",
    "Weather forecast for the weekend",
    "Copyright 2024 Example News Group",
    "This comment is left by an angry reader",
    "Another reader replies at length here",
    "Ten photos of autumn markets",
]


def _article_page(body: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Valley ceasefire talks open grain corridor | Example News</title>
  <meta property="og:title" content="Valley ceasefire talks open grain corridor">
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2024-03-12T09:30:00Z">
  <link rel="canonical" href="{URL}">
</head>
<body>
  <header class="site-header">
    <a href="/">Example News</a>
    <nav class="main-nav">
      <ul>
        <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
        <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
      </ul>
    </nav>
    <div class="promo"><a href="/newsletter">{BOILERPLATE[0]}</a></div>
  </header>
  <main>
    <article class="story">
      <h1>Valley ceasefire talks open grain corridor</h1>
      <div class="byline">By Ada Example · <time datetime="2024-03-12">12 March 2024</time></div>
      {body}
    </article>
    <aside class="related">
      <h3>Related</h3>
      <ul>
        <li><a href="/a">{BOILERPLATE[5]}</a></li>
        <li><a href="/b">{BOILERPLATE[1]}</a></li>
      </ul>
    </aside>
    <section id="comments" class="comments">
      <h3>Comments</h3>
      <div class="comment"><p>{BOILERPLATE[3]}, and it is rather long to look like text.</p></div>
      <div class="comment"><p>{BOILERPLATE[4]}, with several words in a sentence.</p></div>
    </section>
  </main>
  <footer class="site-footer">
    <p>{BOILERPLATE[2]}. All rights reserved.</p>
    <a href="/privacy">Privacy</a> <a href="/terms">Terms</a> <a href="/contact">Contact</a>
  </footer>
</body>
</html>"""


def _paragraphs(paragraphs: list[str]) -> str:
    return "\n".join(f"<p>{text}</p>" for text in paragraphs)


@pytest.fixture(scope="module")
def news_page() -> Page:
    page = extract_page(_article_page(_paragraphs(PARAGRAPHS)), URL)
    assert page is not None
    return page


def test_article_body_is_extracted(news_page: Page) -> None:
    for paragraph in PARAGRAPHS:
        assert paragraph in news_page.text


def test_paragraphs_are_separated_by_newlines(news_page: Page) -> None:
    lines = news_page.text.split("\n")
    assert [line for line in lines if line in PARAGRAPHS] == PARAGRAPHS


@pytest.mark.parametrize("phrase", BOILERPLATE)
def test_boilerplate_is_left_out(news_page: Page, phrase: str) -> None:
    assert phrase not in news_page.text


def test_metadata(news_page: Page) -> None:
    assert news_page.title == "Valley ceasefire talks open grain corridor"
    assert news_page.published == "2024-03-12"
    assert news_page.site_name == "Example News"
    assert news_page.url == URL
    assert news_page.language == "en"


def test_url_comes_from_the_page_when_not_given() -> None:
    page = extract_page(_article_page(_paragraphs(PARAGRAPHS)))
    assert page is not None
    assert page.url == URL


def _grid_row(paragraphs: list[str], aside: bool) -> str:
    """One row of a grid layout holding a part of the body, optionally with a side rail."""
    rail = '<div class="grid-aside"><div class="ad-rail"></div></div>' if aside else ""
    body = f'<div class="grid-item article-body">{_paragraphs(paragraphs)}</div>'
    return f'<div class="grid grid-wide">{body}{rail}</div>'


def _split_body(paragraphs: list[str]) -> str:
    """A body cut in two grid rows by a full-width ad, as some CMSs render long articles.

    Plain trafilatura keeps only the first row here: its first main-content candidate is the
    first element with an ``article-body`` class.
    """
    ad_row = (
        '<div class="row full-bleed-ad"><span>Advertisement</span><div class="slot"></div></div>'
    )
    return _grid_row(paragraphs[:2], aside=True) + ad_row + _grid_row(paragraphs[2:], aside=False)


def test_body_split_over_containers_is_joined() -> None:
    page = extract_page(_article_page(_split_body(PARAGRAPHS)), URL)
    assert page is not None
    assert [line for line in page.text.split("\n") if line in PARAGRAPHS] == PARAGRAPHS


def test_next_story_in_its_own_article_is_not_joined() -> None:
    """Pages that preload the next story must not have it glued to the first one."""
    other = "The harbour authority announced new opening hours for the ferry terminal today."
    next_story = f'<article class="story">{_grid_row([other] * 6, aside=False)}</article>'
    page_html = _article_page(_split_body(PARAGRAPHS)).replace("</main>", f"{next_story}</main>")
    page = extract_page(page_html, URL)
    assert page is not None
    for paragraph in PARAGRAPHS:
        assert paragraph in page.text
    assert other not in page.text


def _fake_extractor(precise_text: str, balanced_text: str) -> object:
    """Stand-in for trafilatura's bare_extraction that answers by mode."""

    def fake(*args: object, favor_precision: bool = False, **kwargs: object) -> Document:
        return Document(text=precise_text if favor_precision else balanced_text)

    return fake


@pytest.mark.parametrize(
    ("precise", "balanced", "expected"),
    [
        # precision mode kept a stub of a page where balanced mode finds the article
        (PARAGRAPHS[0], "\n".join(PARAGRAPHS), "\n".join(PARAGRAPHS)),
        # a stub is kept when balanced mode finds little more
        (PARAGRAPHS[0], f"{PARAGRAPHS[0]}\n{PARAGRAPHS[1][:60]}", PARAGRAPHS[0]),
        # an article-sized precise text is kept even if balanced mode finds more
        ("\n".join(PARAGRAPHS[:4]), "\n".join(PARAGRAPHS * 3), "\n".join(PARAGRAPHS[:4])),
    ],
)
def test_balanced_mode_replaces_a_stub_only(
    monkeypatch: pytest.MonkeyPatch, precise: str, balanced: str, expected: str
) -> None:
    monkeypatch.setattr(trafilatura, "bare_extraction", _fake_extractor(precise, balanced))
    page = extract_page(_article_page(_paragraphs(PARAGRAPHS)), URL)
    assert page is not None
    assert page.text == expected


def test_language_from_meta_when_html_has_no_lang() -> None:
    page_html = (
        _article_page(_paragraphs(PARAGRAPHS))
        .replace('<html lang="en-GB">', "<html>")
        .replace("<head>", '<head><meta http-equiv="Content-Language" content="de-AT">')
    )
    page = extract_page(page_html, URL)
    assert page is not None
    assert page.language == "de"


NO_ARTICLE = """<!DOCTYPE html><html><head><title>Example News</title></head><body>
<nav><a href="/world">World</a> <a href="/sport">Sport</a> <a href="/about">About</a></nav>
<footer><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>"""


@pytest.mark.parametrize(
    "markup",
    [
        NO_ARTICLE,
        "",
        "   ",
        "just some words, not markup",
        "<html><body></body></html>",
        "<<<>>> </p></div><div<p>",
    ],
)
def test_no_article_gives_none_or_empty(markup: str) -> None:
    page = extract_page(markup, URL)
    assert page is None or not page.text.strip()


@pytest.mark.parametrize(
    "markup",
    [
        "<html><body><p>Unclosed <b>bold <i>italic <div>" + PARAGRAPHS[0] * 3,
        "<html><head><title>x</title><body><table><tr><td><p>" + PARAGRAPHS[1] + "</td></p>",
        "<html>\x00\x01<body>\ufffd<p>" + PARAGRAPHS[2] + "\x00</p></body></html>",
        "<div>" * 5000 + PARAGRAPHS[3] + "</div>" * 5000,
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>' + PARAGRAPHS[4] + "</p></body>",
        "<html><body><script>var a = '<p>';</script><p>" + PARAGRAPHS[0] + "</body></html>",
    ],
)
def test_broken_markup_does_not_raise(markup: str) -> None:
    page = extract_page(markup, URL)
    assert page is None or isinstance(page.text, str)


def test_extractor_errors_give_none(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", fail)
    assert extract_page(_article_page(_paragraphs(PARAGRAPHS)), URL) is None
