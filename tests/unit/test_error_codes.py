"""Every error code sitroom raises is in ``sitroom.errors.CODES``, and means one thing.

Codes are found as string literals of the form ``S123`` anywhere under ``src/sitroom`` (a
constant, a ``code=`` argument, a status table), with ``ast`` so that docstrings don't count.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from sitroom.errors import CODES, SitroomError

SRC = Path(__file__).resolve().parents[2] / "src" / "sitroom"
CODE = re.compile(r"^S\d{3}$")


def _codes_in_source() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and CODE.match(node.value)
            ):
                found.setdefault(node.value, set()).add(str(path.relative_to(SRC)))
    return found


def test_every_code_raised_is_in_the_table() -> None:
    missing = {
        code: sorted(where) for code, where in _codes_in_source().items() if code not in CODES
    }
    assert not missing, f"add these codes to sitroom.errors.CODES: {missing}"


def test_every_code_in_the_table_is_raised() -> None:
    unused = sorted(set(CODES) - set(_codes_in_source()))
    assert not unused, f"CODES names codes nothing raises: {unused}"


def test_every_exception_class_code_is_in_the_table() -> None:
    classes: list[type[SitroomError]] = [SitroomError]
    seen = []
    while classes:
        cls = classes.pop()
        seen.append(cls)
        classes.extend(cls.__subclasses__())
    assert {cls.code for cls in seen} <= set(CODES)


def test_constants_with_one_name_share_one_code() -> None:
    # a constant name bound to two codes in two modules is a collision waiting to happen
    bindings: dict[str, set[str]] = {}
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            target = None
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target, value = node.targets[0], node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                target, value = node.target, node.value
            if (
                isinstance(target, ast.Name)
                and isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and CODE.match(value.value)
            ):
                bindings.setdefault(target.id, set()).add(value.value)
    clashes = {name: sorted(codes) for name, codes in bindings.items() if len(codes) > 1}
    assert not clashes, clashes
