"""The English words that tell what a figure counts, keyed by the measure's name in
:mod:`triangulate.measures` (lemmas and lower-case forms, as the parse gives them).

A word found near a number decides its measure: the counted word itself ("300 dead"), the
verb that governs the counted noun ("wiped out 40 soldiers"), or a modifier ("wounded
soldiers"). Measures are tried in the order of :data:`MEASURE_WORDS`; "casualties" also
stands for a killed word and a wounded word together ("killed or wounded").
"""

from __future__ import annotations

from triangulate.measures import Measure

MEASURE_WORDS: dict[Measure, frozenset[str]] = {
    "casualties": frozenset({"casualty", "loss", "lose", "losses"}),
    "killed": frozenset({
        "kill", "killed", "dead", "die", "death", "fatality", "slay", "slain", "perish", "body",
        "wipe out", "toll", "execute", "massacre", "eliminate", "kia", "life",
    }),
    "wounded": frozenset({"wound", "wounded", "injure", "injured", "injury", "hurt", "maim"}),
    "captured": frozenset({
        "capture", "captured", "prisoner", "pow", "captive", "detain", "surrender",
        "take alive", "take prisoner", "take captive",
    }),
    "missing": frozenset({"missing", "unaccounted"}),
    # people driven from their homes: "50,000 have fled", "two million refugees", "displaced"
    "displaced": frozenset({
        "displace", "displaced", "flee", "fled", "refugee", "evacuate", "evacuee", "uproot",
        "homeless", "exodus",
    }),
    # forces sent or standing somewhere: "sent 10,000 troops", "a contingent of 1,500"
    "deployed": frozenset({
        "deploy", "send", "dispatch", "station", "transfer", "mass", "amass", "mobilize",
        "mobilise", "recruit", "enlist", "arrive", "fight", "serve", "contingent",
    }),
}
# nouns for people held, whose count is of what befell them ("40 POWs", "hostages")
STATUS_NOUNS: frozenset[str] = frozenset({
    "pow", "pows", "prisoner", "captive", "hostage", "detainee", "inmate", "missing",
})
# nouns of the losses a count is of ("the dead", "casualties", "the toll")
LOSS_NOUNS: frozenset[str] = frozenset({
    "dead", "death", "body", "casualty", "fatality", "injured", "wounded", "killed", "toll",
    "loss", "victim",
})

# unit words after a number -> factor to square kilometres (the "area" measure)
AREA_UNITS: dict[str, float] = {
    "square kilometres": 1.0, "square kilometers": 1.0, "sq km": 1.0, "km2": 1.0, "km²": 1.0,
    "sq. km": 1.0, "square km": 1.0, "square miles": 2.58999, "sq mi": 2.58999,
    "square mile": 2.58999, "square kilometre": 1.0, "square kilometer": 1.0,
    "hectares": 0.01, "hectare": 0.01,
}
