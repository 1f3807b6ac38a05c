"""Aggregates: hand-computed shares, entropy, divergence, intervals, determinism, streaming."""

from __future__ import annotations

import json
import math
import random
import sys

import numpy as np
import pytest

from stance.aggregate import (
    Aggregator,
    bootstrap_interval,
    js_divergence,
    normalized_entropy,
    summarize,
)
from stance.profile import profile_from_dict
from stance.records import SentenceRecord


def rec(doc, outlet, index, voice, stance, score, *, quote="none", frames=(), words=3):
    text = " ".join(["w"] * words)
    return SentenceRecord(
        doc_id=doc,
        outlet=outlet,
        title=None,
        date=None,
        url=None,
        index=index,
        start=0,
        end=len(text),
        text=text,
        voice=voice,
        speaker=None,
        quote=quote,
        stance=stance,
        score=score,
        confidence=0.5,
        frames=tuple(frames),
        cues=(),
    )


#: Six records, two outlets; every number in the tests below is worked out by hand from these.
SIX = [
    rec("a1", "A", 0, "outlet", "neutral", 0.0, frames=["security_defense"], words=4),
    rec("a1", "A", 1, "nato", "favor", 0.8, quote="direct", frames=["security_defense", "partnership_values"], words=2),
    rec("a2", "A", 0, "china_government", "against", -0.6, quote="indirect", frames=["confrontation_rivalry"], words=3),
    rec("a2", "A", 1, "outlet", "favor", 0.2, words=1),
    rec("b1", "B", 0, "outlet", "neutral", 0.0, frames=["economy"], words=5),
    rec("b1", "B", 1, "china_government", "against", -1.0, quote="direct", words=5),
]

PROFILE = profile_from_dict(
    {
        "name": "test-event",
        "target": {"label": "The mission"},
        "actors": {
            "korean_government": {"label": "Korean government", "aliases": ["Seoul"]},
            "nato": {"label": "NATO", "aliases": ["NATO"]},
            "chinese_state_media": {"label": "Chinese state media", "aliases": ["Xinhua"]},
            "china_government": {"label": "Chinese government", "aliases": ["Beijing"]},
        },
    }
)


@pytest.fixture(scope="module")
def six():
    return summarize(SIX, bootstrap=500)


def test_shares_of_voice_by_sentences_and_words(six):
    a = six.outlet("A")
    assert (a.sentences, a.words, a.documents) == (4, 10, 2)
    assert [c.voice for c in a.cells] == ["outlet", "china_government", "nato"]
    outlet, china, nato = a.cells
    assert (outlet.sentences, outlet.sentence_share, outlet.word_share) == (2, 0.5, 0.5)
    assert (nato.sentence_share, nato.word_share) == (0.25, 0.2)
    assert (china.sentence_share, china.word_share) == (0.25, 0.3)
    assert (nato.quotes, china.quotes, outlet.quotes) == (1, 1, 0)
    assert (outlet.documents, nato.documents) == (2, 1)
    assert outlet.stance_counts == {"favor": 1, "neutral": 1, "against": 0}
    assert outlet.stance_shares == {"favor": 0.5, "neutral": 0.5, "against": 0.0}
    assert outlet.score.mean == pytest.approx(0.1)


def test_outlet_narration_frames_and_own_versus_quoted_stance(six):
    a, b = six.outlet("A"), six.outlet("B")
    assert (a.narration_share, a.quoted_share) == (0.5, 0.5)
    assert (b.narration_sentences, b.quoted_sentences) == (1, 1)
    assert a.frame_shares == {
        "security_defense": 0.5,
        "partnership_values": 0.25,
        "confrontation_rivalry": 0.25,
        "economy": 0.0,
    }
    assert a.own_stance.mean == pytest.approx(0.1)  # (0.0 + 0.2) / 2
    assert a.quoted_stance.mean == pytest.approx(0.1)  # (0.8 - 0.6) / 2
    assert b.own_stance.mean == 0.0 and b.quoted_stance.mean == -1.0
    assert six.frame_order == (
        "security_defense",
        "partnership_values",
        "confrontation_rivalry",
        "economy",
    )


