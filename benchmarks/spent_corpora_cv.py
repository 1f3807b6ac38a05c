"""Does training on the spent blind corpora help on other events? Leave-one-event-out over the team events.

For each of the project's annotated events, fit the classifier on all other annotated events,
once without and once with the coding of ``eval/heldout`` to ``eval/heldout5`` added, and predict
the left-out event. Prints pooled and per-event macro-F1 of both. Temperature calibration is
skipped (it does not change the most probable class, so classifier-only figures are the shipped
model's). About 90 minutes on two cores::

    .venv/bin/python benchmarks/spent_corpora_cv.py
"""

from __future__ import annotations

import sys
from concurrent.futures import ProcessPoolExecutor

import numpy as np
from validate import ANNOTATIONS, PROFILE_DIRS, TRAINED_CORPORA  # the same training data as make model

from stance.annotations import load_annotations
from stance.classifier import StanceClassifier
from stance.metrics import score_labels
from stance.training import examples_for, resolve_profiles

TEAM = load_annotations(ANNOTATIONS)
EXTRA = load_annotations([str(corpus / "gold.jsonl") for corpus in TRAINED_CORPORA])
PROFILES = resolve_profiles(TEAM + EXTRA, profiles_dir=PROFILE_DIRS)
ROWS, EXTRA_ROWS = examples_for(TEAM, PROFILES), examples_for(EXTRA, PROFILES)
GOLD, EXTRA_GOLD = np.array([a.stance for a in TEAM]), np.array([a.stance for a in EXTRA])
EVENTS = np.array([a.event or "" for a in TEAM])


def _fold(task: tuple[str, bool]) -> tuple[np.ndarray, np.ndarray]:
    event, with_spent = task
    test, train = np.where(EVENTS == event)[0], np.where(EVENTS != event)[0]
    rows, gold = [ROWS[i] for i in train], GOLD[train]
    if with_spent:
        rows, gold = rows + EXTRA_ROWS, np.concatenate([gold, EXTRA_GOLD])
    model = StanceClassifier(calibration_folds=0).fit(rows, gold)
    return test, model.predict([ROWS[i] for i in test])


def main() -> None:
    events = sorted(set(EVENTS.tolist()))
    predicted = {}
    with ProcessPoolExecutor(2) as pool:
        for with_spent in (False, True):
            labels = np.empty(len(GOLD), dtype=object)
            for test, got in pool.map(_fold, [(e, with_spent) for e in events]):
                labels[test] = got
            predicted[with_spent] = labels
    print(f"{len(TEAM)} team sentences over {len(events)} events; {len(EXTRA)} spent-corpus sentences")
    for with_spent, labels in predicted.items():
        name = "with spent corpora" if with_spent else "without"
        print(f"{name:<20} macro-F1 {score_labels(GOLD.tolist(), labels.tolist()).macro_f1:.4f}")
    for event in events:
        index = EVENTS == event
        a, b = (score_labels(GOLD[index].tolist(), predicted[k][index].tolist()).macro_f1 for k in (False, True))
        print(f"  {event:<40} {a:.3f} -> {b:.3f}")


if __name__ == "__main__":
    sys.exit(main())
