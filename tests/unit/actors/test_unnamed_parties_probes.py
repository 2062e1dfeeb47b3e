"""Parties real reports give without a name (issue 15 part 3): an office-holder ("the mayor of a
town", "a provincial governor", "a chief's convoy"), a force's unit noun after an adjective of
the forces ("a military patrol"), a nationality before a noun of people ("Ugandan
peacekeepers"), a group's initialism before a force noun ("ADF militants"), a news outlet credited
after a dateline, and an adjective of a place that is no party ("the mostly Kurdish city"). With
the real English model, on sentences written for these probes: the ``test`` ones were written
before any fix and never tuned on; the ``dev`` ones were tuned on."""

from __future__ import annotations

import pytest
from spacy.language import Language

pytestmark = pytest.mark.model

# A probe: its half, the text, the trigger word, the words the doer's name may hold (None: any
# doer, "" : no doer expected to be checked), the words the second party's name may hold (None:
# no second party is expected to be checked), and a word no party may be named by alone.
Probe = tuple[str, str, str, frozenset[str] | None, frozenset[str] | None, str | None]


def _words(*words: str) -> frozenset[str]:
    return frozenset(words)


PROBES: list[Probe] = [
    # -- test half: written before any fix, never tuned on --
    (
        "test",
        "Gunmen shot dead the mayor of Kidal outside his home on Tuesday.",
        "shot",
        _words("gunmen"),
        _words("mayor"),
        None,
    ),
    (
        "test",
        "Security forces detained a provincial governor in Herat on Sunday.",
        "detained",
        None,
        _words("governor"),
        None,
    ),
    (
        "test",
        "A district commissioner's convoy was ambushed near Marsabit, officials said.",
        "ambushed",
        None,
        _words("commissioner"),
        None,
    ),
    (
        "test",
        "A military column came under fire near Gao on Monday.",
        "fire",
        None,
        _words("military", "column", "army", "forces"),
        None,
    ),
    (
        "test",
        "Militants killed 12 Kenyan soldiers in an attack on a base in Lamu.",
        "killed",
        _words("militants"),
        _words("soldiers", "forces", "military", "army"),
        "kenyan",
    ),
    (
        "test",
        "NDF fighters stormed a village in the hills, killing seven farmers.",
        "stormed",
        _words("ndf"),
        None,
        None,
    ),
    (
        "test",
        "JUBA, March 3 (Sahel Ledger) - Soldiers clashed with rebels near the border town.",
        "clashed",
        _words("soldiers"),
        _words("rebels"),
        None,
    ),
    (
        "test",
        "Protesters filled the streets of the largely Baluch city of Quetta on Saturday.",
        "Protesters",
        None,
        None,
        "baluch",
    ),
    (
        "test",
        "Unknown attackers abducted a village head in Zamfara state overnight.",
        "abducted",
        _words("attackers"),
        _words("head", "village"),
        None,
    ),
    (
        "test",
        "A judge was shot dead by gunmen on a motorbike in Tumaco.",
        "shot",
        _words("gunmen"),
        _words("judge"),
        None,
    ),
    # -- dev half: tuned on --
    (
        "dev",
        "Gunmen killed the mayor of a small town in Guerrero state on Sunday.",
        "killed",
        _words("gunmen"),
        _words("mayor"),
        None,
    ),
    (
        "dev",
        "Soldiers detained a regional governor accused of aiding the rebels.",
        "detained",
        _words("soldiers"),
        _words("governor"),
        None,
    ),
    (
        "dev",
        "Militants ambushed a tribal chief's convoy in North Waziristan.",
        "ambushed",
        _words("militants"),
        _words("chief"),
        None,
    ),
    (
        "dev",
        "A military patrol came under fire near the border on Thursday.",
        "fire",
        None,
        _words("military", "patrol", "army", "forces"),
        None,
    ),
    (
        "dev",
        "Rebels killed 54 Ugandan peacekeepers in an attack on their base.",
        "killed",
        _words("rebels"),
        _words("peacekeepers", "forces", "military", "army"),
        "ugandan",
    ),
    (
        "dev",
        "ADF militants killed 20 villagers in Beni territory overnight.",
        "killed",
        _words("adf"),
        _words("villagers"),
        None,
    ),
    (
        "dev",
        "BAIDOA, May 4 (Kivu Voice) - Fighters attacked a police station in the town.",
        "attacked",
        _words("fighters"),
        _words("police"),
        None,
    ),
    (
        "dev",
        "Thousands of demonstrators marched through the mostly Kurdish city of Qamishli.",
        "marched",
        _words("demonstrators"),
        None,
        "kurdish",
    ),
    (
        "dev",
        "A military squad was attacked by insurgents near Palma on Friday.",
        "attacked",
        _words("insurgents"),
        _words("military", "squad", "army", "forces"),
        None,
    ),
    (
        "dev",
        "Bandits abducted the chief of a village in Katsina state.",
        "abducted",
        _words("bandits"),
        _words("chief"),
        None,
    ),
]


