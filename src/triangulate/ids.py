"""Stable ids of quotes and claims: a short hash of what the item is (a quote or a claim), the
article's id and the character offset where the item starts in the article's text.

The same article text read by the same pipeline gives the same ids in every run, every store
and every export, so that two exports can be compared item by item and a web page or a group
can cite one (``groups[].claims``, ``best_from``). A quote and a claim at one offset ("At
least 12 were killed, the navy said" is both) get different ids; two claims at one offset
(two readings of one number) are told apart by their order: the second hashes
``claim:article:offset#2``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace
from typing import TypeVar

from triangulate.types import Claim, Quote, Reading

ID_LENGTH = 12
Item = TypeVar("Item", Quote, Claim)


def item_id(kind: str, article: str, start: int, nth: int = 1) -> str:
    """The id of the ``nth`` item of ``kind`` ("quote", "claim") in ``article`` that starts
    at ``start``."""
    key = f"{kind}:{article}:{start}" + (f"#{nth}" if nth > 1 else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:ID_LENGTH]


def with_ids(items: Sequence[Item]) -> list[Item]:
    """The items, in their order, each with its id."""
    seen: dict[tuple[str, int], int] = {}
    found = []
    for item in items:
        key = (item.article, item.start)
        seen[key] = seen.get(key, 0) + 1
        kind = "quote" if isinstance(item, Quote) else "claim"
        found.append(replace(item, id=item_id(kind, item.article, item.start, seen[key])))
    return found


def reading_with_ids(reading: Reading) -> Reading:
    """The reading with every quote and claim carrying its id (ids already there are kept:
    they were made by this function from the same offsets)."""
    if all(q.id for q in reading.quotes) and all(c.id for c in reading.claims):
        return reading
    return replace(reading, quotes=with_ids(reading.quotes), claims=with_ids(reading.claims))
