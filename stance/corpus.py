"""Read news articles from text, Markdown, HTML, JSONL and CSV files into :class:`Article` records.

Each reader yields articles one at a time so a corpus of any size streams. Text is cleaned of
scraper boilerplate on the way in (:mod:`stance.cleaning`); what was removed stays on the
article (``Article.removed``) for audit. Every problem with an input is an
:class:`~stance.errors.InputError` naming the file and line, never a silent skip.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from stance.cleaning import RemovedLine, clean_text
from stance.decoding import decode_bytes, repair_mojibake
from stance.errors import InputError
from stance.htmltext import extract_html

__all__ = [
    "Article",
    "ReadOptions",
    "Skipped",
    "expand_paths",
    "SUFFIXES",
    "iter_articles",
    "load_corpus",
    "read_file",
    "parse_front_matter",
    "make_article",
]

#: File endings the readers understand.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl", ".csv")
#: Metadata fields every reader fills (the record contract of DESIGN.md).
META_FIELDS = ("id", "outlet", "title", "date", "url")


@dataclass(frozen=True)
class Article:
    """One article: metadata, cleaned text, and the audit of what cleaning removed.

    Attributes
    ----------
    id : str
        Unique within a corpus (front matter / JSONL / CSV ``id``, else the file stem).
    outlet : str
        Outlet name, ``"unknown"`` when the input does not say.
    title, date, url : str or None
        Metadata as given.
    text : str
        Cleaned text; sentence offsets point into it.
    source : str
        Where the article came from (``path`` or ``path:line`` for JSONL/CSV rows).
    removed : tuple of RemovedLine
        Boilerplate lines dropped by cleaning, with reasons and line numbers of the raw text.
    extra : dict
        Any further front-matter or column values, untouched.
    notes : tuple of str
        What was done to the input besides cleaning: detected encoding, repaired mojibake.
    """

    id: str
    outlet: str
    title: str | None
    date: str | None
    url: str | None
    text: str
    source: str
    removed: tuple[RemovedLine, ...] = ()
    extra: dict[str, str] = field(default_factory=dict, compare=False)
    notes: tuple[str, ...] = ()


def make_article(
    fields: dict[str, object],
    text: str,
    source: str,
    default_id: str,
    options: ReadOptions | None = None,
    *,
    line_offset: int = 0,
    line: int | None = None,
    notes: tuple[str, ...] = (),
) -> Article:
    """Build an :class:`Article` from metadata fields and raw text, cleaning the text.

    ``line_offset`` is added to the line numbers of removed lines, so that they count from
    the top of the file even when front matter came first. Raises :class:`InputError` when
    no text is left. ``line`` is the row's line for JSONL/CSV records; it is added to
    ``source`` and to the position of errors.
    """
    options = options or ReadOptions()
    where = source
    if line is not None:
        source = f"{source}:{line}"
    if not text.strip():
        raise InputError(where, "empty article: no text", line)
    if len(text) > options.max_bytes:
        raise InputError(where, f"article text is over the --max-bytes limit ({len(text):,} characters)", line)
    text, repaired = repair_mojibake(text)
    notes = (*notes, *repaired)
    if options.clean:
        cleaned = clean_text(text)
        body = cleaned.text
        removed = tuple(RemovedLine(r.line + line_offset, r.text, r.reason) for r in cleaned.removed)
    else:
        body, removed = text.strip(), ()
    if not body:
        raise InputError(where, f"no article text left after removing {len(removed)} boilerplate line(s)", line)
    meta = {k: _as_text(fields.get(k)) for k in META_FIELDS}
    extra = {k: str(v) for k, v in fields.items() if k not in META_FIELDS and k != "text"}
    return Article(
        id=meta["id"] or default_id,
        outlet=meta["outlet"] or "unknown",
        title=meta["title"],
        date=meta["date"],
        url=meta["url"],
        text=body,
        source=source,
        removed=removed,
        extra=extra,
        notes=notes,
    )


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


@dataclass(frozen=True)
class ReadOptions:
    """How inputs are read.

    Attributes
    ----------
    clean : bool
        Remove boilerplate lines (default).
    encoding : str
        ``"utf-8"`` (default; other bytes are an error), ``"auto"`` (detect and note), or a codec.
    max_bytes : int
        Largest single article (a text/HTML file, or one JSONL/CSV record) accepted; larger ones
        are refused with a message naming the size, rather than exhausting memory.
    """

    clean: bool = True
    encoding: str = "utf-8"
    max_bytes: int = 50_000_000


@dataclass(frozen=True)
class Skipped:
    """An input that was not processed, and why (``--skip-bad``)."""

    source: str
    line: int | None
    reason: str

    def to_dict(self) -> dict:
        return {"source": self.source, "line": self.line, "reason": self.reason}


def load_corpus(paths: Iterable[str | Path], *, clean: bool = True, **options) -> list[Article]:
    """Read every article under ``paths`` (files or directories) into a list.

    Parameters
    ----------
    paths
        Files or directories; directories are searched recursively in sorted order for
        files ending in one of :data:`SUFFIXES`.
    clean
        Remove boilerplate lines (default). ``False`` keeps the text as given, stripped.
    **options
        ``encoding`` and ``max_bytes`` of :class:`ReadOptions`.

    Examples
    --------
    >>> articles = stance.load_corpus(["seeds"])            # doctest: +SKIP
    >>> [a.outlet for a in articles]                        # doctest: +SKIP
    ['Inquirer.net', 'Korea JoongAng Daily', 'unknown']
    """
    return list(iter_articles(paths, ReadOptions(clean=clean, **options)))


def iter_articles(
    paths: Iterable[str | Path],
    options: ReadOptions | None = None,
    *,
    clean: bool = True,
    on_error: Callable[[Skipped], None] | None = None,
) -> Iterator[Article]:
    """Yield articles from ``paths`` one at a time.

    By default the first bad input raises :class:`InputError`. With ``on_error``, each bad
    input (a file, or one JSONL/CSV record) is reported to it as :class:`Skipped` and reading
    goes on; so every input is either yielded or reported, never lost. Duplicate ids are bad
    input too (the second one is skipped).
    """
    options = options or ReadOptions(clean=clean)
    seen: dict[str, str] = {}
    for path in expand_paths(paths, on_error):
        try:
            for item in _read_items(path, options):
                if isinstance(item, InputError):
                    _report(item, on_error)
                    continue
                if item.id in seen:
                    _report(
                        InputError(
                            item.source,
                            f"duplicate article id {item.id!r} (first seen in {seen[item.id]})",
                        ),
                        on_error,
                    )
                    continue
                seen[item.id] = item.source
                yield item
        except InputError as exc:
            _report(exc, on_error)


def _report(error: InputError, on_error: Callable[[Skipped], None] | None) -> None:
    if on_error is None:
        raise error
    on_error(Skipped(error.source, error.line, error.message))


def expand_paths(paths: Iterable[str | Path], on_error: Callable[[Skipped], None] | None = None) -> Iterator[Path]:
    """Files named directly, and readable files found under directories, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            ]
            yield from sorted(found, key=lambda p: p.relative_to(path).as_posix())
        elif path.is_file():
            yield path
        elif path.exists():
            _report(InputError(str(path), "not a regular file or directory"), on_error)
        else:
            _report(InputError(str(path), "no such file or directory"), on_error)


