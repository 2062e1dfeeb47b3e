"""Names typed by their construction (sitroom/actors/credits.py): the outlet credited in
parentheses after a dateline, on blank-English tokens written for these tests."""

from __future__ import annotations

import pytest
import spacy

from sitroom.actors.credits import credited_outlet


@pytest.mark.parametrize(
    ("text", "start", "end", "credited"),
    [
        ("BAIDOA, May 4 (Kivu Voice) - Fighters attacked a post.", 5, 7, True),
        ("KABUL (Frontier Post) - Gunmen killed two guards.", 2, 4, True),
        ("Police said (John Smith) - nobody was hurt.", 3, 5, False),
        ("The minister (Amina Yusuf) - a veteran - resigned.", 3, 5, False),
        ("GAO, June 2 (Sahel Ledger) Soldiers clashed with rebels.", 5, 7, False),
    ],
)
def test_the_credit_after_a_dateline_is_the_outlet(
    text: str, start: int, end: int, credited: bool
) -> None:
    doc = spacy.blank("en")(text)
    assert credited_outlet(doc, doc[start:end]) is credited
