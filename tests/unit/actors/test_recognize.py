"""The actors stage (``sitroom.actors.recognize``) on hand-built parses: label corrections from
the document's own cues, generic actors, roles and affiliations, and the grouping of mentions into
one entity per actor."""

from __future__ import annotations

from spacy.tokens import Doc

from handmade import parsed
from sitroom.actors.lexicon import ActorDictionary
from sitroom.actors.recognize import ActorRecognizer, ActorResult
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.acled_export import AcledExportVocabulary
from sitroom.lang.vocabulary.actors import ActorEntry, RolesVocabulary
from sitroom.model import Entity, Place

# One line per token: word, POS, head, dep, entity (IOB label or "O"); the lemma is the word.
Table = str
TALIBAN = ActorEntry(name="Taliban", aliases=("Islamic Emirate",), type="armed_group", country="AF")
RECOGNIZER = ActorRecognizer(
    ActorDictionary((TALIBAN,)), load_vocabulary(RolesVocabulary), {"Afghan": "AF"}.get
)


def doc_of(table: Table) -> Doc:
    rows = []
    ents = []
    for line in table.strip().splitlines():
        word, pos, head, dep, ent = line.split()
        tag = {"PROPN": "NNP", "NOUN": "NN", "VERB": "VBD", "PUNCT": "."}.get(pos, "XX")
        rows.append((word, word, pos, tag, int(head), dep))
        ents.append(ent)
    return parsed(rows, ents)


def recognize(table: Table, places: list[Place] | None = None) -> tuple[Doc, ActorResult]:
    doc = doc_of(table)
    return doc, RECOGNIZER.recognize(doc, places or [], None)


def by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def city(doc: Doc, name: str, country: str) -> Place:
    """A resolved place for every mention of ``name`` in ``doc``."""
    spans = [(t.idx, t.idx + len(t)) for t in doc if t.text == name]
    return Place(id=name, name=name, kind="city", country=country, precision=1, mentions=spans)


SPOKESMAN = """
Taliban PROPN 1 compound B-ORG
spokesman NOUN 3 compound O
Zabihullah PROPN 3 compound B-PERSON
Mujahid PROPN 4 nsubj I-PERSON
said VERB 4 ROOT O
. PUNCT 4 punct O
"""


def test_a_role_before_the_name_and_its_organisation() -> None:
    _doc, result = recognize(SPOKESMAN)
    found = by_name(result.entities)
    person, taliban = found["Zabihullah Mujahid"], found["Taliban"]
    assert (person.label, person.actor_type) == ("PERSON", "person")
    assert (person.role, person.affiliation) == ("spokesman", taliban.id)
    assert person.country == "AF"  # inherited from the organisation it speaks for
    assert (taliban.label, taliban.actor_type, taliban.country) == ("ORG", "armed_group", "AF")


APPOSITION = """
Ahmad PROPN 1 compound B-PERSON
Massoud PROPN 8 nsubj I-PERSON
, PUNCT 1 punct O
leader NOUN 1 appos O
of ADP 3 prep O
the DET 7 det O
National PROPN 7 compound B-ORG
Front PROPN 4 pobj I-ORG
said VERB 8 ROOT O
. PUNCT 8 punct O
"""


def test_a_role_in_an_apposition_after_the_name() -> None:
    _doc, result = recognize(APPOSITION)
    found = by_name(result.entities)
    assert found["Ahmad Massoud"].role == "leader"
    assert found["Ahmad Massoud"].affiliation == found["National Front"].id


def test_a_kin_word_is_a_role_without_an_affiliation() -> None:
    table = APPOSITION.replace("leader NOUN", "nephew NOUN")
    _doc, result = recognize(table)
    found = by_name(result.entities)
    assert (found["Ahmad Massoud"].role, found["Ahmad Massoud"].affiliation) == ("nephew", None)


ARMY = """
The DET 1 det O
army NOUN 2 nsubj O
shelled VERB 2 ROOT O
Kadugli PROPN 2 dobj O
. PUNCT 2 punct O
Kadugli PROPN 6 nsubj O
burned VERB 6 ROOT O
. PUNCT 6 punct O
"""


