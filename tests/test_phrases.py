"""Phrases found as whole words, as the pattern ``(?<!\\w)phrase(?!\\w)`` finds them."""

from __future__ import annotations

import random
import re

import pytest

from triangulate.nlp.phrases import whole_phrases


def by_pattern(text: str, phrase: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)]


def test_a_phrase_inside_a_longer_word_is_passed_over() -> None:
    text = "Alice met Ali; Ali_b left, and (Ali) stayed with Ali."
    assert list(whole_phrases(text, "Ali")) == by_pattern(text, "Ali")
    assert [text[a:b] for a, b in whole_phrases(text, "Ali")] == ["Ali", "Ali", "Ali"]


PIECES = ["ab", "a", "b", " ", "-", "_", "é", "3", "a b", "ba", ".", "ß"]


@pytest.mark.parametrize("seed", range(40))
def test_the_places_are_those_the_pattern_finds(seed: int) -> None:
    pick = random.Random(seed)
    text = "".join(pick.choice(PIECES) for _ in range(80))
    phrase = "".join(pick.choice(PIECES) for _ in range(pick.randint(0, 2)))
    assert list(whole_phrases(text, phrase)) == by_pattern(text, phrase)
