"""How fast does the lexicon scorer run? Prints sentences per second.

Scores every sentence of the seed articles (repeated to ``--sentences``) with the korea-nato
scorer: the full :meth:`LexiconScorer.score`, the same with the VADER feature stubbed out (the
cost of tokenising, cue matching and rules alone), VADER alone, and the frame tagger.

Usage::

    python benchmarks/lexicon_speed.py [--sentences 20000]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from unittest import mock

import stance.lexicon
from stance.corpus import load_corpus
from stance.frames import FrameTagger
from stance.lexicon import LexiconScorer
from stance.profile import load_profile
from stance.text import split_sentences
from stance.vader import vader_valence

ROOT = Path(__file__).resolve().parent.parent


def seed_sentences(n: int) -> list[str]:
    """At least ``n`` sentences: the seeds' sentences, repeated."""
    base = [s.text for a in load_corpus([ROOT / "seeds"]) for s in split_sentences(a.text)]
    return (base * (n // len(base) + 1))[:n]


def rate(func, sentences: list[str]) -> float:
    """Sentences per second of ``func`` over ``sentences``."""
    start = time.perf_counter()
    for sentence in sentences:
        func(sentence)
    return len(sentences) / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=20000)
    args = parser.parse_args()
    profile = load_profile("korea-nato")
    built = time.perf_counter()
    scorer = LexiconScorer.from_profile(profile)
    tagger = FrameTagger.from_profile(profile)
    built = time.perf_counter() - built
    sentences = seed_sentences(args.sentences)
    scorer.score(sentences[0])  # warm the caches (VADER analyzer, stems)
    full = rate(lambda s: scorer.score(s, "outlet"), sentences)
    with mock.patch.object(stance.lexicon, "vader_valence", lambda text: 0.0):
        rules = rate(lambda s: scorer.score(s, "outlet"), sentences)
    vader = rate(vader_valence, sentences)
    frames = rate(tagger.tag, sentences)
    print(f"scorer + tagger built in {built * 1000:.1f} ms ({scorer.size} cue phrases)")
    print(f"{len(sentences)} sentences, one run each (other load on the machine makes this noisy)")
    print(f"LexiconScorer.score:          {full:>9,.0f} sentences/second")
    print(f"  without the VADER feature:  {rules:>9,.0f} sentences/second")
    print(f"  VADER valence alone:        {vader:>9,.0f} sentences/second")
    print(f"FrameTagger.tag:              {frames:>9,.0f} sentences/second")


if __name__ == "__main__":
    main()
