"""The base of every vocabulary schema, and the registry of their top-level keys."""

from __future__ import annotations

from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict

from sitroom.errors import VocabularyError


class Vocabulary(BaseModel):
    """Base of every data file's schema: frozen, and unknown keys are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    FILE: ClassVar[str]  # the packaged file's name in sitroom/data
    # False for closed lists read by module-level code (pronouns, auxiliaries, month names,
    # qualifier cues): they are compiled once per process, so a user's file could not reach
    # them, and a key of theirs in a user file is an error rather than silently ignored.
    USER_EXTENSIBLE: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        # pydantic fills model_fields after the class body; register lazily by name instead.
        _PENDING.append(cls)


class Entry(BaseModel):
    """Base of a nested entry in a vocabulary file (a trigger, an actor): frozen, no unknown
    keys."""

    model_config = ConfigDict(extra="forbid", frozen=True)


V = TypeVar("V", bound=Vocabulary)

_PENDING: list[type[Vocabulary]] = []


def top_keys(schema: type[Vocabulary]) -> frozenset[str]:
    """The keys a file of this schema has at its top: field aliases where set ("assert")."""
    return frozenset(f.alias or name for name, f in schema.model_fields.items())


def registered() -> dict[str, type[Vocabulary]]:
    """Every schema that names a file, by top-level key; a key declared twice is an error."""
    by_key: dict[str, type[Vocabulary]] = {}
    for schema in _PENDING:
        if "FILE" not in vars(schema):
            continue  # an abstract intermediate class
        for key in top_keys(schema):
            other = by_key.get(key)
            if other is not None and other is not schema:
                raise VocabularyError(
                    f"top-level key {key!r} is declared by {other.FILE} and {schema.FILE}; "
                    "keys must be unique across vocabulary files",
                    file=schema.FILE,
                    key=key,
                )
            by_key[key] = schema
    return by_key


__all__ = ["Entry", "V", "Vocabulary", "registered", "top_keys"]
