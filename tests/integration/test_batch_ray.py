"""``sitroom batch --engine ray`` gives the same shards as ``--engine local``, and ``sitroom load``
stores them as ``sitroom ingest`` would, once however often it runs.

One local Ray (2 CPUs, no dashboard, no usage stats) for the module, shut down at the end.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitroom.cli.main import cli
from sitroom.config import load_settings
from sitroom.distributed import run_batch
from sitroom.store import Store

ray = pytest.importorskip("ray")

pytestmark = [
    pytest.mark.model,
    # Ray's own modules warn about their internals (deprecated APIs they still call,
    # unclosed sockets of its gRPC clients at shutdown); none of it is ours to fix.
    pytest.mark.filterwarnings("ignore::DeprecationWarning:ray.*"),
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    # Ray Data's hint that a tiny dataset (one block) cannot keep two actors busy.
    pytest.mark.filterwarnings("ignore:The minimum number of concurrent actors:UserWarning"),
]

ARTICLES = Path(__file__).parents[1] / "fixtures" / "batch" / "articles.jsonl"


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="ERROR")
    yield
    ray.shutdown()


@pytest.fixture
def shards(tmp_path: Path) -> list[Path]:
    """Two shards: four articles; four more, a broken line and a copy of the first article."""
    lines = ARTICLES.read_text(encoding="utf-8").splitlines(keepends=True)
    first, second = tmp_path / "wire-a.jsonl", tmp_path / "wire-b.jsonl"
    first.write_text("".join(lines[:4]), encoding="utf-8")
    second.write_text("".join([*lines[4:], "{oops\n", lines[0]]), encoding="utf-8")
    return [first, second]


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _run(*args: str, data_dir: Path) -> str:
    result = CliRunner().invoke(cli, ["--data-dir", str(data_dir), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout


def _db(db: Path) -> tuple[list[tuple[str, ...]], dict[str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source, status, document_id FROM inputs ORDER BY source")
        inputs = [tuple(row) for row in rows]
    conn.close()
    with Store(db) as store:
        ids = [row.id for row in store.documents()]
        stored = {ex.document.id: ex.to_json() for ex in store.extractions(ids)}
    return inputs, stored


def test_ray_and_local_engines_write_the_same_shards_and_load_like_ingest(
    local_ray: None, shards: list[Path], tmp_path: Path, data_dir: Path
) -> None:
    settings = load_settings(data_dir=data_dir)
    formats = ("jsonl", "parquet")
    on_ray = run_batch(
        shards, tmp_path / "ray", engine="ray", workers=2, batch_size=2, formats=formats,
        settings=settings,
    )  # fmt: skip
    assert (on_ray.written, on_ray.items, on_ray.processed, on_ray.errors) == (2, 10, 9, 1)
    out = _run(
        "batch", *map(str, shards), "--out", str(tmp_path / "local"), "--engine", "local",
        "--workers", "2", "--batch-size", "2", "--format", "jsonl", "--format", "parquet",
        data_dir=data_dir,
    )  # fmt: skip
    assert "2 of 2 shards written" in out
    # The outputs carry no timings: they are compared byte for byte.
    assert _tree(tmp_path / "ray") == _tree(tmp_path / "local")
    assert len(_tree(tmp_path / "ray")) == 6

    again = run_batch(shards, tmp_path / "ray", engine="ray", workers=2, settings=settings,
                      formats=formats)  # fmt: skip
    assert (again.already_done, again.written) == (2, 0)

    loaded = tmp_path / "loaded.db"
    out = _run("load", str(tmp_path / "ray"), "--db", str(loaded), data_dir=data_dir)
    assert "processed 8, duplicates 1," in out and "errors 1" in out
    out = _run("load", str(tmp_path / "ray"), "--db", str(loaded), data_dir=data_dir)
    assert "processed 0," in out and "already done 9" in out  # the error is retried

    ingested = tmp_path / "ingested.db"
    # One item fails, as in the load above: --allow-errors keeps the exit status 0.
    _run("ingest", *map(str, shards), "--db", str(ingested), "--workers", "1", "--quiet",
         "--allow-errors", data_dir=data_dir)  # fmt: skip
    assert _db(loaded) == _db(ingested)


def test_parquet_shards_load_alone(
    local_ray: None, shards: list[Path], tmp_path: Path, data_dir: Path
) -> None:
    settings = load_settings(data_dir=data_dir)
    out = tmp_path / "pq"
    run_batch(shards[:1], out, engine="ray", workers=2, formats=("parquet",), settings=settings)
    assert sorted(p.suffix for p in out.iterdir()) == [".parquet"]
    text = _run("load", str(out), "--db", str(tmp_path / "pq.db"), data_dir=data_dir)
    assert "processed 4," in text
