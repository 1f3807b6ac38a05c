"""Voices: who speaks in each sentence (actor, other speaker or the outlet), and how.

Behaviour tests use sentences written for these tests about an invented event (a canal
treaty between Freedonia and Sylvania), so the rules are checked away from the seeds; the
seeds are pinned by a golden file and measured against the team's gold coding.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from stance.corpus import Article, load_corpus
from stance.profile import load_profile, profile_from_dict
from stance.text import split_sentences
from stance.voices import Attribution, attribute, find_quotes, voice_of

GOLDEN = Path(__file__).parent / "golden" / "seeds_voices.jsonl"
SEEDS_GOLD = ROOT / "stance" / "data" / "annotations" / "seeds.jsonl"

CANAL = profile_from_dict(
    {
        "name": "canal-treaty",
        "target": {"label": "the canal treaty"},
        "actors": {
            "freedonia": {
                "label": "Freedonian government",
                "aliases": [
                    "Freedonia",
                    "Freedonian government",
                    "Foreign Minister Anna Berg",
                    "Anna Berg",
                    "Freedonian Foreign Ministry",
                    "presidential official",
                    "Lee Min-jun",
                    "Tor Halvorsen",
                ],
            },
            "alliance": {
                "label": "Harbor Alliance",
                "aliases": ["Harbor Alliance", "Alliance Council", "Mara Quist", "the alliance"],
            },
            "sylvanian_media": {
                "label": "Sylvanian state media",
                "aliases": ["Sylvania Daily", "Daily Beacon", "Sylvanian state media"],
            },
            "sylvania": {
                "label": "Sylvanian government",
                "aliases": [
                    "Sylvania",
                    "Sylvanian government",
                    "Sylvanian Foreign Ministry",
                    "Sylvanian Foreign Ministry spokesperson",
                ],
            },
        },
    }
)


def article(text: str) -> Article:
    return Article("t", "Test Outlet", None, None, None, text, "<test>")


def voices(text: str, profile=CANAL) -> list[tuple[str, str | None, str]]:
    """(voice, speaker, quote) of every sentence of ``text``."""
    return [(a.voice, a.speaker, a.quote) for a in attribute(article(text), profile)]


def only(text: str, profile=CANAL) -> tuple[str, str | None, str]:
    found = voices(text, profile)
    assert len(found) == 1, found
    return found[0]


# -- the API -----------------------------------------------------------------------------
def test_one_attribution_per_sentence_in_order():
    text = 'Anna Berg spoke. "We agree," she said.\n\nThe canal is long. Sylvania said no.'
    sentences = split_sentences(text)
    result = attribute(article(text), CANAL, sentences)
    assert [a.index for a in result] == [s.index for s in sentences]
    assert all(isinstance(a, Attribution) for a in result)
    assert attribute(article(text), CANAL) == result  # sentences default to split_sentences


def test_narration_belongs_to_the_outlet_with_no_speaker_or_cue():
    assert attribute(article("Typically, the locks open at dawn."), CANAL) == [
        Attribution(0, "outlet", None, "none", None)
    ]


def test_the_cue_explains_the_attribution():
    first, second = attribute(article("“We agree,” Mara Quist said. According to Sylvania, it failed."), CANAL)
    assert first.cue == "said"
    assert second.cue == "according to"


# -- direct quotes in every arrangement --------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        '"The canal stays open to all ships," said Anna Berg.',
        "“The canal stays open to all ships,” said Anna Berg.",
        '"The canal stays open to all ships," Anna Berg said.',
        "“The canal stays open to all ships,” Anna Berg said on Monday.",
        'Anna Berg said, "The canal stays open to all ships."',
        "Anna Berg said: “The canal stays open to all ships.”",
        'Anna Berg: "The canal stays open to all ships."',
        "‘The canal stays open to all ships,’ Anna Berg said.",
        "“The canal stays open to all ships”, said Anna Berg.",
    ],
)
def test_direct_quote_arrangements(text):
    assert only(text) == ("freedonia", "Anna Berg", "direct")


def test_speaker_between_two_halves_of_a_quote():
    text = "“The first half of the thought,” Mara Quist said. “And the second half comes here.”"
    assert voices(text) == [("alliance", "Mara Quist", "direct")] * 2
    text = '"The first half of the thought," said Mara Quist, "and the second half comes here."'
    assert only(text) == ("alliance", "Mara Quist", "direct")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Harbor Alliance “Treaty is a historic step for the whole region”",
            ("alliance", "Harbor Alliance"),
        ),
        (
            'Sylvanian state media "This deal will only make the region less safe"',
            ("sylvanian_media", "Sylvanian state media"),
        ),
    ],
)
def test_headline_name_followed_by_quote(text, expected):
    assert only(text) == (*expected, "direct")


def test_headline_quoted_term_after_a_name_is_not_speech():
    assert only("Harbor Alliance “pivot” explained") == ("outlet", None, "none")


# -- multi-sentence and multi-paragraph quotes -------------------------------------------
def test_every_sentence_inside_a_quote_gets_its_speaker():
    text = (
        "Sylvania Daily said on Tuesday, “The treaty was signed in haste. Nobody read it. "
        "It will be regretted.” Then the paper moved on."
    )
    found = voices(text)
    assert found[:3] == [("sylvanian_media", "Sylvania Daily", "direct")] * 3


def test_closing_tag_names_the_speaker_of_the_whole_quote():
    text = (
        "The foreign ministry spokesperson Lee Min-jun spoke for an hour. "
        "“We have studied the canal for years. The results are clear. The treaty is good,” he said."
    )
    found = voices(text)
    assert found[0] == ("outlet", None, "none")
    assert found[1:] == [("freedonia", "Lee Min-jun", "direct")] * 3


def test_quote_continues_into_a_paragraph_that_opens_with_a_quote_mark():
    text = (
        "Mara Quist said: “We welcome the treaty with all our hearts.\n\n"
        "“The second paragraph still belongs to the same speaker.\n\n"
        "“And this one closes the quotation,” she added.\n\n"
        "The vote is on Friday."
    )
    found = voices(text)
    assert found[:3] == [("alliance", "Mara Quist", "direct")] * 3
    assert found[3] == ("outlet", None, "none")


def test_tag_at_the_end_of_a_multi_paragraph_quote_names_its_start():
    text = (
        "The vote was close.\n\n"
        "“We will appeal this decision with every means we have.\n\n"
        "“It is not over,” Tor Halvorsen said."
    )
    assert voices(text)[1:] == [("freedonia", "Tor Halvorsen", "direct")] * 2


def test_untagged_quote_paragraph_after_a_quote_keeps_the_speaker():
    text = (
        "“The canal belongs to the world and to nobody else,” Anna Berg said.\n\n"
        "“We will keep it open for every single ship.”"
    )
    assert voices(text) == [("freedonia", "Anna Berg", "direct")] * 2


# -- indirect and mixed speech -----------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Anna Berg said the treaty would be ratified soon.",
        "Anna Berg noted that the treaty would be ratified soon.",
        "Anna Berg added that the treaty would be ratified soon.",
        "Anna Berg stressed that the treaty would be ratified soon.",
        "Anna Berg warned that the treaty would be ratified soon.",
        "Anna Berg argued that the treaty would be ratified soon.",
        "Anna Berg claimed that the treaty would be ratified soon.",
        "Anna Berg announced that the treaty would be ratified soon.",
        "Anna Berg emphasized that the treaty would be ratified soon.",
        "Anna Berg told reporters that the treaty would be ratified soon.",
        "Anna Berg also said on Monday that the treaty would be ratified soon.",
        "Anna Berg had said the treaty would be ratified soon.",
        "According to Anna Berg, the treaty will be ratified soon.",
        "The treaty will be ratified soon, according to Anna Berg.",
        "The treaty will be ratified soon, Anna Berg said Wednesday.",
        "The treaty will be ratified soon, said Anna Berg.",
        "Anna Berg said in a statement that the treaty would be ratified soon.",
        "Anna Berg did not rule out a delay of the ratification.",
    ],
)
def test_indirect_speech(text):
    assert only(text) == ("freedonia", "Anna Berg", "indirect")


def test_participle_gives_the_clause_subject():
    text = "Meanwhile, Sylvania protested the news, saying the treaty harms the region."
    assert only(text) == ("sylvania", "Sylvania", "indirect")


def test_statement_reads_and_press_release():
    assert only("Sylvania's statement reads, “The treaty is a threat to regional peace and order.”") == (
        "sylvania",
        "Sylvania",
        "direct",
    )
    assert only("The Harbor Alliance said in a press release that the patrols would continue.") == (
        "alliance",
        "the Harbor Alliance",
        "indirect",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Sylvania criticized the treaty, saying it would “destabilize the region for decades.”",
        "Sylvania said the treaty was “a recipe for conflict in the whole region.”",
        "Sylvania noted that “the canal treaty is illegal under every law we know.”",
        "According to Sylvania, the parties agreed to “pretend that nothing at all had happened,” in the end.",
        "The treaty is “a recipe for conflict in the whole region,” Sylvania said.",
    ],
)
def test_paraphrase_with_a_quoted_fragment_is_mixed(text):
    assert only(text) == ("sylvania", "Sylvania", "mixed")


def test_speech_noun_of_a_named_owner_before_a_quote():
    text = "Treaty signed… Sylvania’s protests ‘causing instability in the region’"
    assert only(text) == ("sylvania", "Sylvania", "mixed")


def test_backshifted_would_continues_a_report_in_its_paragraph():
    text = (
        "A presidential official told reporters that ten meetings were planned. "
        "High on the agenda would be shipping fees.\n\n"
        "The meetings would also be a chance to talk about trade."
    )
    assert voices(text) == [("freedonia", "a presidential official", "indirect")] * 2 + [("outlet", None, "none")]


# -- scare quotes and quoted terms -------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Freedonia wants to become a “global pivotal state.”",
        'The two leaders may hold informal "pull-aside" talks at the summit.',
        "The canal became a ‘structural challenge’ for the region.",
        "The 'so-called' compromise was never written down.",
    ],
)
def test_quoted_terms_are_not_speech(text):
    assert only(text) == ("outlet", None, "none")


def test_quoted_term_does_not_change_an_indirect_report():
    assert only("Anna Berg described the plan as a ‘structural challenge’ for the region.") == (
        "freedonia",
        "Anna Berg",
        "indirect",
    )


def test_short_quote_with_a_tag_is_speech():
    assert only("“Never,” said Mara Quist.") == ("alliance", "Mara Quist", "direct")


# -- speakers ----------------------------------------------------------------------------
def test_titles_and_appositions():
    assert only("Foreign Minister Anna Berg stressed that the canal belongs to everyone.")[1] == "Anna Berg"
    text = "“We are ready,” said Lee Min-jun, director of the canal office, during a briefing."
    assert only(text) == ("freedonia", "Lee Min-jun", "direct")
    text = "Mara Quist, who heads the Harbor Alliance, said the patrols would continue."
    assert only(text) == ("alliance", "Mara Quist", "indirect")
    text = "On Monday, Sylvania Daily, a state-run newspaper, said, “The canal is ours, always.”"
    assert only(text) == ("sylvanian_media", "Sylvania Daily", "direct")


def test_short_reference_resolves_to_the_full_name():
    text = "Tor Halvorsen gave a briefing. Halvorsen said that the locks were repaired."
    assert voices(text)[1] == ("freedonia", "Tor Halvorsen", "indirect")


def test_organisation_body_resolves_to_its_earlier_name():
    text = (
        "The Alliance Council said Tuesday that the patrols would go on.\n\n"
        "According to the council, two ships will join them."
    )
    assert voices(text) == [("alliance", "the Alliance Council", "indirect")] * 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tor Halvorsen visited the canal. There, he announced the plan to widen it.",
            ("freedonia", "Tor Halvorsen", "indirect"),
        ),
        (
            "Anna Berg met Sylvanian envoys. She added that talks would continue.",
            ("freedonia", "Anna Berg", "indirect"),
        ),
        (
            "The Harbor Alliance met on Monday. It said the patrols would continue.",
            ("alliance", "the Harbor Alliance", "indirect"),
        ),
    ],
)
def test_pronouns_resolve_to_the_nearest_fitting_entity(text, expected):
    assert voices(text)[1] == expected


def test_he_prefers_a_person_over_a_nearer_organisation():
    text = "Tor Halvorsen met the Harbor Alliance on Monday. He said the meeting went well."
    assert voices(text)[1] == ("freedonia", "Tor Halvorsen", "indirect")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an honorific says who "she" can be: the nearer Mr. Jensen is passed over
        (
            "Ms. Anna Berg, the foreign minister, spoke in Lisport on Monday. "
            "The Alliance Council’s spokesman, Mr. Ole Jensen, took questions afterwards. "
            "“The canal is open to every ship,” she said.",
            ("freedonia", "Anna Berg", "direct"),
        ),
        # and so does a gendered role in an apposition
        (
            "Mara Quist, a spokeswoman for the Alliance Council, said the treaty was overdue. "
            "Mr. Tor Halvorsen said he disagreed. “It is a mistake,” he said. “The treaty helps everyone,” she said.",
            ("alliance", "Mara Quist", "direct"),
        ),
        # nothing says the nearer person's gender: the nearest fitting entity, as before
        (
            "Ms. Anna Berg spoke in Lisport on Monday. Tor Halvorsen took questions afterwards. "
            "“The canal is open to every ship,” she said.",
            ("freedonia", "Tor Halvorsen", "direct"),
        ),
        # only people of the other gender were named: the nearest of them is kept
        (
            "Ms. Anna Berg met Sylvanian envoys. He added that talks would continue.",
            ("freedonia", "Anna Berg", "indirect"),
        ),
    ],
)
def test_he_and_she_pass_over_people_of_the_other_gender(text, expected):
    assert voices(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“We will not sign,” said Mr. Ole Jensen of the Alliance Council.", "Ole Jensen"),
        ("Gen. Amal Idris, the army chief, said the canal was safe.", "Amal Idris"),
        ("“The canal is safe,” Dr. Amal Idris told reporters.", "Amal Idris"),
    ],
)
def test_an_abbreviated_title_does_not_end_the_speaker_phrase(text, speaker):
    assert only(text)[1] == speaker


def test_pronoun_tag_after_an_organisations_quote_keeps_that_speaker():
    text = (
        "Mara Quist met Freedonian envoys last week.\n\n"
        "“The patrols will go on,” Sylvania said in a statement.\n\n"
        "“We will watch every ship that passes,” he said."
    )
    assert voices(text)[2] == ("sylvania", "Sylvania", "direct")


def test_the_surname_he_is_a_name_not_a_pronoun():
    text = (
        "Sylvanian Foreign Ministry spokesperson He Lan said the treaty was a mistake. "
        "He added that Sylvania would respond."
    )
    assert [speaker for _, speaker, _ in voices(text)] == ["He Lan", "He Lan"]
    assert voices("Mara Quist spoke first. He Lan said the talks failed.")[1][1] == "He Lan"


@pytest.mark.parametrize(
    "dateline", ["HARBORTOWN — ", "NEW HARBOR, Freedonia (Wire) — ", "PORT SYLVAN: ", "NORTH CAPE, March 3 - "]
)
def test_a_dateline_before_a_tagged_quote_leaves_it_direct(dateline):
    text = dateline + "“The canal will stay open,” Anna Berg said."
    assert only(text) == ("freedonia", "Anna Berg", "direct")


def test_person_quoted_by_an_outlet_is_the_speaker():
    text = "An expert on maritime law told the Daily Beacon that the treaty was unusual."
    assert only(text) == ("other", "an expert on maritime law", "indirect")


def test_description_matched_through_aliases():
    text = "A presidential official told reporters that the deal was done."
    assert only(text) == ("freedonia", "a presidential official", "indirect")


def test_unknown_named_speaker_is_other():
    assert only("“It is a fair deal,” said Jonas Weber, a shipping analyst.") == (
        "other",
        "Jonas Weber",
        "direct",
    )


# -- speaker -> voice --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("speaker", "voice"),
    [
        ("harbor alliance", "alliance"),
        ("the Harbor Alliance's spokesman", "alliance"),
        ("Harbor Alliance’s council", "alliance"),
        ("Lee Min jun", "freedonia"),
        ("LEE MIN-JUN", "freedonia"),
        ("Sylvanian Foreign Ministry spokesperson Chen Hao", "sylvania"),
        ("Sylvania Daily columnist Ana Ruiz", "sylvanian_media"),
        ("Jonas Weber", "other"),
        ("an expert in Sylvania", "other"),
        ("a senior official at Sylvania's Foreign Ministry", "sylvania"),
        ("an official at the Freedonian Foreign Ministry", "freedonia"),
        ("a professor at a Sylvania university", "other"),
        ("Jonas Weber, a fellow at the Sylvanian Foreign Ministry's academy", "other"),
    ],
)
def test_voice_of(speaker, voice):
    assert voice_of(speaker, CANAL) == voice


def test_voice_of_uses_the_longest_alias():
    profile = load_profile("korea-nato")
    assert voice_of("Chinese Foreign Ministry spokesperson Wang Wenbin", profile) == "china_government"
    assert voice_of("Global Times", profile) == "chinese_state_media"
    assert voice_of("Yoon Suk Yeol", profile) == "korean_government"
    assert voice_of("NATO’s supreme decision-making body", profile) == "nato"


# -- not speech --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "The Harbor Alliance is said to be weighing a new mission.",
        "The summit will say little about the canal.",
        "Freedonia is expected to announce a deal next week.",
        "Sylvania was told to leave the talks.",
        "The said treaty was signed in May.",
        "Sylvania’s claims in the canal zone are old.",
    ],
)
def test_non_speech_uses_of_reporting_verbs(text):
    assert only(text) == ("outlet", None, "none")


def test_announcing_a_plan_is_reported_speech():
    # A decision documented in the module: "announced the plan to …" reports a speech act.
    assert only("Anna Berg announced the plan to widen the canal.") == (
        "freedonia",
        "Anna Berg",
        "indirect",
    )


# -- quote marks -------------------------------------------------------------------------
def test_find_quotes_pairs_straight_and_curly_marks():
    text = 'He said "one two" and ‘three four’ and “five six”.'
    assert [q.content for q in find_quotes(text)] == ["one two", "three four", "five six"]
    for quote in find_quotes(text):
        assert text[quote.open + 1 : quote.close - 1] == quote.content


def test_find_quotes_keeps_apostrophes_out():
    text = "Freedonia’s allies’ view of the ’90s: ‘never again’ is the Alliance's 'motto'."
    assert [q.content for q in find_quotes(text)] == ["never again", "motto"]


def test_single_quotes_inside_double_quotes_are_content():
    text = "“They called it ‘a mistake’ twice,” she said."
    assert [q.content for q in find_quotes(text)] == ["They called it ‘a mistake’ twice,"]


def test_unclosed_quote_closes_at_its_paragraph_end():
    text = 'Berg said "we will never sign this treaty\n\nThe vote is on Friday. "Yes," he said.'
    quotes = find_quotes(text)
    assert quotes[0].content == "we will never sign this treaty" and not quotes[0].closed
    assert quotes[1].content == "Yes," and not quotes[1].continues
    assert voices(text)[1] == ("outlet", None, "none")


def test_stray_closing_mark_continues_the_previous_quote():
    text = (
        "On Monday, Sylvania Daily said, “The treaty was signed in haste and without care.” "
        "It will be regretted by every single citizen for years.”"
    )
    assert voices(text) == [("sylvanian_media", "Sylvania Daily", "direct")] * 2


def test_mismatched_typographic_marks_are_read_by_context():
    # A closer typed as an opener, and an opener typed as a closer.
    assert [q.content for q in find_quotes("He said “yes“ and ”no” again.")] == ["yes", "no"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n\"'“”‘’«»:")), max_size=120))
def test_any_marks_give_valid_spans_within_paragraphs(text):
    quotes = find_quotes(text)
    position = 0
    for quote in quotes:
        assert position <= quote.open < quote.close <= len(text)
        assert "\n\n" not in text[quote.open : quote.close]
        position = quote.close
    attributions = attribute(article(text), CANAL)
    assert len(attributions) == len(split_sentences(text))


def test_unbalanced_marks_in_a_large_article_stay_fast():
    paragraph = (
        "“An opener that never closes, said Anna Berg. Stray ” closers “ and ' marks "
        '‘everywhere’ here. "Another, " she said. Sylvania said the treaty failed.'
    )
    text = "\n\n".join([paragraph] * 2500)  # about 350 KB
    started = time.perf_counter()
    found = attribute(article(text), CANAL)
    assert time.perf_counter() - started < 3.0
    # An open quote never swallows the next paragraph: every paragraph reads the same.
    per_paragraph = len(found) // 2500
    assert found[:per_paragraph] == [
        Attribution(a.index - per_paragraph * 7, a.voice, a.speaker, a.quote, a.cue)
        for a in found[per_paragraph * 7 : per_paragraph * 8]
    ]


# -- the seeds ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed_attributions(seed_articles, korea_nato):
    out = {}
    for art in seed_articles:
        sentences = split_sentences(art.text)
        out[art.id] = list(zip(sentences, attribute(art, korea_nato, sentences), strict=True))
    return out


def test_seed_statements_match_the_golden_file(seed_attributions):
    """Every attributed seed sentence, pinned (regenerate deliberately when rules change)."""
    expected = [json.loads(line) for line in GOLDEN.read_text("utf-8").splitlines() if line]
    actual = [
        {
            "doc_id": doc,
            "index": s.index,
            "voice": a.voice,
            "speaker": a.speaker,
            "quote": a.quote,
            "text": s.text,
        }
        for doc, pairs in seed_attributions.items()
        for s, a in pairs
        if a.voice != "outlet"
    ]
    assert actual == expected


@pytest.mark.parametrize(
    ("doc", "start", "voice", "quote"),
    [
        ("inquirer", "The North Atlantic Council said Tuesday", "nato", "indirect"),
        ("inquirer", "According to the council", "nato", "mixed"),
        ("inquirer", "There, he announced the plan", "korean_government", "indirect"),
        ("inquirer", "“The establishment of a Nato Mission", "korean_government", "direct"),
        ("joongang", "A presidential official told reporters", "korean_government", "indirect"),
        ("korean-outlet", "NATO “Accepts Korea’s request", "nato", "direct"),
        ("korean-outlet", "“This approval is an important step", "nato", "direct"),
        ("korean-outlet", "Chinese state media “Involving", "chinese_state_media", "direct"),
        ("korean-outlet", "Meanwhile, China is protesting", "china_government", "mixed"),
        ("korean-outlet", "On the 29th, the Global Times", "chinese_state_media", "direct"),
        ("korean-outlet", "This will worsen diplomatic autonomy", "chinese_state_media", "direct"),
        ("korean-outlet", "NATO specifically defined China", "nato", "mixed"),
        ("korean-outlet", "Typically, this process takes", "outlet", "none"),
    ],
)
def test_seed_attributions_the_team_expects(seed_attributions, doc, start, voice, quote):
    [pairs] = [p for d, p in seed_attributions.items() if d.startswith(doc)]
    [(_, attribution)] = [(s, a) for s, a in pairs if s.text.startswith(start)]
    assert (attribution.voice, attribution.quote) == (voice, quote)


def seed_accuracy(seed_attributions) -> tuple[float, int]:
    """Speaker->voice accuracy against the team's gold coding, sentences matched by doc and text."""
    gold = {}
    for line in SEEDS_GOLD.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            gold[(row["doc_id"], " ".join(row["text"].split()))] = row["voice"]
    pairs = [
        (gold[key], a.voice)
        for doc, found in seed_attributions.items()
        for s, a in found
        if (key := (doc, " ".join(s.text.split()))) in gold
    ]
    return sum(g == p for g, p in pairs) / len(pairs), len(pairs)


