"""The event an article's figures are about: where it happened and what happened.

An event is named by its place and its kind ("Marib strike", "Tigray offensive"). The place
is the town, city, region or site the article names most, its headline counting most:
spaCy's GPE, LOC and FAC entities, countries left out (a strike in Marib is "in Yemen"
too; the war's parties are no place of an incident). Country names come from Babel's territory
names. The kind is the first word for an incident or a campaign in the headline, else in the
opening sentences. ``reconcile`` joins the articles of one place and time into one event.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import islice

from babel import Locale
from spacy.tokens import Doc, Span, Token

from triangulate.ingest.text import headline_line
from triangulate.lang.en.events import (
    EVENT_NOUNS,
    INCIDENT_NOUNS,
    LOCATIVE,
    PLACE_NOUNS,
    PLACE_TAILS,
    REGION_WORDS,
    SITE_NOUNS,
    SPATIAL,
)
from triangulate.lang.en.gazetteer import ACTORS, DEMONYM, DEMONYMS, WORLD_ACTORS
from triangulate.lang.lookup import normalise
from triangulate.nlp.extensions import span_text, text_of
from triangulate.nlp.phrases import whole_phrases
from triangulate.nlp.words import doc_ents, words_of
from triangulate.settings import DEFAULTS, Settings

PLACE_LABELS = {"GPE", "LOC", "FAC"}
DEMONYM_NAMES = frozenset(DEMONYMS) | {d.lower() for d in DEMONYM.values()}
HEAD_CHARS = 600  # where a headline stands: the first lines, under any stamp or byline
HEAD_LINES = 8


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-case names of countries and of the parties of wars as the gazetteer knows them
    (states, armed groups: "Myanmar", "M23", "Houthis"): who fights is no place."""
    names = {name.lower() for name in Locale("en").territories.values()}
    names |= {canonical.lower() for canonical in (*ACTORS, *WORLD_ACTORS)}
    names |= {variant for variants in WORLD_ACTORS.values() for variant in variants}
    return frozenset(names | {"us", "u.s.", "uk", "britain", "america", "europe"})


def place_key(text: str) -> str | None:
    """A place's name folded: spelling variants to one, "the", possessives and generic tails
    dropped; None for a country or a party to the war."""
    name = normalise(text)
    name = PLACE_TAILS.sub("", name).strip()
    if not name or name in country_names() or name in DEMONYM_NAMES \
            or name.removesuffix("s") in DEMONYM_NAMES:
        return None
    return " ".join(w.capitalize() if w.islower() else w for w in name.split())


def town_of(name: str) -> str | None:
    """The town a site's name opens with: "the Aleppo University Hospital" -> "Aleppo"."""
    words = normalise(name).split()
    if len(words) < 2 or words[-1] not in SITE_NOUNS:
        return None
    first = name.split()[-len(words)]
    return place_key(first) if first[:1].isupper() else None


def headline_span(text: str, title: str = "") -> tuple[int, int]:
    """Where the headline stands in the text: the title where the text's head holds it, else
    the first line that is no stamp, byline or bare dateline ("Updated 5 June 2024")."""
    at = text.find(title, 0, HEAD_CHARS) if title else -1
    if at >= 0:
        return at, at + len(title)
    lines = text.split("\n")
    index = headline_line(lines, HEAD_LINES)
    start = sum(len(line) + 1 for line in lines[:index])
    return start, start + len(lines[index])


def main_place(doc: Doc, title: str, settings: Settings = DEFAULTS) -> str | None:
    """The place the article names most: the body's place entities, each mention of one in
    the headline counting ``settings.event_headline_weight`` (found by its words: the model
    reads title-case headlines poorly), if it reaches ``settings.event_min_mentions``."""
    begin, end = headline_span(text_of(doc), title)
    headline = text_of(doc)[begin:end].lower()
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for start, name in place_mentions(doc):
        if begin <= start < end:
            continue
        for key in (place_key(name), town_of(name)):
            if key is not None:
                counts[key] += 1
                first_seen.setdefault(key, start)
    for key in counts:
        mentions = sum(1 for _ in whole_phrases(headline, key.lower()))
        counts[key] += settings.event_headline_weight * mentions
    if not counts:
        return None
    best = max(counts, key=lambda key: (counts[key], -first_seen[key]))
    return best if counts[best] >= settings.event_min_mentions else None




