"""Figure extraction on hand-built ``Doc`` objects (no statistical model)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Doc

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_*)
from handmade import parsed as _doc
from sitroom.figures.extract import find_figures
from sitroom.model import Figure, TimeSpan


def _text(doc: Doc, figure: Figure) -> str:
    return doc.text[figure.span[0] : figure.span[1]]


def test_hedged_count_of_nationalities_and_others() -> None:
    doc = _doc(
        [
            ("Crews", "crew", "NOUN", "NNS", 1, "nsubj"),
            ("flew", "fly", "VERB", "VBD", 1, "ROOT"),
            ("out", "out", "ADP", "RP", 1, "prt"),
            ("more", "more", "ADJ", "JJR", 5, "amod"),
            ("than", "than", "ADP", "IN", 5, "quantmod"),
            ("9,000", "9,000", "NUM", "CD", 6, "nummod"),
            ("Kenyans", "Kenyan", "PROPN", "NNPS", 1, "dobj"),
            ("and", "and", "CCONJ", "CC", 6, "cc"),
            ("others", "other", "NOUN", "NNS", 6, "conj"),
            (".", ".", "PUNCT", ".", 1, "punct"),
        ],
        ["O", "O", "O", "B-CARDINAL", "I-CARDINAL", "I-CARDINAL", "B-NORP", "O", "O", "O"],
    )
    (fig,) = find_figures(doc)
    assert _text(doc, fig) == "more than 9,000"
    assert (fig.value, fig.qualifier, fig.unit) == (9000, "more_than", "people")
    assert fig.what == "Kenyans and others"
    assert fig.event is None


def test_determiner_one_is_skipped_but_a_casualty_count_is_kept() -> None:
    doc = _doc(
        [
            ("One", "one", "NUM", "CD", 1, "nummod"),
            ("officer", "officer", "NOUN", "NN", 2, "nsubj"),
            ("said", "say", "VERB", "VBD", 2, "ROOT"),
            ("two", "two", "NUM", "CD", 4, "nummod"),
            ("herders", "herder", "NOUN", "NNS", 6, "nsubjpass"),
            ("were", "be", "AUX", "VBD", 6, "auxpass"),
            ("killed", "kill", "VERB", "VBN", 2, "ccomp"),
            ("and", "and", "CCONJ", "CC", 6, "cc"),
            ("one", "one", "NUM", "CD", 9, "nummod"),
            ("boy", "boy", "NOUN", "NN", 10, "nsubjpass"),
            ("wounded", "wound", "VERB", "VBN", 6, "conj"),
        ],
    )
    figures = find_figures(doc)
    assert [(f.value, f.unit, f.what) for f in figures] == [
        (2, "other", "herders"),  # "herders" is not in the shipped person list
        (1, "people", "boy"),
    ]


def test_referring_numbers_names_years_and_durations_are_skipped() -> None:
    doc = _doc(
        [
            ("The", "the", "DET", "DT", 2, "det"),
            ("two", "two", "NUM", "CD", 2, "nummod"),
            ("envoys", "envoy", "NOUN", "NNS", 3, "nsubj"),
            ("cited", "cite", "VERB", "VBD", 3, "ROOT"),
            ("Resolution", "Resolution", "PROPN", "NNP", 3, "dobj"),
            ("2593", "2593", "NUM", "CD", 4, "nummod"),
            ("after", "after", "ADP", "IN", 3, "prep"),
            ("three", "three", "NUM", "CD", 8, "nummod"),
            ("days", "day", "NOUN", "NNS", 6, "pobj"),
            ("of", "of", "ADP", "IN", 8, "prep"),
            ("1999", "1999", "NUM", "CD", 11, "nummod"),
            ("talks", "talk", "NOUN", "NNS", 9, "pobj"),
        ],
    )
    assert find_figures(doc) == ()


def test_a_spelled_level_after_its_tally_is_a_figure() -> None:
    # "the" belongs to the tally, not to the number: no "the two envoys" referring back
    doc = _doc(
        [
            ("Officials", "official", "NOUN", "NNS", 1, "nsubj"),
            ("put", "put", "VERB", "VBD", 1, "ROOT"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("death", "death", "NOUN", "NN", 4, "compound"),
            ("toll", "toll", "NOUN", "NN", 1, "dobj"),
            ("at", "at", "ADP", "IN", 1, "prep"),
            ("four", "four", "NUM", "CD", 5, "pobj"),
        ],
    )
    [figure] = find_figures(doc)
    assert (figure.value, _text(doc, figure)) == (4, "four")


def test_hyphenated_ages_and_list_numbers_are_skipped() -> None:
    doc = _doc(
        [
            ("1", "1", "NUM", "CD", 7, "nummod"),
            (")", ")", "PUNCT", "-RRB-", 7, "punct"),
            ("A", "a", "DET", "DT", 7, "det"),
            ("25", "25", "NUM", "CD", 4, "nummod"),
            ("-", "-", "PUNCT", "HYPH", 4, "punct"),
            ("year", "year", "NOUN", "NN", 6, "npadvmod"),
            ("-old", "-old", "ADJ", "JJ", 7, "amod"),
            ("man", "man", "NOUN", "NN", 7, "ROOT"),
        ],
    )
    assert find_figures(doc) == ()


def test_percent_of_and_money_in() -> None:
    doc = _doc(
        [
            ("Donors", "donor", "NOUN", "NNS", 1, "nsubj"),
            ("cover", "cover", "VERB", "VBP", 1, "ROOT"),
            ("nearly", "nearly", "ADV", "RB", 3, "advmod"),
            ("40", "40", "NUM", "CD", 4, "nummod"),
            ("percent", "percent", "NOUN", "NN", 1, "dobj"),
            ("of", "of", "ADP", "IN", 4, "prep"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("budget", "budget", "NOUN", "NN", 5, "pobj"),
            ("with", "with", "ADP", "IN", 1, "prep"),
            ("$", "$", "SYM", "$", 11, "quantmod"),
            ("2", "2", "NUM", "CD", 11, "compound"),
            ("million", "million", "NUM", "CD", 8, "pobj"),
            ("in", "in", "ADP", "IN", 11, "prep"),
            ("grants", "grant", "NOUN", "NNS", 12, "pobj"),
        ],
        ["O"] * 2
        + ["B-PERCENT"] * 1
        + ["I-PERCENT"] * 2
        + ["O"] * 4
        + ["B-MONEY"]
        + ["I-MONEY"] * 2
        + ["O"] * 2,
    )
    percent, money = find_figures(doc)
    assert (_text(doc, percent), percent.value, percent.unit) == (
        "nearly 40 percent",
        40,
        "percent",
    )
    assert (percent.qualifier, percent.what) == ("about", "budget")
    assert (_text(doc, money), money.value, money.unit, money.what) == (
        "$ 2 million",  # hand-built docs put a space after every token
        2_000_000,
        "USD",
        "grants",
    )


def test_death_toll_and_bare_casualty_counts() -> None:
    doc = _doc(
        [
            ("Shells", "shell", "NOUN", "NNS", 1, "nsubj"),
            ("wounded", "wound", "VERB", "VBD", 1, "ROOT"),
            ("30", "30", "NUM", "CD", 1, "dobj"),
            (",", ",", "PUNCT", ",", 1, "punct"),
            ("raising", "raise", "VERB", "VBG", 1, "advcl"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("death", "death", "NOUN", "NN", 7, "compound"),
            ("toll", "toll", "NOUN", "NN", 4, "dobj"),
            ("to", "to", "ADP", "IN", 4, "prep"),
            ("45", "45", "NUM", "CD", 8, "pobj"),
        ],
    )
    wounded, toll = find_figures(doc)
    assert (wounded.value, wounded.unit, wounded.what) == (30, "people", None)
    assert (toll.value, toll.unit, toll.what) == (45, "people", "death toll")


def test_numbers_inside_resolved_times_or_dates_are_skipped() -> None:
    doc = _doc(
        [
            ("Clashes", "clash", "NOUN", "NNS", 1, "nsubj"),
            ("began", "begin", "VERB", "VBD", 1, "ROOT"),
            ("on", "on", "ADP", "IN", 1, "prep"),
            ("5", "5", "NUM", "CD", 4, "nummod"),
            ("Sept", "Sept", "PROPN", "NNP", 2, "pobj"),
        ],
        ["O", "O", "O", "B-CARDINAL", "O"],
    )
    assert find_figures(doc) == ()  # the month name next to it is enough
    start = doc[3].idx
    day = dt.date(2021, 9, 5)
    doc._.sitroom_times = (
        TimeSpan(text="5 Sept", start=day, end=day, precision="day", span=(start, start + 6)),
    )
    assert find_figures(doc) == ()


def test_vague_plural_with_of_object() -> None:
    doc = _doc(
        [
            ("Tens", "ten", "NOUN", "NNS", 2, "quantmod"),
            ("of", "of", "ADP", "IN", 2, "quantmod"),
            ("thousands", "thousand", "NOUN", "NNS", 5, "nsubj"),
            ("of", "of", "ADP", "IN", 2, "prep"),
            ("villagers", "villager", "NOUN", "NNS", 3, "pobj"),
            ("fled", "flee", "VERB", "VBD", 5, "ROOT"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (_text(doc, fig), fig.value, fig.qualifier) == ("Tens of thousands", 10_000, "at_least")
    assert (fig.unit, fig.what) == ("people", "villagers")


def test_a_bare_count_that_is_a_crowd_verbs_subject_counts_people() -> None:
    def crowd(verb: str, lemma: str) -> Sequence[Figure]:
        return find_figures(
            _doc(
                [
                    ("Thousands", "thousand", "NOUN", "NNS", 1, "nsubj"),
                    (verb, lemma, "VERB", "VBD", 1, "ROOT"),
                    ("on", "on", "ADP", "IN", 1, "prep"),
                    ("Sunday", "Sunday", "PROPN", "NNP", 2, "pobj"),
                    (".", ".", "PUNCT", ".", 1, "punct"),
                ],
                ["B-CARDINAL", "O", "O", "B-DATE", "O"],
            )
        )

    (marched,) = crowd("marched", "march")
    assert (marched.value, marched.unit, marched.what) == (1000, "people", None)
    # a verb of no crowd says nothing about what the number counts
    assert not crowd("voted", "vote")


def test_a_hedge_that_hangs_on_the_noun_leaves_the_number_its_count() -> None:
    # "Some 2.5m people need aid." (the model read "2.5m" as "2.5" and a name "m"): the parser
    # hangs "Some" on "people", so the span's root would be the hedge; the number's own head
    # counts the people.
    doc = _doc(
        [
            ("Some", "some", "DET", "DT", 3, "det"),
            ("2.5", "2.5", "NUM", "CD", 2, "nummod"),
            ("million", "million", "PROPN", "NNP", 3, "compound"),
            ("people", "people", "NOUN", "NNS", 4, "nsubj"),
            ("need", "need", "VERB", "VBP", 4, "ROOT"),
            ("aid", "aid", "NOUN", "NN", 4, "dobj"),
            (".", ".", "PUNCT", ".", 4, "punct"),
        ],
        ["B-CARDINAL", "I-CARDINAL", "O", "O", "O", "O", "O"],
    )
    (fig,) = find_figures(doc)
    assert (fig.value, fig.qualifier, fig.unit) == (2_500_000, "about", "people")
    assert fig.what == "people"


def test_a_count_before_a_fraction_and_a_range_opened_by_between_are_whole_figures() -> None:
    doc = _doc(
        [
            ("Roughly", "roughly", "ADV", "RB", 1, "advmod"),
            ("three", "three", "NUM", "CD", 3, "nummod"),
            ("-", "-", "PUNCT", "HYPH", 3, "punct"),
            ("quarters", "quarter", "NOUN", "NNS", 8, "nsubj"),
            ("of", "of", "ADP", "IN", 3, "prep"),
            ("a", "a", "DET", "DT", 6, "quantmod"),
            ("million", "million", "NUM", "CD", 7, "nummod"),
            ("villagers", "villager", "NOUN", "NNS", 4, "pobj"),
            ("fled", "flee", "VERB", "VBD", 8, "ROOT"),
            ("and", "and", "CCONJ", "CC", 8, "cc"),
            ("between", "between", "ADP", "IN", 12, "quantmod"),
            ("20", "20", "NUM", "CD", 14, "nummod"),
            ("and", "and", "CCONJ", "CC", 11, "cc"),
            ("25", "25", "NUM", "CD", 11, "conj"),
            ("guards", "guard", "NOUN", "NNS", 15, "nsubj"),
            ("died", "die", "VERB", "VBD", 8, "conj"),
            (".", ".", "PUNCT", ".", 8, "punct"),
        ],
    )
    figures = find_figures(doc)
    assert [(_text(doc, f), f.value, f.qualifier) for f in figures] == [
        ("Roughly three - quarters of a million", 750_000, "about"),
        ("between 20 and 25", 20, "at_least"),
    ]


def test_a_tally_of_the_harmed_counts_people_even_when_its_to_hangs_inside_the_tally() -> None:
    # "to 47" attached by the parser to the verb of the tally's own "since" clause
    doc = _doc(
        [
            ("bringing", "bring", "VERB", "VBG", 0, "ROOT"),
            ("the", "the", "DET", "DT", 2, "det"),
            ("number", "number", "NOUN", "NN", 0, "dobj"),
            ("killed", "kill", "VERB", "VBN", 2, "acl"),
            ("since", "since", "SCONJ", "IN", 7, "mark"),
            ("the", "the", "DET", "DT", 6, "det"),
            ("protests", "protest", "NOUN", "NNS", 7, "nsubj"),
            ("began", "begin", "VERB", "VBD", 3, "advcl"),
            ("to", "to", "ADP", "IN", 7, "prep"),
            ("47", "47", "NUM", "CD", 8, "pobj"),
            (".", ".", "PUNCT", ".", 0, "punct"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (_text(doc, fig), fig.value, fig.unit, fig.what) == ("47", 47, "people", "number killed")
    # a tally that names no harm says nothing about what it counts
    plain = _doc(
        [
            ("bringing", "bring", "VERB", "VBG", 0, "ROOT"),
            ("the", "the", "DET", "DT", 2, "det"),
            ("total", "total", "NOUN", "NN", 0, "dobj"),
            ("to", "to", "ADP", "IN", 0, "prep"),
            ("47", "47", "NUM", "CD", 3, "pobj"),
        ],
    )
    assert find_figures(plain) == ()


def test_a_fraction_of_a_counted_whole_is_the_part_and_a_vague_part_at_most_the_whole() -> None:
    fraction = _doc(
        [
            ("About", "about", "ADV", "RB", 1, "advmod"),
            ("two", "two", "NUM", "CD", 8, "nsubj"),
            ("-", "-", "PUNCT", "HYPH", 3, "punct"),
            ("thirds", "third", "NOUN", "NNS", 1, "quantmod"),
            ("of", "of", "ADP", "IN", 3, "prep"),
            ("the", "the", "DET", "DT", 7, "det"),
            ("900", "900", "NUM", "CD", 7, "nummod"),
            ("herders", "herder", "NOUN", "NNS", 4, "pobj"),
            ("fled", "flee", "VERB", "VBD", 8, "ROOT"),
        ],
    )
    (fig,) = find_figures(fraction)
    assert (_text(fraction, fig), fig.value, fig.qualifier, fig.what) == (
        "About two - thirds of the 900",
        600,
        "about",
        "herders",
    )
    vague = _doc(
        [
            ("Two", "two", "NUM", "CD", 5, "nsubjpass"),
            ("of", "of", "ADP", "IN", 0, "prep"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("12", "12", "NUM", "CD", 4, "nummod"),
            ("hostages", "hostage", "NOUN", "NNS", 1, "pobj"),
            ("freed", "free", "VERB", "VBN", 5, "ROOT"),
        ],
    )
    # the part's own number stands; the whole is at most what was freed
    assert [(f.value, f.qualifier) for f in find_figures(vague)] == [(2, "exact"), (12, "up_to")]
    harmed = _doc(
        [
            ("One", "one", "NUM", "CD", 7, "nsubj"),
            ("of", "of", "ADP", "IN", 0, "prep"),
            ("the", "the", "DET", "DT", 4, "det"),
            ("8", "8", "NUM", "CD", 4, "nummod"),
            ("guards", "guard", "NOUN", "NNS", 1, "pobj"),
            ("wounded", "wound", "VERB", "VBN", 4, "acl"),
            ("there", "there", "ADV", "RB", 5, "advmod"),
            ("died", "die", "VERB", "VBD", 7, "ROOT"),
        ],
    )
    # a whole that carries its own harm is counted whole
    assert [(f.value, f.qualifier) for f in find_figures(harmed) if f.value == 8] == [(8, "exact")]
