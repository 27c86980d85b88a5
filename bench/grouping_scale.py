"""Cross-check at scale: group generated claims and time it.

    python bench/grouping_scale.py [--claims 1000000] [--articles 100000]

Generates ``--claims`` claims spread over ``--articles`` articles (fixed seed: 8 measures,
40 actors, 2,000 named sources plus unnamed ones, dates over two years, a tenth with a
scope), then runs the same blocking, source folding and status rules as ``analyze`` on
them, at the given size and at twice the size, in fresh processes, and prints the time and
peak memory (max RSS) of each with the ratio; the same goes to ``docs/benchmarks.md``.
"""

from __future__ import annotations

import argparse
import gc
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from benchdoc import BENCHMARKS, machine, write_section
from triangulate.reconcile.groups import build_groups
from triangulate.reconcile.independence import source_keys
from triangulate.types import Claim

MEASURES = ("killed", "wounded", "casualties", "captured", "missing", "deployed", "area",
            "share")
QUALIFIERS = ("exact", "exact", "about", "at_least", "more_than", "at_most", "vague")
START = date(2024, 1, 1)


def generate(n_claims: int, n_articles: int, seed: int = 7) -> tuple[list[Claim], dict[str, str]]:
    rng = random.Random(seed)
    actors = [f"Actor {i}" for i in range(40)]
    sources = [f"Ministry {i}" for i in range(2000)]
    articles = [f"a{i}" for i in range(n_articles)]
    dates = {a: (START + timedelta(days=rng.randrange(730))).isoformat() for a in articles}
    claims = []
    for _ in range(n_claims):
        value = float(rng.randrange(1, 5000))
        qualifier = rng.choice(QUALIFIERS)
        low = None if qualifier in {"at_most"} else value
        high = value if qualifier in {"exact", "at_most"} else None
        if qualifier == "about":
            low, high = value * 0.9, value * 1.1
        if qualifier == "vague":
            value, low, high = None, 100.0, None  # type: ignore[assignment]
        claims.append(Claim(
            article=rng.choice(articles), measure=rng.choice(MEASURES), value=value, low=low,
            high=high, qualifier=qualifier, subject=None, actor=rng.choice(actors),
            source=rng.choice(sources) if rng.random() < 0.7 else None,
            scope="in the first week" if rng.random() < 0.1 else None))
    return claims, dates


def run(n_claims: int, n_articles: int) -> dict[str, float]:
    claims, dates = generate(n_claims, n_articles)
    gc.collect()
    gc.freeze()  # the claims live to the end: keep the collector from rescanning them
    started = time.perf_counter()
    keys = source_keys(claims, {})
    groups = build_groups(claims, keys.__getitem__, dates.get)
    seconds = time.perf_counter() - started
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": n_claims, "groups": len(groups), "seconds": seconds, "peak_mib": peak_mib}


def in_subprocess(n_claims: int, n_articles: int) -> dict[str, float]:
    done = subprocess.run([sys.executable, __file__, "--one", str(n_claims), str(n_articles)],
                          capture_output=True, text=True, check=True)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each size, the fastest "
                        "reported")
    parser.add_argument("--out", type=Path, default=BENCHMARKS)
    parser.add_argument("--one", nargs=2, type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run(*args.one)))
        return
    about = machine()
    sizes = ((args.claims, args.articles), (2 * args.claims, 2 * args.articles))
    runs: list[list[dict[str, float]]] = [[], []]
    for _ in range(args.repeat):  # in turn, so that a slow spell of the machine hits both
        for found, size in zip(runs, sizes, strict=True):
            found.append(in_subprocess(*size))
    single, double = (min(found, key=lambda row: row["seconds"]) for found in runs)
    ratio = double["seconds"] / single["seconds"]
    lines = ["## Cross-check at scale (`bench/grouping_scale.py`)", "",
             f"Command: `python bench/grouping_scale.py {' '.join(sys.argv[1:])}`".rstrip(),
             "", *about, "",
             f"Generated claims grouped, source-folded and given a status; the fastest of "
             f"{args.repeat} runs of each size (all runs in brackets); peak memory includes the "
             "generated claims.", "",
             "| claims | articles | groups | seconds | peak RSS (MiB) |", "|---|---|---|---|---|"]
    for found, (claims, articles) in zip(runs, sizes, strict=True):
        best = min(found, key=lambda row: row["seconds"])
        every = ", ".join(f"{row['seconds']:.1f}" for row in found)
        peak = max(row["peak_mib"] for row in found)
        lines.append(f"| {claims:,} | {articles:,} | {int(best['groups']):,} | "
                     f"{best['seconds']:.1f} ({every}) | {peak:,.0f} |")
    lines += ["", f"Time at 2x / time at 1x: **{ratio:.2f}** (target: about 2 or less)."]
    print(write_section("grouping", lines, args.out))


if __name__ == "__main__":
    main()
