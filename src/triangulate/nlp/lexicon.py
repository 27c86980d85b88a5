"""Word lists (lemmas, lower-case) that decide a figure's measure. The other English word
lists are in :mod:`triangulate.lang.en`."""

from __future__ import annotations

KILLED = frozenset({
    "kill", "killed", "dead", "die", "death", "fatality", "slay", "slain", "perish", "body",
    "wipe out", "toll", "execute", "massacre", "eliminate", "kia", "life",
})
WOUNDED = frozenset({"wound", "wounded", "injure", "injured", "injury", "hurt", "maim"})
CASUALTIES = frozenset({"casualty", "loss", "lose", "losses"})
CAPTURED = frozenset({
    "capture", "captured", "prisoner", "pow", "captive", "detain", "surrender", "take alive",
    "take prisoner", "take captive",
})
MISSING = frozenset({"missing", "unaccounted"})
SENDING = frozenset({
    "deploy", "send", "dispatch", "station", "transfer", "mass", "amass", "mobilize",
    "mobilise", "recruit", "enlist", "arrive", "fight", "serve", "contingent",
})
# unit words after a number -> factor to square kilometres
AREA_UNITS: dict[str, float] = {
    "square kilometres": 1.0, "square kilometers": 1.0, "sq km": 1.0, "km2": 1.0, "km²": 1.0,
    "sq. km": 1.0, "square km": 1.0, "square miles": 2.58999, "sq mi": 2.58999,
    "square mile": 2.58999, "square kilometre": 1.0, "square kilometer": 1.0,
    "hectares": 0.01, "hectare": 0.01,
}
