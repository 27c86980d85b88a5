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

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from triangulate.lang import DEFAULT as DEFAULT_LANGUAGE
from triangulate.lang import Language as Resources
from triangulate.lang import resources
from triangulate.lang.en.events import EVENT_NOUNS
from triangulate.lang.en.forces import (
    ANYONE,
    COMBATANT_NOUNS,
    COUNT_NOUNS,
    COUNT_VERBS,
    DESTROYING,
    FORCE_NOUNS,
    LEVEL_VERBS,
    PEOPLE_NOUNS,
)
from triangulate.lang.en.gazetteer import DEMONYM
from triangulate.lang.en.harm import STRIKING_WEAPONS
from triangulate.lang.en.measures import AREA_UNITS, LOSS_NOUNS, MEASURE_WORDS, STATUS_NOUNS
from triangulate.lang.en.numbers import PERCENT_WORDS, QUALIFIER_WORDS
from triangulate.lang.en.sources import REPORTER_NOUNS, SECTION_WORDS, VAGUE_SOURCES
from triangulate.lang.en.speech import FIGURE_VERBS, RECORDING_VERBS
from triangulate.lang.lookup import actor_of, is_outlet
from triangulate.measures import HARMS, SIDED, VICTIMS, WITH_UNIT, Measure
from triangulate.nlp.events import headline_span
from triangulate.nlp.extensions import declare, span_text, text_of
from triangulate.nlp.numbers import NumberMention, find_numbers
from triangulate.nlp.people import person_states
from triangulate.nlp.speakers import denied
from triangulate.nlp.words import ents_in, words_of
from triangulate.settings import DEFAULTS
from triangulate.types import Claim, Quote

declare("claims")

PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
# verbs whose subject did the harm the figure counts: "the blast killed 40"
AGENT_LEMMAS = MEASURE_WORDS["killed"] | MEASURE_WORDS["wounded"] | MEASURE_WORDS["captured"] \
    | DESTROYING | {"kill", "wound", "injure", "capture"}
ATTACK_WORDS = EVENT_NOUNS | STRIKING_WEAPONS


@Language.factory("triangulate_claims",
                  requires=["doc._.quotes", "token.dep", "token.lemma", "token.tag", "doc.ents"],
                  assigns=["doc._.claims"],
                  default_config={"lang": DEFAULT_LANGUAGE, "scope_reach": DEFAULTS.scope_reach,
                                  "title_reach": DEFAULTS.title_reach})
def make_claim_finder(nlp: Language, name: str, lang: str, scope_reach: int,
                      title_reach: int) -> ClaimFinder:
    return ClaimFinder(resources(lang), scope_reach, title_reach)


class ClaimFinder:
    """Sets ``doc._.claims``: one :class:`Claim` per figure (article id left empty), each
    scoped by a date phrase at most ``scope_reach`` tokens from it (or on its verb), reading
    the persons' states by the titles of ``language`` (at most ``title_reach`` tokens from
    the name) and the quotes of ``doc._.quotes``, where the quotes component ran before it."""

    def __init__(self, language: Resources, scope_reach: int = DEFAULTS.scope_reach,
                 title_reach: int = DEFAULTS.title_reach) -> None:
        self.language = language
        self.scope_reach = scope_reach
        self.title_reach = title_reach

    def __call__(self, doc: Doc) -> Doc:
        person_states(doc, self.language, self.title_reach)  # read once, by its titles
        quotes: list[Quote] = doc._.quotes if Doc.has_extension("quotes") and doc._.quotes else []
        claims: list[Claim] = []
        text = text_of(doc)
        for mention in find_numbers(text):
            claim = read_claim(doc, text, mention, quotes, claims, self.scope_reach)
            if claim is not None:
                claims.append(claim)
        doc._.claims = sourced_headline(claims, text)
        return doc


def sourced_headline(claims: list[Claim], text: str) -> list[Claim]:
    """A headline restates a figure of the body without its source: it takes the source of
    the first figure below it of the same measure and value ("Flood deaths reach 23" and
    "the number of dead in the floods rose to 23, the provincial police said")."""
    if "\n" not in text:
        return claims  # one paragraph: no headline
    begin, end = headline_span(text)
    for claim in claims:
        if not begin <= claim.start < end or claim.source is not None:
            continue
        body = (c for c in claims if c.start > end and c.source is not None
                and c.measure == claim.measure and c.value == claim.value)
        match = next(body, None)
        if match is not None:
            claim.source, claim.source_vague = match.source, match.source_vague
    return claims


