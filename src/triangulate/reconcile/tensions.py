"""Statements in different articles that contradict each other in words.

Each sentence gets an assessment polarity from a small lexicon of words that judge a
force's quality and resolve ("formidable", "disciplined" against "poorly trained",
"desert"), a cue flipped by each "not", "never", "no" or "n't" before it in its clause
("does not surrender", "not one of them has tried to surrender" judge as "formidable"
does). Sentences of opposite polarity in different articles are paired; pairs are ranked by
the weaker side's strength plus the share of content words they have in common, each
sentence in at most two pairs, and the best ``limit`` kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from triangulate.types import Reading, Tension, TensionSide

POSITIVE = frozenset({
    "formidable", "disciplined", "effective", "skilled", "skilful", "skillful", "brave",
    "courageous", "capable", "credible", "proficient", "proficiency", "superior",
    "superiority", "fearless", "tough", "resilient", "motivated", "competent", "professional",
    "combative", "combativeness", "relentless", "lethal", "experienced", "well-trained",
    "effectively", "successful", "success", "stubborn", "discipline", "dedicated",
    "bravery", "determined", "ferocious", "fanatical", "unyielding", "formidably",
})
NEGATIVE = frozenset({
    "poorly", "weak", "ineffective", "disorganised", "disorganized", "demoralised",
    "demoralized", "incompetent", "inexperienced", "untrained", "unprepared", "fodder",
    "desert", "defect", "deserted", "defected", "deserting", "defecting", "desertions",
    "surrender", "surrendered", "surrendering", "flee", "fled", "fleeing", "panic",
    "setback", "dismissed", "useless", "ill-equipped", "chaotic", "confused", "failure",
    "failed", "struggling", "struggled", "low",
})
NEGATORS = frozenset({"not", "never", "no", "n't", "without", "nothing"})
STOP = frozenset({
    "the", "a", "an", "of", "to", "and", "in", "on", "that", "as", "is", "are", "was", "were",
    "be", "been", "being", "by", "with", "for", "from", "at", "it", "its", "they", "them",
    "their", "he", "she", "his", "her", "this", "these", "those", "will", "would", "said",
    "has", "have", "had", "not", "but", "if", "we", "our", "us", "you", "who", "which",
})
USES = 2
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*|n't|[,;:]")


@dataclass(frozen=True)
class Assessment:
    article: str
    sentence: str
    polarity: int
    words: frozenset[str]


CLAUSE_BREAKS = frozenset({",", ";", ":", "but", "while", "although", "though", "whereas"})


def polarity(words: Sequence[str]) -> int:
    """Positive minus negative cues, each flipped by every negator before it in its clause."""
    total, negated = 0, False
    for word in words:
        if word in CLAUSE_BREAKS:
            negated = False
        elif word in NEGATORS:
            negated = not negated
        elif word in POSITIVE or word in NEGATIVE:
            sign = 1 if word in POSITIVE else -1
            total += -sign if negated else sign
    return total


def assess(reading: Reading) -> list[Assessment]:
    out = []
    for sentence in reading.statements:
        words = _WORD.findall(sentence.lower().replace("’", "'"))
        score = polarity(words)
        if score:
            content = frozenset(w for w in words if w not in STOP and len(w) > 2)
            out.append(Assessment(reading.article.id, sentence, score, content))
    return out


def find_tensions(readings: Sequence[Reading], limit: int = 5) -> list[Tension]:
    assessments = [a for reading in readings for a in assess(reading)]
    positives = [a for a in assessments if a.polarity > 0]
    negatives = [a for a in assessments if a.polarity < 0]
    scored = []
    for p in positives:
        for n in negatives:
            if p.article == n.article:
                continue
            shared = len(p.words & n.words) / max(1, min(len(p.words), len(n.words)))
            scored.append((min(p.polarity, -n.polarity) + shared, p, n))
    used: Counter[str] = Counter()
    tensions = []
    for score, p, n in sorted(scored, key=lambda item: -item[0]):
        if used[p.sentence] >= USES or used[n.sentence] >= USES:
            continue
        used.update((p.sentence, n.sentence))
        tensions.append(Tension(a=TensionSide(p.article, p.sentence),
                                b=TensionSide(n.article, n.sentence), score=round(score, 3),
                                why="opposite assessments: "
                                    f"{', '.join(sorted(p.words & POSITIVE))} against "
                                    f"{', '.join(sorted(n.words & NEGATIVE))}"))
        if len(tensions) == limit:
            break
    return tensions
