"""Where a clause sits in time relative to the article's own period.

A news report tells its main news (the article's period: the weeks up to its lead's date) and
mentions earlier happenings as context: *in 2006 the group seized the town*, *since 2015 the
coalition has bombed Yemen*, *police have arrested protesters previously*. The events stage
flags such mentions as background and the figures stage tells a running total (*200 killed
since late 2023*) or a past toll (*3,000 killed in the 1990s war*) from the toll of the news.
Both read the same constructions, declared in ``data/periods.yaml``, through this module:

- the clause's own time, when it lies before the period or runs from before it up to now
  (a *since* time); *at the time* takes the time named before;
- a phrase of the clause that puts it in the past without a date (*years ago*, *previously*);
- a modifier that makes a noun an earlier one of its kind (*the previous attack*, *a similar
  bombing*), a past adverb (*once seized*), an undated *since* (*since the coup*), an
  anniversary's *of* (*the 70th anniversary of the takeover*) or what is recalled (*recalling
  the siege*);
- the past perfect outside reported speech (*the group had seized the town*);
- a named era (*during the Vietnam War*);
- a definite event noun (*the killing*, *his murder*), which refers back to one already told
  (the events stage decides which).

The times are the temporal stage's, by token (``DocIndex.times``), so the stages that use this
module need no other stage.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from sitroom.lang.sentences import sentence_of
from sitroom.lang.token_times import TokenTime, times_starting_in
from sitroom.lang.vocabulary.periods import period_words
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import TimeSpan

TokenTimes = Sequence[tuple[int, int, TimeSpan]]

# The dependencies that open a clause of its own: its words say nothing of this clause's time.
_CLAUSAL = frozenset({"ccomp", "advcl", "relcl", "acl", "conj", "xcomp", "parataxis", "csubj"})
# How many sentences open the article and state its main news (and its date).
_LEAD_SENTENCES = 2
_VERBAL = frozenset({"VERB", "AUX"})
# The precisions of a date that can be the day of the news; a year or a decade in the lead
# ("the 2019 protests", "the 1990s war") is context, not the date of the news.
_NEWS_PRECISIONS = frozenset({"day", "week", "month"})
_SINGULAR_NOUNS = frozenset({"NN", "NNP"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
_PREPOSITION_TAG = "IN"


@dataclass(frozen=True)
class Dated:
    """A clause's time, and whether the clause runs from it up to now ("since June", "since
    the protests began in June")."""

    time: TimeSpan
    since: bool


@dataclass(frozen=True)
class ArticlePeriod:
    """The article's own period: from ``start`` on, what it tells is its news. ``start`` is
    ``None`` when nothing dates the article."""

    start: dt.date | None

    def before(self, dated: Dated) -> bool:
        """Does the clause lie before the period? A *since* clause does when it began before
        the campaign horizon of ``periods.yaml`` (a campaign of this year is the news)."""
        if self.start is None:
            return False
        if dated.since:
            horizon = self.start - dt.timedelta(days=period_words().campaign_days)
            return dated.time.start < horizon
        return dated.time.end < self.start


def news_precise(time: TimeSpan) -> bool:
    """Whether a time is precise enough to be the day of the news (a day, a week, a month), not
    a year or a decade, which in a report are context ("the 1990s war")."""
    return time.precision in _NEWS_PRECISIONS


def is_since(time: TimeSpan) -> bool:
    """A time that runs from its date up to the article ("since late 2023")."""
    text = " ".join(time.text.lower().split())
    return any(text.startswith(word + " ") for word in period_words().since_words)


def _opens_with_since(phrase: str) -> bool:
    return any(phrase.startswith(word + " ") for word in period_words().since_words)


def _runs_to_now(doc: Doc, start: int, time: TimeSpan) -> bool:
    """A time that runs from its date up to the article: opened by "since" ("since late
    2023"), or by a ``running_openers`` phrase just before it ("so far this year", "to date
    this month")."""
    if is_since(time):
        return True
    openers = period_words().running_openers
    for width in (3, 2, 1):
        if start - width >= 0 and doc[start - width : start].text.lower() in openers:
            return True
    return False


