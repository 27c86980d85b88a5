"""Statements in different articles about one event that contradict each other in words.

Articles are pooled by their event (its place, as ``reconcile.groups`` joins them; an
article without one is pooled with the others without one), and only statements of one
pool, of different articles, from different sources and reported within
``Settings.event_gap_days`` of each other are compared. Four kinds of pair make a tension:

1. blame: the frames (:mod:`triangulate.nlp.frames`) of one party's act, one affirmed and
   the other denied ("set off by a militia drone" / "the militia never struck the depot"), or
   the same act laid on two parties ("government shells hit the market" / "a mortar
   only the rebels field"), the more where one says the party is the only one;
2. cause: a weapon or means affirmed against its denial ("a cluster bomb" / "certainly no
   air raid");
3. outcome: clauses alike enough to be about one thing, one saying it is over ("driven out",
   "retaken"), the other that it goes on ("still", "remain");
4. assessment: opposite judgements of a force's quality and resolve, from the lexicon of
   :mod:`triangulate.lang.en.assessment` ("formidable" against "not a credible force"),
   scored by the weaker side's strength (its number of cues), how alike the cue clauses
   are, and a bonus where both judge the same quality (skill, cohesion, resolve, effect).

With the semantic extra, two clauses so alike that they say the same thing, one negated and
the other not, are a fifth kind ("negation"). Each sentence is cut into clauses (at commas,
dashes, "but", "while", "who", ...) for kinds 3 to 5, every cue flipped by each negator
before it in its clause.

"How alike" is the cosine similarity of sentence embeddings where the extra is installed
(:mod:`triangulate.reconcile.semantic`), else the share of content words two clauses have
in common. Pairs are ranked by score, each sentence in at most ``Settings.tension_uses``,
and the events take turns (the best of each event before the second of any), so that one
event's many pairs do not hide another's; the best ``Settings.tensions`` are kept.

Only pairs that can matter are scored: those that share a key (a content word, a judged
quality, a party, a means), found through an inverted index, each key pairing at most
``Settings.tension_per_key`` items a side (:func:`linked`), so the work grows linearly with
the articles.
Only the clauses of those pairs are embedded.
"""

from __future__ import annotations

import heapq
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property
from itertools import product
from typing import NamedTuple, TypeVar

from triangulate.lang.en.assessment import (
    FACET_OF,
    FAULTING,
    NEGATIVE,
    POSITIVE,
    VERDICT_FORMS,
)
from triangulate.lang.en.grammar import STOP_WORDS
from triangulate.lang.en.harm import FIRED, FIRING, NEGATORS
from triangulate.lang.en.outcome import CONTROL, ENDED, ONGOING
from triangulate.lang.lookup import event_place, is_incident
from triangulate.reconcile import semantic
from triangulate.settings import DEFAULTS, Settings
from triangulate.types import Frame, Reading, Tension, TensionSide

BREAK_WORDS = ("but", "while", "although", "though", "whereas", "who", "which")
CLAUSE_BREAKS = frozenset({",", ";", ":", *BREAK_WORDS})
ANY = "*"  # the key every judging statement has: the strongest are paired whatever they share
FACET_KEY = "quality:"
CONTROL_KEY = "control:"  # the key of clauses about control of ground
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


@dataclass(frozen=True, slots=True)
class Clause:
    text: str
    content: frozenset[str]
    assessment: tuple[Cue, ...]
    status: tuple[Cue, ...]  # +1 over, -1 still going
    negated: bool
    control: bool = False  # whether it speaks of holding ground or fighting for it


@dataclass(frozen=True)
class Statement:
    article: str
    sentence: str
    clauses: tuple[Clause, ...]

    @cached_property
    def verdict(self) -> bool:
        """Whether a verb passes a verdict in it ("dismissed them as", "consider them")."""
        return any(word in VERDICT_FORMS for word in tokens(self.sentence))

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


