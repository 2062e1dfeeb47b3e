"""The article's focus, at two levels: the focus place, which placeless violent events fall back
to, and the focus country, which actors named by a common noun ("the army") belong to."""

from __future__ import annotations

from sitroom.lang.focus import focus_country, focus_place
from sitroom.model import Place


def place(pid: str, kind: str, *starts: int, country: str | None = None) -> Place:
    return Place(
        id=pid, name=pid, kind=kind, precision=1 if kind == "city" else 3,  # type: ignore[arg-type]
        mentions=[(s, s + 4) for s in starts], country=country,
    )  # fmt: skip


def test_most_mentioned_below_country_level() -> None:
    places = [
        place("Sudan", "country", 1, 50, 90, 120),
        place("Cairo", "city", 0),  # a dateline, named once
        place("Mellit", "city", 30, 200, 400),
        place("North Darfur", "admin1", 60, 300),
    ]
    assert focus_place(places) == "Mellit"


def test_ties_go_to_the_finer_place_then_the_first_named() -> None:
    assert focus_place([place("Darfur", "admin1", 5, 9), place("Tawila", "city", 7, 8)]) == "Tawila"
    assert focus_place([place("B", "city", 50, 60), place("A", "city", 10, 70)]) == "A"


def test_no_focus_without_a_place_named_twice() -> None:
    assert focus_place([place("Cairo", "city", 0), place("Sudan", "country", 3, 9)]) is None


def test_a_country_named_often_is_the_focus_when_no_finer_place_is() -> None:
    hong_kong = place("Hong Kong", "country", 0, 30, 60, 90)
    assert focus_place([hong_kong, place("China", "country", 120)]) == "Hong Kong"
    # Another country with half the mentions or more leaves the focus open ...
    assert focus_place([hong_kong, place("China", "country", 120, 150)]) is None
    # ... a finer place named twice wins over it, and a country named twice is not enough.
    assert focus_place([hong_kong, place("Mong Kok", "locality", 5, 70)]) == "Mong Kok"
    assert focus_place([place("Sudan", "country", 3, 9), place("Cairo", "city", 0)]) is None


def test_metonymic_mentions_do_not_make_a_focus() -> None:
    # "Kabul denied ... Kabul said ...": the government, twice; "fighting in Mellit" once more.
    places = [place("Kabul", "city", 0, 40, 80), place("Mellit", "city", 20, 60)]
    assert focus_place(places) == "Kabul"
    assert focus_place(places, {(0, 4), (40, 44)}) == "Mellit"


def test_a_dateline_counts_only_for_a_place_the_body_names_again() -> None:
    # "KABUL (Reuters) - A bomber struck a hall in western Kabul ...": the reporter is there.
    kabul = place("Kabul", "city", 0, 60)
    assert focus_place([kabul], datelines={(0, 4)}) == "Kabul"
    # A dateline alone is where the reporter filed from ...
    mandera = place("Mandera", "city", 50)
    assert focus_place([place("Nairobi", "city", 0), mandera], (), {(0, 4)}) is None
    # ... a place named once more in the body than the others is the scene ...
    assert focus_place([kabul, place("Ghazni", "city", 30)], (), {(0, 4)}) == "Kabul"
    # ... and a place named twice in the body wins without the dateline's help.
    ghazni = place("Ghazni", "city", 30, 90)
    assert focus_place([place("Kabul", "city", 0, 60, 80), ghazni], (), {(0, 4)}) == "Ghazni"
    assert focus_place([kabul, ghazni], (), {(0, 4)}) == "Ghazni"


def test_a_dateline_is_where_the_reporter_was() -> None:
    from sitroom.lang.focus import dateline_spans

    text = "YANGON, May 21 (Agency) - Jets hit Depayin. Depayin burned. Yangon was calm."
    yangon = Place(id="p1", name="Yangon", kind="city", precision=1, mentions=[(0, 6), (60, 66)])
    depayin = Place(
        id="p2", name="Depayin", kind="city", precision=1, mentions=[(35, 42), (44, 51)]
    )
    assert dateline_spans(text, [yangon, depayin]) == {(0, 6)}
    assert dateline_spans("Yangon was calm.", [yangon]) == set()
    assert focus_place([yangon, depayin], dateline_spans(text, [yangon, depayin])) == "p2"


def test_focus_country_counts_every_mention_of_every_place_in_it() -> None:
    # Two towns and a province in Sudan against Egypt's capital named twice: Sudan leads 4 to 2.
    places = [
        place("Mellit", "city", 0, 10, country="SD"),
        place("Tawila", "city", 20, country="SD"),
        place("Darfur", "admin1", 30, country="SD"),
        place("Cairo", "city", 40, 50, country="EG"),
    ]
    assert focus_country(places) == "SD"
    # The country itself counts too, and no place below country level is needed.
    assert focus_country([place("Sudan", "country", 0, 5, 9, country="SD")]) == "SD"


def test_no_focus_country_without_a_clear_lead() -> None:
    # The runner-up with more than half the leader's mentions leaves the focus open.
    places = [
        place("Mellit", "city", 0, 10, 20, country="SD"),
        place("Cairo", "city", 40, 50, country="EG"),
    ]
    assert focus_country(places) is None
    assert focus_country([place("Atlantis", "region", 0)]) is None  # a place in no country
    assert focus_country([]) is None
