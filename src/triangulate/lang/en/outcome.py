"""Words that say a fight or a presence is over, and words that say it goes on."""

from __future__ import annotations

ENDED = frozenset({
    "driven", "drove", "expelled", "ousted", "evicted", "retaken", "retook", "recaptured",
    "liberated", "withdrawn", "withdrew", "ended", "finished", "repelled", "routed",
    "cleared", "freed", "abandoned", "lifted", "regained",
})
ONGOING = frozenset({
    "still", "continue", "continues", "continuing", "continued", "remain", "remains",
    "ongoing", "persist", "persists", "holding", "raging", "contested",
})
# words of holding ground or fighting for it: a clause that says such a thing goes on
# ("fighters still hold the eastern districts") speaks of what a clause of retaking ends
CONTROL = frozenset({
    "hold", "holds", "held", "holding", "control", "controls", "controlled", "controlling",
    "fight", "fights", "fighting", "battle", "battles", "battling", "clashes", "resist",
    "resists", "resisting", "defend", "defends", "defending", "positions", "occupy",
    "occupies", "occupying", "entrenched",
})
