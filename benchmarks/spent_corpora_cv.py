"""Does adding coded data to the training set help on other events? Leave-one-event-out check.

For each event of the project's annotation files (those not named in ``--base`` or ``--add``),
fit the classifier on all other annotated events (plus ``--base`` files, if given), once
without and once with the ``--add`` files, and predict the left-out event. Added sentences of
the left-out event are never trained on. Prints pooled and per-event macro-F1 of both arms.
Temperature calibration is skipped (it does not change the most probable class, so
classifier-only figures are the shipped model's).

Each arm took 65–70 minutes on two cores (about 5,000 training sentences per fold).
``--cache DIR`` stores an arm's predictions, so the arms can be run at different times
(``--arm base`` now, ``--arm with`` when the new data is written) and compared from the cache
(``--arm cached`` fits nothing; the test events, i.e. the files not named in ``--base`` or
``--add``, must be the ones the cached arms were made for).
The check of the first five spent corpora (default)::

    .venv/bin/python benchmarks/spent_corpora_cv.py

Whether the coding of heldout6, heldout7 and team_k should join the training data of ``make model``::

    .venv/bin/python benchmarks/spent_corpora_cv.py --cache /tmp/cv \\
        --base eval/heldout{,2,3,4,5}/gold.jsonl \\
        --add eval/heldout6/gold.jsonl eval/heldout7/gold.jsonl stance/data/annotations/team_k.jsonl

Since team_k is in the training set, name it in ``--base``: the test events stay the same 39,
and the base arm is the previous check's 'with' arm (same files in the same order, so its cached
predictions can be reused)::

    .venv/bin/python benchmarks/spent_corpora_cv.py --cache /tmp/cv2 --arm with \\
        --base eval/heldout{,2,3,4,5,6,7}/gold.jsonl stance/data/annotations/team_k.jsonl \\
        --add eval/heldout8/gold.jsonl stance/data/annotations/team_l.jsonl

and heldout9's coding the same way (base arm: that check's 'with' arm, copied to ``base.npy``;
2026-12-07: 0.7531 -> 0.7536, 14 events up, 20 down)::

    .venv/bin/python benchmarks/spent_corpora_cv.py --cache /tmp/cv3 --arm with \\
        --base eval/heldout{,2,3,4,5,6,7}/gold.jsonl stance/data/annotations/team_k.jsonl \\
        eval/heldout8/gold.jsonl stance/data/annotations/team_l.jsonl --add eval/heldout9/gold.jsonl
"""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from validate import ANNOTATIONS, ROOT, TRAINED_CORPORA

from stance.annotations import load_annotations
from stance.classifier import StanceClassifier
from stance.metrics import score_labels
from stance.training import examples_for, resolve_profiles

_DATA: dict = {}


def _load(base: list[str], add: list[str]) -> dict:
    """Examples, gold and events of the test annotations, the base extras and the added files."""
    extra = {str(Path(p).resolve()) for p in base + add}
    team_files = [p for p in ANNOTATIONS if str(Path(p).resolve()) not in extra]
    parts = {"team": load_annotations(team_files), "base": load_annotations(base), "add": load_annotations(add)}
    corpora = {Path(p).resolve().parent for p in base + add if Path(p).name == "gold.jsonl"}
    every = [a for items in parts.values() for a in items]
    directories = [ROOT / "eval" / "profiles", *(c / "profiles" for c in sorted(corpora))]
    profiles = resolve_profiles(every, profiles_dir=directories)
    data = {}
    for name, items in parts.items():
        gold, events = np.array([a.stance for a in items]), np.array([a.event or "" for a in items])
        data[name] = (examples_for(items, profiles), gold, events)
    return data


def _init(base: list[str], add: list[str]) -> None:
    """Load the examples once per process: a forked worker inherits the parent's, a spawned one loads."""
    if not _DATA:
        _DATA.update(_load(base, add))


def _fold(task: tuple[str, str]) -> tuple[np.ndarray, np.ndarray]:
    event, arm = task
    rows, gold, events = _DATA["team"]
    test, train = np.where(events == event)[0], np.where(events != event)[0]
    fit_rows, fit_gold = [rows[i] for i in train], [gold[train]]
    for part in ("base", "add") if arm == "with" else ("base",):
        extra_rows, extra_gold, extra_events = _DATA[part]
        keep = np.where(extra_events != event)[0]
        fit_rows += [extra_rows[i] for i in keep]
        fit_gold.append(extra_gold[keep])
    model = StanceClassifier(calibration_folds=0).fit(fit_rows, np.concatenate(fit_gold))
    return test, model.predict([rows[i] for i in test])


def _run_arm(arm: str, base: list[str], add: list[str], jobs: int) -> np.ndarray:
    gold, events = _DATA["team"][1], _DATA["team"][2]
    labels = np.empty(len(gold), dtype=object)
    with ProcessPoolExecutor(jobs, initializer=_init, initargs=(base, add)) as pool:
        for test, got in pool.map(_fold, [(e, arm) for e in sorted(set(events.tolist()))]):
            labels[test] = got
    return labels


def _report(predicted: dict[str, np.ndarray]) -> None:
    gold, events = _DATA["team"][1], _DATA["team"][2]
    sizes = {name: len(_DATA[name][1]) for name in ("team", "base", "add")}
    n_events = len(set(events.tolist()))
    print(f"{sizes['team']} test sentences over {n_events} events; base extras {sizes['base']}, added {sizes['add']}")
    for arm, labels in predicted.items():
        print(f"{arm:<6} macro-F1 {score_labels(gold.tolist(), labels.tolist()).macro_f1:.4f}")
    if len(predicted) < 2:
        return
    up = down = 0
    for event in sorted(set(events.tolist())):
        index = events == event
        a, b = (score_labels(gold[index].tolist(), predicted[k][index].tolist()).macro_f1 for k in ("base", "with"))
        up, down = up + (b > a), down + (b < a)
        print(f"  {event:<40} {a:.3f} -> {b:.3f}")
    print(f"events up {up}, down {down}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", nargs="*", default=[], help="coded files in the training set of both arms")
    parser.add_argument(
        "--add", nargs="*", default=None, help="coded files the 'with' arm adds (default: the first five spent corpora)"
    )
    parser.add_argument(
        "--arm", choices=("base", "with", "both", "cached"), default="both",
        help="arm(s) to fit; the others are read from --cache ('cached': fit nothing, compare the stored arms)",
    )
    parser.add_argument("--cache", type=Path, help="directory keeping each arm's predictions")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    add = args.add if args.add is not None else [str(c / "gold.jsonl") for c in TRAINED_CORPORA[:5]]
    _init(args.base, add)
    predicted = {}
    for arm in ("base", "with"):
        cached = args.cache / f"{arm}.npy" if args.cache else None
        if args.arm in (arm, "both"):
            predicted[arm] = _run_arm(arm, args.base, add, args.jobs)
            if cached:
                cached.parent.mkdir(parents=True, exist_ok=True)
                np.save(cached, predicted[arm].astype(str))
        elif cached and cached.is_file():
            predicted[arm] = np.load(cached).astype(object)
    _report(predicted)
    return 0


if __name__ == "__main__":
    sys.exit(main())
