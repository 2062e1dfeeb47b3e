"""The store-wide actor registry: one row per real-world actor, whatever article named it.

Which entities are one actor is decided by ``sitroom.corpus.actors`` (shared names, generic
actors per country); this module keeps its keys, actors and members in the database, rewritten
in the write transaction of the articles, so, as for corpus events, the result does not depend
on the order articles arrive in.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Connection

from sitroom.corpus.actors import (
    EntityKey,
    EntityRef,
    aggregate_actor,
    entity_keys,
    fold_name,
    group_entities,
)
from sitroom.store import schema as t
from sitroom.store.engine import lock_derived_state
from sitroom.store.intake import ID_CHUNK, chunked

_REBUILD_CHUNK = 500


@dataclasses.dataclass(frozen=True)
class ActorSummary:
    """One actor across the store: its most used name and every other name it went by."""

    id: str
    name: str
    label: str
    actor_type: str | None
    country: str | None
    aliases: list[str]
    documents: int
    mentions: int


def _write_keys(conn: Connection, keys_of: dict[EntityKey, set[str]]) -> None:
    rows = [
        {"document_id": d, "entity_id": e, "key": key}
        for (d, e), keys in sorted(keys_of.items())
        for key in sorted(keys)
    ]
    for chunk in chunked(rows, ID_CHUNK):
        conn.execute(t.actor_keys.insert(), chunk)


def _mention_count(dialect: str) -> Any:
    """An entity's number of mentions, counted by the database: the registry needs only that
    number, and decoding each stored list in Python to take its length was most of the cost of
    reading entity rows."""
    mentions = t.entities.c.mentions
    if dialect == "postgresql":
        # Kept as text (schema.JSONText); PostgreSQL's JSON functions take a json value.
        return sa.func.json_array_length(sa.cast(mentions, postgresql.JSON))
    return sa.func.json_array_length(mentions)


def _entity_rows(conn: Connection, where: Any) -> dict[EntityKey, Any]:
    e = t.entities
    count = _mention_count(conn.dialect.name).label("mention_count")
    stmt = sa.select(
        e.c.document_id, e.c.id, e.c.name, e.c.label, e.c.actor_type, e.c.country,
        e.c.aliases, count,
    ).where(where)  # fmt: skip
    return {(row.document_id, row.id): row for row in conn.execute(stmt)}


def _entities(conn: Connection, document_ids: Iterable[str]) -> dict[EntityKey, Any]:
    """Every entity row of these documents."""
    found: dict[EntityKey, Any] = {}
    for chunk in chunked(sorted(set(document_ids)), ID_CHUNK):
        found.update(_entity_rows(conn, t.entities.c.document_id.in_(chunk)))
    return found


def _entities_named(conn: Connection, entities: Iterable[EntityKey]) -> dict[EntityKey, Any]:
    """The rows of these entities only (those still stored): an actor that many articles name
    has members in many documents, and reading every entity of each of those documents to
    regroup a few of them made each write cost more as the corpus grew."""
    e = t.entities
    found: dict[EntityKey, Any] = {}
    for chunk in chunked(sorted(set(entities)), ID_CHUNK):
        found.update(_entity_rows(conn, sa.tuple_(e.c.document_id, e.c.id).in_(chunk)))
    return found


def _entity_ref(row: Any) -> EntityRef:
    return EntityRef(
        name=row.name,
        label=row.label,
        actor_type=row.actor_type,
        country=row.country,
        aliases=tuple(row.aliases or ()),
        mentions=row.mention_count,
    )


def _keyed_members() -> Any:
    k, m = t.actor_keys, t.actor_members
    return k.join(m, sa.and_(m.c.document_id == k.c.document_id, m.c.entity_id == k.c.entity_id))


def _actor_ids_for_keys(conn: Connection, keys: set[str]) -> set[str]:
    k, m = t.actor_keys, t.actor_members
    found: set[str] = set()
    for chunk in chunked(sorted(keys), ID_CHUNK):
        stmt = (
            sa.select(m.c.actor_id)
            .select_from(
                k.join(
                    m, sa.and_(m.c.document_id == k.c.document_id, m.c.entity_id == k.c.entity_id)
                )
            )
            .where(k.c.key.in_(chunk))
            .distinct()
        )
        found.update(conn.scalars(stmt))
    return found


def _members_of(conn: Connection, actor_ids: set[str]) -> set[EntityKey]:
    m = t.actor_members
    found: set[EntityKey] = set()
    for chunk in chunked(sorted(actor_ids), ID_CHUNK):
        stmt = sa.select(m.c.document_id, m.c.entity_id).where(m.c.actor_id.in_(chunk))
        found.update((row.document_id, row.entity_id) for row in conn.execute(stmt))
    return found


def _delete_actors(conn: Connection, actor_ids: set[str]) -> None:
    for chunk in chunked(sorted(actor_ids), ID_CHUNK):
        conn.execute(t.actors.delete().where(t.actors.c.id.in_(chunk)))
        conn.execute(t.actor_members.delete().where(t.actor_members.c.actor_id.in_(chunk)))


def _regroup(
    conn: Connection,
    entities: set[EntityKey],
    keys_of: dict[EntityKey, set[str]],
    read: dict[EntityKey, Any] | None = None,
) -> None:
    """Group these entities into actors and store them; ``read`` holds entity rows the caller
    has already read, which are not read again."""
    rows = {e: row for e, row in (read or {}).items() if e in entities}
    rows.update(_entities_named(conn, entities - rows.keys()))
    missing = {e for e in entities if e not in keys_of and e in rows}
    if missing:
        k = t.actor_keys
        for chunk in chunked(sorted({d for d, _ in missing}), ID_CHUNK):
            stmt = sa.select(k.c.document_id, k.c.entity_id, k.c.key).where(
                k.c.document_id.in_(chunk)
            )
            for row in conn.execute(stmt):
                entity = (row.document_id, row.entity_id)
                if entity in missing:
                    keys_of.setdefault(entity, set()).add(row.key)
    wanted = {e: keys_of.get(e, set()) for e in entities if e in rows}
    refs = {e: _entity_ref(rows[e]) for e in wanted}
    new_actors: list[dict[str, Any]] = []
    new_members: list[dict[str, Any]] = []
    for group in group_entities(wanted):
        record = aggregate_actor(group, refs)
        new_actors.append({**dataclasses.asdict(record), "aliases": list(record.aliases)})
        new_members += [{"document_id": d, "entity_id": e, "actor_id": record.id} for d, e in group]
    for batch in chunked(new_actors, ID_CHUNK):
        conn.execute(t.actors.insert(), batch)
    for batch in chunked(new_members, ID_CHUNK):
        conn.execute(t.actor_members.insert(), batch)


def register_documents(conn: Connection, document_ids: Sequence[str]) -> None:
    """Link the entities of newly stored documents into the registry."""
    lock_derived_state(conn)
    rows = _entities(conn, document_ids)
    if not rows:
        return
    keys_of = {e: entity_keys(r.name, r.label, r.aliases or [], r.country) for e, r in rows.items()}
    all_keys = set().union(*keys_of.values())
    touched = _actor_ids_for_keys(conn, all_keys)
    _write_keys(conn, keys_of)
    members = set(rows) | _members_of(conn, touched)
    _delete_actors(conn, touched)
    _regroup(conn, members, keys_of, rows)


def forget_documents(conn: Connection, document_ids: Sequence[str]) -> None:
    """Before deleting documents: drop their entities from the registry, regroup the rest."""
    lock_derived_state(conn)
    m = t.actor_members
    ids = sorted(set(document_ids))
    touched: set[str] = set()
    for chunk in chunked(ids, ID_CHUNK):
        touched.update(conn.scalars(sa.select(m.c.actor_id).where(m.c.document_id.in_(chunk))))
    remaining = {e for e in _members_of(conn, touched) if e[0] not in set(ids)}
    _delete_actors(conn, touched)
    for chunk in chunked(ids, ID_CHUNK):
        conn.execute(t.actor_keys.delete().where(t.actor_keys.c.document_id.in_(chunk)))
    if remaining:
        _regroup(conn, remaining, {})


def rebuild_registry(conn: Connection) -> int:
    lock_derived_state(conn)
    for table in (t.actor_members, t.actors, t.actor_keys):
        conn.execute(table.delete())
    ids = list(conn.scalars(sa.select(t.documents.c.id).order_by(t.documents.c.id)))
    keys_of: dict[EntityKey, set[str]] = {}
    rows: dict[EntityKey, Any] = {}
    for chunk in chunked(ids, _REBUILD_CHUNK):
        rows.update(_entities(conn, chunk))
    for entity, row in rows.items():
        keys_of[entity] = entity_keys(row.name, row.label, row.aliases or [], row.country)
    _write_keys(conn, keys_of)
    if keys_of:
        _regroup(conn, set(keys_of), keys_of, rows)
    return int(conn.scalar(sa.select(sa.func.count()).select_from(t.actors)) or 0)


def actors_select(q: str | None, limit: int) -> sa.Select[Any]:
    a = t.actors
    stmt = sa.select(a)
    if q is not None and q.strip():
        needle = fold_name(q)
        k, m = t.actor_keys, t.actor_members
        named = (
            sa.select(m.c.actor_id)
            .select_from(
                k.join(
                    m, sa.and_(m.c.document_id == k.c.document_id, m.c.entity_id == k.c.entity_id)
                )
            )
            .where(k.c.key.contains(needle, autoescape=True))
        )
        stmt = stmt.where(
            sa.or_(sa.func.lower(a.c.name).contains(needle, autoescape=True), a.c.id.in_(named))
        )
    return stmt.order_by(a.c.documents.desc(), a.c.mentions.desc(), a.c.id).limit(limit)


def actor_rows(conn: Connection, stmt: sa.Select[Any]) -> list[ActorSummary]:
    return [ActorSummary(**row._mapping) for row in conn.execute(stmt)]


__all__ = [
    "ActorSummary",
    "actor_rows",
    "actors_select",
    "forget_documents",
    "rebuild_registry",
    "register_documents",
]
