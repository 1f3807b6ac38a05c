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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from stance.cleaning import RemovedLine, clean_text
from stance.errors import InputError
from stance.htmltext import extract_html

__all__ = [
    "Article",
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


def make_article(
    fields: dict[str, object],
    text: str,
    source: str,
    default_id: str,
    *,
    clean: bool = True,
    line_offset: int = 0,
    line: int | None = None,
) -> Article:
    """Build an :class:`Article` from metadata fields and raw text, cleaning the text.

    ``line_offset`` is added to the line numbers of removed lines, so that they count from
    the top of the file even when front matter came first. Raises :class:`InputError` when
    no text is left. ``line`` is the row's line for JSONL/CSV records; it is added to
    ``source`` and to the position of errors.
    """
    where = source
    if line is not None:
        source = f"{source}:{line}"
    if not text.strip():
        raise InputError(where, "empty article: no text", line)
    if clean:
        cleaned = clean_text(text)
        body = cleaned.text
        removed = tuple(
            RemovedLine(r.line + line_offset, r.text, r.reason) for r in cleaned.removed
        )
    else:
        body, removed = text.strip(), ()
    if not body:
        raise InputError(
            where, f"no article text left after removing {len(removed)} boilerplate line(s)", line
        )
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
    )


def _as_text(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def load_corpus(paths: Iterable[str | Path], *, clean: bool = True) -> list[Article]:
    """Read every article under ``paths`` (files or directories) into a list.

    Parameters
    ----------
    paths
        Files or directories; directories are searched recursively in sorted order for
        files ending in one of :data:`SUFFIXES`.
    clean
        Remove boilerplate lines (default). ``False`` keeps the text as given, stripped.

    Examples
    --------
    >>> articles = stance.load_corpus(["seeds"])            # doctest: +SKIP
    >>> [a.outlet for a in articles]                        # doctest: +SKIP
    ['Inquirer.net', 'Korea JoongAng Daily', 'unknown']
    """
    return list(iter_articles(paths, clean=clean))


def iter_articles(paths: Iterable[str | Path], *, clean: bool = True) -> Iterator[Article]:
    """Yield articles from ``paths`` one at a time; duplicate ids raise :class:`InputError`."""
    seen: dict[str, str] = {}
    for path in expand_paths(paths):
        for article in read_file(path, clean=clean):
            if article.id in seen:
                raise InputError(
                    article.source,
                    f"duplicate article id {article.id!r} (first seen in {seen[article.id]})",
                )
            seen[article.id] = article.source
            yield article


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
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
            raise InputError(str(path), "not a regular file or directory")
        else:
            raise InputError(str(path), "no such file or directory")


def read_file(path: str | Path, *, clean: bool = True) -> Iterator[Article]:
    """Yield the article(s) in one file, choosing the reader by the file's ending."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(
            str(path), f"unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}"
        )
    raw = read_text(path)
    if suffix in (".txt", ".md", ".markdown"):
        yield _read_plain(raw, str(path), path.stem, clean)
    elif suffix in (".html", ".htm"):
        yield _read_html(raw, str(path), path.stem, clean)
    elif suffix == ".jsonl":
        yield from _read_jsonl(raw, str(path), path.stem, clean)
    else:
        yield from _read_csv(raw, str(path), path.stem, clean)


def read_text(path: Path) -> str:
    """Read a file as UTF-8 (a BOM is allowed); binary or undecodable files raise InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"\x00" in data[:8192]:
        raise InputError(str(path), "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            str(path),
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x}); re-save the file as UTF-8",
            line=line,
            column=column,
        ) from None


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


def _read_plain(raw: str, source: str, stem: str, clean: bool) -> Article:
    fields, body, offset = parse_front_matter(raw, source)
    return make_article(fields, body, source, stem, clean=clean, line_offset=offset)


def _read_html(raw: str, source: str, stem: str, clean: bool) -> Article:
    page = extract_html(raw)
    fields = {"title": page.title, "date": page.date, "url": page.url, "outlet": page.outlet}
    if not page.text.strip():
        raise InputError(source, "no article text found in the HTML page")
    return make_article(fields, page.text, source, stem, clean=clean)


def _read_jsonl(raw: str, source: str, stem: str, clean: bool) -> Iterator[Article]:
    for number, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(source, f"malformed JSON: {exc.msg}", number, exc.colno) from None
        if not isinstance(obj, dict):
            raise InputError(source, "each line must be a JSON object", number)
        text = obj.get("text")
        if not isinstance(text, str):
            raise InputError(source, "missing or non-string 'text' field", number)
        yield make_article(obj, text, source, f"{stem}-{number}", clean=clean, line=number)


def _read_csv(raw: str, source: str, stem: str, clean: bool) -> Iterator[Article]:
    reader = csv.DictReader(io.StringIO(raw, newline=""))
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "text" not in columns:
        raise InputError(source, f"no 'text' column (columns: {', '.join(columns) or 'none'})", 1)
    reader.fieldnames = columns
    row_start = reader.line_num + 1
    try:
        for row in reader:
            if None in row:
                raise InputError(source, "row has more fields than the header", row_start)
            yield make_article(
                row, row.get("text") or "", source, f"{stem}-{row_start}", clean=clean, line=row_start
            )
            row_start = reader.line_num + 1
    except csv.Error as exc:
        raise InputError(source, f"malformed CSV: {exc}", reader.line_num) from None
