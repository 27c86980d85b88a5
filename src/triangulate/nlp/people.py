"""Whom a person named in an article speaks or fights for, read from the title the article
gives them: "Ukrainian President Volodymyr Zelensky", "Russia's defence minister Andrei
Belousov", "Kim Jong Un, North Korea's leader". No list of people is kept: a name with no
such title in its article is nobody's side.

The full name and, for later mentions, its last word ("Zelensky") point at the state, as
written (a name is matched in its own case); the first word alone never does ("Kim" is a
family name many share).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from triangulate.lang import Language, resources
from triangulate.lang.lookup import actor_of
from triangulate.nlp.words import doc_ents
from triangulate.settings import DEFAULTS

_CACHE = "triangulate_person_states"


def person_states(doc: Doc, language: Language | None = None,
                  reach: int = DEFAULTS.title_reach) -> dict[str, str]:
    """Name as written, and its last word -> the state its title in ``doc`` names, at most
    ``reach`` tokens from the name; read once per document (by the claims component)."""
    if _CACHE not in doc.user_data:
        language = language or resources()
        states: dict[str, str] = {}
        for ent in doc_ents(doc):
            state = titled_state(ent, language, reach) if ent.label_ == "PERSON" else None
            if state is not None:
                words = [t.text for t in ent if t.lower_ not in {"'s", "’s"}]
                states[" ".join(words)] = state
                states.setdefault(words[-1], state)
        doc.user_data[_CACHE] = states
    return dict(doc.user_data[_CACHE])


def titled_state(name: Span, language: Language, reach: int = DEFAULTS.title_reach
                 ) -> str | None:
    """The state of the title just before the name ("North Korean leader Kim Jong Un") or
    in an apposition just after it ("Kim Jong Un, North Korea's leader")."""
    sentence = name.sent
    before = name.doc[max(sentence.start, name.start - reach) : name.start]
    after = name.doc[name.end : min(sentence.end, name.end + reach + 1)]
    if len(after) and after[0].text == ",":
        after = after[1:]
        comma = next((t.i for t in after if t.text in {",", ";", "."}), after.end)
        after = name.doc[after.start : comma]
    else:
        after = name.doc[name.end : name.end]
    for words in (before, after):
        if any(t.lower_ in language.titles for t in words):
            state = actor_of(words.text, language)
            if state is not None and state != "Civilians":
                return state
    return None
