"""``sitroom watch``: keep a store current from feeds, sitemaps and pages, and fire alerts.

This package sits at the service layer: it uses the ingest package's public readers and
fetcher, the service's intake and the store, never the NLP stages directly.
"""

from sitroom.watch.alerts import Alerter, alert_line
from sitroom.watch.polite import PoliteClient, PoliteOptions, PoliteTransport, backoff_delay
from sitroom.watch.rules import AlertRule, load_rules
from sitroom.watch.sources import load_sources_file, sources_from_arguments
from sitroom.watch.watcher import CycleReport, Watcher, WatchOptions

__all__ = [
    "AlertRule",
    "Alerter",
    "CycleReport",
    "PoliteClient",
    "PoliteOptions",
    "PoliteTransport",
    "WatchOptions",
    "Watcher",
    "alert_line",
    "backoff_delay",
    "load_rules",
    "load_sources_file",
    "sources_from_arguments",
]
