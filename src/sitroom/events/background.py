"""Is an event mention background: a happening before the article's period, told as context?

*In 2006 the group seized the town*, *since 2015 the coalition has bombed Yemen*, *the 2019
protests*, *police have arrested protesters previously*, *the group had seized the town*:
such mentions are kept but flagged (``Event.background``), so that default lists, maps and
totals show the article's news. The constructions are those of ``sitroom.lang.period``; this
module decides in which order they count.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from sitroom.lang.docindex import DocIndex
from sitroom.lang.period import (
    ArticlePeriod,
    anaphoric,
    anniversary,
    clause_time,
    former,
    named_era,
    own_time,
    past_perfect,
    past_phrase,
)
from sitroom.lang.vocabulary.events import TriggersVocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary
from sitroom.model import Event


def is_background(
    trigger: Token,
    index: DocIndex,
    period: ArticlePeriod,
    reporting: ReportingVocabulary,
    words: TriggersVocabulary,
) -> bool:
    """Whether the event of ``trigger`` is background.

    An anniversary's "of" object is background whatever the date. Then the clause's own time
    decides: before the period (or a *since* time from before it)
    is background, within it the news, whatever else the clause says ("had stormed the
    building on Monday" is the news). Undated, a past phrase, an earlier-of-its-kind
    modifier (on the trigger or on the subject of a verb), a named era or the past perfect
    outside reported speech make it background. Undated too, a campaign against someone
    ("our fight against ISIS", "the war on terror") or a participle that says what a party
    does ("a coalition *fighting* the Houthis") tells a standing state, no development.
    """
    if anniversary(trigger):  # its time dates the anniversary, not what is commemorated
        return True
    dated = clause_time(trigger, index.times)
    if dated is not None and period.start is not None:
        return period.before(dated)
    doers = [c for c in trigger.children if c.dep_ == "nsubj"] if trigger.pos_ == "VERB" else []
    if any(former(noun) for noun in [trigger, *doers]):  # "the previous attack killed ten"
        return True
    if past_phrase(trigger) is not None or named_era(trigger):
        return True
    if _campaign(trigger, words) or _describing(trigger):
        return True
    return past_perfect(trigger, reporting)


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


__all__ = ["is_background", "refer_back"]
