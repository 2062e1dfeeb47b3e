"""Reading and writing the state of ``sitroom watch``: sources, their leases, fired alerts, and
the change feed the dashboard's live stream reads.

Everything here is a short transaction of its own. A source is taken with one conditional
``UPDATE`` (free, lease expired, or already ours): PostgreSQL's row lock makes a second watcher's
``UPDATE`` wait for the first and then find the lease taken; SQLite's write lock serialises the
two. So two watchers never poll one source at once, on either back end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from sitroom.store import schema as t
from sitroom.store.corpus_query import CorpusEventRow, corpus_row
from sitroom.store.engine import run_write
from sitroom.store.intake import upsert_stmt
from sitroom.store.store import Store
from sitroom.store.watch_tables import watch_alerts, watch_sources

T = TypeVar("T")

# Key of the PostgreSQL advisory lock taken while deciding whether an alert fires ("alerts").
_ALERT_LOCK = 0x616C_6572_7473


def utcnow() -> dt.datetime:
    """Naive UTC, the store's convention for timestamps."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


@dataclasses.dataclass(frozen=True)
class SourceConfig:
    """What the user configured for one source."""

    url: str
    interval_seconds: float
    publisher: str | None = None
    language: str | None = None
    license: str | None = None


@dataclasses.dataclass(frozen=True)
class SourceState:
    """One watched source with its polling state, as stored."""

    url: str
    publisher: str | None
    language: str | None
    license: str | None
    interval_seconds: float
    etag: str | None
    last_modified: str | None
    next_due: dt.datetime
    last_checked: dt.datetime | None
    last_success: dt.datetime | None
    last_status: int | None
    failures: int
    errors: int
    last_error: str | None
    items_stored: int
    lease_owner: str | None
    lease_until: dt.datetime | None


@dataclasses.dataclass(frozen=True)
class PollResult:
    """How one poll of a source ended, written back when the watcher lets the source go."""

    next_due: dt.datetime
    status: int | None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    new_items: int = 0
    # Validators are kept from the previous poll unless the server sent new ones.
    keep_validators: bool = True


@dataclasses.dataclass(frozen=True)
class AlertRecord:
    """An alert as stored: ``payload`` is what the deliveries sent."""

    id: int
    rule: str
    subject: str
    reason: str
    payload: dict[str, Any]
    fired_at: dt.datetime


@dataclasses.dataclass(frozen=True)
class DocumentCursor:
    """Where the change feed stands: the last document seen, by ingestion time then id."""

    ingested_at: dt.datetime
    document_id: str


