"""Hand-built extractions over short invented news texts, shared by the store and export tests.

Places and countries are fictional; XA and XB are ISO 3166 user-assigned codes.
"""

from __future__ import annotations

import datetime as dt

from builders import (
    ARMED_CLASH,
    SHELLING,
    claim,
    entity,
    event,
    figure,
    one_day,
    place,
    quote,
    span,
    spans,
    time_span,
)
from sitroom.model import (
    AcledType,
    Contradiction,
    Document,
    EventDate,
    Extraction,
    Proposition,
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


def build_rich() -> Extraction:
    t = TEXT_A
    guards = "Border guards of Ruritania"
    monday = dt.date(2025, 3, 3)
    week_from, week_to = dt.date(2025, 3, 10), dt.date(2025, 3, 16)
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
            entity(
                "e1",
                "Ruritanian Border Guard",
                "armed_group",
                aliases=[guards, "RBG"],
                country="XA",
                mentions=spans(t, guards, "RBG"),
            ),
            entity(
                "e2",
                "Ruritanian Defence Ministry",
                "government",
                country="XA",
                mentions=spans(t, "Ruritanian Defence Ministry"),
            ),
            entity(
                "e3",
                "Mara Velen",
                "person",
                affiliation="e2",
                role="spokeswoman",
                mentions=spans(t, "Mara Velen"),
            ),
            entity(
                "e4",
                "Österlich Government",
                "state",
                aliases=["The Österlich government"],
                country="XB",
                mentions=spans(t, "The Österlich government"),
            ),
        ],
        places=[
            place(
                "p1",
                "Vostok",
                "XA",
                lat=47.123456789,
                lon=-31.987654321,
                admin1="Eastern Province",
                geonames_id=7654321,
                mentions=spans(t, "Vostok"),
            ),
            place("p2", "Lindau", "xb", precision=2),
        ],
        times=[
            time_span(t, "on Monday", monday),
            time_span(t, "next week", week_from, week_to, "week"),
        ],
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
                date=one_day(monday),
                fatalities=4,
                confidence=0.87,
            ),
            event(
                t,
                "ev2",
                "ASSAULT",
                "attack",
                actor1="e2",
                date=EventDate(start=monday),
                modality="denied",
                attributed_to="e3",
                confidence=0.6,
            ),
            event(
                t,
                "ev3",
                "CONSULT",
                "talks",
                actor1="e4",
                actor2="e1",
                place="p2",
                date=EventDate(start=week_from, end=week_to, precision="week"),
                modality="planned",
                confidence=0.71,
            ),
        ],
        quotes=[
            quote(
                t,
                "q1",
                "only returned fire",
                "partial",
                speaker="e3",
                speaker_span=span(t, "Mara Velen"),
                cue="saying",
            ),
            quote(
                t,
                "q2",
                "talks with Ruritania would resume next week in Lindau",
                "indirect",
                speaker="e4",
            ),
        ],
        claims=[
            claim(
                t,
                "c1",
                "assert",
                "Border guards of Ruritania shelled the village of Vostok",
                claimant="local officials",
                event="ev1",
                hedges=["reportedly"],
                claimant_text="local officials",
                claimant_span=span(t, "local officials"),
                proposition=Proposition(
                    kind="event",
                    family="violence",
                    event_type="ASSAULT",
                    actors=[guards],
                    place="Vostok",
                    date=monday,
                    subject=guards,
                    predicate="shell vostok",
                    text="violence by Border guards of Ruritania in Vostok",
                ),
            ),
            claim(
                t,
                "c2",
                "deny",
                "any attack",
                claimant="e2",
                event="ev1",
                side="e2",
                embedded_in="c1",
                proposition=Proposition(kind="statement", text="any attack"),
            ),
        ],
        contradictions=[
            Contradiction(
                claims=("c1", "c2"),
                reason="assert vs deny of ev1",
                proposition="violence in Vostok",
                sides=("local officials", "Ruritanian Defence Ministry"),
            )
        ],
        figures=[
            figure(t, "four", 4, what="civilians killed", event="ev1"),
            figure(t, "about 2.5 million dollars", 2.5e6, "USD", qualifier="about", what="damage"),
        ],
    )


def build_plain() -> Extraction:
    t = TEXT_B
    return Extraction(
        document=Document(id="0f0e0d0c0b0a0908", publisher="Valley Herald", text=t),
        entities=[
            entity("e1", "farmers", label="NORP", mentions=spans(t, "Farmers")),
            entity("e2", "Kessel police", aliases=["Police in Kessel"]),
        ],
        places=[place("p1", "Kessel", "XB")],
        events=[event(t, "ev1", "PROTEST", "blocked", actor1="e1", place="p1", confidence=0.9)],
    )


TEXT_C = (
    "Rebels of the Taveuni Front attacked a police post in Waiyevo on 2 May 2025, killing two "
    "officers. Police commissioner Sela Naivalu said “the attackers came by boat” and vowed to "
    "pursue them. Residents of Lakeba protested against the curfew on 3 May."
)


def build_fiji() -> Extraction:
    """Real country codes (FJ), an affiliated actor, and places on both sides of 180°."""
    t = TEXT_C
    may_2 = one_day(dt.date(2025, 5, 2))
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
            entity(
                "e1",
                "Taveuni Front",
                "armed_group",
                aliases=["Rebels of the Taveuni Front"],
                country="FJ",
                mentions=spans(t, "Rebels of the Taveuni Front"),
            ),
            entity("e2", "Fiji Police Force", "government"),
            entity(
                "e3",
                "Sela Naivalu",
                "person",
                affiliation="e2",
                role="commissioner",
                mentions=spans(t, "Sela Naivalu"),
            ),
            entity("e4", "residents of Lakeba", label="NORP"),
        ],
        places=[
            place("p1", "Waiyevo", "FJ", -16.79, 179.98, admin1="Northern"),
            place(
                "p2", "Lakeba", "FJ", -18.2, -178.8, kind="locality", precision=2, admin1="Eastern"
            ),
        ],
        events=[
            event(
                t,
                "ev1",
                "FIGHT",
                "attacked",
                acled=ARMED_CLASH,
                actor1="e1",
                actor2="e2",
                place="p1",
                date=may_2,
                fatalities=2,
            ),
            event(
                t,
                "ev2",
                "THREATEN",
                "vowed",
                actor1="e3",
                actor2="e1",
                place="p1",
                date=may_2,
                modality="planned",
                attributed_to="e3",
                confidence=0.55,
            ),
            event(
                t,
                "ev3",
                "PROTEST",
                "protested",
                acled=AcledType(event_type="Protests", sub_event_type="Peaceful protest"),
                actor1="e4",
                place="p2",
                date=one_day(dt.date(2025, 5, 3)),
                confidence=0.9,
            ),
        ],
        quotes=[
            quote(
                t,
                "q1",
                "the attackers came by boat",
                "direct",
                speaker="e3",
                speaker_span=span(t, "Sela Naivalu"),
                cue="said",
            )
        ],
    )
