"""Which addresses the fetcher may reach: ``FetchPolicy``, and the transport that enforces it.

A feed or a redirect names URLs that nobody checked, so fetching them blindly lets a stranger
make sitroom read its own machine or network (``http://127.0.0.1:8000/api``, a cloud metadata
address, a router page) and store what it finds. So, unless the policy allows it:

* a URL whose host is a literal loopback, private, link-local, multicast or otherwise
  non-global address is refused, and so is a host on the deny list or off the allow list.
  This is checked for every request, redirects included (an httpx request hook), whatever
  the transport;
* the default transport resolves every host name itself, refuses the connection when any
  address it resolves to is not global, and connects to the address it checked, so that a
  name cannot resolve to a public address for the check and a private one for the connect.

An injected transport (a proxy, a test's ``httpx.MockTransport``) gets the URL checks only:
name resolution is then its business. Refusals are ``InputError`` S217 and never retried.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from sitroom.config import Settings
from sitroom.errors import InputError
from sitroom.ingest.item import FETCH_REFUSED, NETWORK

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], list[str]]


def _hosts(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.strip().lower().rstrip(".") for v in values if v.strip())


def _matches(host: str, names: frozenset[str]) -> bool:
    """Whether ``host`` is one of ``names`` or a subdomain of one."""
    return any(host == name or host.endswith("." + name) for name in names)


def is_public(address: Address) -> bool:
    """A global unicast address: not loopback, private, link-local, shared, reserved, the
    unspecified address or multicast (an IPv4 address mapped into IPv6 is judged as IPv4)."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _literal(host: str) -> Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def system_resolver(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, by the system's resolver."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Where fetching may go.

    ``allow_private``: every host may be (or resolve to) a non-global address, as in tests
    against a loopback server or an intranet deployment. ``private_hosts``: these hosts (and
    their subdomains) may, others may not. ``allow_hosts``: when not empty, only these hosts
    and their subdomains are fetched. ``deny_hosts``: these hosts and their subdomains never
    are (the deny list wins over both allow lists).
    """

    allow_private: bool = False
    private_hosts: frozenset[str] = field(default_factory=frozenset)
    allow_hosts: frozenset[str] = field(default_factory=frozenset)
    deny_hosts: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def build(
        cls,
        *,
        allow_private: bool = False,
        private_hosts: Iterable[str] = (),
        allow_hosts: Iterable[str] = (),
        deny_hosts: Iterable[str] = (),
    ) -> FetchPolicy:
        """A policy from plain lists of host names (case and a trailing dot do not matter)."""
        return cls(
            allow_private=allow_private,
            private_hosts=_hosts(private_hosts),
            allow_hosts=_hosts(allow_hosts),
            deny_hosts=_hosts(deny_hosts),
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        return cls.build(
            allow_private=settings.fetch_allow_private,
            private_hosts=settings.fetch_private_hosts,
            allow_hosts=settings.fetch_allow_hosts,
            deny_hosts=settings.fetch_deny_hosts,
        )

    def may_be_private(self, host: str) -> bool:
        return self.allow_private or _matches(host, self.private_hosts)

    def check_url(self, url: httpx.URL) -> None:
        """Refuse (S217) a URL this policy does not allow, without resolving its host."""
        host = url.host.lower().rstrip(".")
        if not host:  # not a policy matter: the URL is malformed (S210, as httpx would say)
            raise InputError(f"{url}: cannot fetch: the URL has no host", code=NETWORK)
        if url.scheme not in ("http", "https"):
            raise refused(str(url), f"the scheme {url.scheme!r} is not fetched")
        if _matches(host, self.deny_hosts):
            raise refused(str(url), f"the host {host} is on the deny list")
        if self.allow_hosts and not _matches(host, self.allow_hosts):
            raise refused(str(url), f"the host {host} is not on the allow list")
        address = _literal(host)
        if address is not None:
            self.check_address(str(url), host, address)

    def check_address(self, where: str, host: str, address: Address) -> None:
        if not is_public(address) and not self.may_be_private(host):
            raise refused(
                where,
                f"{host} is a non-public address ({address}); fetching private, loopback, "
                "link-local and multicast addresses is off (setting fetch_allow_private)",
            )


def refused(where: str, reason: str) -> InputError:
    return InputError(f"{where}: fetch refused: {reason}", code=FETCH_REFUSED)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host itself, checks every address, connects to a checked one."""

    def __init__(self, policy: FetchPolicy, resolver: Resolver) -> None:
        self.policy = policy
        self.resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        name = host.lower().rstrip(".")
        addresses = [ipaddress.ip_address(a.split("%", 1)[0]) for a in self.resolver(host, port)]
        if not addresses:
            raise httpcore.ConnectError(f"{host} resolves to no address")
        # Every address, not only the first: a name that also resolves to a private address
        # is refused, since which one a later connect would use is not ours to decide.
        for address in addresses:
            self.policy.check_address(f"{host}:{port}", name, address)
        return super().connect_tcp(
            str(addresses[0]),
            port,
            timeout=timeout,
            local_address=local_address,
            socket_options=socket_options,
        )


class GuardedTransport(httpx.HTTPTransport):
    """httpx's default transport, whose connections go through the address check.

    TLS still verifies the certificate against the URL's host name: httpcore takes the server
    name from the request, not from the address connected to.
    """

    def __init__(self, policy: FetchPolicy, *, resolver: Resolver = system_resolver) -> None:
        super().__init__(trust_env=False)
        # httpx offers no public hook for the network backend; the pool it builds is replaced
        # by the same pool with the guarded backend (httpx 0.28 keeps it in ``_pool``).
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            network_backend=_GuardedBackend(policy, resolver),
        )


__all__ = ["FetchPolicy", "GuardedTransport", "is_public", "refused", "system_resolver"]
