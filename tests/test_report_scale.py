"""The report streams: one pass over the records, bounded samples, the same files as before.

Checks that a generator and an online Aggregator give the same bytes as a list and a finished
summary; that what is kept for the evidence tables, the strip chart and the appendix is
bounded, independent of the order of arrival and equal to the full-sort definitions; and that a
large corpus says what it left out (appendix cut, outlets capped in charts and tables).
"""

from __future__ import annotations

import random
import re
from dataclasses import replace

import pytest
from test_report import META, make_records

from stance.aggregate import Aggregator, summarize
from stance.profile import load_profile
from stance.records import SentenceRecord
from stance.report import charts, write_report
from stance.report.collect import FirstSentences, ReportCollector, StrongestStatements


@pytest.fixture(scope="module")
def profile():
    return load_profile("korea-nato")


def synthetic(outlets: int, articles: int, sentences: int = 6, seed: int = 0) -> list[SentenceRecord]:
    """``outlets × articles`` articles of ``sentences`` records with varied voices and scores."""
    rng = random.Random(seed)
    voices = ("outlet", "korean_government", "nato", "chinese_state_media", "china_government", "other")
    out = []
    for o in range(outlets):
        for a in range(articles):
            for i in range(sentences):
                score = round(rng.uniform(-1, 1), 3) if rng.random() < 0.7 else 0.0
                out.append(
                    SentenceRecord(
                        doc_id=f"o{o:02d}-a{a:04d}",
                        outlet=f"Outlet {o:02d}",
                        title=None,
                        date=None,
                        url=None,
                        index=i,
                        start=0,
                        end=9,
                        text=f"Sentence {i} of article {a}.",
                        voice=rng.choice(voices),
                        speaker=None,
                        quote="none",
                        stance="favor" if score > 0 else "against" if score < 0 else "neutral",
                        score=score,
                        confidence=0.5,
                        frames=(),
                        cues=(),
                    )
                )
    return out


def _tree(path):
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


def test_streamed_report_is_byte_identical_to_the_listed_one(tmp_path, profile):
    records = make_records()
    listed = write_report(
        records, summarize(records, profile=profile, bootstrap=200), tmp_path / "a", profile=profile, meta=META
    )
    streamed = write_report(
        (r for r in records), Aggregator(profile=profile, bootstrap=200), tmp_path / "b", profile=profile, meta=META
    )
    assert _tree(listed.out_dir) == _tree(streamed.out_dir)
    late = write_report(
        iter(records), Aggregator(profile=profile, bootstrap=200), tmp_path / "c", profile=profile, meta=lambda: META
    )
    assert _tree(late.out_dir) == _tree(listed.out_dir)


def test_kept_records_are_bounded_and_match_the_full_sort(profile):
    records = synthetic(outlets=15, articles=40)
    collected = ReportCollector(evidence=3, max_articles=5, appendix=50)
    for record in records:
        collected.add(record)
    assert collected.sentences == len(records)
    # evidence: the full sort's top 3 per voice
    for voice in {r.voice for r in records}:
        full = sorted(
            (r for r in records if r.voice == voice and r.score), key=lambda r: (-abs(r.score), r.doc_id, r.index)
        )
        assert collected.evidence.rows(voice) == full[:3]
    # appendix: the first 50 sentences by outlet, article, index
    first = sorted(records, key=lambda r: (r.outlet, r.doc_id, r.index))[:50]
    assert [r for a in collected.appendix.articles() for r in a["rows"]] == first
    assert not collected.appendix.is_complete
    # strip chart: at most max_articles² articles kept, and the old rule's choice
    kept = {(r.outlet, r.doc_id) for r in collected.sample.records()}
    assert len(kept) == 5
    assert collected.sample.chosen() == ["o00-a0000", "o01-a0000", "o02-a0000", "o03-a0000", "o04-a0000"]
    assert sum(len(d) for d in collected.sample._outlets.values()) <= 25


def test_kept_records_do_not_depend_on_arrival_order():
    records = synthetic(outlets=6, articles=30, seed=1)
    shuffled = records[:]
    random.Random(5).shuffle(shuffled)
    a = ReportCollector(evidence=4, max_articles=7, appendix=40).update(records)
    b = ReportCollector(evidence=4, max_articles=7, appendix=40).update(shuffled)
    assert a.sample.chosen() == b.sample.chosen()
    assert sorted(map(repr, a.sample.records())) == sorted(map(repr, b.sample.records()))
    assert [r for x in a.appendix.articles() for r in x["rows"]] == [
        r for x in b.appendix.articles() for r in x["rows"]
    ]
    for voice in {r.voice for r in records}:
        assert a.evidence.rows(voice) == b.evidence.rows(voice)


def test_ties_keep_the_first_arrival_like_a_stable_sort():
    base = synthetic(1, 1, 1)[0]
    twins = [replace(base, score=0.5, text=f"twin {i}") for i in range(4)]
    strongest = StrongestStatements(2)
    for twin in twins:
        strongest.add(twin)
    assert [r.text for r in strongest.rows(base.voice)] == ["twin 0", "twin 1"]
    first = FirstSentences(2)
    for twin in twins:
        first.add(twin)
    assert [r.text for a in first.articles() for r in a["rows"]] == ["twin 0", "twin 1"]


def test_large_corpus_report_says_what_it_left_out(tmp_path, profile):
    records = synthetic(outlets=15, articles=12)
    summary = summarize(records, profile=profile, bootstrap=0)
    paths = write_report(records, summary, tmp_path, profile=profile, meta=META, appendix=100)
    html = paths.html.read_text("utf-8")
    assert f"This appendix lists the first 100 of {len(records):,} sentences" in html
    assert '<a href="data/sentences.csv">data/sentences.csv</a>' in html
    rows = re.findall(r'<tr id="(s-[^"]+)"', html)
    assert len(rows) == 100
    assert set(re.findall(r'href="#(s-[^"]+)"', html)) <= set(rows)  # every link has a target
    assert 'title="beyond the appendix: see data/sentences.csv"' in html
    assert "Pairs among the 12 largest of 15 outlets by sentence count" in html
    assert len(re.findall(r"<tr><td>Outlet \d\d · Outlet \d\d</td>", html)) == 12 * 11 // 2
    md = paths.markdown.read_text("utf-8")
    assert "This appendix lists the first 100" in md and "(in data/sentences.csv)" in md
    with paths.sentences_csv.open(encoding="utf-8") as stream:
        assert sum(1 for _ in stream) == len(records) + 1  # the CSV has every sentence


def test_charts_cap_outlets_and_say_so(profile):
    records = synthetic(outlets=15, articles=3)
    records += [replace(r, outlet="Outlet 14", doc_id=r.doc_id + "x") for r in records if r.outlet == "Outlet 14"]
    summary = summarize(records, profile=profile, bootstrap=0)
    shown, note = charts.chart_outlets(summary)
    assert len(shown) == charts.MAX_CHART_OUTLETS and "Outlet 14" in [o.outlet for o in shown]
    assert note == "the 12 largest of 15 outlets by sentence count"
    heatmap = charts.stance_heatmap(summary)
    assert note in heatmap.axes[0].get_title("left")
    assert len(heatmap.axes[0].get_yticklabels()) == 12
    for chart in (charts.share_of_voice_chart, charts.stance_intervals_chart, charts.frame_mix_chart):
        assert note in chart(summary).axes[0].get_title("left")
    small = summarize(make_records(), profile=profile, bootstrap=0)
    assert charts.chart_outlets(small)[1] == ""
    assert "\n" not in charts.stance_heatmap(small).axes[0].get_title("left")
