"""Remove scraper boilerplate from article text, keeping an audit of every removed line.

Scraped news carries page furniture around the article: advertisement markers, newsletter and
cookie notices, comment boxes, share and print widgets, related-story lists, copyright lines,
bylines with e-mail addresses and photo captions (often printed twice). The rules here are
general — line shape, repetition, widget vocabulary and position (header, trailer) — never the
exact strings of one site, and each removed line is kept with its reason so a researcher can
audit what was dropped (``stance analyze --show-removed``).

The approach follows the line-classification idea of boilerplate removers such as jusText
(Pomikálek 2011): classify lines by local features first, then use their position (before the
first body paragraph, after the last one) to settle what local features cannot.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

__all__ = ["RemovedLine", "CleanText", "clean_text"]


@dataclass(frozen=True)
class RemovedLine:
    """A line dropped by cleaning: where it was, what it said and why it went."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class CleanText:
    """The cleaned text (paragraphs separated by blank lines) and the audit of removed lines."""

    text: str
    removed: tuple[RemovedLine, ...]


# Phrases that only page furniture uses. Each is specific enough that a sentence of news
# prose almost never contains it, so a short line that has one is a widget.
_WIDGET_PATTERNS: tuple[tuple[str, str], ...] = (
    ("advertisement marker", r"^(advertisement|advertisements|sponsored( content)?|ad|ads)$"),
    ("advertisement marker", r"continues? (after|below) (this )?(advertisement|ad)\b"),
    ("advertisement marker", r"^(scroll|story) continues below"),
    (
        "newsletter notice",
        r"\bnewsletters?\b.*\b(sign up|subscribe)|\b(sign up|subscribe)\b.*\bnewsletters?\b",
    ),
    ("newsletter notice", r"\byour subscription (has|could|was)\b|\bsubscribe to (our|the)\b"),
    (
        "newsletter notice",
        r"\bby providing an e-?mail address\b|\bterms of (use|service)\b.*\bprivacy\b",
    ),
    (
        "cookie notice",
        r"\b(we|this site|this website) uses? cookies\b|\buse of cookies\b|\bcookie (policy|settings)\b",
    ),
    ("comment box", r"^leave a (reply|comment)\b|\byour e-?mail address will not be published\b"),
    ("comment box", r"\brequired fields are marked\b|\bakismet\b|\bcomment data is processed\b"),
    ("comment box", r"\b(to write|to post|to leave) (a )?comments?\b|\bplease (log|sign) in\b"),
    ("login prompt", r"^(log|sign) in (to|with)\b|^(log in|sign in|register)$"),
    (
        "share widget",
        r"^share (this|on|via)\b|^(share|tweet|email|print)( this)?( article| story| page)?$",
    ),
    (
        "copyright line",
        r"^(©|ⓒ|\(c\)|copyright\b)|\ball rights reserved\b|\bunauthori[sz]ed reproduction\b",
    ),
    ("tags line", r"^(tags?|topics?|keywords?)\s*:"),
    ("information notice", r"^this is an? (information|info) message$"),
    ("widget label", r"\b(help-image|lock icon|social comment)\b"),
)
_WIDGET_RES = tuple((reason, re.compile(p, re.IGNORECASE)) for reason, p in _WIDGET_PATTERNS)
#: All widget patterns in one expression.
_ANY_WIDGET_RE = re.compile("|".join(f"(?:{p})" for _, p in _WIDGET_PATTERNS), re.IGNORECASE)
#: Every widget pattern needs one of these (lower-case) to match, or the line is at most
#: :data:`_SHORT_WIDGET_CHARS` long (the whole-line patterns). Searching the expression costs
#: tens of microseconds on a line of prose; this test rules out almost every line first.
_WIDGET_TRIGGERS = (
    "continue", "newsletter", "subscri", "e-mail", "email", "terms of", "cookie", "leave a", "published",
    "required fields", "akismet", "comment", "please", "share", "copyright", "©", "ⓒ", "(c)", "reserved",
    "unauthori", ":", "help-image", "lock icon", "log in", "sign in",
)  # fmt: skip
_SHORT_WIDGET_CHARS = 40
#: Characters Python's case-insensitive matching treats as ASCII letters that ``str.lower`` does not.
_IGNORECASE_FOLDS = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i", "\u212a": "k", "\u212b": "a"})
_IGNORECASE_ODD = "".join(map(chr, _IGNORECASE_FOLDS))


