"""Engines: --jobs and Dask give the same records, files and aggregates as one process;
partitioned output; the batched classifier path; progress stays off stderr unless on a terminal.

The Dask tests run a ``LocalCluster(n_workers=2, processes=True)`` and are skipped when the
``dask`` extra is not installed (``make test`` installs it, so CI runs them).
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from conftest import ROOT
from hypothesis import given, settings
from hypothesis import strategies as st

from stance import engines
from stance.aggregate import summarize
from stance.cli import cli
from stance.corpus import load_corpus
from stance.engines import EngineSpec, run_dask, run_local
from stance.errors import WorkerDied
from stance.partitions import parquet_available, write_partitions
from stance.records import SentenceRecord


def _make_corpus_module():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """60 generated articles in two JSONL shards."""
    out = tmp_path_factory.mktemp("corpus")
    _make_corpus_module().write_corpus(60, out, shard_size=35, seed=3)
    return out


@pytest.fixture(scope="module")
def local_records(corpus, korea_nato) -> list[list[SentenceRecord]]:
    return list(run_local(load_corpus([corpus]), EngineSpec(korea_nato).build()))


def _tree(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*")) if p.is_file()}


# -- the corpus generator ------------------------------------------------------------------------
def test_generated_corpus_is_deterministic_and_varied(tmp_path, corpus):
    make_corpus = _make_corpus_module()
    make_corpus.write_corpus(60, tmp_path, shard_size=35, seed=3)
    assert _tree(tmp_path) == _tree(corpus)
    articles = [json.loads(line) for path in sorted(corpus.glob("*.jsonl")) for line in path.open()]
    assert len(articles) == 60 and len({a["outlet"] for a in articles}) >= 4
    assert make_corpus.make_article(7, seed=3) == articles[7]  # article i does not depend on N


# -- batching and --jobs ---------------------------------------------------------------------------
def test_batched_analysis_equals_one_article_at_a_time(corpus, korea_nato, local_records):
    analyzer = EngineSpec(korea_nato).build()
    one_by_one = [analyzer.analyze_article(article) for article in load_corpus([corpus])]
    assert one_by_one == local_records
    assert sum(map(len, local_records)) > 500


def test_records_do_not_depend_on_what_the_analyzer_saw_before(corpus, korea_nato, local_records):
    """The analyzer remembers repeated sentences; a record must not change with that memory."""
    analyzer = EngineSpec(korea_nato).build()
    articles = list(load_corpus([corpus]))
    backwards = [analyzer.analyze_article(article) for article in reversed(articles)]
    assert backwards[::-1] == local_records
    again = [analyzer.analyze_article(article) for article in articles]  # every sentence seen
    assert again == local_records


@pytest.fixture(scope="module")
def shipped_vectorizers():
    from stance.modelio import default_model

    model = default_model()
    return model.word_vectorizer_, model.char_vectorizer_


def test_fast_tfidf_gives_scikit_learns_matrix(local_records, shipped_vectorizers):
    from stance.classifier import _FastTfidf

    texts = [r.text for article in local_records for r in article]
    texts += ["", " ", "ÉCOLE Straße ΟΔΟΣ naïve — “it’s” a-b x  y\tz", "I", "NATO's NATO’s NATO-led"]
    for vectorizer in shipped_vectorizers:
        assert _FastTfidf.supports(vectorizer)
        expected = vectorizer.transform(texts)
        expected.sort_indices()
        fast, wide = _FastTfidf(vectorizer), _FastTfidf(vectorizer)
        wide.KEYS32_BELOW = 0  # as a batch too large for 32-bit keys is counted
        for got in (fast.transform(texts), wide.transform(texts)):
            assert got.shape == expected.shape
            for name in ("indptr", "indices", "data"):
                assert np.array_equal(getattr(got, name), getattr(expected, name)), name
        empty = _FastTfidf(vectorizer).transform([])  # a batch of no sentences
        assert empty.shape == (0, len(vectorizer.vocabulary_)) and empty.nnz == 0


def test_fast_decision_gives_scikit_learns_scores(local_records):
    """The shipped model's logits without scikit-learn's input checks equal its decision_function."""
    from scipy import sparse

    from stance.classifier import _decision, as_example
    from stance.modelio import default_model

    model = default_model()
    examples = [as_example({"text": r.text, "voice": r.voice}) for article in local_records for r in article]
    matrix = model._matrix(examples)
    assert sparse.issparse(matrix) and matrix.format == "csr"
    assert np.array_equal(_decision(model.context_model_, matrix), model.context_model_.decision_function(matrix))
    broken = matrix.copy()
    broken.data[0] = np.nan
    with pytest.raises(ValueError, match="NaN"):  # still scikit-learn's error, not NaN scores
        _decision(model.context_model_, broken)


#: Text drawn from letters, digits, quotes, apostrophes, hyphens and every kind of white space,
#: with news words mixed in so that known n-grams occur.
_TEXT = st.lists(
    st.one_of(
        st.sampled_from(["NATO", "the", "alliance", "said", "won't", "Seoul's", "co-operation", "—", "?"]),
        st.text(st.characters(categories=["L", "Nd", "Zs", "Pd", "Pi", "Pf", "Po", "Cc"]), max_size=12),
    ),
    max_size=20,
).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(_TEXT, max_size=6))
def test_fast_tfidf_matches_scikit_learn_on_any_text(shipped_vectorizers, texts):
    from stance.classifier import _FastTfidf

    for vectorizer in shipped_vectorizers:
        got = _FastTfidf(vectorizer).transform(texts)
        if not texts:
            assert got.shape == (0, len(vectorizer.vocabulary_))
            continue
        expected = vectorizer.transform(texts)
        expected.sort_indices()
        for name in ("indptr", "indices", "data"):
            assert np.array_equal(getattr(got, name), getattr(expected, name)), name


def _killed(batch):
    """A worker's task that dies as the out-of-memory killer would end it (module level: pickled)."""
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_mid_run_stops_the_run_instead_of_hanging(monkeypatch, corpus, korea_nato):
    monkeypatch.setattr(engines, "_analyze_in_worker", _killed)
    monkeypatch.setattr(engines, "WORKER_CHECK_SECONDS", 0.1)

    def hung(*args):
        raise AssertionError("the run waited for the dead worker's chunk")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        with pytest.raises(WorkerDied, match="worker process died .*killed by a signal"):
            list(engines.run_jobs(load_corpus([corpus]), EngineSpec(korea_nato), 2))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_a_dead_worker_is_one_line_and_exit_1_on_the_command_line(monkeypatch, tmp_path, corpus):
    monkeypatch.setattr(engines, "_analyze_in_worker", _killed)
    monkeypatch.setattr(engines, "WORKER_CHECK_SECONDS", 0.1)
    result = CliRunner().invoke(cli, ["report", str(corpus), "--jobs", "2", "-q", "-o", str(tmp_path / "rep")])
    assert result.exit_code == 1
    assert result.output.startswith("Error: a --jobs worker process died") and "Traceback" not in result.output
    assert not (tmp_path / "rep").exists()


