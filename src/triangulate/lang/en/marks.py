"""The quotation marks English text is written with, straight, curly and angled: each
mark's kind, and the side it stands on where its shape fixes it."""

from __future__ import annotations

import re
from typing import Literal

MarkKind = Literal["double", "single", "angle"]
Side = Literal["open", "close", "either"]

# two single marks or two backticks stand for a double mark in some archives ('' and ``)
MARK_KINDS: dict[str, MarkKind] = {
    '"': "double", "''": "double", "``": "double", "“": "double", "”": "double",
    "„": "double", "‟": "double",
    "'": "single", "‘": "single", "’": "single", "‚": "single", "‛": "single",
    "«": "angle", "»": "angle",
}
FIXED_SIDES: dict[str, Side] = {
    "``": "open", "“": "open", "„": "open", "‟": "open", "‘": "open", "‚": "open", "‛": "open",
    "«": "open",
    "”": "close", "»": "close", "’": "close",
}
# the characters of the marks, for stripping them from a token ("“Never" -> "Never")
MARK_CHARS: frozenset[str] = frozenset("".join(MARK_KINDS))
# any mark, the two-character ones first
MARK_PATTERN = re.compile("|".join(re.escape(mark) for mark in
                                   sorted(MARK_KINDS, key=len, reverse=True)))
# each mark that can open a quote -> the marks of its kind that can close it
QUOTE_PAIRS: dict[str, frozenset[str]] = {
    opening: frozenset(closing for closing, kind in MARK_KINDS.items()
                       if kind == MARK_KINDS[opening] and FIXED_SIDES.get(closing) != "open")
    for opening in MARK_KINDS if FIXED_SIDES.get(opening) != "close"
}