@pytest.mark.skipif(not SEEDS_GOLD.exists(), reason="no gold coding of the seeds")
def test_voice_accuracy_on_the_seeds_gold_coding(seed_attributions):
    accuracy, matched = seed_accuracy(seed_attributions)
    assert matched >= 60
    assert accuracy >= 0.95


def test_seeds_directory_is_the_one_tested():
    assert SEEDS.is_dir()


def coded_accuracy(gold_path: Path, profiles_dir: Path | None = None) -> dict:
    """Voice and quote-type accuracy against a coded JSONL file, sentences matched by doc and text.

    Seeds gold is read against the seed articles; a file of team-written sentences (no article
    files) is read by rebuilding each document from its sentences in order, one paragraph, with
    unpunctuated headlines on their own. Profiles come from ``profiles_dir/<event>.toml``.
    """
    import re
    from collections import defaultdict

    rows = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line.strip()]
    docs: dict = defaultdict(list)
    for row in rows:
        docs[(row.get("event"), row["doc_id"])].append(row)
    seeds = {a.id: a for a in load_corpus([SEEDS])}
    voice_ok = quote_ok = matched = 0
    for (event, doc), coded in docs.items():
        if doc in seeds:
            art, profile = seeds[doc], load_profile("korea-nato")
        else:
            text = "".join(
                r["text"] + ("\n\n" if not re.search(r"[.!?…\"'”’)]$", r["text"]) else " ") for r in coded
            ).strip()
            art, profile = article(text), load_profile(str(profiles_dir / f"{event}.toml"))
        gold = {" ".join(r["text"].split()): r for r in coded}
        sentences = split_sentences(art.text)
        for s, a in zip(sentences, attribute(art, profile, sentences), strict=True):
            row = gold.get(" ".join(s.text.split()))
            if row is not None:
                matched += 1
                voice_ok += row["voice"] == a.voice
                quote_ok += row.get("quote") == a.quote
    return {
        "file": str(gold_path.relative_to(ROOT)),
        "matched": matched,
        "coded": len(rows),
        "voice_accuracy": round(voice_ok / max(matched, 1), 3),
        "quote_accuracy": round(quote_ok / max(matched, 1), 3),
    }