def read_claim(doc: Doc, text: str, mention: NumberMention, quotes: list[Quote],
               earlier: list[Claim], scope_reach: int = DEFAULTS.scope_reach) -> Claim | None:
    """The claim the number makes, or None where it is no figure of the war.

    A bare number that follows a figure in the same sentence ("from 100 dead in December to
    about 300 in January") takes that figure's measure and subject: an ellipsis; so does a
    figure for "the total" soon after one. A loss
    or force figure whose clause names no side takes the side of the article's last one.
    """
    number = doc.char_span(mention.number_start, mention.number_end, alignment_mode="expand")
    if number is None or len(number) == 0:
        return None
    root = number.root
    counted = counted_word(number)
    measure, value, low, high = measure_of(mention, number, counted)
    sentence = root.sent
    previous = earlier[-1] if earlier else None
    continues = previous is not None and previous.measure not in WITH_UNIT and (
        (previous.sentence == span_text(sentence).strip()
         and is_ellipsis(number, counted, measure, previous))
        or (measure in {None, "other"} and restates_total(root, previous)))
    subject_text: str | None
    actor: str | None
    part = part_of(number, counted, measure, earlier)
    whole = None
    if part is not None:
        measure, subject_text, actor, whole = part
    elif continues and previous is not None:
        measure, subject_text, actor = previous.measure, previous.subject, previous.actor
    elif measure is None:
        return None
    else:
        phrase = subject_phrase(number, counted)
        subject_text, actor, certain = subject_of(measure, counted, phrase, root, mention)
        if not certain and measure in SIDED:
            fighters = phrase is not None and lemma(phrase.root) in COMBATANT_NOUNS
            subject_text, actor = side_so_far(earlier, subject_text, actor, fighters)
    source, vague = source_of(root, mention, quotes, counted)
    if source is None and whole is not None:
        source, vague = whole.source, whole.source_vague  # "Nine of them were children."
    return Claim(
        via=relay_of(source, root),
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
        text=claim_text(text, mention, counted),
        sentence=span_text(sentence).strip(),
        scope=scope_of(sentence, number, scope_reach),
        start=mention.start,
        end=mention.end,
    )


def part_of(number: Span, counted: Token | None, measure: Measure | None,
            earlier: list[Claim]) -> tuple[Measure, str, str | None, Claim | None] | None:
    """A sub-count of the figure before it, as a claim of its own about a category of
    people: "Two of them were nurses", "of them six were nurses", "among them three
    children", "Among those killed were five children", "Among the dead were two medics",
    "12 of the dead were women", "27 were killed, including two civilians".
    (measure, subject, actor, whole), the measure from "those killed" / "the dead" or else the
    previous figure's (in this sentence or the two before), the subject the category's noun,
    the whole that figure where there is one (its source is the sub-count's unless the
    sub-count names its own)."""
    root = number.root
    noun = category_noun(number, counted)
    if noun is None:
        return None
    words = part_words(root, noun)
    whole = whole_count(root.sent, earlier)
    if any(w.lower_ == "including" and noun in w.children for w in words):
        here = [c for c in earlier if c.sentence == span_text(root.sent).strip()]
        whole = here[-1] if here and here[-1].measure in VICTIMS else None  # the figure it
        return (whole.measure, noun.text, side_of(noun), whole) if whole else None  # lists
    wholes = [o for p in words if p.lower_ != "including" for o in p.children
              if o.dep_ == "pobj" and (o.pos_ == "PRON" or lemma(o) in LOSS_NOUNS)]
    if not wholes:
        return None
    told = [w for o in wholes for w in [lemma(o), *[lemma(c) for c in o.children
                                                    if c.dep_ in {"acl", "amod"}]]]
    found = classify([told], None)
    if found not in VICTIMS:
        if whole is None:
            return None
        found = whole.measure
    if measure in VICTIMS and found != measure and counted is noun:
        return None  # "three children were wounded": the clause's own measure stands
    return found, noun.text, side_of(noun), whole


def part_words(root: Token, noun: Token) -> list[Token]:
    """The "of" and "among" that tie a sub-count to its whole, wherever the parse hangs them:
    on the number, the noun or their heads, or above the number ("of them eight ...")."""
    near = [root, noun, noun.head, root.head]
    found = [c for t in near for c in t.children if c.dep_ == "prep"]
    found += [t for t in (root.head, root.head.head) if t.dep_ == "prep"]
    return [t for t in found if t.lower_ in {"of", "among", "including"}]


def whole_count(sentence: Span, earlier: list[Claim]) -> Claim | None:
    """The count a sub-count is part of ("them"): the last loss figure of this sentence or the
    two before that counts people by a noun ("35 people", not a bare "more than 100")."""
    near = {span_text(s).strip() for s in [sentence, *sentences_before(sentence, 2)]}
    losses = [c for c in earlier[-6:] if c.sentence in near and c.measure in VICTIMS]
    named = [c for c in losses if re.search(r"[^\W\d]\w*$", c.text)]
    found = named or losses
    return found[-1] if found else None


def category_noun(number: Span, counted: Token | None) -> Token | None:
    """The noun of people a sub-count names: the counted noun ("five children") or the
    complement of the copula after the number ("two of them were nurses")."""
    if counted is not None and counted.pos_ == "NOUN" and lemma(counted) in PEOPLE_NOUNS:
        return counted
    doc = number.doc
    after = doc[number.end : min(number.end + 8, len(doc))]
    verb = copula_at(after)
    if verb is None:
        return None
    return next((t for t in after[verb:] if t.pos_ == "NOUN" and lemma(t) in PEOPLE_NOUNS),
                None)


def copula_at(after: Span) -> int | None:
    """Where the copula stands after a number: at once ("four are children") or after its
    "of" phrase ("four of them are", "12 of the dead were")."""
    if after and after[0].lemma_ == "be":
        return 0
    if not after or after[0].lower_ != "of":
        return None
    return next((i for i, t in enumerate(after[:5]) if t.lemma_ == "be"), None)


