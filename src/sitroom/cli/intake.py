"""``sitroom ingest`` and ``sitroom documents``: fill the store from any inputs, show the intake."""

from __future__ import annotations

import sys

import click

from sitroom.cli.common import db_option, fail
from sitroom.config import Settings
from sitroom.errors import SitroomError
from sitroom.ingest.text import parse_date
from sitroom.store import Store


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", help="Publication date YYYY-MM-DD for articles that carry none.")
@click.option("--publisher", help="Outlet for articles that name none.")
@click.option("--jsonl-text", default="text", show_default=True, help="JSONL field of the text.")
@click.option("--jsonl-title", default="title", show_default=True)
@click.option("--jsonl-url", default="url", show_default=True)
@click.option("--jsonl-date", default="date", show_default=True)
@click.option("--jsonl-publisher", default="publisher", show_default=True)
@click.option("--fetch-pages", is_flag=True, help="Fetch the pages of feed items with summaries.")
@click.option("--max-mb", type=float, default=20.0, show_default=True, help="Largest input.")
@click.option("--max-items", type=int, default=100_000, show_default=True, help="Per input.")
@click.option("--batch-size", type=int, default=16, show_default=True)
@click.option("--quiet", is_flag=True, help="No progress line.")
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str,
    published: str | None,
    publisher: str | None,
    jsonl_text: str,
    jsonl_title: str,
    jsonl_url: str,
    jsonl_date: str,
    jsonl_publisher: str,
    fetch_pages: bool,
    max_mb: float,
    max_items: int,
    batch_size: int,
    quiet: bool,
) -> None:
    """Read, extract and store articles: files, folders, HTML pages, RSS/Atom feeds, WARC
    archives, JSONL files and http(s) URLs. Each item ends processed, duplicate,
    near-duplicate, unsupported or error; re-running the same command adds nothing twice.
    """
    from sitroom.ingest import Fetcher, JsonlFields, Limits, read_inputs
    from sitroom.service import Extractor, IngestReport, ingest_items

    settings: Settings = ctx.obj
    tty = sys.stderr.isatty()

    def progress(report: IngestReport) -> None:
        if not quiet:
            click.echo(("\r" if tty else "") + report.line(), err=True, nl=not tty)

    try:
        fields = JsonlFields(
            text=jsonl_text, title=jsonl_title, url=jsonl_url, date=jsonl_date,
            publisher=jsonl_publisher,
        )  # fmt: skip
        limits = Limits(max_bytes=int(max_mb * 1024 * 1024), max_items=max_items)
        fetcher = Fetcher() if fetch_pages else None
        items = read_inputs(
            inputs, published=parse_date(published), publisher=publisher,
            jsonl_fields=fields, limits=limits, fetcher=fetcher,
        )  # fmt: skip
        with Store(db) as store:
            report = ingest_items(
                items, store, Extractor(settings), batch_size=batch_size, progress=progress
            )
    except SitroomError as exc:
        fail(exc)
    if tty and not quiet:
        click.echo("", err=True)
    for source, code, reason in report.errors:
        click.echo(f"sitroom: {code} {source}: {reason}", err=True)
    click.echo(f"{report.line()} in {report.seconds:.1f}s → {db}")
    if report.errors and report.items == len(report.errors):
        sys.exit(2)


@click.command()
@db_option
@click.option(
    "--status",
    type=click.Choice(["processed", "duplicate", "near_duplicate", "unsupported", "error"]),
    help="Only inputs that ended this way.",
)
@click.option("--limit", type=int)
def documents(db: str, status: str | None, limit: int | None) -> None:
    """What was ingested: each input's status, document, duplicates and errors."""
    try:
        with Store(db) as store:
            rows = store.inputs(status=status, limit=limit)
            summary = store.summary()
    except SitroomError as exc:
        fail(exc)
    counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.inputs_by_status.items()))
    click.echo(f"{summary.documents} documents; inputs: {counts or 'none'}")
    for row in rows:
        detail = row.reason or row.title or ""
        code = f" {row.code}" if row.code else ""
        click.echo(f"{row.status:<14}{code} {row.document_id or '-':<16} {row.source}  {detail}")


__all__ = ["documents", "ingest"]
