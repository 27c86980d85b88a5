"""The cross-check streamed from the store, and its work growing with the articles, not with
their square.

Streamed a batch at a time from SQLite or PostgreSQL, the readings give the groups and
tensions they give all at once, and the tensions that the full readings give.

The work is counted, not timed: every Python and C function call made while readings
generated for the test are cross-checked, at ``n`` and at ``4 n`` articles. Linear work
gives a ratio near 4 (n log n a little more); work that compares every article, claim, name
or statement with every other gives near 16. The readings put the cases where that would
show in one place: every article of one event, near-duplicate copies, one measure of one
subject from many sources, speakers in variant spellings, opposite judgements of one force.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from types import FrameType
from typing import Any

from triangulate.reconcile import crosscheck_stream, gist
from triangulate.reconcile.tensions import find_tensions
from triangulate.settings import DEFAULTS, Settings
from triangulate.store import Store
from triangulate.types import Article, Claim, Frame, Quote, Reading

SMALL = 120
LINEAR_BOUND = 7.0  # between 4 (linear) and 16 (quadratic), with room for n log n
PRAISE = ("disciplined", "determined", "skilled", "effective", "motivated")
SCORN = ("demoralised", "disorganised", "ineffective", "inexperienced", "weak")


def name(number: int) -> str:
    syllables = ("ba", "lo", "ki", "sun", "de", "ra", "mo", "tel", "qua", "fi")
    parts = []
    for _ in range(3):
        number, rest = divmod(number, len(syllables))
        parts.append(syllables[rest])
    return "".join(parts).title() + (str(number) if number else "")


def generated(count: int) -> Iterator[Reading]:
    """``count`` readings of one event at Harbourton, every fifth a copy of the one before."""
    rng = random.Random(11)
    text = ""
    for number in range(count):
        article_id = f"g{number:05d}"
        place = name(rng.randrange(count))
        if number % 5 or not text:
            text = (f"Fighting went on near {place} for a third day. Shops in {place} stayed "
                    f"shut and aid lorries waited at the {name(number)} crossing. ") * 2
        speaker = f"{name(rng.randrange(count))} {name(rng.randrange(count) + 500)}" \
            + rng.choice(("", "a", "y"))
        statements = [
            f"The {place} battalion was {rng.choice(PRAISE)} and held the line.",
            f"Observers said the defenders of {place} were {rng.choice(SCORN)}.",
            f"Troops were still fighting around {place}, {speaker} said.",
            f"Troops were driven out of {place} on Monday.",
        ]
        yield Reading(
            article=Article(id=article_id, text=text + " ".join(statements), title=place,
                            outlet=f"Outlet {rng.randrange(count // 4 + 1)}",
                            published=f"2025-03-{1 + rng.randrange(28):02d}"),
            quotes=[Quote(article_id, "indirect", statements[2], speaker,
                          sentence=statements[2])],
            claims=[Claim(article=article_id, measure="killed", value=float(value),
                          low=float(value), high=float(value), qualifier="exact",
                          subject="soldiers", source=f"{name(rng.randrange(count))} ministry",
                          text=f"{value} soldiers")
                    for value in (rng.randrange(10, 60), rng.randrange(100, 900))],
            statements=statements,
            frames=[Frame(sentence=statements[3], act="strike", agent=f"Side {number % 2}",
                          negated=number % 3 == 0)],
            event="Harbourton fighting",
        )


def calls(count: int, settings: Settings = DEFAULTS) -> int:
    """Function calls made while ``count`` generated readings are cross-checked (the
    readings are made beforehand, outside the count)."""
    readings = list(generated(count))
    made = 0

    def counter(_frame: FrameType, event: str, _arg: Any) -> None:
        nonlocal made
        if event in ("call", "c_call"):
            made += 1

    sys.setprofile(counter)
    try:
        found = crosscheck_stream(readings, settings=settings)
    finally:
        sys.setprofile(None)
    assert found.groups and found.tensions  # the generated readings exercise both
    return made


def test_crosscheck_work_grows_linearly() -> None:
    ratio = calls(4 * SMALL) / calls(SMALL)
    assert ratio < LINEAR_BOUND, f"4x the articles made {ratio:.1f}x the calls"


def test_the_count_sees_work_on_every_pair() -> None:
    """The measure itself: with no bound on the statements one shared word pairs, every
    praise meets every scorn, and the ratio shows it."""
    unbounded = Settings(tension_per_key=10**9)
    assert calls(200, unbounded) / calls(50, unbounded) > LINEAR_BOUND



def test_streamed_in_batches_as_at_once(any_store: Store) -> None:
    readings = list(generated(40))
    for reading in readings:
        any_store.save_reading(reading, "test")
    streamed = crosscheck_stream(any_store.iter_readings(batch=7))
    at_once = crosscheck_stream(any_store.load_readings())
    assert streamed.groups and streamed.tensions
    assert (streamed.groups, streamed.tensions) == (at_once.groups, at_once.tensions)
    assert streamed.tensions == find_tensions(readings)  # the gist leaves the tensions alone


def test_gist_keeps_no_text_and_only_the_quotes_of_statements() -> None:
    reading = next(generated(1))
    elsewhere = Quote(reading.article.id, "direct", "We stay.", "A Mayor",
                      sentence="The mayor said: We stay.")
    reading.quotes.append(elsewhere)
    kept = gist(reading)
    assert kept.article.text == "" and kept.article.title == reading.article.title
    assert [q.speaker for q in kept.quotes] == [reading.quotes[0].speaker]
    assert [c.value for c in kept.claims] == [c.value for c in reading.claims]
