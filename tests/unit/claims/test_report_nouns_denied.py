"""Which statement a denied noun of report stands for ("the army's announcement", "the
announcement", "the reports"): the owner's own statement, not everything its spokesman added;
what the other side said it did itself; the reports of what a denial said in the same breath
denies. A statement quoted inside another speaker's quote is no side's public claim. Real
model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import contradiction_pairs

pytestmark = pytest.mark.model


def test_a_denied_announcement_of_an_owner_is_its_own_statement_not_its_spokesmans(
    nlp: Language,
) -> None:
    text = (
        "The army said its troops had captured a rebel commander near Abeche on Friday. Army "
        "spokesman Ali Mahamat said the commander had ordered raids on villages near the border. "
        "He said the commander would be tried in Ndjamena. The rebels denied the army's "
        "announcement."
    )
    assert contradiction_pairs(nlp, text) == [
        (
            "its troops had captured a rebel commander near Abeche on Friday",
            "the army's announcement",
        )
    ]


def test_a_dismissed_announcement_is_what_the_other_side_said_it_did(nlp: Language) -> None:
    text = (
        "The rebels said their fighters had seized an army post near Goma on Sunday. A rebel "
        "spokesman said army jets had bombed a camp for displaced people. The army dismissed "
        "the announcement."
    )
    pairs = contradiction_pairs(nlp, text)
    assert [said for said, _ in pairs] == [
        "their fighters had seized an army post near Goma on Sunday"
    ]


def test_the_reports_called_false_beside_a_denial_are_the_reports_it_denies(
    nlp: Language,
) -> None:
    text = (
        "Villagers said soldiers shot dead six farmers near Kindia on Monday. A rescue worker "
        "said two houses had been destroyed by fire. The governor denied that any farmers had "
        "been killed, calling the reports false."
    )
    said = "soldiers shot dead six farmers near Kindia on Monday"
    assert (said, "the reports") in contradiction_pairs(nlp, text)
    assert all(a == said for a, _ in contradiction_pairs(nlp, text))


def test_what_a_quoted_speaker_was_told_is_no_claim_a_denial_answers(nlp: Language) -> None:
    text = (
        "Residents said coalition jets bombed a clinic near Hajjah on Monday, killing four "
        'patients. "I was washing the floor when the roof fell," said a nurse, Fatima Ali. '
        '"The director had told us the coalition would never strike a clinic." The coalition '
        "rejected the reports."
    )
    told = "the coalition would never strike a clinic"
    assert all(told not in said for said, _ in contradiction_pairs(nlp, text))