def _may_be_widget(text: str) -> bool:
    """Whether any widget pattern can match ``text`` (a fast, exact pre-test; see the triggers)."""
    if len(text) <= _SHORT_WIDGET_CHARS:
        return True
    folded = _fold(text)
    return any(trigger in folded for trigger in _WIDGET_TRIGGERS)


def _fold(text: str) -> str:
    """``text`` lower-cased as Python's case-insensitive matching sees ASCII letters.

    The special letters are mapped first: ``"İ".lower()`` is two characters, but the
    expression engine matches ``İ`` to ``i``.
    """
    if not text.isascii() and any(ch in text for ch in _IGNORECASE_ODD):
        text = text.translate(_IGNORECASE_FOLDS)
    return text.lower()


# Labels that open a list of links to other stories.
_SECTION_LABEL_RE = re.compile(
    r"^(related|featured|recommended|more|popular|trending|latest|top|most (read|viewed|popular))"
    r"( stories| articles| news| posts| reading| content| links)?:?$|^(read|see) (more|also)\b.{0,80}$",
    re.IGNORECASE,
)

# Words that make up share/print/font-size toolbars; a line made only of them is a widget.
_WIDGET_WORDS = frozenset(
    """print dictionary share email e-mail mail tweet twitter facebook whatsapp linkedin telegram
    kakaotalk reddit copy link url save bookmark font size text a a+ a- listen audio comments
    comment subscribe menu search home login logout more close print-friendly pdf""".split()
)

_TERMINAL_RE = re.compile(r"[.!?…][\"'”’»)\]]*$")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_BYLINE_RE = re.compile(r"^by\s+[A-Z][\w.'’-]+(\s+[A-Z][\w.'’-]+){0,3}\b", re.IGNORECASE)
_BREADCRUMB_RE = re.compile(r"^[^\s>»]+( [^\s>»]+)*( [>»] [^\s>»]+( [^\s>»]+)*){1,}$")
_CAPTION_RE = re.compile(
    r"^[▲△▶►■]|ⓒ|\[\s*[A-Z][A-Z .&/-]{1,30}\]$|\b(file )?photo\b[^.]*$|"
    r"\b(AFP|AP|Reuters|EPA|Getty Images|Yonhap|Xinhua|Bloomberg)( FILE)?( PHOTO)?$|^(photo|image|pictured)\s*:",
    re.IGNORECASE,
)
#: Every caption pattern needs one of these: a line that starts with a marker, contains
#: ``ⓒ`` or "photo", starts with "image"/"pictured", or ends with "]" or an agency name.
#: Searching the expression costs ~14 µs on a line of prose; this rules out most lines first.
_CAPTION_MARKERS = tuple("▲△▶►■")
_CAPTION_STARTS = ("image", "pictured")
_CAPTION_ENDS = ("]", "afp", "ap", "reuters", "epa", "images", "yonhap", "xinhua", "bloomberg", "file", "photo")


def _may_be_caption(text: str) -> bool:
    """Whether :data:`_CAPTION_RE` can match ``text`` (a fast, exact pre-test)."""
    folded = _fold(text)
    tail = folded[:-1] if folded.endswith("\n") else folded  # "$" also matches before a final newline
    return (
        "photo" in folded
        or "ⓒ" in folded
        or folded.startswith(_CAPTION_MARKERS + _CAPTION_STARTS)
        or tail.endswith(_CAPTION_ENDS)
    )


_DATE_TOKEN_RE = re.compile(
    r"\b(\d{1,2}:\d{2}(\s?[ap]\.?m\.?)?|\d{1,4}|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|"
    r"july?|aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?|mon(day)?|tue(sday)?|"
    r"wed(nesday)?|thu(rsday)?|fri(day)?|sat(urday)?|sun(day)?|updated|published|posted|am|pm|"
    r"kst|gmt|utc|est|edt)\b",
    re.IGNORECASE,
)
_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_TITLE_SUFFIX_RE = re.compile(r"^(.{8,}?)\s+[|–—-]\s+[^|–—-]{2,60}$")

