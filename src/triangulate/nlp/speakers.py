"""Who speaks: the speaker of a cue verb, the words that describe them, and pronoun resolution.

Everything here reads the parse spaCy already made. No coreference model installs offline, so
pronouns ("he") and bare descriptions ("the soldier") are resolved by rule to the most recent
compatible speaker or subject, and later mentions of a name ("Hrytsenko") fold to the fullest form
seen in the article ("Mykola Hrytsenko").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Token

from triangulate.lang import Language as Resources
from triangulate.lang import resources
from triangulate.lang.lookup import is_outlet
from triangulate.nlp.events import country_names

_NON_NAME_ENTS: frozenset[str] = frozenset({
    "GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL",
})
_KEEP_PREPS: frozenset[str] = frozenset({"of", "for", "at", "from"})
_DROP_DEPS: frozenset[str] = frozenset({
    "relcl", "acl", "appos", "punct", "advcl", "parataxis", "ccomp", "xcomp", "mark", "aux",
    "auxpass", "neg", "prep", "cc", "conj", "dep", "npadvmod",
})

@dataclass(frozen=True)
class Mention:
    """A speaker as one place in the article names or describes them."""

    text: str  # the name or description as written, without a leading article
    name: str | None = None  # the proper name inside it, titles left out
    written: str = ""  # the whole mention, appositive included: "Taras, a drone operator"
    role: str | None = None
    affiliation: str | None = None
    pronoun: bool = False
    definite: bool = False  # "the official": a description that points back
    plural: bool = False
    gender: str | None = None  # "m", "f" or None
    person: bool | None = True  # None: could be a person or a body
    head: str = ""  # lower-case lemma of the head noun
    start: int = 0  # character offset where the mention stands
    # the language it is written in, whose honorifics its bare name leaves out
    language: Resources | None = field(default=None, repr=False, compare=False)

    @property
    def bare_name(self) -> str | None:
        """The name without an honorific: "Okafor" for "Mr. Okafor"."""
        if not self.name:
            return None
        words = self.name.split()
        honorifics = (self.language or resources()).honorifics
        while len(words) > 1 and words[0].lower() in honorifics:
            words = words[1:]
        return " ".join(words)

    @property
    def key(self) -> str:
        """What folds mentions of one person: the last word of the name, or the text."""
        bare = self.bare_name
        if bare:
            return bare.split()[-1].lower().replace("’", "'").removesuffix("'s")
        return self.text.lower()


SpeakerForm = Literal["name", "mention"]


def speaker_strings(mentions: Iterable[Mention], fullest: dict[str, str], form: SpeakerForm
                    ) -> dict[str, str]:
    """One way of writing each speaker in an article, by :attr:`Mention.key`.

    ``name``: the fullest form of the name seen in the article ("Mykola Hrytsenko" for a later
    "Hrytsenko"), or the description of a speaker with no name; titles and appositives are left
    to ``role`` and ``affiliation``. ``mention``: the fullest mention of the speaker as the
    article gives it, titles and appositive included ("Taras, a Ukrainian drone
    officer"), with the name folded to its fullest form.
    """
    out: dict[str, str] = {}
    honorifics: dict[str, str] = {}
    for mention in mentions:
        text = _written_out(mention, fullest, form)
        if len(text) > len(out.get(mention.key, "")):
            out[mention.key] = text
        if mention.name and mention.name != mention.bare_name:
            honorifics[mention.key] = mention.name.split()[0]
    if form == "mention":
        # "Mr. Emeka Okafor, the group's director": the honorific of a later "Mr. Okafor"
        for key, honorific in honorifics.items():
            if out[key].startswith(fullest.get(key, "\0")):
                out[key] = f"{honorific} {out[key]}"
    return out


def _written_out(mention: Mention, fullest: dict[str, str], form: SpeakerForm) -> str:
    bare = mention.bare_name
    written = mention.name if form == "name" else mention.written
    text = written or mention.text
    if bare:
        full = fullest.get(mention.key, bare)
        if len(full.split()) > len(bare.split()):
            text = full if form == "name" else text.replace(bare, full, 1)
    return text


def speaker_token(cue: Token, quoted: Callable[[int], bool],
                  language: Resources | None = None) -> Token | None:
    """The head of the phrase that names who speaks through ``cue``.

    The cue's subject; for "according to X", X; for a participle or a second verb without a
    subject of its own ("..., adding", "said and added"), the subject of the verb it hangs
    on, preferring a speech verb's; and where the parse has no subject (inverted "said X"
    is often misread), the first noun phrase after the cue.
    """
    if cue.lower_ == "according":
        return _according_to(cue)
    subject = _subject(cue)
    if subject is not None:
        return subject
    if cue.dep_ in ("advcl", "xcomp", "conj", "acl", "ccomp", "pcomp"):
        climbed = _climb_subject(cue, language or resources())
        if climbed is not None:
            return climbed
    if cue.dep_ == "amod" and cue.head.i > cue.i and cue.head.pos_ in ("PROPN", "NOUN"):
        return cue.head
    return _stranded_subject(cue) or _noun_after(cue, quoted)


def _stranded_subject(cue: Token) -> Token | None:
    """A subject the parser hung on a clause left of the cue.

    "a soldier being treated in a hospital claimed ..." is often read with "soldier" as the
    subject of "treated", a clause under "claimed".
    """
    for child in cue.lefts:
        if child.pos_ in ("VERB", "AUX") and child.dep_ in ("advcl", "ccomp", "csubj", "dep"):
            for grandchild in child.children:
                if grandchild.dep_ in ("nsubj", "nsubjpass") and grandchild.i < child.i:
                    return grandchild
    return None


def _according_to(cue: Token) -> Token | None:
    for child in cue.children:
        if child.lower_ == "to":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    following = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if following is not None and following.lower_ == "to":
        for obj in following.children:
            if obj.dep_ == "pobj":
                return obj
    return None


def _subject(verb: Token) -> Token | None:
    """The subject of a verb; of two (a misparse of "the nurse Olena Bondarenko"), a noun
    before a partitive or an adjective, then the one nearest the verb."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj") or (
        c.dep_ == "nsubjpass" and verb.lemma_ in ("quote", "cite"))]
    named = [c for c in subjects if c.pos_ in ("NOUN", "PROPN")]
    if len(named) < len(subjects) and named:
        subjects = named  # "witnesses, most of them ..., said": the partitive points back
    if subjects:
        nearest = min(subjects, key=lambda c: abs(verb.i - c.i))
        return _before_partitive(nearest) or nearest
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _before_partitive(subject: Token) -> Token | None:
    """The noun a partitive subject points back to: "nurses" in "Twelve nurses, most of
    them ..., said", where the parser took "most" for the subject."""
    if not any(c.lower_ == "of" and any(g.lower_ in ("them", "us") for g in c.children)
               for c in subject.children):
        return None
    i = subject.left_edge.i - 1
    if i < 1 or subject.doc[i].text != ",":
        return None
    before = subject.doc[i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") else None


def _climb_subject(cue: Token, language: Resources) -> Token | None:
    """The subject of the nearest speech verb above ``cue``, else of the nearest verb."""
    nearest: Token | None = None
    node = cue
    for _ in range(6):
        if node.head.i == node.i:
            break
        node = node.head
        subject = _subject(node) or next(
            (c for c in node.children if c.dep_ == "nsubjpass"), None)
        if subject is None or _reports_for_itself(node, cue):
            continue
        if node.lemma_ in language.speech_verbs:
            return subject
        if nearest is None:
            nearest = subject
    return nearest


def _reports_for_itself(verb: Token, cue: Token) -> bool:
    """A relative clause that reports on its own before the cue: "... the engineer who said
    the dam was safe, saying ..." is the parser's way of hanging the main clause's "saying"
    on "said"; the speaker is the main clause's subject."""
    return verb.dep_ == "relcl" and any(
        c.dep_ == "ccomp" and c.i < cue.i for c in verb.children)


def _noun_after(cue: Token, quoted: Callable[[int], bool]) -> Token | None:
    doc = cue.doc
    stop = min(len(doc), cue.i + 8)
    for i in range(cue.i + 1, stop):
        token = doc[i]
        if quoted(i) or token.is_sent_start or token.text in (".", ";", ":"):
            return None
        if token.pos_ in ("SCONJ", "VERB", "AUX") or token.lower_ == "that":
            return None
        if token.pos_ in ("PROPN", "NOUN", "PRON") and token.lower_ not in ("it",):
            head = token
            while head.head.i > head.i and head.dep_ in ("compound", "amod", "nmod") and (
                head.head.i < stop
            ):
                head = head.head
            return head
    return None


def mention_of(head: Token, quoted: Callable[[int], bool],
               language: Resources | None = None) -> Mention:
    """The mention a speaker head token stands for: name, description, role, affiliation."""
    language = language or resources()
    if _is_relative_pronoun(head):
        head = head.head.head
    if head.pos_ == "PRON" and head.lower_ in language.pronouns:
        return _pronoun(head, language)
    phrase = _NamedPhrase.of(head, quoted, language)
    name_tokens = phrase.name
    titles = [t for t in phrase.words if t.i < name_tokens[0].i] if name_tokens else []
    described = phrase.apposition if name_tokens else phrase.words + phrase.apposition
    role, affiliation = _role(titles, described, language)
    main = name_tokens[-1] if name_tokens else head
    return Mention(
        text=_text(phrase.words) or head.text,
        name=_text(name_tokens) if name_tokens else None,
        written=_written(head, quoted, language),
        role=role,
        affiliation=affiliation,
        definite=not name_tokens and _opens_with_determiner(phrase.words),
        plural=_is_plural(main),
        gender=_gender(phrase.words + phrase.apposition, language),
        person=_is_person(main, bool(name_tokens), language),
        head=main.lemma_.lower(),
        start=head.idx,
        language=language,
    )


def _is_relative_pronoun(token: Token) -> bool:
    """ "the mayor, who said ...": the speaker is what the relative clause hangs on."""
    return token.lower_ in ("who", "which", "that") and token.head.dep_ == "relcl"


def _opens_with_determiner(words: list[Token]) -> bool:
    """ "the official", "this agency": a description that points back."""
    return bool(words) and words[0].lower_ in ("the", "this", "that")


def _gender(words: list[Token], language: Resources) -> str | None:
    """ "f" or "m" where a word of the mention shows it; "her husband" is a man: a
    possessive says nothing of the mention's own gender."""
    lowered = {t.lower_ for t in words if t.dep_ != "poss"}
    if lowered & language.feminine_words:
        return "f"
    return "m" if lowered & language.masculine_words else None


@dataclass
class _NamedPhrase:
    """A speaker's noun phrase, its apposition set off by a comma, and the name in them."""

    words: list[Token]
    apposition: list[Token]
    name: list[Token]

    @classmethod
    def of(cls, head: Token, quoted: Callable[[int], bool], language: Resources
           ) -> _NamedPhrase:
        words = _phrase(head, quoted)
        appositive = next((c for c in head.children
                           if c.dep_ == "appos" and _comma_between(head, c)), None)
        apposition = _phrase(appositive, quoted) if appositive is not None else []
        name = _name_run(head, words, language)
        if not name and appositive is not None:
            # "a spokesman for the port, Ivan Petrenko": the name stands second
            name = _name_run(appositive, apposition, language)
            if name:
                words, apposition = apposition, words
        if not name and head.lower_ in language.titles:
            name = _person_after_title(words)
        return cls(words, apposition, name)


def _written(head: Token, quoted: Callable[[int], bool], language: Resources) -> str:
    """The mention as the article writes it: the head's phrase with its appositives,
    prepositional phrases and the clauses that say who the speaker is ("a historian who
    attended the session", "one source on the panel"), without other clauses, quoted words,
    the cue or the medium ("to the BBC", "on Telegram")."""
    drop: set[int] = set()
    for token in head.subtree:
        if token.i != head.i and _left_out_of_mention(token, head, quoted, language):
            drop.update(t.i for t in token.subtree)
    words = [t for t in head.subtree if t.i not in drop and not quoted(t.i)]
    dash = next((k for k, t in enumerate(words) if t.text in ("-", "—", "–")), None)
    if dash and words[dash - 1].whitespace_ and all(t.is_upper or t.is_punct
                                                    for t in words[:dash]):
        words = words[dash + 1 :]  # a dateline: "WASHINGTON - Senator ..."
    while words and (words[-1].is_punct or words[-1].dep_ in ("cc", "prep", "case")):
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    return _text(words)


def _left_out_of_mention(token: Token, head: Token, quoted: Callable[[int], bool],
                         language: Resources) -> bool:
    """A clause or phrase under a speaker's head that is no part of who they are."""
    if token.dep_ in ("advcl", "ccomp", "parataxis", "xcomp"):
        return True
    if token.dep_ in ("relcl", "acl"):  # "who attended", "released last week": who they are
        # not what they do as they speak ("speaking at a union rally"), nor the cue's clause
        return token.lemma_ in language.cue_verbs or any(quoted(t.i) for t in token.subtree)
    if token.dep_ != "prep" or token.head.i != head.i:
        return False
    if token.lower_ in ("to", "with"):
        return True  # "said Petrov to reporters", "in an interview with"
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return token.lower_ in ("in", "on") and (
        not objects or any(_medium(o, language) or o.ent_type_ in ("DATE", "TIME")
                           for o in objects))


def _pronoun(token: Token, language: Resources) -> Mention:
    lower = token.lower_
    gender = "m" if lower == "he" else "f" if lower == "she" else None
    return Mention(text=token.text, pronoun=True, plural=lower in ("they", "we"),
                   gender=gender, person=lower != "it", head=lower, start=token.idx,
                   language=language)


def _phrase(head: Token, quoted: Callable[[int], bool]) -> list[Token]:
    """The words of the noun phrase headed by ``head``, without clauses and appositives."""
    out: list[Token] = []
    _collect(head, quoted, out, depth=0)
    out.sort(key=lambda t: t.i)
    while out and (out[-1].is_punct or out[-1].dep_ in ("case", "cc", "prep")):
        out.pop()
    while out and (out[0].is_punct or out[0].dep_ == "cc"):
        out.pop(0)
    return out


def _collect(token: Token, quoted: Callable[[int], bool], out: list[Token], depth: int) -> None:
    if quoted(token.i):
        return
    out.append(token)
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _KEEP_PREPS and depth < 2:
            _collect(child, quoted, out, depth + 1)
        elif child.dep_ == "appos" and not _comma_between(token, child):
            _collect(child, quoted, out, depth + 1)  # "corporal Petro": one phrase
        elif child.dep_ == "punct" and child.text in ("-", ".", "'", "’"):
            out.append(child)
        elif child.dep_ not in _DROP_DEPS:
            _collect(child, quoted, out, depth + 1)


def _comma_between(a: Token, b: Token) -> bool:
    low, high = sorted((a.i, b.i))
    return any(t.text in (",", "(", "—", "–") for t in a.doc[low:high])


def _name_run(head: Token, words: list[Token], language: Resources) -> list[Token]:
    """The proper name a phrase is headed by: "Anna Berg" in "Foreign Minister Anna
    Berg", "Petro" in "corporal Petro"; an honorific before it is kept."""
    anchor: Token | None = head if _is_name_word(head, language) and head.pos_ == "PROPN" \
        else None
    if anchor is None and head.ent_type_ == "PERSON":
        anchor = head
    if anchor is None:
        anchor = next((c for c in head.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                       and not _comma_between(head, c)), None)
    if anchor is None or anchor not in words:
        return []
    index = words.index(anchor)
    begin = index
    while begin > 0 and _is_name_word(words[begin - 1], language) and words[begin - 1].i == (
        words[begin].i - 1
    ):
        begin -= 1
    if begin > 0 and words[begin - 1].lower_ in language.honorifics:
        begin -= 1
    end = index + 1
    while end < len(words) and words[end].dep_ in ("flat", "compound", "punct") and (
        _is_name_word(words[end], language) and words[end].i == words[end - 1].i + 1
    ):
        end += 1
    return words[begin:end]


def _person_after_title(words: list[Token]) -> list[Token]:
    """The name that ends a title's phrase: "Omar Haidari" in "Head of the provincial
    council Omar Haidari", "Chairman of the committee Anna Berg"."""
    run: list[Token] = []
    for token in reversed(words):
        if token.ent_type_ != "PERSON" or (run and token.i != run[0].i - 1):
            break
        run.insert(0, token)
    return run


def _is_name_word(token: Token, language: Resources) -> bool:
    if token.ent_type_ == "PERSON":
        return True
    if token.lower_ in language.titles or token.lower_ in language.honorifics:
        return False
    if token.ent_type_ in _NON_NAME_ENTS:
        return False
    return token.pos_ == "PROPN" or (token.is_punct and token.text in ("-", "."))


def _role(titles: list[Token], described: list[Token], language: Resources
          ) -> tuple[str | None, str | None]:
    """Role and affiliation: from the titles before a name ("US Defense Secretary"), or from
    a description's head noun and its compounds ("a Ukrainian intelligence officer")."""
    affiliation = _affiliation(titles + described, language)
    words = [t for t in titles
             if t.lower_ not in language.honorifics and t.dep_ not in ("det", "poss")]
    words = [t for t in words if affiliation is None or t.text not in affiliation.split()]
    if not words and described:
        head = min(described, key=lambda t: len(list(t.ancestors)))
        words = [head]
        for child in head.children:
            if child.dep_ == "compound":
                words.extend(child.subtree)
    if not any(t.pos_ in ("NOUN", "PROPN") for t in words):
        return None, affiliation
    return _text(words), affiliation


def _affiliation(words: list[Token], language: Resources) -> str | None:
    """The first demonym among the words, whole ("South Sudanese")."""
    for token in words:
        if token.ent_type_ == "NORP" and token.pos_ in ("ADJ", "PROPN"):
            return _entity_text(token)
        if token.pos_ == "ADJ" and token.lower_ in language.demonym_words:
            return token.text
    return None


def _entity_text(token: Token) -> str:
    """The whole named entity a token stands in."""
    doc = token.doc
    start, end = token.i, token.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _text(words: Iterable[Token]) -> str:
    """The words as written (with their spacing), without a leading article."""
    tokens = sorted(words, key=lambda t: t.i)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens = tokens[1:]
    if not tokens:
        return ""
    out = "".join(t.text_with_ws for t in tokens[:-1]) + tokens[-1].text
    return out.strip(" ,;:\n\t")


def _is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or "Number=Plur" in str(token.morph)


_PERSON_SUFFIX = re.compile(r"\w{3,}(?:man|woman|person)$")


def _is_person(token: Token, named: bool, language: Resources) -> bool | None:
    """True for a person, False for a body or place, None where the parse cannot tell. A noun
    of a person's office or trade in "-man", "-woman", "-person" is a person ("ombudsman",
    "chairwoman", "gunman"); a country's name never is, however the model tags it."""
    lemma = token.lemma_.lower()
    if token.ent_type_ == "PERSON" and lemma not in country_names():
        return True
    if lemma in language.person_nouns or (token.pos_ == "NOUN" and _PERSON_SUFFIX.search(lemma)):
        return True
    if token.ent_type_ in ("GPE", "NORP") or lemma in country_names():
        return False
    if token.ent_type_ == "ORG":
        # the small model often reads a lone surname as an organisation: "Marsh said"
        alone = token.ent_iob_ == "B" and (
            token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"
        )
        return None if named and alone else False
    return None if named else False


def via_of(cue: Token, speaker: Token | None, language: Resources | None = None
           ) -> str | None:
    """The medium the words went to: "told Reuters", "said ... to the BBC"."""
    candidates: list[Token] = []
    for child in cue.children:
        if child.dep_ in ("dobj", "dative", "iobj") and cue.lemma_ == "tell":
            candidates.append(child)
        elif child.dep_ == "prep" and child.lower_ in ("to", "with", "on", "in"):
            candidates.extend(c for c in child.children if c.dep_ == "pobj")
    if speaker is not None:
        for child in speaker.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "with"):
                candidates.extend(c for c in child.children if c.dep_ == "pobj")
    for token in candidates:
        medium = _medium(token, language or resources())
        if medium:
            return medium
    return None


