"""Rival counts across articles, found by measure (``claim_counts``, migration 17) rather than
by proposition key, and tied to one happening by where and when; on every back end."""

from __future__ import annotations

import datetime as dt

from builders import claim, entity, place
from sitroom.model import Count, Document, Extraction, Place, Proposition
from sitroom.store import Store
from sitroom.store.migrations import latest_version
from unit.store.backends import Backend
from unit.store.old_versions import make_old_database, table_shape


def _toll(
    speaker: str, subject: str, low: float, high: float | None, day: int, where: Place | None
) -> Extraction:
    """``speaker`` says that ``subject`` killed between ``low`` and ``high`` people; the
    sentence names ``where`` (a place whose mention lies inside the claim), published on
    ``day`` of June 2025. Statements of different subjects, so of different proposition keys."""
    named = where.name if where is not None else "the area"
    text = f"{speaker} says the {subject} killed people in {named}."
    phrase = text[len(speaker) + 6 : -1]
    at = text.index(named)
    places = [where.model_copy(update={"mentions": [(at, at + len(named))]})] if where else []
    said = Proposition(
        kind="statement",
        subject=subject,
        predicate="kill people",
        counts=[Count(measure="killed", low=low, high=high)],
        text=f"{subject} kill people",
    )
    return Extraction(
        document=Document(
            id=f"doc-{speaker}-{subject}", text=text, published=dt.date(2025, 6, day)
        ),
        entities=[entity("e1", speaker, mentions=[(0, len(speaker))])],
        places=places,
        claims=[claim(text, "c1", "assert", phrase, claimant="e1", proposition=said)],
    )


INDONESIA = place("p1", "Indonesia", "ID", kind="country", precision=3)
MANOKWARI = place("p1", "Manokwari", "ID", admin1="West Papua")
SORONG = place("p1", "Sorong", "ID", admin1="West Papua")
KUPANG = place("p1", "Kupang", "ID", admin1="East Nusa Tenggara")
DAVAO = place("p1", "Davao", "PH", admin1="Davao Region")


def test_rival_counts_of_one_place_and_week_contradict_across_keys(store: Store) -> None:
    store.migrate()
    five = _toll("Relief Agency", "earthquake", 5, None, 3, MANOKWARI)
    one = _toll("Survey Office", "quake", 1, 1, 5, INDONESIA)
    store.add(five)
    store.add(one)
    assert store.link_cross_contradictions([one.document.id]) == 1
    [pair] = store.cross_contradictions()
    assert {pair.assert_claimant, pair.deny_claimant} == {"Relief Agency", "Survey Office"}
    assert "gives another count than" in pair.reason
    # Both ways, once: linking the other document adds nothing.
    assert store.link_cross_contradictions([five.document.id]) == 0


def test_one_division_holds_both_places(store: Store) -> None:
    store.migrate()
    store.add(_toll("Relief Agency", "earthquake", 5, None, 3, MANOKWARI))
    sorong = _toll("Survey Office", "quake", 1, 1, 4, SORONG)
    store.add(sorong)
    assert store.link_cross_contradictions([sorong.document.id]) == 1


def test_other_places_weeks_fitting_values_or_no_place_do_not(store: Store) -> None:
    store.migrate()
    five = _toll("Relief Agency", "earthquake", 5, None, 3, MANOKWARI)
    store.add(five)
    others = [
        _toll("Survey Office", "quake", 1, 1, 4, KUPANG),  # another province
        _toll("Coast Guard", "quake", 1, 1, 4, DAVAO),  # another country
        _toll("Weather Bureau", "quake", 1, 1, 25, INDONESIA),  # three weeks on
        _toll("Red Cross", "quake", 7, 7, 4, INDONESIA),  # seven is at least five
        _toll("Radio Station", "quake", 1, 1, 4, None),  # says nowhere
    ]
    for ex in others:
        store.add(ex)
    store.link_cross_contradictions([ex.document.id for ex in others])
    # Among themselves they may disagree (seven against one in Indonesia), not with the five.
    pairs = store.cross_contradictions()
    assert pairs and all(
        five.document.id not in {p.assert_document, p.deny_document} for p in pairs
    )


def test_a_count_said_nowhere_is_where_the_article_is(store: Store) -> None:
    store.migrate()
    store.add(_toll("Relief Agency", "earthquake", 5, None, 3, MANOKWARI))
    lead = "Papua, Indonesia. "
    nowhere = _toll("Survey Office", "quake", 1, 1, 4, None)
    text = lead + nowhere.document.text
    shift = len(lead)
    [said] = nowhere.claims
    moved = nowhere.model_copy(
        update={
            "document": nowhere.document.model_copy(update={"text": text}),
            "entities": [
                e.model_copy(update={"mentions": [(shift, shift + 13)]}) for e in nowhere.entities
            ],
            "places": [INDONESIA.model_copy(update={"mentions": [(7, 16)]})],
            "claims": [
                said.model_copy(update={"span": (said.span[0] + shift, said.span[1] + shift)})
            ],
        }
    )
    store.add(moved)
    assert store.link_cross_contradictions([moved.document.id]) == 1


def test_migration_17_adds_the_claim_counts(backend: Backend, rich: Extraction) -> None:
    old = backend.url
    make_old_database(old, 16, [rich], old_shape=False)
    backend.execute("DROP TABLE claim_counts")
    assert not table_shape(old, "claim_counts")["exists"]
    with Store(old) as store:
        assert store.migrate() == list(range(17, latest_version() + 1))
        assert store.get_extraction(rich.document.id) == rich
        five = _toll("Relief Agency", "earthquake", 5, None, 3, MANOKWARI)
        one = _toll("Survey Office", "quake", 1, 1, 5, INDONESIA)
        store.add(five)
        store.add(one)
        assert store.link_cross_contradictions([one.document.id]) == 1
    fresh = backend.new_url()
    with Store(fresh) as store:
        store.migrate()
    assert table_shape(old, "claim_counts") == table_shape(fresh, "claim_counts")
