"""The store-wide actor registry: one row per real-world actor, whatever article named it.

Each document's entities (already one per actor within the document, with their aliases) are
linked across documents when they share a name: a person by a full name of two words or more
(a bare surname is too ambiguous across articles), a group by any of its names, acronyms
included. Actors are the connected groups, rewritten in the write transaction of the articles,
so, as for corpus events, the result does not depend on the order articles arrive in.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.resources import load_data
from sitroom.store import schema as t
from sitroom.store.intake import ID_CHUNK, chunked
from sitroom.store.merge import components

EntityKey = tuple[str, str]  # (document id, entity id)
_REBUILD_CHUNK = 500
_MAX_ALIASES = 40


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


def _fold(text: str) -> str:
    words = text.casefold().replace("’", "'").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@functools.cache
def _generic_names() -> frozenset[str]:
    return frozenset(_fold(str(word)) for word in load_data("roles.yaml")["generic_actors"])


def entity_keys(
    name: str, label: str, aliases: Iterable[str], country: str | None = None
) -> set[str]:
    """The registry keys an entity is known by.

    Generic actors ("the army", "rebels", "civilians") are one actor per country, and none
    without a country: the army of one article is not the army of another country's.
    """
    person = label == "PERSON"
    kind = "person" if person else "group"
    keys = set()
    for value in (name, *aliases):
        folded = _fold(value)
        if not folded or (person and len(folded.split()) < 2):
            continue
        if folded in _generic_names():
            if country:
                keys.add(f"{kind}:{folded}@{country.upper()}")
            continue
        keys.add(f"{kind}:{folded}")
    return keys


def actor_id(members: Sequence[EntityKey]) -> str:
    document_id, entity_id = min(members)
    return "ac" + hashlib.sha256(f"{document_id}/{entity_id}".encode()).hexdigest()[:16]


def _groups(keys_of: dict[EntityKey, set[str]]) -> list[list[EntityKey]]:
    """Entities connected by shared keys: each is linked to the first entity with its key."""
    owner: dict[str, EntityKey] = {}
    links = []
    for entity in sorted(keys_of):
        for key in sorted(keys_of[entity]):
            links.append((owner.setdefault(key, entity), entity))
    return components(keys_of, links)


def _write_keys(conn: Connection, keys_of: dict[EntityKey, set[str]]) -> None:
    rows = [
        {"document_id": d, "entity_id": e, "key": key}
        for (d, e), keys in sorted(keys_of.items())
        for key in sorted(keys)
    ]
    for chunk in chunked(rows, ID_CHUNK):
        conn.execute(t.actor_keys.insert(), chunk)


def _entities(conn: Connection, document_ids: Iterable[str]) -> dict[EntityKey, Any]:
    e = t.entities
    found: dict[EntityKey, Any] = {}
    for chunk in chunked(sorted(set(document_ids)), ID_CHUNK):
        stmt = sa.select(
            e.c.document_id, e.c.id, e.c.name, e.c.label, e.c.actor_type, e.c.country,
            e.c.aliases, e.c.mentions,
        ).where(e.c.document_id.in_(chunk))  # fmt: skip
        found.update({(row.document_id, row.id): row for row in conn.execute(stmt)})
    return found


def _most_common(values: Iterable[Any]) -> Any:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    # Most used; then the longest (fullest) form; then alphabetical, so ties are stable.
    return min(counts, key=lambda v: (-counts[v], -len(str(v)), str(v)))


def _aggregate(members: list[EntityKey], rows: dict[EntityKey, Any]) -> dict[str, Any]:
    found = [rows[m] for m in members]
    # Falls back to the first entity's value: a name or label may be empty, never missing.
    name = _most_common(row.name for row in found) or found[0].name
    names = {n for row in found for n in (row.name, *(row.aliases or []))}
    aliases = sorted(names - {name}, key=lambda n: (n.casefold(), n))[:_MAX_ALIASES]
    return {
        "id": actor_id(members),
        "name": name,
        "label": _most_common(row.label for row in found) or found[0].label,
        "actor_type": _most_common(row.actor_type for row in found),
        "country": _most_common(row.country for row in found),
        "aliases": aliases,
        "documents": len({m[0] for m in members}),
        "mentions": sum(len(row.mentions or []) for row in found),
    }


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
    conn: Connection, entities: set[EntityKey], keys_of: dict[EntityKey, set[str]]
) -> None:
    rows = _entities(conn, {d for d, _ in entities})
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
    new_actors: list[dict[str, Any]] = []
    new_members: list[dict[str, Any]] = []
    for group in _groups(wanted):
        record = _aggregate(group, rows)
        new_actors.append(record)
        new_members += [
            {"document_id": d, "entity_id": e, "actor_id": record["id"]} for d, e in group
        ]
    for batch in chunked(new_actors, ID_CHUNK):
        conn.execute(t.actors.insert(), batch)
    for batch in chunked(new_members, ID_CHUNK):
        conn.execute(t.actor_members.insert(), batch)


def register_documents(conn: Connection, document_ids: Sequence[str]) -> None:
    """Link the entities of newly stored documents into the registry."""
    rows = _entities(conn, document_ids)
    if not rows:
        return
    keys_of = {e: entity_keys(r.name, r.label, r.aliases or [], r.country) for e, r in rows.items()}
    all_keys = set().union(*keys_of.values())
    touched = _actor_ids_for_keys(conn, all_keys)
    _write_keys(conn, keys_of)
    members = set(rows) | _members_of(conn, touched)
    _delete_actors(conn, touched)
    _regroup(conn, members, keys_of)


def forget_documents(conn: Connection, document_ids: Sequence[str]) -> None:
    """Before deleting documents: drop their entities from the registry, regroup the rest."""
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
    for table in (t.actor_members, t.actors, t.actor_keys):
        conn.execute(table.delete())
    ids = list(conn.scalars(sa.select(t.documents.c.id).order_by(t.documents.c.id)))
    keys_of: dict[EntityKey, set[str]] = {}
    for chunk in chunked(ids, _REBUILD_CHUNK):
        for entity, row in _entities(conn, chunk).items():
            keys_of[entity] = entity_keys(row.name, row.label, row.aliases or [], row.country)
    _write_keys(conn, keys_of)
    if keys_of:
        _regroup(conn, set(keys_of), keys_of)
    return int(conn.scalar(sa.select(sa.func.count()).select_from(t.actors)) or 0)


def actors_select(q: str | None, limit: int) -> sa.Select[Any]:
    a = t.actors
    stmt = sa.select(a)
    if q is not None and q.strip():
        needle = _fold(q)
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
    "actor_id",
    "actor_rows",
    "actors_select",
    "entity_keys",
    "forget_documents",
    "rebuild_registry",
    "register_documents",
]
