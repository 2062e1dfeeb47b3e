"""A corpus of hand-built extractions over short invented reports, and a live API server.

Every record is built from the text it points into, so spans are right by construction. Towns,
fronts and countries are fictional (XA and XB are user-assigned ISO codes).
"""

from __future__ import annotations

import datetime as dt
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import uvicorn
from fastapi import FastAPI

from sitroom.model import (
    AcledType,
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    EventDate,
    Extraction,
    Figure,
    Place,
    Quote,
    Span,
    TimeSpan,
)

FRONTS = ("Eastern Front", "Western Front", "Northern Front")
TOWNS = ("Amberfield", "Brackwater", "Coldmere", "Dunmore", "Elmsgate")
START = dt.date(2025, 1, 1)


def _span(text: str, phrase: str, after: int = 0) -> Span:
    start = text.index(phrase, after)
    return (start, start + len(phrase))


def _sentence(text: str, phrase: str) -> Span:
    at = text.index(phrase)
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    return (start, text.index(".", at) + 1)


def report(i: int) -> Extraction:
    """Report ``i``: a front attacks a town on day ``i`` (undated every fourth report), the army
    denies it, officials count the dead; a contradiction between the two claims."""
    front, town = FRONTS[i % 3], TOWNS[i % 5]
    country = "XA" if i % 2 == 0 else "XB"
    day = START + dt.timedelta(days=i)
    dead = i + 2
    text = (
        f"Report {i} from {town}. Fighters of the {front} attacked {town} on {day:%B} {day.day}, "
        f"killing {dead} people, officials said. The Army denied the attack on {town}. "
        f"\u201cWe never fired a shot,\u201d the Army said. Talks are planned in {town}."
    )
    dated = i % 4 != 0
    date = EventDate(start=day, end=day, precision="day") if dated else EventDate()
    when = f"{day:%B} {day.day}"
    return Extraction(
        document=Document(
            id=f"doc{i:04d}",
            title=f"Attack on {town} ({i})",
            url=f"https://news.example/{i}",
            publisher="Example Wire" if i % 2 else "Other Post",
            published=day + dt.timedelta(days=1),
            language="en",
            text=text,
        ),
        entities=[
            Entity(
                id="e1",
                name=front,
                label="ORG",
                actor_type="armed_group",
                aliases=[f"the {front}"],
                country=country,
                mentions=[_span(text, front)],
            ),
            Entity(
                id="e2",
                name="Army",
                label="ORG",
                actor_type="government",
                country=country,
                mentions=[_span(text, "Army"), _span(text, "Army", text.index("Army") + 1)],
            ),
        ],
        places=[
            Place(
                id="p1",
                name=town,
                kind="city",
                country=country,
                admin1=f"{town} Province",
                lat=10.0 + i % 5,
                lon=20.0 + i % 5,
                precision=1,
                mentions=[_span(text, town)],
            )
        ],
        times=[TimeSpan(text=when, start=day, end=day, precision="day", span=_span(text, when))],
        events=[
            Event(
                id="v1",
                type="ASSAULT",
                mode="attack",
                cameo="18",
                acled=AcledType(event_type="Violence against civilians", sub_event_type="Attack"),
                quad="material_conflict",
                actor1="e1",
                actor2="e2",
                place="p1",
                date=date,
                modality="claimed" if i % 3 == 0 else "asserted",
                attributed_to=None,
                fatalities=dead,
                trigger=_span(text, "attacked"),
                sentence=_sentence(text, "attacked"),
                confidence=0.8,
            ),
            Event(
                id="v2",
                type="CONSULT",
                cameo="04",
                quad="verbal_cooperation",
                place="p1",
                date=date,
                modality="planned",
                trigger=_span(text, "Talks"),
                sentence=_sentence(text, "Talks"),
                confidence=0.6,
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text="We never fired a shot,",
                span=_span(text, "We never fired a shot,"),
                kind="direct",
                speaker="e2",
                cue="said",
            )
        ],
        claims=[
            Claim(
                id="c1",
                claimant="officials",
                stance="assert",
                text=f"Fighters of the {front} attacked {town}",
                span=_span(text, f"Fighters of the {front} attacked {town}"),
                event="v1",
            ),
            Claim(
                id="c2",
                claimant="e2",
                stance="deny",
                text=f"the attack on {town}",
                span=_span(text, f"the attack on {town}"),
                event="v1",
                hedges=["reportedly"] if i % 2 else [],
            ),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason="Army denies the attack")],
        figures=[
            Figure(
                value=dead,
                unit="people",
                what="killed",
                span=_span(text, f"{dead} people"),
                event="v1",
            )
        ],
    )


def corpus(n: int) -> list[Extraction]:
    return [report(i) for i in range(n)]


class LiveServer:
    """uvicorn serving ``app`` on a free loopback port, in a thread of this process."""

    def __init__(self, app: FastAPI) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )

    def start(self) -> None:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=20)
        self.sock.close()


@contextmanager
def live(app: FastAPI) -> Iterator[httpx.Client]:
    """An httpx client talking to ``app`` through a real socket."""
    server = LiveServer(app)
    server.start()
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            yield client
    finally:
        server.stop()


__all__ = ["FRONTS", "START", "TOWNS", "LiveServer", "corpus", "live", "report"]
