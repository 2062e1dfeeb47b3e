from sitroom.claims.quotes import find_quote_spans


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


def test_straight_and_typographic_quotes() -> None:
    text = 'He said "we will hold the line" and called it “a lie” before «leaving».'
    assert _quoted(text) == ["we will hold the line", "a lie", "leaving"]


def test_straight_opening_closed_by_typographic_mark() -> None:
    text = 'The mayor says "the bridge is open” and left.'
    assert _quoted(text) == ["the bridge is open"]


def test_unclosed_quote_does_not_swallow_paragraphs() -> None:
    text = 'She said "never closed.\n\nNext paragraph with "a quote" here.'
    assert "a quote" in _quoted(text) or _quoted(text) == []
    assert all("\n\n" not in q for q in _quoted(text))
