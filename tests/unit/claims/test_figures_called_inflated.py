"""A figure called too high or false ("said the figure was inflated", "disputed the figure")
denies the figure another side gave before it; a figure named for its owner ("the group's
figure") denies that party's figure, not the one just told, and one not called too high
denies nothing. Real model, sentences
written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger

pytestmark = pytest.mark.model

TOLL = "The rebels said 35 soldiers were killed in the fighting at Rumbek. "


@pytest.mark.parametrize(
    "said",
    [
        "The army said the figure was inflated.",
        "A military spokesman said these numbers were grossly exaggerated.",
        "The defence ministry said the toll was false.",
        "The governor disputed the figure.",
    ],
)
def test_a_figure_called_too_high_denies_the_toll_before_it(nlp: Language, said: str) -> None:
    claims, contradictions, _ = ledger(nlp, TOLL + said)
    toll, denial = claims[0], claims[-1]
    assert denial.stance == "deny", said
    assert [k.claims for k in contradictions] == [(toll.id, denial.id)], said


@pytest.mark.parametrize(
    "said",
    [
        "The army said the figure was not inflated.",  # agrees
        "The army said some figures were inflated.",  # no figure told before
        "The army said the bridge was damaged.",  # no figure at all
    ],
)
def test_a_figure_not_called_too_high_denies_nothing(nlp: Language, said: str) -> None:
    _, contradictions, _ = ledger(nlp, TOLL + said)
    assert contradictions == [], said


def test_a_figure_named_for_its_owner_is_not_the_one_just_told(nlp: Language) -> None:
    text = (
        "The rebels said on Monday that 80 soldiers had died. The army said 35 soldiers were "
        "killed in the fighting at Rumbek. A police officer said the rebels' figure was inflated."
    )
    claims, contradictions, _ = ledger(nlp, text)
    rebels, denial = claims[0], claims[-1]
    assert denial.stance == "deny"
    # the rebels' figure, not the army's told just before it
    assert [k.claims for k in contradictions if denial.id in k.claims] == [(rebels.id, denial.id)]
    text = text.replace("The rebels said", "Residents said")  # no rebel spoke: no claim of theirs
    claims, contradictions, _ = ledger(nlp, text)
    assert all(claims[-1].id not in k.claims for k in contradictions)


@pytest.mark.parametrize(
    "said",
    [
        "The army said there was no truth in the rebels' report.",
        "The army said the rebel claim had no basis.",
        "A military spokesman said this was not true.",
        "The army said reports of soldiers dying were exaggerated.",
        "The army said the story was invented.",
    ],
)
def test_a_claim_said_to_lack_truth_denies_the_claim_before_it(nlp: Language, said: str) -> None:
    claims, contradictions, _ = ledger(nlp, TOLL + said)
    assert claims[-1].stance == "deny", said
    assert [k.claims for k in contradictions] == [(claims[0].id, claims[-1].id)], said


def test_it_is_not_true_that_says_what_is_not_so_itself(nlp: Language) -> None:
    said = "The army said it was not true that the bridge at Rumbek had been blown up."
    _, contradictions, _ = ledger(nlp, TOLL + said)
    assert contradictions == []
