"""The API's JSON records: each item as the store holds it, with its id and its links."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from triangulate.types import Article
from triangulate.web.data import Page, Snapshot
from triangulate.web.templates import article_url, with_query

API = "/api/v1"


def article_record(snap: Snapshot, article: Article, with_text: bool = False) -> dict[str, Any]:
    record = asdict(article)
    if not with_text:
        record.pop("text")
    framing = snap.analysis.framing(article.id)
    return {**record, "notes": list(article.notes), "framing": framing.counts(),
            "links": {"self": API + article_url(article.id), "page": article_url(article.id)}}


def claim_record(snap: Snapshot, index: int) -> dict[str, Any]:
    claim_id = snap.claim_ids[index]
    group = snap.group_of_claim.get(index)
    return {**asdict(snap.analysis.claims[index]),
            "group": snap.group_ids[group] if group is not None else None,
            "links": {"self": f"{API}/claims/{claim_id}", "page": f"/figures/{claim_id}"}}


def quote_record(snap: Snapshot, index: int) -> dict[str, Any]:
    quote_id = snap.quote_ids[index]
    return {**asdict(snap.analysis.quotes[index]),
            "links": {"self": f"{API}/quotes/{quote_id}", "page": f"/quotes/{quote_id}"}}


def group_record(snap: Snapshot, index: int) -> dict[str, Any]:
    group = snap.analysis.groups[index]
    group_id = snap.group_ids[index]
    return {"id": group_id, **asdict(group),
            "links": {"self": f"{API}/groups/{group_id}", "page": f"/groups/{group_id}"}}


def tension_record(snap: Snapshot, index: int) -> dict[str, Any]:
    tension = snap.analysis.tensions[index]
    tension_id = snap.tension_ids[index]
    sides = {side: {**asdict(getattr(tension, side)),
                    "published": snap.published(getattr(tension, side).article),
                    "outlet": snap.outlet(getattr(tension, side).article)}
             for side in ("a", "b")}
    return {"id": tension_id, **sides, "score": tension.score, "why": tension.why,
            "kind": tension.kind, "event": tension.event,
            "links": {"self": f"{API}/tensions/{tension_id}"}}


def listing(page: Page[Any], records: list[dict[str, Any]], path: str,
            query: dict[str, Any]) -> dict[str, Any]:
    """A page of records with the links to the pages beside it (same filters)."""
    def link(offset: int | None) -> str | None:
        if offset is None:
            return None
        return with_query(path, {**query, "limit": page.limit, "offset": offset})

    return {"items": records, "total": page.total, "limit": page.limit,
            "offset": page.offset, "next": link(page.next_offset),
            "previous": link(page.previous_offset)}