def test_source_balance_is_normalised_entropy_over_the_summary_voices(six):
    # Without a profile the non-outlet voices are those seen: china_government and nato (K = 2).
    a, b = six.outlet("A"), six.outlet("B")
    assert a.source_balance == pytest.approx(1.0) and a.distinct_voices == 2
    assert b.source_balance == 0.0 and b.distinct_voices == 1
    # With the profile the four actors count even when unheard: ln 2 / ln 4 = 0.5.
    with_profile = summarize(SIX, profile=PROFILE, bootstrap=0)
    assert with_profile.outlet("A").source_balance == pytest.approx(0.5)
    assert with_profile.voice_order == (
        "outlet",
        "korean_government",
        "nato",
        "chinese_state_media",
        "china_government",
    )
    assert with_profile.voice_labels["nato"] == "NATO"
    assert with_profile.voice_labels["outlet"] == "Outlet (narration)"
    assert len(with_profile.frame_order) == 7  # the whole default codebook


def test_divergence_matrices(six):
    # voices (outlet, china, nato): A = (.5, .25, .25), B = (.5, .5, 0), M = (.5, .375, .125)
    kl_a = 0.25 * math.log2(0.25 / 0.375) + 0.25 * math.log2(0.25 / 0.125)
    kl_b = 0.5 * math.log2(0.5 / 0.375)
    expected = (kl_a + kl_b) / 2
    div = six.divergence
    assert div.outlets == ("A", "B")
    assert div.voices[0][1] == pytest.approx(expected) == pytest.approx(0.155639, abs=1e-6)
    assert div.voices[1][0] == div.voices[0][1] and div.voices[0][0] == 0.0
    assert div.frames[0][1] == pytest.approx(1.0)  # A and B share no frame


def test_js_divergence_known_values_and_scipy_agreement():
    from scipy.spatial.distance import jensenshannon

    assert js_divergence([1, 0], [0, 1]) == 1.0
    assert js_divergence([2, 2], [1, 1]) == 0.0
    assert js_divergence([0.5, 0.5], [1, 0]) == pytest.approx(0.311278, abs=1e-6)
    p, q = [3, 1, 0, 6], [1, 1, 4, 4]
    assert js_divergence(p, q) == pytest.approx(jensenshannon(p, q, base=2) ** 2)
    with pytest.raises(ValueError):
        js_divergence([0, 0], [1, 1])


def test_normalized_entropy():
    assert normalized_entropy([3, 3, 3], 3) == pytest.approx(1.0)
    assert normalized_entropy([4], 3) == 0.0
    assert normalized_entropy([], 3) is None
    assert normalized_entropy([2, 2], 1) is None
    p = [0.5, 0.25, 0.25]
    assert normalized_entropy([2, 1, 1], 4) == pytest.approx(-sum(x * math.log(x) for x in p) / math.log(4))


def test_bootstrap_interval_is_reproducible_and_close_to_theory():
    values = np.random.default_rng(1).normal(0.1, 0.3, size=400).clip(-1, 1)
    first = bootstrap_interval(values, rng=np.random.default_rng(7))
    again = bootstrap_interval(values, rng=np.random.default_rng(7))
    assert first == again
    low, high = first
    assert low < values.mean() < high
    expected_width = 2 * 1.96 * values.std(ddof=1) / math.sqrt(len(values))
    assert high - low == pytest.approx(expected_width, rel=0.15)
    assert bootstrap_interval([0.4] * 10, rng=np.random.default_rng(0)) == (0.4, 0.4)
    assert bootstrap_interval([0.4], rng=np.random.default_rng(0)) is None


def test_intervals_cover_means_and_one_score_has_none(six):
    for cell in six.cells:
        est = cell.score
        if est.n >= 2:
            assert est.low <= est.mean <= est.high
        else:
            assert est.low is None and est.high is None
    assert six.outlet("A").cell("outlet").score.low == pytest.approx(0.0)
    assert six.outlet("A").cell("outlet").score.high == pytest.approx(0.2)


