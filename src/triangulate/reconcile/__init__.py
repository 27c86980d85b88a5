"""Cross-check: groups with status and estimate, tensions, and names folded across articles."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from triangulate.ids import reading_with_ids
from triangulate.reconcile.groups import build_groups
from triangulate.reconcile.independence import (
    duplicate_clusters,
    source_keys,
    unknown_outlets_as_one,
)
from triangulate.reconcile.names import fold_names, fold_speakers
from triangulate.reconcile.tensions import find_tensions
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Analysis, Claim, Group, Reading, Tension

__all__ = ["crosscheck", "duplicate_clusters"]


def crosscheck(readings: Sequence[Reading], tensions: Sequence[Tension] | None = None,
               settings: Settings = DEFAULTS) -> Analysis:
    """One analysis of the readings: their records, groups and the best ``settings.tensions``
    tensions (the ``tensions`` given, where a cross-check of the same readings already found
    them), judged with the ``settings``' slack and windows. Quotes and claims without ids
    (readings made by hand) are given theirs: groups cite claims by id."""
    readings = [reading_with_ids(r) for r in readings]
    articles = [r.article for r in readings]
    claims = [c for r in readings for c in r.claims]
    quotes = [q for r in readings for q in r.quotes]
    similarity, per_key = settings.name_similarity, settings.name_per_key
    speaker_names = fold_speakers((q.speaker for q in quotes if q.speaker), similarity, per_key)
    entities = [e for r in readings for e in r.entities]
    clusters = duplicate_clusters(articles, settings)
    dates = {a.id: a.published for a in articles}
    keys = source_keys(claims, unknown_outlets_as_one(articles, clusters), similarity, per_key)
    outlets = {a.id: a.outlet for a in articles}
    groups = build_groups(claims, keys.__getitem__, dates.get, outlets.get, settings)
    canonical = {(label, name): folded
                 for label in {e.label for e in entities}
                 for name, folded in fold_names(
                     (e.canonical for e in entities if e.label == label), similarity,
                     per_key).items()}
    return Analysis(
        articles=articles,
        quotes=[replace(q, speaker_name=speaker_names.get(q.speaker or "")) for q in quotes],
        claims=with_group_events(claims, groups),
        entities=[replace(e, canonical=canonical[(e.label, e.canonical)]) for e in entities],
        groups=groups,
        tensions=find_tensions(readings, settings) if tensions is None else list(tensions),
    )


def with_group_events(claims: Sequence[Claim], groups: Sequence[Group]) -> list[Claim]:
    """Each grouped claim named by its group's event ("Harbour raid, May 2024"), so that a
    claim and its group say one name; an article's own reading of its event ("harbour
    attack") is where the grouping started, not what the claim belongs to."""
    event_of = {i: group.event for group in groups for i in group.claims if group.event}
    return [replace(claim, event=event_of[claim.id]) if claim.id in event_of else claim
            for claim in claims]
