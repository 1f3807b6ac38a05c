"""Outlet × voice summaries of sentence records: shares of voice, stance, intervals, divergence.

Everything here is computed *online*: :class:`Aggregator` sees each
:class:`~stance.records.SentenceRecord` once, keeps counters per outlet and voice, and never
holds the records. Two things are not constant in size, on purpose and with a bound:

* Bootstrap intervals need scores. Each group (an outlet × voice cell, an outlet's quoted
  sentences, a voice pooled over outlets) keeps at most :data:`RESERVOIR_SIZE` scores, drawn by
  reservoir sampling (Li's algorithm L) with an RNG seeded from ``seed`` and the group's
  name. Below the cap the interval uses every score; above it, it uses the sample and is rescaled
  to the full count (see :func:`bootstrap_interval`). The mean itself is always exact.
* Document counts number each article id once (one dict for the corpus) and keep one bit per
  article in each group: memory grows with the number of articles, never with sentences.

Definitions (also in the report's method section):

* *share of voice* — a voice's sentences (or words, ``len(text.split())``) over all the outlet's
  sentences (or words), narration included;
* *narration* — sentences whose voice is ``"outlet"``; *quoted* — every other sentence (attributed
  to an actor or to ``"other"``), whatever its ``quote`` type; *quotes* in a cell count sentences
  with ``quote != "none"``;
* *frame share* — the share of the outlet's sentences that carry a frame (a sentence can carry
  several, so shares need not add up to 1); the frame *distribution* used for divergence is the
  frame counts normalised to 1;
* *source balance* — normalised Shannon entropy ``H(p) / ln K`` of the outlet's quoted sentences
  over the non-outlet voices, where ``K`` is the number of non-outlet voices of the summary (the
  profile's actors plus any other voice seen in the corpus). 1 = every voice heard equally often,
  0 = one voice only; undefined (``None``) with no quoted sentence or ``K < 2``;
* *divergence* — Jensen–Shannon divergence, base 2 (so in [0, 1]), between two outlets' voice
  distributions (by sentences, narration included) and between their frame distributions.
"""

from __future__ import annotations

import math
import random
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

import numpy as np

from stance.frames import Frame, load_codebook, merge_codebook
from stance.profile import Profile
from stance.records import STANCES, SentenceRecord

__all__ = [
    "Aggregator",
    "Divergence",
    "Estimate",
    "OutletSummary",
    "Summary",
    "VoiceCell",
    "VoiceTotal",
    "bootstrap_interval",
    "js_divergence",
    "normalized_entropy",
    "summarize",
    "DEFAULT_BOOTSTRAP",
    "RESERVOIR_SIZE",
]

#: Bootstrap resamples unless told otherwise.
DEFAULT_BOOTSTRAP = 2000
#: Scores kept per group for the bootstrap (reservoir sampling beyond that).
RESERVOIR_SIZE = 5000
#: Coverage of the percentile intervals.
CONFIDENCE = 0.95
#: Labels of the voices every profile has.
FIXED_VOICE_LABELS = {"outlet": "Outlet (narration)", "other": "Other speakers"}
#: Bootstrap work is done in blocks of at most this many drawn indices (bounds memory).
_BLOCK = 1_000_000
#: Decimal places in :meth:`Summary.to_dict`.
_DIGITS = 6


# -- statistics --------------------------------------------------------------------------------
def js_divergence(p: Sequence[float], q: Sequence[float]) -> float:
    """Jensen–Shannon divergence between two distributions, base 2, so in [0, 1].

    Inputs are counts or probabilities over the same categories; each is normalised to sum 1.
    0 means identical distributions, 1 disjoint supports. It is symmetric and, unlike KL
    divergence, finite when one outlet never uses a category the other does.

    Raises
    ------
    ValueError
        Lengths differ, a value is negative, or a distribution sums to 0.

    Examples
    --------
    >>> js_divergence([1, 0], [0, 1])
    1.0
    >>> round(js_divergence([0.5, 0.5], [1, 0]), 4)
    0.3113
    """
    a, b = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError("distributions must be 1-d and of the same length")
    if (a < 0).any() or (b < 0).any() or a.sum() <= 0 or b.sum() <= 0:
        raise ValueError("distributions must be non-negative and not all zero")
    a, b = a / a.sum(), b / b.sum()
    m = (a + b) / 2
    value = 0.5 * _kl_base2(a, m) + 0.5 * _kl_base2(b, m)
    return float(min(1.0, max(0.0, value)))


