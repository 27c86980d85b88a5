"""The Markdown report: the HTML report's content without pictures.

Article text and every name in it is escaped for CommonMark (backslashes before the marks that
would start emphasis, links, HTML or tables), so "<script>" in an article stays text.
Figures are set in bold and loaded words in italics inside each article's text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path

from triangulate.report import views
from triangulate.report.highlight import Mark, render
from triangulate.report.terminal import plural
from triangulate.types import Analysis, Article, Claim, Tension

_SPECIAL = re.compile(r"[\\`*_\[\]<>|&~#!{}]")
_LINE_START = re.compile(r"^(?:(\d+)([.)])|([-+=]))", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)
_EMPHASIS = {"figure": "**", "loaded": "*"}


def md(text: object, line_start: bool = True) -> str:
    """Text escaped for Markdown; ``line_start`` where it begins a line of its own."""
    escaped = _SPECIAL.sub(lambda m: "\\" + m.group(), str(text))
    escaped = _INDENT.sub(lambda m: m.group() if m.start() == 0 and not line_start else "",
                          escaped)

    def list_marker(match: re.Match[str]) -> str:
        if match.start() == 0 and not line_start:
            return match.group()
        if match.group(1):
            return f"{match.group(1)}\\{match.group(2)}"
        return "\\" + match.group(3)

    return _LINE_START.sub(list_marker, escaped)


def cell(text: object) -> str:
    """A table cell: one line, escaped."""
    return md(" ".join(str(text).split()))


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return [*lines, ""]


def render_markdown(analysis: Analysis, path: Path | None = None) -> str:
    """The report as Markdown; written to ``path`` too where one is given."""
    lines = [*header(analysis), *glance(analysis), *figures(analysis), *quotes(analysis),
             *framing(analysis), *tensions(analysis), *articles(analysis)]
    page = "\n".join(lines).rstrip() + "\n"
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return page


def header(analysis: Analysis) -> list[str]:
    span = views.date_span(analysis)
    return ["# Triangulate report", "",
            f"{len(analysis.articles)} articles from {len(views.outlets(analysis))} outlets"
            f"{', ' + span if span else ''} · {len(analysis.quotes)} quotes · "
            f"{len(analysis.claims)} figures · {len(analysis.groups)} groups · "
            f"{len(analysis.tensions)} tensions", ""]


def glance(analysis: Analysis) -> list[str]:
    outlets = [(o.name, "; ".join(views.title_of(a) for a in o.articles), o.dates)
               for o in views.outlets(analysis)]
    key_figures = [(views.label(g.measure), g.subject, g.event or "", views.STATUS_WORDS[g.status],
                    views.estimate(g), len(g.sources)) for g in analysis.groups]
    return ["## The story at a glance", "", "### Outlets", "",
            *table(("outlet", "articles", "published"), outlets), "### Key figures", "",
            *table(("measure", "about", "event", "status", "low / best / high", "sources"),
                   key_figures)]


def figures(analysis: Analysis) -> list[str]:
    lines = ["## Figures side by side", ""]
    articles = {a.id: a for a in analysis.articles}
    places = views.claim_places(analysis)
    for group in analysis.groups:
        rows = sorted(views.grouped_claims(analysis, group, places),
                      key=lambda row: (articles[row[1].article].published or "", row[0]))
        lines += [f"### {md(views.group_title(group))}: {views.STATUS_WORDS[group.status]}", "",
                  f"{md(views.why_in_words(group, articles))}. Estimate low / best / high: "
                  f"{views.estimate(group)}.", ""]
        lines += table(("published", "outlet", "source", "figure", "estimate", "words", "claim"), [
            (articles[c.article].published or "", views.outlet_name(articles[c.article]),
             c.source or "the outlet itself", views.figure(c),
             views.role_in_estimate(group, c.id), c.sentence, c.id) for _, c in rows])
    return lines


def quotes(analysis: Analysis) -> list[str]:
    lines = ["## Quotes by speaker", ""]
    articles = {a.id: a for a in analysis.articles}
    for speaker in views.speakers(analysis):
        role = f" · {md(speaker.role)}" if speaker.role else ""
        lines += [f"### {md(speaker.name)}{role} · {len(speaker.quotes)} quotes", ""]
        for _, quote in speaker.quotes:
            article = articles[quote.article]
            words = " ".join(quote.text.split())
            said = f"“{md(words)}”" if quote.kind == "direct" else f"(reported) {md(words)}"
            via = f", to {md(quote.via)}" if quote.via else ""
            lines += [f"> {said}", ">",
                      f"> — {md(quote.cue or 'no cue')}{via} · in "
                      f"{md(views.outlet_name(article))}"
                      f"{', ' + article.published if article.published else ''}", ""]
    return lines


def framing(analysis: Analysis) -> list[str]:
    rows = views.framing_by_outlet(analysis)
    columns = views.FRAMING_COLUMNS
    heading = [f"{group}: {title}" if group else title for _, group, title in columns]
    lines = ["## Framing by outlet", "",
             *table(("outlet", *heading),
                    [(row.outlet, *(row.counts[key] for key, _, _ in columns)) for row in rows]),
             "### The words they choose", ""]
    return lines + table(("outlet", "loaded words", "scare quotes", "hedges"), [
        (row.outlet, *(views.tally_words(words) or "none"
                       for words in (row.loaded, row.scare_quotes, row.hedges)))
        for row in rows])



def tension_label(tension: Tension) -> str:
    """The kind and event of a tension before its why: "blame, Kramatorsk strike: ..."."""
    head = ", ".join(part for part in (tension.kind, tension.event) if part)
    return f"{head}: {tension.why}" if head else tension.why


def tensions(analysis: Analysis) -> list[str]:
    outlets = {a.id: views.outlet_name(a) for a in analysis.articles}
    lines = ["## Statements in tension", ""]
    for tension in analysis.tensions:
        lines += [f"- **{md(outlets.get(tension.a.article, tension.a.article))}**: "
                  f"{md(' '.join(tension.a.sentence.split()), False)}  ",
                  f"  **{md(outlets.get(tension.b.article, tension.b.article))}**: "
                  f"{md(' '.join(tension.b.sentence.split()), False)}  ",
                  f"  *{md(tension_label(tension), False)}*", ""]
    return lines if analysis.tensions else [*lines, "None found.", ""]


def articles(analysis: Analysis) -> list[str]:
    lines = ["## The articles", "", "Figures are in **bold**, loaded words in *italics*.", ""]
    figures = views.claims_by_article(analysis)
    for article in analysis.articles:
        counts = views.framing_counts(analysis.framing(article.id))
        link = views.web_link(article.url)
        meta = " · ".join([md(part) for part in (
            views.outlet_name(article), article.published, article.language, article.id,
            None if link else article.url) if part] + ([f"<{link}>"] if link else []))
        lines += [f"### {md(views.title_of(article))}", "", meta, "",
                  f"{plural(int(counts['words']), 'word')} · {counts['loaded']} loaded · "
                  f"{plural(int(counts['scare_quotes']), 'scare quote')} · "
                  f"{plural(int(counts['hedges']), 'hedge')}", ""]
        found = figures.get(article.id, [])
        if found:
            lines += table(("figure", "measure", "about", "source", "words"), [
                (views.figure(c), views.label(c.measure), c.subject or "",
                 c.source or "the outlet itself", c.text) for _, c in found])
        lines += [marked_text(article, [c for _, c in found], analysis), ""]
    return lines


def marked_text(article: Article, claims: list[Claim], analysis: Analysis) -> str:
    """The article's text, escaped, with figures in bold and loaded words in italics."""
    text = article.text
    marks = [Mark(c.start, c.end, "figure") for c in claims]
    marks += [Mark(s.start, s.end, "loaded") for s in analysis.framing(article.id).loaded]

    def escaper(piece: str, at: int) -> str:
        return md(piece, at == 0 or text[at - 1] == "\n")

    return render(text, _nested(text, marks), lambda mark, _: _EMPHASIS[mark.layer],
                  lambda mark: _EMPHASIS[mark.layer], escaper).strip()


def _nested(text: str, marks: list[Mark]) -> list[Mark]:
    """Marks on one line, without surrounding spaces, that nest or stand apart: emphasis in
    Markdown cannot cross a line or another emphasis."""
    kept: list[Mark] = []
    for mark in marks:
        piece = text[mark.start : mark.end].split("\n")[0]
        start = mark.start + len(piece) - len(piece.lstrip())
        end = mark.start + len(piece.rstrip())
        if start >= end:
            continue
        if all(end <= k.start or k.end <= start or (k.start <= start and end <= k.end)
               or (start <= k.start and k.end <= end) for k in kept):
            kept.append(Mark(start, end, mark.layer))
    return kept