def test_jobs_2_output_is_byte_identical_to_jobs_1(tmp_path, corpus):
    runner = CliRunner()
    outputs = {}
    for jobs in (1, 2):
        out = tmp_path / f"j{jobs}.jsonl"
        result = runner.invoke(cli, ["analyze", str(corpus), "--jobs", str(jobs), "-o", str(out)])
        assert result.exit_code == 0, result.output
        outputs[jobs] = out.read_bytes()
        report = tmp_path / f"report-{jobs}"
        result = runner.invoke(
            cli, ["report", str(corpus), "--jobs", str(jobs), "--bootstrap", "200", "-o", str(report)]
        )
        assert result.exit_code == 0, result.output
    assert outputs[1] == outputs[2] and outputs[1].count(b"\n") > 500
    assert _tree(tmp_path / "report-1") == _tree(tmp_path / "report-2")


# -- progress ------------------------------------------------------------------------------------
@pytest.mark.parametrize("command", ["analyze", "report"])
def test_nothing_on_stderr_by_default_when_not_a_tty(tmp_path, command):
    """CliRunner's stderr is not a terminal: no progress line, no counts, no chatter."""
    args = [command, str(ROOT / "seeds"), "--model", "none"]
    if command == "report":
        args += ["--bootstrap", "100", "-o", str(tmp_path / "rep")]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    if command == "analyze":
        assert result.stdout.count("\n") > 50


