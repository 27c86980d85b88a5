"""Direct and reported quotes with their speakers, as a spaCy pipeline component.

The component reads the marks of the raw text (:mod:`triangulate.nlp.marks`) and the parse
spaCy already made, and sets ``doc._.quotes`` (a list of :class:`~triangulate.types.Quote`,
with ``article`` left empty for the caller) and ``doc._.scare_quotes`` (quoted words that
nobody says: "elite").

A quote's cue is found three ways, strongest first: the words right after its closing mark
("...,' Yuriyi Bondar told Politico"), the words right before its opening mark ("X said:
'...'"), and the parse above the quoted words (a partial quote inside "claimed that ...").
Quotes split around their cue are joined into one record; a quote with no cue continues the
speaker of the quote before it.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from triangulate.nlp.marks import QuoteSpan, find_quote_spans, paragraphs
from triangulate.nlp.speakers import (
    CUE_LEMMAS,
    Discourse,
    Mention,
    SpeakerForm,
    mention_of,
    speaker_string,
    speaker_token,
    subject_mentions,
    via_of,
)
from triangulate.types import Quote, QuoteKind

Doc.set_extension("quotes", default=None, force=True)
Doc.set_extension("scare_quotes", default=None, force=True)

_MAX_SCARE_WORDS = 3
_MAX_CUE_CLIMB = 8
_MAX_JOIN_GAP = 30
_MAX_ATTRIBUTION = 6  # tokens from a quote's end to the verb of "..., Mr. Burton fumed"  # tokens of attribution between two halves of one split quote
_MIN_INDIRECT_TOKENS = 3
_SENTENCE_PUNCT = frozenset({".", "!", "?", "…"})
_MARK_CHARS = frozenset("\"'“”„‟‘’‚‛«»`")
_VAGUE_SOURCES = frozenset({
    "report", "reports", "estimate", "estimates", "figure", "figures", "data", "media",
    "account", "accounts", "rumour", "rumours", "rumor", "rumors", "statistics",
})


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
    partial: bool = False  # quoted words inside a sentence of the writer's
    speaker: Mention | None = None
    via: str | None = None
    parts: list[tuple[int, int]] = field(default_factory=list)


class _Context:
    """Per-document lookups: which tokens are quoted, which paragraph a character is in."""

    def __init__(self, doc: Doc, spans: list[QuoteSpan]) -> None:
        self.doc = doc
        self.paragraph_starts = [start for start, _ in paragraphs(doc.text)]
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

    ``speaker_form`` says how speakers are written: ``"name"`` (the fullest name, with titles
    and appositives in ``role`` and ``affiliation``) or ``"mention"`` (as the article gives
    them at that place); see :func:`~triangulate.nlp.speakers.speaker_string`.
    """

    def __init__(self, speaker_form: SpeakerForm = "name") -> None:
        if speaker_form not in ("name", "mention"):
            raise ValueError(f"speaker_form must be 'name' or 'mention', not {speaker_form!r}")
        self.speaker_form: SpeakerForm = speaker_form

    def __call__(self, doc: Doc) -> Doc:
        spans = [s for s in find_quote_spans(doc.text) if s.depth == 0]
        cues, subjects = _scan(doc)
        doc._.scare_quotes = []
        if not spans and not cues:
            doc._.quotes = []
            return doc
        ctx = _Context(doc, spans)
        discourse = Discourse(subject_mentions(doc, subjects, ctx.quoted))
        direct = _direct(ctx, spans, doc._.scare_quotes)
        indirect = _indirect(ctx, cues, direct)
        found = sorted(direct + indirect, key=lambda f: f.start)
        _attribute(found, discourse, ctx)
        doc._.quotes = _finish(doc, found, discourse, self.speaker_form)
        return doc


@Language.factory("triangulate_quotes", default_config={"speaker_form": "name"})
def make_quote_finder(nlp: Language, name: str, speaker_form: SpeakerForm) -> QuoteFinder:
    return QuoteFinder(speaker_form)


