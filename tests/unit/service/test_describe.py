"""describe_event: one readable line per event, words from data/descriptions.yaml."""

from __future__ import annotations

import datetime as dt
from typing import get_args

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.descriptions import DescriptionsVocabulary
from sitroom.model import PloverType
from sitroom.service.describe import describe_event

DAY = dt.date(2024, 3, 9)


def test_claimed_by_the_actor_itself_with_outlet_and_date() -> None:
    line = describe_event(
        type="FIGHT",
        mode="occupy",
        modality="claimed",
        actor1="Rebel fighters",
        actor2="the hill town",
        attributed_to="rebel fighters",
        publishers=["Valley Courier"],
        date_start=DAY,
    )
    assert (
        line == "Rebel fighters claimed to have captured the hill town (Valley Courier, 9 Mar 2024)"
    )


def test_claimed_by_someone_else_names_the_source() -> None:
    line = describe_event(
        type="ASSAULT", modality="claimed", actor1="Gunmen", actor2="a convoy",
        attributed_to="the police",
    )  # fmt: skip
    assert line == "Gunmen attacked a convoy, according to the police"


def test_asserted_with_place_and_several_outlets() -> None:
    line = describe_event(
        type="ASSAULT", mode="aerial", actor1="the air force", actor2="a market",
        place="Northtown", publishers=["A Daily", "B Times", "A Daily", "C Post"], date_start=DAY,
    )  # fmt: skip
    assert line == (
        "The air force carried out an air strike on a market in Northtown (A Daily +2 more, "
        "9 Mar 2024)"
    )


def test_every_plover_type_has_words() -> None:
    types = load_vocabulary(DescriptionsVocabulary).descriptions.types
    assert set(get_args(PloverType)) <= set(types)


def test_no_actor_reads_as_a_reported_noun_phrase() -> None:
    assert describe_event(type="ASSAULT", actor2="the depot", place="Eastport") == (
        "An attack on the depot was reported in Eastport"
    )
    assert describe_event(type="PROTEST", actor2="the new tax", date_start=DAY) == (
        "Protests against the new tax were reported (9 Mar 2024)"
    )


def test_other_modalities() -> None:
    assert describe_event(type="CONSULT", modality="planned", actor1="Two envoys") == (
        "Two envoys planned to hold talks"
    )
    assert describe_event(type="AID", modality="negated", actor1="The agency", actor2="camps") == (
        "The agency did not send aid to camps"
    )
    denied = describe_event(
        type="ASSAULT", modality="denied", actor1="the militia", attributed_to="the militia"
    )
    assert denied == "The militia denied having carried out an attack"
    unnamed = describe_event(type="THREATEN", modality="hypothetical", actor2="the port")
    assert unnamed == "Unidentified actors might threaten the port"


def test_place_equal_to_the_target_is_not_repeated_and_unknown_type_still_reads() -> None:
    assert describe_event(type="FIGHT", actor1="Militias", actor2="Westvale", place="Westvale") == (
        "Militias fought Westvale"
    )
    assert describe_event(type="NEWTYPE", actor1="Someone") == "Someone newtype"


def test_without_a_target_the_verb_reads_whole() -> None:
    assert describe_event(type="ASSAULT", actor1="Gunmen", place="Eastport") == (
        "Gunmen carried out an attack in Eastport"
    )
    claimed = describe_event(
        type="FIGHT", mode="occupy", actor1="Rebels", modality="claimed", attributed_to="rebels"
    )
    assert claimed == "Rebels claimed to have taken control"


def test_a_verb_that_needs_a_target_loses_its_preposition_without_one() -> None:
    assert describe_event(type="AID", actor1="The agency", place="Eastport") == (
        "The agency sent aid in Eastport"
    )
    assert describe_event(type="AID", actor1="The agency", actor2="camps") == (
        "The agency sent aid to camps"
    )


def test_a_listed_row_reads_as_its_fields_do() -> None:
    import dataclasses
    import datetime as dt

    from sitroom.service.describe import describe_event, describe_listed

    @dataclasses.dataclass(frozen=True)
    class Row:
        type: str = "ASSAULT"
        modality: str = "claimed"
        mode: str | None = None
        actor1: str | None = "Hill Brigade"
        actor2: str | None = "Eastport garrison"
        place: str | None = "Eastport"
        date_start: dt.date | None = dt.date(2024, 3, 9)

    row = Row()
    fields = dataclasses.asdict(row)
    assert describe_listed(row, ["Valley Courier"]) == describe_event(
        **fields, publishers=["Valley Courier"]
    )
    assert "Valley Courier" in describe_listed(row, ["Valley Courier"])
