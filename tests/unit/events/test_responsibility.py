"""Claims of responsibility (responsibility.yaml) with the real model: the claimer becomes
actor1 of the attack, also of one reported in an earlier sentence. The sentences are made up for
these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

import sitroom
from builders import attack_at
from sitroom.events.responsibility import _earlier
from sitroom.ingest.text import make_document
from sitroom.model import Event
from sitroom.service import Extractor

pytestmark = pytest.mark.model


def attacks(nlp: Language, text: str) -> tuple[list[Event], dict[str, str]]:
    doc = nlp(text)
    names = {e.id: e.name for e in doc._.sitroom_entities}
    found = [e for e in doc._.sitroom_events if e.type in {"ASSAULT", "FIGHT"}]
    return found, names


def test_a_claim_in_a_later_sentence_names_the_earlier_attacker(nlp: Language) -> None:
    text = (
        "Gunmen attacked a police station in Kano on Monday. "
        "Boko Haram claimed responsibility for the attack."
    )
    [attack], names = attacks(nlp, text)
    assert text[attack.trigger[0] : attack.trigger[1]] == "attacked"  # the first report
    assert names[attack.actor1 or ""] == "Boko Haram"
    assert attack.modality == "claimed"
    assert names[attack.attributed_to or ""] == "Boko Haram"


def test_taking_responsibility_without_naming_the_attack(nlp: Language) -> None:
    text = "Militants attacked a checkpoint in Arish on Friday. Al-Qaeda took responsibility."
    [attack], names = attacks(nlp, text)
    assert names[attack.actor1 or ""] == "al-Qaeda"


def test_saying_it_carried_out_the_attack_is_a_claim(nlp: Language) -> None:
    text = "Gunmen stormed a hotel in Mogadishu. Al-Shabaab said it carried out the attack."
    [attack], names = attacks(nlp, text)
    assert names[attack.actor1 or ""] == "al-Shabaab"
    assert attack.modality == "claimed"


def test_a_negated_claim_names_nobody(nlp: Language) -> None:
    [attack], _ = attacks(nlp, "No group has claimed responsibility for the bombing in Quetta.")
    assert attack.actor1 is None
    [attack], _ = attacks(nlp, "The rebels did not claim responsibility for the attack.")
    assert attack.actor1 is None


def test_an_attribution_by_a_third_party_names_the_doer_but_no_claim(nlp: Language) -> None:
    text = (
        "A bomb killed four traders at a market in Sittwe on Monday. "
        "The regional governor attributed the bombing to the Arakan Army."
    )
    [attack], names = attacks(nlp, text)
    assert text[attack.trigger[0] : attack.trigger[1]] == "killed"
    assert names[attack.actor1 or ""] == "Arakan Army"
    assert attack.modality != "claimed"  # the governor says so, not the group


def test_an_attack_ascribed_to_a_group_in_apposition(nlp: Language) -> None:
    text = "On Sunday a truck bomb killed nine in Mogadishu, another attack ascribed to al-Shabaab."
    [attack], names = attacks(nlp, text)
    assert names[attack.actor1 or ""] == "al-Shabaab"


def test_an_attribution_that_is_negated_names_nobody(nlp: Language) -> None:
    text = "A bomb killed four traders in Sittwe. Officials did not blame the blast on the rebels."
    found, _ = attacks(nlp, text)
    assert found
    assert all(attack.actor1 is None for attack in found)


def test_a_claim_of_several_attacks_covers_the_paragraph_s_earlier_attacks(
    nlp: Language,
) -> None:
    text = (
        "A suicide bomber killed three policemen in Quetta on Monday. "
        "On Tuesday two soldiers were killed in a bombing in Turbat. "
        "Lashkar-e-Jhangvi claimed responsibility for both attacks."
    )
    found, names = attacks(nlp, text)
    assert len(found) >= 2
    assert all(names[e.actor1 or ""] == "Lashkar-e-Jhangvi" for e in found)


def test_a_claim_of_one_attack_leaves_the_earlier_ones_alone(nlp: Language) -> None:
    text = (
        "A suicide bomber killed three policemen in Quetta on Monday. "
        "On Tuesday two soldiers were killed in a bombing in Turbat. "
        "Lashkar-e-Jhangvi claimed responsibility for the attack."
    )
    found, names = attacks(nlp, text)
    assert [names.get(e.actor1 or "") for e in found].count("Lashkar-e-Jhangvi") == 1


def test_a_claim_goes_to_the_attack_last_named_even_where_that_mention_was_folded(
    nlp: Language,
) -> None:
    text = (
        "Gunmen bombed a church in Jolo on Sunday. A soldier was wounded in Sulu on Monday. "
        "The governor condemned the attack on the church. "
        "The Islamic State later claimed responsibility."
    )
    found, names = attacks(nlp, text)
    [bombing] = [e for e in found if text[e.trigger[0] : e.trigger[1]] == "bombed"]
    [wounding] = [e for e in found if e is not bombing]
    assert names[bombing.actor1 or ""] == "Islamic State"
    assert bombing.modality == "claimed"
    assert wounding.actor1 is None


@pytest.mark.parametrize(
    "text",
    [
        "A bomb blast that killed nine traders at a market in Maiduguri was claimed by Boko Haram.",
        "Four guards died in an ambush near Kidal on Sunday. The attack was claimed by Boko Haram.",
    ],
)
def test_an_attack_claimed_by_a_group_in_the_passive(nlp: Language, text: str) -> None:
    found, names = attacks(nlp, text)
    assert found and names[found[0].actor1 or ""] == "Boko Haram"
    assert found[0].modality == "claimed"


def test_ground_claimed_by_a_side_is_no_claim_of_an_attack(nlp: Language) -> None:
    found, _ = attacks(nlp, "The hill was claimed by both armies after the battle near Kupiansk.")
    assert all(e.actor1 is None for e in found)


def test_blame_and_its_denial_in_the_mellit_sample_stay_a_dispute(nlp: Language) -> None:
    # The bundled sample (fiction written for this project): the army blames the front for the
    # shelling told before, the front denies firing on the town. Only a deed owned outright
    # ("the attack was claimed by X") is read through the mention folded into it; a blame for
    # "the shelling of the market" keeps the shelling it names.
    sample = Path(sitroom.__file__).parent / "data/samples/01-mellit-shelling-darfur.txt"
    published = dt.datetime(2025, 3, 4, tzinfo=dt.UTC)
    document = make_document(sample.read_text(), url="http://t/mellit", published=published)
    found = Extractor(nlp=nlp).extract(document)
    assert any("denies what is claimed by Army" in c.reason for c in found.contradictions)


def test_a_blame_whose_author_the_parser_hangs_on_the_deed_noun_names_the_doer(
    nlp: Language,
) -> None:
    # "blamed the attack on the army": "on the army" is read as the attack's target; it is
    # the author the blame names, and the earlier strike is the army's, not the blamers'.
    text = (
        "A drone strike killed nine people in the town of Dessie on Sunday. "
        "Residents blamed the attack on the federal army."
    )
    [strike], names = attacks(nlp, text)
    assert names[strike.actor1 or ""] == "Army"
    assert names.get(strike.actor2 or "") != "Army"
    # a target that names no actor is no author: the attack stays no one's
    text = "A car bomb exploded in Mosul on Sunday. Police blamed the attack on the market."
    found, _ = attacks(nlp, text)
    assert found and all(e.actor1 is None for e in found)


def test_a_claimed_attack_placed_in_the_region_of_an_earlier_one_is_that_one() -> None:
    # "A strike killed nine in Dessie. ... blamed the attack (in the region) on X": a region
    # that holds the earlier attack's town is no other place; another town is
    strike = attack_at(10, place="dessie")
    holding = {"dessie": frozenset({"dessie", "amhara"}), "amhara": frozenset({"amhara"})}
    assert _earlier([strike], 50, frozenset({"ASSAULT"}), "amhara", {}, None, holding) == 0
    assert _earlier([strike], 50, frozenset({"ASSAULT"}), "amhara", {}) is None
    assert _earlier([strike], 50, frozenset({"ASSAULT"}), "gondar", {}, None, holding) is None


@pytest.mark.parametrize(
    "between",
    [
        # a past attack told as background is not the one claimed ...
        "The area has seen repeated violence. In 2019, jihadists killed more than 40 people in "
        "the same village.",
        # ... nor the blow the attackers took afterwards
        "Soldiers later killed four of the attackers in a clash nearby, the army said.",
    ],
)
def test_a_claim_in_a_statement_two_paragraphs_on_is_of_the_news_attack(
    nlp: Language, between: str
) -> None:
    text = (
        "Gunmen killed 12 villagers in the village of Koutougou in northern Burkina Faso on "
        f"Monday, officials said.\n\n{between}\n\nOn Wednesday, the Islamic State Sahel "
        "Province claimed responsibility in a statement."
    )
    extraction = Extractor(nlp=nlp).extract(
        make_document(text, url="https://tests.invalid/claims", published=dt.date(2024, 5, 8))
    )
    names = {e.id: e.name for e in extraction.entities}
    found = [e for e in extraction.events if e.type in {"ASSAULT", "FIGHT"}]
    first = min(found, key=lambda e: e.trigger[0])
    # "in a statement" names no deed: the claim goes to the attack told before
    assert names[first.actor1 or ""] == "Islamic State"
    assert all(names.get(e.actor1 or "") != "Islamic State" for e in found if e is not first)
