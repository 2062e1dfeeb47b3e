"""A content that states that something is not so denies the positive proposition: a negative
existential, a subject that is nobody, a negated presence, state or passive act. A negated
denial verb denies nothing, and a denied claim that nobody is said to make is no side's. Real
model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.model import Claim

pytestmark = pytest.mark.model


def _denial_meeting_claim(nlp: Language, text: str) -> tuple[Claim, Claim]:
    """The denial told first and the claim it contradicts, checked to be one contradiction."""
    claims, [contradiction], _ = ledger(nlp, text)
    denial, claim = claims
    assert denial.stance == "deny" and claim.stance == "assert"
    assert contradiction.claims == (claim.id, denial.id)
    return denial, claim


def test_no_casualties_denies_the_deaths_another_side_claims(nlp: Language) -> None:
    text = (
        "The navy said there were no casualties in the raid. "
        "The Coastal Union said four sailors were killed in the raid."
    )
    denial, _ = _denial_meeting_claim(nlp, text)
    assert denial.proposition is not None and denial.proposition.family == "violence"


def test_no_fighters_inside_denies_that_they_hid_there(nlp: Language) -> None:
    text = (
        "The Hill Brigade said no gunmen were inside the hospital. "
        "The interior ministry said gunmen were hiding in the hospital."
    )
    denial, claim = _denial_meeting_claim(nlp, text)
    assert denial.proposition is not None and claim.proposition is not None
    assert denial.proposition.predicate == claim.proposition.predicate == "be at hospital"


def test_a_negated_passive_meets_the_active_claim(nlp: Language) -> None:
    text = (
        "The mayor said the stadium was not being used by any soldiers. "
        "The Northern Alliance said soldiers were using the stadium."
    )
    denial, claim = _denial_meeting_claim(nlp, text)
    assert denial.proposition is not None and claim.proposition is not None
    # using a site is being there (``occupation_verbs``)
    assert denial.proposition.predicate == claim.proposition.predicate == "be at stadium"


def test_a_negated_expectation_or_absent_reports_are_no_denials(nlp: Language) -> None:
    text = (
        "The commander said the convoy is not expected to leave today. "
        "He said there were no reports of looting."
    )
    claims, _, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "assert"]


def test_a_negated_denial_verb_is_no_denial(nlp: Language) -> None:
    claims, found, _ = ledger(nlp, "The governor did not deny that guards fired on the prisoners.")
    assert all(c.stance != "deny" for c in claims) and not found
    claims, found, _ = ledger(
        nlp, "The audit does not contradict Meridian Bank's claim that the loan was repaid."
    )
    assert all(c.stance != "deny" for c in claims) and not found
    # the claim the audit leaves standing is still the bank's
    assert any(c.text == "that the loan was repaid" and c.claimant for c in claims)


def test_a_denied_claim_that_nobody_makes_pairs_with_nobody(nlp: Language) -> None:
    text = (
        "The firm denies claims that it dumped waste in the lake. Its director praised the staff."
    )
    claims, found, _ = ledger(nlp, text)
    assert any(c.stance == "deny" for c in claims)
    assert not found


def test_a_countrys_body_noun_speaks_for_the_country(nlp: Language) -> None:
    doc = nlp("The Kenyan military said its soldiers had left the town.")
    entities = {e.id: e for e in doc._.sitroom_entities}
    [claim] = doc._.sitroom_claims
    # The country's forces, named with its nationality and of its country.
    side = entities[claim.side or ""]
    assert (side.name, side.country) == ("Kenyan military", "KE")


def test_a_countrys_army_under_two_names_does_not_contradict_itself(nlp: Language) -> None:
    text = (
        "The Kenyan military said its troops had entered the village. "
        "The Kenya Defence Forces denied that its troops entered the village."
    )
    claims, found, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert not found


def test_gunmen_absent_from_one_place_and_present_in_another_is_no_dispute(nlp: Language) -> None:
    text = (
        "The Hill Brigade said gunmen were not present in the clinic. "
        "The interior ministry said gunmen were hiding in the mosque."
    )
    claims, found, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["deny", "assert"]
    assert not found


def test_no_shelling_denies_the_shelling_of_that_town(nlp: Language) -> None:
    text = (
        "The governor said there was no shelling in Kadugli. "
        "Residents said the Northern Brigade shelled Kadugli."
    )
    denial, _ = _denial_meeting_claim(nlp, text)
    assert denial.proposition is not None and denial.proposition.place == "Kadugli"


def test_none_of_the_soldiers_is_about_the_soldiers(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "The navy said none of its sailors were wounded.")
    [denial] = claims
    assert denial.stance == "deny"
    assert denial.proposition is not None and denial.proposition.subject == "sailor"


def test_nobody_hurt_denies_the_injuries_another_side_claims(nlp: Language) -> None:
    text = (
        "The governor said nobody was hurt in the blast. "
        "The Coastal Union said six guards were injured in the blast."
    )
    denial, _ = _denial_meeting_claim(nlp, text)
    assert denial.proposition is not None and denial.proposition.family == "violence"


def test_somebody_hurt_in_a_fall_is_no_happening(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "The coach said the player was hurt in a fall.")
    [claim] = claims
    assert claim.stance == "assert"
    assert claim.proposition is not None and claim.proposition.family is None


def test_a_pronoun_without_antecedent_names_nobody(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "The firm denies claims that it dumped waste in the lake.")
    assert claims
    assert all(c.proposition is None or c.proposition.subject != "it" for c in claims)


def test_a_happening_done_to_nobody_denies_it(nlp: Language) -> None:
    text = (
        "Medics said the air strike killed 30 civilians. "
        "The air force said the strike killed no civilians."
    )
    [claim, denial], [contradiction], _ = ledger(nlp, text)
    assert claim.stance == "assert" and denial.stance == "deny"
    assert contradiction.claims == (claim.id, denial.id)
    # an object that is somebody is no denial
    [plain], _, _ = ledger(nlp, "The air force said the strike killed two fighters.")
    assert plain.stance == "assert"


def test_a_negated_act_in_the_perfect_denies_it(nlp: Language) -> None:
    text = (
        "The rebels said they had entered the city. "
        "The army insisted the rebels had not entered the city."
    )
    [claim, denial], [contradiction], _ = ledger(nlp, text)
    assert claim.stance == "assert" and denial.stance == "deny"
    assert contradiction.claims == (claim.id, denial.id)


def test_not_carrying_out_strikes_denies_the_strikes(nlp: Language) -> None:
    text = (
        "Villagers said the army shelled the market on Monday. "
        "The army said it had not carried out any strikes in the area."
    )
    [claim, denial], [contradiction], _ = ledger(nlp, text)
    assert denial.stance == "deny" and denial.proposition is not None
    assert (denial.proposition.kind, denial.proposition.family) == ("event", "violence")
    assert contradiction.claims == (claim.id, denial.id)


def test_a_passive_denial_without_a_doer_meets_whoever_is_said_to_have_done_it(
    nlp: Language,
) -> None:
    text = (
        "The governor said the police had fixed the water supply. "
        "Residents said the water supply was not fixed."
    )
    [fixed, denial], [contradiction], _ = ledger(nlp, text)
    assert denial.stance == "deny"
    assert contradiction.claims == (fixed.id, denial.id)


def test_a_passive_denial_naming_another_doer_is_no_denial_of_this_one(nlp: Language) -> None:
    text = (
        "The company said engineers repaired the bridge. "
        "Local officials said the bridge was not repaired by the company."
    )
    _, contradictions, _ = ledger(nlp, text)
    assert contradictions == []


def test_a_speaker_who_is_nobody_in_particular_takes_no_side(nlp: Language) -> None:
    text = (
        "The mayor said the dam is not damaged. "
        "Those who claim that the dam is damaged are wrong, he added."
    )
    claims, contradictions, _ = ledger(nlp, text)
    generic = [c for c in claims if c.claimant_text is None and "damaged" in c.text]
    assert generic and all(c.side is None for c in generic)
    assert all(generic[0].id not in k.claims for k in contradictions)


@pytest.mark.parametrize(
    "said",
    [
        "Police said no officer had fired tear gas at the students.",
        "The council said nobody has taken the grain from the depot.",
        "The port authority said no ship had unloaded weapons in Berbera.",
    ],
)
def test_a_past_deed_done_by_nobody_is_denied(nlp: Language, said: str) -> None:
    claims, _, _ = ledger(nlp, said)
    [claim] = claims
    assert claim.stance == "deny", said


@pytest.mark.parametrize(
    "said",
    [
        "Police said no group has claimed responsibility for the blast.",  # tells of no claim
        "Police said the officers fired tear gas at the students.",
        "The council said nobody will take the grain from the depot.",  # no past deed
    ],
)
def test_reports_and_acts_by_somebody_or_to_come_are_no_denials(nlp: Language, said: str) -> None:
    claims, _, _ = ledger(nlp, said)
    assert claims and claims[0].stance == "assert", said
