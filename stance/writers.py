"""Write sentence records and attributed statements as JSONL, CSV or a terminal table.

Writers stream: each record is written as it arrives, so ``stance analyze`` on a large corpus
never holds more than one article in memory.
"""

from __future__ import annotations

import csv
import json
import operator
import shutil
from collections.abc import Iterable
from dataclasses import fields
from typing import TextIO

from stance.records import RECORD_FIELDS, SentenceRecord

__all__ = ["write_records", "write_statements", "record_row", "FORMATS"]

FORMATS = ("jsonl", "csv", "table")
#: How list fields are joined in CSV cells.
LIST_SEPARATOR = "|"


#: A record's fields in contract order, in one call.
_FIELD_VALUES = operator.attrgetter(*RECORD_FIELDS)


#: Positions of the list fields (``frames``, ``cues``) in a row.
_FIELD_TYPES = {f.name: str(f.type) for f in fields(SentenceRecord)}
_LIST_POSITIONS = tuple(i for i, name in enumerate(RECORD_FIELDS) if _FIELD_TYPES[name].startswith("tuple"))


def record_row(record: SentenceRecord) -> list[str | int | float | None]:
    """A record as a CSV row in contract field order (lists joined with ``|``)."""
    row = list(_FIELD_VALUES(record))
    for i in _LIST_POSITIONS:
        row[i] = LIST_SEPARATOR.join(row[i])
    return row


def write_records(records: Iterable[SentenceRecord], stream: TextIO, fmt: str = "jsonl") -> int:
    """Write records in ``fmt`` (jsonl, csv, table); returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {FORMATS}")
    count = 0
    if fmt == "csv":
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(RECORD_FIELDS)
    width = _terminal_width()
    for record in records:
        if fmt == "jsonl":
            stream.write(record.to_json() + "\n")
        elif fmt == "csv":
            writer.writerow(record_row(record))
        else:
            if count == 0:
                stream.write(_table_header(width))
            stream.write(_table_row(record, width))
        count += 1
    return count


def _terminal_width() -> int:
    return max(80, shutil.get_terminal_size((120, 24)).columns)


_COLUMNS = (("doc", 18), ("#", 3), ("voice", 20), ("quote", 8), ("stance", 7), ("score", 6))


def _table_header(width: int) -> str:
    head = " ".join(f"{name:<{w}}" for name, w in _COLUMNS)
    return f"{head} text\n"


def _table_row(record: SentenceRecord, width: int) -> str:
    cells = (
        _cut(record.doc_id, 18),
        str(record.index),
        _cut(record.voice, 20),
        record.quote,
        record.stance,
        f"{record.score:+.2f}",
    )
    line = " ".join(f"{cell:<{w}}" for cell, (_, w) in zip(cells, _COLUMNS, strict=True))
    room = max(20, width - len(line) - 1)
    return f"{line} {_cut(record.text, room)}\n"


def _cut(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_statements(statements: Iterable, stream: TextIO, fmt: str = "table") -> int:
    """Write ``(article, sentence, attribution)`` triples as JSONL or a table."""
    count = 0
    for article, sentence, attribution in statements:
        if fmt == "jsonl":
            stream.write(
                json.dumps(
                    {
                        "doc_id": article.id,
                        "index": sentence.index,
                        "start": sentence.start,
                        "end": sentence.end,
                        "speaker": attribution.speaker,
                        "voice": attribution.voice,
                        "quote": attribution.quote,
                        "cue": attribution.cue,
                        "text": sentence.text,
                    },
                    ensure_ascii=False,
                )
                + "\n"
            )
        else:
            if count == 0:
                stream.write(f"{'doc':<18} {'#':<3} {'voice':<20} {'quote':<8} {'speaker':<24} text\n")
            stream.write(
                f"{_cut(article.id, 18):<18} {sentence.index:<3} {_cut(attribution.voice, 20):<20} "
                f"{attribution.quote:<8} {_cut(attribution.speaker or '-', 24):<24} {_cut(sentence.text, 90)}\n"
            )
        count += 1
    return count