@dataclass(frozen=True, slots=True)
class Candidate:
    score: float
    first: Statement
    second: Statement
    why: str
    kind: str  # a TensionKind
    event: str | None = None
    # what the dispute is about: the parties of a blame, the means of a cause; empty for the
    # others, each pair of sentences being a dispute of its own
    topic: frozenset[str] = frozenset()


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
    """Each cue word with its sign, flipped by every negator before it in its clause; a
    word that faults what it qualifies ("poorly", "badly") turns the good cue right after
    it bad ("poorly organised"), and is a bad cue of its own only before no cue."""
    if positive.isdisjoint(words) and negative.isdisjoint(words):
        return []  # most clauses: no cue, so nothing to flip (looked up at C speed)
    out: list[Cue] = []
    negated = faulted = False
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in CLAUSE_BREAKS:
            negated = False
        elif word in NEGATORS:
            negated = not negated
        elif word in FAULTING and following in positive:
            faulted = True
        elif word in positive or word in negative:
            flipped = negated != faulted
            sign = 1 if word in positive else -1
            out.append(Cue(word, -sign if flipped else sign, flipped))
            faulted = False
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
        # each word held once, however many of a pool's clauses have it
        content=frozenset(sys.intern(w) for w in words if w not in STOP_WORDS and len(w) > 2),
        assessment=tuple(cues(words, POSITIVE, NEGATIVE)),
        status=tuple(cues(words, ENDED, ONGOING)),
        negated=sum(w in NEGATORS for w in words) % 2 == 1,
        control=any(w in CONTROL for w in words),
    )


def read_statement(article: str, sentence: str) -> Statement:
    parts = (part.strip(" '\"‘’“”„.!?\n") for part in _CLAUSE.split(sentence))
    return Statement(article, sentence, tuple(read_clause(p) for p in parts if p))


def overlap(a: Clause, b: Clause) -> float:
    return len(a.content & b.content) / max(1, min(len(a.content), len(b.content)))


def matcher(clauses: Iterable[Clause], settings: Settings = DEFAULTS) -> Matcher:
    """Embeddings of the given clauses where the model is there (and the settings allow
    it), word overlap otherwise."""
    embeddings = semantic.embed([c.text for c in clauses], settings.semantic)
    if embeddings is None:
        return Matcher(overlap, settings.same_words, "shared words")
    return Matcher(lambda a, b: embeddings.similarity(a.text, b.text), settings.same_model,
                   "similarity", embeddings)


def named(found: Iterable[Cue]) -> str:
    return ", ".join(sorted({cue.label for cue in found}))


def linked(left: Sequence[T], right: Sequence[T], keys: Callable[[T], Iterable[str]],
           rank: Callable[[T], float], per_key: int = DEFAULTS.tension_per_key
           ) -> Iterator[tuple[T, T]]:
    """Pairs of a left and a right item that share a key (a content word), each pair once.

    Each key keeps only its ``per_key`` highest-ranked items on either side, so an item is
    paired at most ``per_key`` times for each of its keys (linear in the items), not with
    every item of the other side; a word so common that it is in more places says little
    about two of them.
    """
    def postings(items: Sequence[T]) -> dict[str, list[int]]:
        by_key: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            for key in set(keys(item)):
                by_key[key].append(index)
        return {key: heapq.nlargest(per_key, found, key=lambda i: rank(items[i]))
                for key, found in by_key.items()}

    left_by, right_by = postings(left), postings(right)
    seen: set[tuple[int, int]] = set()
    for key in sorted(left_by.keys() & right_by.keys()):
        for pair in product(left_by[key], right_by[key]):
            if pair not in seen:
                seen.add(pair)
                yield left[pair[0]], right[pair[1]]


def assessment_pairs(statements: Sequence[Statement], per_key: int = DEFAULTS.tension_per_key
                     ) -> Iterator[tuple[Statement, Statement]]:
    """Positive and negative statements of different articles that judge a shared word or
    quality, and the strongest of each side whatever they share."""
    positives = [s for s in statements if s.assessment > 0]
    negatives = [s for s in statements if s.assessment < 0]

    def keys(statement: Statement) -> Iterator[str]:
        clauses, found = statement.judging(1 if statement.assessment > 0 else -1)
        yield ANY
        yield from (FACET_KEY + FACET_OF[cue.word] for cue in found)
        yield from (word for c in clauses for word in c.content)

    for p, n in linked(positives, negatives, keys, lambda s: abs(s.assessment), per_key):
        if p.article != n.article:
            yield p, n


