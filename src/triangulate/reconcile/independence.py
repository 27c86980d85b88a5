"""Which figures come from independent sources.

A figure's source key is its named primary source ("according to the South Korean
government": every outlet that carries it counts once), or, where the outlet states the
figure itself or cites only "reports", the article; near-duplicate (syndicated) articles
share one key. Near duplicates are found with MinHash over word 5-shingles and LSH
(datasketch), at a Jaccard similarity of 0.8 or more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from datasketch import MinHash, MinHashLSH

from triangulate.nlp.gazetteer import normalise
from triangulate.types import Article, Claim

SHINGLE = 5
THRESHOLD = 0.8
PERMUTATIONS = 128


def shingles(text: str) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=PERMUTATIONS, seed=7)
    minhash.update_batch(list(shingles(text)))
    return minhash


def duplicate_clusters(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> id of the first article of its near-duplicate cluster."""
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)
    cluster: dict[str, str] = {}
    signatures: dict[str, MinHash] = {}
    for article in articles:
        if article.id in cluster:
            continue
        minhash = signature(article.text)
        matches = [key for key in lsh.query(minhash)
                   if signatures[key].jaccard(minhash) >= THRESHOLD]
        cluster[article.id] = min((cluster[m] for m in matches), default=article.id)
        signatures[article.id] = minhash
        lsh.insert(article.id, minhash)
    return cluster


def source_key(claim: Claim, clusters: dict[str, str]) -> str:
    """One key per independent source."""
    if claim.source and not claim.source_vague:
        return "source:" + normalise(claim.source)
    return "article:" + clusters.get(claim.article, claim.article)
