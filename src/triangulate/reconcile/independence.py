"""Which figures come from independent sources.

A figure's source key is its named primary source ("according to the South Korean
government": every outlet that carries it counts once), or, where the outlet states the
figure itself or cites only "reports", the article; near-duplicate (syndicated) articles
share one key. Near duplicates are found with MinHash over word 5-shingles and LSH
(datasketch), at a Jaccard similarity of 0.8 or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache
from typing import Any

import numpy as np
from datasketch import MinHash, MinHashLSH

from triangulate.nlp.gazetteer import (
    PERSON_STATE,
    TITLES,
    actor_of,
    canonical_person,
    normalise,
    source_body,
)
from triangulate.reconcile.names import fold_names
from triangulate.types import Article, Claim

SHINGLE = 5
THRESHOLD = 0.8
PERMUTATIONS = 128


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@cache
def _first() -> MinHash:
    """A signature whose hash permutations and scheme every other one shares, made once
    (each MinHash would make its own, 1 KiB and a random generator each)."""
    return MinHash(num_perm=PERMUTATIONS, seed=7)


def signature(text: str) -> MinHash:
    first = _first()
    minhash = MinHash(num_perm=PERMUTATIONS, seed=7, permutations=first.permutations,
                      scheme=first.scheme)
    minhash.update_batch(list(shingles(text)))
    return minhash


@cache
def _bands() -> list[tuple[int, int]]:
    """The slices of a signature that LSH buckets by, as datasketch sizes them for the
    threshold."""
    return list(MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS).hashranges)


class Duplicates:
    """Near-duplicate clusters of articles added one at a time.

    Of each article only its signature is kept (512 bytes) and its place in one bucket per
    band, the bucket named by the band's hash; the articles that share a bucket with it are
    checked on their signatures, as datasketch's ``MinHashLSH`` does (a hash collision only
    adds a candidate that the check turns down), without its objects per article. Most
    buckets hold one article: its index is the bucket; the others go to ``more``.
    """

    def __init__(self) -> None:
        self.clusters: dict[str, str] = {}  # article id -> first article of its cluster
        self.ids: list[str] = []
        self.signatures: list[bytes] = []
        self.first: dict[int, int] = {}  # a band's hash -> the first article in its bucket
        self.more: dict[int, list[int]] = {}  # -> the others, where there are others

    def add(self, article: Article) -> None:
        if article.id in self.clusters:
            return
        values = signature(article.text).hashvalues.astype(np.uint32)
        keys = [hash((band, values[start:end].tobytes())) for band, (start, end)
                in enumerate(_bands())]
        candidates = {i for key in keys for i in self.bucket(key)}
        matches = [self.ids[i] for i in sorted(candidates) if similarity(
            values, np.frombuffer(self.signatures[i], dtype=np.uint32)) >= THRESHOLD]
        self.clusters[article.id] = min((self.clusters[m] for m in matches), default=article.id)
        for key in keys:
            if key in self.first:
                self.more.setdefault(key, []).append(len(self.ids))
            else:
                self.first[key] = len(self.ids)
        self.ids.append(article.id)
        self.signatures.append(values.tobytes())

    def bucket(self, key: int) -> list[int]:
        first = self.first.get(key)
        return [] if first is None else [first, *self.more.get(key, ())]


def similarity(a: Any, b: Any) -> float:
    """The Jaccard similarity two signatures estimate: the share of equal slots."""
    return float(np.count_nonzero(a == b)) / len(a)


def duplicate_clusters(articles: Iterable[Article]) -> dict[str, str]:
    """Article id -> id of the first article of its near-duplicate cluster."""
    duplicates = Duplicates()
    for article in articles:
        duplicates.add(article)
    return duplicates.clusters


UNKNOWN_OUTLET = "outlet-unknown"


def unknown_outlets_as_one(articles: Sequence[Article], clusters: dict[str, str]
                           ) -> dict[str, str]:
    """``clusters`` with every article whose outlet is not known marked as such: for all
    anyone can tell two of them come from one outlet or from two, so their own figures are
    kept apart (two figures of unknown origin are not one source's series) but never
    corroborate each other (:func:`may_corroborate`)."""
    return {**clusters, **{a.id: f"{UNKNOWN_OUTLET}:{clusters.get(a.id, a.id)}"
                           for a in articles if not a.outlet}}


def may_corroborate(key: str) -> str:
    """The key under which a source counts towards corroboration: the articles of unknown
    outlets all under one, since nothing shows that they are independent."""
    return f"article:{UNKNOWN_OUTLET}" if key.startswith(f"article:{UNKNOWN_OUTLET}:") else key


def primary_source(source: str) -> str:
    """The source at the end of a chain: "a lawmaker, citing the NIS" -> "the NIS"."""
    return source.rsplit(", citing ", 1)[-1]


@lru_cache(maxsize=65536)
def canonical_source(source: str) -> str:
    """One name per independent source: a government and its organs and officials as one
    ("Kyiv", "Ukrainian officials", "the Ukrainian General Staff", "Zelensky" -> "government
    of Ukraine"); else a known body ("the NIS", "South Korea's spy service" -> one name), a
    known person, or the source's words without titles ("lawmaker Lee Seong-kweun" ->
    "lee seong-kweun")."""
    primary = primary_source(source)
    text = normalise(primary)
    words = [re.sub(r"'s?$", "", w) for w in re.findall(r"[\w.'-]+", text)]
    body = source_body(set(words))
    person = next((found for size in (3, 2, 1) for i in range(len(words) - size + 1)
                   if (found := canonical_person(" ".join(words[i : i + size]))) is not None),
                  None)
    state = government_of(primary, words, body, person)
    if state is not None:
        return f"government of {state}"
    if body is not None:
        return body
    if person is not None:
        return person
    return " ".join(w for w in words if w not in TITLES) or text


GOVERNMENT_WORDS = frozenset({
    "government", "officials", "official", "ministry", "minister", "authorities", "president",
    "presidency", "military", "army", "forces", "staff", "spokesman", "spokeswoman",
    "spokesperson", "command", "defence", "defense", "intelligence", "office", "cabinet",
    "kremlin", "administration", "governor", "embassy", "service", "department", "chiefs",
    "prosecutor", "prosecutor-general", "police", "council", "mayor", "leader", "premier",
})


def government_of(source: str, words: list[str], body: str | None, person: str | None
                  ) -> str | None:
    """The state whose government gives the figure: a source that names a state and is its
    government, an organ or an official of it ("Ukrainian officials", "Seoul's Joint Chiefs",
    "Kyiv" alone), or a known leader of it; None for anyone else ("a Ukrainian soldier")."""
    if person is not None:
        return PERSON_STATE.get(person)
    state = actor_of((body or source).replace("'s ", " "))
    if state is None or state == "Civilians":
        return None
    named = {w for w in words if actor_of(w) == state}
    rest = set(words) - named - {"the", "of", "'s", "s", "and"}
    return state if body is not None or not rest or rest & GOVERNMENT_WORDS else None


def source_keys(claims: Sequence[Claim], clusters: dict[str, str]) -> list[str]:
    """One key per independent source for each claim: its named primary source, folded
    across spellings, or its article's near-duplicate cluster where it names none."""
    named = {i: canonical_source(c.source) for i, c in enumerate(claims)
             if c.source and not c.source_vague}
    folded = fold_names(named.values())
    return ["source:" + folded[named[i]] if i in named
            else "article:" + clusters.get(c.article, c.article)
            for i, c in enumerate(claims)]
