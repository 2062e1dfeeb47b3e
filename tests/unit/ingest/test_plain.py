from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sitroom.ingest import read_inputs
from sitroom.ingest.item import Item
from sitroom.ingest.meta import date_from_url, detect_language, language_tag, parse_when
from sitroom.ingest.plain import decode_bytes
from sitroom.ingest.text import content_id
from unit.ingest.builders import write

ENGLISH = (
    "Fighters attacked an army garrison in Kadugli on Monday, killing four soldiers, the army "
    "said. The United Nations said more than 2,000 people had fled since Saturday."
)


def one(path: Path, **kwargs: object) -> Item:
    items = list(read_inputs([path], **kwargs))  # type: ignore[arg-type]
    assert len(items) == 1, items
    return items[0]


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Caf\u00e9 \u201cquoted\u201d \u2014 the army said on Monday, \u00bd of them.", "cp1252"),
        (
            "Le pr\u00e9sident a d\u00e9clar\u00e9 que la situation \u00e0 Gao \u00e9tait "
            "tr\u00e8s grave apr\u00e8s l'attaque.",
            "latin-1",
        ),
        (
            "Prezydent powiedzia\u0142, \u017ce rozmowy b\u0119d\u0105 kontynuowane w "
            "poniedzia\u0142ek.",
            "cp1250",
        ),
        (
            "\u041f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442 \u0437\u0430\u044f\u0432"
            "\u0438\u043b, \u0447\u0442\u043e \u043f\u0435\u0440\u0435\u0433\u043e\u0432\u043e"
            "\u0440\u044b \u043f\u0440\u043e\u0434\u043e\u043b\u0436\u0430\u0442\u0441\u044f.",
            "cp1251",
        ),
        (
            "\u603b\u7edf\u5468\u4e00\u8868\u793a\uff0c\u8c08\u5224\u5c06\u5728\u5317\u4eac"
            "\u7ee7\u7eed\u8fdb\u884c\u3002",
            "gbk",
        ),
        ("Hello there, the minister said on Tuesday.", "utf-16"),
        ("Caf\u00e9 with a byte order mark.", "utf-8-sig"),
    ],
)
def test_any_encoding_is_decoded(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_plain_text_file(tmp_path: Path) -> None:
    item = one(write(tmp_path / "a.txt", ENGLISH), published=dt.date(2021, 3, 1))
    assert item.ok and item.document is not None and item.meta is not None
    assert item.document.text == ENGLISH and item.document.id == content_id(ENGLISH)
    assert item.meta.language == "en"
    assert (item.meta.published, item.meta.published_from) == (dt.date(2021, 3, 1), "argument")


def test_mojibake_is_repaired(tmp_path: Path) -> None:
    broken = "The caf\u00e9 owner said \u2018no\u2019.".encode().decode("cp1252").encode()
    item = one(write(tmp_path / "a.txt", broken))
    assert item.document is not None
    assert item.document.text == "The caf\u00e9 owner said \u2018no\u2019."


def test_licence_line_is_kept(tmp_path: Path) -> None:
    text = ENGLISH + "\nThis article is licensed under a Creative Commons Attribution 2.5 License."
    item = one(write(tmp_path / "a.md", text))
    assert item.meta is not None and item.meta.license is not None
    assert item.meta.license.startswith("This article is licensed")


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", "S202", "empty"),
        (b"  \n\t\n", "S202", "empty"),
        (b"\x00\x01\x02\x03 binary \x00", "S203", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "S203", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "S203", "PNG"),
        # UTF-8 with curly quotes, cut off in the middle of the last character
        (
            "He said \u201cwe will return\u201d to the town \u2014 ".encode() + b"\xe2\x80",
            "S203",
            "invalid UTF-8",
        ),
    ],
)
def test_bad_text_files(tmp_path: Path, content: bytes, code: str, words: str) -> None:
    item = one(write(tmp_path / "bad.txt", content))
    assert not item.ok and item.document is None and item.code == code
    assert item.reason is not None and words in item.reason
    assert item.reason.startswith(str(tmp_path / "bad.txt"))


def test_unknown_suffix_is_refused_but_suffixless_text_read(tmp_path: Path) -> None:
    assert one(write(tmp_path / "data.bin", b"\x00\x01")).code == "S204"
    assert one(write(tmp_path / "ARTICLE", ENGLISH)).ok


def test_dates() -> None:
    assert parse_when("2021-09-06T23:30:00-05:00") == dt.date(2021, 9, 6)
    assert parse_when("Mon, 06 Sep 2021 23:30:00 -0500") == dt.date(2021, 9, 6)
    assert parse_when("6 September 2021") == dt.date(2021, 9, 6)
    assert parse_when("Sep 6th, 2021") == dt.date(2021, 9, 6)
    assert parse_when("20210906") == dt.date(2021, 9, 6)
    assert parse_when("2021-02-30") is None
    assert parse_when("3021-01-01") is None  # the future is not a publication date
    assert parse_when("yesterday") is None and parse_when(None) is None
    assert date_from_url("https://ex.com/world/2021/09/06/flood-kills-12") == dt.date(2021, 9, 6)
    assert date_from_url("https://ex.com/2021-9-6-flood.html") == dt.date(2021, 9, 6)
    assert date_from_url("https://ex.com/story/20210906/flood") == dt.date(2021, 9, 6)
    assert date_from_url("https://ex.com/2021/99/06/x") is None
    assert date_from_url("https://ex.com/id/1234567") is None


def test_language() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Der Pr\u00e4sident sagte am Montag, die Lage sei sehr ernst.") == "de"
    assert detect_language("Kadugli") is None  # too short to tell
    assert language_tag("en-GB") == "en" and language_tag("pt_BR") == "pt"
    assert language_tag("x") is None and language_tag(None) is None
