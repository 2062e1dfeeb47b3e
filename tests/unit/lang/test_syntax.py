"""The shared dependency-parse helpers of ``sitroom.lang.syntax``, on hand-built parses."""

from __future__ import annotations

from handmade import doc_of
from sitroom.lang.syntax import (
    Agent,
    agent,
    gerund_object,
    governors,
    mention_span,
    np_tokens,
    np_tokens_by_closeness,
    reporting_subject,
    speaker,
    subject,
    token_runs,
    two_sides,
)

TALKS = """
Talks talk NOUN NNS 2 nsubjpass
are be AUX VBP 2 auxpass
expected expect VERB VBN 2 ROOT
to to PART TO 4 aux
resume resume VERB VB 2 xcomp
. . PUNCT . 2 punct
"""

ATTACK = """
The the DET DT 1 det
army army NOUN NN 2 nsubj
attacked attack VERB VBD 2 ROOT
the the DET DT 4 det
base base NOUN NN 2 dobj
, , PUNCT , 2 punct
killing kill VERB VBG 2 advcl
four four NUM CD 6 dobj
. . PUNCT . 2 punct
"""

SHELLED = """
The the DET DT 1 det
town town NOUN NN 3 nsubjpass
was be AUX VBD 3 auxpass
shelled shell VERB VBN 3 ROOT
by by ADP IN 3 agent
the the DET DT 6 det
rebels rebel NOUN NNS 4 pobj
. . PUNCT . 3 punct
"""

WELCOMED = """
The the DET DT 1 det
ministry ministry NOUN NN 2 nsubj
welcomed welcome VERB VBD 2 ROOT
the the DET DT 4 det
deal deal NOUN NN 2 dobj
, , PUNCT , 2 punct
saying say VERB VBG 2 advcl
it it PRON PRP 9 nsubj
would would AUX MD 9 aux
hold hold VERB VB 6 ccomp
. . PUNCT . 2 punct
"""

SAID_THEY = """
Officials official NOUN NNS 1 nsubj
said say VERB VBD 1 ROOT
they they PRON PRP 3 nsubj
captured capture VERB VBD 1 ccomp
the the DET DT 5 det
town town NOUN NN 3 dobj
. . PUNCT . 1 punct
"""

FIGHTERS = """
Fighters fighter NOUN NNS 6 nsubj
of of ADP IN 0 prep
the the DET DT 4 det
Resistance Resistance PROPN NNP 4 compound
Front Front PROPN NNP 1 pobj
who who PRON WP 7 nsubj
fled flee VERB VBD 0 relcl
in in ADP IN 6 prep
Panjshir Panjshir PROPN NNP 7 pobj
"""

STATEMENT_BY = """
A a DET DT 1 det
statement statement NOUN NN 6 nsubj
by by ADP IN 1 prep
NRF NRF PROPN NNP 4 compound
leader leader NOUN NN 5 compound
Osei Osei PROPN NNP 2 pobj
warned warn VERB VBD 6 ROOT
. . PUNCT . 6 punct
"""


def words(tokens: list) -> list[str]:  # type: ignore[type-arg]
    return [t.text for t in tokens]


def test_noun_phrase_keeps_modifiers_and_of_objects_but_not_relative_clauses() -> None:
    doc = doc_of(FIGHTERS)
    assert sorted(words(np_tokens(doc[0]))) == sorted(["Fighters", "the", "Resistance", "Front"])
    # A preposition that is not followed stays out; given prepositions replace "of".
    assert words(np_tokens(doc[0], {"in"})) == ["Fighters"]


def test_noun_phrase_by_closeness_puts_the_object_before_its_modifiers() -> None:
    doc = doc_of(STATEMENT_BY)
    ranked = words(np_tokens_by_closeness(doc[1], {"by"}))
    assert ranked[:2] == ["statement", "A"]
    assert ranked.index("Osei") < ranked.index("leader") < ranked.index("NRF")