def test_determinism_and_input_order_does_not_matter():
    records = _many(300, seed=3)
    first = json.dumps(summarize(records).to_dict())
    assert json.dumps(summarize(records).to_dict()) == first
    shuffled = records[:]
    random.Random(5).shuffle(shuffled)
    assert json.dumps(summarize(shuffled).to_dict()) == first
    assert json.dumps(summarize(records, seed=1).to_dict()) != first


def test_reservoir_caps_memory_and_keeps_the_interval_honest():
    records = [r for r in _many(3000, seed=4) if r.outlet == "X" and r.voice == "outlet"]
    full = Aggregator(bootstrap=1000).update(records).result().outlet("X").cell("outlet").score
    capped_agg = Aggregator(bootstrap=1000, reservoir=200).update(records)
    capped = capped_agg.result().outlet("X").cell("outlet").score
    assert len(capped_agg._outlets["X"].cells["outlet"].scores.sample) == 200
    assert capped.sampled == 200 and capped.n == full.n > 200
    assert capped.mean == pytest.approx(full.mean)  # the mean is always exact
    assert capped.low <= capped.mean <= capped.high
    # rescaled to the full count: about as wide as the uncapped interval, not sqrt(n/200) wider
    assert capped.high - capped.low == pytest.approx(full.high - full.low, rel=0.35)


def test_streaming_aggregator_matches_summarize():
    agg = Aggregator(bootstrap=200)
    for record in SIX[:3]:
        agg.add(record)
    partial = agg.result()
    assert partial.sentences == 3
    for record in SIX[3:]:
        agg.add(record)
    assert agg.result().to_dict() == summarize(SIX, bootstrap=200).to_dict()


def test_empty_input():
    summary = summarize([])
    assert (summary.sentences, summary.documents, summary.outlets, summary.voices) == (0, 0, (), ())
    assert summary.divergence.voices == ()
    data = summary.to_dict()
    json.dumps(data)
    assert data["sentences"] == 0 and data["outlets"] == []


def test_to_dict_is_json_ready_rounded_and_ordered(six):
    data = six.to_dict()
    text = json.dumps(data)
    assert "NaN" not in text and "Infinity" not in text
    assert list(data)[:3] == ["sentences", "words", "documents"]
    js = data["divergence"]["voices"][0][1]
    assert js == round(js, 6)
    assert "cells" not in data  # derived view, not repeated


def test_bad_score_is_rejected():
    with pytest.raises(ValueError, match="a1#0"):
        summarize([rec("a1", "A", 0, "outlet", "neutral", float("nan"))])


def test_to_dataframe_without_pandas_says_what_to_do(six, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        six.to_dataframe()


def test_to_dataframe_with_pandas(six):
    pytest.importorskip("pandas")
    frame = six.to_dataframe()
    assert len(frame) == 5
    assert list(frame.columns[:3]) == ["outlet", "voice", "voice_label"]


def _many(n: int, seed: int) -> list[SentenceRecord]:
    rng = random.Random(seed)
    voices = ["outlet", "outlet", "nato", "china_government", "other"]
    out = []
    for i in range(n):
        score = round(rng.uniform(-1, 1), 3)
        stance = "favor" if score > 0.2 else "against" if score < -0.2 else "neutral"
        out.append(
            rec(
                f"d{i // 10}",
                rng.choice("XYZ"),
                i % 10,
                rng.choice(voices),
                stance,
                score,
                frames=rng.sample(["economy", "security_defense", "diplomacy_process"], 1),
            )
        )
    return out


def test_reservoir_sample_is_uniform_and_bounded():
    """Every score has the same chance to be kept (cap / n), whatever its position in the stream."""
    from stance.aggregate import _Scores

    n, cap, trials = 40, 8, 3000
    kept = [0] * n
    for trial in range(trials):
        scores = _Scores(f"g{trial}", seed=trial, cap=cap)
        for i in range(n):
            scores.add(float(i))
        assert len(scores.sample) == cap and len(set(scores.sample)) == cap
        assert scores.n == n and scores.total == sum(range(n))
        for value in scores.sample:
            kept[int(value)] += 1
    rates = [k / trials for k in kept]
    assert all(abs(rate - cap / n) < 0.04 for rate in rates), rates