def restates_total(root: Token, previous: Claim) -> bool:
    """A figure for "the total" ("an official had put the total at several hundred", "the
    toll stands at 40") counts what the article's last figure counted, where that figure is
    in this sentence or one of the two before."""
    found = governing_verb(root)
    if found is None or not any(lemma(c) in COUNT_NOUNS and c.dep_ in {"dobj", "nsubj"}
                                for c in found[0].children):
        return False
    near = [root.sent, *sentences_before(root.sent, 2)]
    return any(previous.sentence == span_text(sentence).strip() for sentence in near)




def is_ellipsis(number: Span, counted: Token | None, measure: Measure | None,
                previous: Claim) -> bool:
    """True for a bare number in a series: no counted noun and no measure of its own, or a
    measure read only from the previous figure's verb ("3,000 killed or wounded before
    Christmas and some 3,800 in early January")."""
    if measure in WITH_UNIT or word_after(number) is not None:
        return False
    if counted is not None and counted.pos_ not in {"NUM", "PRON"}:
        return False
    if measure in {None, "other"}:
        return True
    governed = governing_verb(number.root)
    if governed is None or counted is not None:
        return False
    verb = governed[0]
    return previous.start < verb.idx < number.start_char and lemma(verb) in MEASURE_LEMMAS \
        and put_object(verb) is None and measure == previous.measure


# --- measure ---------------------------------------------------------------------------------


def counted_word(number: Span) -> Token | None:
    """The word the number counts: its head noun ("300 dead"), the noun after "of"
    ("thousands of soldiers"), or the next noun in line ("between 11,000 and 12,000 North
    Korean troops", where the parse hangs the noun elsewhere)."""
    root = number.root
    if root.dep_ in {"nummod", "quantmod", "amod", "compound", "advmod"} and root.head != root \
            and root.head.i >= number.end:
        head = root.head
        while head.dep_ in {"nummod", "quantmod"} and head.head != head:
            head = head.head
        return past_percent(head)
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of"]
    objects = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
    if objects:
        return objects[0]
    return noun_after(number) or (root if root.pos_ in {"NOUN", "PROPN"} else None)


def past_percent(word: Token) -> Token:
    """What a percent word counts: the noun of its "of" ("40 percent of the buildings": the
    buildings, as "half of the buildings" counts them); else the word itself."""
    british = word.lower_ == "cent" and word.i > 0 and word.nbor(-1).lower_ == "per"
    if word.lower_ not in PERCENT_WORDS and not british:
        return word
    objects = [o for c in word.children if c.dep_ == "prep" and c.lower_ == "of"
               for o in c.children if o.dep_ == "pobj"]
    return objects[0] if objects else word


def noun_after(number: Span) -> Token | None:
    """The first noun after the number, across adjectives, names and quote marks only."""
    for token in number.doc[number.end : min(number.end + 5, len(number.doc))]:
        if token.pos_ == "NOUN":
            return token
        if token.is_sent_end or not (token.pos_ in {"ADJ", "PROPN"} or token.is_quote):
            return None
    return None


PHRASAL = {"out", "off", "down", "up", "alive", "prisoner", "captive"}


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
    """Words that decide the measure, in tiers from the most telling: the word right after
    the number and the counted word, each with its coordinated words ("killed or wounded"),
    the verb before the number, the governing verb, the counted noun's modifiers ("wounded
    soldiers")."""
    governed = governing_verb(counted if counted is not None else number.root)
    tiers = [after_tier(number), counted_tier(number, counted), before_tier(number),
             verb_tier(governed[0], governed[1]) if governed is not None else None]
    return [tier for tier in tiers if tier is not None] + [modifier_tier(number, counted)]


def after_tier(number: Span) -> list[str] | None:
    """The measure word right after the number ("300 dead or wounded")."""
    after = word_after(number)
    if after is None:
        return None
    return [lemma(after), after.lower_, *(lemma(c) for c in after.children if c.dep_ == "conj")]


def counted_tier(number: Span, counted: Token | None) -> list[str] | None:
    """The counted word and the words coordinated with it that carry no figure of their own
    ("3,000 deaths and injuries", not "2 dead and 1 injured")."""
    if counted is None or counted == number.root:
        return None
    return [lemma(counted), *(lemma(c) for c in counted.children
                              if c.dep_ == "conj" and not has_number(c))]


def before_tier(number: Span) -> list[str] | None:
    before = verb_before(number)
    if before is None:
        return None
    return [f"{lemma(before[0])} {before[1]}".strip(), lemma(before[0])]


def verb_tier(verb: Token, extra: str) -> list[str]:
    """The governing verb with its particle ("wipe out"), the verbs coordinated with it, its
    complements; for a verb of level ("the toll rose to 28") its subject's words; for a verb
    of count ("put the number of dead at 2,000") its object's words."""
    words = [f"{lemma(verb)} {extra}".strip(), lemma(verb)]
    words += [lemma(c) for c in verb.children if c.dep_ == "conj" and not has_number(c)]
    words += [lemma(c) for c in verb.children if c.dep_ in {"acomp", "oprd", "xcomp"}]
    if lemma(verb) in LEVEL_VERBS:
        words += [lemma(t) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                  for t in c.subtree]
    object_ = put_object(verb)
    if object_ is not None:
        words += [lemma(t) for t in object_.subtree]
    return words


