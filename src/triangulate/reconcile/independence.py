"""Which figures come from independent sources.

A figure's source key is its named primary source ("according to the South Korean
government": every outlet that carries it counts once), or, where the outlet states the
figure itself or cites only "reports", the article; near-duplicate (syndicated) articles
share one key. Near duplicates are found with MinHash over word 5-shingles and LSH
(datasketch), at a Jaccard similarity of ``Settings.duplicate_similarity`` (0.8) or more.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from triangulate.lang.en.people import NAME_PREFIXES
from triangulate.lang.en.sources import GOVERNMENT_WORDS
from triangulate.lang.lookup import actor_of, body_named, normalise
from triangulate.reconcile.names import fold_names
from triangulate.settings import DEFAULTS
from triangulate.types import Article, Claim

SHINGLE = 5
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


def duplicate_clusters(articles: Sequence[Article],
                       threshold: float = DEFAULTS.duplicate_similarity) -> dict[str, str]:
    """Article id -> id of the first article of its near-duplicate cluster: the articles
    whose shingles are at least ``threshold`` alike (estimated Jaccard similarity)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    cluster: dict[str, str] = {}
    signatures: dict[str, MinHash] = {}
    for article in articles:
        if article.id in cluster:
            continue
        minhash = signature(article.text)
        matches = [key for key in lsh.query(minhash)
                   if signatures[key].jaccard(minhash) >= threshold]
        cluster[article.id] = min((cluster[m] for m in matches), default=article.id)
        signatures[article.id] = minhash
        lsh.insert(article.id, minhash)
    return cluster


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
    ("Kyiv", "Ukrainian officials", "the Ukrainian General Staff", "Ukraine's president
    Volodymyr Zelensky" -> "government of Ukraine"); else a known body ("the NIS", "South
    Korea's spy service" -> one name), or the source's words without titles ("lawmaker Lee
    Seong-kweun" -> "lee seong-kweun")."""
    primary = primary_source(source)
    text = normalise(primary)
    words = [re.sub(r"'s?$", "", w) for w in re.findall(r"[\w.'-]+", text)]
    body = body_named(primary)
    state = government_of(primary, words, body)
    if state is not None:
        return f"government of {state}"
    if body is not None:
        return body
    return " ".join(w for w in words if w not in NAME_PREFIXES) or text





def government_of(source: str, words: list[str], body: str | None) -> str | None:
    """The state whose government gives the figure: a source that names a state and is its
    government, an organ or an official of it ("Ukrainian officials", "Seoul's Joint Chiefs",
    "Kyiv" alone, "Russia's defence minister Andrei Belousov"); None for anyone else ("a
    Ukrainian soldier")."""
    state = actor_of((body or source).replace("'s ", " "))
    if state is None or state == "Civilians":
        return None
    named = {w for w in words if actor_of(w) == state}
    rest = set(words) - named - {"the", "of", "'s", "s", "and"}
    return state if body is not None or not rest or rest & GOVERNMENT_WORDS else None


def source_keys(claims: Sequence[Claim], clusters: dict[str, str],
                similarity: float = DEFAULTS.name_similarity) -> list[str]:
    """One key per independent source for each claim: its named primary source, folded
    across spellings (at ``similarity``), or its article's near-duplicate cluster where it
    names none."""
    named = {i: canonical_source(c.source) for i, c in enumerate(claims)
             if c.source and not c.source_vague}
    folded = fold_names(named.values(), similarity)
    return ["source:" + folded[named[i]] if i in named
            else "article:" + clusters.get(c.article, c.article)
            for i, c in enumerate(claims)]
