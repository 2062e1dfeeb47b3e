"""A happening dated by its distance from the sentence's time (``sitroom.lang.time_offset``),
on hand-built parses of sentences written for these tests."""

from __future__ import annotations

from handmade import parsed
from sitroom.lang.time_offset import counted_from, offset_days

# "Police detained him on Friday, 48 hours after the raid."
AFTER_PHRASE = parsed(
    [
        ("Police", "police", "NOUN", "NNS", 1, "nsubj"),
        ("detained", "detain", "VERB", "VBD", 1, "ROOT"),
        ("him", "he", "PRON", "PRP", 1, "dobj"),
        ("on", "on", "ADP", "IN", 1, "prep"),
        ("Friday", "Friday", "PROPN", "NNP", 3, "pobj"),
        (",", ",", "PUNCT", ",", 1, "punct"),
        ("48", "48", "NUM", "CD", 7, "nummod"),
        ("hours", "hour", "NOUN", "NNS", 8, "npadvmod"),
        ("after", "after", "ADP", "IN", 1, "prep"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("raid", "raid", "NOUN", "NN", 8, "pobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
)

# "Militia fighters withdrew on Monday, three days before the truce took hold."
BEFORE_CLAUSE = parsed(
    [
        ("Militia", "militia", "NOUN", "NN", 1, "compound"),
        ("fighters", "fighter", "NOUN", "NNS", 2, "nsubj"),
        ("withdrew", "withdraw", "VERB", "VBD", 2, "ROOT"),
        ("on", "on", "ADP", "IN", 2, "prep"),
        ("Monday", "Monday", "PROPN", "NNP", 3, "pobj"),
        (",", ",", "PUNCT", ",", 2, "punct"),
        ("three", "three", "NUM", "CD", 7, "nummod"),
        ("days", "day", "NOUN", "NNS", 11, "npadvmod"),
        ("before", "before", "SCONJ", "IN", 11, "mark"),
        ("the", "the", "DET", "DT", 10, "det"),
        ("truce", "truce", "NOUN", "NN", 11, "nsubj"),
        ("took", "take", "VERB", "VBD", 2, "advcl"),
        ("hold", "hold", "NOUN", "NN", 11, "dobj"),
    ]
)


def test_the_happening_counted_from_is_shifted_by_the_distance() -> None:
    raid, friday = AFTER_PHRASE[10], 4
    assert offset_days(raid, friday) == -2  # the raid came two days before Friday
    truce, monday = BEFORE_CLAUSE[10], 4
    assert offset_days(truce, monday) == 3  # the truce came three days after Monday


def test_the_sentences_own_happening_keeps_its_time() -> None:
    assert offset_days(AFTER_PHRASE[1], 4) == 0  # "detained ... on Friday"
    assert offset_days(BEFORE_CLAUSE[2], 4) == 0  # "withdrew on Monday"


def test_a_time_of_the_happening_counted_from_dates_the_happening_counted() -> None:
    # "Police detained him 48 hours after the raid on Friday": the raid's Friday, the arrest
    # two days later
    rows = [
        ("Police", "police", "NOUN", "NNS", 1, "nsubj"),
        ("detained", "detain", "VERB", "VBD", 1, "ROOT"),
        ("him", "he", "PRON", "PRP", 1, "dobj"),
        ("48", "48", "NUM", "CD", 4, "nummod"),
        ("hours", "hour", "NOUN", "NNS", 5, "npadvmod"),
        ("after", "after", "ADP", "IN", 1, "prep"),
        ("the", "the", "DET", "DT", 7, "det"),
        ("raid", "raid", "NOUN", "NN", 5, "pobj"),
        ("on", "on", "ADP", "IN", 7, "prep"),
        ("Friday", "Friday", "PROPN", "NNP", 8, "pobj"),
    ]
    doc = parsed(rows)
    assert offset_days(doc[1], 9) == 2
    assert offset_days(doc[7], 9) == 0  # the raid's own time


def test_no_shift_without_a_counted_distance_of_days() -> None:
    vague = parsed(
        [
            ("Police", "police", "NOUN", "NNS", 1, "nsubj"),
            ("detained", "detain", "VERB", "VBD", 1, "ROOT"),
            ("him", "he", "PRON", "PRP", 1, "dobj"),
            ("on", "on", "ADP", "IN", 1, "prep"),
            ("Friday", "Friday", "PROPN", "NNP", 3, "pobj"),
            ("days", "day", "NOUN", "NNS", 6, "npadvmod"),
            ("after", "after", "ADP", "IN", 1, "prep"),
            ("the", "the", "DET", "DT", 8, "det"),
            ("raid", "raid", "NOUN", "NN", 6, "pobj"),
        ]
    )
    assert offset_days(vague[8], 4) == 0  # "days after": no day to count back
    months = parsed(
        [
            ("a", "a", "DET", "DT", 1, "det"),
            ("month", "month", "NOUN", "NN", 2, "npadvmod"),
            ("after", "after", "ADP", "IN", 2, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("raid", "raid", "NOUN", "NN", 2, "pobj"),
        ]
    )
    assert offset_days(months[4], 0) == 0


def test_the_happening_counted_from_is_a_time_mark_not_the_news() -> None:
    """ "withdrew on Monday, three days before the truce *took* hold": the truce marks time."""
    assert counted_from(BEFORE_CLAUSE[11])  # "took"
    assert counted_from(AFTER_PHRASE[10])  # "the raid" of "48 hours after the raid"
    assert not counted_from(BEFORE_CLAUSE[2])  # "withdrew": the news
    assert not counted_from(AFTER_PHRASE[1])  # "detained"
