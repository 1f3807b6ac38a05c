"""Find quotation spans in cleaned article text, robust to unbalanced and mixed-up marks.

A single left-to-right pass over each paragraph pairs opening and closing marks with a small
state machine, in the spirit of Pareti's direct-quote recovery (Pareti 2015, *Attribution: A
Computational Approach*) but without her assumption that marks are balanced: scraped news mixes
straight and typographic marks, drops closers and types ``”`` where ``“`` belongs. Where
textacy's extractor gives up on an odd number of marks, this module degrades:

* a straight ``"`` is read as opening or closing from the characters around it;
* a typographic mark that sits on the wrong side of a word is read by its context;
* a quote still open at a paragraph end closes there, unless the next paragraph opens with a
  quote mark (the convention of not closing a quote that runs on into the next paragraph; the
  next piece is then flagged ``continues``);
* a closing mark with no opener is an *orphan*: its quote runs back to the end of the previous
  quote of the paragraph (or the paragraph start) and is flagged ``opened=False``;
* single quotes (``‘…’``, ``'…'``) are kept apart from apostrophes by context, are ignored
  inside double quotes, and are dropped when left open at a paragraph end.

The pass is linear in the length of the text and uses no backtracking regular expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from stance.text import paragraph_spans

__all__ = ["Quote", "find_quotes", "OPENING_DOUBLE", "CLOSING_DOUBLE"]

#: Marks that can only open a double quotation.
OPENING_DOUBLE = "“„«"
#: Marks that can only close a double quotation.
CLOSING_DOUBLE = "”»"
#: Marks that open a single quotation (the straight ``'`` is decided by context).
OPENING_SINGLE = "‘‹"
#: Marks that close a single quotation or serve as apostrophes (decided by context).
CLOSING_SINGLE = "’›"
#: Characters after which a mark reads as opening (besides whitespace and the paragraph start).
_OPEN_BEFORE = "([{—–-/"
#: Characters before which a mark reads as closing (besides whitespace and the paragraph end).
_CLOSE_AFTER = ".,;:!?)]}…—–-"


_MARK_RE = re.compile("[\"'" + OPENING_DOUBLE + CLOSING_DOUBLE + OPENING_SINGLE + CLOSING_SINGLE + "]")


@dataclass(frozen=True)
class Quote:
    """A quotation span of the cleaned text.

    Attributes
    ----------
    open : int
        Offset of the opening mark; for an orphan (``opened=False``) the offset where the
        implied quote starts.
    close : int
        Offset just past the closing mark; for a quote left open, the end of its paragraph.
    content : str
        The text between the marks (``text[open + 1:close - 1]`` when both marks exist).
    double : bool
        Double marks (``"“”„«»``); ``False`` for single marks.
    opened, closed : bool
        Whether an opening / closing mark was actually seen.
    continues : bool
        The quote opens a paragraph and continues the previous paragraph's unclosed quote.
    """

    open: int
    close: int
    content: str
    double: bool = True
    opened: bool = True
    closed: bool = True
    continues: bool = False

    @property
    def words(self) -> int:
        """Number of whitespace-separated words in the content."""
        return len(self.content.split())


def find_quotes(text: str) -> list[Quote]:
    """All quotation spans of ``text`` in reading order, never crossing a paragraph break.

    Parameters
    ----------
    text
        Cleaned article text; any string works, however its marks are (un)balanced.

    Returns
    -------
    list of Quote
        Non-overlapping, sorted by ``open``. Single quotes nested in a double quote are part of
        its content and are not listed.

    Examples
    --------
    >>> [q.content for q in find_quotes('“Yes,” he said. ‘No’ she said.')]
    ['Yes,', 'No']
    >>> q = find_quotes('He said "we will\\n\\n"Go on," he added.')
    >>> [(x.content, x.closed, x.continues) for x in q]
    [('we will', False, False), ('Go on,', True, True)]
    """
    quotes: list[Quote] = []
    spans = list(paragraph_spans(text))
    carried = False
    for number, (start, end) in enumerate(spans):
        next_opens = number + 1 < len(spans) and _opens_with_quote(text, spans[number + 1][0])
        found = list(_paragraph_quotes(text, start, end, carried))
        quotes.extend(found)
        carried = bool(found) and not found[-1].closed and found[-1].double and next_opens
    return quotes


def _opens_with_quote(text: str, start: int) -> bool:
    mark = text[start : start + 1]
    return mark in OPENING_DOUBLE or mark == '"' or (mark == "”" and text[start + 1 : start + 2].isalnum())


class _Scanner:
    """State of the pass over one paragraph: at most one open double and one open single."""

    def __init__(self, text: str, start: int, end: int, carried: bool) -> None:
        self.text, self.start, self.end = text, start, end
        self.carried = carried
        self.double_at: int | None = None
        self.single_at: int | None = None
        self.last_end = start
        self.found: list[Quote] = []

    def context(self, i: int) -> tuple[bool, bool]:
        """Whether the mark at ``i`` sits in opening and/or closing position."""
        before = self.text[i - 1] if i > self.start else " "
        after = self.text[i + 1] if i + 1 < self.end else " "
        opening = before.isspace() or before in _OPEN_BEFORE
        closing = after.isspace() or after in _CLOSE_AFTER or after in CLOSING_DOUBLE + CLOSING_SINGLE
        return opening and not after.isspace(), closing and not before.isspace()

    def emit(self, open_at: int, close_at: int, *, double: bool, opened: bool, closed: bool) -> None:
        """Record a quote from the mark at ``open_at`` to the mark at ``close_at``."""
        content_start = open_at + 1 if opened else open_at
        continues = double and opened and self.carried and open_at == self.start
        stop = close_at + 1 if closed else close_at
        self.found.append(Quote(open_at, stop, self.text[content_start:close_at], double, opened, closed, continues))
        self.last_end = stop


def _paragraph_quotes(text: str, start: int, end: int, carried: bool) -> Iterator[Quote]:
    """Pair the marks of one paragraph (see the module docstring for the rules)."""
    scan = _Scanner(text, start, end, carried)
    for match in _MARK_RE.finditer(text, start, end):
        i, ch = match.start(), match.group()
        if ch == '"' or ch in OPENING_DOUBLE or ch in CLOSING_DOUBLE:
            _double_mark(scan, i, ch)
        elif scan.double_at is None and (ch == "'" or ch in OPENING_SINGLE or ch in CLOSING_SINGLE):
            _single_mark(scan, i, ch)
    if scan.double_at is not None:
        scan.emit(scan.double_at, end, double=True, opened=True, closed=False)
    yield from scan.found


def _double_mark(scan: _Scanner, i: int, ch: str) -> None:
    opening, closing = scan.context(i)
    scan.single_at = None  # a double mark ends any single-quoted stretch (it was an apostrophe)
    if scan.double_at is None:
        if ch in CLOSING_DOUBLE and not opening or ch == '"' and closing and not opening:
            scan.emit(scan.last_end, i, double=True, opened=False, closed=True)
        else:
            scan.double_at = i
        return
    if ch in OPENING_DOUBLE and not closing or ch == '"' and opening and not closing:
        # A clear opener while a quote is open: the earlier quote lost its closing mark.
        scan.emit(scan.double_at, i, double=True, opened=True, closed=False)
        scan.double_at = i
        return
    scan.emit(scan.double_at, i, double=True, opened=True, closed=True)
    scan.double_at = None


def _single_mark(scan: _Scanner, i: int, ch: str) -> None:
    text = scan.text
    before = text[i - 1] if i > scan.start else " "
    after = text[i + 1] if i + 1 < scan.end else " "
    if before.isalnum() and after.isalnum():
        return  # apostrophe inside a word: Korea's, don't
    opening, closing = scan.context(i)
    if scan.single_at is None:
        if ch in OPENING_SINGLE or ch in "'’" and opening and after.isalpha():
            scan.single_at = i
        return
    if closing or ch in CLOSING_SINGLE and not opening:
        scan.emit(scan.single_at, i, double=False, opened=True, closed=True)
        scan.single_at = None
    elif ch in OPENING_SINGLE:
        scan.single_at = i
