"""An act that answers another side's ("repelled the assault") is one happening with it, whose
doer is the answering act's other party; a doer the speaker calls their own ("our troops") is
stated, never filled with the article's only doer of the kind. Real model, sentences written
here."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _parties(nlp: Language, text: str, trigger: str) -> tuple[str | None, str | None]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == trigger)
    return names.get(event.actor1 or ""), names.get(event.actor2 or "")


def test_the_repelled_assault_s_doer_is_whom_the_defenders_fought(nlp: Language) -> None:
    text = (
        "Fighters of the Northern Front attacked an army post near Kadugli on Monday. "
        'An army spokesman said "our troops repelled the assault".'
    )
    actor1, actor2 = _parties(nlp, text, "repelled")
    assert actor2 == "Northern Front"
    assert actor1 != "Northern Front"


def test_a_doer_named_as_the_speaker_s_own_is_not_the_other_side(nlp: Language) -> None:
    text = (
        "Fighters of the Northern Front attacked an army post near Kadugli on Monday. "
        'A spokesman said "we pushed them back before dawn".'
    )
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    for event in doc._.sitroom_events:
        if text[event.trigger[0] : event.trigger[1]] == "pushed":
            assert names.get(event.actor1 or "") != "Northern Front"


def test_the_spokesman_s_troops_are_his_side_and_the_answered_doer_the_other(
    nlp: Language,
) -> None:
    text = (
        "Rebels stormed a police post in Tessalit on Sunday. Moussa Traore, a spokesman for "
        "the Malian police, said their officers had repelled the attack."
    )
    actor1, actor2 = _parties(nlp, text, "repelled")
    assert actor1 is not None and "olice" in actor1  # the police, not the rebels
    assert actor2 == "Rebels"


@pytest.mark.parametrize(
    ("text", "trigger", "doer"),
    [
        # "our" in a spokesman's words: the side he speaks for, by a preposition
        (
            '"Our fighters seized the bridge at dawn," said a spokesman for the Free Syrian Army.',
            "seized",
            "Free Syrian Army",
        ),
        # "their" owned by the reporting subject, also in a light-verb phrase
        ("The Taliban said their fighters had taken control of the district.", "taken", "Taliban"),
    ],
)
def test_a_possessive_doer_in_reported_words_is_the_reporter_s_side(
    nlp: Language, text: str, trigger: str, doer: str
) -> None:
    assert _parties(nlp, text, trigger)[0] == doer
