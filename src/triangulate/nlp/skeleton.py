"""Readers for a language that supplies only a skeleton (numbers and reported speech), not
the English components' dozens of lists: quotes with their speakers and figures with what
they count, read by the words its folder gives (:class:`triangulate.lang.Language`) and by
the parse of its spaCy model, which follows Universal Dependencies (``nsubj``, ``obj``).

What they read
--------------
* Direct quotes: text between the language's quotation marks, with a cue verb after the
  closing mark in the same sentence ("« ... », a déclaré le ministre", "a-t-il dit") or
  before the opening one ("Le ministre a affirmé : « ... »"). A short quote with no cue is a
  scare quote, not a quote.
* Reported speech: a cue verb followed by the language's "that" ("a affirmé que ..."), and a
  sentence given to someone by a source marker ("Selon l'armée, ...", "..., selon X.").
* Speakers: the cue's subject, else the words right after it (French puts the subject after
  the verb when the quote comes first); a pronoun stands for the person named last before;
  ``via`` where a capitalised name follows a preposition after the cue ("à l'AFP").
* Figures (:mod:`triangulate.nlp.numerals`): the measure from the first word of loss after
  the figure in its clause ("3 000 soldats ont été tués" killed), else before it ("le nombre
  de morts atteint 300"); the subject is the noun counted ("soldats russes"); the source is
  the speaker of the quote or reported sentence the figure stands in.

What they do not read (the English components do): titles and roles, channels that are
no names ("à la télévision"), actors and sides, time scopes, events, framing, statements
for tensions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from triangulate.lang import Language as Resources
from triangulate.lang import resources
from triangulate.measures import Measure
from triangulate.nlp.extensions import text_of
from triangulate.nlp.numbers import NumberMention
from triangulate.nlp.numerals import find_figures
from triangulate.types import Claim, Entity, Quote

for _name in ("quotes", "scare_quotes", "claims"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_CUE_REACH = 10  # tokens between a quote's mark and its cue verb, at most
_MAX_SCARE_WORDS = 3  # a quote this short with no cue is a scare quote
_MIN_REPORTED = 3  # tokens of reported speech, at least
_MEASURE_REACH = 8  # tokens after a figure searched for the word of loss
_SUBJECT_REACH = 3  # tokens after a figure searched for the noun it counts
_CLAUSE_ENDS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–"})
_SENTENCE_ENDS = frozenset({".", "!", "?"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# the French model writes persons PER, places LOC; the store keeps spaCy's English labels
_ENTITY_LABELS = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC",
                  "GPE": "GPE"}


@Language.factory("triangulate_skeleton_quotes", default_config={"lang": "fr"},
                  assigns=["doc._.quotes", "doc._.scare_quotes"])
def make_quote_reader(nlp: Language, name: str, lang: str) -> QuoteReader:
    return QuoteReader(resources(lang))


@Language.factory("triangulate_skeleton_claims", default_config={"lang": "fr"},
                  requires=["doc._.quotes"], assigns=["doc._.claims"])
def make_claim_reader(nlp: Language, name: str, lang: str) -> ClaimReader:
    return ClaimReader(resources(lang))


@dataclass(frozen=True)
class _Marked:
    start: int  # the quoted text, without its marks
    end: int
    open_at: int  # the marks
    close_at: int


class QuoteReader:
    """Direct quotes, then reported speech, sentence by sentence, so that a pronoun's
    speaker can be the one named before it."""

    def __init__(self, language: Resources) -> None:
        self.language = language
        self.marks = _mark_pattern(language)

    def __call__(self, doc: Doc) -> Doc:
        quotes: list[Quote] = []
        scare: list[str] = []
        marked = self._marked(doc)
        spans = [(m.open_at, m.close_at) for m in marked]
        cues: set[int] = set()  # the direct quotes' cues (the parser may end a sentence
        for sentence in doc.sents:  # between a quote and its cue)
            for item in marked:
                if not sentence.start_char <= item.open_at < sentence.end_char:
                    continue
                found = self._direct(doc, item, quotes)
                if found:
                    quotes.append(found[0])
                    cues.add(found[1].i)
                elif len(text_of(doc)[item.start:item.end].split()) <= _MAX_SCARE_WORDS:
                    scare.append(text_of(doc)[item.start:item.end])
            quotes += self._reported(doc, sentence, spans, cues, quotes)
        doc._.quotes = quotes
        doc._.scare_quotes = scare
        return doc

    def _marked(self, doc: Doc) -> list[_Marked]:
        found = []
        for match in self.marks.finditer(text_of(doc)) if self.marks else ():
            group = next(name for name, text in match.groupdict().items() if text is not None)
            inner = match.group(group)
            start = match.start(group) + len(inner) - len(inner.lstrip())
            end = match.end(group) - (len(inner) - len(inner.rstrip()))
            if end > start:
                found.append(_Marked(start, end, match.start(), match.end() - 1))
        return found

    def _direct(self, doc: Doc, marked: _Marked, earlier: list[Quote]
                ) -> tuple[Quote, Token] | None:
        """The quote in ``marked`` and its cue, where it has one."""
        cue = self._cue_after(doc, marked) or self._cue_before(doc, marked)
        if cue is None:
            return None
        speaker = self._speaker(doc, cue, marked.start, earlier)
        return Quote(article="", kind="direct", text=text_of(doc)[marked.start:marked.end],
                     speaker=speaker, cue=_cue_words(cue), via=_text(self._via(cue)),
                     sentence=cue.sent.text.strip(), start=marked.start, end=marked.end), cue

    def _via(self, cue: Token) -> Token | None:
        """Whom the words were said to, where a name follows a preposition in the cue's
        clause after it: "a déclaré à l'AFP", "a déclaré le colonel à l'AFP" (not "a dit
        aux soldats")."""
        clause = cue.doc[cue.i + 1:_clause_stop(cue.sent, cue.i + 1, _CLAUSE_ENDS)]
        for token in clause:
            if token.text[:1].isupper() and any(
                    c.dep_ == "case" and c.lower_ in self.language.via_markers
                    for c in token.children):
                return token
        return None

    def _cue_after(self, doc: Doc, marked: _Marked) -> Token | None:
        close = doc.char_span(marked.close_at, marked.close_at + 1, alignment_mode="expand")
        if close is None:
            return None
        for token in doc[close.end:min(len(doc), close.end + _CUE_REACH)]:
            if token.text in _SENTENCE_ENDS or token.text in self.language.quote_marks:
                return None
            if self._is_cue(token):
                return token
            if "\n" in token.text_with_ws:
                return None
        return None

    def _cue_before(self, doc: Doc, marked: _Marked) -> Token | None:
        opening = doc.char_span(marked.open_at, marked.open_at + 1, alignment_mode="expand")
        if opening is None:
            return None
        sentence_start = opening[0].sent.start
        preceding = doc[max(sentence_start, opening.start - _CUE_REACH):opening.start]
        return self._cue_in(reversed(list(preceding)))

    def _cue_in(self, tokens: Iterable[Token]) -> Token | None:
        return next((t for t in tokens if self._is_cue(t)), None)

    def _is_cue(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.language.cue_verbs

    def _speaker(self, doc: Doc, cue: Token, before: int, earlier: list[Quote]) -> str | None:
        via = self._via(cue)
        phrase = _before_via(_subject(cue), via) or _inverted_subject(cue, via)
        if phrase is None:
            return None
        if phrase.text.lower() in self.language.pronouns:
            return _antecedent(doc, before, earlier)
        return _without_article(phrase)

    def _reported(self, doc: Doc, sentence: Span, direct: list[tuple[int, int]],
                  cues: set[int], earlier: list[Quote]) -> list[Quote]:
        """Reported speech in ``sentence``, outside the direct quotes and by none of their
        ``cues``."""
        def inside_direct(token: Token) -> bool:
            return any(a <= token.idx < b for a, b in direct)

        found: list[Quote] = []
        for token in sentence:
            if inside_direct(token) or token.i in cues:
                continue
            if self._is_cue(token):
                quote = self._that_clause(doc, token, earlier + found) \
                    or self._said_before(doc, token, earlier + found)
            elif self._is_marker(token):
                quote = self._attributed(sentence, token)
            else:
                continue
            if quote:
                found.append(quote)
        return found

    def _that_clause(self, doc: Doc, cue: Token, earlier: list[Quote]) -> Quote | None:
        after = [t for t in cue.sent if t.i > cue.i]
        opener = next((t for t in after[:3] if t.lower_ in self.language.that_words), None)
        if opener is None:
            return None
        clause = doc[opener.i + 1:_clause_stop(cue.sent, opener.i + 1, {".", "!", "?", ";"})]
        if len(clause) < 2:
            return None
        return replace(self._indirect(clause, self._speaker(doc, cue, cue.idx, earlier),
                                      _cue_words(cue)), via=_text(self._via(cue)))

    def _said_before(self, doc: Doc, cue: Token, earlier: list[Quote]) -> Quote | None:
        """"Trois soldats ont été tués, a déclaré le ministre.": the clause before the comma
        that the cue (with its auxiliaries) follows, its speaker after the cue."""
        first = min([cue, *(t for t in cue.children if t.pos_ == "AUX" and t.i < cue.i)],
                    key=lambda t: t.i)
        sentence = cue.sent
        if first.i - 1 <= sentence.start or doc[first.i - 1].text != ",":
            return None
        said = doc[sentence.start:first.i - 1]
        subject = _subject(cue)
        if len(said) < _MIN_REPORTED or (subject is not None and subject.start < cue.i):
            return None  # "Il a dit, ..." says nothing before the comma
        speaker = self._speaker(doc, cue, said.start_char, earlier)
        if speaker is None:
            return None
        quote = self._indirect(said, speaker, _cue_words(cue))
        return replace(quote, via=_text(self._via(cue)))

    def _is_marker(self, token: Token) -> bool:
        """A source marker ends at ``token``: one word ("selon") or two ("d'" "après")."""
        markers = self.language.source_markers
        return token.lower_ in markers or (token.i > 0 and token.doc[token.i - 1].lower_
                                           + token.lower_ in markers)

    def _attributed(self, sentence: Span, last: Token) -> Quote | None:
        """"Selon X, rest." or "Rest, selon X." """
        doc = sentence.doc
        whole = last.lower_ in self.language.source_markers
        marker = last if whole else doc[last.i - 1]
        source_end = _clause_stop(sentence, last.i + 1, _CLAUSE_ENDS)
        source = doc[last.i + 1:source_end]
        leads = marker.i <= sentence.start  # the parser may cut "D’" off as a sentence
        if leads:
            rest = doc[source_end + 1:_clause_stop(sentence, source_end + 1, _SENTENCE_ENDS)]
        elif doc[marker.i - 1].text == ",":
            rest = doc[sentence.start:marker.i - 1]
        else:
            return None
        if not len(source) or len(rest) < _MIN_REPORTED:
            return None
        return self._indirect(rest, _without_article(source), doc[marker.i:last.i + 1].text)

    @staticmethod
    def _indirect(clause: Span, speaker: str | None, cue: str) -> Quote:
        return Quote(article="", kind="indirect", text=clause.text.strip(), speaker=speaker,
                     cue=cue, sentence=clause.sent.text.strip(), start=clause.start_char,
                     end=clause.end_char)


class ClaimReader:
    """A claim for every figure but percentages, sourced from the quotes found before."""

    def __init__(self, language: Resources) -> None:
        self.language = language

    def __call__(self, doc: Doc) -> Doc:
        figures = [m for m in find_figures(text_of(doc), self.language) if not m.is_percent]
        starts = [m.start for m in figures]
        claims = []
        for k, mention in enumerate(figures):
            next_start = starts[k + 1] if k + 1 < len(figures) else len(text_of(doc))
            claim = self._claim(doc, mention, next_start)
            if claim:
                claims.append(claim)
        doc._.claims = claims
        return doc

    def _claim(self, doc: Doc, mention: NumberMention, next_start: int) -> Claim | None:
        number = doc.char_span(mention.number_start, mention.number_end, alignment_mode="expand")
        if number is None:
            return None
        sentence = number[0].sent
        after = [t for t in doc[number.end:min(sentence.end, number.end + _MEASURE_REACH)]
                 if t.idx < next_start]
        after = after[:next((k for k, t in enumerate(after) if t.text in _CLAUSE_ENDS),
                            len(after))]
        measure, word = self._measure(after, self._before(number, sentence))
        counted = _counted(after[:_SUBJECT_REACH], self.language, number)
        subject = None if counted is None or self._loss(counted) else self._counted_phrase(counted)
        named = [t for t in (word, counted) if t is not None and t.i >= number.end]
        end = max([mention.end, *(t.idx + len(t.text) for t in named)])
        return Claim(article="", measure=measure, value=mention.value, low=mention.low,
                     high=mention.high, qualifier=mention.qualifier, subject=subject,
                     source=_source_of(mention, sentence, doc._.quotes or []),
                     text=text_of(doc)[mention.start:end], sentence=sentence.text.strip(),
                     start=mention.start, end=end)

    def _measure(self, after: list[Token], before: list[Token]
                 ) -> tuple[Measure, Token | None]:
        """The first word of loss after the figure, else the last noun of loss before it."""
        for token in after:
            if self._loss(token):
                return self._loss(token) or "other", token
        for token in reversed(before):
            if token.pos_ in _NOUNS and self._loss(token):
                return self._loss(token) or "other", None
        return "other", None

    def _loss(self, token: Token) -> Measure | None:
        words = self.language.measure_words
        return words.get(token.lemma_.lower()) or words.get(token.lower_)

    def _counted_phrase(self, noun: Token) -> str:
        """The noun with the modifiers right after it that are no word of loss ("soldats
        russes", "soldats ennemis", "personnes déplacées"; "civils" of "civils blessés")."""
        end = noun.i + 1
        while end < len(noun.doc) and _modifies(noun.doc[end], noun) \
                and not self._loss(noun.doc[end]):
            end += 1
        return noun.doc[noun.i:end].text

    @staticmethod
    def _before(number: Span, sentence: Span) -> list[Token]:
        """The tokens of the figure's clause before it."""
        start = number.start
        while start > sentence.start and sentence.doc[start - 1].text not in _CLAUSE_ENDS:
            start -= 1
        return list(sentence.doc[start:number.start])


def skeleton_reading(doc: Doc, article_id: str) -> tuple[list[Quote], list[Claim],
                                                          list[Entity]]:
    """What a skeleton language's reading holds: quotes, claims, named entities."""
    quotes = [replace(q, article=article_id) for q in doc._.quotes or []]
    claims = [replace(c, article=article_id) for c in doc._.claims or []]
    entities = [Entity(article=article_id, text=ent.text.strip(),
                       label=_ENTITY_LABELS[ent.label_], canonical=ent.text.strip())
                for ent in doc.ents if ent.label_ in _ENTITY_LABELS]
    return quotes, claims, entities


# --------------------------------------------------------------------------- helpers

def _mark_pattern(language: Resources) -> re.Pattern[str] | None:
    """One pattern for every pair of marks; group ``q<k>`` holds the text of pair ``k``."""
    pairs = []
    for k, (opening, closing) in enumerate(language.quote_marks.items()):
        ends = "".join(re.escape(c) for c in closing)
        pairs.append(f"{re.escape(opening)}(?P<q{k}>[^\\n{re.escape(opening)}{ends}]+)[{ends}]")
    return re.compile("|".join(pairs)) if pairs else None


def _cue_words(cue: Token) -> str:
    """The cue verb with its auxiliaries ("a déclaré", "a dit")."""
    auxiliaries = [t for t in cue.children if t.pos_ == "AUX" and t.i < cue.i]
    return " ".join(t.text for t in [*auxiliaries, cue])


def _subject(cue: Token) -> Span | None:
    """The cue's subject; a euphonic letter ("a-t-il": "-t") is none."""
    subject = next((c for c in cue.children
                    if (c.dep_.startswith("nsubj") or c.dep_ == "expl:subj")
                    and len(c.text.strip("-")) > 1), None)
    if subject is None:
        return None
    if subject.pos_ == "PRON":
        return cue.doc[subject.i:subject.i + 1]
    return _phrase(subject)


def _inverted_subject(cue: Token, via: Token | None = None) -> Span | None:
    """The words after the cue up to the clause's end, or up to whom they were said to:
    "», a déclaré le ministre.", "a déclaré le général au Monde"."""
    sentence = cue.sent
    start = cue.i + 1
    while start < sentence.end and cue.doc[start].text.lower() in ("-t", "-t-"):
        start += 1
    end = _clause_stop(sentence, start, _CLAUSE_ENDS)
    if via is not None and start < via.i < end:
        end = min(c.i for c in via.children if c.dep_ == "case")
    words = cue.doc[start:end]
    if not len(words) or words[0].pos_ not in ("DET", "NOUN", "PROPN", "PRON"):
        return None
    return words


def _phrase(head: Token) -> Span:
    tokens = [t for t in head.subtree if t.text not in _CLAUSE_ENDS]
    return head.doc[tokens[0].i:tokens[-1].i + 1]


def _without_article(phrase: Span) -> str:
    """The phrase without its leading articles, elided ones too ("l’", which the parser may
    not tag as one)."""
    words = list(phrase)
    while words and (words[0].pos_ == "DET" or _elided(words[0])):
        words = words[1:]
    return phrase.doc[words[0].i:words[-1].i + 1].text if words else phrase.text


def _before_via(phrase: Span | None, via: Token | None) -> Span | None:
    """The phrase up to the words of whom it was said to ("le colonel à l'AFP")."""
    if phrase is None or via is None or not phrase.start < via.i < phrase.end:
        return phrase
    return phrase.doc[phrase.start:min(c.i for c in via.children if c.dep_ == "case")]


def _text(token: Token | None) -> str | None:
    return token.text if token is not None else None


def _elided(word: Token) -> bool:
    return len(word.text) <= 3 and word.text[-1] in "'’"


def _antecedent(doc: Doc, before: int, earlier: list[Quote]) -> str | None:
    """Whom a pronoun before ``before`` stands for: the person named last, as the last
    speaker who bears that name describes them ("général Marc Lefort" for "Marc Lefort");
    the last speaker where no person is named."""
    people = [e.text for e in doc.ents if e.label_ in ("PER", "PERSON") and e.end_char <= before]
    speaker = next((q.speaker for q in reversed(earlier) if q.speaker), None)
    if not people:
        return speaker
    return speaker if speaker and people[-1] in speaker else people[-1]


def _clause_stop(sentence: Span, start: int, stops: Iterable[str]) -> int:
    stop_set = set(stops)
    for token in sentence.doc[start:sentence.end]:
        if token.text in stop_set:
            return token.i
    return sentence.end


def _counted(tokens: list[Token], language: Resources, number: Span) -> Token | None:
    """The noun a figure counts: the first noun after it, past "de" and magnitudes, or an
    adjective used as one that the parse links to the figure ("40 civils")."""
    for token in tokens:
        if token.lower_ in language.magnitude_words or token.lower_ in language.approximate_nouns:
            continue
        if token.pos_ in _NOUNS or (token.pos_ == "ADJ" and _linked(token, number)):
            return token
        if token.pos_ not in ("ADP", "DET", "NUM"):
            return None
    return None


def _linked(word: Token, number: Span) -> bool:
    return word.head in number or any(t.head == word for t in number)


def _modifies(word: Token, noun: Token) -> bool:
    """An adjective, or a participle the parser hangs on the noun ("ennemis" as acl)."""
    return word.pos_ == "ADJ" or (word.head == noun and word.dep_ in ("amod", "acl")
                                  and word.pos_ in ("ADJ", "VERB"))


def _source_of(mention: NumberMention, sentence: Span, quotes: list[Quote]) -> str | None:
    """The speaker of the quote the figure stands in, else of one in its sentence."""
    inside = next((q for q in quotes if q.start <= mention.start < q.end), None)
    if inside:
        return inside.speaker
    same = next((q for q in quotes if sentence.start_char <= q.start < sentence.end_char
                 and q.speaker), None)
    return same.speaker if same else None
