"""Words of conflict that report no happening (a name given, people as owners, a crowd leaving
by itself, an attacker's getaway, tools put to use, ruined careers, kinds of happening, people
named by a deed) and happenings that are asked about, urged, commanded, planned or denied by
their subject, beside the happenings of the same words that stay. With the real English model,
on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

from sitroom.model import Event

pytestmark = pytest.mark.model


def _events(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    found: list[Event] = list(nlp(text)._.sitroom_events)
    return [(text[e.trigger[0] : e.trigger[1]], e.type, e.modality) for e in found]


# A happening of the type must be coded on the word, asserted.
HAPPENINGS = [
    ("Police dispersed the crowd with tear gas in Nairobi on Monday.", "dispersed", "COERCE"),
    ("The march was dispersed by riot police near the parliament.", "dispersed", "COERCE"),
    ("The mission sheltered 300 displaced families in Kaga-Bandoro.", "sheltered", "AID"),
    ("Gunmen shot a shopkeeper in Kano and fled on motorcycles.", "shot", "ASSAULT"),
    ("Soldiers fled the village when the rebels arrived.", "fled", "RETREAT"),
    ("The army deployed troops to the border town of Kalay on Tuesday.", "deployed", "MOBILIZE"),
    ("Hundreds of soldiers were deployed in the capital after the coup.", "deployed", "MOBILIZE"),
    ("Army units were sent to the northern province after the clashes.", "sent", "MOBILIZE"),
    ("The army pulled back its forces from the ridge on Sunday.", "pulled", "RETREAT"),
    ("Thousands of demonstrators marched through Santiago on Friday.", "marched", "PROTEST"),
    ("Opposition supporters held a rally in Kampala against the result.", "rally", "PROTEST"),
    ("Militants destroyed a bridge near Mogadishu on Sunday.", "destroyed", "COERCE"),
    ("The rebels released twelve hostages in Bamako.", "released", "RETREAT"),
    ("Police arrested two protesters outside the embassy in Lima.", "arrested", "COERCE"),
    ("Troops withdrew from the town of Mezze on Thursday.", "withdrew", "RETREAT"),
    ("Police detained the protesters' leaders in Minsk on Friday.", "detained", "COERCE"),
    ("Armed men stormed a school in Katsina and abducted dozens of pupils.", "abducted", "ASSAULT"),
    ("Why did police attack the protesters in Hong Kong?", "attack", "ASSAULT"),
    ("The militia attacked a convoy near Goma, killing four soldiers.", "attacked", "ASSAULT"),
    ("Police fired rubber bullets at students who refused to disperse.", "fired", "COERCE"),
    ("Rioters set fire to a police station in Dhaka.", "set", "PROTEST"),
    ("Protesters blocked the main highway into La Paz.", "blocked", "PROTEST"),
    ("Hundreds of protesters gathered outside the ministry in Accra.", "protesters", "PROTEST"),
    ("Gunmen stormed the post office in Kandahar on Monday.", "stormed", "FIGHT"),
    ("Villagers fled the capital as the rebels advanced.", "fled", "RETREAT"),
    ("The army fired rockets at the rebel positions near Sirte.", "fired", "FIGHT"),
    ("The battle for the town of Bakhmut raged for months.", "battle", "FIGHT"),
    ("Militants attacked a police post in Tillaberi.", "attacked", "ASSAULT"),
    ("Police released footage of the attack on the mosque in Mombasa.", "attack", "ASSAULT"),
    ("A suicide bomber killed ten people at a market in Maiduguri.", "killed", "ASSAULT"),
    ("Victims of the bombing were buried in Herat on Sunday.", "bombing", "ASSAULT"),
    ("The last British soldiers left the airbase on Monday.", "left", "RETREAT"),
    ("Foreign troops are leaving the country this week.", "leaving", "RETREAT"),
    ("Relief workers delivered food to the camp near Gao.", "delivered", "AID"),
]


@pytest.mark.parametrize(("text", "word", "kind"), HAPPENINGS)
def test_a_happening_is_coded(nlp: Language, text: str, word: str, kind: str) -> None:
    assert (word, kind, "asserted") in _events(nlp, text)


# No event of the type may be coded on the word.
NO_HAPPENINGS = [
    ("The crowds dispersed when the police vans arrived.", "dispersed", "COERCE"),
    ("The marchers dispersed quietly after the speeches.", "dispersed", "COERCE"),
    ("Residents were told to shelter in place while officers searched.", "shelter", "AID"),
    ("The demonstrators' demands include the release of detainees.", "demonstrators", "PROTEST"),
    ("Several protesters' relatives waited outside the court.", "protesters", "PROTEST"),
    ("Police fired tear gas at protesters outside the parliament.", "protesters", "PROTEST"),
    ("The charges against rioters were dropped in May.", "rioters", "PROTEST"),
    ("The newspaper referred to the gatherings as riots.", "riots", "PROTEST"),
    ("The minister described the search as an invasion of privacy.", "invasion", "FIGHT"),
    ("The militants attacked the base and then fled into the forest.", "fled", "RETREAT"),
    ("Two men stabbed a guard at the gate and escaped, then fled.", "fled", "RETREAT"),
    ("Divers deployed a camera to film the wreck.", "deployed", "MOBILIZE"),
    ("The team deployed underwater drones to search the lake bed.", "deployed", "MOBILIZE"),
    ("The company deployed new software across its offices.", "deployed", "MOBILIZE"),
    ("Extremists want to destroy our way of life.", "destroy", "COERCE"),
    ("The scandal destroyed his career.", "destroyed", "COERCE"),
    ("Researchers analysed data released by the health ministry.", "released", "RETREAT"),
    ("The blast left two soldiers dead at the checkpoint.", "left", "RETREAT"),
    ("He kept videos of beheadings on his phone.", "beheadings", "ASSAULT"),
    ("The report lists allegations of torture and arbitrary detentions.", "torture", "ASSAULT"),
    ("The report lists allegations of torture and arbitrary detentions.", "detentions", "COERCE"),
    ("Witnesses said the suicide bomber wore a long coat.", "suicide", "ASSAULT"),
    ("The band's new single stormed the charts in May.", "stormed", "FIGHT"),
    ("The council faces a long battle over the budget.", "battle", "FIGHT"),
    ("The champion battled his rival for the title.", "battled", "FIGHT"),
    ("The striker fired a shot at goal in the second half.", "fired", "FIGHT"),
    ("Investors fled the stock market on Monday.", "fled", "RETREAT"),
    ("The virus attacks the immune system.", "attacks", "ASSAULT"),
    ("Donors joined the battle against the water crisis.", "battle", "FIGHT"),
    ("The columnist launched a scathing attack on the mayor.", "attack", "ASSAULT"),
    ("The shooting suspect appeared in court on Monday.", "shooting", "ASSAULT"),
    ("The mayor delivered a speech to the council.", "delivered", "AID"),
    ("In a statement delivered by his lawyer, the suspect apologised.", "delivered", "AID"),
]


@pytest.mark.parametrize(("text", "word", "kind"), NO_HAPPENINGS)
def test_no_happening_is_coded(nlp: Language, text: str, word: str, kind: str) -> None:
    assert not [e for e in _events(nlp, text) if e[0] == word and e[1] == kind]


# The happening is coded with this modality (mostly not asserted).
NOT_ASSERTED = [
    ("There will be more protests if the government ignores us.", "protests", "conditional"),
    ("There will be more protests next week.", "protests", "planned"),
    ("Not a single soldier was killed in the exercise.", "killed", "negated"),
    ("No shots were fired during the standoff.", "fired", "negated"),
    ("Did the army attack the village?", "attack", "hypothetical"),
    ("Have the rebels released the hostages?", "released", "hypothetical"),
    ("He advised his followers to attack police stations.", "attack", "planned"),
    ("The preacher encouraged the crowd to attack the shops.", "attack", "planned"),
    ("Take a knife and attack the guards.", "attack", "hypothetical"),
    ("Attack the convoy when it reaches the bridge.", "Attack", "hypothetical"),
    ("The general announced the troops would be leaving the region.", "leaving", "planned"),
    ("Observers think the army would attack the town within days.", "attack", "hypothetical"),
    ("The rebels want foreign forces to leave the country.", "leave", "planned"),
    ("The army drew up a plan to attack the town.", "attack", "planned"),
    ("They proposed a corridor to evacuate the wounded fighters.", "evacuate", "planned"),
    ("Fresh protests are planned for Saturday in Lagos.", "protests", "planned"),
    ("An attack is expected on the capital within days.", "attack", "planned"),
    ("A clampdown is on the way, officials warned.", "clampdown", "planned"),
    ("A military offensive is imminent, the general said.", "offensive", "planned"),
    ("The attack was on the way to the airport.", "attack", "asserted"),
    ("Protesters plan to gather and storm the parliament on Friday.", "storm", "planned"),
    ("Rebels tried to storm the presidential palace on Monday.", "storm", "asserted"),
]


@pytest.mark.parametrize(("text", "word", "modality"), NOT_ASSERTED)
def test_the_modality_of_a_happening(nlp: Language, text: str, word: str, modality: str) -> None:
    assert [m for w, _kind, m in _events(nlp, text) if w == word] == [modality]
