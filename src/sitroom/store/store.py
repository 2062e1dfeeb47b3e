"""``Store``: the one entry point other parts of sitroom use to keep and query extractions."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import TracebackType
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa
from sqlalchemy import exc
from sqlalchemy.engine import Connection

from sitroom.corpus import Mention
from sitroom.errors import StoreError
from sitroom.model import Extraction
from sitroom.store import registry
from sitroom.store import schema as t
from sitroom.store.catalog import (
    DocumentListing,
    LedgerRow,
    PlaceSummary,
    claim_page_select,
    document_page_select,
    ledger_rows,
    read_places,
)
from sitroom.store.connection import StoreBase
from sitroom.store.contested import ContestedContext, contested_context
from sitroom.store.corpus import (
    forget_documents,
    mentions_of_documents,
    merge_documents,
    rebuild,
)
from sitroom.store.corpus_query import (
    CorpusEventDetail,
    CorpusEventRow,
    corpus_event_detail,
    corpus_events_select,
    corpus_row,
)
from sitroom.store.crossdoc import (
    CrossContradiction,
    cross_contradictions_select,
    link_cross_contradictions,
)
from sitroom.store.engine import run_write
from sitroom.store.intake import (
    ID_CHUNK,
    InputRecord,
    InputRow,
    IntakeRows,
    NearDuplicateLink,
    SignatureEntry,
    check_band_keys,
    chunked,
    input_statuses_in,
    inputs_by_status_select,
    inputs_select,
    intake_rows,
    near_candidates_in,
    near_duplicate_documents_select,
    near_duplicate_of_select,
    write_intake,
)
from sitroom.store.integrity import integrity_problem
from sitroom.store.queries import (
    ClaimRow,
    ContestedClaim,
    DocumentRow,
    EventQuery,
    EventRow,
    StoreSummary,
    claims_select,
    contested_claims_select,
    documents_select,
    events_select,
)
from sitroom.store.records import Row, extraction_rows, load_extraction
from sitroom.store.search import deferred_quote_index
from sitroom.store.stats import CorpusStats, check_filters, read_stats

_EXTRACTION_CHUNK = 100  # documents read per transaction by Store.extractions


class Store(StoreBase):
    """Extractions in a SQL database: SQLite by file path or URL, or PostgreSQL by URL.

    Nothing connects until the first call that needs the database. Call ``migrate()`` once to
    create or upgrade the schema; every other method refuses a database that is missing or not
    at the schema version this code expects.
    """

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc_value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def has_document(self, document_id: str) -> bool:
        with self._reading() as conn:
            return conn.scalar(_existing_ids_select([document_id])) is not None

    def add(self, extraction: Extraction) -> bool:
        """Store one extraction; False, writing nothing, if its document is already stored."""
        return self.add_many([extraction])[0]

    def add_many(self, extractions: Iterable[Extraction]) -> list[bool]:
        """Store several extractions in one transaction; one flag per input, as for ``add``.

        A document repeated within the batch is stored once, at its first occurrence.
        """
        return self.commit_intake(extractions=list(extractions))

    def commit_intake(
        self,
        *,
        extractions: Sequence[Extraction] = (),
        inputs: Sequence[InputRecord] = (),
        signatures: Sequence[SignatureEntry] = (),
        near_duplicates: Sequence[NearDuplicateLink] = (),
    ) -> list[bool]:
        """Write one chunk of an ingest in ONE transaction: all of it or, on failure, nothing.

        - ``extractions`` are added as by ``add_many``, whose flags are returned;
        - ``inputs`` are upserted by source, a later record replacing an earlier one;
        - ``signatures`` are ``(document_id, signature bytes, band keys)``, the band number
          being the key's position; they replace the document's earlier signature and bands;
        - ``near_duplicates`` are ``(document_id, duplicate_of, similarity)`` links, replacing
          the similarity of an existing link.

        Signatures and links must name documents stored before or in this call. Repeats within
        one call collapse: the last input record, signature or link wins.
        """
        batch = list(extractions)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        rows = intake_rows(inputs, signatures, near_duplicates, now)
        if not batch and rows.empty:
            return []
        ids = [x.document.id for x in batch]
        with self._translate("write to"):
            try:
                return self._write(batch, rows, now)
            except exc.IntegrityError:
                # Another writer stored one of these documents, or its bands, between our check
                # and our insert (possible on PostgreSQL); all was rolled back, so redo it once.
                # A conflict that persists (a link to a missing document) fails the second time.
                if not self._existing_ids([*ids, *rows.signed_ids]):
                    raise
                return self._write(batch, rows, now)

    def input_statuses(self, sources: Sequence[str]) -> dict[str, str]:
        """Source -> latest status, for the sources that have been recorded."""
        if not sources:
            return {}
        with self._reading() as conn:
            return input_statuses_in(conn, sources)

    def inputs(self, *, status: str | None = None, limit: int | None = None) -> list[InputRow]:
        """Recorded inputs, optionally of one status, most recently updated first."""
        stmt = inputs_select(status, limit)
        with self._reading() as conn:
            return [InputRow(**row._mapping) for row in conn.execute(stmt)]

    def near_candidates(self, band_keys: Sequence[int]) -> list[tuple[str, bytes]]:
        """(document_id, signature bytes) of stored documents sharing a (band, key) pair.

        ``band_keys`` has one key per band, the band number being the position, as for
        ``commit_intake``. Ordered by document id.
        """
        keys = check_band_keys(band_keys)
        if not keys:
            return []
        with self._reading() as conn:
            return near_candidates_in(conn, keys)

    def near_duplicate_of(self, document_id: str) -> list[tuple[str, float]]:
        """(original id, similarity) of the documents this one nearly repeats, closest first."""
        with self._reading() as conn:
            rows = conn.execute(near_duplicate_of_select(document_id))
            return [(row.duplicate_of, row.similarity) for row in rows]

    def get_extraction(self, document_id: str) -> Extraction | None:
        with self._reading() as conn:
            return load_extraction(conn, document_id)

    def documents(self) -> list[DocumentRow]:
        """Stored documents, without their text, by ingestion time and then id."""
        with self._reading() as conn:
            return [DocumentRow(**row._mapping) for row in conn.execute(documents_select())]

    def extractions(self, document_ids: Iterable[str]) -> Iterator[Extraction]:
        """Stored extractions of ``document_ids`` in order, unknown ids skipped, read in chunks."""
        for chunk in chunked(list(document_ids), _EXTRACTION_CHUNK):
            with self._reading() as conn:
                loaded = [load_extraction(conn, document_id) for document_id in chunk]
            yield from (x for x in loaded if x is not None)

    def events(self, query: EventQuery | None = None) -> list[EventRow]:
        """Events matching ``query``, latest first, undated last, then by document and event id.

        ``limit`` with ``after`` (the last row's ``cursor``) pages without gaps or repeats.
        """
        stmt = events_select(query or EventQuery())
        with self._reading() as conn:
            return [EventRow(**row._mapping) for row in conn.execute(stmt)]

    def iter_events(
        self, query: EventQuery | None = None, *, page_size: int = 1000
    ) -> Iterator[EventRow]:
        """All events ``events(query)`` returns, read page by page through cursors."""
        return _pages(self.events, query, page_size)

    def document_ids(self, query: EventQuery | None = None) -> list[str]:
        """Documents with an event matching ``query``, in the order of their first such event.

        Without a query: every stored document, events or not, by ingestion time then id.
        """
        if query is None:
            with self._reading() as conn:
                return list(conn.scalars(documents_select().with_only_columns(t.documents.c.id)))
        return list(dict.fromkeys(row.document_id for row in self.iter_events(query)))

    def claims(self, *, limit: int | None = None) -> list[ClaimRow]:
        """The claims ledger: every stored claim with claimant name, event and contested flag."""
        with self._reading() as conn:
            rows = conn.execute(claims_select(limit))
            return [ClaimRow(**{**row._mapping, "contested": bool(row.contested)}) for row in rows]

    def link_cross_contradictions(self, document_ids: Sequence[str]) -> int:
        """Find claims in other documents that these documents' claims contradict; store them."""
        self._ensure_schema()
        ids = list(document_ids)
        with self._translate("store cross-document contradictions"):
            # Retried like every write (engine.run_write): a deadlock with a concurrent ingest
            # on PostgreSQL costs a rerun, not the whole link step.
            return run_write(self._connection, lambda conn: link_cross_contradictions(conn, ids))

    def cross_contradictions(self) -> list[CrossContradiction]:
        """Contradictions between claims of different documents, assert side first."""
        with self._reading() as conn:
            rows = conn.execute(cross_contradictions_select())
            return [CrossContradiction(**row._mapping) for row in rows]

    def contested_context(self) -> list[ContestedContext]:
        """Proposition, side, outlet, day and country of each claim in a contradiction."""
        with self._reading() as conn:
            return contested_context(conn)

    def corpus_events(
        self,
        query: EventQuery | None = None,
        *,
        min_sources: int | None = None,
        contested: bool | None = None,
    ) -> list[CorpusEventRow]:
        """Happenings merged across articles, latest first (undated last), then by id.

        Filters as for ``events``, read on the merged event, except ``actor`` and ``text``,
        which match when any mention does; ``min_sources`` independent outlets at least;
        ``contested`` True or False for only (un)disputed ones. Page with ``limit`` and
        ``after`` = the last row's ``cursor``.
        """
        stmt = corpus_events_select(
            query or EventQuery(), min_sources=min_sources, contested=contested
        )
        with self._reading() as conn:
            return [corpus_row(row) for row in conn.execute(stmt)]

    def iter_corpus_events(
        self, query: EventQuery | None = None, *, page_size: int = 1000
    ) -> Iterator[CorpusEventRow]:
        """All corpus events ``corpus_events(query)`` returns, read page by page."""
        return _pages(self.corpus_events, query, page_size)

    def corpus_ids_of(self, document_id: str) -> dict[str, str]:
        """Event id -> corpus event id, for the events of one document."""
        m = t.corpus_event_members
        stmt = sa.select(m.c.event_id, m.c.corpus_event_id).where(m.c.document_id == document_id)
        with self._reading() as conn:
            return {row.event_id: row.corpus_event_id for row in conn.execute(stmt)}

    def corpus_event(self, corpus_id: str) -> CorpusEventDetail | None:
        """One corpus event with its mentions, the reasons they were merged, and the claims
        for and against it; None for an unknown id."""
        with self._reading() as conn:
            return corpus_event_detail(conn, corpus_id)

    def delete_document(self, document_id: str) -> bool:
        """Remove a document with everything extracted from it; its corpus events are
        regrouped from the mentions that remain. False if there was no such document."""
        self._ensure_schema()

        def work(conn: Connection) -> bool:
            if not _existing_ids_in(conn, [document_id]):
                return False
            forget_documents(conn, [document_id])
            registry.forget_documents(conn, [document_id])
            conn.execute(t.documents.delete().where(t.documents.c.id == document_id))
            return True

        with self._translate("write to"):
            return run_write(self._connection, work)

    def actor_of(self, document_id: str, entity_id: str) -> str | None:
        """The registry id of one document's entity."""
        m = t.actor_members
        stmt = sa.select(m.c.actor_id).where(
            m.c.document_id == document_id, m.c.entity_id == entity_id
        )
        with self._reading() as conn:
            return conn.scalar(stmt)

    def merge_mentions(self, document_ids: Iterable[str]) -> list[Mention]:
        """The stored events of these documents as the corpus merge sees them: to explain or
        measure its links (``bench/merge.py``)."""
        with self._reading() as conn:
            return mentions_of_documents(conn, list(document_ids))

    def rebuild_corpus_events(self) -> int:
        """Recompute every corpus event from the stored events (after changing the merge rules
        in data/merge.yaml); returns how many there are."""
        self._ensure_schema()

        def work(conn: Connection) -> int:
            registry.rebuild_registry(conn)
            return rebuild(conn)

        with self._translate("write to"):
            return run_write(self._connection, work)

    def contested_claims(self) -> list[ContestedClaim]:
        """Claims that take part in a contradiction, one row per side, pairs adjacent."""
        with self._reading() as conn:
            rows = conn.execute(contested_claims_select())
            return [ContestedClaim(**row._mapping) for row in rows]

    def revision(self) -> int:
        """A number every write transaction bumps: what was read at one revision still holds."""
        with self._reading() as conn:
            return int(conn.scalar(sa.select(t.store_revision.c.revision)) or 0)

    def check_integrity(self) -> None:
        """Raise S512 when the database is damaged (store/integrity.py: SQLite's quick_check)."""
        with self._reading() as conn:
            problem = integrity_problem(conn)
        if problem is not None:
            raise StoreError(f"database {self.url} is damaged: {problem}", code="S512")

    def summary(self) -> StoreSummary:
        def count(conn: Connection, table: sa.Table) -> int:
            return conn.scalar(sa.select(sa.func.count()).select_from(table)) or 0

        e = t.events
        n = sa.func.count().label("n")
        by_type = sa.select(e.c.type, n).group_by(e.c.type).order_by(n.desc(), e.c.type)
        with self._reading() as conn:
            return StoreSummary(
                documents=count(conn, t.documents),
                events=count(conn, t.events),
                events_by_type={row.type: row.n for row in conn.execute(by_type)},
                entities=count(conn, t.entities),
                places=count(conn, t.places),
                quotes=count(conn, t.quotes),
                claims=count(conn, t.claims),
                contradictions=count(conn, t.contradictions),
                figures=count(conn, t.figures),
                inputs_by_status={
                    row.status: row.n for row in conn.execute(inputs_by_status_select())
                },
                near_duplicates=conn.scalar(near_duplicate_documents_select()) or 0,
            )

    # -- internals -------------------------------------------------------------------------

    def _write(
        self, batch: Sequence[Extraction], intake: IntakeRows, now: dt.datetime
    ) -> list[bool]:
        self._ensure_schema()

        def work(conn: Connection) -> list[bool]:
            added = _insert_extractions(conn, batch, now)
            # After the documents, which signatures and links refer to.
            write_intake(conn, intake)
            # In the same transaction, so corpus events never lag behind their articles.
            stored = [x.document.id for x, new in zip(batch, added, strict=True) if new]
            merge_documents(conn, stored)
            registry.register_documents(conn, stored)
            return added

        return run_write(self._connection, work)

    def _existing_ids(self, ids: Sequence[str]) -> set[str]:
        with self._connect(self._get_engine()) as conn, conn.begin():
            return _existing_ids_in(conn, ids)

    # -- paged listings and aggregates for the HTTP API (store/stats.py, store/catalog.py) --

    def stats(
        self,
        *,
        date_from: dt.date | None = None,
        date_to: dt.date | None = None,
        country: str | None = None,
    ) -> CorpusStats:
        """Counts, events per day and quad, per type and per country; see store/stats.py."""
        code = check_filters(date_from, date_to, country)
        with self._reading() as conn:
            return read_stats(conn, date_from, date_to, code)

    def document_page(
        self, *, limit: int = 50, after: str | None = None, q: str | None = None
    ) -> list[DocumentListing]:
        """Documents by ingestion time, ``after`` a row's ``cursor``; ``q`` as EventQuery.text."""
        stmt = document_page_select(limit, after, q)
        with self._reading() as conn:
            return [DocumentListing(**row._mapping) for row in conn.execute(stmt)]

    def claim_page(
        self, *, limit: int = 50, after: str | None = None, contested: bool | None = None
    ) -> list[LedgerRow]:
        """One page of ``claims()``, optionally only (un)contested ones; ``after`` a cursor."""
        stmt = claim_page_select(limit, after, contested)
        with self._reading() as conn:
            return ledger_rows(conn, stmt)

    def actors(self, *, q: str | None = None, limit: int = 50) -> list[registry.ActorSummary]:
        """The actor registry: one row per actor however many articles named it, most
        documents first; ``q`` matches any of its names."""
        if limit < 0:
            raise StoreError(f"limit must not be negative, not {limit}", code="S507")
        with self._reading() as conn:
            return registry.actor_rows(conn, registry.actors_select(q, limit))

    def places(self, *, q: str | None = None, limit: int = 50) -> list[PlaceSummary]:
        """Places grouped by name and country, most documents first; ``q`` in the name."""
        with self._reading() as conn:
            return read_places(conn, q, limit)

    def corpus_members(self, corpus_ids: Sequence[str]) -> dict[str, list[tuple[str, str]]]:
        """Corpus event id -> its mentions as (document id, event id), for reports."""
        from sitroom.store.report_queries import corpus_members_select

        found: dict[str, list[tuple[str, str]]] = {}
        with self._reading() as conn:
            for chunk in chunked(list(dict.fromkeys(corpus_ids)), ID_CHUNK):
                for row in conn.execute(corpus_members_select(chunk)):
                    mention = (row.document_id, row.event_id)
                    found.setdefault(row.corpus_event_id, []).append(mention)
        return found


class _Paged(Protocol):
    @property
    def cursor(self) -> str: ...


_RowT = TypeVar("_RowT", bound=_Paged)


def _pages(
    fetch: Callable[[EventQuery], list[_RowT]], query: EventQuery | None, page_size: int
) -> Iterator[_RowT]:
    """Every row ``fetch(query)`` returns, asked for ``page_size`` at a time through cursors;
    the query's own ``limit`` and ``after`` still hold. Checked before the first row is read."""
    if page_size < 1:
        raise StoreError(f"page_size must be positive, not {page_size}", code="S507")
    query = query or EventQuery()

    def rows() -> Iterator[_RowT]:
        remaining, after = query.limit, query.after
        while remaining is None or remaining > 0:
            size = page_size if remaining is None else min(page_size, remaining)
            page = fetch(dataclasses.replace(query, limit=size, after=after))
            yield from page
            if len(page) < size:
                return
            after = page[-1].cursor
            remaining = None if remaining is None else remaining - size

    return rows()


def _existing_ids_select(ids: Sequence[str]) -> sa.Select[Any]:
    return sa.select(t.documents.c.id).where(t.documents.c.id.in_(ids))


def _existing_ids_in(conn: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in chunked(sorted(set(ids)), ID_CHUNK):
        found.update(conn.scalars(_existing_ids_select(chunk)))
    return found


def _insert_extractions(
    conn: Connection, batch: Sequence[Extraction], now: dt.datetime
) -> list[bool]:
    seen = _existing_ids_in(conn, [x.document.id for x in batch])
    added: list[bool] = []
    rows: dict[sa.Table, list[Row]] = {table: [] for table in (t.documents, *t.CHILD_TABLES)}
    for extraction in batch:
        new = extraction.document.id not in seen
        added.append(new)
        if new:
            seen.add(extraction.document.id)
            for table, table_rows in extraction_rows(extraction, now).items():
                rows[table].extend(table_rows)
    # Parents first so foreign keys hold at every statement, not only at commit.
    quoted = sorted({row["document_id"] for row in rows[t.quotes]})
    with deferred_quote_index(conn, quoted):
        for table, table_rows in rows.items():
            if table_rows:
                conn.execute(table.insert(), table_rows)
    return added


__all__ = ["Store"]
