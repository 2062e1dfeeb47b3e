"""A per-item progress bar on stderr with rate and ETA (tqdm), and a cheap estimate of how many
items to expect."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

_UNCOUNTED = (".warc", ".warc.gz", ".gz", ".rss", ".atom", ".xml")


def _lines(path: Path) -> int:
    count = 0
    last = b"\n"
    with path.open("rb") as stream:
        while block := stream.read(1 << 20):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def estimate_items(inputs: Iterable[str]) -> int | None:
    """Items the inputs will give: one per file, one per JSONL line; None when some input
    (an archive, a feed, a compressed export) cannot be counted without reading it."""
    from sitroom.ingest.reader import is_url, registry, walk

    total = 0
    for given in inputs:
        if is_url(given):
            total += 1
            continue
        path = Path(given)
        files = list(walk(path, registry())) if path.is_dir() else [path]
        for file in files:
            name = file.name.lower()
            if name.endswith(_UNCOUNTED):
                return None
            if name.endswith((".jsonl", ".ndjson")) and file.is_file():
                total += _lines(file)
            else:
                total += 1
    return total


class ItemProgress:
    """A tqdm bar on stderr that moves per item: count, share, rate and ETA from the first item.

    ``advance`` may be called from another thread (a worker pool's completion callbacks), so
    updates hold a lock. ``detail`` shows the intake's running counts after the bar.
    """

    def __init__(
        self, total: int | None, *, stream: TextIO | None = None, mininterval: float = 0.2
    ) -> None:
        from tqdm import tqdm

        self._lock = threading.Lock()
        self._bar = tqdm(
            total=total,
            unit="item",
            file=stream or sys.stderr,
            mininterval=mininterval,
            dynamic_ncols=True,
            smoothing=0.1,
            bar_format=(
                "{l_bar}{bar}| {n_fmt}/{total_fmt} [{elapsed}<{remaining}, {rate_fmt}]{postfix}"
                if total
                else None
            ),
        )

    def advance(self, count: int = 1) -> None:
        with self._lock:
            self._bar.update(count)

    def detail(self, text: str) -> None:
        with self._lock:
            self._bar.set_postfix_str(text)

    def close(self) -> None:
        with self._lock:
            self._bar.close()


__all__ = ["ItemProgress", "estimate_items"]
