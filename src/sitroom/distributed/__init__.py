"""Engines for archive backfills: ``sitroom batch --engine local|ray`` and ``sitroom load``.

Imported only when asked for; Ray itself only by the Ray engine (``sitroom.distributed.
ray_engine``), so the local engine and ``sitroom ingest`` run where Ray is not installed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitroom.config import Settings, load_settings
from sitroom.distributed.shards import (
    FORMATS,
    ReadSettings,
    ShardWriter,
    clean_temporary,
    find_shards,
    shard_done,
)


@dataclass
class BatchSummary:
    shards: int = 0
    already_done: int = 0
    written: int = 0
    items: int = 0
    processed: int = 0
    errors: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.items / self.seconds if self.seconds else 0.0
        return (
            f"{self.written} of {self.shards} shards written ({self.already_done} already done): "
            f"{self.items} items ({rate:.1f}/s), extracted {self.processed}, errors {self.errors}"
        )


def run_batch(
    inputs: Iterable[str | Path],
    out: str | Path,
    *,
    engine: str = "local",
    workers: int = 1,
    batch_size: int = 4,
    formats: Sequence[str] = ("jsonl",),
    settings: Settings | None = None,
    read: ReadSettings | None = None,
    address: str | None = None,
    ray_init: dict[str, Any] | None = None,
    progress: bool = False,
    on_shard: Callable[[ShardWriter, BatchSummary], None] | None = None,
) -> BatchSummary:
    """Extract every shard of ``inputs`` not yet done into ``out``; see ``shards``."""
    unknown = set(formats) - set(FORMATS)
    if unknown or not formats:
        raise ValueError(f"formats must be among {FORMATS}, not {sorted(unknown)}")
    settings = settings or load_settings()
    read = read or ReadSettings()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    clean_temporary(folder)
    shards = find_shards(inputs)
    summary = BatchSummary(shards=len(shards))
    todo = [s for s in shards if not shard_done(folder, s.name, formats)]
    summary.already_done = len(shards) - len(todo)
    started = time.perf_counter()

    def done(writer: ShardWriter) -> None:
        summary.written += 1
        summary.items += writer.items
        summary.processed += writer.extracted
        summary.errors += writer.errors
        summary.seconds = time.perf_counter() - started
        if on_shard is not None:
            on_shard(writer, summary)

    common: dict[str, Any] = {
        "settings": settings, "read": read, "workers": workers, "batch_size": batch_size,
        "on_shard": done,
    }  # fmt: skip
    if todo and engine == "ray":
        from sitroom.distributed.ray_engine import run_ray

        run_ray(todo, folder, formats, address=address, ray_init=ray_init, progress=progress,
                **common)  # fmt: skip
    elif todo and engine == "local":
        from sitroom.distributed.local import run_local

        run_local(todo, folder, formats, **common)
    elif engine not in ("local", "ray"):
        raise ValueError(f"unknown engine {engine!r} (local, ray)")
    summary.seconds = time.perf_counter() - started
    return summary


__all__ = ["BatchSummary", "run_batch"]