@pytest.mark.parametrize(
    "phrase, name",
    [
        ("Lena Holm of Stockholm University", "Lena Holm"),
        ("Professor Igor Malinin of the Moscow State Institute", "Igor Malinin"),
        ("Minister of Defence Anna Berg", "Anna Berg"),
        ("Secretary of State Antony Blinken", "Antony Blinken"),
    ],
)
def test_display_name_keeps_a_name_before_its_affiliation(phrase, name):
    from stance.speakers import display_name

    assert display_name(phrase) == name


# -- a reporter's clause that contains another speech verb ---------------------------------
def test_quote_inside_a_reported_clause_belongs_to_the_reporter():
    """'X said the alliance welcomed "…"': X reports it; the quote is not the alliance's own."""
    voice, speaker, _ = only('Anna Berg said the alliance welcomed "a valuable contribution to the canal."')
    assert (voice, speaker) == ("freedonia", "Anna Berg")
    # a quotation the reporter tags itself stays the reporter's, whatever follows
    voice, speaker, quote = only('"The locks will stay open to every ship," Anna Berg said, and Sylvania said no.')
    assert (voice, speaker, quote) == ("freedonia", "Anna Berg", "direct")


def test_a_description_followed_by_a_name_displays_the_name():
    """'A spokesperson of the alliance, Mara Quist, said': the speaker is the person named."""
    assert only("An alliance spokesperson, Mara Quist, said the locks would stay open.") == (
        "alliance",
        "Mara Quist",
        "indirect",
    )
    voice, speaker, _ = only("A spokesperson, Jon Vale, said the locks would stay open.")
    assert (voice, speaker) == ("other", "Jon Vale")
    # an apposition that is not a name leaves the phrase as it is
    assert only("Sylvania Daily, a state-run newspaper, said the treaty was a trap.")[:2] == (
        "sylvanian_media",
        "Sylvania Daily",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Their praise for the canal treaty was muted.",
        "The treaty drew a crowd to the harbour on Monday.",
        "Anna Berg's warning went unheeded.",
    ],
)
def test_reporting_words_used_as_nouns_are_not_speech(text):
    assert only(text) == ("outlet", None, "none")


