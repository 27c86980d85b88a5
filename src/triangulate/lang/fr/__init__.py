"""French, a skeleton: numbers in French conventions and reported speech ("a déclaré",
"selon X", « ... »), read by the language-neutral readers (:mod:`triangulate.nlp.numerals`,
:mod:`triangulate.nlp.skeleton`) over spaCy's ``fr_core_news_sm``.

:mod:`.numbers` number words, magnitudes, qualifiers and months; :mod:`.speech` verbs of
saying and the words that attribute; :mod:`.harm` the words of loss.
"""

from __future__ import annotations

from triangulate.lang import Language
from triangulate.lang.fr import harm, numbers, speech

LANGUAGE = Language(
    code="fr",
    model="fr_core_news_sm",
    speech_verbs=speech.SPEECH_VERBS,
    belief_verbs=speech.BELIEF_VERBS,
    finding_verbs=speech.FINDING_VERBS,
    quote_marks=speech.QUOTE_MARKS,
    decimal_separator=numbers.DECIMAL_SEPARATOR,
    thousands_separators=numbers.THOUSANDS_SEPARATORS,
    number_words=numbers.NUMBER_WORDS,
    month_names=numbers.MONTH_NAMES,
    magnitude_words=numbers.MAGNITUDE_WORDS,
    approximate_nouns=numbers.APPROXIMATE_NOUNS,
    vague_leads=numbers.VAGUE_LEADS,
    qualifier_words=numbers.QUALIFIER_WORDS,
    capped_qualifiers=numbers.CAPPED_QUALIFIERS,
    range_words=numbers.RANGE_WORDS,
    percent_words=numbers.PERCENT_WORDS,
    time_units=numbers.TIME_UNITS,
    measure_words=harm.MEASURE_WORDS,
    source_markers=speech.SOURCE_MARKERS,
    that_words=speech.THAT_WORDS,
    pronouns=speech.PRONOUNS,
    via_markers=speech.VIA_MARKERS,
)
