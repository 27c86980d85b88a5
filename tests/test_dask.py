"""The Dask engine on a real cluster of two worker processes: the same analysis as the local
path, Parquet partitions that read as one table, and a resumed run that sends no work."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import polars
import pytest
from distributed import LocalCluster
from typer.testing import CliRunner

from triangulate import analysis
from triangulate.cli import app
from triangulate.engine import dask as dask_engine
from triangulate.engine.dask import QUIET_SCHEDULER, DaskReader
from triangulate.nlp import pipeline
from triangulate.serialise import analysis_dict, readings_from_parquet, readings_to_parquet
from triangulate.store import Store
from triangulate.types import Article, Claim, Framing, FramingSpan, Quote, Reading

pytestmark = pytest.mark.slow  # starts Dask clusters of worker processes

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,  # type: ignore[no-untyped-call]
                      **QUIET_SCHEDULER) as cluster:
        yield str(cluster.scheduler_address)


def analyze(tmp_path: Path, name: str, *options: str) -> dict[str, object]:
    out = tmp_path / f"{name}.json"
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "-q", "--json", str(out),
                                 "--db", f"sqlite:///{tmp_path}/{name}.db", *options])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_dask_gives_the_local_analysis(tmp_path: Path, scheduler: str) -> None:
    """Nothing in the contract JSON is volatile between the two paths: compared whole."""
    work = tmp_path / "work"
    on_dask = analyze(tmp_path, "dask", "--engine", "dask", "--scheduler", scheduler,
                      "--work", str(work))
    local = analyze(tmp_path, "local")
    assert on_dask == local
    assert local["quotes"] and local["claims"] and local["groups"]
    parts = sorted(work.glob("run-*/part-*.parquet"))
    assert parts and polars.read_parquet(parts).height == len(list(EXAMPLES.glob("*.txt")))


def test_a_resumed_run_sends_no_work(tmp_path: Path, scheduler: str,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    sent: list[str] = []
    reader = DaskReader(scheduler, partition_size=3)

    def noting(articles: Iterable[Article]) -> Iterator[Reading]:
        def noted() -> Iterator[Article]:
            for article in articles:
                sent.append(article.id)
                yield article

        return reader(noted())

    def fail(problem: object) -> None:
        raise AssertionError(problem)

    db = f"sqlite:///{tmp_path}/resume.db"
    first = analysis.run([EXAMPLES], Store(db), fail, reader=noting)
    assert len(sent) == len(first.articles) == 8
    sent.clear()
    again = analysis.run([EXAMPLES], Store(db), fail, reader=noting)
    assert sent == [] and analysis_dict(again) == analysis_dict(first)


def test_a_local_cluster_by_default(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Depot hit\nGuards said 12 soldiers were captured at the depot on Monday.\n",
        encoding="utf-8")
    result = analyze_folder(tmp_path, "--engine", "dask")
    assert [c["measure"] for c in result["claims"]] == ["captured"]


def analyze_folder(folder: Path, *options: str) -> dict[str, list[dict[str, object]]]:
    out = folder / "out.json"
    result = runner.invoke(app, ["analyze", str(folder), "-q", "--json", str(out),
                                 "--db", f"sqlite:///{folder}/x.db", *options])
    assert result.exit_code == 0, result.output
    data: dict[str, list[dict[str, object]]] = json.loads(out.read_text(encoding="utf-8"))
    return data


def test_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    result = runner.invoke(app, ["analyze", str(EXAMPLES), "--scheduler", "tcp://x:1",
                                 "--db", f"sqlite:///{tmp_path}/x.db"])
    assert result.exit_code == 2 and "--engine dask" in result.output


def test_parquet_round_trip(tmp_path: Path) -> None:
    article = Article(id="a1", text="Text.", notes=("decoded as cp1252",), language="en")
    reading = Reading(
        article=article,
        quotes=[Quote(article="a1", kind="direct", text="We held", speaker=None, end=7)],
        claims=[Claim(article="a1", measure="killed", value=40, low=40.0, high=None,
                      qualifier="at_least", subject="soldiers", source_vague=True)],
        statements=["Text."],
        framing=Framing(words=1, hedges=[FramingSpan("reportedly", 0, 10, quoted=True)]))
    empty = Reading(article=Article(id="a2", text="More."))
    path = tmp_path / "part.parquet"
    path.write_bytes(readings_to_parquet([reading, empty]))
    assert list(readings_from_parquet(path)) == [reading, empty]


def test_each_worker_builds_the_pipeline_as_it_joins(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    monkeypatch.setattr(pipeline, "load_pipeline", built.append)
    dask_engine.PipelineLoader("en_test_model").setup(None)  # type: ignore[arg-type]
    assert built == ["en_test_model"]


def _housekeeping() -> dict[str, object]:
    import dask

    return {key: dask.config.get(key) for key in dask_engine.QUIET_HOUSEKEEPING}


def test_the_local_workers_keep_house_rarely() -> None:
    """Dask's own defaults reach a forked worker unless the settings are handed on: each
    worker of the local cluster runs with the rarer housekeeping, not only this process."""
    with DaskReader(workers=2)._client() as client:
        found = client.run(_housekeeping)
    assert len(found) == 2
    for settings in found.values():
        assert settings == dask_engine.QUIET_HOUSEKEEPING
