from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds"
SEEDS_GOLD = SHARED / "eval" / "dev" / "seeds.gold.json"
SCORER = SHARED / "eval" / "score.py"
EXAMPLES = REPO / "examples"

if TYPE_CHECKING:
    from triangulate.store import Store


@pytest.fixture(scope="session")
def nlp() -> Language:
    from triangulate.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, db_url: str) -> Iterator[Store]:
    """A fresh store on SQLite and, where TRIANGULATE_TEST_POSTGRES names a server, on
    PostgreSQL (its tables made anew and dropped after)."""
    from triangulate.store import Store, metadata

    postgres = os.environ.get("TRIANGULATE_TEST_POSTGRES")
    if request.param == "postgresql":
        if postgres is None:
            pytest.skip("no PostgreSQL server: set TRIANGULATE_TEST_POSTGRES")
        store = Store(postgres)
        metadata.drop_all(store.engine)
        metadata.create_all(store.engine)
    else:
        store = Store(db_url)
    yield store
    if request.param == "postgresql":
        metadata.drop_all(store.engine)
    store.close()


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is not beside this checkout")
    return SEEDS
