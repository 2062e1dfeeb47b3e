"""Claims, indirect quotes, hedges and contradictions: hand-built parses, no statistical model."""

from unit.claims.conll import doc_of, run, said

ACCORDING = """
According accord VERB VBG 6 prep
to to ADP IN 0 prep
the the DET DT 3 det
army army NOUN NN 1 pobj
, , PUNCT , 6 punct
rebels rebel NOUN NNS 6 nsubj
fled flee VERB VBD 6 ROOT
Kadu Kadu PROPN NNP 6 dobj
. . PUNCT . 6 punct
"""


def test_according_to_gives_an_indirect_quote_and_a_claim() -> None:
    doc = doc_of(ACCORDING)
    result, _ = run(doc, {3: "e1"}, {"e1": "ORG"}, places={7: "p1"})
    [quote] = result.quotes
    assert (quote.text, quote.kind, quote.speaker, quote.cue) == (
        "rebels fled Kadu",
        "indirect",
        "e1",
        "according to",
    )
    assert said(doc, quote.speaker_span) == "the army"
    [claim] = result.claims
    assert (claim.text, claim.claimant, claim.stance) == ("rebels fled Kadu", "e1", "assert")


HEDGED = """
The the DET DT 1 det
army army NOUN NN 3 nsubj
reportedly reportedly ADV RB 3 advmod
said say VERB VBD 3 ROOT
rebels rebel NOUN NNS 5 nsubj
fled flee VERB VBD 3 ccomp
, , PUNCT , 3 punct
but but CCONJ CC 3 cc
the the DET DT 9 det
toll toll NOUN NN 10 nsubj
is be AUX VBZ 3 conj
unclear unclear ADJ JJ 10 acomp
. . PUNCT . 3 punct
"""


def test_hedges_come_from_the_claim_and_its_reporting_clause_only() -> None:
    result, _ = run(doc_of(HEDGED), {1: "e1"}, {"e1": "ORG"})
    [claim] = result.claims
    assert claim.text == "rebels fled"
    # "reportedly" qualifies the report; "unclear" belongs to another clause.
    assert claim.hedges == ["reportedly"]


DENIAL = """
Rebels rebel NOUN NNS 1 nsubj
said say VERB VBD 1 ROOT
they they PRON PRP 3 nsubj
took take VERB VBD 1 ccomp
Kadu Kadu PROPN NNP 3 dobj
. . PUNCT . 1 punct
The the DET DT 7 det
army army NOUN NN 8 nsubj
denied deny VERB VBD 8 ROOT
the the DET DT 11 det
rebels rebel NOUN NNS 11 compound
claim claim NOUN NN 8 dobj
about about ADP IN 11 prep
Kadu Kadu PROPN NNP 12 pobj
. . PUNCT . 8 punct
"""


def test_denial_of_a_named_claim_contradicts_it() -> None:
    result, _ = run(
        doc_of(DENIAL),
        {0: "e1", 10: "e1", 7: "e2"},
        {"e1": "ORG", "e2": "ORG"},
        {4: "p1", 13: "p1"},
    )
    took, denial = result.claims
    assert (took.text, took.claimant, took.stance) == ("they took Kadu", "e1", "assert")
    assert (denial.text, denial.claimant, denial.stance) == (
        "the rebels claim about Kadu",
        "e2",
        "deny",
    )
    [contradiction] = result.contradictions
    assert contradiction.claims == (took.id, denial.id)
    # Both are reported speech: indirect quotes with their cues.
    assert [(q.text, q.kind, q.speaker, q.cue) for q in result.quotes] == [
        ("they took Kadu", "indirect", "e1", "say"),
        ("the rebels claim about Kadu", "indirect", "e2", "deny"),
    ]


DENIED_CLAUSE = """
Officials official NOUN NNS 1 nsubj
denied deny VERB VBD 1 ROOT
that that SCONJ IN 5 mark
troops troop NOUN NNS 5 nsubj
had have AUX VBD 5 aux
fired fire VERB VBN 1 ccomp
. . PUNCT . 1 punct
"""


def test_denied_clause_is_an_indirect_quote_with_the_denial_as_cue() -> None:
    doc = doc_of(DENIED_CLAUSE)
    result, _ = run(doc, {}, {})
    [quote] = result.quotes
    assert (quote.text, quote.kind, quote.speaker, quote.cue) == (
        "that troops had fired",
        "indirect",
        None,
        "deny",
    )
    assert said(doc, quote.speaker_span) == "Officials"
    [claim] = result.claims
    assert claim.stance == "deny" and claim.claimant is None


URGED = """
Guterres Guterres PROPN NNP 1 nsubj
urged urge VERB VBD 1 ROOT
all all DET DT 3 det
parties party NOUN NNS 5 nsubj
to to PART TO 5 aux
talk talk VERB VB 1 ccomp
. . PUNCT . 1 punct
"""


def test_urging_is_reported_speech_but_no_claim() -> None:
    result, _ = run(doc_of(URGED), {0: "e1"}, {"e1": "PERSON"})
    [quote] = result.quotes
    assert (quote.text, quote.speaker, quote.cue) == ("all parties to talk", "e1", "urge")
    assert result.claims == ()