def read_file(path: str | Path, *, clean: bool = True, **options) -> Iterator[Article]:
    """Yield the article(s) in one file, choosing the reader by the file's ending."""
    for item in _read_items(Path(path), ReadOptions(clean=clean, **options)):
        if isinstance(item, InputError):
            raise item
        yield item


def _read_items(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    """Articles of one file; a bad record of a multi-record file is yielded as its error."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            str(path),
            f"unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}",
        )
    if suffix == ".jsonl":
        yield from _read_jsonl(path, options)
    elif suffix == ".csv":
        yield from _read_csv(path, options)
    else:
        raw, notes = read_text(path, options)
        reader = _read_html if suffix in (".html", ".htm") else _read_plain
        yield reader(raw, str(path), path.stem, options, notes)


def read_text(path: Path, options: ReadOptions | None = None) -> tuple[str, tuple[str, ...]]:
    """Read one whole file as text (size-checked, decoded per ``options.encoding``)."""
    options = options or ReadOptions()
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            raise InputError(
                str(path),
                f"file is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.0f} MB limit for one "
                "article; raise it with --max-bytes or split the file",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    return decode_bytes(data, str(path), options.encoding)


def parse_front_matter(raw: str, source: str) -> tuple[dict[str, object], str, int]:
    """Split ``---``-delimited front matter from the body.

    Values are ``null``, a JSON string in double quotes, or bare text. Returns the fields,
    the body, and the number of lines the front matter took (so line numbers stay true).
    """
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, raw, 0
    closing = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == "---"), None)
    if closing is None:
        raise InputError(source, "front matter opened with '---' on line 1 is never closed", 1)
    fields: dict[str, object] = {}
    for number, line in enumerate(lines[1:closing], start=2):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key, sep, value = line.partition(":")
        key = key.strip().lower()
        if not sep or not key or " " in key:
            raise InputError(source, f"front matter line is not 'key: value': {line.strip()!r}", number)
        fields[key] = _front_value(value.strip(), source, number)
    return fields, "\n".join(lines[closing + 1 :]), closing + 1


def _front_value(value: str, source: str, line: int) -> object:
    if value in ("", "null", "~", "None"):
        return None
    if value.startswith('"'):
        try:
            return json.loads(value)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"bad quoted value: {exc.msg}", line) from None
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _read_plain(raw: str, source: str, stem: str, options: ReadOptions, notes: tuple[str, ...]) -> Article:
    fields, body, offset = parse_front_matter(raw, source)
    return make_article(fields, body, source, stem, options, line_offset=offset, notes=notes)


def _read_html(raw: str, source: str, stem: str, options: ReadOptions, notes: tuple[str, ...]) -> Article:
    page = extract_html(raw)
    fields = {"title": page.title, "date": page.date, "url": page.url, "outlet": page.outlet}
    if not page.text.strip():
        raise InputError(source, "no article text found in the HTML page")
    return make_article(fields, page.text, source, stem, options, notes=notes)


def _binary_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    try:
        with path.open("rb") as handle:
            yield from enumerate(handle, start=1)
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def _read_jsonl(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    """Stream a JSONL file: one record per line, each line's problems reported with its number."""
    source, any_line = str(path), False
    for number, data in _binary_lines(path):
        if not data.strip():
            continue
        any_line = True
        try:
            yield _jsonl_record(data, source, path.stem, number, options)
        except InputError as exc:
            yield exc
    if not any_line:
        raise InputError(source, "empty file")


def _jsonl_record(data: bytes, source: str, stem: str, number: int, options: ReadOptions) -> Article:
    if len(data) > options.max_bytes:
        raise InputError(source, f"record is {len(data) / 1e6:.1f} MB, over the --max-bytes limit", number)
    try:
        line, notes = decode_bytes(data, source, options.encoding)
    except InputError as exc:
        raise InputError(source, exc.message, number, exc.column) from None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON: {exc.msg}", number, exc.colno) from None
    if not isinstance(obj, dict):
        raise InputError(source, "each line must be a JSON object", number)
    text = obj.get("text")
    if not isinstance(text, str):
        raise InputError(source, "missing or non-string 'text' field", number)
    return make_article(obj, text, source, f"{stem}-{number}", options, line=number, notes=notes)


def _read_csv(path: Path, options: ReadOptions) -> Iterator[Article | InputError]:
    """Stream a CSV file with a header row; needs a ``text`` column."""
    source = str(path)
    raw, notes = read_text(path, replace(options, max_bytes=max(options.max_bytes, path.stat().st_size)))
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "text" not in columns:
        raise InputError(source, f"no 'text' column (columns: {', '.join(columns) or 'none'})", 1)
    reader.fieldnames = columns
    row_start = reader.line_num + 1
    try:
        for row in reader:
            try:
                if None in row:
                    raise InputError(source, "row has more fields than the header", row_start)
                yield make_article(
                    row,
                    row.get("text") or "",
                    source,
                    f"{path.stem}-{row_start}",
                    options,
                    line=row_start,
                    notes=notes,
                )
            except InputError as exc:
                yield exc
            row_start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(source, f"malformed CSV: {exc}", reader.line_num) from None
