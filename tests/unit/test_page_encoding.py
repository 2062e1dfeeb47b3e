"""How a kept page is sent: gzip when the request accepts it, 304 when it holds the ETag."""

from __future__ import annotations

import gzip

from starlette.requests import Request

from sitroom.api.page_cache import PageCache
from sitroom.api.pages import (
    GZIP_MIN_BYTES,
    REVISION_HEADER,
    accepts_gzip,
    encoded_page,
    etag_matches,
    page_response,
)


def _request(**headers: str) -> Request:
    raw = [(name.replace("_", "-").encode(), value.encode()) for name, value in headers.items()]
    return Request({"type": "http", "method": "GET", "path": "/", "headers": raw})


def test_gzip_is_accepted_only_with_a_quality_above_zero() -> None:
    assert accepts_gzip(_request(accept_encoding="gzip, deflate, br"))
    assert accepts_gzip(_request(accept_encoding="br;q=1.0, GZIP;q=0.5"))
    assert accepts_gzip(_request(accept_encoding="*"))
    assert not accepts_gzip(_request())
    assert not accepts_gzip(_request(accept_encoding="identity"))
    assert not accepts_gzip(_request(accept_encoding="gzip;q=0, deflate"))
    assert not accepts_gzip(_request(accept_encoding="gzip; q=0.0"))
    # A wildcard does not bring back what the client refused by name.
    assert not accepts_gzip(_request(accept_encoding="*, gzip;q=0"))


def test_an_etag_matches_weakly_in_a_list_or_as_a_wildcard() -> None:
    tag = 'W/"abc"'
    assert etag_matches(_request(if_none_match='W/"abc"'), tag)
    assert etag_matches(_request(if_none_match='"abc"'), tag)
    assert etag_matches(_request(if_none_match='"xyz", W/"abc"'), tag)
    assert etag_matches(_request(if_none_match="*"), tag)
    assert not etag_matches(_request(if_none_match='"abcd"'), tag)
    assert not etag_matches(_request(), tag)
    assert not etag_matches(_request(if_none_match="*"), "")


def test_a_long_body_is_kept_compressed_and_a_short_one_is_not() -> None:
    body = b'{"items": [' + b'{"name": "a town by the river"},' * 100 + b"{}]}"
    page = encoded_page(body, 7, 1.0)
    assert page.gzipped is not None and gzip.decompress(page.gzipped) == body
    assert len(page.gzipped) < len(body) // 4
    assert encoded_page(body, 8, 2.0).gzipped == page.gzipped  # no timestamp inside
    assert encoded_page(b"{}", 7, 1.0).gzipped is None
    assert len(b"{}") < GZIP_MIN_BYTES <= len(body)


def test_the_etag_follows_the_body_not_the_revision() -> None:
    first = encoded_page(b"rows", 1, 1.0)
    assert first.etag.startswith('W/"') and first.etag == encoded_page(b"rows", 2, 3.0).etag
    assert first.etag != encoded_page(b"other rows", 1, 1.0).etag


def test_the_response_is_compressed_unchanged_or_plain_as_asked() -> None:
    cache = PageCache(clock=lambda: 13.5)
    body = b"a line of the report\n" * 200
    page = encoded_page(body, 4, 10.0)
    compressed = page_response(_request(accept_encoding="gzip"), cache, page, "text/markdown")
    assert compressed.status_code == 200
    assert compressed.headers["content-encoding"] == "gzip"
    assert gzip.decompress(bytes(compressed.body)) == body
    assert compressed.headers["vary"] == "Accept-Encoding"
    assert compressed.headers["age"] == "3" and compressed.headers[REVISION_HEADER] == "4"
    assert compressed.headers["content-type"] == "text/markdown; charset=utf-8"
    plain = page_response(_request(), cache, page, "application/json", {"X-Extra": "1"})
    assert bytes(plain.body) == body and "content-encoding" not in plain.headers
    assert plain.headers["etag"] == page.etag and plain.headers["x-extra"] == "1"
    unchanged = page_response(
        _request(if_none_match=page.etag, accept_encoding="gzip"), cache, page, "text/html"
    )
    assert unchanged.status_code == 304 and bytes(unchanged.body) == b""
    assert unchanged.headers["etag"] == page.etag and "content-encoding" not in unchanged.headers
