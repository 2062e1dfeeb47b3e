"""Contradictions across articles, judged on propositions: sides, stances, places, dates."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from sitroom.corpus.claims import (
    SidedClaim,
    anchored,
    contradicts,
    count_measures,
    proposition_key,
    reason,
)
from sitroom.model import Count, Proposition

CAPTURE = Proposition(
    kind="event",
    family="violence",
    event_type="FIGHT",
    actors=["Eastern Front"],
    place="Dorla",
    date=dt.date(2025, 5, 3),
    text="violence by Eastern Front in Dorla",
)


def _claim(document: str, stance: str, side: str | None, proposition: Proposition) -> SidedClaim:
    return SidedClaim(document, "c1", stance, side, proposition)


def test_opposite_stances_of_two_sides_on_one_happening_contradict() -> None:
    said = _claim("a", "assert", "Eastern Front", CAPTURE)
    denied = _claim("b", "deny", "Army", CAPTURE.model_copy(update={"actors": []}))
    assert contradicts(said, denied) and contradicts(denied, said)
    assert reason(said, denied) == (
        "Army denies what Eastern Front claims: violence by Eastern Front in Dorla"
    )


def test_one_side_unknown_sides_other_places_actors_or_weeks_do_not() -> None:
    said = _claim("a", "assert", "Eastern Front", CAPTURE)
    assert not contradicts(said, _claim("b", "deny", "eastern front", CAPTURE))
    assert not contradicts(said, _claim("b", "deny", None, CAPTURE))
    assert not contradicts(said, _claim("a", "deny", "Army", CAPTURE))  # one article
    elsewhere = CAPTURE.model_copy(update={"place": "Mellit"})
    assert not contradicts(said, _claim("b", "deny", "Army", elsewhere))
    others = CAPTURE.model_copy(update={"actors": ["Northern Militia"]})
    assert not contradicts(said, _claim("b", "deny", "Army", others))
    later = CAPTURE.model_copy(update={"date": dt.date(2025, 5, 28)})
    assert not contradicts(said, _claim("b", "deny", "Army", later))


def test_rival_tolls_of_one_happening_contradict_equal_ones_do_not() -> None:
    five = CAPTURE.model_copy(update={"killed": 5})
    forty = CAPTURE.model_copy(update={"killed": 40})
    assert contradicts(_claim("a", "assert", "Army", five), _claim("b", "assert", "Front", forty))
    assert not contradicts(
        _claim("a", "assert", "Army", five), _claim("b", "assert", "Front", five)
    )
    assert not contradicts(
        _claim("a", "assert", "Army", five), _claim("b", "assert", "Front", CAPTURE)
    )


def test_statements_meet_on_subject_and_predicate_short_names_included() -> None:
    called = Proposition(
        kind="statement", subject="Marko Petrov", predicate="call victim", text="call"
    )
    short = called.model_copy(update={"subject": "Petrov"})
    other = called.model_copy(update={"predicate": "call lawyer"})
    assert called.matches(short) and short.matches(called)
    assert not called.matches(other)
    assert proposition_key(called) == proposition_key(short) == "statement:petrov"
    assert proposition_key(CAPTURE) == "event:violence"
    assert proposition_key(Proposition(kind="statement", text="no subject")) is None


GENERIC = Proposition(kind="event", family="violence", text="violence")


def test_one_family_across_articles_needs_an_anchor_to_one_happening() -> None:
    """Two articles may report two happenings of one family: a denial that states no place and
    no doer meets an assertion only when the corpus merge made their events one happening."""
    said = _claim("a", "assert", "Eastern Front", CAPTURE)
    denied = _claim("b", "deny", "Army", GENERIC)
    assert not anchored(said, denied) and not contradicts(said, denied)
    same = SidedClaim("a", "c1", "assert", "Eastern Front", CAPTURE, happening="ce1")
    assert contradicts(same, SidedClaim("b", "c2", "deny", "Army", GENERIC, happening="ce1"))
    assert not contradicts(same, SidedClaim("b", "c2", "deny", "Army", GENERIC, happening="ce2"))


def test_a_place_or_a_doer_both_state_anchors() -> None:
    said = _claim("a", "assert", "Eastern Front", CAPTURE)
    at_dorla = GENERIC.model_copy(update={"place": "Dorla"})
    by_front = GENERIC.model_copy(update={"actors": ["Eastern Front"]})
    assert contradicts(said, _claim("b", "deny", "Army", at_dorla))
    assert contradicts(said, _claim("b", "deny", "Army", by_front))


def test_rival_tolls_need_an_anchor_too() -> None:
    five = _claim("a", "assert", "Army", GENERIC.model_copy(update={"killed": 5}))
    forty = _claim("b", "assert", "Front", GENERIC.model_copy(update={"killed": 40}))
    assert not contradicts(five, forty)
    placed = {"place": "Dorla"}
    assert contradicts(
        _claim("a", "assert", "Army", five.proposition.model_copy(update=placed)),
        _claim("b", "assert", "Front", forty.proposition.model_copy(update=placed)),
    )


def test_the_doer_an_assertion_names_denying_it_anchors() -> None:
    said = _claim("a", "assert", "Police", GENERIC.model_copy(update={"actors": ["Lena Brandt"]}))
    assert contradicts(said, _claim("b", "deny", "Lena Brandt", GENERIC))
    assert not contradicts(said, _claim("b", "deny", "Tomas Brandt", GENERIC))


def test_a_victim_both_name_anchors() -> None:
    shot = GENERIC.model_copy(update={"targets": ["Anna Kovac"]})
    said = _claim("a", "assert", "Police", shot)
    assert contradicts(
        said, _claim("b", "deny", "Defence", GENERIC.model_copy(update={"targets": ["Kovac"]}))
    )
    assert not contradicts(
        said,
        _claim("b", "deny", "Defence", GENERIC.model_copy(update={"targets": ["Lena Brandt"]})),
    )


BLAME = CAPTURE.model_copy(
    update={"actors": ["Northern Militia"], "responsibility": True, "text": "blamed"}
)


def test_rival_doers_of_one_happening_in_two_articles_contradict() -> None:
    owned = CAPTURE.model_copy(update={"responsibility": True})
    claimed = _claim("a", "assert", "Eastern Front", owned)
    blamed = _claim("b", "assert", "Army", BLAME)
    assert contradicts(claimed, blamed) and contradicts(blamed, claimed)
    assert reason(claimed, blamed) == (
        "Army names another doer than Eastern Front: violence by Eastern Front in Dorla"
        " (against Northern Militia)"
    )
    # One happening by the corpus merge's link, when neither states the place.
    unplaced = BLAME.model_copy(update={"place": None})
    linked = SidedClaim("b", "c1", "assert", "Army", unplaced, happening="h1")
    assert not contradicts(claimed, _claim("b", "assert", "Army", unplaced))
    assert contradicts(SidedClaim("a", "c1", "assert", "Eastern Front", CAPTURE, "h1"), linked)


def test_doers_without_a_claim_of_who_did_it_or_named_alike_are_no_rivals() -> None:
    said = _claim("a", "assert", "Eastern Front", CAPTURE)
    plain = BLAME.model_copy(update={"responsibility": False})
    assert not contradicts(said, _claim("b", "assert", "Army", plain))  # two reports of fighting
    longer = BLAME.model_copy(update={"actors": ["Eastern Front for Change"]})
    assert not contradicts(said, _claim("b", "assert", "Army", longer))
    elsewhere = BLAME.model_copy(update={"place": "Mellit"})
    assert not contradicts(said, _claim("b", "assert", "Army", elsewhere))


def test_counts_of_one_measure_meet_by_place_and_week() -> None:
    toll = Proposition(
        kind="statement",
        subject="quake",
        predicate="kill",
        counts=[Count(measure="killed", low=5, high=None)],
        text="quake kill",
    )
    one = toll.model_copy(
        update={"subject": "storm", "counts": [Count(measure="killed", low=1, high=1)]}
    )
    assert count_measures(toll) == {"killed"} and count_measures(None) == set()
    country = ("ID", None, "country")
    city = ("ID", "West Papua", "city")

    def said(doc: str, side: str, p: Proposition, **where: Any) -> SidedClaim:
        return SidedClaim(doc, "c1", "assert", side, p, **where)

    a = said("a", "Agency", toll, places=(city,), day=dt.date(2025, 6, 3))
    assert contradicts(a, said("b", "Office", one, places=(country,), day=dt.date(2025, 6, 5)))
    assert not contradicts(a, said("b", "Office", one, places=(("PH", None, "country"),)))
    assert not contradicts(a, said("b", "Office", one, places=(("ID", "Bali", "city"),)))
    assert not contradicts(a, said("b", "Office", one, places=()))
    late = said("b", "Office", one, places=(country,), day=dt.date(2025, 6, 30))
    assert not contradicts(a, late)
    # The corpus merge judged them two happenings: the place does not make them one.
    merged = dataclasses.replace(a, happening="h1")
    assert not contradicts(merged, said("b", "Office", one, places=(country,), happening="h2"))


def test_a_doer_named_by_its_demonym_is_the_doer_named_by_its_country() -> None:
    bombed = CAPTURE.model_copy(update={"actors": ["Sudanese"], "place": None})
    denied = CAPTURE.model_copy(update={"actors": ["Sudan"], "place": None})
    said, denial = (
        _claim("a", "assert", "Refugee Council", bombed),
        _claim("b", "deny", "Sudan", denied),
    )
    assert contradicts(said, denial) and contradicts(denial, said)
    # the reason keeps the names as the articles wrote them
    assert reason(said, denial).endswith("violence by Eastern Front in Dorla")
    other = CAPTURE.model_copy(update={"actors": ["Chad"], "place": None})
    assert not contradicts(said, _claim("b", "deny", "Chad", other))


def test_a_place_taken_as_a_target_anchors_to_that_place() -> None:
    # "Russian troops captured Dorla", where the article read Dorla as no place, and "Dorla
    # has not fallen" where it did
    taken = CAPTURE.model_copy(update={"actors": [], "place": None, "targets": ["Dorla"]})
    fallen = CAPTURE.model_copy(update={"actors": []})
    said, denial = _claim("a", "assert", "Army", taken), _claim("b", "deny", "Front", fallen)
    assert anchored(said, denial) and contradicts(said, denial)
    elsewhere = taken.model_copy(update={"targets": ["Mellit"]})
    assert not anchored(_claim("a", "assert", "Army", elsewhere), denial)


def test_a_claim_about_a_province_is_about_the_places_in_it() -> None:
    # "captured the town of Harib" against "had captured no town in Marib province"
    town = CAPTURE.model_copy(update={"place": "Harib"})
    province = CAPTURE.model_copy(update={"place": "Marib"})
    said = dataclasses.replace(
        _claim("a", "assert", "Houthis", town), where=("YE", "Marib", "locality")
    )
    denial = dataclasses.replace(
        _claim("b", "deny", "Yemen", province), where=("YE", "Marib", "admin1")
    )
    assert contradicts(said, denial) and contradicts(denial, said)
    # another province, a country, or two towns of one province are other places
    for where in (("YE", "Sanaa", "admin1"), ("YE", None, "country")):
        other = dataclasses.replace(denial, where=where)
        assert not contradicts(said, other), where
    sirwah = dataclasses.replace(
        _claim("b", "deny", "Yemen", CAPTURE.model_copy(update={"place": "Sirwah"})),
        where=("YE", "Marib", "locality"),
    )
    assert not contradicts(said, sirwah)


def test_one_happening_by_the_merge_is_at_one_place_whatever_its_names() -> None:
    # "shells hit the school in Jabalia" and "denied shelling the school in Gaza City", events
    # the corpus merge joined
    jabalia = CAPTURE.model_copy(update={"place": "Jabalia"})
    gaza = CAPTURE.model_copy(update={"place": "Gaza City"})
    said = dataclasses.replace(_claim("a", "assert", "UNRWA", jabalia), happening="h1")
    denial = dataclasses.replace(_claim("b", "deny", "Israel", gaza), happening="h1")
    assert contradicts(said, denial) and contradicts(denial, said)
    apart = dataclasses.replace(denial, happening="h2")
    assert not contradicts(said, apart) and not contradicts(
        said, dataclasses.replace(denial, happening=None)
    )


def test_a_rejection_of_an_owners_accusations_meets_what_the_owner_says_the_party_did() -> None:
    rejected = Proposition(
        kind="event",
        actors=["Sudan"],
        responsibility=True,
        subject="Chad",
        predicate="accuse",
        date=dt.date(2025, 5, 4),
        text="what Chad accuses Sudan of",
    )
    assert proposition_key(rejected) == "accused:country:SD"
    shelled = CAPTURE.model_copy(update={"actors": ["Sudanese"]})  # its demonym
    rejection = _claim("b", "deny", "Sudan", rejected)
    said = _claim("a", "assert", "Chad", shelled)
    assert contradicts(said, rejection) and contradicts(rejection, said)
    # another owner's claim, a claim of another doer, a denial, or weeks apart
    assert not contradicts(_claim("a", "assert", "Red Cross", shelled), rejection)
    other = CAPTURE.model_copy(update={"actors": ["Eastern Front"]})
    assert not contradicts(_claim("a", "assert", "Chad", other), rejection)
    assert not contradicts(_claim("a", "deny", "Chad", shelled), rejection)
    later = shelled.model_copy(update={"date": dt.date(2025, 6, 20)})
    assert not contradicts(_claim("a", "assert", "Chad", later), rejection)


def test_one_victim_told_without_a_count_is_no_rival_toll() -> None:
    # session 17: "a 10-year-old girl was killed" in one article is a part of "at least five
    # people were killed" in another, not a rival toll; "five" against "40" still is
    whole = CAPTURE.model_copy(
        update={"killed": 5, "counts": [Count(measure="killed", low=5, high=None)]}
    )
    girl = CAPTURE.model_copy(update={"killed": 1, "subject": "girl"})
    assert not contradicts(
        _claim("a", "assert", "Agency", whole), _claim("b", "assert", "Hospital", girl)
    )
    people = girl.model_copy(update={"killed": 40, "subject": "people"})
    assert contradicts(
        _claim("a", "assert", "Agency", whole), _claim("b", "assert", "Hospital", people)
    )
