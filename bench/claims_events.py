"""Figures against coded event data: ACLED coder notes and UCDP source headlines.

    python bench/claims_events.py [--data ../shared/data] [--quantulum]

For every event we take our largest ``killed`` figure in the text (ACLED: the coder's
note, without the bracketed coding remark; UCDP: each source headline) and compare it
with the fatalities the coders recorded:

* ACLED, events with fatalities > 0: how often our largest figure equals ``fatalities``;
  all events: how often (largest figure, or 0 where we find none) equals it.
* UCDP, one headline per event: how often our largest figure equals ``best``, and how often
  it lies within [``low``, ``high``]; only events whose headline holds a digit or number
  word are counted.

With ``--quantulum``, quantulum3 runs on the same texts as a baseline: since it knows no
measure, its figure is the largest dimensionless number in a sentence that holds a word
for killing (kill, dead, die, death, fatalit). quantulum3 is a benchmark dependency only.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from triangulate.nlp import load_pipeline

REPO = Path(__file__).resolve().parents[1]
DEATH_WORDS = re.compile(r"\b(kill|dead|die|death|fatalit)", re.IGNORECASE)
NUMBER_HINT = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozen|"
                         r"hundred|thousand)\b", re.IGNORECASE)

Extractor = Callable[[list[str]], list[float | None]]


@dataclass
class Event:
    text: str
    coded: float
    low: float
    high: float


def acled_events(data: Path) -> list[Event]:
    events = []
    for line in (data / "acled-ukraine-sample" / "events.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        note = re.sub(r"\[[^\]]*\]", "", record["notes"] or "").strip()
        coded = float(record["fatalities"])
        events.append(Event(note, coded, coded, coded))
    return events


def ucdp_events(data: Path) -> list[Event]:
    events = []
    for line in (data / "ucdp-ged-ukraine" / "events.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        headlines = [s["headline"] for s in record["sources"] if s.get("headline")]
        if headlines and NUMBER_HINT.search(headlines[0]):
            events.append(Event(headlines[0], float(record["best"]), float(record["low"]),
                                float(record["high"])))
    return events


def ours(texts: list[str]) -> list[float | None]:
    nlp = load_pipeline()
    found = []
    for doc in nlp.pipe(texts, batch_size=64):
        values = [c.value for c in doc._.claims if c.measure == "killed" and c.value is not None]
        found.append(max(values) if values else None)
    return found


def quantulum(texts: list[str]) -> list[float | None]:
    from quantulum3 import classifier, parser

    # its shipped unit classifier does not unpickle with current scikit-learn; the rule-based
    # disambiguation it falls back to is the same for the plain numbers compared here
    classifier.USE_CLF = False
    found = []
    for text in texts:
        values = []
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if DEATH_WORDS.search(sentence):
                values += [q.value for q in parser.parse(sentence)
                           if q.unit.name == "dimensionless"]
        found.append(max(values) if values else None)
    return found


def rate(hits: Iterable[bool]) -> str:
    marks = list(hits)
    return f"{sum(marks) / len(marks):.3f} ({sum(marks)}/{len(marks)})" if marks else "n/a"


def report(name: str, extract: Extractor, acled: list[Event], ucdp: list[Event]) -> None:
    started = time.perf_counter()
    acled_pairs = list(zip(extract([e.text for e in acled]), acled, strict=True))
    ucdp_pairs = list(zip(extract([e.text for e in ucdp]), ucdp, strict=True))
    seconds = time.perf_counter() - started
    positive = [(f, e) for f, e in acled_pairs if e.coded > 0]
    print(f"{name:<12} ACLED, fatalities > 0: equal {rate(f == e.coded for f, e in positive)}"
          f"; all events: equal {rate((f or 0) == e.coded for f, e in acled_pairs)}")
    print(f"{'':<12} UCDP headlines: = best {rate(f == e.coded for f, e in ucdp_pairs)}; "
          f"within [low, high] "
          f"{rate(f is not None and e.low <= f <= e.high for f, e in ucdp_pairs)}"
          f"; {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    parser.add_argument("--quantulum", action="store_true", help="also run quantulum3")
    args = parser.parse_args()
    acled, ucdp = acled_events(args.data), ucdp_events(args.data)
    print(f"{len(acled)} ACLED notes, {len(ucdp)} UCDP headlines with a number")
    report("triangulate", ours, acled, ucdp)
    if args.quantulum:
        report("quantulum3", quantulum, acled, ucdp)


if __name__ == "__main__":
    main()
