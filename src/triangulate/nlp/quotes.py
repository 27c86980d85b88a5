"""Direct and reported quotes with their speakers, as a spaCy pipeline component.

The component reads the marks of the raw text (:mod:`triangulate.nlp.marks`) and the parse
spaCy already made, and sets ``doc._.quotes`` (a list of :class:`~triangulate.types.Quote`,
with ``article`` left empty for the caller) and ``doc._.scare_quotes`` (quoted words that
nobody says: "elite").

A whole quote's cue is the verb of the words right after its closing mark ("...,' a medic
told the BBC", "...,' the colonel grumbled") or right before its opening mark ("X said:
'...'"), else a name a dash signs it with ("'...' — Name"); a partial quote's cue is the
speech verb above it in the parse ("claimed that they had '...'", "describing the move as
'...'"), and one with no such verb is a scare quote (a word or two) or nobody's words. A
sentence quoted in two halves around its cue, and a cue-less quote that opens the next
paragraph, are joined into one record; any other quote without a cue takes the speaker of
the quote before it.

Reported speech is the content clause of a speech, belief or finding verb, on either side
of it: "X said (that) ...", "X told reporters that ...", "..., X said on Tuesday, citing
...", "X denied it, saying ...", "the inquiry found ...", "according to X" at either end.
A word or three quoted inside a reported clause belong to that report.

Speakers come from :mod:`triangulate.nlp.speakers`: pronouns and "the official" are resolved
by rule, and every speaker is written one way per article (its fullest mention or name).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from triangulate.lang import DEFAULT as DEFAULT_LANGUAGE
from triangulate.lang import Language as Resources
from triangulate.lang import resources
from triangulate.nlp.extensions import declare, span_text, text_of
from triangulate.nlp.marks import QuoteSpan, find_quote_spans, paragraphs
from triangulate.nlp.speakers import (
    Discourse,
    Mention,
    SpeakerForm,
    can_speak,
    denied,
    mention_of,
    speaker_strings,
    speaker_token,
    subject_mentions,
    via_of,
)
from triangulate.nlp.words import words_of
from triangulate.settings import DEFAULTS
from triangulate.types import Quote, QuoteKind

declare("quotes", "scare_quotes")

_DATELINE_WORDS = 12  # a dateline's tokens at most ("ODESA, Ukraine, May 2 (Reuters) -")
_REASON_MARKS = frozenset({"because", "since", "if", "unless", "although", "though"})
_SENTENCE_PUNCT = frozenset({".", "!", "?", "…"})
_MANNER_OF_PUTTING: frozenset[str] = frozenset({"well", "best", "thus", "so", "better"})
_SIGNING_DASHES: frozenset[str] = frozenset({"―", "—", "–", "-", "--"})


@dataclass
class _Found:
    """A quote in the making: its span, tokens, cue and speaker."""

    kind: QuoteKind
    start: int
    end: int
    first: int  # first and last token of the quoted words
    last: int
    paragraph: int
    cue: Token | None = None
    cue_after: bool = False
    label: Token | None = None  # head of "Name, Outlet:" before a quote without a cue
    partial: bool = False  # quoted words inside a sentence of the writer's
    runs_on: bool = False  # no closing mark before its paragraph's end
    speaker: Mention | None = None
    via: str | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True)
class QuoteLimits:
    """The parser's reaches, from the ``quote_*`` fields of :class:`~triangulate.Settings`."""

    scare_words: int = DEFAULTS.quote_scare_words
    cue_climb: int = DEFAULTS.quote_cue_climb
    join_gap: int = DEFAULTS.quote_join_gap
    attribution_reach: int = DEFAULTS.quote_attribution_reach
    label_reach: int = DEFAULTS.quote_label_reach
    min_report: int = DEFAULTS.quote_min_report


class _Context:
    """Per-document lookups: which tokens are quoted, which paragraph a character is in; the
    parser's limits."""

    def __init__(self, doc: Doc, text: str, spans: list[QuoteSpan],
                 limits: QuoteLimits = QuoteLimits(),
                 language: Resources | None = None) -> None:
        self.doc = doc
        self.limits = limits
        self.language = language or resources()
        self.marks = "".join(self.language.mark_chars)
        self.text = text  # the text joined once (:func:`~triangulate.nlp.extensions.text_of`)
        self.paragraph_starts = [start for start, _ in paragraphs(self.text)]
        self.quoted_tokens: set[int] = set()
        self.ranges: list[tuple[int, int]] = []
        for span in spans:
            tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
            if tokens is None or len(tokens) == 0:
                self.ranges.append((-1, -1))
                continue
            self.ranges.append((tokens.start, tokens.end - 1))
            self.quoted_tokens.update(range(tokens.start, tokens.end))

    def quoted(self, i: int) -> bool:
        return i in self.quoted_tokens

    def paragraph(self, char: int) -> int:
        return bisect.bisect_right(self.paragraph_starts, char) - 1


