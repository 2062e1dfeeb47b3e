"""The trigger lexicon: ``data/event_triggers.yaml`` and ``data/event_types.yaml``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from spacy.tokens import Token

from sitroom.errors import ConfigError
from sitroom.lang.syntax import np_tokens, reporting_subject, subject
from sitroom.model import PloverType, Quad
from sitroom.resources import load_data, read_yaml

PosClass = Literal["verb", "noun"]


@dataclass(frozen=True)
class TypeInfo:
    quad: Quad
    cameo: str


@dataclass(frozen=True)
class Trigger:
    lemma: str
    particle: str | None
    pos: PosClass
    type: PloverType
    mode: str | None
    cameo: str
    quad: Quad
    acled: tuple[str, str] | None
    needs: frozenset[str]
    weight: float
    unless: frozenset[str] = frozenset()


def pos_class(token: Token) -> PosClass | None:
    if token.pos_ in {"VERB"}:
        return "verb"
    if token.pos_ in {"NOUN", "PROPN"} and token.tag_ not in {"NNP", "NNPS"}:
        return "noun"
    return None


class TriggerLexicon:
    def __init__(self, triggers: Iterable[Trigger]) -> None:
        self._by_key: dict[tuple[str, PosClass], list[Trigger]] = {}
        for trig in triggers:
            key = (trig.lemma, trig.pos)
            # A later entry for the same word, particle and context words replaces the earlier.
            same = (trig.particle, trig.needs)
            kept = [t for t in self._by_key.get(key, []) if (t.particle, t.needs) != same]
            self._by_key[key] = [*kept, trig]

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_key.values())

    def match(self, token: Token) -> Trigger | None:
        cls = pos_class(token)
        if cls is None:
            return None
        options = self._by_key.get((token.lemma_.lower(), cls)) or self._by_key.get(
            (token.text.lower(), cls)
        )
        if not options:
            return None
        particles = {c.text.lower() for c in token.children if c.dep_ == "prt"}
        children = {c.lemma_.lower() for c in token.children} | {
            g.lemma_.lower() for c in token.children for g in c.children
        }
        # Most specific first: a particle verb, then an entry whose context words are present.
        for trig in sorted(options, key=lambda t: (t.particle is None, not t.needs)):
            if trig.particle is not None and trig.particle not in particles:
                continue
            if trig.needs and not trig.needs & children:
                continue
            if trig.unless and trig.unless & (children | _clause_words(token)):
                continue
            return trig
        return None


def _clause_words(token: Token) -> set[str]:
    """Lemmas around a noun in its clause: the words of its head's other arguments ("rescue
    teams continued the operation"), and with a possessive pronoun the words of whom it names
    ("relief organisations said they would continue their operations")."""
    head = token.head
    if head.i == token.i:
        return set()
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.i != head.i:
        head = head.head  # "went on strike": the clause is the verb's, not the preposition's
    words = {c.lemma_.lower() for c in head.children} | {
        g.lemma_.lower() for c in head.children if c.i != token.i for g in c.children
    }
    if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
        owner = _acting_subject(head)
        if owner is not None and owner.i != token.i:
            words |= {t.lemma_.lower() for t in np_tokens(owner)}
    return words


def _acting_subject(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its subject, climbing infinitive and adverbial clauses, and
    from a pronoun to the subject that reports about itself ("X said they ...")."""
    found = subject(verb, climb={"advcl", "xcomp", "conj"}, levels=3)
    if found is None:
        return None
    reporter = reporting_subject(found) if found.pos_ == "PRON" else None
    return reporter or found


def _parse(raw: Any, types: dict[str, TypeInfo], where: str) -> list[Trigger]:
    if not isinstance(raw, dict) or not isinstance(raw.get("triggers"), list):
        raise ConfigError(f"{where}: expected a mapping with a 'triggers' list", code="S106")
    out = []
    for item in raw["triggers"]:
        type_name = str(item.get("type"))
        if type_name not in types:
            raise ConfigError(f"{where}: unknown PLOVER type {type_name!r}", code="S106")
        info = types[type_name]
        words = str(item["lemma"]).split()
        poses: list[PosClass] = ["verb", "noun"] if item.get("pos") == "both" else [item["pos"]]
        acled = item.get("acled")
        for pos in poses:
            out.append(
                Trigger(
                    lemma=words[0],
                    particle=words[1] if len(words) > 1 else None,
                    pos=pos,
                    type=cast(PloverType, type_name),
                    mode=item.get("mode"),
                    cameo=str(item.get("cameo", info.cameo)),
                    quad=info.quad,
                    acled=(str(acled[0]), str(acled[1])) if acled else None,
                    needs=frozenset(item.get("needs") or ()),
                    unless=frozenset(item.get("unless") or ()),
                    weight=float(item.get("weight", 0.7)),
                )
            )
    return out


def load_types() -> dict[str, TypeInfo]:
    raw = load_data("event_types.yaml")
    return {k: TypeInfo(quad=v["quad"], cameo=str(v["cameo"])) for k, v in raw.items()}


def load_lexicon(extra: Iterable[Path] = ()) -> TriggerLexicon:
    types = load_types()
    triggers = _parse(load_data("event_triggers.yaml"), types, "event_triggers.yaml")
    for path in extra:
        triggers.extend(_parse(read_yaml(path), types, str(path)))
    return TriggerLexicon(triggers)


__all__ = ["Trigger", "TriggerLexicon", "TypeInfo", "load_lexicon", "load_types", "pos_class"]
