"""sitroom's import rules, read with ``ast`` from the source of ``src/sitroom`` (nothing runs).

- no import cycle between any two modules, inside a package too;
- imports point down ``LAYERS``: a module imports its own package, packages of lower layers and,
  except between stages, other packages of its own layer;
- an NLP stage never imports another stage (stages talk through the spaCy ``Doc``);
- the store holds no merge rules (what is "the same happening" is corpus logic, not storage);
- every package is in ``LAYERS``, and every package ``LAYERS`` names exists.

Every import counts, also one inside a function or under ``TYPE_CHECKING``: each still ties one
module's meaning to another's. ``KNOWN_BREAKS`` lists the breaks of today's tree that issue 14
removes; the suite fails on a break not listed and on a listed break that is gone, so the list
shrinks to empty as the moves land.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Container, Mapping
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "sitroom"
ROOT_PACKAGE = "sitroom"

# The layers from the bottom up, each with the top-level packages and modules of sitroom in it
# ("" is sitroom/__init__.py, the Python API). This table is the one place that says which is where.
LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    # the contract, the error tree, settings, data-file access
    ("base", frozenset({"model", "errors", "config", "resources", "palette"})),
    # the language core: vocabularies, syntax helpers, the document index, place concepts
    ("lang", frozenset({"lang"})),
    # the NLP stages, which never import each other
    ("stages", frozenset({"geo", "actors", "temporal", "events", "claims", "figures"})),
    # the spaCy pipeline: one registered component per stage
    ("nlp", frozenset({"nlp"})),
    # corpus rules over extractions: what is one happening, which entities are one actor
    ("corpus", frozenset({"corpus"})),
    # persistence, and reading inputs into documents
    ("store", frozenset({"store", "ingest"})),
    # ingest → nlp → store, situation reports, watching sources, the Python API
    ("service", frozenset({"service", "report", "watch", ""})),
    # the faces
    ("faces", frozenset({"api", "web", "cli", "distributed", "__main__"})),
)

# Breaks in today's tree, each removed by issue 14 (the move of the shared concepts into
# sitroom.lang, and of the corpus rules out of the store into sitroom.corpus). When a move
# lands, its entries must go: the suite fails on a listed break that no longer exists.
KNOWN_BREAKS: Mapping[str, str] = {}


def module_names(src: Path) -> dict[str, Path]:
    """Dotted module name → file, for every module of the package at ``src``."""
    names = {}
    for path in sorted(src.rglob("*.py")):
        parts = [ROOT_PACKAGE, *path.relative_to(src).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _owner(target: str, modules: Container[str]) -> str | None:
    """The module ``target`` names, or the nearest enclosing one (``a.b.Class`` → ``a.b``)."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def imports_of(name: str, path: Path, modules: Mapping[str, Path]) -> set[str]:
    """The modules of ours that module ``name`` imports anywhere in its body.

    ``from package import submodule`` imports the submodule (not the package's ``__init__``);
    ``from package import name`` imports the package.
    """
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            targets = [f"{source}.{alias.name}" for alias in node.names]
        for target in targets:
            if target.split(".")[0] == ROOT_PACKAGE and (module := _owner(target, modules)):
                found.add(module)
    found.discard(name)
    return found


def import_graph(src: Path) -> dict[str, set[str]]:
    modules = module_names(src)
    return {name: imports_of(name, path, modules) for name, path in modules.items()}


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other through imports (strongly connected)."""
    reach = {start: _reachable(graph, start) for start in graph}
    groups = {tuple(sorted(m for m in reach[start] if start in reach[m])) for start in graph}
    return sorted(list(group) for group in groups if len(group) > 1)


def _reachable(graph: Mapping[str, set[str]], start: str) -> set[str]:
    seen = {start}
    todo = [start]
    while todo:
        for target in graph.get(todo.pop(), ()):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def top_level(module: str) -> str:
    """The top-level package or module under sitroom ("" for sitroom itself)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _dotted(top: str) -> str:
    return f"{ROOT_PACKAGE}.{top}" if top else ROOT_PACKAGE


def layer_ranks(layers: tuple[tuple[str, frozenset[str]], ...]) -> dict[str, tuple[int, str]]:
    return {
        member: (rank, layer) for rank, (layer, members) in enumerate(layers) for member in members
    }


