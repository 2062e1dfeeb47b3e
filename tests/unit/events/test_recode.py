from handmade import index, parsed
from sitroom.events.detect import EventDetector
from sitroom.events.lexicon import EventVocabulary

DETECTOR = EventDetector(EventVocabulary.load())


def _types(rows: list[tuple[str, str, str, str, int, str]]) -> list[tuple[str, str | None]]:
    doc = parsed(rows)
    return [(e.type, e.mode) for e in DETECTOR.detect(doc, index(doc, {}, {}))]


def test_announced_own_future_cooperation_is_an_intention() -> None:
    # "Rebels said they would release hostages ."
    rows = [
        ("Rebels", "rebel", "NOUN", "NNS", 1, "nsubj"),
        ("said", "say", "VERB", "VBD", 1, "ROOT"),
        ("they", "they", "PRON", "PRP", 4, "nsubj"),
        ("would", "would", "AUX", "MD", 4, "aux"),
        ("release", "release", "VERB", "VB", 1, "ccomp"),
        ("hostages", "hostage", "NOUN", "NNS", 4, "dobj"),
        (".", ".", "PUNCT", ".", 1, "punct"),
    ]
    assert ("AGREE", "retreat") in _types(rows)


def test_refusal_is_a_rejection_of_the_action() -> None:
    # "The army refused to withdraw ."
    rows = [
        ("The", "the", "DET", "DT", 1, "det"),
        ("army", "army", "NOUN", "NN", 2, "nsubj"),
        ("refused", "refuse", "VERB", "VBD", 2, "ROOT"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("withdraw", "withdraw", "VERB", "VB", 2, "xcomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert ("REJECT", "retreat") in _types(rows)


def test_an_expected_event_keeps_its_own_type() -> None:
    # "Talks are expected to resume ." — nobody announces an intention here.
    rows = [
        ("Troops", "troop", "NOUN", "NNS", 2, "nsubjpass"),
        ("are", "be", "AUX", "VBP", 2, "auxpass"),
        ("expected", "expect", "VERB", "VBN", 2, "ROOT"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("withdraw", "withdraw", "VERB", "VB", 2, "xcomp"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _types(rows) == [("RETREAT", "withdraw")]


def test_failing_to_reach_an_agreement_is_a_rejection() -> None:
    # "Both sides failed to reach an agreement ."
    rows = [
        ("Both", "both", "DET", "DT", 1, "det"),
        ("sides", "side", "NOUN", "NNS", 2, "nsubj"),
        ("failed", "fail", "VERB", "VBD", 2, "ROOT"),
        ("to", "to", "PART", "TO", 4, "aux"),
        ("reach", "reach", "VERB", "VB", 2, "xcomp"),
        ("an", "an", "DET", "DT", 6, "det"),
        ("agreement", "agreement", "NOUN", "NN", 4, "dobj"),
        (".", ".", "PUNCT", ".", 2, "punct"),
    ]
    assert _types(rows) == [("REJECT", "agree")]
    reached = [r if r[0] != "failed" else ("managed", "manage", *r[2:]) for r in rows]
    assert _types(reached) == [("AGREE", None)]
