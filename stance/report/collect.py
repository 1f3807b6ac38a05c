"""What the report keeps of the records while they stream past once: bounded, deterministic.

:class:`ReportCollector` sees every :class:`~stance.records.SentenceRecord` once and

* writes it to ``data/sentences.csv`` straight away (nothing is held);
* offers it to :class:`StrongestStatements`, which keeps the ``k`` records with the largest
  absolute score per voice (the evidence tables);
* offers it to :class:`~stance.report.charts.ArticleSample` (the per-article strip chart);
* offers it to :class:`FirstSentences`, which keeps the first ``n`` sentences in appendix order
  (outlet, article id, sentence number); the rest are only in ``data/sentences.csv``.

So the memory a report needs does not grow with the corpus: ``k`` records per voice,
``max_articles²`` articles at most for the strips and ``n`` records for the appendix. Each rule
picks the same records whatever order they arrive in (ties are broken by the order of arrival,
as a stable sort would).
"""

from __future__ import annotations

import bisect
import csv
from collections.abc import Iterable
from typing import TextIO

from stance.records import RECORD_FIELDS, SentenceRecord
from stance.report.charts import DEFAULT_MAX_ARTICLES, ArticleSample
from stance.writers import record_row

__all__ = ["DEFAULT_APPENDIX", "DEFAULT_EVIDENCE", "FirstSentences", "ReportCollector", "StrongestStatements"]

#: Statements shown per voice in the evidence tables.
DEFAULT_EVIDENCE = 5
#: Sentences listed in the report's appendix; every sentence is in data/sentences.csv.
DEFAULT_APPENDIX = 2000


class StrongestStatements:
    """Per voice, the ``k`` records with the largest ``|score|`` (ties: doc id, index); zeros skipped.

    Ties beyond those keys go to the record that arrived first, as with a stable sort.
    """

    def __init__(self, k: int = DEFAULT_EVIDENCE) -> None:
        self.k = k
        self._seen = 0
        self._voices: dict[str, list[tuple]] = {}  # per voice: sorted (key, arrival, record), at most k

    def add(self, record: SentenceRecord) -> None:
        if record.score == 0 or self.k <= 0:
            return
        key = (-abs(record.score), record.doc_id, record.index)
        kept = self._voices.get(record.voice)
        if kept is None:
            kept = self._voices[record.voice] = []
        elif len(kept) >= self.k and key >= kept[-1][0]:
            return  # weaker than (or tied with, but later than) every kept statement
        self._seen += 1
        bisect.insort(kept, (key, self._seen, record))
        del kept[self.k :]

    def rows(self, voice: str) -> list[SentenceRecord]:
        """The kept records of ``voice``, strongest first."""
        return [record for _, _, record in self._voices.get(voice, ())]


class FirstSentences:
    """The first ``n`` records in appendix order: outlet, article id, sentence number, arrival.

    Candidates go to a buffer that is sorted and cut back to ``n`` whenever it doubles, so each
    record costs a tuple comparison against the current ``n``-th key, whatever the order of
    arrival.
    """

    def __init__(self, n: int = DEFAULT_APPENDIX) -> None:
        self.n = n
        self.seen = 0
        self._kept: list[tuple] = []  # (outlet, doc_id, index, arrival, record)
        self._cutoff: tuple | None = None  # the n-th smallest entry so far, once n are kept

    def add(self, record: SentenceRecord) -> None:
        entry = (record.outlet, record.doc_id, record.index, self.seen, record)
        self.seen += 1
        if self._cutoff is not None and entry > self._cutoff:  # arrival numbers are unique: records never compared
            return
        self._kept.append(entry)
        if len(self._kept) >= 2 * self.n:
            self._trim()

    def _trim(self) -> None:
        self._kept.sort()
        del self._kept[self.n :]
        if len(self._kept) == self.n and self.n:
            self._cutoff = self._kept[-1]

    @property
    def is_complete(self) -> bool:
        """Whether every record seen is kept."""
        return self.seen <= self.n

    def articles(self) -> list[dict]:
        """Kept records grouped by article, in order: ``[{"first": record, "rows": [...]}, …]``."""
        self._trim()
        out: list[dict] = []
        for *_, record in self._kept:
            if not out or (out[-1]["first"].outlet, out[-1]["first"].doc_id) != (record.outlet, record.doc_id):
                out.append({"first": record, "rows": []})
            out[-1]["rows"].append(record)
        return out


class ReportCollector:
    """Everything the report needs from the records, gathered in one pass.

    Parameters
    ----------
    csv_stream
        Where ``data/sentences.csv`` goes (every record, contract field order), or ``None``.
    evidence
        Strongest statements kept per voice.
    max_articles
        Articles of the strip chart.
    appendix
        Sentences listed in the appendix.
    """

    def __init__(
        self,
        csv_stream: TextIO | None = None,
        *,
        evidence: int = DEFAULT_EVIDENCE,
        max_articles: int = DEFAULT_MAX_ARTICLES,
        appendix: int = DEFAULT_APPENDIX,
    ) -> None:
        self.sentences = 0
        self.evidence = StrongestStatements(evidence)
        self.sample = ArticleSample(max_articles)
        self.appendix = FirstSentences(appendix)
        self._csv = csv.writer(csv_stream, lineterminator="\n") if csv_stream is not None else None
        if self._csv is not None:
            self._csv.writerow(RECORD_FIELDS)

    def add(self, record: SentenceRecord) -> None:
        """Take one record into account."""
        self.sentences += 1
        if self._csv is not None:
            self._csv.writerow(record_row(record))
        self.evidence.add(record)
        self.sample.add(record)
        self.appendix.add(record)

    def update(self, records: Iterable[SentenceRecord]) -> ReportCollector:
        """Add every record of ``records``; returns ``self``."""
        for record in records:
            self.add(record)
        return self
