"""Statement frames: who did harm, by what means, affirmed or denied, as the parse says it.

A frame is built on each word of harm ("struck", "strike", "shelling") or weapon
("rockets", "HIMARS") in a sentence. Its agent is the party the syntax makes the doer: the
subject or by-agent of a verb of harm, the party a noun of harm is modified by ("an Israeli
strike", "Russian rockets", "a rocket from Hamas"), or the subject of the verb of cause that
governs it ("the rebels set off the fire with a mortar"). It is negated by each
negator on its verb or on the nouns between the word and its verb ("no fire tasks"), and by
each verb of denial above it ("denies the strike"). Hedges and "only" on its verb are kept,
and the source is the speaker of the quote the sentence holds. ``reconcile`` compares the
frames of different articles about one event.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from triangulate.lang.en.harm import (
    ACCUSING_VERBS,
    BLAME_VERBS,
    CAUSE_VERBS,
    DENIAL_PHRASES,
    DENIAL_VERBS,
    DOING_VERBS,
    EXCLUSIVE,
    HARM_NOUNS,
    HARM_VERBS,
    HEDGES,
    NEGATORS,
    WEAPONS,
)
from triangulate.lang.lookup import actor_of
from triangulate.nlp.extensions import span_text
from triangulate.nlp.people import person_states
from triangulate.nlp.words import words_of
from triangulate.types import Frame, Quote

SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
NOUN_MODIFIERS = {"amod", "compound", "poss", "nmod", "npadvmod"}
AGENT_PREPOSITIONS = {"by", "from", "of"}
CLAUSE_LINKS = {"advcl", "xcomp", "ccomp", "conj", "acl", "pcomp", "prep", "pobj"}  # up to the doer
NOT_AGENTS = {"Civilians"}
VERBAL = {"VERB", "AUX"}
QUESTIONS = {"whether", "if"}
ANCHOR_WORDS = frozenset({*HARM_VERBS, *HARM_NOUNS, *WEAPONS})  # what an anchor's lemma may be


def frames_of(sentences: Iterable[Span], quotes: Iterable[Quote]) -> list[Frame]:
    """The frames of each sentence, one per distinct (agent, polarity) in it, their means
    merged."""
    said = [(q.start, q.end, q.speaker) for q in quotes if q.speaker]
    out: list[Frame] = []
    for sentence in sentences:
        source = next((speaker for start, end, speaker in said
                       if start < sentence.end_char and end > sentence.start_char), None)
        merged: dict[tuple[str | None, bool], Frame] = {}
        for frame in sentence_frames(sentence, source):
            key = (frame.agent, frame.negated)
            merged[key] = merge(merged[key], frame) if key in merged else frame
        out += merged.values()
    return out


def merge(first: Frame, second: Frame) -> Frame:
    """Two frames of one party's act in one sentence as one: the first word, all the means
    ("the blast was caused by an RSF drone": blast and drone)."""
    return replace(first, means=tuple(sorted({*first.means, *second.means})),
                   hedged=first.hedged or second.hedged,
                   exclusive=first.exclusive or second.exclusive)


def sentence_frames(sentence: Span, source: str | None) -> Iterator[Frame]:
    text = span_text(sentence).strip()
    for i in anchors_in(sentence):
        token = sentence.doc[i]
        verb = clause_verb(token)
        if token.pos_ != "VERB" and not tells_harm(verb):
            continue
        agent = agent_of(token, verb)
        means = means_of(token)
        if (agent is None and not means) or not asserted(verb):
            continue
        yield Frame(sentence=text, act=token.lemma_.lower(), agent=agent, means=means,
                    negated=negations(token, verb) % 2 == 1, hedged=hedged(token, verb),
                    exclusive=exclusive(verb), source=source)


def tells_harm(verb: Token) -> bool:
    """Whether a clause's verb makes a noun of harm or weapon in it a statement of what was
    done: a verb of harm, cause or doing, of denial, or "be" ("it was not rocket fire");
    not one of seeing, fearing or needing ("many had never seen a drone")."""
    lemma = verb.lemma_.lower()
    return lemma in HARM_VERBS | DOING_VERBS or lemma in BLAME_VERBS \
        or lemma in ACCUSING_VERBS or lemma == "be" or denies(verb)


def weapon_class(token: Token) -> str | None:
    return weapon_of(token.lower_, token.lemma_.lower())


def weapon_of(lower: str, lemma: str) -> str | None:
    """The class of the weapon a word (its lower-case form, its lemma) names."""
    return WEAPONS.get(lower) or WEAPONS.get(lemma)


def anchors_in(sentence: Span) -> list[int]:
    """The index of each word of the sentence a frame is built on, each word's part of
    speech asked only where its lemma or form is a word of harm or a weapon."""
    words = words_of(sentence.doc)
    lemmas, lowers = words.lemma_lower, words.lower
    return [i for i in range(sentence.start, sentence.end)
            if (lemmas[i] in ANCHOR_WORDS or lowers[i] in WEAPONS)
            and is_anchor_word(words.pos[i], lemmas[i], lowers[i])]


def is_anchor_word(pos: str, lemma: str, lower: str) -> bool:
    """A word a frame is built on: a verb of harm, a noun of harm or of a weapon (by its
    part of speech, lower-case lemma and lower-case form)."""
    if pos == "VERB":
        return lemma in HARM_VERBS
    if pos in {"NOUN", "PROPN"}:
        return lemma in HARM_NOUNS or weapon_of(lower, lemma) is not None
    return False


def clause_verb(token: Token) -> Token:
    """The verb of the clause a word stands in (itself for a verb)."""
    current = token
    while current.pos_ not in VERBAL and current.head != current:
        current = current.head
    return current


def party(tokens: Iterable[Token]) -> str | None:
    words = list(tokens)
    people = person_states(words[0].doc) if words else {}
    actor = actor_of(" ".join(t.text for t in words), people=people)
    return None if actor in NOT_AGENTS else actor


def noun_phrase(token: Token) -> list[Token]:
    """The words of a noun's phrase, without the clauses hung on it."""
    hung = {t.i for c in token.subtree if c.dep_ in {"relcl", "acl"} and c != token
            for t in c.subtree}
    return [t for t in token.subtree if t.i not in hung]


