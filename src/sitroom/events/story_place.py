"""The one scene of a story: where a report is set when it names a single place as where things
happen, though only once.

**Rule.** A report that names one place below country level as where something happens ("in
Kabul", "seized the town of X", "outside the town hall in Zvecan") and no other is set there:
its later happenings that name no place of their own ("Taliban fighters beat the women",
"Kosovo police arrested five people after the clashes", "the soldiers fled across the border")
happened there, in whatever paragraph they are told. The article's focus
(:mod:`sitroom.lang.focus`) asks for a place named twice; this one asks for one named once but
alone. Whoever the later happening's parties are, a second scene is what tells that the story
has moved, so the rule stands back when the report has several.

What counts as a *scene* (:func:`scene_tokens`): a place named where something is (a locative,
"near X", the object of a verb of place: :func:`~sitroom.events.where.in_locative`), of a kind
that can hold a story (``story_scene_kinds`` of toponyms.yaml: not a country or a region, which
say too little, nor the dateline, where the reporter was). Not a scene: where someone spoke
(``skip``), where people fled to (``refuge_prepositions`` after ``place_left_verbs``), and a
place that only holds another scene (Helmand for a story in Lashkar Gah). A town named by a name
no place resolved ("the town of X", :func:`~sitroom.events.where.unlocated_name`) is a scene of
its own: the story may be there.

Which events (:func:`scene_of`; the events stage, :mod:`sitroom.events.detect`, asks only for
violent, leaving and planned ones): not background; told after the scene is first named; in a
sentence other than the scene's own (which the sentence's rules have read), that names no
other place than an area holding the scene (a country even as a doer, "U.S. drones", points
elsewhere; where leavers went does not) and no word of another happening ("another man",
"elsewhere": ``other_happening_words``); and not at a place of its own the story named without
saying where ("raided the base" after "a base near the border"). The focus, when there is one
and it is not the area that holds the scene, still decides instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.events.story_reach import told_beyond
from sitroom.events.where import (
    governing_preposition,
    in_locative,
    most_specific,
    unlocated_name,
)
from sitroom.lang.docindex import DocIndex
from sitroom.lang.sentences import sentence_of
from sitroom.lang.vocabulary.periods import period_words
from sitroom.lang.vocabulary.places import toponym_words

# Kinds of place a story may be set in (toponyms.yaml story_scene_kinds).
_SCENE_KINDS = toponym_words().story_scene_kinds
_REFUGE_PREPS = toponym_words().refuge_prepositions
_LEFT_VERBS = toponym_words().place_left_verbs
_PLACE_VERBS = toponym_words().place_object_verbs
# "the town of X *in* Y": a place after a noun phrase naming another holds it.
_HOLDING_PREPS = frozenset({"in"})
_COARSE = toponym_words().coarse_place_kinds  # areas: a country, a province, a region
_NOMINAL = frozenset({"NOUN", "PROPN"})
# Words that tell of another happening than the story's ("*another* man was arrested", "*in a
# separate incident*", "*elsewhere*"; toponyms.yaml other_happening_words).
_OTHER_HAPPENING = toponym_words().other_happening_words
# Nouns of places that, with "the", refer back to one named with the same noun (where.py).
_BACK_NOUNS = (
    toponym_words().local_settlement_nouns
    | toponym_words().local_quarter_nouns
    | toponym_words().local_site_nouns
)


@dataclass(frozen=True)
class Scene:
    """The one scene of a report: the place's id, the token that first names it as a scene, and
    the places the text names as holding it ("the *Lyon* suburb of Venissieux")."""

    place: str
    first: int
    holders: frozenset[str] = frozenset()


def story_place(
    doc: Doc, index: DocIndex, skip: Callable[[Token], bool] = lambda _: False
) -> Scene | None:
    """The one scene the report names (see the module's rule), or None when it names none or
    several."""
    tokens = scene_tokens(doc, index, skip)
    held = _held_in_text(doc, index)
    scenes = {place for tok in tokens if (place := index.location_at(tok.i))}
    # A scene that holds another is no second one ("in Lashkar Gah, the capital of Helmand", "the
    # Lyon suburb of Venissieux").
    scenes = {
        p
        for p in scenes
        if not any(q != p and (index.contains(p, q) or p in held.get(q, ())) for q in scenes)
    }
    if len(scenes) != 1:
        return None
    if any(unlocated_name(sent, index) is not None for sent in doc.sents):
        return None  # "the village of X", a town the gazetteer lacks: maybe a second scene
    place = scenes.pop()
    first = min(t.i for t in tokens if index.location_at(t.i) == place)
    return Scene(place, first, frozenset(held.get(place, ())))


def _held_in_text(doc: Doc, index: DocIndex) -> dict[str, set[str]]:
    """For each place, those the text names as holding it: in its noun phrase ("the *Lyon*
    suburb of Venissieux", "the X district of *Mosul*":
    :func:`~sitroom.events.where.most_specific`) or in a locative after it ("the town of Tubas
    *in the occupied West Bank*")."""
    held: dict[str, set[str]] = {}
    for tok in doc:
        place = index.location_at(tok.i)
        if place is None:
            continue
        finer = most_specific(tok, index)
        if finer is not None and finer != place:
            held.setdefault(finer, set()).add(place)
        prep = governing_preposition(tok)
        if prep is None or prep.lower_ not in _HOLDING_PREPS:
            continue
        named = [prep.head] if prep.head.pos_ in _NOMINAL else []
        if prep.head.pos_ == "VERB" and index.place_kind.get(place) in _COARSE:
            # "raided the town of Tubas in the West Bank": the area holds the verb's object
            named = [c for c in prep.head.children if c.dep_ in {"dobj", "nsubjpass"}]
        for noun in named:
            inner = most_specific(noun, index)
            if inner is not None and inner != place:
                held.setdefault(inner, set()).add(place)
    return held


def scene_of(
    trig: Token,
    scene: Scene | None,
    index: DocIndex,
    skip: Callable[[Token], bool] = lambda _: False,
) -> str | None:
    """Where the report is set for an event that is no background: the article's focus, or the
    report's one ``scene`` (:func:`story_place`) when there is no focus or the focus is an area
    that holds the scene (the country a Bunagana story keeps naming), for an event told after
    the scene was first named. The scene's own sentence was read by the sentence's rules, which
    place an event there or not: the scene carries to the others, but not to one whose sentence
    names any other place than an area that holds the scene (a country, even as a doer: "U.S.
    troops"), unless ``skip`` rules it out (where leavers went: "fled into Uganda")."""
    focus = index.focus_place
    if scene is None or (
        focus is not None
        and not index.contains(focus, scene.place)
        and focus not in scene.holders  # "LYON - ... in the Lyon suburb of Venissieux"
    ):
        return focus
    if trig.i < scene.first:
        return focus  # "It was captured in May. Fighting went on around X": before the story
    sent = sentence_of(trig)
    if any(tok.lower_ in _OTHER_HAPPENING for tok in sent) or _unplaced_namesake(trig):
        return focus
    for tok in sent:
        place = index.location_at(tok.i)
        if place == scene.place:
            return focus
        if (
            place is not None
            and not index.contains(place, scene.place)
            and place not in scene.holders
            and not skip(tok)
        ):
            return focus
    return scene.place


def _unplaced_namesake(trig: Token) -> bool:
    """Whether the event's phrase names a place of its own by a noun for a place the story named
    before without saying where ("attacked *a base near the border* ... raided *the base*
    again"): the event is at that place, which is not the scene. ("The market" of a story that
    named no market is the scene's.)"""
    for tok in trig.subtree:
        if tok.lemma_.lower() not in _BACK_NOUNS or tok.dep_ not in {"dobj", "pobj"}:
            continue
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            continue
        if any(
            t.pos_ == "NOUN" and t.lemma_.lower() == tok.lemma_.lower() for t in tok.doc[: tok.i]
        ):
            return True  # named before and still unplaced: back_place.named_before found nothing
    return False


def scene_tokens(
    doc: Doc, index: DocIndex, skip: Callable[[Token], bool] = lambda _: False
) -> list[Token]:
    """The tokens that name a place as a scene of the report (see the module's definition)."""
    found = []
    for tok in doc:
        place = index.location_at(tok.i)
        if place is None or index.place_kind.get(place) not in _SCENE_KINDS:
            continue
        if not (in_locative(tok) or _place_verb_object(tok)) or skip(tok) or _refuge(tok):
            continue
        if told_beyond(tok, index) or _since_what(tok):
            continue  # "In 2017, militants occupied Marawi": background elsewhere, no scene
        found.append(tok)
    return found


def _place_verb_object(tok: Token) -> bool:
    """ "seized the town of X", "captured X": the object of a verb of place (toponyms.yaml
    ``place_object_verbs``)."""
    for _ in range(4):
        if tok.dep_ in {"compound", "flat", "amod", "appos", "conj"} and tok.head.i != tok.i:
            tok = tok.head
        elif tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
            tok = tok.head.head  # "the town of X"
        else:
            break
    return tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in _PLACE_VERBS


def _since_what(tok: Token) -> bool:
    """ "raids have become daily *since the war in Gaza began*", "*since the fall of X*": a
    place inside what a state runs since (``since_words`` of periods.yaml) is where that began,
    no scene of the story."""
    since = period_words().since_words
    step = tok
    while step.head.i != step.i:
        if step.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in since for c in step.children
        ):
            return True
        if step.dep_ == "pobj" and step.head.lower_ in since:
            return True
        step = step.head
    return False


def _refuge(tok: Token) -> bool:
    """ "fled to X", "withdrew into the town of X": where the leavers went, no scene."""
    prep = governing_preposition(tok)
    return (
        prep is not None
        and prep.lower_ in _REFUGE_PREPS
        and prep.head.lemma_.lower() in _LEFT_VERBS
    )


__all__ = ["Scene", "scene_of", "scene_tokens", "story_place"]
