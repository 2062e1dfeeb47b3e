"""What a mention refers to (``sitroom.lang.reference``) and the index it reads
(``sitroom.lang.docindex``), on hand-built parses."""

import dataclasses
import datetime as dt

from handmade import index, parsed
from sitroom.lang.docindex import build_index, tokens_of
from sitroom.lang.reference import antecedent, entity_for, owner_entity, prefixed_away
from sitroom.lang.syntax import reporting_subject
from sitroom.model import Entity, Place, TimeSpan
from unit.claims.conll import doc_of

STATEMENT_BY = """
A a DET DT 1 det
statement statement NOUN NN 6 nsubj
by by ADP IN 1 prep
NRF NRF PROPN NNP 4 compound
leader leader NOUN NN 5 compound
Osei Osei PROPN NNP 2 pobj
warned warn VERB VBD 6 ROOT
. . PUNCT . 6 punct
"""


def test_source_of_a_statement_is_the_entity_nearest_its_head_in_the_tree() -> None:
    doc = doc_of(STATEMENT_BY)
    idx = index(doc, {3: "org", 5: "person"}, {"org": "ORG", "person": "PERSON"})
    assert entity_for(doc[1], idx, sources=True) == "person"
    # Without ``sources`` the "by" phrase is not followed (the events stage's behaviour).
    assert entity_for(doc[1], idx) is None


THREE = """
Osei Osei PROPN NNP 1 nsubj
left leave VERB VBD 1 ROOT
. . PUNCT . 1 punct
Rain rain NOUN NN 4 nsubj
hit hit VERB VBD 4 ROOT
Mensah Mensah PROPN NNP 4 dobj
. . PUNCT . 4 punct
He he PRON PRP 8 nsubj
said say VERB VBD 8 ROOT
so so ADV RB 8 advmod
. . PUNCT . 8 punct
"""


def test_antecedent_subjects_only_and_a_wider_window() -> None:
    doc = doc_of(THREE)
    idx = index(doc, {0: "osei", 5: "mensah"}, {"osei": "PERSON", "mensah": "PERSON"})
    he = doc[7]
    assert antecedent(he, idx) == "mensah"  # the nearest person, an object
    assert antecedent(he, idx, subjects_only=True) is None
    assert antecedent(he, idx, subjects_only=True, sentences=2) == "osei"


def test_reporting_subject_of_a_pronoun_in_the_reported_clause() -> None:
    doc = doc_of(
        """
        Osei Osei PROPN NNP 1 nsubj
        said say VERB VBD 1 ROOT
        he he PRON PRP 3 nsubj
        left leave VERB VBD 1 ccomp
        """
    )
    found = reporting_subject(doc[2])
    assert found is not None and found.i == 0


ANTI = """
an an DET DT 3 det
anti anti ADJ JJ 3 amod
- - PUNCT HYPH 3 punct
Taliban Taliban PROPN NNP 4 compound
alliance alliance NOUN NN 5 nsubj
formed form VERB VBD 5 ROOT
"""


def test_the_x_of_anti_x_is_prefixed_away_in_three_tokens_or_one() -> None:
    doc = doc_of(ANTI)
    assert prefixed_away(doc[3])
    assert not prefixed_away(doc[4])
    one = parsed(
        [
            ("pro-Kremlin", "pro-Kremlin", "ADJ", "JJ", 1, "amod"),
            ("media", "media", "NOUN", "NN", 1, "ROOT"),
        ]
    )
    assert prefixed_away(one[0])
    assert not prefixed_away(parsed([("well-known", "well-known", "ADJ", "JJ", 0, "ROOT")])[0])


def test_an_anti_x_phrase_names_no_actor() -> None:
    doc = doc_of(ANTI)
    idx = index(doc, {3: "taliban"}, {"taliban": "ORG"})
    assert entity_for(doc[4], idx) is None
    assert entity_for(doc[3], idx) is None
    plain = doc_of(ANTI.replace("anti anti ADJ JJ 3 amod", "the the DET DT 3 det"))
    assert entity_for(plain[4], index(plain, {3: "taliban"}, {"taliban": "ORG"})) == "taliban"