# -- who is not an actor's voice, and what says nothing ---------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Jon Vale, a fellow at a Freedonia research institute, said the treaty would hold.",
        "Jon Vale, a former Freedonian diplomat, said the treaty would hold.",
        "Analysts in Freedonia said the treaty would hold.",
    ],
)
def test_experts_and_former_officials_are_other_even_where_an_alias_is_their_place(text):
    assert only(text)[0] == "other"


def test_an_office_in_the_apposition_still_names_the_actor():
    spokesperson = "Jon Vale, a spokesperson of the Sylvanian Foreign Ministry, said the treaty was a trap."
    assert only(spokesperson)[0] == "sylvania"
    assert only("Officials in Freedonia said the treaty would hold.")[0] == "freedonia"


@pytest.mark.parametrize(
    "text",
    [
        "The Sylvanian Foreign Ministry did not respond to a request for comment.",
        "Anna Berg did not say whether the locks would close.",
        "Sylvania has not commented on the treaty.",
    ],
)
def test_a_negated_reporting_verb_reports_no_view(text):
    assert only(text) == ("outlet", None, "none")


def test_an_appended_rebuttal_leaves_the_sentence_to_its_first_speaker():
    text = "Sylvania accused Freedonia of “selling the canal to strangers,” a charge Freedonian officials denied."
    assert only(text)[:2] == ("sylvania", "Sylvania")


