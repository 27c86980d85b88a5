"""The French skeleton: numbers in French conventions, reported speech and the figures it
carries, read over fr_core_news_sm. Every text here is written for the tests."""

from __future__ import annotations

import pytest

from triangulate.lang import resources
from triangulate.nlp import read_article
from triangulate.nlp.numerals import find_figures
from triangulate.types import Article, Claim, Quote

FRENCH = resources("fr")


def figures(text: str) -> list[tuple[str, float | None, str]]:
    return [(text[m.start:m.end], m.value, m.qualifier) for m in find_figures(text, FRENCH)]


@pytest.mark.parametrize(("text", "value"), [
    ("3 000 soldats", 3000), ("3\u202f000 soldats", 3000), ("3.000 soldats", 3000),
    ("3000 soldats", 3000), ("1,5 million de déplacés", 1_500_000),
    ("2 milliards d'euros", 2e9), ("12.500.000 habitants", 12_500_000),
])
def test_digits_in_french_conventions(text: str, value: float) -> None:
    assert [v for _, v, _ in figures(text)] == [value]


@pytest.mark.parametrize(("text", "value"), [
    ("trois blessés", 3), ("douze soldats", 12), ("vingt-cinq morts", 25),
    ("vingt et un otages", 21), ("soixante-dix civils", 70), ("quatre-vingt-dix soldats", 90),
    ("deux cents hommes", 200), ("trois cent mille réfugiés", 300_000),
    ("deux millions de personnes", 2_000_000),
])
def test_number_words(text: str, value: float) -> None:
    assert [v for _, v, _ in figures(text)] == [value]


@pytest.mark.parametrize(("text", "qualifier", "low", "high"), [
    ("au moins 40 morts", "at_least", 40, None), ("plus de 200 blessés", "more_than", 200, None),
    ("plus d'un million de réfugiés", "more_than", 1e6, None),
    ("près de 300 victimes", "about", 270, 300), ("environ 1 000 hommes", "about", 900, 1100),
    ("jusqu'à 50 soldats", "at_most", None, 50), ("moins de 10 civils", "less_than", None, 10),
    ("une centaine de blessés", "about", 90, 110),
])
def test_qualifiers_bound_the_figure(text: str, qualifier: str, low: float | None,
                                     high: float | None) -> None:
    (mention,) = find_figures(text, FRENCH)
    assert (mention.qualifier, mention.low, mention.high) == (qualifier, low, high)
    assert mention.start == 0


def test_many_without_a_number_is_vague() -> None:
    (mention,) = find_figures("des centaines de maisons détruites", FRENCH)
    assert (mention.value, mention.low, mention.qualifier) == (None, 100, "vague")


@pytest.mark.parametrize("text", [
    "un soldat est mort", "le 3 mars", "en 2024", "pendant trois jours", "depuis 24 heures",
    "le G7 et le F-16", "à 10h30",
])
def test_what_is_no_figure(text: str) -> None:
    assert figures(text) == []


def test_two_numbers_joined_by_et_stay_two() -> None:
    assert [v for _, v, _ in figures("trois et quatre soldats")] == [3, 4]


@pytest.mark.parametrize(("text", "low", "high"), [
    ("entre 10 et 20 morts", 10, 20), ("de 300 à 400 blessés", 300, 400),
    ("entre dix et vingt civils", 10, 20), ("entre 1 000 et 1 500 soldats", 1000, 1500),
])
def test_ranges(text: str, low: float, high: float) -> None:
    (mention,) = find_figures(text, FRENCH)
    assert (mention.qualifier, mention.low, mention.high) == ("range", low, high)


def test_a_fall_from_one_number_to_another_is_no_range() -> None:
    assert [v for _, v, _ in figures("le bilan est passé de 10 à 5")] == [10, 5]


def test_percent_is_marked() -> None:
    (mention,) = find_figures("40 % des habitants", FRENCH)
    assert mention.is_percent and mention.value == 40


ARTICLE = """Frappes dans l'Est

Au moins 2 500 soldats ennemis ont été tués depuis vendredi, a déclaré le général Marc Lefort.
« Nous tiendrons la ligne coûte que coûte », a-t-il dit jeudi aux journalistes.
Selon la préfecture, quinze habitants ont été blessés dans le bombardement du marché.
La porte-parole Claire Morel a affirmé que trois gendarmes étaient morts dans l'embuscade.
Le maire a annoncé : « Une dizaine de familles ont perdu leur maison. »
"""


@pytest.fixture(scope="module")
def reading() -> tuple[list[Quote], list[Claim]]:
    read = read_article(Article(id="fr-test", text=ARTICLE, language="fr"))
    return read.quotes, read.claims


def quote_with(quotes: list[Quote], words: str) -> Quote:
    return next(q for q in quotes if words in q.text)


def test_reported_speech_with_the_speaker_after_the_cue(reading: tuple[list[Quote],
                                                                       list[Claim]]) -> None:
    quote = quote_with(reading[0], "soldats ennemis")
    assert quote.kind == "indirect" and quote.cue == "a déclaré"
    assert quote.speaker == "général Marc Lefort"


