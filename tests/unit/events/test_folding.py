"""One happening in one sentence is coded once (event_folding.yaml), with the real model; two
happenings stay two. The sentences are made up for these tests."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model


def coded(nlp: Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(text[e.trigger[0] : e.trigger[1]], e.type) for e in doc._.sitroom_events]


def test_the_people_protesting_and_their_march_are_one_protest(nlp: Language) -> None:
    assert coded(nlp, "Protesters marched through the centre of Nairobi on Saturday.") == [
        ("marched", "PROTEST")
    ]


def test_a_death_in_fighting_is_part_of_the_fighting(nlp: Language) -> None:
    doc = nlp("The army said two soldiers were killed in fighting with the rebels in Kadugli.")
    [event] = doc._.sitroom_events
    assert event.type in {"ASSAULT", "FIGHT"}
    assert event.fatalities == 2
    assert event.place is not None


def test_what_is_promised_or_demanded_is_no_second_happening(nlp: Language) -> None:
    assert coded(nlp, "The minister pledged to keep food aid flowing to the region.") == [
        ("pledged", "AGREE")
    ]
    assert coded(nlp, "The opposition called for the release of its leader.") == [
        ("called", "DEMAND")
    ]


def test_the_same_act_at_two_places_is_two_happenings(nlp: Language) -> None:
    text = "Rebels attacked a convoy near Goma and attacked a base in Bunia."
    assert coded(nlp, text) == [("attacked", "ASSAULT"), ("attacked", "ASSAULT")]


def test_an_act_after_another_is_another_happening(nlp: Language) -> None:
    found = coded(nlp, "Police arrested ten people after the protest in Lagos.")
    assert ("arrested", "COERCE") in found and ("protest", "PROTEST") in found


def test_the_meeting_named_again_is_the_meeting_reported_before(nlp: Language) -> None:
    text = "Officials held a meeting in Doha on Monday. The meeting ended without a deal."
    meetings = [e for e in nlp(text)._.sitroom_events if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert text[meetings[0].trigger[0] : meetings[0].trigger[1]] == "meeting"
    assert meetings[0].trigger[0] < text.index(".")


def test_ids_are_numbered_again_after_folding(nlp: Language) -> None:
    doc = nlp("Protesters marched in Accra. Police arrested two protesters in Kumasi.")
    assert [e.id for e in doc._.sitroom_events] == [
        f"v{n}" for n in range(1, len(doc._.sitroom_events) + 1)
    ]


def test_the_people_of_a_protest_named_later_are_that_protest(nlp: Language) -> None:
    text = (
        "Thousands of students marched through Santiago on Thursday. "
        "Police fired tear gas at the protesters near the palace."
    )
    protests = [e for e in nlp(text)._.sitroom_events if e.type == "PROTEST"]
    assert len(protests) == 1
    assert protests[0].trigger[0] < text.index(".")


def test_a_definite_noun_of_another_word_restates_the_earlier_happening(nlp: Language) -> None:
    text = "Gunmen shelled a market in Kano on Monday. The attack was condemned by the governor."
    violent = [t for t in coded(nlp, text) if t[1] in {"ASSAULT", "FIGHT"}]
    assert violent == [("shelled", "FIGHT")]


def test_a_possessive_noun_restates_and_its_owner_is_not_the_doer(nlp: Language) -> None:
    text = (
        "John Smith was arrested in Tbilisi on Monday. Smith's arrest was condemned by his lawyer."
    )
    [arrest] = [e for e in nlp(text)._.sitroom_events if e.type == "COERCE"]
    assert text[arrest.trigger[0] : arrest.trigger[1]] == "arrested"
    assert arrest.actor1 is None and arrest.actor2 is not None


def test_a_passive_without_its_doer_restates_the_same_act(nlp: Language) -> None:
    text = "Police shot a man in Leeds on Sunday. The man was shot twice, witnesses said."
    assert coded(nlp, text) == [("shot", "ASSAULT")]


def test_the_same_act_elsewhere_is_not_a_restatement(nlp: Language) -> None:
    text = "Police shot a man in Leeds on Sunday. A woman was shot in Hull on Monday."
    assert coded(nlp, text) == [("shot", "ASSAULT"), ("shot", "ASSAULT")]


def test_a_release_is_not_a_restatement_of_the_capture(nlp: Language) -> None:
    text = "Militants kidnapped ten workers in Zamfara. The workers were released on Friday."
    assert [t for _, t in coded(nlp, text)] == ["ASSAULT", "RETREAT"]


def test_a_restatement_reported_otherwise_keeps_its_modality_and_takes_the_doer(
    nlp: Language,
) -> None:
    text = (
        "Rebels shelled the town of Bor on Tuesday. "
        "The army said the rebels would repeat the attack."
    )
    shelled, attack = nlp(text)._.sitroom_events
    assert attack.modality != shelled.modality
    assert attack.actor1 == shelled.actor1
    assert attack.place == shelled.place


def test_mentions_that_all_restate_restate_together(nlp: Language) -> None:
    text = (
        "Militants captured the town of Gao on Monday. The operation in the region and the "
        "takeover of the town drove thousands from their homes."
    )
    assert coded(nlp, text) == [("captured", "FIGHT")]


def test_a_noun_naming_what_was_done_restates_it(nlp: Language) -> None:
    text = "A gunman shot three people in Leeds on Sunday. Officials called it a terrorist attack."
    assert coded(nlp, text) == [("shot", "ASSAULT")]


def test_a_restatement_with_a_source_of_its_own_is_another_report(nlp: Language) -> None:
    text = "Gunmen bombed a market in Kano on Monday. Police said the attack began at dawn."
    bombing, attack = nlp(text)._.sitroom_events
    assert text[attack.trigger[0] : attack.trigger[1]] == "attack"
    assert attack.attributed_to is not None and bombing.attributed_to is None
    assert (attack.actor1, attack.place) == (bombing.actor1, bombing.place)
    assert "actor1" in attack.inferred


def test_one_more_after_there_is_not_a_restatement(nlp: Language) -> None:
    text = (
        "Students marched through Accra on Monday. "
        "Organisers said there would be more protests on Friday."
    )
    assert [w for w, _ in coded(nlp, text)] == ["marched", "protests"]
    assert coded(
        nlp, "Students marched through Accra. Organisers called it a peaceful protest."
    ) == [("marched", "PROTEST")]


def test_a_passive_done_to_someone_new_is_another_act(nlp: Language) -> None:
    again = "Police arrested a man in Leeds on Sunday. The man was arrested on suspicion of fraud."
    assert [w for w, t in coded(nlp, again) if t == "COERCE"] == ["arrested"]
    other = "Police arrested a man in Leeds on Sunday. Another man was arrested there on Monday."
    assert [w for w, t in coded(nlp, other) if t == "COERCE"] == ["arrested", "arrested"]


def test_a_counted_patient_without_a_determiner_is_someone_new(nlp: Language) -> None:
    other = "Police arrested a man in Leeds on Sunday. Two women were arrested on Monday."
    assert [w for w, t in coded(nlp, other) if t == "COERCE"] == ["arrested", "arrested"]
    again = "Police arrested two men in Leeds on Sunday. The two men were arrested for fraud."
    assert [w for w, t in coded(nlp, again) if t == "COERCE"] == ["arrested"]


def test_a_restatement_at_a_place_inside_the_first_is_the_same_happening_there(
    nlp: Language,
) -> None:
    text = "Gunmen attacked a bus in Nigeria on Monday. The attack happened near Maiduguri."
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    [event] = doc._.sitroom_events
    assert text[event.trigger[0] : event.trigger[1]] == "attacked"
    assert places[event.place or ""] == "Maiduguri"


def test_a_restatement_at_a_place_outside_the_first_is_another_happening(
    nlp: Language,
) -> None:
    text = "Gunmen attacked a bus in Nigeria on Monday. The attack happened near Niamey."
    assert [w for w, t in coded(nlp, text) if t == "ASSAULT"] == ["attacked", "attack"]


def test_a_passive_told_of_a_known_patient_restates_in_another_word(nlp: Language) -> None:
    text = (
        "Militants attacked a police academy in Gardez on Sunday. "
        "It was bombed with a truck full of explosives."
    )
    assert [t for t, _ in coded(nlp, text)] == ["attacked"]


def test_a_passive_told_of_someone_new_is_another_act(nlp: Language) -> None:
    text = "Gunmen attacked a bus near Quetta on Monday. Another bus was attacked in Turbat."
    assert len(coded(nlp, text)) == 2


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "Houthi fighters were killed in clashes with Saudi troops near Najran.",
            {"houthis", "saudi arabia", "troops", "saudi troops"},
        ),
        ("Five soldiers died in fighting with jihadists near Mopti.", {"soldiers", "jihadists"}),
        ("The Taliban captured Kunduz after heavy fighting with Afghan forces.", {"taliban"}),
    ],
)
def test_a_fight_named_by_its_other_side_has_the_clause_for_its_first(
    nlp: Language, text: str, sides: set[str]
) -> None:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    fights = [e for e in doc._.sitroom_events if e.type in {"FIGHT", "ASSAULT"}]
    assert any(
        names.get(e.actor1 or "") in sides and e.actor2 is not None and e.actor1 != e.actor2
        for e in fights
    )


def test_a_promise_of_force_is_a_threat_and_a_promise_of_aid_an_agreement(nlp: Language) -> None:
    assert [t for _, t in coded(nlp, "The rebels vowed to retake the town of Goma.")] == [
        "THREATEN"
    ]
    assert [t for _, t in coded(nlp, "The minister pledged to send food aid to Tigray.")] == [
        "AGREE"
    ]


# Places only the article's focus gives (the place basis "document") were never said of a
# mention: they neither keep two mentions of one happening apart nor beat a place the text said.
_AFTERMATH = (
    "Gunmen stormed a hotel in Mogadishu on Monday. Survivors were later flown to Nairobi, "
    "and doctors in Nairobi said most would recover. The Kenyan government sent a medical "
    "team to Nairobi airport. "
)


def test_a_restatement_placed_only_by_the_article_is_still_the_same_happening(
    nlp: Language,
) -> None:
    text = _AFTERMATH + "The hotel was attacked with grenades and rifles."
    events = nlp(text)._.sitroom_events
    assert [text[e.trigger[0] : e.trigger[1]] for e in events] == ["stormed"]


def test_a_restatement_reported_by_another_source_takes_the_place_first_said(
    nlp: Language,
) -> None:
    text = _AFTERMATH + "The attack killed 12 people, police said."
    doc = nlp(text)
    places = {p.id: p.name for p in doc._.sitroom_places}
    [later] = [e for e in doc._.sitroom_events if e.trigger[0] > text.index("police") - 30]
    assert later.fatalities == 12
    assert places.get(later.place or "") == "Mogadishu"


def test_the_dead_of_a_when_clause_are_the_dead_of_its_deed(nlp: Language) -> None:
    text = (
        "At least 30 people were killed when a suicide bomber blew himself up at a mosque in "
        "Peshawar, police said. Dozens more were wounded in the blast."
    )
    [bombing] = nlp(text)._.sitroom_events
    assert bombing.mode == "suicide_bombing"
    assert bombing.fatalities == 30


def test_a_when_clause_after_an_act_with_its_doer_is_another_act(nlp: Language) -> None:
    text = "Police arrested three men when they arrived at the border in Torkham."
    assert [e.type for e in nlp(text)._.sitroom_events] == ["COERCE"]


def test_a_clause_of_another_act_is_no_context_word_of_the_trigger(nlp: Language) -> None:
    # "storm" is a context word that makes "killed" no attack ("killed in a storm"); the verb
    # of a clause hung on "killed" is another act, not the weather.
    text = "Gunmen killed two guards when they stormed a bank in Kano."
    assert [e.fatalities for e in nlp(text)._.sitroom_events if e.type == "ASSAULT"] == [2]
    assert not nlp("Ten people were killed in the storm that hit Dhaka.")._.sitroom_events


def test_a_withdrawal_named_again_is_the_withdrawal_reported_before(nlp: Language) -> None:
    text = (
        "The United States has begun withdrawing troops from a base in northeastern Syria, "
        "officials said. Kurdish leaders criticised the withdrawal."
    )
    retreats = [e for e in nlp(text)._.sitroom_events if e.type == "RETREAT"]
    assert len(retreats) == 1
    assert retreats[0].actor1 is not None


def test_a_protest_told_by_how_it_was_done_is_one_protest(nlp: Language) -> None:
    # A blockade or a riot is a kind of demonstration (mode_kinds): "to protest" says why they
    # blocked the road, "threw stones" what the march turned into; the kind is kept.
    [blockade] = nlp(
        "Hundreds of farmers blocked a highway near Amritsar to protest against new farm laws."
    )._.sitroom_events
    assert (blockade.type, blockade.mode) == ("PROTEST", "blockade")
    [riot] = nlp(
        "Thousands of students marched through Nairobi and threw stones at police."
    )._.sitroom_events
    assert (riot.type, riot.mode) == ("PROTEST", "riot")


def test_a_happening_named_again_after_a_preposition_keeps_its_own_report(
    nlp: Language,
) -> None:
    # The call is planned and the fatalities negated, not the shooting they are about.
    text = (
        "A gunman shot four teenagers at a party in Clairton on Saturday. No fatalities have "
        "emerged from the shooting. Activists called for an investigation into the shooting."
    )
    shootings = [e for e in nlp(text)._.sitroom_events if e.type == "ASSAULT"]
    assert len(shootings) == 1
    assert shootings[0].modality == "asserted"


def test_a_noun_told_as_done_one_way_restates_the_happening_done_that_way(
    nlp: Language,
) -> None:
    text = (
        "Soldiers killed three suspected rebels near the village of Tamba on Thursday, the army "
        "said. Hours later, a homemade bomb exploded at a bus station in Kenema, wounding five "
        "travellers. No group claimed the blast."
    )
    events = nlp(text)._.sitroom_events
    starts = {text[e.trigger[0] : e.trigger[1]]: e for e in events}
    blast = starts.get("blast") or starts["exploded"]
    # the blast is the bomb at the bus station, not the soldiers' killing told first
    assert blast.actor1 != starts["killed"].actor1
    assert blast.place == starts["exploded"].place