def assessment_pair(p: Statement, n: Statement, match: Matcher,
                    settings: Settings = DEFAULTS) -> Candidate:
    """Scored by the likeness of the cue clauses, a shared quality, a verdict passed on
    either side ("consider them formidable"), and a little by the weaker side's number of
    cues: one plain verdict says more than many words in passing."""
    (p_clauses, p_cues), (n_clauses, n_cues) = p.judging(1), n.judging(-1)
    alike, shown = max(match.alike(a, b) for a, b in product(p_clauses, n_clauses))
    facets = sorted({FACET_OF[c.word] for c in p_cues} & {FACET_OF[c.word] for c in n_cues})
    weaker = min(p.assessment, -n.assessment)
    score = 1 + settings.more_cues_bonus * (weaker - 1) + alike \
        + (settings.same_quality_bonus if facets else 0.0) \
        + settings.verdict_bonus * (p.verdict + n.verdict)
    of = f" of {' and '.join(facets)}" if facets else ""
    return Candidate(score, p, n, f"opposite assessments{of}: {named(p_cues)} vs "
                                  f"{named(n_cues)} ({shown})", "assessment")


Placed = tuple[Statement, Clause]


def clause_pairs(statements: Sequence[Statement], side: Callable[[Clause], int],
                 rank: Callable[[Clause], float],
                 keys: Callable[[Clause], Iterable[str]] = lambda c: c.content,
                 settings: Settings = DEFAULTS) -> Iterator[tuple[Placed, Placed]]:
    """Clauses of ``settings.min_content`` words or more of different articles, one on each
    side (``side`` above and below 0), that share a key (by default a content word)."""
    clauses = [(s, c) for s in statements for c in s.clauses
               if len(c.content) >= settings.min_content]
    first = [(s, c) for s, c in clauses if side(c) > 0]
    second = [(s, c) for s, c in clauses if side(c) < 0]
    for (s1, c1), (s2, c2) in linked(first, second, lambda placed: keys(placed[1]),
                                     lambda placed: rank(placed[1]), settings.tension_per_key):
        if s1.article != s2.article:
            yield (s1, c1), (s2, c2)


def status_pairs(statements: Sequence[Statement], settings: Settings = DEFAULTS
                 ) -> Iterator[tuple[Placed, Placed]]:
    """Clauses saying a thing is over against clauses saying it goes on: sharing a content
    word, or, within one event, speaking of control of its ground (every word of
    :data:`ENDED` does; "still hold" does too)."""
    def keys(clause: Clause) -> Iterator[str]:
        yield from clause.content
        if clause.control or lean(clause.status) > 0:
            yield CONTROL_KEY

    return clause_pairs(statements, lambda c: lean(c.status), lambda c: abs(lean(c.status)),
                        keys, settings)


def negation_pairs(statements: Sequence[Statement], settings: Settings = DEFAULTS
                   ) -> Iterator[tuple[Placed, Placed]]:
    """Clauses sharing most of their content words (``settings.same_words``), one negated
    and the other not."""
    for (s1, c1), (s2, c2) in clause_pairs(statements, lambda c: 1 if c.negated else -1,
                                           lambda c: len(c.content), settings=settings):
        if overlap(c1, c2) >= settings.same_words:
            yield (s1, c1), (s2, c2)


def opposite_status(first: Placed, second: Placed, match: Matcher,
                    settings: Settings = DEFAULTS) -> Candidate | None:
    """Clauses about one thing, one saying it is over, one that it goes on: alike enough,
    or the one going on speaking of holding or fighting for ground (within one event, that
    is the ground the other says was retaken), which counts as ``settings.control_alike``."""
    (s1, c1), (s2, c2) = first, second  # over, going on
    alike, shown = match.alike(c1, c2)
    if alike < match.same and not c2.control:
        return None
    score = settings.outcome_score + settings.same_facet_bonus \
        + max(alike, settings.control_alike)
    return Candidate(score, s1, s2,
                     f"over vs still going: "
                     f"{named(c1.status)} vs {named(c2.status)} ({shown})", "outcome")


