"""What a statement of who did harm is made of: the acts that do harm, the weapons and
means that cause it, and the words that deny, hedge or make an agent the only one.

A frame (:mod:`triangulate.nlp.frames`) is built around a word of :data:`HARM_VERBS`,
:data:`HARM_NOUNS` or a weapon; its agent, polarity and modality come from the parse.
"""

from __future__ import annotations

# lemmas of verbs that do harm to people or places
HARM_VERBS = frozenset({
    "strike", "hit", "bomb", "shell", "fire", "attack", "shoot", "launch", "target", "kill",
    "destroy", "blow", "explode", "detonate", "bombard", "pound", "raid", "massacre",
    "execute", "torch", "burn", "drop", "mine", "blast",
})
# lemmas of nouns for an act of harm
HARM_NOUNS = frozenset({
    "strike", "airstrike", "attack", "bombing", "shelling", "fire", "bombardment", "raid",
    "massacre", "explosion", "blast", "shot", "barrage", "salvo", "assault", "involvement",
    "responsibility", "killing", "execution", "detonation", "incident",
})
# weapons and means of harm, each to its class: two statements naming weapons of one class
# speak of one means, and a weapon denied against one affirmed is a tension
WEAPONS: dict[str, str] = {
    **dict.fromkeys(("rocket", "missile", "himars", "grad", "katyusha", "projectile",
                     "launcher", "mlrs", "iskander", "tochka", "kalibr", "scud"), "missile"),
    **dict.fromkeys(("bomb", "airstrike", "air", "aircraft", "jet", "warplane", "plane",
                     "helicopter"), "air"),
    **dict.fromkeys(("artillery", "shell", "mortar", "howitzer", "cannon", "tank"),
                    "artillery"),
    **dict.fromkeys(("drone", "uav", "shahed", "quadcopter"), "drone"),
    **dict.fromkeys(("explosive", "explosives", "thermobaric", "ied", "mine", "landmine",
                     "grenade", "detonator"), "explosive"),
    **dict.fromkeys(("gun", "rifle", "gunfire", "sniper", "bullet", "machine-gun"), "gun"),
    **dict.fromkeys(("chemical", "gas", "nerve", "chlorine", "sarin"), "chemical"),
}
# weapons whose noun stands for the attack in a count ("the drone killed three", "killed by a
# shell"), so it is neither who is counted nor who reports: the common names among WEAPONS,
# and "munition", which names no one class
STRIKING_WEAPONS: frozenset[str] = frozenset({
    "rocket", "missile", "drone", "shell", "bomb", "jet", "artillery", "aircraft", "plane",
    "warplane", "gunfire", "tank", "mortar",
}) | {"munition"}
# words for firing that name no weapon, and the classes of weapon that fire: "no fire tasks"
# speaks of the same means as "two rockets struck", without denying rockets in particular
FIRING = frozenset({"fire", "salvo", "barrage", "launch"})
FIRED = frozenset({"missile", "artillery", "gun", "air", "drone"})
# lemmas of verbs that deny the act or thing they govern ("Israel denies the strike")
DENIAL_VERBS = frozenset({
    "deny", "reject", "refute", "dispute", "rebut", "disavow", "dismiss", "repudiate",
})
# phrasal verbs of denial, by lemma and particle ("ruled out Russian involvement")
DENIAL_PHRASES = frozenset({("rule", "out"), ("brush", "off"), ("play", "down")})
# lemmas of verbs whose subject or by-agent is the one who did what they govern
CAUSE_VERBS = frozenset({"cause", "carry", "conduct", "use", "fire", "launch", "commit",
                         "perpetrate", "responsible", "blame", "trigger", "employ"})
# lemmas of verbs whose subject does the harm named in their object ("had no fire tasks",
# "carried out a strike", "ordered the attack")
DOING_VERBS = CAUSE_VERBS | frozenset({"have", "carry", "conduct", "plan", "order", "make",
                                       "undertake", "mount", "stage", "unleash"})
# lemmas of verbs that lay an act on a party after a preposition ("blamed it on Russia",
# "attributed the strike to Israel")
BLAME_VERBS = {"blame": "on", "pin": "on", "attribute": "to", "ascribe": "to"}
# lemmas of verbs whose object is the party blamed for the act after "for" ("blamed the rebels
# for mining the road", "accused the militia of the raid")
ACCUSING_VERBS = {"blame": "for", "accuse": "of", "hold": "for", "condemn": "for"}
NEGATORS = frozenset({"not", "never", "no", "n't", "none", "nothing", "neither", "nor",
                      "without", "nobody"})
HEDGES = frozenset({"probably", "likely", "possibly", "perhaps", "apparently", "may",
                    "might", "could", "allegedly", "reportedly", "seemingly", "presumably",
                    "unlikely", "appear", "seem", "suggest", "alleged", "suspected",
                    "apparent", "possible", "probable", "purported", "supposed"})
CERTAIN = frozenset({"definitely", "certainly", "clearly", "undoubtedly", "surely",
                     "absolutely", "categorically", "conclusively"})
# words that make an agent the only one who could have done it ("used only by ...")
EXCLUSIVE = frozenset({"only", "solely", "exclusively", "alone"})
