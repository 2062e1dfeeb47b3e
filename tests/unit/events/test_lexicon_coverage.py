"""General trigger vocabulary by PLOVER type, with the real model: common news words for
rejecting, conceding, mobilising, crime and so on code the right type, and the context words
that keep ambiguous ones precise ("a great deal", "a thunderstorm warning") hold them back.
The sentences are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> set[tuple[str, str]]:
    doc = nlp(text)
    return {(e.type, text[e.trigger[0] : e.trigger[1]]) for e in doc._.sitroom_events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels rebuffed the government's offer of talks.", ("REJECT", "rebuffed")),
        ("The union dismissed the proposal as inadequate.", ("REJECT", "dismissed")),
        ("After weeks of protests, the government backed down.", ("CONCEDE", "backed")),
        ("Hundreds of militia fighters laid down their arms on Friday.", ("RETREAT", "laid")),
        ("The two armies agreed to a cease-fire on Tuesday.", ("RETREAT", "fire")),
        ("Moscow massed troops along the frontier with Ukraine.", ("MOBILIZE", "massed")),
        (
            "The ministry opened an enquiry into the collapse of the bank.",
            ("INVESTIGATE", "enquiry"),
        ),
        ("Kenya and Uganda exchanged intelligence on the militants.", ("COOPERATE", "exchanged")),
        ("Washington imposed tariffs on Chinese steel.", ("SANCTION", "imposed")),
        ("Police took the suspect into custody.", ("COERCE", "took")),
        ("The two parties traded accusations over the failed vote.", ("DISAPPROVE", "traded")),
        ("Gunmen opened fire on a bus near Quetta.", ("FIGHT", "opened")),
        ("Thieves stole three paintings from the museum in Oslo.", ("CRIME", "stole")),
        (
            "Customs officers said the gang smuggled cigarettes across the border.",
            ("CRIME", "smuggled"),
        ),
        ("The mayor embezzled funds intended for schools.", ("CRIME", "embezzled")),
    ],
)
def test_general_words_code_their_type(nlp: Language, text: str, expected: tuple[str, str]) -> None:
    assert expected in _events(nlp, text)


def test_ambiguous_words_need_their_context(nlp: Language) -> None:
    assert _events(nlp, "He had a great deal of experience.") == set()
    assert not any(t == "THREATEN" for t, _ in _events(nlp, "A thunderstorm warning was issued."))
    protest = _events(nlp, "Protesters marched against the extradition law.")
    assert not any(t == "COOPERATE" for t, _ in protest)
    assert ("COOPERATE", "extradition") in _events(
        nlp, "The court approved the extradition of the banker to France."
    )


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The nurses' strike entered its third week.", "strike"),
        ("A strike by bus drivers stranded commuters in the city.", "strike"),
        ("Teachers struck over unpaid salaries last month.", "struck"),
        ("Dockworkers embarked on industrial action on Monday.", "action"),
        ("The crowd chanted anti-government slogans outside the ministry.", "chanted"),
        ("Youths threw stones at police vehicles near the stadium.", "threw"),
        ("Residents blocked the railway line with burning tyres.", "blocked"),
        ("Hundreds of demonstrators gathered outside the parliament.", "demonstrators"),
        ("Protesters became violent after the speech.", "Protesters"),
    ],
)
def test_protest_vocabulary(nlp: Language, text: str, trigger: str) -> None:
    assert ("PROTEST", trigger) in _events(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Shares rallied on the stock exchange after the rate decision.",
        "The currency rallied against the dollar on Tuesday.",
        "The new figures demonstrate the extent of the housing shortage.",
        "The union struck a deal with the employers on Friday.",
        "A miner was struck by a falling rock underground.",
        "Football supporters chanted songs throughout the match.",
        "Heavy rain pelted the coastal villages overnight.",
    ],
)
def test_protest_words_in_other_senses(nlp: Language, text: str) -> None:
    assert not any(t == "PROTEST" for t, _ in _events(nlp, text))


@pytest.mark.parametrize(
    "text",
    [
        "Teachers went on strike over unpaid salaries.",
        "The strike by mine workers entered its third week.",
        "The two parties struck a deal on Friday.",
    ],
)
def test_labour_strikes_and_deals_are_no_air_strikes(nlp: Language, text: str) -> None:
    assert not any(t == "FIGHT" for t, _ in _events(nlp, text))
    assert any(t == "FIGHT" for t, _ in _events(nlp, "A drone strike hit the convoy."))
