"""Only regular files are read, and never more than the size limit allows: a link to a device,
a named pipe or a path the system refuses becomes that item's error and the batch goes on."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from sitroom.ingest import Item, Limits, read_inputs
from unit.ingest.builders import write

TEXT = "Rebels attacked Kadugli on Monday, residents said."


def _read(inputs: list[str | Path], limits: Limits | None = None) -> list[Item]:
    """The items, read in a thread so that a read that blocks fails the test instead of
    hanging it."""
    found: list[Item] = []
    worker = threading.Thread(
        target=lambda: found.extend(read_inputs(inputs, limits=limits)), daemon=True
    )
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive(), "the read blocked"
    return found


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_link_to_a_device_is_not_read(tmp_path: Path, device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"{device} is absent")
    link = tmp_path / "article.txt"
    link.symlink_to(device)
    good = write(tmp_path / "good.txt", TEXT)
    bad, after = _read([link, good], Limits(max_bytes=1024 * 1024))
    assert bad.code == "S215" and "character device" in (bad.reason or "")
    assert after.ok and after.document is not None and after.document.text == TEXT


def test_a_named_pipe_is_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "wire.txt"
    os.mkfifo(fifo)
    (bad,) = _read([fifo])
    assert bad.code == "S215" and "named pipe" in (bad.reason or "")


def test_a_named_pipe_in_a_folder_is_skipped_or_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.jsonl")
    write(tmp_path / "good.txt", TEXT)
    items = _read([tmp_path])
    assert [i.code for i in items if not i.ok] == ["S215"]
    assert [i.document.text for i in items if i.document is not None] == [TEXT]


def test_size_is_counted_while_reading_not_taken_from_stat(tmp_path: Path) -> None:
    # /proc files report a size of 0 whatever they hold: the limit must still hold.
    proc = Path("/proc/self/maps")
    if not proc.exists():
        pytest.skip("no /proc")
    link = tmp_path / "maps.txt"
    link.symlink_to(proc)
    assert proc.stat().st_size == 0
    (item,) = _read([link], Limits(max_bytes=64))
    assert item.code == "S206" and "more than 64 bytes" in (item.reason or "")
    big = write(tmp_path / "big.txt", "x" * 100)
    (item,) = _read([big], Limits(max_bytes=64))
    assert item.code == "S206"


def test_an_os_error_on_one_path_does_not_stop_the_batch(tmp_path: Path) -> None:
    too_long = tmp_path / ("n" * 300 + ".txt")  # ENAMETOOLONG, even for root
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    good = write(tmp_path / "good.txt", TEXT)
    first, second, third = _read([too_long, loop, good])
    assert first.code == "S216" and "File name too long" in (first.reason or "")
    assert second.code in ("S201", "S216")  # a link loop: the system calls it missing or a loop
    assert third.ok


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders without permission")
def test_a_file_in_an_unreadable_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    inner = write(locked / "inner.txt", TEXT)
    good = write(tmp_path / "good.txt", TEXT)
    locked.chmod(0)
    try:
        first, second = _read([inner, good])
        folder = _read([tmp_path])
    finally:
        locked.chmod(0o755)
    assert first.code == "S216" and second.ok
    assert [i.code for i in folder if not i.ok] == ["S216"]
