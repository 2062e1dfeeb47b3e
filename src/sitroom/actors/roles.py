"""Roles and affiliations from the words around a person's name.

"Taliban spokesman X" → role "spokesman", affiliation Taliban; "UN spokesman, X" → the same with a
comma; "X, spokesperson and aide of Y" → role from the apposition after the name.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitroom.lang.sentences import sentence_of
from sitroom.lang.vocabulary.actors import RolesVocabulary

_WINDOW = 7
_STOP_POS = {"VERB", "AUX", "DET", "PRON", "CCONJ", "SCONJ"}


@dataclass(frozen=True)
class RoleMatch:
    role: str
    start: int  # token index of the role phrase
    end: int
    window_start: int  # first token of the words that may name the affiliation
    window_end: int


def _norm(token_text: str) -> str:
    return token_text.lower().strip(".")


def _find_role(words: list[str], roles: RolesVocabulary) -> tuple[int, int] | None:
    """The longest role phrase; a functional role ("spokesman") beats a rank ("colonel")."""
    found: list[tuple[int, bool, int]] = []
    for phrase in roles.roles:
        n = len(phrase)
        for i in range(len(words) - n, -1, -1):
            if tuple(words[i : i + n]) == phrase:
                is_rank = n == 1 and phrase[0] in roles.honorifics
                found.append((n, not is_rank, i))
                break
    if not found:
        return None
    n, _, i = max(found)
    return i, i + n


def _render(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")


def role_before(doc: Doc, ent: Span, roles: RolesVocabulary) -> RoleMatch | None:
    """The role phrase in the words just before a name, in the same sentence."""
    end = ent.start
    if end > 0 and doc[end - 1].text == ",":
        end -= 1  # "UN spokesman, X"
    start = end
    floor = max(sentence_of(ent[0]).start, end - _WINDOW)
    while start > floor:
        tok = doc[start - 1]
        if tok.pos_ in _STOP_POS or (tok.is_punct and tok.text not in {"-", "–"}):
            break
        if tok.ent_type_ == "PERSON":
            break
        start -= 1
    words = [_norm(t.text) for t in doc[start:end]]
    found = _find_role(words, roles)
    if found is None:
        return None
    r0, r1 = start + found[0], start + found[1]
    return RoleMatch(_render(doc, r0, r1).lower(), r0, r1, start, r0)


def role_after(doc: Doc, ent: Span, roles: RolesVocabulary) -> RoleMatch | None:
    """The role phrase in an apposition right after a name ("X, the head of Y")."""
    if ent.end >= len(doc) or doc[ent.end].text != ",":
        return None
    start = ent.end + 1
    end = start
    ceiling = min(sentence_of(ent[0]).end, start + _WINDOW + 3)
    while end < ceiling:
        tok = doc[end]
        if tok.pos_ in {"VERB", "AUX", "PRON"} or (tok.is_punct and tok.text not in {"-", "'s"}):
            break
        end += 1
    words = [_norm(t.text) for t in doc[start:end]]
    found = _find_role(words, roles)
    if found is None:
        return None
    r0, r1 = start + found[0], start + found[1]
    return RoleMatch(_render(doc, r0, r1).lower(), r0, r1, r1, end)


__all__ = ["RoleMatch", "role_after", "role_before"]
