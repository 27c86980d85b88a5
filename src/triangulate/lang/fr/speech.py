"""French reported speech: the verbs that say, the words that attribute, the marks that quote.

Verbs are lemmas as spaCy's French model writes them ("a déclaré" -> "déclarer").
"""

from __future__ import annotations

SPEECH_VERBS = frozenset({
    "dire", "déclarer", "affirmer", "annoncer", "indiquer", "préciser", "expliquer",
    "ajouter", "souligner", "assurer", "confirmer", "rapporter", "raconter", "répondre",
    "estimer", "avertir", "prévenir", "dénoncer", "accuser", "démentir", "nier",
    "reconnaître", "admettre", "insister", "marteler", "lancer", "écrire", "témoigner",
    "signaler", "poursuivre", "conclure", "commenter", "relever", "noter",
})
BELIEF_VERBS = frozenset({"penser", "croire", "craindre", "juger", "considérer"})
FINDING_VERBS = frozenset({"constater", "établir", "recenser", "dénombrer", "compter"})

# a preposition that gives the rest of the sentence to someone: "selon l'armée, ..."
SOURCE_MARKERS = frozenset({"selon", "d'après", "d’après"})
# the conjunction that opens what a speech verb reports: "a déclaré que ..."
THAT_WORDS = frozenset({"que", "qu'", "qu’"})
# the prepositions before whom something was said to: "a déclaré à l'AFP", "au Monde"
VIA_MARKERS = frozenset({"à", "au", "aux"})
# subject pronouns that stand for someone named before
PRONOUNS = frozenset({"il", "elle", "ils", "elles", "-il", "-elle", "-ils", "-elles"})

# guillemets, with or without the spaces French sets inside them; English-style marks too
QUOTE_MARKS = {
    "«": frozenset({"»"}), "“": frozenset({"”"}), "\"": frozenset({"\""}),
    "‹": frozenset({"›"}),
}
