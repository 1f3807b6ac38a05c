"""Time sentence splitting and voice attribution on a ~1 MB article full of quotes.

The article is built from templates that exercise every path of :mod:`stance.voices`: tags
before and after quotes, quotes split by their tag, multi-paragraph quotes, indirect speech,
pronouns, scare quotes, and unbalanced marks (openers never closed, stray closers, straight and
typographic marks mixed). Attribution must stay linear: well under a second for 1 MB.

Run::

    .venv/bin/python benchmarks/voices_speed.py [size_in_bytes]
"""

from __future__ import annotations

import sys
import time

from stance.corpus import Article
from stance.profile import load_profile
from stance.text import split_sentences
from stance.voices import attribute

#: Runs per phase; the best time is reported, as ``timeit`` does, to discount machine noise.
REPEAT = 3

TEMPLATES = (
    '“The mission will open in {n} weeks,” said Kim Sung-han, director of the NSO. "We are ready," he added.',
    "NATO said in a press release that the council approved request {n}. "
    "According to the council, allies agreed to “strengthen dialogue with partners {n}.",
    "Chinese state media “Involving Korea and NATO will only exacerbate conflicts number {n}”",
    "The Global Times, a Chinese state-run media, said, “The view of experts is that tension {n} "
    "will rise in the region. It will not help anyone.",
    '"This continues in the next paragraph {n} as journalists often write',
    '"And it ends here," the presidential official told reporters on day {n}.',
    "Typically, this process takes about {n} weeks and the 'structural challenge' stays.",
    'Stray marks ” everywhere “ and " here {n} ’ and ‘ there” without any pairing at all.',
    "Yoon is expected to say little about plan {n}; the summit will say nothing. "
    "There, he announced the plan to establish mission {n}.",
)


def build_article(size: int = 1_000_000) -> Article:
    """An article of about ``size`` characters made of the templates, in paragraphs."""
    paragraphs: list[str] = []
    total, n = 0, 0
    while total < size:
        paragraph = TEMPLATES[n % len(TEMPLATES)].format(n=n)
        paragraphs.append(paragraph)
        total += len(paragraph) + 2
        n += 1
    return Article("bench", "bench", None, None, None, "\n\n".join(paragraphs), "<bench>")


def timed(function, *args):
    """Result of ``function(*args)`` and its best time of :data:`REPEAT` runs (less noise)."""
    best = float("inf")
    for _ in range(REPEAT):
        started = time.perf_counter()
        result = function(*args)
        best = min(best, time.perf_counter() - started)
    return result, best


def main(argv: list[str]) -> int:
    size = int(argv[1]) if len(argv) > 1 else 1_000_000
    article = build_article(size)
    profile = load_profile("korea-nato")
    sentences, split_seconds = timed(split_sentences, article.text)
    attributions, attribute_seconds = timed(attribute, article, profile, sentences)
    speaking = sum(a.voice != "outlet" for a in attributions)
    sys.stdout.write(
        f"{len(article.text):,} characters, {len(sentences):,} sentences "
        f"({speaking:,} attributed), best of {REPEAT} runs\n"
        f"split     {split_seconds:.3f} s\n"
        f"attribute {attribute_seconds:.3f} s\n"
        f"total     {split_seconds + attribute_seconds:.3f} s\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
