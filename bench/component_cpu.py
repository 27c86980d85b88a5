"""CPU seconds of each step of the per-article stage, the median of a few runs.

Usage::

    python bench/component_cpu.py [--corpus PATH] [--limit N] [--repeat R]

As the breakdown of ``bench/throughput.py`` (each pipeline component, ``reading_of`` and the
store write, one document at a time, after a first article has loaded what loads on first
use), but in CPU time (``time.process_time``), which a machine shared with others disturbs
less than the clock, and repeated: each step's median over ``--repeat`` runs is printed,
all runs beside it, ours (Triangulate's components, ingest, the reading, the store) marked
with ``*`` and summed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from throughput import DEFAULT_CORPUS, component_times

SPACY_STEPS = frozenset({"tokenizer", "tok2vec", "tagger", "parser", "attribute_ruler",
                         "lemmatizer", "ner"})  # the model's own; every other step is ours


def one_run(corpus: Path, limit: int) -> dict[str, float]:
    """CPU seconds of each step over the first ``limit`` articles of ``corpus``."""
    times, _count = component_times(corpus, limit, clock=time.process_time)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    runs = [one_run(args.corpus, args.limit) for _ in range(args.repeat)]
    ours = 0.0
    for name in runs[0]:
        median = statistics.median(run[name] for run in runs)
        mark = " " if name in SPACY_STEPS else "*"
        ours += 0.0 if name in SPACY_STEPS else median
        print(f"{mark} {name:26s} {median:7.3f}  "
              f"({', '.join(f'{run[name]:.2f}' for run in runs)})")
    print(f"* {'ours in all':26s} {ours:7.3f}")


if __name__ == "__main__":
    main()
