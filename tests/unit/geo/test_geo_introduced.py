"""Towns a word of place introduces when the NER calls the name something else (issue #15):
the people a sentence names, the countries around them, a document that points nowhere, and a
name that is both a town and the province around it. Hand-built Docs, the real gazetteer."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.tokens import Doc

from sitroom.geo.gazetteer import Gazetteer
from sitroom.geo.resolve import resolve
from sitroom.geo.toponyms import find_mentions
from unit.geo.geo_helpers import _VOCAB, tagged


def _resolved(text: str, ents: dict[str, str], gazetteer: Gazetteer) -> list[tuple[str, str]]:
    return [
        (p.name, p.country or "") for p in resolve(find_mentions(tagged(text, ents), gazetteer))
    ]


def test_the_people_a_sentence_names_say_where_a_mislabelled_town_is(
    gazetteer: Gazetteer,
) -> None:
    # Kalbajar (8,400 people, Azerbaijan) labelled PERSON: too small for a bare strict name.
    assert (
        _resolved("Troops left positions near Kalbajar .", {"Kalbajar": "PERSON"}, gazetteer) == []
    )
    # "Azerbaijani troops": a town of the country whose people act.
    assert _resolved(
        "Azerbaijani troops left positions near Kalbajar .", {"Kalbajar": "PERSON"}, gazetteer
    ) == [("Kalbajar", "AZ")]
    # "Armenian forces": they act across their border, in Azerbaijan.
    assert _resolved(
        "Armenian forces left positions near Kalbajar .",
        {"Armenian": "NORP", "Kalbajar": "PERSON"},
        gazetteer,
    ) == [("Kalbajar", "AZ")]
    # People of a country far from any town of that name place nothing.
    assert (
        _resolved("Kenyan troops left positions near Kalbajar .", {"Kalbajar": "PERSON"}, gazetteer)
        == []
    )


def test_a_province_the_sentence_names_says_where_a_mislabelled_town_is(
    gazetteer: Gazetteer,
) -> None:
    # Al Hazm (18,000): a Yemeni town, in the sentence of a Yemeni province.
    assert _resolved(
        "Rebels held positions in Hazm , the capital of al-Jawf province .",
        {"Hazm": "ORG", "al-Jawf": "GPE"},
        gazetteer,
    ) == [("Al Ḩazm", "YE"), ("Al Jawf", "YE")]


def test_a_document_that_points_nowhere_takes_the_one_town_of_some_size(
    gazetteer: Gazetteer,
) -> None:
    # Kidal (40,000, Mali) labelled NORP: the only town of that name of 10,000 or more.
    assert _resolved("Fighting erupted near Kidal on Tuesday .", {"Kidal": "NORP"}, gazetteer) == [
        ("Kidal", "ML")
    ]
    # Not a name of several towns: Newberry, South Carolina has 10,000 people, but a Florida
    # Newberry 5,000.
    assert (
        _resolved("Police searched a home in Newberry .", {"Newberry": "PERSON"}, gazetteer) == []
    )
    # Not after "of", which names no place as often ("the opposite of X").
    assert _resolved("Elders of Kidal spoke on Tuesday .", {"Kidal": "NORP"}, gazetteer) == []
    # A document whose other names point elsewhere does not place it there.
    assert _resolved(
        "Fighting erupted near Kidal , officials in Nairobi said .",
        {"Kidal": "NORP", "Nairobi": "GPE"},
        gazetteer,
    ) == [("Nairobi", "KE")]
    # No demonym or group is a town: they name no town of their own name.
    assert _resolved("Fighting erupted near Houthis .", {"Houthis": "NORP"}, gazetteer) == []


@pytest.mark.parametrize(
    ("text", "ents", "name"),
    [
        ("Militants attacked a post in Tillaberi , Niger .", {"Tillaberi": "GPE"}, "Tillabéri"),
        ("Militants attacked a post in Tillaberi .", {"Tillaberi": "ORG"}, "Tillabéri"),
        ("Troops withdrew from Kherson .", {"Kherson": "GPE"}, "Kherson"),
        ("Troops withdrew from Kherson region .", {"Kherson": "GPE"}, "Kherson Oblast"),
        (
            "Militants attacked a post in the Tillaberi region of Niger .",
            {"Tillaberi": "GPE"},
            "Tillaberi Region",
        ),
    ],
)
def test_a_name_of_a_town_and_its_province_is_the_town_unless_the_text_says_region(
    gazetteer: Gazetteer, text: str, ents: dict[str, str], name: str
) -> None:
    assert _resolved(text, ents, gazetteer)[0][0] == name


@pytest.mark.model
def test_an_operation_and_a_siege_introduce_the_town_they_are_at(
    nlp: Any, gazetteer: Gazetteer
) -> None:
    # Manbij (99,497): just under the size a name the NER does not call a place needs.
    for text in (
        "More than 100 fighters have been wounded in the Manbij offensive so far.",
        "Fighters tried to break the siege on Manbij.",
    ):
        mentions = [m for m in find_mentions(nlp(text), gazetteer) if m.text == "Manbij"]
        assert mentions and all(m.introduced for m in mentions if m.strict)
        assert [p.name for p in resolve(mentions)] == ["Manbij"]


def _left(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A parsed Doc of "<Demonym> troops <verb> from <Town> ." with the town labelled PERSON."""
    lemmas = [{"withdrew": "withdraw", "fled": "flee", "troops": "troop"}.get(w, w) for w in words]
    ents = ["B-NORP", "O", "O", "O", "B-PERSON", "O"]
    return Doc(_VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


@pytest.mark.parametrize("verb", ["withdrew", "fled"])
def test_from_after_a_verb_of_leaving_introduces_the_place_left(
    gazetteer: Gazetteer, verb: str
) -> None:
    # Kalbajar (8,400 people, Azerbaijan) labelled PERSON: "withdrew from X" names the place
    # left, as "near X" names a place; "from" elsewhere mostly gives a person's origin.
    heads = [1, 2, 2, 2, 3, 2]
    deps = ["amod", "nsubj", "ROOT", "prep", "pobj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    left = _left(["Azerbaijani", "troops", verb, "from", "Kalbajar", "."], heads, deps, pos)
    assert [(p.name, p.country) for p in resolve(find_mentions(left, gazetteer))] == [
        ("Kalbajar", "AZ")
    ]
    came = _left(["Azerbaijani", "troops", "came", "from", "Kalbajar", "."], heads, deps, pos)
    assert resolve(find_mentions(came, gazetteer)) == ()
