"""Candidate target terms: phrases frequent in the corpus and rare in general news text.

Keyness is Dunning's log-likelihood ratio G² (Dunning 1993; as used for corpus comparison by
Rayson & Garside 2000) of a phrase's count in the corpus against its count in a *background
corpus*. With no network and no general frequency list, the background is the team's own
annotation sentences (``stance/data/annotations/*.jsonl``: news sentences on 31 different
events), counted once by :func:`build_background` into ``stance/data/background.json``
(regenerate with ``python benchmarks/build_background.py``). A background event whose sentences
appear in the corpus itself (the seeds are one of the events) is left out, so a corpus
is never compared with itself.

Candidates are 1-3 word phrases inside a sentence that do not cross punctuation, do not begin
or end with a stopword (``stance/data/stopwords.txt`` plus the reporting verbs) and contain no
digit-only word. A shorter phrase mostly seen inside a longer candidate is dropped for it
("accession" for "accession protocol").
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from stance.speakers import OFFICE_WORDS, PERSON_WORDS

__all__ = [
    "TermCandidate",
    "TermCounter",
    "build_background",
    "load_background",
    "phrases",
    "stopwords",
]

#: Longest candidate phrase, in words.
MAX_WORDS = 3
#: A phrase must occur this often in the corpus to be proposed.
MIN_COUNT = 2
#: A background event is left out when this share of its sentences is in the corpus.
SELF_OVERLAP = 0.2
#: A shorter phrase is redundant when a longer candidate holds this share of its occurrences.
SUBSUMED_SHARE = 0.7
BACKGROUND_FILE = "data/background.json"

#: Words of people's titles: a phrase of titles and names ("Prime Minister", "Foreign Ministry
#: spokesperson") names a speaker, not the target.
_TITLES = PERSON_WORDS | OFFICE_WORDS | frozenset({"ministry", "embassy", "department", "prime"})
_TOKEN_RE = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
_POSSESSIVE_RE = re.compile(r"['’]s$")


@dataclass(frozen=True)
class TermCandidate:
    """A candidate target term with its evidence."""

    term: str  # the most frequent way it is written
    count: int  # occurrences in the corpus
    documents: int  # articles it occurs in
    background: int  # occurrences in the background corpus
    keyness: float  # G² against the background (higher = more specific to this corpus)
    example: str = ""


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stopword list plus every form of every reporting verb."""
    from stance.voices import belief_verbs, reporting_verbs

    listing = resources.files("stance").joinpath("data/stopwords.txt").read_text("utf-8")
    words = {w for line in listing.splitlines() if not line.startswith("#") for w in line.split()}
    return frozenset(words | reporting_verbs() | belief_verbs())


def _segments(sentence: str) -> Iterable[list[tuple[str, str]]]:
    """Runs of (folded, written) words between punctuation marks."""
    run: list[tuple[str, str]] = []
    for token in _TOKEN_RE.findall(sentence):
        if not token[0].isalnum() and token[0] != "_":
            if run:
                yield run
            run = []
            continue
        written = _POSSESSIVE_RE.sub("", token)
        run.append((written.casefold().replace("’", "'"), written))
    if run:
        yield run


def phrases(sentence: str, stop: frozenset[str] | None = None) -> Iterable[tuple[str, str]]:
    """Every candidate phrase of a sentence as (folded key, written form).

    >>> [key for key, _ in phrases("Turkey ratified the accession protocol.")]
    ['turkey', 'ratified', 'accession', 'accession protocol', 'protocol']
    """
    stop = stopwords() if stop is None else stop
    for run in _segments(sentence):
        for i in range(len(run)):
            first = run[i][0]
            if first in stop or first.isdigit() or len(first) < 2:
                continue
            for n in range(1, MAX_WORDS + 1):
                if i + n > len(run):
                    break
                last = run[i + n - 1][0]
                if last.isdigit():
                    break
                if last in stop or len(last) < 2:
                    continue
                window = run[i : i + n]
                yield " ".join(k for k, _ in window), " ".join(w for _, w in window)


def fingerprint(sentence: str) -> str:
    """A short stable id of a sentence, for telling whether the corpus holds a background event."""
    folded = " ".join(sentence.casefold().replace("’", "'").split())
    return hashlib.sha1(folded.encode("utf-8")).hexdigest()[:12]


def build_background(annotation_files: Iterable[str | Path]) -> dict:
    """Phrase counts per event of annotation JSONL files (field ``text``, ``event``).

    Returns the JSON-ready mapping saved as ``stance/data/background.json``: per event its
    sentence count, token count and sentence fingerprints, and per phrase its count per event.
    """
    events: dict[str, dict] = {}
    counts: dict[str, Counter] = {}
    for path in sorted(str(p) for p in annotation_files):
        with open(path, encoding="utf-8") as stream:
            for line in stream:
                if not line.strip():
                    continue
                row = json.loads(line)
                event = row.get("event") or Path(path).stem
                info = events.setdefault(event, {"sentences": 0, "tokens": 0, "fingerprints": []})
                info["sentences"] += 1
                info["tokens"] += sum(len(run) for run in _segments(row["text"]))
                info["fingerprints"].append(fingerprint(row["text"]))
                for key, _ in phrases(row["text"]):
                    counts.setdefault(key, Counter())[event] += 1
    for info in events.values():
        info["fingerprints"] = sorted(set(info["fingerprints"]))
    return {
        "about": "Phrase counts of the background corpus for `stance profile init` (stance.authoring.terms). "
        "Generated by benchmarks/build_background.py from stance/data/annotations/*.jsonl; do not edit.",
        "events": dict(sorted(events.items())),
        "counts": {key: dict(sorted(per.items())) for key, per in sorted(counts.items())},
    }