class QuoteFinder:
    """Sets ``doc._.quotes`` and ``doc._.scare_quotes`` from the parse spaCy already made.

    ``speaker_form`` says how speakers are written: ``"mention"`` (the fullest mention of each
    speaker in the article, as written: "Taras, a Ukrainian drone operator") or
    ``"name"`` (the fullest name alone: "Taras"); either way ``role`` and ``affiliation``
    hold the title and the demonym. See :func:`~triangulate.nlp.speakers.speaker_strings`.

    ``join_sentences`` joins two quoted sentences around one cue ("'...,' he said. '...'")
    into one record, as PARC-style corpora (PolNeAR) annotate them; by default they are two
    records of one speaker, as the project's gold annotates them. A sentence quoted in two
    halves ("'...,' he said, '...'") is always one record.
    """

    def __init__(self, speaker_form: SpeakerForm = "mention", join_sentences: bool = False,
                 limits: QuoteLimits = QuoteLimits(),
                 language: Resources | None = None) -> None:
        if speaker_form not in ("name", "mention"):
            raise ValueError(f"speaker_form must be 'name' or 'mention', not {speaker_form!r}")
        self.speaker_form: SpeakerForm = speaker_form
        self.join_sentences = join_sentences
        self.limits = limits
        self.language = language or resources()

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        spans = [s for s in find_quote_spans(text) if s.depth == 0]
        cues, subjects = _scan(doc, self.language)
        doc._.scare_quotes = []
        if not spans and not cues:
            doc._.quotes = []
            return doc
        ctx = _Context(doc, text, spans, self.limits, self.language)
        discourse = Discourse(subject_mentions(subjects, ctx.quoted, True, self.language),
                              subject_mentions(subjects, ctx.quoted, False, self.language),
                              self.language)
        direct = _direct(ctx, spans, doc._.scare_quotes, self.join_sentences)
        indirect = _indirect(ctx, cues, direct)
        direct = [item for item in direct if not _wording_of_a_report(ctx, item, indirect)]
        found = sorted(direct + indirect, key=lambda f: f.start)
        _attribute(found, discourse, ctx)
        doc._.quotes = _finish(doc, text, found, discourse, self.speaker_form)
        return doc


@Language.factory("triangulate_quotes",
                  requires=["token.dep", "token.lemma", "token.tag", "doc.ents"],
                  assigns=["doc._.quotes", "doc._.scare_quotes"],
                  default_config={"lang": DEFAULT_LANGUAGE, "speaker_form": "mention",
                                  "join_sentences": DEFAULTS.join_sentences,
                                  "scare_words": DEFAULTS.quote_scare_words,
                                  "cue_climb": DEFAULTS.quote_cue_climb,
                                  "join_gap": DEFAULTS.quote_join_gap,
                                  "attribution_reach": DEFAULTS.quote_attribution_reach,
                                  "label_reach": DEFAULTS.quote_label_reach,
                                  "min_report": DEFAULTS.quote_min_report})
def make_quote_finder(nlp: Language, name: str, lang: str, speaker_form: SpeakerForm,
                      join_sentences: bool, scare_words: int, cue_climb: int, join_gap: int,
                      attribution_reach: int, label_reach: int, min_report: int
                      ) -> QuoteFinder:
    limits = QuoteLimits(scare_words, cue_climb, join_gap, attribution_reach, label_reach,
                         min_report)
    return QuoteFinder(speaker_form, join_sentences, limits, resources(lang))


def _scan(doc: Doc, language: Resources) -> tuple[list[Token], list[Token]]:
    """One pass over the tokens' strings: candidate cue verbs and person-like subjects."""
    words = words_of(doc)
    subjects = [doc[i] for i, dep in enumerate(words.dep) if dep in ("nsubj", "nsubjpass")]
    cues = [doc[i] for i, lemma in enumerate(words.lemma)
            if (lemma in language.cue_verbs and words.pos[i] in ("VERB", "AUX"))
            or words.lower[i] == "according"
            or (lemma in language.count_verbs and _puts_a_figure(doc[i], language))]
    return cues, subjects


# ---- direct quotes


def _direct(ctx: _Context, spans: list[QuoteSpan], scare: list[str], join_sentences: bool
            ) -> list[_Found]:
    found: list[_Found] = []
    for span, (first, last) in zip(spans, ctx.ranges, strict=True):
        if first < 0:
            continue
        item = _Found("direct", span.start, span.end, first, last, ctx.paragraph(span.start),
                      parts=[(span.start, span.end)], runs_on=not span.closed)
        item.partial = not _opens_clause(ctx, item)
        if item.partial and _is_title(ctx, item):
            continue
        _find_cue(ctx, item)
        if _is_scare(ctx, item):
            scare.append(span.text(ctx.text))
            continue
        found.append(item)
    return _join_split(ctx, found, join_sentences)


def _find_cue(ctx: _Context, item: _Found) -> None:
    """The cue of a direct quote: after it, before it, or above it in the parse."""
    if item.partial:
        item.cue = _cue_above(ctx, item)
        return
    after = _cue_next_to(ctx, item, after=True)
    before = _cue_next_to(ctx, item, after=False)
    chosen: Token | None
    if after is not None and before is not None and after.i != before.i:
        chosen = _prefer(ctx, after, before)
        is_after = chosen.i == after.i
    elif after is not None:
        chosen, is_after = after, True
    elif before is not None:
        chosen, is_after = before, False
    else:
        chosen, is_after = _introducer_before(ctx, item), False
        if chosen is None:
            item.label = _label_after(ctx, item) or _label_before(ctx, item)
    item.cue = chosen
    item.cue_after = is_after


def _introducer_before(ctx: _Context, item: _Found) -> Token | None:
    """The verb of a paragraph that ends with a colon and introduces the quote that opens the
    next one, whatever the verb: "Marta Ilves, an analyst, sees a pattern in it:" / "'...'"."""
    doc = ctx.doc
    i = _colon_before(ctx, item, across_break=True)
    if i is None or ctx.paragraph(doc[i].idx) != item.paragraph - 1:
        return None
    verb = doc[i].head  # the colon hangs on the introducing verb or on a word under it
    while verb.head.i != verb.i and ctx.paragraph(verb.head.idx) == item.paragraph - 1:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return verb


