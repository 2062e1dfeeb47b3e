"""A pronoun in a speaker's own words (issue 15): in a direct quotation "he" or "they" is someone
the speaker speaks of, never the speaker ("I" and "we" are the speaker and his side), whereas in
indirect speech "X said he ..." he is X; and a pronoun told before its source ("his arrest
followed complaints, a police spokesman said") refers back, not to that source.

Short reports written for these tests, read whole by the real English model.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import coded

pytestmark = pytest.mark.model


def _doers(nlp: Language, text: str, word: str) -> list[str | None]:
    return [a1 for trigger, _, a1, _ in coded(nlp, text) if trigger == word]


def test_a_quoted_he_after_the_quote_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "A gunman opened fire at a wedding in the town of Mardin on Saturday. "
        '"He shot two guards before fleeing," police chief Omar Farah said.'
    )
    assert _doers(nlp, text, "shot") == ["gunman"]


def test_a_quoted_he_after_a_colon_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "Protesters surrounded a police officer in the square on Sunday. Superintendent Mary "
        'Tan said at a news conference: "Our colleague was in danger. To protect his own life, '
        'he fired a warning shot."'
    )
    assert _doers(nlp, text, "fired") == [None]


def test_indirect_speech_keeps_the_speaker(nlp: Language) -> None:
    text = "Colonel Omar Farah said he had ordered his men to shoot the attackers."
    assert _doers(nlp, text, "ordered") == ["omar farah"]


def test_a_pronoun_before_its_trailing_source_is_not_the_source(nlp: Language) -> None:
    # "his" is the pastor told before, not the spokesman named after what he says; the arrest
    # it restates is the police's
    text = (
        "Police in Lagos arrested a pastor on Friday over the deaths of two worshippers. His "
        "arrest followed complaints from church members, a police spokesman said."
    )
    assert [(a1, a2) for w, _, a1, a2 in coded(nlp, text) if w == "arrest"] == [
        ("police", "pastor")
    ]


def test_we_of_an_army_spokesman_is_the_army(nlp: Language) -> None:
    # "army" before the role noun is tagged a proper noun in lower case: still the army, whose
    # spokesman's "we" it is
    text = (
        "Soldiers raided a village near Maiduguri on Sunday. "
        '"We arrested 12 men and seized rifles," army spokesman Musa Danladi said.'
    )
    assert _doers(nlp, text, "arrested") == ["army"]
