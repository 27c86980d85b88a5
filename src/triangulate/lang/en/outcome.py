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
