"""MinHash signatures of sets of byte strings, and the bands LSH buckets them by, in NumPy.

The scheme is datasketch 2.0.0's default ("affine32"), so that signatures and bands are the
ones that library gives (and near-duplicate clusters stay what they were) without importing
it: it loads ``scipy.integrate`` to size the bands, about a third of a second of every run.

- each item is hashed to 32 bits: the first four bytes of its SHA-1, little-endian;
- the hash is pre-mixed once by the MurmurHash3 32-bit finalizer (``fmix32``), a bijection;
- permutation ``k`` maps a mixed hash ``h`` to ``a_k * h + b_k mod 2**32`` with ``a_k`` odd
  (a bijection too), drawn from ``numpy.random.RandomState(seed)``: first all ``a`` (an
  integer below ``2**31``, doubled, plus one), then all ``b`` (below ``2**32``);
- slot ``k`` of the signature is the least permuted hash over the items (``2**32 - 1`` for
  no item).

The bands are ``b`` slices of ``r`` slots, with ``(b, r)`` the first pair (``b`` ascending,
then ``r``) with ``b * r`` at most the signature's length that minimises the mean of the
false-positive and false-negative probabilities for the threshold ``t``:
``integral from 0 to t of 1 - (1 - s**r)**b ds`` and ``integral from t to 1 of
(1 - s**r)**b ds``. Both integrands are polynomials of degree ``b * r``, so Gauss-Legendre
quadrature with ``b * r // 2 + 1`` nodes or more gives them exactly (datasketch integrates them
adaptively with scipy; the two agree to far closer than any two pairs' errors differ).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

SEED = 7
"""The seed of the permutations every signature of this project is made with."""

_FULL = np.uint32(0xFFFFFFFF)
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35),
           np.uint32(16))


def hashes(items: Iterable[bytes]) -> NDArray[np.uint32]:
    """Each item's 32-bit hash: the first four bytes of its SHA-1, little-endian."""
    digests = b"".join(hashlib.sha1(item).digest()[:4] for item in items)
    return np.frombuffer(digests, dtype="<u4").astype(np.uint32)


def fmix32(values: NDArray[np.uint32]) -> NDArray[np.uint32]:
    """MurmurHash3's 32-bit finalizer, element-wise; array products wrap modulo 2**32."""
    shift1, times1, shift2, times2, shift3 = _FMIX32
    values = values ^ (values >> shift1)
    values = values * times1
    values = values ^ (values >> shift2)
    values = values * times2
    return values ^ (values >> shift3)


@lru_cache(maxsize=8)
def permutations(count: int, seed: int = SEED) -> tuple[NDArray[np.uint32], NDArray[np.uint32]]:
    """The ``a`` (odd) and ``b`` of each of ``count`` affine permutations, made once."""
    draws = np.random.RandomState(seed)
    times = draws.randint(0, 1 << 31, count, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    plus = draws.randint(0, 1 << 32, count, dtype=np.uint32)
    times.flags.writeable = plus.flags.writeable = False  # shared by every signature
    return times, plus


def signature(items: Iterable[bytes], count: int, seed: int = SEED) -> NDArray[np.uint32]:
    """The ``count`` slots of the MinHash signature of a set of byte strings."""
    mixed = fmix32(hashes(items)).reshape(-1, 1)
    if not mixed.size:
        return np.full(count, _FULL, dtype=np.uint32)
    times, plus = permutations(count, seed)
    least: NDArray[np.uint32] = (mixed * times + plus).min(axis=0)
    return least


def band_errors(threshold: float, pairs: NDArray[np.int64]) -> NDArray[np.float64]:
    """The mean of the false-positive and false-negative probabilities of each ``(b, r)``
    of ``pairs`` at ``threshold``, by Gauss-Legendre quadrature exact for their degree."""
    nodes, weights = np.polynomial.legendre.leggauss(int(pairs.prod(axis=1).max()) // 2 + 1)
    bands, rows = pairs[:, :1].astype(float), pairs[:, 1:].astype(float)

    def share_missed(low: float, high: float) -> NDArray[np.float64]:
        """Integral over [low, high] of (1 - s**r)**b for each pair: the chance that a pair
        of similarity s shares no band, over s."""
        s = (high - low) / 2 * nodes + (high + low) / 2
        missed: NDArray[np.float64] = ((1 - s**rows) ** bands) @ weights * (high - low) / 2
        return missed

    false_positive = threshold - share_missed(0.0, threshold)
    false_negative = share_missed(threshold, 1.0)
    errors: NDArray[np.float64] = false_positive * 0.5 + false_negative * 0.5
    return errors


@lru_cache(maxsize=8)
def bands(threshold: float, count: int) -> tuple[tuple[int, int], ...]:
    """The ``(start, end)`` slices of a signature of ``count`` slots that LSH buckets by,
    sized for a Jaccard similarity of ``threshold`` (see the module's docstring)."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"the threshold must be between 0 and 1, not {threshold}")
    if count < 2:
        raise ValueError(f"LSH needs a signature of two slots or more, not {count}")
    pairs = np.array([(b, r) for b in range(1, count + 1) for r in range(1, count // b + 1)])
    band_count, rows = (int(n) for n in pairs[int(np.argmin(band_errors(threshold, pairs)))])
    if band_count < 2:
        raise ValueError(f"a threshold of {threshold} leaves LSH fewer than two bands")
    return tuple((i * rows, (i + 1) * rows) for i in range(band_count))