def _party_fits(name: str | None, words: frozenset[str] | None) -> bool:
    return words is None or (name is not None and bool(words & set(name.split())))


def _reading(
    nlp: Language, text: str
) -> tuple[list[tuple[str, str | None, str | None]], dict[str, str | None]]:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    types = {e.name.lower(): e.actor_type for e in doc._.sitroom_entities}
    events = [
        (text[e.trigger[0] : e.trigger[1]], names.get(e.actor1 or ""), names.get(e.actor2 or ""))
        for e in doc._.sitroom_events
    ]
    return events, types


# Held-out probes still missed after the fixes: kept, never tuned on, so expected to fail.
_STILL_MISSED = {0}


@pytest.mark.parametrize(
    ("half", "text", "trigger", "doer", "done_to", "never_alone"),
    [
        pytest.param(
            *p,
            id=f"{p[0]}-{n}",
            marks=[pytest.mark.xfail(reason="held-out probe, still missed")]
            if n in _STILL_MISSED
            else [],
        )
        for n, p in enumerate(PROBES)
    ],
)
def test_unnamed_parties_are_read(
    nlp: Language,
    half: str,
    text: str,
    trigger: str,
    doer: frozenset[str] | None,
    done_to: frozenset[str] | None,
    never_alone: str | None,
) -> None:
    events, _ = _reading(nlp, text)
    on_trigger = [(a1, a2) for t, a1, a2 in events if t == trigger]
    assert on_trigger, f"no event on {trigger!r}: {events}"
    a1, a2 = on_trigger[0]
    assert _party_fits(a1, doer), (a1, a2)
    assert _party_fits(a2, done_to), (a1, a2)
    if never_alone is not None:
        assert never_alone not in {p for _, x, y in events for p in (x, y)}, events


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "NDF fighters stormed a village in the hills, killing seven farmers.",
            "ndf",
            "armed_group",
        ),
        ("ADF militants killed 20 villagers in Beni territory overnight.", "adf", "armed_group"),
        (
            "JUBA, March 3 (Sahel Ledger) - Soldiers clashed with rebels near the border town.",
            "sahel ledger",
            "media",
        ),
        (
            "BAIDOA, May 4 (Kivu Voice) - Fighters attacked a police station in the town.",
            "kivu voice",
            "media",
        ),
    ],
    ids=["test-initialism", "dev-initialism", "test-credit", "dev-credit"],
)
def test_initialisms_and_credited_outlets_are_typed(
    nlp: Language, text: str, name: str, kind: str
) -> None:
    _, types = _reading(nlp, text)
    assert types.get(name) == kind, types


def test_a_mission_s_forces_without_a_nationality_stay_the_mission_s(nlp: Language) -> None:
    _, types = _reading(nlp, "Peacekeepers came under fire near the airport on Monday.")
    assert types.get("peacekeepers") == "igo"
    _, types = _reading(nlp, "Militants killed three Kenyan peacekeepers near the airport.")
    assert types.get("kenyan peacekeepers") == "government"


def test_an_office_holder_of_a_named_place_is_the_party(nlp: Language) -> None:
    events, types = _reading(nlp, "Police arrested the governor of Kassala on Monday.")
    assert ("arrested", "police", "governor of kassala") in events
    assert types.get("governor of kassala") == "government"
    events, _ = _reading(nlp, "Police arrested the governor of a small province on Monday.")
    assert ("arrested", "police", "governor") in events


@pytest.mark.parametrize(
    ("text", "trigger", "done_to"),
    [
        ("Bandits abducted the district head and two of his aides overnight.", "abducted", "head"),
        ("Gunmen killed a community leader in the north of the province.", "killed", "leader"),
        ("He was shot in the head during the raid on the market.", "shot", None),
    ],
)
def test_a_head_of_a_kind_of_place_is_an_office_holder_and_a_bare_head_no_one(
    nlp: Language, text: str, trigger: str, done_to: str | None
) -> None:
    events, _ = _reading(nlp, text)
    assert [a2 for t, _, a2 in events if t == trigger][:1] == [done_to]