def _scan(doc: Doc) -> tuple[list[Token], list[Token]]:
    """One pass over the tokens: candidate cue verbs and person-like subjects."""
    cues: list[Token] = []
    subjects: list[Token] = []
    for token in doc:
        if token.dep_ in ("nsubj", "nsubjpass"):
            subjects.append(token)
        if (token.lemma_ in CUE_LEMMAS and token.pos_ in ("VERB", "AUX")) or (
            token.lower_ == "according"
        ):
            cues.append(token)
    return cues, subjects


# ---- direct quotes


def _direct(ctx: _Context, spans: list[QuoteSpan], scare: list[str]) -> list[_Found]:
    found: list[_Found] = []
    for span, (first, last) in zip(spans, ctx.ranges, strict=True):
        if first < 0:
            continue
        item = _Found("direct", span.start, span.end, first, last, ctx.paragraph(span.start),
                      parts=[(span.start, span.end)])
        item.partial = not _opens_clause(ctx, item)
        if item.partial and _is_title(ctx, item):
            continue
        _find_cue(ctx, item)
        if _is_scare(ctx, item):
            scare.append(ctx.doc.text[span.start : span.end])
            continue
        found.append(item)
    return _join_split(ctx, found)


def _find_cue(ctx: _Context, item: _Found) -> None:
    """The cue of a direct quote: after it, before it, or above it in the parse."""
    if item.partial:
        item.cue = _cue_above(ctx, item)
        return
    after = _cue_next_to(ctx, item, after=True)
    before = _cue_next_to(ctx, item, after=False)
    if after is not None and before is not None and after.i != before.i:
        chosen = _prefer(ctx, after, before)
        is_after = chosen.i == after.i
    elif after is not None:
        chosen, is_after = after, True
    elif before is not None:
        chosen, is_after = before, False
    else:
        chosen, is_after = None, False
    item.cue = chosen
    item.cue_after = is_after


def _prefer(ctx: _Context, after: Token, before: Token) -> Token:
    """Of a cue on each side, the one whose speaker has a proper name; else the later one."""
    named = []
    for cue in (after, before):
        head = speaker_token(cue, ctx.quoted)
        named.append(head is not None and head.pos_ == "PROPN")
    if named[1] and not named[0]:
        return before
    return after


def _cue_next_to(ctx: _Context, item: _Found, *, after: bool) -> Token | None:
    """A cue verb the word next to the quote hangs on, in the same paragraph.

    After a quote that ends in a comma, question or exclamation mark, the verb of the
    attribution is the cue whatever it is ("'...,' Mr. Burton fumed"); elsewhere it must be
    a verb of speech.
    """
    doc = ctx.doc
    step = 1 if after else -1
    i = item.last + 1 if after else item.first - 1
    while 0 <= i < len(doc) and _is_mark_or_comma(doc[i]) and not ctx.quoted(i):
        i += step
    if not 0 <= i < len(doc) or ctx.quoted(i) or ctx.paragraph(doc[i].idx) != item.paragraph:
        return None
    token = doc[i]
    if token.is_space or token.text in _SENTENCE_PUNCT or token.text in (";", ")", "("):
        return None
    if after and token.is_sent_start and _ends_sentence(ctx, item):
        return None
    verb = _verb_above(ctx, token)
    if verb is None or _is_cue(verb):
        return verb
    if after and _attribution_follows(ctx, item) and verb.i - item.last <= _MAX_ATTRIBUTION:
        return verb
    return None


def _attribution_follows(ctx: _Context, item: _Found) -> bool:
    """True where the quote ends the way quotes before their attribution end: "...,'"."""
    inner = ctx.doc.text[item.start : item.end].rstrip()
    after = ctx.doc.text[item.end : item.end + 3]
    return (bool(inner) and inner[-1] in ",?!—–") or "," in after


def _ends_sentence(ctx: _Context, item: _Found) -> bool:
    inner = ctx.doc.text[item.start : item.end].rstrip()
    return bool(inner) and inner[-1] in _SENTENCE_PUNCT


def _is_mark_or_comma(token: Token) -> bool:
    text = token.text
    return bool(text) and (all(c in _MARK_CHARS for c in text) or text in (",", ":", "—", "–"))


