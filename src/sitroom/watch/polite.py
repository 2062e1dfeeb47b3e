"""Polite HTTP for watching sources: per-host pacing, robots.txt, conditional GET, backoff.

``PoliteTransport`` wraps any httpx transport (the network's, or a test's) and is what every
request of a watcher goes through, the feed polls of ``PoliteClient`` and the article pages
fetched by ``sitroom.ingest.Fetcher`` alike, so the rules hold for both:

- at most ``requests_per_second`` request starts per host, and one request at a time per host
  (a lock per host: a small site is never hit in parallel by one watcher);
- robots.txt is fetched once per host per hour and honoured for the watcher's User-Agent (a
  4xx robots.txt allows everything, an unreachable or 5xx one allows nothing for a while,
  as RFC 9309 asks);
- addresses on loopback, private, link-local or reserved networks are refused unless
  ``allow_private`` is set (tests and the loopback benchmark set it).

``PoliteClient.get`` adds conditional GET (``If-None-Match`` / ``If-Modified-Since``), the size
cap and timeouts; it never retries by itself: a 429 or 5xx is handed back, and the watcher puts
the source off with ``backoff_delay`` (``Retry-After`` when the server sends one, exponential
with jitter otherwise), keeping the delay in the store so that a restart honours it.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import ipaddress
import random
import socket
import threading
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from sitroom.errors import InputError

USER_AGENT = "sitroom-watch/0.1 (+https://github.com/sitroom; news monitoring; polite)"
ROBOTS_TTL = 3600.0
ROBOTS_FAILURE_TTL = 300.0
REFUSED_PRIVATE = "S217"
ROBOTS_DISALLOWED = "S218"
FETCH_FAILED = "S210"
TOO_LARGE = "S206"


class RefusedRequest(httpx.TransportError):
    """A request the transport would not send; ``code`` says why (S217, S218)."""

    def __init__(self, message: str, *, code: str, request: httpx.Request) -> None:
        super().__init__(f"[{code}] {message}", request=request)
        self.code = code


@dataclass(frozen=True)
class PoliteOptions:
    requests_per_second: float = 1.0
    timeout: float = 15.0
    max_bytes: int = 20 * 1024 * 1024
    user_agent: str = USER_AGENT
    allow_private: bool = False
    robots: bool = True
    # Exponential backoff after a failure: base * 2**(failures-1), jittered, at most cap.
    backoff_base: float = 30.0
    backoff_cap: float = 6 * 3600.0

    def __post_init__(self) -> None:
        if self.requests_per_second <= 0 or self.timeout <= 0 or self.max_bytes <= 0:
            raise ValueError("requests_per_second, timeout and max_bytes must be positive")


@dataclass
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    next_start: float = 0.0
    robots: urllib.robotparser.RobotFileParser | None = None
    robots_until: float = 0.0


def is_private_host(host: str) -> bool:
    """Whether ``host`` is, or resolves to, a loopback, private, link-local or reserved address."""
    try:
        infos = socket.getaddrinfo(host, None)
    except OSError:
        return False  # unresolvable: the request fails on its own
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if (
            address.is_private
            or address.is_loopback
            or address.is_link_local
            or address.is_reserved
            or address.is_multicast
            or address.is_unspecified
        ):
            return True
    return False


class PoliteTransport(httpx.BaseTransport):
    """Paces, filters and robots-checks every request before ``inner`` sends it."""

    def __init__(
        self,
        inner: httpx.BaseTransport | None = None,
        options: PoliteOptions | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.options = options or PoliteOptions()
        self._inner = inner or httpx.HTTPTransport()
        self._clock = clock
        self._sleep = sleep
        self._hosts: dict[str, _Host] = {}
        self._guard = threading.Lock()

    def _host(self, key: str) -> _Host:
        with self._guard:
            return self._hosts.setdefault(key, _Host())

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        key = f"{url.scheme}://{url.netloc.decode('ascii')}"
        if not self.options.allow_private and is_private_host(url.host):
            raise RefusedRequest(
                f"{url}: refusing a private or loopback address (allow it with --allow-private)",
                code=REFUSED_PRIVATE,
                request=request,
            )
        host = self._host(key)
        with host.lock:
            if self.options.robots and url.path != "/robots.txt":
                robots = self._robots(key, host, request)
                if not robots.can_fetch(self.options.user_agent, str(url)):
                    raise RefusedRequest(
                        f"{url}: robots.txt disallows it", code=ROBOTS_DISALLOWED, request=request
                    )
            self._pace(host)
            response = self._inner.handle_request(request)
            # Read while the host lock is held: one request at a time per host, body included.
            return self._capped(response, request)

    def _capped(self, response: httpx.Response, request: httpx.Request) -> httpx.Response:
        """The response with its body read, refused once it passes ``max_bytes`` (as sent on
        the wire; the client checks again after decoding)."""
        limit = self.options.max_bytes
        chunks: list[bytes] = []
        total = 0
        try:
            for chunk in response.stream:  # type: ignore[union-attr]
                total += len(chunk)
                if total > limit:
                    raise RefusedRequest(
                        f"{request.url}: the response is more than {limit:,} bytes",
                        code=TOO_LARGE,
                        request=request,
                    )
                chunks.append(chunk)
        finally:
            response.close()
        return httpx.Response(
            status_code=response.status_code,
            headers=response.headers,
            content=b"".join(chunks),
            request=request,
            extensions=response.extensions,
        )

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets the watcher fetch ``url`` (fetching robots.txt if needed)."""
        if not self.options.robots:
            return True
        parts = httpx.URL(url)
        key = f"{parts.scheme}://{parts.netloc.decode('ascii')}"
        host = self._host(key)
        with host.lock:
            request = httpx.Request("GET", url, headers={"User-Agent": self.options.user_agent})
            return self._robots(key, host, request).can_fetch(self.options.user_agent, url)

    def _pace(self, host: _Host) -> None:
        # A little over 1/rate: timer and network jitter must not let the server see rate+1
        # request starts in some one-second window.
        gap = 1.02 / self.options.requests_per_second + 0.005
        now = self._clock()
        wait = host.next_start - now
        if wait > 0:
            self._sleep(wait)
            now = self._clock()
        host.next_start = max(now, host.next_start) + gap

    def _robots(
        self, key: str, host: _Host, request: httpx.Request
    ) -> urllib.robotparser.RobotFileParser:
        if host.robots is not None and self._clock() < host.robots_until:
            return host.robots
        parser = urllib.robotparser.RobotFileParser()
        robots_request = httpx.Request(
            "GET", f"{key}/robots.txt", headers={"User-Agent": self.options.user_agent}
        )
        ttl = ROBOTS_TTL
        self._pace(host)
        try:
            response = self._inner.handle_request(robots_request)
            body = response.read()[: 512 * 1024]
            status = response.status_code
            response.close()
        except httpx.TransportError:
            status, body = 503, b""
        if status >= 500:
            parser.parse(["User-agent: *", "Disallow: /"])
            ttl = ROBOTS_FAILURE_TTL
        elif status >= 400:
            parser.parse([])
        else:
            parser.parse(body.decode("utf-8", errors="replace").splitlines())
        host.robots, host.robots_until = parser, self._clock() + ttl
        return parser

    def close(self) -> None:
        self._inner.close()


