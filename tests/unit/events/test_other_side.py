"""The second party of issue 15's constructions: the possessive of an act done to someone ("X's
arrest"), an event noun carried by another noun ("a mediation effort between A and B"), and
forces sent or deployed (the doer's own, never the target; the state they go to is). With the
real model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import coded

pytestmark = pytest.mark.model

Found = tuple[str, str, str | None, str | None]


_events = coded


def _of(nlp: Language, text: str, trigger: str) -> Found:
    return next(f for f in _events(nlp, text) if f[0] == trigger)


def test_the_possessive_of_an_arrest_is_the_one_arrested(nlp: Language) -> None:
    arrest = _of(nlp, "Rights groups condemned Leyla Demir's arrest in Ankara.", "arrest")
    assert arrest[2] is None and "demir" in (arrest[3] or ""), arrest


def test_the_possessive_of_a_detention_by_someone_is_the_detained(nlp: Language) -> None:
    text = "Her lawyers protested the reporter's detention by the border police."
    detention = _of(nlp, text, "detention")
    assert detention[3] == "reporter", detention
    assert detention[2] != "reporter"


def test_with_an_of_object_the_possessive_is_the_doer(nlp: Language) -> None:
    arrest = _of(nlp, "The army's arrest of Omar Haddad shocked the town.", "arrest")
    assert arrest[2:] == ("army", "omar haddad")


def test_an_offensive_keeps_its_possessive_as_doer(nlp: Language) -> None:
    offensive = _of(nlp, "The rebels' offensive against the garrison stalled.", "offensive")
    assert offensive[2:] == ("rebels", "garrison") or offensive[2] == "rebels"


def test_a_carrier_noun_gives_the_event_its_parties(nlp: Language) -> None:
    text = "Norway launched a mediation effort between Colombia and Venezuela."
    assert _of(nlp, text, "mediation")[1:] == ("CONSULT", "norway", "colombia")


def test_an_effort_no_light_verb_carries_is_left_to_the_verb(nlp: Language) -> None:
    text = "Kenya abandoned mediation efforts between Sudan and Chad last week."
    assert _of(nlp, text, "mediation")[2] != "kenya"


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Kenya deployed troops in Somalia on Sunday.", "deployed", ("kenya", "somalia")),
        ("Britain sent 300 marines to Kenya.", "sent", ("united kingdom", "kenya")),
    ],
)
def test_forces_sent_are_the_doers_own_and_the_state_is_the_party(
    nlp: Language, text: str, trigger: str, expected: tuple[str, str]
) -> None:
    assert _of(nlp, text, trigger)[2:] == expected


def test_forces_deployed_are_no_target(nlp: Language) -> None:
    found = _of(nlp, "The government deployed soldiers along the coast.", "deployed")
    assert found[3] != "soldiers", found
