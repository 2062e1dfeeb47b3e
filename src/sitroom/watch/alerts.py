"""Firing alert rules on what a watcher just stored, and delivering what fired.

``Alerter.after_documents`` looks at the corpus events and contradictions of the documents just
committed, asks each matching rule whether this is new or a material change (the store keeps
each rule's last fingerprint per subject, see ``WatchState.fire``), and hands every alert that
fired to its deliveries: standard output, a JSONL file (one object per line, appended), a webhook
(``POST`` of the JSON object, retried with backoff on network errors, 429 and 5xx) and the
dashboard (the stored alert, streamed by ``GET /api/live``).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TextIO

import httpx

from sitroom.store import CorpusEventRow
from sitroom.store.watch_state import AlertRecord, ContradictionPair, WatchState
from sitroom.watch.rules import (
    AlertRule,
    contradiction_change,
    event_change,
    event_fingerprint,
)

WEBHOOK_RETRIES = 3
WEBHOOK_TIMEOUT = 10.0


@dataclass(frozen=True)
class DeliveryFailure:
    rule: str
    target: str
    reason: str


def event_payload(rule: AlertRule, event: CorpusEventRow, reason: str) -> dict[str, Any]:
    data = asdict(event)
    for key in ("date_start", "date_end", "first_seen", "last_seen"):
        value = data.get(key)
        data[key] = value.isoformat() if value is not None else None
    return {
        "kind": "corpus_event",
        "rule": rule.name,
        "reason": reason,
        "dashboard": rule.deliver.dashboard,
        "event": data,
    }


def contradiction_payload(rule: AlertRule, pair: ContradictionPair, reason: str) -> dict[str, Any]:
    return {
        "kind": "contradiction",
        "rule": rule.name,
        "reason": reason,
        "dashboard": rule.deliver.dashboard,
        "contradiction": asdict(pair),
    }


def alert_line(alert: AlertRecord) -> str:
    """One line for a terminal."""
    payload = alert.payload
    if payload.get("kind") == "corpus_event":
        e = payload["event"]
        actors = " / ".join(a for a in (e.get("actor1"), e.get("actor2")) if a) or "-"
        place = ", ".join(p for p in (e.get("place"), e.get("country")) if p) or "unplaced"
        what = (
            f"{e['type']} {e.get('date_start') or 'undated'} {actors} @ {place} "
            f"sources {e['sources']}{' CONTESTED' if e['contested'] else ''} [{e['id']}]"
        )
    else:
        c = payload["contradiction"]
        what = f"{c.get('claimant_a') or '?'} ↔ {c.get('claimant_b') or '?'}: {c['reason']}"
    return f"ALERT {alert.rule}: {alert.reason} · {what}"


class Alerter:
    """Evaluates ``rules`` and delivers; thread-safe enough for one watcher."""

    def __init__(
        self,
        state: WatchState,
        rules: Sequence[AlertRule],
        *,
        out: TextIO | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.state = state
        self.rules = list(rules)
        self.out = out
        self.failures: list[DeliveryFailure] = []
        self._sleep = sleep
        self._lock = threading.Lock()
        self._http = httpx.Client(transport=transport, timeout=WEBHOOK_TIMEOUT)

    def close(self) -> None:
        self._http.close()

    def after_documents(self, document_ids: Sequence[str]) -> list[AlertRecord]:
        """Fire the rules on what these newly stored documents touched; the alerts that fired."""
        if not self.rules or not document_ids:
            return []
        fired: list[AlertRecord] = []
        event_rules = [r for r in self.rules if r.events is not None]
        claim_rules = [r for r in self.rules if r.claims is not None]
        if event_rules:
            for event in self.state.corpus_events_of(document_ids):
                for rule in event_rules:
                    assert rule.events is not None
                    if rule.events.matches(event):
                        fired.extend(self._fire_event(rule, event))
        if claim_rules:
            for pair in self.state.contradictions_of(document_ids):
                for rule in claim_rules:
                    assert rule.claims is not None
                    if rule.claims.matches(pair):
                        fired.extend(self._fire_contradiction(rule, pair))
        for alert in fired:
            self.deliver(alert)
        return fired

    def _fire_event(self, rule: AlertRule, event: CorpusEventRow) -> list[AlertRecord]:
        alert = self.state.fire(
            rule.name,
            event.id,
            event_fingerprint(event),
            event_change,
            lambda reason: event_payload(rule, event, reason),
        )
        return [] if alert is None else [alert]

    def _fire_contradiction(self, rule: AlertRule, pair: ContradictionPair) -> list[AlertRecord]:
        alert = self.state.fire(
            rule.name,
            f"contradiction:{pair.key}",
            {"seen": True},
            contradiction_change,
            lambda reason: contradiction_payload(rule, pair, reason),
        )
        return [] if alert is None else [alert]

    def deliver(self, alert: AlertRecord) -> None:
        rule = next((r for r in self.rules if r.name == alert.rule), None)
        if rule is None:
            return
        body = {"id": alert.id, "fired_at": alert.fired_at.isoformat() + "Z", **alert.payload}
        if rule.deliver.stdout and self.out is not None:
            with self._lock:
                print(alert_line(alert), file=self.out, flush=True)
        if rule.deliver.jsonl is not None:
            try:
                with self._lock, rule.deliver.jsonl.open("a", encoding="utf-8") as fh:
                    fh.write(json.dumps(body, ensure_ascii=False) + "\n")
            except OSError as exc:
                self.failures.append(DeliveryFailure(rule.name, str(rule.deliver.jsonl), str(exc)))
        if rule.deliver.webhook is not None:
            self._post(rule, rule.deliver.webhook, body)

    def _post(self, rule: AlertRule, url: str, body: dict[str, Any]) -> None:
        reason = ""
        for attempt in range(WEBHOOK_RETRIES + 1):
            if attempt:
                self._sleep(0.5 * 2 ** (attempt - 1))
            try:
                response = self._http.post(url, json=body)
            except httpx.HTTPError as exc:
                reason = f"{type(exc).__name__}: {exc}"
                continue
            if response.status_code < 300:
                return
            reason = f"HTTP {response.status_code}"
            if response.status_code != 429 and response.status_code < 500:
                break  # the receiver refuses it: asking again cannot help
        self.failures.append(DeliveryFailure(rule.name, url, reason))


__all__ = ["Alerter", "DeliveryFailure", "alert_line", "contradiction_payload", "event_payload"]
