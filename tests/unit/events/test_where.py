"""Where an event happened: the constructions of English that name its place (issue #15)."""

from __future__ import annotations

import dataclasses

from handmade import doc_of, index
from sitroom.events.detect import EventDetector
from sitroom.events.lexicon import EventVocabulary
from sitroom.model import Event

DETECTOR = EventDetector(EventVocabulary.load())


Placed = list[tuple[str | None, str | None]]


def _placed(table: str, places: dict[int, str], trigger: str) -> Placed:
    doc = doc_of(table)
    events = DETECTOR.detect(doc, index(doc, {}, {}, places=places))
    found: list[Event] = [e for e in events if doc.text[slice(*e.trigger)] == trigger]
    return [(e.place, e.place_basis) for e in found]


MARCHED_TO = """
Farmers farmer NOUN NNS 1 nsubj
marched march VERB VBD 1 ROOT
to to ADP IN 1 prep
the the DET DT 5 det
Nakuru Nakuru PROPN NNP 5 compound
offices office NOUN NNS 2 pobj
of of ADP IN 5 prep
the the DET DT 8 det
ministry ministry NOUN NN 6 pobj
. . PUNCT . 1 punct
"""

WITHDREW_TO = """
Troops troop NOUN NNS 1 nsubj
withdrew withdraw VERB VBD 1 ROOT
to to ADP IN 1 prep
Nakuru Nakuru PROPN NNP 2 pobj
. . PUNCT . 1 punct
"""


def test_where_a_march_goes_is_where_it_is() -> None:
    # "Farmers marched to the Nakuru offices of the ministry": the march is in Nakuru.
    assert _placed(MARCHED_TO, {4: "nakuru"}, "marched") == [("nakuru", "argument")]


def test_where_a_withdrawal_goes_is_not_where_it_is() -> None:
    # "Troops withdrew to Nakuru": they left somewhere else, which the sentence does not name.
    assert _placed(WITHDREW_TO, {3: "nakuru"}, "withdrew") == [(None, None)]


RAIDED_VILLAGES = """
Civilians civilian NOUN NNS 2 nsubjpass
were be AUX VBD 2 auxpass
killed kill VERB VBN 2 ROOT
when when ADV WRB 5 advmod
gunmen gunman NOUN NNS 5 nsubj
raided raid VERB VBD 2 advcl
the the DET DT 10 det
Zawra Zawra PROPN NNP 10 compound
and and CCONJ CC 7 cc
Tanak Tanak PROPN NNP 7 conj
villages village NOUN NNS 5 dobj
in in ADP IN 10 prep
Sinjar Sinjar PROPN NNP 13 compound
district district NOUN NN 11 pobj
. . PUNCT . 2 punct
"""

PILGRIMS_FROM = """
Gunmen gunman NOUN NNS 1 nsubj
attacked attack VERB VBD 1 ROOT
pilgrims pilgrim NOUN NNS 1 dobj
from from ADP IN 2 prep
Najaf Najaf PROPN NNP 3 pobj
in in ADP IN 1 prep
Baghdad Baghdad PROPN NNP 5 pobj
. . PUNCT . 1 punct
"""


def test_q_in_p_places_the_event_at_q_the_finer_place() -> None:
    # "Civilians were killed when gunmen raided the Zawra and Tanak villages in Sinjar
    # district": the villages lie in the district; the killing is in the first of them.
    places = {7: "zawra", 9: "tanak", 12: "sinjar"}
    assert _placed(RAIDED_VILLAGES, places, "killed") == [("zawra", "sentence")]


def test_where_someone_came_from_is_no_finer_place() -> None:
    # "Gunmen attacked pilgrims from Najaf in Baghdad": Najaf does not lie in Baghdad.
    assert _placed(PILGRIMS_FROM, {4: "najaf", 6: "baghdad"}, "attacked") == [
        ("baghdad", "argument")
    ]


AIRSTRIKE_HIT = """
An an DET DT 1 det
airstrike airstrike NOUN NN 2 nsubj
hit hit VERB VBD 2 ROOT
the the DET DT 5 det
Zawra Zawra PROPN NNP 5 compound
market market NOUN NN 2 dobj
. . PUNCT . 2 punct
"""

HIT_BY_SHELLING = """
The the DET DT 1 det
town town NOUN NN 5 nsubjpass
of of ADP IN 1 prep
Zawra Zawra PROPN NNP 2 pobj
was be AUX VBD 5 auxpass
hit hit VERB VBN 5 ROOT
by by ADP IN 5 agent
shelling shelling NOUN NN 6 pobj
. . PUNCT . 5 punct
"""

ATTACK_ANGERED = """
The the DET DT 1 det
attack attack NOUN NN 2 nsubj
angered anger VERB VBD 2 ROOT
Zawra Zawra PROPN NNP 4 compound
residents resident NOUN NNS 2 dobj
. . PUNCT . 2 punct
"""


