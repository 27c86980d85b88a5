"""The terminal summary at 80 columns: whole words, ``--top`` rows, plurals."""

from __future__ import annotations

import re

from rich.console import Console

from triangulate.ids import with_ids
from triangulate.report import print_summary, views
from triangulate.report.terminal import most_frequent, plural
from triangulate.report.views import first_words
from triangulate.types import Analysis, Article, Claim, Group, Quote

LONG_QUOTE = ("We counted the convoys crossing the northern bridge every night for three "
              "weeks before the ceasefire collapsed completely")
LONG_OUTLET = "Regional Broadcasting Cooperative (syndicated through partnerpublications.example)"


def many_groups(count: int) -> Analysis:
    articles = [Article(id=f"a{i}", text="x", outlet=f"{LONG_OUTLET} {i}",
                        published=f"2024-01-{i + 1:02d}") for i in range(count)]
    claims = with_ids([Claim(article=f"a{i}", measure="killed", value=10.0 + i, low=None,
                             high=None, qualifier="exact", subject=f"villagers of district {i}",
                             source="the provincial emergency service") for i in range(count)])
    groups = [Group(measure="killed", subject=f"villagers of district {i}",
                    articles=[f"a{i}"], status="single_source", low=10.0 + i, best=10.0 + i,
                    high=10.0 + i, claims=[claims[i].id], sources=[f"s{i}"])
              for i in range(count)]
    quotes = [Quote(article=f"a{i}", kind="direct", text=LONG_QUOTE,
                    speaker=f"Commander Number{i}") for i in range(count)]
    return Analysis(articles=articles, quotes=quotes, claims=claims, groups=groups)


def summary(analysis: Analysis, top: int = 10) -> list[str]:
    console = Console(record=True, width=80)
    print_summary(analysis, console, top=top)
    return console.export_text().splitlines()


def test_every_line_fits_and_no_word_is_cut() -> None:
    lines = summary(many_groups(3))
    assert max(len(line) for line in lines) <= 80
    words = set(re.findall(r"[\w.-]+", LONG_OUTLET + " " + LONG_QUOTE))
    printed = set(re.findall(r"[\w.-]+", "\n".join(lines)))
    cut = {w for w in printed - words if len(w) >= 4
           and any(x.startswith(w) or x.endswith(w) for x in words)}
    assert not cut


def test_top_limits_the_rows_and_says_how_many_are_left() -> None:
    text = "\n".join(summary(many_groups(7), top=3))
    assert "district 2" in text and "district 5" not in text
    assert "and 4 more groups" in text and "and 4 more speakers" in text


def test_counts_take_the_right_number() -> None:
    assert summary(many_groups(1))[0].startswith("1 article from 1 outlet, ")
    assert "2 articles from 2 outlets" in summary(many_groups(2))[0]
    assert plural(1, "quote") == "1 quote" and plural(1200, "figure") == "1,200 figures"


def test_first_words_stop_between_words() -> None:
    opening = first_words(LONG_QUOTE, 30)
    assert opening.endswith("…") and len(opening) <= 31
    assert LONG_QUOTE.startswith(opening[:-1]) and LONG_QUOTE[len(opening) - 1] == " "
    assert first_words("Short.", 30) == "Short."


def test_an_area_estimate_names_its_unit_once() -> None:
    group = Group(measure="area", subject="farmland", articles=["a"], status="compatible",
                  low=640.0, best=1460.0, high=None)
    assert views.estimate(group) == "640 / 1,460 / – km²"


def test_key_figures_name_each_groups_event() -> None:
    analysis = many_groups(2)
    analysis.groups[0].event = "Harbour"
    analysis.groups[1].event = "Dam"
    lines = summary(analysis)
    start = next(i for i, line in enumerate(lines) if "Key figures" in line)
    end = next(i for i, line in enumerate(lines) if "Figures side by side" in line)
    rows = lines[start:end]
    assert any("Harbour" in line for line in rows) and any("Dam" in line for line in rows)


def test_an_empty_table_is_one_line() -> None:
    """An analysis with quotes but no figures: the figure tables say none, in one line each,
    and the quotes table is drawn."""
    analysis = many_groups(1)
    analysis.claims, analysis.groups = [], []
    lines = summary(analysis)
    assert "Key figures: none" in lines and "Figures side by side: none" in lines
    assert any(line.strip() == "Quotes by speaker" for line in lines)
    assert any("Commander" in line for line in lines)


def test_a_word_list_shows_the_top_words_and_counts_the_rest() -> None:
    words = [(f"word{i}", 9 - i) for i in range(9)]
    shown = most_frequent(words, 3)
    assert shown.startswith("word0 ×9, word1 ×8, word2 ×7") and "+6 more" in shown
    assert "word3" not in shown
    assert most_frequent(words[:2], 3) == "word0 ×9, word1 ×8"