def test_mention_span_covers_the_source_phrase() -> None:
    doc = doc_of(STATEMENT_BY)
    start, end = mention_span(doc[1])
    assert doc.text[start:end] == "A statement by NRF leader Osei"
    assert doc.text[slice(*mention_span(doc[5]))] == "NRF leader Osei"


def test_governors_climb_only_through_the_given_links_and_up_to_the_limit() -> None:
    doc = doc_of(ATTACK)
    assert words(governors(doc[7], through={"dobj", "advcl"}, limit=5)) == ["killing", "attacked"]
    assert words(governors(doc[7], through={"dobj", "advcl"}, limit=1)) == ["killing"]
    assert words(governors(doc[7], through={"dobj"}, limit=5)) == ["killing"]
    assert governors(doc[2], through={"dobj"}, limit=5) == []  # the root governs nothing above


def test_subject_is_the_grammatical_subject_and_climbs_only_when_asked() -> None:
    doc = doc_of(TALKS)
    resume = doc[4]
    assert subject(doc[2]) == doc[0]  # the patient of a passive is its grammatical subject
    assert subject(resume) is None
    assert subject(resume, climb={"xcomp"}) == doc[0]
    assert subject(resume, climb={"xcomp"}, levels=1) is None
    assert subject(resume, climb={"advcl"}) is None


def test_agent_of_active_passive_and_dependent_verbs() -> None:
    attack = doc_of(ATTACK)
    assert agent(attack[2]) == Agent(attack[1], False)
    assert agent(attack[6]) == Agent(attack[1], False)  # "..., killing four": the army kills
    shelled = doc_of(SHELLED)
    assert agent(shelled[3]) == Agent(shelled[6], True)
    no_by = doc_of("\n".join([*SHELLED.strip().splitlines()[:4], ". . PUNCT . 3 punct"]))
    assert agent(no_by[3]) == Agent(None, True)
    talks = doc_of(TALKS)
    # "Talks are expected to resume": the passive governor's subject is the infinitive's.
    assert agent(talks[4]) == Agent(talks[0], False)
    assert agent(talks[2]) == Agent(None, True)  # "are expected" itself has no known agent


def test_speaker_climbs_from_a_participle_to_the_main_clause() -> None:
    doc = doc_of(WELCOMED)
    assert speaker(doc[6]) == doc[1]
    assert speaker(doc[9]) == doc[7]  # the reported clause has its own subject
    # A skipped clause (quoted words) cannot be the speaker's.
    assert speaker(doc[6], skip=lambda t: t.i == 2) is None


def test_speaker_of_a_passive_is_its_by_object() -> None:
    doc = doc_of(SHELLED)
    assert speaker(doc[3]) == doc[6]


def test_speaker_does_not_climb_out_of_a_content_clause() -> None:
    doc = doc_of(
        """
        Officials official NOUN NNS 1 nsubj
        said say VERB VBD 1 ROOT
        stop stop VERB VB 1 ccomp
        """
    )
    assert speaker(doc[2]) is None
    assert speaker(doc[1]) == doc[0]


def test_reporting_subject_of_a_personal_pronoun() -> None:
    doc = doc_of(SAID_THEY)
    assert reporting_subject(doc[2]) == doc[0]
    assert reporting_subject(doc[0]) is None  # not a pronoun in a reported clause
    some = doc_of(SAID_THEY.replace("they they PRON PRP", "some some PRON DT"))
    assert reporting_subject(some[2]) is None  # a quantifier refers to no one
    # The pronoun of a participle's clause has no reporting subject of its own.
    assert reporting_subject(doc_of(WELCOMED)[7]) is None


def test_speaker_of_a_verb_conjoined_to_an_agentless_passive_is_its_subject() -> None:
    doc = doc_of(
        """
        Lena Lena PROPN NNP 2 nsubjpass
        was be AUX VBD 2 auxpass
        freed free VERB VBN 2 ROOT
        and and CCONJ CC 2 cc
        told tell VERB VBD 2 conj
        us we PRON PRP 4 dobj
        she she PRON PRP 7 nsubj
        left leave VERB VBD 4 ccomp
        """
    )
    assert speaker(doc[4]) == doc[0]  # "Lena was freed and told us ...": Lena tells
    assert speaker(doc[2]) is None  # the passive itself names no speaker


