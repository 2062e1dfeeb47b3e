"""ASGI middleware: security headers on every response, a cap on request body size, and a
limit on repeated failed authentications per client.

Pure ASGI rather than Starlette's BaseHTTPMiddleware, which buffers responses and runs the
endpoint in another task; these only touch the messages passing through.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitroom.api.errors import BODY_TOO_LARGE, SECURITY_HEADERS, error_response

TOO_MANY_FAILURES = "S609"

_HEADERS = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in _HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses (413, the API's error shape) a request body over ``max_bytes``.

    A declared Content-Length is checked before anything is read; a chunked body is read up to
    the limit and then replayed to the app, so no endpoint ever sees more than the limit.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_bytes
            except ValueError:
                too_big = False  # the server rejects a malformed length itself
            if too_big:
                await self._refuse(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        if scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            await self.app(scope, receive, send)
            return
        chunks: list[Message] = []
        size = 0
        while True:
            message = await receive()
            chunks.append(message)
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                await self._refuse(scope, receive, send)
                return
            if not message.get("more_body", False):
                break

        async def replay() -> Message:
            return chunks.pop(0) if chunks else await receive()

        await self.app(scope, replay, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit = f"{self.max_bytes / 1024 / 1024:g} MB"
        response = error_response(413, BODY_TOO_LARGE, f"request body larger than {limit}")
        await response(scope, receive, send)


class AuthFailureLimit:
    """Answers 429 (S609) to a client that had ``max_failures`` 401 answers within the last
    ``window`` seconds, until the oldest of them is that old, so that tokens cannot be guessed
    at the speed of the network.

    The client is the peer address, which behind a reverse proxy on the same machine uvicorn
    takes from ``X-Forwarded-For`` (its ``forwarded_allow_ips`` default trusts 127.0.0.1).
    At most ``max_clients`` clients are remembered; the least recently failed are forgotten
    first, so a flood of addresses cannot grow the table without bound.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_failures: int = 10,
        window: float = 60.0,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self.max_failures = max_failures
        self.window = window
        self.max_clients = max_clients
        self.clock = clock
        self.failures: dict[str, deque[float]] = {}

    def _recent(self, client: str, now: float) -> deque[float]:
        times = self.failures.get(client, deque())
        while times and now - times[0] >= self.window:
            times.popleft()
        return times

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        peer = scope.get("client")
        client = str(peer[0]) if peer else "unknown"
        now = self.clock()
        times = self._recent(client, now)
        if len(times) >= self.max_failures:
            wait = max(1, int(self.window - (now - times[0]) + 0.999))
            response = error_response(
                429,
                TOO_MANY_FAILURES,
                f"too many requests with a missing or wrong token; try again in {wait} s",
                headers={"Retry-After": str(wait)},
            )
            await response(scope, receive, send)
            return

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 401:
                self._failed(client)
            await send(message)

        await self.app(scope, receive, watch)

    def _failed(self, client: str) -> None:
        now = self.clock()
        times = self._recent(client, now)
        times.append(now)
        self.failures.pop(client, None)  # re-inserted last: dicts keep insertion order
        self.failures[client] = times
        while len(self.failures) > self.max_clients:
            del self.failures[next(iter(self.failures))]


__all__ = ["TOO_MANY_FAILURES", "AuthFailureLimit", "BodyLimit", "SecurityHeaders"]
