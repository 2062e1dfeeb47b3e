"""The ECB+ reader and coreference scores of bench/merge.py, on tiny hand-written inputs."""

from pathlib import Path

import pytest

from _ecbplus import align, detokenise, read_document, score, tokens_in

XML = """<Document doc_name="9_1ecbplus.xml">
<token t_id="1" sentence="0" number="0">http://example.org</token>
<token t_id="2" sentence="1" number="0">Rebels</token>
<token t_id="3" sentence="1" number="1">attacked</token>
<token t_id="4" sentence="1" number="2">the</token>
<token t_id="5" sentence="1" number="3">town</token>
<token t_id="6" sentence="1" number="4">.</token>
<token t_id="7" sentence="2" number="0">The</token>
<token t_id="8" sentence="2" number="1">attack</token>
<token t_id="9" sentence="2" number="2">killed</token>
<token t_id="10" sentence="2" number="3">2</token>
<token t_id="11" sentence="2" number="4">.</token>
<Markables>
<ACTION_OCCURRENCE m_id="1"><token_anchor t_id="3"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="2"><token_anchor t_id="8"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="3"><token_anchor t_id="9"/></ACTION_OCCURRENCE>
<HUMAN_PART_ORG m_id="4"><token_anchor t_id="2"/></HUMAN_PART_ORG>
<ACTION_OCCURRENCE m_id="5" TAG_DESCRIPTOR="t9_attack" instance_id="ACT1"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1"><source m_id="1"/><source m_id="2"/><target m_id="5"/>
</CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_detokenise_keeps_offsets() -> None:
    words = ["It", "'s", "2", ":", "53", ".", "Yes"]
    text, spans = detokenise([(n, int(w == "Yes"), w) for n, w in enumerate(words)])
    assert text == "It's 2:53.\nYes"
    assert [text[a:b] for a, b in spans.values()] == words


def test_read_document(tmp_path: Path) -> None:
    path = tmp_path / "9_1ecbplus.xml"
    path.write_text(XML, encoding="utf-8")
    doc = read_document(path)
    assert doc.topic == 9
    assert doc.text == "Rebels attacked the town.\nThe attack killed 2."  # URL sentence dropped
    by_id = {m.m_id: m for m in doc.mentions}
    assert sorted(by_id) == ["1", "2", "3"]  # actions with tokens only
    assert by_id["1"].chain == by_id["2"].chain == "ACT1"
    assert by_id["1"].label == "t9_attack"
    assert by_id["3"].chain == "9_1ecbplus:3" and by_id["3"].sentence == 2
    start = doc.text.index("attack ")
    assert tokens_in(doc.token_spans, (start, start + 6)) == {8}


def test_align_is_one_to_one_by_overlap() -> None:
    system = [("a", frozenset({1, 2})), ("b", frozenset({2})), ("c", frozenset({9}))]
    gold = [("x", frozenset({2})), ("y", frozenset({1, 2}))]
    assert align(system, gold) == {"a": "y", "b": "x"}


def test_scores() -> None:
    # gold {1,2,3} {4}; system {1,2} {3,4}
    s = score([("g1", "s1"), ("g1", "s1"), ("g1", "s2"), ("g2", "s2")])
    assert (s.gold_links, s.system_links, s.right_links) == (3, 2, 1)
    assert s.pair_p == pytest.approx(0.5) and s.pair_r == pytest.approx(1 / 3)
    assert s.b3_p == pytest.approx((1 + 1 + 0.5 + 0.5) / 4)
    assert s.b3_r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    singletons = score([("g1", 1), ("g1", 2)])
    assert singletons.system_links == 0 and singletons.b3_p == 1.0 and singletons.pair_r == 0.0
