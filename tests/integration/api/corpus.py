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

from builders import claim, entity, event, figure, one_day, place, quote, spans, time_span
from sitroom.model import AcledType, Contradiction, Document, EventDate, Extraction

FRONTS = ("Eastern Front", "Western Front", "Northern Front")
TOWNS = ("Amberfield", "Brackwater", "Coldmere", "Dunmore", "Elmsgate")
START = dt.date(2025, 1, 1)


def report(i: int) -> Extraction:
    """Report ``i``: a front attacks a town on day ``i`` (undated every fourth report), the army
    denies it, officials count the dead; a contradiction between the two claims."""
    front, town = FRONTS[i % 3], TOWNS[i % 5]
    country = "XA" if i % 2 == 0 else "XB"
    day = START + dt.timedelta(days=i)
    when = f"{day:%B} {day.day}"
    dead = i + 2
    text = (
        f"Report {i} from {town}. Fighters of the {front} attacked {town} on {when}, "
        f"killing {dead} people, officials said. The Army denied the attack on {town}. "
        f"\u201cWe never fired a shot,\u201d the Army said. Talks are planned in {town}."
    )
    date = one_day(day) if i % 4 else EventDate()
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
            entity(
                "e1",
                front,
                "armed_group",
                aliases=[f"the {front}"],
                country=country,
                mentions=spans(text, front),
            ),
            entity(
                "e2", "Army", "government", country=country, mentions=spans(text, "Army", "Army")
            ),
        ],
        places=[
            place(
                "p1",
                town,
                country,
                lat=10.0 + i % 5,
                lon=20.0 + i % 5,
                admin1=f"{town} Province",
                mentions=spans(text, town),
            )
        ],
        times=[time_span(text, when, day)],
        events=[
            event(
                text,
                "v1",
                "ASSAULT",
                "attacked",
                mode="attack",
                acled=AcledType(event_type="Violence against civilians", sub_event_type="Attack"),
                actor1="e1",
                actor2="e2",
                place="p1",
                date=date,
                modality="claimed" if i % 3 == 0 else "asserted",
                fatalities=dead,
            ),
            event(
                text,
                "v2",
                "CONSULT",
                "Talks",
                place="p1",
                date=date,
                modality="planned",
                confidence=0.6,
            ),
        ],
        quotes=[quote(text, "q1", "We never fired a shot,", "direct", speaker="e2", cue="said")],
        claims=[
            claim(
                text,
                "c1",
                "assert",
                f"Fighters of the {front} attacked {town}",
                claimant="officials",
                event="v1",
            ),
            claim(
                text,
                "c2",
                "deny",
                f"the attack on {town}",
                claimant="e2",
                event="v1",
                hedges=["reportedly"] if i % 2 else [],
            ),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason="Army denies the attack")],
        figures=[figure(text, f"{dead} people", dead, what="killed", event="v1")],
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
        # Generous: a POST extracts with the model, slow on a busy 2-core machine; a hang
        # still fails, just later.
        with httpx.Client(base_url=server.url, timeout=120) as client:
            yield client
    finally:
        server.stop()


__all__ = ["FRONTS", "START", "TOWNS", "LiveServer", "corpus", "live", "report"]