def _colon_before(ctx: _Context, item: _Found, across_break: bool) -> int | None:
    """The index of a colon just before the quote's opening mark (or, ``across_break``, before
    the line break above it), or None."""
    doc = ctx.doc
    i = item.first - 1
    while i >= 0 and ((across_break and doc[i].is_space)
                      or all(c in ctx.marks for c in doc[i].text)):
        i -= 1
    return i if i >= 1 and doc[i].text == ":" else None


def _label_before(ctx: _Context, item: _Found) -> Token | None:
    """The head of a bare label before a colon that introduces a quote: "Anna Berg, Nordic
    Radio: '...'", "MR. OKAFOR: '...'" in a transcript."""
    doc = ctx.doc
    i = _colon_before(ctx, item, across_break=False)
    if i is None:
        return None
    begin, reach = i, ctx.limits.label_reach
    while begin > 0 and i - begin < reach and not doc[begin - 1].is_space and not (
        doc[begin - 1].text in _SENTENCE_PUNCT or ctx.quoted(begin - 1)
    ):
        begin -= 1
    words = doc[begin:i]
    if not 0 < len(words) < reach or any(_is_verb(t) for t in words):
        return None
    if begin == doc[begin].sent.start and _is_dateline(list(words)):
        return None  # "ODESA, Ukraine (Reuters): '...'": where and whence, not who
    if not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in words):
        return None
    return next((t for t in words if not begin <= t.head.i < i or t.head.i == t.i), None)


def _label_after(ctx: _Context, item: _Found) -> Token | None:
    """The name a dash signs a quote with: "'...' ― Iryna Melnyk", "'...' — Petro Havryliuk,
    a farmer"; the last word of the name."""
    doc = ctx.doc
    i = item.last + 1
    while i < len(doc) and (all(c in ctx.marks for c in doc[i].text) or (
            doc[i].is_space and "\n" not in doc[i].text)):
        i += 1
    if i + 1 >= len(doc) or not _is_signing_dash(doc[i], ctx.marks):
        return None
    name = doc[i + 1]
    if ctx.quoted(name.i) or ctx.paragraph(name.idx) != item.paragraph or not (
        name.pos_ == "PROPN" or name.ent_type_ == "PERSON"
    ):
        return None
    while name.i + 1 < len(doc) and _name_goes_on(ctx, doc[name.i + 1]):
        name = doc[name.i + 1]
    return name


def _is_signing_dash(token: Token, marks: str) -> bool:
    """A dash that may sign a quote with a name; the tokenizer leaves one written against
    the closing mark (one of ``marks``) on it: "”―"."""
    return token.text.lstrip(marks) in _SIGNING_DASHES


def _name_goes_on(ctx: _Context, token: Token) -> bool:
    """True where ``token`` is one more word of a signing name (a line break is never one,
    though the tagger may count it in the name before it)."""
    return not (token.is_space or ctx.quoted(token.i)) and (
        token.pos_ == "PROPN" or token.ent_type_ == "PERSON")


def _prefer(ctx: _Context, after: Token, before: Token) -> Token:
    """Of a cue on each side, the one whose speaker has a proper name; else the later one."""
    named = []
    for cue in (after, before):
        head = speaker_token(cue, ctx.quoted, ctx.language)
        named.append(head is not None and head.pos_ == "PROPN")
    if named[1] and not named[0]:
        return before
    return after


def _cue_next_to(ctx: _Context, item: _Found, *, after: bool) -> Token | None:
    """A cue verb the word next to the quote hangs on, in the same paragraph.

    After a quote that ends in a comma, question or exclamation mark, the verb of the
    attribution is the cue whatever it is ("'...,' the sergeant shrugged"); elsewhere it
    must be a verb of speech.
    """
    token = _word_next_to(ctx, item, after=after)
    if token is None:
        return None
    if after:
        return _cue_after(ctx, item, token)
    verb = _verb_above(ctx, token)
    return verb if verb is None or _is_cue(verb, ctx.language) else None


def _word_next_to(ctx: _Context, item: _Found, *, after: bool) -> Token | None:
    """The first word past the marks and commas beside the quote, where one stands in the
    quote's paragraph and not past the end of a sentence or a bracket."""
    doc = ctx.doc
    step = 1 if after else -1
    i = item.last + 1 if after else item.first - 1
    while 0 <= i < len(doc) and _is_mark_or_comma(doc[i], ctx.marks) and not ctx.quoted(i):
        i += step
    if not 0 <= i < len(doc) or ctx.quoted(i) or ctx.paragraph(doc[i].idx) != item.paragraph:
        return None
    token = doc[i]
    if token.is_space or token.text in _SENTENCE_PUNCT or token.text in (";", ")", "("):
        return None
    return token


def _cue_after(ctx: _Context, item: _Found, token: Token) -> Token | None:
    """The cue of the words after a quote, which begin with ``token``."""
    if _is_signing_dash(token, ctx.marks):
        return None  # "'...?' ― Name": a signature, however the tagger took the dash
    verb = _verb_above(ctx, token)
    if verb is None or not _is_cue(verb, ctx.language):
        verb = _cue_in_reach(ctx, token) or verb
    if _starts_a_statement(ctx, item, token, verb):
        return None
    if verb is None or _is_cue(verb, ctx.language):
        return verb
    if _attribution_follows(ctx, item) and verb.i - item.last <= ctx.limits.attribution_reach:
        return verb
    return None