def modifier_tier(number: Span, counted: Token | None) -> list[str]:
    """The counted noun's modifiers ("wounded soldiers"), else the nouns above the number."""
    if counted is not None:
        return [lemma(c) for c in counted.children
                if c.dep_ in {"amod", "acl", "relcl", "compound"}]
    return [lemma(t) for t in list(number.root.ancestors)[:4] if t.pos_ == "NOUN"]


def word_after(number: Span) -> Token | None:
    """A measure word right after the number ("300 dead", "1,000 wounded"), else None."""
    doc = number.doc
    for token in doc[number.end : min(number.end + 2, len(doc))]:
        if token.is_punct and token.lower_ not in {",", "."}:
            continue
        modifies_noun_after = token.dep_ in {"amod", "compound"} and token.head.i > token.i
        if (lemma(token) in MEASURE_LEMMAS or token.lower_ in MEASURE_LEMMAS) \
                and not modifies_noun_after:
            return token
        return None
    return None


def put_object(verb: Token) -> Token | None:
    """The object of "put the number of dead at 2,000": what a count verb counts."""
    if lemma(verb) not in COUNT_VERBS:
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def has_number(token: Token) -> bool:
    """True where a coordinated word carries a figure of its own ("2 killed and 1 injured")."""
    return any(t.like_num for c in token.children
               if c.dep_ in {"nsubj", "nsubjpass", "dobj", "nummod", "npadvmod"}
               for t in c.subtree) or any(c.like_num for c in token.children)


def measure_of(mention: NumberMention, number: Span, counted: Token | None
               ) -> tuple[Measure | None, float | None, float | None, float | None]:
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
    if measure == "deployed" and value is not None and value < 2:
        measure = "other"  # "one soldier told interrogators": no force is one strong
    return measure, value, low, high


# words right after a number that say what it counts ("300 dead", "50,000 displaced")
MEASURE_LEMMAS = frozenset().union(*(MEASURE_WORDS[m] for m in VICTIMS if m in MEASURE_WORDS))
NEVER_COUNTS = {"displaced": COMBATANT_NOUNS}
"""Nouns a measure never counts: fighters who fall back have not fled their homes ("200
soldiers fled"), and evacuated fighters are the wounded ("evacuated 40 wounded troops")."""


def classify(tiers: list[list[str]], counted: Token | None) -> Measure | None:
    """The measure of the first tier that names one; "killed or wounded" is casualties; a
    force noun anywhere ("troops", "the force") means deployed. A status the counted noun
    names ("POWs", "hostages") gives way to a harm a later tier names ("killed 50 POWs")."""
    found = first_measure(tiers, counted)
    if found in {"captured", "missing"} and counted is not None \
            and lemma(counted) in STATUS_NOUNS:
        harms = (m for words in tiers[:-1] if (m := first_measure([words], counted)) in HARMS)
        return next(harms, found)  # the modifiers' tier ("wounded POWs") tells no harm done
    return found




def first_measure(tiers: list[list[str]], counted: Token | None) -> Measure | None:
    """The measure of the first tier that names one; else deployed where a force noun stands
    anywhere, "other" where a noun is counted, None where nothing is."""
    found = next((m for words in tiers if (m := tier_measure(words, counted)) is not None),
                 None)
    if found is not None:
        return found
    if any(word in FORCE_NOUNS for words in tiers for word in words) or (
            counted is not None and lemma(counted) in FORCE_NOUNS):
        return "deployed"
    if counted is not None and counted.pos_ in {"NOUN", "PROPN"}:
        return "other"
    return None


def tier_measure(words: list[str], counted: Token | None) -> Measure | None:
    """The measure one tier of words names: casualties where it names them or both a death
    and a wound ("killed or wounded"), else the measure of its first measure word."""
    if names_casualties([w for w in words if not loses_things(w, counted)]):
        return "casualties"
    return next((m for word in words if (m := word_measure(word, counted)) is not None), None)


def names_casualties(words: list[str]) -> bool:
    return any(w in MEASURE_WORDS["casualties"] for w in words) or (
        any(w in MEASURE_WORDS["killed"] for w in words)
        and any(w in MEASURE_WORDS["wounded"] for w in words))


def word_measure(word: str, counted: Token | None) -> Measure | None:
    """The measure a word signals, in the order of the words' table; a verb that destroys
    kills where what it counts are people ("destroyed up to 50 soldiers")."""
    counted_lemma = lemma(counted) if counted is not None else None
    for measure, words in MEASURE_WORDS.items():
        if word in words and counted_lemma not in NEVER_COUNTS.get(measure, ()) \
                and not loses_things(word, counted):
            return measure
    if word in DESTROYING and counted_lemma in PEOPLE_NOUNS:
        return "killed"
    return None


LOSING = frozenset({"lose"})
"""A verb of loss is a casualty only where people or a force are lost ("lost 40 soldiers",
"lost 40 in the battle"), not where things are ("lost by five points", "lost three
seats", "lost 12 tanks")."""


def loses_things(word: str, counted: Token | None) -> bool:
    """Whether ``word`` is a verb of loss over a common noun that names no person or force."""
    return word in LOSING and counted is not None and counted.pos_ == "NOUN" \
        and lemma(counted) not in PEOPLE_NOUNS


