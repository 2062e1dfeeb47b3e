"""Hand-built extractions over short invented news texts, shared by the store and export tests.

Places and countries are fictional; XA and XB are ISO 3166 user-assigned codes.
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
    TimeSpan,
)

# The emoji and the umlaut come first so that sentence offsets must count code points.
TEXT_A = (
    "📍 Zürich desk. Border guards of Ruritania shelled the village of Vostok on Monday, "
    "killing four civilians, local officials reportedly said. The Ruritanian Defence Ministry "
    "denied any attack, its spokeswoman Mara Velen saying the RBG had “only returned fire”. "
    "Damage was put at about 2.5 million dollars. The Österlich government said talks with "
    "Ruritania would resume next week in Lindau."
)

TEXT_B = (
    "Farmers blocked the ring road around Kessel for a second day. "
    "Police in Kessel said nobody was hurt."
)


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return (start, start + len(phrase))


def sentence(text: str, starts_with: str) -> Span:
    start = text.index(starts_with)
    return (start, text.index(".", start) + 1)


def build_rich() -> Extraction:
    t = TEXT_A
    guards = "Border guards of Ruritania"
    return Extraction(
        document=Document(
            id="a1b2c3d4e5f60718",
            title="Shelling in Vostok; Ruritania denies attack",
            url="https://news.example/vostok",
            publisher="Example Wire",
            published=dt.date(2025, 3, 4),
            language="en",
            license="CC-BY-4.0",
            text=t,
        ),
        entities=[
            Entity(
                id="e1",
                name="Ruritanian Border Guard",
                label="ORG",
                actor_type="armed_group",
                aliases=[guards, "RBG"],
                country="XA",
                mentions=[span(t, guards), span(t, "RBG")],
            ),
            Entity(
                id="e2",
                name="Ruritanian Defence Ministry",
                label="ORG",
                actor_type="government",
                country="XA",
                mentions=[span(t, "Ruritanian Defence Ministry")],
            ),
            Entity(
                id="e3",
                name="Mara Velen",
                label="PERSON",
                actor_type="person",
                affiliation="e2",
                role="spokeswoman",
                mentions=[span(t, "Mara Velen")],
            ),
            Entity(
                id="e4",
                name="Österlich Government",
                label="ORG",
                actor_type="state",
                aliases=["The Österlich government"],
                country="XB",
                mentions=[span(t, "The Österlich government")],
            ),
        ],
        places=[
            Place(
                id="p1",
                name="Vostok",
                kind="city",
                country="XA",
                admin1="Eastern Province",
                lat=47.123456789,
                lon=-31.987654321,
                geonames_id=7654321,
                precision=1,
                mentions=[span(t, "Vostok")],
            ),
            Place(id="p2", name="Lindau", kind="city", country="xb", precision=2),
        ],
        times=[
            TimeSpan(
                text="on Monday",
                start=dt.date(2025, 3, 3),
                end=dt.date(2025, 3, 3),
                precision="day",
                span=span(t, "on Monday"),
            ),
            TimeSpan(
                text="next week",
                start=dt.date(2025, 3, 10),
                end=dt.date(2025, 3, 16),
                precision="week",
                span=span(t, "next week"),
            ),
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
                date=EventDate(start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 3), precision="day"),
                fatalities=4,
                trigger=span(t, "shelled"),
                sentence=sentence(t, "Border guards"),
                confidence=0.87,
            ),
            Event(
                id="ev2",
                type="ASSAULT",
                cameo="18",
                quad="material_conflict",
                actor1="e2",
                date=EventDate(start=dt.date(2025, 3, 3)),
                modality="denied",
                attributed_to="e3",
                trigger=span(t, "attack"),
                sentence=sentence(t, "The Ruritanian"),
                confidence=0.6,
            ),
            Event(
                id="ev3",
                type="CONSULT",
                cameo="04",
                quad="verbal_cooperation",
                actor1="e4",
                actor2="e1",
                place="p2",
                date=EventDate(
                    start=dt.date(2025, 3, 10), end=dt.date(2025, 3, 16), precision="week"
                ),
                modality="planned",
                trigger=span(t, "talks"),
                sentence=sentence(t, "The Österlich"),
                confidence=0.71,
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text="only returned fire",
                span=span(t, "only returned fire"),
                kind="partial",
                speaker="e3",
                speaker_span=span(t, "Mara Velen"),
                cue="saying",
            ),
            Quote(
                id="q2",
                text="talks with Ruritania would resume next week in Lindau",
                span=span(t, "talks with Ruritania would resume next week in Lindau"),
                kind="indirect",
                speaker="e4",
            ),
        ],
        claims=[
            Claim(
                id="c1",
                claimant="local officials",
                stance="assert",
                text="Border guards of Ruritania shelled the village of Vostok",
                span=span(t, "Border guards of Ruritania shelled the village of Vostok"),
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
        figures=[
            Figure(
                value=4, unit="people", what="civilians killed", span=span(t, "four"), event="ev1"
            ),
            Figure(
                value=2.5e6,
                unit="USD",
                qualifier="about",
                what="damage",
                span=span(t, "about 2.5 million dollars"),
            ),
        ],
    )


def build_plain() -> Extraction:
    t = TEXT_B
    return Extraction(
        document=Document(id="0f0e0d0c0b0a0908", publisher="Valley Herald", text=t),
        entities=[
            Entity(id="e1", name="farmers", label="NORP", mentions=[span(t, "Farmers")]),
            Entity(id="e2", name="Kessel police", label="ORG", aliases=["Police in Kessel"]),
        ],
        places=[Place(id="p1", name="Kessel", kind="city", country="XB", precision=1)],
        events=[
            Event(
                id="ev1",
                type="PROTEST",
                cameo="14",
                quad="verbal_conflict",
                actor1="e1",
                place="p1",
                date=EventDate(),
                trigger=span(t, "blocked"),
                sentence=sentence(t, "Farmers"),
                confidence=0.9,
            )
        ],
    )


TEXT_C = (
    "Rebels of the Taveuni Front attacked a police post in Waiyevo on 2 May 2025, killing two "
    "officers. Police commissioner Sela Naivalu said “the attackers came by boat” and vowed to "
    "pursue them. Residents of Lakeba protested against the curfew on 3 May."
)


def build_fiji() -> Extraction:
    """Real country codes (FJ), an affiliated actor, and places on both sides of 180°."""
    t = TEXT_C
    return Extraction(
        document=Document(
            id="fj0000000000c0de",
            title="Attack on Waiyevo police post",
            url="https://news.example/waiyevo",
            publisher="Pacific Desk",
            published=dt.date(2025, 5, 4),
            text=t,
        ),
        entities=[
            Entity(
                id="e1",
                name="Taveuni Front",
                label="ORG",
                actor_type="armed_group",
                aliases=["Rebels of the Taveuni Front"],
                country="FJ",
                mentions=[span(t, "Rebels of the Taveuni Front")],
            ),
            Entity(id="e2", name="Fiji Police Force", label="ORG", actor_type="government"),
            Entity(
                id="e3",
                name="Sela Naivalu",
                label="PERSON",
                actor_type="person",
                affiliation="e2",
                role="commissioner",
                mentions=[span(t, "Sela Naivalu")],
            ),
            Entity(id="e4", name="residents of Lakeba", label="NORP"),
        ],
        places=[
            Place(
                id="p1",
                name="Waiyevo",
                kind="city",
                country="FJ",
                admin1="Northern",
                lat=-16.79,
                lon=179.98,
                precision=1,
            ),
            Place(
                id="p2",
                name="Lakeba",
                kind="locality",
                country="FJ",
                admin1="Eastern",
                lat=-18.2,
                lon=-178.8,
                precision=2,
            ),
        ],
        events=[
            Event(
                id="ev1",
                type="FIGHT",
                cameo="19",
                acled=AcledType(event_type="Battles", sub_event_type="Armed clash"),
                quad="material_conflict",
                actor1="e1",
                actor2="e2",
                place="p1",
                date=EventDate(start=dt.date(2025, 5, 2), end=dt.date(2025, 5, 2), precision="day"),
                fatalities=2,
                trigger=span(t, "attacked"),
                sentence=sentence(t, "Rebels"),
                confidence=0.8,
            ),
            Event(
                id="ev2",
                type="THREATEN",
                cameo="13",
                quad="verbal_conflict",
                actor1="e3",
                actor2="e1",
                place="p1",
                date=EventDate(start=dt.date(2025, 5, 2), end=dt.date(2025, 5, 2), precision="day"),
                modality="planned",
                attributed_to="e3",
                trigger=span(t, "vowed"),
                sentence=sentence(t, "Police commissioner"),
                confidence=0.55,
            ),
            Event(
                id="ev3",
                type="PROTEST",
                cameo="14",
                acled=AcledType(event_type="Protests", sub_event_type="Peaceful protest"),
                quad="verbal_conflict",
                actor1="e4",
                place="p2",
                date=EventDate(start=dt.date(2025, 5, 3), end=dt.date(2025, 5, 3), precision="day"),
                trigger=span(t, "protested"),
                sentence=sentence(t, "Residents"),
                confidence=0.9,
            ),
        ],
        quotes=[
            Quote(
                id="q1",
                text="the attackers came by boat",
                span=span(t, "the attackers came by boat"),
                kind="direct",
                speaker="e3",
                speaker_span=span(t, "Sela Naivalu"),
                cue="said",
            )
        ],
    )