#: A line with at least this many words that ends like a sentence is article body.
BODY_MIN_WORDS = 12
#: Widget phrases only count in lines up to this long: long lines are prose that mentions them.
WIDGET_MAX_WORDS = 30


class _Line:
    """One non-blank input line and what the rules found out about it.

    Plain attributes, not ``functools.cached_property``: every line's words are needed, and
    in Python 3.11 each cached-property read takes a lock (a tenth of cleaning time).
    """

    __slots__ = ("number", "text", "paragraph", "reason", "words", "_sentence_like")

    def __init__(self, number: int, text: str, paragraph: int) -> None:
        self.number = number  # 1-based in the input
        self.text = text  # stripped
        self.paragraph = paragraph
        self.reason: str | None = None
        self.words: list[str] = _WORD_RE.findall(text)
        self._sentence_like: bool | None = None

    @property
    def is_sentence_like(self) -> bool:
        if self._sentence_like is None:
            self._sentence_like = bool(_TERMINAL_RE.search(self.text))
        return self._sentence_like

    @property
    def is_body(self) -> bool:
        return self.reason is None and self.is_sentence_like and len(self.words) >= BODY_MIN_WORDS


def clean_text(raw: str) -> CleanText:
    """Clean one article's text.

    Parameters
    ----------
    raw
        The article text as read (front matter already removed).

    Returns
    -------
    CleanText
        ``text``: the kept lines, stripped, one paragraph per block separated by a blank line;
        ``removed``: every dropped line with its 1-based line number and the rule that fired.

    Examples
    --------
    >>> c = clean_text("Seoul opens NATO mission\\n\\nAdvertisement\\n\\nThe office opens in May.")
    >>> c.text
    'Seoul opens NATO mission\\n\\nThe office opens in May.'
    >>> c.removed[0].reason
    'advertisement marker'
    """
    lines = _split_lines(raw)
    for line in lines:
        line.reason = _local_reason(line)
    _mark_duplicates(lines)
    _mark_header(lines)
    _mark_related_lists(lines)
    _mark_trailer(lines)
    return _assemble(lines)


def _split_lines(raw: str) -> list[_Line]:
    """Non-blank lines with their paragraph number (blank or whitespace-only lines separate)."""
    out: list[_Line] = []
    paragraph = 0
    previous_blank = False
    for number, text in enumerate(raw.splitlines(), start=1):
        stripped = _strip(text)
        if not stripped:
            previous_blank = True
            continue
        if previous_blank and out:
            paragraph += 1
        previous_blank = False
        out.append(_Line(number, stripped, paragraph))
    return out