def test_a_generic_actor_belongs_to_the_focus_country() -> None:
    doc = doc_of(ARMY)
    result = RECOGNIZER.recognize(doc, [city(doc, "Kadugli", "SD")], None)
    (army,) = result.entities
    assert (army.name, army.label, army.actor_type, army.country) == (
        "Army",
        "ORG",
        "government",
        "SD",
    )
    assert army.mentions == [(4, 8)]
    assert not result.ents  # a common noun is an actor, not a name
    # Without places there is no focus country to give it.
    assert recognize(ARMY)[1].entities[0].country is None


def test_no_generic_actor_for_an_indefinite_or_owned_noun() -> None:
    indefinite = ARMY.replace("The DET 1 det O", "A DET 1 det O")
    assert recognize(indefinite)[1].entities == ()
    owned = """
    NDRF PROPN 1 compound O
    fighters NOUN 2 nsubj O
    attacked VERB 2 ROOT O
    """
    # the named group is the actor, not "fighters", even untagged (``names_armed_group``)
    assert [e.name for e in recognize(owned)[1].entities] == ["NDRF"]
    modifier = """
    army NOUN 1 compound O
    soldiers NOUN 2 nsubj O
    left VERB 2 ROOT O
    """
    # A generic word before any other noun only modifies it: the soldiers act, not the army.
    assert [e.name for e in recognize(modifier)[1].entities] == ["Soldiers"]
    owner = modifier.replace("soldiers NOUN", "garrison NOUN")
    assert [e.name for e in recognize(owner)[1].entities] == ["Army"]  # a unit's owner


def test_a_surname_seen_as_a_person_corrects_another_label() -> None:
    table = """
    Antony PROPN 1 compound B-PERSON
    Blinken PROPN 2 nsubj I-PERSON
    spoke VERB 2 ROOT O
    . PUNCT 2 punct O
    Blinken PROPN 5 nsubj B-GPE
    left VERB 5 ROOT O
    """
    _doc, result = recognize(table)
    (blinken,) = result.entities
    assert (blinken.name, blinken.label, len(blinken.mentions)) == ("Antony Blinken", "PERSON", 2)
    assert [ent.label_ for ent in result.ents] == ["PERSON", "PERSON"]


def test_an_honorific_makes_a_person_unless_the_name_ends_in_an_organisation_word() -> None:
    person = """
    Sheikh PROPN 1 compound O
    Jarrah PROPN 2 nsubj B-ORG
    spoke VERB 2 ROOT O
    """
    assert recognize(person)[1].entities[0].label == "PERSON"
    committee = """
    Sheikh PROPN 2 compound O
    Jarrah PROPN 2 compound B-ORG
    Committee PROPN 3 nsubj I-ORG
    spoke VERB 3 ROOT O
    """
    assert recognize(committee)[1].entities[0].label == "ORG"


def test_a_role_after_the_name_makes_a_person() -> None:
    table = APPOSITION.replace("B-PERSON", "B-ORG").replace("I-PERSON", "I-ORG", 1)
    found = by_name(recognize(table)[1].entities)
    assert found["Ahmad Massoud"].label == "PERSON"


def test_a_nationality_word_is_a_people_whatever_the_model_called_it() -> None:
    table = """
    Afghan PROPN 1 compound B-PERSON
    troops NOUN 2 nsubj O
    left VERB 2 ROOT O
    """
    (afghan,) = recognize(table)[1].entities
    assert (afghan.name, afghan.label, afghan.country) == ("Afghan", "NORP", "AF")
    place = table.replace("B-PERSON", "B-GPE")  # a place the gazetteer did not find
    assert [(e.label, e.country) for e in recognize(place)[1].entities] == [("NORP", "AF")]
    titled = """
    General PROPN 1 compound O
    Afghan PROPN 2 nsubj B-PERSON
    spoke VERB 2 ROOT O
    """
    assert recognize(titled)[1].entities[0].label == "PERSON"  # a title: someone's name


