"""A minimal HTTP/1.1 GET client over one keep-alive connection, for load benchmarks.

bench/api_load.py measures the server's latency with fifty clients in one process. Through
httpx each request cost that process about 4 ms of CPU, twice what the server spent answering
it, so on a machine with two cores the clients, not the server, set the pace: fifty clients
sharing one busy interpreter wait for it, and their waits showed as latency (Little's law: 50
clients at 125 requests/s is 400 ms a request, however fast the server). This client parses
only what a load needs (status, ``Content-Length`` or chunked body), a few tenths of a
millisecond a request, so the table shows the server.

It says it accepts gzip, as browsers and httpx do, and returns a body as it came (compressed
or not, ``Answer.gzipped`` says): the latency it measures ends with the body's last byte,
which is when the server is done; inflating it is the reader's work, not the server's.
"""

from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass


class HttpFailure(Exception):
    """The connection broke or the server answered something this client cannot read."""


@dataclass(frozen=True)
class Answer:
    status: int
    body: bytes
    gzipped: bool = False


class Connection:
    """One persistent connection to ``host:port``, opened on first use, reopened after a
    failure; requests on it go one at a time, as a browser's do on one connection."""

    def __init__(self, host: str, port: int, timeout: float) -> None:
        self._host, self._port, self._timeout = host, port, timeout
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> Answer:
        try:
            return await asyncio.wait_for(self._get(path), self._timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as err:
            await self.close()
            raise HttpFailure(f"GET {path}: {err!r}") from err

    async def _get(self, path: str) -> Answer:
        if self._writer is None:
            self._reader, self._writer = await asyncio.open_connection(self._host, self._port)
        reader, writer = self._reader, self._writer
        assert reader is not None
        head = f"GET {path} HTTP/1.1\r\nHost: {self._host}\r\nAccept-Encoding: gzip\r\n\r\n"
        writer.write(head.encode("ascii"))
        answer = await reader.readuntil(b"\r\n\r\n")
        lines = answer.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = await _chunked(reader)
        else:
            body = await reader.readexactly(int(headers.get("content-length", "0")))
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return Answer(status, body, headers.get("content-encoding", "").lower() == "gzip")

    async def close(self) -> None:
        writer, self._reader, self._writer = self._writer, None, None
        if writer is not None:
            writer.close()
            with contextlib.suppress(OSError):
                await writer.wait_closed()


async def _chunked(reader: asyncio.StreamReader) -> bytes:
    parts = []
    while True:
        size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
        if size == 0:
            await reader.readuntil(b"\r\n")  # no trailers are sent to a plain GET
            return b"".join(parts)
        parts.append(await reader.readexactly(size))
        await reader.readexactly(2)


__all__ = ["Answer", "Connection", "HttpFailure"]
