"""ACLED sub-event types refined by the words of the event's sentence (``data/acled_cues.yaml``)
and by who acted on whom."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitroom.errors import ConfigError
from sitroom.resources import load_data, read_yaml

AcledPair = tuple[str, str]
_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_PROTEST = {"Protests", "Riots"}
_ARMED = {"government", "armed_group"}


@dataclass(frozen=True)
class CueRule:
    pattern: re.Pattern[str]
    acled: AcledPair
    applies_to: frozenset[str]


def _family(acled: AcledPair | None) -> str:
    if acled is None:
        return "none"
    if acled[0] in _VIOLENCE:
        return "violence"
    if acled[0] in _PROTEST:
        return "protest"
    return "other"


def _rules(raw: object, where: str) -> list[CueRule]:
    if not isinstance(raw, dict) or not isinstance(raw.get("rules"), list):
        raise ConfigError(f"{where}: expected a mapping with a 'rules' list", code="S107")
    out = []
    for item in raw["rules"]:
        words = sorted((str(w).lower() for w in item["words"]), key=len, reverse=True)
        pattern = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")
        acled = item["acled"]
        out.append(CueRule(pattern, (str(acled[0]), str(acled[1])), frozenset(item["applies_to"])))
    return out


@cache
def _packaged() -> tuple[CueRule, ...]:
    return tuple(_rules(load_data("acled_cues.yaml"), "acled_cues.yaml"))


class AcledRefiner:
    def __init__(self, extra: Iterable[Path] = ()) -> None:
        rules = list(_packaged())
        for path in extra:
            rules = _rules(read_yaml(path), str(path)) + rules  # users' rules first
        self.rules = tuple(rules)

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