def _verb_above(ctx: _Context, token: Token) -> Token | None:
    """The first verb at or above ``token`` outside the quotes (or "according")."""
    node = token
    for _ in range(_MAX_CUE_CLIMB):
        if not ctx.quoted(node.i):
            if _is_cue(node):
                return node
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("aux", "auxpass", "amod"):
                return node
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def _is_cue(token: Token) -> bool:
    if token.lower_ == "according":
        return True
    return token.lemma_ in CUE_LEMMAS and token.pos_ in ("VERB", "AUX")


def _cue_above(ctx: _Context, item: _Found) -> Token | None:
    """The cue verb that governs a partial quote in the parse: "claimed that they had
    '...'", "describing the move as '...'". The way up may pass verbs and prepositions but
    not a noun: quoted words inside a noun phrase ("a 'quid pro quo'") are nobody's speech.
    """
    doc = ctx.doc
    for i in range(item.first, item.last + 1):
        token = doc[i]
        if token.head.i == token.i or ctx.quoted(token.head.i):
            continue
        node = token.head
        for _ in range(_MAX_CUE_CLIMB):
            if ctx.quoted(node.i):
                break
            if _is_cue(node):
                return node
            if node.pos_ in ("NOUN", "PROPN", "PRON") or node.head.i == node.i:
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
    if not words or len(words) > _MAX_SCARE_WORDS:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    inner = ctx.doc.text[item.start : item.end].rstrip()
    if inner and inner[-1] in _SENTENCE_PUNCT:
        return False
    if item.cue is None:
        return True
    root = min(words, key=lambda t: len(list(t.ancestors)))
    return root.dep_ in ("amod", "compound", "nmod", "poss", "nummod")


def _join_split(ctx: _Context, found: list[_Found]) -> list[_Found]:
    """Join the parts of one quoted passage into one record.

    "'...,' he said. '...'": the second half has no cue of its own and follows the first
    half's attribution; and a paragraph that opens with a quote and has no cue of its own
    continues the quote that ended the paragraph before.
    """
    out: list[_Found] = []
    for item in found:
        prev = out[-1] if out else None
        if prev is not None and (_continues_across_cue(ctx, prev, item)
                                 or _continues_next_paragraph(ctx, prev, item)):
            prev.parts.append((item.start, item.end))
            prev.end, prev.last = item.end, item.last
            continue
        out.append(item)
    return out


def _continues_across_cue(ctx: _Context, prev: _Found, item: _Found) -> bool:
    if prev.cue is None or not prev.cue_after or prev.paragraph != item.paragraph:
        return False
    if item.cue is not None and item.cue.i != prev.cue.i:
        return False
    if not prev.last < prev.cue.i < item.first or item.first - prev.last > _MAX_JOIN_GAP:
        return False
    return not item.partial


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
    return prev.cue_after and len(words) <= _MAX_JOIN_GAP and all(
        cue_sentence.start <= t.i < cue_sentence.end for t in words)


def _opens_paragraph(ctx: _Context, item: _Found) -> bool:
    i = item.first - 1
    while i >= 0 and _is_mark_or_comma(ctx.doc[i]):
        i -= 1
    return i < 0 or ctx.doc[i].is_space or ctx.paragraph(ctx.doc[i].idx) != item.paragraph


def _opens_clause(ctx: _Context, item: _Found) -> bool:
    """True where the quote starts a sentence or follows a comma, colon or dash."""
    i = item.first - 1
    while i >= 0 and all(c in _MARK_CHARS for c in ctx.doc[i].text):
        i -= 1
    if i < 0 or ctx.doc[i].is_space:
        return True
    text = ctx.doc[i].text
    return text in (",", ":", "—", "–", ";") or text[-1] in _SENTENCE_PUNCT


# ---- reported speech


def _indirect(ctx: _Context, cues: list[Token], direct: list[_Found]) -> list[_Found]:
    """Reported speech: the content clause of a finite speech verb ("X said that ...")."""
    covered: set[int] = set()
    for item in direct:
        covered.update(range(item.first, item.last + 1))
    out: list[_Found] = []
    for cue in cues:
        if ctx.quoted(cue.i) or not _finite(cue):
            continue
        words = _content(cue)
        if len(words) < _MIN_INDIRECT_TOKENS or any(t.i in covered for t in words):
            continue
        first, last = words[0], words[-1]
        start, end = first.idx, last.idx + len(last.text)
        out.append(_Found("indirect", start, end, first.i, last.i, ctx.paragraph(start),
                          cue=cue, parts=[(start, end)]))
    return out


