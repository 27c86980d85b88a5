"""The tokenizer of quotation marks, on short texts written for these tests."""

from __future__ import annotations

import itertools
import random

import pytest

from triangulate.nlp.marks import QuoteSpan, find_quote_spans, paragraphs


def inner(text: str) -> list[str]:
    """The quoted passages of a text, outermost only."""
    return [s.text(text) for s in find_quote_spans(text) if s.depth == 0]


def test_curly_double_marks_pair() -> None:
    text = "The mayor said “the bridge is gone” and left. “We will rebuild,” she added."
    assert inner(text) == ["the bridge is gone", "We will rebuild,"]


def test_offsets_bound_the_inner_text() -> None:
    text = "He said “hold the line” twice."
    (span,) = find_quote_spans(text)
    assert (span.start, span.end) == (text.index("hold"), text.index("line") + len("line"))
    assert span.kind == "double"
    assert span.closed


def test_straight_double_marks_alternate() -> None:
    text = 'A medic said "we ran out of bandages" and a driver said "the road is mined".'
    assert inner(text) == ["we ran out of bandages", "the road is mined"]


def test_single_marks_with_apostrophes_inside() -> None:
    text = "'We don't sleep, and the drones' noise never stops,' said the gunner."
    assert inner(text) == ["We don't sleep, and the drones' noise never stops,"]


def test_plural_possessive_is_not_a_closing_mark() -> None:
    text = "'The pilots' training was short but hard,' the colonel said."
    assert inner(text) == ["The pilots' training was short but hard,"]


def test_closing_single_mark_after_s_before_a_cue() -> None:
    text = "'We held off the tanks' she said, 'for three days.'"
    assert inner(text) == ["We held off the tanks", "for three days."]


def test_curly_apostrophe_between_letters() -> None:
    text = "‘It wasn’t our shell,’ the officer insisted."
    assert inner(text) == ["It wasn’t our shell,"]


def test_elisions_are_apostrophes() -> None:
    text = "Veterans of the '90s wars remember 'em well. No quote here."
    assert inner(text) == []


def test_unclosed_quote_ends_at_its_paragraph() -> None:
    text = "“The shelling began at dawn, the farmer said.\nThe next paragraph is narration."
    spans = find_quote_spans(text)
    assert [s.text(text) for s in spans] == ["The shelling began at dawn, the farmer said."]
    assert not spans[0].closed


def test_next_paragraph_opening_with_a_mark_continues_the_quote() -> None:
    text = ("The volunteer described the evacuation. “We loaded the buses at night.\n"
            "“By morning the town was empty.”")
    spans = find_quote_spans(text)
    assert [s.text(text) for s in spans] == [
        "We loaded the buses at night.", "By morning the town was empty."]
    assert [s.continues for s in spans] == [False, True]


def test_stray_closing_mark_is_ignored() -> None:
    text = "The word” was misprinted. Later he said “we stay” firmly."
    assert inner(text) == ["we stay"]


def test_unbalanced_marks_do_not_swallow_the_article() -> None:
    paragraph = 'An odd mark " stands here.'
    text = "\n".join([paragraph, 'The mayor said "we need water."', "Nothing else is quoted."])
    found = inner(text)
    assert "we need water." in found
    assert all("Nothing else" not in quote for quote in found)


def test_unclosed_single_mark_in_a_double_marked_text_is_dropped() -> None:
    text = "He said “yes” to the plan.\nThe ‘old guard stayed away.\nThey said “no” later."
    assert inner(text) == ["yes", "no"]


def test_long_unclosed_quote_in_one_paragraph_is_cut_at_a_sentence() -> None:
    sentence = "The front moved again and the villagers fled to the west. "
    text = "He warned: “" + sentence * 20
    (span,) = find_quote_spans(text)
    assert span.end - span.start < len(text) / 2


def test_single_quote_nested_in_a_double_quote() -> None:
    text = "“They shouted ‘surrender’ at us all night,” the sergeant said."
    spans = find_quote_spans(text)
    assert [(s.text(text), s.depth) for s in spans] == [
        ("They shouted ‘surrender’ at us all night,", 0), ("surrender", 1)]


def test_two_single_marks_stand_for_a_double_mark() -> None:
    text = "''We will not retreat,'' the commander said."
    assert inner(text) == ["We will not retreat,"]


def test_marks_inside_markup_are_not_quotes() -> None:
    text = 'See <a href="https://example.org">the map</a>. He said "hold".'
    assert inner(text) == ["hold"]


def test_guillemets_pair() -> None:
    text = "Le maire a dit « nous tenons » hier."
    assert inner(text) == ["nous tenons"]


@pytest.mark.parametrize("text", [
    "„Wir halten die Stellung“, sagte er. „Noch“, fügte er hinzu.",
    "„Wir halten die Stellung,“ said a sergeant. „Noch,“ he added.",
    "‚Wir halten die Stellung‘, sagte er. ‚Noch‘, fügte er hinzu.",
])
def test_low_marks_close_with_high_ones(text: str) -> None:
    assert [t.strip(",") for t in inner(text)] == ["Wir halten die Stellung", "Noch"]


def test_a_high_opening_mark_after_a_word_and_a_colon_still_opens() -> None:
    text = "Er sagte:“Wir halten.” Dann ging er."
    assert inner(text) == ["Wir halten."]


def test_paragraphs_by_line_breaks() -> None:
    text = "One.\nTwo.\n\nThree."
    assert [text[a:b] for a, b in paragraphs(text)] == ["One.", "Two.", "Three."]


def test_paragraphs_of_wrapped_text_are_separated_by_blank_lines() -> None:
    text = "A long line\nwrapped here\nand here.\n\nA second\nparagraph."
    assert [text[a:b] for a, b in paragraphs(text)] == [
        "A long line\nwrapped here\nand here.", "A second\nparagraph."]


@pytest.mark.parametrize("seed", range(20))
def test_any_text_gives_spans_inside_it(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = "ab s'\"“”‘’«»\n.,"
    text = "".join(rng.choice(alphabet) for _ in range(300))
    spans = find_quote_spans(text)
    outer: list[QuoteSpan] = [s for s in spans if s.depth == 0]
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
    for a, b in itertools.pairwise(outer):
        assert a.end <= b.start
