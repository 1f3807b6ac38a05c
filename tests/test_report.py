"""Report: files written, self-contained and escaped HTML, Markdown, data files, determinism."""

from __future__ import annotations

import base64
import csv
import json
import re
from dataclasses import replace

import matplotlib
import pytest
from matplotlib.figure import Figure

from stance.aggregate import summarize
from stance.profile import load_profile
from stance.records import RECORD_FIELDS, SentenceRecord
from stance.report import FIGURES, charts, write_report
from stance.report.highlight import cue_phrase, cue_spans, highlight_html, highlight_markdown
from stance.report.render import anchor_id, headline_findings

XSS = "<script>alert(1)</script>"

LINES = {
    "outlet": ("South Korea opened a mission to NATO in Brussels.", 0.0, "neutral", ()),
    "korean_government": (
        "Kim Sung-han said the mission will strengthen cooperation.",
        0.6,
        "favor",
        ("+strengthen", "+cooperation"),
    ),
    "nato": ("NATO welcomed the decision as a step for partners.", 0.5, "favor", ("+welcome",)),
    "chinese_state_media": (
        "The Global Times warned the move would provoke confrontation.",
        -0.7,
        "against",
        ("-warn", "-provoke", "model:favor=0.10"),
    ),
    "china_government": ("Beijing said it firmly opposes the move.", -0.8, "against", ("boost:firmly x1.3", "-oppose")),
    "other": ("An analyst called it symbolic.", 0.0, "neutral", ()),
}
PLAN = {  # outlet -> voices of its sentences, in reading order, per article
    "Global Times": ["outlet", "chinese_state_media", "china_government", "outlet", "nato", "china_government"],
    "Inquirer.net": ["outlet", "nato", "korean_government", "outlet", "other", "china_government"],
    "Korea JoongAng Daily": ["outlet", "korean_government", "korean_government", "nato"],
}


def make_records() -> list[SentenceRecord]:
    records = []
    for outlet, voices in sorted(PLAN.items()):
        for article in range(2):
            doc = f"{outlet.split()[0].lower().rstrip('.net')}-{article}"
            for index, voice in enumerate(voices):
                text, score, stance, cues = LINES[voice]
                score = round(score * (1 - 0.1 * ((index + article) % 3)), 3)
                records.append(
                    SentenceRecord(
                        doc_id=doc,
                        outlet=outlet,
                        title=f"{outlet} article {article}",
                        date="2022-06-22",
                        url=f"https://example.org/{doc}",
                        index=index,
                        start=0,
                        end=len(text),
                        text=text,
                        voice=voice,
                        speaker=None if voice == "outlet" else voice.replace("_", " "),
                        quote="none" if voice == "outlet" else "direct",
                        stance=stance,
                        score=score,
                        confidence=0.8,
                        frames=("security_defense",) if score < 0 else (),
                        cues=cues,
                    )
                )
    return records


def hostile(records: list[SentenceRecord]) -> list[SentenceRecord]:
    """The same corpus with markup in every free-text field of one record."""
    bad = replace(
        records[1],
        text=f'He said {XSS} & "more" | *x* warned',
        speaker=f"{XSS} speaker",
        cues=("-warn", "-script", "-amp"),
        score=-0.99,
        stance="against",
    )
    out = [bad if r is records[1] else r for r in records]
    return [  # the article's metadata too
        replace(r, title=f"{XSS} title", url="javascript:alert(1)") if r.doc_id == bad.doc_id else r for r in out
    ]


META = {
    "stance_version": "0.1.0",
    "lexicon_version": "test-lexicon-1",
    "combine_rule": "blend",
    "model": {"name": "stance-default.npz", "trained_on": 800},
    "validation": [{"name": "macro-F1", "value": 0.61, "note": f"grouped CV {XSS}"}],
    "skipped": [{"source": "broken.html", "line": 3, "reason": f"bad bytes {XSS}"}],
}


@pytest.fixture(scope="module")
def profile():
    return load_profile("korea-nato")


@pytest.fixture(scope="module")
def report(tmp_path_factory, profile):
    records = hostile(make_records())
    summary = summarize(records, profile=profile, bootstrap=300)
    out = tmp_path_factory.mktemp("report")
    paths = write_report(records, summary, out, profile=profile, meta=META)
    return records, summary, paths


def test_every_file_is_written(report):
    _, _, paths = report
    assert paths.html.is_file() and paths.markdown.is_file()
    names = sorted(p.name for p in paths.figures)
    assert names == sorted(f"{n}.{ext}" for n in FIGURES for ext in ("png", "svg"))
    assert all(p.parent == paths.out_dir / "figures" for p in paths.figures)
    assert paths.sentences_csv == paths.out_dir / "data" / "sentences.csv"
    assert paths.summary_json == paths.out_dir / "data" / "summary.json"


