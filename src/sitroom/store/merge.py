"""When two event mentions describe one happening, and what the merged corpus event says.

Pure functions over ``Mention`` records, no SQL: ``corpus.py`` loads mentions and writes the
results. Corpus events are the connected groups of linked mentions. Because ``same_happening``
is symmetric and reads only the two mentions, and ``aggregate`` sorts before choosing, the
corpus events depend on the set of stored articles and never on the order they arrived in.
The rules' thresholds live in ``data/merge.yaml``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from sitroom.resources import load_data

MentionKey = tuple[str, str]  # (document id, event id)

# Which mention speaks for a corpus event: plain reports before claims, claims before plans,
# and denials or negations last.
MODALITY_RANK = {
    "asserted": 0,
    "claimed": 1,
    "planned": 2,
    "conditional": 3,
    "hypothetical": 4,
    "denied": 5,
    "negated": 6,
}


@dataclasses.dataclass(frozen=True)
class PlaceRef:
    name: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    precision: int
    geonames_id: int | None


@dataclasses.dataclass(frozen=True)
class Mention:
    """One stored event as the merge sees it; actor keys are case-folded names and aliases."""

    document_id: str
    event_id: str
    type: str
    mode: str | None
    cameo: str
    quad: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    modality: str
    actor1: str | None
    actor2: str | None
    actor1_keys: frozenset[str]
    actor2_keys: frozenset[str]
    place: PlaceRef | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    fatalities: int | None
    confidence: float
    published: dt.date | None
    place_basis: str | None = None  # argument, sentence or document (the article's focus)

    @property
    def key(self) -> MentionKey:
        return (self.document_id, self.event_id)


@dataclasses.dataclass(frozen=True)
class MergeRules:
    compatible: Mapping[str, frozenset[str]]
    symmetric: frozenset[str]
    modality_group: Mapping[str, int]
    date_slack: dt.timedelta
    undated_window: dt.timedelta
    near_km: float

    def types_compatible(self, a: str, b: str) -> bool:
        return a == b or b in self.compatible.get(a, frozenset())

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> MergeRules:
        compatible: dict[str, set[str]] = {}
        for group in data.get("compatible_types") or []:
            for kind in group:
                compatible.setdefault(kind, set()).update(group)
        groups = {m: i for i, group in enumerate(data.get("modality_groups") or []) for m in group}
        return cls(
            compatible={k: frozenset(v) for k, v in compatible.items()},
            symmetric=frozenset(data.get("symmetric_types") or []),
            modality_group=groups,
            date_slack=dt.timedelta(days=int(data.get("date_slack_days", 1))),
            undated_window=dt.timedelta(days=int(data.get("undated_window_days", 7))),
            near_km=float(data.get("near_km", 25)),
        )


@cache
def default_rules() -> MergeRules:
    return MergeRules.from_data(load_data("merge.yaml"))


def window(m: Mention, rules: MergeRules) -> tuple[dt.date, dt.date] | None:
    """The dates the mention may lie in: its own interval, else the days before publication."""
    if m.date_start is not None or m.date_end is not None:
        start = m.date_start or m.date_end
        end = m.date_end or m.date_start
        assert start is not None and end is not None
        return (start, end)
    if m.published is not None:
        return (m.published - rules.undated_window, m.published)
    return None


def _dates_meet(a: Mention, b: Mention, rules: MergeRules) -> str | None:
    wa, wb = window(a, rules), window(b, rules)
    if wa is None or wb is None:
        return "date unknown"
    slack = rules.date_slack
    if wa[0] <= wb[1] + slack and wb[0] <= wa[1] + slack:
        if a.date_start is None or b.date_start is None:
            return "dates compatible with publication"
        return f"dates overlap ({wa[0]}..{wa[1]} / {wb[0]}..{wb[1]})"
    return None


def _km(a: PlaceRef, b: PlaceRef) -> float:
    assert a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def _contains(area: PlaceRef, spot: PlaceRef) -> bool:
    """``area`` is a province-level place and ``spot`` lies in it by its recorded admin1."""
    if area.precision < 3 or area.kind == "country" or spot.admin1 is None:
        return False
    same_country = area.country is None or spot.country is None or area.country == spot.country
    return same_country and _fold(spot.admin1) == _fold(area.name)


def _place_relation(a: PlaceRef, b: PlaceRef, rules: MergeRules) -> tuple[str, str] | None:
    """("same" | "country", reason), or None when the places are different places.

    One country is no shared place: too wide to tell one happening from another."""
    strength = "country" if a.kind == "country" or b.kind == "country" else "same"
    if a.geonames_id is not None and a.geonames_id == b.geonames_id:
        return (strength, f"same place {a.name} (GeoNames {a.geonames_id})")
    countries_agree = a.country is None or b.country is None or a.country == b.country
    if _fold(a.name) == _fold(b.name) and countries_agree:
        return (strength, f"same place {a.name}")
    if _contains(a, b) or _contains(b, a):
        inner, outer = (b, a) if _contains(a, b) else (a, b)
        return ("same", f"{inner.name} lies in {outer.name}")
    if (
        a.lat is not None
        and b.lat is not None
        and a.precision <= 2
        and b.precision <= 2
        and (km := _km(a, b)) <= rules.near_km
    ):
        return ("same", f"{a.name} and {b.name} are {km:.0f} km apart")
    for country, spot in ((a, b), (b, a)):
        if country.kind == "country" and country.country and spot.country == country.country:
            return ("country", f"{spot.name} lies in {country.name}")
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


def _actors_meet(a: Mention, b: Mention, rules: MergeRules) -> tuple[bool, str | None]:
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


def _both_roles_meet(a: Mention, b: Mention, rules: MergeRules) -> bool:
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


def same_happening(a: Mention, b: Mention, rules: MergeRules | None = None) -> str | None:
    """Why ``a`` and ``b`` report one happening, or None if they may not."""
    rules = rules or default_rules()
    if a.key == b.key or not rules.types_compatible(a.type, b.type):
        return None
    if rules.modality_group.get(a.modality, -1) != rules.modality_group.get(b.modality, -2):
        return None
    dates = _dates_meet(a, b, rules)
    if dates is None:
        return None
    actors_ok, shared = _actors_meet(a, b, rules)
    if not actors_ok:
        return None
    same_article = a.document_id == b.document_id
    # An article's focus place stands in for a place its sentence did not give: good enough
    # within the article, no evidence that another article's event happened there.
    place_a = a.place if same_article or a.place_basis != "document" else None
    place_b = b.place if same_article or b.place_basis != "document" else None
    if place_a is not None and place_b is not None:
        relation = _place_relation(place_a, place_b, rules)
        if relation is None:
            return None
        strength, where = relation
    else:
        countries = {p.country for p in (place_a, place_b) if p is not None and p.country}
        if len(countries) > 1:
            return None
        strength, where = ("missing", "place known on at most one side")
    if a.quad.startswith("verbal") or b.quad.startswith("verbal"):
        # Statements, demands, meetings: many a week from one city, by many speakers. The same
        # two parties, or one party saying the same kind of thing at the same place, only.
        # Across articles "date unknown" needs the same two parties, as below: one party at
        # one place would chain its statements of any year.
        said_there = (
            shared is not None
            and strength == "same"
            and a.type == b.type
            and (same_article or dates != "date unknown")
        )
        if not (said_there or _both_roles_meet(a, b, rules)):
            return None
        if same_article:
            where = f"same article; {where}"
    elif same_article:
        # Within one article, repeated mentions of one kind of violent or material event
        # that conflict in nothing (type, dates, places, actors) tell of one happening.
        if strength != "same" and a.type != b.type:
            return None
        where = f"same article; {where}"
    elif (dates == "date unknown" or strength != "same") and not _both_roles_meet(a, b, rules):
        # Across articles, without dates or without a shared place, only the same two actors
        # tie two mentions together: one shared actor ("the Taliban promised ...") is too
        # common, and "date unknown" would chain events of any year.
        return None
    kinds = a.type if a.type == b.type else f"{a.type}~{b.type}"
    parts = [f"type {kinds}", where, dates]
    if shared:
        parts.append(f"actor {shared}")
    return "; ".join(parts)


def components(
    keys: Iterable[MentionKey], links: Iterable[tuple[MentionKey, MentionKey]]
) -> list[list[MentionKey]]:
    """Connected groups of ``keys`` under ``links`` (links to unknown keys are ignored)."""
    parent: dict[MentionKey, MentionKey] = {k: k for k in keys}

    def find(k: MentionKey) -> MentionKey:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in links:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[MentionKey, list[MentionKey]] = {}
    for k in parent:
        groups.setdefault(find(k), []).append(k)
    return sorted(sorted(group) for group in groups.values())


def corpus_id(members: Sequence[MentionKey]) -> str:
    """A stable id for a group of mentions: a hash of its first member."""
    document_id, event_id = min(members)
    digest = hashlib.sha256(f"{document_id}/{event_id}".encode()).hexdigest()
    return f"ce{digest[:16]}"


@dataclasses.dataclass(frozen=True)
class CorpusEventRecord:
    id: str
    type: str
    mode: str | None
    cameo: str
    quad: str
    acled_event_type: str | None
    acled_sub_event_type: str | None
    modality: str
    modalities: dict[str, int]
    actor1: str | None
    actor2: str | None
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    fatalities: int | None
    fatalities_max: int | None
    mentions: int
    articles: int
    sources: int
    publishers: list[str]
    first_seen: dt.date | None
    last_seen: dt.date | None
    contested: bool
    claims_for: int
    claims_against: int
    confidence: float


@dataclasses.dataclass(frozen=True)
class DocumentInfo:
    """What the counts need to know of an article: its source group, date and outlet."""

    source_group: str
    published: dt.date | None
    publisher: str | None
    copies: int = 0  # near-duplicate copies stored without extraction


def _most_common(values: Iterable[Any], order: Sequence[Any]) -> Any:
    """The most frequent value; ties go to the one met first in ``order``."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    best = max(counts.values())
    return next(v for v in order if v is not None and counts.get(v) == best)


