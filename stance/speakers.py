"""Speakers: from a phrase as written to a resolved name, a kind and a voice of the profile.

Three jobs, each a small pure function or a small class:

* **Voice lookup** (:func:`voice_of`): the longest profile alias contained in the speaker phrase
  names the actor, compared after folding case, typographic apostrophes, possessives and
  hyphen/space romanization variants. One matcher is compiled per profile and cached.
* **Kind and display name** (:func:`speaker_kind`, :func:`display_name`): person, organisation
  or group, from title words and head nouns; titles and leading articles are dropped from the
  name users see ("National Security Adviser Kim Sung-han" -> "Kim Sung-han").
* **Reference resolution** (:class:`Discourse`): pronouns, bare surnames and definite
  descriptions ("the council") are resolved to the nearest fitting earlier entity, a
  salience-by-recency heuristic in the spirit of Hobbs-style and Lappin & Leass pronoun
  resolution, restricted to sentence subjects and speakers (the entities quotations are
  attributed to in news, cf. Pareti 2015).
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from functools import lru_cache

from stance.profile import Profile

__all__ = [
    "AliasMatcher",
    "Discourse",
    "Speaker",
    "alias_matcher",
    "display_name",
    "fold",
    "speaker_kind",
    "voice_of",
]

#: Pronouns that can stand for a speaker, with the kind of entity they refer to.
PRONOUN_KINDS = {"he": "person", "she": "person", "it": "org", "they": "group", "we": "group"}
#: Words that make a phrase name a person: titles, roles and descriptions of people.
PERSON_WORDS = frozenset(
    """president minister adviser advisor secretary ambassador spokesperson spokesman
    spokeswoman chancellor director officer chairman chairwoman chair governor mayor senator
    lawmaker legislator representative rep sen gen general mr mrs ms dr prof professor king queen
    prince premier envoy diplomat official expert analyst researcher scholar commander chief
    head leader deputy vice lady pope dean economist observer source insider aide negotiator
    lawyer attorney judge journalist reporter editor columnist commentator critic activist
    resident citizen man woman student scientist fellow member founder ceo captain colonel
    admiral lieutenant sergeant""".split()
)
#: Head nouns of organisations, institutions and media.
ORG_HEADS = frozenset(
    """council office ministry organization organisation government administration agency
    department embassy union committee party bank institute university news daily times post
    press service media group association alliance commission assembly court parliament
    congress senate house forces army navy headquarters company corporation firm board bureau
    center centre foundation network broadcaster newspaper tabloid outlet channel station
    journal tribune herald gazette review federation league coalition cabinet secretariat
    delegation mission body authority authorities regime state country nation presidency
    telegraph guardian observer times""".split()
)
#: Plural heads: groups referred to by "they".
GROUP_HEADS = frozenset(
    """officials experts analysts observers critics diplomats sources allies members leaders
    residents people scholars researchers lawmakers authorities countries nations""".split()
)
#: First words of multi-word place names, which are not person names.
PLACE_WORDS = frozenset(
    "south north east west new united saudi hong sri costa el la los san st".split()
)
#: Articles and determiners dropped (or lower-cased) at the start of a displayed speaker.
DETERMINERS = frozenset("the a an another one some several many two three its his her their".split())

_TOKEN_RE = re.compile(r"\w[\w'’.\-]*")
_PAREN_RE = re.compile(r"\s*\([^()]{0,80}\)")
_POSSESSIVE_RE = re.compile(r"'s\b|(?<=s)'(?!\w)")


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker.

    ``name`` is what users see; ``phrase`` is everything written about the speaker (title,
    name, apposition), used to find the voice; ``kind`` is ``person``, ``org``, ``group`` or
    ``unknown``.
    """

    name: str
    phrase: str
    voice: str
    kind: str


def fold(text: str) -> str:
    """Comparison form of a name: case, apostrophes, possessives, hyphens and spaces folded.

    >>> fold("NATO’s Secretary-General")
    'nato secretary general'
    """
    text = text.casefold().replace("’", "'").replace("‘", "'")
    text = _POSSESSIVE_RE.sub("", text)
    return " ".join(re.sub(r"[^\w']+", " ", text).replace("'", "").split())


