"""What a figure allows: its claim as an interval, and whether two figures agree."""

from __future__ import annotations

import math

from triangulate.settings import DEFAULTS
from triangulate.types import Claim


def interval(claim: Claim) -> tuple[float, float]:
    """The values the claim allows: "at least 40" is [40, inf), "thousands" [1000, inf)."""
    low = claim.low if claim.low is not None else (claim.value if claim.qualifier not in {
        "at_most", "less_than"} else 0.0)
    high = claim.high if claim.high is not None else (claim.value if claim.qualifier in {
        "exact", "at_most", "less_than", "about"} else math.inf)
    return (low if low is not None else 0.0), (high if high is not None else math.inf)


def overlap(a: Claim, b: Claim, agreement: float = DEFAULTS.agreement) -> bool:
    """True where some true number could satisfy both claims (with ``agreement`` slack, a
    share of the larger lower bound)."""
    (a_low, a_high), (b_low, b_high) = interval(a), interval(b)
    slack = agreement * max(a_low, b_low, 1.0)
    return a_low <= b_high + slack and b_low <= a_high + slack


def point(claim: Claim) -> float | None:
    """The figure's point value: exact and approximate figures only."""
    if claim.qualifier in {"exact", "about"}:
        return claim.value
    return None


def agree(a: Claim, b: Claim, agreement: float = DEFAULTS.agreement) -> bool:
    """True where both give the same figure, within ``agreement`` of the larger."""
    pa, pb = point(a), point(b)
    if pa is None or pb is None:
        return False
    return abs(pa - pb) <= agreement * max(abs(pa), abs(pb), 1.0)
