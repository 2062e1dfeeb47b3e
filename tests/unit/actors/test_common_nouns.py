"""Unnamed people as actors (``sitroom.actors.common_nouns``): "police arrested two men", "a man
... the man", and the nouns that name no actor of their own ("police officers", "Taliban
fighters")."""

from __future__ import annotations

from handmade import doc_of
from sitroom.actors.lexicon import ActorDictionary
from sitroom.actors.recognize import ActorRecognizer, ActorResult
from sitroom.corpus.actors import entity_keys
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import ActorEntry, RolesVocabulary

TALIBAN = ActorEntry(name="Taliban", aliases=(), type="armed_group", country="AF")
RECOGNIZER = ActorRecognizer(ActorDictionary((TALIBAN,)), load_vocabulary(RolesVocabulary), {}.get)


def recognize(table: str) -> ActorResult:
    return RECOGNIZER.recognize(doc_of(table), [], None)


ARREST = """
Police police NOUN NNS 1 nsubj
arrested arrest VERB VBD 1 ROOT
two two NUM CD 3 nummod
men man NOUN NNS 1 dobj
and and CCONJ CC 3 cc
a a DET DT 6 det
woman woman NOUN NN 3 conj
. . PUNCT . 1 punct
"""


def test_counted_people_in_a_clause_are_actors_with_an_acled_category() -> None:
    result = recognize(ARREST)
    found = {e.name: e for e in result.entities}
    assert set(found) == {"Police", "Men", "Woman"}
    men = found["Men"]
    assert (men.label, men.actor_type, men.mentions) == ("PERSON", "civilians", [(20, 23)])
    assert found["Woman"].actor_type == "civilians"  # an indefinite person is someone too
    # Unnamed people are no names: not among the document's entity spans.
    assert result.ents == ()


def test_the_same_word_is_one_actor_and_a_gunman_an_armed_group() -> None:
    table = """
    A a DET DT 1 det
    gunman gunman NOUN NN 2 nsubj
    fled flee VERB VBD 2 ROOT
    . . PUNCT . 2 punct
    Police police NOUN NNS 5 nsubj
    shot shoot VERB VBD 5 ROOT
    the the DET DT 7 det
    gunman gunman NOUN NN 5 dobj
    . . PUNCT . 5 punct
    """
    found = {e.name: e for e in recognize(table).entities}
    gunman = found["Gunman"]
    assert (gunman.actor_type, len(gunman.mentions)) == ("armed_group", 2)


def test_an_owned_or_modifying_person_noun_is_no_actor_of_its_own() -> None:
    owned = """
    Taliban Taliban PROPN NNP 1 compound
    fighters fighter NOUN NNS 2 nsubj
    attacked attack VERB VBD 2 ROOT
    """
    assert [e.name for e in recognize(owned).entities] == ["Taliban"]
    police = """
    police police NOUN NN 1 compound
    officers officer NOUN NNS 2 nsubj
    fired fire VERB VBD 2 ROOT
    """
    # The police act; "officers" is theirs.
    assert [e.name for e in recognize(police).entities] == ["Police"]
    modifier = """
    student student NOUN NN 1 compound
    protesters protester NOUN NNS 2 nsubj
    marched march VERB VBD 2 ROOT
    """
    assert [e.name for e in recognize(modifier).entities] == ["Protesters"]


def test_an_unnamed_person_has_no_key_across_documents() -> None:
    # "a man" of one article is not "a man" of another.
    assert entity_keys("Man", "PERSON", []) == set()
    assert entity_keys("Men", "PERSON", [], "GB") == set()


def test_an_indefinite_mention_is_someone_new_and_a_definite_one_the_last() -> None:
    table = """
    A a DET DT 1 det
    man man NOUN NN 2 nsubj
    stabbed stab VERB VBD 2 ROOT
    another another DET DT 4 det
    man man NOUN NN 2 dobj
    . . PUNCT . 2 punct
    Police police NOUN NNS 7 nsubj
    arrested arrest VERB VBD 7 ROOT
    the the DET DT 9 det
    man man NOUN NN 7 dobj
    . . PUNCT . 7 punct
    """
    men = [e for e in recognize(table).entities if e.name == "Man"]
    # "a man" and "another man" are two people; "the man" is the last one named.
    assert [len(m.mentions) for m in men] == [1, 2]
    assert men[1].mentions == [(22, 25), (48, 51)]


def test_a_group_tied_to_a_named_one_is_that_one() -> None:
    table = """
    Militants militant NOUN NNS 5 nsubj
    loyal loyal ADJ JJ 0 amod
    to to ADP IN 1 prep
    the the DET DT 4 det
    Taliban Taliban PROPN NNP 2 pobj
    attacked attack VERB VBD 5 ROOT
    """
    # "Militants loyal to the Taliban" act for the Taliban, not as an unnamed group.
    assert [e.name for e in recognize(table).entities] == ["Taliban"]
    alone = table.replace("loyal loyal ADJ JJ 0 amod", "nearby nearby ADJ JJ 0 amod")
    assert "Militants" in [e.name for e in recognize(alone).entities]


