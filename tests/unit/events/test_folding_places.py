"""Where a happening told in several mentions was: the place the text said beats the article's
focus, unless the focus lies within it. Hand-built events and places, no model."""

from __future__ import annotations

from builders import attack_at
from sitroom.events.merging import _place_donor, inherited
from sitroom.events.nesting import containers_of
from sitroom.model import Event, Place, PlaceBasis

PLACES = [
    Place(id="ca", name="Canada", kind="country", country="CA", precision=3),
    Place(id="bc", name="British Columbia", kind="admin1", country="CA", admin1="BC", precision=3),
    Place(id="creston", name="Creston", kind="city", country="CA", admin1="BC", precision=1),
    Place(id="kabul", name="Kabul", kind="city", country="AF", admin1="Kabul", precision=1),
    Place(id="town", name="Maidan Shahr", kind="city", country="AF", admin1="Wardak", precision=1),
]
CONTAINERS = containers_of(PLACES)


def mention(at: int, place: str | None, basis: PlaceBasis | None) -> Event:
    return attack_at(at, place=place, place_basis=basis)


def test_a_restatement_placed_by_the_focus_takes_the_place_first_told() -> None:
    first, later = mention(0, "town", "sentence"), mention(9, "kabul", "document")
    assert inherited(later, first, CONTAINERS).place == "town"


def test_a_focus_within_the_place_first_told_refines_it() -> None:
    first, later = mention(0, "ca", "sentence"), mention(9, "creston", "document")
    assert inherited(later, first, CONTAINERS).place == "creston"


def test_the_happening_is_where_a_mention_says_not_where_the_article_is() -> None:
    group = [mention(0, "kabul", "document"), mention(5, "town", "argument")]
    donor = _place_donor(group, group[0], CONTAINERS)
    assert donor is not None and donor.place == "town"


def test_the_focus_within_every_place_said_is_the_finer_place() -> None:
    group = [mention(0, "ca", "sentence"), mention(5, "creston", "document")]
    donor = _place_donor(group, group[0], CONTAINERS)
    assert donor is not None and donor.place == "creston"
    group = [mention(0, "ca", "sentence"), mention(5, "kabul", "document")]
    donor = _place_donor(group, group[0], CONTAINERS)
    assert donor is not None and donor.place == "ca"
