"""Tests that read ``../shared`` skip in a fresh clone and fail under SITROOM_REQUIRE_SHARED."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REQUIRE_SHARED, shared_file

TESTS = Path(__file__).resolve().parents[1]
MISSING = "no/such/file.txt"
# The helper, and this module, which names the folder to look for it.
ALLOWED = (TESTS / "conftest.py", Path(__file__).resolve())


def _names_shared_folder(path: Path) -> bool:
    """Whether a module holds a string that starts a path into the shared folder."""
    return any(
        isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and (node.value == "shared" or node.value.startswith(("shared/", "../shared")))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
    )


def test_missing_shared_data_skips_the_test(monkeypatch: pytest.MonkeyPatch) -> None:
    for unset in (None, "", "0"):
        if unset is None:
            monkeypatch.delenv(REQUIRE_SHARED, raising=False)
        else:
            monkeypatch.setenv(REQUIRE_SHARED, unset)
        with pytest.raises(pytest.skip.Exception, match="absent in a fresh clone") as skipped:
            shared_file(MISSING)
        assert MISSING in str(skipped.value)


def test_missing_shared_data_fails_the_test_when_required(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(REQUIRE_SHARED, "1")
    with pytest.raises(pytest.fail.Exception, match=f"{REQUIRE_SHARED} is set") as failed:
        shared_file(MISSING)
    assert MISSING in str(failed.value)


def test_present_shared_data_is_returned(monkeypatch: pytest.MonkeyPatch) -> None:
    # The one case where the file is there: the helper's own folder stands in for ../shared.
    monkeypatch.setattr("conftest.SHARED", TESTS)
    assert shared_file("conftest.py") == TESTS / "conftest.py"


def test_every_test_reaches_shared_data_through_the_helper() -> None:
    assert _names_shared_folder(TESTS / "conftest.py")  # the check sees the helper's own path
    # A test that built its own path into ../shared would error in a fresh clone instead of
    # skipping; only conftest.py may name the folder.
    offenders = [
        str(path.relative_to(TESTS))
        for path in sorted(TESTS.rglob("*.py"))
        if path not in ALLOWED and _names_shared_folder(path)
    ]
    assert offenders == []
