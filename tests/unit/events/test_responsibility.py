"""Claims of responsibility (responsibility.yaml) with the real model: the claimer becomes
actor1 of the attack, also of one reported in an earlier sentence. The sentences are made up for
these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.model import Event

pytestmark = pytest.mark.model


def attacks(nlp: Language, text: str) -> tuple[list[Event], dict[str, str]]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    found = [e for e in doc._.sitroom_events if e.type in {"ASSAULT", "FIGHT"}]
    return found, names


def test_a_claim_in_a_later_sentence_names_the_earlier_attacker(nlp: Language) -> None:
    text = (
        "Gunmen attacked a police station in Kano on Monday. "
        "Boko Haram claimed responsibility for the attack."
    )
    [attack], names = attacks(nlp, text)
    assert text[attack.trigger[0] : attack.trigger[1]] == "attacked"  # the first report
    assert names[attack.actor1 or ""] == "Boko Haram"
    assert attack.modality == "claimed"
    assert names[attack.attributed_to or ""] == "Boko Haram"


def test_taking_responsibility_without_naming_the_attack(nlp: Language) -> None:
    text = "Militants attacked a checkpoint in Arish on Friday. Al-Qaeda took responsibility."
    [attack], names = attacks(nlp, text)
    assert names[attack.actor1 or ""] == "al-Qaeda"


def test_saying_it_carried_out_the_attack_is_a_claim(nlp: Language) -> None:
    text = "Gunmen stormed a hotel in Mogadishu. Al-Shabaab said it carried out the attack."
    [attack], names = attacks(nlp, text)
    assert names[attack.actor1 or ""] == "al-Shabaab"
    assert attack.modality == "claimed"


def test_a_negated_claim_names_nobody(nlp: Language) -> None:
    [attack], _ = attacks(nlp, "No group has claimed responsibility for the bombing in Quetta.")
    assert attack.actor1 is None
    [attack], _ = attacks(nlp, "The rebels did not claim responsibility for the attack.")
    assert attack.actor1 is None