def test_html_is_self_contained(report):
    html = report[2].html.read_text("utf-8")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html.lower() and "<link" not in html.lower()
    assert not re.search(r"""src\s*=\s*["']?(?:https?:)?//""", html)  # nothing is loaded
    # the only external URLs are links to the articles' sources, followed only on a click
    links = re.findall(r'<a href="(https?://[^"]+)">([^<]*)</a>', html)
    assert links and {label for _, label in links} == {"source"}
    assert html.count("://") == len(links)
    assert "@import" not in html and "url(" not in html
    sources = re.findall(r'<img src="([^"]+)"', html)
    assert len(sources) == len(FIGURES)
    for src in sources:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


def test_all_article_text_is_escaped(report):
    html = report[2].html.read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.replace("<mark>script</mark>", "script")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; speaker" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; title" in html
    assert 'href="javascript:' not in html
    assert "bad bytes &lt;script&gt;" in html and "grouped CV &lt;script&gt;" in html
    md = report[2].markdown.read_text("utf-8")
    assert not re.search(r"(?<!\\)</?script", md)  # every < before script is escaped
    assert r"\<script\>alert(1)\</script\> speaker" in md
    assert r"\| \*x\*" in md  # a pipe in the text cannot break the table


def test_cues_are_marked_inside_escaped_text(report):
    html = report[2].html.read_text("utf-8")
    assert "&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;" in html
    assert "<mark>warned</mark>" in html and "<mark>welcomed</mark>" in html
    assert "firmly</mark>" in html and "<mark>opposes</mark>" in html
    assert "&<mark>amp</mark>;" not in html  # never inside an entity
    md = report[2].markdown.read_text("utf-8")
    assert "**warned**" in md


def test_evidence_links_point_at_appendix_rows(report):
    html = report[2].html.read_text("utf-8")
    targets = set(re.findall(r'href="#(s-[^"]+)"', html))
    ids = set(re.findall(r'<tr id="(s-[^"]+)"', html))
    assert targets and targets <= ids
    assert len(ids) == len(report[0])


def test_sections_and_method_facts(report):
    html = report[2].html.read_text("utf-8")
    for section in ("overview", "outlets", "voices", "evidence", "method", "appendix"):
        assert f'id="{section}"' in html
    for fact in (
        "test-lexicon-1",
        "stance-default.npz",
        "macro-F1",
        "broken.html:3",
        "B = 300",
        "korea-nato",
        "(50 aliases)",
        "Sentence counts are not importance",
    ):
        assert fact in html, fact
    md = report[2].markdown.read_text("utf-8")
    for name in FIGURES:
        assert f"](figures/{name}.png)" in md
    assert "## Method & caveats" in md and "test-lexicon-1" in md


def test_headline_findings_come_from_the_summary(report):
    _, summary, paths = report
    html = paths.html.read_text("utf-8")
    assert f"{summary.sentences} sentences from 6 articles in 3 outlets" in html
    assert "Most favourable toward South Korea&#39;s" in html
    assert "Most against South Korea&#39;s" in html


def test_headline_does_not_call_a_favourable_voice_against(profile):
    records = [replace(r, score=abs(r.score) or 0.1) for r in make_records()]
    lines = headline_findings(summarize(records, profile=profile, bootstrap=0), "the mission")
    assert not any(line.startswith("Most against") for line in lines)
    assert any(
        line.startswith("No voice among voices with at least 5 sentences leans against the mission") for line in lines
    )


def test_headline_names_small_voices_instead_of_hiding_them(profile):
    """A voice heard in few sentences is listed apart, so 'no voice leans against' never hides it."""
    records = make_records()  # chinese_state_media and other are heard in 2 sentences each
    lines = headline_findings(summarize(records, profile=profile, bootstrap=0), "the mission")
    (small,) = [line for line in lines if line.startswith("Voices heard in fewer than 5 sentences")]
    assert "Chinese state media" in small


def test_sentences_csv_has_every_record_in_contract_order(report):
    records, _, paths = report
    with paths.sentences_csv.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.reader(stream))
    assert tuple(rows[0]) == RECORD_FIELDS
    assert len(rows) == len(records) + 1
    cues = rows[1 + 1][RECORD_FIELDS.index("cues")]
    assert cues == "-warn|-script|-amp"