def test_what_an_event_noun_hits_is_where_it_happened() -> None:
    # "An airstrike hit the Zawra market"; "The town of Zawra was hit by shelling".
    assert _placed(AIRSTRIKE_HIT, {4: "zawra"}, "airstrike") == [("zawra", "argument")]
    assert _placed(HIT_BY_SHELLING, {3: "zawra"}, "shelling") == [("zawra", "argument")]
    # "The attack angered Zawra residents": whom it angered says nothing of where it was.
    assert _placed(ATTACK_ANGERED, {3: "zawra"}, "attack") == [(None, None)]


FLED_INTO = """
Villagers villager NOUN NNS 1 nsubj
fled flee VERB VBD 1 ROOT
Molo Molo PROPN NNP 1 dobj
into into ADP IN 1 prep
Nakuru Nakuru PROPN NNP 3 pobj
. . PUNCT . 1 punct
"""


def test_where_leavers_went_is_not_where_they_left() -> None:
    # "Villagers fled Molo into Nakuru": the flight is from Molo.
    assert _placed(FLED_INTO, {2: "molo", 4: "nakuru"}, "fled") == [("molo", "argument")]
    # Without the place left, the place gone to does not stand in for it.
    assert _placed(FLED_INTO, {4: "nakuru"}, "fled") == [(None, None)]


MARKET_NEAR = """
Officials official NOUN NNS 3 nsubj
in in ADP IN 0 prep
Nakuru Nakuru PROPN NNP 1 pobj
said say VERB VBD 3 ROOT
gunmen gunman NOUN NNS 5 nsubj
attacked attack VERB VBD 3 ccomp
a a DET DT 7 det
market market NOUN NN 5 dobj
near near ADP IN 7 prep
Zawra Zawra PROPN NNP 8 pobj
. . PUNCT . 3 punct
"""


def test_where_the_object_acted_on_is_is_where_the_event_happened() -> None:
    # "Officials in Nakuru said gunmen attacked a market near Zawra": at the market.
    assert _placed(MARKET_NEAR, {2: "nakuru", 9: "zawra"}, "attacked") == [("zawra", "argument")]


EMBASSY_IN = """
Rioters rioter NOUN NNS 1 nsubj
stormed storm VERB VBD 1 ROOT
the the DET DT 4 det
Kenya Kenya PROPN NNP 4 compound
embassy embassy NOUN NN 1 dobj
in in ADP IN 4 prep
Kampala Kampala PROPN NNP 5 pobj
. . PUNCT . 1 punct
"""


def test_a_country_before_its_embassy_is_whose_it_is_not_where() -> None:
    # "Rioters stormed the Kenya embassy in Kampala": in Kampala, not in Kenya.
    doc = doc_of(EMBASSY_IN)
    idx = dataclasses.replace(
        index(doc, {}, {}, places={3: "kenya", 6: "kampala"}),
        place_kind={"kenya": "country", "kampala": "city"},
    )
    [stormed] = [e for e in DETECTOR.detect(doc, idx) if doc.text[slice(*e.trigger)] == "stormed"]
    assert (stormed.place, stormed.place_basis) == ("kampala", "argument")


MUCH_OF = """
Rebels rebel NOUN NNS 1 nsubj
captured capture VERB VBD 1 ROOT
much much ADJ JJ 1 dobj
of of ADP IN 2 prep
Molo Molo PROPN NNP 3 pobj
. . PUNCT . 1 punct
"""

MOLO_FIGHTERS = """
Rebels rebel NOUN NNS 1 nsubj
captured capture VERB VBD 1 ROOT
Molo Molo PROPN NNP 3 compound
fighters fighter NOUN NNS 1 dobj
. . PUNCT . 1 punct
"""


def test_ground_taken_is_the_place_even_when_also_named_as_a_party() -> None:
    # "Rebels captured much of Molo", Molo also an actor of the article: the ground taken.
    doc = doc_of(MUCH_OF)
    idx = index(doc, {4: "molo"}, {"molo": "GPE"}, places={4: "molo"})
    [captured] = DETECTOR.detect(doc, idx)
    assert (captured.place, captured.place_basis) == ("molo", "argument")
    # "Rebels captured Molo fighters": people taken, not ground; Molo says whose they are.
    doc = doc_of(MOLO_FIGHTERS)
    idx = index(doc, {2: "molo", 3: "fighters"}, {"molo": "GPE", "fighters": "ORG"}, {2: "molo"})
    [captured] = DETECTOR.detect(doc, idx)
    assert captured.place is None


DISTRICT_OF = """
Clashes clash NOUN NNS 1 nsubj
erupted erupt VERB VBD 1 ROOT
in in ADP IN 1 prep
the the DET DT 5 det
Zawra Zawra PROPN NNP 5 compound
district district NOUN NN 2 pobj
of of ADP IN 5 prep
Nakuru Nakuru PROPN NNP 6 pobj
. . PUNCT . 1 punct
"""


def test_the_x_district_of_y_is_in_x() -> None:
    # "Clashes erupted in the Zawra district of Nakuru": the district, held by the town.
    assert _placed(DISTRICT_OF, {4: "zawra", 7: "nakuru"}, "Clashes") == [("zawra", "sentence")]