def test_a_pronoun_in_the_clause_of_an_owned_claim_is_its_owner() -> None:
    doc = doc_of(
        """
        the the DET DT 1 det
        rebels rebel NOUN NNS 3 poss
        ' ' PART POS 1 case
        claim claim NOUN NN 3 ROOT
        that that SCONJ IN 6 mark
        they they PRON PRP 6 nsubj
        won win VERB VBD 3 acl
        """
    )
    assert reporting_subject(doc[5]) == doc[1]  # "the rebels' claim that they won"
    mine = doc_of(
        """
        their their PRON PRP$ 1 poss
        claim claim NOUN NN 1 ROOT
        that that SCONJ IN 4 mark
        they they PRON PRP 4 nsubj
        won win VERB VBD 1 acl
        """
    )
    assert reporting_subject(mine[3]) is None  # a pronoun owner is read as a pronoun


def test_a_common_noun_passive_subject_does_not_speak_for_a_conjunct() -> None:
    doc = doc_of(
        """
        she she PRON PRP 1 nsubj
        asked ask VERB VBD 1 ROOT
        how how SCONJ WRB 5 advmod
        votes vote NOUN NNS 5 nsubjpass
        are be AUX VBP 5 auxpass
        counted count VERB VBN 1 ccomp
        and and CCONJ CC 5 cc
        vowed vow VERB VBD 5 conj
        change change VERB VB 7 xcomp
        """
    )
    # "how votes are counted and vowed to ...": the parser's conjunct is not the votes' words
    assert speaker(doc[7]) is None


def test_token_runs_are_the_maximal_stretches_where_a_test_holds() -> None:
    doc = doc_of(
        """
        Fighting fighting NOUN NN 3 nsubj
        in in ADP IN 0 prep
        Tal Tal PROPN NNP 3 compound
        Afar Afar PROPN NNP 1 pobj
        and and CCONJ CC 3 cc
        Sinjar Sinjar PROPN NNP 3 conj
        """
    )
    assert token_runs(doc, lambda t: t.pos_ == "PROPN") == [(2, 4), (5, 6)]
    assert token_runs(doc, lambda t: False) == []
    assert token_runs(doc, lambda t: True) == [(0, 6)]


MISHUNG = """
militants militant NOUN NNS 5 nsubj
killed kill VERB VBN 0 acl
30 30 NUM CD 3 nummod
villagers villager NOUN NNS 1 dobj
, , PUNCT , 5 punct
said say VERB VBD 5 ROOT
"""

REDUCED = """
soldiers soldier NOUN NNS 4 nsubjpass
killed kill VERB VBN 0 acl
there there ADV RB 1 advmod
were be AUX VBD 4 auxpass
buried bury VERB VBN 4 ROOT
"""


def test_a_participle_with_an_object_hung_on_a_noun_is_that_noun_doing() -> None:
    mishung = doc_of(MISHUNG)  # "militants killed 30 villagers, ... said"
    assert agent(mishung[1]) == Agent(mishung[0], False)
    reduced = doc_of(REDUCED)  # "soldiers killed there were buried": done to them
    assert agent(reduced[1]) == Agent(None, True)


ACCUSED = """
Rebels rebel NOUN NNS 2 nsubjpass
were be AUX VBD 2 auxpass
accused accuse VERB VBN 2 ROOT
of of ADP IN 2 prep
looting loot VERB VBG 5 amod
shops shop NOUN NNS 3 pobj
"""

INTERRUPTED = """
Lam Lam PROPN NNP 2 nsubjpass
was be AUX VBD 2 auxpass
interrupted interrupt VERB VBN 2 ROOT
by by ADP IN 2 prep
protesting protest VERB VBG 5 amod
students student NOUN NNS 3 pobj
"""


