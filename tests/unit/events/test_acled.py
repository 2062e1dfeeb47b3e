from sitroom.events.acled import AcledRefiner
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.events import AcledCuesVocabulary

REFINER = AcledRefiner(load_vocabulary(AcledCuesVocabulary))
ATTACK = ("Violence against civilians", "Attack")
PROTEST = ("Protests", "Peaceful protest")


def test_weapon_words_choose_the_explosion_sub_type() -> None:
    assert REFINER.refine(ATTACK, "A grenade was thrown at the market.", None, None) == (
        "Explosions/Remote violence",
        "Grenade",
    )
    sentence = "Warplanes struck the village overnight, killing four."
    assert REFINER.refine(ATTACK, sentence, None, None)[1] == "Air/drone strike"  # type: ignore[index]


def test_protest_with_police_intervention_and_violence() -> None:
    dispersed = "Police used tear gas to disperse the rally."
    assert REFINER.refine(PROTEST, dispersed, None, None) == (
        "Protests",
        "Protest with intervention",
    )
    assert REFINER.refine(PROTEST, "Rioters torched two shops.", None, None) == (
        "Riots",
        "Violent demonstration",
    )


def test_actor_types_decide_battles_and_territory() -> None:
    assert REFINER.refine(ATTACK, "Rebels attacked the base.", "armed_group", "government") == (
        "Battles",
        "Armed clash",
    )
    taken = ("Battles", "Non-state actor overtakes territory")
    assert REFINER.refine(taken, "The army retook the town.", "government", None) == (
        "Battles",
        "Government regains territory",
    )


def test_an_unrelated_sentence_keeps_the_trigger_type() -> None:
    assert REFINER.refine(PROTEST, "Hundreds marched peacefully.", None, None) == PROTEST


def _at(sentence: str, word: str) -> int:
    return sentence.index(word)


def test_force_against_protesters_named_after_the_trigger() -> None:
    fired = "Soldiers opened fire on the unarmed protesters near the square."
    assert REFINER.refine(ATTACK, fired, None, None, plover="ASSAULT", at=_at(fired, "opened"))[
        1
    ] == ("Excessive force against protesters")
    # The protesters before the trigger are the doers: their riot.
    doers = "Angry protesters attacked a police station in the town."
    pair = REFINER.refine(ATTACK, doers, None, None, plover="ASSAULT", at=_at(doers, "attacked"))
    assert pair == ("Riots", "Violent demonstration")


def test_an_attack_on_an_armed_post_is_a_clash() -> None:
    post = "Gunmen attacked a remote army outpost before dawn."
    pair = REFINER.refine(ATTACK, post, None, None, plover="ASSAULT", at=_at(post, "attacked"))
    assert pair == ("Battles", "Armed clash")
    # Only a trigger of the rule's PLOVER types, and only with the post after it.
    assert REFINER.refine(ATTACK, post, None, None, plover="PROTEST", at=_at(post, "attacked")) == (
        ATTACK
    )
    village = "Soldiers from the outpost attacked a village before dawn."
    assert (
        REFINER.refine(ATTACK, village, None, None, plover="ASSAULT", at=_at(village, "attacked"))
        == ATTACK
    )


def test_a_weapon_named_far_from_the_trigger_is_another_events() -> None:
    far = (
        "Troops captured three hamlets early on Sunday, moving ever closer to the old hill "
        "town in the south that a chemical attack hit some years ago."
    )
    taken = ("Battles", "Non-state actor overtakes territory")
    assert REFINER.refine(taken, far, None, None, plover="FIGHT", at=_at(far, "captured")) == taken
    near = "Helicopters dropped chlorine on the suburb."
    pair = REFINER.refine(ATTACK, near, None, None, plover="FIGHT", at=_at(near, "dropped"))
    assert pair == ("Explosions/Remote violence", "Chemical weapon")


def test_peace_talks_prisoner_swaps_and_troop_moves() -> None:
    talks = "The two sides opened peace talks in the capital."
    pair = REFINER.refine(None, talks, None, None, plover="CONSULT", at=_at(talks, "talks"))
    assert pair == ("Strategic developments", "Agreement")
    freed = "The rebels freed ten soldiers in exchange for their own men."
    pair = REFINER.refine(None, freed, None, None, plover="RETREAT", at=_at(freed, "freed"))
    assert pair == ("Strategic developments", "Agreement")
    moved = "The government deployed more troops along the river."
    pair = REFINER.refine(None, moved, None, None, plover="MOBILIZE", at=_at(moved, "deployed"))
    assert pair == ("Strategic developments", "Change to group/activity")
    voters = "The party mobilised its voters before the election."
    pair = REFINER.refine(None, voters, None, None, plover="MOBILIZE", at=_at(voters, "mobilised"))
    assert pair is None


def test_rocket_propelled_grenades_and_choking_gas() -> None:
    rpg = "Militants fired a rocket-propelled grenade at the patrol."
    assert REFINER.refine(ATTACK, rpg, None, None)[1] == "Shelling/artillery/missile attack"  # type: ignore[index]
    gas = "Dozens were treated for suffocation after the attack on the suburb."
    assert REFINER.refine(ATTACK, gas, None, None)[1] == "Chemical weapon"  # type: ignore[index]


def test_a_takeover_keeps_its_type_whatever_weapons_took_it() -> None:
    taken = ("Battles", "Non-state actor overtakes territory")
    sentence = "Rebels seized the airport after heavy shelling."
    assert REFINER.refine(taken, sentence, None, None, plover="FIGHT", at=7) == taken


def test_violence_in_a_sentence_about_a_peaceful_crowd_is_done_to_it() -> None:
    sentence = "Two people died when police charged at a peaceful demonstration in the square."
    pair = REFINER.refine(ATTACK, sentence, None, None, plover="ASSAULT", at=sentence.index("died"))
    assert pair == ("Protests", "Excessive force against protesters")


def test_soldiers_after_by_are_the_doers_not_the_target() -> None:
    sentence = "Villagers were attacked by soldiers at dawn."
    pair = REFINER.refine(
        ATTACK, sentence, None, None, plover="ASSAULT", at=sentence.index("attacked")
    )
    assert pair == ATTACK


def test_a_protest_put_down_by_force() -> None:
    sentence = "Soldiers violently dispersed the march on the bridge."
    assert REFINER.refine(PROTEST, sentence, None, None) == (
        "Protests",
        "Excessive force against protesters",
    )


def test_ground_no_one_defends_changes_hands_without_violence() -> None:
    taken = ("Battles", "Non-state actor overtakes territory")
    sentence = "The militia entered the border post without resistance after the guards left."
    assert REFINER.refine(taken, sentence, "armed_group", None) == (
        "Strategic developments",
        "Non-violent transfer of territory",
    )


def test_killing_armed_men_is_a_clash() -> None:
    sentence = "Troops killed six militants near the dam."
    pair = REFINER.refine(
        ATTACK, sentence, None, None, plover="ASSAULT", at=sentence.index("killed")
    )
    assert pair == ("Battles", "Armed clash")
