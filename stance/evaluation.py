"""Validate automatic coding against human coding, and human coders against each other.

Three questions a researcher asks, three functions:

* :func:`evaluate_files` — how well does the shipped (or my) model code these sentences?
  Warns when the sentences were part of the model's training data, because then the figures
  describe fit, not validity.
* :func:`compare_methods` — which method should I trust? VADER-only, lexicon-only,
  classifier-only and the combination, under cross-validation grouped by event (or by document
  when there are too few events), so no document — and no event — is in both the training and
  the test side of a fold.
* :func:`coder_agreement` — do two coders agree (Krippendorff's alpha)?

:func:`evaluate_articles` runs the whole pipeline on coded articles and scores voice
attribution and stance end to end.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from stance.annotations import Annotation, load_annotations
from stance.engines import ignore_interrupts, process_context
from stance.lexicon import LexiconScorer, vader_stance
from stance.metrics import krippendorff_alpha, score_labels
from stance.pipeline import DEFAULT_RULE, combine
from stance.training import examples_for, fit_classifier, resolve_profiles, text_hash

__all__ = [
    "evaluate_files",
    "compare_methods",
    "coder_agreement",
    "is_two_coders",
    "evaluate_articles",
    "format_result",
]


def _lexicon_scores(annotations: Sequence[Annotation], profiles: dict) -> list:
    return [LexiconScorer.from_profile(profiles.get(a.event)).score(a.text, a.voice or "outlet") for a in annotations]


def _predict(model, rows: list[dict], lexicon: list, rule: str) -> list[str]:
    if model is None or rule == "lexicon":
        return [lex.stance for lex in lexicon]
    classes = [str(c) for c in model.classes_]
    probas = [dict(zip(classes, map(float, p), strict=True)) for p in model.predict_proba(rows)]
    return [combine(lex, proba, rule).stance for lex, proba in zip(lexicon, probas, strict=True)]


def evaluate_files(
    paths: Sequence[str],
    model=None,
    rule: str = DEFAULT_RULE,
    *,
    profiles_dir: str | Path | Sequence[str | Path] | None = None,
    profile: str | None = None,
) -> dict:
    """Score the pipeline's stance decision against the gold labels in annotation files."""
    annotations = load_annotations(paths)
    profiles = resolve_profiles(annotations, profile=profile, profiles_dir=profiles_dir)
    lexicon = _lexicon_scores(annotations, profiles)
    rows = examples_for(annotations, profiles) if model is not None else []
    gold = [a.stance for a in annotations]
    predicted = _predict(model, rows, lexicon, rule)
    result = {
        "kind": "evaluation",
        "files": list(paths),
        "method": rule if model is not None else "lexicon",
        "scores": score_labels(gold, predicted).to_dict(),
        "baseline_vader": score_labels(gold, [vader_stance(a.text)[0] for a in annotations]).to_dict(),
    }
    seen = _training_overlap(model, annotations)
    if seen:
        result["warning"] = (
            f"{seen} of {len(annotations)} sentences were in the model's training data: "
            "these figures describe fit, not validity (use --compare or held-out files)"
        )
    return result


def _training_overlap(model, annotations: Sequence[Annotation]) -> int:
    hashes = set(getattr(model, "training_hashes_", ()) or ())
    return sum(text_hash(a.text) in hashes for a in annotations) if hashes else 0


#: Fewest events for grouping folds by event; below it folds are grouped by document.
MIN_EVENTS_FOR_EVENT_FOLDS = 3


def _groups(annotations: Sequence[Annotation]) -> tuple[np.ndarray, str]:
    """Fold groups: events when there are enough of them (stricter), else documents."""
    events = [a.event or "" for a in annotations]
    if len(set(events)) >= MIN_EVENTS_FOR_EVENT_FOLDS:
        return np.array(events), "event"
    return np.array([a.group for a in annotations]), "document"


def compare_methods(
    paths: Sequence[str],
    *,
    profiles_dir: str | Path | Sequence[str | Path] | None = None,
    profile: str | None = None,
    folds: int = 5,
    jobs: int = 1,
) -> dict:
    """Grouped cross-validation of VADER-only, lexicon-only, classifier-only and the blend.

    ``jobs`` > 1 fits that many folds at a time in worker processes; the figures are the same
    as with one (every fold's fit is deterministic and its own).
    """
    annotations = load_annotations(paths)
    profiles = resolve_profiles(annotations, profile=profile, profiles_dir=profiles_dir)
    groups, unit = _groups(annotations)
    folds = min(folds, len(set(groups)))
    if folds < 2:
        raise ValueError("need at least two documents or events for cross-validation")
    rows = examples_for(annotations, profiles)
    lexicon = _lexicon_scores(annotations, profiles)
    gold = np.array([a.stance for a in annotations])
    splits = list(GroupKFold(n_splits=folds).split(rows, gold, groups))
    tasks = [
        ([annotations[i] for i in train], profiles, [rows[i] for i in test], [lexicon[i] for i in test])
        for train, test in splits
    ]
    predicted: dict[str, list[str | None]] = {m: [None] * len(annotations) for m in _CV_RULES}
    for (_, test), labels in zip(splits, _map_folds(tasks, jobs), strict=True):
        for rule, rule_labels in labels.items():
            for i, label in zip(test, rule_labels, strict=True):
                predicted[rule][i] = label
    methods = {
        "vader_only": [vader_stance(a.text)[0] for a in annotations],
        "lexicon_only": [lex.stance for lex in lexicon],
        "classifier_only (default)": predicted["classifier"],
        "blend": predicted["blend"],
    }
    gold_list = gold.tolist()
    return {
        "kind": "comparison",
        "files": list(paths),
        "validation": f"{folds}-fold cross-validation grouped by {unit} (no {unit} in both train and test)",
        "n": len(annotations),
        "methods": {name: score_labels(gold_list, labels).to_dict() for name, labels in methods.items()},
        "per_group_macro_f1": _per_group(gold_list, methods, groups),
    }