def test_progress_and_counts_on_a_terminal(monkeypatch, tmp_path):
    """On a terminal: a progress line, then the read / scored / skipped counts; --quiet: nothing."""
    import stance.cli

    monkeypatch.setattr(stance.cli, "stderr_is_terminal", lambda: True)
    runner = CliRunner()
    args = ["report", str(ROOT / "seeds"), "--model", "none", "--bootstrap", "100", "-o", str(tmp_path / "rep")]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "3 articles, 65 sentences" in result.stderr
    assert "read 3 inputs: 3 scored, 0 skipped; 65 sentences in" in result.stderr
    assert "report written to" in result.stderr
    quiet = runner.invoke(cli, [*args, "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


# -- partitioned output ----------------------------------------------------------------------------
def test_partitions_concatenate_to_the_single_file(tmp_path, local_records):
    parts = write_partitions(local_records, tmp_path / "parts", "jsonl", articles_per_part=7)
    assert [p.name for p in parts] == [f"part-{i:05d}.jsonl" for i in range(9)]
    joined = b"".join(p.read_bytes() for p in parts)
    assert joined == "".join(r.to_json() + "\n" for a in local_records for r in a).encode()
    # a second, smaller run replaces every part of the first
    again = write_partitions(local_records[:10], tmp_path / "parts", "csv", articles_per_part=7)
    assert (
        sorted(p.name for p in (tmp_path / "parts").iterdir())
        == [p.name for p in again]
        == [
            "part-00000.csv",
            "part-00001.csv",
        ]
    )


@pytest.mark.skipif(not parquet_available(), reason="pyarrow is not installed")
def test_parquet_partitions_round_trip(tmp_path, local_records):
    import pyarrow.parquet as pq

    parts = write_partitions(local_records, tmp_path, "parquet", articles_per_part=25)
    rows = [row for p in parts for row in pq.read_table(p).to_pylist()]
    assert [SentenceRecord.from_dict(row) for row in rows] == [r for a in local_records for r in a]


def test_analyze_to_a_directory_and_its_usage_errors(tmp_path, corpus):
    runner = CliRunner()
    result = runner.invoke(cli, ["analyze", str(corpus), "-o", str(tmp_path / "out") + "/"])
    assert result.exit_code == 0, result.output
    single = runner.invoke(cli, ["analyze", str(corpus)]).stdout
    assert (tmp_path / "out" / "part-00000.jsonl").read_text("utf-8") == single
    for args, message in (
        (["--format", "table", "-o", str(tmp_path / "out")], "cannot be written to a directory"),
        (["--format", "parquet", "-o", str(tmp_path / "x.parquet")], "writes a directory of parts"),
        (["-o", str(corpus / "inside") + "/"], "refusing to write parts into the input directory"),
    ):
        result = runner.invoke(cli, ["analyze", str(corpus), *args])
        assert result.exit_code == 2 and message in result.output, result.output


# -- Dask --------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def dask_cluster():
    distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None) as cluster:
        yield cluster


def test_dask_engine_matches_local_records_and_aggregates(dask_cluster, corpus, korea_nato, local_records):
    from dask.distributed import Client

    with Client(dask_cluster) as client:
        records = list(run_dask(load_corpus([corpus]), EngineSpec(korea_nato), client, partition_size=8))
        built = client.run(_analyzers_built)
    assert records == local_records
    assert sorted(built.values()) == [1, 1]  # both worker processes analysed partitions
    flat = [r for article in local_records for r in article]
    dask_flat = [r for article in records for r in article]
    assert (
        summarize(dask_flat, profile=korea_nato, bootstrap=200).to_dict()
        == summarize(flat, profile=korea_nato, bootstrap=200).to_dict()
    )


def _analyzers_built() -> int:
    import stance.engines

    return stance.engines._dask_analyzer.cache_info().currsize


def test_dask_cli_writes_partitions_and_the_same_report(dask_cluster, tmp_path, corpus):
    runner = CliRunner()
    address = dask_cluster.scheduler_address
    result = runner.invoke(
        cli, ["analyze", str(corpus), "--engine", "dask", "--scheduler", address, "-o", str(tmp_path / "parts") + "/"]
    )
    assert result.exit_code == 0, result.output
    single = runner.invoke(cli, ["analyze", str(corpus)]).stdout
    assert (tmp_path / "parts" / "part-00000.jsonl").read_text("utf-8") == single
    for engine in ("local", "dask"):
        extra = ["--engine", "dask", "--scheduler", address] if engine == "dask" else []
        out = tmp_path / f"report-{engine}"
        result = runner.invoke(cli, ["report", str(corpus), "--bootstrap", "200", "-o", str(out), *extra])
        assert result.exit_code == 0, result.output
    assert _tree(tmp_path / "report-local") == _tree(tmp_path / "report-dask")


def test_dask_without_a_scheduler_is_a_usage_error():
    result = CliRunner().invoke(cli, ["analyze", str(ROOT / "seeds"), "--engine", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output
