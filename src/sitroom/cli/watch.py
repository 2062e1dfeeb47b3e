"""``sitroom watch`` (keep a store current from feeds, sitemaps and pages, firing alert rules)
and ``sitroom sources`` (each watched source's health)."""

from __future__ import annotations

import datetime as dt
import signal
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import click

from sitroom.cli.common import db_option, fail
from sitroom.config import Settings
from sitroom.errors import SitroomError
from sitroom.store import Store

if TYPE_CHECKING:
    from sitroom.watch import CycleReport, Watcher


def _interval(value: str | None) -> float | None:
    from sitroom.watch.config_files import parse_interval

    if value is None:
        return None
    try:
        return parse_interval(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.command()
@click.argument("inputs", nargs=-1)
@db_option
@click.option(
    "--sources", "sources_file", type=click.Path(dir_okay=False, path_type=Path),
    help="A sources.yaml file (URL, publisher, language, interval, licence per source).",
)  # fmt: skip
@click.option("--interval", help="Poll interval for sources that set none (30s, 5m, 1h).")
@click.option("--once", is_flag=True, help="Poll the due sources once and exit (cron, timers).")
@click.option(
    "--alerts", "alerts_file", type=click.Path(dir_okay=False, path_type=Path),
    help="An alerts.yaml file of alert rules.",
)  # fmt: skip
@click.option("--rate", type=float, default=1.0, show_default=True, help="Requests/s per host.")
@click.option("--timeout", type=float, default=15.0, show_default=True, help="Seconds.")
@click.option("--max-mb", type=float, default=20.0, show_default=True, help="Largest response.")
@click.option("--name", help="This watcher's name for leases (stable across restarts).")
@click.option(
    "--allow-private", is_flag=True,
    help="Allow loopback and private addresses (local test servers).",
)  # fmt: skip
@click.option("--ignore-robots", is_flag=True, hidden=True)
@click.option("--quiet", is_flag=True, help="No status line.")
@click.pass_context
def watch(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str,
    sources_file: Path | None,
    interval: str | None,
    once: bool,
    alerts_file: Path | None,
    rate: float,
    timeout: float,
    max_mb: float,
    name: str | None,
    allow_private: bool,
    ignore_robots: bool,
    quiet: bool,
) -> None:
    """Watch RSS/Atom feeds, sitemaps and pages: store each new item once, fire alert rules.

    Sources are URLs or sources .yaml files, as arguments or with --sources. State (validators,
    due times, errors, backoff) lives in the database, so a restart, even after kill -9,
    resumes. SIGINT/SIGTERM finish the current item and exit.
    """
    from sitroom.ingest import Limits
    from sitroom.service import Extractor
    from sitroom.store.watch_state import WatchState
    from sitroom.watch import (
        Alerter,
        PoliteOptions,
        PoliteTransport,
        Watcher,
        WatchOptions,
        load_rules,
        sources_from_arguments,
    )
    from sitroom.watch.sources import load_sources_file
    from sitroom.watch.watcher import default_owner

    settings: Settings = ctx.obj
    every = _interval(interval)
    try:
        sources = sources_from_arguments(inputs, interval=every)
        if sources_file is not None:
            sources += load_sources_file(sources_file, interval=every)
        if not sources:
            raise click.UsageError("give sources: URLs, a sources .yaml file, or --sources FILE")
        rules = load_rules(alerts_file) if alerts_file is not None else []
        polite = PoliteOptions(
            requests_per_second=rate,
            timeout=timeout,
            max_bytes=int(max_mb * 1024 * 1024),
            allow_private=allow_private,
            robots=not ignore_robots,
        )
        options = WatchOptions(
            polite=polite,
            limits=Limits(max_bytes=polite.max_bytes),
            owner=name or default_owner(),
        )
        stop = threading.Event()
        store = Store(db)
        alerter = Alerter(WatchState(store), rules, out=sys.stdout) if rules else None
        watcher = Watcher(
            store,
            sources,
            Extractor(settings),
            options=options,
            alerter=alerter,
            transport=PoliteTransport(options=polite),
            stop=stop,
        )
    except (SitroomError, ValueError) as exc:
        fail(exc if isinstance(exc, SitroomError) else SitroomError(str(exc), code="S100"))

    def on_signal(signum: int, frame: FrameType | None) -> None:
        if not quiet:
            click.echo("\nsitroom watch: stopping after the current item…", err=True)
        stop.set()

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    show = not quiet
    try:
        with store:
            if once:
                report = watcher.run_once()
                if show:
                    click.echo(_status_line(report, watcher), err=True)
                for source, reason in report.errors:
                    click.echo(f"sitroom: {source}: {reason}", err=True)
            else:
                tty = sys.stderr.isatty()
                last_line = [0.0]

                def status(report: CycleReport, current: Watcher) -> None:
                    # A log (not a terminal) gets a line when something was polled, or a
                    # heartbeat a minute, not one every few seconds.
                    quiet_log = not tty and not report.polled
                    if quiet_log and time.monotonic() - last_line[0] < 60:
                        return
                    last_line[0] = time.monotonic()
                    if show:
                        end = "\r" if tty else "\n"
                        click.echo(_status_line(report, current), err=True, nl=False)
                        click.echo(end, err=True, nl=False)

                watcher.run(status=status)
                if show and tty:
                    click.echo("", err=True)
    except SitroomError as exc:
        fail(exc)
    finally:
        watcher.close()
        if alerter is not None:
            alerter.close()
            for failure in alerter.failures:
                click.echo(
                    f"sitroom: alert {failure.rule} not delivered to {failure.target}: "
                    f"{failure.reason}",
                    err=True,
                )


def _status_line(report: CycleReport, watcher: Watcher) -> str:
    due = watcher.state.due(watcher.urls)
    return (
        f"watch {dt.datetime.now(dt.UTC):%H:%M:%S}: {len(watcher.urls)} sources, {due} due · "
        f"polled {report.polled} (unchanged {report.unchanged}, failed {report.failed}) · "
        f"new items {report.new_items} · {watcher.items_per_minute():.0f} items/min · "
        f"errors {len(report.errors)}"
    )


@click.command()
@db_option
def sources(db: str) -> None:
    """Each watched source's health: last check, status, errors, backoff, items stored."""
    from sitroom.store.watch_state import WatchState, utcnow

    try:
        with Store(db) as store:
            rows = WatchState(store).sources()
    except SitroomError as exc:
        fail(exc)
    if not rows:
        click.echo("no watched sources (sitroom watch URL… --db DB adds them)")
        return
    now = utcnow()
    for row in rows:
        if row.failures:
            health = f"FAILING x{row.failures}: {row.last_error}"
        elif row.last_checked is None:
            health = "not polled yet"
        else:
            health = "ok"
        due = row.next_due - now
        when = "due now" if due.total_seconds() <= 0 else f"next in {_span(due)}"
        checked = f"{row.last_checked:%Y-%m-%d %H:%M:%S}" if row.last_checked else "never"
        status = row.last_status if row.last_status is not None else "-"
        click.echo(
            f"{row.url}\n    {health} · last checked {checked} (HTTP {status}) · {when} · "
            f"items {row.items_stored} · errors {row.errors}"
            + (f" · held by {row.lease_owner}" if row.lease_owner else "")
        )


def _span(delta: dt.timedelta) -> str:
    seconds = int(delta.total_seconds())
    if seconds < 120:
        return f"{seconds}s"
    if seconds < 7200:
        return f"{seconds // 60}m"
    return f"{seconds // 3600}h"


__all__ = ["sources", "watch"]