def article_period(doc: Doc, times: TokenTimes, published: dt.date | None) -> ArticlePeriod:
    """The period of the article's main news: the days up to the latest date its lead states
    (the publication date when the lead states none or a later one), widened back by the
    ``period_days`` of ``periods.yaml``. Without a publication date the latest date the
    article states stands for it."""
    lead_end = _lead_end(doc)
    lead = [
        t.end
        for s, _e, t in times
        if s < lead_end
        and t.precision in _NEWS_PRECISIONS
        and (published is None or t.end <= published)
        # "since the fighting began in April" says when a running count began, not the news
        and not is_since(t)
        and not _since_clause(doc[s], doc[s].sent.root)
    ]
    if lead:
        anchor: dt.date | None = max(lead)
    elif published is not None:
        anchor = published
    else:
        anchor = max((t.end for _s, _e, t in times), default=None)
    if anchor is None:
        return ArticlePeriod(None)
    return ArticlePeriod(anchor - dt.timedelta(days=period_words().period_days))


def _lead_end(doc: Doc) -> int:
    if not len(doc):
        return 0
    sent = sentence_of(doc[0])
    for _ in range(_LEAD_SENTENCES - 1):
        if sent.end >= len(doc):
            break
        sent = sentence_of(doc[sent.end])
    return sent.end


def _phrase_tokens(token: Token) -> list[Token]:
    """The words of ``token``'s own phrase, without the clauses embedded in it."""
    out: list[Token] = []
    todo = [token]
    while todo:
        tok = todo.pop()
        out.append(tok)
        todo.extend(c for c in tok.children if not _opens_clause(c))
    return out


def governing_verb(token: Token, levels: int = 3) -> Token:
    """The verb whose clause a word belongs to ("launched an attack" → launched); the word
    itself when it is a verb or hangs on none within ``levels``."""
    tok = token
    for _ in range(levels):
        if tok.pos_ in _VERBAL or tok.head.i == tok.i or _opens_clause(tok):
            break
        tok = tok.head
    return tok if tok.pos_ in _VERBAL else token


def clause_tokens(token: Token) -> list[Token]:
    """The words of the clause ``token`` belongs to, in text order, without the clauses
    embedded in it (a relative clause's "years ago" dates that clause, not this one)."""
    return sorted(_phrase_tokens(governing_verb(token)), key=lambda t: t.i)


def _opens_clause(token: Token) -> bool:
    """A clause of its own: a complement or modifier clause, or a coordinated verb (a
    coordinated noun, "skins and jackals", stays in the clause)."""
    if token.dep_ == "conj":
        return token.pos_ in _VERBAL
    return token.dep_ in _CLAUSAL


def _since_clause(time_token: Token, clause: Token) -> bool:
    """Is the time inside a "since" clause or phrase hanging on ``clause`` ("arrested since
    the protests began in June")?"""
    words = period_words().since_words
    tok = time_token
    for _ in range(6):
        if tok.i in (clause.i, tok.head.i):
            return False
        if tok.lower_ in words and tok.dep_ in {"mark", "prep"}:
            return True
        if any(c.dep_ == "mark" and c.lower_ in words for c in tok.children):
            return True
        tok = tok.head
    return False


def own_time(token: Token, times: TokenTimes) -> TimeSpan | None:
    """A time inside ``token``'s own phrase ("the killing in October 2018")."""
    own = {t.i for t in _phrase_tokens(token)}
    return next((time for start, _end, time in _within(times, own) if start in own), None)


def _within(times: TokenTimes, tokens: set[int]) -> list[TokenTime]:
    """The times that start between the first and the last of ``tokens``, in their order."""
    return times_starting_in(times, min(tokens), max(tokens) + 1) if tokens else []


