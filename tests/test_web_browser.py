"""The web app's pages in a real headless Chromium (Debian's /usr/bin/chromium, through
Playwright), served by uvicorn on a free port, at 400 px and at 1400 px wide."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import triangulate
from triangulate.settings import Settings
from triangulate.web import create_app

pytestmark = pytest.mark.slow  # drives Chromium

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
TOKEN = "browser-token-91c2"
WIDTHS = (400, 1400)
DISPATCHES = {
    "courier.txt": """---
outlet: Northern Courier
published: 2025-05-10
---
Dam strike on the Dnipro
Twenty soldiers were killed in a strike near the Kakhovka dam, the army said on Saturday.
About 50 soldiers were wounded in the same strike, according to the army.
"The shelling did not stop all night," said Major Taras Bilyk, a battalion commander.
""",
    "bulletin.txt": """---
outlet: Eastern Bulletin
published: 2025-05-11
---
Kakhovka strike toll
Military officials said 20 soldiers were killed near the Kakhovka dam.
More than 300 soldiers were wounded by the barrage, a regional official said.
""",
    "times.txt": """---
outlet: Valley Times
published: 2025-05-12
---
Families wait for news from Kakhovka
Ninety soldiers were wounded near the Kakhovka dam, the hospital director said.
""",
}
PAYLOAD = '<img src=x onerror="alert(1)">'
SCRIPT = "<script>alert(2)</script>"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A live server over a store of the dispatches; yields its base URL."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: apt-get install -y chromium")
    folder = tmp_path_factory.mktemp("dispatches")
    for name, text in DISPATCHES.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{folder / 'site.db'}"
    triangulate.analyze([folder], db=url, settings=Settings(semantic=False))
    yield from served(create_app(url, TOKEN))


def served(app: Any) -> Iterator[str]:
    """``app`` served live on a free port, in a thread, until the generator is closed;
    yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=30)


