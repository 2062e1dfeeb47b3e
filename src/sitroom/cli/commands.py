"""The commands of the ``sitroom`` group."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from sitroom.cli.common import db_option, fail
from sitroom.cli.export import event_filters, query_from_options
from sitroom.cli.listing import TableColumn, emit, format_option
from sitroom.config import Settings
from sitroom.errors import SitroomError
from sitroom.ingest.text import parse_date
from sitroom.model import Extraction
from sitroom.store import Store
from sitroom.store.export import COLUMNS, to_table
from sitroom.store.export.listings import CLAIM_COLUMNS


def _settings(ctx: click.Context) -> Settings:
    settings: Settings = ctx.obj
    return settings


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date YYYY-MM-DD; anchors relative dates.")
@click.option("--title", help="Title of the article.")
@click.option("--url", help="Where the article was published.")
@click.option("--publisher", help="Outlet that published it.")
@click.option(
    "--format", "fmt", type=click.Choice(["json", "jsonl", "table"]), default="json",
    show_default=True, help="json: one indented object per article; jsonl: one line each.",
)  # fmt: skip
@click.pass_context
def extract(
    ctx: click.Context,
    inputs: tuple[str, ...],
    published: str | None,
    title: str | None,
    url: str | None,
    publisher: str | None,
    fmt: str,
) -> None:
    """Extract events, places, times, actors, quotes, claims and figures from articles.

    INPUTS may be text files, HTML pages, feeds, WARC archives, JSONL files, folders, http(s)
    URLs, or - for standard input. An untitled article's first line is its title when it reads
    as a headline.
    """
    from sitroom.cli.inputs import read_cli_inputs, titled
    from sitroom.ingest import FetchPolicy
    from sitroom.service import Extractor

    try:
        day = parse_date(published)
        settings = _settings(ctx)
        read = read_cli_inputs(
            inputs, published=day, publisher=publisher,
            fetch_policy=FetchPolicy.from_settings(settings),
            fetch_deadline=settings.fetch_deadline,
        )  # fmt: skip
        items = list(titled(read, title=title, url=url))
        documents = [item.document for item in items if item.document]
        failed = [item for item in items if item.error is not None]
        for item in failed:
            click.echo(f"sitroom: error {item.error}", err=True)
        if documents:
            for ex in Extractor(_settings(ctx)).extract_many(documents):
                _print_extraction(ex, fmt)
    except SitroomError as exc:
        fail(exc)
    if failed:
        sys.exit(2)


def _print_extraction(ex: Extraction, fmt: str) -> None:
    from sitroom.cli.render import extraction_table

    if fmt == "table":
        click.echo(extraction_table(ex))
    else:
        click.echo(ex.to_json(indent=2 if fmt == "json" else None))


@click.command()
@db_option
@event_filters
@format_option
def events(db: str, fmt: str, **filters: Any) -> None:
    """List stored events, filtered."""
    try:
        query = query_from_options(**filters)
        with Store(db) as store:
            rows = store.events(query)
    except SitroomError as exc:
        fail(exc)
    if fmt == "table":
        click.echo(to_table(rows))
    else:
        emit(rows, fmt, columns=COLUMNS, table_columns=(), empty="")


_CLAIM_TABLE = (
    TableColumn("CLAIM", lambda r: f"{r.document_id}:{r.claim_id}", 20),
    TableColumn("STANCE", lambda r: r.stance, 6),
    TableColumn("CLAIMANT", lambda r: r.claimant, 24),
    TableColumn("TEXT", lambda r: r.text, 60),
    TableColumn("ABOUT", lambda r: f"{r.event_type} {r.event_id}" if r.event_id else None, 16),
    TableColumn("HEDGES", lambda r: ", ".join(r.hedges or []) or None, 16),
    TableColumn("CONTESTED", lambda r: "yes" if r.contested else None, 9),
)


@click.command()
@db_option
@click.option("--contested", is_flag=True, help="Only claims that take part in a contradiction.")
@click.option("--limit", type=click.IntRange(min=0))
@format_option
def claims(db: str, contested: bool, limit: int | None, fmt: str) -> None:
    """The claims ledger: who claims or denies what, with hedges and contradictions."""
    try:
        with Store(db) as store:
            if fmt != "table" or not contested:
                rows = [r for r in store.claims(limit=limit) if r.contested or not contested]
                emit(
                    rows, fmt, columns=CLAIM_COLUMNS, table_columns=_CLAIM_TABLE,
                    empty="no claims",
                )  # fmt: skip
                return
            # The contested table pairs each claim with the one it is at odds with.
            if contested:
                for pair in store.cross_contradictions():
                    click.echo(
                        f"across {pair.assert_document}:{pair.assert_claim} [assert] "
                        f"{pair.assert_claimant or '?'} ↔ {pair.deny_document}:{pair.deny_claim} "
                        f"[deny] {pair.deny_claimant or '?'}  ({pair.reason})"
                    )
                for side in store.contested_claims():
                    who = side.claimant or "?"
                    click.echo(
                        f"{side.document_id}:{side.claim_id} [{side.stance}] {who}: "
                        f"{_one_line(side.text)}  ↔ {side.opposing_claim_id}  ({side.reason})"
                    )
                return
    except SitroomError as exc:
        fail(exc)


def _one_line(text: str, width: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@click.command()
@db_option
def migrate(db: str) -> None:
    """Create the database or bring its schema up to this version of sitroom."""
    try:
        with Store(db) as store:
            applied = store.migrate()
    except SitroomError as exc:
        fail(exc)
    done = ", ".join(str(v) for v in applied) if applied else "none needed"
    click.echo(f"{db}: migrations applied: {done}")


@click.command()
def schema() -> None:
    """Print the JSON Schema of the extraction contract (sitroom.extraction/1)."""
    click.echo(json.dumps(Extraction.json_schema(), indent=2))


def register(group: click.Group) -> None:
    from sitroom.cli.corpus import corpus
    from sitroom.cli.demo import demo
    from sitroom.cli.export import export
    from sitroom.cli.intake import documents, ingest
    from sitroom.cli.serve import serve

    for command in (
        extract, ingest, documents, events, corpus, claims, export, migrate, schema, demo
    ):  # fmt: skip
        group.add_command(command)
    group.add_command(serve)
    from sitroom.cli.batch import batch, load

    group.add_command(batch)
    group.add_command(load)

    from sitroom.cli.report import report

    group.add_command(report)

    from sitroom.cli.watch import sources, watch

    group.add_command(watch)
    group.add_command(sources)


__all__ = ["db_option", "fail", "register"]
