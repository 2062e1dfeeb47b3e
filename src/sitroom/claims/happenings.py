"""The happening a claim is about when its own words code none.

A toll: "Hospital officials said 40 people were killed", a sentence after "tanks shelled a
school in Jabalia", counts the dead of the shelling.

A claim whose only happening is what was done to people (a casualty verb such as "killed", or
a dying verb such as "died", which names no act) and which names no place of its own is the
toll of the happening the article told just before: the nearest earlier event of that family
that is not itself a casualty, a few sentences back at most, one told with its place first. The
claim is linked to it and its proposition takes its type and place, not its doers: a toll says
how many died, not who did it.

A statement whose verb names a kind of happening at a place ("Panjshir had not fallen", "the
capital was under their control") is about the article's happening of that family at that
place, when the article codes one ("the Taliban captured Panjshir"): the claim is linked to the
first such happening, and its proposition is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from spacy.tokens import Doc

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
    ) -> None:
        self.doc = doc
        self.events = events
        self.places = places
        self.harm_verbs = harm_verbs  # "kill", "wound": a casualty the events stage codes
        self.dying_verbs = dying_verbs  # "die": a casualty no act is named by
        self.family = family

    def _trigger_lemma(self, event: Event) -> str | None:
        span = self.doc.char_span(*event.trigger, alignment_mode="expand")
        return span.root.lemma_.lower() if span is not None else None

    def _casualty(self, event: Event) -> bool:
        return self._trigger_lemma(event) in self.harm_verbs

    def _placed(self, span: tuple[int, int]) -> bool:
        """Whether a place is named inside ``span`` ("nine people died in Talodi")."""
        return any(
            span[0] <= start < span[1] for p in self.places.values() for start, _ in p.mentions
        )

    def toll_of(self, span: tuple[int, int], event_id: str | None) -> Event | None:
        """The happening the claim of content ``span`` (linked to ``event_id``) is the toll
        of, or None when it is no bare toll or none is told before it."""
        content = self.doc.char_span(*span, alignment_mode="expand")
        if content is None or len(content) == 0:
            return None
        own = next((e for e in self.events if e.id == event_id), None)
        if own is not None:
            if own.place is not None or not self._casualty(own):
                return None
            family = self.family(own.type)
        elif content.root.lemma_.lower() in self.dying_verbs and not self._placed(span):
            family = None  # "30 refugees died": of whatever violent happening came before
        else:
            return None
        floor = sentence_of(content[0]).start
        for _ in range(_LOOKBACK_SENTENCES):
            if floor > 0:
                floor = sentence_of(self.doc[floor - 1]).start
        start, low = content.start_char, self.doc[floor].idx
        before = [
            e
            for e in self.events
            if low <= e.trigger[0] < start
            and not self._casualty(e)
            and (family is None or self.family(e.type) == family)
        ]
        if family is None:
            before = [e for e in before if self.family(e.type) == "violence"]
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

    def restate(self, proposition: Proposition, happening: Event) -> Proposition:
        """The toll's proposition as one about ``happening``: its type, family and place."""
        place = self.places.get(happening.place or "")
        words = [happening.type] + ([f"at {place.name}"] if place is not None else [])
        said = f"{proposition.subject or ''} {proposition.predicate or ''}".strip()
        return proposition.model_copy(
            update={
                "kind": "event",
                "family": self.family(happening.type),
                "event_type": happening.type,
                "place": place.name if place is not None else None,
                "text": " ".join(words) + (f" ({said})" if said else ""),
            }
        )


__all__ = ["HappeningLinker"]
