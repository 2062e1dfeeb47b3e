"""A state's emergency rule and rights taken away are coercion; an unnamed person of a trade is
an actor. With the real model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import coded

pytestmark = pytest.mark.model


_events = coded


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        (
            "The government declared a state of emergency in the Amhara region.",
            "declared",
            "government",
        ),
        ("The army imposed martial law across the province on Friday.", "imposed", "army"),
    ],
)
def test_emergency_rule_is_coercion_by_who_declared_it(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    assert (trigger, "COERCE", doer) in [e[:3] for e in _events(nlp, text)]


def test_a_state_of_emergency_named_without_a_declaring_verb_is_none(nlp: Language) -> None:
    assert not _events(nlp, "The state of emergency expired quietly on Monday.")


@pytest.mark.parametrize(
    ("text", "doer", "stripped"),
    [
        (
            "The government stripped 40 exiled critics of their citizenship.",
            "government",
            "critics",
        ),
        (
            "Twelve dissidents were stripped of their nationality by the regime.",
            "regime",
            "dissidents",
        ),
    ],
)
def test_rights_taken_away_are_coercion_of_those_stripped(
    nlp: Language, text: str, doer: str, stripped: str
) -> None:
    assert ("COERCE", doer, stripped) in [e[1:] for e in _events(nlp, text)]


def test_a_title_taken_away_is_no_coercion(nlp: Language) -> None:
    found = _events(nlp, "The club was stripped of its title after the inquiry.")
    assert "COERCE" not in [e[1] for e in found]


def test_a_person_of_a_trade_is_an_actor(nlp: Language) -> None:
    found = _events(nlp, "Police detained a well-known rapper in Algiers on Sunday.")
    assert ("detained", "COERCE", "police", "rapper") in found
