"""Finding and resolving times on hand-built ``Doc`` objects (no statistical model)."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc

import sitroom.nlp.extensions  # noqa: F401  (registers doc._.sitroom_*)
from handmade import Row
from handmade import parsed as _doc
from sitroom.temporal.extract import find_times, tense_of, times_in

MON = dt.date(2021, 9, 6)


def _raid(verb: Row, aux: list[Row]) -> Doc:
    """ "Militia [aux] raided the depot on Friday ." with the verb and auxiliaries given."""
    n = len(aux)
    rows: list[Row] = [("Militia", "militia", "NOUN", "NN", 1 + n, "nsubj")]
    rows += [(w, lem, pos, tag, 1 + n, dep) for w, lem, pos, tag, _, dep in aux]
    rows += [
        (verb[0], verb[1], verb[2], verb[3], 1 + n, "ROOT"),
        ("the", "the", "DET", "DT", 3 + n, "det"),
        ("depot", "depot", "NOUN", "NN", 1 + n, "dobj"),
        ("on", "on", "ADP", "IN", 1 + n, "prep"),
        ("Friday", "Friday", "PROPN", "NNP", 4 + n, "pobj"),
        (".", ".", "PUNCT", ".", 1 + n, "punct"),
    ]
    return _doc(rows, ["O"] * (len(rows) - 2) + ["B-DATE", "O"])


def test_past_tense_picks_the_friday_before() -> None:
    doc = _raid(("raided", "raid", "VERB", "VBD", 0, ""), [])
    assert tense_of(doc.ents[0]) == "past"
    (found,) = find_times(doc, MON)
    assert (found.text, found.start, found.precision) == ("Friday", dt.date(2021, 9, 3), "day")
    assert found.span == (doc.ents[0].start_char, doc.ents[0].end_char)


def test_future_tense_picks_the_friday_after() -> None:
    will = ("will", "will", "AUX", "MD", 0, "aux")
    doc = _raid(("raid", "raid", "VERB", "VB", 0, ""), [will])
    assert tense_of(doc.ents[0]) == "future"
    (found,) = find_times(doc, MON)
    assert found.start == dt.date(2021, 9, 10)


def test_present_tense_is_unknown() -> None:
    doc = _raid(("raids", "raid", "VERB", "VBZ", 0, ""), [])
    assert tense_of(doc.ents[0]) == "unknown"


def test_expected_to_is_future() -> None:
    rows: list[Row] = [
        ("Talks", "talk", "NOUN", "NNS", 2, "nsubjpass"),
        ("are", "be", "AUX", "VBP", 2, "auxpass"),
        ("expected", "expect", "VERB", "VBN", 2, "ROOT"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("resume", "resume", "VERB", "VB", 2, "xcomp"),
        ("on", "on", "ADP", "IN", 4, "prep"),
        ("Thursday", "Thursday", "PROPN", "NNP", 5, "pobj"),
    ]
    doc = _doc(rows, ["O"] * 6 + ["B-DATE"])
    assert tense_of(doc.ents[0]) == "future"
    assert find_times(doc, MON)[0].start == dt.date(2021, 9, 9)


def _flat(words: list[str], ents: list[str] | None = None) -> Doc:
    """A doc with every token hanging on the first one: enough for regular-expression fallbacks."""
    rows: list[Row] = [(w, w.lower(), "X", "XX", 0, "dep") for w in words]
    return _doc(rows, ents)


def test_regex_fallback_finds_day_month_the_model_missed() -> None:
    doc = _flat(["Shelling", "resumed", "on", "5", "Sept", "near", "the", "dam", "."])
    (found,) = find_times(doc, MON)
    assert (found.text, found.start) == ("5 Sept", dt.date(2021, 9, 5))


def test_unresolved_entity_leaves_room_and_durations_are_dropped() -> None:
    doc = _flat(["Fighting", "lasted", "several", "days", "."], ["O", "O", "B-DATE", "I-DATE", "O"])
    assert find_times(doc, MON) == ()


def test_range_entity_takes_in_from() -> None:
    words = ["They", "ruled", "from", "1996", "to", "2001", "."]
    doc = _flat(words, ["O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O"])
    (found,) = find_times(doc, None)
    assert found.text == "from 1996 to 2001"
    assert (found.start, found.end) == (dt.date(1996, 1, 1), dt.date(2001, 12, 31))


def test_names_are_not_times() -> None:
    doc = _flat(["Black", "September", "5", "said"], ["B-ORG", "I-ORG", "I-ORG", "O"])
    assert find_times(doc, MON) == ()


def test_without_anchor_only_absolute_times_survive() -> None:
    words = ["Yesterday", "'s", "vote", "followed", "the", "March", "2020", "accord", "."]
    doc = _flat(words, ["B-DATE", "O", "O", "O", "O", "B-DATE", "I-DATE", "O", "O"])
    assert [t.text for t in find_times(doc, None)] == ["March 2020"]
    assert [t.text for t in find_times(doc, MON)] == ["Yesterday", "March 2020"]


def test_times_in_filters_by_character_range() -> None:
    doc = _flat(["Talks", "began", "yesterday", ".", "They", "end", "tomorrow", "."])
    doc._.sitroom_times = find_times(doc, MON)
    first_sentence = times_in(doc, 0, doc[3].idx + 1)
    assert [t.text for t in first_sentence] == ["yesterday"]
    assert [t.text for t in times_in(doc, 0, len(doc.text))] == ["yesterday", "tomorrow"]


def test_adjectival_time_words_describe_things_not_times() -> None:
    rows: list[Row] = [
        ("Police", "police", "NOUN", "NNS", 1, "nsubj"),
        ("imposed", "impose", "VERB", "VBD", 1, "ROOT"),
        ("an", "an", "DET", "DT", 4, "det"),
        ("overnight", "overnight", "ADJ", "JJ", 4, "amod"),
        ("curfew", "curfew", "NOUN", "NN", 1, "dobj"),
    ]
    assert find_times(_doc(rows, ["O", "O", "O", "B-TIME", "O"]), MON) == ()


def _texts(doc: Doc, anchor: dt.date | None = MON) -> dict[str, tuple[dt.date, dt.date]]:
    return {t.text: (t.start, t.end) for t in find_times(doc, anchor)}


def test_present_words_resolve_to_the_anchor_day() -> None:
    doc = _flat(["Rebels", "now", "hold", "the", "dam", "and", "currently", "patrol", "it", "."])
    assert _texts(doc) == {"now": (MON, MON), "currently": (MON, MON)}


def test_now_as_part_of_a_compound_adjective_is_not_a_time() -> None:
    assert find_times(_flat(["The", "now-defunct", "party", "split", "."]), MON) == ()


def test_capitalised_relative_period_at_sentence_start() -> None:
    doc = _flat(["This", "year", "'s", "harvest", "failed", "."])
    assert _texts(doc) == {"This year": (dt.date(2021, 1, 1), dt.date(2021, 12, 31))}


def test_seasons_need_a_relation_article_or_year() -> None:
    doc = _flat(["Crops", "failed", "last", "summer", "and", "birds", "feed", "in", "winter", "."])
    # in September the summer just over is "last summer"
    assert _texts(doc) == {"last summer": (dt.date(2021, 6, 1), dt.date(2021, 8, 31))}
    doc = _flat(["Birds", "feed", "in", "winter", "."], ["O", "O", "O", "B-DATE", "O"])
    assert find_times(doc, MON) == ()


def test_quarters_fiscal_years_and_centuries_from_the_fallback() -> None:
    words = ["Sales", "fell", "in", "the", "second", "quarter", "of", "2020", "and", "in"]
    words += ["fiscal", "2019", ",", "the", "lowest", "since", "the", "19th", "century", "."]
    assert _texts(_flat(words)) == {
        "second quarter of 2020": (dt.date(2020, 4, 1), dt.date(2020, 6, 30)),
        "fiscal 2019": (dt.date(2019, 1, 1), dt.date(2019, 12, 31)),
        "the 19th century": (dt.date(1800, 1, 1), dt.date(1899, 12, 31)),
    }


def test_part_of_the_day_joins_the_entity() -> None:
    words = ["Shelling", "resumed", "Sunday", "afternoon", "."]
    doc = _flat(words, ["O", "O", "B-DATE", "O", "O"])
    assert _texts(doc) == {"Sunday afternoon": (dt.date(2021, 9, 5), dt.date(2021, 9, 5))}


def test_the_next_day_counts_from_the_last_named_day() -> None:
    words = ["Troops", "left", "on", "August", "30", ".", "The", "next", "day", "looting", "began"]
    assert _texts(_flat(words)) == {
        "August 30": (dt.date(2021, 8, 30), dt.date(2021, 8, 30)),
        "The next day": (dt.date(2021, 8, 31), dt.date(2021, 8, 31)),
    }


def test_that_year_counts_from_the_last_named_year() -> None:
    words = ["The", "war", "began", "in", "2003", ".", "That", "year", ",", "oil", "rose", "."]
    ents = ["O", "O", "O", "O", "B-DATE", "O", "B-DATE", "I-DATE", "O", "O", "O", "O"]
    found = _texts(_flat(words, ents))
    assert found["That year"] == (dt.date(2003, 1, 1), dt.date(2003, 12, 31))


def test_anaphoric_days_without_a_reference_or_before_an_event_are_dropped() -> None:
    assert find_times(_flat(["The", "next", "day", "looting", "began", "."]), MON) == ()
    words = ["Talks", "ended", "on", "Friday", ",", "the", "day", "before", "the", "vote", "."]
    assert list(_texts(_flat(words))) == ["Friday"]
    words = ["Talks", "ended", "on", "Friday", ".", "Troops", "had", "left", "the", "day"]
    words += ["before", "."]
    assert _texts(_flat(words))["the day before"] == (dt.date(2021, 9, 2), dt.date(2021, 9, 2))


def test_a_purpose_clause_under_a_past_verb_does_not_force_the_past() -> None:
    rows: list[Row] = [
        ("Officials", "official", "NOUN", "NNS", 1, "nsubj"),
        ("chose", "choose", "VERB", "VBD", 1, "ROOT"),
        ("firms", "firm", "NOUN", "NNS", 1, "dobj"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("run", "run", "VERB", "VB", 1, "advcl"),
        ("the", "the", "DET", "DT", 6, "det"),
        ("scheme", "scheme", "NOUN", "NN", 4, "dobj"),
        ("through", "through", "ADP", "IN", 4, "prep"),
        ("June", "June", "PROPN", "NNP", 7, "pobj"),
    ]
    doc = _doc(rows, ["O"] * 8 + ["B-DATE"])
    assert tense_of(doc.ents[0]) == "unknown"
    (found,) = find_times(doc, dt.date(2021, 3, 15))
    assert found.start == dt.date(2021, 6, 1)  # the nearer June, not last year's


def _sentences(*sentences: list[str]) -> Doc:
    """One flat sentence per word list: every token hangs on its sentence's first token."""
    rows: list[Row] = []
    for words in sentences:
        root = len(rows)
        rows += [
            (w, w.lower(), "X", "XX", root, "ROOT" if i == 0 else "dep")
            for i, w in enumerate(words)
        ]
    return _doc(rows)