def place_mentions(doc: Doc) -> list[tuple[int, str]]:
    """(offset, name) of each place the text names: spaCy's place entities, and a proper
    noun the entity model missed or misread where the syntax makes it a place: the object of
    a locative preposition ("in Marib"), of "of" after a place noun ("the city of
    Marib"), or a name before a place noun ("the Kursk region", read by the small model as
    a PRODUCT). Where a preposition of place governs it, a name the model took for a
    person's is a place too ("outside Goma", "near Bunia"): people are not where things
    happen "outside" or "near"; a known person's name never is one."""
    found = [(ent.start_char, ent.text) for ent in doc_ents(doc) if ent.label_ in PLACE_LABELS]
    found += dateline_places(doc)
    proper_nouns = [doc[i] for i, pos in enumerate(words_of(doc).pos) if pos == "PROPN"]
    for token in proper_nouns:
        if token.ent_type_ in PLACE_LABELS \
                or token.ent_type_ in {"NORP", "DATE"} or (
                    token.ent_type_ == "PERSON" and not spatial_object(token)):
            continue
        preposition = token.head.lower_
        if token.dep_ == "pobj" and (preposition in LOCATIVE or (
                preposition == "of" and token.head.head.lemma_.lower() in PLACE_NOUNS)):
            start = min((c.i for c in token.children if c.dep_ == "compound"), default=token.i)
            found.append((doc[start].idx, span_text(doc[start : token.i + 1])))
        elif token.dep_ in {"compound", "nmod"} and token.head.lemma_.lower() in SITE_NOUNS:
            found.append((token.idx, token.text))  # "the Marib bus station"
        elif token.dep_ in {"compound", "nmod", "amod"} and is_place_noun(token.head):
            found.append((token.idx, token.text))  # "the Kursk region", "Donetsk oblast"
    return found


# a dateline at the head of a story: "kursk, russia - ", "Goma, DR Congo — "
DATELINE = re.compile(r"^[ \t]*([A-Za-z][\w'’.-]*(?: [A-Za-z][\w'’.-]*){0,2}),"
                      r"[ \t]*([A-Za-z][\w .'’-]{1,30}?)[ \t]+[-–—][ \t]", re.MULTILINE)


def dateline_places(doc: Doc) -> list[tuple[int, str]]:
    """(offset, name) of the place of a dateline in the head of the text: a name, a comma,
    a country and a dash. The parser reads a lower-case or title-case dateline ("kursk,
    russia - ") as anything but a place."""
    return [(match.start(1), match.group(1))
            for match in DATELINE.finditer(text_of(doc)[:HEAD_CHARS])
            if match.group(2).lower() in country_names()]




def is_place_noun(token: Token) -> bool:
    """A noun for a division of land ("region", "oblast", "province")."""
    return token.pos_ == "NOUN" and PLACE_TAILS.search(f" {token.lower_}") is not None


def spatial_object(token: Token) -> bool:
    """True for the object of a preposition that only places ("near Bunia"), not a person's
    full name ("stood near Marie Kabila"): the small model reads many a lone town as a
    PERSON, a first and last name it reads right."""
    return token.dep_ == "pobj" and token.head.lower_ in SPATIAL \
        and not full_person_name(token)


def full_person_name(token: Token) -> bool:
    """True where ``token`` stands in a PERSON entity of two words or more."""
    return any(ent.label_ == "PERSON" and len(ent) > 1 and ent.start <= token.i < ent.end
               for ent in doc_ents(token.doc))


def event_kind(doc: Doc, settings: Settings = DEFAULTS) -> str | None:
    """The first word for an incident or a campaign in the opening sentences."""
    for sentence in opening(doc, settings.event_opening_sentences):
        for token in sentence:
            word = token.lower_
            if word in EVENT_NOUNS and token.pos_ in {"NOUN", "PROPN", "VERB"}:
                return word
    return None


def opening(doc: Doc, count: int) -> list[Span]:
    """The first ``count`` sentences."""
    return list(islice(doc.sents, count))


def article_event(doc: Doc, title: str, settings: Settings = DEFAULTS) -> str | None:
    """The article's event: "<place> <kind>", or the place alone; None with no place. A
    campaign is framed by its region: where the article tells of no single incident, a
    place it names as a region ("in the Kursk region") is the event's place before a town
    of it."""
    kind = event_kind(doc, settings)
    place = None if kind in INCIDENT_NOUNS else main_region(doc)
    place = place or main_place(doc, title, settings)
    if place is None:
        return None
    return f"{place} {kind}" if kind else place


# entity labels that never name a place, whatever word follows: "the Russian state"
NOT_PLACES = {"NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


def main_region(doc: Doc) -> str | None:
    """The place the text names most often as a region ("the Kursk region", "Kursk
    oblast"): a name before a word for a region is a place whatever else the small model
    took it for (it reads "Kursk" as a PRODUCT)."""
    counts: Counter[str] = Counter()
    for ent in doc_ents(doc):
        if ent.label_ in NOT_PLACES:
            continue
        words = ent.text.lower().split()
        following = doc[ent.end].lower_ if ent.end < len(doc) else ""
        if (words and words[-1] in REGION_WORDS) or following in REGION_WORDS:
            key = place_key(ent.text)
            if key is not None:
                counts[key] += 1
    return counts.most_common(1)[0][0] if counts else None
