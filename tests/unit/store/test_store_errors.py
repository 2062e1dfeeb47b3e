from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.errors import StoreError
from sitroom.store import Store


def test_directory_cannot_be_a_database(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with pytest.raises(StoreError, match="is a directory, not a database file") as info:
        store.migrate()
    assert info.value.code == "S502"
    with pytest.raises(StoreError, match="is a directory"):
        store.documents()


def test_missing_parent_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist") as info:
        Store(tmp_path / "nowhere" / "x.db").migrate()
    assert info.value.code == "S502"


def test_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("these are not the tables you are looking for\n" * 50)
    with Store(path) as store, pytest.raises(StoreError, match="cannot open database") as info:
        store.migrate()
    assert info.value.code == "S502"
    assert "not a database" in str(info.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("mysql://user@host/db", "unsupported database URL scheme 'mysql'"),
        ("ftp://host/file", "unsupported database URL scheme 'ftp'"),
        ("sqlite+nodriver:///x.db", "unknown database driver"),
        ("://nothing", "not a valid database URL"),
        ("   ", "empty"),
    ],
)
def test_bad_urls_fail_in_the_constructor(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as info:
        Store(url)
    assert info.value.code == "S501"


def test_postgres_url_is_accepted_lazily_and_password_hidden() -> None:
    store = Store("postgresql://analyst:hunter2@db.invalid/sitroom")
    assert "hunter2" not in repr(store)
    assert store.url == "postgresql://analyst:***@db.invalid/sitroom"
    store.close()


def test_plain_paths_and_sqlite_urls_are_equivalent(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    with Store(f"sqlite:///{path}") as by_url:
        by_url.migrate()
    with Store(str(path)) as by_path:
        assert by_path.summary().documents == 0
        assert by_path.url == f"sqlite:///{path}"
