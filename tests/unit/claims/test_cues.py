from sitroom.lang.vocabulary import load_vocabulary
from sitroom.lang.vocabulary.reporting import ReportingVocabulary

CUES = load_vocabulary(ReportingVocabulary)


def test_claim_stance_counts_the_wider_assertive_list() -> None:
    assert CUES.claim_stance("say") == "assert"
    assert CUES.claim_stance("Warn") == "assert"
    assert CUES.claim_stance("deny") == "deny"
    assert CUES.claim_stance("urge") is None
    assert CUES.claim_stance("eat") is None


def test_event_stance_keeps_to_the_shared_lists() -> None:
    # The events stage reads stance(): the claims-only verbs must not change its modality.
    assert CUES.stance("say") == "assert"
    assert CUES.stance("warn") is None
    assert CUES.stance("reject") == "deny"


def test_speech_verbs_introduce_words_without_asserting() -> None:
    for lemma in ("say", "warn", "urge", "ask", "describe", "deny"):
        assert CUES.is_speech(lemma), lemma
    assert not CUES.is_speech("eat")
    assert "show" in CUES.evidential and "say" not in CUES.evidential
