"""Find figures in a parsed ``Doc``: numbers with their hedge, unit and what they count.

A figure is cut out token by token: a run of number words and digits, widened left over a
currency mark and a hedge cue ("more than", "about") and right over a percent or currency word.
The counted noun comes from the dependency parse.

Numbers that are not figures are skipped (each rule is one function below): dates, times and
years; ordinals; numbers inside names ("Resolution 2593", "Flight 17"); list numbering; parts of
hyphenated modifiers ("25-year-old"); durations and ages ("three days"); a spelled-out "one"
used as a determiner ("one official said") unless it counts a casualty ("one soldier was
killed"); "the two officials" and the like, which refer back to people rather than count them;
and any number that names no unit and counts nothing the parse can find.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re

from spacy.tokens import Doc, Span, Token

from sitroom.figures.numbers import (
    CURRENCY_WORDS,
    FRACTIONS,
    MAGNITUDES,
    QUALIFIER_CUES,
    VAGUE,
    Quantity,
    parse_number,
    parse_quantity,
)
from sitroom.figures.parts import part_of
from sitroom.figures.period import FigureClock
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.figures import FigureNouns
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.lang.vocabulary.temporal import temporal_words
from sitroom.model import Figure

# Entities whose numbers are never figures: times, ordinals, and names.
_BLOCK_LABELS = frozenset(
    {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT"}
    | {"WORK_OF_ART", "LAW", "LANGUAGE", "NORP"}
)
_CURRENCY_MARKS = frozenset({"$", "us$", "€", "£", "¥", "₹", "a$", "c$", "hk$", "nz$"})
_PERCENT_TOKENS = {"%": 1, "percent": 1, "pct": 1, "per": 2, "percentage": 2}
_CONNECTORS = frozenset({"-", "to", "and", "of", "in"})
_REFERRING_DETS = frozenset({"the", "these", "those", "both", "all"})
_TALLY_NOUNS = frozenset({"number", "total", "count", "figure", "tally"})
# Links climbed from a misattached "to 47" up to its level verb: a clause inside the tally
# ("the number killed since ... began") and the tally noun as the level verb's object.
_TALLY_CLAUSE_DEPS = frozenset({"advcl", "relcl", "acl", "ccomp", "dobj"})
_YEAR = re.compile(r"^(?:1[89]|2[01])\d\d$")
# The last word of a fraction that a count opens ("three quarters", "two thirds"): it is part of
# a number only when the words before it and a magnitude after it make one.
_FRACTION_TAILS = frozenset(
    key.split()[-1]
    for key in FRACTIONS
    if len(key.split()) > 1 and key.split()[0] not in ("a", "an")
)


def _numberish(tok: Token) -> bool:
    """Can this token be part of a number? Vague words only in their numeric frames."""
    low = tok.lower_
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    if low in ("a", "an", "several", "few"):
        return nxt in MAGNITUDES or nxt in VAGUE or nxt in FRACTIONS
    if low in FRACTIONS:  # "half a million", "quarter of a million": only before a magnitude
        return any(parse_number(tok.doc[tok.i : tok.i + k].text) for k in (3, 4))
    if low in _FRACTION_TAILS:  # "three-quarters of a million": the fraction's count came first
        doc, start = tok.doc, max(tok.i - 2, 0)
        return any(parse_number(doc[start : tok.i + k].text) for k in (3, 4))
    if low in ("tens", "scores"):
        return nxt == "of"
    if low in MAGNITUDES and len(low) <= 2:  # "2m", "1.5 bn": only glued to or after a digit
        return tok.i > 0 and tok.nbor(-1).like_num and tok.nbor(-1).whitespace_ == ""
    return parse_number(low) is not None


def _connector(doc: Doc, k: int) -> int:
    """Width of a connector at ``k`` ("to", "-", "of", "in", "out of"), 0 if there is none."""
    if doc[k].lower_ in _CONNECTORS:
        return 1
    return 2 if doc[k : k + 2].text.lower() == "out of" else 0


def _run(doc: Doc, i: int) -> tuple[int, int]:
    """Token range [first, last] of the number starting at ``i`` (connectors included).

    A connector is taken only when the longer text still parses, or does with one more word:
    "tens of thousands", "10 to 15", "one in five", "a quarter of a million", but not "five in
    2016".
    """
    last = i
    while last + 1 < len(doc):
        if _numberish(doc[last + 1]):
            last += 1
            continue
        width = _connector(doc, last + 1)
        after = last + 1 + width
        if (
            width
            and after < len(doc)
            and _numberish(doc[after])
            and (
                parse_quantity(doc[i : after + 1].text) is not None
                # "between 30 and 40": the range is a range only with its "between"
                or (
                    i > 0
                    and doc[i - 1].lower_ == "between"
                    and parse_quantity(doc[i - 1 : after + 1].text) is not None
                )
                # "a quarter of a million", "three-quarters of a million": the words after
                # the connector may need their magnitude, up to three words on
                or any(parse_quantity(doc[i : after + k].text) is not None for k in (2, 3, 4))
            )
        ):
            last = after
        else:
            break
    return i, last


def _widen(doc: Doc, first: int, last: int) -> tuple[int, int]:
    """Widen a number over a currency mark and hedge before it, a percent or currency after."""
    if first > 0 and doc[first - 1].lower_ in _CURRENCY_MARKS:
        first -= 1
        if first > 0 and doc[first - 1].whitespace_ == "" and doc[first - 1].is_alpha:
            first -= 1  # "US" glued to "$"
    for size in (4, 3, 2, 1):
        start = first - size
        if start >= 0 and (doc[start:first].text.lower() in QUALIFIER_CUES):
            first = start
            break
    if (
        first > 0
        and doc[first - 1].lower_ == "between"
        and doc[first : last + 1].text.count(" and ")
    ):
        first -= 1
    after = last + 1
    if after < len(doc):
        low = doc[after].lower_
        if low in _PERCENT_TOKENS:
            width = _PERCENT_TOKENS[low]
            pair = doc[after : after + 2].text.lower()
            if width == 1 or pair in ("per cent", "percentage points"):
                last = after + width - 1
        elif low in CURRENCY_WORDS:
            last = after
    if last + 2 < len(doc) and doc[last + 1 : last + 3].text.lower() in ("or more", "or so"):
        last += 2
    return first, last


def _blocked(doc: Doc, span: Span) -> bool:
    # Only the candidate's own tokens and the times starting before it are looked at, so the
    # work per candidate does not grow with the document (it did: every entity and time of
    # the whole text per candidate, quadratic on a long article).
    if any(t.ent_type_ in _BLOCK_LABELS for t in span):
        return True
    if not Doc.has_extension("sitroom_times"):  # set when the times component ran first
        return False
    times = doc._.sitroom_times
    key = "sitroom.figures.time_ranges"
    cached = doc.user_data.get(key)
    if cached is None or cached[0] is not times:
        ranges = sorted(t.span for t in times)
        # furthest[i]: the furthest end of the first i + 1 ranges (by start).
        ends = [e for _, e in ranges]
        cached = (times, [s for s, _ in ranges], list(itertools.accumulate(ends, max)))
        doc.user_data[key] = cached
    starts: list[int] = cached[1]
    furthest: list[int] = cached[2]
    # The times that start before the candidate ends overlap it iff one of them ends after
    # it starts, i.e. iff the furthest end among them does.
    before = bisect.bisect_left(starts, span.end_char)
    return before > 0 and furthest[before - 1] > span.start_char


def _near_month(doc: Doc, first: int, last: int) -> bool:
    around = [doc[k] for k in (first - 1, last + 1) if 0 <= k < len(doc)]
    return any(t.is_title and t.lower_.rstrip(".") in temporal_words().months for t in around)


def _name_part(doc: Doc, first: int, number: Token) -> bool:
    """Is the number a label of the word before it ("Resolution 2593", "Flight 17", "No. 5")?"""
    before = doc[first - 1] if first > 0 else None
    if before is not None and before.lower_ in ("no", "no.", "number", "#", "nos", "nos."):
        return True
    head = number.head
    if head.i == number.i or not first - 2 <= head.i < first:
        return False
    return head.pos_ == "PROPN" or (head.pos_ == "NOUN" and head.is_title)


def _list_number(doc: Doc, first: int, last: int) -> bool:
    before = doc[first - 1].text if first > 0 else "\n"
    after = doc[last + 1].text if last + 1 < len(doc) else ""
    starts_line = doc[first].is_sent_start or "\n" in before or before == "("
    return starts_line and after in (")", ".", ":")


def _hyphen_modifier(doc: Doc, last: int) -> bool:
    return last + 2 < len(doc) and doc[last + 1].text == "-" and not _numberish(doc[last + 2])


def _is_word(tok: Token, words: frozenset[str]) -> bool:
    return tok.lower_ in words or tok.lemma_.lower() in words


def _of_object(tok: Token, preps: tuple[str, ...] = ("of",)) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def _measured_noun(verb: Token, number: Token, lex: FigureNouns) -> Token | None:
    """What a level verb measures: "the toll rose to 45" → toll; "the number of X reached" → X;
    "bringing the number killed to 19" → number (a tally of the harmed counts people).

    Not the verb's subject (``sitroom.lang.syntax.subject``): an object other than the number
    comes first ("the attack brought the toll to 45": the toll, not the attack)."""
    for dep in ("dobj", "nsubj", "nsubjpass"):
        nouns = [c for c in verb.children if c.dep_ == dep and c.i != number.i]
        if nouns:
            noun = nouns[0]
            if noun.lemma_ not in _TALLY_NOUNS:
                return noun
            counted = _of_object(noun)
            return noun if counted is None and _harmed_tally(noun, lex) is not None else counted
    return None


def _harmed_tally(noun: Token, lex: FigureNouns) -> Token | None:
    """The word of harm that qualifies a tally noun: "the number *killed*", "the number *dead*"."""
    words = [c for c in noun.children if c.dep_ in ("amod", "acl")]
    return next((c for c in words if _is_word(c, lex.casualty_words)), None)


def _level_object(to: Token, number: Token, lex: FigureNouns) -> Token | None:
    """The noun a "to"/"at" of a level verb measures. The parser may hang the preposition on a
    verb inside the tally's own clause ("bringing the number killed since the protests began
    in May *to* 47": on "began"); the level verb is then the one that clause hangs from."""
    verb = to.head
    for _ in range(4):
        if verb.lemma_ in lex.level_verbs:
            return _measured_noun(verb, number, lex)
        if verb.dep_ not in _TALLY_CLAUSE_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _counted(root: Token, lex: FigureNouns, *, money: bool = False) -> Token | None:
    """The noun a number counts: "of" object, the noun it modifies, or the subject of a level verb.

    Money also takes an "in" object ("$2 million in aid").
    """
    found = _of_object(root, ("of", "in") if money else ("of",))
    if found is not None:
        return found
    head = root.head
    if root.dep_ in ("nummod", "compound", "amod", "quantmod", "npadvmod") and head.i != root.i:
        if head.ent_type_ in ("DATE", "TIME") and root.ent_type_ not in ("DATE", "TIME"):
            # a parse slip ("reached 12,000 last month" hangs 12,000 on "month"): use the verb
            return (
                _measured_noun(head.head, root, lex)
                if head.head.lemma_ in lex.level_verbs
                else None
            )
        if head.pos_ in ("NOUN", "PROPN") or _is_word(head, lex.person_nouns):
            return head
    if root.dep_ == "pobj" and head.lower_ in ("to", "at"):
        return _level_object(head, root, lex)
    if root.dep_ in ("dobj", "attr") and head.lemma_ in lex.level_verbs:
        return _measured_noun(head, root, lex)
    return None


