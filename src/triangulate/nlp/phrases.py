r"""Where a phrase stands in a text as whole words: not inside a longer word ("Ali" is not in
"Alice"), as the pattern ``(?<!\w)phrase(?!\w)`` finds it, without compiling a
pattern for each phrase (a name or a place of each article is a new pattern)."""

from __future__ import annotations

from collections.abc import Iterator


def is_word_char(text: str, at: int) -> bool:
    """Whether the character at ``at`` is one the pattern's ``\\w`` matches (none outside
    the text)."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def whole_phrases(text: str, phrase: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each place ``phrase`` stands as whole words, left to right, never
    overlapping (as ``re.finditer`` finds them)."""
    at = 0
    while (start := text.find(phrase, at)) >= 0:
        end = start + len(phrase)
        if is_word_char(text, start - 1) or is_word_char(text, end):
            at = start + 1
            continue
        yield start, end
        at = end if end > start else start + 1
