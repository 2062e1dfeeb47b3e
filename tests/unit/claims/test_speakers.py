"""Who speaks a quotation: hand-built parses, no statistical model."""

from unit.claims.conll import doc_of, run, said

CONTINUED = """
" " PUNCT `` 6 punct
We we PRON PRP 3 nsubj
will will AUX MD 3 aux
stay stay VERB VB 6 ccomp
, , PUNCT , 6 punct
" " PUNCT '' 6 punct
said say VERB VBD 6 ROOT
Lenz Lenz PROPN NNP 6 nsubj
. . PUNCT . 6 punct
" " PUNCT `` 11 punct
Nobody nobody PRON NN 11 nsubj
leaves leave VERB VBZ 11 ROOT
. . PUNCT . 11 punct
" " PUNCT '' 11 punct
"""


def test_speaker_after_the_quote_carries_over_to_the_next_quote() -> None:
    doc = doc_of(CONTINUED)
    result, _ = run(doc, {7: "e1"}, {"e1": "PERSON"})
    first, second = result.quotes
    assert (first.text, first.kind, first.speaker, first.cue) == (
        "We will stay ,",
        "direct",
        "e1",
        "say",
    )
    assert said(doc, first.speaker_span) == "Lenz"
    # The second quote has no cue of its own: same speaker and mention, no cue.
    assert (second.text, second.speaker, second.cue) == ("Nobody leaves .", "e1", None)
    assert second.speaker_span == first.speaker_span


INVERTED = """
" " PUNCT `` 4 punct
Leave leave VERB VB 4 ccomp
, , PUNCT , 4 punct
" " PUNCT '' 4 punct
urged urge VERB VBD 4 ROOT
the the DET DT 6 det
colonel colonel NOUN NN 4 dobj
. . PUNCT . 4 punct
"""


def test_verb_before_its_subject_after_a_quote() -> None:
    # The parser made the speaker an object; the noun right after the cue still speaks.
    doc = doc_of(INVERTED)
    result, _ = run(doc, {}, {})
    [quote] = result.quotes
    assert (quote.kind, quote.cue, quote.speaker) == ("direct", "urge", None)
    assert said(doc, quote.speaker_span) == "the colonel"


PRONOUN = """
Mensah Mensah PROPN NNP 1 nsubj
said say VERB VBD 1 ROOT
the the DET DT 3 det
town town NOUN NN 4 nsubj
fell fall VERB VBD 1 ccomp
. . PUNCT . 1 punct
Rain rain NOUN NN 7 nsubj
hit hit VERB VBD 7 ROOT
Osei Osei PROPN NNP 7 dobj
. . PUNCT . 7 punct
He he PRON PRP 11 nsubj
added add VERB VBD 11 ROOT
that that SCONJ IN 15 mark
the the DET DT 14 det
water water NOUN NN 15 nsubj
was be AUX VBD 11 ccomp
" " PUNCT `` 17 punct
unsafe unsafe ADJ JJ 15 acomp
" " PUNCT '' 17 punct
. . PUNCT . 11 punct
"""


def test_pronoun_speaker_is_the_last_named_speaker() -> None:
    doc = doc_of(PRONOUN)
    result, _ = run(doc, {0: "e1", 8: "e2"}, {"e1": "PERSON", "e2": "PERSON"})
    by_text = {q.text: q for q in result.quotes}
    # Osei is nearer, but as an object, not a speaker: "He" is Mensah, who spoke last.
    assert by_text['that the water was " unsafe "'].speaker == "e1"
    assert by_text['that the water was " unsafe "'].kind == "indirect"
    # The partial quote inside the reported speech keeps the reporting speaker and cue.
    partial = by_text["unsafe"]
    assert (partial.kind, partial.speaker, partial.cue) == ("partial", "e1", "add")
    assert said(doc, partial.speaker_span) == "He"
    assert [c.claimant for c in result.claims] == ["e1", "e1"]


STATEMENT = """
A a DET DT 1 det
statement statement NOUN NN 4 nsubj
by by ADP IN 1 prep
Mensah Mensah PROPN NNP 2 pobj
said say VERB VBD 4 ROOT
the the DET DT 6 det
dam dam NOUN NN 7 nsubj
held hold VERB VBD 4 ccomp
. . PUNCT . 4 punct
The the DET DT 10 det
statement statement NOUN NN 11 nsubj
added add VERB VBD 11 ROOT
that that SCONJ IN 17 mark
" " PUNCT `` 14 punct
repairs repair NOUN NNS 17 nsubj
" " PUNCT '' 14 punct
will will AUX MD 17 aux
start start VERB VB 11 ccomp
. . PUNCT . 11 punct
"""


def test_nominal_source_and_the_definite_statement_that_refers_back() -> None:
    doc = doc_of(STATEMENT)
    result, _ = run(doc, {3: "e1"}, {"e1": "PERSON"})
    first, second, partial = result.quotes
    assert (first.text, first.speaker) == ("the dam held", "e1")
    assert said(doc, first.speaker_span) == "A statement by Mensah"
    assert (second.speaker, said(doc, second.speaker_span)) == ("e1", "The statement")
    assert (partial.text, partial.speaker) == ("repairs", "e1")


MISPARSED = """
" " PUNCT `` 5 punct
goodbye goodbye INTJ UH 5 intj
Tom Tom PROPN NNP 5 nsubj
" " PUNCT '' 5 punct
Iran Iran PROPN NNP 2 appos
said say VERB VBD 5 ROOT
. . PUNCT . 5 punct
"""


def test_subject_inside_the_quote_is_replaced_by_the_actor_after_it() -> None:
    doc = doc_of(MISPARSED)
    result, _ = run(doc, {2: "e1", 4: "e2"}, {"e1": "PERSON", "e2": "GPE"})
    [quote] = result.quotes
    assert quote.text == "goodbye Tom"
    assert (quote.speaker, said(doc, quote.speaker_span)) == ("e2", "Iran")


COLON = """
Mensah Mensah PROPN NNP 0 ROOT
: : PUNCT : 0 punct
" " PUNCT `` 4 punct
We we PRON PRP 4 nsubj
stay stay VERB VBP 0 dep
. . PUNCT . 4 punct
" " PUNCT '' 4 punct
"""


def test_name_and_colon_introduce_a_quote() -> None:
    doc = doc_of(COLON)
    result, _ = run(doc, {0: "e1"}, {"e1": "PERSON"})
    [quote] = result.quotes
    assert (quote.text, quote.speaker, quote.cue) == ("We stay .", "e1", ":")


def test_title_in_quotation_marks_is_no_quote() -> None:
    doc = doc_of(
        """
        He he PRON PRP 1 nsubj
        watched watch VERB VBD 1 ROOT
        " " PUNCT `` 4 punct
        Evening evening PROPN NNP 4 compound
        News News PROPN NNP 1 dobj
        " " PUNCT '' 4 punct
        . . PUNCT . 1 punct
        """
    )
    result, _ = run(doc, {}, {})
    assert result.quotes == ()
