"""Pages of events: ``limit`` with an opaque ``after`` cursor, and ``Store.iter_events``."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sitroom.errors import StoreError
from sitroom.model import Document, Event, EventDate, Extraction
from sitroom.store import EventQuery, EventRow, Store
from sitroom.store.event_query import decode_cursor, encode_cursor


def build_many(doc_id: str, count: int, *, undated_every: int = 4) -> Extraction:
    """``count`` PROTEST events over a few days, several per day, every n-th one undated."""
    text = " ".join(f"Crowd {n} marched." for n in range(count))
    events = []
    for n in range(count):
        start = text.index(f"Crowd {n} ")
        day = None if n % undated_every == 0 else dt.date(2025, 6, 1 + n % 3)
        events.append(
            Event(
                id=f"ev{n}",
                type="PROTEST",
                cameo="14",
                quad="verbal_conflict",
                date=EventDate(start=day, end=day),
                trigger=(start, start + 5),
                sentence=(start, text.index(".", start) + 1),
                confidence=0.5,
            )
        )
    return Extraction(document=Document(id=doc_id, text=text), events=events)


def ids(rows: list[EventRow]) -> list[tuple[str, str]]:
    return [(row.document_id, row.event_id) for row in rows]


@pytest.fixture
def many(store: Store) -> Store:
    # Two documents whose events share dates, so ties are broken by document id and event id.
    store.add_many([build_many("bbbb000000000000", 13), build_many("aaaa000000000000", 9)])
    return store


def pages(store: Store, query: EventQuery) -> list[list[EventRow]]:
    found: list[list[EventRow]] = []
    after = query.after
    while True:
        page = store.events(dataclasses.replace(query, after=after))
        if not page:
            return found
        found.append(page)
        after = page[-1].cursor


def test_order_is_date_desc_undated_last_then_ids(many: Store) -> None:
    rows = many.events()
    assert len(rows) == 22
    dated = [row for row in rows if row.date_start is not None]
    undated = rows[len(dated) :]
    assert all(row.date_start is None for row in undated)
    assert [row.date_start for row in dated] == sorted(
        (row.date_start for row in dated), reverse=True
    )
    keys = [(-(r.date_start or dt.date.min).toordinal(), r.document_id, r.event_id) for r in dated]
    assert keys == sorted(keys)
    assert ids(undated) == sorted(ids(undated))


@pytest.mark.parametrize("size", [1, 4, 5, 22, 50])
def test_pages_cover_every_event_once_in_order(many: Store, size: int) -> None:
    everything = many.events()
    got = pages(many, EventQuery(limit=size))
    assert [row for page in got for row in page] == everything
    assert all(len(page) == size for page in got[:-1])


def test_cursor_pages_respect_filters(many: Store) -> None:
    query = EventQuery(date_from=dt.date(2025, 6, 2), limit=3)
    everything = many.events(dataclasses.replace(query, limit=None))
    assert {row.date_start for row in everything} == {dt.date(2025, 6, 2), dt.date(2025, 6, 3)}
    assert [row for page in pages(many, query) for row in page] == everything


def test_cursor_survives_inserts_and_deletes(many: Store) -> None:
    first = many.events(EventQuery(limit=6))
    cursor = first[-1].cursor
    expected_rest = many.events()[6:]
    # A document added after the first page: its events sort before the cursor's date or after.
    many.add(build_many("0000000000000000", 5))
    rest = [row for page in pages(many, EventQuery(limit=4, after=cursor)) for row in page]
    old = [row for row in rest if row.document_id != "0000000000000000"]
    assert ids(old) == ids(expected_rest)
    # Only the new events that sort after the cursor appear, and none twice.
    assert len(ids(rest)) == len(set(ids(rest)))


def test_cursor_of_an_undated_row(many: Store) -> None:
    rows = many.events()
    undated_start = next(i for i, row in enumerate(rows) if row.date_start is None)
    cursor = rows[undated_start].cursor
    assert decode_cursor(cursor)[0] is None
    assert many.events(EventQuery(after=cursor)) == rows[undated_start + 1 :]
    assert many.events(EventQuery(after=rows[-1].cursor)) == []


def test_iter_events_reads_page_by_page(many: Store) -> None:
    everything = many.events()
    assert list(many.iter_events(page_size=5)) == everything
    assert list(many.iter_events(EventQuery(limit=7), page_size=3)) == everything[:7]
    assert list(many.iter_events(EventQuery(limit=0))) == []
    after = everything[9].cursor
    assert list(many.iter_events(EventQuery(after=after), page_size=4)) == everything[10:]
    with pytest.raises(StoreError, match="page_size") as info:
        list(many.iter_events(page_size=0))
    assert info.value.code == "S507"


def test_cursor_is_opaque_and_checked() -> None:
    cursor = encode_cursor(dt.date(2025, 6, 1), "doc with spaces/and:odd", "ev1")
    assert cursor.isascii() and " " not in cursor and "/" not in cursor
    assert decode_cursor(cursor) == (dt.date(2025, 6, 1), "doc with spaces/and:odd", "ev1")
    assert decode_cursor(encode_cursor(None, "d", "é")) == (None, "d", "é")
    for bad in ("", "e1.", "e1.!!!", "x1.WyJ4Il0", cursor[:-3], encode_cursor(None, "d", "e")[3:]):
        with pytest.raises(StoreError, match="not a cursor") as info:
            EventQuery(after=bad)
        assert info.value.code == "S507"
