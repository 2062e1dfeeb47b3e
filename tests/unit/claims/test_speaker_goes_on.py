"""A "he said" at the head of the sentence after a named person's report goes on with that
speaker, not with a person his report names. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model


def _speakers(nlp: Language, text: str) -> list[str | None]:
    claims, _, names = ledger(nlp, text)
    return [names.get(c.claimant) if c.claimant else None for c in claims]


def test_he_goes_on_with_the_speaker_not_the_person_he_named(nlp: Language) -> None:
    text = (
        "The army's spokesman, Jean-Claude Mbala, said Tsonga was in custody in Kinshasa. "
        "He said the militia had lost the town."
    )
    assert _speakers(nlp, text) == ["Jean-Claude Mbala", "Jean-Claude Mbala"]


def test_he_after_a_quote_and_a_participle_goes_on_with_the_speaker(nlp: Language) -> None:
    text = (
        '"Tsonga is free and safe," said Joseph Dhedda, the group\'s spokesman, adding that '
        "Colonel Paul Kasongo had fled. He said the militia held Largu."
    )
    assert set(_speakers(nlp, text)) == {"Joseph Dhedda"}


def test_she_in_a_clause_of_what_others_report_is_not_the_last_speaker(nlp: Language) -> None:
    text = (
        "Daniel Harlan was found guilty on Friday, according to prosecutor Jacob Miles. "
        "Prosecutors allege Harlan shot Mary Lind after she told him she was leaving."
    )
    assert _speakers(nlp, text)[-1] == "Mary Lind"


def test_a_spokesman_the_model_takes_for_a_group_goes_on_speaking(nlp: Language) -> None:
    text = (
        "The militia's spokesman, Jean-Claude Dhedda, said Tsonga was free. "
        "He said the militia had captured an army position near Largu."
    )
    assert _speakers(nlp, text)[-1] == "Jean-Claude Dhedda"


def test_she_goes_on_with_a_titled_name_the_model_takes_for_a_group(nlp: Language) -> None:
    # the title before the name ("Police spokeswoman") says the name is a person's, whatever
    # label the model gives it; not the subject of what she said before
    text = (
        "The prisons service said on Monday that guards used only batons. Police spokeswoman "
        "Akinyi Obura said no guard had fired a gun in Kamiti. She said 12 guards were hurt."
    )
    assert _speakers(nlp, text)[-1] == "Akinyi Obura"


def test_it_goes_on_with_a_speaker_no_known_actor_names(nlp: Language) -> None:
    # the group is named by words the actors stage took for no actor: "It" speaks in those
    # words, for the group's side, not for the army named before it
    text = (
        "The army said SPLA-IO fighters attacked its barracks in Nasir. The SPLA-IO denied "
        "attacking the barracks. It said government troops had bombed villages near Ulang. "
        "The army denied bombing any villages."
    )
    claims, contradictions, _ = ledger(nlp, text)
    assert claims[1].claimant_text == claims[2].claimant_text == "The SPLA-IO"
    pairs = {k.claims for k in contradictions}
    # the army's denial of the bombing meets the group's account: "government troops" and
    # "the army" are one doer by their kind of party
    assert (claims[2].id, claims[3].id) in pairs
