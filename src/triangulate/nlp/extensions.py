"""Our ``Doc`` extensions, each registered once by the module of the component that sets it.

Registering without ``force``: a name another library (or a user) registered first is left as
it is rather than overwritten, and a module imported twice registers nothing the second time.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span


def declare(*names: str) -> None:
    """Register each ``doc._.<name>`` (default ``None``) that is not registered yet."""
    for name in names:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def value(doc: Doc, name: str) -> Any:
    """``doc._.<name>``, or ``None`` where no component of the pipeline registers it (a
    spaCy user's pipeline without our quotes component has no ``doc._.quotes``)."""
    return getattr(doc._, name) if Doc.has_extension(name) else None


_TEXT = "triangulate.text"


def text_of(doc: Doc) -> str:
    """``doc.text``, joined once per document: spaCy joins the tokens again on every access
    of ``Doc.text`` (milliseconds for an article), and several components read it. The text
    of a parsed document does not change, so it is kept in ``doc.user_data``."""
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return str(text)


def seed_text(doc: Doc, text: str) -> None:
    """Keep ``text`` as the document's text, where the document was made from it by a
    tokenizer: spaCy's tokenizers keep every character, so ``doc.text == text``, and the
    tokens need not be joined again."""
    doc.user_data[_TEXT] = text


def span_text(span: Span) -> str:
    """``span.text``, cut from the document's text (:func:`text_of`) rather than joined
    from the span's tokens again."""
    return text_of(span.doc)[span.start_char : span.end_char] if len(span) else ""
