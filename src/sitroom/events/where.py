"""Where in a sentence an event's place is named: the phrases that say where (locatives, "north
of X", "the capture of X"), the finest of the places a noun phrase names, the finer place that
"Q in P" gives for P, and the places that say something else (whose a site is, who acted, where
someone spoke)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from spacy.tokens import Span, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.places import (
    is_common_place_noun,
    person_origin,
    reference_point,
    specificity,
)
from sitroom.lang.sentences import sentence_of
from sitroom.lang.syntax import np_tokens, phrase_anchor, subject
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.places import toponym_words

# The prepositions that may chain from one object to a place ("a rally in the city of X"): the
# place prepositions of grammar.yaml and "of", less "from", which names where people or weapons
# came from.
LOCATIVE_PREPS = grammar().place_prepositions - {"from"}
_CHAIN_PREPS = LOCATIVE_PREPS | {"of"}
# "the road between X and Y": a way between places lies from the first (toponyms.yaml).
_SPAN_PREPS = toponym_words().span_prepositions
_WAY_NOUNS = toponym_words().way_nouns
NESTING = 2
# Words whose "of" names a place that an event is near ("north of X", "outskirts of X").
NEAR_HEADS = toponym_words().near_words | toponym_words().compass_words
# Parts of a place whose "of" names it ("the streets of X"): in X.
_PART_NOUNS = toponym_words().part_nouns
# Event nouns whose "of" names the place acted on ("the capture of X", "the siege of X").
PLACE_OBJECT_NOUNS = toponym_words().place_object_nouns
# Verbs whose object is ground taken or struck ("captured X", "shelled X"): a place there is the
# event's even when it is named as a party too.
PLACE_OBJECT_VERBS = toponym_words().place_object_verbs
# Parts of a town or a province ("the X district of Y" is X, held by Y; not "the Y suburb of X").
_QUARTER_NOUNS = toponym_words().local_quarter_nouns - toponym_words().holder_first_quarter_nouns
# Sites a country keeps in other countries ("the US embassy"): the country is whose, not where.
_OWNED_SITES = toponym_words().owned_site_nouns
# How many sentences back, within a paragraph, a story's place carries to an unplaced event.
_CARRY_BACK = toponym_words().carry_back_sentences
# Nouns of settlements ("the town of X", "X village"): a name with one is a place's.
_SETTLEMENT_NOUNS = toponym_words().local_settlement_nouns
# Kinds of place an event whose own place is unknown may stand at.
_AREA_KINDS = frozenset({"admin1", "country"})
# Verbs whose subject is ground taken ("the town of X fell to the rebels").
_GROUND_SUBJECT_VERBS = toponym_words().place_subject_verbs
# Two-word prepositions of leaving ("pulled out of X"): the place left.
_LEAVING_PREPS = toponym_words().leaving_prepositions
# "looted the market there": an adverb that says the event is where the story was.
_BACK_ADVERBS = toponym_words().back_place_adverbs
_BACK_PLACE_NOUNS = toponym_words().back_place_nouns  # "at the scene"
# Verbs of speaking or judging in words whose subject's place is where the speakers were.
_SPEAKING_VERBS = toponym_words().speaking_verbs
# The words climbed to the head of a place's noun phrase before its preposition.
_PHRASE_CLIMB = frozenset({"compound", "amod", "appos", "nmod", "conj"})
# Prepositions that put an event in the course of another ("injured in the clashes").
_COURSE_PREPS = grammar().carrier_prepositions - {"by", "with"}


def in_locative(tok: Token) -> bool:
    """The token names where something is: "in X", "at the X district", "in the city of X",
    "near X", "outside the town of X" (not "from X": where people or weapons came from)."""
    for _ in range(4):
        head = tok.head
        if head.i == tok.i:
            return False
        if head.dep_ == "prep":
            if head.lower_ in LOCATIVE_PREPS:
                return True
            if head.lower_ != "of":
                return False
            tok = head.head
            if tok.lower_ in NEAR_HEADS:
                return True  # "20 km north of X", "on the outskirts of X": near X
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in _PART_NOUNS:
                return True  # "took to the streets of X", "the heart of X": in X
            if tok.pos_ == "NOUN" and tok.lemma_.lower() in PLACE_OBJECT_NOUNS:
                return True  # "the siege of the city of X": where the siege is
        elif tok.dep_ in {"compound", "amod", "appos", "nmod", "conj", "pobj"}:
            tok = head
        else:
            return False
    return False


def most_specific(tok: Token, index: DocIndex) -> str | None:
    """The place a noun phrase names for a place found among its modifiers: the finest kind
    of place it names ("the Red Sea port town of Mokha" is in Mokha, "the X district of Mosul"
    in X), of equals the first in :func:`named_first` order."""
    head = tok
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i:
        head = head.head
    named = [p for t in named_first(head) if (p := index.location_at(t.i)) is not None]
    return finest(named, index) if named else None


def place_under(
    prep: Token,
    index: DocIndex,
    depth: int,
    *,
    direct: bool = True,
    event_noun: Callable[[Token], bool] = lambda _: False,
) -> str | None:
    """A place in the object of ``prep`` (when ``direct``), or down a chain of locative
    prepositions inside it, at most ``depth`` deep. A country naming who did an event ("in a
    *U.S.* airstrike": ``event_noun`` tells event nouns) is no place of it."""
    for pobj in (c for c in prep.children if c.dep_ == "pobj"):
        if direct:
            named = [
                place
                for tok in named_first(pobj)
                if (place := index.location_at(tok.i)) is not None
                and not doer_country(tok, place, index, event_noun)
                and not route_end(tok, index)
                and not reference_point(tok)  # "in Taji, just north of Baghdad": where Taji is
            ]
            if named:
                # "between X and Y": where a way between two places starts, not the finer end
                return named[0] if prep.lower_ in _SPAN_PREPS else finest(named, index)
        if depth > 0:
            for child in pobj.children:
                if child.dep_ == "prep" and (
                    child.lower_ in _CHAIN_PREPS
                    or (child.lower_ in _SPAN_PREPS and pobj.lemma_.lower() in _WAY_NOUNS)
                ):
                    found = place_under(child, index, depth - 1, event_noun=event_noun)
                    if found is not None:
                        return found
    return None


def route_end(tok: Token, index: DocIndex) -> bool:
    """Whether ``tok`` names an end of a way whose own locative names the spot on it ("on the
    Kabul-Jalalabad highway *near Sarobi*": at Sarobi, not Jalalabad; ``way_nouns`` of
    toponyms.yaml). A way named by its ends alone ("on the Kabul-Jalalabad highway") keeps them."""
    head = tok
    while head.dep_ in {"compound", "amod", "nmod"} and head.head.i != head.i:
        head = head.head
    if head.i == tok.i or head.lemma_.lower() not in _WAY_NOUNS:
        return False
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in LOCATIVE_PREPS - _SPAN_PREPS
        and place_under(prep, index, 0) is not None
        for prep in head.children
    )


