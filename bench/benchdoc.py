"""The benchmarks' shared page, ``docs/benchmarks.md``: one section per benchmark, each
between marker comments so that a run replaces its own section and leaves the others."""

from __future__ import annotations

import os
import platform
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCHMARKS = REPO / "docs" / "benchmarks.md"
# A whole plain spaCy process over a JSON Lines file (its path the first argument): what a
# whole run is measured against. Batches of 16, as analyze parses them (and spaCy's fastest
# here: larger ones are slower in wall time, smaller ones in CPU).
PLAIN_SPACY = """
import json, sys, spacy
nlp = spacy.load({model!r})
with open(sys.argv[1], encoding="utf-8") as lines:
    texts = [json.loads(line)["text"] for line in lines]
print(sum(1 for _ in nlp.pipe(texts, batch_size=16)))
"""


def write_section(name: str, lines: list[str], path: Path = BENCHMARKS) -> str:
    """Replace the section ``name`` of the page with ``lines``; the section as written."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    section = "\n".join([start, *lines, end])
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return section


def machine() -> list[str]:
    """The machine a benchmark ran on, as Markdown list items."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text()
                .splitlines() if line.startswith("model name")), platform.processor())
    memory_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text()
                     .splitlines() if line.startswith("MemTotal"))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return [f"- CPU: {cpu}; `nproc` {len(os.sched_getaffinity(0))}",
            f"- memory: {memory_kb / 2**20:.1f} GiB; Python {platform.python_version()}",
            f"- load average at the start (1, 5, 15 min): {load}"]