def test_summary_json_is_summary_plus_meta(report):
    _, summary, paths = report
    text = paths.summary_json.read_text("utf-8")
    data = json.loads(text)
    assert data.pop("meta")["lexicon_version"] == "test-lexicon-1"
    assert data == json.loads(json.dumps(summary.to_dict()))
    assert text == json.dumps(json.loads(text), sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_two_runs_give_byte_identical_files(tmp_path, profile):
    records = make_records()
    outputs = []
    for name in ("a", "b"):
        summary = summarize(records, profile=profile, bootstrap=200)
        paths = write_report(records, summary, tmp_path / name, profile=profile, meta=META)
        outputs.append({p.relative_to(paths.out_dir): p.read_bytes() for p in paths.out_dir.rglob("*") if p.is_file()})
    assert outputs[0].keys() == outputs[1].keys() and len(outputs[0]) == 14
    different = [str(k) for k in outputs[0] if outputs[0][k] != outputs[1][k]]
    assert different == []


def test_empty_corpus_still_writes_a_report(tmp_path, profile):
    summary = summarize([], profile=profile)
    paths = write_report([], summary, tmp_path, profile=profile, meta={})
    html = paths.html.read_text("utf-8")
    assert "nothing to report" in html
    assert len(paths.figures) == 2 * len(FIGURES)


# -- charts ------------------------------------------------------------------------------------
def test_charts_return_figures_and_leave_rcparams_alone(profile):
    records = make_records()
    summary = summarize(records, profile=profile, bootstrap=100)
    before = dict(matplotlib.rcParams)
    figures = charts.make_figures(summary, records)
    assert list(figures) == list(FIGURES)
    assert all(isinstance(f, Figure) for f in figures.values())
    assert dict(matplotlib.rcParams) == before


def test_voice_colours_are_fixed_and_outlet_is_grey(profile):
    summary = summarize(make_records(), profile=profile, bootstrap=0)
    colors = charts.voice_colors(summary)
    assert colors["outlet"] == charts.FIXED_COLORS["outlet"]
    assert colors["korean_government"] == charts.OKABE_ITO[0]
    assert colors["nato"] == charts.OKABE_ITO[1]
    fig = charts.share_of_voice_chart(summary)
    used = {matplotlib.colors.to_hex(p.get_facecolor()).upper() for p in fig.axes[0].patches}
    assert used <= {c.upper() for c in colors.values()}
    assert charts.FIXED_COLORS["outlet"].upper() in used


def test_article_selection_is_round_robin_and_titled(profile):
    records = make_records()
    chosen, total = charts.select_articles(records, max_articles=4)
    assert total == 6
    assert chosen == ["global-0", "inquirer-0", "korea-0", "global-1"]
    summary = summarize(records, profile=profile, bootstrap=0)
    fig = charts.article_strips_chart(summary, records, max_articles=4)
    assert "4 of 6 articles" in fig.get_suptitle()
    assert "all 6 articles" in charts.article_strips_chart(summary, records).get_suptitle()


def test_heatmap_leaves_unheard_cells_blank(profile):
    summary = summarize(make_records(), profile=profile, bootstrap=0)
    fig = charts.stance_heatmap(summary)
    image = fig.axes[0].images[0].get_array()
    # Global Times never quotes the Korean government: masked, no number printed there.
    row = [o.outlet for o in summary.outlets].index("Global Times")
    col = summary.voice_order.index("korean_government")
    assert image.mask[row, col]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(texts) == len(summary.cells)


# -- highlighting ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("cue", "phrase"),
    [
        ("+welcome", "welcome"),
        ("-pose * threat", "pose * threat"),
        ("NOT(support)->-", "support"),
        ("boost:firmly x1.3", "firmly"),
        ("hedge:may x0.6", "may"),
        ("model:favor=0.1", None),
        ("off-target x0.3", None),
        ("vader:+0.20", None),
        ("but: later clause weighted", "but"),
    ],
)
def test_cue_phrase(cue, phrase):
    assert cue_phrase(cue) == phrase


def test_highlight_matches_inflections_and_gaps_only():
    text = "NATO welcomed it, but it may pose a grave threat to all allies."
    spans = cue_spans(text, ["+welcome", "-pose * threat", "+ally"])
    assert [text[a:b] for a, b in spans] == ["welcomed", "pose a grave threat", "allies"]
    assert cue_spans("all of them", ["+ally"]) == []


def test_highlight_escapes_before_marking():
    out = str(highlight_html('<b onclick="x">amp & lt</b>', ["+amp", "+lt", "+b"]))
    assert out.count("<mark>") == 4
    assert "<b" not in out.replace("<mark>", "").replace("</mark>", "")
    assert "&amp;" in out and "&<mark>" not in out
    md = str(highlight_markdown("a | <b> welcomed", ["+welcome"]))
    assert md == r"a \| \<b\> **welcomed**"


def test_anchor_ids_are_safe_and_distinct():
    assert anchor_id("joongang-2022", 3) == "s-joongang-2022-3"
    weird = anchor_id('a b"<x>', 0)
    assert re.fullmatch(r"s-[A-Za-z0-9_.~-]+", weird)
    assert anchor_id("a b", 0) != anchor_id("a_b", 0) != anchor_id("a~b", 0)