FORESTRY = """
The the DET DT 2 det
forestry forestry NOUN NN 2 compound
department department NOUN NN 3 nsubj
arrested arrest VERB VBD 3 ROOT
them they PRON PRP 3 dobj
. . PUNCT . 3 punct
"""

NEW_BODY = """
A a DET DT 2 det
new new ADJ JJ 2 amod
department department NOUN NN 3 nsubjpass
was be AUX VBD 4 auxpass
created create VERB VBN 4 ROOT
. . PUNCT . 4 punct
"""


def test_a_state_body_named_by_a_common_noun_acts() -> None:
    result = recognize(FORESTRY)
    (body,) = result.entities
    assert (body.name.lower(), body.actor_type, body.mentions) == (
        "forestry department",
        "government",
        [(4, 23)],
    )
    # Every country has one: across documents it is keyed by the country, like "the army".
    assert entity_keys(body.name, body.label, body.aliases) == set()
    assert entity_keys(body.name, body.label, body.aliases, "IN") == {
        "group:forestry department@IN"
    }


def test_an_indefinite_body_names_nobody() -> None:
    assert not recognize(NEW_BODY).entities


def test_a_force_qualified_by_a_nationality_is_that_country_s_and_its_own_actor() -> None:
    table = """
    French French ADJ JJ 1 amod
    troops troop NOUN NNS 2 nsubj
    left leave VERB VBD 2 ROOT
    . . PUNCT . 2 punct
    Malian Malian ADJ JJ 5 amod
    troops troop NOUN NNS 6 nsubj
    arrived arrive VERB VBD 6 ROOT
    . . PUNCT . 6 punct
    The the DET DT 9 det
    troops troop NOUN NNS 10 nsubj
    stayed stay VERB VBD 10 ROOT
    """
    recognizer = ActorRecognizer(
        ActorDictionary((TALIBAN,)),
        load_vocabulary(RolesVocabulary),
        {"French": "FR", "Malian": "ML"}.get,
    )
    found = {e.name: e for e in recognizer.recognize(doc_of(table), [], None).entities}
    assert found["French troops"].country == "FR"
    assert found["Malian troops"].country == "ML"
    assert found["French troops"].actor_type == "government"
    # Unqualified, the common noun is the article's forces, neither of the two.
    assert "Troops" in found


def test_a_pronoun_owns_a_force_but_not_people_of_their_own() -> None:
    followers = """
    police police NOUN NNS 1 nsubj
    charged charge VERB VBD 1 ROOT
    his his PRON PRP$ 4 poss
    angry angry ADJ JJ 4 amod
    followers follower NOUN NNS 1 dobj
    and and CCONJ CC 4 cc
    her her PRON PRP$ 7 poss
    relatives relative NOUN NNS 4 conj
    """
    # "his followers" is no word of roles.yaml; "her relatives" are civilians beside her
    assert {e.name for e in recognize(followers).entities} == {"Police", "Relatives"}
    forces = """
    his his PRON PRP$ 1 poss
    gunmen gunman NOUN NNS 2 nsubj
    stormed storm VERB VBD 2 ROOT
    the the DET DT 4 det
    village village NOUN NN 2 dobj
    """
    # "his gunmen" are the forces of the man told before, not an actor of their own
    assert not recognize(forces).entities


NAMED_FIGHTERS = """
On on ADP IN 5 prep
Monday Monday PROPN NNP 0 pobj
, , PUNCT , 5 punct
Fano Fano PROPN NNP 4 compound
fighters fighter NOUN NNS 5 nsubj
attacked attack VERB VBD 5 ROOT
a a DET DT 7 det
post post NOUN NN 5 dobj
. . PUNCT . 5 punct
"""


def test_an_untagged_name_before_a_noun_of_fighters_is_the_group() -> None:
    # "Fano fighters": the model tags no name; the proper noun names the group they belong to
    assert [e.name for e in recognize(NAMED_FIGHTERS).entities] == ["Fano"]
    # a word that opens a group noun itself names none: "Rebel fighters" are fighters
    rebels = NAMED_FIGHTERS.replace(
        "Fano Fano PROPN NNP 4 compound", "Rebel rebel PROPN NNP 4 compound"
    )
    assert [e.name for e in recognize(rebels).entities] == ["Rebel fighters"]
    # nor does a proper noun before people who are no armed group ("Fano residents")
    people = NAMED_FIGHTERS.replace("fighters fighter NOUN NNS", "residents resident NOUN NNS")
    assert "Fano" not in [e.name for e in recognize(people).entities]