@dataclass(frozen=True)
class Fetched:
    """A response to a conditional GET: 304 means unchanged (and ``body`` is empty)."""

    url: str
    status: int
    body: bytes
    content_type: str | None
    charset: str | None
    etag: str | None
    last_modified: str | None
    retry_after: str | None


class PoliteClient:
    """Conditional GETs through a ``PoliteTransport``; use as a context manager."""

    def __init__(self, transport: PoliteTransport) -> None:
        self.transport = transport
        options = transport.options
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(options.timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": options.user_agent},
        )

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Fetched:
        """The response, whatever its status; ``InputError`` for a refused request (S217,
        S218), a network failure (S210) or a body over the size cap (S206)."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        try:
            response = self._client.get(url, headers=headers)
        except RefusedRequest as exc:
            raise InputError(str(exc).split("] ", 1)[-1], code=exc.code) from exc
        except httpx.HTTPError as exc:
            raise InputError(f"{url}: {exc or type(exc).__name__}", code=FETCH_FAILED) from exc
        body = response.content
        if len(body) > self.transport.options.max_bytes:
            raise InputError(
                f"{url}: the response is {len(body):,} bytes, over the limit of "
                f"{self.transport.options.max_bytes:,}",
                code=TOO_LARGE,
            )
        ctype = response.headers.get("content-type", "")
        return Fetched(
            url=str(response.url),
            status=response.status_code,
            body=body if response.status_code < 300 else b"",
            content_type=ctype.split(";", 1)[0].strip().lower() or None,
            charset=response.charset_encoding if "charset" in ctype.lower() else None,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            retry_after=response.headers.get("retry-after"),
        )


def retry_after_seconds(value: str | None, now: dt.datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - now.replace(tzinfo=dt.UTC)).total_seconds())


def backoff_delay(
    failures: int,
    options: PoliteOptions,
    *,
    retry_after: str | None = None,
    now: dt.datetime,
    rng: random.Random | None = None,
) -> float:
    """Seconds to put a source off after its ``failures``-th failure in a row.

    The server's ``Retry-After`` wins (capped); otherwise ``base * 2**(failures-1)`` with
    jitter of ±50 %, so that watchers that failed together do not come back together.
    """
    told = retry_after_seconds(retry_after, now)
    if told is not None:
        return min(told, options.backoff_cap)
    exponent = min(max(failures, 1) - 1, 30)
    delay = min(options.backoff_base * 2**exponent, options.backoff_cap)
    jitter: float = (rng or random.Random()).uniform(0.5, 1.5)
    return float(delay) * jitter


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


__all__ = [
    "REFUSED_PRIVATE",
    "ROBOTS_DISALLOWED",
    "USER_AGENT",
    "Fetched",
    "PoliteClient",
    "PoliteOptions",
    "PoliteTransport",
    "RefusedRequest",
    "backoff_delay",
    "host_of",
    "is_private_host",
    "retry_after_seconds",
]