def agent_of(token: Token, verb: Token) -> str | None:
    """The party that did it: the word's own doer, else the doer of the verbs of cause that
    govern its clause."""
    own = own_agent(token) if token.pos_ != "VERB" else verb_agent(token)
    if own is not None:
        return own
    blamed = accused(token)
    if blamed is not None:
        return blamed
    current = verb
    while current.dep_ in CLAUSE_LINKS and current.head != current:
        current = clause_verb(current.head)
        if current.lemma_.lower() in CAUSE_VERBS | HARM_VERBS:
            return verb_agent(current)
    found = verb_agent(verb) if verb.lemma_.lower() in CAUSE_VERBS and verb != token else None
    return found or denier(verb)


def denier(verb: Token) -> str | None:
    """The subject of the verb of denial above a clause: who denies an act denies their own
    ("Moscow denied that its forces struck the hospital")."""
    for above in (verb, *governing(verb)):
        if denies(above):
            return verb_agent(above)
    return None


def own_agent(noun: Token) -> str | None:
    """The party a noun of harm or weapon is modified by: "Russian rockets", "a strike by
    Israel", "a rocket from Hamas"."""
    modifiers = [t for t in noun.children if t.dep_ in NOUN_MODIFIERS]
    found = party(t for m in modifiers for t in m.subtree)
    if found is not None:
        return found
    for preposition in noun.children:
        if preposition.dep_ == "prep" and preposition.lower_ in AGENT_PREPOSITIONS:
            found = party(t for o in preposition.children if o.dep_ == "pobj"
                          for t in noun_phrase(o))
            if found is not None:
                return found
    return doer_of_object(noun)


