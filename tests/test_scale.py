"""The cross-check's work grows with the articles, not with their square.

Work is counted, not timed: the likeness computations that tension finding does, and the
names that folding compares a name with. Four times the input may cost up to about six
times the work (n log n and change); a step that compares every item with every other
costs sixteen.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from string import ascii_lowercase
from types import SimpleNamespace
from typing import Any

import pytest

from triangulate.reconcile import names, semantic, tensions
from triangulate.settings import Settings
from triangulate.types import Article, Reading

SMALL = 100  # articles
NAMES = 800  # names: enough that many share a surname
WORDS_ONLY = Settings(semantic=False)
MOST_GROWTH = 6.0  # work for four times the input over work for it; quadratic is 16


def word(number: int, width: int = 3) -> str:
    """A made-up word for a number ("bab", "bac", ...): places and people not in any list."""
    letters = [ascii_lowercase[(number // 26 ** k) % 26] for k in range(width)]
    return "".join(reversed(letters))


def war_reports(count: int) -> list[Reading]:
    """Articles that praise or fault the units they name, in a few common words each."""
    pick = random.Random(count)
    praise = ("disciplined", "determined", "skilled", "effective")
    fault = ("demoralised", "disorganised", "ineffective", "inexperienced")
    readings = []
    for number in range(count):
        place, unit = word(number // 3 + 500), word(pick.randrange(count) + 9000)
        statements = [
            f"Officers called the troops of the {unit} brigade near {place} {pick.choice(praise)}.",
            f"Commanders described the defenders of {place} as {pick.choice(fault)}.",
            f"Officials said the forces were still holding positions around {place} town.",
        ]
        readings.append(Reading(article=Article(id=f"a{number}", text=" ".join(statements)),
                                statements=statements))
    return readings


def counted(monkeypatch: pytest.MonkeyPatch, module: Any, name: str,
            size: Callable[..., int]) -> list[int]:
    """Replace ``module.name`` by a wrapper that adds ``size(*args)`` to a tally."""
    tally = [0]
    original = getattr(module, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        tally[0] += size(*args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, wrapper)
    return tally


def growth(work: Callable[[int], int], small: int = SMALL) -> float:
    """Work for four times ``small`` items over work for ``small``."""
    return work(4 * small) / max(1, work(small))


def tension_comparisons(monkeypatch: pytest.MonkeyPatch, count: int,
                        settings: Settings = WORDS_ONLY) -> int:
    with monkeypatch.context() as patch:
        tally = counted(patch, tensions, "overlap", lambda *_: 1)
        found = tensions.find_tensions(war_reports(count), settings)
    assert found, "the generated articles hold tensions"
    return tally[0]


def name_comparisons(monkeypatch: pytest.MonkeyPatch, count: int,
                     per_key: int = Settings().name_per_key) -> int:
    with monkeypatch.context() as patch:
        tally = counted(patch, names, "contained", lambda *_: 1)
        fuzzy = SimpleNamespace(extract=names.process.extract)
        patch.setattr(names, "process", fuzzy)
        scored = counted(patch, fuzzy, "extract", lambda _query, choices: len(choices))
        folded = names.fold_names(people(count), per_key=per_key)
    assert len(set(folded.values())) > count // 10, "distinct people stay apart"
    return tally[0] + scored[0]


@pytest.fixture(autouse=True)
def no_model() -> Iterator[None]:
    semantic.model.cache_clear()
    yield
    semantic.model.cache_clear()


def test_tension_comparisons_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    assert growth(lambda n: tension_comparisons(monkeypatch, n)) < MOST_GROWTH


def test_unbounded_tension_candidates_would_be_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    unbounded = Settings(semantic=False, tension_per_key=10 ** 9)
    assert growth(lambda n: tension_comparisons(monkeypatch, n, unbounded)) >= MOST_GROWTH


def test_name_folding_compares_each_name_with_a_bounded_few(
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert growth(lambda n: name_comparisons(monkeypatch, n), NAMES) < MOST_GROWTH


def test_unbounded_name_lookups_would_be_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    assert growth(lambda n: name_comparisons(monkeypatch, n, 10 ** 9), NAMES) >= MOST_GROWTH


def people(count: int) -> list[str]:
    """Distinct people who share a few surnames, as real ones do."""
    surnames = [word(k * 31 + 7).title() + "enko" for k in range(3)]
    return [f"{word(k * 7919 + 11, 5).title()} {surnames[k % len(surnames)]}"
            for k in range(count)]