class WatchState:
    """The watch tables of one ``Store`` (migrated by ``Store.migrate``, as every table)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    # -- sources ---------------------------------------------------------------------------

    def register(self, configs: Sequence[SourceConfig], *, now: dt.datetime | None = None) -> None:
        """Add new sources (due at once) and update the configuration of known ones; polling
        state is kept, so re-running ``watch`` with the same sources resumes."""
        now = now or utcnow()
        s = watch_sources

        config_columns = ("publisher", "language", "license", "interval_seconds")
        fresh = {"failures": 0, "errors": 0, "items_stored": 0, "next_due": now}
        # By URL, the last configuration of a source given twice winning: PostgreSQL refuses
        # an upsert that touches one row twice.
        by_url = {
            c.url: {"url": c.url, **fresh, **{name: getattr(c, name) for name in config_columns}}
            for c in configs
        }
        rows = list(by_url.values())

        def work(conn: Connection) -> None:
            # One upsert, not read-then-insert: two watchers started together with the same
            # sources both find them new, and the second INSERT would break the primary key.
            if rows:
                conn.execute(upsert_stmt(conn.dialect.name, s, config_columns), rows)

        self._write(work)

    def sources(self) -> list[SourceState]:
        with self.store._reading() as conn:
            rows = conn.execute(sa.select(watch_sources).order_by(watch_sources.c.url))
            return [SourceState(**row._mapping) for row in rows]

    def due(self, urls: Sequence[str] | None = None, *, now: dt.datetime | None = None) -> int:
        """How many sources (of ``urls``, default all) are due now."""
        now = now or utcnow()
        s = watch_sources
        stmt = sa.select(sa.func.count()).select_from(s).where(s.c.next_due <= now)
        if urls is not None:
            stmt = stmt.where(s.c.url.in_(urls))
        with self.store._reading() as conn:
            return int(conn.scalar(stmt) or 0)

    def next_due(self, urls: Sequence[str]) -> dt.datetime | None:
        s = watch_sources
        stmt = sa.select(sa.func.min(s.c.next_due)).where(s.c.url.in_(urls))
        with self.store._reading() as conn:
            value = conn.scalar(stmt)
            return value if isinstance(value, dt.datetime) else None

    def claim(
        self,
        url: str,
        owner: str,
        lease: dt.timedelta,
        *,
        now: dt.datetime | None = None,
        due_only: bool = True,
    ) -> SourceState | None:
        """Take ``url`` for ``owner`` when it is due and no other watcher holds a live lease;
        the source as it stands, or None when it is not ours to poll now."""
        now = now or utcnow()
        s = watch_sources
        free = sa.or_(s.c.lease_owner.is_(None), s.c.lease_until < now, s.c.lease_owner == owner)
        condition = sa.and_(s.c.url == url, free)
        if due_only:
            condition = sa.and_(condition, s.c.next_due <= now)

        def work(conn: Connection) -> SourceState | None:
            taken = conn.execute(
                s.update().where(condition).values(lease_owner=owner, lease_until=now + lease)
            ).rowcount
            if taken != 1:
                return None
            row = conn.execute(sa.select(s).where(s.c.url == url)).one()
            return SourceState(**row._mapping)

        return self._write(work)

    def release(
        self, url: str, owner: str, result: PollResult, *, now: dt.datetime | None = None
    ) -> None:
        """Record how the poll ended and give the lease up."""
        now = now or utcnow()
        s = watch_sources
        values: dict[str, Any] = {
            "lease_owner": None,
            "lease_until": None,
            "next_due": result.next_due,
            "last_checked": now,
            "last_status": result.status,
            "items_stored": s.c.items_stored + result.new_items,
        }
        if result.error is None:
            values.update(failures=0, last_success=now, last_error=None)
            if not result.keep_validators or result.etag is not None:
                values["etag"] = result.etag
            if not result.keep_validators or result.last_modified is not None:
                values["last_modified"] = result.last_modified
        else:
            values.update(failures=s.c.failures + 1, errors=s.c.errors + 1, last_error=result.error)

        def work(conn: Connection) -> None:
            conn.execute(
                s.update().where(s.c.url == url, s.c.lease_owner == owner).values(**values)
            )

        self._write(work)

    # -- alerts ------------------------------------------------------------------------------

    def fire(
        self,
        rule: str,
        subject: str,
        fingerprint: dict[str, Any],
        decide: Callable[[dict[str, Any] | None, dict[str, Any]], str | None],
        payload: Callable[[str], dict[str, Any]],
        *,
        now: dt.datetime | None = None,
    ) -> AlertRecord | None:
        """Store an alert for ``rule`` on ``subject`` when ``decide(previous fingerprint, this
        one)`` gives a reason; None when it does not (nothing new since the last time).

        Deciding and storing are one transaction under a lock, so two watchers that both see a
        change fire it once."""
        now = now or utcnow()
        a = watch_alerts

        def work(conn: Connection) -> AlertRecord | None:
            if conn.dialect.name == "postgresql":
                conn.execute(sa.select(sa.func.pg_advisory_xact_lock(_ALERT_LOCK)))
            previous = conn.scalar(
                sa.select(a.c.fingerprint)
                .where(a.c.rule == rule, a.c.subject == subject)
                .order_by(a.c.id.desc())
                .limit(1)
            )
            reason = decide(previous, fingerprint)
            if reason is None:
                return None
            body = payload(reason)
            new_id = conn.execute(
                a.insert().values(
                    rule=rule,
                    subject=subject,
                    fingerprint=fingerprint,
                    reason=reason,
                    payload=body,
                    fired_at=now,
                )
            ).inserted_primary_key
            assert new_id is not None
            return AlertRecord(int(new_id[0]), rule, subject, reason, body, now)

        return self._write(work)

    def alerts(
        self, *, after: int = 0, limit: int = 100, newest: bool = False
    ) -> list[AlertRecord]:
        """Alerts with an id above ``after``, oldest first (``newest``: the latest ``limit``)."""
        a = watch_alerts
        stmt = sa.select(a).where(a.c.id > after)
        stmt = stmt.order_by(a.c.id.desc() if newest else a.c.id).limit(limit)
        with self.store._reading() as conn:
            rows = [
                AlertRecord(r.id, r.rule, r.subject, r.reason, r.payload, r.fired_at)
                for r in conn.execute(stmt)
            ]
        return sorted(rows, key=lambda r: r.id)

    def last_alert_id(self) -> int:
        with self.store._reading() as conn:
            return int(conn.scalar(sa.select(sa.func.max(watch_alerts.c.id))) or 0)

    # -- change feed -------------------------------------------------------------------------

    def latest_document(self) -> DocumentCursor | None:
        d = t.documents
        stmt = sa.select(d.c.ingested_at, d.c.id).order_by(d.c.ingested_at.desc(), d.c.id.desc())
        with self.store._reading() as conn:
            row = conn.execute(stmt.limit(1)).first()
        return None if row is None else DocumentCursor(row.ingested_at, row.id)

    def documents_since(self, since: dt.datetime, *, limit: int = 500) -> list[DocumentCursor]:
        """Documents stored at or after ``since``, oldest first."""
        d = t.documents
        stmt = (
            sa.select(d.c.ingested_at, d.c.id)
            .where(d.c.ingested_at >= since)
            .order_by(d.c.ingested_at, d.c.id)
            .limit(limit)
        )
        with self.store._reading() as conn:
            return [DocumentCursor(row.ingested_at, row.id) for row in conn.execute(stmt)]

    def corpus_events_of(self, document_ids: Sequence[str]) -> list[CorpusEventRow]:
        """The corpus events that the events of these documents belong to now."""
        if not document_ids:
            return []
        m, c = t.corpus_event_members, t.corpus_events
        ids = sa.select(m.c.corpus_event_id).where(m.c.document_id.in_(list(document_ids)))
        stmt = sa.select(c).where(c.c.id.in_(ids)).order_by(c.c.id)
        with self.store._reading() as conn:
            return [corpus_row(row) for row in conn.execute(stmt)]

    def contradictions_of(self, document_ids: Sequence[str]) -> list[ContradictionPair]:
        """Contradictions, within one of these documents or across documents involving one,
        with both claimants."""
        if not document_ids:
            return []
        with self.store._reading() as conn:
            return _contradictions(conn, list(document_ids))

    def _write(self, work: Callable[[Connection], T]) -> T:
        return _write(self.store, work)


@dataclasses.dataclass(frozen=True)
class ContradictionPair:
    """Two claims at odds: the claim asserting and the one denying, with their claimants."""

    key: str
    document_a: str
    claim_a: str
    claimant_a: str | None
    document_b: str
    claim_b: str
    claimant_b: str | None
    reason: str


def _contradictions(conn: Connection, document_ids: list[str]) -> list[ContradictionPair]:
    c, x, cl, e = t.contradictions, t.cross_contradictions, t.claims, t.entities
    claimant = {}
    rows = conn.execute(
        sa.select(cl.c.document_id, cl.c.id, e.c.name)
        .select_from(
            cl.outerjoin(e, sa.and_(e.c.document_id == cl.c.document_id, e.c.id == cl.c.claimant))
        )
        .where(cl.c.document_id.in_(document_ids))
    )
    for row in rows:
        claimant[(row.document_id, row.id)] = row.name
    found: list[ContradictionPair] = []
    for row in conn.execute(sa.select(c).where(c.c.document_id.in_(document_ids))):
        a, b = row.claim_a, row.claim_b
        found.append(
            ContradictionPair(
                f"{row.document_id}:{a}:{b}",
                row.document_id,
                a,
                claimant.get((row.document_id, a)),
                row.document_id,
                b,
                claimant.get((row.document_id, b)),
                row.reason,
            )
        )
    cross = sa.select(x).where(
        sa.or_(x.c.document_a.in_(document_ids), x.c.document_b.in_(document_ids))
    )
    for row in conn.execute(cross):
        names = _claimant_names(
            conn, [(row.document_a, row.claim_a), (row.document_b, row.claim_b)]
        )
        found.append(
            ContradictionPair(
                f"{row.document_a}:{row.claim_a}:{row.document_b}:{row.claim_b}",
                row.document_a,
                row.claim_a,
                names[0],
                row.document_b,
                row.claim_b,
                names[1],
                row.reason,
            )
        )
    return found


def _claimant_names(conn: Connection, keys: list[tuple[str, str]]) -> list[str | None]:
    cl, e = t.claims, t.entities
    out: list[str | None] = []
    for document_id, claim_id in keys:
        name = conn.scalar(
            sa.select(e.c.name)
            .select_from(
                cl.join(e, sa.and_(e.c.document_id == cl.c.document_id, e.c.id == cl.c.claimant))
            )
            .where(cl.c.document_id == document_id, cl.c.id == claim_id)
        )
        out.append(name)
    return out


def _write(store: Store, work: Callable[[Connection], T]) -> T:
    """``work`` in a write transaction on the store's engine, its database errors as
    ``StoreError``; run again from the start when PostgreSQL aborts it for a deadlock or a
    serialization failure (engine.run_write), as every other writer of the store is."""
    store._ensure_schema()
    with store._translate("write"):
        return run_write(store._connection, work)


__all__ = [
    "AlertRecord",
    "ContradictionPair",
    "DocumentCursor",
    "PollResult",
    "SourceConfig",
    "SourceState",
    "WatchState",
    "utcnow",
]
