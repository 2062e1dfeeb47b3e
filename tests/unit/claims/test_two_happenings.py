"""Two claims of one family of happening are about one proposition only when something ties
them: a doer, a place, the word of the happening, or a toll. A capture claimed by one party and
a targeting denied by another are two happenings. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import claim, ledger
from sitroom.claims.contradictions import _two_happenings
from sitroom.model import Claim, PloverType, Proposition

pytestmark = pytest.mark.model


def test_a_capture_and_a_denied_shooting_are_two_happenings(nlp: Language) -> None:
    text = (
        "The militia's spokesman said the group had overrun a border post near Kamara. "
        "A police commander said his officers did not shoot anyone."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert [c.stance for c in claims] == ["assert", "deny"]
    assert contradictions == []


def test_a_bombing_and_its_denial_are_one_happening(nlp: Language) -> None:
    text = (
        "A camp official said warplanes bombed the refugee camp on Thursday. "
        "The air force denied the bombing."
    )
    [bombed, denied], [contradiction], _ = ledger(nlp, text)
    assert contradiction.claims == (bombed.id, denied.id)


def test_a_toll_denied_meets_the_happening_of_its_family(nlp: Language) -> None:
    text = (
        "A nurse said soldiers killed two farmers in a raid on the village on Monday. The army "
        "said nobody was killed."
    )
    [raided, none], [contradiction], _ = ledger(nlp, text)
    assert none.stance == "deny" and contradiction.claims == (raided.id, none.id)


def test_a_toll_denied_does_not_deny_a_happening_told_without_harm(nlp: Language) -> None:
    # "nobody was killed" denies the dead, not the raid (claims/rivalry.other_deed)
    text = "A nurse said soldiers raided the village on Monday. The army said nobody was killed."
    [_, none], found, _ = ledger(nlp, text)
    assert none.stance == "deny" and found == []


def test_harm_words_are_the_ones_the_ledger_was_given() -> None:
    """A user's vocabulary file may add a verb of harm ("slay"): a claim of what it did to
    people is about any happening of its family, so the words come from the ledger's trigger
    vocabulary, not only the packaged one."""
    text = "A farmer said raiders looted the market. A priest said the gunmen slew nobody."

    def event_claim(cid: str, phrase: str, kind: PloverType, predicate: str) -> Claim:
        proposition = Proposition(
            kind="event", family="violence", event_type=kind, predicate=predicate, text=phrase
        )
        made: Claim = claim(text, cid, "assert", phrase, event=f"e-{cid}", proposition=proposition)
        return made

    looted = event_claim("c1", "raiders looted the market", "ASSAULT", "loot market")
    slew = event_claim("c2", "the gunmen slew nobody", "FIGHT", "slay nobody")
    assert _two_happenings(looted, slew, frozenset({"kill"}))
    assert not _two_happenings(looted, slew, frozenset({"kill", "slay"}))
