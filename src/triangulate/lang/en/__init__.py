"""English: what the pipeline knows of the language, one module per kind of knowledge.

:mod:`.speech` verbs of saying, thinking and finding; :mod:`.people` titles and nouns for
people; :mod:`.sources` vague sources, documents and channels; :mod:`.gazetteer` actors,
outlets and bodies; :mod:`.forces` the nouns and verbs of counted forces; :mod:`.marks`
quotation marks; :mod:`.numbers` number words and months; :mod:`.assessment` how a force is
judged; :mod:`.harm` what does harm; :mod:`.outcome` what ends a fight; :mod:`.framing`
loaded words and hedges; :mod:`.grammar` function words; :mod:`.events` incidents and
places; :mod:`.measures` what a figure counts.
"""

from __future__ import annotations

from triangulate.lang import Language
from triangulate.lang.en import (
    forces,
    framing,
    gazetteer,
    grammar,
    marks,
    numbers,
    people,
    sources,
    speech,
)
from triangulate.settings import DEFAULTS

LANGUAGE = Language(
    code="en",
    model=DEFAULTS.model,  # the default pipeline's model, named once in Settings
    speech_verbs=speech.SPEECH_VERBS,
    belief_verbs=speech.BELIEF_VERBS,
    finding_verbs=speech.FINDING_VERBS,
    titles=people.TITLES,
    honorifics=people.HONORIFICS,
    person_nouns=people.PERSON_NOUNS,
    body_nouns=people.BODY_NOUNS,
    vague_sources=sources.VAGUE_SOURCES,
    media_names=frozenset(gazetteer.OUTLETS),
    channels=sources.CHANNELS,
    quote_marks=marks.QUOTE_PAIRS,
    decimal_separator=".",
    thousands_separators=frozenset({","}),
    number_words=numbers.UNITS | numbers.TEENS | numbers.TENS,
    month_names=numbers.MONTHS,
    actors=gazetteer.WORLD_ACTORS | gazetteer.ACTORS,
    demonyms=gazetteer.DEMONYM,
    orgs=frozenset(gazetteer.ORGS),
    source_bodies=gazetteer.SOURCE_BODIES,
    figure_verbs=speech.FIGURE_VERBS,
    count_verbs=forces.COUNT_VERBS,
    documents=sources.DOCUMENTS,
    name_prefixes=people.NAME_PREFIXES,
    demonym_words=gazetteer.DEMONYM_WORDS,
    determiners=grammar.DETERMINERS,
    anonymous_heads=sources.ANONYMOUS_HEADS,
    institution_heads=sources.INSTITUTION_HEADS,
    media_words=sources.MEDIA_WORDS,
    loaded_words=framing.LOADED_WORDS,
    attributive_only=framing.ATTRIBUTIVE_ONLY,
    hedge_phrases=framing.HEDGES,
    pronouns=people.PRONOUNS,
    media_name=sources.MEDIA_NAME,
    source_tail=sources.SOURCE_TAIL,
    feminine_words=people.FEMININE,
    masculine_words=people.MASCULINE,
    generic_persons=people.GENERIC_PERSONS,
)
