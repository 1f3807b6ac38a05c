"""Rule-based stance toward a profile's target: a cue lexicon, small rules, and explanations.

A researcher must be able to read why a sentence was scored as it was, and change it. So the
stance cues are *data* (``stance/data/lexicon.tsv``: phrase, signed weight, category, note;
extended by a profile's ``[lexicon]`` and by user files), and every rule is a small pure function
with named constants, each testable with one sentence. The design keeps what is good in VADER
(Hutto & Gilbert 2014; nltk ``sentiment/vader.py``) — a lexicon as data, named rule words,
negation, boosters and "but" — and adds what stance toward a target in news needs:

* hedges ("may", "could") and conditionals ("if …, it will …") dampen; concessions
  ("although X, Y") weaken the conceded clause; "not only … but also" is no negation;
* negation also reaches into a gapped phrase ("poses no threat"), its object ("harms no one")
  and the next cue of the same phrase ("will not drag Japan into any conflict");
* dismissing an objection reverses it ("such warnings are overblown");
* the outlet's own narration mostly *reports* actions and positions ("the leaders agreed to
  deepen cooperation", "31 percent opposed"), so those cue categories count less there;
* target relevance: a cue counts fully only in a sentence that names the target, a name in
  its label or an actor, or that a quoted voice speaks; other sentences lean neutral. The
  profile's names themselves are never cues ("Enhanced Defense *Cooperation* Agreement").

VADER's valence is computed as a classifier feature but does not enter the score: measured on
the team's coding it did not help (see ``benchmarks/lexicon_eval.py --vader-weight``).

Scoring a sentence is one regex tokenisation, one cached light stem per token, and a walk of a
token trie of all phrases (built once per profile, see :class:`PhraseMatcher`); each cue found
is then adjusted by the rules looking at a few neighbouring tokens.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from stance.errors import InputError
from stance.profile import Profile
from stance.vader import vader_stance, vader_valence

__all__ = [
    "LexiconEntry",
    "LexiconScore",
    "LexiconScorer",
    "PhraseMatcher",
    "Match",
    "load_lexicon",
    "check_lexicon",
    "format_lexicon",
    "tokenize",
    "light_stem",
    "phrase_key",
    "vader_valence",
    "vader_stance",
    "LEXICON_COLUMNS",
    "MAX_WEIGHT",
]

logger = logging.getLogger(__name__)

# -- lexicon file -----------------------------------------------------------------------------
#: Columns of a lexicon TSV, in order; ``note`` may be left out.
LEXICON_COLUMNS = ("phrase", "weight", "category", "note")
#: Weights lie in [-MAX_WEIGHT, MAX_WEIGHT]; positive favours the target.
MAX_WEIGHT = 3.0
#: Resource path of the shipped lexicon.
SHIPPED_LEXICON = "data/lexicon.tsv"

# -- tokens -----------------------------------------------------------------------------------
#: Words left out when matching phrases, so "strengthen the partnership" also matches
#: "strengthen our partnership" and "strengthen partnership".
SKIP_WORDS = frozenset("the a an its our their his her this that these those my your".split())
#: In a lexicon phrase, ``*`` stands for up to GAP_MAX_TOKENS words ("deepen * ties").
GAP = "*"
GAP_MAX_TOKENS = 2
#: Punctuation that closes a clause: negation and booster scopes stop here.
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "(", ")", "—", "–", "-"})

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'"})
_TOKEN_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*|[,;:.!?()—–]|(?<=\s)-(?=\s)")


#: Words whose inflectional-looking ending is part of a different word: "goods" (merchandise)
#: is not the plural of "good", so "traded goods worth $5 billion" is no praise.
STEM_EXCEPTIONS = {"goods": "goods"}


@lru_cache(maxsize=1 << 16)
def light_stem(word: str) -> str:
    """A conservative inflectional stem: ``-s``, ``-es``, ``-ies``, ``-ed``, ``-ing(s)``, ``'s``.

    Unlike Porter, derivational endings are kept ("security" is not "secure", "important" is
    not "import"), so a cue matches its own inflections and nothing else. A final ``e`` is
    dropped so "exacerbate", "exacerbated" and "exacerbating" share one stem.

    Examples
    --------
    >>> [light_stem(w) for w in ("exacerbates", "exacerbated", "exacerbating", "exacerbate")]
    ['exacerbat', 'exacerbat', 'exacerbat', 'exacerbat']
    >>> light_stem("allies"), light_stem("NATO's"), light_stem("security")
    ('ally', 'nato', 'security')
    """
    w = word.lower()
    if w.endswith("'s"):
        w = w[:-2]
    if w in STEM_EXCEPTIONS:
        return STEM_EXCEPTIONS[w]
    if len(w) <= 3:
        return w
    stripped_ed = False
    if w.endswith(("ies", "ied")) and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith("ings") and len(w) > 6:
        w = w[:-4]
    elif w.endswith("ing") and len(w) > 5:
        w = w[:-3]
    elif w.endswith("ed") and len(w) > 4:
        w, stripped_ed = w[:-2], True
    elif w.endswith(("sses", "xes", "zes", "ches", "shes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if w.endswith("e") and len(w) > 3 and not stripped_ed:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsze":
        w = w[:-1]
    return w


def tokenize(text: str) -> list[str]:
    """Lower-cased word and clause-punctuation tokens; hyphens split words, quotes drop out.

    Examples
    --------
    >>> tokenize("US-led NATO won't help, it’s said.")
    ['us', 'led', 'nato', "won't", 'help', ',', "it's", 'said', '.']
    """
    return _TOKEN_RE.findall(text.translate(_APOSTROPHES).lower())


@lru_cache(maxsize=4096)
def sentence_tokens(text: str) -> tuple[str, ...]:
    """:func:`tokenize` as a tuple, cached: the lexicon and the frame tagger read each sentence."""
    return tuple(tokenize(text))


def phrase_key(phrase: str) -> tuple[str, ...]:
    """How a phrase is matched: its tokens' light stems, skip words dropped, ``*`` kept."""
    text = phrase.translate(_APOSTROPHES).lower()
    key = []
    for part in text.split():
        if part == GAP:
            key.append(GAP)
            continue
        key.extend(light_stem(t) for t in _TOKEN_RE.findall(part) if t not in SKIP_WORDS)
    while key and key[0] == GAP:
        key.pop(0)
    while key and key[-1] == GAP:
        key.pop()
    return tuple(key)


