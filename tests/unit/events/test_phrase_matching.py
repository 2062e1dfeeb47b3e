"""Phrase triggers are matched sentence by sentence, against only the entries a sentence can
hold; the matches and their order must be those of one DependencyMatcher over the whole doc.
The texts are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from sitroom.events.phrases import PhraseMatcher, _key_hits, _prefilter, _single_trees

pytestmark = pytest.mark.model

TEXTS = [
    "The Houthis took control of Hodeidah on Tuesday. Government forces regained control of "
    "the airport a day later, and the rebels were driven out of the city. The town of Kidal "
    "fell to the rebels on Sunday.",
    "Police opened fire on protesters in the capital. Soldiers opened fire at a crowd. The "
    "death toll from the bombing rose to 40, officials said. Thousands took to the streets.",
    "It rained. Nobody came. Prices fell to five dollars, and the market took control of the rest.",
    "",
]


def _phrases(nlp: Language) -> PhraseMatcher:
    matcher: PhraseMatcher = nlp.get_pipe("sitroom_events")._detector.phrases
    return matcher


@pytest.mark.parametrize("text", TEXTS)
def test_matches_by_sentence_are_those_of_the_whole_doc(nlp: Language, text: str) -> None:
    doc = nlp(text)
    phrases = _phrases(nlp)
    compiled = phrases._matcher(doc.vocab)
    whole = [(int(doc.vocab.strings[key]), ids) for key, ids in compiled.whole(doc)]
    assert phrases._matches(doc) == whole


def test_the_texts_hold_matches_of_several_entries_and_sentences(nlp: Language) -> None:
    found = _phrases(nlp)._matches(nlp(" ".join(TEXTS[:2])))
    assert len({number for number, _ids in found}) >= 4
    numbers = [number for number, _ids in found]
    assert numbers == sorted(numbers)


def test_sentences_are_single_trees_unless_an_entity_crosses_one() -> None:
    words = ["Rebels", "attacked", ".", "Troops", "fled", "."]
    heads = [1, 1, 1, 4, 4, 4]
    deps = ["nsubj", "ROOT", "punct", "nsubj", "ROOT", "punct"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert _single_trees(doc) == [(0, 3), (3, 6)]
    crossing = ["O", "O", "B-ORG", "I-ORG", "O", "O"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, ents=crossing)
    assert _single_trees(doc) is None


@pytest.mark.parametrize("text", TEXTS)
def test_key_nodes_tried_on_the_tokens_holding_their_words_match_as_in_the_doc(
    nlp: Language, text: str
) -> None:
    doc = nlp(text)
    compiled = _phrases(nlp)._matcher(doc.vocab)
    assert compiled.prefilter is not None
    assert sorted(_key_hits(compiled, doc)) == sorted(compiled.words(doc))


def test_a_key_node_requiring_no_word_leaves_every_token_to_the_matcher() -> None:
    vocab = Vocab()
    lemma = {"LEMMA": {"IN": ["seize", "take"]}, "POS": "VERB"}
    lower = {"LOWER": "of", "DEP": "prep"}
    found = _prefilter(vocab, [lemma, lower])
    assert found is not None
    lemmas, lowers = found
    assert sorted(lemmas.tolist()) == sorted(vocab.strings[w] for w in ("seize", "take"))
    assert lowers.tolist() == [vocab.strings["of"]]
    assert _prefilter(vocab, [lemma, {"DEP": "pobj"}]) is None
    assert _prefilter(vocab, [{"LEMMA": {"NOT_IN": ["say"]}}]) is None
