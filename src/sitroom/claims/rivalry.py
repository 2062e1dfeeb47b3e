"""What two claims of one article must share, beyond a proposition that matches, to contradict.

Strict about the happening, lenient about the wording:

- **tolls of one period**: a figure given as a rise ("the toll later rose to 12",
  ``revision_verbs``) supersedes those given before it rather than rivalling them (a later
  figure of another side may still rival it), and a definite count ("the two dead were
  farmers") refers back to a toll already given rather than giving one;
- **a part is no rival of the whole**: a count of some people ("the militia had lost six
  fighters"), or one victim told with no count ("a 10-year-old girl was killed"), may be below
  a count of people in general ("at least 9 people were killed")
  without a contradiction, and so may a count at a place the other's words do not name ("one
  person died in Manokwari" against "the quakes killed at least four people"); only a part
  above the whole is one;
- **one period**: a running total ("1,500 civilians have been killed since the siege began",
  "the cumulative toll") or a past toll ("3,000 died in the war years ago") counts another
  time than the toll of the news ("the strike killed 12"), by the constructions of
  ``lang.period`` (``data/periods.yaml``): figures rival only figures of their own period;
- **one day**: a denial and an account that each name the day of their happening ("attacked
  the base on Monday", "denied attacking the base on Friday") and whose happenings fall on
  other days are about two happenings;
- **the happening first told**: an account that marks its happening as a further one ("Sudan
  had also bombed the town of Jau", ``further_words``) is not what a denial denies when the
  denial meets an account of the happening first told ("denied that the army had bombed the
  camp");
- **harm against harm**: a denial that anyone was harmed ("nobody was hurt in the strike")
  denies the dead and hurt of an account, not the strike it reports ("missiles hit a grain
  terminal"), and only of the people it names: "there were no Iraqi casualties" does not deny
  that "80 American soldiers were killed"; and an account that only tells the dead ("dozens
  of fighters were killed") does not say that the doer a denial names did the deed it denies
  ("denied that the RSF had captured the garrison"), nor that a place was taken.

Read off the words of a claim's content (a spaCy ``Span``) and its ``Proposition``.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from functools import cache

from spacy.tokens import Span, Token

from sitroom.claims.holding import HARM_MEASURES
from sitroom.claims.values import rival_values
from sitroom.lang.period import clause_tokens, past_phrase, since_phrase, total_phrase
from sitroom.lang.sides import side_key
from sitroom.lang.syntax import np_tokens
from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.periods import period_words
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.lang.vocabulary.temporal import temporal_words
from sitroom.model import Proposition

COUNTRY = "country:"  # how ``lang.sides.side_key`` names a country's side


@cache
def _cues() -> ReportingVocabulary:
    return load_vocabulary(ReportingVocabulary)


@cache
def _toll_nouns() -> frozenset[str]:
    """The nouns whose rise is a revised count: tallies and the nouns of the measures."""
    cues = _cues()
    return cues.tally_nouns | frozenset().union(*cues.count_measures.values())


@cache
def harm_words() -> frozenset[str]:
    """The lemmas of what a happening did to people (``count_measures`` of the dead and hurt),
    but for those that also say a place was taken ("lose": "lost six fighters", "losing the
    airport"), which name harm only by what they count."""
    cues = _cues()
    words = frozenset().union(*(cues.count_measures.get(m, frozenset()) for m in HARM_MEASURES))
    return words - set(cues.place_capture_verbs)


def revised(content: Span | None) -> bool:
    """Whether the content gives its count as a change of a tally ("the toll later rose to 12",
    "the number of dead climbed to 40", "raised the toll to 43"): a later figure of the same
    count."""
    if content is None:
        return False
    rising = _cues().revision_verbs
    nouns = _toll_nouns()
    tally = {"nsubj", "nsubjpass", "dobj"}
    return any(
        t.lemma_.lower() in rising
        and any(c.dep_ in tally and c.lemma_.lower() in nouns for c in t.children)
        for t in content
    )


def _definite(word: Token) -> bool:
    return (word.dep_ == "det" and word.lower_ == "the") or word.dep_ == "poss"


def recounted(content: Span | None) -> bool:
    """Whether the content's count is definite ("the two dead were farmers", "the three victims
    were buried"): it refers back to a toll given before, it gives none of its own."""
    if content is None:
        return False
    for t in content:
        if t.pos_ != "NUM":
            continue
        holder = t.head if t.dep_ == "nummod" else t
        if any(_definite(c) for c in holder.children):
            return True
    return False


def _so_far(number: Token) -> bool:
    """A clause that counts up to now with a ``running_openers`` phrase ("killed so far this
    year", "to date")."""
    words = " " + " ".join(t.lower_ for t in clause_tokens(number)) + " "
    return any(f" {phrase} " in words for phrase in period_words().running_openers)


def figure_period(content: Span | None) -> str:
    """What time the figures of a claim's words count: ``cumulative`` when a number's clause
    makes it a running total ("killed since the siege began", "so far this year", "the
    cumulative toll"),
    ``historical`` when it puts it in the past without a date ("years ago"), else
    ``current``, the toll of the news (the periods of ``Figure.period``)."""
    if content is None:
        return "current"
    numbers = [t for t in content if t.like_num]
    if any(total_phrase(t) is not None or since_phrase(t) or _so_far(t) for t in numbers):
        return "cumulative"
    if any(past_phrase(t) is not None for t in numbers):
        return "historical"
    return "current"


def told_further(content: Span | None) -> bool:
    """Whether an account marks its happening as a further one (``further_words`` on its
    verb: "Sudan had also bombed the town of Jau")."""
    if content is None:
        return False
    words = _cues().further_words
    return any(c.dep_ == "advmod" and c.lower_ in words for c in content.root.children)


def _names_day(content: Span | None) -> bool:
    """Whether the words name a day of their own: a weekday, or a month and a number."""
    if content is None:
        return False
    words = temporal_words()
    lower = {t.lower_ for t in content}
    months = bool(lower & set(words.months)) and any(t.like_num for t in content)
    return months or bool(lower & set(words.weekdays))


def other_days(
    said: Proposition, denied: Proposition, said_words: Span | None, denied_words: Span | None
) -> bool:
    """Whether an account and a denial each name the day of their happening and the days
    differ ("attacked the base on Monday" against "denied attacking the base on Friday")."""
    if said.date is None or denied.date is None or said.date == denied.date:
        return False
    return _names_day(said_words) and _names_day(denied_words)


def _least(p: Proposition) -> float:
    """The lowest value a proposition's toll or counts allow."""
    values = [c.low for c in p.counts]
    if p.killed is not None:
        values.append(p.killed)
    return min(values, default=0.0)


def local_part(
    p: Proposition, q: Proposition, p_places: AbstractSet[str], q_places: AbstractSet[str]
) -> bool:
    """Whether the lower of two rival figures is told of a place that the higher one's words
    do not name: a part of the higher, not another figure of the same whole. Two figures of
    one happening at one place ("eight were killed in the shelling of Idlib" against "25 died
    in the shelling", linked to it) are of one whole."""
    if _least(p) == _least(q):
        return False
    if p.place and q.place and p.place.casefold() == q.place.casefold():
        return False
    low, high = (p_places, q_places) if _least(p) < _least(q) else (q_places, p_places)
    return bool(low - high)


def _word(p: Proposition) -> str | None:
    words = (p.predicate or "").split()
    return words[0].casefold() if words else None


def _tells_harm(p: Proposition, harm: frozenset[str]) -> bool:
    return (
        p.killed is not None
        or any(c.measure in HARM_MEASURES for c in p.counts)
        or _word(p) in harm
    )


def _harmed(content: Span | None) -> set[str]:
    """The countries or peoples of those a content says were harmed ("80 American soldiers
    were killed", "no Iraqi casualties", "no Americans were harmed"): the side keys of the
    words of the victims of its verbs of harm, or of its nouns of harm, by ``lang.sides``."""
    if content is None:
        return set()
    harm = harm_words()
    victims: list[Token] = []
    for t in content:
        if t.lemma_.lower() not in harm:
            continue
        if t.pos_ == "NOUN":
            victims.append(t)
        deps = {"nsubjpass", "dobj"} if any(c.dep_ == "dobj" for c in t.children) else None
        for c in t.children:
            if c.dep_ in (deps or {"nsubjpass", "dobj", "nsubj"}):
                victims.append(c)
    keys = {side_key(w.text) for v in victims for w in np_tokens(v, ())}
    return {k for k in keys if k.startswith(COUNTRY)}


def other_victims(said_words: Span | None, denied_words: Span | None) -> bool:
    """Whether a denial of harm and an account name the harmed by other countries or peoples
    ("there were no Iraqi casualties" against "80 American soldiers were killed")."""
    denied, said = _harmed(denied_words), _harmed(said_words)
    return bool(denied and said) and not denied & said


def _doer_named(verb: Token) -> bool:
    """Whether a verb of harm names who did it: an agent ("were killed by the army") or a
    subject with an object ("the army killed 12 people"); "12 people died" and "dozens were
    killed" name none (a doer the happening was linked to is not the account's word)."""
    children = {c.dep_ for c in verb.children}
    return "agent" in children or {"nsubj", "dobj"} <= children


def other_deed(
    said: Proposition, denied: Proposition, negated: bool, said_words: Span | None = None
) -> bool:
    """Whether a denial and an account of one family are about other parts of a happening:
    the denial says that no one was harmed (``negated`` content of a harm word: "nobody was
    hurt") and the account tells no harm ("missiles hit a grain terminal"); or the account
    tells only the harm, with no doer ("dozens of RSF fighters were killed"), and the denial
    names a doer and a deed that is no harm ("denied that the RSF had captured the
    garrison"). The account's own words tell whether it tells only the harm: its main verb
    (``said_words``), else its predicate, which may be the happening it was linked to."""
    harm = harm_words()
    if negated and _word(denied) in harm and not denied.actors:
        return not _tells_harm(said, harm)
    if said_words is None:
        toll_only = not said.actors and _word(said) in harm
    else:
        root = said_words.root
        toll_only = root.lemma_.lower() in harm and not _doer_named(root)
    # a doer's deed ("that the RSF had captured"), or a capture, whoever did it ("denied
    # losing the airport")
    deed = bool(denied.actors) or _word(denied) in _cues().place_capture_verbs
    return toll_only and deed and _word(denied) not in harm and not negated


__all__ = [
    "figure_period",
    "harm_words",
    "local_part",
    "other_days",
    "other_deed",
    "other_victims",
    "recounted",
    "revised",
    "rival_values",
    "told_further",
]
