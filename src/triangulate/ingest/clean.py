"""Text cleaning shared by every input format: site boilerplate, whitespace."""

from __future__ import annotations

import hashlib
import re

# whole lines that sites append to or around an article
_BOILERPLATE = re.compile(
    r"^\s*(leave a (comment|reply)|share (this|on)\b.*|subscribe\b.*|sign up\b.*|"
    r"follow us\b.*|read more\b.*|related( articles| stories)?:?.*|advertisement|"
    r"click here\b.*|comments?( \(\d+\))?|all rights reserved.*|©.*|copyright ©?.*|"
    r"(get|join) our newsletter\b.*|newsletter\b.*|more on this story:?.*|"
    r"tags?:.*|print this( article)?|email this( article)?|view comments)\s*$",
    re.IGNORECASE,
)


def strip_boilerplate(lines: list[str]) -> list[str]:
    """Drop boilerplate lines from the start and the end of an article."""
    start, end = 0, len(lines)
    while start < end and (not lines[start].strip() or _BOILERPLATE.match(lines[start])):
        start += 1
    while end > start and (not lines[end - 1].strip() or _BOILERPLATE.match(lines[end - 1])):
        end -= 1
    return lines[start:end]


def normalise_text(text: str) -> str:
    """Unix line ends, no trailing spaces, at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    lines = [line.rstrip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(strip_boilerplate(lines))).strip()


def content_hash(text: str) -> str:
    """SHA-256 of the text with white space folded, so re-wrapped copies hash alike."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()

