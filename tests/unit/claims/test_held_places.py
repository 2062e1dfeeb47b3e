"""Denials the ledger used to misread: a place its speaker still holds was not taken ("we still
hold the town", "remains under our control"), and claims that are called false ("claims that
the town was taken were false") are denied with what they claim, also where the tagger reads
the plural claim noun as a verb. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.model import Claim

pytestmark = pytest.mark.model

CAPTURE = "The rebels said they had captured Kadugli. "


def _denial_of_the_capture(nlp: Language, text: str) -> Claim:
    """The one denial of ``text``, checked to contradict the rebels' claim of the capture."""
    claims, contradictions, _ = ledger(nlp, text)
    captured = claims[0]
    [denial] = [c for c in claims if c.stance == "deny"]
    assert [k.claims for k in contradictions] == [(captured.id, denial.id)]
    assert denial.proposition is not None and denial.proposition.family == "violence"
    assert denial.proposition.place == "Kadugli"
    return denial


def test_a_side_that_still_holds_the_place_denies_its_capture(nlp: Language) -> None:
    denial = _denial_of_the_capture(nlp, CAPTURE + "The army said it still holds Kadugli.")
    assert denial.text == "it still holds Kadugli"


def test_a_place_under_our_control_was_not_taken(nlp: Language) -> None:
    text = CAPTURE + 'A government spokesman said: "Kadugli remains under our control."'
    _denial_of_the_capture(nlp, text)
    text = CAPTURE + "The governor said we still hold the town of Kadugli."
    _denial_of_the_capture(nlp, text)


def test_another_party_holding_it_or_a_lost_hold_is_no_denial(nlp: Language) -> None:
    for said in (
        "The United Nations said the rebels control Kadugli.",  # reports the capture
        "The army said it no longer holds Kadugli.",  # admits it
        "The army said it held a meeting in Kadugli.",  # no place is held
    ):
        claims, contradictions, _ = ledger(nlp, CAPTURE + said)
        assert all(c.stance == "assert" for c in claims) and contradictions == [], said


def test_claims_called_false_are_denied_with_what_they_claim(nlp: Language) -> None:
    for said in (
        "The militia said claims that Kadugli had fallen were untrue.",
        "The army said the claims that Kadugli had fallen were baseless.",
        "The army said that claims that Kadugli was taken were false.",
    ):
        denial = _denial_of_the_capture(nlp, CAPTURE + said)
        assert "false" not in denial.text and "untrue" not in denial.text, said


def test_a_place_not_taken_by_the_rebels_denies_their_capture(nlp: Language) -> None:
    _denial_of_the_capture(nlp, CAPTURE + "The army said the rebels had not taken Kadugli.")
    claims, contradictions, _ = ledger(
        nlp, CAPTURE + "The army said the rebels took a decision in Kadugli."
    )
    assert claims[1].proposition is not None and claims[1].proposition.family is None
    assert contradictions == []


def test_the_town_refers_back_to_the_place_named_before(nlp: Language) -> None:
    for said in (
        "The army said it still holds the town.",
        "The army said the town had not fallen.",
        "The army said the rebels had not taken the town.",
    ):
        _denial_of_the_capture(nlp, CAPTURE + said)
    # With no town named before, "the town" is no place and denies nothing.
    claims, contradictions, _ = ledger(nlp, "The army said it still holds the town.")
    assert [c.stance for c in claims] == ["assert"] and contradictions == []


def test_a_place_in_government_hands_is_held_by_the_states_own_bodies(nlp: Language) -> None:
    for said in (
        "The army said Kadugli is in government hands.",
        "Sudan's defence ministry said Kadugli remains in the hands of the federal government.",
        "Kadugli is firmly under government control, the police said.",
    ):
        _denial_of_the_capture(nlp, CAPTURE + said)


