"""Versioned, named schema migrations, recorded in ``schema_migrations``.

To change the schema, edit ``schema.py`` and append a ``Migration`` whose ``upgrade`` turns the
previous version into the new one using portable Core constructs (``sa.DDL`` only when it is
valid on both SQLite and PostgreSQL).

Baseline rule: migration 1 creates the *current* schema from ``schema.metadata``. A fresh database
therefore runs migration 1 and records every later version without running it, since their
changes are already in the metadata; only migrations marked ``seeds_data`` also run there. A
database that already has version N gets N+1, N+2, ... applied in order. This keeps migration 1
free of frozen copies of old table definitions. Objects that portable Core cannot describe (the
full-text search of ``search.py``) are made by ``search.create_search``, which migration 1 calls
after ``create_all`` and which the migration that introduced them calls again. The views of
``views.py`` come last (migration 9, which runs on fresh databases too), because a view pins
the columns it reads: a later migration that alters one must drop the views first
(``views.drop_views``) and create them again after.

The same migrations run on SQLite and PostgreSQL. On PostgreSQL each step first takes a
transaction-level advisory lock, the counterpart of SQLite's write lock, so that concurrent
callers still apply every migration once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Sequence

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import CreateColumn

from sitroom.errors import StoreError
from sitroom.store.corpus import rebuild
from sitroom.store.engine import begin_write, reason
from sitroom.store.registry import rebuild_registry
from sitroom.store.schema import (
    add_actor_tables,
    add_corpus_tables,
    claim_counts,
    claims,
    metadata,
    schema_migrations,
)
from sitroom.store.search import create_search
from sitroom.store.views import create_views, drop_views
from sitroom.store.watch_tables import add_watch_tables

# Key of the PostgreSQL advisory lock that serialises migrations ("sitroom" in ASCII).
_MIGRATION_LOCK = 0x73697472_6F6F6D


@dataclasses.dataclass(frozen=True)
class Migration:
    version: int
    name: str
    upgrade: Callable[[Connection], None]
    # True for migrations that write rows (reference data) or make objects the metadata does
    # not describe (views) rather than change the shape: those must run on fresh databases too.
    seeds_data: bool = False


def _create_schema(connection: Connection) -> None:
    metadata.create_all(connection, checkfirst=True)
    create_search(connection)


def _create_intake_tables(connection: Connection) -> None:
    """Version 2: the intake tables, frozen as they were at version 2.

    These are copies, not ``schema.py``'s tables, so that a later migration altering one of them
    still finds the version-2 shape here. ``checkfirst`` makes this a no-op on a database whose
    migration 1 already created them (one made by ``migrate(engine, MIGRATIONS[:1])``).
    """
    v2 = sa.MetaData(naming_convention=metadata.naming_convention)
    # Referenced by the foreign keys only; it exists already and is not created here.
    sa.Table("documents", v2, sa.Column("id", sa.Text, primary_key=True))

    def document_ref(name: str = "document_id") -> sa.Column[str]:
        return sa.Column(
            name,
            sa.Text,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        )

    tables = [
        sa.Table(
            "inputs",
            v2,
            sa.Column("source", sa.Text, primary_key=True),
            sa.Column("origin", sa.Text),
            sa.Column("status", sa.String(16), nullable=False),
            sa.Column("document_id", sa.Text),
            sa.Column("code", sa.Text),
            sa.Column("reason", sa.Text),
            sa.Column("published_from", sa.Text),
            sa.Column("author", sa.Text),
            sa.Column("language", sa.Text),
            sa.Column("updated_at", sa.DateTime, nullable=False),
            sa.Index(None, "document_id"),
            sa.Index(None, "status"),
            sa.Index(None, "updated_at"),
        ),
        sa.Table(
            "doc_signatures",
            v2,
            document_ref(),
            sa.Column("signature", sa.LargeBinary, nullable=False),
        ),
        sa.Table(
            "doc_bands",
            v2,
            document_ref(),
            sa.Column("band", sa.Integer, primary_key=True, autoincrement=False),
            sa.Column("key", sa.BigInteger, nullable=False),
            sa.Index(None, "band", "key"),
        ),
        sa.Table(
            "near_duplicates",
            v2,
            document_ref(),
            document_ref("duplicate_of"),
            sa.Column("similarity", sa.Double, nullable=False),
            sa.Index(None, "duplicate_of"),
        ),
    ]
    v2.create_all(connection, tables=tables, checkfirst=True)


def _add_text_search(connection: Connection) -> None:
    """Version 3: full-text search over documents and quotes, filled from the rows stored."""
    create_search(connection, rebuild=True)


def _add_cross_contradictions(connection: Connection) -> None:
    """Version 4: contradictions between claims of different documents."""
    v4 = sa.MetaData(naming_convention=metadata.naming_convention)
    sa.Table("documents", v4, sa.Column("id", sa.Text, primary_key=True))

    def document_ref(name: str) -> sa.Column[str]:
        return sa.Column(
            name, sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        )

    table = sa.Table(
        "cross_contradictions",
        v4,
        document_ref("document_a"),
        sa.Column("claim_a", sa.Text, primary_key=True),
        document_ref("document_b"),
        sa.Column("claim_b", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Index(None, "document_b"),
    )
    v4.create_all(connection, tables=[table], checkfirst=True)


def _add_corpus_events(connection: Connection) -> None:
    """Version 5: events merged across articles, built from the events already stored."""
    v5 = sa.MetaData(naming_convention=metadata.naming_convention)
    sa.Table("documents", v5, sa.Column("id", sa.Text, primary_key=True))
    tables = add_corpus_tables(v5)
    v5.create_all(connection, tables=list(tables), checkfirst=True)
    rebuild(connection)


def _add_actor_registry(connection: Connection) -> None:
    """Version 6: the store-wide actor registry, built from the entities already stored."""
    v6 = sa.MetaData(naming_convention=metadata.naming_convention)
    sa.Table("documents", v6, sa.Column("id", sa.Text, primary_key=True))
    tables = add_actor_tables(v6)
    v6.create_all(connection, tables=list(tables), checkfirst=True)
    rebuild_registry(connection)


def _add_place_basis(connection: Connection) -> None:
    """Version 7: how each event's place was found (argument, sentence, document focus).

    Events stored before it keep NULL: unknown, as they were found by argument or sentence."""
    columns = {c["name"] for c in sa.inspect(connection).get_columns("events")}
    if "place_basis" not in columns:  # a database whose migration 1 already had it
        connection.execute(sa.text("ALTER TABLE events ADD COLUMN place_basis VARCHAR(16)"))


def _add_durations_and_inferred(connection: Connection) -> None:
    """Version 8: durations ("three weeks of fighting"), which event fields were inferred from
    the article, and an event's further parties. Events stored before it keep NULL: nothing
    inferred, no further parties."""
    columns = {c["name"] for c in sa.inspect(connection).get_columns("events")}
    if "inferred" not in columns:  # a database whose migration 1 already had it
        connection.execute(sa.text("ALTER TABLE events ADD COLUMN inferred VARCHAR(32)"))
    for name in ("co_actors1", "co_actors2"):
        if name not in columns:
            connection.execute(sa.text(f"ALTER TABLE events ADD COLUMN {name} TEXT"))
    v8 = sa.MetaData(naming_convention=metadata.naming_convention)
    sa.Table("documents", v8, sa.Column("id", sa.Text, primary_key=True))
    table = sa.Table(
        "durations",
        v8,
        sa.Column(
            "document_id",
            sa.Text,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("value", sa.String(16), nullable=False),
        sa.Column("amount", sa.Double),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("qualifier", sa.String(16), nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("span_start", sa.Integer, nullable=False),
        sa.Column("span_end", sa.Integer, nullable=False),
    )
    v8.create_all(connection, tables=[table], checkfirst=True)


def _add_watch_tables(connection: Connection) -> None:
    """Version 10: the polling state of watched sources and the alerts that fired."""
    v9 = sa.MetaData(naming_convention=metadata.naming_convention)
    v9.create_all(connection, tables=list(add_watch_tables(v9)), checkfirst=True)


def _add_claim_propositions(connection: Connection) -> None:
    """Version 11: a claim's claimant mention, side, proposition and reporting claim, and the
    proposition and sides of a contradiction. Claims stored before it keep NULL: no proposition,
    so they take part in no proposition-based contradiction."""
    added = {
        "claims": (
            ("claimant_text", "TEXT"),
            ("claimant_start", "INTEGER"),
            ("claimant_end", "INTEGER"),
            ("side", "TEXT"),
            ("embedded_in", "TEXT"),
            ("proposition", "TEXT"),
            ("proposition_key", "TEXT"),
        ),
        "contradictions": (("proposition", "TEXT"), ("side_a", "TEXT"), ("side_b", "TEXT")),
    }
    for table, columns in added.items():
        present = {c["name"] for c in sa.inspect(connection).get_columns(table)}
        for name, kind in columns:
            if name not in present:  # a database whose migration 1 already had it
                connection.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {name} {kind}"))
    indexes = {i["name"] for i in sa.inspect(connection).get_indexes("claims")}
    index = next(i for i in claims.indexes if "proposition_key" in i.columns)
    if index.name not in indexes:
        index.create(connection)


def _add_periods(connection: Connection) -> None:
    """Version 12: background events and their happenings ("in 2006 …", kept out of default
    lists, maps and totals) and the period of a figure (current, cumulative, historical).

    Rows stored before it read as they were shown: news, and current figures. The views read
    the events' columns, so they are made again with the new one."""
    drop_views(connection)
    for table, name in (
        ("events", "background"),
        ("corpus_events", "background"),
        ("figures", "period"),
    ):
        columns = {c["name"] for c in sa.inspect(connection).get_columns(table)}
        if name not in columns:  # a database whose migration 1 already had it
            # Compiled from the column itself, so the default reads as a fresh database's
            # ("0" on SQLite, "false" on PostgreSQL).
            column = CreateColumn(metadata.tables[table].c[name]).compile(
                dialect=connection.dialect
            )
            connection.execute(sa.text(f"ALTER TABLE {table} ADD COLUMN {column}"))
    create_views(connection)


