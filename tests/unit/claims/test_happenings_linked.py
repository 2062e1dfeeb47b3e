"""A claim whose words code no happening of their own is linked to the one the article tells:
a toll a sentence after the happening it counts, a statement that a place has (not) fallen
after the capture of that place. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_a_toll_told_after_the_shelling_counts_its_dead(nlp: Language) -> None:
    text = (
        "Artillery shelled the market in Kadugli on Monday. "
        "Hospital officials said 17 people were killed."
    )
    [toll], _, _ = ledger(nlp, text)
    doc = nlp(text)
    [shelling] = [e for e in doc._.sitroom_events if e.type != "ASSAULT"]
    assert toll.event == shelling.id
    assert toll.proposition is not None and toll.proposition.place == "Kadugli"
    assert toll.proposition.killed == 17
    assert toll.proposition.actors == []  # a toll says how many died, not who did it


def test_the_dead_of_a_dying_verb_are_of_the_happening_before(nlp: Language) -> None:
    text = "Rebels attacked a convoy near Kadugli on Monday. A nurse said nine soldiers died."
    [died], _, _ = ledger(nlp, text)
    assert died.event is not None
    assert died.proposition is not None and died.proposition.kind == "event"
    assert died.proposition.family == "violence"


def test_a_toll_with_a_place_of_its_own_keeps_it(nlp: Language) -> None:
    text = (
        "Artillery shelled the market in Kadugli on Monday. "
        "Officials said 17 people were killed in Talodi."
    )
    [toll], _, _ = ledger(nlp, text)
    assert toll.proposition is not None and toll.proposition.place != "Kadugli"


def test_no_toll_without_a_happening_before(nlp: Language) -> None:
    text = "Officials said the vote was delayed. A nurse said nine people died."
    claims, _, _ = ledger(nlp, text)
    assert all(c.event is None for c in claims)


def test_a_place_said_to_have_fallen_is_about_its_capture(nlp: Language) -> None:
    text = "Rebel fighters captured Kadugli on Monday. The governor said Kadugli had fallen."
    [fallen], _, _ = ledger(nlp, text)
    doc = nlp(text)
    [capture] = doc._.sitroom_events
    assert fallen.event == capture.id


def test_a_place_said_not_to_have_fallen_is_about_its_capture(nlp: Language) -> None:
    text = (
        "Rebel fighters captured Kadugli on Monday, a rebel spokesman said. "
        "The governor said Kadugli had not fallen."
    )
    [captured, denied], [contradiction], _ = ledger(nlp, text)
    assert captured.event is not None and denied.event == captured.event
    assert contradiction.claims == (captured.id, denied.id)


def test_the_dead_of_another_place_are_no_toll_of_the_happening_before(nlp: Language) -> None:
    text = (
        "Rebels attacked a convoy near Kadugli on Monday. A nurse said nine people died in Talodi."
    )
    [died], _, _ = ledger(nlp, text)
    assert died.event is None


def test_a_bare_denial_of_involvement_is_about_the_happening_before(nlp: Language) -> None:
    text = (
        "Gunmen attacked a police post in Kadugli on Monday, a police officer said. "
        "The Eastern Front denied any involvement."
    )
    [attack, denial], contradictions, _ = ledger(nlp, text)
    assert denial.stance == "deny" and denial.event == attack.event
    assert denial.proposition is not None and denial.proposition.responsibility
    assert denial.proposition.actors == ["Eastern Front"]
    # the officer's account names no doer the front would deny being (test_doers_denied.py)
    assert contradictions == []


def test_a_bare_denial_of_responsibility_names_its_party_as_the_doer(nlp: Language) -> None:
    text = (
        "Warplanes bombed a market in Kadugli on Monday. The Eastern Front denied responsibility."
    )
    [denial], _, _ = ledger(nlp, text)
    assert denial.stance == "deny" and denial.event is not None
    assert denial.proposition is not None and denial.proposition.place == "Kadugli"
    assert denial.proposition.actors == ["Eastern Front"]


def test_responsibility_for_something_named_is_no_bare_part(nlp: Language) -> None:
    text = (
        "Warplanes bombed a market in Kadugli on Monday. "
        "The minister denied responsibility for the delays in the aid."
    )
    [claim], _, _ = ledger(nlp, text)
    assert claim.event is None
