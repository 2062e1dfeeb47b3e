"""The local engine of ``sitroom batch``: the shards one after another, the NLP in worker
processes (``sitroom.service.batch``), the rows written in order by this process."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from itertools import islice
from pathlib import Path

from sitroom.config import Settings
from sitroom.distributed.shards import (
    END,
    ReadSettings,
    Row,
    Shard,
    ShardWriter,
    documents_of,
    fill,
    read_shard,
)
from sitroom.service.batch import Pending, make_engine
from sitroom.service.extractor import Extractor


def run_local(
    shards: Sequence[Shard],
    out: Path,
    formats: Sequence[str],
    *,
    settings: Settings,
    read: ReadSettings,
    workers: int,
    batch_size: int,
    on_shard: Callable[[ShardWriter], None],
) -> None:
    engine = make_engine(Extractor(settings), workers=workers, batch_size=batch_size)
    pending: deque[tuple[list[Row], Pending]] = deque()
    writers: dict[str, ShardWriter] = {}

    def write_oldest() -> None:
        rows, result = pending.popleft()
        outcomes, _ = result.result()
        for row in fill(rows, outcomes):
            if row["status"] == END:
                writer = writers.pop(row["shard"])
                writer.commit()
                on_shard(writer)
            else:
                writers[row["shard"]].write(row)

    try:
        for shard in shards:
            writers[shard.name] = ShardWriter(out, shard.name, formats)
            rows = read_shard(shard, read)
            while block := list(islice(rows, batch_size)):
                pending.append((block, engine.submit(documents_of(block))))
                while pending and (engine.saturated() or pending[0][1].done()):
                    write_oldest()
        while pending:
            write_oldest()
    finally:
        engine.close()
        for writer in writers.values():
            writer.abandon()


__all__ = ["run_local"]
