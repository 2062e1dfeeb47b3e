"""The happening a claim is about when its own words code none.

A toll: "Hospital officials said 40 people were killed", a sentence after "tanks shelled a
school in Jabalia", counts the dead of the shelling.

A claim whose only happening is what was done to people (a casualty verb such as "killed", a
dying verb such as "died", or a tally such as "the death toll at 30", which name no act) and
which names no place of its own is the toll of the happening the article told just before: the
nearest earlier event of that family that is not itself a casualty, a few sentences back at
most, one told with its place first. The claim is linked to it and its proposition takes its
type and place, not its doers: a toll says how many died, not who did it.

A statement whose verb names a kind of happening at a place ("Panjshir had not fallen", "the
capital was under their control") is about the article's happening of that family at that
place, when the article codes one ("the Taliban captured Panjshir"): the claim is linked to the
first such happening, and its proposition is left as it is.

A bare denial or admission of a part ("Sudan's army denied any involvement", "denied
responsibility"), naming no happening, is about the happening told just before, found as a
toll's is: its proposition is that happening done by the party the claimant speaks for.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.sentences import sentence_of
from sitroom.model import Event, Place, Proposition

_LOOKBACK_SENTENCES = 3  # how far back the happening a toll counts is looked for


class HappeningLinker:
    """Links the tolls and the happenings named by statements of one document."""

    def __init__(
        self,
        doc: Doc,
        events: Sequence[Event],
        places: Mapping[str, Place],
        harm_verbs: frozenset[str],
        dying_verbs: frozenset[str],
        family: Callable[[str], str],
        part_nouns: frozenset[str] = frozenset(),
        harm_families: frozenset[str] = frozenset(),
        tally_nouns: frozenset[str] = frozenset(),
    ) -> None:
        self.doc = doc
        self.events = events
        self.places = places
        self.harm_verbs = harm_verbs  # "kill", "wound": a casualty the events stage codes
        self.dying_verbs = dying_verbs  # "die": a casualty no act is named by
        self.family = family
        self.part_nouns = part_nouns  # "involvement", "responsibility": a part in a happening
        # The families of happenings that leave dead and hurt (of ``casualty_nouns``' types).
        self.harm_families = harm_families
        self.tally_nouns = tally_nouns  # "the death toll at four": a toll with no act named

    @functools.cached_property
    def _casualties(self) -> frozenset[str]:
        """The events whose trigger is a casualty verb ("killed"), read once per document:
        every claim's look back asks of each event before it."""
        found = set()
        for event in self.events:
            span = self.doc.char_span(*event.trigger, alignment_mode="expand")
            if span is not None and span.root.lemma_.lower() in self.harm_verbs:
                found.add(event.id)
        return frozenset(found)

    def _casualty(self, event: Event) -> bool:
        return event.id in self._casualties

    def _placed(self, span: tuple[int, int]) -> bool:
        """Whether a place is named inside ``span`` ("nine people died in Talodi")."""
        return any(
            span[0] <= start < span[1] for p in self.places.values() for start, _ in p.mentions
        )

    def link(
        self,
        span: tuple[int, int],
        said: str | None,
        event: str | None,
        proposition: Proposition,
        doer: str | None,
    ) -> tuple[str, Proposition] | None:
        """The happening and proposition of a claim of content ``span`` whose words code no
        happening of their own (``said``: the event inside its content; ``event``: the one
        linked so far; ``doer``: the party its claimant speaks for), or None."""
        if (counted := self.toll_of(span, said)) is not None:
            # "40 people were killed", a sentence after the shelling: the shelling's toll.
            return counted.id, self.restate(proposition, counted)
        if event is None and (named := self.named_at(proposition)) is not None:
            return named.id, proposition  # "Panjshir had not fallen": the capture told
        if (part := self.part_of(span, event)) is not None:
            # "Sudan's army denied any involvement": in the bombing told before, by Sudan
            return part.id, self.restate(proposition, part, doer)
        return None

    def toll_of(self, span: tuple[int, int], event_id: str | None) -> Event | None:
        """The happening the claim of content ``span`` (linked to ``event_id``) is the toll
        of, or None when it is no bare toll or none is told before it."""
        content = self.doc.char_span(*span, alignment_mode="expand")
        if content is None or len(content) == 0:
            return None
        own = next((e for e in self.events if e.id == event_id), None)
        if own is not None:
            # a place from the story around it (basis "document") is none of its own
            if (own.place is not None and own.place_basis != "document") or not self._casualty(own):
                return None
            family = self.family(own.type)
        elif content.root.lemma_.lower() in self.dying_verbs | self.tally_nouns and not (
            self._placed(span)
        ):
            # "30 refugees died", "(put) the death toll at 30": of whatever violent happening
            # came before
            family = None
        else:
            return None
        return self._told_before(content[0], family)

    def part_of(self, span: tuple[int, int], event_id: str | None) -> Event | None:
        """The happening a bare part ("denied any involvement") is in, or None when the content
        is no such noun or names a happening itself ("involvement in the bombing")."""
        content = self.doc.char_span(*span, alignment_mode="expand")
        if content is None or len(content) == 0 or event_id is not None:
            return None
        if content.root.lemma_.lower() not in self.part_nouns:
            return None
        if any(t.dep_ == "prep" for t in content.root.children):
            return None  # "responsibility for the deaths", "a role in the talks": named
        return self._told_before(content[0], None)

    def _told_before(self, first: Token, family: str | None) -> Event | None:
        """The nearest happening of ``family`` (None: of one that leaves dead and hurt) a few
        sentences before the token ``first``, one told with its place first; no casualty
        itself."""
        start = first.idx
        floor = sentence_of(first).start
        for _ in range(_LOOKBACK_SENTENCES):
            if floor > 0:
                floor = sentence_of(self.doc[floor - 1]).start
        low = self.doc[floor].idx
        before = [
            e
            for e in self.events
            if low <= e.trigger[0] < start
            and not self._casualty(e)
            and (family is None or self.family(e.type) == family)
        ]
        if family is None:
            before = [e for e in before if self.family(e.type) in self.harm_families]
        # The dead died somewhere: a happening told with its place before one told without.
        placed = [e for e in before if e.place is not None] or before
        return max(placed, key=lambda e: e.trigger[0]) if placed else None

    def named_at(self, proposition: Proposition) -> Event | None:
        """The first happening of the family a statement's verb names, at the place it names."""
        if proposition.kind != "statement" or not proposition.family or not proposition.place:
            return None
        where = proposition.place.casefold()
        for event in self.events:
            place = self.places.get(event.place or "")
            if place is None or place.name.casefold() != where:
                continue
            if self.family(event.type) == proposition.family and not self._casualty(event):
                return event
        return None

    def restate(
        self, proposition: Proposition, happening: Event, doer: str | None = None
    ) -> Proposition:
        """The claim's proposition as one about ``happening``: its type, family and place; with
        a ``doer``, a claim of who did it."""
        place = self.places.get(happening.place or "")
        words = [happening.type] + ([f"at {place.name}"] if place is not None else [])
        said = f"{proposition.subject or ''} {proposition.predicate or ''}".strip()
        update: dict[str, object] = {
            "kind": "event",
            "family": self.family(happening.type),
            "event_type": happening.type,
            "place": place.name if place is not None else None,
        }
        if doer is not None:
            words.append(f"by {doer}")
            update |= {"actors": [doer], "responsibility": True}
        update["text"] = " ".join(words) + (f" ({said})" if said else "")
        return proposition.model_copy(update=update)


__all__ = ["HappeningLinker"]