SHELLED = """
Rebels rebel NOUN NNS 1 nsubj
shelled shell VERB VBD 1 ROOT
Kadugli Kadugli PROPN NNP 1 dobj
on on ADP IN 1 prep
Monday Monday PROPN NNP 3 pobj
; ; PUNCT : 1 punct
Kadugli Kadugli PROPN NNP 7 nsubj
denied deny VERB VBD 1 conj
"""


def test_the_index_maps_tokens_to_what_the_stages_found() -> None:
    doc = doc_of(SHELLED)
    text = doc.text
    kadugli = [(text.index("Kadugli"), text.index("Kadugli") + 7)]
    kadugli.append((text.rindex("Kadugli"), text.rindex("Kadugli") + 7))
    rebels = Entity(
        id="e1", name="Rebels", label="ORG", actor_type="armed_group", mentions=[(0, 6)]
    )
    place = Place(id="p1", name="Kadugli", kind="city", precision=1, mentions=kadugli)
    monday = TimeSpan(
        text="Monday", start=dt.date(2025, 3, 3), end=dt.date(2025, 3, 3), precision="day",
        span=(text.index("Monday"), text.index("Monday") + 6),
    )  # fmt: skip
    built = build_index(doc, [rebels], [place], [monday], dt.date(2025, 3, 4), {kadugli[1]})
    assert built.entity_at == {0: "e1"}
    assert built.entity_type == {"e1": "armed_group"}
    assert built.place_at == {2: "p1", 6: "p1"}
    assert built.times == [(4, 5, monday)]
    # The second "Kadugli" acts ("Kadugli denied"): a government, no location, and no focus.
    assert built.metonym_at == frozenset({6})
    assert built.location_at(2) == "p1"
    assert built.location_at(6) is None
    assert built.focus_place is None
    assert build_index(doc, [], [place], [], None, set()).focus_place == "p1"


def test_tokens_of_a_character_span_expand_to_whole_tokens() -> None:
    doc = doc_of(SHELLED)
    assert tokens_of(doc, (1, 3)) == range(0, 1)
    assert tokens_of(doc, (0, len(doc.text))) == range(0, len(doc))


def test_a_relative_pronoun_is_its_noun_and_him_is_no_plural() -> None:
    doc = doc_of(
        """
        Gunmen gunman NOUN NNS 4 nsubj
        who who PRON WP 2 nsubj
        stormed storm VERB VBD 0 relcl
        it it PRON PRP 2 dobj
        fled flee VERB VBD 4 ROOT
        . . PUNCT . 4 punct
        Officers officer NOUN NNS 7 nsubj
        shot shoot VERB VBD 7 ROOT
        him he PRON PRP 7 dobj
        . . PUNCT . 7 punct
        """
    )
    idx = index(doc, {0: "gunmen", 6: "officers"}, {"gunmen": "PERSON", "officers": "PERSON"})
    assert entity_for(doc[1], idx) == "gunmen"  # "who" stands for the gunmen
    assert antecedent(doc[8], idx) is None  # "him" is one person: neither plural noun


def test_a_reference_by_a_common_noun_is_a_place_and_counts_for_the_focus() -> None:
    doc = doc_of(SHELLED)
    text = doc.text
    first = (text.index("Kadugli"), text.index("Kadugli") + 7)
    last = (text.rindex("Kadugli"), text.rindex("Kadugli") + 7)
    place = Place(id="p1", name="Kadugli", kind="city", precision=1, mentions=[first])
    # Named once, and once referred to: a place at both, and the article's focus.
    built = build_index(doc, [], [place], [], None, set(), [(last, "p1")])
    assert built.place_at == {2: "p1", 6: "p1"}
    assert built.focus_place == "p1"
    assert build_index(doc, [], [place], [], None, set()).focus_place is None


CALLED_THEN_SHOT = """
Osei Osei PROPN NNP 1 nsubj
called call VERB VBD 1 ROOT
Mensah Mensah PROPN NNP 1 dobj
, , PUNCT , 1 punct
then then ADV RB 1 advmod
shot shoot VERB VBD 1 dep
her she PRON PRP 5 dobj
. . PUNCT . 1 punct
"""


def test_an_object_pronoun_never_stands_for_its_clauses_subject() -> None:
    doc = doc_of(CALLED_THEN_SHOT)
    idx = index(doc, {0: "osei", 2: "mensah"}, {"osei": "PERSON", "mensah": "PERSON"})
    # "shot" shares the subject of "called": its object is Mensah, not Osei
    assert antecedent(doc[6], idx) == "mensah"
    # the subject pronoun of a later clause still prefers a subject
    assert antecedent(doc[0], idx) is None


