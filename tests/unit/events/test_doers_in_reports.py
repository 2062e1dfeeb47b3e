"""The doer named in ways other than the plain subject of the trigger (issue 15, actor1/actor2):
as a modifier or an adjunct ("a Taliban attack", "Russian shelling of X", "gunfire from police",
"rockets fired by Hamas"), as a generic or descriptive agent ("unidentified gunmen", "riot
police", "armed men"), in another sentence ("the group", an act with no doer after others of its
kind), and a go-between who is no party ("talks mediated by X").

Short wire reports written for these tests, each read whole by the real English model; each
expects the doer and the one done to of the events it names (entity names, lower case).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from readings import Actors, event_actors

pytestmark = pytest.mark.model


REPORTS: list[tuple[str, dict[str, Actors]]] = [
    (
        # Afghanistan: the doer as a modifier and a possessive; "the attackers" are the Taliban,
        # and so is "the group" after a state force
        "A Taliban attack on a police checkpoint in Afghanistan's Kunduz province killed five "
        "officers on Tuesday, the interior ministry said. The militants' assault began shortly "
        "after midnight and lasted three hours. Security forces repelled the attackers after "
        "reinforcements arrived, a provincial spokesman said. The group later said its fighters "
        "had seized weapons and ammunition.",
        {
            "killed": ("taliban", "officers"),
            "repelled": ("security forces", "taliban"),
            "seized": ("taliban", None),
        },
    ),
    (
        # Gaza: a weapon fired by a group; a mediator who is no party of the talks
        "Israeli air strikes hit targets across the Gaza Strip on Monday, hours after rockets "
        "fired by Hamas struck the southern Israeli town of Sderot. The Israeli military said "
        "its jets bombed weapons depots belonging to the group. Gaza health officials said four "
        "people were killed in the strikes. Talks mediated by Egypt failed to secure a "
        "ceasefire.",
        {
            "strikes": ("israeli", None),
            "struck": ("hamas", "people"),
            "bombed": ("israeli military", None),  # the Israeli military: its nationality named
            "Talks": (None, None),
        },
    ),
    (
        # Ukraine: a nationality's shelling of a city; "Moscow's forces"
        "Russian shelling of Kharkiv killed three civilians overnight, Ukraine's regional "
        "governor said on Thursday. A residential building and a school were damaged in the "
        "bombardment. Ukrainian forces shelled Russian positions near the border in response, "
        "the defence ministry in Kyiv said. Moscow's forces also struck a power station in the "
        "region.",
        {
            "shelling": ("russian", "civilians"),
            "shelled": ("ukrainian forces", "russian"),
            "struck": ("russia", None),
        },
    ),
    (
        # Mali: unidentified gunmen; the army's own operation is no claim of the earlier attack
        "Unidentified gunmen killed 15 people in an attack on a market in central Mali on "
        "Wednesday, the government said. The assailants arrived on motorbikes and set fire to "
        "stalls before fleeing. A local official said the attackers belonged to a group linked "
        "to al Qaeda. Mali's army said it had launched an operation to track down the gunmen.",
        {
            "killed": ("unidentified gunmen", "people"),
            "set": ("unidentified gunmen", None),
            "operation": ("mali", "unidentified gunmen"),
        },
    ),
    (
        # Somalia: a suicide bomber, and the group that claims the bombing
        "A suicide bomber blew himself up outside a hotel in Mogadishu on Friday, killing at "
        "least nine people, police said. Al Shabaab claimed responsibility for the bombing in a "
        "statement. Somali security forces cordoned off the area after the blast. The hotel is "
        "popular with government officials.",
        {"blew": ("al-shabaab", "people")},
    ),
    (
        # Pakistan: "Riot police" opening a sentence is no person called Riot
        "Riot police fired tear gas at thousands of protesters in the Pakistani city of Lahore "
        "on Sunday. Demonstrators threw stones at officers and blocked a main road. Police "
        "arrested dozens of people, a city official said. The protest was organised by an "
        "opposition party.",
        {
            "fired": ("riot police", "protesters"),
            "threw": ("demonstrators", "officers"),
            "arrested": ("police", "people"),
        },
    ),
    (
        # Libya: fighters loyal to a commander; members of a named force; a UN go-between
        "Fighters loyal to Khalifa Haftar shelled the airport in Tripoli on Monday, Libya's "
        "UN-recognised government said. The bombardment damaged a passenger plane and forced the "
        "suspension of all flights. Members of the Libyan National Army also attacked a "
        "checkpoint south of the capital. Talks mediated by the United Nations were suspended "
        "after the attack.",
        {
            "shelled": ("khalifa haftar", None),
            "attacked": ("libyan national army", None),
            "Talks": (None, None),
        },
    ),
    (
        # Kenya: gunfire from police; an attack by unidentified men
        "Gunfire from police killed two demonstrators in Nairobi on Tuesday, a rights group "
        "said. An attack by unidentified men on a police station in the city later wounded "
        "three officers. Kenya's police chief blamed a criminal gang for the attack.",
        {"Gunfire": ("police", "demonstrators"), "wounded": ("men", "officers")},
    ),
    (
        # Congo: armed men, then "the assailants"
        "Armed men attacked a camp for displaced people in eastern Congo on Thursday, killing "
        "at least 20 civilians, a local official said. The assailants used machetes and set "
        "fire to shelters.",
        {"attacked": ("armed men", "civilians"), "set": ("armed men", None)},
    ),
    (
        # Britain: the only arrester of the report makes its other arrests too
        "Officers from Greater Manchester Police arrested a 41-year-old man in Bolton on "
        "Saturday over the theft of a vintage car. Another man was arrested on Sunday and later "
        "released on bail. A third man was detained the same day.",
        {
            "arrested": ("greater manchester police", "man"),
            "detained": ("greater manchester police", "man"),
        },
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORTS, ids=lambda v: str(v)[:30])
def test_the_doer_and_the_one_done_to_of_each_event(
    nlp: Language, text: str, expected: dict[str, Actors]
) -> None:
    found = event_actors(nlp, text)
    assert {word: found.get(word) for word in expected} == expected


def test_a_mediating_participle_makes_no_party_but_a_mediation_has_its_mediator(
    nlp: Language,
) -> None:
    found = event_actors(nlp, "Talks brokered by Norway resumed in Oslo on Friday.")
    assert found.get("Talks") == (None, None)
    found = event_actors(nlp, "Norway mediated talks between the two sides in Oslo.")
    assert found.get("mediated", (None, None))[0] == "norway"


def test_a_generic_phrase_opening_a_sentence_is_no_name(nlp: Language) -> None:
    doc = nlp("Riot police dispersed the crowd outside the parliament on Monday.")
    assert "Riot" not in {ent.text for ent in doc.ents}
    assert {e.name.lower() for e in doc._.sitroom_entities} >= {"riot police"}


def test_the_group_is_not_the_state_force_named_last(nlp: Language) -> None:
    found = event_actors(
        nlp,
        "Rebels attacked an army base near the border on Sunday. Soldiers repelled the rebels "
        "after a long battle. The group said on Monday that its fighters had destroyed two "
        "tanks.",
    )
    assert found.get("destroyed", (None, None))[0] == "rebels"


def test_a_weapon_planted_or_fired_by_someone_is_theirs(nlp: Language) -> None:
    found = event_actors(nlp, "A bomb planted by insurgents killed four soldiers near Mosul.")
    assert found.get("killed") == ("insurgents", "soldiers")
    found = event_actors(nlp, "Mortar rounds fired by the militia hit a school in Tripoli.")
    assert found.get("hit", (None, None))[0] == "militia"


def test_the_holder_of_the_custody_took_them(nlp: Language) -> None:
    found = event_actors(
        nlp, "Two smugglers were taken into the custody of the coast guard on Friday."
    )
    assert found.get("taken", (None, None))[0] == "coast guard"


def test_the_attackers_are_the_armed_actor_told_before(nlp: Language) -> None:
    found = event_actors(
        nlp,
        "Taliban fighters stormed an army base in Helmand province on Monday, killing seven "
        "soldiers, officials said. The attackers fled before reinforcements arrived.",
    )
    assert found.get("fled") == ("taliban", None)
    # one person is one person: "a gunman ... the attacker"
    doc = nlp(
        "A gunman opened fire on worshippers at a mosque in Kano on Friday. The attacker was "
        "later shot dead by police."
    )
    assert "attacker" not in {e.name.lower() for e in doc._.sitroom_entities}
    found = event_actors(
        nlp,
        "A gunman killed three people at a shopping centre in Toronto on Saturday, police "
        "said. The suspect was arrested two hours later after a chase.",
    )
    assert found.get("arrested") == (None, "gunman")
    # a state force is no antecedent of "the militants"
    found = event_actors(
        nlp,
        "The army shelled rebel positions near the town on Friday. The militants said they "
        "had shot down a helicopter.",
    )
    assert found.get("shot", (None, None))[0] == "rebels"


def test_an_attacker_noun_without_the_is_someone_new(nlp: Language) -> None:
    doc = nlp(
        "Rebels attacked a police post in the north on Monday. Gunmen also raided a bank in "
        "the capital."
    )
    assert {"rebels", "gunmen"} <= {e.name.lower() for e in doc._.sitroom_entities}
