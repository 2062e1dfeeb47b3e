"""Where an event happened when its own sentence names no place (issue #15 "Where"): short wire
reports written for these tests, each an event whose place comes from the story around it — a
dateline the body names again, "there", an event told as part of one before it ("injured in the
clashes", "during the riot"), a noun for a place said again ("inside the camp"), "the road
between X and Y", "the streets of X", the country a story is about though people fled to
another; a sentence that names a country only as whose people act ("U.S. drones") does not
point elsewhere. Read with the real English model and the whole pipeline."""

from __future__ import annotations

import pytest
from spacy.language import Language

from unit.events.reading import place_of

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A dateline the body names again: the reporter is at the scene.
        (
            "KATHMANDU (Reuters) - Police clashed with students outside the parliament in "
            "Kathmandu on Friday. Officers arrested 40 people, a police spokesman said.",
            "arrested",
            "Kathmandu",
        ),
        (
            "KABUL (Reuters) - A suicide bomber struck a wedding hall in western Kabul on Friday. "
            "The blast killed 14 guests. Police arrested two suspects hours later.",
            "arrested",
            "Kabul",
        ),
        # "there": where the story was, whoever acted.
        (
            "Fighters seized a police station in the town of Dikwa in Borno state. Residents said "
            "the gunmen burned shops there before dawn.",
            "burned",
            "Dikwa",
        ),
        (
            "Hundreds of people fled the village of Kalma in South Darfur after militia attacks. "
            "Aid workers said the camp near Nyala was overwhelmed. Armed men looted the market "
            "there on Wednesday.",
            "looted",
            "Nyala",
        ),
        # In the course of an event told before: "in the clashes", "during the riot".
        (
            "Police fired tear gas at protesters in Chittagong on Monday. Dozens of students were "
            "injured in the clashes.",
            "injured",
            "Chattogram",
        ),
        (
            "Fighting broke out in the Al-Hol camp in northeast Syria on Tuesday. Guards shot two "
            "women during the riot.",
            "shot",
            "Al-Hol camp",
        ),
        (
            "Rebels attacked the town of Kiwanja in North Kivu on Sunday. Soldiers killed five of "
            "the attackers in the fighting.",
            "killed",
            "Kiwanja",
        ),
        # A country named as whose people act ("U.S. officials", "U.S. drones") points nowhere
        # else: the story's place still holds.
        (
            "Militants attacked the town of Bama on Monday. U.S. officials said the militants "
            "burned a school and killed 20 people.",
            "burned",
            "Bama",
        ),
        (
            "Gunmen stormed a hotel in Mogadishu on Friday. Mogadishu police said the gunmen held "
            "40 hostages. U.S. drones later struck the attackers.",
            "struck",
            "Mogadishu",
        ),
        # "the camp", "the checkpoint", "the village": the place last named with that noun.
        (
            "Militia fighters attacked the Kalma camp near Nyala on Monday. Aid workers said "
            "gunmen killed 12 people inside the camp.",
            "killed",
            "Kalma",
        ),
        (
            "Troops set up a checkpoint outside Kidal on Monday. Two days later, a suicide bomber "
            "blew himself up at the checkpoint.",
            "blew",
            "Kidal",
        ),
        (
            "Boko Haram fighters raided the village of Kautikari near Chibok on Sunday. Soldiers "
            "later killed six of them in the village.",
            "killed",
            "Kautikari",
        ),
        (
            "Thousands of refugees live in the Dadaab camp in northern Kenya. On Sunday police "
            "arrested 20 people in the camp.",
            "arrested",
            "Dadaab",
        ),
        # Where people fled to is no scene of the story: the country they fled is its focus.
        (
            "Fighting in Sudan has forced thousands of people to flee to Chad, the United "
            "Nations said.\n\nSudan's army and the Rapid Support Forces have been at war since "
            "April. Militia fighters attacked civilians on the roads, witnesses said. Chad has "
            "received 400,000 refugees. Sudan's government did not comment.",
            "attacked",
            "Sudan",
        ),
        # "the streets of X" lie in X, whatever leads to them.
        (
            "Protesters took to the streets of Khartoum on Thursday to demand civilian rule.",
            "Protesters",
            "Khartoum",
        ),
        # A noun in apposition describes the place it follows ("Gao, a town in Mali"): "the town"
        # said later is that place, not the area the apposition puts it in.
        (
            "Jihadists shelled Ansongo, a town in the Gao region, on Friday. Later they seized a "
            "police post on the northern edge of the town.",
            "seized",
            "Ansongo",
        ),
        (
            "A car bomb exploded in Jowhar, a city in Middle Shabelle, on Monday. Hours later "
            "gunmen attacked a hotel in the centre of the city.",
            "attacked",
            "Jawhar",  # GeoNames' spelling
        ),
        # ... past a mention of that noun that refers back itself ("The base hosts").
        (
            "Two rockets hit a military base in Iraq's Anbar province on Tuesday. No casualties "
            "were reported. The base hosts U.S. troops. Iran-backed militias have attacked the "
            "base before.",
            "attacked",
            "Anbar",
        ),
        # People flee from where the story is: an event of leaving is placed like a violent one.
        (
            "Rebels attacked the town of Kiwanja in North Kivu on Sunday. They burned the market. "
            "Thousands of residents fled after the attack.",
            "fled",
            "Kiwanja",
        ),
        # An event in the course of which ground fell is where the ground is.
        (
            "The city of Mariupol fell to Russian forces in May after a siege of almost three "
            "months.",
            "siege",
            "Mariupol",
        ),
        # A road between two places lies from the first.
        (
            "A bomb exploded on the highway between Kandahar and Herat on Tuesday, killing six "
            "passengers.",
            "exploded",
            "Kandahār",
        ),
    ],
)
def test_an_event_with_no_place_of_its_own_is_where_the_story_is(
    nlp: Language, text: str, trigger: str, place: str
) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # The dateline alone: the reporter filed from Nairobi, the body names no scene.
        (
            "NAIROBI (Reuters) - Gunmen killed nine people on a bus on Sunday. "
            "Police arrested two suspects, officials said.",
            "arrested",
        ),
        # "there" does not reach into another paragraph, when the report has two scenes.
        (
            "Fighters seized a police station in the town of Dikwa on Monday. Troops shelled "
            "Gwoza the same day.\n\nArmed men looted the market there on Wednesday.",
            "looted",
        ),
        # The last base named is another one, whose place is not said.
        (
            "Rebels shelled an army base in Kidal on Monday. On Tuesday they attacked a base "
            "near the border.\n\nGunmen raided the base again on Friday.",
            "raided",
        ),
        # Someone new, in no event told before: nothing says where.
        (
            "Police fired tear gas at protesters in Chittagong on Monday. Another man was "
            "arrested in a raid.",
            "arrested",
        ),
    ],
)
def test_the_story_does_not_place_what_it_does_not_refer_to(
    nlp: Language, text: str, trigger: str
) -> None:
    assert place_of(nlp, text, trigger) is None


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A town the gazetteer lacks in the province its abbreviation names is in that
        # province, not at a namesake abroad; a plan is where the story is.
        (
            "Police in Bountiful, BC arrested two men after a brawl on Friday.",
            "arrested",
            "British Columbia",
        ),
        (
            "KATHMANDU, Nepal (Reuters) - Nepalese police fired tear gas at protesters in "
            "Kathmandu on Friday. The opposition said it plans to hold a rally.",
            "rally",
            "Kathmandu",
        ),
        # The story's place a sentence gave is the finest it names inside the first.
        (
            "Police in the Indian state of Manipur fired tear gas at hundreds of protesters in "
            "Imphal on Saturday. The protesters had blocked a highway.",
            "blocked",
            "Imphal",
        ),
        # "at the scene" and a definite object refer back to where the story was.
        (
            "Two people were stabbed at a shopping centre in Croydon on Saturday. Police "
            "arrested a 19-year-old man at the scene.",
            "arrested",
            "Croydon",
        ),
        (
            "A gunman opened fire outside a bar in Dayton on Sunday, killing nine people. "
            "Officers shot the gunman dead within a minute.",
            "shot",
            "Dayton",
        ),
        # A path through a settlement is where a march is.
        ("Thousands of students marched through Dhaka on Sunday.", "marched", "Dhaka"),
        (
            "Fishermen marched along the coast road in Sfax on Tuesday, Tunisian media reported.",
            "marched",
            "Sfax",
        ),
        # Where people who judged in words were is not where the story is: the killings are
        # where the lede put them, and so is what the attackers did next.
        (
            "Kenyan police said gunmen shot dead two traders in Garissa. Officials in Nairobi "
            "condemned the killings.",
            "killings",
            "Garissa",
        ),
        (
            "ABUJA (Reuters) - Gunmen attacked a village in Zamfara state on Wednesday, killing 11 "
            "people. Local leaders in Sokoto condemned the violence. The attackers also burned "
            "homes.",
            "burned",
            "Zamfara",
        ),
        (
            "Colombian police said gunmen killed three coca farmers in Antioquia on Tuesday. "
            "The attackers fled on motorcycles.",
            "killed",
            "Antioquia",
        ),
        (
            "Afghan officials said a suicide bomber struck a mosque in Dera Ismail Khan, near the "
            "border. Nine worshippers died in the attack.",
            "struck",
            "Dera Ismail Khan",
        ),
        (
            "Nepalese police fired tear gas at protesters in Kathmandu on Friday. Students will "
            "march in Biratnagar next week.",
            "march",
            "Biratnagar",
        ),
        (
            "Filipino troops clashed with rebels in Samar on Monday. Two soldiers were wounded "
            "in the fighting.",
            "clashed",
            "Samar",
        ),
    ],
)
def test_unseen_wire_reports(nlp: Language, text: str, trigger: str, place: str) -> None:
    assert place_of(nlp, text, trigger) == place


