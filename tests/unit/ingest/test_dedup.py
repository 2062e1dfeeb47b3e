from __future__ import annotations

import random

import pytest

from sitroom.ingest.dedup import MinHasher, NearDuplicateIndex, Signature, similarity, text_hash
from unit.ingest.builders import news_text


def planted(rng: random.Random, text: str) -> str:
    """The same story as republished: a new headline and an extra closing paragraph."""
    headline = f"UPDATE {rng.randint(1, 99)}: {news_text(rng, 1)}"
    return f"{headline}\n\n{text}\n\n{news_text(rng, 3)}"


def test_exact_hash_ignores_case_spacing_and_punctuation() -> None:
    assert text_hash("The army said: 12 dead.") == text_hash("the  army said 12 dead")
    assert text_hash("The army said 12 dead.") != text_hash("The army said 13 dead.")


def test_planted_near_duplicates_are_found_without_false_pairs() -> None:
    rng = random.Random(7)
    originals = [news_text(rng, rng.randint(8, 30)) for _ in range(300)]
    index = NearDuplicateIndex()
    for number, text in enumerate(originals):
        index.add(f"doc{number}", text)
    found = false_pairs = 0
    for number, text in enumerate(originals[:100]):
        matches = index.query(planted(rng, text))
        found += any(doc_id == f"doc{number}" for doc_id, _ in matches)
        false_pairs += sum(doc_id != f"doc{number}" for doc_id, _ in matches)
    assert found >= 95 and false_pairs == 0
    # distinct articles among themselves: no pair at all
    for number, text in enumerate(originals):
        assert [doc_id for doc_id, _ in index.query(text)] == [f"doc{number}"]


def test_similarity_estimates_jaccard() -> None:
    rng = random.Random(3)
    base = news_text(rng, 40)
    hasher = MinHasher()
    a = hasher.signature(base)
    assert similarity(a, hasher.signature(base.upper())) == 1.0
    b = hasher.signature(base + " " + news_text(rng, 10))
    assert 0.6 < similarity(a, b) < 0.95
    assert similarity(a, hasher.signature(news_text(rng, 40))) < 0.2
    assert similarity(a, hasher.signature("")) == 0.0


def test_index_persists_as_bytes_and_rows() -> None:
    rng = random.Random(11)
    texts = {f"id{i}": news_text(rng, 15) for i in range(20)}
    index = NearDuplicateIndex(threshold=0.6)
    for doc_id, text in texts.items():
        index.add(doc_id, text)
    probe = texts["id4"] + " One more sentence was added at the end of the story today."
    expected = index.query(probe)
    assert expected[0][0] == "id4"

    restored = NearDuplicateIndex.from_bytes(index.to_bytes())
    assert len(restored) == 20 and "id4" in restored and restored.threshold == 0.6
    assert restored.query(probe) == expected

    rebuilt = NearDuplicateIndex(threshold=0.6)
    rebuilt.add_rows(index.rows())
    assert rebuilt.query(probe) == expected
    sig = index.signature(probe)
    assert Signature.from_bytes(sig.to_bytes()) == sig
    assert rebuilt.band_keys(sig) == index.band_keys(sig)  # stable across instances
    assert all(0 <= key < 2**63 for key in index.band_keys(sig)) and len(index.band_keys(sig)) == 32

    rebuilt.remove("id4")
    assert rebuilt.query(probe) == [] and len(rebuilt) == 19
    with pytest.raises(ValueError, match="magic"):
        NearDuplicateIndex.from_bytes(b"nope")
    with pytest.raises(ValueError, match="truncated"):
        NearDuplicateIndex.from_bytes(index.to_bytes()[:-5])


def test_exact_duplicates_of_tiny_texts() -> None:
    index = NearDuplicateIndex()
    index.add("a", "Troops entered.")
    assert index.query("troops   ENTERED") == [("a", 1.0)]
    index.add("a", "Something else entirely now.")  # re-adding replaces
    assert index.query("Troops entered.") == []
