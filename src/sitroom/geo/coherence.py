"""Agreement between readings of a document's names, for resolution's later passes.

Local news names places near each other: "Alexandria" next to "Pineville" and "Rapides Parish" is
the Louisiana town, not the Egyptian city. A candidate gains ``SAME_ADMIN1_BONUS`` for each other
name (up to ``COHERENCE_CAP``) whose previous reading lies in the same first-level area, and
``NEAR_BONUS`` for each (up to the same cap) whose reading is a town, a site or a US county
(placed among its towns) within ``NEAR_KM``. Areas count for the first, only points for the
second; readings in other countries for neither, and neither does the candidate itself met under
another name ("Kandahar province" does not make the bare "Kandahar" the province).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from sitroom.geo.candidate import Candidate
from sitroom.lang.places import distance_km

SAME_ADMIN1_BONUS = 1.5
NEAR_BONUS = 1.0
NEAR_KM = 100.0
COHERENCE_CAP = 2


@dataclasses.dataclass(frozen=True, slots=True)
class Anchor:
    """A first-pass reading of one of the document's names."""

    group: tuple[str, ...]
    uid: str  # the reading itself: a place does not vouch for itself under another name
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    point: bool  # a town or a site, not an area
    # An area or a well-known place (``sitroom.geo.far_readings``): evidence of where the
    # document is, which a small town's reading, itself often a namesake, is not.
    known: bool = False


def coherence(candidate: Candidate, group: tuple[str, ...], anchors: Iterable[Anchor]) -> float:
    """Agreement with the other names' readings: up to COHERENCE_CAP names in the candidate's
    first-level area, and as many within NEAR_KM of it, each add their bonus."""
    same_area: set[tuple[str, ...]] = set()
    near: set[tuple[str, ...]] = set()
    for anchor in anchors:
        if (
            anchor.group == group
            or anchor.uid == candidate.uid
            or anchor.country != candidate.country
        ):
            continue
        if candidate.admin1 and anchor.admin1 == candidate.admin1:
            same_area.add(anchor.group)
        if (
            anchor.point
            and candidate.lat is not None
            and candidate.lon is not None
            and anchor.lat is not None
            and anchor.lon is not None
            and distance_km(candidate.lat, candidate.lon, anchor.lat, anchor.lon) <= NEAR_KM
        ):
            near.add(anchor.group)
    return SAME_ADMIN1_BONUS * min(COHERENCE_CAP, len(same_area)) + NEAR_BONUS * min(
        COHERENCE_CAP, len(near)
    )


def near_any(candidate: Candidate, anchors: Iterable[Anchor]) -> bool:
    """Whether a town or site reading of another name lies within NEAR_KM of the candidate."""
    if candidate.lat is None or candidate.lon is None:
        return False
    return any(
        anchor.point
        and anchor.country == candidate.country
        and anchor.lat is not None
        and anchor.lon is not None
        and distance_km(candidate.lat, candidate.lon, anchor.lat, anchor.lon) <= NEAR_KM
        for anchor in anchors
    )


__all__ = [
    "COHERENCE_CAP",
    "NEAR_BONUS",
    "NEAR_KM",
    "SAME_ADMIN1_BONUS",
    "Anchor",
    "coherence",
    "near_any",
]
