"""Who did what to whom (``sitroom.events.arguments``), with the real model: passives with and
without *by*, verbs that pass their subject down, participial adjuncts and relative clauses,
nominalisations, coordination, possessive owners and unnamed people. The sentences are made up
for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model

Found = tuple[str | None, str | None]


def _arguments(nlp: Language, text: str, trigger: str) -> Found:
    """The names of actor1 and actor2 of the event whose trigger is ``trigger``."""
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    for event in doc._.sitroom_events:
        if text[event.trigger[0] : event.trigger[1]] == trigger:
            return names.get(event.actor1 or ""), names.get(event.actor2 or "")
    raise AssertionError(f"no event on {trigger!r} in {text!r}")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # passives, with and without an agent
        ("The convoy was attacked by gunmen near the border.", "attacked", ("Gunmen", None)),
        ("Three soldiers were killed in the village.", "killed", (None, "Soldiers")),
        ("The journalist died after being shot in his car.", "shot", (None, "Journalist")),
        (
            "Protesters arrested by police were released on Monday.",
            "arrested",
            ("Police", "Protesters"),
        ),
        # raising, control and aspect verbs pass their subject down
        ("The army is expected to attack the town on Monday.", "attack", ("Army", None)),
        ("The rebels began shelling the town.", "shelling", ("Rebels", None)),
        (
            "Syria says it is willing to withdraw its troops from Lebanon.",
            "withdraw",
            ("Syria", "Lebanon"),
        ),
        # participial adjuncts and relative clauses
        (
            "Rebels attacked the village of Tawila, killing 17 soldiers.",
            "attacked",
            ("Rebels", "Soldiers"),
        ),
        ("Police arrested two men who stormed the embassy.", "stormed", ("Men", None)),
        (
            "The airstrike that killed the commander, Ahmed Darwish, was condemned by Iran.",
            "airstrike",
            (None, "Ahmed Darwish"),
        ),
        # nominalisations and coordination
        (
            "The army's offensive against the rebels began in May.",
            "offensive",
            ("Army", "Rebels"),
        ),
        ("Fighting broke out between the army and the rebels.", "Fighting", ("Army", "Rebels")),
        (
            "The army and the rebels exchanged fire near Kadugli.",
            "exchanged",
            ("Army", "Rebels"),
        ),
        # the party of an object, of an infinitive, and the addressee of a demand
        (
            "The rebels rejected an appeal from the United Nations.",
            "rejected",
            ("Rebels", "United Nations"),
        ),
        ("Moscow threatened to cut ties with Georgia.", "threatened", ("Russia", "Georgia")),
        (
            "Washington demanded that Hamas release the hostages.",
            "demanded",
            ("United States", "Hamas"),
        ),
        (
            "The ILO repeated its demand that Israel ease the restrictions.",
            "demand",
            ("ILO", "Israel"),
        ),
        # a protest is against whom its purpose names
        (
            "Thousands of students marched in Budapest to demand the resignation of Viktor Orban.",
            "marched",
            ("Students", "Viktor Orban"),
        ),
        # a group no name owns acts for where it is from; a statement is its issuer's
        ("A delegation from Qatar visited Kabul on Monday.", "visited", ("Qatar", None)),
        ("Iran issued a statement condemning the raid.", "condemning", ("Iran", None)),
        ("A Qatar-based group attacked the convoy.", "attacked", ("Qatar", None)),
        # a verb that carries an event noun lends it its subject
        (
            "The European Union imposed sanctions on Belarus.",
            "sanctions",
            ("European Union", "Belarus"),
        ),
        # "staged" is lemmatised "stag" by the small model: the regular past form counts
        (
            "Hundreds of farmers staged a protest outside the ministry in Lyon.",
            "protest",
            ("Farmers", None),
        ),
        # a people named by a plural noun is what "their" refers to
        (
            "The Chechens said on Monday that their fighters had completed their withdrawal.",
            "withdrawal",
            ("Chechens", None),
        ),
        # a possessive owner, and counted people as the second party
        ("Iran admitted that its military shot down the plane.", "shot", ("Iran", None)),
        ("Police arrested two men and a woman in Leeds.", "arrested", ("Police", "Men")),
    ],
)
def test_who_did_what_to_whom(nlp: Language, text: str, trigger: str, expected: Found) -> None:
    assert _arguments(nlp, text, trigger) == expected


def test_a_seized_place_is_where_not_who(nlp: Language) -> None:
    text = "Rebels stormed the village of Tawila on Sunday."
    doc = nlp(text)
    (event,) = [e for e in doc._.sitroom_events if text[slice(*e.trigger)] == "stormed"]
    assert event.actor2 is None
    assert event.place is not None


def test_a_clause_with_its_own_doer_is_another_event(nlp: Language) -> None:
    text = "The rebels attacked the base, and the army killed six fighters."
    doc = nlp(text)
    events = {text[slice(*e.trigger)]: e for e in doc._.sitroom_events}
    assert events["attacked"].fatalities is None  # the six died in the army's action
    assert events["killed"].fatalities == 6
    assert _arguments(nlp, text, "killed") == ("Army", "Fighters")


def test_protests_that_name_nobody_are_the_article_crowd(nlp: Language) -> None:
    # Not "the protests": a definite mention restates the gathering and is folded into it.
    text = "Protesters gathered outside parliament in Lima. Weeks of protests followed."
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    (event,) = [e for e in doc._.sitroom_events if text[slice(*e.trigger)] == "protests"]
    assert (names.get(event.actor1 or ""), event.inferred) == ("Protesters", ["actor1"])
    # Without a crowd in the article nobody is inferred.
    alone = nlp("The protests lasted for a week.")
    assert [e.actor1 for e in alone._.sitroom_events] == [None]


def test_an_act_on_an_event_is_done_to_its_doers(nlp: Language) -> None:
    text = "Protesters gathered in Minsk. Police dispersed the protest with tear gas."
    assert _arguments(nlp, text, "dispersed") == ("Police", "Protesters")
