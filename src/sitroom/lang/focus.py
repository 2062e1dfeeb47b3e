"""The focus of an article: where the reported happenings are, as its resolved places say.

**Definition.** An article's *focus* is the place it keeps coming back to: among its resolved
place mentions that say where something is (not a dateline, not a place acting as a government:
"Kabul denied", not where someone spoke: "speaking in Kabul"), the most mentioned one. It is
read at two levels:

* ``focus_place``: the place below country level named most often, at least twice (a dateline
  counts only when the body names its place too); ties go to the more specific place, then to
  the one named first. Failing one, the country named at least
  ``COUNTRY_MENTIONS`` times, when no other country has half as many mentions (a report on Hong
  Kong, which GeoNames lists as a country, names no finer place). The events stage places an
  undated-place violent event there when its sentence names no place.
* ``focus_country``: the country that the document's place mentions lie in most often, when it
  clearly leads (more than twice the mentions of the runner-up). An actor named by a common noun
  ("the army") belongs to it. It counts every mention, datelines included: a dateline's country
  is evidence of whose army a report speaks of, though not of where an event happened.

Not the same notion: the geoparser's *evidence country* (``sitroom.geo.resolve``), which is
computed before places are resolved, from the votes of the names that are unambiguous, and
leaves out the name being resolved; it steers readings, it does not say what an article is about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache

from spacy.tokens import Doc, Token

from sitroom.lang.syntax import phrase_anchor
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.places import toponym_words
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Place, Span

# Places below country level, most specific first: ties in mention counts go to the finer one.
_FOCUS_KINDS = ("facility", "locality", "city", "admin2", "admin1", "region")
# A country is a coarse place: it is the focus only when no finer place is, the article names it
# this often, and no other country comes close (half its mentions or more).
COUNTRY_MENTIONS = 3
# After a dateline's place: "YANGON, May 21 (Agency) -", "KABUL (Reuters) -", "Kabul — ".
_DATELINE_END = re.compile(r"\s*[,(\u2014\u2013-]")
# The words climbed to the head of a place name's phrase before its preposition.
_NAME_CLIMB = frozenset({"compound", "flat", "amod", "appos", "conj"})


def dateline_spans(text: str, places: Sequence[Place]) -> set[Span]:
    """The mention that opens the text as its dateline: where the reporter filed from, which
    says nothing of where the reported events happened."""
    return {
        (start, end)
        for place in places
        for start, end in place.mentions
        if not text[:start].strip() and _DATELINE_END.match(text, end)
    }


def refuge_spans(doc: Doc, places: Sequence[Place]) -> set[Span]:
    """The mentions that say where people fled or withdrew to ("hundreds of thousands fled
    *to Chad*", "withdrew into the city of X"; ``refuge_prepositions`` after
    ``place_left_verbs`` of toponyms.yaml): a refuge, which says nothing of where the reported
    events happened."""
    words = toponym_words()
    found: set[Span] = set()
    for place in places:
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            tok = span.root
            for _ in range(4):
                while (
                    tok.dep_ in {"compound", "flat", "amod", "appos", "conj"}
                    and tok.head.i != tok.i
                ):
                    tok = tok.head
                if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN":
                    tok = tok.head.head  # "the city of X"
                    continue
                break
            prep = tok.head
            if (
                tok.dep_ == "pobj"
                and prep.lower_ in words.refuge_prepositions
                and prep.head.pos_ == "VERB"
                and prep.head.lemma_.lower() in words.place_left_verbs
            ):
                found.add((start, end))
    return found


def speaker_spans(doc: Doc, places: Sequence[Place]) -> set[Span]:
    """The mentions that say where someone spoke from ("*Speaking in Manila*, the army chief
    said", "said *in Abuja* that", "told a news conference *in Kabul*", "officials *in Nairobi*
    said", "a spokesman for the army *in Abuja* said"): a verb of saying (the assert, deny and
    speech verbs of reporting.yaml, ``speaking_verbs`` of toponyms.yaml) or a speaker
    (``speaker_nouns``) that is the subject of one, up a chain of prepositional phrases. The
    capital a report is filed from and spoken of in says nothing of where its events were."""
    spans: set[Span] = set()
    for place in places:
        for start, end in place.mentions:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span) and spoken_from(span.root) is not None:
                spans.add((start, end))
    return spans


def spoken_from(tok: Token) -> Token | None:
    """The verb of saying whose speaker the place at ``tok`` says where was (see
    :func:`speaker_spans`), or None."""
    speaking = _speaking_verbs()
    anchor = phrase_anchor(tok, _NAME_CLIMB, 4, speaking)
    if anchor is None:
        return None
    verb, speaker_noun = anchor
    if speaker_noun is None:
        return verb if verb.lemma_.lower() in speaking else None
    return verb if speaker_noun.lemma_.lower() in toponym_words().speaker_nouns else None


@cache
def _speaking_verbs() -> frozenset[str]:
    cues = load_vocabulary(ReportingVocabulary)
    return cues.assert_verbs | cues.deny_verbs | cues.speech | toponym_words().speaking_verbs


def focus_place(
    places: Sequence[Place], excluded: Collection[Span] = (), datelines: Collection[Span] = ()
) -> str | None:
    """The id of the article's focus place (see the module's definition), or ``None``.

    ``excluded`` are the mentions that do not say where (places acting as agents), and so are
    ``datelines``: a dateline city is where the reporter was, not where things happened. Only
    when no place is named twice does a dateline count, for a place the body names again
    ("KABUL (Reuters) - A bomber struck a hall in western Kabul"): the reporter is at the
    scene, and the other places, named once, are details of the story."""
    located = {
        p.id: [m for m in p.mentions if tuple(m) not in excluded and tuple(m) not in datelines]
        for p in places
    }
    ranked = _ranked(places, located)
    if ranked:
        return ranked[0].id
    with_dateline = {
        p.id: [m for m in p.mentions if tuple(m) not in excluded] if located[p.id] else []
        for p in places
    }
    ranked = _ranked(places, with_dateline)
    if ranked and any(tuple(m) in datelines for m in with_dateline[ranked[0].id]):
        return ranked[0].id
    countries = sorted(
        (p for p in places if p.kind == "country"),
        key=lambda p: (-len(located[p.id]), min(located[p.id], default=(0, 0))),
    )
    if not countries or len(located[countries[0].id]) < COUNTRY_MENTIONS:
        return None
    if len(countries) > 1 and 2 * len(located[countries[1].id]) >= len(located[countries[0].id]):
        return None
    return countries[0].id


def _ranked(places: Sequence[Place], located: dict[str, list[Span]]) -> list[Place]:
    """The places below country level named at least twice, the likeliest focus first."""
    return sorted(
        (p for p in places if p.kind in _FOCUS_KINDS and len(located[p.id]) >= 2),
        key=lambda p: (-len(located[p.id]), _FOCUS_KINDS.index(p.kind), min(located[p.id])),
    )


def focus_country(places: Sequence[Place]) -> str | None:
    """The article's focus country (see the module's definition), or ``None`` if none leads."""
    counts = Counter(p.country for p in places for _ in p.mentions if p.country)
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    return ranked[0][0]


__all__ = [
    "dateline_spans",
    "focus_country",
    "focus_place",
    "refuge_spans",
    "speaker_spans",
    "spoken_from",
]
