"""The far-readings evidence of resolution's later passes: where the other names were read,
not everywhere they could have been (``sitroom.geo.far_readings.resolved_evidence``)."""

from __future__ import annotations

import dataclasses

from sitroom.geo.candidate import Candidate
from sitroom.geo.coherence import Anchor
from sitroom.geo.far_readings import resolved_evidence
from sitroom.geo.resolve import Mention, resolve
from unit.geo.geo_helpers import cand


def _anchor(name: str, country: str, *, known: bool = True) -> Anchor:
    return Anchor(("text", name), f"t:{name}:{country}", country, None, 0.0, 0.0, True, known)


def _at(candidate: Candidate, lat: float, lon: float) -> Candidate:
    return dataclasses.replace(candidate, lat=lat, lon=lon)


def test_the_evidence_is_the_countries_of_the_other_names_known_readings() -> None:
    first = {_anchor("leeds", "GB"), _anchor("wales", "GB"), _anchor("hamlet", "CA", known=False)}
    assert resolved_evidence([first], ("text", "millbrook")) == {"GB"}
    # The name's own reading is no evidence for it; one known name alone is none either.
    assert resolved_evidence([first], ("text", "leeds")) == frozenset()
    assert resolved_evidence([], ("text", "millbrook")) == frozenset()  # first pass: none yet


def test_a_reading_a_later_pass_changed_is_no_evidence() -> None:
    leeds, wales, paris = _anchor("leeds", "GB"), _anchor("wales", "GB"), _anchor("paris", "FR")
    moved = _anchor("paris", "US")
    assert resolved_evidence([{leeds, wales, paris}, {leeds, wales, moved}], ("x",)) == {"GB"}
    # Too few readings kept: no judgement from them (the caller falls back).
    assert resolved_evidence([{leeds, paris}, {leeds, moved}], ("x",)) == frozenset()


def test_the_qualifier_and_the_voted_country_are_evidence_too() -> None:
    first = {_anchor("leeds", "GB"), _anchor("wales", "GB")}
    qualifier = (cand("Canada", kind="country", country="CA"),)
    assert resolved_evidence([first], ("x",), qualifier, voted="IE") == {"GB", "CA", "IE"}


def test_a_namesake_read_in_one_pass_cannot_vouch_for_itself_in_the_next() -> None:
    # "Kingsbridge" is well known in Britain and in Canada; "Millbrook" is a Canadian town ten
    # times the size of the British one. The first pass reads Millbrook in Canada, the second
    # pulls Kingsbridge there by coherence, which must not bring the Canadian Millbrook back.
    kings_gb = cand("Kingsbridge", country="GB", population=128_000, admin1="Wessex")
    kings_ca = cand("Kingsbridge", country="CA", population=138_000, admin1="Ontario")
    mill_ca = cand("Millbrook", country="CA", population=95_000, admin1="Ontario")
    mill_gb = cand("Millbrook", country="GB", population=9_000, admin1="Wessex")
    mentions = [
        Mention("Kingsbridge", (0, 11), (_at(kings_gb, 52.2, 0.1), _at(kings_ca, 43.4, -80.3))),
        Mention("Wessex", (20, 26), (cand("Wessex", "admin1", "GB", admin1="Wessex"),)),
        Mention("Britain", (30, 37), (cand("Britain", "country", "GB", 60_000_000),)),
        Mention(
            "Millbrook",
            (60, 69),
            (_at(mill_ca, 43.9, -79.9), _at(mill_gb, 52.2, 0.4)),
            sentence=(50, 90),
        ),
    ]
    places = {(p.name, p.country) for p in resolve(mentions)}
    assert ("Millbrook", "GB") in places
