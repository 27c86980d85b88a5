"""An article's language: declared, else told from its common words; every text here is
written for the tests."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from triangulate.cli import app
from triangulate.ingest import make_article
from triangulate.ingest.language import detect_language
from triangulate.lang import route, unread_languages
from triangulate.report.terminal import unread_line
from triangulate.store import Store
from triangulate.types import Article
from triangulate.web import create_app

runner = CliRunner()

ENGLISH = ("The ministry said on Monday that the brigade had pulled back from the river "
           "after two days of shelling, and that it would not return until the bridge was "
           "repaired.")
GERMAN = ("Das Ministerium teilte am Montag mit, dass sich die Brigade nach zwei Tagen "
          "Beschuss vom Fluss zurückgezogen habe und erst wieder vorrücken werde, wenn die "
          "Brücke repariert sei.")
SPANISH = ("El ministerio informó el lunes de que la brigada se había retirado del río "
           "después de dos días de bombardeos y que no volvería hasta que se reparara el "
           "puente.")
FRENCH = ("Le ministère a indiqué lundi que la brigade s'était retirée de la rivière après "
          "deux jours de bombardements et qu'elle ne reviendrait pas avant la réparation du "
          "pont.")
ITALIAN = ("Il ministero ha detto lunedì che la brigata si era ritirata dal fiume dopo due "
           "giorni di bombardamenti e che non sarebbe tornata finché il ponte non fosse "
           "stato riparato.")
RUSSIAN = ("Министерство сообщило в понедельник, что бригада отошла от реки после двух "
           "дней обстрелов и не вернётся, пока мост не будет восстановлен.")


@pytest.mark.parametrize(("text", "language"), [
    (ENGLISH, "en"), (GERMAN, "de"), (SPANISH, "es"), (FRENCH, "fr"), (ITALIAN, "it"),
    (RUSSIAN, "ru"), ("国防部周一表示，该旅在连续两天的炮击后已从河边撤退。", "zh"),
])
def test_language_told_from_common_words(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["Troops advanced.", "Kharkiv", "Shelling near Bakhmut",
                                  "12,000"])
def test_too_little_text_to_tell_is_unknown(text: str) -> None:
    assert detect_language(text) is None


def test_english_names_inside_another_language_do_not_make_it_english() -> None:
    text = GERMAN + " Der Sprecher des Pentagon, John Smith, sagte, die New York Times irre sich."
    assert detect_language(text) == "de"


def test_detection_is_fast() -> None:
    article = " ".join([ENGLISH, GERMAN, FRENCH] * 10)
    detect_language(article)
    began = time.perf_counter()
    for _ in range(200):
        detect_language(article)
    assert (time.perf_counter() - began) / 200 < 0.002  # seconds; well under 1 ms unloaded


def test_detection_builds_no_language_of_spacy() -> None:
    """Telling a language reads spaCy's stop-word lists only: a language package (French's
    tokenizer exceptions alone take seconds to build) is not imported."""
    probe = ("import sys; from triangulate.ingest.language import LANGUAGES, detect_language; "
             "print(detect_language('Les troupes sont entrées dans la ville lundi soir.')); "
             "print(sorted(c for c in LANGUAGES if f'spacy.lang.{c}' in sys.modules))")
    told, loaded = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                  text=True, check=True).stdout.splitlines()
    assert told == "fr"
    assert loaded == "[]"


def test_declared_language_wins_and_is_normalised() -> None:
    article = make_article("a", ENGLISH, "t", None, {"language": "DE-at"}, ())
    assert isinstance(article, Article) and article.language == "de"


def test_undeclared_language_is_detected_on_ingest() -> None:
    article = make_article("a", SPANISH, "t", None, {}, ())
    assert isinstance(article, Article) and article.language == "es"


# articles in languages that have no pipeline: stored and listed, not read by English rules
GERMAN_REPORT = """Schwere Verluste an der Front
Nach Angaben des Ministeriums wurden mindestens 3.000 Soldaten getötet, sagte der Sprecher am
Dienstag. „Wir werden nicht weichen“, sagte der Kommandeur der Brigade.
"""
OTHER_GERMAN = """Waffenruhe gebrochen
Die Armee teilte mit, dass in der Nacht 1.200 Menschen verletzt worden seien und dass die
Angriffe noch nicht aufgehört hätten.
"""
SPANISH_REPORT = """Combates en el este
Al menos 2.500 soldados murieron en la ofensiva, dijo el ministro de Defensa, que añadió
que «la situación es muy grave» para las tropas en el frente.
"""
ENGLISH_REPORT = """Losses at the front
At least 40 soldiers were killed in the night assault, the ministry said on Tuesday.
"""


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, text in [("de1", GERMAN_REPORT), ("de2", OTHER_GERMAN), ("es1", SPANISH_REPORT),
                       ("en1", ENGLISH_REPORT)]:
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_unsupported_languages_are_stored_listed_and_not_read(
        mixed: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRIANGULATE_SEMANTIC", "0")
    out = tmp_path / "out.json"
    result = runner.invoke(app, ["analyze", str(mixed), "--db", f"sqlite:///{tmp_path}/m.db",
                                 "--json", str(out), "-q"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    languages = {a["id"]: a["language"] for a in data["articles"]}
    assert languages == {"de1": "de", "de2": "de", "es1": "es", "en1": "en"}
    read = {item["article"] for item in data["quotes"] + data["claims"]}
    assert read == {"en1"}  # no "3.000" read as 3, no German or Spanish quote
    assert [c["value"] for c in data["claims"]] == [40]
    line = "3 articles in languages without a pipeline (de 2, es 1): stored, not read"
    assert line in result.stderr
    store = Store(f"sqlite:///{tmp_path}/m.db")
    try:
        assert {r.article.id for r in store.load_readings()} == set(languages)
    finally:
        store.close()
    with TestClient(create_app(f"sqlite:///{tmp_path}/m.db", "a-token-for-the-test")) as web:
        listing = web.get("/articles").text
    assert listing.count('<span lang="de">de</span>') == 2 and '<span lang="es">' in listing


def test_unread_line_counts_by_language() -> None:
    assert unread_line({}) is None
    assert unread_line({"de": 1}) == \
        "1 article in a language without a pipeline (de 1): stored, not read"
    assert unread_line({"es": 1, "de": 2, "pl": 2}) == \
        "5 articles in languages without a pipeline (de 2, pl 2, es 1): stored, not read"


def test_an_article_of_unknown_language_is_read_in_the_default_one() -> None:
    article = Article(id="short", text="Troops killed 40 fighters.", language=None)
    assert route(article) == "en"
    assert route(replace(article, language="de")) is None
    assert route(replace(article, language="fr-FR")) == "fr"
    assert unread_languages([article, replace(article, language="de")]) == {"de": 1}
