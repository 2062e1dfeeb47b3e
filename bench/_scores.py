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


def macro_f1(gold: Sequence[Hashable], pred: Sequence[Hashable | None]) -> float:
    """Mean over the gold labels of each label's F1."""
    scores = []
    for label in sorted(set(gold), key=str):
        tp = sum(g == label and p == label for g, p in zip(gold, pred, strict=True))
        fp = sum(g != label and p == label for g, p in zip(gold, pred, strict=True))
        fn = sum(g == label and p != label for g, p in zip(gold, pred, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


__all__ = ["macro_f1", "prf"]
