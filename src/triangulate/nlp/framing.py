"""Framing: how an article tells its story, beside what it reports.

Four things a reader notices when two outlets report the same event: loaded words (a
"tubby dictator", a "bloodbath"), scare quotes that keep a word at arm's length ("elite"
troops), hedges that keep a claim at arm's length ("reportedly", "thought to be"), and whom the
article relies on: named people, anonymous sources, institutions, or other media.

The ``triangulate_framing`` component (:func:`framing_of`) reads them from the parse spaCy
already made and from the quotes and claims the other components found, and sets
``doc._.framing``; it runs no model of its own and changes nothing else. The outlet that
published the article, where the caller sets ``doc._.outlet``, is not counted among its
sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from spacy.attrs import IS_ALPHA
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from triangulate.lang import DEFAULT as DEFAULT_LANGUAGE
from triangulate.lang import Language as Resources
from triangulate.lang import resources
from triangulate.lang.lookup import (
    body_named,
    is_actor_word,
    is_org,
    is_outlet,
    normalise,
)
from triangulate.nlp.events import PLACE_LABELS, country_names
from triangulate.nlp.extensions import declare, text_of, value
from triangulate.nlp.phrases import whole_phrases
from triangulate.nlp.words import doc_ents, words_of
from triangulate.settings import DEFAULTS
from triangulate.types import Claim, Framing, FramingSpan, Quote, SourceKind

declare("framing", "outlet")

_STOP_AFTER_ACCORDING = frozenset({"PUNCT", "VERB", "AUX", "SCONJ"})
_WORD = re.compile(r"[\w’'.-]+")


@Language.factory("triangulate_framing",
                  requires=["doc._.quotes", "doc._.scare_quotes", "doc._.claims", "token.lemma",
                            "token.tag", "token.dep", "doc.ents"],
                  assigns=["doc._.framing"],
                  default_config={"lang": DEFAULT_LANGUAGE,
                                  "according_reach": DEFAULTS.according_reach})
def make_framing_reader(nlp: Language, name: str, lang: str, according_reach: int
                        ) -> FramingReader:
    return FramingReader(according_reach, resources(lang))


class FramingReader:
    """Sets ``doc._.framing`` from the parse and ``doc._.quotes``, ``doc._.scare_quotes`` and
    ``doc._.claims`` (none where their components did not run), by the words of
    ``language`` (its config's ``lang``)."""

    def __init__(self, according_reach: int = DEFAULTS.according_reach,
                 language: Resources | None = None) -> None:
        self.according_reach = according_reach
        self.language = language or resources()

    def __call__(self, doc: Doc) -> Doc:
        doc._.framing = framing_of(doc, value(doc, "quotes") or [], value(doc, "claims") or [],
                                   value(doc, "scare_quotes") or [], doc._.outlet,
                                   self.according_reach, self.language)
        return doc


def framing_of(doc: Doc, quotes: Sequence[Quote], claims: Sequence[Claim],
               scare_quotes: Sequence[str] = (), outlet: str | None = None,
               according_reach: int = DEFAULTS.according_reach,
               language: Resources | None = None) -> Framing:
    """The framing of one parsed article; ``outlet`` is left out of its sources."""
    language = language or resources()
    loaded, hedged = lexicons(language)
    quoted = [(q.start, q.end) for q in quotes if q.kind == "direct" and q.end > q.start]
    text = text_of(doc)
    forms = word_forms(doc)
    return Framing(
        words=int(doc.to_array(IS_ALPHA).sum()),
        loaded=[_with_quoted(span, quoted) for span in loaded.find(doc, forms)],
        scare_quotes=scare_quote_spans(text, scare_quotes, language),
        hedges=hedged.find(doc, forms),
        sources=sources(doc, text, quotes, claims, outlet, according_reach, forms, language),
    )


WordForms = list[tuple[str, str]]  # each token's lower-case form and lower-case lemma


def word_forms(doc: Doc) -> WordForms:
    """Each token's lower-case form and lemma (:func:`~triangulate.nlp.words.words_of`)."""
    words = words_of(doc)
    return list(zip(words.lower, words.lemma_lower, strict=True))


def _with_quoted(span: FramingSpan, quoted: list[tuple[int, int]]) -> FramingSpan:
    inside = any(start <= span.start and span.end <= end for start, end in quoted)
    return replace(span, quoted=inside)


class _Lexicon:
    """Phrases by their first word, matched on each token's lower-case form or lemma; an entry
    that begins with a word of ``attributive`` only where that word modifies a noun."""

    def __init__(self, entries: Iterable[tuple[str, str]],
                 attributive: frozenset[str] = frozenset()) -> None:
        self.attributive = attributive
        self.by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, kind in entries:
            words = tuple(phrase.split())
            self.by_first.setdefault(words[0], []).append((words, kind))

    def find(self, doc: Doc, forms: WordForms | None = None) -> list[FramingSpan]:
        """Longest matches, left to right, never overlapping (``forms``: the doc's
        :func:`word_forms`, where already read). Only the tokens that can start an entry
        are tried."""
        forms = word_forms(doc) if forms is None else forms
        found: list[FramingSpan] = []
        free = 0  # the first token no earlier match covers
        for i, (lower, lemma) in enumerate(forms):
            if i < free or (lower not in self.by_first and lemma not in self.by_first):
                continue
            match = self._match_at(doc, forms, i)
            if match is not None:
                size, kind = match
                span = doc[i : i + size]
                found.append(FramingSpan(span.text, span.start_char, span.end_char, kind))
                free = i + size
        return found

    def _match_at(self, doc: Doc, forms: WordForms, i: int) -> tuple[int, str] | None:
        lower, lemma = forms[i]
        candidates = self.by_first.get(lower, []) + self.by_first.get(lemma, [])
        for words, kind in sorted(candidates, key=lambda item: -len(item[0])):
            end = i + len(words)
            if end <= len(forms) and all(word in forms[i + k] for k, word in enumerate(words)) \
                    and (words[0] not in self.attributive or _modifies_noun(doc[i])):
                return len(words), kind
        return None


def _modifies_noun(token: Token) -> bool:
    """Parsed as a noun's modifier, or standing right before a noun phrase's words (the parse
    reads "at crack Ukrainian drone teams" as two objects)."""
    following = token.nbor() if token.i + 1 < len(token.doc) else None
    return (token.dep_ in ("amod", "compound") and token.head.pos_ in ("NOUN", "PROPN")) \
        or (following is not None and following.pos_ in ("ADJ", "NOUN", "PROPN"))


@cache
def lexicons(language: Resources) -> tuple[_Lexicon, _Lexicon]:
    """The language's loaded words and its hedges, each as one lexicon, built once."""
    return (_Lexicon(((word, kind) for kind, words in language.loaded_words.items()
                      for word in words), language.attributive_only),
            _Lexicon((phrase, "hedge") for phrase in language.hedge_phrases))


def loaded_words(doc: Doc, language: Resources | None = None) -> list[FramingSpan]:
    return lexicons(language or resources())[0].find(doc)


def hedges(doc: Doc, language: Resources | None = None) -> list[FramingSpan]:
    return lexicons(language or resources())[1].find(doc)


def scare_quote_spans(text: str, scare_quotes: Sequence[str],
                      language: Resources | None = None) -> list[FramingSpan]:
    """Each scare-quoted word where it stands in the text, between marks, in order."""
    marks = (language or resources()).mark_chars
    spans: list[FramingSpan] = []
    cursor = 0
    for words in scare_quotes:
        start = _between_marks(text, words, cursor, marks)
        if start is None:
            start = _between_marks(text, words, 0, marks)
        if start is not None:
            spans.append(FramingSpan(words, start, start + len(words)))
            cursor = start + len(words)
    return spans


def _between_marks(text: str, words: str, cursor: int, marks: frozenset[str]) -> int | None:
    start = text.find(words, cursor)
    while start > 0:
        if text[start - 1] in marks:
            return start
        start = text.find(words, start + 1)
    return None


@dataclass
class _Source:
    """A source as one place names it: its name, kind, words that identify it, where."""

    name: str
    kind: SourceKind
    key: frozenset[str]
    start: int
    end: int


def sources(doc: Doc, text: str, quotes: Sequence[Quote], claims: Sequence[Claim],
            outlet: str | None = None, according_reach: int = DEFAULTS.according_reach,
            forms: WordForms | None = None, language: Resources | None = None
            ) -> list[FramingSpan]:
    """Each distinct source once: its fullest name, its kind, and where it is first named.

    Sources are the speakers of quotes, the outlets quotes were given to (other media), the
    sources of figures, "according to X", and unnamed subjects of speech verbs ("military
    sources say"). Where the article never writes a source's name as such (a resolved "he"),
    the offsets are those of the first passage attributed to it.
    """
    language = language or resources()
    persons = [frozenset(_words(e.text)) for e in doc_ents(doc) if e.label_ == "PERSON"]
    found: list[_Source] = []

    @cache
    def placed(name: str) -> tuple[tuple[int, int] | None, SourceKind]:
        """Where a name is first written, and its kind; once per name (a speaker of many
        quotes is named as often)."""
        at = _first_mention(text, name)
        tokens = doc.char_span(*at, alignment_mode="expand") if at else None
        return at, source_kind(name, tokens, persons, language)

    def add(name: str | None, start: int, end: int, kind: SourceKind | None = None) -> None:
        if not name or (outlet and normalise(name) == normalise(outlet)):
            return
        key = _key(name, language)
        if key:
            at, named_kind = placed(name)
            found.append(_Source(name, kind or named_kind, key, *(at or (start, end))))

    for quote in quotes:
        add(quote.speaker, quote.start, quote.end)
        add(quote.via, quote.start, quote.end, "media")
    for claim in claims:
        add(claim.source, claim.start, claim.end)
    forms = word_forms(doc) if forms is None else forms
    for span in [*according_to(doc, according_reach, forms),
                 *unnamed_speakers(doc, forms, language)]:
        add(span.text, span.start_char, span.end_char)
    return [FramingSpan(s.name, s.start, s.end, s.kind) for s in _fold(found)]


def source_kind(name: str, tokens: Span | None = None,
                persons: Sequence[frozenset[str]] = (), language: Resources | None = None
                ) -> SourceKind:
    """Media, a named person, an institution, or a source the article does not name.

    ``tokens`` is the name's first mention in the parsed article, where there is one; its
    parts of speech then tell a person's name from a title or a common noun."""
    language = language or resources()
    words = _words(name)
    head = _head(name, language.source_tail)
    media = language.media_words
    if is_outlet(name, language) or (media is not None and media.search(name)):
        return "media"
    if any(p and p <= set(words) for p in persons):
        return "named"
    if head in language.institution_heads or is_org(name, language) \
            or body_named(name, language) or _only_places(words, language):
        return "institution"
    if head in language.anonymous_heads:
        return "anonymous"
    return "named" if _has_name(name, tokens, language) else "anonymous"


def _words(text: str) -> list[str]:
    return [normalise(w) for w in _WORD.findall(text)]


def _head(name: str, tail: re.Pattern[str] | None) -> str:
    """The last word before a comma, preposition or clause: the noun the name is about."""
    main = tail.split(name, maxsplit=1)[0] if tail is not None else name
    words = _words(main)
    return words[-1] if words else ""


def _only_places(words: list[str], language: Resources) -> bool:
    content = [w for w in words if w not in language.determiners]
    return bool(content) and all(w in country_names() or is_actor_word(w, language)
                                 for w in content)


def _has_name(name: str, tokens: Span | None, language: Resources) -> bool:
    """A proper noun that is no title, demonym or place: a person the article names."""
    if tokens is not None:
        return any(t.pos_ == "PROPN" and t.ent_type_ not in PLACE_LABELS
                   and not _is_label(t.lower_, language) for t in tokens)
    return any(w[:1].isupper() and not _is_label(w.lower(), language)
               for w in _WORD.findall(name))


def _is_label(word: str, language: Resources) -> bool:
    return word in language.name_prefixes or word in language.demonym_words \
        or word in country_names() or is_actor_word(word, language)


def _first_mention(text: str, name: str) -> tuple[int, int] | None:
    return next(whole_phrases(text, name.strip()), None)


@lru_cache(maxsize=4096)
def _key(name: str, language: Resources) -> frozenset[str]:
    """Words that identify a source: a known body or person, else its content words."""
    words = _words(name)
    body = body_named(name, language)
    if body:
        return frozenset({body})
    return frozenset(w for w in words if w not in language.determiners
                     and w not in language.name_prefixes
                     and w not in {"citing", "preliminary", "data"})


def _fold(found: list[_Source]) -> list[_Source]:
    """One source per identity: a name whose key another name's key holds folds into it."""
    kept: list[_Source] = []
    for source in sorted(found, key=lambda s: (-len(s.key), s.start)):
        into = next((k for k in kept if source.key <= k.key), None)
        if into is None:
            kept.append(source)
        elif source.start < into.start:
            into.start, into.end = source.start, source.end
    return sorted(kept, key=lambda s: s.start)


def according_to(doc: Doc, reach: int = DEFAULTS.according_reach,
                 forms: WordForms | None = None) -> list[Span]:
    """The noun phrase after each "according to", up to the clause's next verb or comma and
    at most ``reach`` tokens."""
    forms = word_forms(doc) if forms is None else forms
    found = []
    for i in (k for k, (lower, _) in enumerate(forms[:-2]) if lower == "according"):
        if forms[i + 1][0] != "to":
            continue
        start = i + 2
        end = start
        while end < min(len(doc), start + reach) \
                and doc[end].pos_ not in _STOP_AFTER_ACCORDING and doc[end].tag_ != "WDT":
            end += 1
        if end > start:
            found.append(doc[start:end])
    return found


def unnamed_speakers(doc: Doc, forms: WordForms | None = None,
                     language: Resources | None = None) -> list[Span]:
    """Subjects of speech verbs that name nobody: "military sources say", "an official said"."""
    language = language or resources()
    forms = word_forms(doc) if forms is None else forms
    found = []
    anonymous = language.anonymous_heads
    for token in (doc[i] for i, (lower, _) in enumerate(forms) if lower in anonymous):
        if token.dep_ == "nsubj" \
                and token.head.lemma_ in language.figure_verbs \
                and not any(t.pos_ == "PROPN" for t in token.subtree):
            found.append(doc[token.left_edge.i : token.i + 1])
    return found
