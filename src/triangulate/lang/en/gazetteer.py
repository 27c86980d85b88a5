"""English names of the actors, outlets and bodies of war reporting, and the demonyms of
the world's parties. Lower-case, matched in any case; an entry written with capitals ("US")
matches only as written (:mod:`triangulate.lang.lookup`).

No town is listed, and no person but a ruler whose full name stands for the state's forces
("Kim Jong Un's forces"): who anyone else speaks for is read from the title the text gives
them ("Ukrainian President ...", :mod:`triangulate.nlp.people`), and places are the
parser's GPE, LOC and FAC."""

from __future__ import annotations

# canonical actor -> words and phrases that point at it in a counted subject
ACTORS: dict[str, tuple[str, ...]] = {
    "North Korea": (
        "north korea", "north korean", "north koreans", "pyongyang", "dprk", "kpa",
        "korean people's army", "kim jong un", "kim jong-un",
    ),
    "South Korea": ("south korea", "south korean", "south koreans", "seoul", "rok"),
    "Russia": ("russia", "russian", "russians", "moscow", "kremlin", "wagner",
               "russian federation"),
    "Ukraine": ("ukraine", "ukrainian", "ukrainians", "kyiv", "kiev", "afu",
                "armed forces of ukraine"),
    "United States": ("united states", "american", "americans", "U.S.", "US", "washington",
                      "pentagon"),
    "Israel": ("israel", "israeli", "israelis", "idf"),
    "Palestine": ("palestinian", "palestinians", "gaza", "hamas"),
    "Civilians": ("civilian", "civilians", "residents", "people", "children"),
}

# the other parties of the world's wars, by their demonyms and names: a general gazetteer so
# that a subject of any war ("Sudanese soldiers", "RSF fighters", "M23 rebels") folds to its side
WORLD_ACTORS: dict[str, tuple[str, ...]] = {
    "Sudan": ("sudanese", "sudanese army", "sudanese armed forces", "saf"),
    "Rapid Support Forces": ("rsf", "rapid support forces"),
    "South Sudan": ("south sudanese",),
    "DR Congo": ("congolese", "fardc", "drc"),
    "M23": ("m23", "march 23 movement"),
    "Rwanda": ("rwandan", "rwandans"),
    "Myanmar": ("burmese", "myanmar military", "tatmadaw", "junta"),
    "Syria": ("syrian", "syrians"),
    "Iraq": ("iraqi", "iraqis"),
    "Iran": ("iranian", "iranians", "irgc", "revolutionary guards"),
    "Afghanistan": ("afghan", "afghans"),
    "Taliban": ("taliban",),
    "Yemen": ("yemeni", "yemenis"),
    "Houthis": ("houthi", "houthis", "ansar allah"),
    "Lebanon": ("lebanese",),
    "Hezbollah": ("hezbollah", "hizbollah"),
    "Libya": ("libyan", "libyans"),
    "Mali": ("malian", "malians"),
    "Somalia": ("somali", "somalis"),
    "al-Shabaab": ("al-shabaab", "al shabaab", "shabaab"),
    "Ethiopia": ("ethiopian", "ethiopians", "endf"),
    "Eritrea": ("eritrean", "eritreans"),
    "TPLF": ("tplf", "tigrayan forces", "tigray defence forces"),
    "Nigeria": ("nigerian", "nigerians"),
    "Boko Haram": ("boko haram", "iswap"),
    "Islamic State": ("islamic state", "isis", "isil", "daesh"),
    "Armenia": ("armenian", "armenians"),
    "Azerbaijan": ("azerbaijani", "azerbaijanis", "azeri", "azeris"),
    "Georgia": ("georgian", "georgians"),
    "Belarus": ("belarusian", "belarusians"),
    "China": ("chinese",),
    "Taiwan": ("taiwanese",),
    "India": ("indian", "indians"),
    "Pakistan": ("pakistani", "pakistanis"),
    "Turkey": ("turkish", "turks"),
    "Kurdish forces": ("kurdish", "kurds", "sdf", "ypg", "pkk", "peshmerga"),
    "Saudi Arabia": ("saudi", "saudis"),
    "Egypt": ("egyptian", "egyptians"),
    "United Kingdom": ("british", "britons", "uk"),
    "France": ("french",),
    "Germany": ("german", "germans"),
    "Poland": ("polish", "poles"),
    "Colombia": ("colombian", "colombians", "farc", "eln"),
    "Chad": ("chadian", "chadians"),
    "Burkina Faso": ("burkinabe",),
    "Niger": ("nigerien", "nigeriens"),
    "Mozambique": ("mozambican", "mozambicans"),
    "Cameroon": ("cameroonian", "cameroonians"),
    "Haiti": ("haitian", "haitians"),
}

