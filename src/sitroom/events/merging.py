"""How the mentions of one happening become one event (``events/folding.py`` finds them).

The mention that stands for the happening keeps what it says and takes from the others what it
lacks: a doer, a second party, a source, the innermost place said, the most precise date, the
dead. A restatement reported otherwise stays an event of its own and takes only the arguments
it lacks from the report it restates. An act that answers another ("our troops *repelled* the
assault") takes the answered act's parties the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from sitroom.events.nesting import innermost
from sitroom.model import Event, InferredField

_SWAPPED = {"actor1": "actor2", "actor2": "actor1"}  # the parties of an answered act


def _score(event: Event) -> tuple[bool, int, float]:
    """The better-coded mention: a mode, then more arguments, then confidence."""
    filled = sum(v is not None for v in (event.actor1, event.actor2, event.place))
    return event.mode is not None, filled, event.confidence


def merge_mentions(
    group: list[Event],
    heads: list[Event],
    containers: Mapping[str, AbstractSet[str]] | None = None,
    kinds: Mapping[str, str] | None = None,
    answering: AbstractSet[str] = frozenset(),
    disowning: AbstractSet[str] = frozenset(),
    stated: AbstractSet[str] = frozenset(),
) -> Event:
    """The mention that stands for a happening, its empty arguments filled from the others:
    the predicate the others hang on ("*killed* in a bombing", "protesters *marched*"), the
    first report of it, or of several the best coded. When that mention answers another act
    (a mode of ``answering``: "repelled the assault"), the answered act's doer is its other
    party. A mention told with a modality of ``disowning`` ("X denied any role in the attack")
    lends no doer. ``stated``: the ids of the mentions whose own clause dates them
    (``events/dating.stated_dates``); their date goes before one a reporting clause gave ("the
    army said on Wednesday")."""
    best = max(heads or group, key=_score)
    kinds = kinds or {}
    update: dict[str, object] = {}
    modes = [e.mode for e in group if e.mode is not None and e.type == best.type]
    if best.mode is None and modes:  # "the operation and the takeover": a takeover
        update["mode"] = modes[0]
    elif best.mode is not None:  # "a suicide bomber ... the blast": a suicide bombing
        kind = next(
            (e for e in group if e.type == best.type and kinds.get(e.mode or "") == best.mode),
            None,
        )
        if kind is not None:
            update.update(mode=kind.mode, cameo=kind.cameo, acled=kind.acled)
    # A party is not taken for the other role: "his arrest" names whom the arrest was of.
    other_role = {"actor1": best.actor2, "actor2": best.actor1}
    for field in ("actor1", "actor2", "attributed_to"):
        if getattr(best, field) is None:
            value = next(
                (
                    value
                    for e in group
                    if not (field == "actor1" and e.modality in disowning)
                    and (value := _role(e, field, best, answering))
                    not in (None, other_role.get(field))
                ),
                None,
            )
            if value is not None:
                update[field] = value
    donor = _place_donor(group, best, containers or {})
    if donor is not None and donor.place != best.place:
        update["place"], update["place_basis"] = donor.place, donor.place_basis
    dated = [e for e in group if e.id in stated] or group
    spans = [(e.date.end - e.date.start, e.date) for e in dated if e.date.start and e.date.end]
    if spans:
        # The most precise date any mention gives ("completed the withdrawal on August 31"),
        # of those a mention's own clause states if any does.
        narrowest = min(spans, key=lambda pair: pair[0])[1]
        if narrowest != best.date:
            update["date"] = narrowest
    deaths = [e.fatalities for e in group if e.fatalities is not None]
    if deaths and best.fatalities is None:
        update["fatalities"] = max(deaths)
    if update.get("actor2") is not None and update["actor2"] == (
        best.actor1 or update.get("actor1")
    ):
        del update["actor2"]
    return best.model_copy(update=update) if update else best


def _role(event: Event, field: str, best: Event, answering: AbstractSet[str]) -> str | None:
    """``event``'s value of ``field`` for the happening ``best`` stands for: a party of an act
    that ``best`` answers plays the other role ("repelled *the front's* assault")."""
    if best.mode in answering and event.mode not in answering and field in _SWAPPED:
        field = _SWAPPED[field]
    value: str | None = getattr(event, field)
    return value


def within(event: Event, other: Event, containers: Mapping[str, AbstractSet[str]]) -> bool:
    """Whether ``event``'s place is another place inside ``other``'s."""
    if event.place is None or other.place is None or event.place == other.place:
        return False
    return other.place in containers.get(event.place, frozenset())


def _place_donor(
    group: list[Event], best: Event, containers: Mapping[str, AbstractSet[str]]
) -> Event | None:
    """The mention whose place is the happening's: of the places the text says (not only the
    article's focus) the innermost ("in Nigeria" ... "near Maiduguri": mentions joined only
    because one place holds the other); the focus only when no mention says one."""
    said = [e for e in group if e.place is not None and e.place_basis != "document"]
    if not said:
        return best if best.place is not None else next((e for e in group if e.place), None)
    # The article's focus inside every place said refines them ("in Canada" ... Bountiful).
    finer = [
        e
        for e in group
        if e.place_basis == "document" and all(within(e, s, containers) for s in said)
    ]
    if finer:
        return finer[0]
    if len({e.place for e in said}) > 1:
        return innermost(said, containers)
    return best if best in said else said[0]


def inherited(
    later: Event,
    earlier: Event,
    containers: Mapping[str, AbstractSet[str]] | None = None,
    answering: AbstractSet[str] = frozenset(),
    disowning: AbstractSet[str] = frozenset(),
) -> Event:
    """A restating mention reported otherwise keeps its own report but takes the arguments it
    lacks from the mention it restates; an argument it has is never replaced, but for a place
    only the article's focus gave, unless that place lies within the one told first. An act
    that answers the one it restates (a mode of ``answering``: "our troops repelled the
    assault") takes its parties the other way round."""
    update: dict[str, object] = {}
    inferred = list(later.inferred)
    roles: tuple[InferredField, ...] = ("actor1", "actor2")
    swapped = later.mode in answering and earlier.mode not in answering
    for role in roles:
        given = _SWAPPED[role] if swapped else role
        if getattr(later, role) is None and getattr(earlier, given) is not None:
            update[role] = getattr(earlier, given)
            inferred.append(role)
    # One happening has one place: a restatement placed only by the article's focus takes the
    # place of the report it restates (told nearer the story's lede, or said there), unless the
    # focus lies within it ("arrested in Canada" ... the focus, Bountiful, is finer).
    focus = later.place_basis == "document" and not within(later, earlier, containers or {})
    if earlier.place is not None and (later.place is None or focus):
        update["place"], update["place_basis"] = earlier.place, earlier.place_basis
    if update.get("actor2") is not None and update["actor2"] == (
        later.actor1 or update.get("actor1")
    ):
        del update["actor2"]
        inferred = [f for f in inferred if f != "actor2"]
    if not update:
        return later
    return later.model_copy(update={**update, "inferred": list(dict.fromkeys(inferred))})


__all__ = ["inherited", "merge_mentions", "within"]
