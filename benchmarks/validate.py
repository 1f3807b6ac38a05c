"""Measure the shipped model and write the figures the report's method section quotes.

Two kinds of figures, never mixed up:

* cross-validation on the project's annotations, grouped by event (leave-one-event-out), for
  every method (VADER-only, lexicon-only, classifier-only, blend): each figure comes from events
  the classifier was not trained on;
* the held-out corpus ``eval/heldout`` (six articles on three events, coded by a teammate who
  never saw the rules), run end to end through the pipeline with the shipped model, which was
  not trained on it: voice attribution accuracy and stance.

Writes ``stance/data/model/validation.json`` and prints the same table::

    .venv/bin/python benchmarks/validate.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from stance.evaluation import compare_methods, evaluate_articles
from stance.modelio import default_model

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = sorted(str(p) for p in (ROOT / "stance/data/annotations").glob("*.jsonl"))
HELDOUT = ROOT / "eval" / "heldout"
OUT = ROOT / "stance" / "data" / "model" / "validation.json"


def main() -> None:
    figures = []
    comparison = compare_methods(ANNOTATIONS, profiles_dir=ROOT / "eval/profiles", folds=99)
    n_events = len(comparison["per_group_macro_f1"])
    note = f"leave-one-event-out cross-validation, {comparison['n']} coded sentences, {n_events} events"
    for name, scores in comparison["methods"].items():
        figures.append({"name": f"macro-F1, {name}", "value": scores["macro_f1"], "note": note})
    model = default_model()
    for rule in ("blend", "classifier", "lexicon"):
        result = evaluate_articles(
            [str(HELDOUT / "articles")],
            str(HELDOUT / "gold.jsonl"),
            profiles_dir=HELDOUT / "profiles",
            model=model,
            rule=rule,
        )
        held = f"held-out corpus: {result['matched']} sentences, 6 articles, 3 events never trained or tuned on"
        figures.append({"name": f"macro-F1 end to end, {rule}", "value": result["stance"]["macro_f1"], "note": held})
    figures.append({"name": "voice attribution accuracy", "value": result["voice_accuracy"], "note": held})
    figures.append({"name": "macro-F1, VADER-only", "value": result["baseline_vader"]["macro_f1"], "note": held})
    OUT.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for figure in figures:
        print(f"{figure['name']:<42} {figure['value']:.3f}   {figure['note']}")
    print("per event (leave-one-event-out macro-F1):")
    for group, values in comparison["per_group_macro_f1"].items():
        print(f"  {group:<32} " + "  ".join(f"{k}={v:.3f}" for k, v in values.items()))


if __name__ == "__main__":
    sys.exit(main())