def _starts_a_statement(ctx: _Context, item: _Found, token: Token, verb: Token | None
                        ) -> bool:
    """'..." However, Kyiv believes that ...': a sentence after a quote that ended one is
    a new statement, unless it is a bare attribution ('..." Petrov said.')."""
    return bool(token.is_sent_start) and _ends_sentence(ctx, item) and (
        verb is None or not _bare_attribution(ctx, verb))


def _cue_in_reach(ctx: _Context, token: Token) -> Token | None:
    """A speech verb a few words on, past nothing but a name the tagger took for a verb:
    capitalised surnames that are also English verbs ("'...,' Hope said", "'...,' Rush
    insisted")."""
    doc = ctx.doc
    for i in range(token.i, min(len(doc), token.i + ctx.limits.attribution_reach)):
        word = doc[i]
        if ctx.quoted(i) or word.is_space or word.text in _SENTENCE_PUNCT or word.text == ";":
            return None
        if _is_cue(word, ctx.language):
            return word
        if _is_verb(word) and word.i != token.i:
            return None
    return None


def _attribution_follows(ctx: _Context, item: _Found) -> bool:
    """True where the quote ends the way quotes before their attribution end: "...,'"."""
    inner = ctx.text[item.start : item.end].rstrip()
    after = ctx.text[item.end : item.end + 3]
    return (bool(inner) and inner[-1] in ",?!—–") or "," in after


def _ends_sentence(ctx: _Context, item: _Found) -> bool:
    """True where the quoted words end with a full stop (not a question or exclamation)."""
    inner = ctx.text[item.start : item.end].rstrip()
    return bool(inner) and inner[-1] in ".…"


def _bare_attribution(ctx: _Context, verb: Token) -> bool:
    """True where the sentence of ``verb`` says no more than who spoke: "He said." and not
    "He cautioned against underestimating them, ..." or "Kyiv believes that ..."."""
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") and not ctx.quoted(c.i) for c in verb.children):
        return False
    return verb.sent.end - verb.i <= ctx.limits.attribution_reach


def _is_mark_or_comma(token: Token, marks: str) -> bool:
    """A quotation mark (one of ``marks``), comma, colon or dash, or spaces within a line."""
    text = token.text
    if token.is_space:
        return "\n" not in text
    return bool(text) and (all(c in marks for c in text) or text in (",", ":", "—", "–"))


def _verb_above(ctx: _Context, token: Token) -> Token | None:
    """The first verb at or above ``token`` outside the quotes (or "according")."""
    node = token
    for _ in range(ctx.limits.cue_climb):
        if not ctx.quoted(node.i):
            if _is_cue(node, ctx.language):
                return node
            if _is_verb(node) and node.dep_ not in ("aux", "auxpass", "amod"):
                return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _is_verb(token: Token) -> bool:
    """A verb, not a capitalised name the tagger took for one ("'...,' Marsh added")."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return not (token.text[:1].isupper() and not token.is_sent_start)


def _is_cue(token: Token, language: Resources) -> bool:
    if token.lower_ == "according":
        return True
    return token.pos_ in ("VERB", "AUX") and (token.lemma_ in language.cue_verbs
                                              or _puts_it(token))


def _puts_it(verb: Token) -> bool:
    """"As one medic put it, '...'", "she put it bluntly: '...'": putting it into words; a
    place or particle after "it" ("put it on the truck", "put it away") moves a thing."""
    if verb.lemma_ != "put":
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "it"), None)
    if obj is None:
        return False
    after = [t for t in verb.subtree if t.i > obj.i and not t.is_punct]
    return all(t.pos_ == "ADV" and (t.lower_.endswith("ly") or t.lower_ in _MANNER_OF_PUTTING)
               for t in after)


def _cue_above(ctx: _Context, item: _Found) -> Token | None:
    """The cue verb that governs a partial quote in the parse: "claimed that they had
    '...'", "describing the move as '...'". The way up may pass verbs and prepositions but
    not a noun: quoted words inside a noun phrase ("a 'quid pro quo'") are nobody's speech.
    """
    doc = ctx.doc
    for i in range(item.first, item.last + 1):
        token = doc[i]
        if token.head.i == token.i or item.first <= token.head.i <= item.last:
            continue
        node = token.head
        for _ in range(ctx.limits.cue_climb):
            outside = not ctx.quoted(node.i)  # another quote may stand between
            if outside and _is_cue(node, ctx.language):
                return node
            if (outside and node.pos_ in ("NOUN", "PROPN", "PRON")) or node.head.i == node.i:
                break
            node = node.head
        return None
    return None


def _is_title(ctx: _Context, item: _Found) -> bool:
    """Quoted words in title case inside a sentence name a work or a slogan: "Meet the
    Press", "Make America Great Again"; nobody says them there."""
    words = [t for t in ctx.doc[item.first : item.last + 1] if t.is_alpha]
    long_words = [t for t in words if len(t) > 3]
    return len(words) >= 2 and bool(long_words) and all(t.text[0].isupper() for t in long_words)


def _is_scare(ctx: _Context, item: _Found) -> bool:
    """A word or two in marks, no verb, no sentence end, that nobody says: "elite"."""
    words = [t for t in ctx.doc[item.first : item.last + 1] if not t.is_punct]
    if not words or len(words) > ctx.limits.scare_words:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    inner = ctx.text[item.start : item.end].rstrip()
    if inner and inner[-1] in _SENTENCE_PUNCT:
        return False
    if item.cue is None:
        return True
    root = min(words, key=lambda t: len(list(t.ancestors)))
    return root.dep_ in ("amod", "compound", "nmod", "poss", "nummod")


