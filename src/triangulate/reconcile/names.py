"""Fold spelling and transliteration variants of a name to one canonical form.

In order: the gazetteer's known variants ("Zelenski", "Selenskyj" -> "Volodymyr Zelensky");
then, among the remaining names of one kind, a shorter name whose words all stand in a
longer one ("Bondar" -> "Yuriyi Bondar"); then fuzzy matching of the names with accents,
hyphens and case folded (rapidfuzz ratio at least 85, first letters equal: "Kim Jong-un" ->
"Kim Jong Un", "Soedzja" stays apart from "Sudzha" unless the gazetteer knows it). The most
frequent spelling of a cluster names it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from triangulate.nlp.gazetteer import canonical_person, canonical_place

SIMILAR = 85.0


def folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").replace("’", "'").split())


def fold_names(names: Iterable[str]) -> dict[str, str]:
    """Each name -> its canonical form."""
    counts = Counter(names)
    mapping: dict[str, str] = {}
    leaders: list[str] = []
    for name, _count in sorted(counts.items(), key=lambda item: (-len(item[0]), -item[1])):
        known = canonical_person(name) or canonical_place(name)
        if known:
            mapping[name] = known
            continue
        leader = next((lead for lead in leaders if same_name(name, lead)), None)
        if leader is None:
            leaders.append(name)
            leader = name
        mapping[name] = leader
    return mapping


def same_name(short: str, long: str) -> bool:
    a, b = folded(short), folded(long)
    if a == b:
        return True
    words_a, words_b = a.split(), b.split()
    if words_a and set(words_a) <= set(words_b) and words_a[-1] == words_b[-1]:
        return True
    return a[:1] == b[:1] and fuzz.ratio(a, b) >= SIMILAR
