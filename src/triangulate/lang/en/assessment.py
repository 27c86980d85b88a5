"""Words that judge a fighting force, by the quality they judge: (good, bad).

Two statements stand in tension most clearly when they judge the same quality of the same
party in opposite ways ("disciplined" against "disorganised"). Each side is the plain English
vocabulary of that quality: adjectives, their nouns and adverbs, and the verbs of giving up
or holding out. Words whose sense depends on what they qualify ("low", "high") are left out.
"""

from __future__ import annotations

FACETS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "skill": (frozenset({
        "skilled", "skilful", "skillful", "skill", "capable", "capability", "proficient",
        "proficiency", "competent", "competence", "professional", "professionalism",
        "experienced", "well-trained", "seasoned", "battle-hardened", "adept", "expert",
        "elite", "accomplished",
    }), frozenset({
        "poorly", "incompetent", "incompetence", "inexperienced", "untrained", "unprepared",
        "ill-equipped", "ill-trained", "amateurish", "clumsy", "inept", "ineptitude",
        "unskilled",
    })),
    "cohesion": (frozenset({
        "disciplined", "discipline", "organised", "organized", "coordinated", "cohesive",
        "cohesion", "orderly",
    }), frozenset({
        "disorganised", "disorganized", "chaotic", "chaos", "confused", "confusion", "panic",
        "panicked", "disarray", "undisciplined", "disorderly", "infighting", "mutiny",
        "mutinied",
    })),
    "resolve": (frozenset({
        "brave", "courageous", "courage", "bravery", "fearless", "tough", "resilient",
        "resilience", "motivated", "combative", "combativeness", "relentless", "stubborn",
        "dedicated", "determined", "determination", "ferocious", "fanatical", "unyielding",
        "tenacious", "tenacity", "steadfast", "defiant", "undaunted", "zealous",
    }), frozenset({
        "demoralised", "demoralized", "demoralisation", "demoralization", "cowardly",
        "cowardice", "desert", "defect", "deserted", "defected", "deserting", "defecting",
        "desertion", "desertions", "defection", "defections", "surrender", "surrendered",
        "surrendering", "flee", "fled", "fleeing", "unmotivated", "reluctant", "exhausted",
        "dispirited", "capitulate", "capitulated",
    })),
    "effect": (frozenset({
        "formidable", "formidably", "effective", "effectively", "credible", "superior",
        "superiority", "lethal", "successful", "success", "potent", "dangerous", "powerful",
        "impressive", "decisive",
    }), frozenset({
        "weak", "weakness", "ineffective", "ineffectual", "fodder", "setback", "dismissed",
        "useless", "failure", "failed", "struggling", "struggled", "feeble", "hapless",
        "negligible", "marginal", "insignificant", "overrated", "floundering",
    })),
}
POSITIVE = frozenset(word for good, _ in FACETS.values() for word in good)
NEGATIVE = frozenset(word for _, bad in FACETS.values() for word in bad)
FACET_OF = {word: facet for facet, sides in FACETS.items() for side in sides for word in side}

# adverbs that fault what they qualify: "poorly organised", "badly led" judge as
# "disorganised" does
FAULTING = frozenset({"poorly", "badly", "barely", "hardly", "insufficiently", "inadequately"})

# verbs that pass a verdict on a party ("consider them formidable", "dismissed them as not
# credible"): a judgement under one is an explicit assessment, not a word in a narrative
VERDICT_VERBS = frozenset({
    "consider", "regard", "view", "describe", "call", "dismiss", "deem", "brand", "label",
    "rate", "judge", "assess", "characterise", "characterize", "portray", "praise", "hail",
    "deride", "mock", "ridicule", "belittle", "disparage", "underestimate", "overestimate",
})


def inflections(lemma: str) -> set[str]:
    """The regular forms of a verb: "dismiss" -> dismisses, dismissed, dismissing."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
    return {lemma, plural, stem + "ed", stem + "ing"}


VERDICT_FORMS = frozenset(form for verb in VERDICT_VERBS for form in inflections(verb))