# -- phrase matcher ---------------------------------------------------------------------------
class Match(NamedTuple):
    """A phrase found in a token sequence: tokens ``start:end`` and the phrase's value.

    A named tuple, not a frozen dataclass (whose constructor sets each field through
    ``object.__setattr__``); callers that find many phrases use :meth:`PhraseMatcher.spans`.
    """

    start: int
    end: int
    value: object


_END = "\0end"


class PhraseMatcher:
    """Find many multi-word phrases in a token list with one trie walk per position.

    Phrases are stem keys (see :func:`phrase_key`); words in :data:`SKIP_WORDS` are passed over
    inside a phrase, and a ``*`` in a key matches up to :data:`GAP_MAX_TOKENS` words (never a
    clause break, possibly none). Built once (per profile) and reused for every sentence.

    Parameters
    ----------
    phrases
        ``(key, value)`` pairs; a later pair with the same key replaces the earlier one.
    """

    def __init__(self, phrases: Iterable[tuple[tuple[str, ...], object]]) -> None:
        self._root: dict = {}
        self.size = 0
        for key, value in phrases:
            if not key:
                continue
            node = self._root
            for stem in key:
                node = node.setdefault(stem, {})
            if _END not in node:
                self.size += 1
            node[_END] = value

    def find(self, tokens: Sequence[str], *, longest: bool = True) -> list[Match]:
        """Matches in ``tokens`` (from :func:`tokenize`), in order.

        With ``longest`` (the default, used for stance cues) the longest phrase at each
        position wins and matches do not overlap, so "not only" or "security threat" can
        shadow a shorter cue inside them. Without it every match is returned (frames).
        """
        return [Match(*span) for span in self.spans(tokens, longest=longest)]

    def spans(self, tokens: Sequence[str], *, longest: bool = True) -> list[tuple[int, int, object]]:
        """:meth:`find` as plain ``(start, end, value)`` tuples, for callers that make many.

        Frame tagging finds a match for most content words; building a :class:`Match` for
        each had cost 6 % of ``stance analyze``.
        """
        stems, content = _stems_and_content(tuple(tokens))
        root = self._root
        out: list[tuple[int, int, object]] = []
        position = 0  # with ``longest``, matches do not overlap: the next may start here
        # most positions start no phrase: find the ones that do in one pass
        for start in [p for p, c in enumerate(content) if stems[c] in root]:
            if start < position:
                continue
            node = root[stems[content[start]]]
            if len(node) == 1 and _END in node:  # a one-word phrase that nothing continues
                found = [(start + 1, node[_END])]
            else:
                found = self._walk(node, stems, content, start + 1)
            if not found:
                continue
            if not longest:
                first = content[start]
                out.extend((first, content[end - 1] + 1, v) for end, v in found)
                continue
            end, value = max(found, key=itemgetter(0))
            out.append((content[start], content[end - 1] + 1, value))
            position = end
        return out

    @staticmethod
    def _walk(node: dict, stems: Sequence[str], content: Sequence[int], start: int) -> list[tuple[int, object]]:
        """All ``(end, value)`` of phrases continuing from ``node`` at ``content[start]``.

        Ends are positions in ``content``. Most positions start no phrase and never get here.
        """
        found: list[tuple[int, object]] = []
        stack = [(node, start)]
        while stack:
            node, i = stack.pop()
            if _END in node:
                found.append((i, node[_END]))
            if i < len(content):
                child = node.get(stems[content[i]])
                if child is not None:
                    stack.append((child, i + 1))
            gap = node.get(GAP)
            if gap is not None:
                stack.append((gap, i))
                for skip in range(1, GAP_MAX_TOKENS + 1):
                    j = i + skip
                    if j > len(content) or stems[content[j - 1]] in CLAUSE_BREAKS:
                        break
                    stack.append((gap, j))
        return found


