"""Split cleaned article text into paragraphs and sentences with exact character offsets.

Sentences come from nltk's Punkt algorithm (Kiss & Strunk 2006) built from an abbreviation list
that ships with the package, so no model download is ever needed. Around Punkt we add what news
needs: paragraphs are hard boundaries, a short unpunctuated line (a headline or sub-heading) is
a unit of its own, and a closing quote mark after the full stop stays with its sentence,
including typographic marks (Punkt's own realignment only knows straight ones).

Every :class:`Sentence` satisfies ``text[sentence.start:sentence.end] == sentence.text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from nltk.tokenize import punkt
from nltk.tokenize.punkt import PunktLanguageVars, PunktParameters, PunktSentenceTokenizer, PunktToken

__all__ = ["Sentence", "split_sentences", "paragraph_spans"]


@dataclass(frozen=True)
class Sentence:
    """One sentence (or headline) of an article.

    Attributes
    ----------
    index : int
        Position in the article, from 0.
    start, end : int
        Character offsets into the cleaned text.
    text : str
        ``clean[start:end]``.
    paragraph : int
        Paragraph number, from 0.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int


#: Characters that close a quotation or bracket and belong to the sentence they follow.
CLOSERS = "\"'”’»)]}"
#: A line shorter than this with no final punctuation, followed by a capitalised line, is a
#: heading; longer unpunctuated lines are taken as hard-wrapped prose.
HEADING_MAX_CHARS = 60

_PARAGRAPH_BREAK_RE = re.compile(r"\n[^\S\n]*\n\s*")
_TERMINAL_RE = re.compile(r"[.!?…:;,\-–—][\"'”’»)\]]*$")


#: Flags that mean the same in ``re`` as in the ``regex`` engine nltk may compile with.
_PORTABLE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE | re.VERBOSE


#: ``\s`` and ``\S`` in nltk's expressions (none of them puts one inside a character class).
_SPACE_CLASS_RE = re.compile(r"(?<!\\)\\([sS])")


def _plain(pattern) -> re.Pattern:
    r"""``pattern`` (a compiled ``re`` pattern, or nltk's timed ``regex`` wrapper) compiled by ``re``.

    The two engines class one set of characters differently: ``re`` takes the separators
    U+001C-U+001F for white space, ``regex`` does not; ``\s`` and ``\S`` are narrowed to
    ``regex``'s meaning, so ``re`` matches exactly what nltk's engine would.
    """
    if isinstance(pattern, re.Pattern):
        return pattern
    narrowed = {"s": r"[^\S\x1c-\x1f]", "S": r"[\S\x1c-\x1f]"}
    source = _SPACE_CLASS_RE.sub(lambda m: narrowed[m.group(1)], pattern.pattern)
    return re.compile(source, pattern.flags & _PORTABLE_FLAGS)


class _PlainLanguageVars(PunktLanguageVars):
    """nltk's English Punkt expressions, run by the standard library's ``re``.

    Since 3.10 nltk compiles every expression with the third-party ``regex`` engine under a
    wall-clock timeout, a guard against hostile *patterns*. These patterns are nltk's own,
    fixed ones, which nltk ran with ``re`` for years; ``re`` runs them about four times faster,
    and Punkt's word and boundary scans were the largest part of sentence splitting. The
    patterns are taken from the installed nltk, so its behaviour (e.g. curly quotes as
    closing punctuation) is kept; they are only recompiled, and the spans are the same as
    nltk's own (property-tested; :func:`_plain` settles the one difference between the engines).
    """

    re_boundary_realignment = _plain(PunktLanguageVars.re_boundary_realignment)

    def __init__(self) -> None:
        super().__init__()
        self._plain_word = _plain(PunktLanguageVars._word_tokenizer_re(self))
        self._plain_period = _plain(PunktLanguageVars.period_context_re(self))

    def _word_tokenizer_re(self):
        return self._plain_word

    def period_context_re(self):
        return self._plain_period