class AliasMatcher:
    """All aliases of a profile compiled into one alternation, longest first.

    Matching runs the alternation anchored at each word start of the (short) folded phrase and
    keeps the longest hit, so "Chinese Foreign Ministry spokesperson Wang Wenbin" finds the
    ministry alias rather than a shorter one inside it. No nested quantifiers: linear per start.
    """

    def __init__(self, profile: Profile) -> None:
        owners: dict[str, str] = {}
        for actor in profile.actors:
            for alias in actor.aliases:
                owners.setdefault(fold(alias), actor.id)
        keys = sorted((k for k in owners if k), key=lambda k: (-len(k), k))
        self.owners = owners
        self.pattern = re.compile("(?:" + "|".join(re.escape(k) for k in keys) + r")(?![\w])")

    def match(self, phrase: str) -> tuple[str, str] | None:
        """``(actor id, folded alias)`` of the longest alias in ``phrase``, or ``None``."""
        folded = fold(phrase)
        best: str | None = None
        position = 0
        while position < len(folded):
            hit = self.pattern.match(folded, position)
            if hit and (best is None or len(hit.group()) > len(best)):
                best = hit.group()
            following = folded.find(" ", position)
            if following == -1:
                break
            position = following + 1
        return (self.owners[best], best) if best else None


@lru_cache(maxsize=64)
def alias_matcher(profile: Profile) -> AliasMatcher:
    """The compiled matcher of ``profile`` (cached: profiles are frozen and hashable)."""
    return AliasMatcher(profile)


def voice_of(speaker: str, profile: Profile) -> str:
    """The actor id whose alias the speaker phrase contains (longest alias wins), else ``"other"``.

    Locative modifiers ("an expert in Seoul", "a professor at a Beijing university") do not
    make a speaker an actor, so an alias inside them counts only if nothing else matches and the
    phrase is the alias' own organisation.

    >>> from stance.profile import load_profile
    >>> voice_of("NATO’s spokesperson", load_profile("korea-nato"))
    'nato'
    """
    matcher = alias_matcher(profile)
    hit = matcher.match(_without_locatives(speaker))
    return hit[0] if hit else "other"


_LOCATIVE_RE = re.compile(r"\s(?:in|at|from|based in)\s+(?:the\s+)?[A-Z][\w\-’']*(?:\s+[A-Z][\w\-’']*)*")


def _without_locatives(phrase: str) -> str:
    """Drop "in Seoul", "at Peking University" from a description of a person (not from names)."""
    if speaker_kind(phrase) != "person":
        return phrase
    return _LOCATIVE_RE.sub("", phrase)


def _words(phrase: str) -> list[str]:
    return [w.strip(".") for w in _TOKEN_RE.findall(_PAREN_RE.sub("", phrase))]


def speaker_kind(phrase: str) -> str:
    """``person``, ``org``, ``group`` or ``unknown`` for a speaker phrase.

    >>> speaker_kind("a presidential official"), speaker_kind("the North Atlantic Council (NAC)")
    ('person', 'org')
    """
    words = _words(phrase)
    if not words:
        return "unknown"
    head = fold(words[-1])
    if head in PRONOUN_KINDS:
        return PRONOUN_KINDS[head]
    folded = [fold(w) for w in words]
    if head in ORG_HEADS or words[-1].isupper() and len(words[-1]) > 1:
        return "org"
    if head in GROUP_HEADS:
        return "group"
    if any(w in PERSON_WORDS for w in folded):
        return "person"
    capitalised = [w for w in words if w[:1].isupper()]
    if len(capitalised) >= 2 and folded[0] not in PLACE_WORDS and len(words) <= 4:
        return "person"
    return "unknown"


def display_name(phrase: str) -> str:
    """The speaker as users see it: parentheses dropped, article lower-cased, titles dropped.

    >>> display_name("National Security Adviser Kim Sung-han")
    'Kim Sung-han'
    >>> display_name("The North Atlantic Council (NAC)")
    'the North Atlantic Council'
    """
    phrase = " ".join(_PAREN_RE.sub("", phrase).split()).strip(" ,")
    words = phrase.split()
    if not words:
        return phrase
    if words[0].casefold() in DETERMINERS:
        return " ".join([words[0].lower(), *words[1:]])
    name_start = _name_start(words)
    return " ".join(words[name_start:])


