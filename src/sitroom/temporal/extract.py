"""Find time expressions in a parsed ``Doc`` and resolve them against the publication date.

Candidates come from the model's DATE and TIME entities, then from regular expressions for
the dates a small model misses ("on 5 Sept", a bare weekday). Each candidate is normalised
with the tense of the verb that governs it, so that "Friday" in "met on Friday" and in "will
meet on Friday" land on different days.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from sitroom.lang.vocabulary.temporal import temporal_words
from sitroom.model import TimeSpan
from sitroom.temporal.calendar import Tense
from sitroom.temporal.lexicon import MONTHS, WEEKDAYS
from sitroom.temporal.normalize import Resolved, normalize

_TIME_LABELS = frozenset({"DATE", "TIME"})
# Text inside these entities is a name ("Black September", the "Today" programme), not a time.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "WORK_OF_ART", "EVENT", "FAC", "PRODUCT", "LAW", "GPE", "LOC", "NORP"}
)

_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would", "'d"})
_PAST_AUX = frozenset({"has", "have", "had", "'ve", "was", "were"})
# Verbs whose infinitive complement lies ahead: "is expected to convene on September 13".
_FUTURE_CUES = temporal_words().future_cues

_MONTH_CAP = "|".join(m.capitalize() for m in sorted(MONTHS, key=len, reverse=True))
_WEEKDAY_CAP = "|".join(w.capitalize() for w in WEEKDAYS if len(w) > 3)
_SEASON = "[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter"
# Every alternative starts a word; the leading "\b(?=\w)" lets the engine skip other positions.
_FALLBACK = re.compile(
    r"\b(?=\w)(?:"
    rf"\b(?:(?:{_WEEKDAY_CAP}),?\s+)?(?:{_MONTH_CAP})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?"
    rf"(?:,?\s+\d{{4}})?\b"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH_CAP})\b\.?(?:,?\s+\d{{4}}\b)?"
    r"|\b\d{4}-\d{2}-\d{2}\b"
    rf"|\b(?:(?:last|next|this|early|late)\s+)?(?:{_WEEKDAY_CAP})\b"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|[Ll]ast night)\b"
    r"|\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?:[Tt]his|[Ll]ast|[Nn]ext)\s+(?:week|weekend|month|year)\b"
    # the present: "now" (not "now-defunct"), "currently", "at present"
    r"|\b(?:[Rr]ight\s+)?[Nn]ow\b(?!-)|\b[Cc]urrently\b|\b[Aa]t\s+present\b"
    # seasons only with a relation or a year: a bare "fall" or "spring" is rarely a time
    rf"|\b(?:(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate)\s+(?:{_SEASON})|(?:{_SEASON})\s+(?:of\s+)?\d{{4}})\b"
    r"|(?:(?<=\b[Ii]n )|(?<=\b[Dd]uring ))the\s+(?:spring|summer|autumn|winter)\b"
    # quarters and halves of a named year, fiscal years
    r"|\b(?:first|second|third|fourth)\s+(?:quarter|half)\s+of\s+(?:\d{4}|(?:the|this|last|next)\s+year)\b"
    r"|\bQ[1-4]\s+\d{4}\b|\b(?:[Ff]iscal(?:\s+[Yy]ear)?\s+\d{4}|FY\s?\d{2}(?:\d{2})?)\b"
    r"|\b(?:[Tt]his|[Ll]ast|[Nn]ext|the\s+current)\s+fiscal\s+year\b"
    # decades and centuries
    r"|\b(?:1\d|20)\d0s\b|\bthe\s+\d{1,2}(?:st|nd|rd|th)\s+[Cc]entury\b"
    # days told relative to the story's own last date ("the next day"); see _ANAPHORIC
    r"|\b(?:[Tt]he\s+)?(?:previous|following|next|same)\s+day\b"
    r"|\b[Tt]he\s+day\s+(?:before|after)\b(?!\s+(?:yesterday|tomorrow))"
    ")"
)
# Expressions that count from the time the story last named, not from the publication date.
_ANAPHORIC = re.compile(
    r"\b(?:previous|following|next|same|that)\s+day\b"
    r"|\bday\s+(?:before|after)\b(?!\s+(?:yesterday|tomorrow))"
    r"|\b(?:previous|following|same|that)\s+(?:week|month|year)\b"
    r"|\b(?:week|month|year)\s+(?:before|after)\b",
    re.IGNORECASE,
)
_POINTS = ("day", "week", "month", "year")
_BEFORE_AFTER = re.compile(r"\b(?:before|after)$", re.IGNORECASE)
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night"})
_Found = tuple[int, int, Resolved, str]
_RANGE_WORD = re.compile(r"\b(?:to|and|until|through|till)\b|-")


def _governing_verb(token: Token) -> Token | None:
    for _ in range(12):
        if token.pos_ in ("VERB", "AUX") and token.tag_ != "MD":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _has_infinitive(verb: Token) -> bool:
    return any(
        child.dep_ == "xcomp" and any(g.lower_ == "to" for g in child.children)
        for child in verb.children
    )


def _verb_tense(verb: Token, depth: int = 0) -> Tense:
    aux = {child.lower_ for child in verb.children if child.dep_ in ("aux", "auxpass")}
    if aux & _FUTURE_AUX:
        return "past" if "have" in aux else "future"
    if verb.lemma_.lower() in _FUTURE_CUES and verb.tag_ != "VBD" and _has_infinitive(verb):
        return "future"  # "is expected to", "plans to": a date attached here is the plan's date
    if "to" in aux and verb.tag_ == "VB":
        head = verb.head
        if head.lemma_.lower() in _FUTURE_CUES or head.lower_ in ("due", "set"):
            return "future"
        if head.i != verb.i and depth < 3 and head.pos_ in ("VERB", "AUX"):
            tense = _verb_tense(head, depth + 1)
            # a purpose clause comes after its past event, not necessarily before the report:
            # "identified companies to run the programme through June"
            return "unknown" if verb.dep_ == "advcl" and tense == "past" else tense
        return "future"  # a bare purpose clause ("a conference ... to help avert") looks ahead
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and (not aux or aux & _PAST_AUX)):
        return "past"
    if verb.tag_ in ("VBG", "VBN") and aux & {"was", "were"}:
        return "past"
    if verb.tag_ in ("VBG", "VBN") and not aux and verb.head.i != verb.i and depth < 3:
        return _verb_tense(verb.head, depth + 1) if verb.head.pos_ in ("VERB", "AUX") else "unknown"
    return "unknown"


def _told_past(span: Span, resolved: Resolved, anchor: dt.date) -> Resolved:
    """A yearless month that a past verb puts the happening *in* or *since* ("since the fighting
    began in April", "protests erupted in May") is one that has begun by the article's date:
    the nearest month may lie just ahead of the anchor ("in April" in a March article), which
    the nearness rule takes for a month this close whatever the tense, as it must for a
    destination ("postponed to April"); a month the happening took place in cannot lie ahead."""
    words = temporal_words().past_month_prepositions
    before = span.doc[span.start - 1].lower_ if span.start > 0 else ""
    if (
        resolved.precision != "month"
        or resolved.start <= anchor
        or not (before in words or span[0].lower_ in words)  # "since" may open the span
        or any(t.like_num for t in span)
    ):
        return resolved
    start = resolved.start.replace(year=resolved.start.year - 1)
    end = resolved.end.replace(year=resolved.end.year - 1)
    return Resolved(start=start, end=end, precision="month")


def tense_of(span: Span) -> Tense:
    """Tense of the verb governing ``span``: past, future or unknown (present and the rest)."""
    verb = _governing_verb(span.root)
    return "unknown" if verb is None else _verb_tense(verb)


def _extend(doc: Doc, ent: Span) -> Span:
    """Take in a "from"/"between"/"since" just before the entity when it makes a range, and a
    part of the day just after it ("Friday" + "afternoon")."""
    if ent.end < len(doc) and doc[ent.end].lower_ in _DAY_PARTS:
        ent = doc[ent.start : ent.end + 1]
    if ent.start == 0:
        return ent
    before = doc[ent.start - 1]
    if before.lower_ == "since" or (
        before.lower_ in ("from", "between") and _RANGE_WORD.search(ent.text)
    ):
        return doc[ent.start - 1 : ent.end]
    return ent


def _joined(doc: Doc) -> Iterator[Span]:
    """Two DATE entities around one range word ("from [2014] to [2019]"), as a single span."""
    dates = [e for e in doc.ents if e.label_ == "DATE"]
    for left, right in itertools.pairwise(dates):
        between = doc[left.end : right.start]
        if len(between) == 1 and _RANGE_WORD.fullmatch(between.text.lower()):
            yield _extend(doc, doc[left.start : right.end])


def _candidates(doc: Doc, full: str) -> Iterator[Span]:
    yield from _joined(doc)  # first, so that a resolved range wins over its two halves
    for ent in doc.ents:
        if ent.label_ in _TIME_LABELS:
            yield _extend(doc, ent)
    names = DisjointSpans()
    for e in doc.ents:
        if e.label_ in NAME_LABELS:
            names.add(e.start_char, e.end_char)
    for match in _FALLBACK.finditer(full):
        start, end = match.span()
        if names.overlaps(start, end):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            yield span


class DisjointSpans:
    """Character spans that do not overlap one another, asked whether a new span overlaps
    any: by a search in their order rather than by a pass over all of them, so that a long
    document is not quadratic in its time expressions."""

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        bisect.insort(self._spans, (start, end))

    def overlaps(self, start: int, end: int) -> bool:
        # Disjoint spans in order of start end in order too: the last one starting before
        # ``end`` reaches furthest, so it alone decides.
        k = bisect.bisect_left(self._spans, (end, -1)) - 1
        return k >= 0 and self._spans[k][1] > start


def _window_start(span: Span) -> int:
    """Where the previous sentence starts: the story's reference time lies no further back."""
    try:
        sent = span.sent
    except ValueError:  # no sentence boundaries
        return 0
    return 0 if sent.start == 0 else span.doc[sent.start - 1].sent.start_char


def _reference(
    taken: list[_Found], span: Span, text: str, anchor: dt.date | None
) -> dt.date | None:
    """The time the story last named before ``span``, for "the next day" and its kin.

    It must be at least as precise as the expression's unit ("the previous month" cannot count
    from "2020") and at most a sentence back. Without one, "the previous/following week, month
    or year" counts from the anchor, as a deictic "last/next month" would; day expressions and
    "that/the same year" stay unresolved.
    """
    unit = next(u for u in _POINTS if re.search(rf"\b{u}\b", text, re.IGNORECASE))
    start, earliest = span.start_char, _window_start(span)
    before = [item for item in taken if earliest <= item[0] and item[1] <= start]
    if before:
        last = max(before, key=lambda item: item[0])[2]
        if last.precision in _POINTS[: _POINTS.index(unit) + 1]:
            return last.start
    if unit == "day" or re.search(r"\b(?:that|same)\b", text, re.IGNORECASE):
        return None
    return anchor


def find_times(
    doc: Doc, anchor: dt.date | None, *, text: str | None = None
) -> tuple[TimeSpan, ...]:
    """Every resolvable time expression in ``doc``, in text order, without overlaps.

    Entity candidates come first, so a model entity wins over a regular-expression match of the
    same words; a span that does not resolve takes no room and lets a smaller match through.
    Anaphoric expressions ("the next day", "that year") are resolved last, in text order, from
    the time named just before them. ``text`` is ``doc.text`` when the caller has it already.
    """
    full = doc.text if text is None else text  # built from the tokens on every access
    taken: list[_Found] = []
    room = DisjointSpans()  # the spans of ``taken``
    deferred: list[Span] = []
    for span in _candidates(doc, full):
        start, end = span.start_char, span.end_char
        if room.overlaps(start, end):
            continue
        if span.root.dep_ == "amod" and span.root.head.i >= span.end:
            continue  # "an overnight curfew", "a weekend market": describes a thing, not a time
        text = full[start:end]
        if _ANAPHORIC.search(text):
            deferred.append(span)
            continue
        tense = tense_of(span)
        resolved = normalize(text, anchor, tense=tense)
        if resolved is not None and anchor is not None and tense == "past":
            resolved = _told_past(span, resolved, anchor)
        if resolved is not None:
            taken.append((start, end, resolved, text))
            room.add(start, end)
    for span in sorted(deferred, key=lambda sp: sp.start_char):
        start, end = span.start_char, span.end_char
        text = full[start:end]
        if room.overlaps(start, end):
            continue
        if _BEFORE_AFTER.search(text) and span.end < len(doc) and not doc[span.end].is_punct:
            continue  # "the day before the vote": counted from an event, not from a time
        reference = _reference(taken, span, text, anchor)
        resolved = None if reference is None else normalize(text, reference, tense=tense_of(span))
        if resolved is not None:
            taken.append((start, end, resolved, text))
            room.add(start, end)
    taken.sort(key=lambda item: item[0])
    taken = _nights_of_their_day(taken, doc)
    return tuple(
        TimeSpan(text=text, start=r.start, end=r.end, precision=r.precision, span=(s, e))
        for s, e, r, text in taken
    )


def _nights_of_their_day(taken: list[_Found], doc: Doc) -> list[_Found]:
    """ "Warplanes struck overnight, the ministry said *on Sunday*": the night before the day
    its sentence names, not before publication. A night whose sentence names no day, or
    several, keeps the night before the anchor."""
    out = []
    for start, end, resolved, text in taken:
        if _clean_night(text):
            sent = doc.char_span(start, end, alignment_mode="expand")
            days = (
                []
                if sent is None
                else [
                    r
                    for s, _e, r, _t in taken
                    if r.precision == "day"
                    and sent.sent.start_char <= s < sent.sent.end_char
                    and r.start is not None
                ]
            )
            if len(days) == 1 and (night := normalize(text, days[0].start)) is not None:
                resolved = night
        out.append((start, end, resolved, text))
    return out


def _clean_night(text: str) -> bool:
    return text.strip().lower() in temporal_words().night_words


def times_in(doc: Doc, start_char: int, end_char: int) -> tuple[TimeSpan, ...]:
    """The times already set on ``doc`` that lie inside ``start_char..end_char`` (a sentence or
    a clause), in text order. The events stage uses this to date what a clause reports."""
    found: tuple[TimeSpan, ...] = doc._.sitroom_times
    # In text order and disjoint: a search finds the first, the walk stops past the clause.
    first = bisect.bisect_left(found, start_char, key=lambda t: t.span[0])
    inside = []
    for k in range(first, len(found)):
        t = found[k]
        if t.span[0] > end_char:
            break
        if t.span[1] <= end_char:
            inside.append(t)
    return tuple(inside)


__all__ = ["NAME_LABELS", "DisjointSpans", "find_times", "tense_of", "times_in"]