@pytest.mark.parametrize(
    ("text", "trigger", "place"),
    [
        # A relative clause on someone outside the event says where they are.
        (
            "Riot police patrolled the streets overnight, while families who had sheltered in "
            "schools in Kassala returned home.",
            "patrolled",
            None,
        ),
        # One on the event's own parties, or on the thing its noun hit, may place it.
        (
            "Soldiers killed six gunmen who had tried to storm a checkpoint outside Gao.",
            "killed",
            "Gao",
        ),
        (
            "A blast hit a minibus carrying workers in Quetta, killing four.",
            "blast",
            "Quetta",
        ),
        (
            "Rebels seized the hill town, which lies in Ituri province, on Sunday.",
            "seized",
            "Ituri",
        ),
    ],
)
def test_places_in_relative_clauses(
    nlp: Language, text: str, trigger: str, place: str | None
) -> None:
    assert place_of(nlp, text, trigger) == place


def test_a_sentence_s_place_is_the_one_named_inside_another(nlp: Language) -> None:
    text = (
        "Police in Pakistan detained dozens of traders in the city of Quetta on Monday after "
        "strikes broke out over new taxes."
    )
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    for event in doc._.sitroom_events:
        assert places.get(event.place or "") == "Quetta", text[event.trigger[0] : event.trigger[1]]