def clause_time(token: Token, times: TokenTimes) -> Dated | None:
    """The time of ``token``'s clause: one inside the clause or in a "since" clause hanging on
    it, else the only one in the sentence (the choice the events stage makes for a date)."""
    head = governing_verb(token)
    # The trigger's own phrase first ("an assault in Ghazni in August 2018" in a sentence
    # dated Monday), then the rest of its clause.
    own = {t.i for t in _phrase_tokens(token)}
    words = {t.i for t in clause_tokens(token)}
    for scope in (own, words):
        for start, _end, time in _within(times, scope):
            if start in scope:
                return Dated(time, _runs_to_now(token.doc, start, time))
    for start, _end, time in times_starting_in(times, head.left_edge.i, head.right_edge.i + 1):
        if _since_clause(token.doc[start], head):
            return Dated(time, True)
    if phrase := _has_phrase(clause_tokens(token), period_words().anaphoric_time_phrases):
        # "at the time": the time last named before the clause; "since then" runs from it
        before = times_starting_in(times, 0, head.left_edge.i)
        if before:
            return Dated(before[-1][2], _opens_with_since(phrase))
    sent = sentence_of(token)
    in_sentence = times_starting_in(times, sent.start, sent.end)
    if len(in_sentence) > 1 and (meanwhile := simultaneous_time(token, times)) is not None:
        return Dated(meanwhile, is_since(meanwhile))  # "collapsed on Tuesday as fighting resumed"
    if len(in_sentence) != 1:
        return None
    start, _end, time = in_sentence[0]
    since = _runs_to_now(token.doc, start, time)
    # A clause embedded after this one's verb dates itself, not this one ("pledged to do better
    # than during their rule from 1996 to 2001"); a time before the verb sets the frame of the
    # sentence ("That September, the movement launched; she promised protests"), and so does
    # a neighbouring clause's.
    if head.i < start <= head.right_edge.i:
        return None
    return Dated(time, since)


def simultaneous_time(token: Token, times: TokenTimes) -> TimeSpan | None:
    """The time of the clause that ``token``'s clause happens during ("the truce collapsed *on
    Tuesday* as fighting resumed": Tuesday for the fighting), when its own clause opens with a
    conjunction of ``simultaneous_marks``; ``None`` otherwise."""
    verb = governing_verb(token)
    if verb.dep_ != "advcl" or verb.head.i == verb.i:
        return None
    marks = period_words().simultaneous_marks
    if not any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children):
        return None
    main, doc = verb.head, token.doc
    found = times_starting_in(times, main.left_edge.i, main.right_edge.i + 1)
    # The main clause's own time, not one of a clause inside it ("the truce signed in January")
    return next((time for start, _end, time in found if governing_verb(doc[start]) == main), None)


def _has_phrase(tokens: Sequence[Token], phrases: Sequence[str]) -> str | None:
    text = " " + " ".join(t.lower_ for t in tokens) + " "
    return next((p for p in phrases if f" {p} " in text), None)


def past_phrase(token: Token) -> str | None:
    """A phrase of the clause that puts it in the past without a date ("years ago")."""
    return _has_phrase(clause_tokens(token), period_words().past_phrases)


def recent_phrase(token: Token) -> str | None:
    """A phrase of the clause that puts it just before the news ("a day earlier, police had
    arrested …"): whatever its tense, such a clause is part of the news."""
    return _has_phrase(clause_tokens(token), period_words().recent_phrases)


def total_phrase(token: Token) -> str | None:
    """A phrase of the clause that makes a number a running total ("the cumulative toll")."""
    return _has_phrase(clause_tokens(token), period_words().total_phrases)


def since_phrase(token: Token) -> bool:
    """The clause runs from some point up to now, dated or not ("killed since the coup",
    "arrested since the protests began")."""
    words = period_words().since_words
    return any(
        t.lower_ in words and t.dep_ in {"prep", "mark"}
        for t in clause_tokens(token) + _since_marks(token)
    )


def _since_marks(token: Token) -> list[Token]:
    # A "since" clause is an adverbial clause of the verb: its marker is outside the clause.
    verb = governing_verb(token)
    return [m for c in verb.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]


def anaphoric(noun: Token) -> bool:
    """ "The killing", "his murder", "Khashoggi's killing": an event noun that refers back to
    one already told."""
    words = period_words().anaphoric_determiners
    return noun.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in words) for c in noun.children
    )


def former(noun: Token) -> bool:
    """ "The previous attack", "past protests": an earlier one of its kind."""
    words = period_words().former_modifiers
    return any(c.dep_ == "amod" and c.lower_ in words for c in noun.children)


def like_earlier(noun: Token) -> bool:
    """ "A similar bombing killed 40 students": one noun of its kind with an indefinite
    article and a ``likeness_modifiers`` word is another, earlier one than the news. Not plural
    ("similar protests took place in two other towns" is more of the news)."""
    words = period_words()
    return (
        noun.tag_ in _SINGULAR_NOUNS
        and any(c.dep_ == "amod" and c.lower_ in words.likeness_modifiers for c in noun.children)
        and any(c.dep_ == "det" and c.lower_ in words.indefinite_articles for c in noun.children)
    )


