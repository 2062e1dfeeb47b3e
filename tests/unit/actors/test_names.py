from collections.abc import Sequence
from pathlib import Path

from sitroom.actors.lexicon import ActorDictionary, normalise_name
from sitroom.actors.names import name_tokens, same_person, skeleton
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.actors import ActorsVocabulary, RolesVocabulary


def load_actor_dictionary(extra: Sequence[Path] = ()) -> ActorDictionary:
    return ActorDictionary.of(load_vocabulary(ActorsVocabulary, extra))


HONORIFICS = load_vocabulary(RolesVocabulary).honorifics


def test_skeleton_absorbs_transliteration_variants() -> None:
    assert skeleton("Massoud") == skeleton("Masoud") == skeleton("Masud")
    assert skeleton("Ahmad") == skeleton("Ahmed")
    assert skeleton("Griffiths") != skeleton("Guterres")


def test_honorifics_are_stripped() -> None:
    assert name_tokens("General Sahib Karim Nouri", HONORIFICS) == ["Karim", "Nouri"]
    assert name_tokens("Mullah Omar's", HONORIFICS) == ["Omar"]


def test_same_person_needs_matching_given_names_when_both_have_them() -> None:
    assert same_person(["Ahmad", "Massoud"], ["Ahmed", "Masoud"])
    assert same_person(["Massoud"], ["Ahmad", "Massoud"])
    assert not same_person(["Ali", "Ahmadi"], ["Reza", "Ahmadi"])
    assert not same_person([], ["Reza"])


def test_dictionary_lookup_ignores_article_case_and_dots() -> None:
    dictionary = load_actor_dictionary()
    un = dictionary.lookup("the U.N.")
    assert un is not None and un.name == "United Nations" and un.type == "igo"
    assert normalise_name("The Taliban's") == "taliban"


def test_actor_type_follows_the_dated_period() -> None:
    import datetime as dt

    taliban = load_actor_dictionary().lookup("Taliban")
    assert taliban is not None
    assert taliban.type_on(dt.date(2020, 1, 1)) == "armed_group"
    assert taliban.type_on(dt.date(2022, 1, 1)) == "government"
    assert taliban.type_on(None) == "armed_group"


def test_user_dictionary_is_added(tmp_path) -> None:  # type: ignore[no-untyped-def]
    extra = tmp_path / "actors.yaml"
    extra.write_text(
        "actors:\n"
        "  - {name: Kivu Defence Militia, aliases: [KDM], type: armed_group, country: CD}\n",
        encoding="utf-8",
    )
    entry = load_actor_dictionary([extra]).lookup("KDM")
    assert entry is not None and entry.country == "CD"


def test_possessive_alone_is_not_a_name_word() -> None:
    assert name_tokens("Smith 's", HONORIFICS) == ["Smith"]
    assert name_tokens("Mr. 's", HONORIFICS) == ["Mr."]