def ground_of(
    trig: Token,
    index: DocIndex,
    *,
    leaving: bool,
    event_noun: Callable[[Token], bool] = lambda _: False,
) -> str | None:
    """The ground an event is told of without a preposition of place: the subject of a verb
    said of ground taken ("the town of X fell to the rebels", "X fell": the place, not an
    actor; ``place_subject_verbs`` of toponyms.yaml), also for an event in the course of which
    it fell ("X fell after a three-month siege"), and for an event of leaving the place a
    two-word preposition of leaving names ("pulled out of X", ``leaving_prepositions``), as
    "withdrew from X" does."""
    verb = trig
    if trig.pos_ == "NOUN" and trig.dep_ == "pobj" and trig.head.lower_ in _COURSE_PREPS:
        verb = trig.head.head  # "X fell after a siege": the siege of the ground that fell
    if verb.pos_ == "VERB" and verb.lemma_.lower() in _GROUND_SUBJECT_VERBS:
        subj = subject(verb)
        if subj is not None:
            named = [p for t in named_first(subj) if (p := index.location_at(t.i)) is not None]
            if named:
                return finest(named, index)
    if not leaving:
        return None
    for prep in (c for c in trig.children if c.dep_ == "prep"):
        for inner in (c for c in prep.children if c.dep_ == "prep"):
            if f"{prep.lower_} {inner.lower_}" in _LEAVING_PREPS:
                found = place_under(inner, index, NESTING, event_noun=event_noun)
                if found is not None:
                    return found
    return None


