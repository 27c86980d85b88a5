"""The ``triangulate_claims`` component: every figure about the conflict, with its source.

Numbers come from :mod:`triangulate.nlp.numbers` (a scanner of our own, run once over the
text); everything else comes from spaCy's parse, which is already made:

* **measure** from the words that govern the number: the counted word itself ("300 dead",
  "3,800 casualties"), else the verb that governs the counted noun ("wiped out 40 soldiers",
  "captured two soldiers"), else a modifier ("wounded soldiers"), else a force noun ("troops"
  -> deployed); area units and fractions have their own measures;
* **subject** from the counted noun phrase, or when that names no actor ("300 dead"), from the
  clause's subject, its "of"/"among" phrase, or the actor of the previous sentences;
* **source** from the enclosing quote's speaker, "according to X", "citing X", or the subject of
  a speech verb that governs the number's clause; "reports" and "officials" are vague sources.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from triangulate.nlp.gazetteer import DEMONYM, actor_of
from triangulate.nlp.lexicon import (
    AREA_UNITS,
    CAPTURED,
    CASUALTIES,
    FORCE_NOUNS,
    KILLED,
    LEVEL_VERBS,
    MISSING,
    SENDING,
    SPEECH_VERBS,
    VAGUE_SOURCES,
    WOUNDED,
)
from triangulate.nlp.numbers import NumberMention, find_numbers
from triangulate.types import Claim, Quote

Doc.set_extension("claims", default=None, force=True)

PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}


@Language.factory("triangulate_claims")
def make_claim_finder(nlp: Language, name: str) -> ClaimFinder:
    return ClaimFinder()


class ClaimFinder:
    """Sets ``doc._.claims``: one :class:`Claim` per figure (article id left empty)."""

    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Quote] = doc._.quotes if Doc.has_extension("quotes") and doc._.quotes else []
        doc._.claims = [
            claim for mention in find_numbers(doc.text)
            if (claim := read_claim(doc, mention, quotes)) is not None
        ]
        return doc


def read_claim(doc: Doc, mention: NumberMention, quotes: list[Quote]) -> Claim | None:
    number = doc.char_span(mention.number_start, mention.number_end, alignment_mode="expand")
    if number is None or len(number) == 0:
        return None
    root = number.root
    counted = counted_word(root)
    measure, value, low, high = measure_of(mention, number, counted)
    if measure is None:
        return None
    sentence = root.sent
    phrase = noun_phrase(counted) if counted is not None else None
    subject_text, actor = subject_of(measure, counted, phrase, root, mention)
    source, vague = source_of(root, mention, quotes)
    return Claim(
        article="",
        measure=measure,
        value=value,
        low=low,
        high=high,
        qualifier=mention.qualifier,
        subject=subject_text,
        actor=actor,
        source=source,
        source_vague=vague,
        text=claim_text(doc, mention, counted),
        sentence=sentence.text.strip(),
        scope=scope_of(sentence, number),
        start=mention.start,
        end=mention.end,
    )


# --- measure ---------------------------------------------------------------------------------


def counted_word(root: Token) -> Token | None:
    """The word the number counts: its head noun for "300 dead", itself for "thousands of"."""
    if root.dep_ in {"nummod", "quantmod", "amod", "compound", "advmod"} and root.head != root:
        head = root.head
        while head.dep_ in {"nummod", "quantmod"} and head.head != head:
            head = head.head
        return head
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    if of:
        objects = [c for c in of[0].children if c.dep_ == "pobj"]
        if objects:
            return objects[0]
    return root if root.pos_ in {"NOUN", "PROPN", "NUM"} else None


PHRASAL = {"out", "off", "down", "up", "alive", "prisoner", "captive"}
QUALIFIER_WORDS = {"at", "least", "more", "than", "about", "some", "nearly", "almost", "over",
                   "up", "to", "around", "roughly", "approximately", "estimated", "an"}


def governing_verb(word: Token) -> tuple[Token, str] | None:
    """The verb whose argument the counted noun is, through at most two prepositions,
    with the particle that completes it ("wiped out", "taken prisoner")."""
    token, passed = word, ""
    for _ in range(4):
        if token.head == token:
            return None
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return token, passed or particle(token)
        if token.pos_ == "ADP" and token.lower_ in PHRASAL:
            passed = token.lower_
        elif token.pos_ not in {"ADP", "NOUN", "PROPN", "NUM"}:
            return None
    return None


def particle(verb: Token) -> str:
    parts = [c.lower_ for c in verb.children
             if c.dep_ in {"prt", "oprd", "dobj", "advmod", "acomp"} and c.lower_ in PHRASAL]
    return parts[0] if parts else ""


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def verb_before(number: Span) -> tuple[Token, str] | None:
    """The verb standing just before the figure ("wiped out at least 40 soldiers"): a check
    on the parse, which the small model sometimes hangs elsewhere."""
    extra = ""
    for token in reversed(number.doc[max(0, number.start - 4) : number.start]):
        if token.pos_ == "VERB":
            return token, extra
        if token.lower_ in PHRASAL:
            extra = extra or token.lower_
        elif token.pos_ not in {"ADV", "ADP", "PART"} and token.lower_ not in QUALIFIER_WORDS:
            return None
    return None


def measure_tiers(number: Span, counted: Token | None) -> list[list[str]]:
    """Words that decide the measure, in tiers from the most telling: the counted word and
    its coordinated words ("killed or wounded"), the governing verb, the counted noun's
    modifiers ("wounded soldiers")."""
    root = number.root
    tiers: list[list[str]] = []
    if counted is not None and counted != root:
        tiers.append([lemma(counted)] + [lemma(c) for c in counted.children
                                         if c.dep_ == "conj" and not has_number(c)])
    governed = governing_verb(counted if counted is not None else root)
    before = verb_before(number)
    if before is not None:
        tiers.append([f"{lemma(before[0])} {before[1]}".strip(), lemma(before[0])])
    if governed is not None:
        verb, extra = governed
        words = [f"{lemma(verb)} {extra}".strip(), lemma(verb)]
        words += [lemma(c) for c in verb.children if c.dep_ == "conj" and not has_number(c)]
        if lemma(verb) in LEVEL_VERBS:
            words += [lemma(t) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                      for t in c.subtree]
        tiers.append(words)
    if counted is not None:
        tiers.append([lemma(c) for c in counted.children
                      if c.dep_ in {"amod", "acl", "relcl", "compound"}])
    return tiers


def has_number(token: Token) -> bool:
    return any(c.like_num or c.dep_ == "nummod" for c in token.children)


def measure_of(mention: NumberMention, number: Span, counted: Token | None
               ) -> tuple[str | None, float | None, float | None, float | None]:
    """(measure, value, low, high); measure None where the number is no figure of the war."""
    value, low, high = mention.value, mention.low, mention.high
    unit = unit_after(number)
    if unit is not None:
        factor = AREA_UNITS[unit]
        return "area", scale(value, factor), scale(low, factor), scale(high, factor)
    if mention.is_fraction or mention.is_percent:
        if mention.is_percent:
            value, low, high = scale(value, 0.01), scale(low, 0.01), scale(high, 0.01)
        return "share", value, low, high
    measure = classify(measure_tiers(number, counted), counted)
    return measure, value, low, high


MEASURE_WORDS = (("killed", KILLED), ("wounded", WOUNDED), ("captured", CAPTURED),
                 ("missing", MISSING), ("deployed", SENDING))


def classify(tiers: list[list[str]], counted: Token | None) -> str | None:
    """The measure of the first tier that names one; "killed or wounded" is casualties."""
    for words in tiers:
        if any(w in CASUALTIES for w in words) or (
                any(w in KILLED for w in words) and any(w in WOUNDED for w in words)):
            return "casualties"
        for word in words:
            for measure, lexicon in MEASURE_WORDS:
                if word in lexicon:
                    return measure
    if counted is not None and lemma(counted) in FORCE_NOUNS:
        return "deployed"
    if counted is not None and counted.pos_ in {"NOUN", "PROPN"}:
        return "other"
    return None


def unit_after(number: Span) -> str | None:
    doc = number.doc
    following = doc[number.end : min(number.end + 3, len(doc))]
    for size in (3, 2, 1):
        key = " ".join(t.lower_ for t in following[:size])
        if key in AREA_UNITS:
            return key
    return None


def scale(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 6)


# --- subject ---------------------------------------------------------------------------------


def noun_phrase(word: Token) -> Span:
    """The counted noun with its modifiers and a following "from"/"of" phrase."""
    doc = word.doc
    left = min((t.i for t in word.lefts for t in t.subtree), default=word.i)
    right = word.i
    for child in word.rights:
        if child.dep_ == "prep" and child.lower_ in {"from", "of", "in", "among"}:
            right = max(t.i for t in child.subtree)
            break
    return doc[left : right + 1]


def subject_of(measure: str, counted: Token | None, phrase: Span | None, root: Token,
               mention: NumberMention) -> tuple[str | None, str | None]:
    """(subject as written, canonical actor)."""
    if measure == "area":
        holder = clause_subject(root)
        return (holder.text, actor_of(holder.text)) if holder is not None else (None, None)
    text = without_number(phrase, mention) if phrase is not None else None
    if phrase is not None and (measure == "share" or actor_of(phrase.text) is not None):
        return text, actor_of(phrase.text)
    actor = actor_in_context(root)
    if actor is None:
        return text, None
    noun = counted.text if counted is not None and counted.pos_ == "NOUN" else "forces"
    return f"{DEMONYM.get(actor, actor)} {noun}", actor


def without_number(phrase: Span, mention: NumberMention) -> str:
    """The phrase without the figure and its qualifier, or a leading determiner."""
    words = [t.text_with_ws for t in phrase
             if not (mention.start <= t.idx < mention.end or t.like_num
                     or (t.dep_ == "det" and t.i == phrase.start))]
    return "".join(words).strip(" ,.“”\"'") or phrase.text


def clause_subject(token: Token) -> Span | None:
    """The subject of the nearest clause above ``token``, as a span."""
    for ancestor in token.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            sub = subjects[0]
            return token.doc[sub.left_edge.i : sub.right_edge.i + 1]
    return None


def actor_in_context(root: Token) -> str | None:
    """The actor the clause is about: its subject, resolved back through "they"."""
    holder = clause_subject(root)
    if holder is not None:
        if holder.root.lower_ in PLURAL_PRONOUNS:
            return actor_before(holder.sent)
        actor = actor_of(holder.text)
        if actor is not None:
            return actor
    return actor_before(root.sent)


def actor_before(sentence: Span) -> str | None:
    """The actor of the most recent earlier sentence that names a group of people."""
    doc = sentence.doc
    for previous in reversed(list(doc[: sentence.start].sents)[-3:]):  # type: ignore[attr-defined]
        for chunk in previous.noun_chunks:
            actor = actor_of(chunk.text)
            if actor is not None and chunk.root.tag_ in {"NNS", "NNPS"}:
                return actor
    return None


# --- source ----------------------------------------------------------------------------------


def source_of(root: Token, mention: NumberMention, quotes: list[Quote]
              ) -> tuple[str | None, bool]:
    """(source, vague) for the figure at ``root``."""
    for quote in quotes:
        if quote.kind == "direct" and quote.start <= mention.start < quote.end:
            return quote.speaker, False
    found = according_to(root) or speech_subject(root)
    if found is None:
        for quote in quotes:
            if quote.start <= mention.start < quote.end and quote.speaker:
                return quote.speaker, False
        if any(t.lower_ in {"reportedly", "allegedly"} for t in root.sent):
            return "reports", True
        return None, False
    return found, found.split()[-1].lower() in VAGUE_SOURCES


def according_to(root: Token) -> str | None:
    sentence = root.sent
    candidates = [t for t in sentence if t.lower_ == "according" and t.i + 1 < len(root.doc)
                  and root.doc[t.i + 1].lower_ == "to"]
    if not candidates:
        candidates = [t for t in sentence if t.lower_ == "citing"]
    if not candidates:
        return None
    nearest = min(candidates, key=lambda t: abs(t.i - root.i))
    objects = [t for c in nearest.subtree for t in [c] if c.dep_ == "pobj" or c.dep_ == "dobj"]
    if not objects:
        return None
    obj = objects[0]
    span = root.doc[obj.left_edge.i : obj.right_edge.i + 1]
    return span.text.strip(" ,.")


def speech_subject(root: Token) -> str | None:
    """The subject of a speech verb whose reported clause holds the number."""
    for ancestor in root.ancestors:
        if ancestor.lemma_.lower() in SPEECH_VERBS and ancestor.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].lower_ not in {"it", "this", "that"}:
                sub = subjects[0]
                return root.doc[sub.left_edge.i : sub.right_edge.i + 1].text
    return None


# --- text and scope --------------------------------------------------------------------------


def claim_text(doc: Doc, mention: NumberMention, counted: Token | None) -> str:
    end = mention.end
    if counted is not None and counted.idx + len(counted) > end:
        end = counted.idx + len(counted)
    return doc.text[mention.start : end]


def scope_of(sentence: Span, number: Span) -> str | None:
    """Dates and times in the figure's own clause ("since October", "last week")."""
    clause = clause_verb(number.root)
    parts = [e.text for e in sentence.ents
             if e.label_ in {"DATE", "TIME"} and not overlaps(e, number)
             and clause_verb(e.root) == clause]
    return "; ".join(parts) if parts else None


def clause_verb(token: Token) -> Token | None:
    return next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end

