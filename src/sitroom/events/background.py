"""Is an event mention background: a happening before the article's period, told as context?

*In 2006 the group seized the town*, *since 2015 the coalition has bombed Yemen*, *the 2019
protests*, *police have arrested protesters previously*, *the group had seized the town*:
such mentions are kept but flagged (``Event.background``), so that default lists, maps and
totals show the article's news. The constructions are those of ``sitroom.lang.period``; this
module decides in which order they count. It also carries the story's day forward to the
undated happenings told after it (``inherit_dates``).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import (
    ArticlePeriod,
    anaphoric,
    anniversary,
    clause_time,
    former,
    former_adverb,
    like_earlier,
    named_era,
    own_time,
    past_perfect,
    past_phrase,
    recent_phrase,
    remembered,
    since_undated,
)
from sitroom.lang.time_offset import counted_from
from sitroom.lang.token_times import times_starting_in
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.grammar import grammar
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Event


def is_background(
    trigger: Token,
    index: DocIndex,
    period: ArticlePeriod,
    reporting: ReportingVocabulary,
    words: TriggersVocabulary,
    *,
    follow_since: bool = True,
) -> bool:
    """Whether the event of ``trigger`` is background.

    An anniversary's "of" object, or what is recalled ("recalling the siege"), is background
    whatever the date. Then the clause's own time decides: before the period (or a *since*
    time from before it) is background, within it the news, whatever else the clause says
    ("had stormed the building on Monday" is the news); so is one told just before it ("a day
    earlier, police had arrested …"). Undated, a past phrase, an earlier-of-its-kind modifier
    (on the trigger or on the subject of a verb: "the previous raid", "a similar bombing"; not
    on a happening the clause is set in: "injured in an earlier protest" may be of the
    article's week), a past adverb ("once seized"), a named era, an undated *since* ("since
    the coup", "ever since"; one opening a clause as that clause says) or the past perfect
    outside reported speech make it background. Undated too, a campaign against someone ("our fight
    against ISIS", "the war on terror") or a participle that says what a party does ("a
    coalition *fighting* the Houthis") tells a standing state, no development.
    """
    if anniversary(trigger) or remembered(trigger):  # its time dates the remembering
        return True
    dated = clause_time(trigger, index.times)
    if dated is not None and period.start is not None:
        return period.before(dated)
    if recent_phrase(trigger) is not None:  # "a day earlier, police had arrested …"
        return False
    doers = [c for c in trigger.children if c.dep_ == "nsubj"] if trigger.pos_ == "VERB" else []
    nouns = [trigger, *doers]  # "the previous attack killed ten", "a similar bombing killed 40"
    if any(former(noun) or like_earlier(noun) for noun in nouns):
        return True
    if past_phrase(trigger) is not None or named_era(trigger) or former_adverb(trigger):
        return True
    since = since_undated(trigger) if follow_since else None
    # "have detained hundreds since the coup", "ever since": a standing state; "ever since the
    # president postponed the vote" is as old as that happening
    if since is not None and _since_background(since, index, period, reporting, words):
        return True
    if _campaign(trigger, words) or _describing(trigger):
        return True
    return past_perfect(trigger, reporting)


def _since_background(
    since: Token,
    index: DocIndex,
    period: ArticlePeriod,
    reporting: ReportingVocabulary,
    words: TriggersVocabulary,
) -> bool:
    """An undated "since" runs from before the period when it opens on a noun ("since the
    coup") or on nothing ("ever since"); when it opens a clause ("since the president
    postponed the vote", "since taking power"), when that clause's happening is background."""
    verbs = [since.head] if since.dep_ == "mark" else []
    verbs += [c for c in since.children if c.dep_ == "pcomp"]
    if not verbs:
        return True
    return is_background(verbs[0], index, period, reporting, words, follow_since=False)


def _campaign(trigger: Token, words: TriggersVocabulary) -> bool:
    """ "the fight against ISIS", "our struggle against the occupation", "the war on drugs": a
    noun of ``campaign_nouns`` aimed at someone names a standing campaign."""
    return (
        trigger.pos_ == "NOUN"
        and trigger.lemma_.lower() in words.campaign_nouns
        and any(c.dep_ == "prep" and c.lower_ in {"against", "on"} for c in trigger.children)
    )


def _describing(trigger: Token) -> bool:
    """ "a coalition *fighting* the Houthis", "militias *battling* the army": a present
    participle after a noun says what that party does, not what happened."""
    return (
        trigger.tag_ == "VBG" and trigger.dep_ == "acl" and trigger.head.pos_ in {"NOUN", "PROPN"}
    )


def refer_back(events: Sequence[Event], doc: Doc, index: DocIndex) -> list[Event]:
    """Undated definite mentions ("the killing", "his murder") of a happening already told as
    background are background too, unless news of their kind came before them: "the attack"
    after the lead's attack is the lead's."""
    out: list[Event] = []
    seen: dict[str, bool] = {}  # type -> every earlier mention of it is background
    for event in events:
        trigger = doc.char_span(*event.trigger, alignment_mode="expand")
        if (
            not event.background
            and seen.get(event.type) is True
            and trigger is not None
            and anaphoric(trigger.root)
            and own_time(trigger.root, index.times) is None
        ):
            event = event.model_copy(update={"background": True})
        seen[event.type] = seen.get(event.type, True) and event.background
        out.append(event)
    return out


# Deeds, not words: the material quads of event_types.yaml.
_DEEDS = frozenset({"material_conflict", "material_cooperation"})
_SIMPLE_PAST = "VBD"
# How far on from a dated sentence a deed with no time of its own is the story's next step.
_NEXT_SENTENCES = 2


def inherit_dates(
    events: Sequence[Event], doc: Doc, index: DocIndex, mentions: Collection[int] = ()
) -> list[Event]:
    """An undated happening told after a dated one of the same episode took place on that
    one's day: a report tells its story forward from its lead's day ("... stabbed three people
    on Tuesday. Officers arrested the suspect a few blocks away."), so a sentence with no time
    of its own goes on from that day rather than from anywhere in the week before publication.

    Only an event left with that default week (no time in its sentence) inherits, and only from
    an earlier event of the same episode that is not background (a background sentence, "In
    2019, ...", gives no day to the story): the nearest dated one with a party in common ("the
    suspect" the officers arrested is the man who stabbed; the same entity or one of the same
    name), else, when the sentence refers back to a happening by a definite event noun ("killed
    in *the fighting*", "arrested after *the clashes*"), the nearest dated one, else, when it
    is a deed told in the simple past in one of the two sentences after that one's and the
    report has not turned to context in between, that one. A happening a distance counts from
    ("a week after the government declared an emergency") gives no day to later ones: it marks
    the time of the news, it is no step of the story (the story's next step: "Rebels
    seized the town on Monday. Soldiers *fled* across the river ..."). An undated event with
    none of these links (context, another story, words) keeps its week. A verb in the simple
    present (``present_tense_tags``: "rival cartels *fight* over fuel") tells a state or a
    habit, not a happening of that day.

    ``mentions``: the character offsets where mentions folded into events stood, so that a
    definite event noun folded away ("the clashes") still counts as a reference back.
    """
    present = grammar().present_tense_tags
    starts = {*mentions, *(e.trigger[0] for e in events)}
    out: list[Event] = []
    dated: list[Event] = []
    # where the report turns to context: the sentences of background events
    context = {e.sentence[0] for e in events if e.background}
    for event in events:
        date = event.date
        if event.background:
            pass
        elif date.precision == "day" and date.start is not None:
            if not _time_mark(event, doc):
                dated.append(event)
        elif date.precision == "week" and dated and _undated(event, doc, index, present):
            donor = next((d for d in reversed(dated) if _shares_party(d, event, index)), None)
            if donor is None and _refers_back(event, doc, starts):
                donor = dated[-1]
            if donor is None and _next_deed(event, dated[-1], doc, index, context):
                donor = dated[-1]
            if donor is not None:
                event = event.model_copy(update={"date": donor.date})
        out.append(event)
    return out


def _time_mark(event: Event, doc: Doc) -> bool:
    """The event is the happening a distance counts from ("killed on Saturday, a week after the
    government *declared* an emergency"): it dates the news, it is no step of the story that
    later undated deeds go on from."""
    trigger = doc.char_span(*event.trigger, alignment_mode="expand")
    return trigger is not None and counted_from(trigger.root)


def _undated(event: Event, doc: Doc, index: DocIndex, present: Collection[str]) -> bool:
    """Whether ``event``'s sentence has no time expression at all (its week is the default)
    and its trigger is no verb in the simple present."""
    sent = doc.char_span(*event.sentence, alignment_mode="expand")
    trigger = doc.char_span(*event.trigger, alignment_mode="expand")
    return (
        sent is not None
        and trigger is not None
        and trigger.root.tag_.lower() not in present
        and not times_starting_in(index.times, sent.start, sent.end)
    )


def _next_deed(
    event: Event, donor: Event, doc: Doc, index: DocIndex, context: Collection[int]
) -> bool:
    """Whether ``event`` is a deed (a material act, not words: what someone said or thought
    may be of any day) told in the simple past ("Soldiers *fled* across the border") at most
    ``_NEXT_SENTENCES`` sentences after ``donor``'s, none of those between turning to
    context (a background event, a time of its own): the story's next step. Further on, or
    after such a turn, a report tells of other days."""
    trigger = doc.char_span(*event.trigger, alignment_mode="expand")
    if event.quad not in _DEEDS or trigger is None or trigger.root.tag_ != _SIMPLE_PAST:
        return False
    if any(donor.sentence[1] <= start < event.sentence[0] for start in context):
        return False
    between = doc.char_span(donor.sentence[1], event.sentence[0], alignment_mode="expand")
    if between is None:
        return True  # nothing but the space between two sentences
    starts = sum(1 for t in between if t.is_sent_start and not t.is_space)
    return starts < _NEXT_SENTENCES and not times_starting_in(
        index.times, between.start, between.end
    )


def _shares_party(a: Event, b: Event, index: DocIndex) -> bool:
    """Whether the two events have a party in common: the same entity, or two of the same name
    ("a man stabbed ...", "officers arrested a 35-year-old man": one man in one report)."""

    def parties(event: Event) -> set[str]:
        ids = {i for i in (event.actor1, event.actor2) if i is not None}
        return ids | {index.entity_name.get(i, i).casefold() for i in ids}

    return bool(parties(a) & parties(b))


def _refers_back(event: Event, doc: Doc, starts: Collection[int]) -> bool:
    """Whether ``event``'s sentence names a happening by a definite event noun ("the siege")."""
    sent = doc.char_span(*event.sentence, alignment_mode="expand")
    return sent is not None and any(t.idx in starts and anaphoric(t) for t in sent)


__all__ = ["inherit_dates", "is_background", "refer_back"]
