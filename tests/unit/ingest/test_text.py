import datetime as dt

import pytest

from sitroom.errors import (
    BadDateError,
    DecodeError,
    EmptyTextError,
    MissingInputError,
    SitroomError,
    UnknownFormatError,
)
from sitroom.ingest.text import content_id, find_license, make_document, parse_date, read_text_file


def test_document_id_is_a_content_hash() -> None:
    a = make_document("Troops entered the town.")
    b = make_document("Troops entered the town.", title="other metadata")
    assert a.id == b.id == content_id("Troops entered the town.")
    assert len(a.id) == 16


def test_licence_line_is_found() -> None:
    text = "Body.\nThis article is licensed under a Creative Commons Attribution 4.0 License."
    assert find_license(text) is not None
    assert find_license("No statement here.") is None


@pytest.mark.parametrize(
    ("content", "suffix", "error", "code"),
    [
        (b"", ".txt", EmptyTextError, "S202"),
        (b"   \n", ".txt", EmptyTextError, "S202"),
        (b"\x00\x01binary", ".txt", DecodeError, "S203"),
        (b"text", ".pdf", UnknownFormatError, "S204"),
    ],
)
def test_bad_files_raise_coded_errors(tmp_path, content, suffix, error, code) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"article{suffix}"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        make_document(read_text_file(path), source=str(path))
    assert isinstance(info.value, SitroomError)
    assert str(info.value).startswith(f"[{code}]")


def test_missing_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(MissingInputError):
        read_text_file(tmp_path / "nope.txt")


def test_windows_1252_is_decoded(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_bytes("Caf\u00e9 \u201cquoted\u201d".encode("cp1252"))
    assert read_text_file(path) == "Caf\u00e9 \u201cquoted\u201d"


def test_dates() -> None:
    assert parse_date("2021-09-06") == dt.date(2021, 9, 6)
    assert parse_date(None) is None
    with pytest.raises(BadDateError):
        parse_date("06/09/2021")
