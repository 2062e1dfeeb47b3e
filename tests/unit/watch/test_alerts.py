"""Alert rules fired on stored corpus events and contradictions (real SQLite, no model), and
each delivery: stdout, a JSONL file, a webhook on loopback (retried), the stored alert."""

from __future__ import annotations

import dataclasses
import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from sitroom.store import Store
from sitroom.store.watch_state import WatchState
from sitroom.watch.alerts import Alerter
from sitroom.watch.rules import AlertRule, ClaimFilter, Deliveries, EventFilter, event_change
from unit.store.extractions import build_rich


@contextmanager
def webhook(statuses: list[int]) -> Iterator[tuple[str, list[dict[str, object]]]]:
    """A receiver on loopback answering ``statuses`` first, then 204; yields URL and bodies."""
    received: list[dict[str, object]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            status = statuses.pop(0) if statuses else 204
            if status < 300:
                received.append(json.loads(body))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "alerts.db") as s:
        s.migrate()
        yield s


def test_each_delivery_gets_each_alert_once(store: Store, tmp_path: Path) -> None:
    rich = build_rich()
    store.add(rich)
    out = io.StringIO()
    target = tmp_path / "alerts.jsonl"
    with webhook([503, 500]) as (url, received):
        rule = AlertRule(
            name="everything",
            events=EventFilter(),
            deliver=Deliveries(stdout=True, jsonl=target, webhook=url),
        )
        alerter = Alerter(WatchState(store), [rule], out=out, sleep=lambda _: None)
        fired = alerter.after_documents([rich.document.id])
        again = alerter.after_documents([rich.document.id])
        alerter.close()
    corpus = store.corpus_events()
    assert len(fired) == len(corpus) > 0 and again == []
    assert {a.subject for a in fired} == {c.id for c in corpus}
    assert all(a.reason == "new" for a in fired)
    lines = out.getvalue().splitlines()
    assert len(lines) == len(fired) and all(
        line.startswith("ALERT everything: new") for line in lines
    )
    written = [json.loads(line) for line in target.read_text().splitlines()]
    assert [w["id"] for w in written] == [a.id for a in fired]
    # The first POST failed twice (503, 500) and was retried; every alert arrived once.
    assert sorted(r["id"] for r in received) == [a.id for a in fired]
    assert alerter.failures == []
    stored = WatchState(store).alerts()
    assert [a.id for a in stored] == [a.id for a in fired]


def test_a_webhook_that_refuses_is_reported(store: Store) -> None:
    rich = build_rich()
    store.add(rich)
    with webhook([400] * 50) as (url, received):
        rule = AlertRule(name="r", events=EventFilter(), deliver=Deliveries(webhook=url))
        alerter = Alerter(WatchState(store), [rule], sleep=lambda _: None)
        fired = alerter.after_documents([rich.document.id])
        alerter.close()
    assert fired and received == []
    assert {f.reason for f in alerter.failures} == {"HTTP 400"}


def test_filters_select_corpus_events(store: Store) -> None:
    rich = build_rich()
    store.add(rich)
    events = store.corpus_events()
    some = events[0]
    assert EventFilter(types=[some.type]).matches(some)
    assert not EventFilter(types=["NOT_A_TYPE"]).matches(some)
    assert not EventFilter(min_sources=some.sources + 1).matches(some)
    assert EventFilter(contested=some.contested).matches(some)
    assert not EventFilter(contested=not some.contested).matches(some)
    assert not EventFilter().matches(dataclasses.replace(some, background=True))
    if some.lat is not None and some.lon is not None:
        box = (some.lon - 1, some.lat - 1, some.lon + 1, some.lat + 1)
        assert EventFilter(bbox=box).matches(some)
        assert not EventFilter(bbox=(box[0] + 5, box[1], box[2] + 5, box[3])).matches(some)
    assert not EventFilter(min_fatalities=10_000).matches(some)


def test_contradiction_rule_fires_once_per_contradiction(store: Store) -> None:
    rich = build_rich()
    store.add(rich)
    pairs = WatchState(store).contradictions_of([rich.document.id])
    assert pairs
    names = {n for p in pairs for n in (p.claimant_a, p.claimant_b) if n}
    assert names
    actor = sorted(names)[0]
    rule = AlertRule(name="c", claims=ClaimFilter(contradiction_actor=actor.upper()))
    alerter = Alerter(WatchState(store), [rule])
    fired = alerter.after_documents([rich.document.id])
    assert fired and all(a.reason == "new contradiction" for a in fired)
    assert alerter.after_documents([rich.document.id]) == []
    other = AlertRule(name="d", claims=ClaimFilter(contradiction_actor="nobody at all"))
    assert Alerter(WatchState(store), [other]).after_documents([rich.document.id]) == []


def test_material_changes_and_their_reasons() -> None:
    base = {"sources": 1, "claims_against": 0, "contested": False, "toll": 3}
    assert event_change(None, base) == "new"
    assert event_change(base, dict(base)) is None
    assert event_change(base, {**base, "sources": 2}) == "another source (1 → 2)"
    assert event_change(base, {**base, "claims_against": 1, "contested": True}) == "a denial"
    assert event_change(base, {**base, "contested": True}) == "now contested"
    assert event_change(base, {**base, "toll": 7}) == "a higher toll (3 → 7)"
    assert event_change(base, {**base, "toll": 1}) is None  # a lower toll is not news
