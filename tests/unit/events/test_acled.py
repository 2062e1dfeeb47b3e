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
