"""Measure the shipped model and write the figures the report's method section quotes.

Two kinds of figures, never mixed up:

* cross-validation on the training data (the project's annotations and the coding of the
  spent blind corpora ``eval/heldout`` to ``eval/heldout9``), grouped by event
  (leave-one-event-out), for every method (VADER-only, lexicon-only, classifier-only, blend):
  each figure comes from events the classifier was not trained on;
* the blind corpus of ``HELDOUT_CORPORA`` (``eval/heldout10``: articles on three events, coded by
  a teammate who never saw the rules), run end to end through the pipeline with the shipped
  model, which was not trained on it: voice attribution accuracy and stance. On the nine spent
  corpora only voice accuracy is measured end to end (their stance coding is training data, and
  the attribution rules were tuned on their voice errors after their blind runs).

Writes ``stance/data/model/validation.json`` and prints the same table::

    .venv/bin/python benchmarks/validate.py                  # everything (about 110 minutes, 2 cores)
    .venv/bin/python benchmarks/validate.py --held-out-only  # the end-to-end figures only
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from stance.evaluation import compare_methods, evaluate_articles
from stance.modelio import default_model

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = sorted(str(p) for p in (ROOT / "stance/data/annotations").glob("*.jsonl"))
#: Blind corpora spent as tests, whose coding is now training data (``make model``): each was
#: measured end to end before that (figures in docs/method.md).
TRAINED_CORPORA = tuple(ROOT / "eval" / ("heldout" + suffix) for suffix in ("", "2", "3", "4", "5", "6", "7", "8", "9"))
#: Blind corpora never trained or tuned on, written by a teammate who saw neither rules, lexicon,
#: model nor training data.
#: eval/heldout10 was measured blind once on 2026-12-07 (classifier 0.704, voice 0.933).
#: (eval/heldout11 is written and waits, unread and unmeasured, for the next blind run.)
HELDOUT_CORPORA = (ROOT / "eval" / "heldout10",)
#: Blind corpora measured once, then studied: the attribution rules were tuned on their voice
#: errors, but the stance model was never trained on their coding. (eval/heldout9, measured
#: blind once at classifier 0.709, voice 0.907, became training data on 2026-12-07.)
STUDIED_CORPORA: tuple[Path, ...] = ()
#: Spent corpora whose voice errors the attribution rules were also tuned on. On 2026-12-07 the
#: unnamed-government rule was written from the errors of every spent corpus, so all are here.
VOICE_STUDIED = TRAINED_CORPORA
_BLIND = "never trained or tuned on"
_STUDIED = "stance model never trained on it; attribution rules tuned on its voice errors after its blind run"
TRAINING = ANNOTATIONS + [str(corpus / "gold.jsonl") for corpus in TRAINED_CORPORA]
PROFILE_DIRS = [ROOT / "eval" / "profiles", *(corpus / "profiles" for corpus in TRAINED_CORPORA)]
OUT = ROOT / "stance" / "data" / "model" / "validation.json"


def _heldout_figures(corpus: Path, model, status: str = _BLIND) -> list[dict]:
    """End-to-end figures on one held-out corpus: stance per rule, voice accuracy, VADER baseline."""
    figures = []
    for rule in ("blend", "classifier", "lexicon"):
        result = _end_to_end(corpus, model, rule)
        held = f"held-out corpus eval/{corpus.name}: {_described(corpus, result)}; {status}"
        figures.append({"name": f"macro-F1 end to end, {rule}", "value": result["stance"]["macro_f1"], "note": held})
    figures.append({"name": "voice attribution accuracy", "value": result["voice_accuracy"], "note": held})
    figures.append({"name": "macro-F1, VADER-only", "value": result["baseline_vader"]["macro_f1"], "note": held})
    return figures


def _voice_figure(corpus: Path, model) -> dict:
    """Voice accuracy end to end on a spent corpus (its stance coding is training data)."""
    result = _end_to_end(corpus, model, "classifier")
    tuned = "tuned on its voice errors after its blind run" if corpus in VOICE_STUDIED else "never tuned on it"
    described = _described(corpus, result)
    note = f"eval/{corpus.name}: {described}; attribution rules {tuned} (its stance coding is training data)"
    return {"name": "voice attribution accuracy", "value": result["voice_accuracy"], "note": note}


def _end_to_end(corpus: Path, model, rule: str) -> dict:
    return evaluate_articles(
        [str(corpus / "articles")],
        str(corpus / "gold.jsonl"),
        profiles_dir=corpus / "profiles",
        model=model,
        rule=rule,
    )


def _training_size() -> tuple[int, int]:
    """Sentences and events of the current training set (``TRAINING``)."""
    lines = [line for path in TRAINING for line in Path(path).read_text("utf-8").splitlines() if line.strip()]
    return len(lines), len({json.loads(line).get("event") for line in lines})


def _cv_note(n: int, events: int) -> str:
    return f"leave-one-event-out cross-validation, {n} coded sentences, {events} events"


def _kept_cv_figure(figure: dict, n: int, events: int) -> dict:
    """A stored cross-validation figure, marked when the training set (``n`` sentences, ``events``
    events now) has changed since it was made.

    The full cross-validation takes hours; ``--held-out-only`` keeps the stored one, and a figure
    must not pass for the current model's when that model was trained on more data.
    """
    if figure["note"].startswith(_cv_note(n, events)):
        return figure
    made = figure["note"].split(_EARLIER)[0]  # a mark from an earlier run names an older model
    now = f"the shipped model is trained on {n} sentences, {events} events"
    return {**figure, "note": f"{made}{_EARLIER}({now})"}


_EARLIER = "; made for an earlier training set "


def _described(corpus: Path, result: dict) -> str:
    n_articles = len(list((corpus / "articles").glob("*.md")))
    events = {json.loads(line)["event"] for line in (corpus / "gold.jsonl").read_text("utf-8").splitlines()}
    return f"{result['matched']} sentences, {n_articles} articles, {len(events)} events"


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--held-out-only",
        action="store_true",
        help="keep the cross-validation figures of the existing file (they depend only on the "
        "annotations and the classifier) and measure the held-out corpora again (after a change "
        "to attribution, lexicon or pipeline)",
    )
    parser.add_argument("--jobs", type=int, default=2, help="cross-validation folds fitted at a time")
    args = parser.parse_args(argv)
    if args.held_out_only:
        size = _training_size()
        stored = json.loads(OUT.read_text("utf-8"))
        figures = [_kept_cv_figure(f, *size) for f in stored if "cross-validation" in f["note"]]
        per_group = {}
    else:
        comparison = compare_methods(TRAINING, profiles_dir=PROFILE_DIRS, folds=999, jobs=args.jobs)
        n_events = len(comparison["per_group_macro_f1"])
        note = _cv_note(comparison["n"], n_events)
        figures = [
            {"name": f"macro-F1, {name}", "value": scores["macro_f1"], "note": note}
            for name, scores in comparison["methods"].items()
        ]
        per_group = comparison["per_group_macro_f1"]
    model = default_model()
    for corpus in HELDOUT_CORPORA:
        figures += _heldout_figures(corpus, model)
    for corpus in STUDIED_CORPORA:
        figures += _heldout_figures(corpus, model, _STUDIED)
    figures += [_voice_figure(corpus, model) for corpus in TRAINED_CORPORA]
    OUT.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    for figure in figures:
        # stored at 4 decimals; printed the same (rounding the stored value again to 3 could round up twice)
        print(f"{figure['name']:<42} {figure['value']:.4f}   {figure['note']}")
    if per_group:
        print("per event (leave-one-event-out macro-F1):")
    for group, values in per_group.items():
        print(f"  {group:<32} " + "  ".join(f"{k}={v:.3f}" for k, v in values.items()))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
