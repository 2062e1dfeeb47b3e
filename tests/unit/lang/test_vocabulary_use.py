"""Every vocabulary key is read by code, and no stage keeps a word list of its own.

Two guards for "each concept declared once, in data": (a) a field of a vocabulary schema that no
code reads is a list that editing changes nothing (as ``person_pronouns`` in roles.yaml once
was); (b) a literal set, list, tuple or dict of English words in a stage is a second home for
vocabulary.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Literal, get_args

from pydantic import BaseModel
from spacy.glossary import GLOSSARY

import sitroom.model
from sitroom.lang.vocabulary import Entry, Vocabulary, registered
from sitroom.lang.vocabulary.place_cues import Cue

SRC = Path(sitroom.model.__file__).resolve().parent
VOCABULARY = SRC / "lang" / "vocabulary"
# The layers that read text; the faces (api, cli, web), the store and the ingest readers have
# field names, column names and HTML tags, which are no vocabulary.
LEXICAL_PACKAGES = ("actors", "claims", "events", "figures", "geo", "lang", "nlp", "temporal")
MAX_WORDS = 5  # a literal with more plain lower-case words than this is a word list
_WORD = re.compile(r"^[a-z][a-z' -]*$")

# Grammatical tag names (dependency labels, as spaCy's glossary lists them) are the parser's
# vocabulary, not English words: sets of them stay in code.
DEPENDENCY_LABELS = frozenset(label for label in GLOSSARY if label.islower())


def _literal_values(*types: object) -> frozenset[str]:
    values: set[str] = set()
    for kind in types:
        values.update(str(v) for v in get_args(kind))
    return frozenset(values)


# Type names of the model's contract and the gazetteer's kinds: names of types, not words.
TYPE_NAMES = _literal_values(
    sitroom.model.ActorType,
    sitroom.model.PlaceKind,
    sitroom.model.Modality,
    sitroom.model.DurationUnit,
    Cue,
    Literal["admin1", "admin2"],
)
# Literals that are neither: each with the reason it is no vocabulary.
NOT_VOCABULARY = {
    ("geo/_index_file.py", "uid"): "the gazetteer table's SQL column names",
}


def _packaged() -> list[type[Vocabulary]]:
    """The registered schemas of sitroom's own files (tests register schemas of their own)."""
    return [
        schema
        for schema in dict.fromkeys(registered().values())
        if schema.__module__.startswith("sitroom.")
    ]


def _schemas() -> list[type[BaseModel]]:
    """Every packaged vocabulary schema and every entry type nested in one."""
    seen: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = list(_packaged())
    while todo:
        schema = todo.pop()
        if schema in seen:
            continue
        seen.append(schema)
        for field in schema.model_fields.values():
            for arg in _nested_types(field.annotation):
                if isinstance(arg, type) and issubclass(arg, Entry | Vocabulary):
                    todo.append(arg)
    return seen


def _nested_types(annotation: object) -> list[object]:
    out = [annotation]
    for arg in get_args(annotation):
        out.extend(_nested_types(arg))
    return out


def _source() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in SRC.rglob("*.py"))


def test_every_vocabulary_field_is_read_by_code() -> None:
    # Read as an attribute somewhere in sitroom: by a stage, or by a vocabulary's own helper
    # that stages call (``ReportingVocabulary.stance`` reads ``deny_verbs``). A declaration
    # (``deny_verbs: WordSet``) has no dot, so it never counts as a use.
    unused = _unused(_schemas(), _source())
    assert not unused, f"declared in a vocabulary but read by no code: {', '.join(unused)}"


def _unused(schemas: list[type[BaseModel]], code: str) -> list[str]:
    return [
        f"{schema.__name__}.{name}"
        for schema in schemas
        for name in schema.model_fields
        if re.search(rf"\.{name}\b", code) is None
    ]


def test_the_field_scan_finds_an_unread_field() -> None:
    class _Words(Entry):
        light_verbs: list[str]
        a_list_nobody_reads: list[str]

    assert _unused([_Words], _source()) == ["_Words.a_list_nobody_reads"]


def test_the_field_scan_sees_every_data_file() -> None:
    files = {schema.FILE for schema in _packaged()}
    packaged = {p.name for p in (SRC / "data").glob("*.yaml")}
    # merge.yaml belongs to the corpus rules, which move out of the store (issue 14); palette.yaml
    # is presentation (quad-class colours), with its own schema in sitroom.palette, not words.
    assert packaged - files <= {"merge.yaml", "palette.yaml"}, packaged - files
    assert files <= packaged


def _word_lists(path: Path) -> list[tuple[int, list[str]]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            elements: list[ast.expr | None] = list(node.elts)
        elif isinstance(node, ast.Dict):
            elements = list(node.keys)
        else:
            continue
        words = [
            e.value
            for e in elements
            if isinstance(e, ast.Constant) and isinstance(e.value, str) and _WORD.match(e.value)
        ]
        lexical = [w for w in words if w not in DEPENDENCY_LABELS and w not in TYPE_NAMES]
        if len(lexical) > MAX_WORDS:
            found.append((node.lineno, words))
    return found


def test_no_stage_holds_a_literal_word_list() -> None:
    offenders = []
    allowed_seen = set()
    for package in LEXICAL_PACKAGES:
        for path in sorted((SRC / package).rglob("*.py")):
            if VOCABULARY in path.parents:
                continue
            where = str(path.relative_to(SRC))
            for line, words in _word_lists(path):
                if (where, words[0]) in NOT_VOCABULARY:
                    allowed_seen.add((where, words[0]))
                    continue
                offenders.append(f"{where}:{line}: {words[:6]}…")
    assert not offenders, "word lists in code (move them to sitroom/data):\n" + "\n".join(offenders)
    assert allowed_seen == set(NOT_VOCABULARY), "an exemption no longer applies: remove it"


def test_the_word_list_scan_finds_a_word_list(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "VERBS = {'kill', 'wound', 'injure', 'maim', 'shoot', 'stab'}\n"
        "DEPS = {'nsubj', 'nsubjpass', 'dobj', 'pobj', 'conj', 'appos', 'compound'}\n"
        "KINDS = ('country', 'city', 'locality', 'facility', 'region', 'other')\n"
        "FEW = {'a', 'an', 'the'}\n",
        encoding="utf-8",
    )
    assert [line for line, _ in _word_lists(sample)] == [1]