def _join_split(ctx: _Context, found: list[_Found], join_sentences: bool) -> list[_Found]:
    """Join the parts of one quoted passage into one record.

    "'...,' he said. '...'": the second half has no cue of its own and follows the first
    half's attribution; a paragraph that opens with a quote and has no cue of its own
    continues the quote that ended the paragraph before; and a quote left open at its
    paragraph's end runs on into the quote that opens the next paragraph, whose cue, where
    only the last paragraph has one ("... ,” she said."), is the whole passage's.
    """
    out: list[_Found] = []
    for item in found:
        prev = out[-1] if out else None
        if prev is not None and (_continues_across_cue(ctx, prev, item, join_sentences)
                                 or _continues_next_paragraph(ctx, prev, item)
                                 or _runs_on(ctx, prev, item)):
            prev.parts.append((item.start, item.end))
            prev.end, prev.last, prev.runs_on = item.end, item.last, item.runs_on
            if prev.cue is None and item.cue is not None:
                prev.cue, prev.cue_after = item.cue, item.cue_after
            continue
        out.append(item)
    return out


def _runs_on(ctx: _Context, prev: _Found, item: _Found) -> bool:
    return prev.runs_on and not prev.partial and prev.cue is None \
        and item.paragraph == prev.paragraph + 1 and _opens_paragraph(ctx, item)


def _continues_across_cue(ctx: _Context, prev: _Found, item: _Found, join_sentences: bool
                          ) -> bool:
    if prev.cue is None or not prev.cue_after or prev.paragraph != item.paragraph:
        return False
    if item.cue is not None and item.cue.i != prev.cue.i:
        return False
    gap = item.first - prev.last
    if not prev.last < prev.cue.i < item.first or gap > ctx.limits.join_gap:
        return False
    if _attribution_says_more(ctx, prev.cue, prev, item):
        return False
    return not item.partial and (
        join_sentences or not _attribution_ends_sentence(ctx, prev, item))


def _attribution_says_more(ctx: _Context, cue: Token, prev: _Found, item: _Found) -> bool:
    """"'...,' he said, adding that ..., '...'": a second verb between the halves makes the
    next quote its own, as a sentence of its own (it opens with a capital) after it."""
    first_word = next((t for t in ctx.doc[item.first : item.last + 1] if not t.is_punct), None)
    if first_word is None or not first_word.text[:1].isupper():
        return False
    return any(_is_verb(t) and t.i != cue.i and not ctx.quoted(t.i)
               for t in ctx.doc[prev.last + 1 : item.first])


def _attribution_ends_sentence(ctx: _Context, prev: _Found, item: _Found) -> bool:
    """"'...,' he said. '...'" quotes two sentences, kept as two records; "'...,' he said,
    '...'" splits one sentence, joined into one."""
    between = ctx.text[prev.end : item.start].strip().strip(ctx.marks).rstrip()
    return between.endswith((".", "!", "?", ":"))


def _continues_next_paragraph(ctx: _Context, prev: _Found, item: _Found) -> bool:
    """A cue-less quote opening the paragraph after one that ends with a quote."""
    if prev.cue is None or item.cue is not None or item.paragraph != prev.paragraph + 1:
        return False
    if prev.partial or not _opens_paragraph(ctx, item):
        return False
    words = [t for t in ctx.doc[prev.last + 1 : item.first]
             if not (t.is_space or t.is_punct) and ctx.paragraph(t.idx) == prev.paragraph]
    if not words:
        return True
    cue_sentence = prev.cue.sent
    return prev.cue_after and len(words) <= ctx.limits.join_gap and all(
        cue_sentence.start <= t.i < cue_sentence.end for t in words)


def _opens_paragraph(ctx: _Context, item: _Found) -> bool:
    i = item.first - 1
    while i >= 0 and _is_mark_or_comma(ctx.doc[i], ctx.marks):
        i -= 1
    return i < 0 or ctx.doc[i].is_space or ctx.paragraph(ctx.doc[i].idx) != item.paragraph


def _opens_clause(ctx: _Context, item: _Found) -> bool:
    """True where the quote starts a sentence or follows a comma, colon or dash."""
    i = item.first - 1
    while i >= 0 and all(c in ctx.marks for c in ctx.doc[i].text):
        i -= 1
    if i < 0 or ctx.doc[i].is_space:
        return True
    text = ctx.doc[i].text
    return text[-1] in ",:;—–" or text[-1] in _SENTENCE_PUNCT  # "):" is one token


# ---- reported speech


def _indirect(ctx: _Context, cues: list[Token], direct: list[_Found]) -> list[_Found]:
    """Reported speech: the content clause of a speech or belief verb, on either side of it.

    "X said (that) CLAUSE", "CLAUSE, X said", "X denied it, saying CLAUSE", "CLAUSE,
    according to X". Cues are read outermost first, so that a cue inside another cue's
    clause ("said she believes ...") stays part of that report. A clause mostly made of a
    direct quote is left to the quote; one that holds a few quoted words ("said Russia
    'deliberately' struck ...") is reported speech with the quote inside it.
    """
    quoted_words = {i for item in direct for i in range(item.first, item.last + 1)}
    quote_cues = {item.cue.i for item in direct if item.cue is not None}
    out: list[_Found] = []
    reported: set[int] = set()
    for cue in sorted(cues, key=_depth):
        if ctx.quoted(cue.i) or cue.i in reported or not _reports(cue, ctx.language) \
                or denied(cue) or _left_to_according(cue, ctx.language):
            continue
        paragraph = ctx.paragraph(cue.idx)
        words = _report_words(ctx, cue, quote_cues, quoted_words)
        if not words:
            continue
        reported.update(t.i for t in words)
        first, last = words[0], words[-1]
        start, end = first.idx, last.idx + len(last.text)
        out.append(_Found("indirect", start, end, first.i, last.i, paragraph,
                          cue=cue, parts=_runs(words)))
    return out


