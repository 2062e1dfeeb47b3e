"""A news site on loopback for the watch tests and ``bench/watch.py``: RSS feeds whose items
appear over time, article pages, robots.txt, conditional GET, scripted failures, and a log of
every request as the server saw it (to count fetches and measure the request rate per host).

The articles are short wire-style reports generated here from a seed (fiction, written for
this project): each names an armed group, a town, a day and a toll, so the real pipeline finds
an event in it, and their wording varies enough that they are not near-duplicates of each other.
"""

from __future__ import annotations

import email.utils
import hashlib
import random
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

TOWNS = [
    "Kadugli", "Mellit", "Bunia", "Goma", "Taiz", "Marib", "Kidal", "Gao", "Mopti", "Maiduguri",
    "Beni", "Butembo", "Sittwe", "Myitkyina", "Lashio", "Kismayo", "Baidoa", "Malakal", "Bor",
    "Juba", "Kassala", "Nyala", "El Fasher", "Menaka", "Djibo",
]  # fmt: skip
GROUPS = [
    "the Southern Kordofan Liberation Front", "the Northern Darfur Resistance Front",
    "the Eastern Valley Militia", "the River Coast Brigades", "the Highland Defence Forces",
    "the Popular Salvation Army", "the Western Ridge Movement",
]  # fmt: skip
WEAPONS = ["mortars", "rockets", "machine guns", "drones", "artillery", "rifles"]
TARGETS = ["an army base", "a police station", "a market", "a checkpoint", "a military convoy"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OFFICIALS = ["a military spokesman", "the regional governor", "a local official", "police"]
CLOSINGS = [
    "Aid agencies said hundreds of families had fled toward {other} since the fighting began.",
    "The United Nations called for an independent investigation into the attack.",
    "Residents said shops and schools in {town} remained closed on {day2}.",
    "Talks between the two sides are expected to resume in {other} later this month.",
    "Hospital staff in {town} said they were treating {wounded} wounded people.",
    "The group said in a statement that it had seized weapons and vehicles.",
    "Electricity and telephone lines to {town} were cut for several hours.",
]


def article(feed: int, number: int) -> tuple[str, str]:
    """Title and text of item ``number`` of feed ``feed``; the same every time."""
    rng = random.Random(feed * 100_003 + number)
    town, other = rng.sample(TOWNS, 2)
    group = rng.choice(GROUPS)
    day, day2 = rng.sample(DAYS, 2)
    dead = rng.randint(2, 40)
    wounded = dead + rng.randint(1, 30)
    target = rng.choice(TARGETS)
    official = rng.choice(OFFICIALS)
    title = f"{dead} killed as fighters attack {target.split(' ', 1)[1]} in {town}"
    closings = rng.sample(CLOSINGS, 3)
    values = {"town": town, "other": other, "day2": day2, "wounded": wounded}
    text = " ".join(
        [
            f"Fighters of {group} attacked {target} in {town} on {day}, killing {dead} people, "
            f"{official} said.",
            f"The attackers used {rng.choice(WEAPONS)} and {rng.choice(WEAPONS)} in an assault "
            f"that lasted about {rng.randint(2, 9)} hours, according to witnesses reached by "
            "telephone.",
            *(c.format(**values) for c in closings),
            f"Report number {feed}-{number} was filed from {other}.",
        ]
    )
    return title, text


@dataclass(frozen=True)
class Hit:
    at: float
    method: str
    path: str
    status: int
    host: str


@dataclass
class Site:
    """What the server serves; change it while the server runs (guarded by ``lock``)."""

    feeds: int = 1
    items_per_feed: int = 20
    # Items of a feed published so far: item k is published when published[feed] > k.
    published: dict[int, int] = field(default_factory=dict)
    appeared: dict[tuple[int, int], float] = field(default_factory=dict)
    robots: str = "User-agent: *\nAllow: /\n"
    # path -> statuses to answer (in order) before serving the real content.
    failures: dict[str, list[int]] = field(default_factory=dict)
    retry_after: str | None = None
    hits: list[Hit] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    summary_only: bool = True

    def publish(self, feed: int, count: int = 1) -> None:
        now = time.monotonic()
        with self.lock:
            start = self.published.get(feed, 0)
            end = min(self.items_per_feed, start + count)
            for k in range(start, end):
                self.appeared[(feed, k)] = now
            self.published[feed] = end

    def feed_xml(self, feed: int, base: str) -> bytes:
        with self.lock:
            count = self.published.get(feed, 0)
        items = []
        for k in reversed(range(count)):  # newest first, as feeds are
            title, text = article(feed, k)
            summary = text.split(". ", 1)[0] + "." if self.summary_only else text
            day = 1 + k % 28
            items.append(
                "<item>"
                f"<title>{escape(title)}</title>"
                f"<link>{base}/item/{feed}/{k}.html</link>"
                f"<guid>{base}/item/{feed}/{k}.html</guid>"
                f"<pubDate>{day:02d} Mar 2025 08:00:00 GMT</pubDate>"
                f"<description>{escape(summary)}</description>"
                "</item>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>Loopback Wire {feed}</title><link>{base}/</link>"
            "<description>test feed</description><language>en</language>"
            + "".join(items)
            + "</channel></rss>"
        ).encode()

    def page(self, feed: int, number: int) -> bytes | None:
        with self.lock:
            if number >= self.published.get(feed, 0):
                return None
        title, text = article(feed, number)
        day = 1 + number % 28
        return (
            "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{escape(title)}</title>"
            f"<meta property='article:published_time' content='2025-03-{day:02d}'>"
            f"<meta property='og:site_name' content='Loopback Wire {feed}'></head><body>"
            f"<article><h1>{escape(title)}</h1><p>{escape(text)}</p></article></body></html>"
        ).encode()

    def fetches(self, prefix: str) -> dict[str, int]:
        """Successful (200) fetches per path starting with ``prefix``."""
        out: dict[str, int] = {}
        with self.lock:
            for hit in self.hits:
                if hit.path.startswith(prefix) and hit.status == 200:
                    out[hit.path] = out.get(hit.path, 0) + 1
        return out

    def max_rate(self, window: float = 1.0) -> int:
        """The most requests the server saw in any ``window`` seconds (from one host)."""
        with self.lock:
            times = sorted(hit.at for hit in self.hits)
        best, start = 0, 0
        for end, at in enumerate(times):
            while at - times[start] >= window:
                start += 1
            best = max(best, end - start + 1)
        return best


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            return

        def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str]) -> None:
            arrived = getattr(self, "arrived", time.monotonic())
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra.items():
                self.send_header(key, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            with site.lock:
                site.hits.append(
                    Hit(arrived, self.command, self.path, status, self.client_address[0])
                )

        def do_GET(self) -> None:
            self.arrived = time.monotonic()  # when the request came in, for the rate
            path = self.path.split("?", 1)[0]
            base = f"http://{self.headers.get('Host')}"
            with site.lock:
                queue = site.failures.get(path)
                failing = queue.pop(0) if queue else None
            if failing is not None:
                extra = {"Retry-After": site.retry_after} if site.retry_after else {}
                self._send(failing, b"busy", "text/plain", extra)
                return
            if path == "/robots.txt":
                self._send(200, site.robots.encode(), "text/plain", {})
                return
            parts = path.strip("/").split("/")
            if len(parts) == 2 and parts[0] == "feed" and parts[1].endswith(".xml"):
                body = site.feed_xml(int(parts[1][:-4]), base)
                etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                if self.headers.get("If-None-Match") == etag:
                    self._send(304, b"", "application/rss+xml", {"ETag": etag})
                    return
                stamp = email.utils.formatdate(usegmt=True)
                headers = {"ETag": etag, "Last-Modified": stamp}
                self._send(200, body, "application/rss+xml", headers)
                return
            if len(parts) == 3 and parts[0] == "item" and parts[2].endswith(".html"):
                page = site.page(int(parts[1]), int(parts[2][:-5]))
                if page is not None:
                    self._send(200, page, "text/html; charset=utf-8", {})
                    return
            self._send(404, b"not found", "text/plain", {})

    return Handler


@contextmanager
def serving(site: Site) -> Iterator[str]:
    """The site on a free loopback port; yields its base URL and stops it afterwards."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="feed-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def wait_until(condition: Callable[[], bool], timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


__all__ = ["Hit", "Site", "article", "serving", "wait_until"]
