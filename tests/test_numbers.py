"""Tests for the number-expression scanner (triangulate.nlp.numbers)."""

from __future__ import annotations

import random

import pytest

from triangulate.nlp.numbers import NumberMention, find_numbers, words_to_number

FigureCase = tuple[str, str, float | None, float | None, float | None, str]


def only(text: str) -> NumberMention:
    """The single mention in ``text``; fails when there are none or several."""
    found = find_numbers(text)
    assert len(found) == 1, [text[m.start : m.end] for m in found]
    return found[0]


def spans(text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_numbers(text)]


def check(case: FigureCase) -> NumberMention:
    text, span, value, low, high, qualifier = case
    m = only(text)
    assert text[m.start : m.end] == span
    assert m.value == pytest.approx(value)
    assert m.low == pytest.approx(low)
    assert m.high == pytest.approx(high)
    assert m.qualifier == qualifier
    return m


# --------------------------------------------------------------------------- figures

EXACT: list[FigureCase] = [
    ("300 dead", "300", 300, 300, 300, "exact"),
    ("2,700 injured", "2,700", 2700, 2700, 2700, "exact"),
    ("11000 troops", "11000", 11000, 11000, 11000, "exact"),
    ("a 1.2 km front", "1.2", 1.2, 1.2, 1.2, "exact"),
    ("1,200,000 people", "1,200,000", 1.2e6, 1.2e6, 1.2e6, "exact"),
    ("1.2 million people", "1.2 million", 1.2e6, 1.2e6, 1.2e6, "exact"),
    ("3 thousand men", "3 thousand", 3000, 3000, 3000, "exact"),
    ("10k troops", "10k", 10000, 10000, 10000, "exact"),
    ("$1.2bn in aid", "1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact"),
    ("2.5 billion dollars", "2.5 billion", 2.5e9, 2.5e9, 2.5e9, "exact"),
    ("forty soldiers", "forty", 40, 40, 40, "exact"),
    ("Forty soldiers died", "Forty", 40, 40, 40, "exact"),
    ("three thousand troops", "three thousand", 3000, 3000, 3000, "exact"),
    ("a thousand troops", "a thousand", 1000, 1000, 1000, "exact"),
    ("A hundred men", "A hundred", 100, 100, 100, "exact"),
    ("one hundred and twenty tanks", "one hundred and twenty", 120, 120, 120, "exact"),
    ("twenty-five drones", "twenty-five", 25, 25, 25, "exact"),
    ("twelve hundred men", "twelve hundred", 1200, 1200, 1200, "exact"),
    ("three hundred thousand men", "three hundred thousand", 3e5, 3e5, 3e5, "exact"),
    ("two and a half million", "two and a half million", 2.5e6, 2.5e6, 2.5e6, "exact"),
    ("two-and-a-half thousand refugees", "two-and-a-half thousand", 2500, 2500, 2500, "exact"),
    ("six-and-a-half million people", "six-and-a-half million", 6.5e6, 6.5e6, 6.5e6, "exact"),
    ("won by nine-and-a-half points", "nine-and-a-half", 9.5, 9.5, 9.5, "exact"),
    ("one million people", "one million", 1e6, 1e6, 1e6, "exact"),
    ("a dozen ships", "a dozen", 12, 12, 12, "exact"),
    ("two dozen ships", "two dozen", 24, 24, 24, "exact"),
    ("a couple of jets", "a couple of", 2, 2, 2, "exact"),
    ("a couple of hundred men", "a couple of hundred", 200, 200, 200, "exact"),
    ("half a million people", "half a million", 5e5, 5e5, 5e5, "exact"),
    ("half a dozen villages", "half a dozen", 6, 6, 6, "exact"),
    ("a 1,000-strong force", "1,000", 1000, 1000, 1000, "exact"),
    ("a 1,000km front", "1,000", 1000, 1000, 1000, "exact"),
]


@pytest.mark.parametrize("case", EXACT, ids=[c[0] for c in EXACT])
def test_exact_counts(case: FigureCase) -> None:
    m = check(case)
    assert not m.is_percent and not m.is_fraction


