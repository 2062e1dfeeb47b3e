"""Hand-made extractions for the dashboard's browser tests and the page-load benchmark.

Built without the spaCy model: each text is written here and every span is found by search, so
the spans are exact. Coordinates are real places, so the markers land on the basemap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator
from pathlib import Path

from sitroom.model import (
    AcledType,
    Claim,
    Contradiction,
    Document,
    Entity,
    Event,
    EventDate,
    Extraction,
    Place,
    Quote,
    Span,
    TimeSpan,
)
from sitroom.store import Store

XSS_SCRIPT = "<script>window.__xss = 1; alert('xss')</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 1; alert('img')\">"
XSS_LINK = "javascript:window.__xss=1;alert('link')"


def doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def span(text: str, phrase: str, start: int = 0) -> Span:
    at = text.index(phrase, start)
    return (at, at + len(phrase))


def sentence(text: str, starts_with: str) -> Span:
    at = text.index(starts_with)
    return (at, text.index(".", at) + 1)


def day(d: int) -> EventDate:
    return EventDate(start=dt.date(2025, 3, d), end=dt.date(2025, 3, d), precision="day")


SHELLING = (
    "📍 Kharkiv desk. Border guards shelled the village of Vovchansk on Monday, killing four "
    "civilians, local officials reportedly said. The Defence Ministry denied any attack, its "
    "spokeswoman Mara Velen saying the guards had “only returned fire”. Talks with the "
    "neighbours would resume next week in Geneva."
)


def shelling() -> Extraction:
    t = SHELLING
    return Extraction(
        document=Document(
            id=doc_id(t),
            title="Shelling in Vovchansk; ministry denies attack",
            url="https://news.example/vovchansk",
            publisher="Example Wire",
            published=dt.date(2025, 3, 4),
            text=t,
        ),
        entities=[
            Entity(
                id="e1",
                name="Border Guard Service",
                label="ORG",
                actor_type="armed_group",
                aliases=["Border guards"],
                mentions=[span(t, "Border guards")],
            ),
            Entity(
                id="e2",
                name="Defence Ministry",
                label="ORG",
                actor_type="government",
                mentions=[span(t, "The Defence Ministry")],
            ),
            Entity(
                id="e3",
                name="Mara Velen",
                label="PERSON",
                actor_type="person",
                affiliation="e2",
                mentions=[span(t, "Mara Velen")],
            ),
        ],
        places=[
            Place(
                id="p1",
                name="Vovchansk",
                kind="city",
                country="UA",
                admin1="Kharkiv Oblast",
                lat=50.29,
                lon=36.94,
                precision=1,
                mentions=[span(t, "Vovchansk")],
            ),
            Place(
                id="p2",
                name="Geneva",
                kind="city",
                country="CH",
                lat=46.2,
                lon=6.14,
                precision=1,
                mentions=[span(t, "Geneva")],
            ),
        ],
        times=[
            TimeSpan(
                text="on Monday",
                start=dt.date(2025, 3, 3),
                end=dt.date(2025, 3, 3),
                precision="day",
                span=span(t, "on Monday"),
            )
        ],
        events=[
            Event(
                id="ev1",
                type="ASSAULT",
                mode="bombard",
                cameo="18",
                acled=AcledType(
                    event_type="Explosions/Remote violence",
                    sub_event_type="Shelling/artillery/missile attack",
                ),
                quad="material_conflict",
                actor1="e1",
                place="p1",
                date=day(3),
                fatalities=4,
                trigger=span(t, "shelled"),
                sentence=sentence(t, "Border guards"),
                confidence=0.87,
            ),
            Event(
                id="ev2",
                type="CONSULT",
                cameo="04",
                quad="verbal_cooperation",
                actor1="e2",
                place="p2",
                date=EventDate(
                    start=dt.date(2025, 3, 10), end=dt.date(2025, 3, 16), precision="week"
                ),
                modality="planned",
                trigger=span(t, "Talks"),
                sentence=sentence(t, "Talks with"),
                confidence=0.7,
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text="only returned fire",
                span=span(t, "only returned fire"),
                kind="partial",
                speaker="e3",
                cue="saying",
            )
        ],
        claims=[
            Claim(
                id="c1",
                claimant="local officials",
                stance="assert",
                text="Border guards shelled the village of Vovchansk",
                span=span(t, "Border guards shelled the village of Vovchansk"),
                event="ev1",
                hedges=["reportedly"],
            ),
            Claim(
                id="c2",
                claimant="e2",
                stance="deny",
                text="any attack",
                span=span(t, "any attack"),
                event="ev1",
            ),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason="assert vs deny of ev1")],
    )


def simple(
    text: str,
    *,
    title: str,
    publisher: str,
    etype: str,
    quad: str,
    cameo: str,
    actor: str,
    actor_phrase: str,
    trigger: str,
    place: tuple[str, str, float, float, int],
    date: EventDate,
    admin1: str | None = None,
) -> Extraction:
    name, country, lat, lon, precision = place
    return Extraction(
        document=Document(
            id=doc_id(text),
            title=title,
            publisher=publisher,
            url=f"https://news.example/{doc_id(text)}",
            published=date.start,
            text=text,
        ),
        entities=[
            Entity(id="e1", name=actor, label="ORG", mentions=[span(text, actor_phrase)]),
        ],
        places=[
            Place(
                id="p1",
                name=name,
                kind="admin1" if precision == 3 else "city",
                country=country,
                admin1=admin1,
                lat=lat,
                lon=lon,
                precision=precision,  # type: ignore[arg-type]
                mentions=[span(text, name)],
            )
        ],
        events=[
            Event(
                id="ev1",
                type=etype,  # type: ignore[arg-type]
                cameo=cameo,
                quad=quad,  # type: ignore[arg-type]
                actor1="e1",
                place="p1",
                date=date,
                trigger=span(text, trigger),
                sentence=(0, text.index(".") + 1),
                confidence=0.8,
            )
        ],
    )


def protest_kessel() -> Extraction:
    return simple(
        "Farmers blocked the ring road around Frankfurt for a second day. Police said nobody "
        "was hurt.",
        title="Farmers block Frankfurt ring road",
        publisher="Valley Herald",
        etype="PROTEST",
        quad="verbal_conflict",
        cameo="14",
        actor="Farmers' Union",
        actor_phrase="Farmers",
        trigger="blocked",
        place=("Frankfurt", "DE", 50.11, 8.68, 1),
        date=day(5),
    )


def protest_province() -> Extraction:
    return simple(
        "Residents protested across Zaporizhzhia Oblast against the curfew. Several towns "
        "reported crowds.",
        title="Curfew protests across the province",
        publisher="Regional Post",
        etype="PROTEST",
        quad="verbal_conflict",
        cameo="14",
        actor="Residents",
        actor_phrase="Residents",
        trigger="protested",
        place=("Zaporizhzhia Oblast", "UA", 47.5, 35.5, 3),
        date=day(12),
        admin1="Zaporizhzhia Oblast",
    )


def aid_nairobi() -> Extraction:
    return simple(
        "The Red Cross delivered food to families in Nairobi after the floods. More convoys are "
        "expected.",
        title="Aid reaches Nairobi flood victims",
        publisher="East Africa Daily",
        etype="AID",
        quad="material_cooperation",
        cameo="07",
        actor="Red Cross",
        actor_phrase="The Red Cross",
        trigger="delivered",
        place=("Nairobi", "KE", -1.29, 36.82, 1),
        date=day(15),
    )


XSS_TEXT = (
    f"Gunmen {XSS_SCRIPT} fought troops near Tirana on Saturday. A witness said "
    f"“{XSS_IMG} everyone ran”. See {XSS_LINK} for more."
)


def xss() -> Extraction:
    """Every article-derived string carries markup or a javascript: URL."""
    t = XSS_TEXT
    return Extraction(
        document=Document(
            id=doc_id(t),
            title=f"Clashes {XSS_SCRIPT} near Tirana {XSS_IMG}",
            url=XSS_LINK,
            publisher=f'<b onmouseover="window.__xss=1">Evil</b> {XSS_IMG}',
            published=dt.date(2025, 3, 8),
            text=t,
        ),
        entities=[
            Entity(
                id="e1",
                name=f"Gunmen {XSS_SCRIPT}",
                label="ORG",
                actor_type="armed_group",
                mentions=[span(t, "Gunmen")],
            ),
            Entity(id="e2", name=f"Troops {XSS_IMG}", label="ORG", mentions=[span(t, "troops")]),
        ],
        places=[
            Place(
                id="p1",
                name=f"Tirana {XSS_IMG}",
                kind="city",
                country="AL",
                lat=41.33,
                lon=19.82,
                precision=1,
                mentions=[span(t, "Tirana")],
            )
        ],
        events=[
            Event(
                id="ev1",
                type="FIGHT",
                cameo="19",
                quad="material_conflict",
                actor1="e1",
                actor2="e2",
                place="p1",
                date=day(8),
                trigger=span(t, "fought"),
                sentence=sentence(t, "Gunmen"),
                confidence=0.75,
            )
        ],
        quotes=[
            Quote(
                id="q1",
                text=f"{XSS_IMG} everyone ran",
                span=span(t, f"{XSS_IMG} everyone ran"),
                kind="direct",
                speaker="e1",
            )
        ],
        claims=[
            Claim(
                id="c1",
                claimant=f"witness {XSS_SCRIPT}",
                stance="assert",
                text=f"{XSS_IMG} everyone ran",
                span=span(t, f"{XSS_IMG} everyone ran"),
                event="ev1",
            ),
            Claim(
                id="c2",
                claimant=f"army {XSS_IMG}",
                stance="deny",
                text=f"fought {XSS_SCRIPT}",
                span=span(t, "fought"),
                event="ev1",
            ),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason=f"assert vs deny {XSS_SCRIPT}")],
    )


def small_corpus() -> list[Extraction]:
    return [shelling(), protest_kessel(), protest_province(), aid_nairobi(), xss()]


_TYPES = [
    ("ASSAULT", "18", "material_conflict"),
    ("FIGHT", "19", "material_conflict"),
    ("PROTEST", "14", "verbal_conflict"),
    ("THREATEN", "13", "verbal_conflict"),
    ("AID", "07", "material_cooperation"),
    ("CONSULT", "04", "verbal_cooperation"),
]


_COUNTRIES = ("UA", "SD", "CD", "ML", "SY", "YE", "MM", "HT", "ET", "SO", "NG", "AF")


def bulk(events: int, per_document: int = 10, seed: int = 7) -> Iterator[Extraction]:
    """``events`` events in documents of ``per_document``, spread over 60 days and the world."""
    rng = random.Random(seed)
    for n in range(0, events, per_document):
        count = min(per_document, events - n)
        parts = [f"Report {n}."]
        for i in range(count):
            parts.append(f"Group{n + i} clashed with forces at Site{n + i}.")
        text = " ".join(parts)
        entities, places, evs = [], [], []
        # Like a real article: one story, a few days, one or two kinds of event.
        base = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(60))
        kinds = rng.sample(_TYPES, 2)
        for i in range(count):
            k = n + i
            etype, cameo, quad = kinds[0] if rng.random() < 0.7 else kinds[1]
            actor = f"Group{k}"
            site = f"Site{k}"
            sent = sentence(text, f"{actor} clashed")
            entities.append(
                Entity(id=f"e{i}", name=actor, label="ORG", mentions=[span(text, actor, sent[0])])
            )
            places.append(
                Place(
                    id=f"p{i}",
                    name=site,
                    kind="city",
                    country=rng.choice(_COUNTRIES),
                    lat=round(rng.uniform(-50, 65), 4),
                    lon=round(rng.uniform(-170, 170), 4),
                    precision=rng.choice((1, 1, 2, 3)),  # type: ignore[arg-type]
                    mentions=[span(text, site, sent[0])],
                )
            )
            start = base + dt.timedelta(days=rng.randrange(3))
            evs.append(
                Event(
                    id=f"ev{i}",
                    type=etype,  # type: ignore[arg-type]
                    cameo=cameo,
                    quad=quad,  # type: ignore[arg-type]
                    actor1=f"e{i}",
                    place=f"p{i}",
                    date=EventDate(start=start, end=start, precision="day"),
                    trigger=span(text, "clashed", sent[0]),
                    sentence=sent,
                    confidence=0.8,
                )
            )
        yield Extraction(
            document=Document(
                id=doc_id(text),
                title=f"Bulk report {n}",
                publisher=f"Outlet {n % 37}",
                published=dt.date(2025, 3, 1),
                text=text,
            ),
            entities=entities,
            places=places,
            events=evs,
        )


def build_db(path: Path, extractions: Iterator[Extraction] | list[Extraction]) -> Path:
    store = Store(str(path))
    try:
        store.migrate()
        batch: list[Extraction] = []
        for x in extractions:
            batch.append(x)
            if len(batch) >= 200:
                store.add_many(batch)
                batch = []
        if batch:
            store.add_many(batch)
    finally:
        store.close()
    return path
