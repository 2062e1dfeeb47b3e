from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sitroom.errors import StoreError
from sitroom.store import Store
from unit.store.backends import PostgresServer


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


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+pg8000"])
def test_postgres_url_is_accepted_lazily_and_password_hidden(scheme: str) -> None:
    # A plain postgresql:// means the pure-Python pg8000 driver, the one sitroom installs.
    store = Store(f"{scheme}://analyst:hunter2@db.invalid/sitroom")
    assert "hunter2" not in repr(store)
    assert store.url == "postgresql+pg8000://analyst:***@db.invalid/sitroom"
    store.close()


def test_wrong_postgres_password_is_reported_without_it(pg_server: PostgresServer) -> None:
    url = pg_server.url.set(password="not-the-password")
    with Store(url.render_as_string(hide_password=False)) as store:
        with pytest.raises(StoreError, match="cannot open database") as info:
            store.migrate()
        assert info.value.code == "S502"
        assert "not-the-password" not in str(info.value)
        assert "***" in str(info.value)
        # The server's own words, not pg8000's dict of error fields.
        assert "{'S'" not in str(info.value)


def test_missing_postgres_database(pg_server: PostgresServer) -> None:
    url = pg_server.url.set(database="sitroom_no_such_database")
    with Store(url.render_as_string(hide_password=False)) as store:
        with pytest.raises(StoreError, match="sitroom_no_such_database") as info:
            store.summary()
        assert info.value.code == "S502"


def test_plain_paths_and_sqlite_urls_are_equivalent(tmp_path: Path) -> None:
    path = tmp_path / "same.db"
    with Store(f"sqlite:///{path}") as by_url:
        by_url.migrate()
    with Store(str(path)) as by_path:
        assert by_path.summary().documents == 0
        assert by_path.url == f"sqlite:///{path}"


def test_missing_postgres_driver_names_the_extra() -> None:
    # A real interpreter in which pg8000 cannot be imported, as when the extra is not installed.
    code = (
        "import sys; sys.modules['pg8000'] = None\n"
        "from sitroom.errors import StoreError\n"
        "from sitroom.store import Store\n"
        "try:\n"
        "    Store('postgresql://u@127.0.0.1:1/db').migrate()\n"
        "except StoreError as err:\n"
        "    print(err)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "[S501]" in done.stdout
    assert "install sitroom[postgres]" in done.stdout
