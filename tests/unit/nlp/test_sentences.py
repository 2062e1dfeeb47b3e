import spacy
from spacy.tokens import Doc

from sitroom.nlp.components.sentences import mark_sentence_starts

NLP = spacy.blank("en")


def _starts(text: str) -> list[str]:
    doc = mark_sentence_starts(NLP(text))
    return [t.text for t in doc[1:] if t.is_sent_start is True]


def test_unpunctuated_closing_quote_ends_a_sentence() -> None:
    text = "The mayor said “the bridge will stay closed for now” The army left the town."
    assert "The" in _starts(text)[-1:]


def test_short_quotes_and_punctuated_ends_are_left_to_the_parser() -> None:
    assert _starts("He called it “a lie” Tuesday and left.") == []
    assert _starts("She said “we will hold the line here,” Reuters reported.") == []


def test_paragraph_break_starts_a_sentence() -> None:
    assert _starts("Shelling hit the market\n\nAid arrived later.") == ["Aid"]


def test_a_dateline_dash_starts_the_first_sentence() -> None:
    assert _starts("KYIV, Ukraine (AP) — Russian forces shelled Kherson.") == ["Russian"]
    assert _starts("KABUL, May 3 (Reuters) - Taliban fighters seized Nahrin.") == ["Taliban"]


def test_a_dateline_opening_a_later_paragraph_is_cut_off_too() -> None:
    text = "Shelling hit the market.\n\nGAZA CITY — Aid arrived later."
    assert _starts(text)[-1:] == ["Aid"]


def test_a_dash_after_a_verb_or_before_a_small_word_is_no_dateline() -> None:
    assert _starts("Hamas — the militant group — fired rockets.") == []
    assert _starts("Al-Quaety, who wrote for AFP, was shot.") == []
    words = ["Rebels", "attacked", "Goma", "—", "The", "army", "fled", "."]
    tags = ["NNPS", "VBD", "NNP", ":", "DT", "NN", "VBD", "."]
    doc = mark_sentence_starts(Doc(NLP.vocab, words=words, tags=tags))
    assert not any(t.is_sent_start is True for t in doc[1:])


def test_the_sentence_after_a_dateline_goes_on_past_its_first_word() -> None:
    doc = mark_sentence_starts(NLP("HOMS - Gunmen loyal to a local chief burned the depot."))
    assert [t.text for t in doc if t.is_sent_start is False] == ["loyal"]