QUALIFIED: list[FigureCase] = [
    ("at least 40 elite soldiers", "at least 40", 40, 40, None, "at_least"),
    ("no fewer than 50 killed", "no fewer than 50", 50, 50, None, "at_least"),
    ("a minimum of 60 tanks", "a minimum of 60", 60, 60, None, "at_least"),
    ("more than 70 dead", "more than 70", 70, 70, None, "more_than"),
    ("over 80 dead", "over 80", 80, 80, None, "more_than"),
    ("upwards of 90 dead", "upwards of 90", 90, 90, None, "more_than"),
    ("in excess of 100 dead", "in excess of 100", 100, 100, None, "more_than"),
    ("above 110 dead", "above 110", 110, 110, None, "more_than"),
    ("more than a thousand square kilometres", "more than a thousand", 1000, 1000, None,
     "more_than"),
    ("up to 120 dead", "up to 120", 120, None, 120, "at_most"),
    ("at most 130 dead", "at most 130", 130, None, 130, "at_most"),
    ("no more than 140 dead", "no more than 140", 140, None, 140, "at_most"),
    ("a maximum of 150 dead", "a maximum of 150", 150, None, 150, "at_most"),
    ("as many as 160 dead", "as many as 160", 160, None, 160, "at_most"),
    ("fewer than 170 dead", "fewer than 170", 170, None, 170, "less_than"),
    ("less than 180 dead", "less than 180", 180, None, 180, "less_than"),
    ("under 190 dead", "under 190", 190, None, 190, "less_than"),
    ("below 200 dead", "below 200", 200, None, 200, "less_than"),
    ("about 100 dead", "about 100", 100, 90, 110, "about"),
    ("around 100 dead", "around 100", 100, 90, 110, "about"),
    ("approximately 100 dead", "approximately 100", 100, 90, 110, "about"),
    ("roughly 100 dead", "roughly 100", 100, 90, 110, "about"),
    ("some 11,000 troops", "some 11,000", 11000, 9900, 12100, "about"),
    ("an estimated 100 dead", "an estimated 100", 100, 90, 110, "about"),
    ("estimated 100 dead", "estimated 100", 100, 90, 110, "about"),
    ("~100 dead", "~100", 100, 90, 110, "about"),
    ("nearly 100 dead", "nearly 100", 100, 90, 100, "about"),
    ("almost 100 dead", "almost 100", 100, 90, 100, "about"),
    ("close to 100 dead", "close to 100", 100, 90, 100, "about"),
    ("Nearly forty soldiers", "Nearly forty", 40, 36, 40, "about"),
    ("30 or more dead", "30 or more", 30, 30, None, "at_least"),
    ("1,000-plus troops", "1,000-plus", 1000, 1000, None, "at_least"),
    ("1,000+ troops", "1,000+", 1000, 1000, None, "at_least"),
    ("50 or so dead", "50 or so", 50, 45, 55, "about"),
    ("500 or fewer dead", "500 or fewer", 500, None, 500, "at_most"),
    ("more than 2000 soldiers", "more than 2000", 2000, 2000, None, "more_than"),
    ("at least one soldier", "at least one", 1, 1, None, "at_least"),
    ("one or more soldiers", "one or more", 1, 1, None, "at_least"),
]


@pytest.mark.parametrize("case", QUALIFIED, ids=[c[0] for c in QUALIFIED])
def test_qualifiers(case: FigureCase) -> None:
    check(case)


RANGES: list[FigureCase] = [
    ("10,000 to 12,000 troops", "10,000 to 12,000", 10000, 10000, 12000, "range"),
    ("10,000-12,000 troops", "10,000-12,000", 10000, 10000, 12000, "range"),
    ("10,000–12,000 troops", "10,000–12,000", 10000, 10000, 12000, "range"),
    ("10-12,000 troops", "10-12,000", 10000, 10000, 12000, "range"),
    ("between 11,000 and 12,000 men", "between 11,000 and 12,000", 11000, 11000, 12000, "range"),
    ("from 10,000 to 12,000 men", "from 10,000 to 12,000", 10000, 10000, 12000, "range"),
    ("two to three million refugees", "two to three million", 2e6, 2e6, 3e6, "range"),
    ("1.5 to 2 million refugees", "1.5 to 2 million", 1.5e6, 1.5e6, 2e6, "range"),
    ("800-1,200 troops", "800-1,200", 800, 800, 1200, "range"),
    ("500 to 1 million", "500 to 1 million", 500, 500, 1e6, "range"),
    ("one to two thousand men", "one to two thousand", 1000, 1000, 2000, "range"),
    ("some 10 to 12 dead", "some 10 to 12", 10, 10, 12, "range"),
]


