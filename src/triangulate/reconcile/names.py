"""Fold spelling and transliteration variants of a name to one canonical form.

In order: the gazetteer's known variants ("Zelenski", "Selenskyj" -> "Volodymyr Zelensky");
then, among the remaining names of one kind, a shorter name whose words all stand in a
longer one ("Bondar" -> "Yuriyi Bondar"); then fuzzy matching of the names with accents,
hyphens and case folded (rapidfuzz ratio at least 85, first letters equal: "Kim Jong-un" ->
"Kim Jong Un", "Soedzja" stays apart from "Sudzha" unless the gazetteer knows it). The most
frequent spelling of a cluster names it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from triangulate.nlp.gazetteer import TITLES, canonical_person, canonical_place, source_body

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
    if words_a and set(words_a) <= set(words_b) and words_a[-1] in (words_b[-1], words_b[0]):
        return True
    return a[:1] == b[:1] and fuzz.ratio(a, b) >= SIMILAR


def bare_name(speaker: str) -> str:
    """The name in a speaker's mention: "Sergeant Oleksii" -> "Oleksii"; "its
    commander-in-chief, Oleksandr Syrskyi" -> "Oleksandr Syrskyi"; "retired colonel Graham
    Pike" -> "Graham Pike"; a description with no name stays whole ("a senior commander")."""
    parts = [part.strip() for part in speaker.split(",") if part.strip()]
    for part in parts:
        name = trailing_name(part)
        if name:
            return name
    return parts[0] if parts else speaker


def trailing_name(phrase: str) -> str:
    """The run of capitalised words that ends a phrase, titles left out."""
    words = phrase.split()
    run: list[str] = []
    for word in reversed(words):
        if not word[:1].isupper() or is_title(word):
            break
        run.insert(0, word)
    return " ".join(run)


def is_title(word: str) -> bool:
    bare = word.lower().rstrip(".")
    return bare in TITLES or f"{bare}." in TITLES


def known_body(speaker: str) -> str | None:
    """The gazetteer's name for a body the speaker names ("the NIS", "South Korea's spy
    service"), if any."""
    words = {re.sub(r"['’]s?$", "", w) for w in re.findall(r"[\w.'’-]+", speaker.lower())}
    return source_body(words)


def fold_speakers(speakers: Iterable[str]) -> dict[str, str]:
    """Each speaker as written -> one name for the same person or body across articles."""
    names = {speaker: known_body(speaker) or bare_name(speaker) for speaker in speakers}
    folded = fold_names(names.values())
    return {speaker: folded[name] for speaker, name in names.items()}