def _finite(cue: Token) -> bool:
    """A verb that carries a statement of its own (not "..., adding that" or "a man named")."""
    if cue.lower_ == "according":
        return True
    if cue.dep_ in ("amod", "acl", "advcl", "xcomp", "pcomp", "relcl", "csubj"):
        return False
    if cue.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    return any(child.dep_ in ("aux", "auxpass") for child in cue.children)


def _content(cue: Token) -> list[Token]:
    """The words of the reported clause, without "that" and trailing participle clauses."""
    if cue.lower_ == "according":
        return _according_content(cue)
    clause = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    if clause is None:
        return []
    return _clause_words(clause, skip=None)


def _according_content(cue: Token) -> list[Token]:
    """ "According to X, CLAUSE" or "CLAUSE, according to X": the clause."""
    clause = cue.head
    if clause.i == cue.i or clause.pos_ not in ("VERB", "AUX") or not _finite(clause):
        return []
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return []
    target = next((c for c in cue.subtree if c.dep_ == "pobj"), None)
    if target is None or target.lower_ in _VAGUE_SOURCES:
        return []
    return _clause_words(clause, skip=cue)


def _clause_words(clause: Token, skip: Token | None) -> list[Token]:
    drop: set[int] = set()
    for child in clause.children:
        trailing_participle = child.dep_ in ("advcl", "parataxis") and child.i > clause.i and (
            child.tag_ == "VBG" or child.dep_ == "parataxis"
        )
        if (skip is not None and child.i == skip.i) or trailing_participle or (child.dep_ == "mark" and child.i < clause.i):
            drop.update(t.i for t in child.subtree)
    words = [t for t in clause.subtree if t.i not in drop]
    while words and (words[0].is_punct or words[0].lower_ == "that"):
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    return words


# ---- speakers


def _attribute(found: list[_Found], discourse: Discourse, ctx: _Context) -> None:
    """Speakers in text order, so that pronouns see the speakers before them."""
    previous: _Found | None = None
    for item in found:
        if item.cue is not None:
            head = speaker_token(item.cue, ctx.quoted)
            if head is not None:
                cue = item.cue.i
                mention = mention_of(head, lambda i: ctx.quoted(i) or i == cue)
                item.speaker = discourse.resolve(mention)
                if item.speaker is not None:
                    discourse.add_speaker(replace(item.speaker, start=mention.start))
                item.via = via_of(item.cue, head)
        elif previous is not None and item.kind == "direct" and (
            item.paragraph - previous.paragraph <= 1
        ):
            item.speaker, item.via = previous.speaker, previous.via
        if item.kind == "direct":
            previous = item


def _finish(doc: Doc, found: list[_Found], discourse: Discourse, form: SpeakerForm
            ) -> list[Quote]:
    """Quote records with names folded to their fullest form in the article."""
    fullest = discourse.fold([f.speaker for f in found if f.speaker is not None])
    quotes: list[Quote] = []
    for item in found:
        if item.speaker is None and (item.kind == "indirect" or item.partial):
            continue  # quoted words nobody is said to say: a title, a phrase held up
        quotes.append(_record(doc, item, fullest, form))
    return quotes


def _record(doc: Doc, item: _Found, fullest: dict[str, str], form: SpeakerForm) -> Quote:
    speaker = item.speaker
    name = speaker_string(speaker, fullest, form) if speaker is not None else None
    text = " ".join(doc.text[a:b] for a, b in item.parts)
    return Quote(
        article="",
        kind=item.kind,
        text=text,
        speaker=name,
        cue=item.cue.text if item.cue is not None else None,
        via=item.via,
        role=speaker.role if speaker else None,
        affiliation=speaker.affiliation if speaker else None,
        sentence=_sentences(doc, item.first, item.last).text,
        start=item.start,
        end=item.end,
    )


def _sentences(doc: Doc, first: int, last: int) -> Span:
    start = doc[first].sent.start
    end = doc[last].sent.end
    return doc[start:end]

