"""``GET /api/live`` on a real server: new corpus events and alerts arrive as Server-Sent
Events, and a stream resumed with ``Last-Event-ID`` sends nothing twice."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import httpx

from integration.api.conftest import CORPUS_SIZE, Served
from integration.api.corpus import report
from sitroom.store.watch_state import WatchState


def _messages(response: httpx.Response) -> Iterator[tuple[str, str, str]]:
    """(event, id, data) of each message of an SSE stream."""
    kind, ident, data = "message", "", []
    for line in response.iter_lines():
        if line == "":
            if data:
                yield kind, ident, "\n".join(data)
            kind, ident, data = "message", "", []
        elif line.startswith("event: "):
            kind = line[7:]
        elif line.startswith("id: "):
            ident = line[4:]
        elif line.startswith("data: "):
            data.append(line[6:])


def test_new_events_and_alerts_stream_in(served: Served) -> None:
    store, client = served.store, served.client
    newcomer = report(CORPUS_SIZE + 1)
    params = {"poll": 0.2, "lifetime": 20}
    seen: dict[str, list[dict[str, object]]] = {"corpus": [], "alert": []}
    last_id = ""
    with client.stream("GET", "/api/live", params=params) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        messages = _messages(response)
        kind, last_id, _ = next(messages)
        assert kind == "ready"
        started = time.monotonic()
        store.add(newcomer)
        alert = WatchState(store).fire(
            "watch-test", "subject-1", {"n": 1}, lambda old, new: "new", lambda why: {"x": 1}
        )
        assert alert is not None
        for kind, ident, data in messages:
            last_id = ident  # where a resumed stream starts
            seen.setdefault(kind, []).append(json.loads(data))
            if seen["alert"] and seen["corpus"]:
                break
        elapsed = time.monotonic() - started
    ids = {row["id"] for row in seen["corpus"]}
    assert ids == set(store.corpus_ids_of(newcomer.document.id).values())
    assert seen["alert"][0]["id"] == alert.id and seen["alert"][0]["rule"] == "watch-test"
    assert elapsed < 5
    # Resumed where it stopped: the same document and alert are not sent again.
    with client.stream(
        "GET",
        "/api/live",
        params={"poll": 0.2, "lifetime": 1.5},
        headers={"Last-Event-ID": last_id},
    ) as response:
        again = [kind for kind, _, _ in _messages(response)]
    assert again == ["ready"]
    listed = client.get("/api/alerts").json()["items"]
    assert [a["id"] for a in listed] == [alert.id]
