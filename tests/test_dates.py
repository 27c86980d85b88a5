"""Article dates read from the text: datelines, stamps, bylines, other languages, liveblogs."""

from __future__ import annotations

import random
import re

import pytest

from triangulate.ingest.article import make_article
from triangulate.ingest.dates import (
    alternation,
    date_from_text,
    date_pattern,
    entry_dates,
    find_dates,
    first_date,
    found_of,
    is_stamp_line,
    month_number,
)
from triangulate.ingest.text import parse_text
from triangulate.types import Article


@pytest.mark.parametrize(("text", "expected"), [
    ("OSLO, June 4 (Reuters) - The coastguard said. Talks began in 2021.", "2021-06-04"),
    ("TBILISI, 17 november 2019 - Police detained dozens.", "2019-11-17"),
    ("NAIROBI, 2 February 2025\nThe army said it had retaken the town.", "2025-02-02"),
    ("Last updated Sept. 9, 2020, 14:02 GMT\nFighting resumed.", "2020-09-09"),
    ("Explainer | Jan. 30, 2024\nWhat we know so far.", "2024-01-30"),
    ("By the Europe desk | 21 October 2023\nThe strike hit a school.", "2023-10-21"),
    ("Wien. Aktualisiert am 3. Oktober 2022\nDie Armee meldete Verluste.", "2022-10-03"),
    ("MADRID, 8 de mayo de 2021 (EFE) - El gobierno dijo.", "2021-05-08"),
    ("GOMA, July 14. /AFP/. Rebels advanced on the city, seized on March 2, 2023.", "2023-07-14"),
])
def test_dates_from_datelines_stamps_and_bylines(text: str, expected: str) -> None:
    assert date_from_text(text) == expected


def test_year_comes_from_the_text_never_from_today() -> None:
    assert date_from_text("KHARTOUM, May 2 (AP) - Shelling went on.") is None
    assert date_from_text("KHARTOUM, May 2 (AP) - Shelling, which began in April 2023, went "
                          "on.") == "2023-05-02"


def test_without_a_marker_the_latest_date_mentioned() -> None:
    text = "The siege began on 3 March 2022. By April 20, 2022 the city had fallen."
    assert date_from_text(text) == "2022-04-20"


def test_a_modal_may_is_no_month() -> None:
    assert date_from_text("They may 3 times a year report losses.") is None


def test_liveblog_entries_are_dated_by_their_stamps() -> None:
    text = ("Live: the war, day by day\n14 March 2024, 09:10 GMT\nTwo were killed.\n"
            "10:45 GMT | 15 March 2024\nFive were killed on the road.\n")
    stamps = entry_dates(text)
    assert [day for _, day in stamps] == ["2024-03-14", "2024-03-15"]
    assert text[stamps[1][0]:].startswith("10:45")


def test_ingest_dates_an_article_without_metadata() -> None:
    made = make_article("x", "ODESA, Aug. 9 (Reuters) - A drone hit a depot in 2023.", "T",
                        None, {}, ())
    assert isinstance(made, Article) and made.published == "2023-08-09"
    given = make_article("y", "ODESA, Aug. 9 (Reuters) - A drone hit a depot in 2023.", "T",
                         None, {"published": "2023-08-10"}, ())
    assert isinstance(given, Article) and given.published == "2023-08-10"


@pytest.mark.parametrize(("text", "expected"), [
    ("Sat 2 Mar 2024 14.05 GMT\nThe shelling went on.", "2024-03-02"),
    ("2024-03-02T10:00:00Z\nThe shelling went on.", "2024-03-02"),
    ("Published 3rd March 2024\nThe shelling went on.", "2024-03-03"),
])
def test_common_stamp_forms(text: str, expected: str) -> None:
    assert date_from_text(text) == expected


def test_a_date_in_the_address_is_metadata() -> None:
    from triangulate.ingest.dates import date_from_url

    assert date_from_url("https://example.org/world/2023/10/17/strike-on-hospital/") == \
        "2023-10-17"
    assert date_from_url("https://example.org/content/2022-03-25-theatre-hit/") == "2022-03-25"
    assert date_from_url("https://example.org/news/1434959") is None
    made = make_article("z", "A drone hit a depot.", "T", None,
                        {"url": "https://example.org/2021/06/04/depot"}, ())
    assert isinstance(made, Article) and made.published == "2021-06-04"


