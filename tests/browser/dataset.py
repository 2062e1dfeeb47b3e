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

from builders import (
    PLOVER_CODES,
    SHELLING,
    Precision,
    claim,
    entity,
    event,
    one_day,
    place,
    quote,
    sentence,
    span,
    spans,
    time_span,
)
from sitroom.model import (
    Contradiction,
    Document,
    EventDate,
    Extraction,
    Place,
    PloverType,
    Span,
)
from sitroom.store import Store

XSS_SCRIPT = "<script>window.__xss = 1; alert('xss')</script>"
XSS_IMG = "<img src=x onerror=\"window.__xss = 1; alert('img')\">"
XSS_LINK = "javascript:window.__xss=1;alert('link')"


def doc_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def march(day: int) -> dt.date:
    return dt.date(2025, 3, day)


SHELLING_TEXT = (
    "📍 Kharkiv desk. Border guards shelled the village of Vovchansk on Monday, killing four "
    "civilians, local officials reportedly said. The Defence Ministry denied any attack, its "
    "spokeswoman Mara Velen saying the guards had “only returned fire”. Talks with the "
    "neighbours would resume next week in Geneva."
)


def shelling() -> Extraction:
    t = SHELLING_TEXT
    return Extraction(
        document=Document(
            id=doc_id(t),
            title="Shelling in Vovchansk; ministry denies attack",
            url="https://news.example/vovchansk",
            publisher="Example Wire",
            published=march(4),
            text=t,
        ),
        entities=[
            entity(
                "e1",
                "Border Guard Service",
                "armed_group",
                aliases=["Border guards"],
                mentions=spans(t, "Border guards"),
            ),
            entity(
                "e2", "Defence Ministry", "government", mentions=spans(t, "The Defence Ministry")
            ),
            entity("e3", "Mara Velen", "person", affiliation="e2", mentions=spans(t, "Mara Velen")),
        ],
        places=[
            place(
                "p1",
                "Vovchansk",
                "UA",
                lat=50.29,
                lon=36.94,
                admin1="Kharkiv Oblast",
                mentions=spans(t, "Vovchansk"),
            ),
            place("p2", "Geneva", "CH", 46.2, 6.14, mentions=spans(t, "Geneva")),
        ],
        times=[time_span(t, "on Monday", march(3))],
        events=[
            event(
                t,
                "ev1",
                "ASSAULT",
                "shelled",
                mode="bombard",
                acled=SHELLING,
                actor1="e1",
                place="p1",
                date=one_day(march(3)),
                fatalities=4,
                confidence=0.87,
            ),
            event(
                t,
                "ev2",
                "CONSULT",
                "Talks",
                actor1="e2",
                place="p2",
                date=EventDate(start=march(10), end=march(16), precision="week"),
                modality="planned",
                confidence=0.7,
            ),
        ],
        quotes=[quote(t, "q1", "only returned fire", "partial", speaker="e3", cue="saying")],
        claims=[
            claim(
                t,
                "c1",
                "assert",
                "Border guards shelled the village of Vovchansk",
                claimant="local officials",
                event="ev1",
                hedges=["reportedly"],
            ),
            claim(t, "c2", "deny", "any attack", claimant="e2", event="ev1"),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason="assert vs deny of ev1")],
    )


def single_event(
    text: str,
    *,
    title: str,
    publisher: str,
    kind: PloverType,
    actor: str,
    actor_phrase: str,
    trigger: str,
    where: tuple[str, str, float, float, Precision],
    day: int,
    admin1: str | None = None,
) -> Extraction:
    """An article with one event by one actor at one place, published on the ``day`` of March
    2025 it happened."""
    name, country, lat, lon, precision = where
    return Extraction(
        document=Document(
            id=doc_id(text),
            title=title,
            publisher=publisher,
            url=f"https://news.example/{doc_id(text)}",
            published=march(day),
            text=text,
        ),
        entities=[entity("e1", actor, mentions=spans(text, actor_phrase))],
        places=[
            place(
                "p1",
                name,
                country,
                lat,
                lon,
                kind="admin1" if precision == 3 else "city",
                precision=precision,
                admin1=admin1,
                mentions=spans(text, name),
            )
        ],
        events=[
            event(text, "ev1", kind, trigger, actor1="e1", place="p1", date=one_day(march(day)))
        ],
    )


def protest_frankfurt() -> Extraction:
    return single_event(
        "Farmers blocked the ring road around Frankfurt for a second day. Police said nobody "
        "was hurt.",
        title="Farmers block Frankfurt ring road",
        publisher="Valley Herald",
        kind="PROTEST",
        actor="Farmers' Union",
        actor_phrase="Farmers",
        trigger="blocked",
        where=("Frankfurt", "DE", 50.11, 8.68, 1),
        day=5,
    )


def protest_province() -> Extraction:
    return single_event(
        "Residents protested across Zaporizhzhia Oblast against the curfew. Several towns "
        "reported crowds.",
        title="Curfew protests across the province",
        publisher="Regional Post",
        kind="PROTEST",
        actor="Residents",
        actor_phrase="Residents",
        trigger="protested",
        where=("Zaporizhzhia Oblast", "UA", 47.5, 35.5, 3),
        day=12,
        admin1="Zaporizhzhia Oblast",
    )


