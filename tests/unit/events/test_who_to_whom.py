"""Who did it and to whom, in the constructions of issue 15 (sections 1 and 3): passives with and
without "by", nominalisations, control and raising verbs, coordinated agents and patients,
"clashes between A and B", relative clauses, groups tied to a state or a leader, responsibility
claims, unnamed agents; and the rules added for them: nationality words as peoples, modifiers
coordinated on one noun, the addressee of a threat's condition, gerunds after "accused of",
participles on an object, ground taken after a fight with someone, a statement's own clause.
With the real English model, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model

Found = tuple[str, str | None, str | None]


def _events(nlp: Language, text: str) -> list[Found]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    return [
        (text[e.trigger[0] : e.trigger[1]], names.get(e.actor1 or ""), names.get(e.actor2 or ""))
        for e in doc._.sitroom_events
    ]


def _co_actors(nlp: Language, text: str, trigger: str) -> tuple[list[str], list[str]]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == trigger)
    return [names[i] for i in event.co_actors1], [names[i] for i in event.co_actors2]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # passives, with and without "by"
        (
            "The convoy was attacked by gunmen near the border on Tuesday.",
            ("attacked", "gunmen", None),
        ),
        ("Three soldiers were killed in an ambush in the north.", ("killed", None, "soldiers")),
        # nominalisations
        ("The army's offensive against the rebels began at dawn.", ("offensive", "army", "rebels")),
        (
            "The capture of the airport by rebel forces was confirmed on Monday.",
            ("capture", "rebel forces", None),
        ),
        # raising and aspect verbs pass their subject down
        (
            "Government forces began shelling the rebel-held district on Sunday.",
            ("shelling", "government forces", None),
        ),
        # coordinated patients: the first named
        (
            "Gunmen killed two policemen and a soldier at a checkpoint.",
            ("killed", "gunmen", "policemen"),
        ),
        # "clashes between A and B"
        (
            "Clashes between herders and farmers killed 12 people in the village.",
            ("Clashes", "herders", "farmers"),
        ),
        # a relative clause on the doer
        (
            "The militants who stormed the prison freed 200 inmates.",
            ("freed", "militants", "inmates"),
        ),
        # a group tied to a state or a leader
        ("A team from Qatar met Taliban negotiators in Doha.", ("met", "qatar", "taliban")),
        ("A Somalia-based group attacked the hotel overnight.", ("attacked", "somalia", None)),
        (
            "Militiamen loyal to Ahmed Haroun attacked the village on Friday.",
            ("attacked", "ahmed haroun", None),
        ),
        # unnamed attackers act
        (
            "Unidentified gunmen abducted a priest in the south of the country.",
            ("abducted", "unidentified gunmen", "priest"),
        ),
        # a responsibility claim in a later sentence
        (
            "A car bomb exploded outside a police station in Mogadishu. Al-Shabaab later claimed "
            "responsibility.",
            ("exploded", "al-shabaab", None),
        ),
    ],
)
def test_constructions_of_issue_15(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality word the model calls a person or an unknown place is a people
        ("Tajik troops shelled a Kyrgyz village on Thursday.", ("shelled", "tajik", None)),
        # modifiers coordinated on one noun: two parties of a mutual act
        (
            "Kyrgyz and Tajik border guards clashed near the disputed village.",
            ("clashed", "kyrgyz", "tajik"),
        ),
        (
            "The Turkish and Greek sides agreed to share information on the missing.",
            ("agreed", "turkish", "greek"),
        ),
        (
            "Russian and Ukrainian negotiators met in Istanbul on Tuesday.",
            ("met", "russian", "ukrainian"),
        ),
        (
            "Clashes between Kyrgyz and Tajik border guards left 30 dead.",
            ("Clashes", "kyrgyz", "tajik"),
        ),
    ],
)
def test_peoples_and_coordinated_modifiers(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


def test_modifiers_coordinated_on_a_transitive_doer_act_together(nlp: Language) -> None:
    text = "American and British jets bombed the airfield overnight."
    assert ("bombed", "american", None) in _events(nlp, text)
    assert _co_actors(nlp, text, "bombed") == (["british"], [])


def test_coordinated_agents_are_co_actors(nlp: Language) -> None:
    text = "Police and soldiers arrested 20 protesters outside the parliament."
    assert ("arrested", "police", "protesters") in _events(nlp, text)
    assert _co_actors(nlp, text, "arrested") == (["soldiers"], [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rebels threatened to attack the capital if the government refused to release "
            "their commander.",
            ("threatened", "rebels", "government"),
        ),
        (
            "Iran threatened to launch a new offensive unless Baghdad accepted its terms.",
            ("threatened", "iran", "iraq"),
        ),
        (
            "Hamas warned that it would fire rockets if Israel refused.",
            ("warned", "hamas", "israel"),
        ),
        # without a condition the threat's own object stays its party
        ("The militia threatened to kill the hostages.", ("threatened", "militia", "hostages")),
    ],
)
def test_a_threat_is_addressed_to_whom_its_condition_names(
    nlp: Language, text: str, expected: Found
) -> None:
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs "massacring" on "civilians"; the accused did it, to them
        (
            "Rwandan-backed rebels were accused of massacring civilians in the village.",
            ("massacring", "rebels", "civilians"),
        ),
        (
            "The army was blamed for killing protesters in the capital.",
            ("killing", "army", "protesters"),
        ),
        # "of" hung on the accused object
        (
            "The government accused the rebels of abducting children.",
            ("abducting", "rebels", "children"),
        ),
        (
            "Two soldiers were charged with torturing detainees.",
            ("torturing", "soldiers", "detainees"),
        ),
    ],
)
def test_the_accused_does_the_gerund(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


def test_a_passive_agent_by_is_no_accusation(nlp: Language) -> None:
    # "by protesting students" names who interrupted and protested, not what the minister did
    found = _events(nlp, "The minister was interrupted by protesting students.")
    assert ("protesting", "students", None) in found
    found = _events(
        nlp, "Speaking in parliament, the minister was heckled by protesting lawmakers."
    )
    assert ("protesting", "lawmakers", None) in found


def test_a_participle_on_the_object_names_the_target(nlp: Language) -> None:
    found = _events(nlp, "Iran launched missiles targeting US troops in Iraq.")
    assert ("launched", "iran", "united states") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Al-Shabaab fighters seized the town after a brief gun battle with government troops.",
            ("seized", "al-shabaab", "government troops"),
        ),
        (
            "The rebels captured the airport following heavy clashes with the army.",
            ("captured", "rebels", "army"),
        ),
        (
            "The army regained control of the town after fighting with the rebels.",
            ("regained", "army", "rebels"),
        ),
    ],
)
def test_ground_is_taken_from_whom_it_was_fought(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


def test_a_statement_clause_with_its_own_subject_is_not_the_issuers_act(nlp: Language) -> None:
    found = _events(nlp, "The ministry issued a statement that a prisoner had been stabbed.")
    assert ("stabbed", None, "prisoner") in found


@pytest.mark.parametrize(
    ("text", "trigger", "claimer"),
    [
        # a claim in a later conjunct of the attack's own sentence
        (
            "Gunmen stormed a hotel in Kismayo, and the militant group al-Shabaab later claimed "
            "responsibility.",
            "stormed",
            "al-shabaab",
        ),
        # "a rebel group said it ...": "it" is the group, not an earlier actor; the bombing
        # ("a bomb hit") is the attack the group claims
        (
            "A bomb hit a bus carrying soldiers in Aleppo, and a rebel group said it had carried "
            "out the attack.",
            "hit",
            "group",
        ),
    ],
)
def test_a_claim_in_the_same_sentence(nlp: Language, text: str, trigger: str, claimer: str) -> None:
    assert any(w == trigger and a1 == claimer for w, a1, _ in _events(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who reaches a deal makes it; two subjects of a joint act are its two sides
        (
            "Israel and Hamas reached an agreement on a ceasefire.",
            ("agreement", "israel", "hamas"),
        ),
        ("Russia and Ukraine held talks on the grain corridor.", ("talks", "russia", "ukraine")),
        # "an agreement on X" is about X: X is no party
        (
            "The two sides failed to reach agreement on the fate of Palestinian offices.",
            ("agreement", None, None),
        ),
    ],
)
def test_joint_acts_carried_by_a_verb(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


def test_allies_launching_an_offensive_are_no_two_sides(nlp: Language) -> None:
    found = _events(nlp, "Russian and Syrian forces launched an offensive on Idlib.")
    assert ("offensive", "russian", None) in found


def test_blame_for_something_new_claims_no_attack_told_before(nlp: Language) -> None:
    text = (
        "Soldiers in Guinea have tortured scores of Malian and Liberian refugees, whom the "
        "authorities blame for a border dispute, a rights group said."
    )
    assert ("tortured", "soldiers", "malian") in _events(nlp, text)


def test_dead_told_by_a_number_are_of_the_party_struck(nlp: Language) -> None:
    text = "A blast hit a bus carrying soldiers in Homs, killing 14."
    assert ("killing", None, "soldiers") in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim whose object is the attack reported before
        (
            "A suicide bomber blew himself up at a market in Quetta, killing 12 shoppers. The "
            "Pakistani Taliban claimed the attack.",
            ("blew", "taliban", "shoppers"),
        ),
        (
            "Gunmen killed six soldiers near Gao on Monday. The Islamic State group claimed the "
            "killings in a statement.",
            ("killed", "islamic state", "soldiers"),
        ),
        # claiming something that is no reported attack claims nothing
        (
            "Gunmen killed six soldiers near Gao on Monday. The rebels claimed victory.",
            ("killed", "gunmen", "soldiers"),
        ),
    ],
)
def test_claiming_the_attack_itself(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


def test_a_participle_on_the_doer_passes_its_gerund_down(nlp: Language) -> None:
    found = _events(nlp, "Police in Kano arrested a man suspected of killing two traders.")
    assert ("killing", "man", "traders") in found
    found = _events(nlp, "Police arrested three militants accused of attacking a checkpoint.")
    # who accused them is not said: not the police who arrested them
    assert not any(w == "accused" and a1 == "police" for w, a1, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number or an age the model tagged is no name that owns the person
        ("The attacker was shot by a third officer.", ("shot", "officer", "attacker")),
        (
            # (the police that report an arrest made it: events/reported_arrests.py)
            "Police said the suspect, a 14-year-old boy, was arrested at the scene.",
            ("arrested", "police", "boy"),
        ),
        # a nationality is: the named people act
        ("Police arrested two Palestinian men in Hebron.", ("arrested", "police", "palestinian")),
    ],
)
def test_unnamed_people_with_numbers_and_ages(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the side driven off the ground is the other party, active or passive
        (
            "Government troops drove the rebels out of the town.",
            ("drove", "government troops", "rebels"),
        ),
        (
            "Rebels were driven out of the town by government troops.",
            ("driven", "government troops", "rebels"),
        ),
        # members from an organisation act for it; people from a country stay themselves
        (
            "Fighters from the Wagner group killed dozens of civilians in Moura.",
            ("killed", "wagner", "civilians"),
        ),
        ("Police arrested 20 migrants from Eritrea.", ("arrested", "police", "migrants")),
    ],
)
def test_sides_driven_out_and_members_from(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with an object, coordinated subjects of a fight act together ...
        ("Police and soldiers raided the camp on Monday.", ("raided", "police", None)),
        # ... unless the verb or its object is reciprocal
        (
            "Indian and Pakistani troops exchanged fire along the border.",
            ("exchanged", "indian", "pakistani"),
        ),
        (
            "The army and the rebels fought each other near Juba.",
            ("fought", "army", "rebels"),
        ),
        ("The army and the rebels clashed near Juba.", ("clashed", "army", "rebels")),
    ],
)
def test_allies_and_opponents_among_coordinated_subjects(
    nlp: Language, text: str, expected: Found
) -> None:
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "they" after "..., residents said" are the doers, not the source
        (
            "Government forces and allied militias attacked the town, residents said. They "
            "burned dozens of homes.",
            ("burned", "government forces", None),
        ),
        (
            "Police and soldiers raided the camp on Monday. They arrested 30 people.",
            ("arrested", "police", "people"),
        ),
    ],
)
def test_they_refers_to_the_doers_named_first(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # armed people nobody names, in the words reports use
        ("Guerrillas attacked a police station in Cauca.", ("attacked", "guerrillas", "police")),
        ("The army said it had killed 30 terrorists.", ("killed", "army", "terrorists")),
        (
            "Police found the bodies of 15 people killed by a drug cartel.",
            ("killed", "cartel", "people"),
        ),
    ],
)
def test_unnamed_armed_people(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)


def test_generic_agents_are_typed_and_belong_to_the_country_in_focus(nlp: Language) -> None:
    doc = nlp("Security forces opened fire on protesters in Khartoum, killing three civilians.")
    found = {e.name.lower(): (e.actor_type, e.country) for e in doc._.sitroom_entities}
    assert found["security forces"] == ("government", "SD")
    assert found["protesters"] == ("protesters", "SD")
    assert found["civilians"] == ("civilians", "SD")
    doc = nlp("Gunmen killed six villagers in Zamfara state, Nigeria, police said.")
    assert {e.name.lower(): e.actor_type for e in doc._.sitroom_entities}["gunmen"] == (
        "armed_group"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people named by what they do are actors of roles.yaml's unnamed_people
        (
            "Police detained three lawyers outside the court in Lahore.",
            ("detained", "police", "lawyers"),
        ),
        (
            "Smugglers shot two border guards near the crossing.",
            ("shot", "smugglers", "border guards"),
        ),
        ("A mob attacked the village elders on Sunday.", ("attacked", "mob", "elders")),
        # a crowd is counted by what it is made of: the mourners are the target
        (
            "Soldiers opened fire on a crowd of mourners in Bamenda.",
            ("opened", "soldiers", "mourners"),
        ),
    ],
)
def test_people_named_by_what_they_do(nlp: Language, text: str, expected: Found) -> None:
    assert expected in _events(nlp, text)
