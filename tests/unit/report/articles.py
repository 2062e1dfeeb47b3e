"""Hand-built extractions of short invented reports, for the situation report tests.

Place names and coordinates are real (Afghanistan, Pakistan, Qatar); people, groups and events
are invented. Source numbers follow publication dates: HERAT [1], RUKHA [2], FOLLOW_UP [3],
PESHAWAR [4], EVIL [5] when all are in a report.
"""

from __future__ import annotations

import datetime as dt

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
)

Sept = dt.date(2021, 9, 1)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return (start, start + len(phrase))


def sentence(text: str, phrase: str) -> Span:
    start = text.rfind(". ", 0, text.index(phrase))
    start = 0 if start == -1 else start + 2
    return (start, text.index(".", text.index(phrase)) + 1)


def entity(eid: str, name: str, kind: str = "armed_group") -> Entity:
    label = "PERSON" if kind == "person" else "ORG"
    return Entity(id=eid, name=name, label=label, actor_type=kind)  # type: ignore[arg-type]


def place(pid: str, name: str, country: str, lat: float, lon: float, precision: int = 1) -> Place:
    return Place(
        id=pid, name=name, kind="city", country=country, lat=lat, lon=lon, precision=precision
    )  # type: ignore[arg-type]


def event(
    text: str,
    eid: str,
    kind: str,
    trigger: str,
    *,
    quad: str = "material_conflict",
    actor1: str | None = None,
    actor2: str | None = None,
    where: str | None = None,
    day: dt.date | None = None,
    modality: str = "asserted",
    attributed_to: str | None = None,
    fatalities: int | None = None,
    acled: tuple[str, str] | None = None,
) -> Event:
    return Event(
        id=eid,
        type=kind,  # type: ignore[arg-type]
        cameo="19",
        quad=quad,  # type: ignore[arg-type]
        acled=AcledType(event_type=acled[0], sub_event_type=acled[1]) if acled else None,
        actor1=actor1,
        actor2=actor2,
        place=where,
        date=EventDate(start=day, end=day, precision="day" if day else None),
        modality=modality,  # type: ignore[arg-type]
        attributed_to=attributed_to,
        fatalities=fatalities,
        trigger=span(text, trigger),
        sentence=sentence(text, trigger),
        confidence=0.8,
    )


BATTLES = ("Battles", "Armed clash")

RUKHA_TEXT = (
    "Fighters of the Northern Front attacked Taliban positions in Rukha on Wednesday, killing 12 "
    "fighters. The Taliban said it had captured Rukha. The Northern Front denied that claim. "
    "More than 3,000 families fled Rukha, officials said. Commander Amrullah Noor said "
    "“we will not surrender”."
)


def rukha() -> Extraction:
    t = RUKHA_TEXT
    return Extraction(
        document=Document(
            id="a000000000000001",
            title="Northern Front attacks Taliban in Rukha",
            url="https://news.example/rukha",
            publisher="Example Wire",
            published=dt.date(2021, 9, 2),
            license="CC-BY-4.0",
            text=t,
        ),
        entities=[
            entity("e1", "Northern Front"),
            entity("e2", "Taliban"),
            entity("e3", "Amrullah Noor", "person"),
        ],
        places=[place("p1", "Rukha", "AF", 35.43, 69.53)],
        events=[
            event(
                t,
                "v1",
                "FIGHT",
                "attacked",
                actor1="e1",
                actor2="e2",
                where="p1",
                day=Sept,
                fatalities=12,
                acled=BATTLES,
            ),
            event(
                t,
                "v2",
                "FIGHT",
                "captured",
                actor1="e2",
                where="p1",
                day=Sept,
                modality="claimed",
                attributed_to="e2",
                acled=BATTLES,
            ),
        ],
        claims=[
            Claim(
                id="c1",
                claimant="e2",
                stance="assert",
                text="it had captured Rukha",
                span=span(t, "it had captured Rukha"),
                event="v2",
            ),
            Claim(
                id="c2",
                claimant="e1",
                stance="deny",
                text="that claim",
                span=span(t, "that claim"),
                event="v2",
            ),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason="Northern Front denies it")],
        figures=[
            Figure(
                value=3000,
                unit="people",
                qualifier="more_than",
                what="families",
                span=span(t, "More than 3,000 families"),
            ),
            Figure(value=12, unit="people", what="fighters", span=span(t, "12"), event="v1"),
        ],
        quotes=[
            Quote(
                id="q1",
                text="we will not surrender",
                span=span(t, "we will not surrender"),
                kind="direct",
                speaker="e3",
                speaker_span=span(t, "Amrullah Noor"),
            ),
        ],
    )


