"""French numbers: the words, magnitudes and qualifiers a figure is written with.

French writes thousands apart with a (thin, non-breaking) space or a full stop and decimals
with a comma: "3 000", "3.000" and "3000" are one number, "1,5 million" is 1,500,000.
Compounds are joined by hyphens or "et" ("vingt-cinq", "vingt et un", "quatre-vingt-dix").
"""

from __future__ import annotations

from triangulate.types import Qualifier

DECIMAL_SEPARATOR = ","
THOUSANDS_SEPARATORS = frozenset({" ", "\u202f", "\u00a0", "."})

NUMBER_WORDS = {
    "zéro": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60,
    # 80 is "four twenties"; 70 and 90 follow from 60 + 10 and 80 + 10
    "quatre-vingt": 80, "quatre-vingts": 80,
}
# below 1,000 a magnitude multiplies the number before it only ("deux cents"); from 1,000 on,
# everything said before it ("trois cent mille")
MAGNITUDE_WORDS = {
    "cent": 100.0, "cents": 100.0, "mille": 1e3, "million": 1e6, "millions": 1e6,
    "milliard": 1e9, "milliards": 1e9,
}
# "une centaine": about a hundred; "des centaines": hundreds, no number said
APPROXIMATE_NOUNS = {
    "dizaine": 10.0, "dizaines": 10.0, "douzaine": 12.0, "douzaines": 12.0,
    "vingtaine": 20.0, "vingtaines": 20.0, "trentaine": 30.0, "quarantaine": 40.0,
    "cinquantaine": 50.0, "centaine": 100.0, "centaines": 100.0, "millier": 1e3,
    "milliers": 1e3,
}
VAGUE_LEADS = frozenset({"des", "de", "plusieurs", "quelques"})

QUALIFIER_WORDS: dict[str, Qualifier] = {
    "au moins": "at_least", "au minimum": "at_least", "pas moins de": "at_least",
    "plus de": "more_than", "plus d'": "more_than", "plus d’": "more_than",
    "au-delà de": "more_than",
    "jusqu'à": "at_most", "jusqu’à": "at_most", "au plus": "at_most",
    "au maximum": "at_most", "pas plus de": "at_most",
    "moins de": "less_than", "moins d'": "less_than", "moins d’": "less_than",
    "environ": "about", "quelque": "about", "approximativement": "about",
    "à peu près": "about", "autour de": "about", "une estimation de": "about",
    "près de": "about", "presque": "about", "quasiment": "about",
}
RANGE_WORDS = {"entre": "et", "de": "à"}  # the word that leads a range -> the one that joins
CAPPED_QUALIFIERS = frozenset({"près de", "presque", "quasiment"})
PERCENT_WORDS = frozenset({"%", "pour cent", "pourcent"})
TIME_UNITS = frozenset({
    "seconde", "secondes", "minute", "minutes", "heure", "heures", "jour", "jours",
    "journée", "journées", "semaine", "semaines", "mois", "an", "ans", "année", "années",
    "décennie", "décennies", "siècle", "siècles",
})
MONTH_NAMES = {
    "janvier": 1, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
    "janv": 1, "févr": 2, "avr": 4, "juil": 7, "sept": 9, "oct": 10, "nov": 11, "déc": 12,
}
