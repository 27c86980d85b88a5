"""Quote-mark pairing grows linearly with the number of marks: hostile runs of marks (60 KB
of unpairable quotes, marks among many tags) stay fast. Timings are generous bounds, a tenth
of what the quadratic pairing took on these inputs."""

from __future__ import annotations

import time

import pytest

from triangulate.nlp.marks import find_quote_spans


@pytest.mark.parametrize("unit", ["“ '", "' “ ", '<b class="x">“ \'</b> ', "“a\n\n"])
def test_runs_of_marks_are_paired_in_linear_time(unit: str) -> None:
    text = unit * (150_000 // len(unit))
    started = time.perf_counter()
    spans = find_quote_spans(text)
    assert time.perf_counter() - started < 4
    assert all(0 <= s.start <= s.end <= len(text) for s in spans)


def test_a_continued_single_quote_is_still_kept() -> None:
    """The single-pass lookahead keeps what the pairwise one kept: an unclosed single-mark
    quote survives where the next paragraph continues it."""
    text = ("The colonel said: ‘We held the ridge for a week.\n\n"
            "‘Nobody came to relieve us,’ he added.\n\n"
            "Another officer gave a “different account” of it.")
    kinds = [(s.text(text), s.closed) for s in find_quote_spans(text)]
    assert ("We held the ridge for a week.", False) in kinds
    assert ("Nobody came to relieve us,", True) in kinds