# adjective for each actor, for naming a subject ("North Korean forces")
DEMONYM: dict[str, str] = {
    "North Korea": "North Korean", "South Korea": "South Korean", "Russia": "Russian",
    "Ukraine": "Ukrainian", "United States": "US", "Israel": "Israeli",
    "Palestine": "Palestinian", "Civilians": "civilian",
} | {actor: variants[0].title() for actor, variants in WORLD_ACTORS.items()
     if variants[0].endswith(("an", "ese", "i", "ish", "ch", "be", "ien"))}

# news outlets and agencies: a quote "told X" or "said to X" names a medium when X is one;
# an acronym that is also a word or too short to tell ("AP", "NOS") in its capitals
OUTLETS: tuple[str, ...] = (
    "the new york times", "new york times", "politico", "reuters", "associated press", "AP",
    "afp", "agence france-presse", "bbc", "cnn", "the guardian", "guardian", "yonhap",
    "the kyiv independent", "kyiv independent", "ukrainska pravda", "the wall street journal",
    "wall street journal", "the washington post", "washington post", "bloomberg",
    "al jazeera", "sky news", "the telegraph", "the times", "daily mail", "the sun", "fox news",
    "nbc news", "abc news", "cbs news", "tass", "ria novosti", "interfax", "the economist",
    "financial times", "le monde", "der spiegel", "NOS", "npr", "radio free europe",
    "rfe/rl", "voice of america", "kyodo", "nhk", "dpa", "the independent", "newsweek",
    "the atlantic", "axios", "euronews", "france 24", "deutsche welle", "DW", "meduza",
    "the insider", "kyiv post", "ukrinform", "unian", "korea herald", "korea times",
    "chosun ilbo", "nk news", "daily nk", "38 north",
)

# armed forces and official bodies that speak and count
ORGS: tuple[str, ...] = (
    "national intelligence service", "NIS", "pentagon", "kremlin", "wagner", "nato",
    "ukrainian general staff", "general staff", "HUR", "GUR", "SBU",
    "ministry of defence", "ministry of defense", "defence ministry", "defense ministry",
    "united nations", "UN", "isw", "institute for the study of war", "white house",
    "state department", "joint chiefs of staff",
)

# bodies that give figures -> sets of words any one of which, all present, names the body; a
# word in capitals ("US") counts only as written, so "the department told us" names no body
SOURCE_BODIES: dict[str, tuple[frozenset[str], ...]] = {
    "South Korea's National Intelligence Service": (
        frozenset({"nis"}), frozenset({"national", "intelligence", "service"}),
        frozenset({"south", "korea", "intelligence"}),
        frozenset({"south", "korean", "intelligence"}), frozenset({"seoul", "intelligence"}),
    ),
    "South Korea's Joint Chiefs of Staff": (frozenset({"jcs"}), frozenset({"joint", "chiefs"})),
    "US Department of Defense": (
        frozenset({"pentagon"}), frozenset({"US", "defense", "department"}),
        frozenset({"department", "of", "defense"}),
    ),
    "UK Defence Intelligence": (frozenset({"defence", "intelligence"}),
                                frozenset({"british", "intelligence"})),
    "Ukrainian General Staff": (frozenset({"ukrainian", "general", "staff"}),
                                frozenset({"kyiv", "general", "staff"})),
    "Russian Ministry of Defence": (frozenset({"russian", "defence", "ministry"}),
                                    frozenset({"russian", "defense", "ministry"}),
                                    frozenset({"russia", "ministry", "defence"}),
                                    frozenset({"russia", "ministry", "defense"})),
    "Ukrainian military intelligence (HUR)": (frozenset({"hur"}), frozenset({"gur"}),
                                              frozenset({"ukrainian", "military", "intelligence"})),
}

# geographical and political adjectives of the conflict's parties and neighbours
DEMONYMS: tuple[str, ...] = (
    "north korean", "south korean", "russian", "ukrainian", "american", "chinese",
    "belarusian", "chechen", "british", "european", "israeli", "palestinian", "syrian",
    "iranian", "georgian",
)
# the words of those adjectives ("north", "korean"), which describe a person, never name one
DEMONYM_WORDS = frozenset(word for demonym in DEMONYMS for word in demonym.split())
