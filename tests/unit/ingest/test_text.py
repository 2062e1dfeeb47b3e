import datetime as dt

import pytest

from sitroom.errors import (
    BadDateError,
    EmptyTextError,
    SitroomError,
)
from sitroom.ingest.text import content_id, find_license, make_document, parse_date


def test_document_id_is_a_content_hash() -> None:
    a = make_document("Troops entered the town.")
    b = make_document("Troops entered the town.", title="other metadata")
    assert a.id == b.id == content_id("Troops entered the town.")
    assert len(a.id) == 16


def test_licence_line_is_found() -> None:
    text = "Body.\nThis article is licensed under a Creative Commons Attribution 4.0 License."
    assert find_license(text) is not None
    assert find_license("No statement here.") is None


def test_empty_text_is_refused() -> None:
    for text in ("", "   \n"):
        with pytest.raises(EmptyTextError) as info:
            make_document(text, source="a.txt")
        assert isinstance(info.value, SitroomError) and str(info.value).startswith("[S202]")


def test_dates() -> None:
    assert parse_date("2021-09-06") == dt.date(2021, 9, 6)
    assert parse_date(None) is None
    with pytest.raises(BadDateError):
        parse_date("06/09/2021")
