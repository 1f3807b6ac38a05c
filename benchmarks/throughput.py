"""Throughput of the whole pipeline against VADER, and time and memory of ``stance report`` at scale.

Part 1, in this process, on one core, on the same sentences: sentences per second of

* the full ``analyze`` pipeline (segmentation, attribution, lexicon, frames, classifier; the
  articles are read and cleaned beforehand, and that rate is printed apart),
* nltk's VADER ``polarity_scores`` (``stance.vader``: nltk's analyzer reading the lexicon that
  ships inside ``vaderSentiment``; nothing is downloaded),
* the ``vaderSentiment`` package's ``SentimentIntensityAnalyzer``,

with the pipeline's ratio to each. Part 2 generates corpora with ``benchmarks/make_corpus.py``
and times ``stance report CORPUS --jobs J -q`` in a fresh child process for each size and J,
with the child's peak resident memory (``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss``: the
largest single process, so with ``--jobs 2`` the main process or one worker, whichever is
larger) and the CPU seconds of its whole process tree (user + system), which, unlike wall
time, other load on the machine hardly changes.

Usage::

    .venv/bin/python benchmarks/throughput.py                      # part 1 + 1k and 10k articles
    .venv/bin/python benchmarks/throughput.py --sizes 1000 10000 100000
    .venv/bin/python benchmarks/throughput.py --skip-scale         # part 1 only

Corpora are generated once into ``--workdir`` (default ``/tmp/stance-bench``) and reused.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Runs in the child: time ``argv`` and print wall seconds and the peak RSS of its process tree.
_MEASURE = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "code = subprocess.run(sys.argv[1:]).returncode\n"
    "wall = time.perf_counter() - t\n"
    "usage = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(code, wall, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)\n"
)


def _make_corpus():
    spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _generator_digest() -> str:
    return hashlib.sha256((ROOT / "benchmarks" / "make_corpus.py").read_bytes()).hexdigest()[:16]


def _rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def pipeline_vs_vader(n_articles: int) -> None:
    """Part 1: sentences per second of the pipeline, nltk VADER and vaderSentiment."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from stance.corpus import ReadOptions, make_article
    from stance.engines import EngineSpec, batches
    from stance.profile import load_profile
    from stance.vader import vader_analyzer

    make_corpus = _make_corpus()
    raw = [make_corpus.make_article(i, seed=1) for i in range(n_articles)]
    started = time.perf_counter()
    articles = [make_article(r, r["text"], "bench", r["id"], ReadOptions()) for r in raw]
    read_seconds = time.perf_counter() - started

    analyzer = EngineSpec(load_profile("korea-nato")).build()
    analyzer.analyze_articles(articles[:16])  # warm: caches, lazy imports
    started = time.perf_counter()
    records = [r for batch in batches(articles) for article in analyzer.analyze_articles(batch) for r in article]
    pipeline_seconds = time.perf_counter() - started
    sentences = [r.text for r in records]

    nltk_vader = vader_analyzer()
    package_vader = SentimentIntensityAnalyzer()
    timings = {}
    for name, score in (("nltk VADER", nltk_vader.polarity_scores), ("vaderSentiment", package_vader.polarity_scores)):
        score(sentences[0])
        started = time.perf_counter()
        for sentence in sentences:
            score(sentence)
        timings[name] = time.perf_counter() - started

    n = len(sentences)
    pipeline = _rate(n, pipeline_seconds)
    print(f"# Part 1: one core, {n_articles:,} generated articles, {n:,} sentences (the same for every row)")
    print(f"distinct sentences: {len(set(sentences)) / n:.0%} (caches keyed on a sentence's text hit the rest)")
    print(f"reading + cleaning (before the pipeline): {_rate(n_articles, read_seconds):,.0f} articles/s")
    print(f"{'':<34}{'sentences/s':>12}  {'pipeline ÷ this':>15}")
    print(f"{'full analyze pipeline':<34}{pipeline:>12,.0f}  {1.0:>15.2f}")
    for name, seconds in timings.items():
        rate = _rate(n, seconds)
        print(f"{name + ' polarity_scores':<34}{rate:>12,.0f}  {pipeline / rate:>15.2f}")
    print()


def _measure(args: list[str]) -> tuple[int, float, int, float]:
    """Exit code, wall seconds, largest RSS of one process of the tree (KiB), CPU seconds of the tree."""
    out = subprocess.run([sys.executable, "-c", _MEASURE, *args], capture_output=True, text=True, check=True)
    code, wall, rss, cpu = out.stdout.split()
    return int(code), float(wall), int(rss), float(cpu)


def scale(sizes: list[int], jobs: list[int], workdir: Path) -> None:
    """Part 2: wall time and peak memory of ``stance report`` per corpus size and ``--jobs``."""
    make_corpus = _make_corpus()
    stance = str(Path(sys.executable).with_name("stance"))
    print(f"# Part 2: stance report CORPUS --jobs J -q ({os.cpu_count()} cores, {platform.python_version()})")
    print(f"{'articles':>9} {'sentences':>10} {'jobs':>4} {'wall s':>8} {'CPU s':>8} {'art/s':>6} {'peak RSS MB':>11}")
    for size in sizes:
        corpus = workdir / f"corpus-{size}"
        stamp = corpus / "COMPLETE"
        version = f"{size} {_generator_digest()}"  # a changed generator makes a new corpus
        if not stamp.exists() or stamp.read_text() != version:
            for old in corpus.glob("articles-*.jsonl"):
                old.unlink()
            make_corpus.write_corpus(size, corpus)
            stamp.write_text(version)
        walls = {}
        for j in jobs:
            out = workdir / f"report-{size}-j{j}"
            code, wall, rss, cpu = _measure([stance, "report", str(corpus), "--jobs", str(j), "-q", "-o", str(out)])
            if code != 0:
                raise SystemExit(f"stance report failed with exit code {code} on {corpus}")
            sentences = json.loads((out / "data" / "summary.json").read_text("utf-8"))["sentences"]
            walls[j] = wall
            rate, peak = size / wall, rss / 1024
            print(
                f"{size:>9,} {sentences:>10,} {j:>4} {wall:>8.1f} {cpu:>8.1f} {rate:>6,.0f} {peak:>11,.0f}", flush=True
            )
        if len(walls) > 1:
            base = walls[min(walls)]
            speedups = ", ".join(f"--jobs {j}: {base / w:.2f}x" for j, w in walls.items() if j != min(walls))
            print(f"{'':>9} speed-up over --jobs {min(walls)}: {speedups}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles for part 1")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], help="corpus sizes for part 2")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/stance-bench"))
    parser.add_argument("--skip-pipeline", action="store_true", help="skip part 1")
    parser.add_argument("--skip-scale", action="store_true", help="skip part 2")
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    if not args.skip_pipeline:
        pipeline_vs_vader(args.articles)
    if not args.skip_scale:
        scale(args.sizes, args.jobs, args.workdir)


if __name__ == "__main__":
    main()
