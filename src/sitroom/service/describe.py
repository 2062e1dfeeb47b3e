"""One line that says what an event is, for people: "Taliban forces claimed to have captured
Panjshir (Mehr News, 6 Sep 2021)".

``describe_event`` is a pure function of the event's readable fields (as the store's rows, the
API and the report's developments give them); the words come from ``data/descriptions.yaml``,
so that a deployment can reword every line in one place. It is the one sentence generator: the
dashboard's feed and event table show its line, and the situation report frames the same line
(without the outlet and date, which it says its own way) in its sentences.

- both actors: "Taliban fought National Resistance Front of Afghanistan in Panjshir"
- the actor only: "Hill Brigade carried out an attack in Kadugli"
- neither, or the target only: "An attack on police was reported in Herat"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol, cast, get_args

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.descriptions import (
    DescriptionsEntry,
    DescriptionsVocabulary,
    Forms,
    Verb,
)
from sitroom.model import Modality

_MODALITIES: frozenset[str] = frozenset(get_args(Modality))


def _words() -> DescriptionsEntry:
    return load_vocabulary(DescriptionsVocabulary).descriptions


def _verb(words: DescriptionsEntry, type_: str, mode: str | None) -> Verb | None:
    if mode and mode in words.modes:
        return words.modes[mode]
    return words.types.get(type_)


def _day(value: dt.date) -> str:
    # "6 Sep 2021": day first, month abbreviated, no leading zero, whatever the locale's order.
    return f"{value.day} {value:%b %Y}"


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.casefold() == b.casefold())


def _clause(
    words: DescriptionsEntry,
    verb: Verb | None,
    type_: str,
    modality: str,
    actor1: str | None,
    actor2: str | None,
    attributed_to: str | None,
) -> str:
    if verb is None:
        # A type the file does not know: its code still says what happened.
        code = type_.lower()
        verb = Verb(past=code, participle=code, base=code, target="", noun=code, noun_target="")
    if actor1 is None and modality == "asserted":
        # No actor: the noun form ("Fighting with X was reported") rather than a guessed
        # subject ("Someone fought X").
        noun = verb.noun
        if actor2:
            noun += f" {verb.noun_target} {actor2}" if verb.noun_target else f" {actor2}"
        said = words.phrases.reported_plural if verb.plural else words.phrases.reported
        return said.format(noun=noun)
    actor = actor1 or words.phrases.unnamed_actor
    target = ""
    forms: Forms = verb
    if actor2:
        target = f" {verb.target} {actor2}" if verb.target else f" {actor2}"
    elif verb.alone is not None:
        forms = verb.alone
    attribution = ""
    if attributed_to:
        attribution = "self" if _same(attributed_to, actor1) else "attributed"
    # A modality the contract does not know reads as a plain statement.
    mode = cast(Modality, modality if modality in _MODALITIES else "asserted")
    template = words.clause(mode, attribution)
    return template.format(
        actor=actor,
        past=forms.past,
        participle=forms.participle,
        base=forms.base,
        object=target,
        source=attributed_to or "",
    )


def describe_event(
    *,
    type: str,
    modality: str = "asserted",
    mode: str | None = None,
    actor1: str | None = None,
    actor2: str | None = None,
    attributed_to: str | None = None,
    place: str | None = None,
    date_start: dt.date | None = None,
    publishers: Sequence[str] = (),
) -> str:
    """The event in one line: who did what to whom, where, then (outlet, date).

    ``place``: as it should read ("Kadugli, South Kordofan"); left out when it only repeats
    actor 2. ``publishers``: the outlets reporting it, first shown by name and the rest counted
    ("Reuters +2 more"). Without an outlet or a date the parenthesis holds what is known, and
    is left out when nothing is (the report passes neither and says the date its own way).
    """
    words = _words()
    verb = _verb(words, type, mode)
    line = _clause(words, verb, type, modality, actor1, actor2, attributed_to)
    if place and not _same(place, actor2):
        line += " " + words.phrases.place.format(place=place)
    outlets = [p for p in dict.fromkeys(publishers) if p]
    source = ""
    if outlets:
        source = outlets[0]
        if len(outlets) > 1:
            source += " " + words.phrases.more_outlets.format(count=len(outlets) - 1)
    when = _day(date_start) if date_start else ""
    parts = [part for part in (source, when) if part]
    if parts:
        line += f" ({', '.join(parts)})"
    line = " ".join(line.split())
    return line[:1].upper() + line[1:]


class ListedEvent(Protocol):
    """What a stored event row and a corpus event row both carry (``sitroom.store`` rows)."""

    @property
    def type(self) -> str: ...
    @property
    def modality(self) -> str: ...
    @property
    def mode(self) -> str | None: ...
    @property
    def actor1(self) -> str | None: ...
    @property
    def actor2(self) -> str | None: ...
    @property
    def place(self) -> str | None: ...
    @property
    def date_start(self) -> dt.date | None: ...


def describe_listed(row: ListedEvent, publishers: Sequence[str]) -> str:
    """``describe_event`` for a row of the event or corpus-event listings."""
    return describe_event(
        type=row.type,
        modality=row.modality,
        mode=row.mode,
        actor1=row.actor1,
        actor2=row.actor2,
        attributed_to=getattr(row, "attributed_to", None),  # a corpus event has no reporter
        place=row.place,
        date_start=row.date_start,
        publishers=publishers,
    )


__all__ = ["ListedEvent", "describe_event", "describe_listed"]