def _add_store_revision(connection: Connection) -> None:
    """Version 13: the store revision that every write bumps (``schema.store_revision``).

    Runs on fresh databases too: migration 1 makes the table, this its one row."""
    v13 = sa.MetaData(naming_convention=metadata.naming_convention)
    table = sa.Table(
        "store_revision",
        v13,
        sa.Column("id", sa.SmallInteger, primary_key=True, autoincrement=False),
        sa.Column("revision", sa.BigInteger, nullable=False),
    )
    table.create(connection, checkfirst=True)
    if connection.scalar(sa.select(table.c.id).where(table.c.id == 1)) is None:
        connection.execute(table.insert().values(id=1, revision=0))


def _index_quotes_per_document(connection: Connection) -> None:
    """Version 14: SQLite indexes the quotes the store writes once per article
    (``search.deferred_quote_index``), not once per quote; the trigger learns to wait."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("DROP TRIGGER IF EXISTS quotes_search_insert")
        create_search(connection)


def _add_list_indexes(connection: Connection) -> None:
    """Version 15: indexes for the API's list queries (events by quad class and date range,
    the event list's order on PostgreSQL, corpus events by date range, documents in ingestion
    order), checked by tests/unit/store/test_store_query_plans.py."""
    v15 = sa.MetaData(naming_convention=metadata.naming_convention)
    documents = sa.Table(
        "documents", v15, sa.Column("id", sa.Text), sa.Column("ingested_at", sa.DateTime)
    )
    events = sa.Table(
        "events",
        v15,
        sa.Column("quad", sa.String(24)),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
    )
    corpus = sa.Table(
        "corpus_events", v15, sa.Column("date_start", sa.Date), sa.Column("date_end", sa.Date)
    )
    indexes = [
        sa.Index(None, documents.c.ingested_at, documents.c.id),
        sa.Index(None, events.c.quad),
    ]
    for table, name in ((events, "events"), (corpus, "corpus_events")):
        start, end = table.c.date_start, table.c.date_end
        indexes.append(sa.Index(f"ix_{name}_first_day", sa.func.coalesce(start, end)))
        indexes.append(sa.Index(f"ix_{name}_last_day", sa.func.coalesce(end, start)))
    for index in indexes:
        # IF NOT EXISTS rather than checkfirst, which cannot reflect an expression index.
        connection.execute(sa.schema.CreateIndex(index, if_not_exists=True))
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_events_listing "
            "ON events (date_start DESC NULLS LAST, document_id, id) WHERE background IS FALSE"
        )


def _add_corpus_list_indexes(connection: Connection) -> None:
    """Version 16: the corpus-event list's order on PostgreSQL and its ``min_sources`` filter;
    events by quad class in date order (replacing the index on quad alone). Checked by
    tests/unit/store/test_store_query_plans.py."""
    connection.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_corpus_events_sources ON corpus_events (sources)"
    )
    connection.exec_driver_sql(
        "CREATE INDEX IF NOT EXISTS ix_events_quad_date_start ON events (quad, date_start)"
    )
    connection.exec_driver_sql("DROP INDEX IF EXISTS ix_events_quad")
    if connection.dialect.name == "postgresql":
        connection.exec_driver_sql(
            "CREATE INDEX IF NOT EXISTS ix_corpus_events_listing "
            "ON corpus_events (date_start DESC NULLS LAST, id) WHERE background IS FALSE"
        )


def _add_claim_counts(connection: Connection) -> None:
    """Version 17: the counts of a claim by measure, day and places (``schema.claim_counts``),
    for finding rival counts across articles. Claims stored before it have no rows: they are
    compared by their proposition key only, as before."""
    v17 = sa.MetaData(naming_convention=metadata.naming_convention)
    sa.Table("documents", v17, sa.Column("id", sa.Text, primary_key=True))
    table = claim_counts.to_metadata(v17)
    table.create(connection, checkfirst=True)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "create schema", _create_schema),
    Migration(2, "intake tables", _create_intake_tables),
    Migration(3, "text search", _add_text_search),
    Migration(4, "cross-document contradictions", _add_cross_contradictions),
    Migration(5, "corpus events", _add_corpus_events),
    Migration(6, "actor registry", _add_actor_registry),
    Migration(7, "event place basis", _add_place_basis),
    Migration(8, "durations and inferred event fields", _add_durations_and_inferred),
    # Runs on fresh databases too: the views are not in the metadata that migration 1 creates.
    Migration(9, "flat views for analysts' tools", create_views, seeds_data=True),
    Migration(10, "watched sources and alerts", _add_watch_tables),
    Migration(11, "claim propositions and sides", _add_claim_propositions),
    Migration(12, "background events and figure periods", _add_periods),
    Migration(13, "store revision", _add_store_revision, seeds_data=True),
    Migration(14, "quote search per document", _index_quotes_per_document),
    Migration(15, "list query indexes", _add_list_indexes),
    Migration(16, "corpus event and quad list indexes", _add_corpus_list_indexes),
    Migration(17, "claim counts by measure", _add_claim_counts),
)


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return migrations[-1].version


def applied_versions(connection: Connection) -> set[int]:
    """Versions recorded in the database; empty when it has never been migrated."""
    if not sa.inspect(connection).has_table(schema_migrations.name):
        return set()
    return set(connection.scalars(sa.select(schema_migrations.c.version)))


def check_newer(applied: set[int], migrations: Sequence[Migration] = MIGRATIONS) -> None:
    """Refuse a database written by a newer sitroom: its tables may not match this code."""
    if applied and max(applied) > latest_version(migrations):
        raise StoreError(
            f"the database has schema version {max(applied)}, newer than this sitroom "
            f"understands ({latest_version(migrations)}); upgrade sitroom",
            code="S503",
        )


def _check_sequence(migrations: Sequence[Migration]) -> None:
    versions = [m.version for m in migrations]
    if not versions or versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1, 2, 3, ... without gaps: {versions}")


def _run(migration: Migration, connection: Connection) -> None:
    try:
        migration.upgrade(connection)
    except exc.SQLAlchemyError as err:
        raise StoreError(
            f"migration {migration.version} ({migration.name}) failed: {reason(err)}",
            code="S503",
        ) from err


def migrate(engine: Engine, migrations: Sequence[Migration] = MIGRATIONS) -> list[int]:
    """Apply the missing migrations in order; return the versions recorded by this call.

    Each step is its own transaction that re-reads the applied versions under the write lock,
    so concurrent callers apply every migration once and a failed step leaves no trace.
    """
    _check_sequence(migrations)
    recorded: list[int] = []
    while True:
        with begin_write(engine, counted=False) as connection:
            if connection.dialect.name == "postgresql":
                connection.execute(sa.select(sa.func.pg_advisory_xact_lock(_MIGRATION_LOCK)))
            schema_migrations.create(connection, checkfirst=True)
            applied = applied_versions(connection)
            check_newer(applied, migrations)
            pending = [m for m in migrations if m.version not in applied]
            if not pending:
                return recorded
            if applied:
                batch = pending[:1]
                _run(batch[0], connection)
            else:
                batch = pending
                _run(batch[0], connection)
                for later in batch[1:]:
                    if later.seeds_data:
                        _run(later, connection)
            now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
            connection.execute(
                schema_migrations.insert(),
                [{"version": m.version, "name": m.name, "applied_at": now} for m in batch],
            )
            recorded.extend(m.version for m in batch)


__all__ = [
    "MIGRATIONS",
    "Migration",
    "applied_versions",
    "check_newer",
    "latest_version",
    "migrate",
]
