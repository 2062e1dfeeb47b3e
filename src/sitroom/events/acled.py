"""ACLED sub-event types refined by the words of the event's sentence (``data/acled_cues.yaml``)
and by who acted on whom."""

from __future__ import annotations

from sitroom.lang.vocabulary.events import AcledCuesVocabulary, AcledFamily

AcledPair = tuple[str, str]
_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PROTEST = {"Protests", "Riots"}
_ARMED = {"government", "armed_group"}


def _family(acled: AcledPair | None) -> AcledFamily:
    if acled is None:
        return "none"
    if acled[0] in _VIOLENCE:
        return "violence"
    if acled[0] in _PROTEST:
        return "protest"
    return "other"


class AcledRefiner:
    def __init__(self, cues: AcledCuesVocabulary) -> None:
        self.rules = cues.acled_cues  # the first matching rule wins

    def refine(
        self,
        acled: AcledPair | None,
        sentence: str,
        actor1_type: str | None,
        actor2_type: str | None,
    ) -> AcledPair | None:
        family = _family(acled)
        text = sentence.lower()
        for rule in self.rules:
            if family in rule.applies_to and rule.pattern.search(text):
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
