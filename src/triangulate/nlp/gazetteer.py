"""A small gazetteer of the actors, people, places and outlets of war reporting.

It does three jobs: entity-ruler patterns placed before spaCy's statistical NER (the small
model reads "Kursk" as a PRODUCT and "Politico" as a PERSON), folding spelling variants to one
canonical name ("Zelenski", "Selenskyj" -> "Zelensky"), and folding a counted subject to a
canonical actor ("soldiers from Pyongyang", "Kim Jong Un's troops" -> "North Korea").

Every list is lower-case; matching is on lower-cased tokens.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

# canonical actor -> words and phrases that point at it in a counted subject
ACTORS: dict[str, tuple[str, ...]] = {
    "North Korea": (
        "north korea", "north korean", "north koreans", "pyongyang", "dprk", "kpa",
        "korean people's army", "kim jong un", "kim jong-un",
    ),
    "South Korea": ("south korea", "south korean", "south koreans", "seoul", "rok"),
    "Russia": (
        "russia", "russian", "russians", "moscow", "kremlin", "putin", "wagner",
        "russian federation",
    ),
    "Ukraine": (
        "ukraine", "ukrainian", "ukrainians", "kyiv", "kiev", "zelensky", "zelenskyy",
        "afu", "armed forces of ukraine",
    ),
    "United States": ("united states", "american", "americans", "u.s.", "us", "washington",
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

# canonical person -> spelling and transliteration variants
PEOPLE: dict[str, tuple[str, ...]] = {
    "Volodymyr Zelensky": (
        "zelensky", "zelenskyy", "zelenski", "zelenskiy", "zelenskij", "selenskyj",
        "zelenskyi", "volodymyr zelensky", "volodymyr zelenskyy", "wolodymyr selenskyj",
    ),
    "Kim Jong Un": ("kim jong un", "kim jong-un", "kim jong-un’s", "kim jongun", "kim jung un"),
    "Vladimir Putin": ("putin", "vladimir putin", "poetin", "wladimir putin"),
    "Lloyd Austin": ("lloyd austin", "austin"),
    "Oleksandr Syrskyi": ("syrskyi", "syrsky", "syrskiy", "oleksandr syrskyi"),
    "Kyrylo Budanov": ("budanov", "kyrylo budanov", "kirill budanov"),
    "John Kirby": ("john kirby", "kirby"),
    "Yoon Suk Yeol": ("yoon suk yeol", "yoon suk-yeol", "yoon"),
}

# canonical place -> variants
PLACES: dict[str, tuple[str, ...]] = {
    "Kursk": ("kursk", "koersk", "kurs'k"),
    "Sudzha": ("sudzha", "soedzja", "sudja", "suja", "sudscha", "sudża"),
    "Lyubimovka": ("lyubimovka", "lubimovka", "ljubimovka"),
    "Kyiv": ("kyiv", "kiev", "kiew"),
    "Kharkiv": ("kharkiv", "kharkov", "charkiw"),
    "Belgorod": ("belgorod", "bilhorod"),
    "Bryansk": ("bryansk", "briansk"),
    "Donetsk": ("donetsk", "donezk"),
    "Luhansk": ("luhansk", "lugansk"),
    "Zaporizhzhia": ("zaporizhzhia", "zaporizhia", "zaporozhye"),
    "Kherson": ("kherson", "cherson"),
    "Pokrovsk": ("pokrovsk",),
    "Bakhmut": ("bakhmut", "artemovsk"),
    "Avdiivka": ("avdiivka", "avdeyevka"),
    "Pyongyang": ("pyongyang",),
    "Seoul": ("seoul",),
    "Moscow": ("moscow", "moskou", "moskau"),
    "Vladivostok": ("vladivostok",),
    "Geneva": ("geneva",),
}

# news outlets and agencies: a quote "told X" or "said to X" names a medium when X is one
OUTLETS: tuple[str, ...] = (
    "the new york times", "new york times", "politico", "reuters", "associated press", "ap",
    "afp", "agence france-presse", "bbc", "cnn", "the guardian", "guardian", "yonhap",
    "the kyiv independent", "kyiv independent", "ukrainska pravda", "the wall street journal",
    "wall street journal", "the washington post", "washington post", "bloomberg",
    "al jazeera", "sky news", "the telegraph", "the times", "daily mail", "the sun", "fox news",
    "nbc news", "abc news", "cbs news", "tass", "ria novosti", "interfax", "the economist",
    "financial times", "le monde", "der spiegel", "nos", "npr", "radio free europe",
    "rfe/rl", "voice of america", "kyodo", "nhk", "dpa", "the independent", "newsweek",
    "the atlantic", "axios", "euronews", "france 24", "deutsche welle", "dw", "meduza",
    "the insider", "kyiv post", "ukrinform", "unian", "korea herald", "korea times",
    "chosun ilbo", "nk news", "daily nk", "38 north",
)

# armed forces and official bodies that speak and count
ORGS: tuple[str, ...] = (
    "national intelligence service", "nis", "pentagon", "kremlin", "wagner", "nato",
    "ukrainian general staff", "general staff", "hur", "gur", "sbu",
    "ministry of defence", "ministry of defense", "defence ministry", "defense ministry",
    "united nations", "un", "isw", "institute for the study of war", "white house",
    "state department", "joint chiefs of staff",
)

# bodies that give figures -> sets of words any one of which, all present, names the body
SOURCE_BODIES: dict[str, tuple[frozenset[str], ...]] = {
    "South Korea's National Intelligence Service": (
        frozenset({"nis"}), frozenset({"national", "intelligence", "service"}),
        frozenset({"south", "korea", "intelligence"}),
        frozenset({"south", "korean", "intelligence"}), frozenset({"seoul", "intelligence"}),
    ),
    "South Korea's Joint Chiefs of Staff": (frozenset({"jcs"}), frozenset({"joint", "chiefs"})),
    "US Department of Defense": (
        frozenset({"pentagon"}), frozenset({"us", "defense", "department"}),
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

# titles and roles written before a name ("lawmaker Lee Seong-kweun")
TITLES = frozenset({
    "president", "lawmaker", "parliamentarian", "minister", "spokesman", "spokeswoman",
    "spokesperson", "general", "gen.", "colonel", "col.", "major", "maj.", "captain", "capt.",
    "lieutenant", "lt.", "sergeant", "sgt.", "commander", "chief", "rep.", "representative",
    "senator", "sen.", "mr.", "mrs.", "ms.", "dr.", "prof.", "professor", "defense", "defence",
    "secretary", "foreign", "prime", "deputy", "ukrainian", "russian", "us", "south", "north",
    "korean", "british", "american", "official", "analyst", "commander-in-chief", "leader",
})

# geographical and political adjectives of the conflict's parties and neighbours
DEMONYMS: tuple[str, ...] = (
    "north korean", "south korean", "russian", "ukrainian", "american", "chinese",
    "belarusian", "chechen", "british", "european", "israeli", "palestinian", "syrian",
    "iranian", "georgian",
)


def _variants(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {variant: canonical for canonical, variants in table.items() for variant in variants}


PERSON_BY_VARIANT = _variants(PEOPLE)
PLACE_BY_VARIANT = _variants(PLACES)
ACTOR_BY_WORD = _variants(WORLD_ACTORS) | _variants(ACTORS)
OUTLET_NAMES = frozenset(OUTLETS)

_POSSESSIVE = re.compile(r"[’']s?$")


def normalise(text: str) -> str:
    """Lower-case, straighten apostrophes, drop a possessive ending and a leading 'the'."""
    text = text.strip().lower().replace("’", "'")
    text = _POSSESSIVE.sub("", text)
    return re.sub(r"^the\s+", "", text)


def canonical_person(name: str) -> str | None:
    return PERSON_BY_VARIANT.get(normalise(name))


def canonical_place(name: str) -> str | None:
    return PLACE_BY_VARIANT.get(normalise(name))


def source_body(words: set[str]) -> str | None:
    """The known body a source's words name, if any."""
    for body, word_sets in SOURCE_BODIES.items():
        if any(required <= words for required in word_sets):
            return body
    return None