def test_the_x_of_anti_x_is_no_mention_of_x() -> None:
    table = """
    an DET 3 det O
    anti ADJ 3 amod O
    - PUNCT 3 punct O
    Taliban PROPN 4 compound B-ORG
    alliance NOUN 5 nsubj O
    formed VERB 5 ROOT O
    """
    assert recognize(table)[1].entities == ()
    assert [e.name for e in recognize(table.replace("anti ADJ", "the DET"))[1].entities] == [
        "Taliban"
    ]


def test_an_acronym_and_its_long_form_are_one_actor() -> None:
    table = """
    National PROPN 2 compound B-ORG
    Resistance PROPN 2 compound I-ORG
    Front PROPN 6 nsubj I-ORG
    ( PUNCT 2 punct O
    NRF PROPN 2 appos B-ORG
    ) PUNCT 2 punct O
    fought VERB 6 ROOT O
    . PUNCT 6 punct O
    NRF PROPN 9 nsubj B-ORG
    said VERB 9 ROOT O
    """
    (front,) = recognize(table)[1].entities
    assert front.name == "National Resistance Front"
    assert front.aliases == ["NRF"]
    assert len(front.mentions) == 3


def test_dictionary_aliases_and_country_mentions_group_by_what_they_name() -> None:
    table = """
    Islamic PROPN 1 compound B-ORG
    Emirate PROPN 2 nsubj I-ORG
    met VERB 2 ROOT O
    Taliban PROPN 2 dobj B-ORG
    and CCONJ 3 cc O
    Afghan PROPN 6 amod B-NORP
    officials NOUN 3 conj O
    """
    (taliban, afghans) = recognize(table)[1].entities
    assert (taliban.name, taliban.aliases, len(taliban.mentions)) == (
        "Taliban",
        ["Islamic Emirate"],
        2,
    )
    assert (afghans.label, afghans.country) == ("NORP", "AF")  # through the demonym


def test_a_capital_that_acts_stands_for_its_state() -> None:
    table = """
    Kabul PROPN 1 nsubj B-GPE
    denied VERB 1 ROOT O
    . PUNCT 1 punct O
    """
    doc = doc_of(table)
    result = RECOGNIZER.recognize(doc, [city(doc, "Kabul", "AF")], None)
    (state,) = result.entities
    assert (state.name, state.label, state.actor_type, state.country) == (
        "Afghanistan",
        "GPE",
        "state",
        "AF",
    )
    # Where it does not act, the capital is a place, relabelled as one, and no actor.
    where = doc_of(table.replace("nsubj", "npadvmod"))
    result = RECOGNIZER.recognize(where, [city(where, "Kabul", "AF")], None)
    assert result.entities == ()
    assert [ent.label_ for ent in result.ents] == ["GPE"]


def test_unnamed_crowds_and_attackers_get_acled_categories() -> None:
    # Each generic noun becomes an actor whose type is ACLED's category of the unnamed group.
    expected = {
        "gunmen": "armed_group",
        "assailants": "armed_group",
        "demonstrators": "protesters",
        "marchers": "protesters",
        "villagers": "civilians",
        "residents": "civilians",
    }
    for word, actor_type in expected.items():
        table = f"""
        {word} NOUN 1 nsubj O
        fled VERB 1 ROOT O
        . PUNCT 1 punct O
        """
        (actor,) = recognize(table)[1].entities
        assert (actor.name, actor.actor_type) == (word.capitalize(), actor_type), word


def test_a_counted_crowd_that_joins_a_protest_is_the_protesters() -> None:
    joined = """
    Hundreds NOUN 1 nsubj O
    attend VERB 1 ROOT O
    a DET 3 det O
    vigil NOUN 1 dobj O
    """
    assert [(e.name, e.actor_type) for e in recognize(joined)[1].entities] == [
        ("Protesters", "protesters")
    ]
    # a crowd at a gathering of another kind is no one in particular
    mourners = joined.replace("vigil NOUN", "funeral NOUN")
    assert recognize(mourners)[1].entities == ()


def test_the_new_actor_categories_export_with_their_acled_inter_codes() -> None:
    codes = load_vocabulary(AcledExportVocabulary)
    assert codes.inter_codes[codes.actor_types["protesters"]] == "Protesters"
    assert codes.inter_codes[codes.actor_types["civilians"]] == "Civilians"
