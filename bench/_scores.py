"""Scores shared by the benchmarks."""

from __future__ import annotations

from collections.abc import Hashable, Sequence


def prf(right_pred: int, pred: int, right_gold: int, gold: int) -> tuple[float, float, float]:
    """Precision (right predictions / predictions), recall (found gold / gold) and their F1.

    The two numerators differ where matching is not one-to-one (span overlap); pass the same
    count twice otherwise.
    """
    p = right_pred / pred if pred else 0.0
    r = right_gold / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# How the tables name this score, so that no reader takes it for scikit-learn's default macro-F1.
MACRO_F1_NAME = "macro-F1 (gold labels)"
MACRO_F1_NOTE = (
    "macro-F1 (gold labels): the mean of each gold label's F1; a label only ever predicted "
    "is not averaged in (scikit-learn's f1_score(average='macro') averages over gold and "
    "predicted labels, which is lower when the system invents labels)"
)


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable | None]) -> float:
    """Mean over the gold labels of each label's F1 (``MACRO_F1_NOTE``).

    A predicted label that never occurs in the gold is a false positive of no gold label, so
    it lowers no score here; scikit-learn's ``average="macro"`` averages in a 0 for it: on gold
    ``[a, a, b]`` and predictions ``[a, c, b]`` this gives 0.833, scikit-learn 0.556.
    """
    scores = []
    for label in sorted(set(gold), key=str):
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def pct(right: int, total: int, width: int = 7) -> str:
    """A share as a right-aligned percentage column, or a dash when there is nothing to share."""
    return f"{right / total:>{width}.1%}" if total else f"{'-':>{width}}"


__all__ = ["MACRO_F1_NAME", "MACRO_F1_NOTE", "macro_f1", "pct", "prf"]
