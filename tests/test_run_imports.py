"""What a whole `triangulate analyze` process of plain text files imports: every module it
loads is start-up time of every run, so none that only another kind of run uses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# datasketch loads scipy.integrate (a third of a second) to size LSH bands; feedparser reads
# feeds only, lxml HTML pages only
NOT_FOR_PLAIN_TEXT = ("datasketch", "scipy", "feedparser", "lxml", "trafilatura")


def test_a_run_on_plain_text_imports_no_feed_page_or_scipy_module(tmp_path: Path) -> None:
    """Counted by module in a real process, not timed: a timed test fails whenever the
    machine is busy."""
    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "harbour.txt").write_text(
        "The port authority said on Monday that 14 ships had left the harbour since the "
        "storm. \"We expect the rest to sail by Friday,\" a spokeswoman said.\n")
    (folder / "harbour-copy.txt").write_text(
        "The port authority said on Monday that 14 ships had left the harbour since the "
        "storm, a spokeswoman told reporters.\n")
    args = ["analyze", str(folder), "-q", "--db", f"sqlite:///{tmp_path / 'run.db'}",
            "--json", str(tmp_path / "run.json")]
    probe = ("import sys\n"
             f"sys.argv = ['triangulate', *{args!r}]\n"
             "from triangulate.cli import main\n"
             "try:\n    main()\nfinally:\n"
             f"    print('LOADED', ' '.join(m for m in {NOT_FOR_PLAIN_TEXT!r} "
             "if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "run.json").stat().st_size > 0
    assert done.stdout.rsplit("LOADED", 1)[1].split() == []
