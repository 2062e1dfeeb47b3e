"""The doer a witness means by "they": "*They* bombed a camp full of women and children," said
an army spokesman.

In a quotation, a pronoun subject of an attack is resolved like any other, to the nearest actor
of its kind before it. When that actor is one the article tells was attacked (the actor2 of
another attack, "the junta said it had targeted members of the PDF ... 'They bombed women and
children,' said a resistance member"), and the article never tells it attacking under a subject
of its own, the speaker does not mean the attacked but their attackers: the attack takes the
doer of the nearest attack on that actor told before it. An actor that is also told attacking
("rebels attacked a base; troops repelled the rebels ... 'they killed ten'") keeps the pronoun.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.reference import in_quotation
from sitroom.lang.syntax import agent
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.model import Event


def _pronoun_subject(trigger: Token) -> Token | None:
    """The group pronoun that is the active subject of ``trigger`` ("they bombed"), if any."""
    subj, passive = agent(trigger)
    if passive or subj is None or subj.lower_ not in grammar().group_pronouns:
        return None
    return subj


def rebind_quoted_victims(
    events: Sequence[Event], doc: Doc, attack_types: Collection[str]
) -> list[Event]:
    """``events`` with each attack whose doer is a quoted pronoun that stands for an attacked
    actor given that actor's attacker (see the module)."""
    starts = {t.idx: t for t in doc}
    pronoun_doer: dict[int, bool] = {}
    for n, event in enumerate(events):
        trigger = starts.get(event.trigger[0])
        pronoun_doer[n] = trigger is not None and _pronoun_subject(trigger) is not None
    attacks = [n for n, e in enumerate(events) if e.type in attack_types]
    stated_doers = {
        events[n].actor1
        for n in attacks
        if not pronoun_doer[n] and "actor1" not in events[n].inferred
    }
    out = list(events)
    for n in attacks:
        event = events[n]
        trigger = starts.get(event.trigger[0])
        if trigger is None or not pronoun_doer[n] or event.actor1 in stated_doers | {None}:
            continue
        pronoun = _pronoun_subject(trigger)
        if pronoun is None or not in_quotation(pronoun):
            continue
        attackers = [
            events[m].actor1
            for m in attacks
            if m != n
            and events[m].actor2 == event.actor1
            and events[m].actor1 not in (None, event.actor1)
            and events[m].trigger[0] < event.trigger[0]
        ]
        if attackers:
            out[n] = event.model_copy(update={"actor1": attackers[-1]})
    return out


__all__ = ["rebind_quoted_victims"]
