"""A tokenizer of quotation marks on raw text.

News text mixes curly and straight marks, double and single ones, and uses the single mark as
an apostrophe too. This module reads the marks of a text and pairs them into quoted spans:

- curly opening and closing marks (“ ” ‘ ’) and guillemets (« ») say which side they are on,
  but for “ and ‘ after a word and before a space or a stop, which close a low mark („...“);
  a straight double mark (") is read from its neighbours, and alternates where they are silent;
- a single mark is an apostrophe when letters stand on both sides ("don't"), after the s that
  ends a plural possessive ("the gunners' dugout"), and in elisions ('em, '90s, rock 'n' roll);
- a quote that never closes ends at its paragraph's end, and the next paragraph opening with a
  mark of the same kind continues it (the newspaper convention for quotes over paragraphs);
- marks that cannot be paired are dropped: nothing crashes and nothing swallows the article.

Spans carry character offsets of the inner text (without the marks).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from triangulate.lang.en.marks import FIXED_SIDES, MARK_KINDS, MARK_PATTERN, MarkKind, Side

# words that start with an elided letter: 'em, 'til, 'cause, 'tis, 'twas, 'n', 'round
_ELISION = re.compile(r"(?:em|til|cause|cos|tis|twas|n|round|bout|s|d|ll|re|ve)\b|\d\ds\b", re.I)
# words after "s'" that show the mark closes a quote rather than marking a possessive
_CUE_AFTER = re.compile(
    r"\s+(?:said|says|say|told|tells|added|adds|asked|wrote|writes|he|she|they|we|i|it|"
    r"according|the|a|an|his|her|their)\b",
    re.I,
)
_OPENERS_BEFORE = frozenset("([{—–-/:;")
_CLOSERS_AFTER = frozenset(".,;:!?)]}—–-…")
_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]{0,400})?>")
# a paragraph break: a blank line, or any line break in text that has no blank lines
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
# how far an unclosed quote may run in one long paragraph before it is cut at a sentence end
_MAX_OPEN_RUN = 600
_SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*\s+(?=[A-Z“‘\"'])")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch of text: ``start``/``end`` bound the inner text, without its marks.

    ``closed`` is false where the quote ran to its paragraph's end without a closing mark;
    ``continues`` is true where it opens a paragraph right after such an unclosed quote;
    ``depth`` is 1 for a quote nested inside another (a quote within a quote).
    """

    start: int
    end: int
    kind: MarkKind
    closed: bool = True
    continues: bool = False
    depth: int = 0

    def text(self, source: str) -> str:
        return source[self.start:self.end]


@dataclass(frozen=True)
class _Mark:
    pos: int
    end: int
    kind: MarkKind
    side: Side


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character ranges of the paragraphs of a text.

    Where the text separates paragraphs by blank lines and wraps lines inside them, a single
    line break is no paragraph break; otherwise every line break is one.
    """
    if _BLANK_LINE.search(text) and _wrapped(text):
        breaks = [(m.start(), m.end()) for m in _BLANK_LINE.finditer(text)]
    else:
        breaks = [(m.start(), m.end()) for m in re.finditer(r"\n+", text)]
    out: list[tuple[int, int]] = []
    begin = 0
    for stop, resume in breaks:
        if stop > begin:
            out.append((begin, stop))
        begin = resume
    if begin < len(text):
        out.append((begin, len(text)))
    return out


def _wrapped(text: str) -> bool:
    """True where most lines run on into the next line (hard-wrapped paragraphs)."""
    lines = text.split("\n")
    full = [i for i, line in enumerate(lines[:-1]) if line.strip()]
    if not full:
        return False
    running = sum(1 for i in full if lines[i + 1].strip())
    return running * 2 > len(full)


def _side(text: str, pos: int, char: str) -> Side | None:
    """Which side of a quote a mark at ``pos`` stands on; None where it is an apostrophe."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + len(char)] if pos + len(char) < len(text) else " "
    kind = MARK_KINDS[char]
    if kind == "single":
        if _is_apostrophe(text, pos, before, after):
            return None
        if char in "'’":
            return _context_side(before, after)
    if char in "“‘" and _context_side(before, after) == "close":
        return "close"  # German and Central European quotes close with them: „...“ ‚...‘
    fixed = FIXED_SIDES.get(char)
    if fixed is not None:
        return fixed
    return _context_side(before, after)


def _is_apostrophe(text: str, pos: int, before: str, after: str) -> bool:
    if before.isalnum() and after.isalpha():
        return True
    if (before.isspace() or pos == 0 or before in "(—–-") and _ELISION.match(text, pos + 1):
        # 'em, '90s; but a quote may open with a word such as 'Tis only in verse
        return not text[pos + 1 : pos + 2].isupper() or text[pos + 1 : pos + 4].lower() == "tis"
    if before in "sS" and after.isspace():
        # "the medics' tents": a plural possessive, unless a cue follows the mark
        return pos >= 2 and text[pos - 2].isalpha() and not _CUE_AFTER.match(text, pos + 1)
    return False


