"""A whole ``triangulate analyze`` process beside a whole plain spaCy process.

    python bench/whole_run.py [--articles 200] [--repeat 3] [--corpus PATH]

The first ``--articles`` articles of the corpus (default
``../shared/data/insightcrime-news/insightcrime.jsonl``) are written to one JSON Lines file.
Each configuration is then run as a fresh process and timed by the wall clock from its start
to its exit, imports, model loading, store and cross-check included:

- ``spaCy``: a Python process that loads the same model with ``spacy.load`` and runs
  ``nlp.pipe`` over the texts of the file;
- ``triangulate analyze FILE`` with a fresh SQLite store, ``-q --json``: one process, ``-j 2``,
  and ``--engine dask`` (a local cluster of two workers).

The configurations run in turn, ``--repeat`` rounds (so a busy moment of the machine falls
on all of them alike), and the median of each is reported, all times beside it, with its
speed as a share of spaCy's (spaCy's median over its own). Results go to stdout and to
``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from itertools import islice
from pathlib import Path

from benchdoc import BENCHMARKS, PLAIN_SPACY, REPO, machine, write_section
from triangulate.settings import DEFAULTS

DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "insightcrime-news" / "insightcrime.jsonl"
MODEL = DEFAULTS.model  # the model analyze uses by default
TRIANGULATE = Path(sys.executable).with_name("triangulate")
CONFIGURATIONS = {
    "spaCy nlp.pipe, 1 process": None,
    "triangulate analyze, 1 process": [],
    "triangulate analyze, -j 2": ["-j", "2"],
    "triangulate analyze, --engine dask (2 workers)": ["--engine", "dask", "-j", "2"],
}


def sample(corpus: Path, count: int, folder: Path) -> Path:
    path = folder / "articles.jsonl"
    with corpus.open(encoding="utf-8") as lines:
        path.write_text("".join(islice(lines, count)), encoding="utf-8")
    return path


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def command_for(options: list[str] | None, articles: Path, folder: Path, run: int) -> list[str]:
    if options is None:
        return [sys.executable, "-c", PLAIN_SPACY.format(model=MODEL), str(articles)]
    return [str(TRIANGULATE), "analyze", str(articles), "-q",
            "--db", f"sqlite:///{folder}/run-{run}.db", "--json", str(folder / f"run-{run}.json"),
            *options]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    seconds: dict[str, list[float]] = {name: [] for name in CONFIGURATIONS}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        articles = sample(args.corpus, args.articles, folder)
        run = 0
        for _ in range(args.repeat):
            for label, options in CONFIGURATIONS.items():
                run += 1
                seconds[label].append(timed(command_for(options, articles, folder, run)))
        counted = len(json.loads((folder / f"run-{run}.json").read_text())["articles"])
    report(args, counted, seconds)


def report(args: argparse.Namespace, counted: int, seconds: dict[str, list[float]]) -> None:
    medians = {label: statistics.median(times) for label, times in seconds.items()}
    spacy = medians["spaCy nlp.pipe, 1 process"]
    lines = [f"## Whole run beside spaCy, {args.articles} articles", "",
             f"`python bench/whole_run.py --articles {args.articles} --repeat {args.repeat}` "
             f"on {args.corpus.name} ({counted} articles analysed), "
             f"{date.today().isoformat()}; wall clock of whole processes, medians.",
             *machine(), "",
             "| process | median | share of spaCy's speed | all runs |",
             "| --- | ---: | ---: | --- |"]
    for label, median in medians.items():
        runs = ", ".join(f"{t:.1f}" for t in seconds[label])
        lines.append(f"| {label} | {median:.1f} s | {spacy / median:.2f} | {runs} |")
    one = medians["triangulate analyze, 1 process"]
    lines += ["", "| measure | target | measured |", "| --- | ---: | ---: |",
              f"| 1 process / spaCy | >= 0.80 | {spacy / one:.2f} |",
              f"| -j 2 / 1 process | >= 1.7 | {one / medians['triangulate analyze, -j 2']:.2f} |",
              f"| --engine dask, 2 workers / 1 process | >= 1.6 | "
              f"{one / medians['triangulate analyze, --engine dask (2 workers)']:.2f} |"]
    print(write_section(f"whole-run-{args.articles}", lines, BENCHMARKS))


if __name__ == "__main__":
    main()
