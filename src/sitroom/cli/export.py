"""``sitroom export``: the stored events as a dataset file (CSV, JSON Lines, GeoJSON, Parquet).

``event_filters`` and ``query_from_options`` are the filter options and their ``EventQuery``,
for any command that selects events.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from sitroom.cli.common import db_option, fail
from sitroom.errors import SitroomError, StoreError
from sitroom.ingest.text import parse_date
from sitroom.store import EventQuery, Store
from sitroom.store.export.files import FORMATS

_F = TypeVar("_F", bound=Callable[..., Any])

_FILTERS: tuple[Callable[[Any], Any], ...] = (
    click.option(
        "--type",
        "type_",
        multiple=True,
        help="PLOVER type, e.g. FIGHT; repeat or use commas for several (FIGHT,ASSAULT).",
    ),
    click.option(
        "--country",
        multiple=True,
        help="ISO 3166-1 alpha-2 code of the event's place; several as for --type.",
    ),
    click.option("--admin1", help="First-level division of the event's place (whole name)."),
    click.option(
        "--bbox",
        metavar="MIN_LON,MIN_LAT,MAX_LON,MAX_LAT",
        help="Places inside this box, in degrees; MIN_LON > MAX_LON crosses 180°.",
    ),
    click.option("--since", help="Events on or after YYYY-MM-DD."),
    click.option("--until", help="Events on or before YYYY-MM-DD."),
    click.option("--actor", help="Actor name or alias (substring)."),
    click.option(
        "--modality",
        multiple=True,
        help="asserted, claimed, denied, planned, conditional, negated…; several as for --type.",
    ),
    click.option(
        "--quad",
        multiple=True,
        help="verbal_cooperation, material_cooperation, verbal_conflict…; several allowed.",
    ),
    click.option(
        "--acled-type",
        multiple=True,
        help='ACLED event type, e.g. "Battles" or "Protests"; several allowed.',
    ),
    click.option("--text", help="Words that must all occur in the article or its quotes."),
    click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
    click.option("--after", metavar="CURSOR", help="Start after this event (its cursor)."),
    click.option(
        "--include-background",
        is_flag=True,
        help="Also background mentions ('in 2006 …', 'since 2015 …'), left out by default.",
    ),
)


def event_filters(command: _F) -> _F:
    """Add the event filter options; the command receives them as keyword arguments."""
    for option in reversed(_FILTERS):
        command = option(command)
    return command


def parse_bbox(text: str) -> tuple[float, float, float, float]:
    parts = [part.strip() for part in text.split(",")]
    try:
        values = [float(part) for part in parts]
    except ValueError:
        values = []
    if len(values) != 4:
        raise StoreError(
            f"--bbox takes MIN_LON,MIN_LAT,MAX_LON,MAX_LAT (four numbers), not {text!r}",
            code="S507",
        )
    return (values[0], values[1], values[2], values[3])


def query_from_options(
    *,
    type_: tuple[str, ...],
    country: tuple[str, ...],
    admin1: str | None,
    bbox: str | None,
    since: str | None,
    until: str | None,
    actor: str | None,
    modality: tuple[str, ...],
    quad: tuple[str, ...],
    acled_type: tuple[str, ...],
    text: str | None,
    limit: int | None,
    after: str | None,
    include_background: bool = False,
) -> EventQuery:
    """The ``EventQuery`` for the ``event_filters`` options; SitroomError on a bad value."""
    return EventQuery(
        type=type_ or None, country=country or None, admin1=admin1,
        bbox=None if bbox is None else parse_bbox(bbox),
        date_from=parse_date(since), date_to=parse_date(until), actor=actor,
        modality=modality or None, quad=quad or None, acled_event_type=acled_type or None,
        text=text, limit=limit, after=after, include_background=include_background,
    )  # fmt: skip


@click.command()
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(FORMATS), required=True,
    help="acled: ACLED's columns and rules (docs/export.md); csv: every event, ACLED names "
    "first; jsonl: whole extractions; geojson: points; parquet: the csv, typed.",
)  # fmt: skip
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path, allow_dash=True),
    help="File to write, replaced only once complete; - for standard output (not parquet).",
)
@click.option(
    "--corpus", is_flag=True,
    help="One record per happening merged across articles, with source counts.",
)  # fmt: skip
@click.option(
    "--include-unlocated", is_flag=True,
    help="geojson: also the events whose place has no coordinates (null geometry).",
)  # fmt: skip
@event_filters
def export(
    db: str, fmt: str, out: Path, corpus: bool, include_unlocated: bool, **filters: Any
) -> None:
    """Export stored events as a dataset file, filtered as in `sitroom events`.

    csv, geojson and parquet hold one record per event; jsonl holds the whole extraction of
    each document with a matching event (of every document when no filter is given), with
    the corpus event of each event. With --corpus, every format holds one record per corpus
    event instead.
    """
    from sitroom.store.export import write_export, write_text_export

    to_stdout = str(out) == "-"
    try:
        query = query_from_options(**filters)
        if to_stdout and fmt == "parquet":
            raise StoreError("parquet is binary: give a file with --out", code="S507")
        with Store(db) as store:
            if to_stdout:
                count = write_text_export(
                    store, fmt, sys.stdout, query, corpus=corpus,
                    include_unlocated=include_unlocated,
                )  # fmt: skip
            else:
                count = write_export(
                    store, fmt, out, query, corpus=corpus, include_unlocated=include_unlocated
                )
    except SitroomError as exc:
        fail(exc)
    what = "corpus events" if corpus else "documents" if fmt == "jsonl" else "events"
    where = "standard output" if to_stdout else str(out)
    click.echo(f"exported {count} {what} as {fmt} to {where}", err=True)


__all__ = ["event_filters", "export", "parse_bbox", "query_from_options"]