def former_adverb(token: Token) -> bool:
    """ "The rebels *once* seized the town": an adverb of ``former_adverbs`` on a verb in the
    past puts its happening before the period; not the conjunction ("once troops entered"),
    nor the adverb in a phrase after a preposition ("troops *at once* sealed off the area")."""
    verb = governing_verb(token)
    words = period_words().former_adverbs
    return verb.tag_ in _PAST_TAGS and any(
        c.dep_ == "advmod" and c.lower_ in words and not _after_preposition(c)
        for c in verb.children
    )


def _after_preposition(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].tag_ == _PREPOSITION_TAG


def since_undated(token: Token) -> Token | None:
    """The "since" word of a clause that runs from a happening up to now with no date ("have
    detained hundreds *since* the coup", "has banned them ever *since*"); ``None`` without one.
    A dated "since" is ``clause_time``'s (a campaign of this year is the news)."""
    words = period_words().since_words
    return next(
        (
            t
            for t in clause_tokens(token) + _since_marks(token)
            if t.lower_ in words and t.dep_ in {"prep", "mark", "advmod"}
        ),
        None,
    )


def remembered(noun: Token) -> bool:
    """ "Recalling the siege of the town and the massacre": what a verb of
    ``remembering_verbs`` has as its object happened before (one coordinated with it too)."""
    tok = noun
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in period_words().remembering_verbs


def _finite(token: Token) -> Token:
    """The finite verb a participle or gerund depends on ("had been allied with groups in
    *fighting* ISIS" → allied); the verb itself when it has an auxiliary or a subject."""
    verb = governing_verb(token)
    for _ in range(3):
        own = any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
        if own or verb.tag_ not in {"VBG", "VBN", "VB"} or verb.head.i == verb.i:
            return verb
        if verb.dep_ not in {"pcomp", "xcomp", "advcl", "acl"}:
            return verb
        verb = governing_verb(verb.head)
    return verb


def past_perfect(token: Token, reporting: ReportingVocabulary) -> bool:
    """The clause is in the past perfect ("had seized", "had been shelled") and not the
    complement of a reporting verb ("police said the gunman had opened fire") or of a noun of
    claims ("rejected the claim that the rebels had taken the town")."""
    verb = _finite(token)
    if verb.tag_ != "VBN":
        return False
    auxiliaries = period_words().perfect_auxiliaries
    if not any(c.dep_ == "aux" and c.lower_ in auxiliaries for c in verb.children):
        return False
    tok = verb
    for _ in range(3):
        if tok.dep_ == "acl" and tok.head.lower_ in reporting.claim_nouns:
            return False  # "the claim that they had captured the town": what was said
        if tok.dep_ not in {"ccomp", "conj"} or tok.head.i == tok.i:
            break
        tok = tok.head
        if reporting.is_speech(tok.lemma_.lower()):
            return False
    return True


def anniversary(noun: Token) -> bool:
    """ "The 70th anniversary of the takeover": what is commemorated happened long ago."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i == prep.i:
        return False
    return prep.head.lemma_.lower() in period_words().anniversary_nouns


def named_era(token: Token) -> bool:
    """The clause is set in a named era or war ("during the Vietnam War")."""
    preps = period_words().era_prepositions
    for tok in clause_tokens(token):
        if tok.dep_ != "prep" or tok.lower_ not in preps:
            continue
        if any(g.dep_ == "pobj" and g.ent_type_ == "EVENT" for g in tok.children):
            return True
    return False


__all__ = [
    "ArticlePeriod",
    "Dated",
    "TokenTimes",
    "anaphoric",
    "anniversary",
    "article_period",
    "clause_time",
    "clause_tokens",
    "former",
    "former_adverb",
    "governing_verb",
    "is_since",
    "like_earlier",
    "named_era",
    "news_precise",
    "own_time",
    "past_perfect",
    "past_phrase",
    "recent_phrase",
    "remembered",
    "simultaneous_time",
    "since_phrase",
    "since_undated",
    "total_phrase",
]
