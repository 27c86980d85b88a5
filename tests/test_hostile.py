"""The whole CLI over the hostile corpus (tests/hostile) in one run: no traceback, each bad
input named once, every good one analysed, within 1.5 GB of memory and 5 minutes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hostile import generate

MAX_RSS_BYTES = 1.5 * 2**30
MAX_SECONDS = 300


@pytest.mark.slow
def test_the_cli_survives_the_hostile_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = generate(corpus)
    out = tmp_path / "out.json"
    command = [sys.executable, "-m", "triangulate", "analyze", str(corpus), "--db",
               f"sqlite:///{tmp_path / 'store.db'}", "--json", str(out), "-q"]
    started = time.monotonic()
    with (tmp_path / "stderr").open("w") as stderr:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            _pid, status, usage = os.wait4(child.pid, 0)
        finally:
            if child.poll() is None:
                child.kill()
    seconds = time.monotonic() - started
    errors = (tmp_path / "stderr").read_text(encoding="utf-8")
    assert os.waitstatus_to_exitcode(status) == 0, errors
    assert "Traceback" not in errors
    lines = errors.splitlines()
    for name in expected.bad:
        named = re.compile(rf"/{re.escape(name)}[: ]")
        assert sum(bool(named.search(line)) for line in lines) == 1, (name, errors)
    analysed = {article["id"] for article in json.loads(out.read_text())["articles"]}
    assert expected.good <= analysed, errors
    assert not analysed & {"leak", "passwd", "secret", "pointer"}
    assert usage.ru_maxrss * 1024 < MAX_RSS_BYTES
    assert seconds < MAX_SECONDS