@lru_cache(maxsize=1)
def load_background() -> dict:
    """The shipped background counts."""
    return json.loads(resources.files("stance").joinpath(BACKGROUND_FILE).read_text("utf-8"))


class TermCounter:
    """Phrase counts of a corpus, one article at a time; :meth:`candidates` ranks them."""

    def __init__(self) -> None:
        self.counts: Counter = Counter()
        self.documents: Counter = Counter()
        self.written: dict[str, Counter] = {}
        self.examples: dict[str, str] = {}
        self.tokens = 0
        self.articles = 0
        self.fingerprints: set[str] = set()

    def add_article(self, sentences: Iterable[str]) -> None:
        self.articles += 1
        seen: set[str] = set()
        for sentence in sentences:
            self.fingerprints.add(fingerprint(sentence))
            self.tokens += sum(len(run) for run in _segments(sentence))
            for key, written in phrases(sentence):
                self.counts[key] += 1
                self.written.setdefault(key, Counter())[written] += 1
                self.examples.setdefault(key, " ".join(sentence.split()))
                seen.add(key)
        self.documents.update(seen)

    def background_events(self, background: dict) -> tuple[list[str], list[str]]:
        """Events of the background to use, and those left out because the corpus holds them."""
        used, left_out = [], []
        for event, info in background["events"].items():
            shared = sum(1 for f in info["fingerprints"] if f in self.fingerprints)
            (left_out if shared >= SELF_OVERLAP * max(info["sentences"], 1) else used).append(event)
        return used, left_out

    def candidates(
        self,
        limit: int = 15,
        exclude: Iterable[str] = (),
        background: dict | None = None,
        people: Iterable[str] = (),
    ) -> list[TermCandidate]:
        """The ``limit`` most corpus-specific phrases, by G².

        Names are not target terms: phrases made only of names in ``exclude`` (aliases,
        speakers), countries, titles and stopwords are dropped, and so are phrases holding a
        word of a person's name in ``people`` ("President Yoon") or a multi-word name
        ("spokesperson Wang Lei").
        """
        background = load_background() if background is None else background
        events, _ = self.background_events(background)
        total_background = sum(background["events"][e]["tokens"] for e in events) or 1
        excluded = {_key(name) for name in exclude} - {""}
        person_words = {w for name in people for w in _key(name).split()} - stopwords()
        long_names = {name for name in excluded | {_key(p) for p in people} if " " in name}
        # capitalised words of multi-word names: "state-run Anadolu" is part of "Anadolu Agency"
        name_parts = {w for name in long_names for w in name.split()} - stopwords() - _TITLES
        min_documents = min(2, self.articles)
        scored: list[tuple[float, str, int]] = []
        for key, count in self.counts.items():
            if count < MIN_COUNT or self.documents[key] < min_documents:
                continue
            if _only_names(key, excluded) or set(key.split()) & person_words:
                continue
            if any(f" {name} " in f" {key} " for name in long_names):
                continue
            written = self.written[key].most_common(1)[0][0].split()
            if any(w[:1].isupper() and k in name_parts for w, k in zip(written, key.split(), strict=False)):
                continue
            per_event = background["counts"].get(key, {})
            b = sum(per_event.get(e, 0) for e in events)
            if count / max(self.tokens, 1) <= b / total_background:
                continue
            scored.append((_g2(count, b, self.tokens, total_background), key, b))
        scored.sort(key=lambda item: (-item[0], item[1]))
        chosen: list[tuple[str, TermCandidate]] = []
        for score, key, b in scored:
            if len(chosen) >= limit:
                break
            if any(self._prefer(other, key) for other, _ in chosen):
                continue
            chosen = [(other, c) for other, c in chosen if not self._prefer(key, other)]
            written = self.written[key].most_common(1)[0][0]
            term = TermCandidate(written, self.counts[key], self.documents[key], b, round(score, 2), self.examples[key])
            chosen.append((key, term))
        return [term for _, term in chosen]

    def _prefer(self, kept: str, other: str) -> bool:
        """Whether phrase ``kept`` makes ``other`` redundant when one contains the other.

        The longer phrase wins when it holds most occurrences of the shorter ("accession
        protocol" over "accession"); otherwise the shorter does ("accession protocol" over
        "Sweden's accession protocol").
        """
        if kept == other or (" " not in kept and " " in other):
            return False  # a single word never hides a phrase: words are listed apart
        if f" {other} " in f" {kept} ":
            return self.counts[kept] >= SUBSUMED_SHARE * self.counts[other]
        if f" {kept} " in f" {other} ":
            return self.counts[other] < SUBSUMED_SHARE * self.counts[kept]
        return False


def _only_names(key: str, names: set[str]) -> bool:
    """Whether a phrase is made of names only: speakers' names, aliases, countries, stopwords."""
    from stance.authoring.nations import find_nations

    if any(key == name or f" {key} " in f" {name} " for name in names):
        return True
    name_words = {w for name in names for w in name.split()}
    rest = [w for w in key.split() if w not in name_words and w not in stopwords() and w not in _TITLES]
    return all(find_nations(w) for w in rest)


def _key(text: str) -> str:
    return " ".join(k for run in _segments(text) for k, _ in run)


def _g2(a: int, b: int, c: int, d: int) -> float:
    """Dunning's log-likelihood of count ``a`` in ``c`` tokens against ``b`` in ``d`` tokens."""
    expected_a = c * (a + b) / (c + d)
    expected_b = d * (a + b) / (c + d)
    g2 = a * math.log(a / expected_a) if a else 0.0
    g2 += b * math.log(b / expected_b) if b else 0.0
    return 2.0 * g2