def aggregate(
    members: Sequence[Mention],
    documents: Mapping[str, DocumentInfo],
    stances: Mapping[MentionKey, Mapping[str, str]],
) -> CorpusEventRecord:
    """The corpus event of a group of linked mentions; independent of the members' order."""
    ranked = sorted(
        members,
        key=lambda m: (
            MODALITY_RANK.get(m.modality, 9),
            m.place.precision if m.place else 9,
            -m.confidence,
            m.key,
        ),
    )
    lead_type = _most_common((m.type for m in ranked), [m.type for m in ranked])
    lead = next(m for m in ranked if m.type == lead_type)
    actor1 = _most_common((m.actor1 for m in ranked), [m.actor1 for m in ranked])
    actor2 = _most_common((m.actor2 for m in ranked), [m.actor2 for m in ranked])
    located = sorted(
        (m for m in ranked if m.place is not None),
        key=lambda m: m.place.precision if m.place else 9,
    )
    place = located[0].place if located else None
    dated = [m for m in ranked if m.date_start is not None]
    spans = [(m.date_start, m.date_end, m.date_precision) for m in dated]
    span = _most_common(spans, spans) if spans else (None, None, None)
    counted = [m.fatalities for m in ranked if m.fatalities is not None and m.modality != "negated"]
    modalities = Counter(m.modality for m in ranked)
    # By claim, so a claim about two of the mentions counts once.
    by_claim = {
        (m.document_id, claim): stance
        for m in ranked
        for claim, stance in stances.get(m.key, {}).items()
    }
    said = list(by_claim.values())
    claims_for, claims_against = said.count("assert"), said.count("deny")
    contested = (claims_for > 0 and claims_against > 0) or (
        modalities["denied"] > 0 and (modalities["asserted"] + modalities["claimed"]) > 0
    )
    if modalities["asserted"]:
        modality = "asserted"
    elif modalities["claimed"]:
        modality = "claimed"
    else:
        modality = lead.modality
    doc_ids = sorted({m.document_id for m in ranked})
    infos = [documents[d] for d in doc_ids if d in documents]
    groups = {info.source_group for info in infos} or set(doc_ids)
    # Confidence grows with independent sources: 1 - Π(1 - best confidence of each source).
    best_by_group: dict[str, float] = {}
    for m in ranked:
        info = documents.get(m.document_id)
        group = info.source_group if info else m.document_id
        best_by_group[group] = max(best_by_group.get(group, 0.0), m.confidence)
    doubt = math.prod(1.0 - c for c in best_by_group.values())
    seen = sorted(info.published for info in infos if info.published is not None)
    return CorpusEventRecord(
        id=corpus_id([m.key for m in ranked]),
        type=lead.type,
        mode=lead.mode,
        cameo=lead.cameo,
        quad=lead.quad,
        acled_event_type=lead.acled_event_type,
        acled_sub_event_type=lead.acled_sub_event_type,
        modality=modality,
        modalities=dict(sorted(modalities.items())),
        actor1=actor1,
        actor2=actor2,
        place=place.name if place else None,
        country=place.country if place else None,
        admin1=place.admin1 if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        geo_precision=place.precision if place else None,
        date_start=span[0],
        date_end=span[1],
        date_precision=span[2],
        fatalities=min(counted) if counted else None,
        fatalities_max=max(counted) if counted else None,
        mentions=len(ranked),
        articles=len(doc_ids) + sum(info.copies for info in infos),
        sources=len(groups),
        publishers=sorted({info.publisher for info in infos if info.publisher}),
        first_seen=seen[0] if seen else None,
        last_seen=seen[-1] if seen else None,
        contested=contested,
        claims_for=claims_for,
        claims_against=claims_against,
        confidence=round(1.0 - doubt, 4),
    )


__all__ = [
    "CorpusEventRecord",
    "DocumentInfo",
    "Mention",
    "MentionKey",
    "MergeRules",
    "PlaceRef",
    "aggregate",
    "components",
    "corpus_id",
    "default_rules",
    "same_happening",
    "window",
]
