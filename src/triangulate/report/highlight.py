"""Article text with marked stretches (quotes, figures, loaded words), properly nested.

Marks overlap in real text (a figure inside a quote, a scare quote inside a figure's words,
a figure that runs past a quote's end). The text is cut at every mark's start and end; each
piece is wrapped in the marks that cover it, outer layers first, and a mark that another
mark cuts is closed and opened again. The anchor (``id``) goes on a mark's first piece only.

Text is escaped here, piece by piece, by the function the caller gives: HTML or Markdown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

LAYERS = ("quote", "indirect", "figure", "scare", "hedge", "loaded")
"""Classes of marks from outermost to innermost."""


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    layer: str  # one of LAYERS
    anchor: str = ""  # id of the mark's first piece
    tip: str = ""  # hover text
    extra: str = ""  # further class ("pejorative")

    @property
    def order(self) -> tuple[int, int, int]:
        return (LAYERS.index(self.layer), self.start, -self.end)


Opener = Callable[[Mark, bool], str]  # (mark, first piece) -> opening markup
Closer = Callable[[Mark], str]
Escaper = Callable[[str, int], str]  # (piece, its offset in the text) -> escaped piece


def valid(text: str, marks: Iterable[Mark]) -> list[Mark]:
    """Marks that lie within the text and hold at least one character."""
    return [m for m in marks if 0 <= m.start < m.end <= len(text) and m.layer in LAYERS]


def render(text: str, marks: Sequence[Mark], opener: Opener, closer: Closer,
           escaper: Escaper) -> str:
    marks = valid(text, marks)
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    opened: set[Mark] = set()
    for start, end in pairwise(cuts):
        wanted = sorted((m for m in marks if m.start <= start and end <= m.end),
                        key=lambda m: m.order)
        keep = 0
        while keep < min(len(stack), len(wanted)) and stack[keep] == wanted[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(closer(stack.pop()))
        for mark in wanted[keep:]:
            out.append(opener(mark, mark not in opened))
            opened.add(mark)
            stack.append(mark)
        out.append(escaper(text[start:end], start))
    out.extend(closer(mark) for mark in reversed(stack))
    return "".join(out)


def _html_open(mark: Mark, first: bool) -> str:
    classes = " ".join(c for c in (mark.layer, mark.extra) if c)
    anchor = f' id="{escape(mark.anchor)}"' if first and mark.anchor else ""
    tip = f' title="{escape(mark.tip)}"' if mark.tip else ""
    return f'<mark class="{escape(classes)}"{anchor}{tip}>'


def to_html(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as HTML, every character of it escaped, the marks as ``<mark>`` elements."""
    return Markup(render(text, marks, _html_open, lambda _: "</mark>",
                         lambda piece, _: str(escape(piece))))
