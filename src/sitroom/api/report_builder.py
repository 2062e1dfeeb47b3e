"""Situation reports built in a process of their own, so that building one does not stall the
other requests of the server.

A report reads and aggregates the whole store: seconds of Python for a store of a thousand
articles. Built on one of the server's threads it holds the interpreter lock most of that
time, and every list request of the same process waits its turn (p95 of the event list went
from tens of milliseconds to tens of seconds with reports asked for during an ingest). In a
separate process, with its own connection to the same database, it takes a core of its own
instead. One process per server process, started on the first report; a store that another
process cannot open (SQLite in memory) is reported on the calling thread as before.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor

from sitroom.api.errors import UNAVAILABLE
from sitroom.errors import SitroomError
from sitroom.store import Store

# The child's stores, by URL: opened once, reused by every report it builds.
_STORES: dict[str, Store] = {}

# How much the report process yields to the server's (nice increment, 0..19). On a machine
# with fewer free cores than busy processes, a report at equal priority takes its full share
# from the list requests beside it; lowered, it runs on what they leave and only its own
# clients wait longer. 5 gives it about a quarter of a core against one busy process; 10
# (a tenth) starved it on a loaded machine: reports under an ingest passed the clients'
# 120 s timeout (bench/api_load.py).
REPORT_NICENESS = 5

# (body, or None after an error; the error's class, message and code)
_Outcome = tuple[str | None, type[SitroomError] | None, str, str]


def render_report(
    store: Store,
    country: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    format: str,
) -> str:
    """The report as Markdown (``md``) or one HTML page."""
    from sitroom.report import build_report, render_html, render_markdown

    built = build_report(store, country=country, date_from=date_from, date_to=date_to)
    return render_markdown(built) if format == "md" else render_html(built)


def _lower_priority() -> None:
    """Run once in the report process as it starts: lower its scheduling priority."""
    if hasattr(os, "nice"):  # not on Windows: there the process keeps the server's priority
        os.nice(REPORT_NICENESS)


def _render_in_child(
    url: str,
    country: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    format: str,
) -> _Outcome:
    store = _STORES.get(url) or _STORES.setdefault(url, Store(url))
    try:
        return render_report(store, country, date_from, date_to, format), None, "", ""
    except SitroomError as err:
        # Sent back as parts: an exception with keyword arguments does not always unpickle.
        return None, type(err), err.message, err.code


class ReportBuilder:
    """Builds reports over ``store`` in a child process (``url``: how the child opens it)."""

    def __init__(self, store: Store, url: str | None) -> None:
        self._store, self._url = store, url
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._closed = False

    def build(
        self,
        country: str | None,
        date_from: dt.date | None,
        date_to: dt.date | None,
        format: str,
    ) -> str:
        if self._url is None:
            return render_report(self._store, country, date_from, date_to, format)
        future = self._executor().submit(
            _render_in_child, self._url, country, date_from, date_to, format
        )
        body, kind, message, code = future.result()
        if body is not None:
            return body
        try:
            error = (kind or SitroomError)(message, code=code)
        except TypeError:  # a subclass with other required arguments
            error = SitroomError(message, code=code)
        raise error

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                # A background refresh that outlived the server: no new process for it.
                raise SitroomError("the report builder is closed", code=UNAVAILABLE)
            if self._pool is None:
                # spawn: a fresh interpreter, not a fork of a server with running threads.
                context = multiprocessing.get_context("spawn")
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=context, initializer=_lower_priority
                )
            return self._pool

    def close(self) -> None:
        with self._lock:
            self._closed = True
            if self._pool is not None:
                self._pool.shutdown(wait=True, cancel_futures=True)
                self._pool = None


__all__ = ["REPORT_NICENESS", "ReportBuilder", "render_report"]
