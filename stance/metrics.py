"""Agreement and accuracy measures for comparing automatic coding with human coding.

Accuracy, macro-F1 and per-class precision/recall/F1 come from scikit-learn. Krippendorff's
alpha (nominal) is computed here from the coincidence matrix (Krippendorff 2004, ch. 11): it is
the measure content analysts report for inter-coder reliability, and it treats a machine as one
more coder. Values: 1 perfect agreement, 0 agreement at chance level, < 0 systematic
disagreement.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    precision_recall_fscore_support,
)

from stance.records import STANCES

__all__ = ["Scores", "score_labels", "krippendorff_alpha"]


@dataclass(frozen=True)
class Scores:
    """Agreement of predicted labels with gold labels on one set of sentences."""

    n: int
    accuracy: float
    macro_f1: float
    alpha: float
    per_class: dict[str, dict[str, float]]
    confusion: list[list[int]]
    labels: tuple[str, ...] = STANCES

    def to_dict(self) -> dict:
        return {
            "n": self.n,
            "accuracy": round(self.accuracy, 4),
            "macro_f1": round(self.macro_f1, 4),
            "krippendorff_alpha": round(self.alpha, 4),
            "per_class": {k: {m: round(v, 4) for m, v in d.items()} for k, d in self.per_class.items()},
            "confusion": {"labels": list(self.labels), "rows_gold_cols_pred": self.confusion},
        }


def score_labels(gold: Sequence[str], predicted: Sequence[str], labels=STANCES) -> Scores:
    """Compare predicted stance labels with gold labels (same order, same length)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    if not gold:
        raise ValueError("no labels to score")
    labels = tuple(labels)
    p, r, f, support = precision_recall_fscore_support(gold, predicted, labels=list(labels), zero_division=0)
    per_class = {
        label: {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(support[i]),
        }
        for i, label in enumerate(labels)
    }
    return Scores(
        n=len(gold),
        accuracy=float(accuracy_score(gold, predicted)),
        macro_f1=float(f1_score(gold, predicted, labels=list(labels), average="macro", zero_division=0)),
        alpha=krippendorff_alpha([list(gold), list(predicted)]),
        per_class=per_class,
        confusion=confusion_matrix(gold, predicted, labels=list(labels)).tolist(),
        labels=labels,
    )


def krippendorff_alpha(codings: Sequence[Sequence[str | None]]) -> float:
    """Krippendorff's alpha for nominal data.

    Parameters
    ----------
    codings
        One sequence per coder, aligned by unit; ``None`` marks a missing value.

    Examples
    --------
    >>> krippendorff_alpha([["a", "b", "a"], ["a", "b", "a"]])
    1.0
    """
    coincidence: Counter[tuple[str, str]] = Counter()
    for unit in zip(*codings, strict=True):
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        for i, a in enumerate(values):
            for j, b in enumerate(values):
                if i != j:
                    coincidence[(a, b)] += 1.0 / (m - 1)
    totals: Counter[str] = Counter()
    for (a, _), weight in coincidence.items():
        totals[a] += weight
    n = sum(totals.values())
    if n <= 1:
        return float("nan")
    observed = sum(w for (a, b), w in coincidence.items() if a != b)
    expected = sum(totals[a] * totals[b] for a in totals for b in totals if a != b) / (n - 1)
    if expected == 0:
        return 1.0
    return 1.0 - observed / expected
