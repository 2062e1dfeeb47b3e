"""The Ray engine of ``sitroom batch``: Ray Data reads the shards in tasks, an actor pool holds
the loaded pipeline (one per actor, loaded once) and extracts with ``map_batches``; the
driver receives the rows in order and writes each shard, renaming it into place when done.

Rows travel as one JSON string column, so that Arrow never has to guess the type of a column
that is None in one block and text in the next. The read tasks yield small blocks (one batch
of rows each), so that the actors share the work of a single large shard, and the dataset
keeps its order, so that a shard's rows reach the driver in input order, closed by its END row.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import Any

import ray

from sitroom.config import Settings
from sitroom.distributed.shards import (
    END,
    ReadSettings,
    Shard,
    ShardWriter,
    documents_of,
    fill,
    read_shard,
)

READ_CPUS = 0.25
BLOCK_BYTES = 1 << 20  # about 50 articles of read rows


def reader(read: ReadSettings, rows_per_block: int) -> Callable[[dict[str, Any]], Iterator[Any]]:
    """The Ray task that reads shards into rows (reading and text extraction).

    It yields blocks of ``rows_per_block`` rows, so that the actors share even one shard.
    """

    def read_blocks(batch: dict[str, Any]) -> Iterator[Any]:
        import pyarrow as pa  # type: ignore[import-untyped]

        for path, name in zip(batch["path"], batch["name"], strict=True):
            rows = read_shard(Shard(Path(str(path)), str(name)), read)
            while block := list(islice(rows, rows_per_block)):
                yield pa.table({"row": [json.dumps(row) for row in block]})

    return read_blocks


class ExtractRows:
    """One actor: loads the pipeline once, then extracts batch after batch."""

    def __init__(self, settings: Settings, batch_size: int) -> None:
        from sitroom.nlp.pipeline import load
        from sitroom.service.batch import WARMUP_TEXT

        self.nlp = load(settings=settings)
        self.nlp(WARMUP_TEXT)
        self.batch_size = batch_size

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        from sitroom.service.batch import run_guarded

        rows = [json.loads(value) for value in batch["row"].to_pylist()]
        outcomes = run_guarded(self.nlp, documents_of(rows), batch_size=self.batch_size)
        return pa.table({"row": [json.dumps(row) for row in fill(rows, outcomes)]})


def init(address: str | None, ray_init: dict[str, Any] | None) -> None:
    if ray.is_initialized():
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    options: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
    options.update(ray_init or {})
    if address:
        options = {k: v for k, v in options.items() if k not in ("num_cpus", "num_gpus")}
        options["address"] = address
    ray.init(**options)


def run_ray(
    shards: Sequence[Shard],
    out: Path,
    formats: Sequence[str],
    *,
    settings: Settings,
    read: ReadSettings,
    workers: int,
    batch_size: int,
    on_shard: Callable[[ShardWriter], None],
    address: str | None = None,
    ray_init: dict[str, Any] | None = None,
    progress: bool = False,
) -> None:
    init(address, ray_init)
    context = ray.data.DataContext.get_current()
    saved = (
        context.execution_options.preserve_order,
        context.enable_progress_bars,
        context.target_max_block_size,
    )
    context.execution_options.preserve_order = True
    context.enable_progress_bars = progress
    # A block is what one actor extracts at a time: small blocks spread even one shard.
    context.target_max_block_size = BLOCK_BYTES
    cpus = float(ray.cluster_resources().get("CPU", workers))  # type: ignore[no-untyped-call]
    actor_cpus = min(1.0, max(cpus - READ_CPUS, 0.1) / workers)
    tasks = [{"path": str(s.path.resolve()), "name": s.name} for s in shards]
    dataset = (
        ray.data.from_items(tasks, override_num_blocks=max(len(tasks), 1))
        .map_batches(reader(read, batch_size), batch_size=1, num_cpus=READ_CPUS)
        .map_batches(
            ExtractRows,
            fn_constructor_args=(settings, batch_size),
            batch_size=batch_size,
            batch_format="pyarrow",
            compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=actor_cpus,
        )
    )
    writers: dict[str, ShardWriter] = {}
    try:
        for item in dataset.iter_rows():
            row = json.loads(item["row"])
            name = row["shard"]
            writer = writers.get(name)
            if writer is None:
                writer = writers[name] = ShardWriter(out, name, formats)
            if row["status"] == END:
                writers.pop(name).commit()
                on_shard(writer)
            else:
                writer.write(row)
    finally:
        for writer in writers.values():
            writer.abandon()
        (
            context.execution_options.preserve_order,
            context.enable_progress_bars,
            context.target_max_block_size,
        ) = saved


__all__ = ["run_ray"]