def negation_mismatch(first: Placed, second: Placed, match: Matcher,
                      settings: Settings = DEFAULTS) -> Candidate | None:
    """Clauses alike in meaning and in words, one of them negated (needs the embeddings).

    The model barely sees negation or who did what, so the clauses must also share most of
    their content words (as :func:`negation_pairs` ensures).
    """
    if match.embeddings is None:
        return None
    alike = match.similarity(first[1], second[1])
    if alike < match.same:
        return None
    return Candidate(settings.outcome_score + settings.same_facet_bonus + alike,
                     first[0], second[0],
                     f"the same statement, one side negated (similarity {alike:.2f})",
                     "negation")


def usable(statement: Statement, negating: bool, min_content: int = DEFAULTS.min_content
           ) -> bool:
    """Whether a statement can take part in any kind of pair (the others are not kept):
    it judges, or says a thing is over or goes on, or (where negations are compared) has a
    clause of enough content words."""
    return statement.assessment != 0 or any(
        len(c.content) >= min_content and (negating or lean(c.status) != 0)
        for c in statement.clauses)


def find_tensions(readings: Sequence[Reading], settings: Settings = DEFAULTS
                  ) -> list[Tension]:
    """The best ``settings.tensions`` tensions, each within one event; only the pairs found
    through shared keys are scored, and only their clauses embedded. A pair scored below
    ``settings.tension_min_score`` is dropped as it is found (:func:`select` would pass it
    over), so that only the pairs that can be chosen are held."""
    said = Attribution(readings, settings.event_gap_days)
    penalty = settings.headline_penalty
    candidates = [replace(c, event=name, score=score)
                  for name, members in event_pools(readings).items()
                  for c in pool_candidates(members, name, settings)
                  if (score := c.score - penalty * said.headlines(c))
                  >= settings.tension_min_score
                  and said.apart(c.first, c.second)]
    return [said.tension(c) for c in select(candidates, settings)]


def pool_candidates(readings: Sequence[Reading], event: str | None,
                    settings: Settings = DEFAULTS) -> Iterator[Candidate]:
    """Every scored pair of one event's statements and frames, as they are found; where the
    model is there, the pairs are listed first, so that the clauses they compare are
    embedded at once."""
    negating = semantic.available(settings.semantic)
    statements = [statement for r in readings for sentence in r.statements
                  if usable(statement := read_statement(r.article.id, sentence), negating,
                            settings.min_content)]
    assessed: Iterable[tuple[Statement, Statement]] = assessment_pairs(
        statements, settings.tension_per_key)
    statuses: Iterable[tuple[Placed, Placed]] = status_pairs(statements, settings)
    negations: Iterable[tuple[Placed, Placed]] = []
    clauses: list[Clause] = []
    if negating:
        assessed, statuses = list(assessed), list(statuses)
        negations = list(negation_pairs(statements, settings))
        clauses = [c for p, n in assessed for c in (*p.judging(1)[0], *n.judging(-1)[0])] \
            + [placed[1] for pair in (*statuses, *negations) for placed in pair]
    match = matcher(dict.fromkeys(clauses), settings)
    yield from (assessment_pair(p, n, match, settings) for p, n in assessed)
    yield from (found for pair in statuses
                if (found := opposite_status(*pair, match, settings)))
    yield from (found for pair in negations
                if (found := negation_mismatch(*pair, match, settings)))
    yield from frame_candidates(readings, event.split()[-1] if event else None, settings)


def event_pools(readings: Sequence[Reading]) -> dict[str | None, list[Reading]]:
    """The readings by their event's place, each pool named by its most used event name;
    readings without an event make one pool of their own."""
    by_place: dict[str | None, list[Reading]] = defaultdict(list)
    for r in readings:
        by_place[event_place(r.event) if r.event else None].append(r)
    return {(Counter(r.event for r in members).most_common(1)[0][0] if place else None): members
            for place, members in by_place.items()}


PlacedFrame = tuple[str, Frame]  # the article a frame is in, and the frame


