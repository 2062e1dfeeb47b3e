"""Posts and convoys of a force, ground taken over or overrun, and marches told by their day or
route, with the real model. Sentences written for this test.

- a unit noun of ``roles.yaml`` is its owner's, whether the owner stands in front of it as a
  noun or an adjective ("a junta outpost", "a military convoy") or follows it with "of"
  ("strongholds of the rebels") or by a participle of holding ("a base held by soldiers");
- "took over the port town of X" is a takeover of ground (``event_phrases.yaml``), "took over
  the company" none;
- "was overrun by X" is a takeover by X also when the parser reads "overrun" as a noun, and
  "fell to rebel fighters" when it reads "to rebel" as an infinitive;
- "the march on Saturday", "their march through the capital", "joined a march" are protests;
  "the march on Moscow" (an army's) is none;
- "artillery hit a school" is shelling, "drones hit an oil depot" an air strike;
- a patient coordinated after a place ("the town of X and the nearby army base") is the second
  party;
- nationalities in apposition ("two doctors, a Briton and a Sudanese") leave the noun its people;
  an adjective owner ("the military base") is no antecedent of "they";
- the crowd a gathering draws ("the rally drew thousands of students") is who protested;
- a phrase target that names no one ("opened fire on a wedding party") leaves the victims;
- guards are unnamed people ("the ambush killed five guards");
- "a suicide bomber struck" is a suicide bombing, "US bombers struck" an air strike;
- "attacks by settlers on farmers": the party the parser hangs on the doer (grammar.yaml);
- "seven soldiers were among those killed": the soldiers were killed.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from readings import event_actors

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        (
            "Gunmen ambushed a military convoy near Gao on Tuesday.",
            "ambushed",
            ("gunmen", "military"),
        ),
        ("Insurgents shelled a junta outpost outside Hpakant.", "shelled", ("insurgents", "junta")),
        (
            "Warplanes pounded strongholds of the rebels near Sirte.",
            "pounded",
            ("warplanes", "rebels"),
        ),
    ],
)
def test_a_unit_of_a_force_is_its_owners(
    nlp: Language, text: str, trigger: str, actors: tuple[str, str]
) -> None:
    assert event_actors(nlp, text)[trigger] == actors


def _events(nlp: Language, text: str) -> list[tuple[str, str | None, str]]:
    """Each event as (type, mode, trigger word)."""
    doc = nlp(text)
    return [(e.type, e.mode, text[e.trigger[0] : e.trigger[1]]) for e in doc._.sitroom_events]


def test_taking_over_a_town_is_a_takeover(nlp: Language) -> None:
    text = "Houthi fighters took over the port town of Midi on Monday."
    assert ("FIGHT", "occupy", "took") in _events(nlp, text)
    assert event_actors(nlp, text)["took"][0] == "houthis"


def test_taking_over_a_company_is_no_takeover(nlp: Language) -> None:
    assert _events(nlp, "The investors took over the company last year.") == []


@pytest.mark.parametrize(
    ("text", "taker"),
    [
        ("The police post at Menaka was overrun by gunmen, the army said.", "gunmen"),
        ("An army camp near Tessit was overrun by jihadists on Friday.", "jihadists"),
    ],
)
def test_overrun_by_is_a_takeover_by_the_agent(nlp: Language, text: str, taker: str) -> None:
    assert ("FIGHT", "occupy", "overrun") in _events(nlp, text)
    assert event_actors(nlp, text)["overrun"][0] == taker


@pytest.mark.parametrize(
    "text",
    [
        "The march on Saturday passed off peacefully in Accra.",
        "Their march through the capital ended at parliament.",
        "Thousands joined a march along the main avenue of Caracas.",
    ],
)
def test_a_march_on_a_day_or_a_route_is_a_protest(nlp: Language, text: str) -> None:
    assert ("PROTEST", "demonstrate", "march") in _events(nlp, text)


def test_a_march_on_a_city_is_no_protest(nlp: Language) -> None:
    assert _events(nlp, "The general recalled the march on Moscow.") == []


def test_artillery_that_hits_is_shelling(nlp: Language) -> None:
    text = "Artillery hit a school in the town of Toretsk."
    assert ("FIGHT", "artillery", "hit") in _events(nlp, text)


def test_the_owner_of_a_unit_read_as_an_adjective_is_no_antecedent(nlp: Language) -> None:
    """ "the military base": "military" names the base's owner, but "they" in the next
    sentence are the speaker's people, not the military."""
    text = "Nobody tried to storm the military base. The sheriff said they arrested two men."
    found = event_actors(nlp, text)
    assert found["storm"][1] == "military"
    assert found["arrested"] == ("sheriff", "men")


