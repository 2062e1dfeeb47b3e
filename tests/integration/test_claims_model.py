"""Quotes, speakers and claims with the English model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.model import Claim, Quote

pytestmark = pytest.mark.model


def _run(nlp: Language, text: str) -> tuple[list[Quote], list[Claim], dict[str, str]]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    return list(doc._.sitroom_quotes), list(doc._.sitroom_claims), names


def _words(text: str, span: tuple[int, int] | None) -> str | None:
    return text[span[0] : span[1]] if span else None


def test_speaker_after_the_quote_and_the_quote_that_continues(nlp: Language) -> None:
    text = (
        '"We will rebuild the bridge by spring," Governor Alan Petrov said on Monday. '
        '"Nobody will be left behind."'
    )
    quotes, _, names = _run(nlp, text)
    first, second = quotes
    assert names[first.speaker or ""] == "Alan Petrov" and first.cue == "say"
    assert second.kind == "direct" and second.speaker == first.speaker
    assert second.cue is None and second.speaker_span == first.speaker_span


def test_said_before_the_speaker(nlp: Language) -> None:
    text = '"The convoy was attacked twice," said Maria Lenz, a spokeswoman for the Red Cross.'
    [quote], _, names = _run(nlp, text)
    assert names[quote.speaker or ""] == "Maria Lenz"
    assert "Maria Lenz" in (_words(text, quote.speaker_span) or "")


def test_according_to_and_a_statement_by(nlp: Language) -> None:
    text = (
        "According to the Interior Ministry, three bombs exploded near the market in Kandor. "
        "A statement by the Health Ministry said 40 people were injured in the blast."
    )
    quotes, claims, names = _run(nlp, text)
    assert [(q.kind, q.cue) for q in quotes] == [("indirect", "according to"), ("indirect", "say")]
    assert [names.get(q.speaker or "") for q in quotes] == ["Interior Ministry", "Health Ministry"]
    assert _words(text, quotes[1].speaker_span) == "A statement by the Health Ministry"
    assert [c.claimant for c in claims] == [q.speaker for q in quotes]


def test_colon_after_the_reporting_verb(nlp: Language) -> None:
    text = 'The army spokesman told reporters: "The town is under our control."'
    [quote], [claim], _ = _run(nlp, text)
    assert quote.kind == "direct" and quote.cue == "tell"
    assert _words(text, quote.speaker_span) == "The army spokesman"
    assert claim.claimant == quote.speaker


def test_pronoun_and_partial_quote_keep_the_reporting_speaker(nlp: Language) -> None:
    text = (
        "Kofi Mensah, the mayor of Tamale, said the shelling had stopped. "
        'He added that the water supply "remains fragile" in the eastern districts.'
    )
    quotes, _, names = _run(nlp, text)
    partial = next(q for q in quotes if q.kind == "partial")
    assert partial.text == "remains fragile"
    assert names[partial.speaker or ""] == "Kofi Mensah" and partial.cue == "add"
    assert _words(text, partial.speaker_span) == "He"
    assert {q.kind for q in quotes} == {"indirect", "partial"}


def test_a_speaker_that_is_no_actor_keeps_its_mention(nlp: Language) -> None:
    text = 'The minister said the talks had failed.\n\n"We gave them every chance."'
    quotes, _, _ = _run(nlp, text)
    assert [q.kind for q in quotes] == ["indirect", "direct"]
    assert all(q.speaker is None for q in quotes)
    assert _words(text, quotes[1].speaker_span) == "The minister"


def test_denial_and_hedges(nlp: Language) -> None:
    text = (
        "The rebels denied that they had shelled the hospital. "
        "The ministry reportedly said the ceasefire may have collapsed."
    )
    _, claims, _ = _run(nlp, text)
    denial, report = claims
    assert denial.stance == "deny" and denial.hedges == []
    assert report.stance == "assert" and report.hedges == ["may have", "reportedly"]


def test_what_somebody_called_it(nlp: Language) -> None:
    text = 'The police described the protest as "largely peaceful".'
    quotes, claims, _ = _run(nlp, text)
    assert [(q.kind, q.cue) for q in quotes] == [("indirect", "describe"), ("partial", "describe")]
    assert quotes[0].text == 'the protest as "largely peaceful"'
    assert {_words(text, q.speaker_span) for q in quotes} == {"The police"}
    assert claims == []  # describing asserts nothing
