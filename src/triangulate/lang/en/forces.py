"""English nouns and verbs of counted forces and people: who fights, who can be killed, what
destroys them, and the verbs and nouns by which a count is given."""

from __future__ import annotations

FORCE_NOUNS = frozenset({
    "troop", "soldier", "force", "personnel", "fighter", "serviceman", "servicemen",
    "mercenary", "conscript", "reservist", "infantry", "marine", "commando", "sailor",
    "paratrooper", "special force", "brigade", "battalion", "regiment", "division",
})
# nouns for people who fight, of a side's forces or not: never civilians
COMBATANT_NOUNS = FORCE_NOUNS | frozenset({
    "militant", "militiaman", "rebel", "separatist", "insurgent", "invader", "occupier",
    "terrorist", "guerrilla", "jihadist", "gunman", "combatant",
})
# nouns for people, who can be killed where equipment is destroyed
PEOPLE_NOUNS = FORCE_NOUNS | frozenset({
    "person", "people", "civilian", "invader", "militant", "militiaman", "rebel", "separatist",
    "resident", "man", "woman", "child", "fighter", "occupier", "insurgent", "terrorist",
    "guard", "officer", "volunteer", "sapper", "sniper", "pilot", "crew",
})
# verbs that kill when what they count are people: "destroyed up to 50 soldiers"
DESTROYING = frozenset({"destroy", "eliminate", "neutralise", "neutralize", "liquidate",
                        "annihilate", "wipe"})
# verbs whose subject carries the measure: "the death toll rose to 28"
LEVEL_VERBS = frozenset({"rise", "reach", "climb", "stand", "increase", "hit", "exceed", "top",
                         "be", "total", "surpass", "pass", "grow", "range", "number"})
# verbs whose object carries the measure: "put the number of dead at 2,000"
COUNT_VERBS = frozenset({"put", "place", "estimate", "peg", "bring", "raise", "revise", "set",
                         "count", "lower", "increase", "update"})
# nouns for a count that someone owns: "the agency's count of casualties"
COUNT_NOUNS = frozenset({"count", "estimate", "tally", "figure", "toll", "assessment",
                         "total", "number", "data", "calculation"})
# nouns for people of any kind: civilians where nothing said of them makes them fighters
ANYONE = frozenset({"people", "person", "individual"})
