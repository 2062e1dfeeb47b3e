"""Names whose construction, not their words, says what kind of actor they are.

* A news outlet credited after a dateline: "MOGADISHU, June 12 (Horn Courier) -" credits the
  outlet that filed the report, whatever its words ("Courier", a surname-like word or none
  that says media), so it is a news outlet, never a person.
* A group's name before a noun of its forces: "ADF militants", "NDF fighters" are the group's
  armed men, so an initialism nobody has typed is the armed group (or the state forces) the
  noun says they are.
* An office-holder told with the place of his office: "the governor of Upper Nile state" and
  "the governor of Blue Nile state" are two people, named apart by their places.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from sitroom.lang.vocabulary.actors import RolesVocabulary
from sitroom.model import ActorType

# The dateline before a credit, opening the text: capitalised place words, then perhaps a
# month and a day: "YANGON, May 21 (", "KABUL (", "San Jose, Feb. 3 (".
_DATELINE_OPEN = re.compile(
    r"^\s*(?:[A-Z][\w'.-]*\s+)*[A-Z][\w'.-]*(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*\(\s*$"
)
# How far into the text a credited outlet may start: "NEW YORK CITY, Sept. 12 (" and more.
_DATELINE_REACH = 80
# The credit's close and the dash that opens the story: ") -", ") —".
_CREDIT_CLOSE = re.compile(r"\s*\)\s*[\u2014\u2013-]")
# The kinds of force a name's own noun can give it ("ADF militants"); civilians' nouns
# ("Reuters journalists") say nothing of what the name is.
_FORCE_TYPES: frozenset[ActorType] = frozenset({"armed_group", "government"})
_QUALIFIER_DEPS = frozenset({"compound", "nmod", "amod"})


def credited_outlet(doc: Doc, ent: Span) -> bool:
    """``ent`` is the outlet credited in parentheses after the text's dateline. Only a name
    within the text's first characters can be (a dateline is a few words), so the test costs
    nothing for the other names of a long document."""
    if ent.start_char > _DATELINE_REACH:
        return False
    text = doc.text
    return bool(
        _CREDIT_CLOSE.match(text, ent.end_char) and _DATELINE_OPEN.match(text[: ent.start_char])
    )


def force_owner_type(ent: Span, roles: RolesVocabulary) -> ActorType | None:
    """The kind of force a name is by the noun of armed men it qualifies ("*ADF* militants",
    "*NDF* fighters": an armed group), from roles.yaml's generic actors and unnamed people."""
    last = ent[-1]
    head = last.head
    if last.dep_ not in _QUALIFIER_DEPS or head.i < ent.end or head.pos_ != "NOUN":
        return None
    kind = roles.generic_actors.get((head.lower_,)) or roles.unnamed_people.get(head.lemma_.lower())
    return kind if kind in _FORCE_TYPES else None


def office_title(doc: Doc, start: int, roles: RolesVocabulary) -> str | None:
    """ "Governor of Upper Nile state": the name of an unnamed office-holder (roles.yaml's
    ``office_holders``) at token ``start`` whose "of" object names a place, else None."""
    holder = doc[start]
    if holder.lemma_.lower() not in roles.office_holders:
        return None
    for prep in holder.children:
        if (
            prep.dep_ == "prep"
            and prep.lower_ == "of"
            and any(t.pos_ == "PROPN" for t in prep.subtree)
        ):
            text = doc[start : prep.right_edge.i + 1].text
            return text[:1].upper() + text[1:]
    return None


__all__ = ["credited_outlet", "force_owner_type", "office_title"]
