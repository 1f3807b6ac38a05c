"""The stance lexicon: every rule with a sentence of its own, the seeds' golden readings, and
user lexicon files that fail with file and line."""

from __future__ import annotations

import json
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stance.lexicon as lexicon
from stance.errors import InputError
from stance.lexicon import (
    FEATURE_NAMES,
    LexiconScorer,
    check_lexicon,
    format_lexicon,
    label_names,
    light_stem,
    load_lexicon,
    phrase_key,
    tokenize,
    vader_stance,
    vader_valence,
)
from stance.profile import profile_from_dict

ROOT = Path(__file__).resolve().parent.parent
SEEDS_GOLD = ROOT / "stance" / "data" / "annotations" / "seeds.jsonl"

PACT = {
    "name": "test-pact",
    "target": {
        "label": "The Harbour Pact of Norland and Sudmark",
        "terms": ["harbour pact", "the pact"],
    },
    "actors": {
        "gov": {"label": "Government", "aliases": ["Ministry of Ports", "Minister Lee"]},
        "critics": {"label": "Critics", "aliases": ["Fishers' Union"]},
    },
}


def pact_profile(**extra):
    return profile_from_dict({**PACT, **extra}, "test-pact.toml")


@pytest.fixture(scope="module")
def generic() -> LexiconScorer:
    return LexiconScorer.from_profile(None)


@pytest.fixture(scope="module")
def seeds_scorer(korea_nato) -> LexiconScorer:
    return LexiconScorer.from_profile(korea_nato)


# -- seeds: golden readings ------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, voice",
    [
        (
            "“This approval is an important step to strengthen the partnership between NATO and "
            "South Korea,” NATO said in a press release.",
            "nato",
        ),
        (
            "NATO added, “Allies have agreed to strengthen dialogue and cooperation with partners "
            "in the Indo-Pacific region to address inter-regional challenges and common security "
            "interests within a new strategic concept.”",
            "nato",
        ),
        (
            '"By establishing a NATO mission in Belgium, we will be able to increase '
            'information sharing and strengthen our networks with NATO allies and partners," '
            "said Kim Sung-han.",
            "korean_government",
        ),
        (
            'Kim noted that the 30 NATO countries are "our traditional allies who share universal '
            'values and norms, such as liberal democracy, rule of law and human rights."',
            "korean_government",
        ),
    ],
)
def test_seed_supportive_statements_read_favor(seeds_scorer, text, voice):
    assert seeds_scorer.score(text, voice).stance == "favor"


@pytest.mark.parametrize(
    "text, voice, cue",
    [
        (
            "Chinese state media “Involving Korea and NATO will only exacerbate conflicts and divisions in the region”",
            "chinese_state_media",
            "-exacerbate",
        ),
        (
            "Meanwhile, China is protesting the news that NATO has accepted the establishment "
            "of South Korea’s representative office, saying it will “harm stability in "
            "Northeast Asia.”",
            "china_government",
            "-harm",
        ),
        (
            "This will worsen diplomatic autonomy and will not help South Korea’s economic "
            "and security interests from a long-term perspective, but will also exacerbate "
            "conflicts and divisions in the region.”",
            "chinese_state_media",
            "NOT(help)->-",
        ),
    ],
)
def test_seed_chinese_warnings_read_against(seeds_scorer, text, voice, cue):
    result = seeds_scorer.score(text, voice)
    assert result.stance == "against"
    assert cue in result.cues


@pytest.mark.parametrize(
    "text",
    [
        "Typically, this process takes about six weeks.",
        "The North Atlantic Treaty Organization (NATO) has approved the establishment of a Korean delegation.",
        "Yoon will take part in the NATO Summit on June 29 and 30, his first overseas trip since "
        "he took office some 50 days ago.",
    ],
)
def test_seed_factual_narration_reads_neutral(seeds_scorer, text):
    assert seeds_scorer.score(text, "outlet").stance == "neutral"


def test_seed_gold_macro_f1_stays_high(korea_nato):
    """Regression guard on the team's gold coding of the seeds (the tuning set)."""
    from sklearn.metrics import f1_score

    if not SEEDS_GOLD.is_file():
        pytest.skip("seeds gold coding not present")
    rows = [json.loads(line) for line in SEEDS_GOLD.read_text("utf-8").splitlines() if line.strip()]
    scorer = LexiconScorer.from_profile(korea_nato)
    predicted = [scorer.score(r["text"], r.get("voice") or "outlet").stance for r in rows]
    assert f1_score([r["stance"] for r in rows], predicted, average="macro") >= 0.90


