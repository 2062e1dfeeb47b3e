"""One plain sentence per development, developments grouped by area newest first, and the
key messages: pure functions of typed records written here."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from sitroom.report.areas import UNPLACED, by_area
from sitroom.report.messages import MAX_MESSAGES, key_messages
from sitroom.report.model import ClaimSide, Contest, Development, FatalityTotal, Mention
from sitroom.report.sentence import date_phrase, describe, period_words
from sitroom.report.text import number

D = dt.date


def development(kind: str = "ASSAULT", **fields: Any) -> Development:
    fields.setdefault("mentions", (Mention(source=1, modality="asserted"),))
    fields.setdefault("quad", "material_conflict")
    return Development(type=kind, **fields)


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        (
            {"actor1": "Hill Brigade", "actor2": "police", "place": "Kadugli",
             "admin1": "South Kordofan", "country": "SD", "country_name": "Sudan",
             "date_start": D(2024, 6, 10), "date_end": D(2024, 6, 10), "date_precision": "day"},
            "Hill Brigade attacked police in Kadugli, South Kordofan, Sudan on 10 June 2024.",
        ),
        (
            {"actor1": "Hill Brigade", "place": "Kadugli", "date_start": D(2024, 6, 10),
             "date_end": D(2024, 6, 16), "date_precision": "week"},
            "Hill Brigade carried out an attack in Kadugli in the week of 10 June 2024.",
        ),
        (
            {"actor2": "police", "date_start": D(2024, 6, 1), "date_end": D(2024, 6, 30),
             "date_precision": "month"},
            "An attack on police was reported in June 2024.",
        ),
        ({}, "An attack was reported."),
    ],
)  # fmt: skip
def test_who_did_what_to_whom_where_when(fields: dict[str, Any], said: str) -> None:
    assert describe(development(**fields)) == said


def test_a_plural_noun_takes_were_and_the_country_can_be_left_out() -> None:
    talks = development(
        "CONSULT", quad="verbal_cooperation", place="Doha", country="QA", country_name="Qatar"
    )
    assert describe(talks) == "Talks were reported in Doha, Qatar."
    assert describe(talks, with_country=False) == "Talks were reported in Doha."


def test_the_report_says_what_the_dashboard_says_without_its_outlet_and_date() -> None:
    from sitroom.service.describe import describe_event

    capture = development(
        "FIGHT", mode="occupy", actor1="Hill Brigade", actor2="the ridge", place="Kadugli",
        date_start=D(2024, 6, 10), date_end=D(2024, 6, 10), date_precision="day",
    )  # fmt: skip
    line = describe_event(
        type="FIGHT", mode="occupy", actor1="Hill Brigade", actor2="the ridge", place="Kadugli",
        publishers=["Valley Courier"], date_start=D(2024, 6, 10),
    )  # fmt: skip
    assert line == "Hill Brigade captured the ridge in Kadugli (Valley Courier, 10 Jun 2024)"
    assert describe(capture) == "Hill Brigade captured the ridge in Kadugli on 10 June 2024."


def test_date_and_period_words() -> None:
    ranged = development(date_start=D(2011, 10, 28), date_end=D(2011, 11, 4))
    assert date_phrase(ranged) == "between 28 October and 4 November 2011"
    yearly = development(date_start=D(2019, 1, 1), date_end=D(2019, 12, 31), date_precision="year")
    assert date_phrase(yearly) == "in 2019"
    assert period_words(D(2021, 9, 1), D(2021, 9, 7)) == "1 to 7 September 2021"
    assert period_words(D(2020, 12, 30), D(2021, 1, 2)) == "30 December 2020 to 2 January 2021"
    assert period_words(None, D(2021, 9, 7)) == "up to 7 September 2021"
    assert period_words(None, None) is None


def test_numbers_in_words_people_read() -> None:
    assert [number(v) for v in (12, 3000, 18_000_000, 2_500_000, 1_234_567, 2.5)] == [
        "12", "3,000", "18 million", "2.5 million", "1,234,567", "2.5",
    ]  # fmt: skip


def test_areas_by_newest_development_unplaced_last() -> None:
    old = development(admin1="Herat", country_name="Afghanistan", date_start=D(2021, 8, 19))
    new = development(admin1="Panjshir", country_name="Afghanistan", date_start=D(2021, 9, 5))
    newer = development(admin1="Herat", country_name="Afghanistan", date_start=D(2021, 9, 6))
    nowhere = development(date_start=D(2021, 9, 7))
    countrywide = development(country="AF", country_name="Afghanistan")
    areas = by_area([old, new, newer, nowhere, countrywide], with_country=False)
    assert [a.name for a in areas] == ["Herat", "Panjshir", "Province not identified", UNPLACED]
    assert areas[0].developments == (newer, old)
    named = by_area([countrywide], with_country=True)
    assert named[0].name == "Afghanistan, province not identified"


def test_key_messages_most_corroborated_and_severe_first() -> None:
    two_sources = (Mention(1, "asserted"), Mention(2, "asserted"))
    talks = development("CONSULT", quad="verbal_cooperation", actor1="Envoys", mentions=two_sources)
    raid = development(actor1="Hill Brigade", mentions=(Mention(3, "asserted", fatalities=4),))
    clash = development("FIGHT", actor1="Militia", mentions=two_sources)
    rumour = development(actor1="Ghost Unit", mentions=(Mention(4, "claimed"),))
    contest = Contest(
        asserting=(ClaimSide("Hill Brigade", "assert", "the town has fallen", 3),),
        denying=(ClaimSide("Governor", "deny", "that claim", 2),),
        reasons=("Governor denies it",),
        across_articles=True,
    )
    total = FatalityTotal(total=4, developments=1, excluded=0, sources=(3,))
    messages = key_messages([talks, raid, clash, rumour], total, [contest])
    assert [m.text for m in messages] == [
        "At least 4 people were reported killed in 1 development of the period.",
        "Militia fought (reported by 2 sources).",
        "Envoys held talks (reported by 2 sources).",
        "Hill Brigade carried out an attack.",
        "Contested: Hill Brigade’s claim “the town has fallen” is denied by Governor.",
    ]
    assert [m.sources for m in messages] == [(3,), (1, 2), (1, 2), (3,), (2, 3)]
    assert len(messages) <= MAX_MESSAGES


def test_a_development_is_background_only_when_every_article_says_so() -> None:
    past = Mention(1, "asserted", background=True)
    now = Mention(2, "asserted")
    assert development(mentions=(past,)).background
    assert not development(mentions=(past, now)).background
    planned = development(mentions=(Mention(1, "planned"), Mention(2, "hypothetical")))
    assert not planned.happened and development(mentions=(Mention(1, "denied"),)).happened


def test_a_contested_development_says_who_claims_and_who_denies() -> None:
    from sitroom.report.text import contested

    claimed = (Mention(1, "claimed", attributed_to="Hill Brigade"), Mention(2, "asserted"))
    both = development(
        mentions=claimed, contested=True, disputants=(("deny", "Governor"), ("assert", "Mayor"))
    )
    assert contested(both) == "claimed by Hill Brigade and Mayor; denied by Governor"
    unnamed = development(mentions=claimed, contested=True)
    assert contested(unnamed) == "claimed by Hill Brigade; disputed (see Contested claims)"
    assert contested(development(mentions=claimed)) is None
