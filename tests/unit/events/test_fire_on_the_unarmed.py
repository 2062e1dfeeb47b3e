"""Gunfire at unarmed people is no battle: a state's forces firing on protesters repress them
(COERCE), anyone firing on civilians or protesters otherwise attacks them (ASSAULT), and fire
exchanged with armed men stays a fight. Read with the real English model on sentences written
for this test."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _fired(nlp: Language, text: str) -> tuple[str, str | None, str | None]:
    doc = nlp(text)
    event = next(
        e for e in doc._.sitroom_events if text[e.trigger[0] :].startswith(("open", "fir"))
    )
    acled = event.acled.sub_event_type if event.acled else None
    return event.type, event.mode, acled


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers opened fire on demonstrators outside the governor's office in Velmar.",
        "Riot police fired at marchers who had blocked the bridge into Tessaly.",
    ],
)
def test_a_force_firing_on_protesters_represses_them(nlp: Language, text: str) -> None:
    assert _fired(nlp, text) == ("COERCE", "repress", "Excessive force against protesters")


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen opened fire on villagers at a funeral near Kessa, killing six.",
        "Masked men fired at worshippers leaving a church in the hill town of Orvane.",
    ],
)
def test_anyone_firing_on_civilians_attacks_them(nlp: Language, text: str) -> None:
    kind, _mode, acled = _fired(nlp, text)
    assert (kind, acled) == ("ASSAULT", "Attack")


def test_fire_at_armed_men_stays_a_fight(nlp: Language) -> None:
    text = "Troops fired at rebels who had attacked a checkpoint near Orlo."
    assert _fired(nlp, text)[0] == "FIGHT"
