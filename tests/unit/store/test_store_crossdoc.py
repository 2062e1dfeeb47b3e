"""Contradictions between documents, on every back end."""

from __future__ import annotations

import datetime as dt

from builders import claim, entity, event, one_day, place
from sitroom.model import Document, Extraction, Proposition, Stance
from sitroom.store import Store


def _article(
    text: str, claimant: str, stance: Stance, day: int, town: str = "Tawila"
) -> Extraction:
    """One sentence, published on ``day`` of May 2025, in which ``claimant`` asserts or denies
    fighting at ``town`` that day. Its mentions and trigger sit at fixed offsets, whatever words
    stand there: the store finds contradictions in the records, not in the text."""
    that_day = dt.date(2025, 5, day)
    return Extraction(
        document=Document(id=f"doc-{claimant}-{stance}", text=text, published=that_day),
        entities=[entity("e1", claimant, mentions=[(0, 4)])],
        places=[place("p1", town, "SD", mentions=[(5, 9)])],
        events=[
            event(
                text,
                "v1",
                "FIGHT",
                (10, 14),
                in_sentence=(0, len(text)),
                place="p1",
                date=one_day(that_day),
                modality="claimed" if stance == "assert" else "denied",
            )
        ],
        claims=[claim(text, "c1", stance, text[:14], claimant="e1", event="v1")],
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


def _statement(claimant: str, stance: Stance, subject: str) -> Extraction:
    """A claim about no event: ``subject`` called the victim, asserted or denied."""
    text = f"{claimant} says {subject} called the victim."
    return Extraction(
        document=Document(id=f"doc-{claimant}-{stance}", text=text),
        entities=[entity("e1", claimant, mentions=[(0, len(claimant))])],
        claims=[
            claim(
                text,
                "c1",
                stance,
                f"{subject} called the victim",
                claimant="e1",
                proposition=Proposition(
                    kind="statement", subject=subject, predicate="call victim", text="call"
                ),
            )
        ],
    )


def test_propositions_meet_without_an_event_and_by_a_short_name(store: Store) -> None:
    store.migrate()
    police = _statement("City Police", "assert", "Marko Petrov")
    lawyer = _statement("Tom Reyes", "deny", "Petrov")
    same_side = _statement("City Police", "deny", "Petrov")
    for ex in (police, lawyer, same_side):
        store.add(ex)
    assert store.link_cross_contradictions([lawyer.document.id, same_side.document.id]) == 1
    [pair] = store.cross_contradictions()
    assert (pair.assert_claimant, pair.deny_claimant) == ("City Police", "Tom Reyes")
    assert pair.reason == "Tom Reyes denies what City Police claims: call"


def _doer(claimant: str, doer: str, day: int) -> Extraction:
    """``claimant`` says ``doer`` carried out the bombing at Tawila (a claim of who did it)."""
    text = f"{claimant} says {doer} bombed Tawila."
    bombing = Proposition(
        kind="event",
        family="violence",
        actors=[doer],
        responsibility=True,
        place="Tawila",
        date=dt.date(2025, 5, day),
        text=f"ASSAULT at Tawila by {doer}",
    )
    return Extraction(
        document=Document(id=f"doc-{claimant}", text=text, published=dt.date(2025, 5, day)),
        entities=[entity("e1", claimant, mentions=[(0, len(claimant))])],
        claims=[claim(text, "c1", "assert", f"{doer} bombed", claimant="e1", proposition=bombing)],
    )


def test_rival_doers_of_one_bombing_in_two_documents_contradict(store: Store) -> None:
    store.migrate()
    front = _doer("Free Hills Front", "Free Hills Front", 3)
    army = _doer("Army of the Plains", "Red Hand", 4)
    agrees = _doer("City Police", "Free Hills Front", 4)
    for ex in (front, army, agrees):
        store.add(ex)
    ids = [army.document.id, agrees.document.id]
    assert store.link_cross_contradictions(ids) == 2  # the army against the front and the police
    reasons = {(p.assert_claimant, p.deny_claimant): p.reason for p in store.cross_contradictions()}
    # Of two assertions, the earlier document (by id) is stored first.
    assert reasons[("Army of the Plains", "Free Hills Front")] == (
        "Free Hills Front names another doer than Army of the Plains: ASSAULT at Tawila by"
        " Red Hand (against Free Hills Front)"
    )
    assert ("Army of the Plains", "City Police") in reasons