def frame_candidates(readings: Sequence[Reading], kind: str | None,
                     settings: Settings = DEFAULTS) -> Iterator[Candidate]:
    """Frames of different articles that share a party or a means, compared; ``kind`` is
    the word the event is named by ("strike")."""
    frames = [(r.article.id, f) for r in readings for f in one_sided(r.frames)]

    def keys(placed: PlacedFrame) -> Iterator[str]:
        frame = placed[1]
        if frame.agent:
            yield "party:" + frame.agent
        yield from ("means:" + means for means in frame.means)

    def rank(placed: PlacedFrame) -> float:
        return placed[1].negated + placed[1].exclusive + bool(placed[1].agent)

    seen: set[tuple[str, str]] = set()
    for first, second in linked(frames, frames, keys, rank, settings.tension_per_key):
        pair = (first[1].sentence, second[1].sentence)
        if first[0] < second[0] and pair not in seen:  # each pair of articles one way round
            found = frame_pair(first, second, kind, settings)
            if found is not None:
                seen.add(pair)
                yield found


def one_sided(frames: Sequence[Frame]) -> list[Frame]:
    """The frames of sentences that take one side: a sentence that both affirms and denies
    one party's act or one means ("X blamed Ukraine for the HIMARS strike; experts say it
    was not rockets") reports the dispute, and is no side of it."""
    sides: dict[tuple[str, str], set[bool]] = defaultdict(set)
    for frame in frames:
        for key in ("party:" + (frame.agent or ""), *("means:" + m for m in frame.means)):
            sides[(frame.sentence, key)].add(frame.negated)
    return [f for f in frames
            if all(len(sides[(f.sentence, key)]) == 1 for key in
                   ("party:" + f.agent if f.agent else "", *("means:" + m for m in f.means))
                   if key)]


def weight(frame: Frame, kind: str | None, settings: Settings = DEFAULTS) -> float:
    """What makes one side count more or less: a source who says it, a party named as the
    doer, an act named as the event is named ("strike" in "Gaza strike"); a hedged
    affirmation counts less (a hedged denial is still a denial)."""
    return (settings.attributed_bonus * (bool(frame.source) + bool(frame.agent)
                                         + (frame.act == kind))
            - settings.hedged_penalty * (frame.hedged and not frame.negated))


def frame_pair(first: PlacedFrame, second: PlacedFrame, kind: str | None,
               settings: Settings = DEFAULTS) -> Candidate | None:
    """Blame against denial of one party's act; a means against its denial; one act laid on
    two parties where one is said to be the only one (in a battle both sides fire: two
    doers alone are no contradiction)."""
    (a_article, a), (b_article, b) = first, second
    means = sorted(set(a.means) & set(b.means))
    shared = settings.same_facet_bonus if kin(a) & kin(b) or a.act == b.act else 0.0
    shared += weight(a, kind, settings) + weight(b, kind, settings)
    said_a, said_b = Statement(a_article, a.sentence, ()), Statement(b_article, b.sentence, ())
    if a.negated != b.negated and a.agent and a.agent == b.agent:
        return Candidate(settings.blame_score + shared, said_a, said_b,
                         f"{a.agent} did it vs denied: {act(a)} vs {act(b)}", "blame",
                         topic=frozenset({a.agent}))
    if a.negated != b.negated and means and (not a.agent or not b.agent or a.agent == b.agent):
        return Candidate(settings.cause_score + shared, said_a, said_b,
                         f"{' and '.join(means)} affirmed vs denied: {act(a)} vs {act(b)}",
                         "cause", topic=frozenset(means))
    if not a.negated and not b.negated and a.agent and b.agent and a.agent != b.agent \
            and shared and (a.exclusive or b.exclusive):  # "only X" denies the others
        return Candidate(settings.blame_score + shared, said_a, said_b,
                         f"laid on {a.agent} vs {b.agent}: {act(a)} vs {act(b)}", "blame",
                         topic=frozenset({a.agent, b.agent}))
    return None


def kin(frame: Frame) -> frozenset[str]:
    """The classes of means a frame speaks of: its weapons', or any that fire for a word of
    firing."""
    return frozenset(frame.means) | (FIRED if frame.act in FIRING else frozenset())


