"""English words for where a statement or a figure comes from when no one is named: the
vague sources, the documents, the nouns that report a figure and the channels it goes by."""

from __future__ import annotations

import re

from triangulate.lang.en.people import GENERIC_PERSONS

# words that name a source without naming anyone ("reports", "officials", "sources")
VAGUE_SOURCES: frozenset[str] = frozenset({
    "reports", "report", "sources", "source", "officials", "media", "accounts", "witnesses",
    "observers", "estimates", "analysts", "bloggers", "outlets", "channels", "intelligence",
})
# documents and figures that a statement cites, which are no speaker ("according to data")
DOCUMENTS: frozenset[str] = frozenset({
    "report", "reports", "estimate", "estimates", "figure", "figures", "data", "media",
    "account", "accounts", "rumour", "rumours", "rumor", "rumors", "statistics",
})
# heads of subjects that report a figure rather than being counted by it
REPORTER_NOUNS: frozenset[str] = frozenset({
    "agency", "service", "ministry", "government", "official", "spokesman", "spokeswoman",
    "spokesperson", "intelligence", "military", "lawmaker", "office", "pentagon", "department",
    "president", "minister", "analyst", "report", "estimate", "data", "figure", "staff",
    "command", "source", "media", "outlet", "newspaper", "briefing", "statement", "kremlin",
    "parliament", "committee", "institute", "observer", "monitor",
})
# channels and platforms a statement is made on: "told Telegram", "said on television"
CHANNELS: frozenset[str] = frozenset({
    "twitter", "x", "facebook", "telegram", "instagram", "tiktok", "youtube", "truth social",
    "television", "radio", "cnn", "fox",
})
# words in the name of a news medium ("Korea Herald", "Sky News")
MEDIA_NAME = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Radio|TV|"
    r"Television|Magazine|Daily|Press|Agency|Broadcasting|Network|Channel|Chronicle|Review|"
    r"Independent|Observer|Monitor|Standard|Mirror|Express|Sun|Star|Wire)\b"
)

# words that make a source's name a news medium's ("the Kyiv Post", "state media")
MEDIA_WORDS = re.compile(
    r"\b(?:News|Times|Post|Journal|Herald|Tribune|Gazette|Telegraph|Guardian|Radio|TV|"
    r"Television|Daily|Politico|Reuters|KCNA|TASS|Yonhap|Interfax|newspaper|newspapers|"
    r"broadcaster|broadcasters|media|press|outlet|outlets|tabloid|tabloids)\b")
# where the noun a source's name is about ends: a comma, a preposition or a clause ("officials
# of the ministry", "a source close to the talks", "the mayor, who ...")
SOURCE_TAIL = re.compile(r",|\s(?:of|citing|close to|familiar with|in|at|from|with|for|on|who|"
                         r"which|that)\s")
# heads of a source's name that make it an institution ("the defence ministry", "the SBU")
INSTITUTION_HEADS: frozenset[str] = frozenset({
    "government", "ministry", "service", "agency", "army", "military", "staff", "command",
    "office", "department", "pentagon", "kremlin", "council", "chiefs", "headquarters",
    "administration", "embassy", "parliament", "assembly", "committee", "institute", "police",
    "forces", "force", "intelligence", "nato", "un", "nis", "sbu", "jcs", "hur", "gur", "house",
    "authorities", "authority", "court", "party", "commission", "directorate", "corps",
    "agencies", "ministries", "governments", "services",
})

# words of a source that make it a state's government, an organ or an official of it, where
# the source names the state ("Ukrainian officials", "Seoul's Joint Chiefs")
GOVERNMENT_WORDS: frozenset[str] = frozenset({
    "government", "officials", "official", "ministry", "minister", "authorities", "president",
    "presidency", "military", "army", "forces", "staff", "spokesman", "spokeswoman",
    "spokesperson", "command", "defence", "defense", "intelligence", "office", "cabinet",
    "kremlin", "administration", "governor", "embassy", "service", "department", "chiefs",
    "prosecutor", "prosecutor-general", "police", "council", "mayor", "leader", "premier",
})
# a headline's section or story label ("Israel-Hamas war: ...", "Live: ..."): no source
SECTION_WORDS: frozenset[str] = frozenset({
    "war", "conflict", "crisis", "live", "analysis", "explainer", "opinion", "update",
    "updates", "breaking", "exclusive", "watch", "video", "photos", "latest", "news",
    "timeline", "factbox",
})


def plurals(nouns: frozenset[str]) -> frozenset[str]:
    """The regular plurals of nouns: "witness" -> "witnesses", "aide" -> "aides"."""
    return frozenset(noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")
                     for noun in nouns)


# who an unnamed source is, by the head of its description: a generic person ("an official",
# "sources"), an onlooker or a document passed on ("witnesses", "reports"); a named person
# or body is never one
_ANONYMOUS = (GENERIC_PERSONS - {"man", "woman", "spokesman", "spokeswoman", "spokesperson"}) | {
    "insider", "aide", "diplomat", "resident", "witness", "analyst", "expert", "observer",
    "blogger", "veteran", "report", "estimate", "account", "rumour",
}
ANONYMOUS_HEADS: frozenset[str] = _ANONYMOUS | plurals(_ANONYMOUS) | {
    "people", "troops", "spokesman", "spokeswoman", "spokesperson",
}
