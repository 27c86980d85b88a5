"""The web app and REST API through FastAPI's test client, on SQLite and on a real PostgreSQL
server (set TRIANGULATE_TEST_POSTGRES, as .ci/run does)."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import triangulate
from triangulate.cli import app as cli_app
from triangulate.settings import Settings
from triangulate.store import Store, metadata
from triangulate.web import create_app
from triangulate.web.data import DERIVED_ID, derived_ids
from triangulate.web.security import CSRF_COOKIE

POSTGRES = os.environ.get("TRIANGULATE_TEST_POSTGRES")
TOKEN = "test-token-7f3a"
WIRES = {
    "harbour-wire.txt": """---
outlet: Harbour Wire
published: 2025-03-02
---
Shelling hits Kharkiv market
At least 30 civilians were killed in the shelling of a Kharkiv market, the regional governor said.
"We are still pulling people out of the rubble," said Oleh Syniehubov, the governor.
""",
    "steppe-post.txt": """---
outlet: Steppe Post
published: 2025-03-03
---
Kharkiv market strike toll rises
Officials said 45 civilians were killed when a missile struck a market in Kharkiv on Sunday.
More than 100 people were wounded, according to the emergency service.
""",
    "river-daily.txt": """---
outlet: River Daily
published: 2025-03-04
---
Kharkiv mourns
The strike on the Kharkiv market killed 41 civilians, the mayor said on Tuesday.
"The city will not be broken," said Ihor Terekhov, the mayor.
""",
}
POSTED = ("Ferry port attack\nAt least 12 sailors were killed in a drone attack on the ferry "
          "port of Izmail, the navy said on Friday.\n")


def reset(url: str) -> None:
    store = Store(url)
    metadata.drop_all(store.engine)
    store.close()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=(
    pytest.mark.skipif(POSTGRES is None, reason="no PostgreSQL server: set "
                       "TRIANGULATE_TEST_POSTGRES")))])
def db(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
       ) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("wires")
    for name, text in WIRES.items():
        (folder / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{folder / 'web.db'}" if request.param == "sqlite" else str(POSTGRES)
    if request.param == "postgresql":
        reset(url)
    triangulate.analyze([folder], db=url, settings=Settings(semantic=False))
    yield url
    if request.param == "postgresql":
        reset(url)


@pytest.fixture
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, TOKEN, settings=Settings(semantic=False))) as found:
        yield found


def every(client: TestClient, path: str, limit: int) -> list[dict[str, Any]]:
    """All items of a list endpoint, page by page through its ``next`` links."""
    items: list[dict[str, Any]] = []
    url: str | None = f"{path}{'&' if '?' in path else '?'}limit={limit}"
    while url:
        page = client.get(url).json()
        assert len(page["items"]) <= limit
        items += page["items"]
        url = page["next"]
    return items


def wait_for(client: TestClient, job_url: str) -> dict[str, Any]:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        job: dict[str, Any] = client.get(job_url).json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_url} did not finish")


def test_derived_ids_are_short_stable_and_distinct() -> None:
    first = derived_ids(["a:10", "a:10", "b:10", "a:11"])
    assert first == derived_ids(["a:10", "a:10", "b:10", "a:11"])
    assert len(set(first)) == 4
    assert all(DERIVED_ID.match(item) for item in first)
    assert derived_ids(["a:10"])[0] == first[0]


@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/claims", "/api/v1/quotes",
                                  "/api/v1/groups", "/api/v1/outlets"])
def test_lists_paginate_without_gaps_or_repeats(client: TestClient, path: str) -> None:
    whole = client.get(f"{path}?limit=500").json()
    assert whole["total"] == len(whole["items"]) and whole["next"] is None
    paged = every(client, path, limit=2)
    assert paged == whole["items"]
    assert whole["total"] > 0


def test_each_item_is_found_by_its_id_and_links_to_its_page(client: TestClient) -> None:
    for kind in ("claims", "quotes", "groups"):
        for item in every(client, f"/api/v1/{kind}", limit=50):
            assert DERIVED_ID.match(item["id"])
            assert client.get(item["links"]["self"]).json()["id"] == item["id"]
            assert client.get(item["links"]["page"]).status_code == 200
    for article in every(client, "/api/v1/articles", limit=50):
        record = client.get(article["links"]["self"]).json()
        assert record["text"] and set(record["claims"]) <= {
            c["id"] for c in every(client, "/api/v1/claims", 50)}


def test_the_api_serves_the_stored_ids_and_groups_cite_them(db: str, client: TestClient
                                                             ) -> None:
    store = Store(db, read_only=True)
    try:
        readings = store.load_readings()
    finally:
        store.close()
    stored = {c.id for r in readings for c in r.claims}
    claims = {c["id"] for c in every(client, "/api/v1/claims", 50)}
    quotes = {q["id"] for q in every(client, "/api/v1/quotes", 50)}
    assert claims == stored and quotes == {q.id for r in readings for q in r.quotes}
    for group in every(client, "/api/v1/groups", 50):
        bounds = {group[k] for k in ("low_from", "best_from", "high_from")} - {None}
        assert set(group["claims"]) | set(group["timeline"]) | bounds <= claims


def test_filters_keep_only_matching_items(client: TestClient) -> None:
    groups = every(client, "/api/v1/groups", 50)
    for status in {g["status"] for g in groups}:
        kept = every(client, f"/api/v1/groups?status={status}", 50)
        assert kept and all(g["status"] == status for g in kept)
        assert len(kept) == sum(g["status"] == status for g in groups)
    killed = every(client, "/api/v1/claims?measure=killed", 50)
    assert killed and all(c["measure"] == "killed" for c in killed)
    steppe = every(client, "/api/v1/articles?outlet=steppe", 50)
    assert [a["outlet"] for a in steppe] == ["Steppe Post"]
    dated = every(client, "/api/v1/articles?since=2025-03-03&until=2025-03-03", 50)
    assert [a["published"] for a in dated] == ["2025-03-03"]
    mayor = every(client, "/api/v1/quotes?speaker=terekhov", 50)
    assert mayor and all("Terekhov" in (q["speaker"] or "") for q in mayor)


def test_bad_ids_and_queries_are_json_errors_on_the_api(client: TestClient) -> None:
    for path, status in (("/api/v1/claims/not-an-id", 422), ("/api/v1/claims/abcdef012345", 404),
                         ("/api/v1/articles/no-such-article", 404),
                         ("/api/v1/articles/..%2F..%2Fetc%2Fpasswd", 404),
                         ("/api/v1/groups?status=certain", 422),
                         ("/api/v1/claims?limit=0", 422), ("/api/v1/nothing-here", 404)):
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"] == "application/json"
        assert response.json()["error"]["status"] == status
        assert "Traceback" not in response.text


def test_errors_on_the_site_are_pages(client: TestClient) -> None:
    for path, status in (("/figures/zzz", 422), ("/figures/abcdef012345", 404),
                         ("/groups?status=certain", 422), ("/groups?since=March", 422),
                         ("/no/such/page", 404)):
        response = client.get(path)
        assert response.status_code == status, path
        assert response.headers["content-type"].startswith("text/html")
        assert f"Error {status}" in response.text and "Traceback" not in response.text


def test_openapi_describes_the_api(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("/api/v1/articles", "/api/v1/claims/{claim_id}", "/api/v1/groups",
                 "/api/v1/quotes", "/api/v1/tensions", "/api/v1/outlets", "/api/v1/jobs/{job_id}"):
        assert path in schema["paths"]
    assert "post" in schema["paths"]["/api/v1/articles"]
    assert not any(path.startswith("/groups") for path in schema["paths"])


def test_pages_carry_a_csp_without_inline_script(client: TestClient) -> None:
    for path in ("/", "/groups", "/quotes", "/outlets", "/tensions", "/articles", "/upload"):
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        script = re.search(r"script-src ([^;]*)", policy)
        assert script and "unsafe-inline" not in script.group(1)
        assert not re.search(r"<script(?![^>]*\bsrc=)", response.text), path
        assert "//cdn" not in response.text and "https://" not in response.text


def test_writes_need_the_token(db: str, client: TestClient) -> None:
    body = {"text": POSTED, "outlet": "Delta Radio"}
    assert client.post("/api/v1/articles", json=body).status_code == 401
    wrong = client.post("/api/v1/articles", json=body, headers={"Authorization": "Bearer no"})
    assert wrong.status_code == 401 and wrong.json()["error"]["message"]
    with TestClient(create_app(db, None)) as closed:
        refused = closed.post("/api/v1/articles", json=body,
                              headers={"Authorization": f"Bearer {TOKEN}"})
        assert refused.status_code == 403
        assert "TRIANGULATE_TOKEN" in refused.json()["error"]["message"]
        assert "TRIANGULATE_TOKEN" in closed.get("/upload").text


def test_a_posted_article_is_read_and_cross_checked(db: str, client: TestClient) -> None:
    before = client.get("/api/v1/articles").json()["total"]
    response = client.post("/api/v1/articles", json={"text": POSTED, "outlet": "Delta Radio",
                                                      "published": "2025-03-07"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 202
    job = wait_for(client, response.headers["location"])
    assert job["status"] == "done", job
    [article_id] = job["articles"]
    assert client.get("/api/v1/articles").json()["total"] == before + 1
    claims = every(client, f"/api/v1/claims?article={article_id}", 50)
    assert any(c["measure"] == "killed" and c["value"] == 12 for c in claims)
    groups = every(client, "/api/v1/groups", 50)
    assert {c["id"] for c in claims} <= {c for g in groups for c in g["claims"]}
    store = Store(db)
    stored_groups, _ = store.load_crosscheck()  # the new cross-check is saved, not only shown
    store.close()
    assert len(stored_groups) == len(groups)


def test_a_file_upload_is_read_by_ingest(client: TestClient) -> None:
    html = ("<html><head><title>Izmail port</title></head><body><article><p>At least 9 "
            "dockers were wounded in a drone attack on the port of Izmail, the governor "
            "said.</p></article></body></html>")
    response = client.post("/api/v1/articles", files={"file": ("../../evil.html", html)},
                           data={"outlet": "Danube News"},
                           headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 202, response.text
    job = wait_for(client, response.json()["links"]["self"])
    assert job["status"] == "done", job
    record = client.get(f"/api/v1/articles/{job['articles'][0]}").json()
    assert record["outlet"] == "Danube News" and "dockers" in record["text"]
    assert record["path"] == "upload:evil.html"


def test_unreadable_posts_are_refused(client: TestClient) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    assert client.post("/api/v1/articles", json={"title": "no text"},
                       headers=auth).status_code == 422
    assert client.post("/api/v1/articles", content=b"{not json",
                       headers={**auth, "content-type": "application/json"}).status_code == 400
    assert client.post("/api/v1/articles", content=b"text",
                       headers={**auth, "content-type": "text/plain"}).status_code == 415


def test_bodies_over_the_limit_get_413(db: str) -> None:
    with TestClient(create_app(db, TOKEN, max_bytes=1000)) as small:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        declared = small.post("/api/v1/articles", json={"text": "x" * 2000}, headers=auth)
        assert declared.status_code == 413 and "limit" in declared.json()["error"]["message"]

        def chunks() -> Iterator[bytes]:  # no content-length: the body is counted as it comes
            yield b'{"text": "'
            for _ in range(20):
                yield b"y" * 100
            yield b'"}'

        streamed = small.post("/api/v1/articles", content=chunks(),
                              headers={**auth, "content-type": "application/json"})
        assert streamed.status_code == 413
        assert small.get("/api/v1/articles").status_code == 200


def test_the_settings_size_limit_bounds_a_posted_article(db: str) -> None:
    text = "Troops advanced on the northern road. " * 30  # over 1000 bytes, under the envelope
    with TestClient(create_app(db, TOKEN, settings=Settings(max_bytes=1000))) as small:
        auth = {"Authorization": f"Bearer {TOKEN}"}
        refused = small.post("/api/v1/articles", json={"text": text}, headers=auth)
        assert refused.status_code == 413 and "limit" in refused.json()["error"]["message"]
        taken = small.post("/api/v1/articles", json={"text": text[:900]}, headers=auth)
        assert taken.status_code == 202


def test_the_upload_form_needs_its_csrf_token(client: TestClient) -> None:
    client.get("/upload")
    cookie = client.cookies.get(CSRF_COOKIE)
    assert cookie
    fields = {"token": TOKEN, "text": POSTED, "title": "Izmail"}
    refused = client.post("/upload", data={**fields, "csrf": "forged"},
                          follow_redirects=False)
    assert refused.status_code == 403 and "CSRF" in refused.text
    accepted = client.post("/upload", data={**fields, "csrf": cookie}, follow_redirects=False)
    assert accepted.status_code == 303 and accepted.headers["location"].startswith("/jobs/")
    wait_for(client, "/api/v1" + accepted.headers["location"])


def test_serve_refuses_writes_without_a_token(db: str,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[dict[str, Any]] = []
    monkeypatch.delenv("TRIANGULATE_TOKEN", raising=False)
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append(options))
    result = CliRunner().invoke(cli_app, ["serve", "--db", db, "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "writes refused" in result.output and "TRIANGULATE_TOKEN" in result.output
    assert started == [{"host": "127.0.0.1", "port": 8123, "log_level": "info"}]


@pytest.mark.parametrize("token", [None, TOKEN])
def test_serve_opens_a_new_store_only_where_uploads_can_fill_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, token: str | None) -> None:
    """Without the token a missing store would be an empty site that cannot be filled: one
    line and exit 2, and no store made; with it, a new store that takes uploads."""
    started: list[dict[str, Any]] = []
    if token:
        monkeypatch.setenv("TRIANGULATE_TOKEN", token)
    else:
        monkeypatch.delenv("TRIANGULATE_TOKEN", raising=False)
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append(options))
    new = tmp_path / "new.db"
    result = CliRunner().invoke(cli_app, ["serve", "--db", f"sqlite:///{new}"])
    assert result.exit_code == (0 if token else 2), result.output
    assert bool(started) is new.exists() is bool(token)
    assert ("no store at" in result.stderr) is not token


def test_the_quotes_page_searches_by_speaker_and_words(client: TestClient) -> None:
    page = client.get("/quotes").text
    assert "Most quoted speakers" in page and "Terekhov" in page
    mayor = client.get("/quotes?speaker=Terekhov").text
    assert "will not be broken" in mayor and "rubble" not in mayor
    words = client.get("/quotes?q=rubble").text
    assert "rubble" in words and "will not be broken" not in words


def test_groups_filter_by_event_words_and_dates(client: TestClient) -> None:
    kharkiv = every(client, "/api/v1/groups?event=kharkiv", 50)
    assert kharkiv and all("kharkiv" in (g["event"] or "").lower() for g in kharkiv)
    assert every(client, "/api/v1/groups?event=cathedral", 50) == []
    dates = {a["id"]: a["published"] for a in every(client, "/api/v1/articles", 50)}
    late = every(client, "/api/v1/groups?since=2025-03-04", 50)
    assert late and all(any((dates[a] or "") >= "2025-03-04" for a in g["articles"])
                        for g in late)
    early = [g["id"] for g in every(client, "/api/v1/groups", 50)
             if all((dates[a] or "") < "2025-03-04" for a in g["articles"])]
    assert early and not set(early) & {g["id"] for g in late}


def test_an_empty_store_serves_every_page(tmp_path: Path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'empty.db'}", None)) as empty:
        for path in ("/", "/groups", "/quotes", "/outlets", "/tensions", "/articles",
                     "/upload"):
            assert empty.get(path).status_code == 200, path
        assert empty.get("/api/v1/groups").json() == {
            "items": [], "total": 0, "limit": 50, "offset": 0, "next": None, "previous": None}