#: The rules cross-validation fits a classifier for (VADER and the lexicon need no fitting).
_CV_RULES = ("classifier", "blend")


def _fold_labels(task: tuple) -> dict[str, list[str]]:
    """Fit on one fold's training sentences; the test rows' labels under each rule of :data:`_CV_RULES`."""
    train, profiles, test_rows, test_lexicon = task
    model = fit_classifier(train, profiles)
    return {rule: _predict(model, test_rows, test_lexicon, rule) for rule in _CV_RULES}


def _map_folds(tasks: list[tuple], jobs: int) -> Iterator[dict[str, list[str]]]:
    """:func:`_fold_labels` of every task, in order; ``jobs`` worker processes when above 1."""
    if jobs <= 1 or len(tasks) < 2:
        yield from map(_fold_labels, tasks)
        return
    workers = min(jobs, len(tasks))
    with ProcessPoolExecutor(workers, mp_context=process_context(), initializer=ignore_interrupts) as pool:
        yield from pool.map(_fold_labels, tasks)


def _per_group(gold: list[str], methods: dict, groups: np.ndarray) -> dict:
    out: dict[str, dict[str, float]] = {}
    for group in sorted(set(groups.tolist())):
        index = [i for i, g in enumerate(groups.tolist()) if g == group]
        out[group] = {
            name: round(score_labels([gold[i] for i in index], [labels[i] for i in index]).macro_f1, 4)
            for name, labels in methods.items()
        }
    return out


def is_two_coders(paths: Sequence[str]) -> bool:
    """True when two files code the same sentences by different coders."""
    if len(paths) != 2:
        return False
    a, b = (load_annotations([p]) for p in paths)
    coders_a, coders_b = {x.coder for x in a}, {x.coder for x in b}
    shared = {text_hash(x.text) for x in a} & {text_hash(x.text) for x in b}
    return coders_a != coders_b and len(shared) >= 0.5 * min(len(a), len(b))


def coder_agreement(path_a: str, path_b: str) -> dict:
    """Agreement of two coders on the sentences both coded (matched by document and text)."""
    a, b = load_annotations([path_a]), load_annotations([path_b])
    index_b = {(x.doc_id, text_hash(x.text)): x for x in b}
    pairs = [(x, index_b[(x.doc_id, text_hash(x.text))]) for x in a if (x.doc_id, text_hash(x.text)) in index_b]
    if not pairs:
        raise ValueError("the two files share no sentences (matched by doc_id and text)")
    first, second = [p[0].stance for p in pairs], [p[1].stance for p in pairs]
    scores = score_labels(first, second)
    result = {
        "kind": "agreement",
        "files": [path_a, path_b],
        "coders": [sorted({str(x.coder) for x in a}), sorted({str(x.coder) for x in b})],
        "matched": len(pairs),
        "unmatched": len(a) + len(b) - 2 * len(pairs),
        "percent_agreement": round(scores.accuracy, 4),
        "krippendorff_alpha": round(krippendorff_alpha([first, second]), 4),
        "confusion": scores.to_dict()["confusion"],
    }
    voices = [(p[0].voice, p[1].voice) for p in pairs if p[0].voice and p[1].voice]
    if voices:
        result["voice_agreement"] = round(sum(x == y for x, y in voices) / len(voices), 4)
    return result


