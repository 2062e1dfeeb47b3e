"""What "the group" refers back to in a report (``lang/reference.py``, roles.yaml
``group_anaphor_*``): the armed group of the lede a few sentences on, never a state's body or
the civilians named just before it. With the real English model, on reports written here."""

from __future__ import annotations

import pytest
from spacy.language import Language

from readings import event_actors

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        # The lede's group, three sentences back, past civilians named in between.
        (
            "Al-Shabaab fighters stormed a police station in Mandera on Monday. Kenya's interior "
            "ministry said six officers were killed in the raid. Residents said many families had "
            "fled. On Wednesday soldiers attacked the group in a forest near the border.",
            "attacked",
            "al-shabaab",
        ),
        # No armed group named: the civilians named last are not "the group".
        (
            "The Red Cross said it had sent doctors to Goma. Aid workers counted 40 dead in the "
            "camps. Residents said the roads were cut. On Friday soldiers attacked the group near "
            "Sake.",
            "attacked",
            None,
        ),
    ],
)
def test_the_group_is_the_armed_group_the_report_named(
    nlp: Language, text: str, trigger: str, expected: str | None
) -> None:
    assert event_actors(nlp, text)[trigger][1] == expected