def test_government_hands_said_by_no_body_of_a_state_is_no_denial(nlp: Language) -> None:
    for said in (
        "The UN refugee agency said Kadugli is in government hands.",  # a report, not a holding
        "The rebels said Kadugli was in government hands until Monday.",
        "The army said the rebels are in control of Kadugli.",  # another party holds it
    ):
        _, contradictions, _ = ledger(nlp, CAPTURE + said)
        assert contradictions == [], said


def test_a_name_the_places_stage_left_unresolved_is_still_the_place_held(nlp: Language) -> None:
    text = (
        "The Wadi Front said its fighters had seized Umm Tarfa. "
        'The army said: "Umm Tarfa remains under our control."'
    )
    claims, _, _ = ledger(nlp, text)
    denial = claims[-1]
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.place == "Umm Tarfa"


def test_holding_a_place_denies_its_capture_not_the_dead_of_the_fighting(nlp: Language) -> None:
    text = (
        "The rebels said they had killed 20 soldiers in Kadugli. "
        "The army said Kadugli remains under its control."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert contradictions == []


def test_a_place_held_denies_its_capture_not_the_gunfire_heard_there(nlp: Language) -> None:
    text = (
        CAPTURE + "Residents of Kadugli reported gunfire overnight. "
        "The army said it still holds Kadugli."
    )
    claims, contradictions, _ = ledger(nlp, text)
    by_id = {c.id: c.text for c in claims}
    pairs = [(by_id[a], by_id[b]) for a, b in (k.claims for k in contradictions)]
    assert all("gunfire" not in a and "gunfire" not in b for a, b in pairs), pairs
    assert any("captured Kadugli" in a and "still holds" in b for a, b in pairs), pairs


def test_a_place_held_denies_its_capture_not_an_attack_a_group_says_it_made(
    nlp: Language,
) -> None:
    text = (
        "The Wadi Front said its fighters had burned the police station in Kadugli. "
        "The army said Kadugli remains under its control."
    )
    _claims, contradictions, _ = ledger(nlp, text)
    assert contradictions == []


def test_the_army_said_by_the_government_to_hold_the_place_is_its_own(nlp: Language) -> None:
    text = CAPTURE + "The government said the army was in full control of Kadugli."
    assert _denial_of_the_capture(nlp, text).text == "the army was in full control of Kadugli"
    for said in (
        "The government said the Russian army was in full control of Kadugli.",  # a country's
        "A rebel commander said the army was in full control of Kadugli.",  # no state body
    ):
        claims, contradictions, _ = ledger(nlp, CAPTURE + said)
        assert contradictions == [] and claims[-1].stance == "assert", said


@pytest.mark.parametrize(
    "held",
    [
        # the holder is the subject, the place the "of" object of the noun of holding
        "The army said its soldiers were still in control of Umm Tarfa.",
        # "its" read as the unresolved name before it: a place does not hold itself
        "The army said Umm Tarfa remained under its control.",
    ],
)
def test_an_unresolved_place_held_by_the_speaker_denies_its_capture(
    nlp: Language, held: str
) -> None:
    text = "The Wadi Front said its fighters had seized the market town of Umm Tarfa. " + held
    claims, contradictions, _ = ledger(nlp, text)
    [denial] = [c for c in claims if c.stance == "deny"]
    assert denial.proposition is not None and denial.proposition.place == "Umm Tarfa"
    assert [k.claims for k in contradictions] == [(claims[0].id, denial.id)]


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        (
            "The Wadi Front said its fighters had seized the market town of Umm Tarfa.",
            ["Umm Tarfa"],
        ),
        ("The Wadi Front said its fighters had seized Umm Tarfa.", ["Umm Tarfa"]),
        # no verb of capture: nothing taken
        ("The Wadi Front said its fighters had left the market town of Umm Tarfa.", []),
    ],
)
def test_an_unresolved_place_taken_is_what_the_capture_was_done_to(
    nlp: Language, text: str, targets: list[str]
) -> None:
    # the other articles' claims that the place is still held meet it so (corpus.claims)
    [claim] = ledger(nlp, text)[0]
    assert claim.proposition is not None and claim.proposition.place is None
    assert claim.proposition.targets == targets
