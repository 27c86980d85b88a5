"""English verbs that introduce what someone said, thought or found, as lemmas.

One list of speech verbs, :data:`SPEECH_VERBS`, made of named groups; the rules that need
fewer take a group or a union of groups (:data:`FIGURE_VERBS`), never a second list.
"""

from __future__ import annotations

# verbs that plainly report a statement or a fact, the way a figure is given ("the ministry
# said", "officials estimated", "the agency reported")
REPORTING_VERBS: frozenset[str] = frozenset({
    "say", "tell", "report", "estimate", "claim", "state", "announce", "add", "confirm",
    "note", "write", "disclose", "reveal", "allege", "testify", "brief", "warn", "insist",
    "acknowledge", "indicate", "suggest", "publish", "tweet", "post", "speak", "mention",
    "quote",
})
# the other verbs of speech and writing: arguing, answering, judging aloud
ARGUING_VERBS: frozenset[str] = frozenset({
    "express", "explain", "argue", "declare", "caution", "emphasize", "emphasise", "stress",
    "describe", "ask", "reply", "respond", "answer", "recall", "admit", "deny", "remark",
    "comment", "observe", "complain", "predict", "promise", "vow", "urge", "conclude",
    "concede", "assert", "contend", "maintain", "reiterate", "repeat", "quip", "joke",
    "recount", "dismiss", "shout", "scream", "whisper", "lament", "boast", "brag", "exclaim",
    "muse", "wonder", "accuse", "charge", "criticize", "criticise", "praise", "blast", "slam",
    "highlight", "underline", "agree", "threaten", "demand", "pledge", "mutter", "assure",
    "advise", "call", "continue", "counter", "retort", "protest", "object", "cite",
    "proclaim", "recommend", "hint", "point", "summarize", "summarise", "tout", "question",
    "chant", "read", "cry", "yell", "sing", "rule", "concur", "interject", "opine", "posit",
    "inform", "recollect", "affirm", "attest", "swear", "chide", "rail", "marvel", "vent",
})
# verbs of entreaty: "'Let them go,' she begged"
ENTREATY_VERBS: frozenset[str] = frozenset({"implore", "beg", "plead", "entreat", "beseech"})
# verbs of the manner of speaking (Levin's class 37.3) and of the feeling it shows, which
# wire copy uses as cues after a quote: "'...,' the colonel grumbled"
MANNER_VERBS: frozenset[str] = frozenset({
    "fume", "snap", "scoff", "sigh", "laugh", "grumble", "gush", "thunder", "bark",
    "murmur", "stammer", "sneer", "bellow", "growl", "hiss", "holler", "howl", "moan",
    "groan", "shriek", "wail", "whimper", "sob", "rasp", "croak", "drawl", "lisp", "purr",
    "roar", "scold", "seethe", "smile", "grin", "chuckle", "huff", "gasp",
})
SPEECH_VERBS: frozenset[str] = REPORTING_VERBS | ARGUING_VERBS | ENTREATY_VERBS | MANNER_VERBS

# verbs of belief and opinion: reported thought ("Kyiv believes ...")
BELIEF_VERBS: frozenset[str] = frozenset({
    "believe", "think", "expect", "fear", "hope", "feel", "reckon", "doubt", "suspect",
    "assess", "judge",
})
# verbs that report what an inquiry found: reported findings ("the investigation found ...")
FINDING_VERBS: frozenset[str] = frozenset({
    "find", "determine", "establish", "show", "conclude", "calculate", "verify", "document",
})
# verbs that count or record what was found ("monitors documented 40 deaths", "the mission
# counted", "witnesses described"): who is their subject is the figure's finder
RECORDING_VERBS: frozenset[str] = frozenset({
    "identify", "see", "count", "record", "register", "tally", "describe", "observe",
}) | (FINDING_VERBS - {"determine", "show", "conclude", "calculate"})
CUE_VERBS: frozenset[str] = SPEECH_VERBS | BELIEF_VERBS | FINDING_VERBS

# verbs by which a source gives a figure: reporting it, judging it, or putting it at a number
FIGURE_VERBS: frozenset[str] = REPORTING_VERBS | {"believe", "assess", "put"}