def test_the_index_knows_the_areas_each_place_lies_in() -> None:
    doc = doc_of(SHELLED)
    kadugli = Place(
        id="p1", name="Kadugli", kind="city", precision=1, mentions=[(7, 14)], country="SD",
        admin1="South Kordofan",
    )  # fmt: skip
    sudan = Place(id="p2", name="Sudan", kind="country", precision=3, country="SD")
    kordofan = Place(
        id="p3", name="South Kordofan", kind="admin1", precision=3, country="SD",
        admin1="South Kordofan",
    )  # fmt: skip
    chad = Place(id="p4", name="Chad", kind="country", precision=3, country="TD")
    built = build_index(doc, [], [kadugli, sudan, kordofan, chad], [], None, set())
    assert built.contains("p2", "p1") and built.contains("p3", "p1")
    assert built.contains("p2", "p3") and not built.contains("p3", "p3")
    assert not built.contains("p4", "p1") and not built.contains("p1", "p2")
    # The one named place inside another is where an event placed in the outer one is.
    assert built.innermost("p2", ["p2", "p1", "p4"]) == "p1"
    assert built.innermost("p2", ["p2", "p1", "p3"]) == "p2"  # two inside: no choice
    assert built.innermost("p4", ["p4", "p1"]) == "p4"


def test_the_possessive_of_a_reported_subject_has_the_reporter() -> None:
    # "Mensah said their fighters left": "their" is owned by the clause's subject.
    doc = doc_of(
        """
        Mensah Mensah PROPN NNP 1 nsubj
        said say VERB VBD 1 ROOT
        their their PRON PRP$ 3 poss
        fighters fighter NOUN NNS 4 nsubj
        left leave VERB VBD 1 ccomp
        """
    )
    found = reporting_subject(doc[2])
    assert found is not None and found.i == 0


SPOKESMAN_SAID_WE = """
Kwame Kwame PROPN NNP 1 compound
Osei Osei PROPN NNP 7 nsubj
, , PUNCT , 1 punct
a a DET DT 4 det
spokesman spokesman NOUN NN 1 appos
for for ADP IN 4 prep
army army NOUN NN 5 pobj
said say VERB VBD 7 ROOT
our our PRON PRP$ 9 poss
troops troop NOUN NNS 10 nsubj
held hold VERB VBD 7 ccomp
. . PUNCT . 7 punct
"""


def test_our_and_their_in_a_spokesman_s_words_are_the_side_he_speaks_for() -> None:
    doc = doc_of(SPOKESMAN_SAID_WE)
    # The model did not mark the name: the apposition's "for the army" tells the side.
    idx = index(doc, {6: "army"}, {"army": "ORG"})
    assert entity_for(doc[8], idx) == "army"
    # A named person with an affiliation the actors stage found speaks for it.
    named = dataclasses.replace(
        index(doc, {0: "osei", 1: "osei", 6: "army"}, {"osei": "PERSON", "army": "ORG"}),
        entity_affiliation={"osei": "army"},
    )
    assert entity_for(doc[8], named) == "army"
    assert owner_entity(doc[9], named) == "army"


def test_their_in_a_spokesman_s_words_is_his_group_not_the_last_one_named() -> None:
    doc = doc_of(
        """
        Rebels rebel NOUN NNS 1 nsubj
        fled flee VERB VBD 1 ROOT
        . . PUNCT . 1 punct
        Osei Osei PROPN NNP 9 nsubj
        , , PUNCT , 3 punct
        a a DET DT 6 det
        spokesman spokesman NOUN NN 3 appos
        for for ADP IN 6 prep
        army army NOUN NN 7 pobj
        said say VERB VBD 9 ROOT
        their their PRON PRP$ 11 poss
        troops troop NOUN NNS 12 nsubj
        held hold VERB VBD 9 ccomp
        . . PUNCT . 9 punct
        """
    )
    idx = index(doc, {0: "rebels", 8: "army"}, {"rebels": "ORG", "army": "ORG"})
    assert entity_for(doc[10], idx) == "army"


