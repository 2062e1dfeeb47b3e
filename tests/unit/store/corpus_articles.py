"""Small hand-made articles for the corpus-event tests: three outlets report a seizure of a town,
one denies it, a wire story about a meeting is syndicated, and an unrelated clash happens the
same day elsewhere. All names are invented."""

from __future__ import annotations

import datetime as dt

from sitroom.model import Claim, Document, Entity, Event, EventDate, Extraction, Place

_PLACES = {
    "Tawila": ("city", "SD", "North Darfur", 13.5, 24.2, 1, 101),
    "Kadugli": ("city", "SD", "South Kordofan", 11.0, 29.7, 1, 102),
    "El Fasher": ("city", "SD", "North Darfur", 13.6, 25.35, 1, 103),
    "North Darfur": ("admin1", "SD", "North Darfur", 15.0, 25.0, 3, 104),
}


def article(
    doc_id: str,
    *,
    publisher: str,
    day: int,
    kind: str,
    actor1: str,
    actor2: str | None = None,
    place: str | None = None,
    modality: str = "asserted",
    stance: str | None = None,
    fatalities: int | None = None,
    dated: bool = True,
) -> Extraction:
    text = f"{actor1} {kind.lower()} {actor2 or ''} at {place or 'somewhere'} ({doc_id})."
    entities = [Entity(id="a1", name=actor1, label="ORG", mentions=[(0, len(actor1))])]
    if actor2:
        entities.append(Entity(id="a2", name=actor2, label="ORG", mentions=[(0, 1)]))
    places = []
    if place:
        kind_, country, admin1, lat, lon, precision, gid = _PLACES[place]
        places.append(
            Place(
                id="p1",
                name=place,
                kind=kind_,  # type: ignore[arg-type]
                country=country,
                admin1=admin1,
                lat=lat,
                lon=lon,
                precision=precision,
                geonames_id=gid,
                mentions=[(1, 2)],
            )
        )
    day_ = dt.date(2025, 5, day)
    quad = "verbal_cooperation" if kind == "CONSULT" else "material_conflict"
    event = Event(
        id="v1",
        type=kind,  # type: ignore[arg-type]
        cameo="04" if kind == "CONSULT" else "19",
        quad=quad,  # type: ignore[arg-type]
        actor1="a1",
        actor2="a2" if actor2 else None,
        place="p1" if place else None,
        date=EventDate(start=day_, end=day_, precision="day") if dated else EventDate(),
        modality=modality,  # type: ignore[arg-type]
        fatalities=fatalities,
        trigger=(0, 4),
        sentence=(0, len(text)),
        confidence=0.7,
    )
    claims = []
    if stance:
        claims.append(
            Claim(id="c1", claimant="a1", stance=stance, text=text, span=(0, len(text)), event="v1")  # type: ignore[arg-type]
        )
    document = Document(
        id=doc_id,
        text=text,
        publisher=publisher,
        url=f"https://{publisher.lower().replace(' ', '')}.example/{doc_id}",
        published=day_ + dt.timedelta(days=1),
    )
    return Extraction(
        document=document, entities=entities, places=places, events=[event], claims=claims
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
SEIZED_AGAIN = article(
    "d-seized-2", publisher="Hill Courier", day=3, kind="ASSAULT",
    actor1="Free Hills Front forces", place="Tawila", fatalities=9,
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
