"""Background events, with the real model: what an article tells as context (dated before its
period, a campaign since long ago, "years ago", "the previous attack", an anniversary, a named
war, the past perfect of the story) is flagged; its news, reported speech in the past perfect
included, is not. The sentences are made up for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from sitroom.ingest.text import make_document
from sitroom.service import Extractor

pytestmark = pytest.mark.model

PUBLISHED = dt.date(2025, 3, 12)
LEAD = "Rebels attacked an army base near Gao on Monday, officials said. "


def _flags(nlp: Language, text: str, published: dt.date | None = PUBLISHED) -> dict[str, bool]:
    found = Extractor(nlp=nlp).extract(make_document(text, published=published))
    return {text[e.trigger[0] : e.trigger[1]]: e.background for e in found.events}


def test_the_news_is_not_background(nlp: Language) -> None:
    assert _flags(nlp, LEAD)["attacked"] is False


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        ("The group seized the town in 2012.", "seized"),  # dated before the period
        ("Since 2015, the coalition has bombed the province.", "bombed"),  # an old campaign
        ("The 2019 protests drew crowds to the capital.", "protests"),  # a dated noun
        ("Years ago, soldiers shot demonstrators in the square.", "shot"),
        ("In the past, the militia raided villages in the valley.", "raided"),
        ("Police have arrested journalists previously.", "arrested"),
        # "the previous attack" folds into the "killed" it is the subject of (one happening)
        ("The previous attack on the base killed nine soldiers.", "killed"),
        ("Tuesday marks the tenth anniversary of the massacre.", "massacre"),
        ("During the Second World War, bombers struck the port.", "struck"),
        ("The rebels had captured the base once before.", "captured"),
        # a fronted date frames every clause of the sentence
        ("In 2012, the group seized Gao and looted the banks.", "looted"),
    ],
)
def test_context_is_background(nlp: Language, sentence: str, trigger: str) -> None:
    flags = _flags(nlp, LEAD + sentence)
    assert flags["attacked"] is False
    assert flags[trigger] is True, flags


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # reported speech in the past perfect is the news, told by someone
        ("A spokesman said the rebels had stormed the gate at dawn.", "stormed"),
        # a campaign of this year's months is the article's ongoing story
        ("Protesters have marched in the capital since January.", "marched"),
        # a date within the article's period
        ("Troops arrested ten suspects on Tuesday.", "arrested"),
        # a date of a clause embedded after the verb dates that clause only
        (
            "The new government pledged to respect rights, unlike the regime that ruled from "
            "1990 to 2004.",
            "pledged",
        ),
    ],
)
def test_current_mentions_stay_news(nlp: Language, sentence: str, trigger: str) -> None:
    flags = _flags(nlp, LEAD + sentence)
    assert flags[trigger] is False, flags


def test_the_lead_date_sets_the_period(nlp: Language) -> None:
    # A report of February 2025 published weeks later: its own news is not background.
    text = "Rebels attacked an army base near Gao on 3 February 2025. Troops arrested ten men."
    flags = _flags(nlp, text)
    assert flags == {"attacked": False, "arrested": False}


def test_a_definite_mention_of_background_is_background(nlp: Language) -> None:
    text = (
        "The reporter's sister spoke in Paris on Monday. The reporter was murdered in Istanbul "
        "in October 2018. His sister demanded justice for the killing."
    )
    found = Extractor(nlp=nlp).extract(make_document(text, published=PUBLISHED))
    flags = {text[e.trigger[0] : e.trigger[1]]: e.background for e in found.events}
    assert flags["murdered"] is True
    # "the killing" is the murder again: folded into it, or flagged background on its own
    assert flags.get("killing", True) is True
    assert flags["demanded"] is False


def test_a_definite_mention_after_the_news_is_news(nlp: Language) -> None:
    text = (
        "Gunmen attacked a church in Kano on Sunday. A similar attack killed nine people there "
        "in 2014. Police said the attack was planned for weeks."
    )
    found = Extractor(nlp=nlp).extract(make_document(text, published=PUBLISHED))
    attacks = {e.trigger[0]: e.background for e in found.events if e.type == "ASSAULT"}
    last = text.rindex("attack was")
    assert attacks.get(last) is False, attacks


def test_at_the_time_takes_the_time_named_before(nlp: Language) -> None:
    text = (
        "Rebels attacked an army base near Gao on Monday. The town fell to the army in March "
        "2013. Soldiers detained dozens of men at the time, residents said on Monday."
    )
    flags = _flags(nlp, text)
    assert flags["attacked"] is False
    assert flags["detained"] is True


def test_a_possessive_mention_of_background_is_background(nlp: Language) -> None:
    text = (
        "Police dispersed a rally in Bamako on Friday. The journalist Anne Dupont was killed "
        "in Gao in 2016. Her family said Dupont's killing was never solved."
    )
    flags = _flags(nlp, text)
    assert flags["dispersed"] is False
    assert (flags["killed"], flags["killing"]) == (True, True)


def test_without_a_publication_date_the_lead_dates_the_article(nlp: Language) -> None:
    text = (
        "Rebels attacked an army base near Gao on 3 February 2025. The group seized the town "
        "in 2012."
    )
    assert _flags(nlp, text, published=None) == {"attacked": False, "seized": True}


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # a past adverb on the verb
        ("The rebels once seized the town and held it for a month.", "seized"),
        # one more of the kind, singular and indefinite
        ("A similar bombing at a school killed 40 students.", "killed"),
        # a standing state since an undated happening
        ("Since the coup, security forces have detained hundreds of activists.", "detained"),
        ("The junta has banned all rallies ever since.", "banned"),
        # what is recalled, and what is coordinated with it
        ("Survivors gathered on Monday, recalling the siege and the massacre.", "massacre"),
        # since a clause's happening that is itself background
        ("Militias have raided the valley ever since the army withdrew in 2019.", "raided"),
        # "since then" after a time long before the period
        ("The war began in 2011. Since then, the army has bombed hundreds of clinics.", "bombed"),
    ],
)
def test_undated_context_is_background(nlp: Language, sentence: str, trigger: str) -> None:
    flags = _flags(nlp, LEAD + sentence)
    assert flags["attacked"] is False
    assert flags[trigger] is True, flags


@pytest.mark.parametrize(
    ("sentence", "trigger"),
    [
        # "once" as a conjunction says nothing of the past
        ("Once troops entered the town on Tuesday, they arrested the mayor.", "arrested"),
        # nor as an adverb after a preposition
        ("Troops at once arrested the mayor.", "arrested"),
        # plural: more of the news elsewhere
        ("Similar attacks killed six soldiers in Kidal on Tuesday.", "killed"),
        # a dated "since" of this year's months stays the news
        ("Troops have detained dozens of suspects since January.", "detained"),
        # "since then" after the news's own day
        ("Since then, soldiers have arrested 40 people in the town.", "arrested"),
        # since a happening of the news's days
        ("Crowds have clashed with police ever since the junta closed the border.", "clashed"),
        # told just before the news, in the past perfect
        ("A day earlier, police had arrested an opposition leader.", "arrested"),
    ],
)
def test_look_alikes_of_undated_context_stay_news(
    nlp: Language, sentence: str, trigger: str
) -> None:
    flags = _flags(nlp, LEAD + sentence)
    assert flags[trigger] is False, flags