# -- tokens, stems, phrases -----------------------------------------------------------------
def test_light_stem_folds_inflections_but_not_derivations():
    assert {light_stem(w) for w in ("harm", "harms", "harmed", "harming")} == {"harm"}
    assert {light_stem(w) for w in ("welcome", "welcomes", "welcomed", "welcoming")} == {"welcom"}
    assert light_stem("allies") == light_stem("ally")
    assert light_stem("meetings") == light_stem("meeting")
    assert light_stem("security") != light_stem("secure")
    assert light_stem("important") != light_stem("import")
    assert light_stem("goods") != light_stem("good")  # merchandise, not praise


def test_goods_are_no_praise(generic):
    assert generic.score("Last year the two countries traded goods worth $5 billion.").cues == ()


def test_tokenize_splits_hyphens_folds_quotes_and_keeps_clause_punctuation():
    assert tokenize("“Cold-War” thinking, it’s said") == [
        "cold",
        "war",
        "thinking",
        ",",
        "it's",
        "said",
    ]


def test_phrase_key_skips_determiners_and_keeps_gaps():
    assert phrase_key("strengthen the partnership") == phrase_key("strengthen our partnerships")
    assert phrase_key("deepen * ties") == ("deepen", "*", "tie") == phrase_key("deepen * tie")


def test_gap_phrases_match_zero_to_two_words(generic):
    for text in (
        "They will deepen ties.",
        "They will deepen the ties.",
        "They will deepen bilateral economic ties.",
    ):
        assert "+deepen * ties" in generic.score(text).cues
    assert "+deepen * ties" not in generic.score("They will deepen, over time, ties.").cues


def test_longest_phrase_wins_and_shields_block_shorter_cues(generic):
    assert generic.score("It faces emerging security threats.").cues == ()
    assert generic.score("It is a threat.").cues == ("-threat",)
    assert generic.score("It shows a Cold War mentality.").cues == ("-cold war mentality",)
    assert generic.score("It starts a new Cold War mentality.").cues[0] == "-new cold war"


# -- negation -------------------------------------------------------------------------------
def test_negation_reverses_the_cue_after_it(generic):
    result = generic.score("The pact will not help the region.")
    assert result.stance == "against"
    assert "NOT(help)->-" in result.cues
    assert result.features["negated"] == 1


def test_negated_negative_cue_leans_favor(generic):
    assert generic.score("The office does not threaten anyone.").stance == "favor"


def test_negation_scope_ends_after_three_words(generic):
    result = generic.score("It did not come as any surprise that the pact helps.")
    assert "+help" in result.cues
    assert result.stance == "favor"


def test_negation_scope_ends_at_punctuation_and_at_and(generic):
    assert "+help" in generic.score("Not now, but the pact will help.").cues
    assert "+help" in generic.score("Nobody objected and it will help.").cues


def test_not_only_but_also_is_not_negation(generic):
    result = generic.score("The pact will not only help farmers but also strengthen ties.")
    assert result.stance == "favor"
    assert not any(c.startswith("NOT(") for c in result.cues)
    assert not any(c.startswith("but:") for c in result.cues)


def test_negation_carries_to_a_cue_in_the_same_phrase(generic):
    result = generic.score("The office will not drag Japan into any conflict.")
    assert result.stance == "favor"
    assert "NOT(conflict)->+" in result.cues


def test_negation_inside_a_gap_or_on_the_object(generic):
    assert generic.score("The base poses no threat.").stance == "favor"
    assert generic.score("The agreement harms no one.").stance == "favor"


def test_too_to_and_short_of_negate(generic):
    assert "NOT(deter)->-" in generic.score("The force is too small to deter anyone.").cues
    assert "NOT(oppose)->+" in generic.score("They stopped short of opposing it.").cues


def test_rather_than_and_instead_of_negate(generic):
    result = generic.score("It offers security on their terms rather than genuine partnership.")
    assert "NOT(genuine partnership)->-" in result.cues
    assert result.stance == "against"
    assert "NOT(strengthen * ties)->-" in generic.score("Instead of strengthening ties, it harms.").cues
    assert generic.score("It is rather important.").cues == ()


