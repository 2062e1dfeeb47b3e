"""Adjective tags the parse contradicts (``sitroom.lang.tag_repair``), on hand-built parses and,
marked, with the real model. Sentences made up."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from sitroom.lang.tag_repair import repair_tags
from sitroom.lang.vocabulary.grammar import grammar


def _parse(words: str, pos: list[str], deps: list[str], heads: list[int]) -> Doc:
    return Doc(Vocab(), words=words.split(), pos=pos, deps=deps, heads=heads)


def test_an_adjective_heading_an_object_with_its_determiner_is_a_noun() -> None:
    doc = _parse(
        "troops launched a ground offensive",
        ["NOUN", "VERB", "DET", "NOUN", "ADJ"],
        ["nsubj", "ROOT", "det", "compound", "dobj"],
        [1, 1, 4, 4, 1],
    )
    fixed = repair_tags(doc, grammar().nominal_deps)
    assert (fixed[4].pos_, fixed[4].tag_) == ("NOUN", "NN")


def test_an_adjective_without_a_determiner_or_not_heading_a_phrase_stays() -> None:
    predicative = _parse(
        "the attack was offensive",
        ["DET", "NOUN", "AUX", "ADJ"],
        ["det", "nsubj", "ROOT", "acomp"],
        [1, 2, 2, 2],
    )
    bare = _parse(
        "they found offensive", ["PRON", "VERB", "ADJ"], ["nsubj", "ROOT", "dobj"], [1, 1, 1]
    )
    assert repair_tags(predicative, grammar().nominal_deps)[3].pos_ == "ADJ"
    assert repair_tags(bare, grammar().nominal_deps)[2].pos_ == "ADJ"


def test_a_capitalised_common_noun_opening_a_sentence_outside_any_name_is_a_noun() -> None:
    doc = Doc(
        Vocab(),
        words=["Airstrikes", "pounded", "the", "city"],
        pos=["PROPN", "VERB", "DET", "NOUN"],
        tags=["NNPS", "VBD", "DT", "NN"],
        deps=["nsubj", "ROOT", "det", "dobj"],
        heads=[1, 1, 3, 1],
        sent_starts=[True, False, False, False],
    )
    fixed = repair_tags(doc, grammar().nominal_deps, lambda t: t.text.lower().rstrip("s"))
    assert (fixed[0].pos_, fixed[0].tag_, fixed[0].lemma_) == ("NOUN", "NNS", "airstrike")


def test_a_singular_name_the_ner_missed_opening_a_sentence_stays_a_proper_noun() -> None:
    doc = Doc(
        Vocab(),
        words=["Kyiv", "accused", "Moscow"],
        pos=["PROPN", "VERB", "PROPN"],
        tags=["NNP", "VBD", "NNP"],
        deps=["nsubj", "ROOT", "dobj"],
        heads=[1, 1, 1],
        sent_starts=[True, False, False],
    )
    assert repair_tags(doc, grammar().nominal_deps)[0].pos_ == "PROPN"


def test_a_name_opening_a_sentence_stays_a_proper_noun() -> None:
    doc = Doc(
        Vocab(),
        words=["Maiduguri", "residents", "fled"],
        pos=["PROPN", "NOUN", "VERB"],
        tags=["NNP", "NNS", "VBD"],
        deps=["compound", "nsubj", "ROOT"],
        heads=[1, 2, 2],
        sent_starts=[True, False, False],
        ents=["B-GPE", "O", "O"],
    )
    assert repair_tags(doc, grammar().nominal_deps)[0].pos_ == "PROPN"


@pytest.mark.model
def test_a_sentence_opening_with_a_common_noun_the_tagger_missed_has_its_event(
    nlp: Language,
) -> None:
    for text, trigger in (
        ("Airstrikes pounded the city of Idlib overnight.", "Airstrikes"),
        ("Shelling continued in Kharkiv on Monday.", "Shelling"),
    ):
        doc = nlp(text)
        assert [doc.text[e.trigger[0] : e.trigger[1]] for e in doc._.sitroom_events] == [trigger]


@pytest.mark.model
def test_a_ground_offensive_is_an_event(nlp: Language) -> None:
    doc = nlp("The Syrian army launched a ground offensive against rebels in Deraa province.")
    assert [(e.type, doc.text[e.trigger[0] : e.trigger[1]]) for e in doc._.sitroom_events] == [
        ("FIGHT", "offensive")
    ]


def test_an_irregular_past_form_taken_for_the_present_is_past_with_its_lemma() -> None:
    def parse(verb: str) -> Doc:
        return Doc(
            Vocab(),
            words=["rebels", verb, "Goma"],
            pos=["NOUN", "VERB", "PROPN"],
            tags=["NNS", "VBP", "NNP"],
            deps=["nsubj", "ROOT", "dobj"],
            heads=[1, 1, 1],
        )

    exceptions = {"retook": "retake"}  # the shape of the lemmatizer's exception table
    fixed = repair_tags(parse("retook"), grammar().nominal_deps, irregular=exceptions.get)
    assert (fixed[1].tag_, fixed[1].lemma_) == ("VBD", "retake")
    # a form the table does not list stays as it is
    kept = repair_tags(parse("take"), grammar().nominal_deps, irregular=exceptions.get)
    assert kept[1].tag_ == "VBP"


def test_a_name_right_after_a_verb_taken_for_an_adverb_is_its_object() -> None:
    doc = _parse(
        "troops captured Bakhmut today",
        ["NOUN", "VERB", "ADV", "NOUN"],
        ["nsubj", "ROOT", "advmod", "npadvmod"],
        [1, 1, 1, 1],
    )
    doc.set_ents([Span(doc, 2, 3, "GPE"), Span(doc, 3, 4, "DATE")])
    fixed = repair_tags(doc, grammar().nominal_deps)
    assert (fixed[2].dep_, fixed[2].pos_) == ("dobj", "PROPN")
    assert fixed[3].dep_ == "npadvmod"  # a date is no object


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "verb", "place"),
    [
        ("Government troops retook Kidal on Sunday.", "retake", "Kidal"),
        ("Russian forces captured Bakhmut after months of fighting.", "capture", "Bakhmut"),
    ],
)
def test_the_repaired_verb_places_its_seized_town(
    nlp: Language, text: str, verb: str, place: str
) -> None:
    doc = nlp(text)
    assert any(t.lemma_ == verb for t in doc)
    places = {p.id: p.name for p in doc._.sitroom_places}
    seized = next(e for e in doc._.sitroom_events if e.type == "FIGHT" and e.mode == "occupy")
    assert places.get(seized.place or "") == place


def test_a_plural_tagged_a_singular_name_opening_a_sentence_is_a_common_noun() -> None:
    def tagged(first: str) -> Doc:
        return Doc(
            Vocab(),
            words=[first, "loyal", "to", "him", "fled"],
            pos=["PROPN", "ADJ", "ADP", "PRON", "VERB"],
            tags=["NNP", "JJ", "IN", "PRP", "VBD"],
            deps=["nsubj", "amod", "prep", "pobj", "ROOT"],
            heads=[4, 0, 1, 2, 4],
            sent_starts=[True, False, False, False, False],
        )

    nouns = {"guard"}

    def plural(form: str) -> bool:
        return form.endswith("s") and form[:-1] in nouns

    def lemma(tok: Token) -> str:
        return tok.text.lower().rstrip("s")

    guards = repair_tags(tagged("Guards"), grammar().nominal_deps, lemma, None, plural)
    assert (guards[0].pos_, guards[0].tag_, guards[0].lemma_) == ("NOUN", "NNS", "guard")
    # a name ending in "s" is the plural of no noun the lemmatizer knows
    athens = repair_tags(tagged("Athens"), grammar().nominal_deps, lemma, None, plural)
    assert (athens[0].pos_, athens[0].tag_) == ("PROPN", "NNP")


@pytest.mark.model
def test_after_a_dateline_a_plural_opening_the_sentence_is_the_doer(nlp: Language) -> None:
    doc = nlp(
        "SIRTE - Fighters loyal to the eastern commander Omar Kadi seized an oil terminal near "
        "the town of Brega on Sunday, residents said."
    )
    fighters = next(t for t in doc if t.text == "Fighters")
    assert (fighters.tag_, fighters.lemma_) == ("NNS", "fighter")
    names = {e.id: e.name for e in doc._.sitroom_entities}
    # the fighters' commander acts (roles.yaml allegiance_words)
    assert [names.get(e.actor1 or "") for e in doc._.sitroom_events] == ["Omar Kadi"]


def _dateline_lede(word: str, ent: str = "") -> Doc:
    """ "DHAKA - <word> police detained 37 people", tagged as the model tags it after a
    dateline: the people's word a proper noun hung on "police" as a compound."""
    doc = Doc(
        Vocab(),
        words=["DHAKA", "-", word, "police", "detained", "37", "people"],
        pos=["PROPN", "PUNCT", "PROPN", "NOUN", "VERB", "NUM", "NOUN"],
        tags=["NNP", "HYPH", "NNP", "NNS", "VBD", "CD", "NNS"],
        deps=["ROOT", "punct", "compound", "nsubj", "ROOT", "nummod", "dobj"],
        heads=[0, 0, 3, 4, 4, 6, 4],
        sent_starts=[True, False, False, True, False, False, False],
    )
    if ent:
        doc.ents = [Span(doc, 2, 3, label=ent)]
    return doc


def test_a_peoples_word_taken_for_a_name_before_a_common_noun_is_its_adjective() -> None:
    demonyms = {"bangladeshi", "kenyan"}.__contains__
    fixed = repair_tags(_dateline_lede("Bangladeshi"), grammar().nominal_deps, demonym=demonyms)
    assert (fixed[2].pos_, fixed[2].tag_, fixed[2].dep_) == ("ADJ", "JJ", "amod")
    # a name of another kind ("Rapid police") or one the NER found stays as it was
    for word, ent in (("Rapid", ""), ("Bangladeshi", "ORG")):
        kept = repair_tags(_dateline_lede(word, ent), grammar().nominal_deps, demonym=demonyms)
        assert (kept[2].pos_, kept[2].dep_) == ("PROPN", "compound")


@pytest.mark.model
def test_a_dateline_leaves_the_nationality_of_the_police(nlp: Language) -> None:
    doc = nlp("DHAKA - Bangladeshi police detained 37 people after a mob set fire to homes.")
    names = {e.id: e.name for e in doc._.sitroom_entities}
    detained = next(e for e in doc._.sitroom_events if e.type == "COERCE")
    assert names.get(detained.actor1 or "") == "Bangladeshi police"
