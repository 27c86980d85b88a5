"""Long texts read in pieces: spaCy refuses a text over ``nlp.max_length`` (E088) and needs
memory in proportion to the text it parses at once, so an article longer than ``PIECE_CHARS``
is cut at paragraph breaks (else sentence ends, else spaces) into pieces that are read one by
one; their readings are joined again into one reading of the whole article, offsets shifted.

A quote or sentence never spans a paragraph break here, and a piece only ends inside a
paragraph where that paragraph alone is longer than a piece.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import TypeVar

from triangulate.types import Article, Claim, Framing, FramingSpan, Quote, Reading

_Span = TypeVar("_Span", Quote, Claim, FramingSpan)

# characters per piece: measured, a piece of this size peaks well under 1 GB with the small
# English model (spaCy warns of up to 1 GB per 100,000 characters for some pipelines)
PIECE_CHARS = 100_000
_BREAKS = (re.compile(r"\n[ \t]*\n"), re.compile(r"\n"),
           re.compile(r"[.!?…][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def cut_points(text: str, size: int = PIECE_CHARS) -> list[int]:
    """Offsets where pieces of at most ``size`` characters start (0 first)."""
    starts = [0]
    while len(text) - starts[-1] > size:
        begin = starts[-1]
        starts.append(_last_break(text, begin, begin + size))
    return starts


def _last_break(text: str, begin: int, limit: int) -> int:
    """The end of the last break of the strongest kind inside ``text[begin:limit]``; a hard
    cut at ``limit`` where the stretch has no break at all. Breaks in its first half are
    passed over for a weaker kind further on, so that pieces stay large."""
    for pattern in _BREAKS:
        found = [m.end() for m in pattern.finditer(text, begin + (limit - begin) // 2, limit)]
        if found and found[-1] > begin:
            return found[-1]
    return limit


@dataclass(frozen=True)
class _Whole:
    article: Article
    offsets: list[int]


def read_in_pieces(articles: Iterable[Article],
                   read: Callable[[Iterable[Article]], Iterable[Reading]],
                   size: int = PIECE_CHARS) -> Iterator[Reading]:
    """``read`` (which keeps order) over the articles, long ones cut into piece articles
    with the same id; each long article's piece readings come back joined."""
    wholes: deque[_Whole] = deque()

    def split(stream: Iterable[Article]) -> Iterator[Article]:
        for article in stream:
            offsets = cut_points(article.text, size)
            wholes.append(_Whole(article, offsets))
            ends = [*offsets[1:], len(article.text)]
            if len(offsets) == 1:
                yield article
                continue
            for start, end in zip(offsets, ends, strict=True):
                yield replace(article, text=article.text[start:end])

    parts: list[Reading] = []
    for reading in read(split(articles)):
        parts.append(reading)
        if len(parts) == len(wholes[0].offsets):
            whole = wholes.popleft()
            yield parts[0] if len(parts) == 1 else joined(whole.article, parts, whole.offsets)
            parts = []


def joined(article: Article, parts: list[Reading], offsets: list[int]) -> Reading:
    """One reading of ``article`` from the readings of its pieces, which start at ``offsets``."""
    whole = Reading(article=article, framing=Framing())
    sources: dict[tuple[str, str], FramingSpan] = {}
    for part, offset in zip(parts, offsets, strict=True):
        whole.quotes += _shifted(part.quotes, offset)
        whole.claims += _shifted(part.claims, offset)
        whole.entities += part.entities
        whole.scare_quotes += part.scare_quotes
        whole.statements += part.statements
        framing = part.framing
        whole.framing.words += framing.words
        whole.framing.loaded += _shifted(framing.loaded, offset)
        whole.framing.scare_quotes += _shifted(framing.scare_quotes, offset)
        whole.framing.hedges += _shifted(framing.hedges, offset)
        for span in _shifted(framing.sources, offset):
            sources.setdefault((span.text, span.kind), span)
    whole.framing.sources = list(sources.values())
    return whole


def _shifted(spans: list[_Span], offset: int) -> list[_Span]:
    return [replace(s, start=s.start + offset, end=s.end + offset) for s in spans]