def test_not_to_negates_but_not_to_mention_does_not(generic):
    assert generic.score("The monitors are there to observe, not to take sides.").stance == "favor"
    assert generic.score("They decided not to oppose the deal.").stance == "favor"
    result = generic.score("It costs a lot, not to mention the harm it does.")
    assert "-harm" in result.cues


# -- intensity, hedges ---------------------------------------------------------------------
def test_boosters_strengthen_only_the_next_cue(generic):
    plain = generic.score("It will exacerbate the divisions.")
    boosted = generic.score("It will seriously exacerbate the divisions.")
    assert boosted.score < plain.score < 0
    assert "boost:seriously x1.3" in boosted.cues
    assert generic.score("It will only exacerbate divisions.").cues.count("boost:only x1.3") == 1


def test_adverbs_of_vehemence_boost(generic):
    assert "boost:vehemently x1.3" in generic.score("They vehemently oppose the deal.").cues
    assert "boost:wholeheartedly x1.3" in generic.score("We wholeheartedly welcome it.").cues


def test_downtoners_soften(generic):
    soft = generic.score("It will slightly weaken ties.")
    assert soft.score > generic.score("It will weaken ties.").score
    assert "soften:slightly x0.6" in soft.cues


@pytest.mark.parametrize("hedge", ["may", "could", "possibly", "might"])
def test_hedges_dampen(generic, hedge):
    firm = generic.score("The deal will harm stability.")
    hedged = generic.score(f"The deal {hedge} harm stability.")
    assert abs(hedged.score) < abs(firm.score)
    assert any(c.startswith(f"hedge:{hedge}") for c in hedged.cues)
    assert hedged.features["hedged"] == 1


# -- contrast, conditionals -------------------------------------------------------------------
def test_clause_after_but_dominates(generic):
    against = generic.score("The deal is welcome, but it will harm stability.")
    favor = generic.score("The deal will harm stability, but it is an important step.")
    assert (against.stance, favor.stance) == ("against", "favor")
    assert "but: later clause weighted" in against.cues


@pytest.mark.parametrize("word", ["however", "yet"])
def test_other_contrast_words(generic, word):
    assert generic.score(f"Critics protest; {word}, it is a milestone.").stance == "favor"


def test_yet_as_adverb_is_no_contrast(generic):
    result = generic.score("Five partners have yet to welcome the plan.")
    assert not any(c.startswith("yet:") for c in result.cues)


def test_although_concedes_its_clause(generic):
    result = generic.score("Although critics warn of tension, the pact is a milestone.")
    assert result.stance == "favor"
    assert "although: conceded clause down-weighted" in result.cues
    trailing = generic.score("The pact is a milestone, although critics warn of tension.")
    assert trailing.stance == "favor"


def test_conditionals_dampen(generic):
    firm = generic.score("It will harm stability.")
    conditional = generic.score("If the pact goes ahead, it will harm stability.")
    assert 0 > conditional.score > firm.score
    assert "if: conditional x0.7" in conditional.cues
    assert "if: conditional x0.7" not in generic.score("Even if it rains, it will harm ties.").cues


# -- voice, target relevance, profile cues ---------------------------------------------------
def test_off_target_sentences_lean_neutral():
    scorer = LexiconScorer.from_profile(pact_profile())
    off = scorer.score("The storm will harm the harvest.", "outlet")
    on = scorer.score("The harbour pact will harm the harvest.", "outlet")
    assert off.stance == "neutral" and "off-target x0.3" in off.cues
    assert off.features["on_target"] == 0
    assert on.stance == "against" and on.features["on_target"] == 1


def test_actor_alias_and_label_names_put_a_sentence_on_target():
    scorer = LexiconScorer.from_profile(pact_profile())
    assert scorer.score("Minister Lee said it will harm the harvest.", "outlet").stance == "against"
    assert scorer.score("Sudmark will harm the harvest.", "outlet").features["on_target"] == 1
    assert label_names("The Harbour Pact of Norland and Sudmark") == [
        "Harbour Pact",
        "Norland",
        "Sudmark",
    ]
    assert label_names("The Vietnam-US upgrade") == ["Vietnam", "US"]


def test_quoted_voices_count_as_on_target():
    scorer = LexiconScorer.from_profile(pact_profile())
    assert scorer.score("It will harm the harvest.", "critics").stance == "against"
    assert scorer.score("It will harm the harvest.", "other").stance == "against"