def test_the_newspaper_is_the_outlet_named_before():
    text = "The state-run Daily Beacon said the treaty was a trap. “It is a surrender,” the newspaper said."
    assert [v for v, _, _ in voices(text)] == ["sylvanian_media", "sylvanian_media"]


# -- forms of report found on the team's coded documents (team_g to team_j) ----------------------
@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        ("Freedonia has since said it will sign the canal treaty.", "freedonia", "Freedonia"),
        ("Anna Berg reminded Sylvania that the treaty was signed in May.", "freedonia", "Anna Berg"),
        ("Anna Berg demanded that Sylvania publish the terms of the treaty.", "freedonia", "Anna Berg"),
        ("Sylvania reacted angrily to the canal treaty.", "sylvania", "Sylvania"),
        ("Freedonian government spokespeople insist that the treaty is fair.", "freedonia", None),
        ("Sylvanian state media went further, accusing Freedonia of betrayal.", "sylvanian_media", None),
        ("One exception was Anna Berg, who called the treaty “a purchase made in secret.”", "freedonia", "Anna Berg"),
        # guideline 8.10: "drew criticism from X" carries X's evaluation, so the unit is X's
        ("At home, the treaty drew criticism from Freedonian opposition groups.", "other", None),
        ("The treaty drew sharp criticism from Sylvania Daily.", "sylvanian_media", "Sylvania Daily"),
        ("The treaty drew a warning from the fishermen's union on Monday.", "other", None),
        ("Treaty draws praise from shippers and caution from fishermen", "other", "shippers"),
        ("Canal treaty signed as Sylvania cries foul", "sylvania", "Sylvania"),
        ("Anna Berg presented the treaty as proof of good will.", "freedonia", "Anna Berg"),
        # team_i, team_j: an inverted subject in lower case (a role before a name, a bare group),
        # a passive reporting verb with its agent, "repeated"
        ("“The treaty is fair,” said opposition deputy Anna Berg.", "freedonia", "Anna Berg"),
        ("“The treaty is fair,” said foreign ministry spokesperson Tor Halvorsen.", "freedonia", "Tor Halvorsen"),
        ("“The treaty is a trap,” said senior diplomats.", "other", "senior diplomats"),
        ("The treaty was welcomed by Foreign Minister Anna Berg.", "freedonia", "Anna Berg"),
        ("The treaty was also sharply criticised by Sylvania Daily, which called it a trap.", "sylvanian_media", None),
        ("Anna Berg repeated that the treaty would stand.", "freedonia", "Anna Berg"),
    ],
)
def test_further_forms_of_report(text, voice, speaker):
    assert_voice_and_speaker(text, voice, speaker)