def test_the_passive_subject_does_a_gerund_the_parser_hung_on_its_object() -> None:
    accused = doc_of(ACCUSED)  # "Rebels were accused of looting shops"
    assert gerund_object(accused[4]) == accused[5]
    assert agent(accused[4]) == Agent(accused[0], False)
    # "interrupted by protesting students": "by" brings the agent, no gerund of Lam's
    interrupted = doc_of(INTERRUPTED)
    assert gerund_object(interrupted[4]) is None
    assert agent(interrupted[4]) == Agent(interrupted[5], False)
    # ... also when the parser reads "protesting" as a gerund with "students" its object
    gerund = doc_of(
        INTERRUPTED.replace("VBG 5 amod", "VBG 3 pcomp").replace("NNS 3 pobj", "NNS 4 dobj")
    )
    assert agent(gerund[4]) == Agent(gerund[5], False)
    storming = doc_of(STORMING)  # "was taken by storming the gates": a gerund, no doer named
    assert agent(storming[4]).token is None


STORMING = """
Town town NOUN NN 2 nsubjpass
was be AUX VBD 2 auxpass
taken take VERB VBN 2 ROOT
by by ADP IN 2 prep
storming storm VERB VBG 3 pcomp
the the DET DT 6 det
gates gate NOUN NNS 4 dobj
"""


def test_the_two_sides_of_between_also_where_the_and_hangs_inside_a_modifier() -> None:
    plain = doc_of(
        """
        clashes clash NOUN NNS 0 ROOT
        between between ADP IN 0 prep
        police police NOUN NNS 1 pobj
        and and CCONJ CC 2 cc
        rioters rioter NOUN NNS 2 conj
        """
    )
    assert [t.text for t in two_sides(plain[2]) if t is not None] == ["police", "rioters"]
    # "between the army and Mai-Mai fighters" read as [the army and Mai-Mai] fighters
    inside = doc_of(
        """
        clashes clash NOUN NNS 0 ROOT
        between between ADP IN 0 prep
        the the DET DT 6 det
        army army NOUN NN 6 nmod
        and and CCONJ CC 3 cc
        Mai-Mai Mai-Mai PROPN NNP 3 conj
        fighters fighter NOUN NNS 1 pobj
        """
    )
    assert [t.text for t in two_sides(inside[6]) if t is not None] == ["army", "Mai-Mai"]
    alone = doc_of(
        """
        clashes clash NOUN NNS 0 ROOT
        between between ADP IN 0 prep
        rival rival ADJ JJ 3 amod
        clans clan NOUN NNS 1 pobj
        """
    )
    assert two_sides(alone[3]) == (alone[3], None)


def test_the_object_of_a_verb_of_object_control_does_what_its_infinitive_says() -> None:
    doc = doc_of(
        """
        Troops troop NOUN NNS 1 nsubj
        forced force VERB VBD 1 ROOT
        villagers villager NOUN NNS 1 dobj
        to to PART TO 4 aux
        leave leave VERB VB 1 xcomp
        """
    )
    assert agent(doc[4]) == Agent(doc[2], False)
    vowed = doc_of(
        """
        Troops troop NOUN NNS 1 nsubj
        vowed vow VERB VBD 1 ROOT
        to to PART TO 3 aux
        return return VERB VB 1 xcomp
        """
    )
    assert agent(vowed[3]) == Agent(vowed[0], False)


def test_an_owner_ranks_after_the_name_of_the_head_itself() -> None:
    doc = doc_of(
        """
        Yemen Yemen PROPN NNP 3 poss
        's 's PART POS 0 case
        Houthi Houthi PROPN NNP 3 compound
        movement movement NOUN NN 4 nsubj
        claimed claim VERB VBD 4 ROOT
        """
    )
    ranked = [t.text for t in np_tokens_by_closeness(doc[3], ())]
    assert ranked[:3] == ["movement", "Houthi", "Yemen"]
