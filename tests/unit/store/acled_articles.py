"""A hand-built article for the ACLED export: a capital with no admin1 and unnamed protesters.

The text is written for the tests; Kinshasa is real so that the capital rule can be checked.
"""

from __future__ import annotations

import datetime as dt

from builders import entity, event, one_day, place
from sitroom.model import AcledType, Document, Extraction

TEXT_K = (
    "Police fired on a crowd in Kinshasa on Tuesday, killing two people. "
    "Protesters marched through Kinshasa again on Wednesday."
)

VIOLENCE = AcledType(event_type="Violence against civilians", sub_event_type="Attack")
PROTEST = AcledType(event_type="Protests", sub_event_type="Peaceful protest")


def build_kinshasa() -> Extraction:
    t = TEXT_K
    return Extraction(
        document=Document(
            id="cd00000000000001",
            title="Police fire on Kinshasa crowd",
            publisher="River Desk",
            published=dt.date(2025, 6, 5),
            text=t,
        ),
        entities=[entity("e1", "Police", "government", country="CD")],
        places=[place("p1", "Kinshasa", "CD", -4.32, 15.31)],
        events=[
            event(
                t,
                "ev1",
                "ASSAULT",
                "fired",
                acled=VIOLENCE,
                actor1="e1",
                place="p1",
                date=one_day(dt.date(2025, 6, 3)),
                fatalities=2,
            ),
            event(
                t,
                "ev2",
                "PROTEST",
                "marched",
                acled=PROTEST,
                place="p1",
                date=one_day(dt.date(2025, 6, 4)),
            ),
            # Planned and undated: ACLED codes only what happened on a day.
            event(t, "ev3", "PROTEST", "Protesters", acled=PROTEST, modality="planned"),
        ],
    )
