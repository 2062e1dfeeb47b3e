"""Repairs of cut or mislabelled group names (``sitroom.lang.entity_repair``) on hand-made
entity spans: the shapes of English names, not any list of groups. Sentences made up."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from sitroom.lang.entity_repair import names_before_times, repaired_entities
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import RolesVocabulary
from unit.claims.conll import doc_of

ROLES = load_vocabulary(RolesVocabulary)


def spans_of(text: str, ents: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    doc = Doc(Vocab(), words=text.split())
    doc.set_ents([Span(doc, s, e, label) for s, e, label in ents])
    fixed = repaired_entities(doc, ROLES.name_heads)
    return [(span.text, span.label_) for span in fixed]


def test_an_adjective_tagged_alone_takes_the_word_that_closes_the_name() -> None:
    words = "Fighters of the Islamic State seized the town"
    assert spans_of(words, [(3, 4, "NORP")]) == [("Islamic State", "ORG")]


def test_several_closing_words_and_other_spans_stay_apart() -> None:
    words = "the Ansar Resistance Front and Kenya"
    assert spans_of(words, [(1, 2, "PERSON"), (5, 6, "GPE")]) == [
        ("Ansar Resistance Front", "ORG"),
        ("Kenya", "GPE"),
    ]


def test_a_lower_case_word_or_a_state_organ_does_not_widen_the_name() -> None:
    assert spans_of("the Islamic state of mind", [(1, 2, "NORP")]) == [("Islamic", "NORP")]
    assert spans_of("Afghan Army units", [(0, 1, "NORP")]) == [("Afghan", "NORP")]


def test_a_closing_word_of_another_entity_is_not_taken() -> None:
    words = "Syrian Union Party"
    ents = [(0, 1, "NORP"), (1, 3, "ORG")]
    assert spans_of(words, ents) == [("Syrian", "NORP"), ("Union Party", "ORG")]


def test_a_closing_word_tagged_alone_after_a_nationality_joins_it() -> None:
    # "the *Islamic* [NORP] *State* [ORG] group claimed it": one organisation
    words = "the Islamic State group claimed it"
    assert spans_of(words, [(1, 2, "NORP"), (2, 3, "ORG")]) == [("Islamic State", "ORG")]
    # a longer organisation, or one after a place, stays its own
    assert spans_of("Syrian Union Party", [(0, 1, "NORP"), (1, 3, "ORG")]) == [
        ("Syrian", "NORP"),
        ("Union Party", "ORG"),
    ]
    assert spans_of("Kenya State House", [(0, 1, "GPE"), (1, 2, "ORG")]) == [
        ("Kenya", "GPE"),
        ("State", "ORG"),
    ]


def test_a_person_span_ending_in_an_organisation_word_is_an_organisation() -> None:
    words = "the Ogaden National Liberation Front said"
    assert spans_of(words, [(1, 5, "PERSON")]) == [("Ogaden National Liberation Front", "ORG")]
    # a surname that is an organisation word elsewhere ("Bank") leaves a person a person
    assert spans_of("John Bank said", [(0, 2, "PERSON")]) == [("John Bank", "PERSON")]


def _initialisms(table: str) -> list[tuple[str, str]]:
    doc = doc_of(table)
    people = frozenset(ROLES.unnamed_people) | ROLES.org_cues
    return [(span.text, span.label_) for span in repaired_entities(doc, ROLES.name_heads, people)]


def test_an_unlabelled_initialism_after_the_is_a_group_as_a_party_or_before_its_people() -> None:
    assert _initialisms(
        """
        The the DET DT 1 det
        KDP KDP PROPN NNP 2 nsubj
        attacked attack VERB VBD 2 ROOT
        the the DET DT 5 det
        NPF NPF PROPN NNP 5 compound
        rebels rebel NOUN NNS 2 dobj
        """
    ) == [("KDP", "ORG"), ("NPF", "ORG")]


def test_an_initialism_before_a_thing_or_without_the_is_left_alone() -> None:
    assert (
        _initialisms(
            """
            The the DET DT 2 det
            SARS SARS PROPN NNP 2 compound
            outbreak outbreak NOUN NN 3 nsubj
            hit hit VERB VBD 3 ROOT
            TV TV PROPN NNP 5 compound
            stations station NOUN NNS 3 dobj
            """
        )
        == []
    )


CALENDAR = frozenset({"monday", "march", "christmas", "easter"})


def time_spans_of(words: list[str], pos: list[str], ents: list[tuple[int, int, str]]) -> object:
    doc = Doc(Vocab(), words=words, pos=pos)
    doc.set_ents([Span(doc, s, e, label) for s, e, label in ents])
    fixed = names_before_times(doc, CALENDAR)
    return None if fixed is None else [(span.text, span.label_) for span in fixed]


def test_a_name_swept_into_a_time_span_is_left_out_of_it() -> None:
    words = ["Drones", "struck", "Lviv", "overnight", "."]
    pos = ["NOUN", "VERB", "PROPN", "ADV", "PUNCT"]
    assert time_spans_of(words, pos, [(2, 4, "TIME")]) == [("overnight", "TIME")]


def test_months_weekdays_named_days_and_names_of_days_stay_in_the_span() -> None:
    pos3 = ["ADP", "PROPN", "NOUN"]
    assert time_spans_of(["on", "Monday", "morning"], pos3, [(1, 3, "TIME")]) is None
    assert time_spans_of(["in", "March", "last"], pos3, [(1, 3, "DATE")]) is None
    assert time_spans_of(["on", "Christmas", "morning"], pos3, [(1, 3, "TIME")]) is None
    # a name followed by a capitalised word is a name of a day ("Harvest Sunday")
    pos2 = ["ADP", "PROPN", "PROPN"]
    assert time_spans_of(["on", "Harvest", "Sunday"], pos2, [(1, 3, "DATE")]) is None


def test_an_initialism_before_armed_people_is_a_group_without_the() -> None:
    doc = doc_of(
        """
        Masked masked ADJ JJ 2 amod
        KLA KLA PROPN NNP 2 compound
        guerrillas guerrilla NOUN NNS 3 nsubj
        burned burn VERB VBD 3 ROOT
        OSCE OSCE PROPN NNP 5 compound
        trucks truck NOUN NNS 3 dobj
        """
    )
    forces = frozenset({"guerrilla"})
    found = repaired_entities(doc, ROLES.name_heads, frozenset(), forces)
    # trucks are no people: "OSCE" before them is left to the model
    assert [(s.text, s.label_) for s in found] == [("KLA", "ORG")]


def test_a_word_of_doubt_opening_a_sentence_is_left_out_of_a_name() -> None:
    doc = Doc(Vocab(), words=["Alleged", "Hamas", "operatives", "were", "held"])
    doc.set_ents([Span(doc, 0, 2, "ORG")])
    doubt = ROLES.doubt_modifiers
    fixed = repaired_entities(doc, ROLES.name_heads, doubt_words=doubt)
    assert [(s.text, s.label_) for s in fixed] == [("Hamas", "ORG")]
    # inside a sentence a name may well begin with such a word: only an opening one is doubt
    later = Doc(Vocab(), words=["they", "met", "Alleged", "Holdings", "staff"])
    later.set_ents([Span(later, 2, 4, "ORG")])
    kept = repaired_entities(later, ROLES.name_heads, doubt_words=doubt)
    assert [(s.text, s.label_) for s in kept] == [("Alleged Holdings", "ORG")]
