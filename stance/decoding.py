"""Bytes to text: UTF-8 by default, encoding detection on request, mojibake repair, and notes.

Scraped corpora arrive in legacy encodings (Windows-1252, EUC-KR, Shift-JIS) and with mojibake —
UTF-8 text that was once decoded as Windows-1252 ("itâ€™s"). We never guess silently: by default
a file that is not UTF-8 is an error naming the line and column of the first bad byte; with
``encoding="auto"`` the encoding is detected (charset-normalizer, which does this better than a
hand-written guesser) and the article carries a note saying which encoding was used. Mojibake is
repaired with ftfy's ``fix_encoding`` only (never its quote or width normalisation, which would
change correct text) and also noted.
"""

from __future__ import annotations

import codecs
import re

from stance.errors import InputError

__all__ = ["decode_bytes", "repair_mojibake", "looks_like_mojibake", "check_encoding_name"]

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Longer than any sequence ftfy's badness expression matches (its alternatives are fixed-length).
_BADNESS_REACH = 10

AUTO = "auto"


def check_encoding_name(encoding: str) -> str:
    """Validate an ``--encoding`` value: ``auto`` or a codec Python knows."""
    if encoding == AUTO:
        return encoding
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise InputError("--encoding", f"unknown encoding {encoding!r} (use 'auto' or e.g. utf-8, cp1252)") from None


def decode_bytes(data: bytes, source: str, encoding: str = "utf-8") -> tuple[str, tuple[str, ...]]:
    """Decode ``data``; return the text and notes on what was done.

    Raises :class:`InputError` for binary data and, unless ``encoding="auto"``, for bytes that
    are not valid in ``encoding`` (with line and column of the first bad byte).
    """
    if b"\x00" in data[:8192]:
        raise InputError(source, "binary file (contains NUL bytes), not text")
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if encoding != AUTO:
        try:
            return data.decode(encoding), ()
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise InputError(
                source,
                f"not valid {encoding} (byte 0x{data[exc.start]:02x}); re-save as UTF-8 or pass --encoding auto",
                line=line,
                column=column,
            ) from None
    return _decode_auto(data)


def _decode_auto(data: bytes) -> tuple[str, tuple[str, ...]]:
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        return str(best), (f"not UTF-8: decoded as {best.encoding} (detected)",)
    text = data.decode("utf-8", errors="replace")
    return text, (f"not UTF-8 and no encoding detected: {text.count(chr(0xFFFD))} bytes replaced with U+FFFD",)


def repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Undo UTF-8-read-as-Windows-1252 mojibake ("itâ€™s" -> "it’s"); note it when done."""
    from ftfy import fix_encoding

    if not looks_like_mojibake(text):
        return text, ()
    fixed = fix_encoding(text)
    if fixed == text:
        return text, ()
    return fixed, ("repaired mojibake (text decoded with the wrong encoding upstream)",)


def looks_like_mojibake(text: str) -> bool:
    """``ftfy.badness.is_bad(text)``, searched only near non-ASCII characters.

    ftfy's expression tries its whole alternation at every position of the text, which costs
    more than the rest of reading an article. Every sequence it matches contains a non-ASCII
    character and is at most a few characters long, so searching windows of
    :data:`_BADNESS_REACH` characters around the non-ASCII runs finds every match it would; a
    window hit is confirmed on the whole text, so the answer is always ftfy's own.
    """
    if text.isascii():
        return False
    from ftfy.badness import BADNESS_RE, is_bad

    search = BADNESS_RE.search
    for run in _NON_ASCII.finditer(text):
        if search(text, max(run.start() - _BADNESS_REACH, 0), run.end() + _BADNESS_REACH):
            return is_bad(text)
    return False