@pytest.mark.parametrize("case", RANGES, ids=[c[0] for c in RANGES])
def test_ranges(case: FigureCase) -> None:
    check(case)


def test_or_is_not_a_range() -> None:
    text = "10,000 or 12,000 soldiers"
    assert spans(text) == ["10,000", "12,000"]
    assert all(m.qualifier == "exact" for m in find_numbers(text))


def test_falling_from_to_is_not_a_range() -> None:
    assert [m.value for m in find_numbers("fell from 10 to 5 tanks")] == [10, 5]


VAGUE: list[FigureCase] = [
    ("dozens of troops", "dozens", None, 12, None, "vague"),
    ("Dozens died", "Dozens", None, 12, None, "vague"),
    ("scores of people", "scores", None, 20, None, "vague"),
    ("tens of soldiers", "tens", None, 10, None, "vague"),
    ("hundreds were hurt", "hundreds", None, 100, None, "vague"),
    ("Thousands of troops", "Thousands", None, 1000, None, "vague"),
    ("tens of thousands fled", "tens of thousands", None, 10000, None, "vague"),
    ("hundreds of thousands of people", "hundreds of thousands", None, 1e5, None, "vague"),
    ("millions of people", "millions", None, 1e6, None, "vague"),
    ("several thousand troops", "several thousand", None, 3000, 9000, "vague"),
    ("several hundred thousand men", "several hundred thousand", None, 3e5, 9e5, "vague"),
    ("a few hundred troops", "a few hundred", None, 200, 500, "vague"),
    ("several dozen tanks", "several dozen", None, 36, 108, "vague"),
]


@pytest.mark.parametrize("case", VAGUE, ids=[c[0] for c in VAGUE])
def test_vague(case: FigureCase) -> None:
    check(case)


@pytest.mark.parametrize("text", ["several soldiers", "a few soldiers", "he scores a goal"])
def test_few_and_several_need_a_magnitude(text: str) -> None:
    assert find_numbers(text) == []


FRACTIONS: list[FigureCase] = [
    ("half of them", "half", 0.5, 0.5, 0.5, "exact"),
    ("a half", "a half", 0.5, 0.5, 0.5, "exact"),
    ("about half of them", "about half", 0.5, 0.45, 0.55, "about"),
    ("more than half of them", "more than half", 0.5, 0.5, None, "more_than"),
    ("a third of the army", "a third", 1 / 3, 1 / 3, 1 / 3, "exact"),
    ("A third of troops", "A third", 1 / 3, 1 / 3, 1 / 3, "exact"),
    ("one third of the army", "one third", 1 / 3, 1 / 3, 1 / 3, "exact"),
    ("one-third of the army", "one-third", 1 / 3, 1 / 3, 1 / 3, "exact"),
    ("two-thirds of the army", "two-thirds", 2 / 3, 2 / 3, 2 / 3, "exact"),
    ("two thirds of the army", "two thirds", 2 / 3, 2 / 3, 2 / 3, "exact"),
    ("a quarter of the force", "a quarter", 0.25, 0.25, 0.25, "exact"),
    ("three quarters of the force", "three quarters", 0.75, 0.75, 0.75, "exact"),
    ("three-quarters of the force", "three-quarters", 0.75, 0.75, 0.75, "exact"),
    ("a fifth of the men", "a fifth", 0.2, 0.2, 0.2, "exact"),
    ("they lost a third.", "a third", 1 / 3, 1 / 3, 1 / 3, "exact"),
    ("nearly a third of them", "nearly a third", 1 / 3, 0.3, 1 / 3, "about"),
]


@pytest.mark.parametrize("case", FRACTIONS, ids=[c[0] for c in FRACTIONS])
def test_fractions(case: FigureCase) -> None:
    m = check(case)
    assert m.is_fraction and not m.is_percent