def test_a_place_noun_owning_the_scene_refers_back_to_the_town(nlp: Language) -> None:
    text = (
        "Soldiers fired on mourners in the town of Sagaing on Friday.\n\n"
        "Hundreds had marched through the town's main square before the shooting."
    )
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    marched = next(
        e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == "marched"
    )
    assert places.get(marched.place or "") == "Sagaing"


def test_a_town_noun_before_a_part_refers_back_to_the_town(nlp: Language) -> None:
    text = (
        "KAMPALA - Rebels attacked the town of Kasese in western Uganda on Monday, killing four "
        "people, officials in Kampala said.\n\n"
        "The rebels also burned a clinic in the town centre before they fled, a witness said."
    )
    assert place_of(nlp, text, "burned") == "Kasese"


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # the dateline's capital, named again only as where someone spoke, is no focus
        (
            "MANILA - Soldiers killed four militants near the town of Datu Paglas on Thursday, "
            "the army said. A second gunbattle broke out near Isulan.\n\n"
            "The militants had opened fire on a patrol at dawn. Speaking in Manila, the army "
            "chief praised the troops.",
            "opened",
        ),
        (
            "NAIROBI - Gunmen killed six people in Mandera and burned a school in Garissa on "
            "Monday. Officials in Nairobi said the attackers had crossed from Somalia.\n\n"
            "The gunmen also abducted two teachers, police said.",
            "abducted",
        ),
        (
            "ABUJA - Bandits stormed a school in Kuriga and another in Gusau on Thursday. A "
            "spokesman for the army in Abuja said troops had been deployed.\n\n"
            "The bandits abducted 80 pupils, residents said.",
            "abducted",
        ),
    ],
)
def test_a_capital_named_where_someone_spoke_is_no_focus_of_the_story(
    nlp: Language, text: str, trigger: str
) -> None:
    assert place_of(nlp, text, trigger) is None