def _report_words(ctx: _Context, cue: Token, quote_cues: set[int], quoted_words: set[int]
                  ) -> list[Token]:
    """The words a cue reports, in its paragraph, or none: too few, or a direct quote's."""
    paragraph = ctx.paragraph(cue.idx)
    words = [t for t in _content(cue, quote_cues, ctx.language)
             if ctx.paragraph(t.idx) == paragraph]
    if len(words) < ctx.limits.min_report or _mostly_quoted(words, quoted_words):
        return []
    return words


def _runs(words: list[Token]) -> list[tuple[int, int]]:
    """Character ranges of the runs of adjacent words: a report with an inner clause left
    out ("..., while another source said ...") is written without it."""
    runs: list[list[Token]] = [[words[0]]]
    for word in words[1:]:
        if word.i == runs[-1][-1].i + 1:
            runs[-1].append(word)
        else:
            runs.append([word])
    out: list[tuple[int, int]] = []
    for run in runs:
        kept = [t for t in run if not (t.is_punct or t.is_space)]
        if kept:
            out.append((kept[0].idx, kept[-1].idx + len(kept[-1].text)))
    return out


def _left_to_according(cue: Token, language: Resources) -> bool:
    """ "According to the coroner, marks on the bodies suggest ...": the marks show, the
    coroner speaks; the report is the one "according to" makes."""
    subject = _subject_of(cue)
    return subject is not None and not can_speak(subject, language) and any(
        c.lower_ == "according" for c in cue.children)


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _wording_of_a_report(ctx: _Context, item: _Found, reports: list[_Found]) -> bool:
    """A word or three quoted inside a reported clause ("said the plan was 'reckless' and
    ..."): the writer marks the speaker's wording within the report, which is the record;
    a longer quoted stretch is a quote of its own."""
    if not item.partial:
        return False
    words = [t for t in ctx.doc[item.first : item.last + 1] if not t.is_punct]
    # the report ends at its last word: a full stop inside the marks ("a 'hardline
    # approach.'") is no word of the quote's
    return 0 < len(words) <= ctx.limits.scare_words and any(
        r.first <= words[0].i and words[-1].i <= r.last for r in reports)


def _mostly_quoted(words: list[Token], quoted_words: set[int]) -> bool:
    """True where direct quotes hold half the clause's words or more."""
    inside = sum(1 for t in words if t.i in quoted_words)
    return inside * 2 >= len(words)


def _reports(cue: Token, language: Resources) -> bool:
    """A cue that carries a statement of its own: a finite verb ("said", "has said", "when
    the ministry said"), or a participle after a comma that goes on with the subject's
    words ("..., saying that ..."); not "a man named" or "were said to be"."""
    if cue.lower_ == "according":
        return True
    if cue.dep_ in ("amod", "acl", "pcomp", "csubj", "auxpass"):
        return False
    if cue.tag_ == "VBG" and not _progressive(cue):
        # "..., believing they were safe" is the writer's account
        return cue.lemma_ in language.speech_verbs and cue.dep_ in ("advcl", "conj") \
            and _after_comma(cue)
    if cue.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    # "has said", "will confirm"; not "refused to say", "declined to confirm"
    return any(child.dep_ in ("aux", "auxpass") and child.tag_ != "TO"
               for child in cue.children)


