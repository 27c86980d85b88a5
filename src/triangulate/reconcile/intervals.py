"""What a figure allows: its claim as an interval, and whether two figures agree."""

from __future__ import annotations

import math

from triangulate.types import Claim

AGREEMENT = 0.10  # two point figures within 10% of the larger one agree


def interval(claim: Claim) -> tuple[float, float]:
    """The values the claim allows: "at least 40" is [40, inf), "thousands" [1000, inf)."""
    low = claim.low if claim.low is not None else (claim.value if claim.qualifier not in {
        "at_most", "less_than"} else 0.0)
    high = claim.high if claim.high is not None else (claim.value if claim.qualifier in {
        "exact", "at_most", "less_than", "about"} else math.inf)
    return (low if low is not None else 0.0), (high if high is not None else math.inf)


def overlap(a: Claim, b: Claim) -> bool:
    """True where some true number could satisfy both claims (with 10% slack on points)."""
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    slack = AGREEMENT * max(a_low, b_low, 1.0)
    return a_low <= b_high + slack and b_low <= a_high + slack


def point(claim: Claim) -> float | None:
    """The figure's point value: exact and approximate figures only."""
    if claim.qualifier in {"exact", "about"}:
        return claim.value
    return None


def agree(a: Claim, b: Claim) -> bool:
    """True where both give the same figure, within 10%."""
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return False
    return abs(pa - pb) <= AGREEMENT * max(abs(pa), abs(pb), 1.0)
