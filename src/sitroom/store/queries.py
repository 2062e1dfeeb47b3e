"""Read-side value types and the SELECT statements that fill them."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql import Select

from sitroom.lang.places import AREA_PRECISION
from sitroom.store import schema as t
from sitroom.store.event_query import CursorKey, EventQuery, encode_cursor, values_of
from sitroom.store.search import DocumentMatches


@dataclasses.dataclass(frozen=True)
class EventRow:
    """One stored event with its actors, place and source resolved to readable values."""

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
    # The organisations actor1 and actor2 belong to (entity affiliation), by name.
    actor1_affiliation: str | None
    actor2_affiliation: str | None
    attributed_to: str | None
    place: str | None
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    geo_precision: int | None
    place_basis: str | None  # argument, sentence or document (the article's focus place)
    inferred: str | None  # fields taken from the article, not the sentence: "actor2", "actor1"
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str | None
    fatalities: int | None
    confidence: float
    sentence: str
    publisher: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    # The actors' categories (model.ActorType); a person counts as the organisation they are
    # affiliated with when it is known ("spokesman of the army" speaks for a government).
    actor1_type: str | None = None
    actor2_type: str | None = None
    place_kind: str | None = None  # model.PlaceKind: city, admin1, facility...
    ingested_at: dt.datetime | None = None
    corpus_event_id: str | None = None  # the happening this mention belongs to
    background: bool = False  # mentioned as context ("in 2006 …"), not as the article's news

    @property
    def cursor(self) -> str:
        """Pass as ``EventQuery.after`` to get the rows after this one."""
        return encode_cursor(self.date_start, self.document_id, self.event_id)


@dataclasses.dataclass(frozen=True)
class DocumentRow:
    id: str
    title: str | None
    url: str | None
    publisher: str | None
    published: dt.date | None
    language: str | None
    license: str | None
    ingested_at: dt.datetime
    event_count: int
    # The stored document this one nearly repeats (the most similar, if several), or None.
    near_duplicate_of: str | None = None


@dataclasses.dataclass(frozen=True)
class ClaimRow:
    """One claim of the ledger with its claimant's name and the event it is about."""

    document_id: str
    title: str | None
    claim_id: str
    claimant: str | None
    stance: str
    text: str
    hedges: list[str]
    event_id: str | None
    event_type: str | None
    contested: bool


@dataclasses.dataclass(frozen=True)
class ContestedClaim:
    """One side of a contradiction: a claim and the claim it is at odds with."""

    document_id: str
    title: str | None
    claim_id: str
    claimant: str | None
    stance: str
    text: str
    opposing_claim_id: str
    reason: str


@dataclasses.dataclass(frozen=True)
class StoreSummary:
    documents: int
    events: int
    events_by_type: dict[str, int]
    entities: int
    places: int
    quotes: int
    claims: int
    contradictions: int
    figures: int
    # Latest status of each recorded input, most frequent first.
    inputs_by_status: dict[str, int] = dataclasses.field(default_factory=dict)
    # Stored documents marked as near-duplicates of another stored document.
    near_duplicates: int = 0


def _entity_alias(name: str) -> sa.sql.selectable.NamedFromClause:
    return t.entities.alias(name)


def _actor_type(
    actor: sa.sql.selectable.NamedFromClause, organisation: sa.sql.selectable.NamedFromClause
) -> sa.ColumnElement[Any]:
    """The actor's type, or for a person with a typed affiliation, the affiliation's."""
    return sa.case(
        (
            sa.and_(actor.c.actor_type == "person", organisation.c.actor_type.is_not(None)),
            organisation.c.actor_type,
        ),
        else_=actor.c.actor_type,
    )


