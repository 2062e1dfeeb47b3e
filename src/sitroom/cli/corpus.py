"""``sitroom corpus``: happenings merged across articles, with their sources and evidence."""

from __future__ import annotations

from typing import Any

import click

from sitroom.cli.common import db_option, fail
from sitroom.cli.export import event_filters, query_from_options
from sitroom.cli.listing import TableColumn, emit, format_option
from sitroom.errors import SitroomError, StoreError
from sitroom.store import Store
from sitroom.store.corpus_query import CorpusEventDetail, CorpusEventRow

CORPUS_TABLE = (
    TableColumn("ID", lambda r: r.id, 18),
    TableColumn("DATE", lambda r: r.date_start, 10),
    TableColumn("TYPE", lambda r: r.type, 11),
    TableColumn("MODALITY", lambda r: r.modality, 9),
    TableColumn("ACTORS", lambda r: " / ".join(a for a in (r.actor1, r.actor2) if a) or None, 40),
    TableColumn("PLACE", lambda r: r.place, 20),
    TableColumn("CC", lambda r: r.country, 2),
    TableColumn("SOURCES", lambda r: r.sources, 7, right=True),
    TableColumn("ARTICLES", lambda r: r.articles, 8, right=True),
    TableColumn("MENTIONS", lambda r: r.mentions, 8, right=True),
    TableColumn("CONTESTED", lambda r: "yes" if r.contested else None, 9),
)


def _line(row: CorpusEventRow) -> str:
    day = str(row.date_start or "undated")
    actors = " / ".join(a for a in (row.actor1, row.actor2) if a) or "-"
    flag = "  CONTESTED" if row.contested else ""
    return (
        f"{row.id}  {day:10}  {row.type:10} {row.modality:9} {actors[:40]:40}  "
        f"{(row.place or '-')[:20]:20} {row.country or '--'}  "
        f"sources {row.sources}, articles {row.articles}, mentions {row.mentions}{flag}"
    )


def _detail(detail: CorpusEventDetail) -> str:
    row = detail.event
    lines = [_line(row), "", "mentions:"]
    for m in detail.mentions:
        lines.append(
            f"  {m.document_id}:{m.event_id} [{m.modality}] {m.publisher or '?'}, "
            f"{m.published or 'undated'}: {' '.join(m.sentence.split())}"
        )
    if detail.links:
        lines += ["", "merged because:"]
        lines += [
            f"  {k.document_a}:{k.event_a} = {k.document_b}:{k.event_b}: {k.reason}"
            for k in detail.links
        ]
    sides = (("claims for", detail.claims_for), ("claims against", detail.claims_against))
    for title, side in sides:
        if side:
            lines += ["", f"{title}:"]
            lines += [
                f"  {c.claimant or '?'} ({c.publisher or c.document_id}, {c.published or '?'}): "
                f"{' '.join(c.text.split())}"
                for c in side
            ]
    return "\n".join(lines)


@click.command()
@db_option
@event_filters
@click.option("--min-sources", type=click.IntRange(min=0), help="At least this many outlets.")
@click.option("--contested", is_flag=True, help="Only happenings with claims for and against.")
@click.option("--show", metavar="ID", help="One corpus event with its mentions and claims.")
@click.option(
    "--rebuild", is_flag=True, help="Recompute every corpus event (after editing merge rules)."
)
@format_option
def corpus(
    db: str,
    min_sources: int | None,
    contested: bool,
    show: str | None,
    rebuild: bool,
    fmt: str,
    **filters: Any,
) -> None:
    """Happenings merged across articles: one row each, with independent sources counted."""
    from sitroom.store.export.corpus_columns import CORPUS_COLUMNS

    try:
        with Store(db) as store:
            if rebuild:
                count = store.rebuild_corpus_events()
                click.echo(f"rebuilt {count} corpus events", err=True)
                return
            if show is not None:
                detail = store.corpus_event(show)
                if detail is None:
                    raise StoreError(f"no corpus event {show!r} in {store.url}", code="S510")
                click.echo(_detail(detail))
                return
            rows = store.corpus_events(
                query_from_options(**filters),
                min_sources=min_sources,
                contested=True if contested else None,
            )
    except SitroomError as exc:
        fail(exc)
    emit(rows, fmt, columns=CORPUS_COLUMNS, table_columns=CORPUS_TABLE, empty="no corpus events")


__all__ = ["corpus"]
