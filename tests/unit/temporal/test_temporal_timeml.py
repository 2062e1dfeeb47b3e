"""The benchmark's TimeML reader, TIMEX3 value rendering and scoring (``bench/_timeml.py``)."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

D = dt.date
ANCHOR = D(2013, 3, 22)  # a Friday


def _load() -> ModuleType:
    # bench/ is on pytest's pythonpath (pyproject), so the benchmark's helper imports as a module.
    return importlib.import_module("_timeml")


tm = _load()

SAMPLE = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">March 22, 2013</TIMEX3></DCT>
<TEXT>
Ferries <EVENT eid="e1">stopped</EVENT> <TIMEX3 tid="t1" type="DATE" value="2013-03-20">\
Wednesday</TIMEX3> &amp; resumed for <TIMEX3 tid="t2" type="DURATION" value="P2D">two days\
</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_reader_strips_tags_and_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "sample.tml"
    path.write_text(SAMPLE, encoding="utf-8")
    doc = tm.read_tml(path)
    assert doc.dct == ANCHOR
    assert [(t.text, t.type, t.value) for t in doc.timexes] == [
        ("Wednesday", "DATE", "2013-03-20"),
        ("two days", "DURATION", "P2D"),
    ]
    assert all(doc.text[t.start : t.end] == t.text for t in doc.timexes)
    assert "&" in doc.text and "<" not in doc.text


@pytest.mark.parametrize(
    ("start", "end", "precision", "value"),
    [
        (D(2013, 3, 20), D(2013, 3, 20), "day", "2013-03-20"),
        (D(2013, 3, 11), D(2013, 3, 17), "week", "2013-W11"),
        (D(2012, 12, 1), D(2012, 12, 31), "month", "2012-12"),
        (D(2012, 1, 1), D(2012, 12, 31), "year", "2012"),
        (D(2013, 3, 16), D(2013, 3, 17), "range", "2013-W11-WE"),
        (D(2012, 6, 1), D(2012, 8, 31), "range", "2012-SU"),
        (D(2012, 12, 1), D(2013, 2, 28), "range", "2012-WI"),
        (D(2012, 10, 1), D(2012, 12, 31), "range", "2012-Q4"),
        (D(2012, 7, 1), D(2012, 12, 31), "range", "2012-H2"),
        (D(1990, 1, 1), D(1999, 12, 31), "range", "199"),
        (D(1900, 1, 1), D(1999, 12, 31), "range", "19"),
        (D(2011, 3, 22), ANCHOR, "range", "P2Y"),
        (ANCHOR, D(2013, 6, 22), "range", "P3M"),
        (D(2013, 3, 15), ANCHOR, "range", "P1W"),
        (D(2012, 12, 1), D(2012, 12, 10), "range", "2012-12"),  # "early December"
        (D(2011, 1, 1), D(2011, 4, 30), "range", "2011"),  # "early 2011"
        (D(2009, 1, 1), D(2010, 12, 31), "range", "2009-01-01/2010-12-31"),
    ],
)
def test_timex_value(start: dt.date, end: dt.date, precision: str, value: str) -> None:
    assert tm.timex_value(start, end, precision, ANCHOR) == value


def test_alignment_prefers_exact_spans_and_is_one_to_one() -> None:
    gold = [tm.Timex(0, 9, "DATE", "2013-03-20", "Wednesday"), tm.Timex(20, 28, "DATE", "x", "")]
    system = [
        tm.Predicted(0, 17, "a", ""),
        tm.Predicted(0, 9, "2013-03-20", ""),
        tm.Predicted(40, 44, "b", ""),
    ]
    pairs = tm.align(gold, system)
    assert [(p.gold is not None, p.system) for p in pairs] == [
        (True, system[1]),
        (True, None),
        (False, system[0]),
        (False, system[2]),
    ]
    counts = tm.score(pairs, ANCHOR)
    assert (counts.gold, counts.system, counts.strict, counts.relaxed, counts.value) == (
        2,
        3,
        1,
        1,
        1,
    )
    assert tm.prf(counts.value, counts.system, counts.gold) == pytest.approx((1 / 3, 1 / 2, 0.4))


def test_present_ref_accepts_the_anchor_day_only() -> None:
    gold = tm.Timex(0, 3, "DATE", "PRESENT_REF", "now")
    assert tm.value_correct(gold, tm.Predicted(0, 3, "2013-03-22", "now"), ANCHOR)
    assert not tm.value_correct(gold, tm.Predicted(0, 3, "2013-03-21", "now"), ANCHOR)
