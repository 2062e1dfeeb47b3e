"""ACLED sub-event types refined by the words of the event's sentence (``data/acled_cues.yaml``)
and by who acted on whom."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from sitroom.lang.vocabulary.events import AcledCue, AcledCuesVocabulary, AcledFamily
from sitroom.model import AcledType, Event

AcledPair = tuple[str, str]
_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PROTEST = {"Protests", "Riots"}
_ARMED = {"government", "armed_group"}
# Ground changing hands is its own family: a takeover stays one whatever weapons took it.
_TERRITORY = {
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
}
_WORD = re.compile(r"\w+")


def _family(acled: AcledPair | None) -> AcledFamily:
    if acled is None:
        return "none"
    if acled[1] in _TERRITORY:
        return "territory"
    if acled[0] in _VIOLENCE:
        return "violence"
    if acled[0] in _PROTEST:
        return "protest"
    return "other"


class _Words:
    """Where the words of a sentence start, to count the words between a cue and the trigger."""

    def __init__(self, text: str) -> None:
        found = list(_WORD.finditer(text))
        self.starts = [m.start() for m in found]
        self.words = [m.group() for m in found]

    def index(self, char: int) -> int:
        """The position of the word at (or last before) character ``char``."""
        return max(bisect_right(self.starts, char) - 1, 0)


def _matches(rule: AcledCue, text: str, words: _Words | None, at: int | None) -> bool:
    """Whether a cue word of ``rule`` is in ``text``; for a rule with ``near``, within that many
    words of the trigger at character ``at`` (after it, with ``near_follows``) and with none of
    its ``blocked_by`` words between them: a cue word elsewhere in a long sentence is about
    another event ("captured the villages near the town of the chemical attack"), and one
    after "by" names the doer ("attacked by soldiers")."""
    if rule.near is None or words is None or at is None:
        return rule.pattern.search(text) is not None
    trigger = words.index(at)
    for m in rule.pattern.finditer(text):
        cue = words.index(m.start())
        if rule.near_follows and cue <= trigger:
            continue
        if cue == trigger or abs(cue - trigger) > rule.near:
            continue
        between = words.words[min(cue, trigger) + 1 : max(cue, trigger)]
        if not rule.blocked_by.intersection(between):
            return True
    return False


class AcledRefiner:
    def __init__(self, cues: AcledCuesVocabulary) -> None:
        self.rules = cues.acled_cues  # the first matching rule wins
        self.told_nearby = cues.told_nearby

    def told_nearby_events(
        self, events: list[Event], sentence_starts: Sequence[int]
    ) -> list[Event]:
        """An event of a rule's generic pair takes the pair of the most confident event of the
        rule's ``from_types`` told at most ``sentences`` sentences from it: "the attack" after
        "two suicide bombers blew themselves up" is that bombing, whose sentence named no
        weapon of its own. An event whose doer is named, and is neither party of the other,
        is another event ("gunmen killed three farmers; in the south, shelling hit a market")."""

        def sentence(event: Event) -> int:
            return bisect_right(sentence_starts, event.sentence[0]) - 1

        out = list(events)
        for rule in self.told_nearby:
            generic = AcledType(event_type=rule.generic[0], sub_event_type=rule.generic[1])
            # The rule's sources by sentence, so that each generic event looks only at the
            # sentences around it (a pass over every source per event is quadratic on a long
            # document); among those, the most confident, the earlier on a tie.
            by_sentence: dict[int, list[tuple[float, int, Event]]] = {}
            for n, e in enumerate(events):
                if e.acled and rule.from_types & {e.acled.event_type, e.acled.sub_event_type}:
                    by_sentence.setdefault(sentence(e), []).append((-e.confidence, n, e))
            for i, event in enumerate(out):
                if event.acled != generic:
                    continue
                at = sentence(event)
                near = min(
                    (
                        (rank, n, e)
                        for s in range(at - rule.sentences, at + rule.sentences + 1)
                        for rank, n, e in by_sentence.get(s, ())
                        if event.actor1 in {None, e.actor1, e.actor2}
                    ),
                    default=None,
                    key=lambda found: found[:2],
                )
                if near is not None:
                    out[i] = event.model_copy(update={"acled": near[2].acled})
        return out

    def refine(
        self,
        acled: AcledPair | None,
        sentence: str,
        actor1_type: str | None,
        actor2_type: str | None,
        *,
        plover: str | None = None,
        at: int | None = None,
    ) -> AcledPair | None:
        """The ACLED pair of a trigger of PLOVER type ``plover`` at character ``at`` of
        ``sentence`` (both optional: without them, rules that need them read the sentence)."""
        family = _family(acled)
        text = sentence.lower()
        words = _Words(text) if at is not None else None
        for rule in self.rules:
            if family not in rule.applies_to:
                continue
            if rule.only is not None and plover not in rule.only:
                continue
            if _matches(rule, text, words, at):
                return rule.acled
        if acled is None:
            return None
        if acled == ("Violence against civilians", "Attack") and actor2_type in _ARMED:
            return ("Battles", "Armed clash")
        if acled[1] in {"Non-state actor overtakes territory", "Government regains territory"}:
            if actor1_type == "government":
                return ("Battles", "Government regains territory")
            if actor1_type == "armed_group":
                return ("Battles", "Non-state actor overtakes territory")
        return acled


__all__ = ["AcledRefiner"]
