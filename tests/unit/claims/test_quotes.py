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


def test_two_apostrophes_make_a_quotation_mark_and_spaces_inside_are_trimmed() -> None:
    text = "''We stay,'' the farmer said. \" Roads are cut . \" It's late."
    assert _quoted(text) == ["We stay,", "Roads are cut ."]


def test_quote_running_over_paragraphs_is_one_span_per_paragraph() -> None:
    text = "“The wells are dry.\n\n“The herds are gone.\n\n“We need help now,” the elder said."
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == [
        "The wells are dry.",
        "The herds are gone.",
        "We need help now,",
    ]
    assert [(q.runs_on, q.continued) for q in spans] == [(True, False), (True, True), (False, True)]


def test_open_quote_followed_by_plain_paragraph_is_dropped() -> None:
    text = "“The wells are dry.\n\nThe rains came late this year."
    assert find_quote_spans(text) == []


def test_typographic_quote_inside_a_typographic_quote() -> None:
    text = "“They kept asking, “Why us?” and nobody answered,” she said. Later “fine” came."
    assert _quoted(text) == ["They kept asking, “Why us?” and nobody answered,", "fine"]


def test_inner_quote_sharing_the_closing_mark() -> None:
    text = "“At what point do they say, “maybe it is us?” he wrote."
    assert _quoted(text) == ["At what point do they say, “maybe it is us?"]


def test_german_low_opening_mark() -> None:
    assert _quoted("„Wir bleiben“, sagte sie.") == ["Wir bleiben"]
