"""bench/_scores.py: the macro-F1 the tables report is the mean over gold labels only."""

from _scores import MACRO_F1_NAME, MACRO_F1_NOTE, macro_f1


def test_macro_f1_averages_over_gold_labels_only() -> None:
    gold, pred = ["a", "a", "b"], ["a", "c", "b"]
    # a: F1 2/3, b: F1 1; the invented label c is not averaged in (scikit-learn: 0.556).
    assert round(macro_f1(gold, pred), 3) == 0.833
    assert macro_f1(["a"], [None]) == 0.0
    assert macro_f1([], []) == 0.0
    assert "gold labels" in MACRO_F1_NAME and "scikit-learn" in MACRO_F1_NOTE