def test_a_leader_s_forces_are_his_group_s_and_his_family_his_own() -> None:
    def said(noun: str, lemma: str) -> str | None:
        doc = doc_of(
            f"""
            Osei Osei PROPN NNP 1 nsubj
            said say VERB VBD 1 ROOT
            his his PRON PRP$ 3 poss
            {noun} {lemma} NOUN NNS 4 nsubj
            left leave VERB VBD 1 ccomp
            """
        )
        idx = dataclasses.replace(
            index(doc, {0: "osei"}, {"osei": "PERSON", "front": "ORG"}),
            entity_affiliation={"osei": "front"},
        )
        return owner_entity(doc[3], idx)

    assert said("fighters", "fighter") == "front"
    assert said("forces", "force") == "front"
    assert said("children", "child") == "osei"  # no armed men: the man's own


GROUP_AFTER_A_MINISTRY = """
The the DET DT 3 det
Somali Somali ADJ JJ 3 amod
defence defence NOUN NN 3 compound
ministry ministry PROPN NNP 4 nsubj
said say VERB VBD 4 ROOT
troops troop NOUN NNS 6 nsubj
attacked attack VERB VBD 4 ccomp
the the DET DT 8 det
group group NOUN NN 6 dobj
. . PUNCT . 4 punct
"""


def test_the_group_is_no_state_body_the_model_tagged_a_proper_noun() -> None:
    """ "The group" never refers back to a state's body; a name that ends in a proper noun
    ("the Taliban", when they govern) still may, but "ministry" is a body whatever its tag."""
    doc = doc_of(GROUP_AFTER_A_MINISTRY)
    ministry = {1: "ministry", 2: "ministry", 3: "ministry"}
    idx = dataclasses.replace(
        index(doc, ministry, {"ministry": "ORG"}), entity_type={"ministry": "government"}
    )
    assert entity_for(doc[8], idx) is None
    ruled = doc_of(
        GROUP_AFTER_A_MINISTRY.replace("ministry ministry PROPN", "Taliban Taliban PROPN")
    )
    rulers = dataclasses.replace(
        index(ruled, {3: "taliban"}, {"taliban": "ORG"}), entity_type={"taliban": "government"}
    )
    assert entity_for(ruled[8], rulers) == "taliban"


DRAGGED_AND_SHOT = """
The the DET DT 1 det
men man NOUN NNS 5 nsubj
, , PUNCT , 1 punct
whom whom PRON WP 4 dobj
residents resident NOUN NNS 4 nsubj
described describe VERB VBD 1 relcl
dragged drag VERB VBD 6 ROOT
the the DET DT 8 det
victims victim NOUN NNS 6 dobj
out out ADP RP 6 prt
and and CCONJ CC 6 cc
shot shoot VERB VBD 6 conj
them they PRON PRP 11 dobj
. . PUNCT . 6 punct
"""


def test_an_object_pronoun_of_a_second_verb_is_the_first_verb_s_object() -> None:
    """ "dragged the victims out and shot them": the victims, not the residents of the
    relative clause nor the men who did both."""
    doc = doc_of(DRAGGED_AND_SHOT)
    labels = {"men": "NORP", "residents": "NORP", "victims": "NORP"}
    idx = index(doc, {1: "men", 4: "residents", 8: "victims"}, labels)
    assert antecedent(doc[12], idx) == "victims"


RELATIVE_SUBJECT = """
Villagers villager NOUN NNS 1 nsubj
protested protest VERB VBD 1 ROOT
. . PUNCT . 1 punct
The the DET DT 4 det
men man NOUN NNS 9 nsubj
, , PUNCT , 4 punct
whom whom PRON WP 8 dobj
residents resident NOUN NNS 8 nsubj
described describe VERB VBD 4 relcl
robbed rob VERB VBD 9 ROOT
them they PRON PRP 9 dobj
. . PUNCT . 9 punct
"""


def test_a_relative_clause_s_subject_is_no_subject_of_the_story() -> None:
    """ "Villagers protested. The men, whom residents described ..., robbed them": "them" are
    the villagers (a subject of the story), not the residents who only describe the men."""
    doc = doc_of(RELATIVE_SUBJECT)
    labels = {"villagers": "NORP", "men": "NORP", "residents": "NORP"}
    idx = index(doc, {0: "villagers", 4: "men", 7: "residents"}, labels)
    assert antecedent(doc[10], idx) == "villagers"