def _name_start(words: list[str]) -> int:
    """Index where a person's proper name begins after titles ("Ambassador to Belgium Yoon …")."""
    start = 0
    for i, word in enumerate(words):
        key = fold(word)
        after_preposition = i > 0 and words[i - 1].islower()
        if key in PERSON_WORDS or not word[:1].isupper() or after_preposition:
            start = i + 1
    return start if 0 < start < len(words) else 0


@dataclass(frozen=True)
class _Entity:
    speaker: Speaker
    sentence: int
    is_speaker: bool


class Discourse:
    """Recent entities of one article, for resolving pronouns and short references.

    Only a bounded number of entities is kept, so resolution costs constant time per sentence.
    """

    def __init__(self, profile: Profile, size: int = 24) -> None:
        self.profile = profile
        self.recent: deque[_Entity] = deque(maxlen=size)

    def add(self, speaker: Speaker, sentence: int, *, is_speaker: bool) -> None:
        """Remember an entity mentioned (as subject or speaker) in ``sentence``."""
        if speaker.kind in ("pronoun",) or not speaker.name:
            return
        self.recent.append(_Entity(speaker, sentence, is_speaker))

    def make(self, phrase: str, appos: str = "") -> Speaker:
        """A speaker from its phrase (and apposition), without resolution."""
        full = f"{phrase}, {appos}" if appos else phrase
        kind = speaker_kind(phrase)
        if kind == "unknown" and appos:
            kind = speaker_kind(appos)
        return Speaker(display_name(phrase), full, voice_of(full, self.profile), kind)

    def resolve(
        self, phrase: str, appos: str = "", *, continuing: Speaker | None = None
    ) -> Speaker | None:
        """Resolve a speaker phrase: pronoun, bare surname, definite description or name.

        ``continuing`` is the speaker of the quote the phrase tags, when the previous sentence
        was that speaker's quotation: a pronoun tag after a run of quotes keeps that speaker even
        when it is an organisation (its unnamed spokesperson: "…,” he said").
        Returns ``None`` for a pronoun with no antecedent.
        """
        word = phrase.strip().casefold()
        if word in PRONOUN_KINDS:
            return self._pronoun(PRONOUN_KINDS[word], continuing)
        made = self.make(phrase, appos)
        short = self._short_reference(phrase)
        if short is not None:
            name = short.speaker.name
            voice = made.voice if made.voice != "other" else short.speaker.voice
            return Speaker(name, f"{short.speaker.phrase}; {made.phrase}", voice, short.speaker.kind)
        return made

    def _pronoun(self, kind: str, continuing: Speaker | None) -> Speaker | None:
        if continuing is not None:
            return continuing
        for entity in reversed(self.recent):
            if _fits(kind, entity.speaker.kind):
                return entity.speaker
        return None

    def _short_reference(self, phrase: str) -> _Entity | None:
        """An earlier entity that ``phrase`` shortens: "Kim" -> "Kim Sung-han", "the council"."""
        words = _words(phrase)
        if not words:
            return None
        first = words[0].casefold()
        if first == "the" and 2 <= len(words) <= 3:
            head = fold(words[-1])
            return self._latest(lambda e: _head(e.speaker.phrase) == head and e.speaker.name != phrase)
        names = [w for w in words if w[:1].isupper() and fold(w) not in PERSON_WORDS]
        if len(names) != 1:
            return None
        key = fold(names[0])
        return self._latest(lambda e: e.speaker.kind == "person" and _is_name_part(key, e.speaker.name))

    def _latest(self, accept) -> _Entity | None:
        for entity in reversed(self.recent):
            if accept(entity):
                return entity
        return None


def _head(phrase: str) -> str:
    words = _words(phrase.split(",")[0])
    return fold(words[-1]) if words else ""


def _is_name_part(key: str, name: str) -> bool:
    parts = fold(name).split()
    whole = [fold(w) for w in name.split()]
    return len(whole) >= 2 and key in (parts[0], parts[-1], whole[0], whole[-1])


def _fits(pronoun_kind: str, entity_kind: str) -> bool:
    if pronoun_kind == "person":
        return entity_kind == "person"
    if pronoun_kind == "org":
        return entity_kind in ("org", "unknown")
    return entity_kind in ("group", "org", "person")