def _progressive(verb: Token) -> bool:
    """ "is telling", "were saying", "has been warning": a finite verb in the -ing form."""
    return any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _subject_of(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _after_comma(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text in (",", "—", "–", ";")


def _puts_a_figure(verb: Token, language: Resources) -> bool:
    """ "The mayor put the number of missing at 19", "a second put it nearer 40": a verb of
    counting with an object and the figure it is set at."""
    if verb.lemma_ not in language.count_verbs or verb.pos_ != "VERB":
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    level = [c for c in verb.children if (c.dep_ == "prep" and c.lower_ == "at") or (
        c.dep_ == "advmod" and any(g.dep_ == "prep" for g in c.children))]
    return bool(objects) and bool(level) and objects[0].i < level[0].i and any(
        t.like_num or t.ent_type_ in ("CARDINAL", "QUANTITY") for t in level[0].subtree)


def _figure_put(verb: Token) -> list[Token]:
    """The object and the figure of "put the death toll at 57": "the death toll at 57"."""
    obj = next(c for c in verb.children if c.dep_ == "dobj")
    end = max(c.right_edge.i for c in verb.children if c.i > obj.i and c.dep_ != "punct")
    return [t for t in verb.doc[obj.left_edge.i : end + 1] if not t.is_space]


def _content(cue: Token, quote_cues: set[int], language: Resources) -> list[Token]:
    """The words of the reported clause: the clause after the cue, or before it in a
    trailing attribution, without "that", datelines and trailing participle clauses. A
    direct quote's cue attributes the quote before it, not a clause of its own."""
    if cue.lower_ == "according":
        return _according_content(cue, language)
    clauses = [c for c in cue.children if _is_content_clause(c) and c.i > cue.i]
    if clauses:
        return _joined_clauses(cue, clauses, language)
    if _puts_a_figure(cue, language):
        return _figure_put(cue)
    return [] if cue.i in quote_cues else _content_before(cue, language)


def _is_content_clause(token: Token) -> bool:
    """A clause that says what was said: a complement clause, or a finite verb the small
    parser hung as an open complement ("that officials said killed 300 people")."""
    if token.dep_ == "ccomp":
        return True
    if token.dep_ != "xcomp" or token.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def _joined_clauses(cue: Token, clauses: list[Token], language: Resources) -> list[Token]:
    """One content from complements the parser split, and from a verb it hung on the cue as
    a conjunct with no conjunction before it ("reckoned there were some 300 pupils
    were in the hall": a typo splits the clause)."""
    clauses += [c for c in cue.children if c.i > clauses[-1].i and (
        (c.dep_ == "conj" and _subject_of(c) is not None
         and _goes_on(cue.doc[clauses[-1].i : c.i], c, language)) or _gives_a_reason(c))]
    words = _clause_words(clauses[0], None, language)
    for part in clauses[1:]:
        # the small parser splits a clause with an inserted phrase into two complements
        # ("that one convoy, delayed by the rain, had turned back ..."): one content
        after = words[-1].i + 1 if words else part.left_edge.i
        words += [t for t in cue.doc[after : part.left_edge.i] if not t.is_space] \
            + _clause_words(part, None, language, keep_mark=True)
    return words


def _gives_a_reason(clause: Token) -> bool:
    """ "said the claim was false, because the council had done the same": a clause of
    reason, condition or concession the parser hung on the cue, after the content, is part
    of what was said."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _REASON_MARKS for c in clause.children)


def _goes_on(between: Span, conjunct: Token, language: Resources) -> bool:
    """A clause hung on the cue after its content goes on with what was said: one with no
    conjunction before it (a typo split the clause), or one after "and" or "but" with no
    verb of speech or belief in it ("said the road was open, but the bridge had gone"; not
    "said the road was open, and the army believes ...")."""
    joins = [t for t in between if t.dep_ == "cc"]
    if not joins:
        return True
    return all(t.lower_ in ("and", "but") for t in joins) and not any(
        _is_cue(t, language) for t in conjunct.subtree)


def _content_before(cue: Token, language: Resources) -> list[Token]:
    """ "CLAUSE, X said (on Tuesday, citing ...)": the clause before a trailing cue, parsed
    as its complement or with the cue hung on it."""
    before = [c for c in cue.children if c.dep_ == "ccomp" and c.i < cue.i]
    if before:
        clause, skip = before[-1], None
    elif cue.dep_ in ("parataxis", "ccomp") and cue.head.i < cue.i and not any(
        c.dep_ in ("mark", "cc") for c in cue.children
    ):
        clause, skip = cue.head, cue
    else:
        return []
    if not _comma_before_attribution(cue, clause, language):
        return []
    words = _clause_words(clause, skip, language)
    return _after_dateline(words)


def _comma_before_attribution(cue: Token, clause: Token, language: Resources) -> bool:
    """True where a comma or dash stands between the reported clause and its cue's phrase."""
    subject = speaker_token(cue, lambda _: False, language)
    begin = min(cue.i, subject.left_edge.i) if subject is not None else cue.i
    between = cue.doc[clause.i : begin]
    return any(t.text in (",", "—", "–") for t in between)


def _after_dateline(words: list[Token]) -> list[Token]:
    """The words after a dateline that opens the sentence: "KYIV, May 2 (Reuters) -"."""
    for k, token in enumerate(words[:_DATELINE_WORDS]):
        if _ends_dateline(token) and k > 0 and _is_dateline(words[:k]):
            return words[k + 1 :]
    return words


def _ends_dateline(token: Token) -> bool:
    return token.text.endswith(":") or token.text in ("—", "–", "-", "--")


def _is_dateline(words: list[Token]) -> bool:
    """A place, often with a date and an outlet in brackets, and no verb: "ODESA, Ukraine,
    May 2 (Reuters)", "KHERSON"."""
    if any(t.pos_ in ("VERB", "AUX") and not t.text[:1].isupper() for t in words):
        return False
    places = [t for t in words if t.ent_type_ in ("GPE", "LOC", "DATE") or t.text == "("]
    return bool(places) and all(
        t.pos_ in ("PROPN", "NUM", "PUNCT") or t.ent_type_ or t.is_upper for t in words)


def _according_content(cue: Token, language: Resources) -> list[Token]:
    """ "According to X, CLAUSE" or "CLAUSE, according to X": the clause."""
    clause = cue.head
    finite = _reports(clause, language) or any(
        c.dep_ in ("ccomp", "dep") and _reports(c, language) for c in clause.children)
    if clause.i == cue.i or clause.pos_ not in ("VERB", "AUX") or not finite:
        return []
    subject = _subject_of(clause)
    if _is_cue(clause, language) and subject is not None and can_speak(subject, language):
        return []  # "according to a document, the agency estimated ...": the agency's words
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return []
    target = next((c for c in cue.subtree if c.dep_ == "pobj"), None)
    if target is None or target.lower_ in language.documents:
        return []
    return _after_dateline(_clause_words(clause, cue, language))


def _clause_words(clause: Token, skip: Token | None, language: Resources,
                  keep_mark: bool = False) -> list[Token]:
    """The clause's words without a leading "that" (unless ``keep_mark``: a clause that
    goes on from another, "..., and that ...", "..., because ...") and without the clauses
    that are acts or reports of their own: "..., adding that ..." and "..., while a source
    said ..."."""
    drop: set[int] = set()
    for child in clause.children:
        leading_mark = child.dep_ == "mark" and child.i < clause.i and not keep_mark
        if (skip is not None and child.i == skip.i) or leading_mark or _own_report(
            clause, child, language
        ):
            drop.update(t.i for t in child.subtree)
    words = [t for t in clause.subtree if t.i not in drop]
    while words and (words[0].is_punct or words[0].is_space or (
            words[0].lower_ == "that" and not keep_mark)):
        words.pop(0)
    while words and (words[-1].is_punct or words[-1].is_space or words[-1].dep_ == "cc"):
        words.pop()
    return words


def _own_report(clause: Token, child: Token, language: Resources) -> bool:
    """A clause after the content that reports on its own: a speech participle ("...,
    adding that ..."), a speech verb with its own subject ("..., while a source said ..."),
    or a clause set off as an aside. A participle that goes on describing what was said
    ("..., crawling along the open road") stays in the content."""
    if child.i < clause.i or child.dep_ not in ("advcl", "parataxis", "conj"):
        return child.dep_ == "parataxis" and child.i > clause.i
    if _gives_a_reason(child):
        return False  # "..., because he doubted ...": the speaker's reason, a report in it
    if child.dep_ == "parataxis":
        return True
    if not _is_cue(child, language) or any(c.dep_ == "mark" and c.lower_ in ("that", "whether")
                                 for c in child.children):
        return False  # "..., and that one of them told ...": a second content clause
    return child.tag_ == "VBG" or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)


# ---- speakers


def _attribute(found: list[_Found], discourse: Discourse, ctx: _Context) -> None:
    """Speakers in text order, so that pronouns see the speakers before them."""
    previous: _Found | None = None
    for item in found:
        head = _speaker_head(ctx, item, item.cue) if item.cue is not None else item.label
        if head is not None:
            mention = mention_of(head, _Outside(ctx, item.cue), ctx.language)
            item.speaker = discourse.resolve(mention)
            if item.speaker is not None:
                discourse.add_speaker(replace(item.speaker, start=mention.start))
            item.via = via_of(item.cue, head, ctx.language) if item.cue is not None else None
        elif item.cue is None and _continues(item, previous) and previous is not None:
            item.speaker, item.via = previous.speaker, previous.via
        if item.kind == "direct" and not (item.partial and item.speaker is None):
            previous = item  # a word or two quoted in narration ("to 'cross-sell'") is nobody's


class _Outside:
    """Which tokens a speaker's phrase may not take: quoted words and the cue itself."""

    def __init__(self, ctx: _Context, cue: Token | None) -> None:
        self._ctx = ctx
        self._cue = cue.i if cue is not None else -1

    def __call__(self, i: int) -> bool:
        return i == self._cue or self._ctx.quoted(i)


def _continues(item: _Found, previous: _Found | None) -> bool:
    """A whole quote without a cue, in the paragraph of the quote before it or the next."""
    if previous is None or item.kind != "direct" or item.partial:
        return False
    return item.paragraph - previous.paragraph <= 1


def _speaker_head(ctx: _Context, item: _Found, cue: Token) -> Token | None:
    """The speaker's head token: from the parse, or where an age or an aside between the
    quote and its cue sent the parse astray ("'...,' Novak, 64, told the radio"), the first
    noun between them."""
    head = speaker_token(cue, ctx.quoted, ctx.language)
    if head is not None and not ctx.quoted(head.i):
        return head
    if not item.cue_after:
        return None
    begin = cue.i
    while begin > item.first and not ctx.quoted(begin - 1):
        begin -= 1
    for token in ctx.doc[begin : cue.i]:
        if ctx.quoted(token.i) or _is_mark_or_comma(token, ctx.marks) or token.is_space:
            continue
        if token.pos_ in ("PROPN", "NOUN", "PRON") or token.text[:1].isupper():
            end = token.i
            while end + 1 < cue.i and ctx.doc[end + 1].pos_ in ("PROPN", "NOUN"):
                end += 1
            return ctx.doc[end]
    return None


def _finish(doc: Doc, text: str, found: list[_Found], discourse: Discourse, form: SpeakerForm
            ) -> list[Quote]:
    """Quote records with names folded to their fullest form in the article."""
    speakers = [f.speaker for f in found if f.speaker is not None]
    written = speaker_strings(speakers, discourse.fold(speakers), form)
    quotes: list[Quote] = []
    for item in found:
        if item.speaker is None and (item.kind == "indirect" or item.partial):
            continue  # quoted words nobody is said to say: a title, a phrase held up
        quotes.append(_record(doc, text, item, written))
    return quotes


def _record(doc: Doc, text: str, item: _Found, written: dict[str, str]) -> Quote:
    speaker = item.speaker
    name = written[speaker.key] if speaker is not None else None
    quoted = " ".join(text[a:b] for a, b in item.parts)
    return Quote(
        article="",
        kind=item.kind,
        text=quoted,
        speaker=name,
        cue=item.cue.text if item.cue is not None else None,
        via=item.via,
        role=speaker.role if speaker else None,
        affiliation=speaker.affiliation if speaker else None,
        sentence=span_text(_sentences(doc, item.first, item.last)),
        start=item.start,
        end=item.end,
    )


def _sentences(doc: Doc, first: int, last: int) -> Span:
    start = doc[first].sent.start
    end = doc[last].sent.end
    return doc[start:end]



def speaker_at(doc: Doc, char: int) -> Quote | None:
    """The quote or reported passage of ``doc._.quotes`` that holds character ``char``, if
    one does: a figure inside it has its speaker as source ("..., officials said")."""
    quotes: list[Quote] = doc._.quotes or []
    for quote in quotes:
        if quote.start <= char < quote.end and quote.speaker is not None:
            return quote
    return None
