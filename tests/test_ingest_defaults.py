"""Outlet and date for bare files: run defaults, a folder's sources.csv, the URL's host."""

from __future__ import annotations

from pathlib import Path

from triangulate.ingest import read_sources
from triangulate.ingest.article import RunDefaults, run_defaults, url_outlet
from triangulate.ingest.inventory import files_phrase, take_inventory
from triangulate.report import views
from triangulate.types import Analysis, Article

BARE = "Shelling near the depot\n\nTwelve houses were hit overnight, the mayor said.\n"
WITH_OUTLET = "---\noutlet: Lakeside Herald\npublished: 2024-05-06\n---\n" + BARE


def articles(folder: Path) -> dict[str, Article]:
    found = [a for a in read_sources([folder]) if isinstance(a, Article)]
    return {a.id: a for a in found}


def write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_run_defaults_fill_only_what_the_file_leaves_out(tmp_path: Path) -> None:
    folder = write(tmp_path / "in", {"bare.txt": BARE, "dressed.txt": WITH_OUTLET})
    with run_defaults(RunDefaults(outlet="Night Desk", published="2024-07-01")):
        found = articles(folder)
    assert (found["bare"].outlet, found["bare"].published) == ("Night Desk", "2024-07-01")
    assert (found["dressed"].outlet, found["dressed"].published) == ("Lakeside Herald",
                                                                      "2024-05-06")
    assert articles(folder)["bare"].outlet is None  # the defaults end with their block


def test_sources_csv_maps_names_and_globs(tmp_path: Path) -> None:
    folder = write(tmp_path / "csv", {
        "north-1.txt": BARE, "north-2.txt": BARE, "south.txt": BARE, "other.txt": BARE,
        "sources.csv": "file,outlet,published,url\n"
                       "south.txt,South Wire,2023-01-02,\n"
                       "north-*.txt,,2023-03-04,https://www.northpost.example/a\n"})
    with run_defaults(RunDefaults(outlet="Fallback")):
        found = articles(folder)
    assert (found["south"].outlet, found["south"].published) == ("South Wire", "2023-01-02")
    assert found["north-2"].published == "2023-03-04"
    assert found["north-1"].outlet == "Fallback"  # the run's outlet before the URL's host
    assert found["other"].outlet == "Fallback"
    assert "sources" not in found
    assert articles(folder)["north-1"].outlet == "northpost.example"


def test_a_date_in_sources_csv_that_is_no_date_is_named_and_left_out(tmp_path: Path) -> None:
    folder = write(tmp_path / "baddate", {
        "one.txt": BARE, "sources.csv": "file,outlet,published\none.txt,Quay News,soon\n"})
    with run_defaults(RunDefaults(published="2022-11-12")):
        found = articles(folder)["one"]
    assert (found.outlet, found.published) == ("Quay News", "2022-11-12")
    problems = take_inventory([folder]).problems
    assert len(problems) == 1 and "sources.csv:2" in problems[0] and "'soon'" in problems[0]


def test_outlet_from_the_url_host() -> None:
    assert url_outlet("https://www.dailyexample.org/news/1") == "dailyexample.org"
    assert url_outlet("http://radio.example.net:8080/x") == "radio.example.net"
    assert url_outlet("not a url") is None
    assert url_outlet(None) is None


def test_unknown_outlets_count_as_one(tmp_path: Path) -> None:
    folder = write(tmp_path / "bare", {"one.txt": BARE, "two.txt": BARE.replace("Twelve", "Nine")})
    found = list(articles(folder).values())
    outlets = views.outlets(Analysis(articles=found))
    assert [o.name for o in outlets] == [views.UNKNOWN_OUTLET]
    assert len(outlets[0].articles) == 2


def test_inventory_counts_what_it_reads_and_what_it_passes_over(tmp_path: Path) -> None:
    folder = write(tmp_path / "mixed", {
        "a.txt": BARE, "b.html": "<html><body><p>x</p></body></html>",
        "feed.jsonl": '{"text": "one"}\n\n{"text": "two"}\n', "notes.md": "#", "todo.md": "#",
        "README": "x", "sources.csv": "name,outlet\nx,y\n"})
    inventory = take_inventory([folder])
    assert inventory.articles == 4
    assert dict(inventory.passed_over) == {".md": 2, "without extension": 1}
    assert len(inventory.problems) == 1 and "no 'file' column" in inventory.problems[0]
    write(folder, {"archive.warc": "WARC/1.0\n"})
    assert take_inventory([folder]).articles is None  # an archive is not counted ahead


def test_files_phrase_plurals() -> None:
    assert files_phrase(1, ".md") == "1 .md file"
    assert files_phrase(3, ".md") == "3 .md files"
    assert files_phrase(2, "without extension") == "2 files without extension"