@lru_cache(maxsize=4096)
def _stems_and_content(tokens: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Light stems of ``tokens`` and the positions of its non-skip words.

    The same for every matcher, and cached: a sentence goes through the cue, relevance, frame
    and shield matchers, each of which would otherwise stem it again.
    """
    stems = tuple(t if t in CLAUSE_BREAKS else light_stem(t) for t in tokens)
    content = tuple(i for i, t in enumerate(tokens) if t not in SKIP_WORDS)
    return stems, content


# -- lexicon entries ----------------------------------------------------------------------------
@dataclass(frozen=True)
class LexiconEntry:
    """One stance cue: a phrase, its signed weight (positive favours the target) and why.

    A weight of 0 is allowed: it *disables* a shipped phrase (in a user file), or shields a
    neutral phrase ("security threat") from a shorter cue inside it ("threat").
    """

    phrase: str
    weight: float
    category: str
    note: str = ""
    source: str = ""
    line: int = 0


def _lexicon_text(path: str | Path | None) -> tuple[str, str]:
    if path is None:
        resource = resources.files("stance").joinpath(SHIPPED_LEXICON)
        return resource.read_text("utf-8"), f"stance/{SHIPPED_LEXICON} (shipped lexicon)"
    source = str(path)
    try:
        return Path(path).read_text(encoding="utf-8-sig"), source
    except FileNotFoundError:
        raise InputError(source, "no such lexicon file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, f"cannot read lexicon file: {exc}") from None


def _parse_line(raw: str, source: str, number: int) -> LexiconEntry | None:
    """One TSV line -> entry; ``None`` for blank, comment and header lines."""
    if not raw.strip() or raw.lstrip().startswith("#"):
        return None
    columns = raw.rstrip("\r\n").split("\t")
    if [c.strip().lower() for c in columns[:2]] == ["phrase", "weight"]:
        return None
    if len(columns) < 3:
        raise InputError(
            source,
            f"expected tab-separated columns {', '.join(LEXICON_COLUMNS)} (note optional), "
            f"found {len(columns)} column{'s' if len(columns) != 1 else ''}",
            number,
        )
    if len(columns) > len(LEXICON_COLUMNS):
        raise InputError(source, f"too many columns ({len(columns)}; at most 4)", number)
    phrase = " ".join(columns[0].split())
    if not phrase_key(phrase):
        raise InputError(source, f"phrase {columns[0]!r} has no words to match", number)
    weight = _parse_weight(columns[1], source, number)
    category = columns[2].strip()
    if not category:
        raise InputError(source, "empty category", number)
    note = columns[3].strip() if len(columns) > 3 else ""
    return LexiconEntry(phrase, weight, category, note, source, number)


def _parse_weight(text: str, source: str, number: int) -> float:
    try:
        weight = float(text.strip())
    except ValueError:
        raise InputError(source, f"weight {text.strip()!r} is not a number", number) from None
    if not math.isfinite(weight) or abs(weight) > MAX_WEIGHT:
        raise InputError(source, f"weight {text.strip()} out of range [-{MAX_WEIGHT:g}, {MAX_WEIGHT:g}]", number)
    return weight


def _parse_lexicon(path: str | Path | None) -> list[LexiconEntry]:
    text, source = _lexicon_text(path)
    entries = []
    for number, raw in enumerate(text.splitlines(), start=1):
        entry = _parse_line(raw, source, number)
        if entry is not None:
            entries.append(entry)
    return entries


def load_lexicon(path: str | Path | None = None) -> list[LexiconEntry]:
    """Read the shipped lexicon (``path=None``) or a user lexicon TSV.

    Parameters
    ----------
    path
        A TSV with columns ``phrase<TAB>weight<TAB>category[<TAB>note]``; ``#`` lines, blank
        lines and a ``phrase…`` header line are skipped.

    Raises
    ------
    InputError
        Unreadable file, a line with fewer than three columns, a weight that is not a number
        or lies outside [-3, 3], an empty phrase or category — naming the file and line.
    """
    return _parse_lexicon(path)


def check_lexicon(path: str | Path) -> list[str]:
    """Validate a user lexicon; return warnings (empty when it is clean).

    Errors (see :func:`load_lexicon`) raise :class:`~stance.errors.InputError` with the file and
    line. Warnings are problems that still load: the same phrase (after stemming) listed twice —
    the later line wins — and phrases that a rule word makes pointless.
    """
    entries = load_lexicon(path)
    problems = []
    seen: dict[tuple[str, ...], LexiconEntry] = {}
    for entry in entries:
        key = phrase_key(entry.phrase)
        earlier = seen.get(key)
        if earlier is not None:
            problems.append(
                f"{entry.source}:{entry.line}: {entry.phrase!r} repeats line {earlier.line} "
                f"({earlier.phrase!r}); line {entry.line} wins"
            )
        seen[key] = entry
        if len(key) == 1 and key[0] in _RULE_WORDS:
            problems.append(
                f"{entry.source}:{entry.line}: {entry.phrase!r} is a rule word "
                "(negation, booster, hedge, contrast or conditional); as a cue it is ignored"
            )
    return problems


def format_lexicon(entries: Sequence[LexiconEntry]) -> str:
    """A readable table of entries: weight, phrase, category and note, favour cues first."""
    rows = sorted(entries, key=lambda e: (-e.weight, e.category, e.phrase.lower()))
    width = max([len(e.phrase) for e in rows] + [6])
    cat_width = max([len(e.category) for e in rows] + [8])
    lines = [f"{'weight':>6}  {'phrase':<{width}}  {'category':<{cat_width}}  note"]
    lines += [f"{e.weight:>+6.1f}  {e.phrase:<{width}}  {e.category:<{cat_width}}  {e.note}".rstrip() for e in rows]
    favor = sum(e.weight > 0 for e in rows)
    against = sum(e.weight < 0 for e in rows)
    neutral = len(rows) - favor - against
    lines.append(f"{len(rows)} entries: {favor} favor, {against} against, {neutral} neutral")
    return "\n".join(lines)


# -- rules: named words and constants --------------------------------------------------------------
#: Words that reverse the cues that follow them within NEGATION_SCOPE words. "less" reverses
#: too: "less welcoming", "less stable".
NEGATORS = frozenset(
    "not no never neither nor without cannot hardly barely scarcely nothing none nobody lack "
    "lacks lacking fail fails failed failing less".split()
)
#: How many words after a negator it reaches (a clause break ends it sooner).
NEGATION_SCOPE = 3
#: A negated cue's weight is multiplied by this (VADER's N_SCALAR is -0.74).
NEGATION_SCALAR = -0.75
#: Word pairs that start with a negator but do not negate ("not only … but also").
NON_NEGATING = frozenset(
    {
        ("not", "only"),
        ("not", "just"),
        ("not", "merely"),
        ("not", "least"),
        ("no", "doubt"),
        ("without", "doubt"),
        ("no", "wonder"),
        ("no", "matter"),
        ("not", "simply"),
        ("nothing", "but"),
        ("no", "less"),
        ("less", "than"),
    }
)
#: Word pairs that deny what follows: "security on American terms rather than genuine
#: partnership", "instead of strengthening ties".
NEGATING_PAIRS = frozenset({("rather", "than"), ("instead", "of")})
#: Longer word sequences that start with a negator but add rather than deny ("not to mention").
#: "not to" itself negates: "decided not to oppose", "there to observe, not to take sides".
NON_NEGATING_PHRASES = frozenset({("not", "to", "mention"), ("not", "to", "say")})
#: Words right after a cue that negate it as its object: "harms no one", "threatens nobody".
NEGATED_OBJECTS = frozenset({"no", "nobody", "nothing", "none", "noone"})
#: Words that end the reach of a negation: "will not drag X into any conflict" negates both
#: cues, but "will not help X and will worsen Y" does not carry over to "worsen".
NEGATION_CHAIN_BREAKS = frozenset({"and", "or", "while", "which", "who", "that"})
#: Words that strengthen the cue right after them (within BOOSTER_WINDOW words).
BOOSTERS = frozenset(
    "only significantly seriously severely greatly gravely deeply highly very extremely truly "
    "really strongly fully further increasingly particularly especially even much most "
    "firmly clearly absolutely totally utterly major tremendously hugely vastly "
    "vehemently resolutely staunchly sharply fiercely categorically bitterly wholeheartedly "
    "unequivocally".split()
)
#: Words that weaken the cue right after them.
DOWNTONERS = frozenset("slightly somewhat marginally partly partially little mildly".split())
BOOSTER_WINDOW = 2
BOOSTER_SCALAR = 1.3
DOWNTONER_SCALAR = 0.6
#: Hedges weaken every cue after them in the same clause, within HEDGE_WINDOW words.
HEDGES = {
    "may": 0.5,
    "might": 0.5,
    "could": 0.5,
    "possibly": 0.5,
    "perhaps": 0.5,
    "maybe": 0.5,
    "potentially": 0.6,
    "reportedly": 0.7,
    "allegedly": 0.6,
    "apparently": 0.7,
    "seemingly": 0.6,
    "arguably": 0.7,
    "unlikely": 0.5,
}
HEDGE_WINDOW = 5
#: "X, but Y": Y dominates. Weights of the clause before and after the contrast word.
CONTRAST_WORDS = frozenset({"but", "however", "yet", "nevertheless", "nonetheless", "whereas"})
#: "Although X, Y": X is conceded, Y dominates.
CONCESSIVE_WORDS = frozenset({"although", "though", "despite", "notwithstanding"})
CONTRAST_BEFORE = 0.5
CONTRAST_AFTER = 1.5
#: A cue inside a conditional or an open question ("if …, it will …", "whether …") is
#: hypothetical.
CONDITIONAL_WORDS = frozenset({"if", "unless", "whether"})
CONDITIONAL_SCALAR = 0.7
#: Lexicon category whose phrases ("overblown", "brush aside") dismiss an objection: the
#: objection cues in the same sentence (categories OBJECTION_CATEGORIES) are reversed.
DISMISSAL_CATEGORY = "dismissal"
OBJECTION_CATEGORIES = frozenset({"warning", "opposition", "threat"})
#: In the outlet's own narration, cues of these categories mostly *report* what actors do or
#: think ("the leaders agreed to deepen cooperation", "31 percent opposed"), not the outlet's
#: view, so they count NARRATION_SCALAR; evaluative categories (harm, evaluation…) count fully.
REPORTED_CATEGORIES = frozenset(
    {"cooperation", "progress", "security_gain", "values", "endorsement", "opposition", "warning"}
)
NARRATION_SCALAR = 0.3
#: The voice of the outlet's own narration (DESIGN.md).
NARRATION_VOICE = "outlet"
#: Cues in a sentence that names neither the target nor an actor count this much.
OFF_TARGET_SCALAR = 0.3
#: VADER's compound valence enters the raw score with this weight (on-target sentences only).
VADER_WEIGHT = 0.0
#: score = raw / sqrt(raw**2 + NORMALIZATION_ALPHA), as in VADER (which uses 15).
NORMALIZATION_ALPHA = 4.0
#: |score| at or above this is favor / against, below it neutral.
STANCE_THRESHOLD = 0.3
#: Confidence of a neutral verdict when no cue fired at all.
NO_CUE_CONFIDENCE = 0.7

_RULE_WORDS = (
    NEGATORS | BOOSTERS | DOWNTONERS | frozenset(HEDGES) | CONTRAST_WORDS | CONCESSIVE_WORDS | CONDITIONAL_WORDS
)


def is_negator(token: str) -> bool:
    """A negation word, or any contraction in n't ("won't", "doesn't")."""
    return token in NEGATORS or token.endswith("n't")


def negator_before(tokens: Sequence[str], start: int) -> str | None:
    """The negator that governs a cue starting at ``start``, if any.

    Looks back at most :data:`NEGATION_SCOPE` words, stops at a clause break, a contrast word
    or a :data:`NEGATION_CHAIN_BREAKS` word ("costs nothing and buys a seat"), and ignores pairs
    in :data:`NON_NEGATING` ("not only … but also" adds, not negates). "too small to deter",
    "stopping short of opposing" and :data:`NEGATING_PAIRS` ("rather than", "instead of")
    negate too.

    Examples
    --------
    >>> t = tokenize("It will not help")
    >>> negator_before(t, 3)
    'not'
    >>> negator_before(tokenize("It will not only help"), 4) is None
    True
    """
    words = 0
    for i in range(start - 1, -1, -1):
        token = tokens[i]
        if token in CLAUSE_BREAKS or token in CONTRAST_WORDS or token in NEGATION_CHAIN_BREAKS:
            return None
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if is_negator(token):
            if (token, following) in NON_NEGATING or tuple(tokens[i : i + 3]) in NON_NEGATING_PHRASES:
                return None
            return token
        if (token, following) in NEGATING_PAIRS:
            return f"{token} {following}"
        if (token, following) == ("short", "of") or (token == "too" and "to" in tokens[i + 2 : start]):
            return f"{token} {following}" if token == "short" else "too … to"
        if token not in SKIP_WORDS:
            words += 1
            if words > NEGATION_SCOPE:
                return None
    return None


def negator_within(tokens: Sequence[str], match: Match, phrase_words: frozenset[str]) -> str | None:
    """A negator inside a gapped match ("poses no threat") or right after it ("harms no one").

    Words of the phrase itself are not counted, so a cue may contain a negator ("bound to fail").
    """
    for token in tokens[match.start : match.end]:
        if is_negator(token) and token not in phrase_words:
            return token
    if match.end < len(tokens) and tokens[match.end] in NEGATED_OBJECTS:
        following = tokens[match.end + 1] if match.end + 1 < len(tokens) else ""
        if (tokens[match.end], following) not in NON_NEGATING:
            return tokens[match.end]
    return None


def chains_negation(tokens: Sequence[str], negated_end: int, start: int) -> bool:
    """Does the negation of the cue ending at ``negated_end`` carry over to a cue at ``start``?

    Yes when at most :data:`NEGATION_SCOPE` words lie between them and none of them is a clause
    break, a contrast or a :data:`NEGATION_CHAIN_BREAKS` word: "will not drag Japan into any
    European conflict" denies the conflict too.
    """
    words = 0
    for token in tokens[negated_end:start]:
        if token in CLAUSE_BREAKS or token in CONTRAST_WORDS or token in NEGATION_CHAIN_BREAKS:
            return False
        if token not in SKIP_WORDS:
            words += 1
    return words <= NEGATION_SCOPE


def intensity_before(tokens: Sequence[str], start: int, floor: int = 0) -> tuple[float, str | None]:
    """Booster or downtoner within :data:`BOOSTER_WINDOW` words before a cue: (factor, word).

    ``floor`` is where the previous cue ended: a booster modifies the nearest cue only
    ("only exacerbate conflicts" boosts "exacerbate", not "conflicts").
    """
    for i in range(start - 1, max(floor - 1, start - 1 - BOOSTER_WINDOW), -1):
        token = tokens[i]
        if token in CLAUSE_BREAKS:
            break
        if token in BOOSTERS:
            return BOOSTER_SCALAR, token
        if token in DOWNTONERS:
            return DOWNTONER_SCALAR, token
    return 1.0, None


def hedge_before(tokens: Sequence[str], start: int) -> tuple[float, str | None]:
    """A hedge ("may", "could", "possibly") in the cue's clause, shortly before it."""
    for i in range(start - 1, max(-1, start - 1 - HEDGE_WINDOW), -1):
        token = tokens[i]
        if token in CLAUSE_BREAKS or token in CONTRAST_WORDS:
            break
        if token in HEDGES:
            return HEDGES[token], token
    return 1.0, None


def is_contrast_at(tokens: Sequence[str], i: int) -> bool:
    """Is ``tokens[i]`` a contrast that makes the following clause dominate?

    Not when additive ("not only … but also", "but also") or adverbial ("have yet to",
    "not yet"), and not at the very start of the sentence (nothing before it to outweigh).
    """
    token = tokens[i]
    if token not in CONTRAST_WORDS or i == 0:
        return False
    following = tokens[i + 1 : i + 3]
    if token == "but" and ("also" in following or "not" in tokens[:i] and "only" in tokens[:i]):
        return False
    if token == "yet" and (following[:1] == ["to"] or tokens[i - 1] in {"not", "have", "has", "had", "as"}):
        return False
    return True


def clause_weights(tokens: Sequence[str]) -> tuple[list[float], str | None]:
    """Per-token weight from contrast and concession, and the word that set it.

    ``X, but Y``: X gets :data:`CONTRAST_BEFORE`, Y :data:`CONTRAST_AFTER` (the last contrast
    word in the sentence decides). ``Although X, Y`` and ``Despite X, Y``: the conceded clause
    X (up to the next comma, or to the end when the concession comes last) gets
    :data:`CONTRAST_BEFORE`, the rest :data:`CONTRAST_AFTER`.
    """
    weights = [1.0] * len(tokens)
    for i in range(len(tokens) - 1, -1, -1):
        if is_contrast_at(tokens, i):
            weights[:i] = [CONTRAST_BEFORE] * i
            weights[i:] = [CONTRAST_AFTER] * (len(tokens) - i)
            return weights, tokens[i]
    for i, token in enumerate(tokens):
        if token in CONCESSIVE_WORDS and not (token == "though" and i == len(tokens) - 2):
            end = _next_comma(tokens, i) if _starts_clause(tokens, i) else len(tokens)
            weights = [CONTRAST_AFTER] * len(tokens)
            weights[i:end] = [CONTRAST_BEFORE] * (end - i)
            return weights, token
    return weights, None


def _starts_clause(tokens: Sequence[str], i: int) -> bool:
    return i == 0 or tokens[i - 1] in CLAUSE_BREAKS or tokens[i - 1] in {"and", "even"}


def _next_comma(tokens: Sequence[str], i: int) -> int:
    for j in range(i + 1, len(tokens)):
        if tokens[j] in {",", ";", ":", "—", "–"}:
            return j
    return len(tokens)


def conditional_word(tokens: Sequence[str]) -> str | None:
    """The conditional ("if", "unless", "whether") that makes the sentence hypothetical.

    "even if" and ", if not" are concessive and "as if" comparative; none of them counts.
    """
    for i, token in enumerate(tokens):
        if token not in CONDITIONAL_WORDS:
            continue
        previous = tokens[i - 1] if i else ""
        following = tokens[i + 1] if i + 1 < len(tokens) else ""
        if previous in {"even", "as"} or (previous == "," and following == "not"):
            continue
        return token
    return None


def narration_factor(category: str, voice: str | None) -> float:
    """How much a cue counts given who speaks (see :data:`REPORTED_CATEGORIES`)."""
    if voice == NARRATION_VOICE and category in REPORTED_CATEGORIES:
        return NARRATION_SCALAR
    return 1.0


def normalize_score(raw: float) -> float:
    """Squash a raw cue sum into [-1, 1] (VADER's ``x / sqrt(x² + α)``)."""
    return raw / math.sqrt(raw * raw + NORMALIZATION_ALPHA)


def stance_label(score: float) -> str:
    """favor / against at or beyond :data:`STANCE_THRESHOLD`, neutral inside it."""
    if score >= STANCE_THRESHOLD:
        return "favor"
    if score <= -STANCE_THRESHOLD:
        return "against"
    return "neutral"


def confidence_of(score: float, pos_sum: float, neg_sum: float, n_cues: int) -> float:
    """How sure the lexicon is: margin past the threshold, number of cues, and their agreement.

    A neutral verdict with no cue gets :data:`NO_CUE_CONFIDENCE` (the lexicon may simply not
    know the words); one with cues that cancel or stay below the threshold is less sure the
    closer the score lies to the threshold.
    """
    magnitude = abs(score)
    if magnitude < STANCE_THRESHOLD:
        if n_cues == 0:
            return NO_CUE_CONFIDENCE
        return 0.35 + 0.3 * (1.0 - magnitude / STANCE_THRESHOLD)
    margin = (magnitude - STANCE_THRESHOLD) / (1.0 - STANCE_THRESHOLD)
    support = 1.0 - 0.5**n_cues
    total = pos_sum + neg_sum
    agreement = abs(pos_sum - neg_sum) / total if total else 1.0
    return 0.5 + 0.5 * (0.6 * margin + 0.4 * support) * agreement


# -- scoring ----------------------------------------------------------------------------------
#: Names of :attr:`LexiconScore.features`, always all present and in this order.
FEATURE_NAMES = (
    "pos_sum",
    "neg_sum",
    "raw",
    "n_cues",
    "negated",
    "hedged",
    "boosted",
    "contrast",
    "conditional",
    "on_target",
    "narration",
)
#: Whether a sentence spoken by a quoted voice that is *not* one of the profile's actors
#: ("other": an analyst, a villager) counts as on target without naming it. A profile actor's
#: sentences always do: an actor quoted in a story about the event is, as a rule, talking
#: about the event ("This will harm stability," the ministry said).
QUOTED_VOICE_ON_TARGET = True


@dataclass(frozen=True)
class LexiconScore:
    """The lexicon's verdict on one sentence, with what fired and the numbers behind it.

    Attributes
    ----------
    stance : str
        ``"favor"``, ``"against"`` or ``"neutral"``.
    score : float
        In [-1, 1]; negative means against.
    confidence : float
        In [0, 1].
    cues : tuple of str
        Human-readable explanation: ``"+important step"``, ``"NOT(help)->-"``,
        ``"hedge:may x0.5"``, ``"but: later clause weighted"``, ``"off-target x0.3"``…
    features : dict of str to float
        The numeric parts (:data:`FEATURE_NAMES`) for the classifier.
    """

    stance: str
    score: float
    confidence: float
    cues: tuple[str, ...]
    features: dict[str, float] = field(hash=False, compare=True)


@dataclass(frozen=True)
class _Cue:
    """What the cue trie stores: the entry and the words of its phrase."""

    entry: LexiconEntry
    words: frozenset[str]


@dataclass(frozen=True)
class _Hit:
    """One cue after the rules: its contribution and the explanation strings."""

    value: float
    category: str
    explanation: tuple[str, ...]
    negated: bool = False
    hedged: bool = False
    boosted: bool = False


@dataclass(frozen=True)
class _Context:
    """What the per-cue rules need to know about the sentence."""

    tokens: Sequence[str]
    clause_weights: Sequence[float]
    voice: str | None


def _sign(value: float) -> str:
    return "+" if value > 0 else "-"


def _apply_rules(context: _Context, match: Match, previous_end: int = 0, negated_end: int | None = None) -> _Hit:
    """A cue's contribution after negation, intensity, hedging, clause weight and narration.

    ``previous_end`` is where the previous cue ended (boosters reach the nearest cue only);
    ``negated_end`` where the previous *negated* cue ended (see :func:`chains_negation`).
    """
    cue: _Cue = match.value  # type: ignore[assignment]
    entry, tokens = cue.entry, context.tokens
    value = entry.weight * context.clause_weights[match.start]
    value *= narration_factor(entry.category, context.voice)
    negator = negator_before(tokens, match.start) or negator_within(tokens, match, cue.words)
    if negator is None and negated_end is not None and chains_negation(tokens, negated_end, match.start):
        negator = "chain"
    if negator is not None:
        value *= NEGATION_SCALAR
        notes = [f"NOT({entry.phrase})->{_sign(value)}"]
    else:
        notes = [f"{_sign(value)}{entry.phrase}"]
    factor, booster = intensity_before(tokens, match.start, previous_end)
    if booster is not None:
        value *= factor
        notes.append(f"{'boost' if factor > 1 else 'soften'}:{booster} x{factor:g}")
    hedge_factor, hedge = hedge_before(tokens, match.start)
    if hedge is not None:
        value *= hedge_factor
        notes.append(f"hedge:{hedge} x{hedge_factor:g}")
    return _Hit(
        value,
        entry.category,
        tuple(notes),
        negator is not None,
        hedge is not None,
        booster is not None,
    )


def _score_cues(context: _Context, matches: Sequence[Match]) -> list[_Hit]:
    """Apply the per-cue rules to every match with a non-zero weight, left to right."""
    hits: list[_Hit] = []
    previous_end, negated_end = 0, None
    for match in matches:
        if match.value.entry.weight != 0:  # type: ignore[attr-defined]
            hit = _apply_rules(context, match, previous_end, negated_end)
            hits.append(hit)
            negated_end = match.end if hit.negated else None
        previous_end = match.end
    return _dismiss_objections(hits)


def _dismiss_objections(hits: list[_Hit]) -> list[_Hit]:
    """Reverse objection cues when the sentence dismisses them ("such warnings are overblown").

    Triggered by a cue of category :data:`DISMISSAL_CATEGORY`; reverses the negative cues of
    :data:`OBJECTION_CATEGORIES` that were not already negated.
    """
    if not any(h.category == DISMISSAL_CATEGORY for h in hits):
        return hits
    out = []
    for hit in hits:
        if hit.category in OBJECTION_CATEGORIES and hit.value < 0 and not hit.negated:
            phrase = hit.explanation[0][1:]
            value = hit.value * NEGATION_SCALAR
            hit = _Hit(
                value,
                hit.category,
                (f"DISMISSED({phrase})->+", *hit.explanation[1:]),
                True,
                hit.hedged,
                hit.boosted,
            )
        out.append(hit)
    return out


class LexiconScorer:
    """Score sentences for stance toward one profile's target (or generically, without one).

    Build it with :meth:`from_profile`, which caches one scorer per profile and lexicon file:
    the phrase tries are compiled once, never per sentence.

    Parameters
    ----------
    entries
        Cue entries; a later entry with the same phrase key replaces an earlier one.
    relevance_phrases
        Phrases that put a sentence on target (target terms and actor aliases); empty for the
        generic scorer, which treats every sentence as on target.
    actor_ids
        The profile's actor ids (see :data:`QUOTED_VOICE_ON_TARGET`).
    """

    def __init__(
        self,
        entries: Iterable[LexiconEntry],
        relevance_phrases: Iterable[str] = (),
        actor_ids: Iterable[str] = (),
    ) -> None:
        self._cues = PhraseMatcher((phrase_key(e.phrase), _Cue(e, frozenset(tokenize(e.phrase)))) for e in entries)
        phrases = list(relevance_phrases)
        acronyms = [p for p in phrases if _is_acronym(p)]
        words = [p for p in phrases if not _is_acronym(p)]
        self._relevance = PhraseMatcher((phrase_key(p), p) for p in words) if words else None
        self._acronyms = (
            re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, acronyms))) + r")\b") if acronyms else None
        )
        self._is_generic = not phrases
        self._actor_ids = frozenset(actor_ids)

    @classmethod
    def from_profile(cls, profile: Profile | None = None, lexicon_path: str | Path | None = None) -> LexiconScorer:
        """The scorer for ``profile`` (``None``: generic), built once and cached.

        Parameters
        ----------
        profile
            Supplies the target terms and actor aliases (target relevance) and extra cues
            (``[lexicon]``), which override shipped cues with the same phrase.
        lexicon_path
            A user lexicon TSV whose entries are added to the shipped ones and override them
            phrase by phrase (weight 0 switches a shipped cue off).
        """
        return _cached_scorer(profile, None if lexicon_path is None else str(lexicon_path))

    @property
    def size(self) -> int:
        """Number of distinct cue phrases."""
        return self._cues.size

    def is_on_target(self, text: str, tokens: Sequence[str], voice: str | None = None) -> bool:
        """Does the sentence name the target or an actor, or is it spoken by a quoted voice?

        See :data:`QUOTED_VOICE_ON_TARGET`. The generic scorer (no profile) has no target, so
        every sentence counts as on target.
        """
        if self._is_generic:
            return True
        if voice is not None and voice != NARRATION_VOICE:
            if voice in self._actor_ids or QUOTED_VOICE_ON_TARGET:
                return True
        if self._relevance is not None and self._relevance.spans(tokens):
            return True
        return self._acronyms is not None and self._acronyms.search(text) is not None

    def score(self, text: str, voice: str | None = None) -> LexiconScore:
        """Stance of one sentence toward the target, with cues and features.

        Parameters
        ----------
        text
            One sentence (longer text works, but the rules are built for sentences).
        voice
            The record's voice: an actor id, ``"outlet"`` (narration: see
            :data:`REPORTED_CATEGORIES`) or ``"other"``; ``None`` when unknown.

        Examples
        --------
        >>> scorer = LexiconScorer.from_profile()
        >>> result = scorer.score("It will only exacerbate tensions.")
        >>> result.stance, result.cues
        ('against', ('-exacerbate', 'boost:only x1.3', '-tension'))
        """
        tokens = sentence_tokens(text)
        weights, contrast = clause_weights(tokens)
        hits = _score_cues(_Context(tokens, weights, voice), self._cues.find(tokens))
        conditional = conditional_word(tokens) if hits else None
        scale = CONDITIONAL_SCALAR if conditional else 1.0
        pos_sum = sum(h.value for h in hits if h.value > 0) * scale
        neg_sum = -sum(h.value for h in hits if h.value < 0) * scale
        on_target = self.is_on_target(text, tokens, voice)
        raw = (pos_sum - neg_sum) * (1.0 if on_target else OFF_TARGET_SCALAR)
        # VADER is computed only when it takes part in the score: leave-one-event-out CV showed no
        # gain from it, neither in the score nor as a classifier feature (macro-F1 0.812 with,
        # 0.813 without; benchmarks/classifier_grid.py), and it cost two thirds of scoring time.
        vader = vader_valence(text) if VADER_WEIGHT and on_target else 0.0
        if VADER_WEIGHT and on_target:
            raw += VADER_WEIGHT * vader
        explanation = [note for h in hits for note in h.explanation]
        explanation += _sentence_notes(bool(hits), contrast, conditional, on_target, vader)
        score = normalize_score(raw)
        features = {
            "pos_sum": pos_sum,
            "neg_sum": neg_sum,
            "raw": raw,
            "n_cues": len(hits),
            "negated": sum(h.negated for h in hits),
            "hedged": sum(h.hedged for h in hits),
            "boosted": sum(h.boosted for h in hits),
            "contrast": contrast is not None and bool(hits),
            "conditional": conditional is not None,
            "on_target": on_target,
            "narration": voice == NARRATION_VOICE,
        }
        return LexiconScore(
            stance=stance_label(score),
            score=round(score, 4),
            confidence=round(confidence_of(score, pos_sum, neg_sum, len(hits)), 4),
            cues=tuple(explanation),
            features={name: round(float(features[name]), 6) for name in FEATURE_NAMES},
        )


