"""The speaker-resolution helpers of ``sitroom.actors.lookup`` used by the claims stage."""

from handmade import index
from sitroom.actors.lookup import antecedent, entity_for, reporting_subject
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
