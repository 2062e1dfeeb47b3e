"""``sitroom demo``: run the main job on the bundled sample articles and summarise the result."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from sitroom.errors import SitroomError
from sitroom.ingest.text import make_document
from sitroom.resources import data_path, read_yaml


@click.command()
@click.option("--db", default="sitroom-demo.db", show_default=True, help="Database to fill.")
@click.pass_context
def demo(ctx: click.Context, db: str) -> None:
    """Ingest the bundled sample articles into a SQLite database and print a summary."""
    from sitroom.cli.common import fail
    from sitroom.ingest import Item, Meta
    from sitroom.service import Extractor, ingest_items
    from sitroom.store import Store

    try:
        folder = data_path("samples")
        listing = read_yaml(folder / "samples.yaml")
        items = []
        for entry in listing["samples"]:
            text = (folder / entry["file"]).read_text(encoding="utf-8")
            document = make_document(
                text,
                source=entry["file"],
                title=entry.get("title"),
                url=entry.get("url"),
                publisher=entry.get("publisher"),
                published=entry.get("published"),
            )
            meta = Meta(
                title=document.title,
                url=document.url,
                publisher=document.publisher,
                published=document.published,
                published_from="argument",
                language="en",
            )
            items.append(Item(source=f"samples/{entry['file']}", document=document, meta=meta))
        click.echo(f"sitroom demo: {len(items)} sample articles → {db}", err=True)
        with Store(db) as store:
            report = ingest_items(items, store, Extractor(ctx.obj))
            summary = store.summary()
            contested = store.contested_claims()
            happenings = store.corpus_events()
            actors = store.actors(limit=5)
    except SitroomError as exc:
        fail(exc)
    click.echo(f"\n{report.line()} in {report.seconds:.1f}s")
    click.echo(
        f"documents {summary.documents} · events {summary.events} · entities {summary.entities} · "
        f"quotes {summary.quotes} · claims {summary.claims} · contradictions "
        f"{summary.contradictions} · figures {summary.figures}"
    )
    click.echo("\nevents by PLOVER type:")
    for type_, count in sorted(summary.events_by_type.items(), key=lambda kv: (-kv[1], kv[0])):
        click.echo(f"  {type_:<12} {count:>4}")
    click.echo("\ncontested claims:")
    if not contested:
        click.echo("  (none)")
    for row in contested:
        text = " ".join(row.text.split())
        text = text if len(text) <= 90 else text[:89] + "…"
        click.echo(f"  [{row.stance:<6}] {row.claimant or '?'}: “{text}”  ({row.title})")
    widest = sorted(happenings, key=lambda r: (-r.sources, -r.mentions, r.id))[:5]
    click.echo(
        f"\n{len(happenings)} happenings (corpus events) from {summary.events} event mentions; "
        "most widely reported:"
    )
    for happening in widest:
        flag = "  contested" if happening.contested else ""
        click.echo(
            f"  {happening.type:<10} {happening.place or '-':<18} {happening.sources} source(s), "
            f"{happening.mentions} mention(s){flag}"
        )
    click.echo("\nmost mentioned actors: " + ", ".join(f"{a.name} ({a.documents})" for a in actors))
    click.echo(f"\ndatabase: {Path(db).resolve()}")
    click.echo(
        f"next: sitroom corpus --db {db}  ·  sitroom serve --db {db}  ·  sitroom report --db {db}"
    )
    sys.stdout.flush()


__all__ = ["demo"]
