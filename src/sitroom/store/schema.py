"""The relational shape of the extraction contract, as SQLAlchemy Core tables.

Only portable Core types are used so the same metadata serves SQLite and PostgreSQL. Every child
table is keyed by ``(document_id, id)``; records without an id in the contract (times,
contradictions, figures) are keyed by their position instead. ``seq`` keeps each list's order so
that an extraction read back equals the one written. Span offsets are stored as ``span_start`` /
``span_end`` rather than ``start`` / ``end`` because ``END`` is a reserved word in SQL.
Free-form contract strings are ``Text``; bounded ``String`` is kept for the contract's literal
enums only, because PostgreSQL enforces lengths that the contract does not promise.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect


class JSONText(sa.types.TypeDecorator[Any]):
    """A JSON value kept as plain text, so no backend-specific JSON type is needed."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        # Non-ASCII kept verbatim so names stay readable and searchable in raw SQL.
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return None if value is None else json.loads(value)


metadata = sa.MetaData(
    naming_convention={
        # Deterministic constraint names let later migrations drop or alter them by name.
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

schema_migrations = sa.Table(
    "schema_migrations",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("applied_at", sa.DateTime, nullable=False),
)

# One row, bumped by every write transaction (``engine.write_transaction``): readers that cache
# what they computed from the store (the API's situation report) key it on this number. A
# table, because SQLite's PRAGMA data_version is per connection and PostgreSQL has none.
store_revision = sa.Table(
    "store_revision",
    metadata,
    sa.Column("id", sa.SmallInteger, primary_key=True, autoincrement=False),
    sa.Column("revision", sa.BigInteger, nullable=False),
)

documents = sa.Table(
    "documents",
    metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("title", sa.Text),
    sa.Column("url", sa.Text),
    sa.Column("publisher", sa.Text),
    sa.Column("published", sa.Date),
    sa.Column("language", sa.Text),
    sa.Column("license", sa.Text),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("extraction_schema", sa.Text, nullable=False),
    # Naive UTC: SQLite cannot keep a zone, and PostgreSQL should see the same values.
    sa.Column("ingested_at", sa.DateTime, nullable=False),
    sa.Index(None, "published"),
    # The document list's order: a page is read in index order, not sorted from all rows.
    sa.Index(None, "ingested_at", "id"),
)


def _child(name: str, *columns: sa.Column[Any] | sa.Index, key: str = "id") -> sa.Table:
    """A per-document table keyed by ``(document_id, key)`` that vanishes with its document."""
    key_type: sa.types.TypeEngine[Any] = sa.Integer() if key == "seq" else sa.Text()
    key_columns: list[sa.Column[Any]] = [
        sa.Column(
            "document_id",
            sa.Text,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column(key, key_type, primary_key=True, autoincrement=False),
    ]
    if key != "seq":
        key_columns.append(sa.Column("seq", sa.Integer, nullable=False))
    return sa.Table(name, metadata, *key_columns, *columns)


entities = _child(
    "entities",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("label", sa.Text, nullable=False),
    sa.Column("actor_type", sa.Text),
    sa.Column("aliases", JSONText, nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("affiliation", sa.Text),
    sa.Column("role", sa.Text),
    sa.Column("mentions", JSONText, nullable=False),
    # Case-folded name and aliases joined by a separator that never occurs in a name: lets a
    # substring search match any of them with one portable LIKE, Unicode case rules included.
    sa.Column("search_key", sa.Text, nullable=False),
)

places = _child(
    "places",
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("country", sa.Text),
    sa.Column("admin1", sa.Text),
    sa.Column("lat", sa.Double),
    sa.Column("lon", sa.Double),
    sa.Column("geonames_id", sa.Integer),
    sa.Column("precision", sa.SmallInteger, nullable=False),
    sa.Column("mentions", JSONText, nullable=False),
)

times = _child(
    "times",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("date_start", sa.Date, nullable=False),
    sa.Column("date_end", sa.Date, nullable=False),
    sa.Column("precision", sa.String(8), nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    key="seq",
)

durations = _child(
    "durations",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("value", sa.String(16), nullable=False),
    sa.Column("amount", sa.Double),
    sa.Column("unit", sa.String(8), nullable=False),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    key="seq",
)

events = _child(
    "events",
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("mode", sa.Text),
    sa.Column("cameo", sa.Text, nullable=False),
    sa.Column("acled_event_type", sa.Text),
    sa.Column("acled_sub_event_type", sa.Text),
    sa.Column("quad", sa.String(24), nullable=False),
    sa.Column("actor1", sa.Text),
    sa.Column("actor2", sa.Text),
    sa.Column("place", sa.Text),
    sa.Column("place_basis", sa.String(16)),
    sa.Column("inferred", sa.String(32)),
    sa.Column("co_actors1", JSONText),
    sa.Column("co_actors2", JSONText),
    sa.Column("date_start", sa.Date),
    sa.Column("date_end", sa.Date),
    sa.Column("date_precision", sa.String(8)),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("attributed_to", sa.Text),
    sa.Column("fatalities", sa.Integer),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("sentence_start", sa.Integer, nullable=False),
    sa.Column("sentence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Double, nullable=False),
    # A background mention ("in 2006 …"): kept, out of default lists, maps and totals.
    sa.Column("background", sa.Boolean, nullable=False, server_default=sa.false()),
    sa.Index(None, "type"),
    sa.Index(None, "date_start"),
    sa.Index(None, "modality"),
    # The dashboard's colour filter, in the list's order: SQLite walks one quad class by date
    # and stops after a page, where with quad alone it joined and sorted every event of the
    # class (150 ms a page, 600 at worst, under an ingest on 1,900 articles).
    sa.Index(None, "quad", "date_start"),
)
# The date filters compare these expressions (an event with one end known stands for both):
# indexed as written there, so a date range is a range scan, not a filter over every row.
sa.Index("ix_events_first_day", sa.func.coalesce(events.c.date_start, events.c.date_end))
sa.Index("ix_events_last_day", sa.func.coalesce(events.c.date_end, events.c.date_start))
# The event list's order on PostgreSQL, whose plain date index cannot give DESC NULLS LAST:
# without it every page sorted all events (700 ms for 11,000; 20 ms with it). SQLite walks
# ix_events_date_start backwards, NULLs coming last there anyway.
sa.Index(
    "ix_events_listing",
    events.c.date_start.desc().nulls_last(),
    events.c.document_id,
    events.c.id,
    # Default listings leave background mentions out: the index holds the rows they page through.
    postgresql_where=events.c.background.is_(sa.false()),
).ddl_if(dialect="postgresql")

quotes = _child(
    "quotes",
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("cue", sa.Text),
)

claims = _child(
    "claims",
    sa.Column("claimant", sa.Text),
    sa.Column("stance", sa.String(8), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("event", sa.Text),
    sa.Column("hedges", JSONText, nullable=False),
    # Migration 11: the claimant's mention, side, what the claim is about, who reports it.
    sa.Column("claimant_text", sa.Text),
    sa.Column("claimant_start", sa.Integer),
    sa.Column("claimant_end", sa.Integer),
    sa.Column("side", sa.Text),
    sa.Column("embedded_in", sa.Text),
    sa.Column("proposition", JSONText),
    # What propositions of other articles must share to be compared: kind and family, or kind
    # and subject (``sitroom.corpus.claims.proposition_key``).
    sa.Column("proposition_key", sa.Text, index=True),
)

# Migration 17: a claim's counts by measure ("killed", "destroyed": ``Proposition.counts`` and
# its toll), with the day and the places (country, admin1, kind) the claim is about, so that the
# rival counts of other articles are found by measure and day (``crossdoc``), not only among
# claims of one proposition key.
claim_counts = sa.Table(
    "claim_counts",
    metadata,
    sa.Column(
        "document_id",
        sa.Text,
        sa.ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("claim_id", sa.Text, primary_key=True),
    sa.Column("measure", sa.Text, primary_key=True),
    sa.Column("day", sa.Date),
    sa.Column("places", JSONText, nullable=False),
    sa.Index(None, "measure", "day"),
)

contradictions = _child(
    "contradictions",
    sa.Column("claim_a", sa.Text, nullable=False),
    sa.Column("claim_b", sa.Text, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Column("proposition", sa.Text),  # migration 11
    sa.Column("side_a", sa.Text),
    sa.Column("side_b", sa.Text),
    key="seq",
)

figures = _child(
    "figures",
    sa.Column("value", sa.Double, nullable=False),
    sa.Column("unit", sa.Text, nullable=False),
    sa.Column("qualifier", sa.String(16), nullable=False),
    sa.Column("what", sa.Text),
    sa.Column("span_start", sa.Integer, nullable=False),
    sa.Column("span_end", sa.Integer, nullable=False),
    sa.Column("event", sa.Text),
    # current, cumulative or historical (model.FigurePeriod): only current figures make totals.
    sa.Column("period", sa.String(16), nullable=False, server_default="current"),
    key="seq",
)

# -- intake: what became of each input, and the near-duplicate index --------------------------

# One row per input item (a file, a URL, a line of a JSONL file, a WARC record), keyed by its
# source; a re-run overwrites the row, so the table always holds each input's latest outcome.
# document_id has no foreign key: an input may name a document that was never stored (an error
# after hashing) or one stored under another source (an exact duplicate).
inputs = sa.Table(
    "inputs",
    metadata,
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
)


def _document_ref(name: str = "document_id", **kwargs: Any) -> sa.Column[Any]:
    return sa.Column(name, sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), **kwargs)


# A document's MinHash signature, as the bytes the dedup module writes.
doc_signatures = sa.Table(
    "doc_signatures",
    metadata,
    _document_ref(primary_key=True),
    sa.Column("signature", sa.LargeBinary, nullable=False),
)

# LSH buckets: documents sharing a (band, key) pair are near-duplicate candidates. Keys are
# 63-bit non-negative integers, so they fit a signed BIGINT on every backend.
doc_bands = sa.Table(
    "doc_bands",
    metadata,
    _document_ref(primary_key=True),
    sa.Column("band", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("key", sa.BigInteger, nullable=False),
    sa.Index(None, "band", "key"),
)

# document_id nearly repeats the earlier duplicate_of.
near_duplicates = sa.Table(
    "near_duplicates",
    metadata,
    _document_ref(primary_key=True),
    _document_ref("duplicate_of", primary_key=True),
    sa.Column("similarity", sa.Double, nullable=False),
    sa.Index(None, "duplicate_of"),
)

# A claim in one document at odds with a claim in another (same event kind and place, opposite
# stances, different claimants); found when the later document is stored.
cross_contradictions = sa.Table(
    "cross_contradictions",
    metadata,
    _document_ref("document_a", primary_key=True),
    sa.Column("claim_a", sa.Text, primary_key=True),
    _document_ref("document_b", primary_key=True),
    sa.Column("claim_b", sa.Text, primary_key=True),
    sa.Column("reason", sa.Text, nullable=False),
    sa.Index(None, "document_b"),
)


def add_corpus_tables(meta: sa.MetaData) -> tuple[sa.Table, sa.Table, sa.Table]:
    """The cross-article event tables (migration 5), on ``meta``, which must hold ``documents``.

    - ``event_links``: two event mentions judged to report one happening (``sitroom.corpus``),
      the smaller (document, event) key first, with the reason;
    - ``corpus_events``: one row per happening, aggregated from its linked mentions;
    - ``corpus_event_members``: which corpus event each mention belongs to.

    Corpus events are derived data: ``store/corpus.py`` rewrites them whenever their mentions
    change, so they carry no foreign keys of their own.
    """

    def ref(name: str) -> sa.Column[str]:
        return sa.Column(
            name, sa.Text, sa.ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True
        )

    links = sa.Table(
        "event_links",
        meta,
        ref("document_a"),
        sa.Column("event_a", sa.Text, primary_key=True),
        ref("document_b"),
        sa.Column("event_b", sa.Text, primary_key=True),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Index(None, "document_b"),
    )
    corpus = sa.Table(
        "corpus_events",
        meta,
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("mode", sa.Text),
        sa.Column("cameo", sa.Text, nullable=False),
        sa.Column("quad", sa.String(24), nullable=False),
        sa.Column("acled_event_type", sa.Text),
        sa.Column("acled_sub_event_type", sa.Text),
        sa.Column("modality", sa.String(16), nullable=False),
        sa.Column("modalities", JSONText, nullable=False),
        sa.Column("actor1", sa.Text),
        sa.Column("actor2", sa.Text),
        sa.Column("place", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("admin1", sa.Text),
        sa.Column("lat", sa.Double),
        sa.Column("lon", sa.Double),
        sa.Column("geo_precision", sa.SmallInteger),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.String(8)),
        sa.Column("fatalities", sa.Integer),
        sa.Column("fatalities_max", sa.Integer),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Column("articles", sa.Integer, nullable=False),
        sa.Column("sources", sa.Integer, nullable=False),
        sa.Column("publishers", JSONText, nullable=False),
        sa.Column("first_seen", sa.Date),
        sa.Column("last_seen", sa.Date),
        sa.Column("contested", sa.Boolean, nullable=False),
        sa.Column("claims_for", sa.Integer, nullable=False),
        sa.Column("claims_against", sa.Integer, nullable=False),
        sa.Column("confidence", sa.Double, nullable=False),
        # Every mention is background: a happening the articles mention only as context.
        sa.Column("background", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Index(None, "date_start"),
        sa.Index(None, "type"),
        sa.Index(None, "country"),
    )
    members = sa.Table(
        "corpus_event_members",
        meta,
        ref("document_id"),
        sa.Column("event_id", sa.Text, primary_key=True),
        sa.Column("corpus_event_id", sa.Text, nullable=False),
        sa.Index(None, "corpus_event_id"),
    )
    return links, corpus, members


event_links, corpus_events, corpus_event_members = add_corpus_tables(metadata)
sa.Index(
    "ix_corpus_events_first_day",
    sa.func.coalesce(corpus_events.c.date_start, corpus_events.c.date_end),
)
sa.Index(
    "ix_corpus_events_last_day",
    sa.func.coalesce(corpus_events.c.date_end, corpus_events.c.date_start),
)
# The corpus-event list's order on PostgreSQL, as ix_events_listing for events: without it
# every page of the unfiltered list sorted all corpus events (a sequential scan of 8,300 rows).
sa.Index(
    "ix_corpus_events_listing",
    corpus_events.c.date_start.desc().nulls_last(),
    corpus_events.c.id,
    postgresql_where=corpus_events.c.background.is_(sa.false()),
).ddl_if(dialect="postgresql")
# min_sources: few happenings have several independent outlets, and without an index finding
# them meant reading every corpus event (PostgreSQL) or walking all of them by date (SQLite).
sa.Index("ix_corpus_events_sources", corpus_events.c.sources)


def add_actor_tables(meta: sa.MetaData) -> tuple[sa.Table, sa.Table, sa.Table]:
    """The store-wide actor registry (migration 6), on ``meta``, which must hold ``documents``.

    - ``actor_keys``: the names each document entity is known by (``sitroom.corpus.entity_keys``);
    - ``actors``: one row per actor across the store, aggregated from its entities;
    - ``actor_members``: which actor each document entity is.

    Derived data, rewritten by ``store/registry.py`` whenever its entities change.
    """

    def ref() -> sa.Column[str]:
        return sa.Column(
            "document_id",
            sa.Text,
            sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        )

    keys = sa.Table(
        "actor_keys",
        meta,
        ref(),
        sa.Column("entity_id", sa.Text, primary_key=True),
        sa.Column("key", sa.Text, primary_key=True),
        sa.Index(None, "key"),
    )
    actors = sa.Table(
        "actors",
        meta,
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("label", sa.Text, nullable=False),
        sa.Column("actor_type", sa.Text),
        sa.Column("country", sa.Text),
        sa.Column("aliases", JSONText, nullable=False),
        sa.Column("documents", sa.Integer, nullable=False),
        sa.Column("mentions", sa.Integer, nullable=False),
        sa.Index(None, "name"),
    )
    members = sa.Table(
        "actor_members",
        meta,
        ref(),
        sa.Column("entity_id", sa.Text, primary_key=True),
        sa.Column("actor_id", sa.Text, nullable=False),
        sa.Index(None, "actor_id"),
    )
    return keys, actors, members


actor_keys, actors, actor_members = add_actor_tables(metadata)

CHILD_TABLES: tuple[sa.Table, ...] = (
    entities,
    places,
    times,
    durations,
    events,
    quotes,
    claims,
    claim_counts,
    contradictions,
    figures,
)

__all__ = [
    "CHILD_TABLES",
    "JSONText",
    "actor_keys",
    "actor_members",
    "actors",
    "add_actor_tables",
    "add_corpus_tables",
    "claim_counts",
    "claims",
    "contradictions",
    "corpus_event_members",
    "corpus_events",
    "doc_bands",
    "doc_signatures",
    "documents",
    "durations",
    "entities",
    "event_links",
    "events",
    "figures",
    "inputs",
    "metadata",
    "near_duplicates",
    "places",
    "quotes",
    "schema_migrations",
    "store_revision",
    "times",
]