def test_direct_quote_with_an_inverted_pronoun(reading: tuple[list[Quote],
                                                               list[Claim]]) -> None:
    quote = quote_with(reading[0], "Nous tiendrons")
    assert quote.kind == "direct" and quote.text == "Nous tiendrons la ligne coûte que coûte"
    assert quote.speaker == "général Marc Lefort"  # "il" stands for the general


def test_selon_gives_the_sentence_to_its_source(reading: tuple[list[Quote],
                                                               list[Claim]]) -> None:
    quote = quote_with(reading[0], "quinze habitants")
    assert (quote.kind, quote.speaker, quote.cue) == ("indirect", "préfecture", "Selon")


def test_que_clause_after_a_cue(reading: tuple[list[Quote], list[Claim]]) -> None:
    quote = quote_with(reading[0], "trois gendarmes")
    assert quote.kind == "indirect" and quote.text.startswith("trois gendarmes")
    assert quote.speaker is not None and "Claire Morel" in quote.speaker


def test_direct_quote_after_its_cue(reading: tuple[list[Quote], list[Claim]]) -> None:
    quote = quote_with(reading[0], "familles")
    assert (quote.kind, quote.speaker) == ("direct", "maire")


def claim_of(claims: list[Claim], value: float) -> Claim:
    return next(c for c in claims if c.value == value)


def test_figures_with_measure_subject_and_source(reading: tuple[list[Quote],
                                                                list[Claim]]) -> None:
    claims = reading[1]
    killed = claim_of(claims, 2500)
    assert (killed.measure, killed.qualifier, killed.low) == ("killed", "at_least", 2500)
    assert killed.subject == "soldats ennemis" and killed.source == "général Marc Lefort"
    wounded = claim_of(claims, 15)
    assert (wounded.measure, wounded.source) == ("wounded", "préfecture")
    dead = claim_of(claims, 3)
    assert dead.measure == "killed" and dead.subject == "gendarmes"


def test_a_figure_that_counts_no_loss_is_other(reading: tuple[list[Quote],
                                                               list[Claim]]) -> None:
    families = claim_of(reading[1], 10)
    assert (families.measure, families.qualifier) == ("other", "about")


MORE = ("D’après l’hôpital régional, 40 civils ont été tués dans la nuit. "
        "Les bombardements ont fait 12 blessés, selon la mairie. "
        "Il a dit, sans plus de détails, que la ville tiendrait.")


@pytest.fixture(scope="module")
def more() -> tuple[list[Quote], list[Claim]]:
    read = read_article(Article(id="fr-more", text=MORE, language="fr"))
    return read.quotes, read.claims


def test_a_two_word_marker_before_and_a_marker_after(more: tuple[list[Quote],
                                                                 list[Claim]]) -> None:
    quotes, claims = more
    first = quote_with(quotes, "40 civils")
    assert (first.speaker, first.cue) == ("hôpital régional", "D’après")
    second = quote_with(quotes, "Les bombardements")
    assert (second.speaker, second.text) == ("mairie", "Les bombardements ont fait 12 blessés")
    assert claim_of(claims, 40).subject == "civils"  # an adjective used as a noun
    assert claim_of(claims, 12).source == "mairie"


def test_a_comma_after_the_subject_is_no_reported_clause(more: tuple[list[Quote],
                                                                     list[Claim]]) -> None:
    assert not any(q.text.startswith("Il") for q in more[0])


def test_a_direct_quote_is_not_read_again_as_reported_speech(reading: tuple[list[Quote],
                                                                             list[Claim]]) -> None:
    assert sum("Nous tiendrons" in q.text for q in reading[0]) == 1


SAID_TO = ("« Le pont tiendra », a déclaré le colonel à l'AFP. "
           "La ministre a affirmé à Reuters que deux soldats avaient été capturés. "
           "Elle a dit aux habitants que les secours arrivaient.")


def test_whom_it_was_said_to_where_a_name_follows() -> None:
    quotes = read_article(Article(id="fr-via", text=SAID_TO, language="fr")).quotes
    assert [(q.speaker, q.via) for q in quotes] == [
        ("colonel", "AFP"), ("ministre", "Reuters"), ("ministre", None)]


@pytest.mark.parametrize(("text", "speaker", "via"), [
    ("Trois soldats ont été tués, a indiqué le ministère de la Défense à l'AFP.",
     "ministère de la Défense", "AFP"),
    ("« Nous tiendrons », a assuré le commandant de la brigade à Reuters.",
     "commandant de la brigade", "Reuters"),
])
def test_whom_it_was_said_to_is_not_part_of_the_speaker(text: str, speaker: str,
                                                         via: str) -> None:
    (quote,) = read_article(Article(id="fr-via2", text=text, language="fr")).quotes
    assert (quote.speaker, quote.via) == (speaker, via)