PERCENTS: list[FigureCase] = [
    ("40% losses", "40%", 40, 40, 40, "exact"),
    ("40 % losses", "40 %", 40, 40, 40, "exact"),
    ("40 percent losses", "40 percent", 40, 40, 40, "exact"),
    ("40 per cent losses", "40 per cent", 40, 40, 40, "exact"),
    ("a 40-percent drop", "40-percent", 40, 40, 40, "exact"),
    ("40pc losses", "40pc", 40, 40, 40, "exact"),
    ("forty percent losses", "forty percent", 40, 40, 40, "exact"),
    ("3.5 percentage points", "3.5 percentage points", 3.5, 3.5, 3.5, "exact"),
    ("nearly 40% losses", "nearly 40%", 40, 36, 40, "about"),
    ("10-15% of the force", "10-15%", 10, 10, 15, "range"),
    ("10%-15% of the force", "10%-15%", 10, 10, 15, "range"),
    ("between 30 and 40 percent", "between 30 and 40 percent", 30, 30, 40, "range"),
    ("one percent of them", "one percent", 1, 1, 1, "exact"),
    ("2000% growth", "2000%", 2000, 2000, 2000, "exact"),
]


@pytest.mark.parametrize("case", PERCENTS, ids=[c[0] for c in PERCENTS])
def test_percentages(case: FigureCase) -> None:
    m = check(case)
    assert m.is_percent and not m.is_fraction


# --------------------------------------------------------------------------- non-figures

NOT_FIGURES = [
    # years
    "in 2024", "since 2022", "the 2022 invasion", "the 2024-25 season", "between 2022 and 2024",
    "from 2014 to 2022", "about 2000 years", "in the 1990s", "by 2000",
    # dates
    "January 14", "on 14 January 2025", "Jan. 14", "Feb 24", "on 3 March", "14-16 January",
    "May 14", "14/01/2025", "2025-01-14",
    # times
    "10:30", "at 10:30 GMT", "10 a.m.", "5 p.m.", "at 5pm", "10am", "1400 GMT", "at 6 o'clock",
    # ordinals
    "first", "the 21st century", "second", "the 47th Brigade", "the twenty-first century",
    "the first half of the year", "the second half",
    # wars, models, labels
    "World War II", "World War Two", "World War 2", "COVID-19", "F-16", "F-16s", "Su-34",
    "Mi-8", "T-72 tanks", "S-400", "MiG-29s", "G7", "WW2", "M777", "mid-2024", "No. 3",
    "No 10 Downing Street", "Article 5", "UN Resolution 2334", "#3", "Route 66",
    # bare "one"
    "one of the soldiers", "no one", "one another", "at one point",
    "one man and another",
    # ages
    "aged 25", "a 25-year-old", "25 years old", "ages 18-60", "aged between 18 and 60",
    "aged 18 to 60", "men between the ages of 18 and 60", "in their 20s",
    # phone numbers and malformed digit groups
    "call +44 20 7946 0958", "(555) 123-4567", "555-123-4567", "020 7946 0958", "1,2",
    "version 1.2.3",
    # durations
    "five months ago", "two days", "three weeks", "24 hours", "last week", "a 10-day truce",
    "a three-day truce", "the past 24 hours", "two more weeks", "five long years",
    "hundreds of years", "thousands of years ago", "half an hour", "half a day",
    "an hour and a half", "1,000 days of war", "two and a half years", "10 or more days",
    # scores, glued units, other words
    "won 3-2", "155mm shells", "a third time", "a quarter century", "a half-brother",
    "a fourth round", "the talks went on", "",
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert spans(text) == []


def test_lower_case_may_is_not_a_month() -> None:
    assert spans("20 may have died") == ["20"]


def test_about_a_year_like_number_is_a_year() -> None:
    assert spans("about 2000 soldiers; nearly 2000 soldiers") == ["nearly 2000"]


# --------------------------------------------------------------------------- offsets

def test_sentence_offsets_and_number_part() -> None:
    text = "300 dead and 2,700 injured, according to the South Korean government"
    assert spans(text) == ["300", "2,700"]
    second = find_numbers(text)[1]
    assert (second.start, second.end) == (13, 18)
    assert (second.number_start, second.number_end) == (13, 18)


def test_number_part_leaves_out_qualifier_and_percent_sign() -> None:
    text = "Officials said nearly 40% of the unit was lost."
    m = only(text)
    assert text[m.start : m.end] == "nearly 40%"
    assert text[m.number_start : m.number_end] == "40"


def test_range_number_part_spans_both_ends() -> None:
    text = "between 11,000 and 12,000 men"
    m = only(text)
    assert text[m.number_start : m.number_end] == "11,000 and 12,000"


def test_several_figures_in_order() -> None:
    text = (
        "At least 40 elite soldiers and some 11,000 troops; thousands of troops fled, "
        "and nearly 40% losses were reported in 2024."
    )
    assert spans(text) == ["At least 40", "some 11,000", "thousands", "nearly 40%"]


def test_qualifier_not_taken_from_an_earlier_figure() -> None:
    # "more" ends "30 or more"; "than" is not there, so 12 must stay exact
    found = find_numbers("30 or more, 12 dead")
    assert [(m.value, m.qualifier) for m in found] == [(30, "at_least"), (12, "exact")]


@pytest.mark.parametrize(
    "word",
    ["zero", "one hundred", "two", "three", "four", "five", "six", "seven", "eight", "nine",
     "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
     "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
     "eighty", "ninety"],
)
def test_every_number_word_is_found(word: str) -> None:
    m = only(f"{word.capitalize()} soldiers were there")
    assert m.value == words_to_number(word)


# --------------------------------------------------------------------------- words_to_number

@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("forty", 40), ("three thousand", 3000), ("a thousand", 1000), ("a hundred", 100),
        ("1.2 million", 1.2e6), ("twenty-five", 25), ("twenty five", 25),
        ("one hundred and twenty", 120), ("a dozen", 12), ("a couple of", 2),
        ("2,700", 2700), ("10k", 10000), ("Three Thousand", 3000),
        ("two million three hundred thousand", 2.3e6), ("half a million", 5e5),
        ("two-thirds", 2 / 3), ("half", 0.5), ("one", 1),
    ],
)
def test_words_to_number(words: str, value: float) -> None:
    assert words_to_number(words) == pytest.approx(value)


