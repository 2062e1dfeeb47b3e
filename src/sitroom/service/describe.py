"""One line that says what an event is, for people: "Taliban forces claimed to have captured
Panjshir (Mehr News, 6 Sep 2021)".

``describe_event`` is a pure function of the event's readable fields (as the store's rows and
the API give them); the words come from ``data/descriptions.yaml``, so that a deployment can
reword every line in one place. The dashboard's feed and event table show it, and the
situation report can reuse it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import cast, get_args

from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.descriptions import DescriptionsEntry, DescriptionsVocabulary, Verb
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
        verb = Verb(
            past=type_.lower(),
            participle=type_.lower(),
            base=type_.lower(),
            target="",
            noun=type_.capitalize(),
            noun_target="",
        )
    if actor1 is None and modality == "asserted":
        # No actor: the noun form ("Fighting with X") reads better than "Someone fought X".
        head = verb.noun
        if actor2:
            head += f" {verb.noun_target} {actor2}" if verb.noun_target else f" {actor2}"
        return head
    actor = actor1 or words.phrases.unnamed_actor
    target = ""
    if actor2:
        target = f" {verb.target} {actor2}" if verb.target else f" {actor2}"
    attribution = ""
    if attributed_to:
        attribution = "self" if _same(attributed_to, actor1) else "attributed"
    # A modality the contract does not know reads as a plain statement.
    mode = cast(Modality, modality if modality in _MODALITIES else "asserted")
    template = words.clause(mode, attribution)
    return template.format(
        actor=actor,
        past=verb.past,
        participle=verb.participle,
        base=verb.base,
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

    ``publishers``: the outlets reporting it, first shown by name and the rest counted
    ("Reuters +2 more"). Without an outlet or a date the parenthesis holds what is known, and
    is left out when nothing is.
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
    return line[:1].upper() + line[1:]


__all__ = ["describe_event"]
