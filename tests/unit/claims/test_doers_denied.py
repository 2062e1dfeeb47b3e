"""A denial of who did a happening disputes only the accounts that name its doer: "14 people
were killed" does not say the militia did it. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.model import Proposition


@pytest.mark.model
def test_a_denied_part_does_not_meet_a_toll(nlp: Language) -> None:
    text = (
        "Gunmen attacked a camp near Bunia on Wednesday. Camp officials said 14 people were "
        "killed. The Eastern Front denied any involvement."
    )
    claims, contradictions, _ = ledger(nlp, text)
    denial = claims[-1]
    assert denial.stance == "deny" and denial.proposition is not None
    assert denial.proposition.responsibility
    assert all(denial.id not in k.claims for k in contradictions)


@pytest.mark.model
def test_a_spokesman_denying_his_fighters_did_it_does_not_meet_a_toll(nlp: Language) -> None:
    text = (
        "Shells hit a market in the town of Kutum on Monday. Western Front spokesman Adam Bashir "
        "denied that his fighters had shelled the market. Fighting near the town "
        "last month killed nine people, a monitoring group said."
    )
    claims, contradictions, _ = ledger(nlp, text)
    denial = next(c for c in claims if c.stance == "deny")
    assert denial.proposition is not None and denial.proposition.responsibility
    assert all(denial.id not in k.claims for k in contradictions)


@pytest.mark.model
def test_a_denied_part_meets_the_account_that_names_the_doer(nlp: Language) -> None:
    text = (
        "Police said the Eastern Front attacked a camp near Bunia on Wednesday. "
        "The Eastern Front denied any involvement in the attack."
    )
    [said, denial], [contradiction], _ = ledger(nlp, text)
    assert contradiction.claims == (said.id, denial.id)


def _event(subject: str | None, actors: list[str], responsibility: bool) -> Proposition:
    return Proposition(
        kind="event",
        family="violence",
        event_type="ASSAULT",
        actors=actors,
        responsibility=responsibility,
        subject=subject,
        text="ASSAULT",
    )


@pytest.mark.parametrize(
    ("said", "denier", "left_open"),
    [
        # "warplanes bombed the camp" does not say the front or the army did it
        (_event("warplane", [], False), "Eastern Front", True),
        (_event("warplane", [], False), "Army", True),
        # "the army shelled the market" names the army by a common noun, not the front
        (_event("army", [], False), "Army", False),
        (_event("army", [], False), "Eastern Front", True),
        # an account naming a doer is for matches() to judge
        (_event("Front", ["Eastern Front"], False), "Eastern Front", False),
    ],
)
def test_which_accounts_leave_the_denied_doer_open(
    said: Proposition, denier: str, left_open: bool
) -> None:
    assert said.names_no_doer_denied_by(_event(None, [denier], True)) is left_open
    # a denial that is no denial of who did it leaves nothing open
    assert said.names_no_doer_denied_by(_event(None, [denier], False)) is False


@pytest.mark.model
@pytest.mark.parametrize(
    ("doers", "disputed"),
    [
        ("government troops", True),  # the army's kind of party by a generic noun
        ("militia fighters", False),  # an armed group: not the army
    ],
)
def test_a_doer_named_by_a_noun_of_the_deniers_kind_is_denied(
    nlp: Language, doers: str, disputed: bool
) -> None:
    text = (
        f"Villagers said {doers} had burned houses in Abyei on Monday. "
        "The army denied burning any houses."
    )
    _, contradictions, _ = ledger(nlp, text)
    assert bool(contradictions) == disputed
