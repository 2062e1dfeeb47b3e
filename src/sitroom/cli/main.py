"""The ``sitroom`` command line: extract, ingest, events, schema, demo."""

from __future__ import annotations

from pathlib import Path

import click

from sitroom.cli.commands import register
from sitroom.cli.common import fail
from sitroom.config import load_settings
from sitroom.errors import SitroomError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="sitroom")
@click.option("--model", help="spaCy pipeline to use (name or path); env SITROOM_MODEL.")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where sitroom keeps its gazetteer index; env SITROOM_DATA_DIR.",
)
@click.pass_context
def cli(ctx: click.Context, model: str | None, data_dir: Path | None) -> None:
    """sitroom: turn news reports into events, places, times, actors, quotes and claims."""
    try:
        ctx.obj = load_settings(model=model, data_dir=data_dir)
    except SitroomError as exc:
        fail(exc)


register(cli)


def main() -> None:
    cli(prog_name="sitroom")


__all__ = ["cli", "main"]
