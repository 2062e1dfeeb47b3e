"""Who an event's words name: prefixes that turn a name around, first-person pronouns, places
that act as governments, and whose operations a possessive means."""

from __future__ import annotations

import dataclasses

from handmade import doc_of, index
from sitroom.events.detect import EventDetector
from sitroom.events.lexicon import EventVocabulary
from sitroom.lang.reference import entity_for
from sitroom.model import Event

DETECTOR = EventDetector(EventVocabulary.load())

ANTI = """
Taliban Taliban PROPN NNP 1 nsubj
shelled shell VERB VBD 1 ROOT
the the DET DT 6 det
anti anti ADJ JJ 6 amod
- - PUNCT HYPH 6 punct
Taliban Taliban PROPN NNP 6 amod
alliance alliance NOUN NN 1 dobj
. . PUNCT . 1 punct
"""


def test_anti_and_pro_prefixes_are_not_the_named_actor() -> None:
    doc = doc_of(ANTI)
    idx = index(doc, {0: "taliban", 5: "taliban"}, {"taliban": "ORG"})
    assert entity_for(doc[0], idx) == "taliban"
    assert entity_for(doc[6], idx) is None  # the anti-Taliban alliance


WE_LOST = """
Rebels rebel NOUN NNS 1 nsubj
fled flee VERB VBD 1 ROOT
. . PUNCT . 1 punct
We we PRON PRP 4 nsubj
lost lose VERB VBD 4 ROOT
two two NUM CD 6 nummod
fighters fighter NOUN NNS 4 dobj
. . PUNCT . 4 punct
"""


def test_we_is_not_resolved_to_an_earlier_name() -> None:
    doc = doc_of(WE_LOST)
    idx = index(doc, {0: "rebels"}, {"rebels": "ORG"})
    assert entity_for(doc[3], idx) is None
    [_fled, lost] = DETECTOR.detect(doc, idx)
    assert (lost.actor1, lost.actor2, lost.fatalities) == (None, None, 2)


KABUL = """
Kabul Kabul PROPN NNP 1 nsubj
denied deny VERB VBD 1 ROOT
that that SCONJ IN 5 mark
fighters fighter NOUN NNS 5 nsubj
had have AUX VBD 5 aux
attacked attack VERB VBN 1 ccomp
. . PUNCT . 1 punct
"""


def test_a_place_acting_as_government_is_no_location() -> None:
    doc = doc_of(KABUL)
    plain = index(doc, {}, {}, places={0: "kabul"})
    acting = dataclasses.replace(plain, focus_place="panjshir", metonym_at=frozenset({0}))
    [attack] = [e for e in DETECTOR.detect(doc, acting) if e.type == "ASSAULT"]
    # Not "in Kabul"; the sentence names no location, so the article's focus place applies.
    assert (attack.place, attack.place_basis) == ("panjshir", "document")
    assert acting.location_at(0) is None and plain.location_at(0) == "kabul"


THEIR_OPERATIONS = """
Relief relief NOUN NN 1 compound
groups group NOUN NNS 2 nsubj
said say VERB VBD 2 ROOT
they they PRON PRP 5 nsubj
would would AUX MD 5 aux
continue continue VERB VB 2 ccomp
their their PRON PRP$ 7 poss
operations operation NOUN NNS 5 dobj
. . PUNCT . 2 punct
"""


def test_operations_of_relief_groups_are_no_fighting() -> None:
    doc = doc_of(THEIR_OPERATIONS)
    assert not [e for e in DETECTOR.detect(doc, index(doc, {}, {})) if e.type == "FIGHT"]
    army = doc_of(THEIR_OPERATIONS.replace("Relief relief NOUN NN", "Army army NOUN NN"))
    assert [e.type for e in DETECTOR.detect(army, index(army, {}, {}))] == ["FIGHT"]


FIGHT_AGAINST = """
Officials official NOUN NNS 1 nsubj
vowed vow VERB VBD 1 ROOT
to to PART TO 3 aux
step step VERB VB 1 xcomp
up up ADP RP 3 prt
the the DET DT 6 det
fight fight NOUN NN 3 dobj
against against ADP IN 6 prep
corruption corruption NOUN NN 7 pobj
. . PUNCT . 1 punct
"""

ATTACKED_OVER = """
Senators senator NOUN NNS 1 nsubj
attacked attack VERB VBD 1 ROOT
the the DET DT 3 det
minister minister NOUN NN 1 dobj
over over ADP IN 1 prep
his his PRON PRP$ 6 poss
handling handling NOUN NN 4 pobj
of of ADP IN 6 prep
floods flood NOUN NNS 7 pobj
. . PUNCT . 1 punct
"""


def test_figurative_fights_and_attacks_in_words_are_no_violence() -> None:
    doc = doc_of(FIGHT_AGAINST)
    assert "FIGHT" not in {e.type for e in DETECTOR.detect(doc, index(doc, {}, {}))}
    bandits = doc_of(FIGHT_AGAINST.replace("corruption corruption", "bandits bandit"))
    assert "FIGHT" in {e.type for e in DETECTOR.detect(bandits, index(bandits, {}, {}))}
    doc = doc_of(ATTACKED_OVER)
    [event] = DETECTOR.detect(doc, index(doc, {}, {}))
    assert (event.type, event.quad) == ("DISAPPROVE", "verbal_conflict")
    shelled = doc_of(ATTACKED_OVER.replace("over over ADP", "with with ADP").replace(
        "handling handling NOUN NN", "artillery artillery NOUN NN"))  # fmt: skip
    assert [e.type for e in DETECTOR.detect(shelled, index(shelled, {}, {}))] == ["ASSAULT"]


