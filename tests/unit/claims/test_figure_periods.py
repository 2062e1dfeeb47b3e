"""Figures of other periods are no rival tolls: a running total ("since the siege began",
"so far this year") or a past toll counts another time than the toll of the news, while two
figures of one period still rival each other. Real model, sentences written for these tests
(session 17)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import contradiction_pairs

pytestmark = pytest.mark.model

NEWS = "The army said a drone strike on the market in Gedaref killed 12 people on Sunday. "


@pytest.mark.parametrize(
    "other",
    [
        "The UN said more than 900 civilians had been killed in Gedaref since the siege began.",
        "The UN said 900 people had been killed in Gedaref so far this year.",
    ],
)
def test_a_running_total_is_no_rival_of_the_toll_of_the_news(nlp: Language, other: str) -> None:
    assert contradiction_pairs(nlp, NEWS + other) == []


def test_a_toll_of_the_same_period_is_still_a_rival(nlp: Language) -> None:
    text = NEWS + "The rebels said the drone strike on the market in Gedaref killed 40 people."
    pairs = contradiction_pairs(nlp, text)
    assert len(pairs) == 1 and "12 people" in pairs[0][0] and "40 people" in pairs[0][1]


def test_two_running_totals_rival_each_other(nlp: Language) -> None:
    text = (
        "The UN said 900 civilians had been killed in Gedaref since the siege began. "
        "The army said only 90 civilians had been killed in Gedaref since the siege began."
    )
    assert len(contradiction_pairs(nlp, text)) == 1