def _sentence_notes(
    has_cues: bool, contrast: str | None, conditional: str | None, on_target: bool, vader: float
) -> list[str]:
    """Explanations for the sentence-level rules that changed the score."""
    notes = []
    if has_cues and contrast is not None:
        if contrast in CONCESSIVE_WORDS:
            notes.append(f"{contrast}: conceded clause down-weighted")
        else:
            notes.append(f"{contrast}: later clause weighted")
    if conditional is not None:
        notes.append(f"{conditional}: conditional x{CONDITIONAL_SCALAR:g}")
    if has_cues and not on_target:
        notes.append(f"off-target x{OFF_TARGET_SCALAR:g}")
    if VADER_WEIGHT and on_target and abs(vader) >= 0.05:
        notes.append(f"vader:{vader:+.2f}")
    return notes


def _profile_entries(profile: Profile) -> Iterator[LexiconEntry]:
    for cue in profile.cues:
        yield LexiconEntry(cue.phrase, cue.weight, "profile", f"from {profile.name}", profile.source)


def _name_shields(profile: Profile) -> Iterator[LexiconEntry]:
    """Weight-0 entries for the profile's names: naming the target or an actor is no stance.

    "Enhanced Defense Cooperation Agreement" or "comprehensive strategic partnership" would
    otherwise fire the cues inside them every time the event is merely named.
    """
    for phrase in relevance_phrases(profile):
        yield LexiconEntry(phrase, 0.0, "name", "a name of the profile", profile.source)


