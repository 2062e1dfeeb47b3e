"""Full-text search over documents (title and text) and quotes, one way per backend.

SQLite: an FTS5 table ``documents_search`` with one row per document (columns title, body,
quotes), kept up to date by triggers on ``documents`` and ``quotes``. Its rows are keyed by
``documents_search_keys``, whose INTEGER PRIMARY KEY survives VACUUM (the implicit rowid of
``documents`` would not). Words are stemmed with the Porter stemmer; accents are kept.

PostgreSQL: GIN indexes on ``to_tsvector('english', ...)`` of the same fields, which the server
maintains itself; queries go through ``plainto_tsquery('english', ...)``.

Neither object is in ``schema.metadata``, since neither can be written as portable Core: migration
1 calls ``create_search`` after ``create_all``, and migration 3 adds them to older databases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from sitroom.errors import StoreError

_WORD = re.compile(r"\w+")

# English stop words, as PostgreSQL's english configuration drops them (its english.stop, from
# Snowball); dropped from SQLite queries too so that both backends match the same documents.
_STOP_WORD_LINES = (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his",
    "himself she her hers herself it its itself they them their theirs themselves what",
    "which who whom this that these those am is are was were be been being have has had",
    "having do does did doing a an the and but if or because as until while of at by for",
    "with about against between into through during before after above below to from up",
    "down in out on off over under again further then once here there when where why how",
    "all any both each few more most other some such no nor not only own same so than too",
    "very s t can will just don should now",
)
ENGLISH_STOP_WORDS = frozenset(" ".join(_STOP_WORD_LINES).split())

# The same expressions in the indexes and in the queries, so that PostgreSQL uses the indexes.
_PG_CONFIG = "'english'::regconfig"
_PG_DOCUMENT_VECTOR = (
    f"to_tsvector({_PG_CONFIG}, coalesce(documents.title, '') || ' ' || documents.text)"
)
_PG_QUOTE_VECTOR = f"to_tsvector({_PG_CONFIG}, quotes.text)"

_KEY = "(SELECT key FROM documents_search_keys WHERE document_id = {}.{})"
_QUOTES_OF = (
    "coalesce((SELECT group_concat(text, char(10)) FROM "
    "(SELECT text FROM quotes WHERE document_id = {} ORDER BY seq)), '')"
)

# A quote's trigger rewrites its document's whole index row (the full text) for every quote:
# quadratic in the quotes of one article (5.5 s of one write for an article of 1,250 quotes).
# The store defers it for the documents it is writing and indexes their quotes once each
# (``deferred_quote_index``); rows other programs insert are still indexed by the trigger.
QUOTES_INSERT_TRIGGER = (
    "CREATE TRIGGER IF NOT EXISTS quotes_search_insert AFTER INSERT ON quotes "
    "WHEN NOT EXISTS (SELECT 1 FROM documents_search_deferred WHERE document_id = "
    "new.document_id) BEGIN "
    "UPDATE documents_search SET quotes = "
    "CASE WHEN quotes = '' THEN new.text ELSE quotes || char(10) || new.text END "
    f"WHERE rowid = {_KEY.format('new', 'document_id')}; "
    "END"
)
_DEFER = sa.text("INSERT INTO documents_search_deferred (document_id) VALUES (:doc)")
_UNDEFER = sa.text("DELETE FROM documents_search_deferred WHERE document_id = :doc")
_INDEX_QUOTES = sa.text(
    f"UPDATE documents_search SET quotes = {_QUOTES_OF.format(':doc')} "
    "WHERE rowid = (SELECT key FROM documents_search_keys WHERE document_id = :doc)"
)

SQLITE_DDL: tuple[str, ...] = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_search USING fts5("
    "title, body, quotes, tokenize = 'porter unicode61 remove_diacritics 0')",
    "CREATE TABLE IF NOT EXISTS documents_search_keys ("
    "key INTEGER PRIMARY KEY, document_id TEXT NOT NULL UNIQUE)",
    "CREATE TRIGGER IF NOT EXISTS documents_search_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_search_keys (document_id) VALUES (new.id); "
    "INSERT INTO documents_search (rowid, title, body, quotes) "
    f"VALUES ({_KEY.format('new', 'id')}, new.title, new.text, ''); "
    "END",
    "CREATE TRIGGER IF NOT EXISTS documents_search_update AFTER UPDATE ON documents BEGIN "
    "UPDATE documents_search_keys SET document_id = new.id WHERE document_id = old.id; "
    "UPDATE documents_search SET title = new.title, body = new.text "
    f"WHERE rowid = {_KEY.format('new', 'id')}; "
    "END",
    "CREATE TRIGGER IF NOT EXISTS documents_search_delete AFTER DELETE ON documents BEGIN "
    f"DELETE FROM documents_search WHERE rowid = {_KEY.format('old', 'id')}; "
    "DELETE FROM documents_search_keys WHERE document_id = old.id; "
    "END",
    # Skipped while the store itself writes the document's quotes (``index_quotes``).
    "CREATE TABLE IF NOT EXISTS documents_search_deferred (document_id TEXT PRIMARY KEY)",
    QUOTES_INSERT_TRIGGER,
    "CREATE TRIGGER IF NOT EXISTS quotes_search_delete AFTER DELETE ON quotes BEGIN "
    f"UPDATE documents_search SET quotes = {_QUOTES_OF.format('old.document_id')} "
    f"WHERE rowid = {_KEY.format('old', 'document_id')}; "
    "END",
)

# Rebuilds the whole index from the tables: for databases that had documents before it existed.
SQLITE_REBUILD: tuple[str, ...] = (
    "DELETE FROM documents_search",
    "DELETE FROM documents_search_keys",
    "INSERT INTO documents_search_keys (document_id) SELECT id FROM documents ORDER BY id",
    "INSERT INTO documents_search (rowid, title, body, quotes) "
    f"SELECT k.key, d.title, d.text, {_QUOTES_OF.format('d.id')} "
    "FROM documents AS d JOIN documents_search_keys AS k ON k.document_id = d.id",
)

POSTGRES_DDL: tuple[str, ...] = (
    "CREATE INDEX IF NOT EXISTS ix_documents_search ON documents "
    f"USING gin (({_PG_DOCUMENT_VECTOR}))",
    f"CREATE INDEX IF NOT EXISTS ix_quotes_search ON quotes USING gin (({_PG_QUOTE_VECTOR}))",
)

SQLITE_OBJECTS = {
    "table": ("documents_search", "documents_search_keys", "documents_search_deferred"),
    "trigger": (
        "documents_search_insert",
        "documents_search_update",
        "documents_search_delete",
        "quotes_search_insert",
        "quotes_search_delete",
    ),
}


def create_search(connection: Connection, *, rebuild: bool = False) -> None:
    """Create the search objects if missing; ``rebuild`` also indexes the rows already stored.

    PostgreSQL indexes existing rows when the index is created, so ``rebuild`` matters to
    SQLite only.
    """
    dialect = connection.dialect.name
    if dialect == "sqlite":
        try:
            for statement in SQLITE_DDL:
                connection.exec_driver_sql(statement)
        except sa.exc.OperationalError as err:
            if "fts5" in str(err.orig):
                raise StoreError(
                    "this SQLite library was built without FTS5, which sitroom's text search "
                    "needs; use a Python whose sqlite3 module has it",
                    code="S503",
                ) from err
            raise
        if rebuild:
            for statement in SQLITE_REBUILD:
                connection.exec_driver_sql(statement)
    elif dialect == "postgresql":
        for statement in POSTGRES_DDL:
            connection.exec_driver_sql(statement)
    else:
        raise StoreError(f"no full-text search on {dialect}", code="S501")


@contextmanager
def deferred_quote_index(connection: Connection, document_ids: Sequence[str]) -> Iterator[None]:
    """Within the caller's transaction: the quotes these new documents get inside the block
    are indexed once per document at its end (SQLite; PostgreSQL's GIN index needs nothing)."""
    if connection.dialect.name != "sqlite" or not document_ids:
        yield
        return
    rows = [{"doc": doc} for doc in document_ids]
    connection.execute(_DEFER, rows)
    yield
    connection.execute(_INDEX_QUOTES, rows)
    connection.execute(_UNDEFER, rows)


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters and digits, punctuation dropped."""
    return _WORD.findall(text)


def fts5_query(text: str) -> str:
    """An FTS5 query matching every word of ``text``, each quoted so none is an operator.

    Stop words are left out; empty when only stop words remain, which matches nothing.
    """
    words = [w for w in search_words(text) if w.casefold() not in ENGLISH_STOP_WORDS]
    return " ".join(f'"{word}"' for word in words)


class DocumentMatches(sa.sql.expression.ColumnElement[bool]):
    """``document_id IN (documents whose title, text or quotes contain every word of text)``.

    Compiled per backend, so a statement using it stays one statement for both.
    """

    inherit_cache = False
    type = sa.Boolean()

    def __init__(self, document_id: sa.ColumnElement[Any], text: str) -> None:
        self.document_id = document_id
        self.text = text


@compiles(DocumentMatches, "sqlite")
def _sqlite_matches(element: DocumentMatches, compiler: SQLCompiler, **kw: Any) -> str:
    words = fts5_query(element.text)
    if not words:
        return compiler.process(sa.false(), **kw)
    query = sa.text(
        "SELECT documents_search_keys.document_id FROM documents_search "
        "JOIN documents_search_keys ON documents_search_keys.key = documents_search.rowid "
        "WHERE documents_search MATCH :search_query"
    ).bindparams(sa.bindparam("search_query", words, unique=True))
    column = compiler.process(element.document_id, **kw)
    return f"{column} IN ({compiler.process(query, **kw)})"


@compiles(DocumentMatches, "postgresql")
def _postgres_matches(element: DocumentMatches, compiler: SQLCompiler, **kw: Any) -> str:
    tsquery = f"plainto_tsquery({_PG_CONFIG}, :search_query)"
    query = sa.text(
        f"SELECT documents.id FROM documents WHERE {_PG_DOCUMENT_VECTOR} @@ {tsquery} "
        f"UNION SELECT quotes.document_id FROM quotes WHERE {_PG_QUOTE_VECTOR} @@ {tsquery}"
    ).bindparams(sa.bindparam("search_query", element.text, unique=True))
    column = compiler.process(element.document_id, **kw)
    return f"{column} IN ({compiler.process(query, **kw)})"


__all__ = [
    "ENGLISH_STOP_WORDS",
    "POSTGRES_DDL",
    "SQLITE_DDL",
    "SQLITE_OBJECTS",
    "SQLITE_REBUILD",
    "DocumentMatches",
    "create_search",
    "deferred_quote_index",
    "fts5_query",
    "search_words",
]
