"""The whole cross-check of a large store: time and peak memory.

    python bench/crosscheck_scale.py [--articles 100000] [--semantic]

Generates readings for ``--articles`` articles (fixed seed: 300 outlets, two years of dates,
eight statements a few of which judge a force or say a fight is over, three figures with
sources, four quotes from 3,000 speakers written in variant spellings, six entities), bulk
loads them into a fresh SQLite store, then, in a fresh process, cross-checks them as
``analyze`` does: streamed back a batch at a time (``Store.iter_readings``), each cut to what
groups and tensions need (``reconcile.gist``), then groups and tensions found and saved.
Prints the time of each phase and the peak memory (max RSS) of the process; the same goes to
``docs/benchmarks.md``. Word overlap is used for tensions unless
``--semantic`` (the model then embeds the clauses of the candidate pairs).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import date, timedelta

from benchdoc import BENCHMARKS, machine, write_section
from triangulate.types import Article, Claim, Entity, Quote, Reading

START = date(2024, 1, 1)
GOOD = ("disciplined", "determined", "skilled", "effective", "motivated", "resilient")
BAD = ("demoralised", "disorganised", "ineffective", "inexperienced", "struggling", "weak")
FILLER = ("Aid convoys reached the {place} district after a delay of two days.",
          "Residents of {place} described long queues for water and bread.",
          "The governor of {place} region announced a curfew from ten in the evening.",
          "Officials in {place} said the bridge would reopen within a week.",
          "Engineers began clearing rubble from the school in {place}.")


def made_up(number: int) -> str:
    """A pronounceable made-up name for a number: places and people in no list."""
    syllables = ("ka", "ro", "mi", "ten", "vo", "sha", "lu", "dar", "ne", "bi", "zo", "gar")
    parts = []
    for _ in range(3):
        number, rest = divmod(number, len(syllables))
        parts.append(syllables[rest])
    return "".join(parts).title() + ("" if number == 0 else str(number))


def statements(rng: random.Random, place: str, unit: str) -> list[str]:
    said = [rng.choice(FILLER).format(place=place) for _ in range(5)]
    said.append(f"Soldiers of the {unit} brigade near {place} were {rng.choice(GOOD)}.")
    said.append(f"Observers called the defenders of {place} {rng.choice(BAD)} and tired.")
    said.append(f"Forces were still holding positions around {place}, officials said."
                if rng.random() < 0.5 else f"The {unit} brigade was driven out of {place}.")
    return said


def reading(number: int, rng: random.Random) -> Reading:
    article_id = f"a{number:07d}"
    place, unit = made_up(rng.randrange(5000)), made_up(rng.randrange(400) + 6000)
    said = statements(rng, place, unit)
    text = " ".join(said)
    speakers = [f"{made_up(k)} {made_up(k + 9000)}{rng.choice(('', 'y', 'i'))}"
                for k in (rng.randrange(3000) for _ in range(4))]
    article = Article(id=article_id, text=text, title=said[0][:60],
                      outlet=f"Outlet {rng.randrange(300)}",
                      published=(START + timedelta(days=rng.randrange(730))).isoformat(),
                      content_hash=f"h{number}")
    return Reading(
        article=article, statements=said,
        quotes=[Quote(article=article_id, kind="direct", text=f"We held {place}.",
                      speaker=s, start=0, end=10) for s in speakers],
        claims=[Claim(article=article_id, measure=rng.choice(("killed", "wounded", "captured")),
                      value=float(v), low=float(v), high=float(v), qualifier="exact",
                      subject="soldiers", source=f"Ministry {rng.randrange(2000)}",
                      actor=f"Actor {rng.randrange(40)}")
                for v in (rng.randrange(1, 900) for _ in range(3))],
        entities=[Entity(article=article_id, text=name, label=label, canonical=name)
                  for name, label in ((place, "GPE"), (unit, "ORG"),
                                      *((s, "PERSON") for s in speakers))],
    )


def fill(url: str, count: int, batch: int = 2000) -> None:
    """Bulk-load generated readings, a few thousand rows per statement."""
    from sqlalchemy import insert

    from triangulate.nlp import PIPELINE_VERSION
    from triangulate.serialise import stored_values
    from triangulate.store import Store, articles, claims, entities, quotes

    store = Store(url)
    rng = random.Random(7)
    with store.engine.begin() as connection:
        for start in range(0, count, batch):
            readings = [reading(n, rng) for n in range(start, min(count, start + batch))]
            connection.execute(insert(articles), [
                {**asdict(r.article), "notes": "[]", "pipeline": PIPELINE_VERSION,
                 "scare_quotes": "[]", "statements": json.dumps(r.statements),
                 "framing": "{}"} for r in readings])
            for table, items in ((quotes, "quotes"), (claims, "claims"),
                                 (entities, "entities")):
                connection.execute(insert(table), [stored_values(item, table.c.keys())
                                                   for r in readings
                                                   for item in getattr(r, items)])
    store.close()


def measure(url: str, semantic: bool) -> dict[str, float]:
    """In this process: cross-check the store as ``analyze`` does, its readings streamed a
    batch at a time, then save the groups and tensions."""
    from triangulate.analysis import store_crosscheck
    from triangulate.reconcile import crosscheck_stream
    from triangulate.settings import Settings
    from triangulate.store import Store

    store = Store(url)
    started = time.perf_counter()
    settings = Settings(semantic=semantic)
    found = crosscheck_stream(store.iter_readings(), settings=settings)
    checked = time.perf_counter()
    store_crosscheck(store, found, sorted(store.coverage().ids), settings)
    saved = time.perf_counter()
    counts = store.counts()
    store.close()
    return {"articles": counts["articles"], "crosscheck_s": checked - started,
            "save_s": saved - checked, "groups": counts["groups"],
            "tensions": counts["tensions"],
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--semantic", action="store_true")
    parser.add_argument("--measure", help=argparse.SUPPRESS)  # the child process's store URL
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.semantic)))
        return
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/scale.db"
        started = time.perf_counter()
        fill(url, args.articles)
        filled = time.perf_counter() - started
        switch = ["--semantic"] if args.semantic else []
        child = subprocess.run([sys.executable, __file__, "--measure", url, *switch],
                               capture_output=True, text=True, check=True)
    found = json.loads(child.stdout.strip().splitlines()[-1])
    report(args, filled, found)


def report(args: argparse.Namespace, filled: float, found: dict[str, float]) -> None:
    matching = "sentence embeddings" if args.semantic else "word overlap"
    lines = [
        "## Cross-check of a large store (generated readings)", "",
        f"`python bench/crosscheck_scale.py --articles {args.articles}"
        f"{' --semantic' if args.semantic else ''}`, {date.today().isoformat()}; tensions on "
        f"{matching}.", *machine(), "",
        "| articles | store filled | streamed and cross-checked | saved | peak memory | groups |"
        " tensions |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {found['articles']:,.0f} | {filled:.0f} s | {found['crosscheck_s']:.0f} s | "
        f"{found['save_s']:.1f} s | {found['peak_rss_mib']:,.0f} MiB | "
        f"{found['groups']:,.0f} | {found['tensions']:.0f} |",
    ]
    print(write_section(f"crosscheck-scale-{'semantic' if args.semantic else 'words'}", lines,
                        BENCHMARKS))


if __name__ == "__main__":
    main()