CLASHED = """
Soldiers soldier NOUN NNS 3 nsubj
and and CCONJ CC 0 cc
rebels rebel NOUN NNS 0 conj
clashed clash VERB VBD 3 ROOT
. . PUNCT . 3 punct
"""


def test_the_second_subject_of_a_mutual_action_is_the_other_party() -> None:
    doc = doc_of(CLASHED)
    idx = index(doc, {0: "army", 2: "rebels"}, {"army": "ORG", "rebels": "ORG"})
    [event] = DETECTOR.detect(doc, idx)
    assert (event.type, event.actor1, event.actor2) == ("FIGHT", "army", "rebels")
    condemned = doc_of(CLASHED.replace("clashed clash VERB", "protested protest VERB"))
    [event] = DETECTOR.detect(condemned, idx)
    assert (event.actor1, event.actor2) == ("army", None)  # together, not against each other


def test_a_patient_that_is_no_actor_or_ground_closes_the_event() -> None:
    from sitroom.events.open_sides import other_patient

    rows = """
    Rebels rebel NOUN NNS 1 nsubj
    attacked attack VERB VBD 1 ROOT
    the the DET DT 3 det
    {word} {lemma} NOUN NN 1 dobj
    """
    for word, lemma, entity, other in [
        ("clinic", "clinic", False, True),  # a clinic: no side of the war
        ("town", "town", False, False),  # ground that a side holds
        ("army", "army", True, False),  # an actor
    ]:
        doc = doc_of(rows.format(word=word, lemma=lemma))
        idx = index(doc, {3: "army"} if entity else {}, {"army": "ORG"})
        assert other_patient(doc[1], idx, DETECTOR._territory) is other, word


CONDEMNED = """
Egypt Egypt PROPN NNP 5 nsubj
, , PUNCT , 0 punct
Qatar Qatar PROPN NNP 0 conj
and and CCONJ CC 2 cc
Oman Oman PROPN NNP 2 conj
condemned condemn VERB VBD 5 ROOT
Israel Israel PROPN NNP 5 dobj
and and CCONJ CC 6 cc
Hamas Hamas PROPN NNP 6 conj
. . PUNCT . 5 punct
"""


def test_coordinated_parties_are_kept_on_their_side() -> None:
    doc = doc_of(CONDEMNED)
    names = {0: "egypt", 2: "qatar", 4: "oman", 6: "israel", 8: "hamas"}
    idx = index(doc, names, dict.fromkeys(names.values(), "GPE"))
    [event] = DETECTOR.detect(doc, idx)
    assert (event.actor1, event.co_actors1) == ("egypt", ["qatar", "oman"])
    assert (event.actor2, event.co_actors2) == ("israel", ["hamas"])


TALKS_CONTINUED = """
Talks talk NOUN NNS 1 nsubj
continued continue VERB VBD 1 ROOT
between between ADP IN 1 prep
Qatar Qatar PROPN NNP 2 pobj
, , PUNCT , 3 punct
Turkey Turkey PROPN NNP 3 conj
and and CCONJ CC 5 cc
Iran Iran PROPN NNP 5 conj
. . PUNCT . 1 punct
"""


def test_parties_of_an_ongoing_nominal_event_are_the_verbs() -> None:
    doc = doc_of(TALKS_CONTINUED)
    names = {3: "qatar", 5: "turkey", 7: "iran"}
    idx = index(doc, names, dict.fromkeys(names.values(), "GPE"))
    [talks] = [e for e in DETECTOR.detect(doc, idx) if e.type == "CONSULT"]
    assert (talks.actor1, talks.actor2, talks.co_actors2) == ("qatar", "turkey", ["iran"])


MOSUL_PROTESTERS = """
Mosul Mosul PROPN NNP 1 compound
protesters protester NOUN NNS 2 nsubj
marched march VERB VBD 2 ROOT
. . PUNCT . 2 punct
"""


def test_the_focus_place_as_a_modifier_does_not_block_the_focus_fallback() -> None:
    # "Mosul protesters marched": the sentence names no place other than the article's own.
    doc = doc_of(MOSUL_PROTESTERS)
    plain = index(doc, {}, {}, places={0: "mosul"})

    def marched(focus: str) -> list[Event]:
        events = DETECTOR.detect(doc, dataclasses.replace(plain, focus_place=focus))
        return [e for e in events if doc.text[slice(*e.trigger)] == "marched"]

    [march] = marched("mosul")
    assert (march.type, march.place, march.place_basis) == ("PROTEST", "mosul", "document")
    # Another place named in the sentence keeps the article's place off the event.
    [elsewhere] = marched("basra")
    assert (elsewhere.place, elsewhere.place_basis) == (None, None)


def test_an_area_the_focus_place_lies_in_does_not_block_the_focus_fallback() -> None:
    # "Yemen protesters marched" in a report about a town of Yemen: the country the sentence
    # names contains the article's place, so the march is placed there; a town elsewhere is not.
    doc = doc_of(MOSUL_PROTESTERS.replace("Mosul Mosul", "Yemen Yemen"))
    plain = index(doc, {}, {}, places={0: "yemen"})

    def marched(focus: str) -> list[Event]:
        within = {"taiz": frozenset({"yemen"}), "mosul": frozenset({"iraq"})}
        events = DETECTOR.detect(
            doc, dataclasses.replace(plain, focus_place=focus, place_within=within)
        )
        return [e for e in events if doc.text[slice(*e.trigger)] == "marched"]

    [march] = marched("taiz")
    assert (march.place, march.place_basis) == ("taiz", "document")
    [elsewhere] = marched("mosul")
    assert elsewhere.place is None
