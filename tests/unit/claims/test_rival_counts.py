"""Rival counts: two sources whose numbers of one measure (the dead, the hurt, the buildings
destroyed) of one happening admit no common value contradict each other, whether or not the
events stage took the sentence for a happening; numbers that can both hold ("at least 50"
against "dozens") do not. Real model, sentences written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from builders import ledger
from sitroom.model import Count

pytestmark = pytest.mark.model


def _measures(counts: list[Count]) -> set[tuple[str, tuple[str, ...]]]:
    return {(c.measure, tuple(c.what)) for c in counts}


def test_a_claim_counts_what_its_numbers_say_was_done(nlp: Language) -> None:
    text = (
        "The relief agency said at least nine people were killed, 40 others injured and more "
        "than 300 houses destroyed by the storm."
    )
    [claim], _, _ = ledger(nlp, text)
    assert claim.proposition is not None
    counts = {c.measure: c for c in claim.proposition.counts}
    assert set(counts) == {"killed", "injured", "destroyed"}
    assert (counts["killed"].low, counts["killed"].high) == (9, None)
    assert (counts["injured"].low, counts["injured"].high) == (40, 40)
    assert counts["destroyed"].what == ["house"]
    assert claim.proposition.killed == 9


def test_a_restated_happening_keeps_the_toll_its_claim_gives(nlp: Language) -> None:
    text = (
        "The ministry said eight people were killed in the shelling of Idlib on Monday. "
        "The opposition said 25 civilians died in the shelling."
    )
    [low, high], [contradiction], _ = ledger(nlp, text)
    assert low.proposition is not None and high.proposition is not None
    assert (low.proposition.killed, high.proposition.killed) == (8, 25)
    assert low.event is not None and high.event == low.event
    assert contradiction.claims == (low.id, high.id)


def test_conjoined_verbs_count_for_each_measure(nlp: Language) -> None:
    text = "The mayor said about 60 shops were damaged or flattened in the flood."
    [claim], _, _ = ledger(nlp, text)
    assert claim.proposition is not None
    assert _measures(claim.proposition.counts) == {("damaged", ("shop",)), ("destroyed", ("shop",))}


def test_counts_no_value_fits_are_rival_across_statements(nlp: Language) -> None:
    text = (
        "Rescue workers said more than 200 homes were destroyed by the landslide. "
        "The district chief said the landslide destroyed about 40 homes."
    )
    [more, fewer], [contradiction], _ = ledger(nlp, text)
    assert contradiction.claims == (more.id, fewer.id)
    assert "another count" in contradiction.reason


@pytest.mark.parametrize(
    "text",
    [
        # Both can hold: dozens may be fifty or more.
        "Police said dozens were wounded in the blast. Doctors said at least 50 people were "
        "wounded in the blast.",
        # One source revising its own figure is no contradiction.
        "The army said 12 soldiers were killed in the ambush. The army later said 15 soldiers "
        "were killed in the ambush.",
        # Counts of different things: soldiers are not civilians.
        "The army said four soldiers were killed in the clashes. Medics said 30 civilians were "
        "killed in the clashes.",
    ],
)
def test_counts_that_can_both_hold_are_no_contradiction(nlp: Language, text: str) -> None:
    _, contradictions, _ = ledger(nlp, text)
    assert not [c for c in contradictions if "count" in c.reason or "toll" in c.reason]


def test_ranges_exclude_only_when_they_do_not_meet() -> None:
    five_or_more = Count(measure="killed", low=5, high=None)
    one = Count(measure="killed", low=1, high=1)
    about_six = Count(measure="killed", low=4.5, high=7.5)
    assert five_or_more.excludes(one) and one.excludes(five_or_more)
    assert not five_or_more.excludes(about_six)
    assert not one.excludes(Count(measure="injured", low=9, high=9))
    assert not Count(measure="killed", what=["soldier"], low=3, high=3).excludes(
        Count(measure="killed", what=["civilian"], low=9, high=9)
    )


def test_a_verb_with_an_object_of_its_own_counts_only_that_object(nlp: Language) -> None:
    text = "The governor said the flood destroyed hundreds of homes, killed one man and hurt 30."
    claims, _, _ = ledger(nlp, text)
    counts = {(c.measure, c.low) for k in claims if k.proposition for c in k.proposition.counts}
    # the hundreds are homes destroyed, not dead or hurt; the one is a dead man, not hurt
    assert counts == {("destroyed", 100), ("killed", 1), ("injured", 30)}


def test_the_doer_of_the_damage_is_not_counted(nlp: Language) -> None:
    text = "The mayor said the 6.2 magnitude tremor damaged 15 houses."
    [claim], _, _ = ledger(nlp, text)
    assert claim.proposition is not None
    assert [(c.measure, c.low) for c in claim.proposition.counts] == [("damaged", 15)]


def test_a_count_of_a_kind_of_building_is_no_rival_of_all_buildings(nlp: Language) -> None:
    text = (
        "The governor said hundreds of buildings were damaged in the storm. "
        "The police chief said the storm damaged 12 school buildings."
    )
    [_whole, part], contradictions, _ = ledger(nlp, text)
    assert part.proposition is not None
    assert [c.what for c in part.proposition.counts] == [["school building"]]
    assert contradictions == []


@pytest.mark.parametrize(
    ("text", "rival"),
    [
        # one kind of party counted by two sides in other words: rival tolls
        (
            "The Wadi Front said three of its fighters died in the battle for Tawila. The army "
            "said it killed at least 45 rebels in the battle for Tawila.",
            True,
        ),
        # the dead of each side: no rival figures
        (
            "The army said it killed 45 militants in the battle for Tawila. The Wadi Front said "
            "its fighters killed 12 soldiers in the battle for Tawila.",
            False,
        ),
    ],
)
def test_counts_of_one_kind_of_party_in_other_words_are_rivals(
    nlp: Language, text: str, rival: bool
) -> None:
    _, contradictions, _ = ledger(nlp, text)
    assert bool(contradictions) == rival


def test_a_toll_put_at_a_spelled_number_rivals_another(nlp: Language) -> None:
    text = (
        "Residents said the air strike on the market in Tawila killed 30 people. "
        "The army put the death toll at four."
    )
    claims, [contradiction], _ = ledger(nlp, text)
    assert claims[1].proposition is not None and claims[1].proposition.killed == 4
    assert contradiction.claims == (claims[0].id, claims[1].id)