def is_outlet(name: str) -> bool:
    key = normalise(name)
    return key in OUTLET_NAMES or f"the {key}" in OUTLET_NAMES


def actor_of(phrase: str) -> str | None:
    """The canonical actor a phrase points at, from its longest known word sequence."""
    words = re.findall(r"[\w.'’-]+", normalise(phrase))
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            key = " ".join(words[i : i + size]).replace("’", "'")
            actor = ACTOR_BY_WORD.get(key)
            if actor and actor != "Civilians" and not pronoun_us(key, phrase):
                return actor
    return "Civilians" if any(ACTOR_BY_WORD.get(w) == "Civilians" for w in words) else None


def pronoun_us(key: str, phrase: str) -> bool:
    """True where "us" is the pronoun ("forty of us"), not the US: only capitals name it."""
    return key == "us" and not re.search(r"\bUS\b", phrase)


def _patterns(label: str, phrases: Iterable[str], ids: dict[str, str] | None = None
              ) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for phrase in phrases:
        entry: dict[str, Any] = {"label": label, "pattern": phrase}
        if ids is not None:
            entry["id"] = ids[phrase]
        out.append(entry)
    return out


def ruler_patterns() -> list[dict[str, Any]]:
    """Entity-ruler phrase patterns (matched on lower-case tokens, so "Kim Jong-un" is three
    words as the tokenizer splits it): people, places, outlets and bodies the small model
    misreads."""
    short = {"ap", "un", "nos", "dw", "nis", "hur", "gur", "sbu", "kim", "austin", "yoon"}
    people = [v for v in PERSON_BY_VARIANT if v not in short]
    outlets = [o for o in OUTLETS if o not in short and not o.startswith("the ")]
    orgs = [o for o in ORGS if o not in short]
    return (
        _patterns("PERSON", people, PERSON_BY_VARIANT)
        + _patterns("GPE", list(PLACE_BY_VARIANT), PLACE_BY_VARIANT)
        + _patterns("ORG", outlets)
        + _patterns("ORG", orgs)
    )
