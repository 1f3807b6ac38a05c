"""Profile authoring: `stance profile init` drafts, `stance profile check --corpus` coverage.

The drafts are checked on two small corpora written for these tests (tests/data/authoring/):
Turkey's ratification of Sweden's NATO accession and a Brazil-China trade deal, with officials
introduced with titles and later by surname, ministries and their spokespeople, capitals used
for governments, state media, analysts at institutions named after a capital, an opposition
lawmaker and a farmers' association. Coverage numbers are checked on hand-made records.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ROOT, SEEDS

import stance
from stance.authoring import Coverage, Draft, draft_profile, profile_coverage
from stance.authoring.coverage import CoverageBuilder
from stance.authoring.mentions import (
    find_acronyms,
    is_dateline,
    mention_contexts,
    organisations_in,
    role_of,
    split_speaker,
)
from stance.authoring.nations import find_nations, nation_of_name
from stance.authoring.terms import TermCounter, fingerprint, load_background, phrases
from stance.cli import cli
from stance.corpus import load_corpus, make_article
from stance.pipeline import analyze
from stance.profile import load_profile, profile_from_dict
from stance.records import SentenceRecord
from stance.speakers import fold
from stance.text import split_sentences
from stance.voices import attribute

DATA = Path(__file__).parent / "data" / "authoring"
TURKEY_SWEDEN = DATA / "turkey_sweden"
BRAZIL_CHINA = DATA / "brazil_china"


@pytest.fixture(scope="module")
def turkey_draft() -> Draft:
    return draft_profile(load_corpus([TURKEY_SWEDEN]), name="turkey-sweden")


@pytest.fixture(scope="module")
def brazil_draft() -> Draft:
    return draft_profile(load_corpus([BRAZIL_CHINA]), name="brazil-china")


@pytest.fixture(scope="module")
def seeds_draft() -> Draft:
    return draft_profile(load_corpus([SEEDS]), name="seeds-draft")


def actor(draft: Draft, actor_id: str):
    found = [a for a in draft.actors if a.id == actor_id]
    assert found, f"no actor {actor_id}: {[a.id for a in draft.actors]}"
    return found[0]


def aliases(draft: Draft, actor_id: str) -> set[str]:
    return {a.alias for a in actor(draft, actor_id).aliases}


def owner(draft: Draft, alias: str) -> str | None:
    return next((a.id for a in draft.actors if alias in {x.alias for x in a.aliases}), None)


# -- nations and mentions -----------------------------------------------------------------------
def test_nations_longest_first_possessive_and_no_pronoun_or_compound():
    hits = find_nations("South Korean officials met China's envoy; the US-led bloc told us nothing")
    assert [(h.nation.id, h.kind, h.text) for h in hits] == [
        ("south_korea", "demonym", "South Korean"),
        ("china", "name", "China"),
    ]
    assert [h.nation.id for h in find_nations("the U.S. and the US said")] == ["united_states", "united_states"]
    assert nation_of_name("the Kremlin").nation.id == "russia"
    assert nation_of_name("Beijing").kind == "seat"
    assert nation_of_name("Chinese") is None  # a demonym alone is no speaker
    assert nation_of_name("Stockholm University") is None


def test_split_speaker_drops_articles_and_descriptors():
    assert split_speaker("the state news agency Xinhua").name == "Xinhua"
    assert split_speaker("the state news agency Xinhua").descriptors == ("state", "news", "agency")
    assert split_speaker("another presidential official").name == "presidential official"
    assert split_speaker("The North Atlantic Council (NAC)").name == "North Atlantic Council"


def test_mention_contexts_title_apposition_and_full_name():
    text = (
        "Chinese Foreign Ministry spokesperson Wang Lei said so. "
        '"No," said Kim Sung-han, director of the NSO, on Monday. '
        "Lena Holm of Stockholm University said no. "
        "Chinese Commerce Ministry spokesperson He Lan said yes."
    )
    assert mention_contexts("Wang Lei", text)[0].title == "Chinese Foreign Ministry spokesperson"
    assert mention_contexts("Kim Sung-han", text)[0].apposition == "director of the NSO"
    assert mention_contexts("Lena Holm", text)[0].apposition == "of Stockholm University"
    assert mention_contexts("Lan", text)[0].full_name == "He Lan"
    assert mention_contexts("NATO", "the US-led NATO said")[0].full_name == ""


def test_organisations_acronyms_roles_datelines():
    assert organisations_in("NATO Secretary General") == ["NATO"]
    assert organisations_in("NATO’s supreme decision-making body") == ["NATO"]
    assert organisations_in("a senior fellow at the Istanbul Policy Center") == ["Istanbul Policy Center"]
    assert organisations_in("a researcher at the Chinese Academy of Social Sciences") == [
        "Chinese Academy of Social Sciences"
    ]
    assert organisations_in("a trade analyst at the consultancy Agro Insight") == ["Agro Insight"]
    assert organisations_in("Opposition lawmaker") == []
    assert organisations_in("Swedish Prime Minister") == []
    text = "the presidential National Security Office (NSO) said. Yoon (C) arrives."
    assert find_acronyms(text) == {"NSO": "National Security Office"}
    assert role_of("Chinese Foreign Ministry spokesperson".split()) == "government"
    assert role_of(["state-run", "Anadolu", "Agency"]) == "media"
    assert role_of("a professor at Seoul National University".split()) == "expert"
    assert role_of("Opposition lawmaker".split()) == "civil"
    assert role_of("Turkish parliament".split()) == "legislature"
    assert is_dateline("SÃO PAULO", "x\n\nSÃO PAULO — Farmers said")
    assert not is_dateline("NATO", "NATO said")


# -- drafts ------------------------------------------------------------------------------------
def test_turkey_sweden_draft_finds_and_groups_the_voices(turkey_draft):
    active = [a.id for a in turkey_draft.active_actors]
    for expected in ("sweden_government", "turkey_government", "nato", "russia_government", "hungary_government"):
        assert expected in active
    # later short reference with the full name; capital and country name as metonyms
    assert {"Erik Lindqvist", "Lindqvist", "Anna Berg", "Stockholm", "Sweden", "Swedish government"} <= aliases(
        turkey_draft, "sweden_government"
    )
    # spokesperson with the ministry named in the title; unnamed officials by nationality
    assert {"Burak Yildiz", "Turkish Foreign Ministry", "Kemal Ozdemir", "Turkish officials", "Turkish official"} <= (
        aliases(turkey_draft, "turkey_government")
    )
    assert {"Lars Henriksen", "Mira Solberg", "NATO"} <= aliases(turkey_draft, "nato")
    assert {"Pavel Orlov", "Kremlin"} <= aliases(turkey_draft, "russia_government")
    assert owner(turkey_draft, "Anadolu Agency") is not None
    assert actor(turkey_draft, owner(turkey_draft, "Anadolu Agency")).role == "media"


def test_turkey_sweden_draft_keeps_experts_and_opposition_apart(turkey_draft):
    university = actor(turkey_draft, owner(turkey_draft, "Stockholm University"))
    assert not university.active and university.role == "expert"
    assert {"Lena Holm", "Stockholm University"} <= {a.alias for a in university.aliases}
    assert "Lena Holm" not in aliases(turkey_draft, "sweden_government")
    sweden = actor(turkey_draft, "sweden_government")
    assert any("Stockholm University" in check for check in sweden.checks)
    assert not actor(turkey_draft, owner(turkey_draft, "Sinan Aksoy")).active
    acar = actor(turkey_draft, owner(turkey_draft, "Deniz Acar"))
    assert not acar.active and acar.role == "civil"
    assert any("Lindqvist" in check and "short for" in check for check in sweden.checks)


def test_brazil_china_draft_finds_and_groups_the_voices(brazil_draft):
    china = aliases(brazil_draft, "china_government")
    assert {"Wang Lei", "Chinese Foreign Ministry", "Chinese Commerce Ministry", "He Lan", "Beijing", "China"} <= china
    brazil = aliases(brazil_draft, "brazil_government")
    assert {
        "Luiz Ribeiro",
        "Ribeiro",
        "Brazilian Foreign Ministry",
        "Brazilian officials",
        "Brazilian diplomat",
    } <= brazil
    # "Trade Minister Carla Mendes" names no country: the BRASÍLIA dateline gives it, with a note
    assert "Carla Mendes" in brazil
    assert any("dateline" in check for check in actor(brazil_draft, "brazil_government").checks)
    us = aliases(brazil_draft, "united_states_government")
    assert {"Matthew Reed", "State Department", "Washington", "United States"} <= us
    assert owner(brazil_draft, "China Daily") == "china_media"
    assert actor(brazil_draft, owner(brazil_draft, "Xinhua")).role == "media"


def test_brazil_china_draft_keeps_institutions_named_after_a_country_apart(brazil_draft):
    academy = actor(brazil_draft, owner(brazil_draft, "Chinese Academy of Social Sciences"))
    assert academy.id != "china_government" and not academy.active
    assert "Zhang Wei" in {a.alias for a in academy.aliases}
    growers = actor(brazil_draft, owner(brazil_draft, "Brazilian Soybean Growers Association"))
    assert growers.id != "brazil_government" and growers.role == "civil" and not growers.active
    assert "Joao Pereira" in {a.alias for a in growers.aliases}
    assert actor(brazil_draft, owner(brazil_draft, "Rafael Costa")).role == "expert"
    assert ("SÃO PAULO", 1) in brazil_draft.ignored  # a dateline read as a subject is not a speaker


def test_counts_and_examples_are_those_of_the_corpus(turkey_draft):
    sweden = actor(turkey_draft, "sweden_government")
    by_name = {s.name: s for s in sweden.speakers}
    assert by_name["Erik Lindqvist"].count == 2 and by_name["Lindqvist"].count == 2
    assert sweden.count == sum(s.count for s in sweden.speakers) == 9
    assert by_name["Anna Berg"].example.startswith("Swedish Foreign Minister Anna Berg said")
    assert by_name["Anna Berg"].titles == ("Swedish Foreign Minister",)


def test_target_terms_are_corpus_specific_phrases_not_names(turkey_draft, brazil_draft):
    turkey_terms = [t.term for t in turkey_draft.terms]
    assert turkey_terms[0] == "accession protocol"
    brazil_terms = [t.term for t in brazil_draft.terms]
    assert {"trade deal", "local currency settlement", "soybean exports"} <= set(brazil_terms)
    for term in turkey_terms + brazil_terms:
        assert not re.search(r"Lindqvist|Wang|Ribeiro|Anadolu|Sweden and|Brazil and China", term), term
    deal = next(t for t in brazil_draft.terms if t.term == "trade deal")
    # counted in the corpus; rare in the background (the team's coded sentences on 31 other events)
    assert deal.count == 13 and deal.documents == 4 and deal.background <= 1 and deal.keyness > 0


def test_draft_toml_loads_says_draft_and_other_voices_uncomment(tmp_path, turkey_draft, brazil_draft):
    for draft in (turkey_draft, brazil_draft):
        text = draft.to_toml()
        assert text.startswith("# DRAFT PROFILE")
        assert "check:" in text
        path = tmp_path / f"{draft.name}.toml"
        path.write_text(text, encoding="utf-8")
        profile = load_profile(path)
        assert profile.description.startswith("DRAFT")
        assert profile.actor_ids == tuple(a.id for a in draft.active_actors)
        assert profile == draft.to_profile().__class__(**{**draft.to_profile().__dict__, "source": str(path)})
        # every commented "other voice" is a whole actor table: uncommented, the file still loads
        uncommented = re.sub(r"(?m)^# (\[actors\.|label = |aliases = |    \"|\])", r"\1", text)
        path.write_text(uncommented, encoding="utf-8")
        assert len(load_profile(path).actors) == len(draft.actors)


def test_draft_is_deterministic_and_streams(turkey_draft):
    again = draft_profile(iter(load_corpus([TURKEY_SWEDEN])), name="turkey-sweden")
    assert again.to_toml() == turkey_draft.to_toml()


def test_empty_corpus_gives_a_valid_placeholder(tmp_path):
    draft = draft_profile([], name="empty")
    path = tmp_path / "empty.toml"
    path.write_text(draft.to_toml(), encoding="utf-8")
    assert load_profile(path).actor_ids == ("todo",)
    assert draft.terms == ()


def test_awkward_names_make_valid_toml(tmp_path):
    text = (
        'Ministry spokesperson Zoë "Z" O\'Brien-Łukasz said the canal treaty was fair.\n\n'
        "Zoë O'Brien-Łukasz said the canal treaty would pass. 1234 Group said the canal treaty failed."
    )
    draft = draft_profile([make_article({}, text, "odd", "odd")], name='odd "name"')
    path = tmp_path / "odd.toml"
    path.write_text(draft.to_toml(), encoding="utf-8")
    assert load_profile(path).name == 'odd "name"'
    for candidate in draft.actors:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", candidate.id)


def test_seeds_draft_reproduces_the_shipped_grouping(seeds_draft, korea_nato, seed_articles):
    """Every speaker of the seeds gets one draft actor per shipped actor, and none falls to "other"."""
    draft = seeds_draft.to_profile()
    assert set(draft.actor_ids) == {"nato", "south_korea_government", "china_media", "china_government"}
    pairs = set()
    for article in seed_articles:
        sentences = split_sentences(article.text)
        mine = attribute(article, draft, sentences)
        shipped = attribute(article, korea_nato, sentences)
        for a, b in zip(mine, shipped, strict=True):
            if b.voice != "outlet":
                pairs.add((a.voice, b.voice))
    assert pairs == {
        ("nato", "nato"),
        ("south_korea_government", "korean_government"),
        ("china_media", "chinese_state_media"),
        ("china_government", "china_government"),
    }
    assert "korea-nato" in seeds_draft.left_out_events  # the seeds are never their own background
    assert {"NATO Summit", "mission to Nato", "diplomatic mission"} <= {t.term for t in seeds_draft.terms}


# -- background ------------------------------------------------------------------------------------
def test_shipped_background_is_up_to_date():
    spec = importlib.util.spec_from_file_location("build_background", ROOT / "benchmarks" / "build_background.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    shipped = (ROOT / "stance" / "data" / "background.json").read_text("utf-8")
    assert shipped == module.background_text(), "run: python benchmarks/build_background.py"


def test_background_leaves_out_an_event_the_corpus_contains():
    background = {
        "events": {
            "ours": {"sentences": 2, "tokens": 10, "fingerprints": [fingerprint("The canal treaty passed.")]},
            "theirs": {"sentences": 2, "tokens": 10, "fingerprints": [fingerprint("Something else.")]},
        },
        "counts": {"canal treaty": {"ours": 1, "theirs": 1}},
    }
    counter = TermCounter()
    counter.add_article(["The canal treaty passed.", "The canal treaty is old."])
    counter.add_article(["A canal treaty again."])
    assert counter.background_events(background) == (["theirs"], ["ours"])
    (term,) = [t for t in counter.candidates(background=background) if t.term == "canal treaty"]
    assert (term.count, term.documents, term.background) == (3, 2, 1)


def test_phrases_skip_stopwords_digits_and_punctuation():
    keys = [k for k, _ in phrases("In 2024, Turkey's parliament said the accession protocol passed.")]
    assert "turkey parliament" in keys and "accession protocol" in keys
    assert not any(k.startswith(("in ", "the ")) or k.endswith(" the") or "2024" in k for k in keys)
    assert "parliament said" not in keys and "said" not in keys  # reporting verbs are stopwords


def test_shipped_background_covers_several_events():
    background = load_background()
    assert len(background["events"]) >= 7
    assert all(info["tokens"] > 0 for info in background["events"].values())


# -- coverage ----------------------------------------------------------------------------------------
SMALL = profile_from_dict(
    {
        "name": "canal",
        "target": {"label": "the canal treaty"},
        "actors": {
            "freedonia": {
                "label": "Freedonia",
                "aliases": ["Freedonia", "Freedonian Foreign Ministry", "Harbor Board"],
            },
            "sylvanian_media": {"label": "Sylvanian media", "aliases": ["Sylvania Daily"]},
            "sylvania": {"label": "Sylvania", "aliases": ["Sylvania"]},
        },
    }
)


def record(index: int, voice: str, speaker: str | None, text: str = "", doc_id: str = "d1") -> SentenceRecord:
    return SentenceRecord(
        doc_id, "o", None, None, None, index, 0, 0, text or f"sentence {index}", voice, speaker, "none",
        "neutral", 0.0, 0.5, (), (),
    )  # fmt: skip


RECORDS = [
    record(0, "outlet", None),
    record(1, "freedonia", "the Freedonian Foreign Ministry"),
    record(2, "freedonia", "Freedonian Foreign Ministry"),
    record(3, "sylvanian_media", "Sylvania Daily"),
    record(4, "other", "Anna Berg", "Anna Berg said the treaty was fair."),
    record(5, "other", "anna berg", "Later she said it again."),
    record(6, "other", None, "“A bad deal for all of us.”"),
    record(7, "other", "Mara Quist", "Mara Quist said no.", "d2"),
    record(8, "outlet", None),
    record(9, "outlet", None),
]


def test_coverage_numbers_by_hand():
    coverage = profile_coverage(SMALL, RECORDS)
    assert (coverage.sentences, coverage.attributed, coverage.other, coverage.unnamed) == (10, 7, 4, 1)
    assert coverage.other_share == pytest.approx(4 / 7)
    assert dict(coverage.by_voice) == {"freedonia": 2, "sylvanian_media": 1, "sylvania": 0, "other": 4, "outlet": 3}
    assert [(u.speaker, u.count, u.example, u.doc_id) for u in coverage.unmatched] == [
        ("Anna Berg", 2, "Anna Berg said the treaty was fair.", "d1"),
        ("Mara Quist", 1, "Mara Quist said no.", "d2"),
    ]
    uses = {u.alias: u.speakers for u in coverage.alias_uses}
    # "Freedonia" is not a word of "Freedonian Foreign Ministry"; "Sylvania" is one of "Sylvania Daily"
    assert uses == {
        "Freedonia": 0,
        "Freedonian Foreign Ministry": 2,
        "Harbor Board": 0,
        "Sylvania Daily": 1,
        "Sylvania": 1,
    }
    assert {u.alias for u in coverage.unused_aliases} == {"Freedonia", "Harbor Board"}
    assert not coverage.texts_checked


def test_coverage_overlaps_between_actors_and_inside_names():
    article = make_article(
        {"id": "d1"},
        "Freedonia signed. A professor at Sylvania State University said it was a bad deal.",
        "d1",
        "d1",
    )
    coverage = profile_coverage(SMALL, RECORDS, [article])
    overlaps = {(o.where, o.alias, o.inside, o.other_actor, o.count) for o in coverage.overlaps}
    assert overlaps == {
        ("aliases", "Sylvania", "Sylvania Daily", "sylvanian_media", 0),
        ("speaker", "Sylvania", "Sylvania Daily", "sylvanian_media", 1),
        ("text", "Sylvania", "Sylvania State University", None, 1),
    }
    # with the texts, "Freedonia" is used (mentioned) and only "Harbor Board" never matches
    assert [u.alias for u in coverage.unused_aliases] == ["Harbor Board"]
    assert coverage.texts_checked


def test_coverage_to_dict_summary_and_format():
    coverage = profile_coverage(SMALL, RECORDS)
    data = json.loads(json.dumps(coverage.to_dict()))
    assert data["other_share"] == pytest.approx(0.5714)
    assert data["unused_aliases"] == [
        {"actor": "freedonia", "alias": "Freedonia"},
        {"actor": "freedonia", "alias": "Harbor Board"},
    ]
    summary = coverage.summary()
    assert "7 of 10 sentences" in summary and "4 of them (57.1%)" in summary and "Anna Berg (2)" in summary
    text = coverage.format()
    assert "Anna Berg" in text and "Harbor Board" in text and "'Sylvania' (sylvania) inside 'Sylvania Daily'" in text
    assert isinstance(coverage, Coverage)


def test_coverage_builder_streams_one_article_at_a_time():
    builder = CoverageBuilder(SMALL)
    builder.add_records(iter(RECORDS[:5]))
    builder.add_records(iter(RECORDS[5:]))
    assert builder.result() == profile_coverage(SMALL, RECORDS)


def test_coverage_of_the_draft_on_its_own_corpus(turkey_draft):
    profile = turkey_draft.to_profile()
    articles = load_corpus([TURKEY_SWEDEN])
    coverage = profile_coverage(profile, analyze(articles, profile, rule="lexicon"), articles)
    assert coverage.is_draft
    # only the commented other voices (experts, an opposition lawmaker) fall to "other"
    assert {u.speaker for u in coverage.unmatched} <= {"Lena Holm", "Sinan Aksoy", "Deniz Acar", "University"}
    assert coverage.other_share < 0.25


# -- command line ------------------------------------------------------------------------------------
@pytest.fixture()
def runner():
    return CliRunner()


def test_cli_init_writes_a_loadable_draft_and_refuses_to_overwrite(runner, tmp_path):
    out = tmp_path / "event.toml"
    result = runner.invoke(cli, ["profile", "init", str(BRAZIL_CHINA), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "DRAFT" in result.stderr and "actors" in result.stderr
    profile = load_profile(out)
    assert profile.name == "event" and "china_government" in profile.actor_ids
    again = runner.invoke(cli, ["profile", "init", str(BRAZIL_CHINA), "-o", str(out)])
    assert again.exit_code == 2 and "--force" in again.stderr
    forced = runner.invoke(cli, ["profile", "init", str(BRAZIL_CHINA), "-o", str(out), "--force", "--name", "bc"])
    assert forced.exit_code == 0 and load_profile(out).name == "bc"


def test_cli_init_to_stdout_and_bad_input(runner, tmp_path):
    result = runner.invoke(cli, ["profile", "init", str(TURKEY_SWEDEN)])
    assert result.exit_code == 0 and result.stdout.startswith("# DRAFT PROFILE")
    missing = runner.invoke(cli, ["profile", "init", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_cli_check_without_corpus_keeps_its_output(runner):
    result = runner.invoke(cli, ["profile", "check", "korea-nato"])
    assert result.exit_code == 0
    assert result.stdout == "ok: profile korea-nato: 4 actors, 109 aliases, 15 target terms\n"


def test_cli_check_with_corpus(runner, tmp_path):
    out = tmp_path / "ts.toml"
    assert runner.invoke(cli, ["profile", "init", str(TURKEY_SWEDEN), "-o", str(out)]).exit_code == 0
    result = runner.invoke(cli, ["profile", "check", str(out), "--corpus", str(TURKEY_SWEDEN)])
    assert result.exit_code == 0, result.output
    assert "still marked DRAFT" in result.stderr
    assert "falling to 'other'" in result.stdout and "Lena Holm" in result.stdout
    assert "'Stockholm' (sweden_government) inside 'Stockholm University'" in result.stdout
    as_json = runner.invoke(cli, ["profile", "check", str(out), "--corpus", str(TURKEY_SWEDEN), "--format", "json"])
    data = json.loads(as_json.stdout)
    # 33: "…, demanding that Stockholm act against …" reports the Turkish president's demand
    assert data["attributed"] == 33 and data["other"] == 6
    strict = runner.invoke(cli, ["profile", "check", str(out), "--corpus", str(TURKEY_SWEDEN), "--max-other", "0.1"])
    assert strict.exit_code == 1 and "fall to 'other'" in strict.stderr


def test_cli_check_takes_several_corpus_paths(runner):
    files = sorted(str(p) for p in TURKEY_SWEDEN.glob("*.md"))
    both = runner.invoke(cli, ["profile", "check", "korea-nato", "--corpus", files[0], files[1], "--format", "json"])
    repeated = runner.invoke(
        cli, ["profile", "check", "korea-nato", "--corpus", files[0], "--corpus", files[1], "--format", "json"]
    )
    assert both.exit_code == 0 and both.stdout == repeated.stdout
    stray = runner.invoke(cli, ["profile", "check", "korea-nato", files[0]])
    assert stray.exit_code == 2 and "--corpus" in stray.output


def test_library_exports():
    assert stance.draft_profile is draft_profile and stance.profile_coverage is profile_coverage
    assert fold("Stockholm") == "stockholm"


# -- officials named without their country (tests/data/authoring/norway_arctic) -------------
NORWAY_ARCTIC = DATA / "norway_arctic"


@pytest.fixture(scope="module")
def norway_draft() -> Draft:
    return draft_profile(load_corpus([NORWAY_ARCTIC]), name="norway-arctic")


def test_officials_without_a_country_take_the_outlets_country(norway_draft):
    """'Prime Minister Ingrid Solvang' in The Oslo Gazette is Norway's; 'Deputy Defence Minister
    Anatoly Sidorin' in the Moskva Neva Bulletin is Russia's; each with a note to check."""
    norway = actor(norway_draft, "norway_government")
    assert {"Ingrid Solvang", "Tor Aasen"} <= aliases(norway_draft, "norway_government")
    assert any("country taken from the outlet (The Oslo Gazette)" in c for c in norway.checks)
    assert "Anatoly Sidorin" in aliases(norway_draft, "russia_government")
    # NATO's spokesperson is never made a Norwegian official by the outlet's country
    assert owner(norway_draft, "Paula Meyer") == "nato"


def test_a_government_of_a_titled_person_is_that_persons_government(norway_draft):
    """'The government of Prime Minister Ingrid Solvang said' joins Solvang, not a new actor."""
    assert not [a for a in norway_draft.actors if "prime_minister" in a.id]
    assert "Prime Minister Ingrid Solvang" not in {s.name for a in norway_draft.actors for s in a.speakers} - {
        s.name for s in actor(norway_draft, "norway_government").speakers
    }


def test_a_ministry_named_without_its_country_in_two_countries_outlets_is_flagged(norway_draft):
    """'Foreign Ministry' of Norway (Arctic Herald) and of Russia (Neva Bulletin): one name, two bodies."""
    ministry = actor(norway_draft, owner(norway_draft, "Foreign Ministry"))
    assert ministry.nation is None
    assert any("outlets of several countries (norway, russia)" in c for c in ministry.checks)