_LABEL_NAME_RE = re.compile(r"[A-Z][\w'’.]*(?:[\s-]+[A-Z][\w'’.]*)*")


def label_names(label: str) -> list[str]:
    """Proper names in a target label, the parties of the event.

    Examples
    --------
    >>> label_names("The upgrade of Vietnam-US relations to a strategic partnership")
    ['Vietnam', 'US']
    >>> label_names("South Korea's diplomatic mission to NATO")
    ['South Korea', 'NATO']
    """
    names = []
    for match in _LABEL_NAME_RE.finditer(label):
        for part in match.group().split("-"):
            words = re.sub(r"['’]s$", "", part.strip()).split()
            while words and words[0].lower() in SKIP_WORDS:
                words.pop(0)
            if words:
                names.append(" ".join(words))
    return names


def _is_acronym(phrase: str) -> bool:
    """Short all-capital names ("US", "RAN", "NSO") must match case-sensitively."""
    letters = phrase.replace(".", "")
    return len(letters) <= 4 and letters.isupper()


def relevance_phrases(profile: Profile) -> list[str]:
    """Phrases that put a sentence on target: target terms, names in its label, actor aliases."""
    phrases = list(profile.target.terms) + label_names(profile.target.label)
    for actor in profile.actors:
        phrases.extend(actor.aliases)
    return phrases


@lru_cache(maxsize=32)
def _cached_scorer(profile: Profile | None, lexicon_path: str | None) -> LexiconScorer:
    entries = list(_shipped_entries())
    if lexicon_path is not None:
        entries += load_lexicon(lexicon_path)
    if profile is None:
        return LexiconScorer(entries)
    entries += _name_shields(profile)
    entries += _profile_entries(profile)
    return LexiconScorer(entries, relevance_phrases(profile), profile.actor_ids)


@lru_cache(maxsize=1)
def _shipped_entries() -> tuple[LexiconEntry, ...]:
    return tuple(load_lexicon(None))
