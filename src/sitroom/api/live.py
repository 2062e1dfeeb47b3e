"""The live feed of the dashboard: new and changed corpus events and fired alerts, as
Server-Sent Events (``GET /api/live``), and the latest alerts (``GET /api/alerts``).

The stream polls the store (a cheap indexed read every ``poll`` seconds) rather than being told
by the writer, so it sees what any writer stored: ``sitroom watch`` on this machine or another,
``sitroom ingest``, ``POST /api/documents``. Each SSE ``id`` is a cursor (the last document's
ingestion time and the last alert id); a browser's ``EventSource`` sends it back as
``Last-Event-ID`` when it reconnects, and the stream resumes there. A stream ends after
``lifetime`` seconds (the browser reconnects at once), so that no connection outlives a server
restart for long. Documents are re-read over a short overlap window, since two writers may
commit out of timestamp order; what was already announced is not sent twice.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import Field
from starlette.concurrency import run_in_threadpool

from sitroom.api.corpus_events import corpus_item
from sitroom.api.errors import ERROR_RESPONSES
from sitroom.api.schemas import ApiModel
from sitroom.api.state import State, require_read
from sitroom.store.watch_state import AlertRecord, WatchState

router = APIRouter(prefix="/api", dependencies=[Depends(require_read)], responses=ERROR_RESPONSES)

OVERLAP = dt.timedelta(seconds=5)
HEARTBEAT_SECONDS = 15.0


class AlertItem(ApiModel):
    id: int
    rule: str
    subject: str = Field(description="The corpus event id, or `contradiction:…`.")
    reason: str = Field(description="Why it fired: new, another source, a denial, a higher toll.")
    fired_at: dt.datetime
    payload: dict[str, Any]


class AlertList(ApiModel):
    items: list[AlertItem]


def alert_item(alert: AlertRecord) -> AlertItem:
    return AlertItem(
        id=alert.id,
        rule=alert.rule,
        subject=alert.subject,
        reason=alert.reason,
        fired_at=alert.fired_at,
        payload=alert.payload,
    )


@router.get("/alerts", summary="The latest alerts that fired")
def list_alerts(state: State, limit: Annotated[int, Query(ge=1, le=500)] = 50) -> AlertList:
    """The newest alerts shown on the dashboard, oldest first."""
    rows = WatchState(state.store).alerts(limit=limit, newest=True)
    return AlertList(items=[alert_item(a) for a in rows if a.payload.get("dashboard", True)])


def _message(kind: str, data: str, cursor: str) -> str:
    return f"event: {kind}\nid: {cursor}\ndata: {data}\n\n"


def _parse_cursor(value: str | None) -> tuple[dt.datetime, int] | None:
    if not value or "~" not in value:
        return None
    when, _, alert = value.partition("~")
    try:
        return dt.datetime.fromisoformat(when), int(alert)
    except ValueError:
        return None


class _Stream:
    def __init__(self, watch: WatchState, poll: float, lifetime: float) -> None:
        self.watch = watch
        self.poll = poll
        self.lifetime = lifetime
        self.since = dt.datetime.min
        self.alert_after = 0
        self.sent: dict[str, dt.datetime] = {}

    def _overlap_start(self) -> dt.datetime:
        # An empty store leaves ``since`` at datetime.min, which cannot go earlier.
        return self.since - OVERLAP if self.since > dt.datetime.min + OVERLAP else self.since

    @property
    def cursor(self) -> str:
        return f"{self.since.isoformat()}~{self.alert_after}"

    async def start(self, resume: tuple[dt.datetime, int] | None) -> None:
        if resume is not None:
            self.since, self.alert_after = resume
        else:
            latest = await run_in_threadpool(self.watch.latest_document)
            self.alert_after = await run_in_threadpool(self.watch.last_alert_id)
            if latest is not None:
                self.since = latest.ingested_at
        # Up to the cursor the client has it all (the page loaded it, or an earlier stream
        # sent it): announce only what comes after.
        for doc in await run_in_threadpool(self.watch.documents_since, self._overlap_start()):
            if doc.ingested_at <= self.since:
                self.sent[doc.document_id] = doc.ingested_at

    async def changes(self) -> list[str]:
        out: list[str] = []
        docs = await run_in_threadpool(self.watch.documents_since, self._overlap_start())
        fresh = [d for d in docs if d.document_id not in self.sent]
        if fresh:
            for doc in fresh:
                self.sent[doc.document_id] = doc.ingested_at
                self.since = max(self.since, doc.ingested_at)
            events = await run_in_threadpool(
                self.watch.corpus_events_of, [d.document_id for d in fresh]
            )
            for event in events:
                item = corpus_item(event)
                out.append(_message("corpus", item.model_dump_json(), self.cursor))
            horizon = self.since - 2 * OVERLAP
            self.sent = {k: v for k, v in self.sent.items() if v >= horizon}
        alerts = await run_in_threadpool(self.watch.alerts, after=self.alert_after)
        for alert in alerts:
            self.alert_after = max(self.alert_after, alert.id)
            if alert.payload.get("dashboard", True):
                data = alert_item(alert).model_dump_json()
                out.append(_message("alert", data, self.cursor))
        return out

    async def run(self, request: Request) -> AsyncIterator[str]:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.lifetime
        quiet_since = loop.time()
        yield f"retry: 1000\nevent: ready\nid: {self.cursor}\ndata: {json.dumps(self.cursor)}\n\n"
        while loop.time() < deadline:
            if await request.is_disconnected():
                return
            messages = await self.changes()
            for message in messages:
                yield message
            if messages:
                quiet_since = loop.time()
            elif loop.time() - quiet_since > HEARTBEAT_SECONDS:
                yield ": keep-alive\n\n"  # a comment: keeps proxies from closing the stream
                quiet_since = loop.time()
            await asyncio.sleep(self.poll)


@router.get(
    "/live",
    summary="New and changed corpus events and alerts, as Server-Sent Events",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "An endless `text/event-stream` (until `lifetime`).",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        }
    },
)
async def live(
    request: Request,
    state: State,
    poll: Annotated[float, Query(ge=0.2, le=30, description="Seconds between checks.")] = 1.0,
    lifetime: Annotated[
        float, Query(ge=1, le=3600, description="Seconds before the stream ends.")
    ] = 300.0,
    last_event_id: Annotated[str | None, Header()] = None,
) -> StreamingResponse:
    """`event: corpus` carries a corpus event as `/api/corpus-events` lists it, each time it is
    new or changed; `event: alert` an alert that fired. Resume with `Last-Event-ID`."""
    stream = _Stream(WatchState(state.store), poll, lifetime)
    await stream.start(_parse_cursor(last_event_id))
    return StreamingResponse(
        stream.run(request),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


__all__ = ["AlertItem", "router"]
