"""``sitroom ingest`` and ``sitroom documents``: fill the store from any inputs, show the intake."""

from __future__ import annotations

import sys

import click

from sitroom.cli.common import db_option, fail, shown_db
from sitroom.cli.listing import TableColumn, emit, format_option
from sitroom.config import Settings
from sitroom.errors import SitroomError
from sitroom.ingest.text import parse_date
from sitroom.store import Store

DEFAULT_BATCH = 4
DEFAULT_CHUNK = 64


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--published", help="Publication date YYYY-MM-DD for articles that carry none.")
@click.option("--publisher", help="Outlet for articles that name none.")
@click.option("--title", help="Title of the article (for one article; default: its headline).")
@click.option("--url", help="Where the article was published (for one article).")
@click.option("--jsonl-text", default="text", show_default=True, help="JSONL field of the text.")
@click.option("--jsonl-title", default="title", show_default=True)
@click.option("--jsonl-url", default="url", show_default=True)
@click.option("--jsonl-date", default="date", show_default=True)
@click.option("--jsonl-publisher", default="publisher", show_default=True)
@click.option("--fetch-pages", is_flag=True, help="Fetch the pages of feed items with summaries.")
@click.option("--max-mb", type=float, default=20.0, show_default=True, help="Largest input.")
@click.option("--max-items", type=int, default=100_000, show_default=True, help="Per input.")
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Worker processes for the NLP  [default: the cores available]",
)  # fmt: skip
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH, show_default=True,
    help="Articles per NLP batch (one task of a worker).",
)  # fmt: skip
@click.option(
    "--chunk-size", type=click.IntRange(min=1), default=DEFAULT_CHUNK, show_default=True,
    help="Items per transaction: what a killed run may have to redo.",
)  # fmt: skip
@click.option("--profile", is_flag=True, help="Print the time spent in each stage (stderr).")
@click.option("--progress/--no-progress", default=None, help="Progress bar  [default: on a TTY]")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--allow-errors", is_flag=True,
    help="Exit 0 even when some items failed  [default: exit 1, or 2 when every item failed]",
)  # fmt: skip
@click.pass_context
def ingest(
    ctx: click.Context,
    inputs: tuple[str, ...],
    db: str,
    published: str | None,
    publisher: str | None,
    title: str | None,
    url: str | None,
    jsonl_text: str,
    jsonl_title: str,
    jsonl_url: str,
    jsonl_date: str,
    jsonl_publisher: str,
    fetch_pages: bool,
    max_mb: float,
    max_items: int,
    workers: int | None,
    batch_size: int,
    chunk_size: int,
    profile: bool,
    progress: bool | None,
    quiet: bool,
    allow_errors: bool,
) -> None:
    """Read, extract and store articles: files, folders, HTML pages, RSS/Atom feeds, WARC
    archives, JSONL files, http(s) URLs and - (standard input). Each item ends processed, duplicate,
    near-duplicate, unsupported or error; re-running the same command adds nothing twice.
    Exits 1 when any item failed (2 when all did) unless --allow-errors is given.
    """
    from sitroom.cli.inputs import read_cli_inputs, titled
    from sitroom.cli.progress import ItemProgress, estimate_items
    from sitroom.ingest import Fetcher, FetchPolicy, JsonlFields, Limits
    from sitroom.service import Extractor, IngestReport, ingest_items
    from sitroom.service.batch import default_workers, make_engine
    from sitroom.service.profile import StageProfile, reader_timing

    settings: Settings = ctx.obj
    show = not quiet and (progress if progress is not None else sys.stderr.isatty())
    bar = ItemProgress(estimate_items(inputs)) if show else None
    stages = StageProfile() if profile else None
    # The running report as of the last committed chunk: what a failed or interrupted run
    # has stored, told to the user whatever stops it.
    committed: list[IngestReport] = []

    def on_chunk(report: IngestReport) -> None:
        committed[:] = [report]
        if bar is not None:
            bar.detail(report.line())

    def stopped(message: str) -> str:
        done = committed[0].items if committed else 0
        return (
            f"{message}; {done} items were committed before it stopped — rerun the same "
            f"`sitroom ingest` command to continue (nothing is added twice)"
        )

    try:
        fields = JsonlFields(
            text=jsonl_text, title=jsonl_title, url=jsonl_url, date=jsonl_date,
            publisher=jsonl_publisher,
        )  # fmt: skip
        limits = Limits(max_bytes=int(max_mb * 1024 * 1024), max_items=max_items)
        policy = FetchPolicy.from_settings(settings)
        deadline = settings.fetch_deadline
        fetcher = Fetcher(policy=policy, deadline=deadline) if fetch_pages else None
        read = read_cli_inputs(
            inputs, published=parse_date(published), publisher=publisher,
            jsonl_fields=fields, limits=limits, fetcher=fetcher, fetch_policy=policy,
            fetch_deadline=deadline,
        )  # fmt: skip
        items = titled(read, title=title, url=url)
        extractor = Extractor(settings)
        engine = make_engine(
            extractor, workers=workers or default_workers(), batch_size=batch_size,
            profile=profile,
        )  # fmt: skip
        try:
            with Store(db) as store, reader_timing(stages):
                report = ingest_items(
                    items, store, extractor, batch_size=chunk_size, progress=on_chunk,
                    on_item=None if bar is None else bar.advance, engine=engine,
                    profile=stages,
                )  # fmt: skip
        finally:
            engine.close()
    except SitroomError as exc:
        fail(type(exc)(stopped(exc.message), code=exc.code))
    except KeyboardInterrupt:
        click.echo(f"sitroom: {stopped('interrupted')}", err=True)
        sys.exit(130)
    if bar is not None:
        bar.close()
    if stages is not None:
        stages.articles = report.processed
        click.echo(stages.table(), err=True)
    for source, code, reason in report.errors:
        click.echo(f"sitroom: {code} {source}: {reason}", err=True)
    click.echo(f"{report.line()} in {report.seconds:.1f}s → {shown_db(db)}")
    if report.errors and not allow_errors:
        click.echo(
            f"sitroom: {len(report.errors)} of {report.items} items failed; `sitroom documents "
            f"--status error` lists them (--allow-errors exits 0 all the same)",
            err=True,
        )
        sys.exit(2 if report.items == len(report.errors) else 1)


