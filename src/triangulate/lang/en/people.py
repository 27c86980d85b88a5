"""English words for people: the titles before a name, honorifics, the nouns that describe
one person or a body of people, and the words that tell a speaker's gender."""

from __future__ import annotations

from triangulate.lang.en.gazetteer import DEMONYM_WORDS

# titles and roles that stand before a name but are no part of it ("lawmaker Lee")
TITLES: frozenset[str] = frozenset({
    "president", "vice", "secretary", "minister", "sergeant", "sgt", "sgt.", "general", "gen.",
    "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "major", "maj.", "commander",
    "senator", "sen.", "representative", "rep.", "governor", "gov.", "mayor", "chief",
    "director", "spokesman", "spokeswoman", "spokesperson", "ambassador", "prime", "chancellor",
    "king", "queen", "prince", "princess", "pope", "judge", "justice", "officer", "private",
    "corporal", "admiral", "adm.", "marshal", "professor", "prof.", "dr.", "dr", "sir", "lord",
    "lady", "dame", "rev.", "reverend", "father", "speaker", "leader", "chairman", "chairwoman",
    "chair", "deputy", "acting", "former", "defense", "defence", "foreign", "state", "senior",
    "attorney", "counsel", "adviser", "advisor", "aide", "candidate", "nominee", "analyst",
    "sheriff", "inspector", "superintendent", "commissioner", "congressman", "congresswoman",
    "lawmaker", "ceo", "executive", "founder", "head", "manager", "strategist", "pastor",
    "parliamentarian", "commander-in-chief",
})
HONORIFICS: frozenset[str] = frozenset({"mr.", "mrs.", "ms.", "miss", "mr", "mrs", "ms"})
FEMININE: frozenset[str] = frozenset({
    "mrs.", "ms.", "miss", "mrs", "ms", "she", "her", "woman", "spokeswoman", "chairwoman",
    "congresswoman", "mother", "wife", "daughter", "sister", "queen", "princess", "lady",
    "dame", "girl", "grandmother",
})
MASCULINE: frozenset[str] = frozenset({
    "mr.", "mr", "he", "him", "his", "man", "spokesman", "chairman", "congressman", "father",
    "husband", "son", "brother", "king", "prince", "lord", "sir", "boy", "grandfather",
})
# nouns for a person that a number counts: "one soldier" is a count where "one day" is none
COUNTED_PERSONS: frozenset[str] = frozenset({
    "soldier", "civilian", "serviceman", "servicewoman", "person", "child", "woman", "man",
    "fighter", "rebel", "officer", "policeman", "resident", "prisoner", "sapper", "marine",
    "guard", "militant", "volunteer", "journalist", "medic", "worker", "farmer", "pilot",
})
# nouns that name people (for resolving "he" to a described speaker): the counted ones and
# the people of a story's roles and trades
PERSON_NOUNS: frozenset[str] = COUNTED_PERSONS | frozenset({
    "official", "commander", "spokesman", "spokeswoman", "spokesperson", "source", "analyst",
    "expert", "witness", "diplomat", "aide", "adviser", "advisor", "general", "sergeant",
    "minister", "president", "leader", "professor", "lawyer", "doctor", "veteran", "director",
    "executive", "activist", "candidate", "lawmaker", "senator", "governor", "mayor", "voter",
    "supporter", "student", "teacher", "nurse", "reporter", "researcher", "chief", "secretary",
    "captive", "driver", "mother", "father", "wife", "husband", "son", "daughter", "brother",
    "sister", "friend", "historian", "economist", "strategist", "scholar", "author", "refugee",
    "negotiator", "envoy", "ambassador", "sailor", "paratrooper", "sniper", "gunner",
    "operator", "troop", "chaplain", "priest",
})
# nouns that name bodies of people, which speak as "it" or "they": "the team determined"
BODY_NOUNS: frozenset[str] = frozenset({
    "team", "group", "agency", "ministry", "government", "army", "military", "police",
    "committee", "commission", "council", "organisation", "organization", "mission",
    "service", "investigation", "inquiry", "panel", "office", "department", "authority",
    "administration", "campaign", "court", "parliament", "command", "unit", "company",
    "community", "intelligence", "staff", "side", "delegation", "coalition", "alliance",
})
# who a count of people can be, apart from a side's forces: kept apart from "people"
PERSON_CATEGORIES: dict[str, str] = {
    "children": "children", "child": "children", "minors": "children", "women": "women",
    "woman": "women", "men": "men", "man": "men", "journalists": "journalists",
    "medics": "medics", "doctors": "medics",
}
# nouns for people something befell, of no side: "the dead", "prisoners", "evacuees"
VICTIM_WORDS: frozenset[str] = frozenset({
    "dead", "bodies", "body", "victims", "prisoners", "pows", "detainees", "inmates",
    "evacuees", "passengers", "patients", "hostages", "persons", "others", "lives",
})
# descriptions that point back to the last person speaking: "the official added"
GENERIC_PERSONS: frozenset[str] = frozenset({
    "official", "source", "officer", "soldier", "commander", "spokesman", "spokeswoman",
    "spokesperson", "man", "woman", "person", "fighter",
})
# personal pronouns that stand for a speaker
PRONOUNS: frozenset[str] = frozenset({"he", "she", "they", "it", "we", "i", "you", "who"})

# words that stand before a name in a source's description and are no part of the name:
# titles, honorifics and the demonyms of a title ("US Defense Secretary", "Ukrainian official")
NAME_PREFIXES: frozenset[str] = TITLES | HONORIFICS | DEMONYM_WORDS | {"us", "official"}
