"""Safe fetching: no loopback, private, link-local or multicast address unless the policy allows
it (checked on the URL, on the resolved address and again after every redirect), host allow
and deny lists, and one deadline per URL. The servers are real, on 127.0.0.1: the refusals are
tested with the default policy, the rest with the loopback allowed."""

from __future__ import annotations

import ipaddress
import time
from pathlib import Path

import httpx
import pytest

from sitroom.config import Settings
from sitroom.errors import InputError
from sitroom.ingest import Fetcher, FetchPolicy, read_inputs
from sitroom.ingest.guard import is_public
from unit.ingest.builders import Route, article_page, serve, write

PAGE = article_page().encode()


def _refused(fetcher: Fetcher, url: str) -> InputError:
    with pytest.raises(InputError) as info:
        fetcher.fetch(url)
    assert info.value.code == "S217", info.value
    return info.value


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1",
     "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fc00::1", "ff02::1",
     "::ffff:127.0.0.1", "::"],
)  # fmt: skip
def test_non_public_addresses(address: str) -> None:
    assert not is_public(ipaddress.ip_address(address))


def test_public_addresses() -> None:
    assert is_public(ipaddress.ip_address("93.184.216.34"))
    assert is_public(ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946"))


def test_loopback_is_refused_by_default() -> None:
    with serve({"/page": Route(body=PAGE)}) as server, Fetcher(retries=0) as fetcher:
        error = _refused(fetcher, server.url("/page"))
        # A host name is resolved, and refused for what it resolves to.
        port = server.base.rsplit(":", 1)[1]
        _refused(fetcher, f"http://localhost:{port}/page")
        assert server.hits == {}
    assert "fetch_allow_private" in error.message


def test_url_inputs_and_feed_pages_do_not_reach_the_loopback(tmp_path: Path) -> None:
    feed = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Inside</title><link>{url}</link><description>Short.</description></item>
</channel></rss>"""
    with serve({"/2021/09/06/inside.html": Route(body=PAGE)}) as server:
        url = server.url("/2021/09/06/inside.html")
        path = write(tmp_path / "wire.xml", feed.replace("{url}", url))
        with Fetcher(retries=0) as fetcher:
            from_feed = list(read_inputs([path], fetcher=fetcher))
        direct = list(read_inputs([url]))
        assert server.hits == {}
    error, entry = from_feed  # the refused fetch is recorded, the feed's summary kept
    assert error.code == "S217" and error.source == url
    assert entry.document is not None and entry.document.text == "Short."
    (item,) = direct
    assert item.code == "S217"


def test_every_redirect_is_checked_again() -> None:
    # Private addresses are allowed for 127.0.0.1 only: the redirect to "localhost" (the same
    # machine under another name) must be refused before anything is sent to it.
    policy = FetchPolicy.build(private_hosts=["127.0.0.1"])
    routes = {"/page": Route(body=PAGE)}
    with serve(routes) as server, Fetcher(retries=0, policy=policy) as fetcher:
        port = server.base.rsplit(":", 1)[1]
        routes["/hop"] = Route(status=302, location=f"http://localhost:{port}/page")
        assert fetcher.fetch(server.url("/page")).status == 200
        _refused(fetcher, server.url("/hop"))
        assert server.hits == {"/page": 1, "/hop": 1}


def test_redirect_to_a_metadata_address_through_any_transport() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest"})
        return httpx.Response(200, content=b"secret")

    with Fetcher(transport=httpx.MockTransport(handler), retries=0) as fetcher:
        error = _refused(fetcher, "https://news.example/story")
    assert "169.254.169.254" in error.message


def test_host_allow_and_deny_lists() -> None:
    with serve({"/page": Route(body=PAGE)}) as server:
        deny = FetchPolicy.build(allow_private=True, deny_hosts=["127.0.0.1"])
        with Fetcher(policy=deny, retries=0) as fetcher:
            assert "deny list" in _refused(fetcher, server.url("/page")).message
        only = FetchPolicy.build(allow_private=True, allow_hosts=["example.org"])
        with Fetcher(policy=only, retries=0) as fetcher:
            assert "allow list" in _refused(fetcher, server.url("/page")).message
        assert server.hits == {}
        allowed = FetchPolicy.build(allow_private=True, allow_hosts=["127.0.0.1"])
        with Fetcher(policy=allowed, retries=0) as fetcher:
            assert fetcher.fetch(server.url("/page")).data == PAGE
    subdomain = FetchPolicy.build(deny_hosts=["Example.ORG."])
    with pytest.raises(InputError, match="deny list"):
        subdomain.check_url(httpx.URL("https://news.example.org/a"))
    subdomain.check_url(httpx.URL("https://notexample.org/a"))  # not a subdomain: allowed


def test_a_dribbling_server_is_cut_off_at_the_deadline() -> None:
    # One byte every 0.2 s never trips the read timeout; only the deadline stops it.
    slow = Route(body=PAGE[:200], dribble=0.2)
    fetcher = Fetcher(timeout=2.0, deadline=1.0, retries=2, allow_private=True, backoff=0.1)
    started = time.perf_counter()
    with serve({"/slow": slow}) as server, fetcher:
        (item,) = list(read_inputs([server.url("/slow")], fetcher=fetcher))
        hits = dict(server.hits)
    elapsed = time.perf_counter() - started
    assert item.code == "S210" and "deadline of 1 s" in (item.reason or "")
    assert item.document is None  # nothing of the partial body is kept
    assert hits == {"/slow": 1}  # not retried past the deadline
    assert elapsed < 2.5


def test_policy_from_settings() -> None:
    settings = Settings().with_overrides(
        fetch_private_hosts="intranet.example, 127.0.0.1", fetch_deny_hosts=["ads.example"]
    )
    policy = FetchPolicy.from_settings(settings)
    assert policy.private_hosts == {"intranet.example", "127.0.0.1"}
    assert policy.deny_hosts == {"ads.example"} and not policy.allow_private
    with serve({"/page": Route(body=PAGE)}) as server, Fetcher(policy=policy) as fetcher:
        assert fetcher.fetch(server.url("/page")).status == 200
