import spacy

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