def assert_voice_and_speaker(text: str, voice: str, speaker: str | None) -> None:
    """The one sentence of ``text`` has ``voice``, and ``speaker`` unless that is ``None``."""
    got_voice, got_speaker, _ = only(text)
    assert got_voice == voice
    if speaker is not None:
        assert got_speaker == speaker


def test_a_phrase_read_forwards_ends_after_its_head_noun():
    """"state media went further": "went" is the verb, so the speaker is "Sylvanian state media"."""
    assert only("Sylvanian state media went further, accusing Freedonia of betrayal.")[1] == "Sylvanian state media"
    # a second head noun still belongs to the phrase
    assert voices("Sylvanian Foreign Ministry spokesperson Chen Hao said the treaty was unfair.")[0][0] == "sylvania"


@pytest.mark.parametrize(
    "text",
    [
        "The canal treaty was announced by Freedonia and Sylvania in 2021.",  # an event, no view
        "The canal was opened by Anna Berg in May.",  # not a reporting verb
        "“The treaty is fair,” said yesterday.",  # no subject at all
        "Asked about Sylvanian objections, the crowd cheered.",  # "asked about" names no speaker
    ],
)
def test_no_speaker_where_there_is_none(text):
    voice, speaker, _ = only(text)
    assert speaker is None and voice in ("outlet", "other")


def test_thanks_to_is_not_a_report():
    assert only("The canal reopened thanks to the treaty.")[0] == "outlet"


# -- forms of report found on the sixth blind corpus's errors (eval/heldout6, spent) -------------
@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        # "told" never inverts: after an apposition or a relative clause the subject comes first
        ("Anna Berg, who took office in March, told a radio station last week that the canal stays open.",
         "freedonia", "Anna Berg"),
        ("“The canal threatens nobody,” Sylvania’s envoy, Tor Halvorsen, told the Gazette in May.",
         "freedonia", None),
        # present-tense inversion at the end of an opinion
        ("The treaty is a mistake, argues Mara Quist, who studies shipping at a university.", "alliance", "Mara Quist"),
        # a past participle clause between subject and verb is not an inverted subject
        ("A Sylvanian Foreign Ministry spokesperson, asked about the treaty, said it was a provocation.",
         "sylvania", "a Sylvanian Foreign Ministry spokesperson"),
        ("A U.S. official, asked about the review, said the canal was open.", "other", "a U.S. official"),
        # a lower-case role after a capitalised word, read forwards
        ("“The canal is for parliament to decide, not for generals,” said Alliance Council spokesman Ole Brand.",
         "alliance", None),
        # "and" inside a name after "of"
        ("The Forces of Peace and Change, a coalition of parties, said the treaty should be cancelled.",
         "other", "the Forces of Peace and Change"),
        # a surname with a lower-case particle is a name
        ("General Omar al-Haddad has said Sylvania would not become a battleground.", "other", "Omar al-Haddad"),
        ("Several passers-by said they were proud of the canal.", "other", "several passers-by"),
        ("Anna Berg spoke of a new era for the canal.", "freedonia", "Anna Berg"),
        # the subject, a short predicate, a colon, and a quotation
        ("Anna Berg, speaking in Lisport, went further: “What kind of neighbour blocks a canal?”",
         "freedonia", "Anna Berg"),
        # the clause subject's apposition names the actor for "…, saying"
        ("Her deputy, the envoy Mara Quist, went further after a visit to Lisport, saying a base would be welcome.",
         "alliance", None),
    ],
)
def test_forms_of_report_from_the_sixth_corpus(text, voice, speaker):
    assert_voice_and_speaker(text, voice, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "We warned about this day for three years.",  # the outlet's own "we"
        "I asked the minister twice and got no answer.",  # a columnist's "I"
        "The canal opened in 1999 after months of street protests.",  # a noun after "of"
        "The vote went ahead despite repeated warnings.",
        "Sylvania’s generals, as usual, said less.",  # saying nothing
        "Will anyone in Lisport be listening, or will Anna Berg simply ask Sylvania what to say?",
    ],
)
def test_the_outlets_own_sentences(text):
    assert only(text)[0] == "outlet"


def test_a_question_does_not_continue_a_paraphrase():
    """A backshifted "would" continues a report; a "?" is the narrator asking."""
    found = voices("Anna Berg said the canal would open to all. Which ships would those be?")
    assert [v for v, _, _ in found] == ["freedonia", "outlet"]
    found = voices("Anna Berg said the canal would open to all. High on the list would be tankers.")
    assert [v for v, _, _ in found] == ["freedonia", "freedonia"]


