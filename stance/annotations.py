"""Hand-coded sentences (annotation files) for training and evaluation.

One JSON object per line (DESIGN.md, "Annotation file"): ``text`` and ``stance`` are required;
``voice``, ``frames``, ``doc_id``, ``outlet``, ``coder`` and ``event`` are optional. A file that
breaks the format is rejected with the file and line, because a silently dropped or mislabelled
line changes every figure computed from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stance.errors import InputError
from stance.records import STANCES

__all__ = ["Annotation", "load_annotations", "ANNOTATION_FIELDS"]

ANNOTATION_FIELDS = (
    "text",
    "stance",
    "voice",
    "speaker",
    "quote",
    "frames",
    "doc_id",
    "outlet",
    "coder",
    "event",
)


@dataclass(frozen=True)
class Annotation:
    """One coded sentence."""

    text: str
    stance: str
    voice: str | None = None
    frames: tuple[str, ...] = ()
    doc_id: str | None = None
    outlet: str | None = None
    coder: str | None = None
    event: str | None = None
    source: str = ""

    @property
    def group(self) -> str:
        """The unit that must not be split across training and test folds: the document."""
        return f"{self.event or ''}/{self.doc_id or self.source}"


def load_annotations(paths: Iterable[str | Path]) -> list[Annotation]:
    """Read annotation JSONL files, validating every line.

    Raises
    ------
    InputError
        Unreadable file, malformed JSON, missing ``text``/``stance``, or an unknown stance
        label — naming the file and line.
    """
    out: list[Annotation] = []
    for path in paths:
        out.extend(_read_file(Path(path)))
    return out


def _read_file(path: Path) -> list[Annotation]:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(str(path), "no such annotation file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read annotation file: {exc}") from None
    rows = []
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip():
            rows.append(_parse_line(line, str(path), number))
    if not rows:
        raise InputError(str(path), "annotation file has no lines")
    return rows


def _parse_line(line: str, source: str, number: int) -> Annotation:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(source, f"malformed JSON: {exc.msg}", number, exc.colno) from None
    if not isinstance(obj, dict):
        raise InputError(source, "each line must be a JSON object", number)
    text, stance = obj.get("text"), obj.get("stance")
    if not isinstance(text, str) or not text.strip():
        raise InputError(source, "missing or empty 'text'", number)
    if stance not in STANCES:
        raise InputError(source, f"unknown stance label {stance!r} (use one of {', '.join(STANCES)})", number)
    frames = obj.get("frames") or ()
    if not isinstance(frames, Sequence) or isinstance(frames, str):
        raise InputError(source, "'frames' must be a list of frame ids", number)
    return Annotation(
        text=text,
        stance=stance,
        voice=_opt(obj, "voice", source, number),
        frames=tuple(str(f) for f in frames),
        doc_id=_opt(obj, "doc_id", source, number),
        outlet=_opt(obj, "outlet", source, number),
        coder=_opt(obj, "coder", source, number),
        event=_opt(obj, "event", source, number),
        source=f"{source}:{number}",
    )


def _opt(obj: dict, key: str, source: str, number: int) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(source, f"'{key}' must be a string", number)
    return value
