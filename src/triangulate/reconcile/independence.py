"""Which figures come from independent sources.

A figure's source key is its named primary source ("according to the South Korean
government": every outlet that carries it counts once), or, where the outlet states the
figure itself or cites only "reports", the article; near-duplicate (syndicated) articles
share one key. Near duplicates are found with MinHash over word shingles and LSH
(:mod:`triangulate.reconcile.minhash`), at a Jaccard similarity of
``Settings.duplicate_similarity`` (0.8) or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from triangulate.lang.en.people import NAME_PREFIXES
from triangulate.lang.en.sources import GOVERNMENT_WORDS
from triangulate.lang.lookup import actor_of, body_named, normalise
from triangulate.reconcile import minhash
from triangulate.reconcile.names import fold_names
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Article, Claim


def shingles(text: str, size: int = DEFAULTS.shingle_words) -> set[bytes]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < size:
        return {" ".join(words).encode()}
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


def signature(text: str, settings: Settings = DEFAULTS) -> NDArray[np.uint32]:
    """The MinHash signature of the text's word shingles."""
    return minhash.signature(shingles(text, settings.shingle_words),
                             settings.minhash_permutations)


class Duplicates:
    """Near-duplicate clusters of articles added one at a time.

    Of each article only its signature is kept (512 bytes) and its place in one bucket per
    band, the bucket named by the band's hash; the articles that share a bucket with it are
    checked on their signatures, as datasketch's ``MinHashLSH`` would (a hash collision only
    adds a candidate that the check turns down), without its objects per article. Most
    buckets hold one article: its index is the bucket; the others go to ``more``.
    """

    def __init__(self, settings: Settings = DEFAULTS) -> None:
        self.settings = settings
        self.threshold = settings.duplicate_similarity
        self.clusters: dict[str, str] = {}  # article id -> first article of its cluster
        self.ids: list[str] = []
        self.signatures: list[bytes] = []
        self.first: dict[int, int] = {}  # a band's hash -> the first article in its bucket
        self.more: dict[int, list[int]] = {}  # -> the others, where there are others

    def add(self, article: Article) -> None:
        if article.id in self.clusters:
            return
        values = signature(article.text, self.settings)
        keys = [hash((band, values[start:end].tobytes())) for band, (start, end)
                in enumerate(minhash.bands(self.threshold, self.settings.minhash_permutations))]
        candidates = {i for key in keys for i in self.bucket(key)}
        matches = [self.ids[i] for i in sorted(candidates) if similarity(
            values, np.frombuffer(self.signatures[i], dtype=np.uint32)) >= self.threshold]
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


def duplicate_clusters(articles: Iterable[Article], settings: Settings = DEFAULTS
                       ) -> dict[str, str]:
    """Article id -> id of the first article of its near-duplicate cluster: the articles
    whose shingles (of ``settings.shingle_words``) are at least
    ``settings.duplicate_similarity`` alike (Jaccard similarity, estimated by MinHash)."""
    duplicates = Duplicates(settings)
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
                similarity: float = DEFAULTS.name_similarity,
                per_key: int = DEFAULTS.name_per_key) -> list[str]:
    """One key per independent source for each claim: its named primary source, folded
    across spellings (at ``similarity``), or its article's near-duplicate cluster where it
    names none."""
    named = {i: canonical_source(c.source) for i, c in enumerate(claims)
             if c.source and not c.source_vague}
    folded = fold_names(named.values(), similarity, per_key)
    return ["source:" + folded[named[i]] if i in named
            else "article:" + clusters.get(c.article, c.article)
            for i, c in enumerate(claims)]