def test_the_reference_day_is_at_most_one_sentence_back() -> None:
    named = ["Troops", "left", "on", "August", "30", "."]
    middle = ["Aid", "groups", "stayed", "."]
    later = ["The", "next", "day", "looting", "began", "."]
    assert "The next day" in _texts(_sentences(named, later))
    assert list(_texts(_sentences(named, middle, later))) == ["August 30"]


def test_previous_month_needs_a_reference_at_least_as_precise_else_counts_from_the_anchor() -> None:
    words = ["The", "2020", "race", "began", ".", "Polls", "moved", "the", "previous", "month", "."]
    ents = ["O", "B-DATE", "O", "O", "O", "O", "O", "B-DATE", "I-DATE", "I-DATE", "O"]
    found = _texts(_flat(words, ents))
    assert found["the previous month"] == (dt.date(2021, 8, 1), dt.date(2021, 8, 31))
    words = ["Polls", "moved", "that", "year", "."]
    assert find_times(_flat(words, ["O", "O", "B-DATE", "I-DATE", "O"]), MON) == ()


def test_a_night_is_the_night_before_the_one_day_its_sentence_names() -> None:
    """ "Jets struck overnight, the ministry said on Saturday" (read on Monday 6 September): the
    night of Friday to Saturday, not of Sunday to Monday; alone, the night before the anchor."""
    words = ["Jets", "struck", "overnight", ",", "the", "ministry", "said", "on", "Saturday", "."]
    ents = ["O", "O", "B-TIME", "O", "O", "O", "O", "O", "B-DATE", "O"]
    sat = dt.date(2021, 9, 4)
    assert _texts(_flat(words, ents))["overnight"] == (sat - dt.timedelta(days=1), sat)
    alone = _flat(words[:4], ents[:4])
    assert _texts(alone)["overnight"] == (MON - dt.timedelta(days=1), MON)