def layer_breaks(
    graph: Mapping[str, set[str]], layers: tuple[tuple[str, frozenset[str]], ...] = LAYERS
) -> set[str]:
    """Every break of the rules but cycles (see ``cycles``), as one line each."""
    ranks = layer_ranks(layers)
    stages = dict(layers)["stages"]
    present = {top_level(module) for module in graph}
    breaks = {f"LAYERS names no layer for {_dotted(name)}" for name in present - set(ranks)}
    breaks |= {
        f"LAYERS names a package that does not exist: {_dotted(name)}"
        for name in set(ranks) - present
    }
    for module, targets in graph.items():
        own = top_level(module)
        if own == "store" and module.rpartition(".")[2] == "merge":
            breaks.add(f"merge rules in the store: {module}")
        for target in targets:
            theirs = top_level(target)
            if own == theirs or own not in ranks or theirs not in ranks:
                continue
            if own in stages and theirs in stages:
                breaks.add(f"stage {module} imports stage {target}")
            elif ranks[theirs][0] > ranks[own][0]:
                breaks.add(
                    f"{module} ({ranks[own][1]}) imports {target} of the higher layer "
                    f"{ranks[theirs][1]}"
                )
    return breaks


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(SRC)


def test_no_import_cycles(graph: dict[str, set[str]]) -> None:
    assert [" <-> ".join(group) for group in cycles(graph)] == []


def test_imports_follow_the_layers(graph: dict[str, set[str]]) -> None:
    new = sorted(layer_breaks(graph) - set(KNOWN_BREAKS))
    assert new == [], "new breaks of the import rules (fix them; see LAYERS)"


def test_every_known_break_still_exists(graph: dict[str, set[str]]) -> None:
    gone = sorted(set(KNOWN_BREAKS) - layer_breaks(graph))
    assert gone == [], "fixed breaks still in KNOWN_BREAKS: remove them"


def test_known_breaks_are_explained() -> None:
    unexplained = [line for line, why in KNOWN_BREAKS.items() if not re.match(r"issue \d+: ", why)]
    assert unexplained == [], "say which issue removes each known break, and how"


def test_the_table_places_each_package_once() -> None:
    members = [member for _, group in LAYERS for member in group]
    assert len(members) == len(set(members))


def _write(root: Path, files: Mapping[str, str]) -> Path:
    for name, text in files.items():
        path = root / "sitroom" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "sitroom"


MADE_UP_LAYERS = (
    ("base", frozenset({"errors"})),
    ("lang", frozenset({"lang"})),
    ("stages", frozenset({"geo", "actors"})),
    ("nlp", frozenset({"nlp"})),
    ("store", frozenset({"store", "ingest"})),
    ("service", frozenset({"service", "", "ghost"})),
)


def test_the_check_finds_every_kind_of_break(tmp_path: Path) -> None:
    src = _write(
        tmp_path,
        {
            "__init__.py": "from sitroom.service import run\n",
            "errors.py": "",
            "service/__init__.py": "def run() -> None: ...\n",
            "lang/__init__.py": "",
            # under TYPE_CHECKING: the language core reaching up to the pipeline
            "lang/words.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from sitroom.nlp import pipeline\n",
            "nlp/__init__.py": "",
            "nlp/pipeline.py": "from sitroom.geo import places\n",
            "geo/__init__.py": "",
            # a stage importing another stage, and (inside a function) the store
            "geo/places.py": "from sitroom.actors.names import NAMES\n"
            "def save() -> None:\n    import sitroom.store.tables\n",
            "actors/__init__.py": "",
            "actors/names.py": "from sitroom.errors import *\nNAMES = ()\n",
            "store/__init__.py": "",
            "store/tables.py": "",
            "store/merge.py": "",
            # a cycle inside a package, through a relative import and a submodule import
            "ingest/__init__.py": "",
            "ingest/reader.py": "from . import html\n",
            "ingest/html.py": "from sitroom.ingest import reader\n",
            "mystery.py": "",
        },
    )
    made = import_graph(src)
    assert made["sitroom.ingest.reader"] == {"sitroom.ingest.html"}
    assert made["sitroom.actors.names"] == {"sitroom.errors"}
    assert made[ROOT_PACKAGE] == {"sitroom.service"}
    assert cycles(made) == [["sitroom.ingest.html", "sitroom.ingest.reader"]]
    assert layer_breaks(made, MADE_UP_LAYERS) == {
        "LAYERS names no layer for sitroom.mystery",
        "LAYERS names a package that does not exist: sitroom.ghost",
        "merge rules in the store: sitroom.store.merge",
        "stage sitroom.geo.places imports stage sitroom.actors.names",
        "sitroom.geo.places (stages) imports sitroom.store.tables of the higher layer store",
        "sitroom.lang.words (lang) imports sitroom.nlp.pipeline of the higher layer nlp",
    }