def events_select(query: EventQuery) -> Select[Any]:
    e, d, p, m = t.events, t.documents, t.places, t.corpus_event_members
    a1, a2, att = _entity_alias("a1"), _entity_alias("a2"), _entity_alias("att")
    org1, org2 = _entity_alias("org1"), _entity_alias("org2")

    def entity_join(
        alias: sa.sql.selectable.NamedFromClause, entity_id: sa.ColumnElement[Any]
    ) -> sa.ColumnElement[bool]:
        return sa.and_(alias.c.document_id == e.c.document_id, alias.c.id == entity_id)

    # Offsets are code points; substr counts characters on both SQLite and PostgreSQL.
    sentence = sa.func.substr(
        d.c.text, e.c.sentence_start + 1, e.c.sentence_end - e.c.sentence_start, type_=sa.Text
    )
    source = (
        e.join(d, d.c.id == e.c.document_id)
        .outerjoin(a1, entity_join(a1, e.c.actor1))
        .outerjoin(a2, entity_join(a2, e.c.actor2))
        .outerjoin(org1, entity_join(org1, a1.c.affiliation))
        .outerjoin(org2, entity_join(org2, a2.c.affiliation))
        .outerjoin(att, entity_join(att, e.c.attributed_to))
        .outerjoin(p, sa.and_(p.c.document_id == e.c.document_id, p.c.id == e.c.place))
        .outerjoin(m, sa.and_(m.c.document_id == e.c.document_id, m.c.event_id == e.c.id))
    )
    stmt = sa.select(
        e.c.document_id,
        e.c.id.label("event_id"),
        e.c.type,
        e.c.mode,
        e.c.cameo,
        e.c.quad,
        e.c.acled_event_type,
        e.c.acled_sub_event_type,
        e.c.modality,
        a1.c.name.label("actor1"),
        a2.c.name.label("actor2"),
        org1.c.name.label("actor1_affiliation"),
        org2.c.name.label("actor2_affiliation"),
        att.c.name.label("attributed_to"),
        p.c.name.label("place"),
        p.c.country,
        p.c.admin1,
        p.c.lat,
        p.c.lon,
        # A place taken from the article's focus is "in the area of" it (lang.places).
        sa.case(
            (
                sa.and_(e.c.place_basis == "document", p.c.precision < AREA_PRECISION),
                AREA_PRECISION,
            ),
            else_=p.c.precision,
        ).label("geo_precision"),
        e.c.place_basis,
        e.c.inferred,
        e.c.date_start,
        e.c.date_end,
        e.c.date_precision,
        e.c.fatalities,
        e.c.confidence,
        sentence.label("sentence"),
        d.c.publisher,
        d.c.url,
        d.c.title,
        d.c.published,
        _actor_type(a1, org1).label("actor1_type"),
        _actor_type(a2, org2).label("actor2_type"),
        p.c.kind.label("place_kind"),
        d.c.ingested_at,
        m.c.corpus_event_id,
        e.c.background,
    ).select_from(source)

    for condition in _conditions(query, a1, a2):
        stmt = stmt.where(condition)
    stmt = stmt.order_by(e.c.date_start.desc().nulls_last(), e.c.document_id, e.c.id)
    if query.limit is not None:
        stmt = stmt.limit(query.limit)
    return stmt


def _conditions(
    query: EventQuery,
    a1: sa.sql.selectable.NamedFromClause,
    a2: sa.sql.selectable.NamedFromClause,
) -> list[sa.ColumnElement[bool]]:
    e, p = t.events, t.places
    found: list[sa.ColumnElement[bool]] = []
    if not query.include_background:
        found.append(e.c.background.is_(sa.false()))
    if query.type is not None:
        found.append(e.c.type.in_(values_of(query.type)))
    if query.modality is not None:
        found.append(e.c.modality.in_(values_of(query.modality)))
    if query.quad is not None:
        found.append(e.c.quad.in_(values_of(query.quad)))
    if query.acled_event_type is not None:
        found.append(e.c.acled_event_type.in_(values_of(query.acled_event_type)))
    if query.country is not None:
        found.append(sa.func.upper(p.c.country).in_(values_of(query.country)))
    if query.admin1 is not None:
        # lower() on both sides: Unicode-aware on PostgreSQL, ASCII-only on SQLite, where a
        # name still matches when written with the stored capitals.
        found.append(sa.func.lower(p.c.admin1) == sa.func.lower(sa.literal(query.admin1)))
    if query.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = query.bbox
        found.append(p.c.lat.between(min_lat, max_lat))
        if min_lon <= max_lon:
            found.append(p.c.lon.between(min_lon, max_lon))
        else:
            found.append(sa.or_(p.c.lon >= min_lon, p.c.lon <= max_lon))
    # An event with only one end known is treated as lasting that single day.
    if query.date_from is not None:
        found.append(sa.func.coalesce(e.c.date_end, e.c.date_start) >= query.date_from)
    if query.date_to is not None:
        found.append(sa.func.coalesce(e.c.date_start, e.c.date_end) <= query.date_to)
    if query.actor is not None:
        needle = query.actor.casefold()
        found.append(
            sa.or_(
                a1.c.search_key.contains(needle, autoescape=True),
                a2.c.search_key.contains(needle, autoescape=True),
            )
        )
    if query.text is not None:
        found.append(DocumentMatches(e.c.document_id, query.text))
    key = query.after_key
    if key is not None:
        found.append(_after(key))
    return found


