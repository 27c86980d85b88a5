"""Fold spelling and transliteration variants of a name to one canonical form.

In order: the gazetteer's known variants ("Zelenski", "Selenskyj" -> "Volodymyr Zelensky");
then, among the remaining names of one kind, a shorter name whose words all stand in a
longer one ("Bondar" -> "Yuriyi Bondar"); then fuzzy matching of the names with accents,
hyphens and case folded (rapidfuzz ratio at least 85, first letters and the start of the
last word equal: "Kim Jong-un" -> "Kim Jong Un", "Soedzja" stays apart from "Sudzha" unless
the gazetteer knows it). The most frequent spelling of a cluster names it.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

from triangulate.lang.en.people import NAME_PREFIXES
from triangulate.lang.lookup import body_named
from triangulate.settings import DEFAULTS


def folded(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().replace("-", " ").replace("’", "'").split())


def fold_names(names: Iterable[str], similarity: float = DEFAULTS.name_similarity,
               per_key: int = DEFAULTS.name_per_key) -> dict[str, str]:
    """Each name -> its canonical form.

    Names are taken longest first; each joins the first earlier leader it is the same name
    as (a contained name, or a spelling at least ``similarity`` alike), else leads. Leaders
    are looked up, not scanned (see :class:`_Leaders`), so the work grows with the number of
    names, not with its square.
    """
    counts = Counter(names)
    leaders = _Leaders(similarity, per_key)
    mapping: dict[str, str] = {}
    for name, _count in sorted(counts.items(), key=lambda item: (-len(item[0]), -item[1])):
        mapping[name] = leaders.leader_of(name, folded(name))
    return mapping


class _Leaders:
    """The names that lead a cluster so far, each folded once and indexed two ways.

    By its first and last words, for a name whose words stand in it ("bondar" finds "yuriyi
    bondar"); by its spelling keys (:func:`spelling_keys`), for a variant spelling, which
    rapidfuzz then scores. Each index entry holds at most ``per_key`` leaders, the earliest
    (longest, most frequent): a name is compared with at most ``3 * per_key`` leaders.
    """

    def __init__(self, similarity: float = DEFAULTS.name_similarity,
                 per_key: int = DEFAULTS.name_per_key) -> None:
        self.similarity = similarity
        self.per_key = per_key
        self.names: list[str] = []
        self.folded: list[str] = []
        self.by_end_word: dict[str, list[int]] = defaultdict(list)  # first or last word
        self.by_spelling: dict[str, list[int]] = defaultdict(list)

    def leader_of(self, name: str, key: str) -> str:
        """The earliest leader that ``name`` (folded to ``key``) is the same name as; the
        name itself, made a leader, where there is none."""
        words = key.split()
        found = [i for i in self.by_end_word.get(words[-1], []) if contained(key, self.folded[i])] \
            if words else []
        block = list(dict.fromkeys(i for spelled in spelling_keys(key)
                                   for i in self.by_spelling.get(spelled, [])))
        close = process.extract(key, [self.folded[i] for i in block], scorer=fuzz.ratio,
                                score_cutoff=self.similarity, limit=None)
        found.extend(block[position] for _text, _score, position in close)
        if found:
            return self.names[min(found)]
        self.add(name, key)
        return name

    def add(self, name: str, key: str) -> None:
        index = len(self.names)
        self.names.append(name)
        self.folded.append(key)
        words = key.split()
        entries = [self.by_end_word[word] for word in dict.fromkeys(words[:1] + words[-1:])]
        for entry in [*entries, *(self.by_spelling[spelled] for spelled in spelling_keys(key))]:
            if len(entry) < self.per_key:
                entry.append(index)


def spelling_keys(key: str) -> tuple[str, ...]:
    """Where to look for other spellings of a folded name: its first five letters, and its
    first letter with the first three of its last word (a variant keeps one or the other:
    "the prosecutor general of" and "the prosecutor's general office" start alike,
    "olexandr syrsky" and "oleksandr syrskyi" end alike)."""
    words = key.split()
    return (key[:5], f"{key[:1]} {words[-1][:3]}") if words else ()


def contained(short: str, long: str) -> bool:
    """Equal, or every word of ``short`` in ``long`` with its last word ending or starting
    ``long`` ("bondar" in "yuriyi bondar")."""
    if short == long:
        return True
    words_a, words_b = short.split(), long.split()
    return bool(words_a) and set(words_a) <= set(words_b) \
        and words_a[-1] in (words_b[-1], words_b[0])


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
    return bare in NAME_PREFIXES or f"{bare}." in NAME_PREFIXES


def known_body(speaker: str) -> str | None:
    """The gazetteer's name for a body the speaker names ("the NIS", "South Korea's spy
    service"), if any."""
    return body_named(speaker)


def fold_speakers(speakers: Iterable[str], similarity: float = DEFAULTS.name_similarity,
                  per_key: int = DEFAULTS.name_per_key) -> dict[str, str]:
    """Each speaker as written -> one name for the same person or body across articles."""
    names = {speaker: known_body(speaker) or bare_name(speaker) for speaker in speakers}
    folded = fold_names(names.values(), similarity, per_key)
    return {speaker: folded[name] for speaker, name in names.items()}