def doer_of_object(noun: Token) -> str | None:
    """The party a verb lays the act in its object on: the subject of a verb of doing
    ("the militia carried out no raids"), the subject of a verb of denial ("the army denies
    involvement"), the party after a verb of blame ("blamed the strike on Russia")."""
    top = noun
    while top.dep_ in {"compound", "amod", "nmod"}:
        top = top.head
    verb = top.head
    if top.dep_ not in {"dobj", "nsubjpass", "attr"} or verb.pos_ != "VERB":
        return None
    lemma = verb.lemma_.lower()
    if lemma in BLAME_VERBS:
        return party(t for p in (*verb.children, *top.children) if p.dep_ == "prep"
                     and p.lower_ == BLAME_VERBS[lemma]
                     for o in p.children if o.dep_ == "pobj" for t in noun_phrase(o))
    if lemma in DOING_VERBS or denies(verb):
        return verb_agent(verb, skip=top)
    return None


def accused(token: Token) -> str | None:
    """The party a verb of accusing names, where the act is what it is accused of: "blamed
    the rebels for burning the depot", "accused the army of the raid"."""
    for above in (token, *token.ancestors):
        if above.dep_ == "pobj" or above.dep_ == "pcomp":
            preposition = above.head
            verb = preposition.head
            if preposition.dep_ == "prep" and verb.pos_ == "VERB" \
                    and ACCUSING_VERBS.get(verb.lemma_.lower()) == preposition.lower_:
                return party(t for o in verb.children if o.dep_ == "dobj"
                             for t in noun_phrase(o))
    return None


def verb_agent(verb: Token, skip: Token | None = None) -> str | None:
    """The subject of an active verb or the by-agent of a passive one, as a party."""
    for child in verb.children:
        if child == skip:
            continue
        if child.dep_ == "nsubj":
            return party(noun_phrase(child))
        if child.dep_ == "agent":
            return party(t for o in child.children for t in noun_phrase(o))
    return None


def means_of(token: Token) -> tuple[str, ...]:
    """The classes of the weapons the word is or is modified by, and of those its verb's
    subject and objects name."""
    words: list[Token] = [token, *(t for c in token.children if c.dep_ in NOUN_MODIFIERS
                                   for t in c.subtree)]
    if token.pos_ == "VERB":
        words += [t for c in token.children if c.dep_ in {"nsubj", "dobj", "agent", "prep"}
                  for t in c.subtree]
    return tuple(sorted({found for t in words if (found := weapon_class(t))}))


def negations(token: Token, verb: Token) -> int:
    """Negators on the clause's verb and on the words between the word and it, plus each
    verb of denial above them."""
    count = 0
    current = token
    path = [token]
    while current != verb and current.head != current:
        current = current.head
        path.append(current)
    for word in path:
        count += sum(child.lower_ in NEGATORS and child.dep_ in {"neg", "det", "advmod",
                                                                 "dobj", "preconj"}
                     for child in word.children)
        count += denies(word) and word != token
    return count + sum(denies(above) for above in governing(verb))


def denies(verb: Token) -> bool:
    """A verb of denial, or a phrasal one ("ruled out")."""
    lemma = verb.lemma_.lower()
    return lemma in DENIAL_VERBS or any(
        (lemma, child.lower_) in DENIAL_PHRASES for child in verb.children if child.dep_ == "prt")


def governing(verb: Token) -> Iterator[Token]:
    """The verbs whose complement a clause is ("denied that ... struck"), up to the first
    coordination: "denied X and claimed Y" does not deny Y."""
    current = verb
    while current.dep_ != "conj" and current.head != current:
        current = current.head
        if current.pos_ == "VERB":
            yield current


def asserted(verb: Token) -> bool:
    """False for a clause that asks rather than states ("whether the blast resulted from a
    strike", "if a rocket hit it")."""
    return not any(child.dep_ == "mark" and child.lower_ in QUESTIONS
                   for above in (verb, *verb.ancestors) for child in above.children)


def hedged(token: Token, verb: Token) -> bool:
    """A hedge on the word ("an alleged strike"), on its verb or above it."""
    words = [*token.children, verb, *verb.children, *verb.ancestors]
    return any(w.lemma_.lower() in HEDGES or w.lower_ in HEDGES for w in words)


def exclusive(verb: Token) -> bool:
    near = [*verb.children, *(t for c in verb.children if c.dep_ == "agent" for t in c.children)]
    return any(t.lower_ in EXCLUSIVE for t in near)
