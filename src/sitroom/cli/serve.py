"""``sitroom serve``: the HTTP API (and the dashboard, when installed) over one database."""

from __future__ import annotations

import click

from sitroom.cli.common import db_option, fail
from sitroom.config import Settings
from sitroom.errors import SitroomError


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="SITROOM_API_TOKEN",
    help="Bearer token for POST /api/documents; without one, adding documents is refused. "
    "Env SITROOM_API_TOKEN.",
)
@click.option(
    "--read-token",
    envvar="SITROOM_API_READ_TOKEN",
    help="Require this bearer token (or --token) for reads too. Env SITROOM_API_READ_TOKEN.",
)
@click.option("--log-level", default="info", show_default=True, help="uvicorn log level.")
@click.pass_context
def serve(
    ctx: click.Context,
    db: str,
    host: str,
    port: int,
    token: str | None,
    read_token: str | None,
    log_level: str,
) -> None:
    """Serve the JSON API at http://HOST:PORT/api (interactive docs at /docs).

    The database is created or migrated first, so a bad path or URL fails here with a clear
    message rather than on the first request.
    """
    try:
        import uvicorn

        from sitroom.api import create_app
    except ImportError as err:
        raise click.ClickException(
            f"the API needs the web extra: pip install 'sitroom[web]' ({err.name} is missing)"
        ) from err
    from sitroom.store import Store

    settings: Settings = ctx.obj
    # An empty value (SITROOM_API_TOKEN=) means no token, not the empty token.
    settings = settings.with_overrides(
        db=db, api_token=token or None, api_read_token=read_token or None
    )
    store = Store(settings.db)
    try:
        store.migrate()
    except SitroomError as exc:
        fail(exc)
    if host not in ("127.0.0.1", "localhost", "::1") and not settings.api_read_token:
        click.echo(
            f"sitroom: note: serving {host} with open reads; set --read-token to restrict them",
            err=True,
        )
    click.echo(f"sitroom: serving {store.url} at http://{host}:{port}/api (docs: /docs)", err=True)
    app = create_app(settings, store=store)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        store.close()


__all__ = ["serve"]