def unit_after(number: Span) -> str | None:
    lower = words_of(number.doc).lower
    for size in (3, 2, 1):
        key = " ".join(lower[number.end : number.end + size])
        if key in AREA_UNITS:
            return key
    return None


def scale(value: float | None, factor: float) -> float | None:
    return None if value is None else round(value * factor, 6)


# --- subject ---------------------------------------------------------------------------------


def subject_phrase(number: Span, counted: Token | None) -> Span | None:
    """The phrase naming what is counted: the counted noun's phrase, or the object of a
    count verb ("put North Korean deaths at about 300"); None for a pronoun ("of them")."""
    if counted is not None and counted.pos_ == "PRON":
        return None
    if counted is None or counted.pos_ == "NUM":
        governed = governing_verb(number.root)
        if governed is not None and governed[0].dep_ == "acl" \
                and governed[0].head.pos_ == "NOUN":  # "the number of rebels killed at 40"
            return noun_phrase(governed[0].head)
        object_ = put_object(governed[0]) if governed is not None else None
        if object_ is None:
            return None
        counts = [o for c in object_.children if c.dep_ == "prep" and c.lower_ == "of"
                  for o in c.children if o.dep_ == "pobj"] if lemma(object_) in COUNT_NOUNS \
            else []
        if counts:  # "put the number of rebels killed at 40": the rebels
            return noun_phrase(counts[0])
        return number.doc[object_.left_edge.i : object_.right_edge.i + 1]
    return noun_phrase(counted)


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




def subject_of(measure: Measure, counted: Token | None, phrase: Span | None, root: Token,
               mention: NumberMention) -> tuple[str | None, str | None, bool]:
    """(subject as written, canonical actor, whether the clause itself names the actor)."""
    if measure == "area":
        holder = clause_subject(root)
        actor = side_of(holder) if holder is not None else None
        return (holder.text if holder is not None else None), \
            actor or actor_in_sentence(root, anywhere=True), True
    text = without_number(phrase, mention) if phrase is not None else None
    if phrase is not None and measure in VICTIMS and lemma(phrase.root) in LOSS_NOUNS:
        side = side_of(phrase)  # "300 dead", "500 deaths" say what befell, not whom
        text = side_subject(side) if side is not None else None
    if phrase is not None and side_of(phrase) is not None:
        return text, side_of(phrase), True
    if measure == "share" and phrase is not None and lemma(phrase.root) not in FORCE_NOUNS:
        return text, None, True
    owner = owning_group(counted, root.sent)
    if owner is not None and counted is not None:
        return side_subject(owner, counted.text), owner, True
    actor, certain = actor_in_context(root)
    if actor is None:
        return text or ("people" if measure in VICTIMS else None), None, False
    noun = counted.text if counted is not None and counted.pos_ == "NOUN" else None
    return side_subject(actor, noun), actor, certain


def side_of(words: Span | Token) -> str | None:
    """The actor some words of the text point at, persons read by the titles their article
    gives them (:mod:`triangulate.nlp.people`); people counted by a word for anyone are
    civilians only where nothing said of them makes them fighters."""
    actor = actor_of(words.text, people=person_states(words.doc))
    return None if actor == "Civilians" and fighters_among(words) else actor


def fighters_among(words: Span | Token) -> bool:
    """True where a word for anyone ("people") is said to count fighters: "20 people, most
    of them soldiers", "14 people, including nine rebels", "30 people from the regiment"."""
    root = words.root if isinstance(words, Span) else words
    return lemma(root) in ANYONE and any(
        lemma(t) in COMBATANT_NOUNS for t in root.subtree if t.i != root.i)


def owning_group(counted: Token | None, sentence: Span) -> str | None:
    """The group a possessive pronoun on the counted noun stands for: "five of its fighters",
    "40 of their men" after "The Houthis said ..." are the Houthis': the last party named in
    the nearest sentence before that names one by its name or its people, not by a thing of
    it ("Israeli ports"); not the figure's own sentence, where a party named is most often
    who struck ("US strikes killed six of their fighters")."""
    if counted is None or lemma(counted) not in PEOPLE_NOUNS or not any(
            c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in counted.children):
        return None  # "killed in their hundreds": a manner of counting, not an owner
    for before in sentences_before(sentence, 3):
        parties = [actor for c in noun_chunks(before)
                   if (c.root.pos_ == "PROPN" or lemma(c.root) in PEOPLE_NOUNS)
                   and lemma(c.root) not in REPORTER_NOUNS | ATTACK_WORDS
                   and (actor := side_of(c)) not in {None, "Civilians"}]
        if parties:
            return parties[-1]
    return None


def side_subject(actor: str, noun: str | None = None) -> str:
    """How to name an actor's counted people: "North Korean soldiers", "Russian forces";
    civilians by their noun ("residents") or as "people"."""
    if actor == "Civilians":
        return noun or "people"
    if actor not in DEMONYM:  # a group by its name: "RSF fighters", "Hezbollah"
        return f"{actor} {noun}" if noun else actor
    return f"{DEMONYM[actor]} {noun or 'forces'}"


