"""Mark the stance cues of a sentence in its text, safely, for HTML and Markdown.

A record's ``cues`` are explanations (``"+welcomed"``, ``"NOT(support)->-"``,
``"hedge:may x0.6"``, ``"model:favor=0.61,…"``), not text spans, and the lexicon matches
inflections ("welcome" finds "welcomed"). So the phrase is recovered from each explanation and
found again in the sentence, token by token with a light inflection rule.

Safety: matching runs on the raw sentence and yields character spans; the output is built by
escaping every piece of the sentence and wrapping only the escaped pieces of matched spans. No
raw sentence text ever reaches the output, and a cue can never match inside an entity such as
``&amp;`` or inside a tag inserted for an earlier cue.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from markupsafe import Markup, escape

__all__ = ["cue_phrase", "cue_spans", "highlight_html", "highlight_markdown", "markdown_escape"]

#: Explanation forms that name a phrase of the sentence, tried in order.
_CUE_FORMS = (
    re.compile(r"^NOT\((?P<phrase>.+)\)->[+-]$"),
    re.compile(r"^[+-](?P<phrase>[^\d+-].*)$"),
    re.compile(r"^(?:boost|soften|hedge):(?P<phrase>.+?)(?: x[\d.]+)?$"),
    re.compile(r"^(?P<phrase>[^\W\d_][\w' -]*?): (?:conceded|later|conditional)\b.*$"),
)
#: Explanations that describe the sentence, not a phrase in it.
_NOT_A_PHRASE = re.compile(r"^(?:model|vader|off-target)\b")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: A ``*`` in a lexicon phrase stands for up to this many words.
_GAP_WORDS = 2
#: Endings a word may add to a cue word and still match it ("welcome" -> "welcomed").
_ENDINGS = ("s", "es", "d", "ed", "ing", "'s")
#: Characters with a meaning in Markdown (inline and in table cells), backslash-escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|~#]|&(?=#?\w+;))")


def cue_phrase(cue: str) -> str | None:
    """The sentence phrase an explanation refers to, or ``None`` if it names none.

    Examples
    --------
    >>> [cue_phrase(c) for c in ("+welcomed", "NOT(support)->-", "hedge:may x0.6", "model:a=1")]
    ['welcomed', 'support', 'may', None]
    """
    cue = cue.strip()
    if not cue or _NOT_A_PHRASE.match(cue):
        return None
    for form in _CUE_FORMS:
        match = form.match(cue)
        if match:
            return match.group("phrase").strip() or None
    return None if ":" in cue or "=" in cue else cue


def _word_matches(token: str, word: str) -> bool:
    """Whether ``token`` is ``word`` or a regular inflection of it (a light stemmer's reach)."""
    if token == word or token in {word + e for e in _ENDINGS}:
        return True
    if len(word) > 2 and word.endswith("e"):
        return token in {word[:-1] + "ing", word[:-1] + "ed"}
    if len(word) > 2 and word.endswith("y"):
        return token in {word[:-1] + "ies", word[:-1] + "ied"}
    return token in {word + word[-1] + "ed", word + word[-1] + "ing"}


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")


def _phrase_words(phrase: str) -> list[str]:
    return [_fold(w) for w in re.findall(r"\*|[^\W_]+(?:['’][^\W_]+)*", phrase)]


def _match_at(tokens: Sequence[tuple[int, int, str]], i: int, words: Sequence[str]) -> int | None:
    """Index past the last token if ``words`` match from token ``i``, else ``None``."""
    if not words:
        return i
    head, rest = words[0], words[1:]
    if head == "*":
        for skip in range(_GAP_WORDS + 1):
            end = _match_at(tokens, i + skip, rest)
            if end is not None:
                return end
        return None
    if i < len(tokens) and _word_matches(tokens[i][2], head):
        return _match_at(tokens, i + 1, rest)
    return None


def cue_spans(text: str, cues: Iterable[str]) -> list[tuple[int, int]]:
    """Merged, sorted character spans of ``text`` where the cues' phrases occur."""
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
    spans = []
    for phrase in {p for p in map(cue_phrase, cues) if p}:
        words = _phrase_words(phrase)
        if not [w for w in words if w != "*"]:
            continue
        for i in range(len(tokens)):
            end = _match_at(tokens, i, words)
            if end is not None and end > i:
                spans.append((tokens[i][0], tokens[end - 1][1]))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, cues: Iterable[str], escape_piece: Callable[[str], str], opening: str, closing: str) -> str:
    pieces, position = [], 0
    for start, end in cue_spans(text, cues):
        pieces.append(escape_piece(text[position:start]))
        pieces.append(opening + escape_piece(text[start:end]) + closing)
        position = end
    pieces.append(escape_piece(text[position:]))
    return "".join(pieces)


def highlight_html(text: str, cues: Iterable[str]) -> Markup:
    """``text`` escaped for HTML with each cue occurrence wrapped in ``<mark>``.

    Examples
    --------
    >>> str(highlight_html("<b>NATO</b> welcomed it", ["+welcome"]))
    '&lt;b&gt;NATO&lt;/b&gt; <mark>welcomed</mark> it'
    """
    return Markup(_marked(text, cues, lambda piece: str(escape(piece)), "<mark>", "</mark>"))


def markdown_escape(text: str) -> str:
    """One-line Markdown text: whitespace collapsed, every special character backslash-escaped.

    Safe inside table cells (``|``) and against raw HTML (``<script>`` shows as text).
    """
    return _md_piece(" ".join(text.split()))


def _md_piece(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", re.sub(r"\s+", " ", text))


def highlight_markdown(text: str, cues: Iterable[str]) -> Markup:
    """``text`` escaped for Markdown with each cue occurrence in bold.

    Returned as :class:`~markupsafe.Markup` only so templates know it is already escaped.
    """
    return Markup(_marked(" ".join(text.split()), cues, _md_piece, "**", "**"))