@pytest.mark.parametrize(
    "words",
    ["", "thousands", "forty soldiers", "five six", "a", "first", "thousand million", "1,2"],
)
def test_words_to_number_rejects(words: str) -> None:
    assert words_to_number(words) is None


# --------------------------------------------------------------------------- robustness

ALPHABET = "0123456789 ,.-–%+~:/()$#abcdefhilmnorstuvwyABTJMN'\n"
WORDS = [
    "one", "two", "half", "third", "thirds", "a", "an", "and", "of", "to", "between", "from",
    "hundred", "thousand", "thousands", "million", "dozen", "dozens", "tens", "several",
    "few", "couple", "at", "least", "more", "than", "or", "so", "nearly", "up", "percent",
    "per", "cent", "days", "year", "aged", "January", "No", "World", "War", "-", "%", "+",
]


def random_text(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))
    pieces = [rng.choice(WORDS) if rng.random() < 0.6 else str(rng.randint(0, 30000))
              for _ in range(rng.randint(0, 15))]
    return rng.choice([" ", "", "-", ", "]).join(pieces)


def test_random_text_never_raises_and_offsets_are_sound() -> None:
    rng = random.Random(20240601)
    for _ in range(3000):
        text = random_text(rng)
        previous_end = 0
        for m in find_numbers(text):
            assert previous_end <= m.start <= m.number_start < m.number_end <= m.end <= len(text)
            assert m.qualifier in {
                "exact", "about", "at_least", "more_than", "at_most", "less_than", "range",
                "vague",
            }
            assert (m.value is None) == (m.qualifier == "vague")
            previous_end = m.end
        words_to_number(text)


def test_text_without_numbers_is_empty() -> None:
    assert find_numbers("The minister spoke to reporters about the talks on Tuesday.") == []


@pytest.mark.parametrize("text", ["One soldier died", "one Ukrainian serviceman was killed"])
def test_one_counts_a_person(text: str) -> None:
    [mention] = find_numbers(text)
    assert mention.value == 1 and text[mention.start : mention.end].lower() == "one"