def test_a_quote_after_a_colon_carries_on_into_the_next_sentence():
    found = voices("Anna Berg, speaking in Lisport, went further: “What kind of neighbour is this? You block friends.”")
    assert found == [("freedonia", "Anna Berg", "direct")] * 2


# -- forms of report from the spent corpora eval/heldout4 and eval/heldout5 ---------------------
@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        # an auxiliary after a comma: the subject stands before the comma, never after the verb
        ("The Sylvanian opposition, to its credit, has asked the government to explain the deal.",
         "other", "the Sylvanian opposition"),
        ("The worry, as a senior Alliance Council official put it to me, is exclusive access.", "alliance", None),
        ("Some shipping specialists think Freedonia is overreacting.", "other", None),  # no "that"
        ("Her Sylvanian counterpart, Mara Quist, said the canal would help.", "alliance", None),
        ("Tor Halvorsen has always denied the plan.", "freedonia", "Tor Halvorsen"),
        ("Anna Berg said in May that the canal was open.", "freedonia", "Anna Berg"),  # the month
        # findings are reported by the poll or study (pollsters are "other", guideline 3)
        ("A poll published by the Lisport institute in May found that most residents backed the treaty.",
         "other", "a poll"),
        ("Polls show that most Sylvanians oppose the canal.", "other", None),
    ],
)
def test_forms_of_report_from_the_fourth_and_fifth_corpora(text, voice, speaker):
    assert_voice_and_speaker(text, voice, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "Nobody in Lisport, in Port Lis or in our ports believes the money will arrive.",
        "No one in Lisport has claimed that Sylvania will close the canal.",
        "Neither the Freedonian nor the Sylvanian government responded to our request for comment.",
        "The canal is Sylvania's foothold, whatever Anna Berg says",
        "Sylvania found the deal acceptable.",  # "find" reports only with a poll or study
        "The statement did not mention the canal.",
        "Sylvania rarely comments on the canal.",
    ],
)
def test_nobody_speaks_here(text):
    assert only(text)[0] == "outlet"


def test_a_relative_clause_would_does_not_continue_a_paraphrase():
    found = voices("Anna Berg said the treaty was signed. The initiative, which would ban tolls, goes to a vote.")
    assert [v for v, _, _ in found] == ["freedonia", "outlet"]


def test_an_indefinite_poll_is_not_a_short_reference_to_an_earlier_speaker():
    text = "A senior Alliance Council official called it vital. A poll by the Lisport Herald found that most agree."
    assert [v for v, _, _ in voices(text)] == ["alliance", "other"]


@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        # a relative clause between the subject and its reporting verb
        ("The Sylvanian officials who negotiated the treaty said it would stand.", "other", "the Sylvanian officials"),
        ("The Harbor Alliance officials who spoke said the treaty would stand.", "alliance", None),
        ("The committee that led the protests called the treaty a betrayal.", "other", "the committee"),
        # an object clause: the subject after "that" is the speaker, not the noun before it
        ("Freedonia signed the treaty, a move that Sylvania described as a betrayal.", "sylvania", "Sylvania"),
        # a modal makes the relative clause a clause of its own: no report
        ("A government that knew the canal would at least have explained the treaty.", "outlet", None),
        # "was quick to condemn" reports a condemnation; "plans to welcome" reports nothing yet
        ("Anna Berg was quick to condemn the treaty.", "freedonia", "Anna Berg"),
        ("Sylvania was the first to criticise the treaty.", "sylvania", "Sylvania"),
        ("Anna Berg plans to welcome the treaty.", "outlet", None),
        ("Sylvania is expected to criticise the treaty.", "outlet", None),
    ],
)
def test_subjects_across_a_relative_clause_and_quick_to(text, voice, speaker):
    assert_voice_and_speaker(text, voice, speaker)



# -- forms of report from the spent corpus eval/heldout8 ----------------------------------------
@pytest.mark.parametrize(
    ("text", "voice", "speaker"),
    [
        # a name modifying a noun in the apposition is the expert's topic, not her employer
        ('"Tolls will rise," said Lea Holm, a Sylvania specialist at the Institute of Ports.', "other", "Lea Holm"),
        ('"Tolls will rise," said Lea Holm, a specialist on Sylvania at the Institute of Ports.', "other", "Lea Holm"),
        ('"Tolls will rise," said Lea Holm, a Sylvanian Foreign Ministry spokeswoman.', "sylvania", "Lea Holm"),
        # the interviewee speaks, not the paper that quoted or interviewed her
        ("A canal expert quoted by the Sylvania Daily in March argued that the locks were too narrow.", "other", None),
        ("Experts interviewed by the Daily Beacon said the treaty would do nothing.", "other", "Experts"),
        ("A statement issued by the Sylvanian Foreign Ministry said the treaty would do nothing.", "sylvania", None),
        # a pronoun opening a clause of the sentence refers to its subject when the subject fits
        ('Anna Berg made no secret of her doubts, which she called "a mistake" last year.', "freedonia", "Anna Berg"),
        ("Sylvania has offered no argument for the toll, which it officially denies seeking.", "sylvania", "Sylvania"),
        # an emphatic pronoun between subject and verb
        ("Mara Quist herself called the treaty a betrayal.", "alliance", "Mara Quist"),
        # from eval/heldout9's errors: "said nothing" opening a clause reports it; a surname that
        # looks like a demonym ends the phrase at an irregular past tense
        ("Mara Quist said nothing in the treaty would oblige Freedonia to pay.", "alliance", "Mara Quist"),
        # the name's own alias beats a longer one in a relative clause after it
        ("Sylvania, which fought a war with the Harbor Alliance, called the treaty a threat.", "sylvania", "Sylvania"),
    ],
)
def test_forms_of_report_from_the_eighth_corpus(text, voice, speaker):
    assert_voice_and_speaker(text, voice, speaker)