def launched() -> Iterator[Any]:
    """Debian's Chromium driven by Playwright, until the generator is closed."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def browser(site: str) -> Iterator[Any]:
    yield from launched()


class Visit:
    """A browser page at one width, with every request, dialog and console error it saw."""

    def __init__(self, browser: Any, site: str, width: int) -> None:
        self.site = site
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page = browser.new_page(viewport={"width": width, "height": 900})
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda message: self.errors.append(message.text)
                     if message.type == "error" else None)

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def go(self, path: str) -> Any:
        return self.page.goto(self.site + path, wait_until="load")

    def text(self) -> str:
        return " ".join(str(self.page.inner_text("body")).split())

    def fits(self) -> bool:
        """Nothing wider than the window (tables scroll inside their own box)."""
        width: int = self.page.evaluate("document.documentElement.scrollWidth")
        return width <= self.page.viewport_size["width"] + 1

    def offsite(self) -> list[str]:
        return [url for url in self.requests if not url.startswith(self.site)
                and not url.startswith("data:")]

    def close(self) -> None:
        self.page.close()


@pytest.fixture(params=WIDTHS, ids=[f"{w}px" for w in WIDTHS])
def visit(request: pytest.FixtureRequest, browser: Any, site: str) -> Iterator[Visit]:
    found = Visit(browser, site, request.param)
    yield found
    found.close()


def test_the_story_loads(visit: Visit) -> None:
    assert visit.go("/").status == 200
    text = visit.text()
    for outlet in ("Northern Courier", "Eastern Bulletin", "Valley Times"):
        assert outlet in text
    rows = visit.page.locator("table.key-figures tbody tr")
    assert rows.count() >= 2
    assert {"corroborated", "conflicting"} <= set(rows.evaluate_all(
        "rows => rows.map(r => r.dataset.status)"))
    rows.first.locator("a").click()
    visit.page.wait_for_url("**/groups/**")
    assert visit.page.locator("section.group svg:visible").count() == 1  # one of its two drawings
    assert visit.fits()
    assert visit.offsite() == [] and visit.errors == []


def test_groups_filter_by_status(visit: Visit) -> None:
    visit.go("/groups")
    statuses = visit.page.locator("section.group").evaluate_all(
        "nodes => nodes.map(n => n.dataset.status)")
    assert len(set(statuses)) >= 2
    chosen = statuses[-1]
    visit.page.select_option("#status", chosen)
    visit.page.wait_for_url(f"**status={chosen}**")
    visit.page.wait_for_function(
        "s => [...document.querySelectorAll('section.group')].every(g => g.dataset.status == s)",
        arg=chosen)
    kept = visit.page.locator("section.group").count()
    assert kept == statuses.count(chosen)
    assert visit.fits() and visit.errors == []


def test_a_figure_opens_with_its_sentence_highlighted(visit: Visit) -> None:
    visit.go("/groups")
    link = visit.page.locator("a.figure-link").first
    figure = link.inner_text()
    link.click()
    visit.page.wait_for_url("**/figures/**")
    focus = visit.page.locator("#focus")
    assert focus.is_visible()
    assert figure.strip("≥>~<≤").replace(",", "") in focus.inner_text().replace(",", "") \
        or any(word in focus.inner_text().lower() for word in ("twenty", "ninety"))
    background = focus.evaluate("node => getComputedStyle(node).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert focus.locator("mark.figure").count() >= 1
    assert "Source chain" in visit.text() and visit.fits()


def test_the_keyboard_reaches_and_opens_a_figure(visit: Visit) -> None:
    visit.go("/groups")
    for _ in range(60):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("document.activeElement.classList.contains('figure-link')"):
            break
    else:
        pytest.fail("no figure link took the focus by Tab")
    visit.page.keyboard.press("Enter")
    visit.page.wait_for_url("**/figures/**")
    assert visit.page.locator("#focus").is_visible()


def upload(visit: Visit, fields: dict[str, str]) -> None:
    visit.go("/upload")
    for name, value in fields.items():
        visit.page.fill(f"[name={name}]", value)
    visit.page.click("button[type=submit]")
    visit.page.wait_for_url("**/jobs/**")
    visit.page.wait_for_selector("#job[data-status=done]", timeout=120_000)


def test_an_uploaded_article_shows_its_figures(visit: Visit) -> None:
    width = visit.page.viewport_size["width"]
    upload(visit, {"token": TOKEN, "title": f"Port raid {width}", "outlet": "Delta Radio",
                   "text": f"Port raid {width}\nAt least {width // 100 + 3} sailors were "
                           "killed in a drone attack on the port of Izmail, the navy said."})
    figures = visit.page.locator(".job-figures a")
    assert figures.count() >= 1
    assert "killed" in figures.first.inner_text()
    figures.first.click()
    visit.page.wait_for_url("**/figures/**")
    assert "sailors" in visit.page.locator("#focus").inner_text()
    assert visit.fits() and visit.errors == []


def test_a_wrong_token_is_refused_on_the_form(visit: Visit) -> None:
    visit.go("/upload")
    visit.page.fill("[name=token]", "not-the-token")
    visit.page.fill("[name=text]", "Nothing\nTen soldiers were killed, the army said.")
    visit.page.click("button[type=submit]")
    assert "Error 401" in visit.text()


def test_xss_in_every_field_renders_as_text(visit: Visit, browser: Any) -> None:
    width = visit.page.viewport_size["width"]
    title = f"Raid {width} {PAYLOAD}"
    upload(visit, {"token": TOKEN, "title": title, "outlet": f"Herald {SCRIPT}",
                   "url": f"javascript:alert(1)//{PAYLOAD}",
                   "text": f"{title}\n{SCRIPT} At least 7 guards were killed at the "
                           f"checkpoint, said {PAYLOAD} the governor.\n"
                           f"\"{PAYLOAD} we held,\" said Colonel {SCRIPT} Petrenko."})
    figures = visit.page.locator(".job-figures a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    assert figures
    visit.page.locator("#job ul a").first.click()
    visit.page.wait_for_url("**/articles/**")
    assert PAYLOAD in visit.page.locator("h1.article-title").inner_text()
    assert f"Herald {SCRIPT}" in visit.page.locator("p.meta").first.inner_text()
    assert SCRIPT in visit.page.locator("article.text").inner_text()
    assert visit.page.locator("img[src=x]").count() == 0
    for path in ("/", "/articles", "/quotes", "/outlets", "/groups", "/tensions", *figures):
        visit.go(path)
        assert visit.page.locator("img[src=x]").count() == 0, path
    assert visit.dialogs == []
    assert visit.offsite() == []
