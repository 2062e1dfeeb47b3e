"""Fetching pages and feeds over HTTP, with timeouts, a deadline, a size cap and retries.

The transport is injectable (``httpx.MockTransport`` in tests, a proxy-aware one in
deployments). Bodies are streamed so that a huge page is refused once it passes the cap,
without being held in memory. Server errors and timeouts are retried with exponential
backoff; client errors such as 404 are not, since asking again cannot help.

Where a fetch may go is the ``FetchPolicy`` (``sitroom.ingest.guard``): by default no
loopback, private, link-local or multicast address, checked again after every redirect.
``deadline`` bounds one URL from the first connect to the last byte, retries and their waits
included, so a server that sends a byte now and then cannot hold a fetch for ever; a fetch
cut off by it is an error (S210), and nothing of the partial body is kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import httpx

from sitroom.errors import InputError
from sitroom.ingest.guard import FetchPolicy, GuardedTransport, Resolver, system_resolver
from sitroom.ingest.item import HTTP_STATUS, MB, NETWORK, TOO_LARGE

USER_AGENT = "sitroom/0.1 (news article ingest)"
RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
)


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched response: the final URL after redirects, its media type and its bytes."""

    url: str
    status: int
    content_type: str | None
    charset: str | None
    data: bytes


class Fetcher:
    """A small HTTP client for article pages; use as a context manager or call ``close``."""

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: float = 15.0,
        max_bytes: int = 20 * MB,
        retries: int = 2,
        backoff: float = 0.5,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        allow_private: bool = False,
        policy: FetchPolicy | None = None,
        deadline: float = 60.0,
        resolver: Resolver = system_resolver,
    ) -> None:
        """``allow_private`` is a shorthand for ``policy=FetchPolicy(allow_private=True)``;
        ``policy``, when given, wins. ``timeout`` bounds each connect and each read,
        ``deadline`` the whole fetch of one URL."""
        if retries < 0 or timeout <= 0 or max_bytes <= 0 or deadline <= 0:
            raise ValueError("retries must be >= 0, timeout, deadline and max_bytes > 0")
        self.timeout = timeout
        self.deadline = deadline
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.policy = policy or FetchPolicy(allow_private=allow_private)
        self._sleep = sleep
        own = transport is None
        self._client = httpx.Client(
            transport=GuardedTransport(self.policy, resolver=resolver) if own else transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": user_agent, "Accept": _ACCEPT},
            event_hooks={"request": [self._check_request]},
            # A proxy from the environment would connect on our behalf, past the address
            # check; a deployment behind a proxy injects a transport for it instead.
            trust_env=not own,
        )

    def __enter__(self) -> Fetcher:
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

    def fetch(self, url: str) -> Page:
        """The page at ``url``; raises ``InputError`` S209 (status), S210 (network, deadline),
        S206 (size) or S217 (refused by the policy)."""
        attempts = self.retries + 1
        error: InputError | None = None
        end = time.monotonic() + self.deadline
        for attempt in range(attempts):
            if attempt:
                wait = self.backoff * 2 ** (attempt - 1)
                if time.monotonic() + wait >= end:
                    break
                self._sleep(wait)
            try:
                page = self._get(url, end)
            except httpx.TimeoutException:
                if time.monotonic() >= end:
                    raise self._past_deadline(url) from None
                error = InputError(f"{url}: timed out after {self.timeout:g} s", code=NETWORK)
                continue
            except (httpx.InvalidURL, httpx.UnsupportedProtocol, httpx.TooManyRedirects) as exc:
                raise InputError(f"{url}: cannot fetch: {exc}", code=NETWORK) from exc
            except httpx.TransportError as exc:
                error = InputError(
                    f"{url}: network error: {exc or type(exc).__name__}", code=NETWORK
                )
                continue
            except httpx.HTTPError as exc:
                raise InputError(f"{url}: cannot fetch: {exc}", code=NETWORK) from exc
            if page.status < 400:
                return page
            reason = httpx.codes.get_reason_phrase(page.status)
            error = InputError(f"{url}: HTTP {page.status} {reason}".rstrip(), code=HTTP_STATUS)
            if page.status not in RETRY_STATUS:
                raise error
        if error is None:  # the deadline came before the first attempt could end
            raise self._past_deadline(url)
        if attempts > 1:
            raise InputError(f"{error.message} (after {attempts} attempts)", code=error.code)
        raise error

    def _check_request(self, request: httpx.Request) -> None:
        # Runs before every request the client sends, each redirect included.
        self.policy.check_url(request.url)

    def _past_deadline(self, url: str) -> InputError:
        return InputError(
            f"{url}: gave up after the deadline of {self.deadline:g} s for one URL", code=NETWORK
        )

    def _get(self, url: str, end: float) -> Page:
        left = max(end - time.monotonic(), 0.001)
        # No single connect or read may outlast the deadline either.
        timeout = httpx.Timeout(min(self.timeout, left))
        with self._client.stream("GET", url, timeout=timeout) as response:
            ctype = response.headers.get("content-type", "")
            media = ctype.split(";", 1)[0].strip().lower() or None
            final = str(response.url)
            if response.status_code >= 400:
                return Page(final, response.status_code, media, None, b"")
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > self.max_bytes:
                raise self._too_large(url, int(declared))
            chunks: list[bytes] = []
            total = 0
            # Counted after content decoding, so a small gzip bomb is stopped as well.
            for chunk in response.iter_bytes():
                total += len(chunk)
                if total > self.max_bytes:
                    raise self._too_large(url, total, partial=True)
                if time.monotonic() >= end:
                    raise self._past_deadline(url)
                chunks.append(chunk)
            charset = response.charset_encoding if "charset" in ctype.lower() else None
            return Page(final, response.status_code, media, charset, b"".join(chunks))

    def _too_large(self, url: str, size: int, *, partial: bool = False) -> InputError:
        amount = f"more than {self.max_bytes:,}" if partial else f"{size:,}"
        return InputError(
            f"{url}: the response is {amount} bytes, over the limit of {self.max_bytes:,} bytes",
            code=TOO_LARGE,
        )


__all__ = ["RETRY_STATUS", "USER_AGENT", "FetchPolicy", "Fetcher", "Page"]
