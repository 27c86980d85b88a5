"""English words for what happened and where: incidents and campaigns, sites, the nouns
and prepositions of place, and the generic tails of a place's name."""

from __future__ import annotations

import re

# words for what happened: an incident or a campaign
EVENT_NOUNS = frozenset({
    "strike", "airstrike", "attack", "blast", "explosion", "shelling", "bombing",
    "bombardment", "offensive", "counteroffensive", "incursion", "raid", "massacre", "siege",
    "battle", "assault", "ambush", "invasion", "fire", "shooting", "killing", "killings",
    "bombings", "strikes", "attacks", "clashes", "fighting", "operation", "crash", "drone",
    "missile", "rocket",
})

# kinds that name one incident, of a day or so: the same place much later is another event
INCIDENT_NOUNS = frozenset({
    "strike", "airstrike", "attack", "blast", "explosion", "shelling", "bombing", "raid",
    "massacre", "ambush", "shooting", "crash", "killing", "killings", "fire", "drone",
    "missile", "rocket", "strikes", "attacks", "bombings",
})

# generic words after a place's name: "Gaza City", "the Gaza Strip", "Donetsk region"
PLACE_TAILS = re.compile(r"\s+(city|strip|region|oblast|province|district|village|town|"
                         r"county|krai|governorate|area|raion|territory)$")

# prepositions whose object is where something happened ("in Marib", "near Bunia")
LOCATIVE = {"in", "near", "outside", "at", "around", "into", "across"}

# nouns for a site a name stands before ("the Marib bus station")
SITE_NOUNS = {"theatre", "theater", "station", "hospital", "prison", "school", "market", "mall",
              "plant", "airport", "port", "bridge", "camp", "base", "factory", "church",
              "mosque", "university", "stadium", "square", "building", "steelworks", "dam",
              "colony", "barracks", "shelter", "clinic", "kindergarten", "refinery"}

# nouns for a place whose name follows "of" ("the city of Marib")
PLACE_NOUNS = {"city", "town", "village", "region", "heart", "centre", "center", "outskirts",
               "suburb", "port", "province", "district"}

# prepositions that only place: their object is no person ("outside Goma")
SPATIAL = frozenset({"near", "outside", "around", "into", "across"})

# nouns for a region, before or after its name ("the Kursk region", "Kursk oblast")
REGION_WORDS = {"region", "oblast", "province", "governorate", "state"}
