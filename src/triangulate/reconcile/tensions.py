"""Statements in different articles that contradict each other in words.

Each sentence is cut into clauses (at commas, dashes, "but", "while", "who", ...), and each
clause is read on two scales of cue words, every cue flipped by each "not", "never", "no" or
"n't" before it in its clause:

* assessment: words that judge a force's quality and resolve ("formidable", "disciplined"
  against "poorly trained", "desert"; "does not surrender" judges as "formidable" does);
* status: words that say a fight or presence is over ("driven out", "retaken") against
  words that say it goes on ("still", "remain").

Three kinds of pair across articles make a tension:

1. opposite assessments, scored by the weaker side's strength (its number of cues), plus
   how alike the cue clauses are, plus a bonus where both judge the same quality (skill,
   cohesion, resolve, effect: "disciplined" against "disorganised" more than "disciplined"
   against "desert");
2. opposite statuses of clauses alike enough to be about the same thing;
3. with the semantic extra only: two clauses so alike that they say the same thing, one
   negated and the other not ("Pyongyang has said nothing about the deployment" against
   "Pyongyang acknowledged the deployment"). Word overlap alone cannot tell a restatement
   from two sentences that merely share words, so this kind waits for the model.

Kinds 2 and 3 score 1, plus the bonus (their gate already says "the same thing"), plus
how alike the clauses are.

"How alike" is the cosine similarity of sentence embeddings where the extra is installed
(:mod:`triangulate.reconcile.semantic`), else the share of content words two clauses have
in common. Pairs are ranked by score, each sentence in at most two, and the best ``limit``
kept.

Only pairs that can matter are scored: those that share a content word (or, for
assessments, a judged quality), found through an inverted index, plus the strongest
judgements of each side whatever they share; each word pairs at most ``PER_KEY`` items a
side, the strongest (:func:`linked`), so the work grows linearly with the articles. Only the
clauses of those pairs are embedded.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import product
from typing import NamedTuple, TypeVar

from triangulate.reconcile import semantic
from triangulate.types import Reading, Tension, TensionSide

# Assessment cues by the quality they judge: (good, bad). Two statements stand in tension
# most clearly when they judge the same quality in opposite ways.
FACETS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "skill": (frozenset({
        "skilled", "skilful", "skillful", "capable", "proficient", "proficiency", "competent",
        "professional", "experienced", "well-trained",
    }), frozenset({
        "poorly", "incompetent", "inexperienced", "untrained", "unprepared", "ill-equipped",
    })),
    "cohesion": (frozenset({"disciplined", "discipline"}), frozenset({
        "disorganised", "disorganized", "chaotic", "confused", "panic",
    })),
    "resolve": (frozenset({
        "brave", "courageous", "bravery", "fearless", "tough", "resilient", "motivated",
        "combative", "combativeness", "relentless", "stubborn", "dedicated", "determined",
        "ferocious", "fanatical", "unyielding",
    }), frozenset({
        "demoralised", "demoralized", "desert", "defect", "deserted", "defected", "deserting",
        "defecting", "desertions", "surrender", "surrendered", "surrendering", "flee", "fled",
        "fleeing", "low",
    })),
    "effect": (frozenset({
        "formidable", "formidably", "effective", "effectively", "credible", "superior",
        "superiority", "lethal", "successful", "success",
    }), frozenset({
        "weak", "ineffective", "fodder", "setback", "dismissed", "useless", "failure",
        "failed", "struggling", "struggled",
    })),
}
POSITIVE = frozenset(word for good, _ in FACETS.values() for word in good)
NEGATIVE = frozenset(word for _, bad in FACETS.values() for word in bad)
FACET_OF = {word: facet for facet, sides in FACETS.items() for side in sides for word in side}
SAME_FACET = 0.5  # added to the score of a pair known to judge one quality or one thing
ENDED = frozenset({
    "driven", "drove", "expelled", "ousted", "evicted", "retaken", "retook", "recaptured",
    "liberated", "withdrawn", "withdrew", "ended", "finished", "repelled", "routed",
})
ONGOING = frozenset({
    "still", "continue", "continues", "continuing", "remain", "ongoing", "persist", "persists",
})
NEGATORS = frozenset({"not", "never", "no", "n't", "without", "nothing", "neither", "none"})
BREAK_WORDS = ("but", "while", "although", "though", "whereas", "who", "which")
CLAUSE_BREAKS = frozenset({",", ";", ":", *BREAK_WORDS})
STOP = frozenset({
    "the", "a", "an", "of", "to", "and", "in", "on", "that", "as", "is", "are", "was", "were",
    "be", "been", "being", "by", "with", "for", "from", "at", "it", "its", "they", "them",
    "their", "he", "she", "his", "her", "this", "these", "those", "will", "would", "said",
    "has", "have", "had", "not", "but", "if", "we", "our", "us", "you", "who", "which",
})
USES = 2  # tensions one sentence may stand in
SAME_MODEL = 0.75  # cosine at which two clauses are taken to speak of the same thing
SAME_WORDS = 0.5  # share of content words at which they are, without the model
MIN_CONTENT = 3  # content words a clause needs to be compared for status or negation
PER_KEY = 64  # statements or clauses one shared word (or quality) pairs, on either side
ANY = "*"  # the key every judging statement has: the strongest are paired whatever they share
FACET_KEY = "quality:"
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*|n't|[,;:]")
_CLAUSE = re.compile(rf"[,;:()\u2013\u2014]|\s-\s|\b(?:{'|'.join(BREAK_WORDS)})\b", re.IGNORECASE)

Similarity = Callable[["Clause", "Clause"], float]
T = TypeVar("T")


class Cue(NamedTuple):
    word: str
    sign: int
    negated: bool

    @property
    def label(self) -> str:
        return f"not {self.word}" if self.negated else self.word


@dataclass(frozen=True)
class Clause:
    text: str
    content: frozenset[str]
    assessment: tuple[Cue, ...]
    status: tuple[Cue, ...]  # +1 over, -1 still going
    negated: bool


@dataclass(frozen=True)
class Statement:
    article: str
    sentence: str
    clauses: tuple[Clause, ...]

    @cached_property
    def assessment(self) -> int:
        return sum(lean(c.assessment) for c in self.clauses)

    def judging(self, sign: int) -> tuple[list[Clause], list[Cue]]:
        """The clauses that lean the ``sign`` way, and their cues of that sign."""
        return self._judged[sign]

    @cached_property
    def _judged(self) -> dict[int, tuple[list[Clause], list[Cue]]]:
        """Both sides worked out once: a statement takes part in many pairs."""
        sides: dict[int, tuple[list[Clause], list[Cue]]] = {}
        for sign in (1, -1):
            clauses = [c for c in self.clauses if lean(c.assessment) * sign > 0]
            sides[sign] = (clauses, [cue for c in clauses for cue in c.assessment
                                     if cue.sign == sign])
        return sides


@dataclass(frozen=True)
class Candidate:
    score: float
    first: Statement
    second: Statement
    why: str


@dataclass(frozen=True)
class Matcher:
    """How alike two clauses are, and from what likeness they speak of the same thing."""

    similarity: Similarity
    same: float
    measure: str  # what the likeness is, for the why ("similarity", "shared words")
    embeddings: semantic.Embeddings | None = None

    def alike(self, a: Clause, b: Clause) -> tuple[float, str]:
        value = self.similarity(a, b)
        return value, f"{self.measure} {value:.2f}"


def cues(words: Sequence[str], positive: frozenset[str],
         negative: frozenset[str]) -> list[Cue]:
    """Each cue word with its sign, flipped by every negator before it in its clause."""
    out: list[Cue] = []
    negated = False
    for word in words:
        if word in CLAUSE_BREAKS:
            negated = False
        elif word in NEGATORS:
            negated = not negated
        elif word in positive or word in negative:
            sign = 1 if word in positive else -1
            out.append(Cue(word, -sign if negated else sign, negated))
    return out


def lean(found: Iterable[Cue]) -> int:
    return sum(cue.sign for cue in found)


def polarity(words: Sequence[str]) -> int:
    """Positive minus negative assessment cues, each flipped by the negators before it."""
    return lean(cues(words, POSITIVE, NEGATIVE))


def tokens(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("’", "'"))


def read_clause(text: str) -> Clause:
    words = tokens(text)
    return Clause(
        text=text,
        content=frozenset(w for w in words if w not in STOP and len(w) > 2),
        assessment=tuple(cues(words, POSITIVE, NEGATIVE)),
        status=tuple(cues(words, ENDED, ONGOING)),
        negated=sum(w in NEGATORS for w in words) % 2 == 1,
    )


def read_statement(article: str, sentence: str) -> Statement:
    parts = (part.strip(" '\"‘’“”„.!?\n") for part in _CLAUSE.split(sentence))
    return Statement(article, sentence, tuple(read_clause(p) for p in parts if p))


def overlap(a: Clause, b: Clause) -> float:
    return len(a.content & b.content) / max(1, min(len(a.content), len(b.content)))


def matcher(clauses: Iterable[Clause]) -> Matcher:
    """Embeddings of the given clauses where the model is there, word overlap otherwise."""
    embeddings = semantic.embed([c.text for c in clauses])
    if embeddings is None:
        return Matcher(overlap, SAME_WORDS, "shared words")
    return Matcher(lambda a, b: embeddings.similarity(a.text, b.text), SAME_MODEL,
                   "similarity", embeddings)


def named(found: Iterable[Cue]) -> str:
    return ", ".join(sorted({cue.label for cue in found}))


def linked(left: Sequence[T], right: Sequence[T], keys: Callable[[T], Iterable[str]],
           rank: Callable[[T], float]) -> Iterator[tuple[T, T]]:
    """Pairs of a left and a right item that share a key (a content word), each pair once.

    Each key keeps only its ``PER_KEY`` highest-ranked items on either side, so an item is
    paired at most ``PER_KEY`` times for each of its keys (linear in the items), not with
    every item of the other side; a word so common that it is in more places says little
    about two of them.
    """
    def postings(items: Sequence[T]) -> dict[str, list[int]]:
        by_key: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            for key in set(keys(item)):
                by_key[key].append(index)
        return {key: heapq.nlargest(PER_KEY, found, key=lambda i: rank(items[i]))
                for key, found in by_key.items()}

    left_by, right_by = postings(left), postings(right)
    seen: set[tuple[int, int]] = set()
    for key in sorted(left_by.keys() & right_by.keys()):
        for pair in product(left_by[key], right_by[key]):
            if pair not in seen:
                seen.add(pair)
                yield left[pair[0]], right[pair[1]]


def assessment_pairs(statements: Sequence[Statement]) -> Iterator[tuple[Statement, Statement]]:
    """Positive and negative statements of different articles that judge a shared word or
    quality, and the strongest of each side whatever they share."""
    positives = [s for s in statements if s.assessment > 0]
    negatives = [s for s in statements if s.assessment < 0]

    def keys(statement: Statement) -> Iterator[str]:
        clauses, found = statement.judging(1 if statement.assessment > 0 else -1)
        yield ANY
        yield from (FACET_KEY + FACET_OF[cue.word] for cue in found)
        yield from (word for c in clauses for word in c.content)

    for p, n in linked(positives, negatives, keys, lambda s: abs(s.assessment)):
        if p.article != n.article:
            yield p, n


def assessment_pair(p: Statement, n: Statement, match: Matcher) -> Candidate:
    """Scored by the weaker side, the likeness of the cue clauses and a shared quality."""
    (p_clauses, p_cues), (n_clauses, n_cues) = p.judging(1), n.judging(-1)
    alike, shown = max(match.alike(a, b) for a, b in product(p_clauses, n_clauses))
    facets = sorted({FACET_OF[c.word] for c in p_cues} & {FACET_OF[c.word] for c in n_cues})
    score = min(p.assessment, -n.assessment) + alike + (SAME_FACET if facets else 0.0)
    of = f" of {' and '.join(facets)}" if facets else ""
    return Candidate(score, p, n, f"opposite assessments{of}: {named(p_cues)} vs "
                                  f"{named(n_cues)} ({shown})")


Placed = tuple[Statement, Clause]


def clause_pairs(statements: Sequence[Statement], side: Callable[[Clause], int],
                 rank: Callable[[Clause], float]) -> Iterator[tuple[Placed, Placed]]:
    """Clauses of ``MIN_CONTENT`` words or more of different articles, one on each side
    (``side`` above and below 0), that share content words."""
    clauses = [(s, c) for s in statements for c in s.clauses if len(c.content) >= MIN_CONTENT]
    first = [(s, c) for s, c in clauses if side(c) > 0]
    second = [(s, c) for s, c in clauses if side(c) < 0]
    for (s1, c1), (s2, c2) in linked(first, second, lambda placed: placed[1].content,
                                     lambda placed: rank(placed[1])):
        if s1.article != s2.article:
            yield (s1, c1), (s2, c2)


def status_pairs(statements: Sequence[Statement]) -> Iterator[tuple[Placed, Placed]]:
    """Clauses saying a thing is over against clauses saying it goes on."""
    return clause_pairs(statements, lambda c: lean(c.status), lambda c: abs(lean(c.status)))


def negation_pairs(statements: Sequence[Statement]) -> Iterator[tuple[Placed, Placed]]:
    """Clauses sharing most of their content words, one negated and the other not."""
    for (s1, c1), (s2, c2) in clause_pairs(statements, lambda c: 1 if c.negated else -1,
                                           lambda c: len(c.content)):
        if overlap(c1, c2) >= SAME_WORDS:
            yield (s1, c1), (s2, c2)


def opposite_status(first: Placed, second: Placed, match: Matcher) -> Candidate | None:
    """Clauses alike enough to be about one thing, one saying it is over, one that it goes on."""
    (s1, c1), (s2, c2) = first, second
    alike, shown = match.alike(c1, c2)
    if alike < match.same:
        return None
    return Candidate(1 + SAME_FACET + alike, s1, s2, f"over vs still going: "
                     f"{named(c1.status)} vs {named(c2.status)} ({shown})")


def negation_mismatch(first: Placed, second: Placed, match: Matcher) -> Candidate | None:
    """Clauses alike in meaning and in words, one of them negated (needs the embeddings).

    The model barely sees negation or who did what, so the clauses must also share most of
    their content words (as :func:`negation_pairs` ensures).
    """
    if match.embeddings is None:
        return None
    alike = match.similarity(first[1], second[1])
    if alike < match.same:
        return None
    return Candidate(1 + SAME_FACET + alike, first[0], second[0],
                     f"the same statement, one side negated (similarity {alike:.2f})")


def usable(statement: Statement, negating: bool) -> bool:
    """Whether a statement can take part in any kind of pair (the others are not kept):
    it judges, or says a thing is over or goes on, or (where negations are compared) has a
    clause of enough content words."""
    return statement.assessment != 0 or any(
        len(c.content) >= MIN_CONTENT and (negating or lean(c.status) != 0)
        for c in statement.clauses)


def find_tensions(readings: Sequence[Reading], limit: int = 5) -> list[Tension]:
    """The best ``limit`` tensions; only the pairs found through shared words or qualities
    are scored, and only their clauses embedded."""
    negating = semantic.available()
    statements = [statement for r in readings for sentence in r.statements
                  if usable(statement := read_statement(r.article.id, sentence), negating)]
    assessed = list(assessment_pairs(statements))
    statuses = list(status_pairs(statements))
    negations = list(negation_pairs(statements)) if negating else []
    match = matcher(dict.fromkeys(
        [c for p, n in assessed for c in (*p.judging(1)[0], *n.judging(-1)[0])]
        + [placed[1] for pair in (*statuses, *negations) for placed in pair]))
    candidates = [*(assessment_pair(p, n, match) for p, n in assessed),
                  *(found for pair in statuses if (found := opposite_status(*pair, match))),
                  *(found for pair in negations if (found := negation_mismatch(*pair, match)))]
    return [Tension(a=TensionSide(c.first.article, c.first.sentence),
                    b=TensionSide(c.second.article, c.second.sentence),
                    score=round(c.score, 3), why=c.why)
            for c in select(candidates, limit)]


def select(candidates: Iterable[Candidate], limit: int) -> list[Candidate]:
    """The best-scored pairs, one per pair of sentences, each sentence in at most USES."""
    used: Counter[str] = Counter()
    seen: set[frozenset[str]] = set()
    chosen: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.score, c.first.sentence, c.second.sentence)):
        pair = frozenset((c.first.sentence, c.second.sentence))
        if pair in seen or used[c.first.sentence] >= USES or used[c.second.sentence] >= USES:
            continue
        seen.add(pair)
        used.update(pair)
        chosen.append(c)
        if len(chosen) == limit:
            break
    return chosen
