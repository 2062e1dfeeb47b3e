"""Real input files for the ingest tests: pages with boilerplate, feeds, WARCs, a local server.

Importable from the unit and integration tests as ``unit.ingest.builders``.
"""

from __future__ import annotations

import html
import io
import random
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

BODY = [
    "Heavy rain caused flooding in Kadugli on Tuesday, killing at least twelve people, "
    "local officials said.",
    "The governor of South Kordofan said more than 300 homes were destroyed and that aid "
    "convoys had been sent from Khartoum to the area.",
    "Residents said the water rose within an hour after the storm began, leaving many "
    "families stranded on rooftops until rescue teams arrived.",
]
COOKIE = "We use cookies to improve your experience. Accept all cookies or manage your choices."
NAV = ["Home", "World", "Africa", "Business", "Sport", "Weather"]
RELATED = ["Drought hits Darfur farmers", "Election delayed again in the capital"]
FOOTER = "All rights reserved. Privacy policy. Terms of use. Contact the newsroom."


def article_page(
    title: str = "Flood kills 12 in Kadugli",
    paragraphs: Sequence[str] = BODY,
    *,
    site: str = "Example News",
    author: str | None = "Jane Roe",
    head: str = "",
    footer_year: int = 2019,
    lang: str = "en",
    charset: str = "utf-8",
) -> str:
    """An article page wrapped in a cookie banner, navigation, related links and a footer."""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/{n.lower()}">{n}</a></li>' for n in NAV)
    related = "".join(f'<li><a href="/r{i}">{r}</a></li>' for i, r in enumerate(RELATED))
    byline = f'<meta name="author" content="{author}">' if author else ""
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="{charset}">
<title>{html.escape(title)} | {site}</title>
<meta property="og:site_name" content="{site}">{byline}{head}
</head><body>
<div id="cookie-banner" class="cookie-consent"><p>{COOKIE}</p><button>Accept</button></div>
<header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(title)}</h1>
{body}
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside></main>
<footer><p>&copy; {footer_year} {site}. {FOOTER}</p></footer>
</body></html>"""


@dataclass
class Record:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: str = "200 OK"
    date: str | None = None
    kind: str = "response"


def warc_bytes(records: Sequence[Record], *, gzip: bool = True) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip)
    for record in records:
        headers = {"WARC-Date": record.date} if record.date else None
        if record.kind == "response":
            http = StatusAndHeaders(
                record.status, [("Content-Type", record.content_type)], protocol="HTTP/1.1"
            )
            built = writer.create_warc_record(
                record.url,
                "response",
                payload=io.BytesIO(record.body),
                length=len(record.body),
                http_headers=http,
                warc_headers_dict=headers,
            )
        else:
            built = writer.create_warc_record(
                record.url,
                record.kind,
                payload=io.BytesIO(record.body),
                length=len(record.body),
                warc_content_type=record.content_type,
                warc_headers_dict=headers,
            )
        writer.write_record(built)
    return buffer.getvalue()


def news_text(rng: random.Random, sentences: int = 12) -> str:
    """A made-up news article from templates: distinct articles share much phrasing."""
    places = ["Kadugli", "Mellit", "Bunia", "Taiz", "Sagaing", "Gao", "Kidal", "Beni", "Marib"]
    actors = "the army|rebel fighters|the governor|aid workers|local officials|the police"
    actors += "|residents|the United Nations|a militia|the ministry"
    verbs = ["said", "reported", "denied", "confirmed", "warned", "announced", "claimed"]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    templates = [
        "{a} {v} on {d} that {n} people had been killed in {p}.",
        "Fighting near {p} forced {n} families to flee, {a} {v}.",
        "{a} {v} that talks with {b} would resume in {p} on {d}.",
        "At least {n} houses were burned in {p} overnight, according to {a}.",
        "{a} accused {b} of attacking a market in {p} on {d}.",
        "Food prices in {p} have risen {n} percent since {d}, {a} {v}.",
        "{a} {v} {n} arrests after protests in {p}.",
        "A convoy carrying {n} tonnes of aid reached {p} on {d}, {a} {v}.",
    ]
    out = []
    for _ in range(sentences):
        sentence = rng.choice(templates).format(
            a=rng.choice(actors.split("|")), b=rng.choice(actors.split("|")), v=rng.choice(verbs),
            d=rng.choice(days), p=rng.choice(places), n=rng.randint(2, 5000),
        )  # fmt: skip
        out.append(sentence[0].upper() + sentence[1:])
    return " ".join(out)


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    fail_first: int = 0  # answer 503 to this many requests before the real answer
    location: str | None = None  # sent as a Location header (with a 3xx status)
    dribble: float = 0.0  # seconds to wait before each byte of the body


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    hits: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base + path


@contextmanager
def serve(routes: dict[str, Route]) -> Iterator[Server]:
    """A real HTTP server on 127.0.0.1 in a thread, answering only the given paths."""
    hits: dict[str, int] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits[self.path] = hits.get(self.path, 0) + 1
            route = routes.get(self.path, Route(status=404, body=b"not found"))
            if route.delay:
                time.sleep(route.delay)
            status = 503 if hits[self.path] <= route.fail_first else route.status
            try:
                self.send_response(status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                if route.location is not None:
                    self.send_header("Location", route.location)
                self.end_headers()
                if not route.dribble:
                    self.wfile.write(route.body)
                for byte in route.body if route.dribble else b"":
                    time.sleep(route.dribble)
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}", routes, hits)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path
