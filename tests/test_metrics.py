"""Agreement measures against hand-computed and reference values."""

from __future__ import annotations

import math

import pytest

from stance.metrics import krippendorff_alpha, score_labels


def test_alpha_perfect_and_chance():
    assert krippendorff_alpha([["a", "b", "c"], ["a", "b", "c"]]) == 1.0
    # every pairable value disagrees systematically -> negative alpha
    assert krippendorff_alpha([["a", "b"], ["b", "a"]]) < 0


def test_alpha_hand_computed():
    # units: (a,a) (a,b) (b,b) (b,b): coincidences o_aa=2, o_ab=o_ba=1, o_bb=4; n_a=3, n_b=5, n=8
    # D_o = 2/8 ; D_e = 2*3*5/(8*7) ; alpha = 1 - D_o/D_e = 1 - (2/8)/(30/56)
    value = krippendorff_alpha([["a", "a", "b", "b"], ["a", "b", "b", "b"]])
    assert value == pytest.approx(1 - (2 / 8) / (30 / 56))


def test_alpha_matches_reference_implementation_with_missing_values():
    # reference value computed with the `krippendorff` package (nominal), 3 coders, gaps
    coders = [
        ["favor", "against", None, "neutral", "favor", "favor", "against", "neutral"],
        ["favor", "against", "against", "neutral", "neutral", "favor", None, "neutral"],
        [None, "against", "against", "favor", "neutral", "favor", "against", "neutral"],
    ]
    assert krippendorff_alpha(coders) == pytest.approx(0.727891, abs=1e-6)


def test_alpha_undefined_without_pairs():
    assert math.isnan(krippendorff_alpha([["a", None], [None, "b"]]))


def test_score_labels():
    gold = ["favor", "favor", "against", "neutral", "neutral", "neutral"]
    pred = ["favor", "neutral", "against", "neutral", "neutral", "against"]
    scores = score_labels(gold, pred)
    assert scores.n == 6 and scores.accuracy == pytest.approx(4 / 6)
    # favor: P=1 R=.5 F=.667 ; against: P=.5 R=1 F=.667 ; neutral: P=2/3 R=2/3 F=.667
    assert scores.macro_f1 == pytest.approx(2 / 3)
    assert scores.confusion == [[1, 1, 0], [0, 2, 1], [0, 0, 1]]
    assert scores.per_class["favor"]["recall"] == 0.5


def test_score_labels_rejects_mismatch():
    with pytest.raises(ValueError):
        score_labels(["favor"], [])