def evaluate_articles(
    article_paths: Sequence[str],
    gold_path: str,
    *,
    profiles_dir: str | Path | Sequence[str | Path] | None = None,
    model=None,
    rule: str = DEFAULT_RULE,
) -> dict:
    """Run the pipeline on coded articles; score voice attribution and stance end to end.

    Gold sentences are matched to records by document id and text; a gold sentence the
    splitter cut differently counts as unmatched (reported, never silently dropped).
    """
    from stance.corpus import iter_articles
    from stance.pipeline import Analyzer

    gold = load_annotations([gold_path])
    profiles = resolve_profiles(gold, profiles_dir=profiles_dir)
    by_doc = {(a.doc_id, text_hash(a.text)): a for a in gold}
    event_of = {a.doc_id: a.event for a in gold}
    pairs = []
    analyzers: dict = {}
    for article in iter_articles(article_paths):
        event = event_of.get(article.id)
        if event not in profiles:
            continue
        analyzer = analyzers.setdefault(event, Analyzer(profiles[event], model, rule))
        for record in analyzer.analyze_article(article):
            item = by_doc.get((article.id, text_hash(record.text)))
            if item is not None:
                pairs.append((item, record))
    if not pairs:
        raise ValueError("no gold sentence matched a record (check doc ids and texts)")
    voice_pairs = [(g.voice, r.voice) for g, r in pairs if g.voice]
    return {
        "kind": "articles",
        "files": [gold_path, *article_paths],
        "matched": len(pairs),
        "unmatched_gold": len(gold) - len(pairs),
        "voice_accuracy": round(sum(g == r for g, r in voice_pairs) / max(1, len(voice_pairs)), 4),
        "voice_confusions": Counter(f"{g}->{r}" for g, r in voice_pairs if g != r).most_common(10),
        "stance": score_labels([g.stance for g, _ in pairs], [r.stance for _, r in pairs]).to_dict(),
        "baseline_vader": score_labels(
            [g.stance for g, _ in pairs], [vader_stance(r.text)[0] for _, r in pairs]
        ).to_dict(),
    }


def format_result(result: dict) -> str:
    """A plain-text rendering of any result dict above."""
    formatter = {
        "comparison": _format_comparison,
        "agreement": _format_agreement,
        "articles": _format_articles,
    }.get(result.get("kind"), _format_evaluation)
    lines = [f"files: {', '.join(result.get('files', []))}", *formatter(result)]
    if "warning" in result:
        lines.append(f"warning: {result['warning']}")
    return "\n".join(lines)


def _format_comparison(result: dict) -> list[str]:
    lines = [f"validation: {result['validation']}; n = {result['n']}"]
    lines.append(f"{'method':<26} {'accuracy':>8} {'macro-F1':>8} {'alpha':>7}")
    for name, s in result["methods"].items():
        lines.append(f"{name:<26} {s['accuracy']:>8.3f} {s['macro_f1']:>8.3f} {s['krippendorff_alpha']:>7.3f}")
    lines.append("macro-F1 per held-out group:")
    for group, values in result["per_group_macro_f1"].items():
        lines.append(f"  {group:<30} " + "  ".join(f"{k}={v:.3f}" for k, v in values.items()))
    return lines


def _format_agreement(result: dict) -> list[str]:
    first, second = result["coders"]
    lines = [
        f"coders: {first} vs {second}; matched {result['matched']}, unmatched {result['unmatched']}",
        f"percent agreement {result['percent_agreement']:.3f}; Krippendorff's alpha {result['krippendorff_alpha']:.3f}",
    ]
    if "voice_agreement" in result:
        lines.append(f"voice agreement {result['voice_agreement']:.3f}")
    return lines + _confusion_lines(result["confusion"])


def _format_articles(result: dict) -> list[str]:
    lines = [
        f"matched {result['matched']} sentences ({result['unmatched_gold']} gold sentences unmatched)",
        f"voice accuracy {result['voice_accuracy']:.3f}",
    ]
    for confusion, count in result["voice_confusions"]:
        lines.append(f"  voice error {confusion}: {count}")
    lines += _scores_lines("stance", result["stance"])
    return lines + _scores_lines("VADER-only baseline", result["baseline_vader"], short=True)


def _format_evaluation(result: dict) -> list[str]:
    lines = _scores_lines(result.get("method", ""), result["scores"])
    return lines + _scores_lines("VADER-only baseline", result["baseline_vader"], short=True)


def _scores_lines(name: str, s: dict, short: bool = False) -> list[str]:
    lines = [
        f"{name}: n = {s['n']}, accuracy {s['accuracy']:.3f}, macro-F1 {s['macro_f1']:.3f}, "
        f"Krippendorff's alpha {s['krippendorff_alpha']:.3f}"
    ]
    if short:
        return lines
    lines.append(f"  {'class':<8} {'precision':>9} {'recall':>7} {'F1':>6} {'n':>5}")
    for label, m in s["per_class"].items():
        lines.append(f"  {label:<8} {m['precision']:>9.3f} {m['recall']:>7.3f} {m['f1']:>6.3f} {m['support']:>5}")
    return lines + _confusion_lines(s["confusion"])


def _confusion_lines(confusion: dict) -> list[str]:
    labels = confusion["labels"]
    lines = ["  confusion (rows gold, columns predicted): " + " ".join(f"{label:>8}" for label in labels)]
    for label, row in zip(labels, confusion["rows_gold_cols_pred"], strict=True):
        lines.append(f"  {label:>41} " + " ".join(f"{v:>8}" for v in row))
    return lines
