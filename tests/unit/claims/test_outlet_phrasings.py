"""How outlets phrase one disputed happening, each read to the proposition that lets the
reports of the other side meet it: an origin said of the weapons ("the drones that struck X were
launched from Y"), a party's part in it denied ("had no role in the attack"), a plea to "a
charge of murder", a place "conquered", a presence denied with "there were no ...", a kind of
party by its word, places held in the speaker's words. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.model import Claim, Proposition

pytestmark = pytest.mark.model


def _one(nlp: Language, text: str) -> Claim:
    claims, _, _ = ledger(nlp, text)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _said(claim: Claim) -> Proposition:
    assert claim.proposition is not None, claim.text
    return claim.proposition


def test_an_origin_said_of_the_weapons_is_the_origin_of_the_attack(nlp: Language) -> None:
    said = _said(
        _one(nlp, "Officials said the drones that struck the depot were launched from Syria.")
    )
    assert said.kind == "event" and said.family == "violence"
    assert said.actors == ["Syria"] and said.responsibility


def test_no_role_in_an_attack_denies_having_done_it(nlp: Language) -> None:
    claim = _one(nlp, "The Northern Front said it had no role in the bombing of the bridge.")
    said = _said(claim)
    assert claim.stance == "deny" and said.family == "violence"
    assert said.actors == ["Northern Front"] and said.responsibility
    # a part somebody else had is no part of the speaker's
    other = _one(nlp, "The minister said he welcomed Qatar's role in the talks.")
    assert other.stance == "assert" and _said(other).actors == []


def test_a_plea_to_a_charge_of_murder_denies_the_killing(nlp: Language) -> None:
    claims, _, _ = ledger(nlp, "Tomas Brandt pleaded not guilty to a charge of murder.")
    denials = [c for c in claims if c.stance == "deny" and _said(c).kind == "event"]
    assert denials and all(_said(c).event_type == "ASSAULT" for c in denials)
    assert all(_said(c).actors == ["Tomas Brandt"] for c in denials)


def test_a_conquered_or_seized_place_was_captured(nlp: Language) -> None:
    for text in (
        "The commander said the town of Kadugli had been conquered.",
        "The commander denied that the town of Kadugli had been conquered.",
    ):
        said = _said(_one(nlp, text))
        assert (said.family, said.place) == ("violence", "Kadugli"), text


def test_there_being_nobody_in_a_place_keeps_the_place(nlp: Language) -> None:
    claims, contradictions, _ = ledger(
        nlp,
        "The army said gunmen were hiding in the clinic. "
        "The charity said there were no gunmen in the clinic.",
    )
    hidden, nobody = claims
    assert nobody.stance == "deny"
    assert _said(hidden).predicate == _said(nobody).predicate == "be at clinic"
    assert _said(hidden).subject == _said(nobody).subject == "gunman"
    assert [k.claims for k in contradictions] == [(hidden.id, nobody.id)]


def test_a_place_held_in_the_speakers_words_was_not_taken(nlp: Language) -> None:
    capture = "The rebels said they had captured Kadugli. "
    for said in (
        'A government spokesman said: "The airport in Kadugli remains under our control."',
        'The governor said: "Our troops are in full control of Kadugli."',
        "The Eastern Front said the front still holds Kadugli.",
    ):
        claims, contradictions, _ = ledger(nlp, capture + said)
        [denial] = [c for c in claims if c.stance == "deny"]
        assert (_said(denial).family, _said(denial).place) == ("violence", "Kadugli"), said
        assert [k.claims for k in contradictions] == [(claims[0].id, denial.id)], said
    # the front held by somebody else, or a body that is not the speaker's
    for said in (
        "The United Nations said the front still holds Kadugli.",
        'The governor said: "The rebels are in full control of Kadugli."',
    ):
        claims, contradictions, _ = ledger(nlp, capture + said)
        assert all(c.stance == "assert" for c in claims) and contradictions == [], said


def test_a_rejection_answered_in_no_claim_of_its_article_is_of_the_owners_accusations(
    nlp: Language,
) -> None:
    rejection = _one(nlp, "The Varnian army on Friday rejected the rebels' accusations.")
    said = _said(rejection)
    assert rejection.stance == "deny" and said.kind == "event" and said.family is None
    assert said.actors == ["Varnian"] and said.subject == "Rebels"
    # answered in its article: it denies what the owner claims there
    claims, [_], _ = ledger(
        nlp,
        "The rebels accused the army of shelling the market in Kadugli. "
        "The army rejected the rebels' accusations.",
    )
    assert _said(claims[-1]).family == "violence"
    # no owner named: too little to meet anything outside the article
    assert _said(_one(nlp, "The army denied the claims.")).predicate != "accuse"


def test_fired_from_a_building_says_where_not_who(nlp: Language) -> None:
    said = _said(_one(nlp, "The army said gunmen had fired rockets from the clinic."))
    assert said.actors == [] and not said.responsibility
    # a party still is who: "the attack came from the militia"
    said = _said(_one(nlp, "Officials said the attack came from the militia."))
    assert said.actors == ["Militia"] and said.responsibility
