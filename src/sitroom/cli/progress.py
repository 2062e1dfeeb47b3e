"""A progress bar on stderr with rate and ETA, and a cheap estimate of how many items to expect."""

from __future__ import annotations

import shutil
import sys
import time
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


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressBar:
    """``[#####.....] 1,234/2,000 items 62% 12.3/s ETA 1:02``; on a TTY redrawn in place,
    elsewhere (``--progress`` into a log) one line at most every ``every`` seconds."""

    def __init__(
        self,
        total: int | None,
        *,
        unit: str = "items",
        stream: TextIO | None = None,
        every: float = 2.0,
    ) -> None:
        self.total = total
        self.unit = unit
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.every = every
        self.started = time.perf_counter()
        self._shown = 0.0
        self._drawn = False

    def render(self, done: int, detail: str = "") -> str:
        elapsed = time.perf_counter() - self.started
        rate = done / elapsed if elapsed > 0 else 0.0
        parts = []
        if self.total:
            share = min(done / self.total, 1.0)
            filled = int(share * 20)
            parts.append(f"[{'#' * filled}{'.' * (20 - filled)}] {done:,}/{self.total:,}")
            parts.append(f"{self.unit} {share:.0%} {rate:.1f}/s")
            left = (self.total - done) / rate if rate > 0 and done < self.total else 0.0
            parts.append(f"ETA {_clock(left)}")
        else:
            parts.append(f"{done:,} {self.unit} {rate:.1f}/s elapsed {_clock(elapsed)}")
        line = " ".join(parts)
        return f"{line} | {detail}" if detail else line

    def update(self, done: int, detail: str = "") -> None:
        now = time.perf_counter()
        if not self.tty and now - self._shown < self.every:
            return
        self._shown = now
        line = self.render(done, detail)
        if self.tty:
            width = shutil.get_terminal_size((100, 20)).columns - 1
            self.stream.write("\r" + line[:width].ljust(width))
            self._drawn = True
        else:
            self.stream.write(line + "\n")
        self.stream.flush()

    def close(self) -> None:
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


__all__ = ["ProgressBar", "estimate_items"]