def called_by_kind(tok: Token) -> bool:
    """ "the city *of Rafah*", "the town of X": a name the text calls a kind of place names a
    place, not a party, whatever else the name may be (an actor's name: "Gaza")."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    of = tok.head
    return (
        tok.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.pos_ == "NOUN"
        and is_common_place_noun(of.head.lemma_.lower())
    )


def doer_country(
    tok: Token, place: str, index: DocIndex, event_noun: Callable[[Token], bool]
) -> bool:
    """ "a U.S. airstrike", "near a US convoy": a country before an event noun says who did it,
    and before a noun that names no kind of place, or a site a country keeps abroad ("the US
    embassy in Baghdad"), whose it is, not where ("the Iraq border" is a place); any place
    before a noun of people ("a Leeds man": lang/places.person_origin) is where they are from."""
    head, lemma = tok.head, tok.head.lemma_.lower()
    return person_origin(tok) or (
        tok.dep_ == "compound"
        and index.place_kind.get(place) == "country"
        and head.pos_ == "NOUN"
        and (event_noun(head) or not is_common_place_noun(lemma) or lemma in _OWNED_SITES)
    )


def phrase_verb(tok: Token) -> Token | None:
    """The verb a place's prepositional phrase hangs on, through the nouns of further
    prepositional phrases ("said at a news conference in X" → said), or None when the phrase
    hangs on a noun in another role ("protesters in X said"), unless that noun is the subject of
    a verb of speaking or judging of toponyms.yaml ("officials in Nairobi condemned": where the
    judges were)."""
    anchor = phrase_anchor(tok, _PHRASE_CLIMB, 6, _SPEAKING_VERBS)
    return None if anchor is None else anchor[0]


def named_first(head: Token) -> list[Token]:
    """The tokens of a noun phrase, the head first, then what its "of" names, then modifiers,
    then its owner: in "the Red Sea port town of Mokha" the town named is more specific than the
    sea that describes it, and in "Spain's Catalonia region" the region than the country that
    has it ("whose" stands for the noun its clause hangs on). A part of a town or a province
    comes first by its own name: "the Mong Kok district of Hong Kong" is Mong Kok, held by Hong
    Kong (``local_quarter_nouns`` of toponyms.yaml)."""
    tokens = np_tokens(head)
    named = {t.i for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for t in c.subtree}
    owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
    rest = tokens[1:]
    if head.lower_ in _QUARTER_NOUNS:
        # "the Mong Kok district of Hong Kong": the part's own name, then what holds it.
        own = {t.i for c in head.children if c.dep_ == "compound" for t in c.subtree}
        first = [t for t in rest if t.i in own]
        rest = [t for t in rest if t.i not in own]
    else:
        first = []
    return [
        head,
        *first,
        *(t for t in rest if t.i in named),
        *(t for t in rest if t.i not in named and t.i not in owner),
        *(t for t in rest if t.i in owner),
        *_whose_antecedent(head),
    ]


def _whose_antecedent(head: Token) -> list[Token]:
    """ "Iraq, *whose* military targets were bombed": the owner "whose" stands for is the noun
    the relative clause hangs on (Iraq's targets)."""
    if not any(c.dep_ == "poss" and c.tag_ == "WP$" for c in head.children):
        return []
    clause = head.head
    while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i:
        if clause.pos_ not in {"VERB", "AUX"}:
            return []
        clause = clause.head
    return [clause.head] if clause.dep_ in {"relcl", "acl"} else []


def finest(places: list[str], index: DocIndex) -> str:
    """The place of the finest kind among those one noun phrase names, of equals the first."""
    return min(places, key=lambda p: specificity(index.place_kind.get(p, "")))


# Dependents through which a noun phrase's words reach its head ("the Jumla and *Diwan* villages",
# "the towns of Tel Hamis and *Tel Birak*").
_UP_TO_HEAD = frozenset({"compound", "amod", "nmod", "conj", "appos"})


def finer_in(place: str, sent: Span, index: DocIndex) -> str:
    """ "Q in P": the event placed in P is at Q, the finer place ("the Sadr City district in
    eastern Baghdad", "the towns of X and Y, in Qamishli's suburbs"); not where someone came
    from ("protesters from Mosul in Baghdad") nor a country keeping a site ("a US base in X").
    Also "in P near Q" (:func:`_finer_beside`)."""
    for prep in sent:
        if prep.lower_ != "in" or prep.i - sent.start < 2:
            continue
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not any(index.location_at(t.i) == place for o in objects for t in named_first(o)):
            continue
        before = prep.doc[prep.i - 1]
        if before.text == "," and prep.i - sent.start >= 3:
            before = prep.doc[prep.i - 2]
        head = before
        for _ in range(6):
            if head.dep_ in _UP_TO_HEAD and head.head.i != head.i:
                head = head.head
            elif head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
                head = head.head.head  # "the towns of X"
            else:
                break
        if head.i >= prep.i or (head.dep_ == "pobj" and head.head.lower_ == "from"):
            continue
        named = [
            q
            for t in named_first(head)
            if (q := index.location_at(t.i)) is not None
            and q != place
            and specificity(index.place_kind.get(q, ""))
            <= specificity(index.place_kind.get(place, ""))
            and not doer_country(t, q, index, lambda _: False)
        ]
        if named:
            return finest(named, index)
    return _finer_beside(place, sent, index)


def _finer_beside(place: str, sent: Span, index: DocIndex) -> str:
    """ "in Borno state near Maiduguri", "in the Sinai, near El-Arish": another locative of the
    same verb or noun that names a place inside P gives the finer place."""
    for prep in sent:
        if prep.dep_ != "prep" or prep.lower_ not in LOCATIVE_PREPS:
            continue
        if not any(
            index.location_at(t.i) == place
            for o in prep.children
            if o.dep_ == "pobj"
            for t in named_first(o)
        ):
            continue
        for other in prep.head.children:
            if other.dep_ != "prep" or other.i == prep.i or other.lower_ in _SPAN_PREPS:
                continue
            if other.lower_ not in LOCATIVE_PREPS:
                continue
            inner = place_under(other, index, 0)
            if inner is not None and inner != place and index.contains(place, inner):
                return inner
    return place


def earlier_place(
    trig: Token,
    index: DocIndex,
    *,
    skip: Callable[[Token], bool] = lambda _: False,
    event_noun: Callable[[Token], bool] = lambda _: False,
) -> str | None:
    """Where the story was a sentence or two before, in the same paragraph, for an event told
    as part of it (:func:`refers_back`): a report goes on where it was until it names another
    place ("Fighters entered the town of Bama. They burned dozens of homes"; "A bomb exploded at
    a mosque in Peshawar. Thirty people died in the attack"). The place a sentence gives
    something (a locative, "near X", the object of a verb of place), the finest its phrase
    names; not a place ``skip`` rules out (where someone spoke) nor a country naming who
    acted. ``carry_back_sentences`` of toponyms.yaml."""
    if not refers_back(trig, event_noun):
        return None
    for sent in _sentences_before(trig):
        said = [
            finer_in(most_specific(tok, index) or place, sent, index)
            for tok in sent
            if (place := index.location_at(tok.i)) is not None
            and (in_locative(tok) or _object_of_place_verb(tok))
            and not skip(tok)
            and not doer_country(tok, place, index, event_noun)
        ]
        if said:
            # The finest place the sentence names inside the first ("police in the state of
            # Manipur fired at protesters in Imphal": Imphal).
            inside = [q for q in said[1:] if index.contains(said[0], q)]
            return finest(inside, index) if inside else said[0]
        if unlocated_name(sent, index) is not None:
            return None  # the story went to a place the gazetteer lacks
    return None


def _sentences_before(trig: Token) -> Iterator[Span]:
    """The sentences before the trigger's, nearest first, in its paragraph, at most
    ``carry_back_sentences`` of them (a new paragraph: the story may have moved)."""
    doc = trig.doc
    sent = sentence_of(trig)
    for _ in range(_CARRY_BACK):
        if sent.start == 0:
            return
        before = sentence_of(doc[sent.start - 1])
        gap, at = doc[before.start : sent.end].text, before.start_char  # doc.text: every token
        if "\n" in gap[_content_end(before) - at : _content_start(sent) - at]:
            return
        sent = before
        yield sent


def unlocated_name(sent: Span, index: DocIndex) -> Token | None:
    """A name the sentence calls a town or a village that no place resolved ("the town of X",
    "X village"; ``local_settlement_nouns`` of toponyms.yaml): the gazetteer lacks it, or the
    resolver turned it down. Another town than the article's focus city, which the event then
    is not at. (A bare "in X" may name a part of the focus city: that is left to the focus.)"""
    for tok in sent:
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.i in index.place_at:
            continue
        if tok.dep_ == "compound" and tok.head.lower_ in _SETTLEMENT_NOUNS:
            return tok  # "X village"
        head = tok
        while head.dep_ in {"compound", "flat"} and head.head.i != head.i:
            head = head.head
        if (
            head.dep_ == "pobj"
            and head.head.lower_ == "of"
            and head.head.head.lower_ in _SETTLEMENT_NOUNS
            and not any(t.i in index.place_at for t in head.subtree)
        ):
            return tok  # "the town of X"
    return None


def unlocated_story(
    trig: Token, index: DocIndex, event_noun: Callable[[Token], bool] = lambda _: False
) -> bool:
    """Whether the event's place is a name no place resolved: its sentence names one
    (:func:`unlocated_name`), or the event refers back (:func:`refers_back`) to a sentence
    before it that does and places nothing else."""
    if unlocated_name(sentence_of(trig), index) is not None:
        return True
    if not refers_back(trig, event_noun):
        return False
    for sent in _sentences_before(trig):
        if any(
            index.location_at(tok.i) is not None
            and (in_locative(tok) or _object_of_place_verb(tok))
            for tok in sent
        ):
            return False
        if unlocated_name(sent, index) is not None:
            return True
    return False


def area_around(place: str | None, index: DocIndex) -> str | None:
    """The smallest area the document names that holds ``place`` (its first-level area, else its
    country), or ``place`` itself when it is one: where an event is when the text names its
    place by a name the gazetteer lacks ("the town of X" in a report on Somalia: Somalia)."""
    if place is None:
        return None
    if index.place_kind.get(place) in _AREA_KINDS:
        return place
    areas = [a for a in index.place_within.get(place, frozenset()) if a in index.place_kind]
    return finest(areas, index) if areas else None


def refers_back(trig: Token, event_noun: Callable[[Token], bool] = lambda _: False) -> bool:
    """Whether an event is told as part of what came before: a definite event noun ("the
    attack", "this week's clashes"), a verb whose subject is a pronoun or a definite noun
    phrase ("*They* burned homes", "*the gunmen* fled"), one said to happen "there"
    (``back_place_adverbs`` of toponyms.yaml: "armed men looted the market *there*") or in
    the course of an event told before ("dozens were injured *in the clashes*", "guards shot
    two women *during the riot*": a definite event noun, ``event_noun``, after a preposition).
    Not one that brings in someone new ("*another* man was arrested", "*police* arrested a
    man")."""
    if trig.pos_ == "NOUN":
        return _definite(trig)
    if any(c.dep_ == "advmod" and c.lower_ in _BACK_ADVERBS for c in trig.children):
        return True
    if any(
        g.dep_ == "pobj" and g.lemma_.lower() in _BACK_PLACE_NOUNS and _definite(g)
        for c in trig.children
        if c.dep_ == "prep" and c.lower_ in LOCATIVE_PREPS
        for g in c.children
    ):
        return True  # "arrested a man at the scene"
    if any(c.dep_ == "dobj" and c.pos_ == "NOUN" and _definite(c) for c in trig.children):
        return True  # "officers shot the gunman dead": the one the story told of
    if any(
        g.dep_ == "pobj" and event_noun(g) and _definite(g)
        for c in trig.children
        if c.dep_ == "prep" and c.lower_ in _COURSE_PREPS
        for g in c.children
    ):
        return True
    subj = subject(trig, climb={"conj", "xcomp"}, levels=3)
    if subj is not None and subj.tag_ in {"WP", "WDT"} and trig.dep_ == "relcl":
        subj = trig.head  # "another man, who was arrested": the man
    if subj is None:
        return False
    return subj.lower_ in grammar().subject_pronouns or _definite(subj)


def _definite(noun: Token) -> bool:
    """A noun phrase with a determiner or an owner that is not indefinite ("the", "this",
    "their", "Monday's"; not "a", "another", "some")."""
    return any(
        c.dep_ in {"det", "poss"} and c.lower_ not in grammar().indefinite_determiners
        for c in noun.children
    )


def _content_start(sent: Span) -> int:
    """The character offset of a sentence's first word (leading newlines aside)."""
    for tok in sent:
        if not tok.is_space:
            return int(tok.idx)
    return int(sent.end_char)


def _content_end(sent: Span) -> int:
    """The character offset just past a sentence's last word (its trailing newlines aside)."""
    for tok in reversed(sent):
        if not tok.is_space:
            return int(tok.idx) + len(tok.text)
    return int(sent.start_char)


def _object_of_place_verb(tok: Token) -> bool:
    """ "entered the town of Bama", "captured Kidal": the object of a verb of place."""
    while tok.dep_ in _UP_TO_HEAD and tok.head.i != tok.i:
        tok = tok.head
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "of"
        and tok.head.head.dep_ in {"dobj", "nsubjpass"}
    ):
        tok = tok.head.head  # "the town of Bama"
    return tok.dep_ in {"dobj", "nsubjpass"} and tok.head.lemma_.lower() in PLACE_OBJECT_VERBS


def governing_preposition(tok: Token) -> Token | None:
    """The preposition whose object's phrase holds ``tok`` ("into" for "Chad" in "fled into
    Chad", for "Kherson" in "into the city of Kherson"), or None."""
    for _ in range(6):
        while tok.dep_ in _UP_TO_HEAD and tok.head.i != tok.i:
            tok = tok.head
        if tok.dep_ != "pobj":
            return None
        if tok.head.lower_ != "of":
            return tok.head if tok.head.dep_ in {"prep", "agent"} else None
        tok = tok.head.head  # "the city of X": the phrase of "the city"
    return None


__all__ = [
    "LOCATIVE_PREPS",
    "NEAR_HEADS",
    "NESTING",
    "PLACE_OBJECT_NOUNS",
    "PLACE_OBJECT_VERBS",
    "area_around",
    "called_by_kind",
    "doer_country",
    "earlier_place",
    "finer_in",
    "finest",
    "governing_preposition",
    "ground_of",
    "in_locative",
    "most_specific",
    "named_first",
    "phrase_verb",
    "place_under",
    "refers_back",
    "route_end",
    "unlocated_name",
    "unlocated_story",
]
