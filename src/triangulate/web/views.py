"""What the pages draw, computed from a :class:`Snapshot`: group rows and charts, article
text with its marks, a figure's sentence and its chain of sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from markupsafe import Markup

from triangulate.report import views
from triangulate.report.charts import Point, color
from triangulate.report.highlight import Mark, to_html
from triangulate.types import Article, Claim, Group, Quote
from triangulate.web.data import Snapshot

T = TypeVar("T")


@dataclass(frozen=True)
class Row:
    """One figure of a group, beside the others."""

    index: int
    id: str
    claim: Claim
    article: Article
    role: str  # which bounds of the estimate it gives


@dataclass(frozen=True)
class GroupView:
    index: int
    id: str
    group: Group
    rows: list[Row]
    chart: Markup  # drawn wide and narrow (report.views.group_chart)
    why: str  # the group's reason, its sources named in words


def outlet_colors(snap: Snapshot) -> dict[str, str]:
    return {o.name: color(i) for i, o in enumerate(views.outlets(snap.analysis))}


def group_view(snap: Snapshot, index: int, colors: dict[str, str]) -> GroupView:
    group = snap.analysis.groups[index]
    rows = [Row(i, claim.id, claim, snap.articles[claim.article],
                views.role_in_estimate(group, claim.id))
            for i, claim in views.grouped_claims(snap.analysis, group, snap.claim_index)]
    rows.sort(key=lambda row: (views.figure_date(row.claim, row.article) or "", row.index))
    points = [point(row, colors) for row in rows]
    return GroupView(index, snap.group_ids[index], group, rows, views.group_chart(group, points),
                     views.why_in_words(group, snap.articles))


def point(row: Row, colors: dict[str, str]) -> Point:
    return views.figure_point(row.claim, row.article,
                              colors.get(views.outlet_name(row.article), color(0)),
                              f"/figures/{row.id}")


def sentence_span(text: str, sentence: str, start: int, end: int) -> tuple[int, int]:
    """Where the item's sentence stands in the text (the occurrence that holds the item);
    the item's own span where the sentence is not found there."""
    if sentence:
        at = text.rfind(sentence, 0, start + len(sentence))
        if at != -1 and at <= start and end <= at + len(sentence):
            return at, at + len(sentence)
    return start, end


def marks(snap: Snapshot, article: Article) -> list[Mark]:
    """Every quote and figure of the article (anchored by id), and its framing marks."""
    found = [Mark(q.start, q.end, "quote" if q.kind == "direct" else "indirect",
                  f"q-{snap.quote_ids[i]}",
                  f"{q.speaker or 'unattributed'}{', ' + q.role if q.role else ''}")
             for i, q in _items(snap.analysis.quotes, snap.quotes_of.get(article.id, []))]
    found += [Mark(c.start, c.end, "figure", f"c-{snap.claim_ids[i]}",
                   f"{c.measure}: {views.figure(c)} ({c.source or 'the outlet itself'})")
              for i, c in _items(snap.analysis.claims, snap.claims_of.get(article.id, []))]
    framing = snap.analysis.framing(article.id)
    found += [Mark(s.start, s.end, "scare", tip="scare quotes") for s in framing.scare_quotes]
    found += [Mark(s.start, s.end, "hedge", tip="hedge") for s in framing.hedges]
    found += [Mark(s.start, s.end, "loaded", tip=f"loaded word ({s.kind})", extra=s.kind)
              for s in framing.loaded]
    return found


def _items(items: Sequence[T], indexes: list[int]) -> list[tuple[int, T]]:
    return [(i, items[i]) for i in indexes]


def clipped(found: list[Mark], start: int, end: int) -> list[Mark]:
    """The marks within [start, end), cut to it and shifted to offsets from ``start``."""
    return [Mark(max(m.start, start) - start, min(m.end, end) - start, m.layer,
                 m.anchor if m.start >= start else "", m.tip, m.extra)
            for m in found if m.start < end and m.end > start]


def marked_text(snap: Snapshot, article: Article,
                focus: tuple[int, int] | None = None) -> Markup:
    """The article's text as HTML with its marks; the ``focus`` span (a sentence) wrapped
    in ``<span class="focus" id="focus">`` so the page can scroll to it."""
    text = article.text
    found = marks(snap, article)
    if focus is None:
        return to_html(text, found)
    start, end = focus
    return Markup("").join((
        to_html(text[:start], clipped(found, 0, start)),
        Markup('<span class="focus" id="focus" tabindex="-1">'),
        to_html(text[start:end], clipped(found, start, end)),
        Markup("</span>"),
        to_html(text[end:], clipped(found, end, len(text)))))


def focused_text(snap: Snapshot, item: Quote | Claim) -> tuple[Article, Markup]:
    """The item's article, and its marked text with the item's sentence in focus."""
    article = snap.articles[item.article]
    focus = sentence_span(article.text, item.sentence, item.start, item.end)
    return article, marked_text(snap, article, focus)


def enclosing_quote(snap: Snapshot, claim: Claim) -> tuple[str, Quote] | None:
    """The quote a figure stands in, with its id: its speaker is part of the source chain."""
    for i, quote in _items(snap.analysis.quotes, snap.quotes_of.get(claim.article, [])):
        if quote.start <= claim.start < quote.end:
            return snap.quote_ids[i], quote
    return None


def source_chain(snap: Snapshot, claim: Claim) -> list[tuple[str, str]]:
    """Who the figure comes through, outermost first: the outlet, a medium the speaker
    spoke to, the quoted speaker, the source the sentence names."""
    chain = [("outlet", snap.outlet(claim.article))]
    quoted = enclosing_quote(snap, claim)
    if quoted is not None:
        _, quote = quoted
        if quote.via:
            chain.append(("told", quote.via))
        if quote.speaker:
            role = f" ({quote.role})" if quote.role else ""
            chain.append(("speaker", quote.speaker + role))
    if claim.source and all(claim.source != name for _, name in chain):
        chain.append(("vague source" if claim.source_vague else "source", claim.source))
    return chain
