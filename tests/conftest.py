from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "eval" / "dev" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def nlp() -> Language:
    from triangulate.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside this checkout")
    return SEEDS