def test_short_acronym_names_match_case_sensitively():
    profile = profile_from_dict({**PACT, "actors": {"us": {"label": "US", "aliases": ["US"]}}})
    scorer = LexiconScorer.from_profile(profile)
    assert scorer.score("The US will harm the harvest.", "outlet").features["on_target"] == 1
    assert scorer.score("It will cost us dearly.", "outlet").features["on_target"] == 0


def test_narration_reports_actions_and_positions_at_reduced_weight():
    scorer = LexiconScorer.from_profile(pact_profile())
    text = "The ministry welcomed the pact."
    assert scorer.score(text, "gov").stance == "favor"
    assert scorer.score(text, "outlet").stance == "neutral"
    editorial = scorer.score("The pact is a reckless mistake.", "outlet")
    assert editorial.stance == "against"


def test_profile_cues_add_and_override():
    profile = pact_profile(lexicon={"against": ["sell-out", {"phrase": "welcome", "weight": 2}]})
    scorer = LexiconScorer.from_profile(profile)
    assert scorer.score("The pact is a sell-out.", "gov").cues == ("-sell-out",)
    assert scorer.score("We welcome the pact.", "gov").stance == "against"


def test_names_of_the_profile_are_not_cues():
    profile = pact_profile(target={"label": "EDCA", "terms": ["Enhanced Defense Cooperation Agreement"]})
    result = LexiconScorer.from_profile(profile).score(
        "Troops arrive under the Enhanced Defense Cooperation Agreement.", "gov"
    )
    assert result.cues == () and result.stance == "neutral"


def test_dismissed_objections_are_reversed(generic):
    result = generic.score("Analysts say such warnings are overblown.")
    assert result.stance == "favor"
    assert "DISMISSED(warn)->+" in result.cues


# -- score shape, caching, VADER ---------------------------------------------------------------
def test_score_shape_and_features(generic):
    result = generic.score("It is an important step.")
    assert result.stance == "favor" and 0 < result.score <= 1 and 0 <= result.confidence <= 1
    assert tuple(result.features) == FEATURE_NAMES
    assert all(isinstance(v, float) for v in result.features.values())
    assert generic.score("The weather was mild.").confidence == lexicon.NO_CUE_CONFIDENCE


def test_confidence_grows_with_agreeing_cues(generic):
    one = generic.score("It is a milestone.")
    two = generic.score("It is a milestone and an important step that will strengthen ties.")
    mixed = generic.score("It is a milestone that will harm ties.")
    assert two.confidence > one.confidence > mixed.confidence


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), st.sampled_from([None, "outlet", "other", "gov"]))
def test_any_text_scores_in_range(text, voice):
    result = LexiconScorer.from_profile(pact_profile()).score(text, voice)
    assert -1 <= result.score <= 1 and 0 <= result.confidence <= 1
    assert result.stance in {"favor", "neutral", "against"}


def test_scorer_is_built_once_per_profile(korea_nato):
    assert LexiconScorer.from_profile(korea_nato) is LexiconScorer.from_profile(korea_nato)
    assert LexiconScorer.from_profile(None) is not LexiconScorer.from_profile(korea_nato)


def test_scoring_is_deterministic(seeds_scorer):
    text = "NATO said the move is an important step, but China warned of instability."
    assert seeds_scorer.score(text, "nato") == seeds_scorer.score(text, "nato")


def test_vader_reads_the_shipped_lexicon_without_downloading():
    with mock.patch("nltk.download", side_effect=AssertionError("no downloads")):
        assert vader_valence("A wonderful, great success.") > 0.5
        assert vader_valence("A terrible, awful disaster.") < -0.5
    assert vader_stance("The weather is.")[0] == "neutral"
    assert vader_stance("Great news!")[0] == "favor"
    assert vader_stance("Awful news!")[0] == "against"


# -- lexicon files -------------------------------------------------------------------------------
def test_shipped_lexicon_is_rich_and_valid():
    entries = load_lexicon()
    assert len(entries) >= 300
    assert all(-3 <= e.weight <= 3 for e in entries)
    phrases = {e.phrase for e in entries}
    for phrase in (
        "important step",
        "strengthen * partnership",
        "welcome",
        "shared values",
        "exacerbate",
        "instability",
        "provocation",
        "bloc confrontation",
        "cold war mentality",
        "arms race",
        "protest",
        "drag into",
        "threaten",
        "cornerstone",
        "steadfast",
        "decry",
        "powder keg",
        "blank cheque",
        "how convenient",
        "logistics support",
    ):
        assert phrase in phrases
    assert len(entries) >= 1500
    assert "sarcasm" in {e.category for e in entries}
    assert check_lexicon(ROOT / "stance" / "data" / "lexicon.tsv") == []


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister hailed the accord as a watershed for the region.",
        "Officials said the pact would cement ties and bolster deterrence.",
        "“We stand shoulder to shoulder with our partners,” the minister said.",
        "Business groups lauded the deal as a boon for exporters.",
        "The minister dismissed the warnings as scaremongering.",
        "The agreement does not target any third party, the spokesman said.",
        "It is a win for both nations.",
    ],
)
def test_broad_coverage_reads_general_support(generic, text):
    assert generic.score(text, "gov").stance == "favor"


