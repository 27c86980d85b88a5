"""English words of framing: the loaded words by the push they give the reader, and the
hedges by which a writer keeps a statement at arm's length (:mod:`triangulate.nlp.framing`)."""

from __future__ import annotations

LOADED_WORDS: dict[str, tuple[str, ...]] = {
    "pejorative": (
        "tubby", "pudgy", "portly", "tyrant", "dictator", "despot", "strongman", "madman",
        "thug", "henchman", "henchmen", "stooge", "lackey", "puppet", "crony", "horde",
        "cannon fodder", "fanatic", "zealot", "warmonger", "butcher", "regime", "terrorist",
        "prop up", "rogue state", "hermit kingdom", "pariah",
    ),
    "sensational": (
        "bloodbath", "carnage", "slaughter", "massacre", "butchery", "decimation", "decimate",
        "annihilate", "annihilation", "obliterate", "wipe out", "mow down", "mown down",
        "meat grinder", "bloody", "gory", "horrific", "horrifying", "savage", "brutal",
        "ruthless", "relentless", "headless", "hellish", "hell", "nightmare", "onslaught",
        "rout", "humiliating", "humiliation", "catastrophic", "catastrophe", "devastating",
        "crushing", "stunning", "shocking", "hurl", "suicidal",
    ),
    "emotive": (
        "desperate", "desperately", "desperation", "terrified", "panicked", "panic",
        "cowardly", "coward", "heroic", "hero", "valiant", "glorious", "shameful",
        "disgraceful", "doomed", "hapless", "helpless", "pathetic", "laughable", "crazed",
        "reckless", "callous", "evil", "sinister",
    ),
    "praise": ("crack", "fearless", "heroically", "legendary", "invincible", "mighty"),
}
"""Loaded and emotive words of war reporting, by the kind of push they give the reader.

Written by hand for Triangulate, from what sets tabloid war copy apart from wire copy: words
that belittle or demonise a person or side ("pejorative"), that dramatise death and defeat
beyond "killed" and "lost" ("sensational"), that tell the reader what to feel or ascribe a
state of mind ("emotive"), and that glorify a side ("praise"). Not taken from any published
lexicon. Entries are lower-case lemmas or word forms; several words make a phrase.
"""

ATTRIBUTIVE_ONLY = frozenset({"crack"})
"""Entries that are loaded only as a modifier of a noun ("crack troops", not "the ice cracked")."""

HEDGES: tuple[str, ...] = (
    "reportedly", "allegedly", "alleged", "purportedly", "purported", "supposedly",
    "apparently", "ostensibly", "claim", "appear to", "appears to", "appeared to", "seem to",
    "thought to", "believed to", "said to be", "understood to", "reported to be",
    "reported to have",
    "according to reports", "according to media reports", "according to unconfirmed reports",
    "unconfirmed", "unverified", "could not be verified", "could not be independently verified",
    "not independently verified", "it is thought", "it is believed", "suspected", "rumour",
    "rumor", "rumoured", "rumored", "possibly", "probably", "presumably",
)
"""Words and phrases by which a writer keeps a statement at arm's length; written for this
project from the hedges of news style (attribution verbs of doubt, adverbs of hearsay)."""

