"""Time phrases resolved against the article's date (2025-01-15 is a Wednesday)."""

from __future__ import annotations

import pytest

from triangulate.nlp.periods import resolve_period

PUBLISHED = "2025-01-15"


@pytest.mark.parametrize(("phrase", "period"), [
    ("last week", ("2025-01-06", "2025-01-12")),
    ("this week", ("2025-01-13", "2025-01-19")),
    ("yesterday", ("2025-01-14", "2025-01-14")),
    ("on Monday", ("2025-01-13", "2025-01-13")),
    ("Wednesday", ("2025-01-15", "2025-01-15")),
    ("last month", ("2024-12-01", "2024-12-31")),
    ("in December", ("2024-12-01", "2024-12-31")),
    ("early January", ("2025-01-01", "2025-01-31")),
    ("January 2024", ("2024-01-01", "2024-01-31")),
    ("since October", ("2024-10-01", "2025-01-15")),
    ("14 January 2025", ("2025-01-14", "2025-01-14")),
    ("January 5", ("2025-01-05", "2025-01-05")),
    ("in 2024", ("2024-01-01", "2024-12-31")),
    ("the past 24 hours", ("2025-01-14", "2025-01-15")),
    ("in the past three days", ("2025-01-12", "2025-01-15")),
])
def test_resolved(phrase: str, period: tuple[str, str]) -> None:
    assert resolve_period(phrase, PUBLISHED) == period


@pytest.mark.parametrize(("phrase", "published"), [
    ("last week", None), (None, PUBLISHED), ("since the war began", PUBLISHED),
    ("February 30", PUBLISHED), ("last week", "not a date"),
])
def test_unresolved(phrase: str | None, published: str | None) -> None:
    assert resolve_period(phrase, published) is None


def test_claims_carry_their_resolved_period(nlp: object) -> None:
    from triangulate.nlp import read_article
    from triangulate.types import Article

    article = Article(id="p", text="Border guards captured 12 soldiers last week.",
                      published=PUBLISHED)
    [claim] = read_article(article, nlp).claims  # type: ignore[arg-type]
    assert claim.scope == "last week"
    assert (claim.period_start, claim.period_end) == ("2025-01-06", "2025-01-12")


def test_as_of_is_the_end_of_the_period_never_after_the_report() -> None:
    from triangulate.nlp.periods import as_of

    assert as_of(resolve_period("last week", PUBLISHED), PUBLISHED) == "2025-01-12"
    assert as_of(resolve_period("since October", PUBLISHED), PUBLISHED) == PUBLISHED
    assert as_of(resolve_period("Tuesday night", PUBLISHED), PUBLISHED) == "2025-01-14"
    assert as_of(resolve_period("by mid-December", PUBLISHED), PUBLISHED) == "2024-12-31"
    assert as_of(None, PUBLISHED) == PUBLISHED
