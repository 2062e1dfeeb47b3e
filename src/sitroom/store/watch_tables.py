"""The tables behind ``sitroom watch`` (migration 10): each watched source's polling state, and
the alerts that fired.

- ``watch_sources``: one row per feed, sitemap or page being watched. Besides what the user
  configured (publisher, language, licence note, interval) it keeps the HTTP validators of the
  last successful fetch (``etag``, ``last_modified``), when the source is due again, how often it
  failed in a row and why, and a lease: the watcher that is polling it now and until when. A
  watcher takes a source only when no other holds a live lease on it, so several watchers can
  share one database without fetching a source twice; a watcher killed mid-poll leaves a lease
  that expires, or that a restart under the same name takes back at once.
- ``watch_alerts``: every alert that fired, with the rule, its subject (a corpus event id, or a
  contradiction's key), a fingerprint of what the subject looked like (so the rule fires again
  only when it changes materially) and the reason. The dashboard's live stream reads new rows
  by ``id``.
"""

from __future__ import annotations

import sqlalchemy as sa

from sitroom.store.schema import JSONText, metadata


def add_watch_tables(meta: sa.MetaData) -> tuple[sa.Table, sa.Table]:
    sources = sa.Table(
        "watch_sources",
        meta,
        sa.Column("url", sa.Text, primary_key=True),
        sa.Column("publisher", sa.Text),
        sa.Column("language", sa.Text),
        sa.Column("license", sa.Text),
        sa.Column("interval_seconds", sa.Double, nullable=False),
        sa.Column("etag", sa.Text),
        sa.Column("last_modified", sa.Text),
        # Naive UTC, as everywhere in the store.
        sa.Column("next_due", sa.DateTime, nullable=False),
        sa.Column("last_checked", sa.DateTime),
        sa.Column("last_success", sa.DateTime),
        sa.Column("last_status", sa.Integer),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("errors", sa.Integer, nullable=False),
        sa.Column("last_error", sa.Text),
        sa.Column("items_stored", sa.Integer, nullable=False),
        sa.Column("lease_owner", sa.Text),
        sa.Column("lease_until", sa.DateTime),
        sa.Index(None, "next_due"),
    )
    alerts = sa.Table(
        "watch_alerts",
        meta,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("rule", sa.Text, nullable=False),
        sa.Column("subject", sa.Text, nullable=False),
        sa.Column("fingerprint", JSONText, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("payload", JSONText, nullable=False),
        sa.Column("fired_at", sa.DateTime, nullable=False),
        sa.Index(None, "rule", "subject"),
    )
    return sources, alerts


# On the shared metadata, so that migration 1 creates them on a fresh database; importing this
# module (``migrations`` does) is what registers them.
watch_sources, watch_alerts = add_watch_tables(metadata)

__all__ = ["add_watch_tables", "watch_alerts", "watch_sources"]
