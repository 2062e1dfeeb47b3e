"""``sitroom report``: a situation report of a country and period, as Markdown, HTML or PDF."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import click

from sitroom.cli.common import db_option, fail
from sitroom.errors import ReportError, SitroomError


def _day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"[S701] not a date YYYY-MM-DD: {value!r}") from None


@click.command()
@db_option
@click.option("--country", help="ISO 3166-1 alpha-2 code of the events' places, e.g. AF.")
@click.option(
    "--since", "--from", "date_from", callback=_day,
    help="First day, YYYY-MM-DD (included); --from is the older name.",
)  # fmt: skip
@click.option(
    "--until", "--to", "date_to", callback=_day,
    help="Last day, YYYY-MM-DD (included); --to is the older name.",
)  # fmt: skip
@click.option(
    "--format", "fmt", type=click.Choice(["md", "html", "pdf"]), default="md", show_default=True,
    help="md: Markdown; html: one self-contained page with the map inline; pdf: that page "
    "printed by headless Chromium (A4).",
)  # fmt: skip
@click.option(
    "-o", "--out", type=click.Path(dir_okay=False, path_type=Path),
    help="Write here, not to stdout; md puts its map beside it (report.md: report.map.svg).",
)  # fmt: skip
@click.option("--title", help="Title of the report.")
@click.option("--quotes", "max_quotes", type=click.IntRange(0), default=10, show_default=True,
              help="How many quotes to show.")  # fmt: skip
def report(
    db: str,
    country: str | None,
    date_from: dt.date | None,
    date_to: dt.date | None,
    fmt: str,
    out: Path | None,
    title: str | None,
    max_quotes: int,
) -> None:
    """A situation report: key messages, a figures box, developments by area, contested
    claims, quotes, map and sources, every statement footnoted with the articles it rests on.

    Markdown written to --out links its map, written beside it (report.md: report.map.svg);
    Markdown on stdout embeds the map as a data: URI so that it stands alone. PDF needs
    Chromium (Debian's chromium, or $SITROOM_CHROMIUM): without it, error S704.
    """
    from sitroom.report import build_report, event_map, render_html, render_markdown
    from sitroom.report.pdf import render_pdf
    from sitroom.store import Store

    try:
        with Store(db) as store:
            built = build_report(
                store,
                country=country,
                date_from=date_from,
                date_to=date_to,
                title=title,
                max_quotes=max_quotes,
            )
        if fmt == "html":
            _write(out, render_html(built))
            return
        if fmt == "pdf":
            _write_bytes(out, render_pdf(render_html(built)))
            return
        map_link = None
        if out is not None:
            drawn = event_map(built.developments)
            if drawn is not None:
                svg_path = out.with_suffix(".map.svg")
                _write(svg_path, drawn.svg + "\n")
                map_link = svg_path.name
        _write(out, render_markdown(built, map_link=map_link))
    except ReportError as exc:
        click.echo(f"sitroom: error {exc}", err=True)
        sys.exit(1 if exc.code in _RUN_ERRORS else 2)
    except SitroomError as exc:
        fail(exc)
    if out is not None:
        click.echo(f"report written to {out}", err=True)


# Failures of the run (exit 1), not of the options given (exit 2).
_RUN_ERRORS = frozenset({"S703", "S704", "S705"})


def _write_bytes(path: Path | None, content: bytes) -> None:
    if path is None:
        sys.stdout.buffer.write(content)
        sys.stdout.flush()
        return
    try:
        path.write_bytes(content)
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}", code="S703") from exc


def _write(path: Path | None, content: str) -> None:
    if path is None:
        click.echo(content, nl=False)
        return
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"cannot write {path}: {exc.strerror or exc}", code="S703") from exc


__all__ = ["report"]