def _strip(text: str) -> str:
    """Strip whitespace including NBSP, zero-width and other format characters at the ends."""
    start, end = 0, len(text)
    while start < end and _is_blank_char(text[start]):
        start += 1
    while end > start and _is_blank_char(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_blank_char(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Zs", "Cc")


def _local_reason(line: _Line) -> str | None:
    """The reason a line is boilerplate judged on its own, or None."""
    text, words = line.text, line.words
    if not words:
        return "no words (markup or symbol residue)"
    if len(text) <= 2:
        return "fragment (one or two characters)"
    if len(words) <= WIDGET_MAX_WORDS and _may_be_widget(text) and _ANY_WIDGET_RE.search(text):
        for reason, pattern in _WIDGET_RES:  # the first pattern in order names the reason
            if pattern.search(text):
                return reason
    if len(words) <= 8 and all(w.lower() in _WIDGET_WORDS for w in words):
        return "share/print widget"
    if len(words) <= 12 and "@" in text and _EMAIL_RE.search(text):
        return "byline or contact with e-mail address"
    if len(words) <= 10 and _BREADCRUMB_RE.match(text) and not line.is_sentence_like:
        return "breadcrumb navigation"
    if _is_timestamp(text, words):
        return "date/time stamp"
    if len(words) <= 60 and _may_be_caption(text) and _CAPTION_RE.search(text):
        return "image caption or photo credit"
    return None


def _is_timestamp(text: str, words: list[str]) -> bool:
    if len(words) > 10:
        return False
    rest = _WORD_RE.findall(_DATE_TOKEN_RE.sub(" ", text))
    return len(rest) == 0 and bool(re.search(r"\d", text))


def _normal(text: str) -> str:
    """Comparison key: case, typographic apostrophes and punctuation folded away."""
    return " ".join(_WORD_RE.findall(text.casefold().replace("’", "'")))


def _mark_duplicates(lines: list[_Line]) -> None:
    """Drop repeated lines (captions printed twice, repeated headlines) and page titles.

    A page ``<title>`` is the headline plus a site name ("Headline | Site"); when another line
    equals its first part, the suffixed copy is the page furniture.
    """
    seen: dict[str, int] = {}
    for line in lines:
        key = _normal(line.text)
        if len(key.split()) >= 3:
            if key in seen and line.reason is None:
                line.reason = f"duplicate of line {seen[key]}"
            seen.setdefault(key, line.number)
    for line in lines:
        match = _TITLE_SUFFIX_RE.match(line.text)
        if line.reason is None and match and not line.is_sentence_like:
            head = _normal(match.group(1))
            if head in seen and seen[head] != line.number:
                line.reason = "page title with site name (the headline repeats it)"


def _mark_header(lines: list[_Line]) -> None:
    """Before the first body paragraph keep the headline and decks; drop kickers and tags.

    Short unpunctuated lines between the headline and the body are section kickers, keyword
    tags or datelines; a deck (standfirst) is longer or ends like a sentence and is kept.
    """
    first_body = next((i for i, line in enumerate(lines) if line.is_body), None)
    if first_body is None:
        return
    headline_seen = False
    for line in lines[:first_body]:
        if line.reason is not None:
            continue
        if not headline_seen:
            headline_seen = True
            continue
        if len(line.words) < 7 and not line.is_sentence_like:
            line.reason = "header metadata (kicker, tags or dateline before the body)"


def _mark_related_lists(lines: list[_Line]) -> None:
    """After a "Related stories" label, drop the headline-like lines that follow it."""
    in_list = False
    for line in lines:
        if line.reason is None and _SECTION_LABEL_RE.match(line.text):
            line.reason = "section label of a story list"
            in_list = True
            continue
        if not in_list or line.reason is not None:
            continue
        if not line.is_sentence_like and len(line.words) <= 25:
            line.reason = "related-story link"
        else:
            in_list = False


_TRAILER_REASONS = frozenset(
    {
        "comment box",
        "login prompt",
        "copyright line",
        "tags line",
        "byline or contact with e-mail address",
        "section label of a story list",
        "share/print widget",
        "newsletter notice",
        "cookie notice",
    }
)


def _mark_trailer(lines: list[_Line]) -> None:
    """Drop everything after the page's trailer begins (comments, copyright, tags).

    The trailer begins at the first end-of-article marker after which no body paragraph
    follows; lines there that no local rule caught (the second half of a wrapped login
    prompt, a stray widget word) belong to the trailer too.
    """
    last_body = max((i for i, line in enumerate(lines) if line.is_body), default=-1)
    for i in range(last_body + 1, len(lines)):
        if lines[i].reason in _TRAILER_REASONS:
            for line in lines[i + 1 :]:
                if line.reason is None:
                    line.reason = "after the end of the article (page trailer)"
            return


def _assemble(lines: list[_Line]) -> CleanText:
    paragraphs: list[list[str]] = []
    last_paragraph = None
    for line in lines:
        if line.reason is not None:
            continue
        if line.paragraph != last_paragraph:
            paragraphs.append([])
            last_paragraph = line.paragraph
        paragraphs[-1].append(line.text)
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    removed = tuple(RemovedLine(line.number, line.text, line.reason) for line in lines if line.reason)
    return CleanText(text, removed)
