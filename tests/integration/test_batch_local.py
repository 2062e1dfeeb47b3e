"""The batch path of ``sitroom ingest``: worker processes give the same results as one process,
a run killed with SIGKILL resumes without duplicates or losses, and Ray is never imported."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from sitroom.config import load_settings
from sitroom.ingest import read_inputs
from sitroom.service import Extractor, ingest_items
from sitroom.service.batch import InlineEngine, PoolEngine
from sitroom.service.profile import StageProfile, reader_timing
from sitroom.store import Store

pytestmark = pytest.mark.model

ARTICLES = Path(__file__).parents[1] / "fixtures" / "batch" / "articles.jsonl"


def _stored(db: Path) -> dict[str, str]:
    with Store(db) as store:
        ids = [row.id for row in store.documents()]
        return {ex.document.id: ex.to_json() for ex in store.extractions(ids)}


def _inputs(db: Path) -> list[tuple[str, str, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT source, status, document_id FROM inputs ORDER BY source")
        return [tuple(row) for row in rows]


def test_workers_give_the_same_extractions_as_one_process(tmp_path: Path, data_dir: Path) -> None:
    settings = load_settings(data_dir=data_dir)
    extractor = Extractor(settings)
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    with Store(one) as store:
        report = ingest_items(read_inputs([ARTICLES]), store, extractor, batch_size=3)
    assert report.processed == 8
    engine = PoolEngine(extractor, workers=2, batch_size=2, profile=True)
    profile = StageProfile()
    try:
        with Store(two) as store, reader_timing(profile):
            report = ingest_items(
                read_inputs([ARTICLES]), store, extractor, batch_size=3, engine=engine,
                profile=profile,
            )  # fmt: skip
    finally:
        engine.close()
    assert report.processed == 8 and not report.errors
    assert _stored(one) == _stored(two)
    assert _inputs(one) == _inputs(two)
    # Every stage was seen, on both sides of the process boundary.
    for stage in ("reading", "text extraction", "dedup", "tokenize", "tok2vec", "parser", "ner",
                  "sitroom_places", "sitroom_claims", "convert", "transfer", "store"):  # fmt: skip
        assert profile.seconds.get(stage, 0.0) > 0.0, stage
    assert "sitroom_events" in profile.table()


def test_a_failing_document_is_an_error_and_the_rest_is_stored(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sitroom.nlp.components.places import PlacesComponent

    original = PlacesComponent.__call__

    def call(self: PlacesComponent, doc: Any) -> Any:
        if "Lima" in doc.text:
            raise RuntimeError("boom")
        return original(self, doc)

    monkeypatch.setattr(PlacesComponent, "__call__", call)
    extractor = Extractor(load_settings(data_dir=data_dir))
    with Store(tmp_path / "t.db") as store:
        report = ingest_items(
            read_inputs([ARTICLES]), store, extractor, batch_size=8,
            engine=InlineEngine(extractor, batch_size=4),
        )  # fmt: skip
        assert store.summary().documents == 7
    assert report.processed == 7
    assert [code for _, code, _ in report.errors] == ["S300"]
    assert "RuntimeError: boom" in report.errors[0][2]


def _corpus(path: Path, count: int) -> None:
    """``count`` short, distinct articles from a few templates."""
    rng = random.Random(9)
    actors = ["Rebels", "Soldiers", "Gunmen", "Protesters", "Police", "Militiamen", "Pirates"]
    verbs = ["attacked", "surrounded", "raided", "occupied", "blockaded", "shelled"]
    places = ["Goma", "Mopti", "Kherson", "Sittwe", "Marawi", "Tillaberi", "Kidal", "Bunia"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    others = [
        "Aid agencies said hundreds of families had fled.",
        "The government condemned the violence and promised an inquiry.",
        "A spokesman for the army said the situation was under control.",
        "Residents reported heavy gunfire through the night.",
        "The United Nations called for restraint from all sides.",
        "Local officials said at least three people were wounded.",
    ]
    with path.open("w", encoding="utf-8") as out:
        for number in range(count):
            lead = (
                f"{rng.choice(actors)} {rng.choice(verbs)} a checkpoint near "
                f"{rng.choice(places)} on {rng.choice(days)}, killing {number + 2} people, "
                "officials said."
            )
            text = " ".join([lead, *rng.sample(others, 3)])
            out.write(json.dumps({"text": text, "date": "2024-03-0" + str(1 + number % 9)}))
            out.write("\n")


def _sitroom(*args: str, data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "sitroom", "--data-dir", str(data_dir), *args]


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_ingest_killed_by_sigkill_resumes_without_duplicates_or_losses(
    tmp_path: Path, data_dir: Path
) -> None:
    inputs = tmp_path / "wire.jsonl"
    _corpus(inputs, 40)
    db = tmp_path / "killed.db"
    command = _sitroom(
        "ingest", str(inputs), "--db", str(db), "--workers", "2", "--batch-size", "2",
        "--chunk-size", "4", "--quiet", data_dir=data_dir,
    )  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db, "inputs") == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)  # the main process only: its workers must go by themselves
    proc.communicate()
    recorded = _count(db, "inputs")
    assert 0 < recorded < 40, "the run should have been killed after its first chunk"
    assert recorded % 4 == 0  # whole chunks only

    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=180)
    assert done.returncode == 0, done.stderr
    assert f"already done {recorded}" in done.stdout

    clean = tmp_path / "clean.db"
    command[command.index(str(db))] = str(clean)
    subprocess.run(command, capture_output=True, check=True, timeout=180)
    assert _inputs(db) == _inputs(clean)
    assert len(_inputs(db)) == 40
    assert _count(db, "documents") == _count(clean, "documents")
    assert _stored(db) == _stored(clean)


def test_a_local_ingest_never_imports_ray(tmp_path: Path, data_dir: Path) -> None:
    script = (
        "import sys\n"
        "from sitroom.cli.main import cli\n"
        f"cli(['--data-dir', {str(data_dir)!r}, 'ingest', {str(ARTICLES)!r}, '--db', "
        f"{str(tmp_path / 't.db')!r}, '--workers', '2', '--chunk-size', '4', '--quiet'], "
        "standalone_mode=False)\n"
        "print('ray imported' if 'ray' in sys.modules else 'no ray')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=180
    )
    assert done.returncode == 0, done.stderr
    assert "processed 8," in done.stdout and done.stdout.strip().endswith("no ray")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_batch_killed_by_sigkill_resumes_to_the_same_outputs(
    tmp_path: Path, data_dir: Path
) -> None:
    corpus = tmp_path / "all.jsonl"
    _corpus(corpus, 36)
    lines = corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    shards = tmp_path / "shards"
    shards.mkdir()
    for number in range(6):
        (shards / f"part-{number}.jsonl").write_text("".join(lines[number * 6 : number * 6 + 6]))
    out = tmp_path / "killed"
    command = _sitroom(
        "batch", str(shards), "--out", str(out), "--workers", "2", "--batch-size", "2",
        "--quiet", data_dir=data_dir,
    )  # fmt: skip
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not list(out.glob("*.inputs.jsonl")) and proc.poll() is None:
        assert time.monotonic() < deadline
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    finished = len(list(out.glob("*.inputs.jsonl")))
    assert 0 < finished < 6, "the batch should have been killed after its first shard"

    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=180)
    assert done.returncode == 0, done.stderr
    assert f"({finished} already done)" in done.stdout

    clean = tmp_path / "clean"
    command[command.index(str(out))] = str(clean)
    subprocess.run(command, capture_output=True, check=True, timeout=180)
    assert _tree(out) == _tree(clean)
    assert len(_tree(out)) == 12 and not list(out.glob(".*"))