@pytest.mark.parametrize(
    "text",
    [
        "Critics decried the pact as a blank cheque for a foreign military.",
        "The spokesperson said the deal would add fuel to the fire in a volatile region.",
        "The opposition called it a sell-out negotiated behind closed doors.",
        "State media said the country had become a pawn on Washington's chessboard.",
        "Analysts were sceptical, saying the summit produced little more than a photo opportunity.",
        "The move will make little difference to the country's security.",
        "How convenient that the bases sit so close to the strait.",
        "It is an ill-conceived gamble with the nation's sovereignty.",
    ],
)
def test_broad_coverage_reads_general_opposition(generic, text):
    assert generic.score(text, "critics").stance == "against"


@pytest.mark.parametrize(
    "text",
    [
        "The base will host a logistics support unit and a maintenance team.",
        "The early warning radar will be operated jointly by both air forces.",
        "A welcome ceremony was held at the palace, with a guard of honour.",
        "The islands lie within the country's exclusive economic zone.",
        "The troops will train for disaster relief and natural disaster preparedness.",
        "The prime minister is responsible for appointing the ambassador.",
        "The ministers also discussed global warming and maritime threats.",
        "Talks on the defence cooperation agreement resumed on Monday.",
        "US forces will gain access to two more airfields and a naval support base.",
    ],
)
def test_neutral_defence_vocabulary_stays_neutral(generic, text):
    assert generic.score(text, "gov").stance == "neutral"


def write(tmp_path, text, name="cues.tsv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "body, line, message",
    [
        ("good deal\t2\tendorsement\n\nsell-out\tlots\topposition\n", 3, "not a number"),
        ("good deal\t4\tendorsement\n", 1, "out of range"),
        ("good deal\t-3.5\tendorsement\n", 1, "out of range"),
        ("# comment\ngood deal\t2\n", 2, "found 2 columns"),
        ("good deal\n", 1, "found 1 column"),
        ("\t2\tendorsement\n", 1, "no words"),
        ("good deal\t2\t \n", 1, "empty category"),
        ("good deal\t2\tx\tnote\textra\n", 1, "too many columns"),
    ],
)
def test_bad_user_lexicon_names_file_and_line(tmp_path, body, line, message):
    path = write(tmp_path, body)
    with pytest.raises(InputError) as info:
        check_lexicon(path)
    assert info.value.line == line
    assert message in info.value.message
    assert str(path) in str(info.value)


def test_missing_user_lexicon(tmp_path):
    with pytest.raises(InputError, match="no such lexicon file"):
        load_lexicon(tmp_path / "nope.tsv")


def test_check_lexicon_warns_about_repeats_and_rule_words(tmp_path):
    path = write(
        tmp_path,
        "phrase\tweight\tcategory\tnote\nwin-win\t2\tbenefit\nwin-wins\t1\tbenefit\nnot\t-1\topposition\n",
    )
    problems = check_lexicon(path)
    assert any(":3:" in p and "repeats line 2" in p for p in problems)
    assert any(":4:" in p and "rule word" in p for p in problems)


def test_user_lexicon_extends_and_disables_shipped_cues(tmp_path):
    path = write(tmp_path, "sell-out\t-2\topposition\twhat critics call it\nwelcome\t0\tshield\n")
    scorer = LexiconScorer.from_profile(None, lexicon_path=str(path))
    assert scorer.score("It is a sell-out.").stance == "against"
    assert scorer.score("We welcome it.").cues == ()


def test_format_lexicon_is_a_readable_table():
    table = format_lexicon(load_lexicon())
    lines = table.splitlines()
    assert lines[0].split() == ["weight", "phrase", "category", "note"]
    assert any("important step" in line and "+2.5" in line for line in lines)
    assert lines[-1].endswith("neutral") and "favor" in lines[-1]
