"""Who carried out, launched or staged a happening is what a claim of it says about its doer:
the verb's subject, not a party the events stage took from elsewhere. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def test_the_subject_of_carried_out_is_who_did_it(nlp: Language) -> None:
    text = (
        "Gunmen attacked the market in Maiduguri on Monday. Police said Boko Haram carried "
        "out the attack. The Islamic State West Africa Province said it carried out the attack."
    )
    claims, _, _ = ledger(nlp, text)
    police = claims[0]
    assert police.proposition is not None and police.proposition.kind == "event"
    assert police.proposition.actors == ["Boko Haram"]
    assert police.proposition.responsibility  # a claim of who did it


def test_a_launched_attack_is_the_subjects(nlp: Language) -> None:
    text = "Police said Boko Haram had launched an attack on the market in Maiduguri."
    [claim], _, _ = ledger(nlp, text)
    assert claim.proposition is not None and claim.proposition.actors == ["Boko Haram"]
