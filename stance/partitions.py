"""Write sentence records as a directory of partitions: ``part-00000.jsonl`` (or ``.csv``, ``.parquet``) …

For corpora too large for one file, and for tools that read a directory of parts (Dask,
Spark, DuckDB, pandas). Each part holds the records of :data:`ARTICLES_PER_PART` consecutive
articles, whole, in input order, so the parts do not depend on the engine or the number of
workers: concatenating the JSONL parts gives exactly ``stance analyze --format jsonl``.

Parquet needs ``pyarrow`` (not a dependency); the schema follows the record contract, with
``frames`` and ``cues`` as lists of strings. Each part is written under a temporary name and
renamed when complete, and parts left by an earlier run in the directory are removed first
(only files named like parts), so a directory never mixes two runs.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable
from pathlib import Path

from stance.records import RECORD_FIELDS, SentenceRecord
from stance.writers import record_row

__all__ = ["ARTICLES_PER_PART", "PARTITION_FORMATS", "write_partitions", "parquet_available"]

#: Articles whose records go in one part.
ARTICLES_PER_PART = 1000
#: Formats a partitioned directory can hold.
PARTITION_FORMATS = ("jsonl", "csv", "parquet")
_PART_NAME = re.compile(r"^part-\d{5,}\.(?:jsonl|csv|parquet)$")


def parquet_available() -> bool:
    """Whether ``pyarrow`` is installed (Parquet parts need it)."""
    try:
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        return False
    return True


def write_partitions(
    articles: Iterable[list[SentenceRecord]],
    out_dir: str | Path,
    fmt: str = "jsonl",
    *,
    articles_per_part: int = ARTICLES_PER_PART,
) -> list[Path]:
    """Write the records of each article into parts of ``articles_per_part`` articles.

    Parameters
    ----------
    articles
        The records of one article at a time, in input order (an engine's output).
    out_dir
        The directory; created if missing.
    fmt
        ``"jsonl"``, ``"csv"`` (a header in every part) or ``"parquet"`` (needs pyarrow).

    Returns
    -------
    list of Path
        The parts written, in order. An empty corpus gives one empty part.
    """
    if fmt not in PARTITION_FORMATS:
        raise ValueError(f"unknown partition format {fmt!r}; use one of {PARTITION_FORMATS}")
    if fmt == "parquet" and not parquet_available():
        raise RuntimeError("Parquet output needs pyarrow: pip install pyarrow")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if _PART_NAME.match(old.name) and old.is_file():
            old.unlink()
    written: list[Path] = []
    part: list[SentenceRecord] = []
    in_part = 0
    for records in articles:
        part.extend(records)
        in_part += 1
        if in_part == articles_per_part:
            written.append(_write_part(part, out, len(written), fmt))
            part, in_part = [], 0
    if in_part or not written:
        written.append(_write_part(part, out, len(written), fmt))
    return written


def _write_part(records: list[SentenceRecord], out: Path, number: int, fmt: str) -> Path:
    path = out / f"part-{number:05d}.{fmt}"
    tmp = out / f".{path.name}.tmp"
    if fmt == "parquet":
        _write_parquet(records, tmp)
    else:
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            if fmt == "jsonl":
                stream.writelines(record.to_json() + "\n" for record in records)
            else:
                writer = csv.writer(stream, lineterminator="\n")
                writer.writerow(RECORD_FIELDS)
                writer.writerows(record_row(record) for record in records)
    os.replace(tmp, path)
    return path


def _parquet_schema():
    import pyarrow as pa

    types = {
        "index": pa.int64(),
        "start": pa.int64(),
        "end": pa.int64(),
        "score": pa.float64(),
        "confidence": pa.float64(),
        "frames": pa.list_(pa.string()),
        "cues": pa.list_(pa.string()),
    }
    return pa.schema([(name, types.get(name, pa.string())) for name in RECORD_FIELDS])


def _write_parquet(records: list[SentenceRecord], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist([record.to_dict() for record in records], schema=_parquet_schema())
    pq.write_table(table, path)