def side_so_far(earlier: list[Claim], text: str | None, actor: str | None,
                fighters: bool = False) -> tuple[str | None, str | None]:
    """The side of the article's last figure about a side's forces, for one that names none:
    an article about one side's losses and forces keeps to that side until it names another.
    Counted fighters ("rebels", "militants") are never of the civilians' side."""
    for claim in reversed(earlier):
        if fighters and claim.actor == "Civilians":
            continue
        if claim.measure in SIDED and claim.actor is not None:
            return side_subject(claim.actor), claim.actor
    return text, actor


def without_number(phrase: Span, mention: NumberMention) -> str | None:
    """The phrase without the figure and its qualifier, or a leading determiner; None where
    nothing else is left ("rose 20 percent": the figure names no subject of its own)."""
    words = [t.text_with_ws for t in phrase
             if not (mention.start <= t.idx < mention.end or t.like_num
                     or (t.dep_ == "det" and t.i == phrase.start))]
    return "".join(words).strip(" ,.“”\"'") or None


def clause_subject(token: Token) -> Span | None:
    """The subject of the nearest clause above ``token``, as a span."""
    for ancestor in token.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            sub = subjects[0]
            return token.doc[sub.left_edge.i : sub.right_edge.i + 1]
    return None


def actor_in_context(root: Token) -> tuple[str | None, bool]:
    """The actor the figure's clause is about, and whether the clause names it: its subject,
    unless that subject reports the figure (a speech verb's subject, an agency, a person) or
    did the harm; the last group named before where the subject is "they"; else a people
    named in the clause. A group merely named in earlier sentences ("a base for Ukrainian
    soldiers") is no evidence whose dead a figure counts: the caller falls back on the side
    of the article's earlier figures."""
    for ancestor in root.ancestors:
        if is_speech_verb(ancestor):
            break
        subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if ancestor.pos_ == "VERB" and lemma(ancestor) in AGENT_LEMMAS and not any(
                c.dep_ in {"nsubjpass", "auxpass"} for c in ancestor.children):
            break  # "Russian strike kills 14": whoever did it is no victim
        if not subjects:
            continue
        subject = subjects[0]
        if subject.lower_ in PLURAL_PRONOUNS:
            return actor_before(root.sent), True
        if lemma(subject) in REPORTER_NOUNS or subject.ent_type_ in {"ORG", "PERSON"}:
            break
        actor = side_of(root.doc[subject.left_edge.i : subject.right_edge.i + 1])
        if actor is not None:
            return actor, True
        break
    named = actor_in_sentence(root)
    return named, named is not None


def actor_in_sentence(root: Token, anywhere: bool = False) -> str | None:
    """A people named in the figure's clause (or, with ``anywhere``, its sentence)."""
    clause = clause_verb(root)
    labels = {"NORP", "GPE"} if anywhere else {"NORP"}
    sentence, ent_type = root.sent, words_of(root.doc).ent_type
    for token in (root.doc[i] for i in range(sentence.start, sentence.end)
                  if ent_type[i] in labels):
        if (anywhere or clause_verb(token) == clause) and not is_attacker(token):
            actor = side_of(token)
            if actor is not None:
                return actor
    return None


def is_attacker(token: Token) -> bool:
    """True for a people named as who struck: "the Russian airstrike", "Israeli jets", "the
    Sudanese army's shelling killed 12" (inside the subject of a verb that does harm)."""
    if lemma(token.head) in ATTACK_WORDS or token.head.lower_ in ATTACK_WORDS:
        return True
    return any(a.dep_ == "nsubj" and a.head.pos_ == "VERB" and lemma(a.head) in AGENT_LEMMAS
               for a in [token, *token.ancestors])


def is_speech_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and lemma(token) in FIGURE_VERBS


def actor_before(sentence: Span) -> str | None:
    """The actor of the most recent earlier sentence that names a group of people
    ("North Korean soldiers", "Palestinians"); a country named as who acts or speaks
    ("as Israel denies") is no group whose dead are counted."""
    earlier = sentences_before(sentence, 3) or [sentence]  # the first looks in itself
    chunks = [c for s in earlier for c in noun_chunks(s)
              if lemma(c.root) not in REPORTER_NOUNS | ATTACK_WORDS
              and side_of(c) is not None]
    people = [c for c in chunks if c.root.tag_ in {"NNS", "NNPS"}
              or lemma(c.root) in PEOPLE_NOUNS]  # a group, not a country that acts or speaks
    return side_of(people[0]) if people else None


def sentences_before(sentence: Span, count: int) -> list[Span]:
    """Up to ``count`` sentences before this one, nearest first. Walking back costs the
    length of those sentences; ``doc[:start].sents`` would cost the whole text before them,
    for every figure."""
    found: list[Span] = []
    while sentence.start > 0 and len(found) < count:
        sentence = sentence.doc[sentence.start - 1].sent
        found.append(sentence)
    return found


def noun_chunks(sentence: Span) -> list[Span]:
    """The noun chunks of a sentence, the same as ``sentence.noun_chunks``, which walks every
    chunk of the document to keep the sentence's (the iterator takes a span as well)."""
    doc = sentence.doc
    found = doc.noun_chunks_iterator(sentence)  # type: ignore[attr-defined]
    return [Span(doc, start, end, label=label) for start, end, label in found]


# --- source ----------------------------------------------------------------------------------


