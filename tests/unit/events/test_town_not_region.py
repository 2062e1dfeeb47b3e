"""The town, not the region (issue #15 "Where"): an event placed in a province or a country goes
to the one finer place inside it that the report names for the same happening
(events/finer_place.py); a person's hometown ("a Leeds man") and where a statement was made
("In Washington, ... condemned the killing") are never an event's place. Short reports written
for these tests, read with the real English model and the whole pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.service import Extractor
from unit.events.reading import place_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # The province in the lede, the town in the next sentence: the town.
        (
            "Gunmen attacked a police station in Punjab province on Tuesday, killing four "
            "officers. The attack took place in the town of Okara, police said.",
            "attacked",
            "Okara",
        ),
        # The country in the lede, the town where the convoy came under fire later.
        (
            "Militants ambushed an army convoy in Mali, killing nine soldiers. The convoy was "
            "travelling near Gao when it came under fire.",
            "ambushed",
            "Gao",
        ),
        # The town first, the province later for the clashes it refers back to: the town.
        (
            "Protesters clashed with police in Sialkot on Friday. Several were wounded in the "
            "clashes, which spread across Punjab.",
            "wounded",
            "Sialkot",
        ),
    ],
)
def test_the_town_named_for_the_happening_wins_over_its_region(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # Two towns inside the province: two scenes, the province stays.
        (
            "Gunmen attacked police stations across Punjab province on Tuesday. In Okara, six "
            "officers were killed. In Sialkot, gunmen set fire to a police post.",
            "attacked",
            "Punjab",
        ),
        # Another kind of happening, not told as part of the first, lends it no town.
        (
            "Troops arrested dozens of protesters in Punjab province on Monday.\n\n"
            "In Lahore, the provincial governor signed a new budget on Friday.",
            "arrested",
            "Punjab",
        ),
    ],
)
def test_the_region_stays_without_one_town_of_the_same_happening(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    found = place_of(nlp, text, trigger)
    assert found is not None and found.startswith(place)


def test_a_suburb_is_the_name_after_of(nlp: Language) -> None:
    # "the Paris suburb of Saint-Denis": the suburb is Saint-Denis, held by Paris.
    text = "A man was stabbed outside a school in the Paris suburb of Saint-Denis on Sunday."
    assert place_of(nlp, text, "stabbed") == "Saint-Denis"


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A hometown before a noun of people is no place of what happened to them.
        (
            "A Leeds man was stabbed to death outside a nightclub in Newcastle early on "
            "Saturday, police said.",
            "stabbed",
            "Newcastle",
        ),
        (
            "Two Glasgow men were injured when a gang attacked them in Edinburgh on Friday.",
            "injured",
            "Edinburgh",
        ),
        # "of X" after a noun of people, too.
        ("A man of Leeds was stabbed outside a pub in York on Friday.", "stabbed", "York"),
    ],
)
def test_a_hometown_is_not_the_place(nlp: Language, text: str, trigger: str, place: str) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Only a hometown: the event stays unplaced.
        ("A Bristol teenager was arrested on suspicion of assault on Sunday.", "arrested"),
        # Where a statement was made is not where the killing it condemns was.
        (
            "In Washington, the State Department condemned the killing of an aid worker, "
            "saying the attack was unacceptable.",
            "killing",
        ),
        # "of X" after a person's name is where the person is from.
        ("Anna Kowalski of Poland was arrested on Friday, her lawyer said.", "arrested"),
        # A doer's nationality says who acted, not where: no place at all.
        (
            "Indian police arrested three men suspected of smuggling weapons, officials said "
            "on Monday.",
            "arrested",
        ),
    ],
)
def test_no_invented_place(nlp: Language, text: str, trigger: str) -> None:
    assert place_of(nlp, text, trigger) is None


def test_a_happening_in_many_places_is_not_at_the_story_place(nlp: Language) -> None:
    text = (
        "Police shot dead a man in Leicester on Monday.\n\n"
        "The killing sparked anger, and demonstrators marched through several cities on "
        "Tuesday."
    )
    assert _dated_place(nlp, text, "marched") is None


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Another month's happening, told after the story: not at the story's scene.
        (
            "Gunmen attacked a church in Owo on Sunday, killing 40 worshippers.\n\n"
            "The attack was the latest in a wave of violence. Last month, bandits kidnapped "
            "80 villagers.",
            "kidnapped",
        ),
        # A year's attacks summed up: in places the story does not say.
        (
            "A bomb exploded at a market in Peshawar on Friday, killing nine people.\n\n"
            "The militants have carried out dozens of attacks this year.",
            "attacks",
        ),
    ],
)
def test_a_coarser_time_is_beyond_the_story(nlp: Language, text: str, trigger: str) -> None:
    assert _dated_place(nlp, text, trigger) is None


def test_a_happening_running_since_a_time_stays_in_the_story(nlp: Language) -> None:
    text = (
        "Police fired tear gas at protesters in Mong Kok on Sunday.\n\n"
        "Protesters have clashed with police almost daily since early June."
    )
    assert _dated_place(nlp, text, "clashed") == "Mong Kok"


def _dated_place(nlp: Language, text: str, trigger: str) -> str | None:
    """The place of the first event on ``trigger`` in a report published on a Tuesday in
    July 2025 ("last month" is a time only with a publication date)."""
    found = Extractor(nlp=nlp).extract(make_document(text, published=dt.date(2025, 7, 8)))
    places = {p.id: p.name for p in found.places}
    event = next(e for e in found.events if text[e.trigger[0] :].startswith(trigger))
    return places.get(event.place or "")
