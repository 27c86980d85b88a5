"""An article that names no event joins the corpus's event of its time only where it tells
of the same sides."""

from __future__ import annotations

import pytest

from triangulate.reconcile.groups import event_keys
from triangulate.types import Claim


def toll(article: str, value: float, source: str, subject: str = "people",
         event: str | None = None) -> Claim:
    return Claim(article=article, measure="killed", value=value, low=value, high=value,
                 qualifier="exact", subject=subject, actor="Civilians", source=source,
                 event=event)


def corpus(stray: Claim) -> list[Claim]:
    """Three reports of a strike on Marib, Yemen, and one more report naming no place."""
    return [toll("a", 12, "the Houthi-run health ministry", event="Marib strike"),
            toll("b", 14, "Houthi officials", event="Marib strike"),
            toll("c", 15, "a Houthi spokesman", event="Marib strike"), stray]


DATES = {"a": "2021-08-04", "b": "2021-08-05", "c": "2021-08-06", "d": "2021-08-07"}


@pytest.mark.parametrize("stray", [
    toll("d", 12, "Ansar Allah officials"),                # another name of a party
    toll("d", 20, "the Houthis"),                          # a party named as the source
    toll("d", 3, "medics", subject="Houthi fighters"),     # a party named as the counted
    toll("d", 9, "medics"),                                # no party: nothing sets it apart
])
def test_a_placeless_report_of_the_same_sides_joins_the_event(stray: Claim) -> None:
    keys, _ = event_keys(corpus(stray), DATES.get)
    assert keys[3] is not None and keys[3] == keys[0]


def test_a_placeless_report_of_another_war_stays_apart() -> None:
    stray = toll("d", 40, "the Sudanese army", subject="RSF fighters")
    keys, _ = event_keys(corpus(stray), DATES.get)
    assert keys[3] is None
