"""Evaluation: grouped cross-validation without leakage, agreement, end-to-end scoring."""

from __future__ import annotations

import json

import numpy as np
import pytest

from stance import evaluation
from stance.annotations import Annotation

FAVOR = ["welcomed the historic agreement", "praised the landmark partnership", "hailed the vital step"]
AGAINST = ["warned it will exacerbate tensions", "condemned the dangerous provocation", "said it undermines stability"]
NEUTRAL = ["said the office opens in May", "noted the process takes six weeks", "said the talks were on Monday"]


def write_events(tmp_path, events=("e1", "e2", "e3", "e4")):
    path = tmp_path / "coding.jsonl"
    lines = []
    for e, event in enumerate(events):
        for d in range(2):
            for label, phrases in (("favor", FAVOR), ("against", AGAINST), ("neutral", NEUTRAL)):
                for k, phrase in enumerate(phrases):
                    text = f"Minister {e}{d}{k} {phrase}."
                    lines.append({"text": text, "stance": label, "doc_id": f"{event}-{d}", "event": event})
    path.write_text("".join(json.dumps(x) + "\n" for x in lines))
    return path


def test_groups_by_event_when_there_are_enough_events():
    items = [Annotation("t", "favor", doc_id=f"d{i}", event=f"e{i % 3}") for i in range(6)]
    groups, unit = evaluation._groups(items)
    assert unit == "event" and set(groups) == {"e0", "e1", "e2"}
    few = [Annotation("t", "favor", doc_id=f"d{i}", event="e") for i in range(4)]
    groups, unit = evaluation._groups(few)
    assert unit == "document" and len(set(groups)) == 4


def test_compare_methods_leave_one_event_out(tmp_path, monkeypatch):
    path = write_events(tmp_path)
    seen_splits = []
    original = evaluation.fit_classifier

    def spy(train_items, profiles, **params):
        seen_splits.append({a.event for a in train_items})
        return original(train_items, profiles, **params)

    monkeypatch.setattr(evaluation, "fit_classifier", spy)
    result = evaluation.compare_methods([str(path)], profile="korea-nato", folds=99)
    assert result["n"] == 72 and "grouped by event" in result["validation"]
    assert set(result["methods"]) == {"vader_only", "lexicon_only", "classifier_only (default)", "blend"}
    # four folds, each trained on exactly the three other events: no event on both sides
    assert sorted(len(s) for s in seen_splits) == [3, 3, 3, 3]
    assert set.union(*seen_splits) == {"e1", "e2", "e3", "e4"}
    assert set(result["per_group_macro_f1"]) == {"e1", "e2", "e3", "e4"}


def test_compare_methods_in_worker_processes_gives_the_same_figures(tmp_path):
    path = write_events(tmp_path)
    one = evaluation.compare_methods([str(path)], profile="korea-nato", folds=99)
    two = evaluation.compare_methods([str(path)], profile="korea-nato", folds=99, jobs=2)
    assert one == two


def test_evaluate_compare_on_the_command_line_with_jobs(tmp_path):
    from click.testing import CliRunner

    from stance.cli import cli

    path = write_events(tmp_path)
    args = ["evaluate", str(path), "--profile", "korea-nato", "--compare", "--folds", "4", "--format", "json"]
    one = CliRunner().invoke(cli, args)
    two = CliRunner().invoke(cli, [*args, "--jobs", "2"])
    assert one.exit_code == 0 and two.exit_code == 0, one.output + two.output
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert CliRunner().invoke(cli, [*args, "--jobs", "0"]).exit_code == 2


def test_evaluate_files_reports_metrics_and_baseline(tmp_path):
    path = write_events(tmp_path, events=("e1",))
    result = evaluation.evaluate_files([str(path)], None, profile="korea-nato")
    assert result["method"] == "lexicon" and result["scores"]["n"] == 18
    assert 0 <= result["scores"]["macro_f1"] <= 1 and "baseline_vader" in result
    text = evaluation.format_result(result)
    assert "confusion" in text and "VADER-only baseline" in text


def test_end_to_end_on_the_heldout_corpus_matches_every_gold_sentence():
    result = evaluation.evaluate_articles(
        ["eval/heldout/articles"], "eval/heldout/gold.jsonl", profiles_dir="eval/heldout/profiles"
    )
    assert result["unmatched_gold"] == 0 and result["matched"] == 136
    # generality of attribution on articles the rules were never tuned on (issue goal: >= 0.90)
    assert result["voice_accuracy"] >= 0.90


@pytest.mark.parametrize("rule", ["lexicon", "classifier", "blend"])
def test_every_rule_beats_vader_on_the_seeds(rule):
    from stance.modelio import default_model

    result = evaluation.evaluate_files(
        ["stance/data/annotations/seeds.jsonl"], default_model() if rule != "lexicon" else None, rule
    )
    assert result["scores"]["macro_f1"] > result["baseline_vader"]["macro_f1"] + 0.15
    assert np.isfinite(result["scores"]["krippendorff_alpha"])
