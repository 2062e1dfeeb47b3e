"""Fetching pages and feeds over HTTP, with timeouts, a size cap and retries.

The transport is injectable (``httpx.MockTransport`` in tests, a proxy-aware one in
deployments). Bodies are streamed so that a huge page is refused once it passes the cap,
without being held in memory. Server errors and timeouts are retried with exponential
backoff; client errors such as 404 are not, since asking again cannot help.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

import httpx

from sitroom.errors import InputError
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
    ) -> None:
        if retries < 0 or timeout <= 0 or max_bytes <= 0:
            raise ValueError("retries must be >= 0, timeout and max_bytes > 0")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=5,
            headers={"User-Agent": user_agent, "Accept": _ACCEPT},
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
        """The page at ``url``; raises ``InputError`` S209 (status), S210 (network), S206."""
        attempts = self.retries + 1
        error: InputError | None = None
        for attempt in range(attempts):
            if attempt:
                self._sleep(self.backoff * 2 ** (attempt - 1))
            try:
                page = self._get(url)
            except httpx.TimeoutException:
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
        assert error is not None
        if attempts > 1:
            raise InputError(f"{error.message} (after {attempts} attempts)", code=error.code)
        raise error

    def _get(self, url: str) -> Page:
        with self._client.stream("GET", url) as response:
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
                chunks.append(chunk)
            charset = response.charset_encoding if "charset" in ctype.lower() else None
            return Page(final, response.status_code, media, charset, b"".join(chunks))

    def _too_large(self, url: str, size: int, *, partial: bool = False) -> InputError:
        amount = f"more than {self.max_bytes:,}" if partial else f"{size:,}"
        return InputError(
            f"{url}: the response is {amount} bytes, over the limit of {self.max_bytes:,} bytes",
            code=TOO_LARGE,
        )


__all__ = ["RETRY_STATUS", "USER_AGENT", "Fetcher", "Page"]