def test_a_name_that_looks_like_a_demonym_ends_at_an_irregular_past_tense():
    actors = {"council": {"label": "Canal council", "aliases": ["Ole Hovsepian"]}}
    profile = profile_from_dict({"name": "t", "target": {"label": "the canal treaty"}, "actors": actors})
    text = 'Speaker of Parliament Ole Hovsepian went further, saying the treaty was "a betrayal of the canal towns".'
    assert only(text, profile)[:2] == ("council", "Speaker of Parliament Ole Hovsepian")


@pytest.mark.parametrize(
    "text",
    [
        "We do not share that view, and this newspaper has criticised the treaty before.",
        "This writer said in 2019 that the treaty was a mistake.",
        "The ministry wants a dredger the navy never asked for.",
        "Not everyone shares that reading of the treaty.",
        "Not everyone shares Sylvania's caution about the treaty.",
        "The treaty, as Anna Berg herself has admitted, changes little.",
        "The Sylvanian government signed the treaty in May, which we called a mistake.",
    ],
)
def test_the_outlet_speaking_of_itself_and_words_that_report_nothing(text):
    assert only(text)[0] == "outlet"


def test_a_clause_pronoun_skips_a_subject_of_the_other_gender():
    text = "Mr. Jonas Lind met the council on Monday, and she said the treaty would stand."
    assert only(text)[1] != "Jonas Lind"

@pytest.mark.parametrize(
    "text, speaker",
    [
        # singular people and bodies the speaker lists lacked (team_b, team_f, team_i, team_j, team_k)
        ("Local police said dozens of people were detained.", "Local police"),
        ("A fisherman, who did not want to be named, said the canal had been closed for a week.", "a fisherman"),
        ("“Nobody told us who would fix it,” the pilot said.", "the pilot"),
        ("A student protester said the treaty was a trap.", "a student protester"),
        # a hyphenated "-ing" word is an adjective, not a participle that ends the phrase
        ("Lawmakers from the left-leaning Canal bloc said so.", "Lawmakers from the left-leaning Canal bloc"),
        ("The small left-wing party Levica said the money was wasted.", "the small left-wing party Levica"),
    ],
)
def test_more_kinds_of_people_speak(text, speaker):
    assert only(text)[:2] == ("other", speaker)


# -- an unnamed government ("the government", "officials") -------------------------------------
@pytest.mark.parametrize(
    "text, voice",
    [
        # nothing named before: the profile's first government actor (the event's home government)
        ("Government rejects criticism of canal treaty", "freedonia"),
        ("The treaty will be ratified in May, officials said.", "freedonia"),
        # the government whose speaker the article named last
        ("The Sylvanian Foreign Ministry called the treaty a trap. The government said tolls would rise.", "sylvania"),
        ("Sylvania warned against the treaty. “We will not pay,” the prime minister said.", "sylvania"),
        ("Anna Berg defended the treaty. Her government has argued that the locks need it.", "freedonia"),
        # a place the sentence opens with, or "<place>, where officials …", names whose government
        ("Anna Berg defended the treaty. In Sylvania, officials called it a trap.", "sylvania"),
        ("Anna Berg spoke. In Sylvania last week, a foreign ministry spokesman called it a trap.", "sylvania"),
        ("Anna Berg spoke. The treaty caused alarm in Sylvania, where officials said it was a trap.", "sylvania"),
        ("Anna Berg defended the treaty. In Ruritania, officials called it a trap.", "other"),  # no actor's place
    ],
)
def test_an_unnamed_government_speaks_for_the_articles_government(text, voice):
    assert voices(text)[-1][0] == voice


@pytest.mark.parametrize(
    "text, voice",
    [
        ("Anna Berg will speak on Friday, her office said.", "freedonia"),
        ("The Harbor Alliance met on Monday. Its members said the treaty was fair.", "alliance"),
        ("The Harbor Alliance met on Monday. Its critics said the treaty was unfair.", "other"),
    ],
)
def test_a_possessive_speaker_speaks_for_its_owner(text, voice):
    """ "his office", "its members": the owner's voice; "its critics" are not the owner."""
    assert voices(text)[-1][0] == voice


def test_the_statement_speaks_for_the_actor_that_issued_it():
    text = "The Sylvanian Foreign Ministry said in a statement that it objected. “We will not pay,” the statement said."
    assert voices(text)[-1][0] == "sylvania"
    # a survey speaks for its authors, not for the last actor quoted
    text = "Anna Berg called the treaty fair. The survey found that most voters disagree."
    assert voices(text)[-1][0] == "other"


def test_an_unnamed_office_needs_a_government_actor_and_no_name():
    actors = {"council": {"label": "Canal council", "aliases": ["Ole Brand"]}}
    profile = profile_from_dict({"name": "t", "target": {"label": "the canal treaty"}, "actors": actors})
    assert only("The treaty will be ratified in May, officials said.", profile)[0] == "other"
    # a named spokesman outside the profile stays another speaker
    assert only("A spokesman, Per Sandvik, said tolls would rise.")[0] == "other"
    # an alias or an earlier entity still comes first
    assert voices("The Alliance Council met. “We agree,” the council said.")[-1][0] == "alliance"


# -- caches shared across articles --------------------------------------------------------
def test_attribution_does_not_depend_on_articles_read_before(monkeypatch):
    """Speakers and word tokens are cached per process; results must not depend on that cache."""
    import stance.speakers as speakers_module
    import stance.voices as voices_module

    text = "Anna Berg said the canal was open. “It is,” she added. The canal opened in May."
    fresh = voices(text)
    monkeypatch.setattr(speakers_module.Discourse, "MADE_MAX", 3)
    monkeypatch.setattr(voices_module, "VOCABULARY_MAX", 5)
    for name in ("Ivo Marek", "Lena Holm", "Per Sandvik", "Ute Lindqvist", "Oskar Brun"):  # new speakers
        voices(f"{name} said the canal was closed. Sylvania warned that “the canal will harm us all”.")
    assert voices(text) == fresh
    assert len(speakers_module.alias_matcher(CANAL).speakers) <= 3


if __name__ == "__main__":
    # .venv/bin/python tests/test_voices.py  -> accuracy on the seeds and the team's coded documents
    annotations = ROOT / "stance" / "data" / "annotations"
    for path in sorted(annotations.glob("*.jsonl")):
        print(coded_accuracy(path, ROOT / "eval" / "profiles"))
