"""Two processes write one SQLite file at once: a long article of many similar events and a
short one. The second writer waits for the first one's transaction and both are stored; none
fails with "database is locked" (the long article's links are a tree, so its transaction is
short, far inside the store's busy timeout)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from sitroom.store import Store

_WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from sitroom.model import Document, Extraction
    from sitroom.store import Store
    from unit.store.test_store_corpus_links import shelling_report
    db, go, role = sys.argv[1], Path(sys.argv[2]), sys.argv[3]
    if role == "long":
        extraction = shelling_report("d-long", 1500)
    else:
        extraction = Extraction(document=Document(id="d-short", text="Rain fell on the hills."))
    with Store(db) as store:
        store.has_document("warm-up")  # connected, schema checked: the race is the write alone
        while not go.exists():
            time.sleep(0.005)
        if role == "short":
            time.sleep(0.3)  # the long write is under way by now
        started = time.perf_counter()
        assert store.add(extraction)
        print(f"{role} stored in {time.perf_counter() - started:.2f}s")
    """
)


def test_a_second_writer_waits_for_a_long_article(tmp_path: Path) -> None:
    db, go = tmp_path / "shared.db", tmp_path / "go"
    with Store(db) as store:
        store.migrate()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(db), str(go), role],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for role in ("long", "short")
    ]
    time.sleep(3)  # both have imported and connected
    go.touch()
    outcomes = [writer.communicate(timeout=300) for writer in writers]
    for writer, (out, err) in zip(writers, outcomes, strict=True):
        assert writer.returncode == 0, err
        assert "stored in" in out
    with Store(db) as store:
        assert store.has_document("d-long") and store.has_document("d-short")
        [happening] = store.corpus_events()
        assert happening.mentions == 1500