def act(frame: Frame) -> str:
    """A frame in a few words: "not Israel bomb (air)", "Ukraine only tochka (missile)"."""
    words = ["not" if frame.negated else "", frame.agent or "", "only" if frame.exclusive else "",
             "probably" if frame.hedged else "", frame.act,
             f"({', '.join(frame.means)})" if frame.means else ""]
    return " ".join(word for word in words if word)


class Attribution:
    """Who says each sentence, and where and when it was published, for the tensions."""

    def __init__(self, readings: Sequence[Reading],
                 gap_days: int = DEFAULTS.event_gap_days) -> None:
        self.gap_days = gap_days  # the most days apart two reports of one incident are
        self.articles = {r.article.id: r.article for r in readings}
        self.incidents = {r.article.id for r in readings if r.event and is_incident(r.event)}
        self.sources: dict[tuple[str, str], str] = {}
        for r in readings:
            for quote in r.quotes:
                if quote.speaker and quote.sentence:
                    self.sources.setdefault((r.article.id, quote.sentence.strip()), quote.speaker)
            for frame in r.frames:
                if frame.source:
                    self.sources.setdefault((r.article.id, frame.sentence), frame.source)

    def source(self, said: Statement) -> str | None:
        return self.sources.get((said.article, said.sentence.strip()))

    def headlines(self, c: Candidate) -> int:
        """How many of the pair's sentences are their article's headline."""
        return sum(bool(title) and said.sentence.strip() in title
                   for said in (c.first, c.second)
                   if (title := self.articles[said.article].title.strip()))

    def apart(self, a: Statement, b: Statement) -> bool:
        """Different sources (where both are known) reporting within one event's time: an
        incident's days, where either article reports one; a campaign's whole course."""
        source_a, source_b = self.source(a), self.source(b)
        if source_a and source_b and source_a.lower() == source_b.lower():
            return False
        dates = [self.articles[s.article].published for s in (a, b)]
        if dates[0] is None or dates[1] is None \
                or not {a.article, b.article} & self.incidents:
            return True
        gap = date.fromisoformat(dates[0]) - date.fromisoformat(dates[1])
        return abs(gap.days) <= self.gap_days

    def side(self, said: Statement) -> TensionSide:
        article = self.articles[said.article]
        return TensionSide(said.article, said.sentence, self.source(said), article.outlet,
                           article.published)

    def tension(self, c: Candidate) -> Tension:
        return Tension(a=self.side(c.first), b=self.side(c.second), score=round(c.score, 3),
                       why=c.why, kind=c.kind, event=c.event)


def select(candidates: Iterable[Candidate], settings: Settings = DEFAULTS) -> list[Candidate]:
    """The best ``settings.tensions`` pairs scored at least ``settings.tension_min_score``
    (opposite words alone, about 1, are not enough: a pair needs as well a shared quality,
    a verdict, likeness, a shared party or means), one per pair of sentences and one per
    dispute (a kind and a topic between two articles), each sentence in at most
    ``settings.tension_uses``; the events take turns, the best of each before the second
    best of any."""
    uses = settings.tension_uses
    used: Counter[str] = Counter()
    seen: set[frozenset[str]] = set()
    disputes: set[tuple[str, frozenset[str], frozenset[str]]] = set()
    turns: dict[str | None, int] = defaultdict(int)  # pairs each event has had
    ranked: list[tuple[int, float, Candidate]] = []
    for c in sorted(candidates, key=lambda c: (-c.score, c.first.sentence, c.second.sentence)):
        pair = frozenset((c.first.sentence, c.second.sentence))
        dispute = (c.kind, frozenset((c.first.article, c.second.article)), c.topic)
        if c.score < settings.tension_min_score or pair in seen \
                or used[c.first.sentence] >= uses or used[c.second.sentence] >= uses \
                or (c.topic and dispute in disputes):
            continue
        seen.add(pair)
        used.update(pair)
        disputes.add(dispute)
        ranked.append((turns[c.event], -c.score, c))
        turns[c.event] += 1
    ranked.sort(key=lambda item: item[:2])
    return [c for *_, c in ranked[:settings.tensions]]
