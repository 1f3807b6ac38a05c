"""Whole-pipeline properties on arbitrary and hostile input (hypothesis + a generated corpus)."""

from __future__ import annotations

import json
import random

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stance.cli import cli
from stance.corpus import make_article
from stance.errors import InputError
from stance.pipeline import Analyzer
from stance.records import RECORD_FIELDS, SentenceRecord


@pytest.fixture(scope="module")
def analyzer(korea_nato):
    from stance.modelio import default_model

    return Analyzer(korea_nato, default_model())


NEWSY = st.sampled_from(
    [
        "NATO",
        "Seoul",
        "said",
        "“",
        "”",
        '"',
        "'",
        "‘",
        "’",
        ".",
        ",",
        "!",
        "?",
        "\n",
        "\n\n",
        " ",
        "Kim Sung-han",
        "Global Times",
        "will not help",
        "important step",
        "not",
        "but",
        "however",
        "if",
        "he",
        "she",
        "Gen.",
        "U.S.",
        "—",
        "…",
        ":",
        "(",
        ")",
        "<script>",
        "&amp;",
        "\u200b",
        "\ufeff",
        "é",
        "北京",
        "🙂",
    ]
)


def check_records(article, records):
    previous_end = 0
    for record in records:
        assert article.text[record.start : record.end] == record.text
        assert record.start >= previous_end
        previous_end = record.end
        assert -1.0 <= record.score <= 1.0 and 0.0 <= record.confidence <= 1.0
        assert record.stance in ("favor", "against", "neutral")
        assert record.quote in ("direct", "indirect", "mixed", "none")
        data = json.loads(record.to_json())
        assert list(data) == list(RECORD_FIELDS)
        assert SentenceRecord.from_dict(data) == record


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300))
def test_arbitrary_unicode_never_crashes(analyzer, value):
    try:
        article = make_article({"id": "x"}, value, "hyp", "x")
    except InputError:
        return  # empty after cleaning: reported as bad input, never a crash
    check_records(article, analyzer.analyze_article(article))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NEWSY, min_size=1, max_size=60))
def test_news_like_fragments_keep_offsets_and_ranges(analyzer, parts):
    value = " ".join(parts)
    try:
        article = make_article({"id": "x"}, value, "hyp", "x")
    except InputError:
        return
    check_records(article, analyzer.analyze_article(article))


def hostile_corpus(root, n=1000, seed=7):
    """n documents of many kinds, some bad; returns how many are bad by construction."""
    rng = random.Random(seed)
    good_texts = [
        "NATO said the mission is “an important step” for the partnership.",
        'Chinese state media warned: "This will only exacerbate tensions." It added more.',
        "<p>Seoul opened the office <script>alert(1)</script> on Monday.</p>",
        'Unbalanced “quote marks ‘ everywhere " in this sentence.',
        "x" * 5000,
    ]
    bad = 0
    lines = []
    for i in range(n):
        kind = rng.randrange(10)
        if kind == 0:
            (root / f"doc{i:04d}.txt").write_bytes(b"")
            bad += 1
        elif kind == 1:
            (root / f"doc{i:04d}.txt").write_bytes(b"\x00\x01binary")
            bad += 1
        elif kind == 2:
            lines.append("{not json")
            bad += 1
        elif kind == 3:
            (root / f"doc{i:04d}.txt").write_bytes("caf\xe9 latin-1".encode("latin-1"))
            bad += 1
        elif kind == 4:
            lines.append(json.dumps({"id": f"doc{i:04d}", "text": rng.choice(good_texts)}))
        elif kind == 5:
            (root / f"doc{i:04d}.html").write_text(f"<html><body><p>{rng.choice(good_texts)}</p></body></html>")
        else:
            text = " ".join(rng.choice(good_texts) for _ in range(rng.randint(1, 4)))
            (root / f"doc{i:04d}.md").write_text(f"---\nid: doc{i:04d}\noutlet: Outlet {i % 5}\n---\n{text}\n")
    (root / "rows.jsonl").write_text("\n".join(lines) + "\n")
    return bad


def test_hostile_corpus_of_1000_documents_is_fully_accounted_for(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    bad = hostile_corpus(corpus)
    out = tmp_path / "out" / "records.jsonl"
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["analyze", str(corpus), "--skip-bad", "--model", "none", "-o", str(out)])
    assert result.exit_code == 0, result.output
    processed = {json.loads(line)["doc_id"] for line in out.read_text().splitlines()}
    skipped = (out.parent / "skipped.jsonl").read_text().splitlines()
    assert len(skipped) == bad
    assert len(processed) + len(skipped) == 1000
    assert f"1000 inputs: {len(processed)} processed, {bad} skipped" in result.stderr