@click.command()
@db_option
@click.option(
    "--status",
    type=click.Choice(["processed", "duplicate", "near_duplicate", "unsupported", "error"]),
    help="Only inputs that ended this way.",
)
@click.option("--limit", type=click.IntRange(min=0))
@format_option
def documents(db: str, status: str | None, limit: int | None, fmt: str) -> None:
    """What was ingested: each input's status, document, duplicates and errors."""
    from sitroom.store.export.listings import INPUT_COLUMNS

    try:
        with Store(db) as store:
            rows = store.inputs(status=status, limit=limit)
            summary = store.summary()
    except SitroomError as exc:
        fail(exc)
    if fmt == "table":
        counts = ", ".join(f"{k} {v}" for k, v in sorted(summary.inputs_by_status.items()))
        click.echo(f"{summary.documents} documents; inputs: {counts or 'none'}")
    emit(rows, fmt, columns=INPUT_COLUMNS, table_columns=_INPUT_TABLE, empty="no inputs")


_INPUT_TABLE = (
    TableColumn("STATUS", lambda r: r.status, 14),
    TableColumn("CODE", lambda r: r.code, 4),
    TableColumn("DOCUMENT", lambda r: r.document_id, 16),
    TableColumn("SOURCE", lambda r: r.source, 48),
    TableColumn("TITLE OR REASON", lambda r: r.reason or r.title, 60),
)


__all__ = ["documents", "ingest"]
