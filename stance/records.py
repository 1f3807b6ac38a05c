"""The sentence record: the one row every later stage (aggregates, reports, exports) reads.

Its fields and their order are a public contract (DESIGN.md, "Sentence record"): JSONL and CSV
output, golden files and users' scripts depend on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

__all__ = ["SentenceRecord", "RECORD_FIELDS", "VOICES_FIXED", "STANCES", "QUOTE_TYPES", "record_from_values"]

#: Voices every profile has besides its actors.
VOICES_FIXED = ("outlet", "other")
#: Stance labels, in the order used by tables and charts.
STANCES = ("favor", "neutral", "against")
#: Quote types.
QUOTE_TYPES = ("direct", "indirect", "mixed", "none")


@dataclass(frozen=True)
class SentenceRecord:
    """One sentence of one article with its voice, stance and frames.

    See DESIGN.md for the meaning of each field. ``text == clean[start:end]`` where ``clean``
    is the article's cleaned text.
    """

    doc_id: str
    outlet: str
    title: str | None
    date: str | None
    url: str | None
    index: int
    start: int
    end: int
    text: str
    voice: str
    speaker: str | None
    quote: str
    stance: str
    score: float
    confidence: float
    frames: tuple[str, ...]
    cues: tuple[str, ...]

    def to_dict(self) -> dict:
        """A JSON-ready dict in contract field order (lists instead of tuples).

        Built from the fields directly: ``dataclasses.asdict`` deep-copies every value (about
        22 of 30 µs per record, a tenth of ``stance analyze``); all values are immutable here.
        """
        values = self.__dict__
        out = {name: values[name] for name in RECORD_FIELDS}
        out["frames"] = list(self.frames)
        out["cues"] = list(self.cues)
        return out

    def to_json(self) -> str:
        """One JSONL line (no newline), stable key order, non-ASCII kept readable."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict) -> SentenceRecord:
        """Inverse of :meth:`to_dict` (lists become tuples)."""
        values = {f.name: data[f.name] for f in fields(cls)}
        values["frames"] = tuple(values["frames"])
        values["cues"] = tuple(values["cues"])
        return cls(**values)


RECORD_FIELDS = tuple(f.name for f in fields(SentenceRecord))


def record_from_values(*values) -> SentenceRecord:
    """A record from its field values in :data:`RECORD_FIELDS` order.

    The same object the constructor makes (a record's fields are set once, here), at a third of
    the cost: a frozen dataclass sets each of its 17 fields through ``object.__setattr__``, and
    the pipeline makes millions of records.
    """
    record = object.__new__(SentenceRecord)
    record.__dict__.update(zip(RECORD_FIELDS, values, strict=True))
    return record