@pytest.mark.parametrize(
    ("text", "trigger", "actors"),
    [
        (
            "Two doctors, a Briton and a Sudanese, were kidnapped by gunmen near Nyala.",
            "kidnapped",
            ("gunmen", "doctors"),
        ),
        (
            "Gunmen abducted three engineers, two Chinese and a Pakistani, in Balochistan.",
            "abducted",
            ("gunmen", "engineers"),
        ),
    ],
)
def test_nationalities_in_apposition_leave_the_noun_its_people(
    nlp: Language, text: str, trigger: str, actors: tuple[str, str]
) -> None:
    assert event_actors(nlp, text)[trigger] == actors


@pytest.mark.parametrize(
    ("text", "trigger", "crowd"),
    [
        ("The rally in Lagos drew thousands of students.", "rally", "students"),
        ("The protest attracted hundreds in Paris.", "protest", "protesters"),
    ],
)
def test_the_crowd_a_gathering_draws_protests(
    nlp: Language, text: str, trigger: str, crowd: str
) -> None:
    assert event_actors(nlp, text)[trigger] == (crowd, None)


def test_a_target_naming_no_one_leaves_the_victims(nlp: Language) -> None:
    """ "opened fire on a wedding party": the party names no actor, and the guests killed are
    the ones it was done to."""
    text = "Gunmen opened fire on a wedding party near Sokoto, killing 12 guests."
    assert event_actors(nlp, text)["opened"] == ("gunmen", "guests")


def test_a_unit_held_by_a_force_is_its(nlp: Language) -> None:
    text = "Militants attacked a base held by government soldiers near Palma."
    assert event_actors(nlp, text)["attacked"] == ("militants", "soldiers")


def test_a_patient_coordinated_after_a_place_is_the_one_attacked(nlp: Language) -> None:
    text = "Boko Haram fighters attacked the town of Dikwa and the nearby army base."
    assert event_actors(nlp, text)["attacked"] == ("boko haram", "army")


def test_aircraft_that_hit_strike_from_the_air(nlp: Language) -> None:
    text = "Ukrainian drones hit an oil depot in Russia's Bryansk region."
    assert ("FIGHT", "aerial", "hit") in _events(nlp, text)
    assert _events(nlp, "The storm hit the coast of Florida.") == []


def test_falling_to_a_side_read_as_an_infinitive_is_a_takeover(nlp: Language) -> None:
    """ "fell to rebel fighters": the parser may read "to rebel" as an infinitive."""
    text = "The garrison town of Gulu fell to rebel fighters on Monday after two days of fighting."
    assert ("FIGHT", "occupy", "fell") in _events(nlp, text)
    assert event_actors(nlp, text)["fell"][0] == "rebel fighters"


def test_guards_killed_are_the_second_party(nlp: Language) -> None:
    """A guard is an unnamed person (roles.yaml); "border guards" stay a body of the state."""
    text = "The ambush killed five guards near Quetta."
    assert event_actors(nlp, text)["ambush"] == (None, "guards")


def test_a_suicide_bomber_who_strikes_is_a_suicide_bombing(nlp: Language) -> None:
    text = "A suicide bomber struck a checkpoint manned by Kurdish fighters near Qamishli."
    assert ("ASSAULT", "suicide_bombing", "struck") in _events(nlp, text)
    assert event_actors(nlp, text)["struck"] == ("bomber", "fighters")
    assert ("FIGHT", "aerial", "struck") in _events(nlp, "US bombers struck targets near Raqqa.")


def test_the_party_hung_on_the_doer_of_an_act_is_its_second_party(nlp: Language) -> None:
    """ "attacks by settlers on farmers": the parser hangs "on farmers" on the settlers."""
    text = "Attacks by armed settlers on Palestinian farmers near Nablus have increased."
    assert event_actors(nlp, text)["Attacks"] == ("settlers", "palestinian")


@pytest.mark.parametrize(
    ("text", "trigger", "victims"),
    [
        (
            "Seven soldiers were among those killed when militants attacked a base near Mopti.",
            "killed",
            "soldiers",
        ),
        (
            "Two journalists were among the people wounded in the shelling of Kharkiv.",
            "wounded",
            "journalists",
        ),
    ],
)
def test_those_among_the_victims_are_the_victims(
    nlp: Language, text: str, trigger: str, victims: str
) -> None:
    assert event_actors(nlp, text)[trigger][1] == victims
