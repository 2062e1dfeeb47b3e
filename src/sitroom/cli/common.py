"""Options and error handling shared by the commands."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from sitroom.errors import SitroomError


def fail(exc: SitroomError) -> NoReturn:
    click.echo(f"sitroom: error {exc}", err=True)
    sys.exit(2 if exc.code.startswith("S2") else 1)


db_option = click.option(
    "--db",
    envvar="SITROOM_DB",
    default="sitroom.db",
    show_default=True,
    help="Database path or URL.",
)


__all__ = ["db_option", "fail"]