def aid_nairobi() -> Extraction:
    return single_event(
        "The Red Cross delivered food to families in Nairobi after the floods. More convoys are "
        "expected.",
        title="Aid reaches Nairobi flood victims",
        publisher="East Africa Daily",
        kind="AID",
        actor="Red Cross",
        actor_phrase="The Red Cross",
        trigger="delivered",
        where=("Nairobi", "KE", -1.29, 36.82, 1),
        day=15,
    )


XSS_TEXT = (
    f"Gunmen {XSS_SCRIPT} fought troops near Tirana on Saturday. A witness said "
    f"“{XSS_IMG} everyone ran”. See {XSS_LINK} for more."
)


def xss() -> Extraction:
    """Every article-derived string carries markup or a javascript: URL."""
    t = XSS_TEXT
    ran = f"{XSS_IMG} everyone ran"
    return Extraction(
        document=Document(
            id=doc_id(t),
            title=f"Clashes {XSS_SCRIPT} near Tirana {XSS_IMG}",
            url=XSS_LINK,
            publisher=f'<b onmouseover="window.__xss=1">Evil</b> {XSS_IMG}',
            published=march(8),
            text=t,
        ),
        entities=[
            entity("e1", f"Gunmen {XSS_SCRIPT}", "armed_group", mentions=spans(t, "Gunmen")),
            entity("e2", f"Troops {XSS_IMG}", mentions=spans(t, "troops")),
        ],
        places=[place("p1", f"Tirana {XSS_IMG}", "AL", 41.33, 19.82, mentions=spans(t, "Tirana"))],
        events=[
            event(
                t,
                "ev1",
                "FIGHT",
                "fought",
                # Ends at the first full stop, inside the script tag: the span these tests
                # were first written with.
                in_sentence=(0, t.index(".") + 1),
                actor1="e1",
                actor2="e2",
                place="p1",
                date=one_day(march(8)),
                confidence=0.75,
            )
        ],
        quotes=[quote(t, "q1", ran, "direct", speaker="e1")],
        claims=[
            claim(t, "c1", "assert", ran, claimant=f"witness {XSS_SCRIPT}", event="ev1"),
            claim(
                t,
                "c2",
                "deny",
                "fought",
                wording=f"fought {XSS_SCRIPT}",
                claimant=f"army {XSS_IMG}",
                event="ev1",
            ),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason=f"assert vs deny {XSS_SCRIPT}")],
    )


def small_corpus() -> list[Extraction]:
    return [shelling(), protest_frankfurt(), protest_province(), aid_nairobi(), xss()]


_COUNTRIES = ("UA", "SD", "CD", "ML", "SY", "YE", "MM", "HT", "ET", "SO", "NG", "AF")
# Exact places are twice as common as districts or provinces.
_PRECISIONS: tuple[Precision, ...] = (1, 1, 2, 3)


def bulk(events: int, per_document: int = 10, seed: int = 7) -> Iterator[Extraction]:
    """``events`` events in documents of ``per_document``, spread over 60 days and the world."""
    rng = random.Random(seed)
    for n in range(0, events, per_document):
        yield _bulk_report(rng, n, min(per_document, events - n))


def _bulk_report(rng: random.Random, n: int, count: int) -> Extraction:
    """Report ``n``: groups ``n`` to ``n + count - 1`` each clash with forces at their own site."""
    clashes = [f"Group{k} clashed with forces at Site{k}." for k in range(n, n + count)]
    text = " ".join([f"Report {n}.", *clashes])
    # Like a real article: one story, a few days, one or two kinds of event.
    base = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(60))
    kinds = rng.sample(list(PLOVER_CODES), 2)
    entities, places, events = [], [], []
    for i in range(count):
        kind = kinds[0] if rng.random() < 0.7 else kinds[1]
        actor, site = f"Group{n + i}", f"Site{n + i}"
        within = sentence(text, f"{actor} clashed")
        entities.append(entity(f"e{i}", actor, mentions=[span(text, actor, within[0])]))
        places.append(_random_place(rng, f"p{i}", site, mention=span(text, site, within[0])))
        day = base + dt.timedelta(days=rng.randrange(3))
        events.append(
            event(
                text,
                f"ev{i}",
                kind,
                "clashed",
                in_sentence=within,
                actor1=f"e{i}",
                place=f"p{i}",
                date=one_day(day),
            )
        )
    return Extraction(
        document=Document(
            id=doc_id(text),
            title=f"Bulk report {n}",
            publisher=f"Outlet {n % 37}",
            published=march(1),
            text=text,
        ),
        entities=entities,
        places=places,
        events=events,
    )


def _random_place(rng: random.Random, pid: str, name: str, mention: Span) -> Place:
    return place(
        pid,
        name,
        rng.choice(_COUNTRIES),
        round(rng.uniform(-50, 65), 4),
        round(rng.uniform(-170, 170), 4),
        precision=rng.choice(_PRECISIONS),
        mentions=[mention],
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