def _medium(token: Token, language: Resources) -> str | None:
    """The outlet or channel a token names, if it names one."""
    if token.lower_ in ("interview", "statement"):
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("with", "to"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return _medium(obj, language)
        return None
    start = token.left_edge.i
    if token.doc[start].lower_ in ("the", "a", "an") and not token.doc[start].text[0].isupper():
        start += 1
    name = token.doc[start : token.i + 1].text
    if is_outlet(name, language) or name.lower() in language.channels:
        return name
    media = language.media_name
    if token.ent_type_ == "ORG" and media is not None and media.search(name):
        return name
    return None


class Discourse:
    """What an article has said so far about who speaks: for pronouns and folding names.

    ``subjects`` are the subjects of main clauses that can speak ("Tarasenko arrived"),
    ``embedded`` those of clauses inside others ("said Petrov was detained"); the speakers
    of quotes are added as they are found. A pronoun ("he", "she", "they", "it") stands
    for the nearest earlier compatible mention among the speakers and main-clause
    subjects, and only where none fits among the embedded subjects: compatible in number
    (they: plural or a body), in gender where the mention shows it (a title, an honorific,
    a gendered noun: "Ms.", "spokeswoman", "her husband" is a man), and in kind (he and
    she: a person; it: a body). "I", "you" and "we" stand for nobody here. A description
    with "the" ("the official", "the agency") stands for the last speaker whose mention
    holds its head noun, else for a generic person noun ("the official", "the man") the
    last person who spoke; anything else is a speaker in its own right.
    """

    def __init__(self, subjects: list[Mention], embedded: list[Mention] | None = None,
                 language: Resources | None = None) -> None:
        self.language = language or resources()
        self._subjects = subjects
        self._embedded = embedded or []
        self._speakers: list[Mention] = []

    def add_speaker(self, mention: Mention) -> None:
        self._speakers.append(mention)

    def resolve(self, mention: Mention) -> Mention | None:
        """A pronoun or pointing description resolved to an earlier mention, if one fits."""
        if mention.pronoun:
            return self._antecedent(mention)
        if mention.definite:
            return self._described(mention)
        return mention

    def _antecedent(self, pronoun: Mention) -> Mention | None:
        if pronoun.head in ("i", "you", "we"):
            return None
        for pool in (self._speakers + self._subjects, self._embedded):
            candidates = sorted((m for m in pool if m.start < pronoun.start),
                                key=lambda m: m.start, reverse=True)
            for candidate in candidates:
                if _compatible(pronoun, candidate):
                    return candidate
        return None

    def _described(self, description: Mention) -> Mention:
        """ "the medic" after "a medic from the 3rd Brigade": the earlier speaker. A
        description naming what the earlier one did not ("the Reuters poll" after "a new
        poll", "the Pentagon official" after "an official") is a speaker in its own right."""
        demonyms = self.language.demonym_words
        proper = _proper_words(description.text, demonyms)
        for speaker in reversed(self._speakers):
            if speaker.start >= description.start or speaker.pronoun:
                continue
            words = {w.lower() for w in re.findall(r"[\w-]+", speaker.text)}
            if not proper <= words | _proper_words(speaker.written, demonyms):
                continue
            if description.head in words or (speaker.role and description.head in
                                             speaker.role.lower().split()):
                return replace(speaker, start=description.start)
        if description.head in self.language.generic_persons and not proper:
            for speaker in reversed(self._speakers):
                if speaker.start < description.start and speaker.person and not speaker.plural:
                    return replace(speaker, start=description.start)
        return description

    def fold(self, mentions: list[Mention]) -> dict[str, str]:
        """The fullest form of each name seen among the mentions and subjects, by name key."""
        fullest: dict[str, str] = {}
        for mention in [*self._subjects, *mentions]:
            bare = mention.bare_name
            if not bare:
                continue
            current = fullest.get(mention.key)
            if current is None or len(bare.split()) > len(current.split()):
                fullest[mention.key] = bare
        return fullest


def _proper_words(text: str, demonym_words: frozenset[str]) -> set[str]:
    """The capitalised words of a description, lower-cased: what names it ("the Ukrainian
    officer" names no one new: a demonym only says where from)."""
    return {w.lower() for w in re.findall(r"[\w-]+", text)
            if w[:1].isupper()} - demonym_words


def _compatible(pronoun: Mention, candidate: Mention) -> bool:
    if candidate.pronoun:
        return False
    if pronoun.head in ("he", "she"):
        if candidate.plural or candidate.person is False:
            return False
        return candidate.gender in (None, pronoun.gender)
    if pronoun.head == "they":
        return candidate.plural or candidate.person is not True
    if pronoun.head == "it":
        return candidate.person is not True and not candidate.plural
    return True


def subject_mentions(subjects: list[Token], quoted: Callable[[int], bool],
                     main: bool | None = None, language: Resources | None = None
                     ) -> list[Mention]:
    """Mentions for sentence subjects that can be pronoun antecedents: all of them, or
    (``main``) only those of main clauses, or (``main=False``) only embedded ones."""
    out: list[Mention] = []
    for token in subjects:
        if token.pos_ == "PRON" or quoted(token.i):
            continue
        if main is not None and in_main_clause(token) != main:
            continue
        if can_speak(token, language):
            out.append(mention_of(token, quoted, language))
    return out


def in_main_clause(subject: Token) -> bool:
    """True for the subject of a sentence's main verb or of a verb joined to it ("X
    arrived and said"), not of a clause inside another ("said Y was detained")."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def can_speak(token: Token, language: Resources | None = None) -> bool:
    """True where a noun names someone who can speak: a person, a body of people or a name
    ("the team", "Kyiv"), not a thing that shows ("maps", "evidence")."""
    lemma = token.lemma_.lower()
    language = language or resources()
    return token.pos_ == "PROPN" or lemma in language.person_nouns \
        or lemma in language.body_nouns or (
        token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))


NOBODY = frozenset({"neither", "no", "nobody", "none", "noone"})


def denied(cue: Token) -> bool:
    """A speech verb denied of its subject: "Moscow has not confirmed that ...", "neither
    Moscow nor Pyongyang has acknowledged ...", "no official said ...": nobody said it."""
    if any(child.dep_ == "neg" for child in cue.children):
        return True
    subjects = [child for child in cue.children if child.dep_ in ("nsubj", "nsubjpass")]
    return any(subject.lower_ in NOBODY or any(
        word.lower_ in NOBODY and word.dep_ in ("preconj", "det") for word in subject.children)
        for subject in subjects)