class _PlainToken(PunktToken):
    """nltk's Punkt token, its type and shape tests run by ``re`` (see :class:`_PlainLanguageVars`)."""

    __slots__ = ()
    _RE_ELLIPSIS = _plain(PunktToken._RE_ELLIPSIS)
    _RE_NUMERIC = _plain(PunktToken._RE_NUMERIC)
    _RE_INITIAL = _plain(PunktToken._RE_INITIAL)
    _RE_ALPHA = _plain(PunktToken._RE_ALPHA)
    _NON_PUNCT = _plain(getattr(punkt, "_re_non_punct", re.compile(r"[^\W\d]")))

    @property
    def is_non_punct(self):
        return self._NON_PUNCT.search(self.type)


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    """Punkt with the shipped abbreviation list; built once per process."""
    params = PunktParameters()
    listing = resources.files("stance").joinpath("data/abbreviations.txt").read_text("utf-8")
    params.abbrev_types = {line.strip() for line in listing.splitlines() if line.strip() and not line.startswith("#")}
    return PunktSentenceTokenizer(params, lang_vars=_PlainLanguageVars(), token_cls=_PlainToken)


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` of each paragraph: blocks separated by blank lines, trimmed."""
    position = 0
    for match in _PARAGRAPH_BREAK_RE.finditer(text):
        span = _trim(text, position, match.start())
        if span:
            yield span
        position = match.end()
    span = _trim(text, position, len(text))
    if span:
        yield span


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences with exact offsets.

    Parameters
    ----------
    text
        Cleaned article text (see :func:`stance.cleaning.clean_text`); any string works.

    Returns
    -------
    list of Sentence
        In reading order; they do not overlap, and every non-space character of ``text``
        belongs to exactly one sentence.

    Examples
    --------
    >>> [s.text for s in split_sentences('NATO opens office\\n\\nGen. Kim said "Yes." Then he left.')]
    ['NATO opens office', 'Gen. Kim said "Yes."', 'Then he left.']
    """
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for b_start, b_end in _heading_blocks(text, p_start, p_end):
            for start, end in _sentence_spans(text, b_start, b_end):
                sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
    return sentences


def _heading_blocks(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a paragraph after a line that reads as a heading (short, unpunctuated)."""
    block_start = start
    line_start = start
    while True:
        newline = text.find("\n", line_start, end)
        if newline == -1:
            break
        line = text[line_start:newline].strip()
        following = text[newline + 1 : end].lstrip()
        if line and len(line) < HEADING_MAX_CHARS and not _TERMINAL_RE.search(line) and following[:1].isupper():
            span = _trim(text, block_start, newline)
            if span:
                yield span
            block_start = newline + 1
        line_start = newline + 1
    span = _trim(text, block_start, end)
    if span:
        yield span


def punkt_spans(block: str) -> list[tuple[int, int]]:
    """Punkt's sentence spans of ``block``: the same as nltk's own tokenizer with our abbreviations."""
    return list(_tokenizer().span_tokenize(block))


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Punkt spans inside one block, with closing quotes moved back to their sentence."""
    spans = [(start + a, start + b) for a, b in punkt_spans(text[start:end])]
    merged: list[tuple[int, int]] = []
    for s_start, s_end in spans:
        # Untrained Punkt sometimes breaks before a lower-case word ('…said.” he added.');
        # a sentence does not start in lower case, so that piece continues the last one.
        if merged and _starts_lower(text, s_start, s_end):
            merged[-1] = (merged[-1][0], s_end)
            continue
        if merged:
            cut = s_start
            while cut < s_end and text[cut] in CLOSERS:
                cut += 1
            # Only a closer followed by space (or the end) is a closing mark; "'Tis" is not.
            if cut > s_start and (cut == s_end or text[cut].isspace()):
                merged[-1] = (merged[-1][0], cut)
                s_start = cut
        span = _trim(text, s_start, s_end)
        if span:
            merged.append(span)
    return merged


def _starts_lower(text: str, start: int, end: int) -> bool:
    for ch in text[start:end]:
        if ch.isalpha():
            return ch.islower()
        if not (ch.isspace() or ch in CLOSERS):
            return False
    return False


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
