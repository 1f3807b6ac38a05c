"""Would reversing favor and against help on an event whose target steps away from a partner?

For targets such as "the Maldives' demand that Indian troops leave", one might let a profile say
"this target is a step away" and report the opposite of the model's stance. This script tests
that idea on one annotated event without building it: it fits the classifier on every *other*
event of the training set (the project's annotations and the spent corpora's coding, as `make
model` does), predicts the event, and prints macro-F1 of the predictions as they are and with
favor and against swapped, for the classifier and the lexicon.

    .venv/bin/python benchmarks/direction_flip.py maldives-india-troop-withdrawal

Measured 2026-12-07 with the 5,788-sentence training set: classifier 0.645 as it is, 0.439
flipped; lexicon 0.542 and 0.276 (docs/method.md, section 5). Takes about two minutes.
"""

from __future__ import annotations

import argparse
import sys

from validate import PROFILE_DIRS, TRAINING

from stance.annotations import load_annotations
from stance.classifier import StanceClassifier
from stance.lexicon import LexiconScorer
from stance.metrics import score_labels
from stance.training import examples_for, resolve_profiles

SWAPPED = {"favor": "against", "against": "favor", "neutral": "neutral"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("event", help="an annotated event id (its profile in eval/profiles or a spent corpus)")
    args = parser.parse_args(argv)
    annotations = load_annotations(TRAINING)
    profiles = resolve_profiles(annotations, profiles_dir=PROFILE_DIRS)
    test = [a for a in annotations if a.event == args.event]
    if not test:
        parser.error(f"no annotated sentence has event {args.event!r}")
    train = [a for a in annotations if a.event != args.event]
    gold = [a.stance for a in test]
    model = StanceClassifier(calibration_folds=0).fit(examples_for(train, profiles), [a.stance for a in train])
    scorer = LexiconScorer.from_profile(profiles[args.event])
    predicted = {
        "classifier": [str(p) for p in model.predict(examples_for(test, profiles))],
        "lexicon": [scorer.score(a.text, a.voice or "outlet").stance for a in test],
    }
    print(f"{args.event}: {len(test)} sentences; trained on {len(train)} of other events")
    for method, labels in predicted.items():
        as_is = score_labels(gold, labels).macro_f1
        flipped = score_labels(gold, [SWAPPED[x] for x in labels]).macro_f1
        print(f"{method:<11} macro-F1 as it is {as_is:.3f}, favor/against swapped {flipped:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
