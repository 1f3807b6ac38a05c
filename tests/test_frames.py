"""Frames: the default codebook, multi-label tagging in codebook order, profile extensions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from stance.errors import InputError
from stance.frames import FRAME_IDS, FrameTagger, load_codebook, merge_codebook
from stance.profile import FrameSpec, profile_from_dict

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = ROOT / "stance" / "data" / "annotations" / "seeds.jsonl"

EVENT = {
    "name": "rice-deal",
    "target": {"label": "The rice deal", "terms": ["rice deal"]},
    "actors": {"gov": {"label": "Government", "aliases": ["Ministry of Security Affairs"]}},
}


def tagger_for(frames: dict | None = None) -> FrameTagger:
    data = dict(EVENT, frames=frames) if frames else EVENT
    return FrameTagger.from_profile(profile_from_dict(data, "rice-deal.toml"))


@pytest.fixture(scope="module")
def tagger() -> FrameTagger:
    return FrameTagger.from_profile(None)


def test_default_codebook_has_the_design_ids_with_definitions():
    codebook = load_codebook()
    assert tuple(f.id for f in codebook) == FRAME_IDS
    for frame in codebook:
        assert frame.label and frame.definition and len(frame.terms) >= 20


@pytest.mark.parametrize(
    "text, frame",
    [
        ("The deal will strengthen deterrence against missile attacks.", "security_defense"),
        ("The two democracies share common values.", "partnership_values"),
        ("Critics see a new Cold War and bloc confrontation.", "confrontation_rivalry"),
        ("It could destabilize the Korean Peninsula.", "regional_stability"),
        ("Exports and investment are expected to grow.", "economy"),
        ("The opposition party called for a parliamentary vote.", "domestic_politics"),
        ("The ambassador presented his credentials at the summit.", "diplomacy_process"),
    ],
)
def test_each_frame_is_tagged(tagger, text, frame):
    assert frame in tagger.tag(text)


def test_multi_label_in_codebook_order(tagger):
    text = "Trade talks at the summit could ease tensions and deepen cooperation on defence."
    tags = tagger.tag(text)
    assert set(tags) >= {
        "security_defense",
        "partnership_values",
        "regional_stability",
        "economy",
        "diplomacy_process",
    }
    assert list(tags) == sorted(tags, key=FRAME_IDS.index)


def test_inflections_and_determiners_match(tagger):
    assert "regional_stability" in tagger.tag("Moves destabilizing the region")
    assert "partnership_values" in tagger.tag("They strengthened their partnership.")


def test_plain_narration_has_no_frame(tagger):
    assert tagger.tag("Typically, this takes about six weeks.") == ()


def test_actor_names_do_not_signal_frames():
    tags = tagger_for().tag("The Ministry of Security Affairs said the rice deal was signed.")
    assert "security_defense" not in tags
    assert "diplomacy_process" in tags


def test_profile_extends_replaces_and_adds_frames():
    extended = tagger_for({"economy": {"terms": ["paddy"]}})
    assert extended.tag("Paddy prices rose.") == ("economy",)
    assert "economy" in extended.tag("Exports rose.")
    replaced = tagger_for({"economy": {"terms": ["paddy"], "replace": True}})
    assert replaced.tag("Exports rose.") == ()
    assert replaced.tag("Paddy prices rose.") == ("economy",)
    added = tagger_for({"food_security": {"label": "Food security", "terms": ["harvest"]}})
    assert added.frame_ids[-1] == "food_security"
    assert added.tag("Exports of the harvest rose.") == ("economy", "food_security")


def test_merge_keeps_default_label_unless_given():
    codebook = load_codebook()
    merged = merge_codebook(codebook, [FrameSpec("economy", "economy", ("paddy",))])
    assert merged[FRAME_IDS.index("economy")].label == codebook[FRAME_IDS.index("economy")].label
    merged = merge_codebook(codebook, [FrameSpec("economy", "Money", ("paddy",))])
    assert merged[FRAME_IDS.index("economy")].label == "Money"


def test_tagger_is_built_once_per_profile(korea_nato):
    assert FrameTagger.from_profile(korea_nato) is FrameTagger.from_profile(korea_nato)


def test_user_codebook_errors_name_the_file(tmp_path):
    bad = tmp_path / "frames.toml"
    bad.write_text('[frames.economy]\nlabel = "Economy"\n', encoding="utf-8")
    with pytest.raises(InputError, match="frames.economy.terms"):
        load_codebook(bad)
    bad.write_text("[frames\n", encoding="utf-8")
    with pytest.raises(InputError, match="TOML syntax error"):
        load_codebook(bad)
    good = tmp_path / "good.toml"
    good.write_text('[frames.food]\nterms = ["rice"]\n', encoding="utf-8")
    assert load_codebook(good)[0].label == "food"


def test_seed_gold_frames_agree(korea_nato):
    """Regression guard: micro-F1 of the tags against the team's gold frames of the seeds."""
    if not SEEDS_GOLD.is_file():
        pytest.skip("seeds gold coding not present")
    tagger = FrameTagger.from_profile(korea_nato)
    tp = fp = fn = 0
    for line in SEEDS_GOLD.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold, tags = set(row.get("frames") or ()), set(tagger.tag(row["text"]))
            tp, fp, fn = tp + len(gold & tags), fp + len(tags - gold), fn + len(gold - tags)
    assert 2 * tp / (2 * tp + fp + fn) >= 0.80