def _after(key: CursorKey) -> sa.ColumnElement[bool]:
    """Rows after ``key`` in the order of ``events_select``: date desc nulls last, ids asc."""
    e = t.events
    date, document_id, event_id = key
    later_tie = sa.or_(
        e.c.document_id > document_id,
        sa.and_(e.c.document_id == document_id, e.c.id > event_id),
    )
    if date is None:
        return sa.and_(e.c.date_start.is_(None), later_tie)
    return sa.or_(
        e.c.date_start < date,
        e.c.date_start.is_(None),
        sa.and_(e.c.date_start == date, later_tie),
    )


def documents_select() -> Select[Any]:
    d, e, n = t.documents, t.events, t.near_duplicates
    event_count = (
        sa.select(sa.func.count())
        .where(e.c.document_id == d.c.id)
        .correlate(d)
        .scalar_subquery()
        .label("event_count")
    )
    near_duplicate_of = (
        sa.select(n.c.duplicate_of)
        .where(n.c.document_id == d.c.id)
        .correlate(d)
        .order_by(n.c.similarity.desc(), n.c.duplicate_of)
        .limit(1)
        .scalar_subquery()
        .label("near_duplicate_of")
    )
    return sa.select(
        d.c.id,
        d.c.title,
        d.c.url,
        d.c.publisher,
        d.c.published,
        d.c.language,
        d.c.license,
        d.c.ingested_at,
        event_count,
        near_duplicate_of,
    ).order_by(d.c.ingested_at, d.c.id)


def claims_select(limit: int | None = None) -> Select[Any]:
    c, d, e, k, who = t.claims, t.documents, t.events, t.contradictions, _entity_alias("who")
    x = t.cross_contradictions
    in_contradiction = sa.or_(
        sa.select(sa.literal(1))
        .where(
            k.c.document_id == c.c.document_id,
            sa.or_(k.c.claim_a == c.c.id, k.c.claim_b == c.c.id),
        )
        .exists(),
        sa.select(sa.literal(1))
        .where(
            sa.or_(
                sa.and_(x.c.document_a == c.c.document_id, x.c.claim_a == c.c.id),
                sa.and_(x.c.document_b == c.c.document_id, x.c.claim_b == c.c.id),
            )
        )
        .exists(),
    )
    query = (
        sa.select(
            c.c.document_id,
            d.c.title,
            c.c.id.label("claim_id"),
            sa.func.coalesce(who.c.name, c.c.claimant, c.c.claimant_text).label("claimant"),
            c.c.stance,
            c.c.text,
            c.c.hedges,
            c.c.event.label("event_id"),
            e.c.type.label("event_type"),
            in_contradiction.label("contested"),
        )
        .select_from(
            c.join(d, d.c.id == c.c.document_id)
            .outerjoin(who, sa.and_(who.c.document_id == c.c.document_id, who.c.id == c.c.claimant))
            .outerjoin(e, sa.and_(e.c.document_id == c.c.document_id, e.c.id == c.c.event))
        )
        .order_by(c.c.document_id, c.c.seq)
    )
    return query.limit(limit) if limit is not None else query


def contested_claims_select() -> Select[Any]:
    k, c, d, who = t.contradictions, t.claims, t.documents, _entity_alias("who")
    is_first = c.c.id == k.c.claim_a
    return (
        sa.select(
            k.c.document_id,
            d.c.title,
            c.c.id.label("claim_id"),
            # Claimants that are not entity ids (free text such as "officials") show as written.
            sa.func.coalesce(who.c.name, c.c.claimant).label("claimant"),
            c.c.stance,
            c.c.text,
            sa.case((is_first, k.c.claim_b), else_=k.c.claim_a).label("opposing_claim_id"),
            k.c.reason,
        )
        .select_from(
            k.join(d, d.c.id == k.c.document_id)
            .join(
                c,
                sa.and_(
                    c.c.document_id == k.c.document_id,
                    sa.or_(c.c.id == k.c.claim_a, c.c.id == k.c.claim_b),
                ),
            )
            .outerjoin(who, sa.and_(who.c.document_id == c.c.document_id, who.c.id == c.c.claimant))
        )
        .order_by(k.c.document_id, k.c.seq, sa.case((is_first, 0), else_=1))
    )


__all__ = [
    "ClaimRow",
    "ContestedClaim",
    "DocumentRow",
    "EventQuery",
    "EventRow",
    "StoreSummary",
    "claims_select",
    "contested_claims_select",
    "documents_select",
    "events_select",
]
