"""An article's language: declared, else told from its common words; every text here is
written for the tests."""

from __future__ import annotations

import time

import pytest

from triangulate.ingest import make_article
from triangulate.ingest.language import detect_language
from triangulate.types import Article

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


def test_declared_language_wins_and_is_normalised() -> None:
    article = make_article("a", ENGLISH, "t", None, {"language": "DE-at"}, ())
    assert isinstance(article, Article) and article.language == "de"


def test_undeclared_language_is_detected_on_ingest() -> None:
    article = make_article("a", SPANISH, "t", None, {}, ())
    assert isinstance(article, Article) and article.language == "es"
