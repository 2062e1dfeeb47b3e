"""Options and error handling shared by the commands."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from sitroom.config import Settings, load_settings
from sitroom.errors import SitroomError

# The user's mistakes, answered with exit status 2 like click's own usage errors: bad input
# (S2xx) and a bad filter, page or cursor (S507).
_USAGE_CODES = ("S2", "S507")


def fail(exc: SitroomError) -> NoReturn:
    click.echo(f"sitroom: error {exc}", err=True)
    sys.exit(2 if exc.code.startswith(_USAGE_CODES) else 1)


def _resolve_db(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    """The flag (or SITROOM_DB) when given, else ``db`` from the settings: the config file."""
    if value:
        return value
    settings = ctx.find_object(Settings)
    if settings is None:
        try:
            settings = load_settings()
        except SitroomError as exc:
            fail(exc)
    return settings.db


def shown_db(db: str) -> str:
    """The database as safe to print: a URL's password is hidden, a path is shown as given."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if "://" not in db:
        return db
    try:
        return make_url(db).render_as_string(hide_password=True)
    except ArgumentError:
        return "the database URL given"


db_option = click.option(
    "--db",
    envvar="SITROOM_DB",
    show_envvar=True,
    default=None,
    callback=_resolve_db,
    help="Database path or URL  [default: db in the config file, else sitroom.db]",
)


__all__ = ["db_option", "fail", "shown_db"]