def source_of(root: Token, mention: NumberMention, quotes: list[Quote],
              counted: Token | None = None) -> tuple[str | None, bool]:
    """(source, vague): the enclosing direct quote's speaker; "according to X"; the subject of
    the outermost speech verb governing the number (pronouns resolved through the quote
    finder's reported speech); an agency or a person that counts ("the ministry put the toll
    at 28"); "reports" for "reportedly". "citing Y" is kept as a chain: "X, citing Y"."""
    covering = [q for q in quotes if q.start <= mention.start < q.end and q.speaker]
    direct = [q.speaker for q in covering if q.kind == "direct"]
    if direct:
        return direct[0], False
    said_by = speech_subject(root)
    if said_by and is_pronoun(said_by):
        said_by = covering[0].speaker if covering else person_before(root.sent, said_by)
    found = described_by(counted) or according_to(root) or said_by \
        or (covering[0].speaker if covering else None) or finder_of(root) \
        or counting_subject(root)
    cited = citing(root)
    if found and cited:
        found = f"{found}, citing {cited}"
    found = found or cited or headline_label(span_text(root.sent))
    if found is not None:
        found = re.split(r"\s+(?:--|—|–)\s+", found)[0].strip() or None  # an aside is no name
    if found is None:
        if words_in(root.sent, "reportedly", "allegedly"):
            return "reports", True
        return None, False
    return found, found.split(",")[0].split()[-1].lower() in VAGUE_SOURCES


HEADLINE_LEAD = re.compile(r"^\s*([A-Z][\w.'’ -]{1,40}):\s")
HEADLINE_TAIL = re.compile(r"[:—–-]\s*([\w.'’ ]{2,40})$")


def relay_of(source: str | None, root: Token) -> str | None:
    """Who passed the figure on: the speaker of a chain ("a lawmaker", citing the spy agency),
    else the outlet a speech verb over the figure names ("told the BBC", "said to Reuters")."""
    if source and ", citing " in source:
        return source.split(", citing ", 1)[0]
    for verb in reported_by(root):
        if not is_speech_verb(verb):
            continue
        heard = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        heard += [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"
                  for o in c.children if o.dep_ == "pobj"]
        outlets = [phrase_of(h) for h in heard if is_outlet(phrase_of(h))]
        if outlets:
            return outlets[0]
    return None


def headline_label(sentence: str) -> str | None:
    """The source a headline names as a label: "NIS: 300 dead", "Toll rises to 28: ministry"."""
    text = sentence.strip()
    if not text or text.endswith((".", "!", "?", "\"", "”", "'", "’")):
        return None
    for pattern in (HEADLINE_LEAD, HEADLINE_TAIL):
        match = pattern.search(text)
        if match is not None and not any(ch.isdigit() for ch in match.group(1)) \
                and not is_section_label(match.group(1)):
            return match.group(1).strip()
    return None




def is_section_label(label: str) -> bool:
    """A headline's section or story label ("Israel-Hamas war: ...", "Live: ..."), not a
    source: it names the story or the kind of piece."""
    words = set(re.findall(r"[a-z]+", label.lower()))
    return bool(words & (SECTION_WORDS | EVENT_NOUNS))


def person_before(sentence: Span, pronoun: str) -> str | None:
    """Whom "he" or "she" stands for: the last person named in this sentence before the
    pronoun or in the three before it; None for other pronouns (a pronoun is no source)."""
    if pronoun.lower() not in {"he", "she"}:
        return None
    for span in [sentence, *sentences_before(sentence, 3)]:
        people = [e for e in ents_in(span) if e.label_ == "PERSON"]
        if people:
            return people[-1].text
    return None


def is_pronoun(text: str) -> bool:
    return text.lower() in {"he", "she", "they", "it", "we", "i", "you"}


def phrase_of(head: Token) -> str:
    """A name or description without its relative clauses or brackets; where a description
    has a name in apposition ("its commander-in-chief, Oleksandr Syrskyi"), the name."""
    names = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
    if names and head.pos_ != "PROPN":
        head = names[0]
    cut = {t.i for c in head.subtree if c.dep_ in {"relcl", "acl", "appos", "advcl"}
           and c != head for t in c.subtree}
    words = [t for t in head.subtree if t.i not in cut]
    text = "".join(t.text_with_ws for t in words)
    text = re.sub(r"\s*\([^)]*\)", "", text)
    return text.strip(" ,.;:")


def according_to(root: Token) -> str | None:
    lower = words_of(root.doc).lower
    return cue_object(root, [t for t in words_in(root.sent, "according")
                             if t.i + 1 < len(lower) and lower[t.i + 1] == "to"])


def citing(root: Token) -> str | None:
    return cue_object(root, words_in(root.sent, "citing"))


def words_in(span: Span, *words: str) -> list[Token]:
    """The tokens of ``span`` whose lower-case form is one of ``words``."""
    lower = words_of(span.doc).lower
    return [span.doc[i] for i in range(span.start, span.end) if lower[i] in words]


def cue_object(root: Token, cues: list[Token]) -> str | None:
    """The object of the cue nearest the number ("according to X", "citing X")."""
    if not cues:
        return None
    nearest = min(cues, key=lambda t: abs(t.i - root.i))
    objects = [t for t in nearest.subtree if t.dep_ in {"pobj", "dobj"}]
    return phrase_of(objects[0]) if objects else None


