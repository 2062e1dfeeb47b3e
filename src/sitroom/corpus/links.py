"""When two event mentions describe one happening: ``same_happening`` and the tests it runs.

Pure functions over ``Mention`` records. ``same_happening`` is symmetric in whether it links and
reads only the two mentions, so the corpus events built from its links depend on the set of
stored articles and never on the order they arrived in. The thresholds are in ``merge.yaml``.
"""

from __future__ import annotations

from sitroom.corpus.mentions import Mention, PlaceRef, fold, window
from sitroom.corpus.reasons import DateLink, LinkReason, PlaceLink, PlaceStrength
from sitroom.corpus.rules import MergeRules, default_rules
from sitroom.lang.places import distance_km


def dates_meet(a: Mention, b: Mention, rules: MergeRules) -> DateLink | None:
    """How the mentions' date windows meet (with the slack), or None when they are apart."""
    wa, wb = window(a, rules), window(b, rules)
    if wa is None or wb is None:
        return DateLink("unknown")
    slack = rules.date_slack
    if wa[0] <= wb[1] + slack and wb[0] <= wa[1] + slack:
        if a.date_start is None or b.date_start is None:
            return DateLink("publication")
        return DateLink("overlap", wa, wb)
    return None


def _km(a: PlaceRef, b: PlaceRef) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _contains(area: PlaceRef, spot: PlaceRef) -> bool:
    """``area`` is a province-level place and ``spot`` lies in it by its recorded admin1."""
    if area.precision < 3 or area.kind == "country" or spot.admin1 is None:
        return False
    same_country = area.country is None or spot.country is None or area.country == spot.country
    return same_country and fold(spot.admin1) == fold(area.name)


def place_relation(a: PlaceRef, b: PlaceRef, rules: MergeRules) -> PlaceLink | None:
    """How two places meet, or None when they are different places.

    One country is no shared place (strength "country"): too wide to tell one happening from
    another."""
    strength: PlaceStrength = "country" if "country" in (a.kind, b.kind) else "same"
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return PlaceLink("same_entry", strength, a.name, geonames_id=a.geonames_id)
    countries_agree = a.country is None or b.country is None or a.country == b.country
    if fold(a.name) == fold(b.name) and countries_agree:
        return PlaceLink("same_name", strength, a.name)
    if _contains(a, b) or _contains(b, a):
        inner, outer = (b, a) if _contains(a, b) else (a, b)
        return PlaceLink("within", "same", inner.name, outer.name)
    if (
        a.lat is not None
        and b.lat is not None
        and a.precision <= 2
        and b.precision <= 2
        and (km := _km(a, b)) <= rules.near_km
    ):
        return PlaceLink("near", "same", a.name, b.name, km=km)
    for country, spot in ((a, b), (b, a)):
        if country.kind == "country" and country.country and spot.country == country.country:
            return PlaceLink("in_country", "country", spot.name, country.name)
    return None


def _names_meet(xs: frozenset[str], ys: frozenset[str]) -> str | None:
    """A shared name, or one name inside the other as whole words ("taliban" / "taliban forces")."""
    for x in sorted(xs):
        for y in sorted(ys):
            if x == y:
                return x
            short, long_ = (x, y) if len(x) < len(y) else (y, x)
            if short and f" {short} " in f" {long_} ":
                return short
    return None


def actors_meet(a: Mention, b: Mention, rules: MergeRules) -> tuple[bool, str | None]:
    """(compatible, shared actor). Incompatible when both name actor1 and nothing is shared."""
    pairs = [(a.actor1_keys, b.actor1_keys), (a.actor2_keys, b.actor2_keys)]
    if a.type in rules.symmetric or b.type in rules.symmetric:
        pairs += [(a.actor1_keys, b.actor2_keys), (a.actor2_keys, b.actor1_keys)]
    for xs, ys in pairs:
        if xs and ys and (shared := _names_meet(xs, ys)):
            return (True, shared)
    if a.actor1_keys and b.actor1_keys:
        return (False, None)
    return (True, None)


def both_roles_meet(a: Mention, b: Mention, rules: MergeRules) -> bool:
    """Both sides name both actors and they are the same two (either way round if symmetric)."""
    if not (a.actor1_keys and a.actor2_keys and b.actor1_keys and b.actor2_keys):
        return False
    straight = _names_meet(a.actor1_keys, b.actor1_keys) and _names_meet(
        a.actor2_keys, b.actor2_keys
    )
    if straight:
        return True
    symmetric = a.type in rules.symmetric or b.type in rules.symmetric
    return bool(
        symmetric
        and _names_meet(a.actor1_keys, b.actor2_keys)
        and _names_meet(a.actor2_keys, b.actor1_keys)
    )


def could_meet(a: Mention, b: Mention, rules: MergeRules) -> bool:
    """A cheap necessary condition of ``same_happening``: compatible types and dates (a side
    without a date window may meet anything)."""
    if not rules.types_compatible(a.type, b.type):
        return False
    wa, wb = window(a, rules), window(b, rules)
    if wa is None or wb is None:
        return True
    return wa[0] <= wb[1] + rules.date_slack and wb[0] <= wa[1] + rules.date_slack


def same_happening(a: Mention, b: Mention, rules: MergeRules | None = None) -> LinkReason | None:
    """Why ``a`` and ``b`` report one happening, or None if they may not."""
    rules = rules or default_rules()
    if a.key == b.key or not rules.types_compatible(a.type, b.type):
        return None
    if not rules.modalities_compatible(a.modality, b.modality):
        return None
    dates = dates_meet(a, b, rules)
    if dates is None:
        return None
    actors_ok, shared = actors_meet(a, b, rules)
    if not actors_ok:
        return None
    same_article = a.document_id == b.document_id
    # An article's focus place stands in for a place its sentence did not give: good enough
    # within the article, no evidence that another article's event happened there.
    place_a = a.place if same_article or a.place_basis != "document" else None
    place_b = b.place if same_article or b.place_basis != "document" else None
    if place_a is not None and place_b is not None:
        place = place_relation(place_a, place_b, rules)
        if place is None:
            return None
    else:
        countries = {p.country for p in (place_a, place_b) if p is not None and p.country}
        if len(countries) > 1:
            return None
        place = PlaceLink("unknown", "missing")
    dated = dates.match != "unknown"
    if a.quad.startswith("verbal") or b.quad.startswith("verbal"):
        # Statements, demands, meetings: many a week from one city, by many speakers. The same
        # two parties, or one party saying the same kind of thing at the same place, only.
        # Across articles an unknown date needs the same two parties, as below: one party at
        # one place would chain its statements of any year.
        said_there = (
            shared is not None
            and place.strength == "same"
            and a.type == b.type
            and (same_article or dated)
        )
        if not (said_there or both_roles_meet(a, b, rules)):
            return None
    elif same_article:
        # Within one article, repeated mentions of one kind of violent or material event
        # that conflict in nothing (type, dates, places, actors) tell of one happening.
        if place.strength != "same" and a.type != b.type:
            return None
    elif (not dated or place.strength != "same") and not both_roles_meet(a, b, rules):
        # Across articles, without dates or without a shared place, only the same two actors
        # tie two mentions together: one shared actor ("the Taliban promised ...") is too
        # common, and an unknown date would chain events of any year.
        return None
    return LinkReason((a.type, b.type), same_article, place, dates, shared)


__all__ = [
    "actors_meet",
    "both_roles_meet",
    "could_meet",
    "dates_meet",
    "place_relation",
    "same_happening",
]
