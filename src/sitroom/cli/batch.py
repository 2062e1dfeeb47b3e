"""``sitroom batch`` (extract archives into output shards, locally or on Ray) and
``sitroom load`` (import those shards into the store)."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import click

from sitroom.cli.common import db_option, fail, shown_db
from sitroom.config import Settings
from sitroom.errors import ConfigError, SitroomError
from sitroom.ingest.text import parse_date


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path),
    help="Folder of the output shards (created; a re-run skips the shards already there).",
)  # fmt: skip
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True)
@click.option("--address", help="Ray cluster to join (ray://host:10001 or host:6379).")
@click.option(
    "--format", "formats", type=click.Choice(["jsonl", "parquet"]), multiple=True,
    help="Output format; repeat for both  [default: jsonl]",
)  # fmt: skip
@click.option(
    "--workers", type=click.IntRange(min=1), default=None,
    help="Worker processes (local) or actors (ray)  [default: the cores available]",
)  # fmt: skip
@click.option("--batch-size", type=click.IntRange(min=1), default=4, show_default=True)
@click.option("--published", help="Publication date YYYY-MM-DD for articles that carry none.")
@click.option("--publisher", help="Outlet for articles that name none.")
@click.option("--progress/--no-progress", default=None, help="Progress  [default: on a TTY]")
@click.option("--quiet", is_flag=True, help="No progress lines.")
@click.pass_context
def batch(
    ctx: click.Context,
    inputs: tuple[str, ...],
    out: Path,
    engine: str,
    address: str | None,
    formats: tuple[str, ...],
    workers: int | None,
    batch_size: int,
    published: str | None,
    publisher: str | None,
    progress: bool | None,
    quiet: bool,
) -> None:
    """Extract archives (WARC, JSONL, feeds, pages, folders of them) into output shards in
    OUT: per input file, the contract JSON of each article and the status of each item, as
    JSONL and/or Parquet. Each shard is renamed into place when complete, so a killed batch
    restarted with the same command redoes only the unfinished shards. Load the results with
    ``sitroom load OUT --db ...``.
    """
    from sitroom.distributed import BatchSummary, run_batch
    from sitroom.distributed.shards import ReadSettings, ShardWriter
    from sitroom.service.batch import default_workers

    settings: Settings = ctx.obj
    show = not quiet and (progress if progress is not None else sys.stderr.isatty())
    if engine == "ray":
        # An optional extra: say so in one line rather than with run_ray's ImportError.
        try:
            importlib.import_module("ray")
        except ImportError:
            fail(ConfigError("--engine ray needs Ray: pip install 'sitroom[ray]'", code="S124"))

    def on_shard(writer: ShardWriter, summary: BatchSummary) -> None:
        if show:
            done = summary.written + summary.already_done
            rate = summary.items / summary.seconds if summary.seconds else 0.0
            left = summary.shards - done
            eta = left * summary.seconds / summary.written if summary.written else 0.0
            click.echo(
                f"shard {done}/{summary.shards} {writer.name}: {writer.items} items, "
                f"{writer.extracted} extracted, {writer.errors} errors | {rate:.1f} items/s, "
                f"ETA {eta:.0f}s",
                err=True,
            )

    try:
        read = ReadSettings(published=parse_date(published), publisher=publisher)
        summary = run_batch(
            inputs, out, engine=engine, workers=workers or default_workers(),
            batch_size=batch_size, formats=formats or ("jsonl",), settings=settings,
            read=read, address=address, progress=show, on_shard=on_shard,
        )  # fmt: skip
    except SitroomError as exc:
        fail(exc)
    except (ValueError, OSError) as exc:
        fail(SitroomError(str(exc), code="S200"))
    click.echo(f"{summary.line()} in {summary.seconds:.1f}s → {out}")


@click.command()
@click.argument("out", type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@click.option("--chunk-size", type=click.IntRange(min=1), default=64, show_default=True)
@click.pass_context
def load(ctx: click.Context, out: Path, db: str, chunk_size: int) -> None:
    """Import the shards written by ``sitroom batch`` into the store. Duplicates across
    shards and near-duplicates are settled here, as by ``sitroom ingest``; loading again
    adds nothing twice."""
    from sitroom.distributed.load import load_outputs
    from sitroom.service import Extractor
    from sitroom.store import Store

    try:
        with Store(db) as store:
            report = load_outputs(out, store, Extractor(ctx.obj), batch_size=chunk_size)
    except SitroomError as exc:
        fail(exc)
    for source, code, reason in report.errors:
        click.echo(f"sitroom: {code} {source}: {reason}", err=True)
    click.echo(f"{report.line()} in {report.seconds:.1f}s → {shown_db(db)}")


__all__ = ["batch", "load"]
