"""Who did it, disputed: a claim of responsibility and a claim that blames another party for the
same happening are rival doers, a contradiction between their claimants; a party that denies
any involvement denies the happening by it. The same party named twice, or other happenings,
are no dispute. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.claims.contradictions import rival_doers
from sitroom.model import Claim, Proposition

pytestmark = pytest.mark.model


def test_claimed_responsibility_against_blame_of_another_party_is_a_dispute(
    nlp: Language,
) -> None:
    text = (
        "The Free Valley Front claimed responsibility for the bombing in Kadugli on Monday. "
        "Officials blamed the Northern Militia for the attack."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    claimed, blamed = claims
    assert claimed.proposition is not None and blamed.proposition is not None
    assert claimed.proposition.responsibility and blamed.proposition.responsibility
    assert claimed.proposition.actors == ["Free Valley Front"]
    assert blamed.proposition.actors == ["Northern Militia"]
    assert contradiction.claims == (claimed.id, blamed.id)
    assert "names another doer than" in contradiction.reason


def test_a_party_denying_involvement_denies_the_blame(nlp: Language) -> None:
    text = (
        "Officials blamed the Jamaat Brigade for the bombing in Kadugli on Monday. "
        "The Jamaat Brigade denied any involvement in the attack."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    blamed, denial = claims
    assert denial.stance == "deny"
    assert denial.proposition is not None and denial.proposition.responsibility
    assert denial.proposition.actors == ["Jamaat Brigade"]
    assert contradiction.claims == (blamed.id, denial.id)


def test_the_same_doer_told_twice_or_at_length_is_no_dispute(nlp: Language) -> None:
    text = (
        "The Popular Front claimed responsibility for the bombing in Kadugli. "
        "Police blamed the Popular Front for the attack."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert len(claims) == 2 and contradictions == []


def test_doers_of_other_happenings_are_no_rivals(nlp: Language) -> None:
    text = (
        "The Popular Front claimed responsibility for the bombing in Kadugli. "
        "Police said the Army of Tora had shelled Wau."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert len(claims) == 2 and contradictions == []


def test_no_evidence_of_the_origin_denies_the_blamed_doer(nlp: Language) -> None:
    text = (
        "The Nigerian government blamed Niger for the drone attacks on the Kuru refinery. "
        "The Niger government said there was no evidence the attacks came from Niger."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    blamed, denial = claims
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.kind == "event" and denial.proposition.responsibility
    assert denial.proposition.actors == ["Niger"]
    assert contradiction.claims == (blamed.id, denial.id)


def test_an_origin_is_a_doer_rival_to_a_claim_of_responsibility(nlp: Language) -> None:
    text = (
        "The Sahel Front claimed responsibility for the drone attacks on the Kuru refinery. "
        "Officials said the attacks came from Niger."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    claimed, origin = claims
    assert origin.proposition is not None and origin.proposition.actors == ["Niger"]
    assert contradiction.claims == (claimed.id, origin.id)


def test_a_party_that_claims_the_attack_is_its_doer(nlp: Language) -> None:
    text = (
        "Rebels of the Sahel Front claimed the attack on the Kuru refinery. "
        "Nigerian officials blamed Niger for the attack."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    claimed, blamed = claims
    assert claimed.proposition is not None and claimed.proposition.actors == ["Sahel Front"]
    assert contradiction.claims == (claimed.id, blamed.id)


def test_responsible_for_names_the_doer_and_accusations_are_claims(nlp: Language) -> None:
    text = (
        "Nigerian officials said Niger was responsible for the attack on the Kuru refinery. "
        "Niger denied the accusation."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    said, denial = claims
    assert said.proposition is not None and said.proposition.actors == ["Niger"]
    assert said.proposition.responsibility
    assert denial.stance == "deny" and contradiction.claims == (said.id, denial.id)
    assert denial.proposition == said.proposition  # it denies what it refers back to


def _said(cid: str, claimant: str, event: str, actors: list[str], word: str) -> Claim:
    """An assertion that ``actors`` did the attack of ``event``, named by ``word``."""
    return Claim(
        id=cid,
        claimant=claimant,
        stance="assert",
        text=word,
        span=(0, 1),
        event=event,
        side=claimant,
        proposition=Proposition(
            kind="event",
            family="violence",
            event_type="ASSAULT",
            actors=actors,
            responsibility=True,
            predicate=word,
            text=word,
        ),
    )


def test_two_reports_of_one_kind_named_by_one_word_are_one_happening() -> None:
    """Without the model: the events stage may leave "the attack" after "blamed Y for" apart
    from the attack told before; named by one word, it is one happening all the same."""
    claimed = _said("c1", "e1", "v1", ["Sahel Front"], "attack")
    blamed = _said("c2", "e2", "v3", ["Niger"], "attack")
    other = _said("c3", "e2", "v4", ["Niger"], "ambush")
    assert rival_doers([claimed, blamed], [0, 1], {}) == [(0, 1)]
    assert rival_doers([claimed, other], [0, 1], {}) == []


def test_the_pronoun_of_an_origin_stands_for_the_happening_told_before(nlp: Language) -> None:
    text = (
        "Rockets hit a fuel depot in Erbil on Sunday. "
        "The Iranian foreign ministry said there was no proof it came from Iran."
    )
    claims, _, _ = ledger(nlp, text)
    [denial] = claims
    assert denial.stance == "deny" and denial.proposition is not None
    # "it" is the strike on the depot, never the ministry that speaks
    assert denial.proposition.kind == "event" and denial.proposition.family == "violence"
    assert denial.proposition.actors == ["Iran"]


def test_the_weapons_told_before_launched_from_a_country_name_its_doer(nlp: Language) -> None:
    text = (
        "Drones struck an airbase near Kandahar overnight. "
        "Afghan officials said the drones were launched from Pakistan. "
        "Pakistan's army said they did not come from Pakistan."
    )
    claims, contradictions, _ = ledger(nlp, text)
    said, denied = claims
    assert said.proposition is not None and said.proposition.kind == "event"
    assert said.proposition.actors == ["Pakistan"]
    assert denied.stance == "deny"
    assert [k.claims for k in contradictions] == [(said.id, denied.id)]


def test_an_origin_whose_subject_is_new_names_no_happening_told_before(nlp: Language) -> None:
    text = (
        "Drones struck an airbase near Kandahar overnight. "
        "Officials said a convoy came from Pakistan on Monday."
    )
    claims, _, _ = ledger(nlp, text)
    [said] = claims
    assert said.proposition is not None and said.proposition.kind == "statement"


def test_nothing_to_do_with_the_happening_denies_the_speakers_part(nlp: Language) -> None:
    text = (
        "Police said the Eastern Front bombed a bridge in Wau. "
        '"We had nothing to do with the bombing," a spokesman for the Eastern Front said.'
    )
    claims, [contradiction], _ = ledger(nlp, text)
    said, denial = claims
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.actors == ["Eastern Front"]
    assert contradiction.claims == (said.id, denial.id)


def test_nothing_to_do_with_it_is_the_happening_told_before(nlp: Language) -> None:
    text = (
        "A car bomb exploded outside a police station in Quetta on Monday. "
        '"We had nothing to do with it," a spokesman for the Baloch Liberation Army said.'
    )
    claims, _, _ = ledger(nlp, text)
    [denial] = claims
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.kind == "event" and denial.proposition.family == "violence"


def test_nothing_to_do_with_a_thing_is_no_denial_of_a_happening(nlp: Language) -> None:
    text = '"We had nothing to do with the bridge," a spokesman for the Eastern Front said.'
    claims, _, _ = ledger(nlp, text)
    [said] = claims
    assert said.proposition is not None and said.proposition.family is None
