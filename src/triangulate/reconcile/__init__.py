"""Cross-check: groups with status and estimate, tensions, and names folded across articles."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from triangulate.ids import reading_with_ids
from triangulate.reconcile.groups import build_groups
from triangulate.reconcile.independence import (
    Duplicates,
    duplicate_clusters,
    source_keys,
    unknown_outlets_as_one,
)
from triangulate.reconcile.names import fold_names, fold_speakers
from triangulate.reconcile.tensions import find_tensions
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Analysis, Article, Claim, Group, Quote, Reading, Tension

__all__ = ["CrossCheck", "annotated", "crosscheck", "crosscheck_stream", "duplicate_clusters"]


@dataclass(frozen=True)
class CrossCheck:
    """What the cross-check finds across articles: groups (citing claims by id) and
    tensions."""

    groups: list[Group]
    tensions: list[Tension]


def crosscheck(readings: Sequence[Reading], tensions: Sequence[Tension] | None = None,
               settings: Settings = DEFAULTS) -> Analysis:
    """One analysis of the readings: their records, groups and the best ``settings.tensions``
    tensions (the ``tensions`` given, where a cross-check of the same readings already found
    them), judged with the ``settings``' slack and windows. Quotes and claims without ids
    (readings made by hand) are given theirs: groups cite claims by id."""
    return annotated(readings, crosscheck_stream(readings, tensions, settings), settings)


def crosscheck_stream(readings: Iterable[Reading], tensions: Sequence[Tension] | None = None,
                      settings: Settings = DEFAULTS,
                      on_phase: Callable[[str], None] | None = None) -> CrossCheck:
    """Groups and the best ``settings.tensions`` tensions of readings taken one at a time;
    ``on_phase`` hears when the readings are all taken and the groups and tensions begin.

    Of each reading only what the cross-check needs is kept (:func:`gist`), and a signature
    of its text, so that a store of any size is cross-checked in memory that grows with its
    claims and statements, not with its texts.
    """
    duplicates = Duplicates(settings)
    kept: list[Reading] = []
    for reading in readings:
        duplicates.add(reading.article)
        kept.append(gist(reading_with_ids(reading)))
    if on_phase is not None:
        on_phase(f"grouping {len(kept)} articles' figures and finding tensions")
    articles = [r.article for r in kept]
    claims = [c for r in kept for c in r.claims]
    dates = {a.id: a.published for a in articles}
    outlets = {a.id: a.outlet for a in articles}
    keys = source_keys(claims, unknown_outlets_as_one(articles, duplicates.clusters),
                       settings.name_similarity, settings.name_per_key)
    groups = build_groups(claims, keys.__getitem__, dates.get, outlets.get, settings)
    found = find_tensions(kept, settings) if tensions is None else list(tensions)
    return CrossCheck(groups, found)


def gist(reading: Reading) -> Reading:
    """A reading cut to what groups and tensions read: the article's id, title, outlet and
    date (no text), its claims without their sentence, its statements, frames and event,
    and the speakers of the quotes in its statements and frames (who says them)."""
    article = reading.article
    said = {s.strip() for s in reading.statements} | {f.sentence.strip() for f in reading.frames}
    return Reading(
        article=Article(id=article.id, text="", title=article.title, outlet=article.outlet,
                        published=article.published),
        claims=[replace(c, sentence="") for c in reading.claims],
        quotes=[Quote(q.article, q.kind, "", q.speaker, sentence=q.sentence, id=q.id)
                for q in reading.quotes if q.speaker and q.sentence.strip() in said],
        statements=reading.statements, frames=reading.frames, event=reading.event)


def annotated(readings: Iterable[Reading], found: CrossCheck,
              settings: Settings = DEFAULTS) -> Analysis:
    """The readings' records with what the cross-check adds to them: each speaker's and
    entity's name folded across articles, each grouped claim named by its group's event;
    each article's framing carried along for the report."""
    analysis = Analysis(groups=found.groups, tensions=found.tensions)
    for reading in map(reading_with_ids, readings):
        analysis.articles.append(reading.article)
        analysis.quotes.extend(reading.quotes)
        analysis.claims.extend(reading.claims)
        analysis.entities.extend(reading.entities)
        analysis.framings[reading.article.id] = reading.framing
    similarity = settings.name_similarity
    speaker_names = fold_speakers((q.speaker for q in analysis.quotes if q.speaker), similarity,
                                  settings.name_per_key)
    analysis.quotes = [replace(q, speaker_name=speaker_names.get(q.speaker or ""))
                       for q in analysis.quotes]
    analysis.claims = with_group_events(analysis.claims, found.groups)
    canonical = {(label, name): folded
                 for label in {e.label for e in analysis.entities}
                 for name, folded in fold_names(
                     (e.canonical for e in analysis.entities if e.label == label),
                     similarity, settings.name_per_key).items()}
    analysis.entities = [replace(e, canonical=canonical[(e.label, e.canonical)])
                         for e in analysis.entities]
    return analysis


def with_group_events(claims: Sequence[Claim], groups: Sequence[Group]) -> list[Claim]:
    """Each grouped claim named by its group's event ("Harbour raid, May 2024"), so that a
    claim and its group say one name; an article's own reading of its event ("harbour
    attack") is where the grouping started, not what the claim belongs to."""
    event_of = {i: group.event for group in groups for i in group.claims if group.event}
    return [replace(claim, event=event_of[claim.id]) if claim.id in event_of else claim
            for claim in claims]
