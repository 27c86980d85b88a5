"""English function words: what a comparison of two statements' words leaves out."""

from __future__ import annotations

from triangulate.lang.en.people import PRONOUNS

# articles, prepositions, auxiliaries, conjunctions and pronouns: words that two statements
# share whatever they say
STOP_WORDS: frozenset[str] = PRONOUNS | frozenset({
    "the", "a", "an", "of", "to", "and", "in", "on", "that", "as", "is", "are", "was", "were",
    "be", "been", "being", "by", "with", "for", "from", "at", "its", "them", "their", "his",
    "her", "this", "these", "those", "will", "would", "said", "has", "have", "had", "not",
    "but", "if", "our", "us", "which",
})
# determiners and quantifiers before a source's name, no part of who it is ("the", "both")
DETERMINERS: frozenset[str] = frozenset({
    "the", "a", "an", "neither", "nor", "both", "several", "some", "one",
})
