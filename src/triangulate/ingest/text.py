"""Plain-text articles: optional front matter, a headline line, then the body."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from triangulate.ingest.dates import is_stamp_line

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FIELD = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


@dataclass
class ParsedText:
    title: str
    text: str
    fields: dict[str, str] = field(default_factory=dict)


def parse_front_matter(raw: str) -> tuple[dict[str, str], str]:
    """YAML-style ``key: value`` lines between two ``---`` lines at the top."""
    match = _FRONT_MATTER.match(raw)
    if match is None:
        return {}, raw
    fields: dict[str, str] = {}
    for line in match.group(1).splitlines():
        pair = _FIELD.match(line)
        if pair:
            fields[pair.group(1).lower()] = pair.group(2).strip("\"'")
    return fields, raw[match.end():]


def is_headline(line: str) -> bool:
    """A headline is short and does not end as a sentence does; a long lede is body text."""
    return len(line.split()) <= 20 and not _SENTENCE_END.search(line.strip())


def parse_text(raw: str) -> ParsedText:
    """Split a plain-text article into front-matter fields, headline and text.

    The first line is the headline, past any stamp, byline or bare dateline above it
    ("Updated 5 June 2024 09:10 GMT"). It stays in the text that is read, since headlines
    carry figures too ("Death toll rises to 28: ministry"); a headline proper (short, not
    ending as a sentence does) becomes a paragraph of its own, so that it is not read as
    the start of the first sentence.
    """
    fields, rest = parse_front_matter(raw)
    lines = rest.strip("\n").split("\n")
    at = headline_line(lines)
    first = lines[at].strip() if lines else ""
    title = fields.get("title") or first
    above = "\n".join(lines[:at]).strip("\n")
    body = "\n".join(lines[at + 1 :]).strip("\n")
    text = "\n\n".join(p for p in (above, first, body) if p) if is_headline(first) and body \
        else "\n".join(lines)
    return ParsedText(title=title, text=text, fields=fields)


def headline_line(lines: list[str], reach: int = 4) -> int:
    """The index of the headline: the first line with words that is no stamp line."""
    for index, line in enumerate(lines[:reach]):
        if line.strip() and not is_stamp_line(line):
            return index
    return 0
