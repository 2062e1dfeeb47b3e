"""A quoted "they" that stands for an attacked actor means its attackers
(``sitroom.events.quoted_doers``). Short reports written for these tests, read whole by the real
English model, and parses written by hand."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from builders import attack_at
from handmade import doc_of
from sitroom.events.quoted_doers import rebind_quoted_victims
from sitroom.model import Event


def _doer_of(nlp: Language, text: str, word: str) -> str | None:
    doc = nlp(text)
    names = {e.id: e.name.lower() for e in doc._.sitroom_entities}
    event = next(e for e in doc._.sitroom_events if text[e.trigger[0] : e.trigger[1]] == word)
    return names.get(event.actor1 or "")


@pytest.mark.model
def test_a_witness_s_they_is_the_attacker_not_the_attacked(nlp: Language) -> None:
    text = (
        "The junta confirmed the air strike on Wednesday, saying it had targeted members of the "
        'Chin National Front. "They bombed women and children who were dancing," said a '
        "member of a local resistance group."
    )
    assert _doer_of(nlp, text, "bombed") == "junta"


# Troops hit the front ; " They bombed homes , " a man said .  (no model: a parse by hand)
QUOTED = """
Troops troop NOUN NNS 1 nsubj
hit hit VERB VBD 1 ROOT
the the DET DT 3 det
front front NOUN NN 1 dobj
; ; PUNCT : 1 punct
" " PUNCT `` 12 punct
They they PRON PRP 7 nsubj
bombed bomb VERB VBD 12 ccomp
homes home NOUN NNS 7 dobj
, , PUNCT , 12 punct
" " PUNCT '' 12 punct
a a DET DT 11 det
man man NOUN NN 12 nsubj
said say VERB VBD 12 ROOT
. . PUNCT . 12 punct
"""


def _told(doc: Doc, word: str, actor1: str, actor2: str | None) -> Event:
    tok = next(t for t in doc if t.text == word)
    return attack_at(tok.idx, actor1=actor1, actor2=actor2)


def test_only_a_quoted_pronoun_for_an_attacked_actor_is_rebound() -> None:
    doc = doc_of(QUOTED)
    hit = _told(doc, "hit", "troops", "front")
    bombed = _told(doc, "bombed", "front", None)
    out = rebind_quoted_victims([hit, bombed], doc, {"ASSAULT"})
    assert out[1].actor1 == "troops"
    # the front told attacking under a subject of its own as well: the pronoun stays its own
    raid = attack_at(0, actor1="front", actor2="troops")
    out = rebind_quoted_victims([hit, bombed, raid], doc, {"ASSAULT"})
    assert out[1].actor1 == "front"
    # outside a quotation ("They bombed homes, a man said"), the pronoun stays as resolved
    plain = doc_of(QUOTED.replace('" " PUNCT `` 12 punct', "- - PUNCT : 12 punct"))
    out = rebind_quoted_victims(
        [_told(plain, "hit", "troops", "front"), _told(plain, "bombed", "front", None)],
        plain,
        {"ASSAULT"},
    )
    assert out[1].actor1 == "front"