def _kl_base2(p: np.ndarray, m: np.ndarray) -> float:
    mask = p > 0  # 0 · log 0 = 0; m > 0 wherever p > 0
    return float(np.sum(p[mask] * np.log2(p[mask] / m[mask])))


def normalized_entropy(counts: Iterable[int], categories: int) -> float | None:
    """Shannon entropy of ``counts`` divided by its maximum, ``ln(categories)``.

    Used as the source-balance index: 1 when every one of ``categories`` voices is heard equally
    often, 0 when only one is. ``None`` when undefined (no counts, or fewer than 2 categories).

    Examples
    --------
    >>> normalized_entropy([5, 5], 2)
    1.0
    >>> normalized_entropy([5, 5], 4)
    0.5
    >>> normalized_entropy([7, 0, 0], 3)
    0.0
    """
    values = [c for c in counts if c > 0]
    total = sum(values)
    if total == 0 or categories < 2:
        return None
    entropy = -sum((c / total) * math.log(c / total) for c in values)
    return max(0.0, min(1.0, entropy / math.log(categories)))


def bootstrap_interval(
    sample: Sequence[float],
    *,
    resamples: int = DEFAULT_BOOTSTRAP,
    rng: np.random.Generator,
    confidence: float = CONFIDENCE,
    population: int | None = None,
) -> tuple[float, float] | None:
    """Percentile bootstrap interval for the mean of ``sample``.

    Parameters
    ----------
    sample
        Scores (at most :data:`RESERVOIR_SIZE` when they come from a reservoir).
    resamples
        Number of bootstrap resamples ``B``.
    rng
        The generator to draw with; a seeded one makes the interval reproducible.
    confidence
        Coverage, e.g. 0.95 for the 2.5 and 97.5 percentiles.
    population
        How many scores ``sample`` stands for. When it is larger (a capped reservoir) the
        bootstrap means are shrunk around the sample mean by ``sqrt(len(sample) / population)``
        and moved to the exact mean by the caller, because the spread of a mean falls with the
        square root of the count: without this a 5,000-score sample of a 50,000-sentence cell
        would report a three-times-too-wide interval.

    Returns
    -------
    tuple or None
        ``(low, high)``; ``None`` when fewer than two scores or ``resamples < 1``.
    """
    values = np.sort(np.asarray(sample, dtype=float))  # order-free: same scores, same interval
    k = len(values)
    if k < 2 or resamples < 1:
        return None
    means = np.empty(resamples)
    block = max(1, _BLOCK // k)
    for start in range(0, resamples, block):
        size = min(block, resamples - start)
        # 32-bit indices: a third faster to draw and gather than the default 64-bit ones
        means[start : start + size] = values[rng.integers(0, k, size=(size, k), dtype=np.int32)].mean(axis=1)
    alpha = (1.0 - confidence) / 2.0
    low, high = np.quantile(means, [alpha, 1.0 - alpha])
    if population is not None and population > k:
        centre, scale = values.mean(), math.sqrt(k / population)
        low, high = centre + (low - centre) * scale, centre + (high - centre) * scale
    return float(low), float(high)


# -- result types ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Estimate:
    """A mean score with its bootstrap interval.

    ``mean`` is exact over all ``n`` scores; ``low``/``high`` come from ``sampled`` of them
    (``sampled < n`` only when the reservoir cap was hit). ``None`` where undefined: no scores
    (mean), fewer than two scores or no bootstrap (interval).
    """

    n: int
    mean: float | None
    low: float | None
    high: float | None
    sampled: int


@dataclass(frozen=True)
class VoiceCell:
    """One voice in one outlet: how much it is heard and how it leans."""

    outlet: str
    voice: str
    sentences: int
    words: int
    sentence_share: float
    word_share: float
    stance_counts: dict[str, int]
    stance_shares: dict[str, float]
    score: Estimate
    quotes: int
    documents: int


@dataclass(frozen=True)
class VoiceTotal:
    """One voice pooled over all outlets (for headline findings and the evidence tables)."""

    voice: str
    sentences: int
    words: int
    outlets: int
    stance_counts: dict[str, int]
    score: Estimate
    quotes: int
    documents: int


@dataclass(frozen=True)
class OutletSummary:
    """One outlet: narration against quoted voices, frames, source balance, own stance."""

    outlet: str
    sentences: int
    words: int
    documents: int
    narration_sentences: int
    quoted_sentences: int
    narration_share: float
    quoted_share: float
    frame_counts: dict[str, int]
    frame_shares: dict[str, float]
    source_balance: float | None
    distinct_voices: int
    own_stance: Estimate
    quoted_stance: Estimate
    cells: tuple[VoiceCell, ...]

    def cell(self, voice: str) -> VoiceCell | None:
        """The cell of ``voice`` in this outlet, ``None`` if the outlet never carries it."""
        return next((c for c in self.cells if c.voice == voice), None)


@dataclass(frozen=True)
class Divergence:
    """Pairwise Jensen–Shannon divergences (base 2) between outlets; ``None`` if undefined."""

    outlets: tuple[str, ...]
    voices: tuple[tuple[float | None, ...], ...]
    frames: tuple[tuple[float | None, ...], ...]


@dataclass(frozen=True)
class Summary:
    """Everything the report shows, computed in one pass over the records.

    Outlets are sorted by name; voices follow :attr:`voice_order` (``"outlet"``, the profile's
    actors in profile order, then other voices, ``"other"`` last); frames follow
    :attr:`frame_order` (the default codebook, then profile frames, then any other seen).
    """

    sentences: int
    words: int
    documents: int
    outlets: tuple[OutletSummary, ...]
    voices: tuple[VoiceTotal, ...]
    voice_order: tuple[str, ...]
    voice_labels: dict[str, str]
    frame_order: tuple[str, ...]
    frame_labels: dict[str, str]
    divergence: Divergence
    profile: dict[str, str] | None = None
    bootstrap: int = DEFAULT_BOOTSTRAP
    seed: int = 0
    reservoir: int = RESERVOIR_SIZE
    confidence: float = CONFIDENCE
    cells: tuple[VoiceCell, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "cells", tuple(c for o in self.outlets for c in o.cells))

    def outlet(self, name: str) -> OutletSummary:
        """The summary of outlet ``name``; ``KeyError`` if absent."""
        for summary in self.outlets:
            if summary.outlet == name:
                return summary
        raise KeyError(name)

    def voice(self, voice: str) -> VoiceTotal | None:
        """The pooled total of ``voice``, ``None`` if no outlet carries it."""
        return next((v for v in self.voices if v.voice == voice), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: fields in declaration order, floats rounded to 6 places."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self) if f.name != "cells"}

    def to_dataframe(self):
        """The outlet × voice table as a :class:`pandas.DataFrame` (one row per cell).

        Raises
        ------
        ImportError
            pandas is not installed (it is optional: the library itself does not need it).
        """
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError(
                "Summary.to_dataframe() needs pandas, which is not installed; "
                "install it with `pip install pandas` or use Summary.to_dict()"
            ) from exc
        return pd.DataFrame([_cell_row(self, cell) for cell in self.cells], columns=_ROW_COLUMNS)


_ROW_COLUMNS = [
    "outlet",
    "voice",
    "voice_label",
    "sentences",
    "words",
    "sentence_share",
    "word_share",
    *STANCES,
    *(f"{s}_share" for s in STANCES),
    "mean_score",
    "ci_low",
    "ci_high",
    "quotes",
    "documents",
]


def _cell_row(summary: Summary, cell: VoiceCell) -> list[Any]:
    return [
        cell.outlet,
        cell.voice,
        summary.voice_labels.get(cell.voice, cell.voice),
        cell.sentences,
        cell.words,
        cell.sentence_share,
        cell.word_share,
        *(cell.stance_counts[s] for s in STANCES),
        *(cell.stance_shares[s] for s in STANCES),
        cell.score.mean,
        cell.score.low,
        cell.score.high,
        cell.quotes,
        cell.documents,
    ]


def _plain(value: Any) -> Any:
    """Dataclasses, tuples and dicts to JSON types, floats rounded (order kept)."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value) if f.init}
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, _DIGITS) + 0.0  # + 0.0 turns -0.0 into 0.0
    return value


# -- online accumulation -----------------------------------------------------------------------
class _Scores:
    """Running count and sum of scores plus a seeded reservoir sample of them.

    The reservoir is Li's algorithm L (1994): once full, it draws how many scores to skip
    before the next one enters, so a score that does not enter costs a comparison, not a
    random draw (the sample is uniform, as with algorithm R).
    """

    __slots__ = ("key", "n", "total", "sample", "cap", "_rng", "_w", "_next")

    def __init__(self, key: str, seed: int, cap: int) -> None:
        self.key, self.n, self.total, self.sample, self.cap = key, 0, 0.0, [], cap
        self._rng = random.Random(f"{seed}:{key}")
        self._w = 1.0
        self._next = 0  # the count at which the next score enters the full reservoir

    def add(self, score: float) -> None:
        self.n += 1
        self.total += score
        if len(self.sample) < self.cap:
            self.sample.append(score)
            if len(self.sample) == self.cap:
                self._advance()
        elif self.n == self._next:
            self.sample[self._rng.randrange(self.cap)] = score
            self._advance()

    def _advance(self) -> None:
        """Algorithm L: shrink the weight, then draw the gap to the next score that enters."""
        self._w *= math.exp(math.log(self._uniform()) / self.cap)
        self._next = self.n + int(math.log(self._uniform()) / math.log1p(-self._w)) + 1

    def _uniform(self) -> float:
        """A draw in (0, 1): ``random()`` may return 0."""
        while True:
            u = self._rng.random()
            if u > 0.0:
                return u

    def estimate(self, resamples: int, seed: int, confidence: float) -> Estimate:
        if self.n == 0:
            return Estimate(0, None, None, None, 0)
        mean = self.total / self.n
        rng = np.random.default_rng([seed, zlib.crc32(self.key.encode("utf-8"))])
        interval = bootstrap_interval(
            self.sample, resamples=resamples, rng=rng, confidence=confidence, population=self.n
        )
        if interval is None:
            return Estimate(self.n, mean, None, None, len(self.sample))
        shift = mean - float(np.mean(self.sample))  # centre a capped sample's interval on the mean
        low, high = (max(-1.0, interval[0] + shift), min(1.0, interval[1] + shift))
        return Estimate(self.n, mean, low, high, len(self.sample))


class _DocSet:
    """Distinct article numbers as a bitset: one bit per article, not one set entry per group.

    Article ids are numbered once by the :class:`Aggregator` (one dict for the corpus); each
    group then needs only ``articles / 8`` bytes, whatever order the records come in.
    """

    __slots__ = ("bits", "count", "last")

    def __init__(self) -> None:
        self.bits = bytearray()
        self.count = 0
        self.last = -1  # an article's records come together: most adds repeat the last number

    def add(self, number: int) -> None:
        if number == self.last:
            return
        self.last = number
        byte, bit = divmod(number, 8)
        if byte >= len(self.bits):
            self.bits.extend(bytes(byte + 1 - len(self.bits) + len(self.bits) // 2))
        if not self.bits[byte] >> bit & 1:
            self.bits[byte] |= 1 << bit
            self.count += 1

    def __len__(self) -> int:
        return self.count


class _Group:
    """Counters for one group of sentences (a cell, or a voice pooled over outlets)."""

    __slots__ = ("sentences", "words", "stances", "scores", "quotes", "documents", "outlets")

    def __init__(self, key: str, seed: int, cap: int) -> None:
        self.sentences = self.words = self.quotes = 0
        self.stances: Counter[str] = Counter()
        self.scores = _Scores(key, seed, cap)
        self.documents = _DocSet()
        self.outlets: set[str] = set()

    def add(self, record: SentenceRecord, words: int, doc: int) -> None:
        self.sentences += 1
        self.words += words
        self.stances[record.stance] += 1
        self.scores.add(float(record.score))
        self.quotes += record.quote != "none"
        self.documents.add(doc)
        self.outlets.add(record.outlet)


class _Outlet:
    """Counters for one outlet."""

    __slots__ = ("sentences", "words", "documents", "frames", "quoted", "cells")

    def __init__(self, outlet: str, seed: int, cap: int) -> None:
        self.sentences = self.words = 0
        self.documents = _DocSet()
        self.frames: Counter[str] = Counter()
        self.quoted = _Scores(f"quoted\x1f{outlet}", seed, cap)
        self.cells: dict[str, _Group] = {}


class Aggregator:
    """Online aggregation of sentence records; :func:`summarize` is a thin wrapper.

    Feed records one at a time with :meth:`add` (the pipeline streams articles), then call
    :meth:`result`, which may be called again after more records arrive. Memory is bounded
    as the module docstring says.

    Parameters
    ----------
    profile
        Gives the voice and frame order and labels, and the voices counted by source balance.
        Without one, voices and frames are those seen.
    bootstrap
        Bootstrap resamples per interval (0 disables intervals).
    seed
        Seeds the reservoirs and the bootstraps: the same records give the same intervals.
    reservoir
        Scores kept per group for the bootstrap.
    confidence
        Interval coverage.

    Examples
    --------
    >>> agg = Aggregator(bootstrap=200)
    >>> for record in records:  # doctest: +SKIP
    ...     agg.add(record)
    >>> summary = agg.result()  # doctest: +SKIP
    """

    def __init__(
        self,
        *,
        profile: Profile | None = None,
        bootstrap: int = DEFAULT_BOOTSTRAP,
        seed: int = 0,
        reservoir: int = RESERVOIR_SIZE,
        confidence: float = CONFIDENCE,
    ) -> None:
        if bootstrap < 0 or reservoir < 2 or not 0 < confidence < 1:
            raise ValueError("need bootstrap >= 0, reservoir >= 2 and 0 < confidence < 1")
        self.profile = profile
        self.bootstrap = bootstrap
        self.seed = seed
        self.reservoir = reservoir
        self.confidence = confidence
        self._outlets: dict[str, _Outlet] = {}
        self._voices: dict[str, _Group] = {}
        self._documents: dict[str, int] = {}  # article id -> its number, for the bitsets
        self._frames_seen: set[str] = set()

    def add(self, record: SentenceRecord) -> None:
        """Count one record.

        Raises
        ------
        ValueError
            The score is not a finite number in [-1, 1] (a broken upstream stage, not data).
        """
        score = float(record.score)
        if not -1.0 <= score <= 1.0:  # also rejects NaN
            where = f"{record.doc_id}#{record.index}"
            raise ValueError(f"{where}: score {record.score!r} is not a number in [-1, 1]")
        words = len(record.text.split())
        outlet = self._outlets.get(record.outlet)
        if outlet is None:
            outlet = _Outlet(record.outlet, self.seed, self.reservoir)
            self._outlets[record.outlet] = outlet
        outlet.sentences += 1
        outlet.words += words
        doc = self._documents.setdefault(record.doc_id, len(self._documents))
        outlet.documents.add(doc)
        outlet.frames.update(set(record.frames))
        if record.voice != "outlet":
            outlet.quoted.add(score)
        self._cell(outlet, record).add(record, words, doc)
        self._pooled(record.voice).add(record, words, doc)
        self._frames_seen.update(record.frames)

    def update(self, records: Iterable[SentenceRecord]) -> Aggregator:
        """Add every record of ``records``; returns ``self`` for chaining."""
        for record in records:
            self.add(record)
        return self

    def _cell(self, outlet: _Outlet, record: SentenceRecord) -> _Group:
        group = outlet.cells.get(record.voice)
        if group is None:
            key = f"cell\x1f{record.outlet}\x1f{record.voice}"
            group = outlet.cells[record.voice] = _Group(key, self.seed, self.reservoir)
        return group

    def _pooled(self, voice: str) -> _Group:
        group = self._voices.get(voice)
        if group is None:
            group = self._voices[voice] = _Group(f"voice\x1f{voice}", self.seed, self.reservoir)
        return group

    def result(self) -> Summary:
        """The :class:`Summary` of everything added so far."""
        voice_order = _voice_order(self.profile, self._voices)
        frame_order = _frame_order(self.profile, self._frames_seen)
        others = len(voice_order) - 1  # every voice but the outlet's own narration
        outlets = tuple(
            self._outlet_summary(name, self._outlets[name], voice_order, frame_order, others)
            for name in sorted(self._outlets)
        )
        voices = tuple(self._voice_total(v, self._voices[v]) for v in voice_order if v in self._voices)
        return Summary(
            sentences=sum(o.sentences for o in outlets),
            words=sum(o.words for o in outlets),
            documents=len(self._documents),
            outlets=outlets,
            voices=voices,
            voice_order=voice_order,
            voice_labels=_voice_labels(self.profile, voice_order),
            frame_order=frame_order,
            frame_labels=_frame_labels(self.profile, frame_order),
            divergence=_divergence(outlets, voice_order, frame_order),
            profile=_profile_info(self.profile),
            bootstrap=self.bootstrap,
            seed=self.seed,
            reservoir=self.reservoir,
            confidence=self.confidence,
        )

    def _estimate(self, scores: _Scores) -> Estimate:
        return scores.estimate(self.bootstrap, self.seed, self.confidence)

    def _outlet_summary(
        self,
        name: str,
        acc: _Outlet,
        voice_order: tuple[str, ...],
        frame_order: tuple[str, ...],
        others: int,
    ) -> OutletSummary:
        cells = tuple(self._voice_cell(name, v, acc.cells[v], acc) for v in voice_order if v in acc.cells)
        narration = acc.cells["outlet"].sentences if "outlet" in acc.cells else 0
        quoted_counts = [acc.cells[v].sentences for v in voice_order[1:] if v in acc.cells]
        own = acc.cells.get("outlet")
        return OutletSummary(
            outlet=name,
            sentences=acc.sentences,
            words=acc.words,
            documents=len(acc.documents),
            narration_sentences=narration,
            quoted_sentences=acc.sentences - narration,
            narration_share=_ratio(narration, acc.sentences),
            quoted_share=_ratio(acc.sentences - narration, acc.sentences),
            frame_counts={f: acc.frames[f] for f in frame_order},
            frame_shares={f: _ratio(acc.frames[f], acc.sentences) for f in frame_order},
            source_balance=normalized_entropy(quoted_counts, others),
            distinct_voices=len(quoted_counts),
            own_stance=self._estimate(own.scores) if own else Estimate(0, None, None, None, 0),
            quoted_stance=self._estimate(acc.quoted),
            cells=cells,
        )

    def _voice_cell(self, outlet: str, voice: str, group: _Group, acc: _Outlet) -> VoiceCell:
        return VoiceCell(
            outlet=outlet,
            voice=voice,
            sentences=group.sentences,
            words=group.words,
            sentence_share=_ratio(group.sentences, acc.sentences),
            word_share=_ratio(group.words, acc.words),
            stance_counts={s: group.stances[s] for s in STANCES},
            stance_shares={s: _ratio(group.stances[s], group.sentences) for s in STANCES},
            score=self._estimate(group.scores),
            quotes=group.quotes,
            documents=len(group.documents),
        )

    def _voice_total(self, voice: str, group: _Group) -> VoiceTotal:
        return VoiceTotal(
            voice=voice,
            sentences=group.sentences,
            words=group.words,
            outlets=len(group.outlets),
            stance_counts={s: group.stances[s] for s in STANCES},
            score=self._estimate(group.scores),
            quotes=group.quotes,
            documents=len(group.documents),
        )


def summarize(
    records: Iterable[SentenceRecord],
    *,
    profile: Profile | None = None,
    bootstrap: int = DEFAULT_BOOTSTRAP,
    seed: int = 0,
) -> Summary:
    """Summarise sentence records per outlet and voice in one streaming pass.

    Parameters
    ----------
    records
        Any iterable, consumed once (a generator from the pipeline is fine).
    profile
        The event profile: voice and frame order and labels (optional).
    bootstrap
        Resamples for the percentile intervals (``0``: no intervals).
    seed
        Makes intervals reproducible: the same records and seed give the same summary.

    Examples
    --------
    >>> summary = summarize(records, profile=load_profile("korea-nato"))  # doctest: +SKIP
    >>> summary.outlet("Inquirer.net").narration_share  # doctest: +SKIP
    0.61
    """
    return Aggregator(profile=profile, bootstrap=bootstrap, seed=seed).update(records).result()


# -- helpers -----------------------------------------------------------------------------------
def _ratio(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


def _voice_order(profile: Profile | None, seen: Iterable[str]) -> tuple[str, ...]:
    known = ["outlet", *(profile.actor_ids if profile else ())]
    extra = sorted(set(seen) - set(known) - {"other"})
    tail = ["other"] if "other" in seen else []
    return tuple(known + extra + tail)


def _voice_labels(profile: Profile | None, order: Sequence[str]) -> dict[str, str]:
    actors = {a.id: a.label for a in profile.actors} if profile else {}
    return {v: actors.get(v) or FIXED_VOICE_LABELS.get(v) or _humanize(v) for v in order}


def _codebook(profile: Profile | None) -> tuple[Frame, ...]:
    """The frame codebook: the shipped one, with the profile's frames merged in."""
    base = load_codebook()
    return merge_codebook(base, profile.frames) if profile else base


def _frame_order(profile: Profile | None, seen: set[str]) -> tuple[str, ...]:
    """Codebook order; with a profile every codebook frame (a zero is a finding), without one
    only the frames seen; then frames outside the codebook, sorted."""
    ids = [f.id for f in _codebook(profile)]
    known = ids if profile else [f for f in ids if f in seen]
    return tuple(known + sorted(seen - set(ids)))


def _frame_labels(profile: Profile | None, order: Sequence[str]) -> dict[str, str]:
    labels = {f.id: f.label for f in _codebook(profile)}
    return {f: labels.get(f) or _humanize(f) for f in order}


def _humanize(identifier: str) -> str:
    return identifier.replace("_", " ").strip().capitalize() or identifier


def _profile_info(profile: Profile | None) -> dict[str, str] | None:
    if profile is None:
        return None
    return {"name": profile.name, "source": profile.source, "target": profile.target.label}


def _divergence(outlets: Sequence[OutletSummary], voice_order: Sequence[str], frame_order: Sequence[str]) -> Divergence:
    voices = [[_count(o.cell(v)) for v in voice_order] for o in outlets]
    frames = [[o.frame_counts[f] for f in frame_order] for o in outlets]
    return Divergence(
        outlets=tuple(o.outlet for o in outlets),
        voices=_pairwise(voices),
        frames=_pairwise(frames),
    )


def _count(cell: VoiceCell | None) -> int:
    return cell.sentences if cell else 0


def _pairwise(rows: Sequence[Sequence[int]]) -> tuple[tuple[float | None, ...], ...]:
    def one(p: Sequence[int], q: Sequence[int]) -> float | None:
        return js_divergence(p, q) if sum(p) and sum(q) else None

    return tuple(tuple(one(p, q) for q in rows) for p in rows)
