"""MinHash signatures and LSH bands (reconcile/minhash.py): what they estimate, how the bands
split a signature, and, where datasketch is installed, that they are the ones it gives."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from triangulate.reconcile import minhash


def items(numbers: range) -> list[bytes]:
    return [f"word{n} and more".encode() for n in numbers]


def estimate(a: list[bytes], b: list[bytes], count: int = 256) -> float:
    return float(np.mean(minhash.signature(a, count) == minhash.signature(b, count)))


@pytest.mark.parametrize("overlap", [0, 100, 300, 500, 700, 900, 1000])
def test_the_share_of_equal_slots_estimates_the_jaccard_similarity(overlap: int) -> None:
    first, second = items(range(1000)), items(range(1000 - overlap, 2000 - overlap))
    true = len(set(first) & set(second)) / len(set(first) | set(second))
    # 256 slots: the estimate's standard deviation is at most 0.032; 0.12 is over 3.5 of it
    assert abs(estimate(first, second) - true) < 0.12


def test_a_set_has_one_signature_whatever_the_order_and_repeats() -> None:
    words = items(range(50))
    assert (minhash.signature(words, 64) == minhash.signature(words[::-1] + words, 64)).all()


def test_one_changed_item_moves_few_slots_and_another_set_most() -> None:
    words = items(range(400))
    assert estimate(words, [*words[:-1], b"something else"]) > 0.9
    assert estimate(words, items(range(400, 800))) < 0.1


def test_the_empty_set_has_every_slot_at_the_top() -> None:
    empty = minhash.signature([], 16)
    assert empty.dtype == np.uint32 and (empty == np.iinfo(np.uint32).max).all()
    assert (minhash.signature([b"one"], 16) < empty).any()


def test_the_permutations_are_odd_fixed_by_the_seed_and_differ_by_it() -> None:
    times, plus = minhash.permutations(128)
    assert (times % 2 == 1).all()
    again = minhash.permutations.__wrapped__(128, minhash.SEED)
    assert (again[0] == times).all() and (again[1] == plus).all()
    other = minhash.permutations(128, minhash.SEED + 1)
    assert (other[0] != times).mean() > 0.9


def test_fmix32_is_a_bijection_on_the_values_it_is_given() -> None:
    values = np.arange(100_000, dtype=np.uint32) * np.uint32(40_503)
    assert len(np.unique(minhash.fmix32(values))) == len(np.unique(values))


@pytest.mark.parametrize("count", [32, 100, 128, 256])
@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8, 0.9])
def test_the_bands_are_equal_slices_from_the_start_inside_the_signature(
        threshold: float, count: int) -> None:
    slices = minhash.bands(threshold, count)
    widths = {end - start for start, end in slices}
    assert len(slices) >= 2 and len(widths) == 1 and slices[0][0] == 0
    assert all(a[1] == b[0] for a, b in itertools.pairwise(slices))
    assert slices[-1][1] <= count


@pytest.mark.parametrize("count", [64, 128, 256])
def test_a_higher_threshold_takes_longer_bands_and_so_fewer_candidates(count: int) -> None:
    rows = [minhash.bands(t, count)[0][1] for t in (0.2, 0.4, 0.6, 0.8, 0.9)]
    assert rows == sorted(rows) and rows[0] < rows[-1]


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9])
def test_the_bands_turn_from_unlikely_to_likely_near_the_threshold(threshold: float) -> None:
    """Two signatures of similarity s share a band with probability 1 - (1 - s**r)**b, an
    S curve that climbs past one half close to where it is sized to."""
    slices = minhash.bands(threshold, 128)
    band_count, rows = len(slices), slices[0][1]
    middle = (1 - 0.5 ** (1 / band_count)) ** (1 / rows)
    assert abs(middle - threshold) < 0.1


@pytest.mark.parametrize(("threshold", "rows"), [(0.3, 1), (0.6, 4), (0.85, 9)])
def test_the_band_errors_are_the_integrals_of_one_band(threshold: float, rows: int) -> None:
    """With one band of r rows, two signatures of similarity s are candidates with
    probability s**r, so false positives integrate to t**(r+1)/(r+1) and false negatives
    to (1 - t) - (1 - t**(r+1))/(r+1)."""
    power = threshold ** (rows + 1) / (rows + 1)
    expected = (power + (1 - threshold) - (1 / (rows + 1) - power)) / 2
    error = minhash.band_errors(threshold, np.array([[1, rows]]))[0]
    assert error == pytest.approx(expected, abs=1e-12)


def test_a_signature_too_short_for_two_bands_is_refused() -> None:
    with pytest.raises(ValueError, match="two slots"):
        minhash.bands(0.8, 1)
    with pytest.raises(ValueError, match="fewer than two bands"):
        minhash.bands(0.95, 2)
    with pytest.raises(ValueError, match="between 0 and 1"):
        minhash.bands(1.5, 128)


def test_signatures_and_bands_are_datasketchs() -> None:
    """The scheme is datasketch 2.0.0's "affine32" at seed 7 and its band sizing: near
    duplicates found before it was dropped stay found (datasketch is in the dev extra,
    for this test only; skipped where it is not installed)."""
    datasketch = pytest.importorskip("datasketch")
    generator = np.random.default_rng(3)
    for size in (1, 7, 2000):
        words = [generator.bytes(int(generator.integers(1, 40))) for _ in range(size)]
        for count in (16, 128):
            theirs = datasketch.MinHash(num_perm=count, seed=minhash.SEED)
            theirs.update_batch(words)
            assert theirs.hashvalues.dtype == np.uint32
            assert (minhash.signature(words, count) == theirs.hashvalues).all()
    for count, threshold in itertools.product((2, 16, 128), (0.1, 0.3, 0.5, 0.7, 0.8, 0.95)):
        try:
            theirs_bands = datasketch.MinHashLSH(threshold, count).hashranges
        except ValueError:  # too few bands: refused by both
            with pytest.raises(ValueError):
                minhash.bands(threshold, count)
            continue
        assert list(minhash.bands(threshold, count)) == theirs_bands