@pytest.mark.parametrize("raw", [
    "Last updated 2 March 2021 07:45 GMT\n\nFerry sinks off Lampedusa\n\nThe coastguard said.",
    "By our Africa desk | 9 May 2022\n\nFerry sinks off Lampedusa\n\nThe coastguard said.",
    "VALLETTA, 14. Juni 2020\n\nFerry sinks off Lampedusa\n\nThe coastguard said.",
])
def test_a_stamp_byline_or_bare_dateline_above_the_headline_is_no_headline(raw: str) -> None:
    parsed = parse_text(raw)
    assert parsed.title == "Ferry sinks off Lampedusa"
    assert parsed.text.startswith(raw.split("\n")[0])  # the stamp stays in the text read


def test_a_headline_that_holds_a_date_is_the_headline() -> None:
    raw = "Ferry sinks off Lampedusa on 2 March 2021\n\nThe coastguard said on Monday."
    assert parse_text(raw).title == "Ferry sinks off Lampedusa on 2 March 2021"
    assert not is_stamp_line("Ferry sinks off Lampedusa on 2 March 2021")


def test_alternation_of_shared_prefixes_matches_as_the_plain_alternation_does() -> None:
    words = ["mar", "march", "mars", "marzo", "may", "mai", "maj", "june", "jun"]
    text = "In Marzo, mars and MARCH; may, maize, jun and June; marathon."
    plain = "|".join(sorted(words, key=len, reverse=True))
    tree = alternation(words)
    found = [m.group() for m in re.finditer(rf"\b(?:{tree})", text, re.IGNORECASE)]
    assert found == [m.group() for m in re.finditer(rf"\b(?:{plain})", text, re.IGNORECASE)]
    assert {"Marzo", "MARCH", "June"} <= set(found)


def test_alternation_is_a_tree_not_a_list() -> None:
    assert alternation(["march", "mars"]).count("mar") == 1


def dates_at_every_character(text: str) -> list[tuple[int, int, int, int, int | None]]:
    """The dates the pattern finds when tried at every character (``finditer``)."""
    found = (found_of(m) for m in date_pattern().finditer(text))
    return [(f.start, f.end, f.month, f.day, f.year) for f in found
            if f is not None and 1 <= f.day <= 31]


PIECES = ["March", "sept.", "Mai", "de", "mars", " ", "  ", "\n", ".", ",", "-", "T", "x", "3",
          "14", "2023", "2024-05-06", "9.10.2021", "1st", "noon", "Mayday", "4th", "²", "Sept",
          "12:30", "(", "ok"]


@pytest.mark.parametrize("seed", range(30))
def test_the_dates_found_are_those_of_the_pattern_tried_at_every_character(seed: int) -> None:
    """Only where a date can begin is the pattern tried; nothing it finds elsewhere is lost
    (text made of date-like pieces, glued and spaced at random)."""
    pick = random.Random(seed)
    text = "".join(pick.choice(PIECES) for _ in range(300))
    found = [(f.start, f.end, f.month, f.day, f.year) for f in find_dates(text)]
    assert found == dates_at_every_character(text)
    first = first_date(text)
    assert (first.start if first else None) == (found[0][0] if found else None)


def test_dates_across_spaces_dots_and_glued_stamps() -> None:
    text = "Sept.   3, 2021, then x2024-05-06T10:00 and mars\n4 and 7 June 2022."
    found = [(f.month, f.day, f.year) for f in find_dates(text)]
    assert found == [(m, d, y) for _s, _e, m, d, y in dates_at_every_character(text)]
    assert (9, 3, 2021) in found and (6, 7, 2022) in found


@pytest.mark.parametrize("text", [
    "The raid came on \u017fept 3, 2024 at dawn.",  # a long s, which matches "s" in any case
    "Talks resumed on 4 \u017fEPTEMBER 2023 in the capital.",
    "Shelling on 12 Augu\u017ft 2022 hit the market.",
])
def test_a_month_spelt_with_letters_that_fold_to_ascii_is_read(text: str) -> None:
    found = find_dates(text)
    assert len(found) == 1 and found[0].month in (8, 9)


def test_a_word_that_folds_to_no_month_is_no_date() -> None:
    assert month_number("Smarch") is None
