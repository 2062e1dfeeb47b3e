"""Hand-built extractions of short invented reports, for the situation report tests.

Place names and coordinates are real (Afghanistan, Pakistan, Qatar); people, groups and events
are invented. Source numbers follow publication dates: HERAT [1], RUKHA [2], FOLLOW_UP [3],
PESHAWAR [4], EVIL [5] when all are in a report. Every event carries CAMEO root 19, whatever its
type: the report never reads CAMEO codes.
"""

from __future__ import annotations

import datetime as dt

from builders import ARMED_CLASH, claim, entity, event, figure, one_day, place, quote, span
from sitroom.model import AcledType, Contradiction, Document, Extraction

Sept = dt.date(2021, 9, 1)

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
            entity("e1", "Northern Front", "armed_group"),
            entity("e2", "Taliban", "armed_group"),
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
                place="p1",
                date=one_day(Sept),
                fatalities=12,
                acled=ARMED_CLASH,
            ),
            event(
                t,
                "v2",
                "FIGHT",
                "captured",
                actor1="e2",
                place="p1",
                date=one_day(Sept),
                modality="claimed",
                attributed_to="e2",
                acled=ARMED_CLASH,
            ),
        ],
        claims=[
            claim(t, "c1", "assert", "it had captured Rukha", claimant="e2", event="v2"),
            claim(t, "c2", "deny", "that claim", claimant="e1", event="v2"),
        ],
        contradictions=[Contradiction(claims=("c1", "c2"), reason="Northern Front denies it")],
        figures=[
            figure(t, "More than 3,000 families", 3000, qualifier="more_than", what="families"),
            figure(t, "12", 12, what="fighters", event="v1"),
        ],
        quotes=[
            quote(
                t,
                "q1",
                "we will not surrender",
                "direct",
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
        entities=[
            entity("e1", "Northern Front", "armed_group"),
            entity("e2", "Taliban", "armed_group"),
        ],
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
                place="p1",
                date=one_day(Sept),
                fatalities=15,
                acled=ARMED_CLASH,
            ),
            event(
                t,
                "v2",
                "CONSULT",
                "Talks",
                cameo="19",
                place="p2",
                date=one_day(dt.date(2021, 9, 8)),
                modality="planned",
            ),
        ],
        claims=[
            claim(t, "c1", "deny", "reports of the fall of Rukha", claimant="e1", event="v1"),
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
                cameo="19",
                actor2="e1",
                place="p1",
                date=one_day(dt.date(2021, 8, 19)),
                fatalities=3,
                acled=AcledType(
                    event_type="Explosions/Remote violence",
                    sub_event_type="Remote explosive/landmine/IED",
                ),
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
        entities=[entity("e1", "Militants", "armed_group")],
        places=[place("p1", "Peshawar", "PK", 34.01, 71.58)],
        events=[
            event(
                t,
                "v1",
                "ASSAULT",
                "raid",
                cameo="19",
                actor1="e1",
                place="p1",
                date=one_day(dt.date(2021, 9, 2)),
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
            entity("e1", "<img src=x onerror=alert(1)>", "armed_group"),
            entity("e2", "<svg onload=alert(2)>", "armed_group"),
            entity("e3", "[envoy](javascript:alert(9))", "person"),
        ],
        places=[place("p1", '"><script>alert(3)</script>', "AF", 34.5, 69.2)],
        events=[
            event(
                t,
                "v1",
                "ASSAULT",
                "attacked",
                cameo="19",
                actor1="e1",
                actor2="e2",
                place="p1",
                date=one_day(dt.date(2021, 9, 3)),
            ),
        ],
        quotes=[
            quote(t, "q1", "<script>alert(4)</script> javascript:alert(5)", "direct", speaker="e3"),
        ],
    )


__all__ = ["Sept", "evil", "follow_up", "herat", "peshawar", "rukha"]
