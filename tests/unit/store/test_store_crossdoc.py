"""Contradictions between documents, on every back end."""

from __future__ import annotations

import datetime as dt

from sitroom.model import Claim, Document, Entity, Event, EventDate, Extraction, Place
from sitroom.store import Store


def _article(text: str, claimant: str, stance: str, day: int, place: str = "Tawila") -> Extraction:
    doc = Document(id=f"doc-{claimant}-{stance}", text=text, published=dt.date(2025, 5, day))
    return Extraction(
        document=doc,
        entities=[Entity(id="e1", name=claimant, label="ORG", mentions=[(0, 4)])],
        places=[
            Place(id="p1", name=place, kind="city", country="SD", precision=1, mentions=[(5, 9)])
        ],
        events=[
            Event(
                id="v1",
                type="FIGHT",
                cameo="19",
                quad="material_conflict",
                place="p1",
                date=EventDate(
                    start=dt.date(2025, 5, day), end=dt.date(2025, 5, day), precision="day"
                ),
                modality="claimed" if stance == "assert" else "denied",
                trigger=(10, 14),
                sentence=(0, len(text)),
                confidence=0.8,
            )
        ],
        claims=[
            Claim(id="c1", claimant="e1", stance=stance, text=text[:14], span=(0, 14), event="v1")  # type: ignore[arg-type]
        ],
    )


CLAIM = _article("Rebels say they took Tawila town.", "Free Hills Front", "assert", 3)
DENIAL = _article("Army says nobody took Tawila town.", "Army of the Plains", "deny", 4)


def test_denial_in_another_document_contradicts_the_claim(store: Store) -> None:
    store.migrate()
    store.add(CLAIM)
    store.add(DENIAL)
    assert store.link_cross_contradictions([DENIAL.document.id]) == 1
    [pair] = store.cross_contradictions()
    assert (pair.assert_document, pair.deny_document) == (CLAIM.document.id, DENIAL.document.id)
    assert (pair.assert_claimant, pair.deny_claimant) == ("Free Hills Front", "Army of the Plains")
    assert "FIGHT at Tawila" in pair.reason
    # Linking again, or from the other document, adds nothing: pairs are stored assert side first.
    assert store.link_cross_contradictions([CLAIM.document.id, DENIAL.document.id]) == 0
    assert {row.claim_id for row in store.claims() if row.contested} == {"c1"}


def test_other_places_times_or_the_same_claimant_do_not_contradict(store: Store) -> None:
    store.migrate()
    elsewhere = _article(
        "Army says nobody took Mellit town.", "Army of the Plains", "deny", 4, "Mellit"
    )
    much_later = _article("Army says nobody took Tawila town!", "Army of the Plains", "deny", 28)
    same_party = _article("Rebels now say they lost Tawila.", "Free Hills Front", "deny", 4)
    for ex in (CLAIM, elsewhere, much_later, same_party):
        store.add(ex)
    ids = [ex.document.id for ex in (elsewhere, much_later, same_party)]
    assert store.link_cross_contradictions(ids) == 0
    assert store.cross_contradictions() == []