FOLLOW_UP_TEXT = (
    "The Northern Front attacked Taliban positions in Rukha on Wednesday; 15 died. "
    "A Northern Front spokesman rejected reports of the fall of Rukha. "
    "Talks are planned in Doha next week."
)


def follow_up() -> Extraction:
    """Reports Rukha's fighting in the same terms as ``rukha`` (one development, two sources)."""
    t = FOLLOW_UP_TEXT
    return Extraction(
        document=Document(
            id="b000000000000002",
            title="Rukha fighting: toll rises to 15",
            url="http://other.example/rukha-toll",
            publisher="Other Daily",
            published=dt.date(2021, 9, 3),
            text=t,
        ),
        entities=[entity("e1", "Northern Front"), entity("e2", "Taliban")],
        places=[
            place("p1", "Rukha", "AF", 35.43, 69.53),
            place("p2", "Doha", "QA", 25.29, 51.53),
        ],
        events=[
            event(
                t,
                "v1",
                "FIGHT",
                "attacked",
                actor1="e1",
                actor2="e2",
                where="p1",
                day=Sept,
                fatalities=15,
                acled=BATTLES,
            ),
            event(
                t,
                "v2",
                "CONSULT",
                "Talks",
                quad="verbal_cooperation",
                where="p2",
                day=dt.date(2021, 9, 8),
                modality="planned",
            ),
        ],
        claims=[
            Claim(
                id="c1",
                claimant="e1",
                stance="deny",
                text="reports of the fall of Rukha",
                span=span(t, "reports of the fall of Rukha"),
                event="v1",
            ),
        ],
    )


HERAT_TEXT = "A roadside bomb killed three police officers in Herat on Thursday."


def herat() -> Extraction:
    t = HERAT_TEXT
    return Extraction(
        document=Document(
            id="c000000000000003",
            title="Roadside bomb in Herat",
            published=dt.date(2021, 8, 20),
            text=t,
        ),
        entities=[entity("e1", "Police", "government")],
        places=[place("p1", "Herat", "AF", 34.35, 62.2)],
        events=[
            event(
                t,
                "v1",
                "ASSAULT",
                "killed",
                actor2="e1",
                where="p1",
                day=dt.date(2021, 8, 19),
                fatalities=3,
                acled=("Explosions/Remote violence", "Remote explosive/landmine/IED"),
            ),
        ],
    )


PESHAWAR_TEXT = "Militants claimed a raid in Peshawar on Thursday that they said killed two guards."


def peshawar() -> Extraction:
    t = PESHAWAR_TEXT
    return Extraction(
        document=Document(
            id="d000000000000004",
            title="Raid claimed in Peshawar",
            publisher="Frontier Post",
            published=dt.date(2021, 9, 4),
            text=t,
        ),
        entities=[entity("e1", "Militants")],
        places=[place("p1", "Peshawar", "PK", 34.01, 71.58)],
        events=[
            event(
                t,
                "v1",
                "ASSAULT",
                "raid",
                actor1="e1",
                where="p1",
                day=dt.date(2021, 9, 2),
                modality="claimed",
                attributed_to="e1",
                fatalities=2,
            ),
        ],
    )


XSS = "<script>alert(1)</script>"
EVIL_TEXT = (
    "<img src=x onerror=alert(1)> attacked <svg onload=alert(2)> in "
    '"><script>alert(3)</script> on Friday. '
    "The envoy said “<script>alert(4)</script> javascript:alert(5)”."
)


def evil() -> Extraction:
    """Every stored string an attacker controls, hostile."""
    t = EVIL_TEXT
    return Extraction(
        document=Document(
            id="e000000000000005",
            title=XSS + " <b onmouseover=alert(6)>title</b>",
            url="javascript:alert(7)",
            publisher="Evil & <i>Co</i>",
            published=dt.date(2021, 9, 5),
            license='" onerror="alert(8)',
            text=t,
        ),
        entities=[
            entity("e1", "<img src=x onerror=alert(1)>"),
            entity("e2", "<svg onload=alert(2)>"),
            entity("e3", "[envoy](javascript:alert(9))", "person"),
        ],
        places=[place("p1", '"><script>alert(3)</script>', "AF", 34.5, 69.2)],
        events=[
            event(
                t,
                "v1",
                "ASSAULT",
                "attacked",
                actor1="e1",
                actor2="e2",
                where="p1",
                day=dt.date(2021, 9, 3),
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text="<script>alert(4)</script> javascript:alert(5)",
                span=span(t, "<script>alert(4)</script> javascript:alert(5)"),
                kind="direct",
                speaker="e3",
            ),
        ],
    )


__all__ = ["XSS", "evil", "follow_up", "herat", "peshawar", "rukha"]