def _conjuncts(noun: Token) -> list[Token]:
    """Nouns joined to ``noun`` by "and" ("Americans, Afghans and others"), none counted apart."""
    found: list[Token] = []
    current = noun
    while True:
        if any(c.dep_ == "cc" and c.lower_ in ("or", "nor", "but") for c in current.children):
            return found
        nxt = [c for c in current.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not nxt or any(c.dep_ in ("nummod", "det", "poss") for c in nxt[0].children):
            return found
        current = nxt[0]
        found.append(current)


def _what(noun: Token, number: range) -> str:
    """The counted noun with its compounds ("death toll") and conjuncts; a measure keeps its
    "of" object ("tonnes of wheat") because the measure alone says little. Nothing of the
    number itself, whose tokens are ``number`` ("2.5 m people" counts people)."""
    doc = noun.doc
    first = noun.i
    while (
        first > 0
        and first - 1 not in number
        and doc[first - 1].dep_ == "compound"
        and doc[first - 1].head == noun
    ):
        first -= 1
    conjuncts = _conjuncts(noun)
    last = conjuncts[-1] if conjuncts else noun
    if noun.ent_type_ == "QUANTITY":
        for child in noun.children:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if child.dep_ == "prep" and child.lower_ == "of" and objects:
                last = objects[0]
    return doc[first : last.i + 1].text


def _is_person(noun: Token, lex: FigureNouns) -> bool:
    for tok in [noun, *_conjuncts(noun)]:
        if _is_word(tok, lex.person_nouns):
            return True
        if tok.ent_type_ == "NORP" and tok.tag_ in ("NNS", "NNPS"):
            return True
    return False


def _casualty(tok: Token, lex: FigureNouns) -> bool:
    """Is ``tok`` (a number or counted noun) the subject or object of a word of harm?"""
    if any(_is_word(c, lex.casualty_words) for c in tok.children if c.dep_ in ("amod", "acl")):
        return True
    for _ in range(3):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if _is_word(tok, lex.casualty_words):
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


def _crowd(tok: Token, lex: FigureNouns) -> bool:
    """Is ``tok`` (a number with no noun) the subject of a verb whose subject is a crowd?"""
    return tok.dep_ == "nsubj" and _is_word(tok.head, lex.crowd_verbs)


def _skip_word_number(doc: Doc, first: int, noun: Token | None, lex: FigureNouns) -> bool:
    """A spelled-out "one" as a determiner, and "the two officials" referring back."""
    word = doc[first].lower_
    casualty = _casualty(noun if noun is not None else doc[first], lex)
    if word == "one":
        nxt = doc[first + 1].lower_ if first + 1 < len(doc) else ""
        prev = doc[first - 1].lower_ if first > 0 else ""
        if nxt in ("of", "another") or prev in grammar().pronoun_determiners:
            return True
        return not casualty
    small = parse_number(word)
    if small is None or not doc[first].is_alpha or small[0] > 10 or noun is None:
        return False
    if noun.i < first:
        return False  # a level after its tally ("put the death toll at four"), not "the two men"
    dets = [c for c in noun.children if c.dep_ in ("det", "poss", "predet") and c.i < first]
    return any(d.lower_ in _REFERRING_DETS for d in dets) and not casualty


def _figure(
    doc: Doc, first: int, last: int, lex: FigureNouns, clock: FigureClock | None
) -> Figure | None:
    span = doc[first : last + 1]
    quantity: Quantity | None = parse_quantity(span.text)
    if quantity is None or _blocked(doc, span):
        return None
    numbers = [t for t in span if _numberish(t)]
    if not numbers or _near_month(doc, first, last) or _list_number(doc, first, last):
        return None
    if _name_part(doc, first, numbers[-1]) or _hyphen_modifier(doc, last):
        return None
    # The number's own head, not a hedge's: "Some" in "Some 2.5m people" hangs on the noun
    # counted, and as the span's root it would count nothing.
    root = doc[numbers[0].i : last + 1].root
    noun = _counted(root, lex, money=quantity.unit not in (None, "percent"))
    if noun is not None and _is_word(noun, lex.time_nouns):
        return None
    if len(numbers) == 1 and _skip_word_number(doc, numbers[0].i, noun, lex):
        return None
    harm = _harmed_tally(noun, lex) if noun is not None else None
    tally = noun if harm is not None else None
    person = noun is not None and (_is_person(noun, lex) or tally is not None)
    if len(numbers) == 1 and _YEAR.match(numbers[0].text) and not person:
        return None  # a bare 1800-2199 is a year unless it counts people
    unit = quantity.unit
    bare_people = noun is None and (_casualty(root, lex) or _crowd(root, lex))
    if unit is None and (person or bare_people):
        unit = "people"
    if noun is not None and noun.pos_ == "PRON":
        noun = None  # "thousands of them": the pronoun names nothing by itself
    what = _what(noun, range(first, last + 1)) if noun is not None else None
    if tally is not None and harm is not None:
        what = f"{tally.text} {harm.text}"  # "number killed": the tally says what it counts
    if unit is None and what is None:
        return None  # a number that counts nothing we can name says nothing
    value, qualifier, start = quantity.value, quantity.qualifier, span.start_char
    part = (
        part_of(noun, numbers[0], lex.part_words, _harmed_tally(noun, lex) is not None)
        if noun is not None
        else None
    )
    if part is not None and part.fraction is not None:  # "a third of the 600,000 residents"
        value, start = float(round(value * part.fraction)), doc[part.first].idx
        qualifier = part.qualifier or qualifier
    elif part is not None:  # "most of the 300 passengers": the part is at most the whole
        qualifier = "up_to"
    return Figure(
        value=value,
        unit=unit or "other",
        qualifier=qualifier,
        what=what,
        # a tally's own clause dates it ("the number killed since May"), wherever "to 47" hangs
        period=clock.period_of(tally or root) if clock is not None else "current",
        span=(start, span.end_char),
    )


def _clock(doc: Doc, reporting: ReportingVocabulary | None) -> FigureClock | None:
    """The article's times and period, when the times component has run."""
    if not Doc.has_extension("sitroom_times"):
        return None
    published = doc._.sitroom_published
    if isinstance(published, dt.datetime):  # a timestamp still anchors on its calendar day
        published = published.date()
    return FigureClock(
        doc,
        doc._.sitroom_times,
        doc._.sitroom_durations,
        published if isinstance(published, dt.date) else None,
        reporting or load_vocabulary(ReportingVocabulary),
    )


def find_figures(
    doc: Doc, lexicon: FigureNouns | None = None, reporting: ReportingVocabulary | None = None
) -> tuple[Figure, ...]:
    """Every figure in ``doc``, in text order, with its period (``Figure.period``). Reads
    ``doc._.sitroom_times``, ``_durations`` and ``_published`` if already set; ``reporting``
    tells reported speech from the past perfect of the story (see ``sitroom.lang.period``)."""
    lex = lexicon or load_vocabulary(FigureNouns)
    clock = _clock(doc, reporting)
    figures: list[Figure] = []
    i = 0
    while i < len(doc):
        if not _numberish(doc[i]):
            i += 1
            continue
        first, last = _widen(doc, *_run(doc, i))
        found = _figure(doc, first, last, lex, clock)
        if found is not None:
            figures.append(found)
        i = max(last, i) + 1
    return tuple(figures)


__all__ = ["find_figures"]