def _context_side(before: str, after: str) -> Side:
    """Read a mark's side from its neighbours: space before and a word after opens."""
    space_before = before.isspace() or before in _OPENERS_BEFORE
    space_after = after.isspace() or after in _CLOSERS_AFTER
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return "either"


def _marks(text: str, begin: int, end: int) -> list[_Mark]:
    out: list[_Mark] = []
    tags = [(m.start(), m.end()) for m in _TAG.finditer(text, begin, end)]
    tag_starts = [a for a, _ in tags]
    for match in MARK_PATTERN.finditer(text, begin, end):
        at = bisect_left(tag_starts, match.start()) - 1  # tags do not overlap: one to check
        if at >= 0 and match.start() < tags[at][1]:
            continue  # an attribute value in markup left in the text: <a href="...">
        char = match.group()
        side = _side(text, match.start(), char)
        if side is not None:
            out.append(_Mark(match.start(), match.end(), MARK_KINDS[char], side))
    return out


def _pair(marks: list[_Mark], par_end: int) -> tuple[list[tuple[_Mark, int, bool]], bool]:
    """Pair the marks of one kind in one paragraph.

    Returns spans as (opening mark, closing mark position or paragraph end, closed), and
    whether a mark is still open at the paragraph's end.
    """
    spans: list[tuple[_Mark, int, bool]] = []
    opened: _Mark | None = None
    for mark in marks:
        if opened is None:
            if mark.side != "close":
                opened = mark
            continue
        if mark.side == "open" and mark.pos > opened.end:
            # an opening mark where one is open: the first never closed; stop it here
            spans.append((opened, mark.pos, False))
            opened = mark
            continue
        spans.append((opened, mark.pos, True))
        opened = None
    if opened is not None:
        spans.append((opened, par_end, False))
    return spans, opened is not None


def _cut_long(text: str, start: int, end: int) -> int:
    """Where an unclosed quote ends: its paragraph end, or a sentence end in a long paragraph."""
    if end - start <= _MAX_OPEN_RUN:
        return end
    match = _SENTENCE_END.search(text, start, end)
    return match.start() + 1 if match else end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _paragraph_spans(text: str, begin: int, end: int, carried: set[MarkKind]
                     ) -> tuple[list[QuoteSpan], set[MarkKind]]:
    """Spans of one paragraph; ``carried`` names kinds left open by the paragraph before."""
    marks = _marks(text, begin, end)
    spans: list[QuoteSpan] = []
    still_open: set[MarkKind] = set()
    first = marks[0] if marks and not text[begin : marks[0].pos].strip() else None
    for kind in ("double", "single", "angle"):
        own = [m for m in marks if m.kind == kind]
        if not own:
            continue
        pairs, left_open = _pair(own, end)
        if left_open:
            still_open.add(kind)
        for opening, closing, closed in pairs:
            stop = closing if closed else _cut_long(text, opening.end, closing)
            inner_start, inner_end = _strip(text, opening.end, stop)
            if inner_end <= inner_start:
                continue
            continues = kind in carried and first is not None and first.pos == opening.pos
            spans.append(QuoteSpan(inner_start, inner_end, kind, closed, continues))
    return spans, still_open


def _nest(spans: list[QuoteSpan]) -> list[QuoteSpan]:
    """Mark quotes inside quotes, and drop spans that cross another span's edge."""
    spans.sort(key=lambda s: (s.start, -s.end))
    out: list[QuoteSpan] = []
    outer: QuoteSpan | None = None
    for span in spans:
        if outer is not None and span.start < outer.end:
            if span.end <= outer.end and span.kind != outer.kind:
                out.append(QuoteSpan(span.start, span.end, span.kind, span.closed,
                                     span.continues, depth=1))
            continue
        out.append(span)
        outer = span
    return out


def _dominant(spans: list[QuoteSpan]) -> MarkKind | None:
    closed: list[MarkKind] = [s.kind for s in spans if s.closed]
    if not closed:
        return None
    kinds: tuple[MarkKind, ...] = ("double", "single", "angle")
    return max(kinds, key=closed.count)


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Quoted spans of a text, in order of their start.

    An unclosed single-mark quote is kept only where single marks are the text's main quote
    marks or the next paragraph continues it: elsewhere a lone single mark is more likely an
    apostrophe the rules above missed than a quote.
    """
    spans: list[QuoteSpan] = []
    carried: set[MarkKind] = set()
    for begin, end in paragraphs(text):
        found, carried = _paragraph_spans(text, begin, end, carried)
        spans.extend(found)
    dominant = _dominant(spans)
    continued = _continued(spans)
    kept = [
        s for i, s in enumerate(spans)
        if s.closed or s.kind == dominant or s.kind != "single" or continued[i]
    ]
    return _nest(kept)


def _continued(spans: list[QuoteSpan]) -> list[bool]:
    """For each span, whether the next span of the same kind continues it; one backward pass
    (looking ahead from every span would cost the square of their number)."""
    out = [False] * len(spans)
    next_continues: dict[MarkKind, bool] = {}
    for index in range(len(spans) - 1, -1, -1):
        kind = spans[index].kind
        out[index] = next_continues.get(kind, False)
        next_continues[kind] = spans[index].continues
    return out
