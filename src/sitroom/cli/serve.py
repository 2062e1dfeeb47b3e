"""``sitroom serve``: the HTTP API (and the dashboard, when installed) over one database."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any

import click

from sitroom.cli.common import db_option, fail
from sitroom.config import Settings
from sitroom.errors import ConfigError, SitroomError

MIN_TOKEN_CHARS = 24
# Exit-time codes of the checks below (ConfigError, S1xx).
SHORT_TOKEN = "S121"
EXPOSED = "S122"
TOKEN_FILE = "S123"


def _from_file(path: Path | None, what: str) -> str | None:
    if path is None:
        return None
    try:
        # Only the first line, without its line end: editors and `echo` add one.
        text = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the {what} file {path}: {exc}", code=TOKEN_FILE) from exc
    if not text or not text[0].strip():
        raise ConfigError(f"the {what} file {path} is empty", code=TOKEN_FILE)
    return text[0].strip()


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_tokens(host: str, token: str | None, read_token: str | None, *, public: bool) -> None:
    """Refuse a short token (S121) and, unless ``public``, a non-loopback address where
    anyone could read without a token (S122)."""
    for name, value in (("--token", token), ("--read-token", read_token)):
        if value is not None and len(value) < MIN_TOKEN_CHARS:
            raise ConfigError(
                f"the {name} value has {len(value)} characters; use at least "
                f"{MIN_TOKEN_CHARS} (for example: python -c 'import secrets; "
                "print(secrets.token_urlsafe(32))')",
                code=SHORT_TOKEN,
            )
    if not _is_loopback(host) and not read_token and not public:
        raise ConfigError(
            f"refusing to serve {host} with open reads: set a read token "
            "(SITROOM_API_READ_TOKEN or --read-token-file), or pass --public to serve "
            "everyone on purpose",
            code=EXPOSED,
        )


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option(
    "--token",
    envvar="SITROOM_API_TOKEN",
    help="Bearer token for POST /api/documents (24+ characters); without one, adding documents "
    "is refused. Prefer env SITROOM_API_TOKEN or --token-file: a value given here shows in ps.",
)
@click.option(
    "--token-file",
    envvar="SITROOM_API_TOKEN_FILE",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the write token from the first line of this file. Env SITROOM_API_TOKEN_FILE.",
)
@click.option(
    "--read-token",
    envvar="SITROOM_API_READ_TOKEN",
    help="Require this bearer token (or the write token) for reads too (24+ characters). "
    "Prefer env SITROOM_API_READ_TOKEN or --read-token-file.",
)
@click.option(
    "--read-token-file",
    envvar="SITROOM_API_READ_TOKEN_FILE",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Read the read token from the first line of this file. Env SITROOM_API_READ_TOKEN_FILE.",
)
@click.option(
    "--public",
    is_flag=True,
    help="Serve a non-loopback address without a read token (reads open to anyone).",
)
@click.option("--log-level", default="info", show_default=True, help="uvicorn log level.")
@click.option(
    "--workers",
    type=click.IntRange(1, 64),
    default=1,
    show_default=True,
    help="Worker processes (uvicorn): reads run in parallel, each worker with its own "
    "connections; the settings and tokens reach them through a file only you can read.",
)
@click.pass_context
def serve(
    ctx: click.Context,
    db: str,
    host: str,
    port: int,
    token: str | None,
    token_file: Path | None,
    read_token: str | None,
    read_token_file: Path | None,
    public: bool,
    log_level: str,
    workers: int,
) -> None:
    """Serve the JSON API at http://HOST:PORT/api (interactive docs at /docs).

    The database is created or migrated first, so a bad path or URL fails here with a clear
    message rather than on the first request. A non-loopback HOST needs a read token or
    --public; tokens have at least 24 characters. For TLS, put a reverse proxy in front (see
    the README).
    """
    try:
        import uvicorn

        from sitroom.api import create_app
    except ImportError as err:
        raise click.ClickException(
            f"the API needs the web extra: pip install 'sitroom[web]' ({err.name} is missing)"
        ) from err
    from sitroom.store import Store

    for name, env in (("token", "SITROOM_API_TOKEN"), ("read_token", "SITROOM_API_READ_TOKEN")):
        if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE:
            flag = "--" + name.replace("_", "-")
            click.echo(
                f"sitroom: warning: {flag} on the command line is visible to every user of this "
                f"machine (ps); use {env} or {flag}-file",
                err=True,
            )
    settings: Settings = ctx.obj
    try:
        # An empty value (SITROOM_API_TOKEN=) means no token, not the empty token.
        token = _from_file(token_file, "token") or token or None
        read_token = _from_file(read_token_file, "read token") or read_token or None
        check_tokens(host, token, read_token, public=public)
    except SitroomError as exc:
        fail(exc)
    settings = settings.with_overrides(db=db, api_token=token, api_read_token=read_token)
    store = Store(settings.db)
    try:
        store.migrate()
    except SitroomError as exc:
        fail(exc)
    if not _is_loopback(host) and not settings.api_read_token:
        click.echo(f"sitroom: note: serving {host} with reads open to anyone (--public)", err=True)
    click.echo(f"sitroom: serving {store.url} at http://{host}:{port}/api (docs: /docs)", err=True)
    if workers > 1:
        store.close()
        _run_workers(settings, workers, host=host, port=port, log_level=log_level)
        return
    app = create_app(settings, store=store)
    try:
        uvicorn.run(app, host=host, port=port, log_level=log_level)
    finally:
        store.close()


def _run_workers(settings: Settings, workers: int, **options: Any) -> None:
    """uvicorn's worker processes, each building the app from the settings file."""
    import uvicorn

    from sitroom.api.workers import FACTORY, SETTINGS_ENV, write_settings

    path = write_settings(settings)
    os.environ[SETTINGS_ENV] = str(path)  # inherited by the workers uvicorn starts
    try:
        uvicorn.run(FACTORY, factory=True, workers=workers, **options)
    finally:
        path.unlink(missing_ok=True)


__all__ = ["MIN_TOKEN_CHARS", "check_tokens", "serve"]
