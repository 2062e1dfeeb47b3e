"""What a corpus event (one happening, merged from its mentions) says, and its counts."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sitroom.corpus.groups import group_id
from sitroom.corpus.mentions import Mention, MentionKey

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


def corpus_id(members: Sequence[MentionKey]) -> str:
    """A stable id for a group of mentions: a hash of its first member."""
    return group_id("ce", members)


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
    # Every mention is background: the happening is context of the articles, not their news.
    background: bool = False


@dataclasses.dataclass(frozen=True)
class DocumentInfo:
    """What the counts need to know of an article: its source group, date and outlet."""

    source_group: str
    published: dt.date | None
    publisher: str | None
    copies: int = 0  # near-duplicate copies stored without extraction


# Finer first: a day says more than a week (the default of an undated mention), a week than a
# month or a year.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4}


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
    # The finest date any mention gives wins over the many that give a coarser one: two
    # undated mentions put in their article's week do not outvote the one that names the day.
    finest = min((_PRECISION_RANK.get(p or "", 9) for _s, _e, p in spans), default=9)
    spans = [sp for sp in spans if _PRECISION_RANK.get(sp[2] or "", 9) == finest]
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
        background=all(m.background for m in ranked),
    )


__all__ = ["MODALITY_RANK", "CorpusEventRecord", "DocumentInfo", "aggregate", "corpus_id"]
