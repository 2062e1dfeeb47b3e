"""Small hand-made articles for the corpus-event tests: three outlets report a seizure of a town,
one denies it, a wire story about a meeting is syndicated, and an unrelated clash happens the
same day elsewhere. All names are invented."""

from __future__ import annotations

import datetime as dt

from builders import claim, entity, event, one_day, place, span
from sitroom.model import Document, Extraction, Modality, Place, PloverType, Stance

# Every article calls its place "p1" and, like its second actor, marks it at a placeholder span:
# the texts are made up around the records, not the records found in the texts.
PLACES: dict[str, Place] = {
    p.name: p
    for p in (
        place("p1", "Tawila", "SD", 13.5, 24.2, admin1="North Darfur", geonames_id=101,
              mentions=[(1, 2)]),
        place("p1", "Kadugli", "SD", 11.0, 29.7, admin1="South Kordofan", geonames_id=102,
              mentions=[(1, 2)]),
        place("p1", "El Fasher", "SD", 13.6, 25.35, admin1="North Darfur", geonames_id=103,
              mentions=[(1, 2)]),
        place("p1", "North Darfur", "SD", 15.0, 25.0, kind="admin1", precision=3,
              admin1="North Darfur", geonames_id=104, mentions=[(1, 2)]),
    )
}  # fmt: skip


def article(
    doc_id: str,
    *,
    publisher: str,
    day: int,
    kind: PloverType,
    actor1: str,
    actor2: str | None = None,
    place: str | None = None,
    modality: Modality = "asserted",
    stance: Stance | None = None,
    fatalities: int | None = None,
    dated: bool = True,
    cameo: str | None = None,
) -> Extraction:
    """A one-sentence article, published the day after ``day`` of May 2025, with one event of
    ``actor1`` (against ``actor2``) and, given a ``stance``, ``actor1``'s claim about it."""
    text = f"{actor1} {kind.lower()} {actor2 or ''} at {place or 'somewhere'} ({doc_id})."
    entities = [entity("a1", actor1, mentions=[span(text, actor1)])]
    if actor2:
        entities.append(entity("a2", actor2, mentions=[(0, 1)]))
    happened = dt.date(2025, 5, day)
    happening = event(
        text, "v1", kind, (0, 4), cameo=cameo, actor1="a1", actor2="a2" if actor2 else None,
        place="p1" if place else None, date=one_day(happened) if dated else None,
        modality=modality, fatalities=fatalities, confidence=0.7,
    )  # fmt: skip
    document = Document(
        id=doc_id,
        text=text,
        publisher=publisher,
        url=f"https://{publisher.lower().replace(' ', '')}.example/{doc_id}",
        published=happened + dt.timedelta(days=1),
    )
    return Extraction(
        document=document,
        entities=entities,
        places=[PLACES[place]] if place else [],
        events=[happening],
        claims=[claim(text, "c1", stance, text, claimant="a1", event="v1")] if stance else [],
    )


SEIZED = article(
    "d-seized", publisher="Hill Courier", day=3, kind="FIGHT", actor1="Free Hills Front",
    actor2="Army of the Plains", place="Tawila", modality="claimed", stance="assert",
    fatalities=6,
)  # fmt: skip
DENIED = article(
    "d-denied", publisher="Plains Post", day=4, kind="FIGHT", actor1="Army of the Plains",
    place="Tawila", modality="denied", stance="deny",
)  # fmt: skip
# Coded with fighting's CAMEO root (19), as first written, not assault's (18): a corpus event
# takes its code from its lead mention, so the corpus tests keep seeing the records they know.
SEIZED_AGAIN = article(
    "d-seized-2", publisher="Hill Courier", day=3, kind="ASSAULT",
    actor1="Free Hills Front forces", place="Tawila", fatalities=9, cameo="19",
)  # fmt: skip
PROVINCE = article(
    "d-province", publisher="Radio Desert", day=3, kind="FIGHT", actor1="Free Hills Front",
    place="North Darfur",
)  # fmt: skip
MEETING = article(
    "d-meeting", publisher="Wire Service", day=5, kind="CONSULT", actor1="UN envoy",
    actor2="Free Hills Front", place="Kadugli",
)  # fmt: skip
MEETING_OTHER_SIDE = article(
    "d-meeting-2", publisher="Plains Post", day=5, kind="CONSULT", actor1="Free Hills Front",
    actor2="UN envoy", place="Kadugli", dated=False,
)  # fmt: skip
OTHER_CLASH = article(
    "d-elfasher", publisher="Plains Post", day=3, kind="FIGHT", actor1="Army of the Plains",
    actor2="Sand Brigade", place="El Fasher",
)  # fmt: skip
NOT_ATTACKED = article(
    "d-negated", publisher="Radio Desert", day=3, kind="FIGHT", actor1="Free Hills Front",
    place="Tawila", modality="negated",
)  # fmt: skip

ARTICLES = (
    SEIZED, DENIED, SEIZED_AGAIN, PROVINCE, MEETING, MEETING_OTHER_SIDE, OTHER_CLASH, NOT_ATTACKED
)  # fmt: skip
