"""The two sides of an article's conflict complete violent events that name only one of them."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from spacy.language import Language

from readings import event_actors
from sitroom.events.sides import (
    _same_time,
    complete_sides,
    doer_of_kind,
    doer_of_victim,
    main_sides,
)
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.events import SidesVocabulary
from sitroom.model import Event, EventDate

RULES = load_vocabulary(SidesVocabulary).sides
VICTIM_TYPES = load_vocabulary(SidesVocabulary).same_victim_types
DOER_KINDS = load_vocabulary(SidesVocabulary).same_doer_kinds
TYPES = {"army": "government", "front": "armed_group", "militia": "armed_group", "un": "igo"}
WEEK = EventDate(start=dt.date(2025, 3, 1), end=dt.date(2025, 3, 7), precision="week")


def event(
    eid: str,
    actor1: str | None,
    actor2: str | None,
    *,
    kind: str = "FIGHT",
    place: str | None = "valley",
    date: EventDate = WEEK,
    modality: str = "asserted",
) -> Event:
    return Event(
        id=eid, type=kind, cameo="19", quad="material_conflict", actor1=actor1, actor2=actor2,
        place=place, date=date, modality=modality, trigger=(0, 1), sentence=(0, 2),
        confidence=0.7,
    )  # type: ignore[arg-type]  # fmt: skip


def test_two_clear_sides_are_found() -> None:
    events = [event("v1", "army", None), event("v2", None, "front"), event("v3", "front", None),
              event("v4", "army", None), event("v5", "un", None)]  # fmt: skip
    assert main_sides(events, TYPES, RULES) == ("army", "front")


def test_no_sides_when_a_third_party_is_as_present_or_one_is_named_once() -> None:
    tied = [event("v1", "army", None), event("v2", "army", "front"), event("v3", "militia", None),
            event("v4", "front", None), event("v5", "militia", None)]  # fmt: skip
    assert main_sides(tied, TYPES, RULES) is None
    once = [event("v1", "army", None), event("v2", "army", None), event("v3", None, "front")]
    assert main_sides(once, TYPES, RULES) is None
    # Statements and plans don't make anyone a side.
    verbal = [
        event("v1", "army", None), event("v2", "front", None, kind="DISAPPROVE"),
        event("v3", "army", None), event("v4", "front", None, modality="planned"),
    ]  # fmt: skip
    assert main_sides(verbal, TYPES, RULES) is None


def test_one_sided_events_get_the_other_side_and_say_so() -> None:
    events = [
        event("v1", "army", None),  # "the army completed the takeover of the valley"
        event("v2", None, "front"),  # "fighting with the front"
        event("v3", "front", None),
        event("v4", None, None),  # "drones bombed the valley": no perpetrator is invented
        event("v5", "army", "front"),
    ]
    done = {e.id: e for e in complete_sides(events, TYPES, RULES)}
    assert (done["v1"].actor2, done["v1"].inferred) == ("front", ["actor2"])
    assert (done["v2"].actor1, done["v2"].inferred) == ("army", ["actor1"])
    assert (done["v4"].actor1, done["v4"].actor2, done["v4"].inferred) == (None, None, [])
    assert done["v5"].inferred == []


def test_the_other_side_must_be_there_then() -> None:
    earlier = EventDate(start=dt.date(2024, 8, 15), end=dt.date(2024, 8, 15), precision="day")
    events = [
        event("v1", "army", None), event("v2", "front", None), event("v3", None, "front"),
        event("v4", "army", None, date=earlier),  # last year's offensive, against someone else
        event("v5", "army", None, place="capital"),  # nothing of the front's happened there
        event("v6", "army", None, place=None),  # placeless, in the same week: the article's war
    ]  # fmt: skip
    done = {e.id: e for e in complete_sides(events, TYPES, RULES)}
    assert done["v4"].actor2 is None and done["v5"].actor2 is None
    assert done["v6"].actor2 == "front"


def test_parties_that_are_only_attacked_or_only_attack_are_no_sides() -> None:
    targets = [event("v1", None, "army"), event("v2", None, "front"),
               event("v3", None, "army"), event("v4", None, "front")]  # fmt: skip
    assert main_sides(targets, TYPES, RULES) is None
    agents = [event("v1", "army", None), event("v2", "front", None),
              event("v3", "army", None), event("v4", "front", None)]  # fmt: skip
    assert main_sides(agents, TYPES, RULES) is None


def test_only_open_events_are_completed() -> None:
    events = [event("v1", "army", None), event("v2", None, "front"), event("v3", "front", None),
              event("v4", "army", "front")]  # fmt: skip
    done = {e.id: e for e in complete_sides(events, TYPES, RULES, open_ids={"v2", "v3"})}
    assert done["v1"].actor2 is None  # "the army executed an employee": another patient
    assert done["v2"].actor1 == "army"


def test_an_attack_on_a_victim_takes_the_doer_another_mention_names() -> None:
    # "X died after being shot ... Gunmen attacked X": one victim, one attack
    shot = event("v1", None, "journalist", kind="ASSAULT")
    attacked = event("v2", "gunmen", "journalist", kind="ASSAULT")
    filled = doer_of_victim([shot, attacked], VICTIM_TYPES, RULES.date_slack)
    assert filled[0].actor1 == "gunmen"
    assert filled[0].inferred == ["actor1"]
    assert filled[1] == attacked


def test_another_victim_another_time_or_a_background_attack_gives_no_doer() -> None:
    shot = event("v1", None, "journalist", kind="ASSAULT")
    other_victim = event("v2", "gunmen", "driver", kind="ASSAULT")
    may_2019 = EventDate(start=dt.date(2019, 5, 1), end=dt.date(2019, 5, 1))
    years_ago = event("v3", "army", "journalist", kind="ASSAULT", date=may_2019)
    told_as_past = event("v4", "militia", "journalist", kind="ASSAULT").model_copy(
        update={"background": True}
    )
    statement = event("v5", "un", "journalist", kind="DISAPPROVE")
    events = [shot, other_victim, years_ago, told_as_past, statement]
    assert doer_of_victim(events, VICTIM_TYPES, RULES.date_slack)[0].actor1 is None


def scanned_doer(events: list[Event], n: int) -> str | None:
    """The plain version: every other event, nearest first, the earlier of two as near."""
    victim = events[n]
    donors = [
        (abs(m - n), other.actor1)
        for m, other in enumerate(events)
        if m != n
        and other.type in VICTIM_TYPES
        and other.actor2 == victim.actor2
        and other.actor1 not in (None, victim.actor2)
        and other.background == victim.background
        and _same_time(victim, other, RULES.date_slack)
    ]
    return min(donors, key=lambda d: d[0])[1] if donors else None


def test_the_doer_is_the_one_a_scan_of_all_events_finds() -> None:
    rng = random.Random(7)
    days = [EventDate(start=dt.date(2025, 3, d), end=dt.date(2025, 3, d)) for d in (1, 2, 20)]
    for _ in range(40):
        events = [
            event(
                f"v{i}",
                rng.choice((None, None, "army", "front", "journalist")),
                rng.choice((None, "journalist", "driver")),
                kind=rng.choice(("ASSAULT", "FIGHT", "DISAPPROVE")),
                date=rng.choice((*days, EventDate())),
            ).model_copy(update={"background": rng.random() < 0.2})
            for i in range(30)
        ]
        filled = doer_of_victim(events, VICTIM_TYPES, RULES.date_slack)
        for n, (before, after) in enumerate(zip(events, filled, strict=True)):
            if before.actor1 is None and before.actor2 is not None and before.type in VICTIM_TYPES:
                assert after.actor1 == scanned_doer(events, n)
            else:
                assert after == before


def test_an_act_without_a_doer_takes_the_only_doer_of_its_kind() -> None:
    # "Police detained a reporter ... Another man was detained ... they detained three"
    events = [
        event("v1", "police", "reporter", kind="COERCE"),
        event("v2", None, "man", kind="COERCE"),
        event("v3", None, None, kind="COERCE"),
        event("v4", None, "crowd", kind="FIGHT"),  # another kind, with no doer of its own
    ]
    done = {e.id: e for e in doer_of_kind(events, DOER_KINDS, RULES.date_slack)}
    assert (done["v2"].actor1, done["v2"].inferred) == ("police", ["actor1"])
    assert done["v3"].actor1 == "police"
    assert (done["v4"].actor1, done["v4"].inferred) == (None, [])


def test_shooting_and_firing_are_one_kind() -> None:
    events = [
        event("v1", "police", "crowd", kind="FIGHT"),
        event("v2", None, "boy", kind="ASSAULT"),
    ]
    assert doer_of_kind(events, DOER_KINDS, RULES.date_slack)[1].actor1 == "police"


def test_a_doer_of_armed_men_lends_nothing_to_an_act_done_to_no_one_or_to_civilians() -> None:
    # "the shooting at the mall ... police shot dead the gunman": the shooting may be his, and
    # so may "a shopper was shot"; "a second gunman was wounded" is the police's again
    events = [
        event("v1", "police", "gunman", kind="ASSAULT"),
        event("v2", None, None, kind="ASSAULT"),
        event("v3", None, "shopper", kind="ASSAULT"),
        event("v4", None, "accomplice", kind="ASSAULT"),
    ]
    kinds = {
        "police": "government",
        "gunman": "armed_group",
        "shopper": "civilians",
        "accomplice": "armed_group",
    }
    done = doer_of_kind(events, DOER_KINDS, RULES.date_slack, actor_types=kinds)
    assert [e.actor1 for e in done] == ["police", None, None, "police"]
    # without the types, or with an unarmed victim, the lone doer lends itself
    assert doer_of_kind(events, DOER_KINDS, RULES.date_slack)[1].actor1 == "police"
    unarmed = {**kinds, "gunman": "civilians"}
    assert doer_of_kind(events, DOER_KINDS, RULES.date_slack, actor_types=unarmed)[1].actor1 == (
        "police"
    )


def test_two_doers_or_a_doer_done_to_give_no_doer() -> None:
    two = [
        event("v1", "front", "army", kind="ASSAULT"),  # "the front attacked the army"
        event("v2", "militia", "village", kind="ASSAULT"),
        event("v3", None, "convoy", kind="ASSAULT"),
    ]
    assert doer_of_kind(two, DOER_KINDS, RULES.date_slack)[2].actor1 is None
    # "X killed Y in 1968 ... X was stabbed in prison ... an inmate was stabbed": X is no
    # longer the article's only attacker
    done_to = [
        event("v1", "sirhan", "senator", kind="ASSAULT"),
        event("v2", None, "sirhan", kind="ASSAULT"),
        event("v3", None, "inmate", kind="ASSAULT"),
    ]
    assert [e.actor1 for e in doer_of_kind(done_to, DOER_KINDS, RULES.date_slack)][1:] == [
        None,
        None,
    ]


def test_a_doer_of_another_standing_place_or_time_gives_none() -> None:
    earlier = EventDate(start=dt.date(2024, 8, 15), end=dt.date(2024, 8, 15), precision="day")
    for other in (
        event("v1", "gunmen", "man", kind="ASSAULT").model_copy(update={"background": True}),
        event("v1", "gunmen", "man", kind="ASSAULT", place="capital"),
        event("v1", "gunmen", "man", kind="ASSAULT", place=None),
        event("v1", "gunmen", "man", kind="ASSAULT", date=earlier),
    ):
        events = [other, event("v2", None, "woman", kind="ASSAULT")]
        assert doer_of_kind(events, DOER_KINDS, RULES.date_slack)[1].actor1 is None
    # the arrests of a report are its authority's wherever they were made
    arrests = [
        event("v1", "police", "man", kind="COERCE", place="capital"),
        event("v2", None, "woman", kind="COERCE", place=None),
    ]
    assert doer_of_kind(arrests, DOER_KINDS, RULES.date_slack)[1].actor1 == "police"
    # a doer inferred itself lends nothing
    lent = event("v1", "police", "man", kind="COERCE").model_copy(update={"inferred": ["actor1"]})
    assert doer_of_kind([lent, event("v2", None, "woman", kind="COERCE")], DOER_KINDS,
                        RULES.date_slack)[1].actor1 is None  # fmt: skip


@pytest.mark.model
def test_a_side_that_attacks_the_police_lends_nothing_to_a_shooting_of_people(
    nlp: Language,
) -> None:
    """ "Four people were shot dead ... officers were injured by stone-throwing youths": the
    youths fought the police; who shot the four is not said."""
    text = (
        "Four people were shot dead in Nairobi on Tuesday. The police said 27 officers had "
        "been injured by stone-throwing youths."
    )
    assert event_actors(nlp, text)["shot"] == (None, "people")