def speech_subject(root: Token) -> str | None:
    """The subject of the outermost speech verb whose reported clause holds the number; a
    number in the subject itself is who speaks, not what is said ("70 percent of voters
    say ...", "some 300 soldiers said ..."), and that verb gives it no source."""
    found = None
    for ancestor in reported_by(root):
        if is_speech_verb(ancestor) and not denied(ancestor):  # "Moscow has not confirmed"
            subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].lower_ not in {"it", "this", "that", "which"} \
                    and not subjects[0].left_edge.i <= root.i <= subjects[0].right_edge.i:
                found = phrase_of(subjects[0])
    return found


CONTRAST_MARKS = frozenset({"while", "whereas", "although", "though"})


def reported_by(root: Token) -> list[Token]:
    """The number's ancestors up to a clause of contrast: in "A said 300 were killed, while
    B said the toll was 500", B's clause is B's statement, not part of what A said."""
    found = []
    for ancestor in root.ancestors:
        found.append(ancestor)
        if ancestor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS
                                            for c in ancestor.children):
            break
    return found


def finder_of(root: Token) -> str | None:
    """Who found or saw the figure, where nobody reports it: the subject of a verb of
    finding over it ("our reporters counted 30 graves", "a UN inquiry found the raid may
    have killed nearer 200", "volunteers identified 9 of the bodies")."""
    return subject_of_verbs(reported_by(root), RECORDING_VERBS)


def described_by(counted: Token | None) -> str | None:
    """Who gave a figure in a relative clause on its noun: "the some 80 injuries that
    the clinic reported"."""
    clauses = [c for c in counted.children if c.dep_ == "relcl"] if counted is not None else []
    return subject_of_verbs(clauses, RECORDING_VERBS | FIGURE_VERBS)


def subject_of_verbs(verbs: list[Token], lemmas: frozenset[str]) -> str | None:
    for verb in verbs:
        if verb.pos_ == "VERB" and lemma(verb) in lemmas:
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if subjects and subjects[0].pos_ != "PRON":
                return phrase_of(subjects[0])
    return None


def counting_subject(root: Token) -> str | None:
    """Whose count it is: the owner of a count noun above the figure ("the agency's count of
    casualties"), or an agency, or a named body or person, whose verb states the figure;
    never the subject of a verb of harm, who did it ("government shelling kills 9")."""
    for ancestor in root.ancestors:
        owners = [c for c in ancestor.children if c.dep_ == "poss"]
        if lemma(ancestor) in COUNT_NOUNS and owners:
            return phrase_of(owners[0])
    for ancestor in root.ancestors:
        subjects = [c for c in ancestor.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            continue
        subject = subjects[0]
        if lemma(ancestor) in AGENT_LEMMAS:
            return None
        if subject.lower_ in {"it", "they"} and lemma(ancestor) in COUNT_VERBS:
            subject = clause_above_subject(ancestor) or subject  # "..., when it put ... at"
        reporter = (subject.dep_ == "nsubj" and lemma(subject) in REPORTER_NOUNS) or (
            subject.ent_type_ in {"ORG", "PERSON"} and lemma(ancestor) in COUNT_VERBS)
        return phrase_of(subject) if reporter else None
    return None


def clause_above_subject(verb: Token) -> Token | None:
    """The subject of the clause that ``verb``'s clause hangs on (a pronoun's antecedent in
    "the service moved its figure, when it put the total at ...")."""
    if verb.dep_ not in {"advcl", "relcl", "conj"} or verb.head == verb:
        return None
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


# --- text and scope --------------------------------------------------------------------------


def claim_text(text: str, mention: NumberMention, counted: Token | None) -> str:
    end = mention.end
    if counted is not None and counted.idx + len(counted) > end:
        end = counted.idx + len(counted)
    return text[mention.start : end]


def scope_of(sentence: Span, number: Span, reach: int = DEFAULTS.scope_reach) -> str | None:
    """The date or time phrase that scopes or dates the figure ("about 300 in January", "last
    week", "died ... on March 16"): the nearest one in the figure's own clause, within
    ``reach`` tokens of it or hanging on its verb."""
    clause = clause_verb(number.root)
    near = [(min(abs(e.start - number.end), abs(number.start - e.end)), e.text)
            for e in ents_in(sentence)
            if e.label_ in {"DATE", "TIME"} and not overlaps(e, number)
            and clause_verb(e.root) == clause
            and (dates_verb(e, clause) or min(abs(e.start - number.end),
                                              abs(number.start - e.end)) <= reach)]
    return min(near)[1] if near else None


def dates_verb(date_phrase: Span, verb: Token | None) -> bool:
    """True where a date phrase hangs on the figure's verb, however far from the figure:
    "40 villagers drowned when the dam gave way near the bridge on 3 May"."""
    head = date_phrase.root.head
    if date_phrase.root.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return verb is not None and head == verb and date_phrase.root.dep_ in {
        "pobj", "npadvmod", "tmod"}


def clause_verb(token: Token) -> Token | None:
    return next((t for t in [token, *token.ancestors] if t.pos_ in {"VERB", "AUX"}), None)


def overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end

