"""Who made a report's arrests, and where (issue 15): the police a report has named by name or
country are the "police" and "officers" it speaks of later, so its other arrests, told in the
passive or in a relative clause, are that force's; a place that says where a suspect is from
("a Bolton woman", "a Texas man", "a man from Derby") is never where the arrest was. And two
ways an attack's doer is told: a generic word the model took for a name ("Gunmen" as a place),
a group saying its fighters planted the bomb.

Short wire reports written for these tests, read whole by the real English model.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import coded, place_of

pytestmark = pytest.mark.model


def _doers(nlp: Language, text: str, word: str) -> list[str | None]:
    """The actor1 of every event whose trigger is ``word``, in order."""
    return [a1 for trigger, _, a1, _ in coded(nlp, text) if trigger == word]


def test_officers_and_a_relative_clause_arrest_are_the_named_force(nlp: Language) -> None:
    text = (
        "Merseyside Police said on Friday they had detained a man after a fire at a school in "
        "Bootle. Officers arrested a 44-year-old man at a house in Litherland on Thursday. A "
        "woman, who was arrested at the school on Wednesday, has been released on bail."
    )
    assert _doers(nlp, text, "detained") == ["merseyside police"]
    assert _doers(nlp, text, "arrested") == ["merseyside police", "merseyside police"]


def test_two_forces_named_leave_the_officers_their_own(nlp: Language) -> None:
    text = (
        "Kent Police and the Metropolitan Police searched homes in Dover and London on Monday. "
        "Officers arrested three men."
    )
    assert _doers(nlp, text, "arrested") == ["officers"]


def test_counted_officers_are_people_not_the_force(nlp: Language) -> None:
    text = (
        "Avon and Somerset Police said a man had opened fire in a pub in Bristol on Sunday. Two "
        "officers were wounded."
    )
    assert [(a1, a2) for w, _, a1, a2 in coded(nlp, text) if w == "opened"] == [("man", "officers")]


def test_federal_agents_are_an_actor(nlp: Language) -> None:
    text = "Federal agents arrested a 52-year-old Texas man on Friday on charges of arson."
    assert _doers(nlp, text, "arrested") == ["federal agents"]


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # the home town in front of the suspect; the flat's town is the scene
        ("Officers arrested a 31-year-old Bolton woman at a flat in Wigan on Monday.", "arrested",
         "Wigan"),
        # a home state and no other place: none, even as the story's only place
        ("Federal agents arrested a 52-year-old Texas man on Friday on charges of plotting to "
         "attack a power plant. He was ordered held until trial.", "arrested", None),
        # "from": where he came from
        ("Police arrested a man from Swindon in a dawn raid on Tuesday.", "arrested", None),
        # a resident of one town arrested in another
        ("Police in Marseille arrested a Nice resident on Wednesday.", "arrested", "Marseille"),
    ],
)  # fmt: skip
def test_a_suspects_home_is_no_scene(
    nlp: Language, text: str, trigger: str, place: str | None
) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "word", "doers"),
    [
        # a police statement in the passive: the force made the arrest
        ("A 35-year-old man has been arrested on suspicion of arson after a fire at a mosque on "
         "Sunday night, Kent Police said.", "arrested", ["kent police"]),
        ("A man has been detained after a woman was stabbed outside a bar, police said.",
         "detained", ["police"]),
        # a court jails; an official is no police force
        ("A man was jailed for six years for the attack, Essex Police said.", "jailed", [None]),
        ("Two men were detained at the border crossing, a local official said.", "detained",
         [None]),
    ],
)  # fmt: skip
def test_an_arrest_police_report_is_theirs(
    nlp: Language, text: str, word: str, doers: list[str | None]
) -> None:
    assert _doers(nlp, text, word) == doers


def test_an_inquirys_arrests_over_days_are_one_forces(nlp: Language) -> None:
    text = (
        "Northumbria Police arrested a woman in Sunderland on Saturday over the death of a "
        "baby. A man, who was arrested in Durham on Wednesday, remains in custody."
    )
    assert _doers(nlp, text, "arrested") == ["northumbria police", "northumbria police"]


def test_a_generic_doer_the_model_took_for_a_place(nlp: Language) -> None:
    # "Gunmen" opening the sentence is tagged a place by the model: still the unnamed attackers
    text = "Gunmen burst into a bar in the city of Celaya late on Friday and killed six people."
    assert _doers(nlp, text, "killed") == ["gunmen"]


def test_a_group_that_says_its_fighters_planted_the_bomb_claims_it(nlp: Language) -> None:
    text = (
        "A roadside bomb struck a military convoy near Kirkuk on Monday, killing four soldiers. "
        "Islamic State said in a statement that its fighters had planted the bomb."
    )
    assert _doers(nlp, text, "struck") == ["islamic state"]


def test_a_police_force_the_model_took_for_a_place_reports_its_arrests(nlp: Language) -> None:
    # "West Yorkshire Police" is tagged a place; its arrest, in the passive, lends its doer to
    # the next one
    text = (
        "A woman was stabbed outside a pub in Leeds on Saturday, and a 30-year-old man has been "
        "arrested on suspicion of murder, West Yorkshire Police said. The suspect was detained "
        "nearby an hour later."
    )
    assert _doers(nlp, text, "arrested") == ["west yorkshire police"]
    assert _doers(nlp, text, "detained") == ["west yorkshire police"]
