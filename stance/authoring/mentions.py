"""Speakers of a corpus with what the text says about them: titles, organisations, nation, role.

The attribution rules (:func:`stance.voices.attribute`) give each attributed sentence a speaker
as users see it ("Wang Lei", "the Global Times", "a presidential official"). To group speakers
into actors we need what the article writes *around* each name, at every place it occurs:

* the **title** before it: a run of capitalised words and title words ("Chinese Foreign
  Ministry spokesperson", "NATO Secretary General", "South Korea's President");
* an **apposition** after it (", director of the NSO,", ", a Chinese state-run media,") or an
  "of" phrase ("Lena Holm of Stockholm University");
* an **acronym** it is given ("the presidential National Security Office (NSO)").

From these come the speaker's *organisations* (capitalised phrases with an organisation head,
an acronym or a seat of government), its *nation* (:mod:`stance.authoring.nations`) and its
*role* (:data:`ROLE_WORDS`). Everything here is a small pure function over one article; the
accumulation over a corpus is :class:`SpeakerTable`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from stance.authoring.nations import find_nations, nation_of_name
from stance.speakers import OFFICE_WORDS, OFFICIAL_HEADS, ORG_HEADS, PERSON_WORDS, fold

__all__ = [
    "ROLES",
    "ROLE_WORDS",
    "Context",
    "SpeakerName",
    "SpeakerTable",
    "find_acronyms",
    "is_dateline",
    "mention_contexts",
    "organisations_in",
    "role_of",
    "split_speaker",
]

#: Roles of a speaker, in the order that decides a mixed case: a professor who advises a
#: ministry is an expert; a president of a farmers' association is civil society.
ROLES = ("expert", "media", "civil", "legislature", "government", "unknown")
#: Words (folded) that give a role. Looked up in the speaker's name, titles and organisations.
ROLE_WORDS: dict[str, frozenset[str]] = {
    "expert": frozenset(
        """analyst analysts expert experts professor professors researcher researchers scholar
        scholars fellow fellows economist economists academic academics observer observers
        commentator commentators university universities institute institution academy
        foundation center centre consultancy consultant consultants school college laboratory
        lab tank studies""".split()
    ),
    "media": frozenset(
        """media newspaper newspapers tabloid broadcaster broadcasters television tv radio
        editorial editor editors columnist journalist journalists reporter correspondent wire
        daily times herald tribune gazette journal news""".split()
    ),
    "civil": frozenset(
        """association associations union unions federation confederation chamber company
        companies corporation firm firms group groups party parties opposition campaign
        campaigners activist activists ngo growers farmers producers industry business
        businesses exporters importers workers residents church""".split()
    ),
    "legislature": frozenset(
        """parliament parliamentary assembly congress congressional senate senator senators
        lawmaker lawmakers legislator legislators legislature mp mps riksdag duma knesset
        bundestag diet""".split()
    ),
    "government": frozenset(
        """government governments ministry ministries minister ministers president presidency
        presidential premier chancellor chancellery secretary ambassador ambassadors embassy
        envoy envoys diplomat diplomats official officials spokesperson spokesman spokeswoman
        adviser advisor advisers advisors authorities administration cabinet department
        military army navy forces defense defence governor mayor aide aides negotiator
        negotiators king queen commander general admiral office council agency delegation
        mission command headquarters kremlin""".split()
    ),
}
#: Words of a state outlet: with "agency" they make a news agency ("the state-run Anadolu Agency").
STATE_MEDIA_WORDS = frozenset({"state-run", "state-owned", "state", "news", "official"})
#: Titles and title words that may stand in a run of capitalised words before a name.
TITLE_WORDS = (
    PERSON_WORDS
    | OFFICE_WORDS
    | OFFICIAL_HEADS
    | frozenset(
        """prime senior former top chief acting deputy foreign general state-run state-owned state
        presidential opposition ruling government spokesperson commerce trade agriculture
        finance economy economic defence defense affairs interior culture education""".split()
    )
)
#: Heads that make a capitalised phrase an organisation.
ORGANISATION_HEADS = (ORG_HEADS | OFFICIAL_HEADS | ROLE_WORDS["expert"] | ROLE_WORDS["civil"]) - frozenset(
    {"state", "country", "nation", "media", "press", "service", "officials", "groups", "parties"}
)
#: Articles and quantifiers dropped from the start of a speaker.
LEADING_WORDS = frozenset("the a an another one some several many two three four its his her their our".split())
#: Capitalised words that only open a sentence; never part of a title or name.
SENTENCE_OPENERS = frozenset(
    """the a an on in at after before during meanwhile but and also however then when while as
    since for by with from to of this that these those there here he she it they we i his her
    their its our monday tuesday wednesday thursday friday saturday sunday january february
    march april may june july august september october november december""".split()
)
#: Longest title run read before a name, in words.
MAX_TITLE_WORDS = 8
#: Longest apposition read after a name, in characters.
MAX_APPOSITION_CHARS = 120

_WORD_RE = re.compile(r"[^\W_][\w'’.\-]*[\w]|[^\W_]|[^\w\s]")
_CAPITALISED_RUN_RE = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:(?:of|for|and|on|the|de|da|do)\s+)*[A-Z][\w'’\-]*)*")
#: Institution names: capitalised words on one line, with "of"/"for" inside, no possessives.
_INSTITUTION_RE = re.compile(r"[A-Z][\w\-]*(?: (?:of |for )?[A-Z][\w\-]*)+(?!['’\w])")
_ACRONYM_RE = re.compile(
    r"((?:[A-Z][\w'’\-]*|the|of|for|and|on)(?:\s+(?:[A-Z][\w'’\-]*|of|for|and|on|the))*)\s*\(([A-Z][A-Za-z]{1,7})\)"
)
_POSSESSIVE_RE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class SpeakerName:
    """A speaker string split into its name and the descriptors written before it.

    ``"the state news agency Xinhua"`` -> name ``"Xinhua"``, descriptors ``("state", "news",
    "agency")``; ``"a presidential official"`` -> name ``"presidential official"``.
    """

    name: str
    descriptors: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return fold(self.name)


def split_speaker(speaker: str) -> SpeakerName:
    """Drop leading articles and split lower-case descriptors from a capitalised name.

    >>> split_speaker("the state-run Anadolu Agency")
    SpeakerName(name='Anadolu Agency', descriptors=('state-run',))
    >>> split_speaker("another presidential official").name
    'presidential official'
    """
    words = re.sub(r"\s*\([^()]*\)", "", speaker).split()
    while len(words) > 1 and words[0].casefold() in LEADING_WORDS:
        words = words[1:]
    first_capital = next((i for i, w in enumerate(words) if w[:1].isupper()), None)
    if first_capital and all(not w[:1].isupper() for w in words[:first_capital]):
        # "state news agency Xinhua"; but "presidential National Security Office" keeps its
        # descriptor in the name's words through ``descriptors`` as well
        return SpeakerName(" ".join(words[first_capital:]), tuple(w.casefold() for w in words[:first_capital]))
    return SpeakerName(" ".join(words))


_DATELINE_RE = re.compile(r"(?m)^[^\S\n]*([A-ZÀ-Ý][A-ZÀ-Ý .'’\-]{1,40}?)[^\S\n]*[—–]")


def dateline_place(text: str) -> str | None:
    """The place of the article's dateline ("SEOUL — …" -> "SEOUL"), if it has one."""
    match = _DATELINE_RE.search(text)
    return match.group(1).strip() if match else None


def names_with_nations(text: str) -> Counter:
    """Names of institutions that contain a country or capital ("Stockholm University": 1).

    An alias "Stockholm" for the Swedish government sits inside them; the draft warns about it.
    """
    found: Counter = Counter()
    for match in _INSTITUTION_RE.finditer(text):
        name = match.group()
        if " of " in name and not _has_organisation_head(name.split(" of ")[0].split()):
            name = name.split(" of ", 1)[1]  # "Lena Holm of Stockholm University"
        words = name.split()
        if fold(words[-1]) not in ORGANISATION_HEADS | ROLE_WORDS["media"] or words[0] in ("The", "A"):
            continue
        if nation_of_name(name) is not None:
            continue  # "State Department" is itself a seat of government
        if any(hit.kind != "demonym" for hit in find_nations(name)):
            found[name] += 1
    return found


def is_dateline(name: str, text: str) -> bool:
    """Whether ``name`` is a dateline ("SÃO PAULO — …") that the rules read as a subject."""
    if not name.isupper():
        return False
    return re.search(rf"(?m)^\s*{re.escape(name)}\s*[—–-]", text) is not None


@dataclass(frozen=True)
class Context:
    """What one occurrence of a name says about its speaker."""

    title: str = ""  # the run of title words and capitalised words before the name
    apposition: str = ""  # ", director of the NSO," / "of Stockholm University"
    full_name: str = ""  # the name with capitalised words just before it ("He Lan" for "Lan")

    @property
    def text(self) -> str:
        return " ".join(part for part in (self.title, self.apposition) if part)


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    left = max(text.rfind(mark, 0, start) for mark in (". ", "\n", "! ", "? "))
    right_candidates = [i for i in (text.find(mark, end) for mark in (". ", "\n", "! ", "? ")) if i != -1]
    return left + 1, (min(right_candidates) + 1 if right_candidates else len(text))


def mention_contexts(name: str, text: str) -> list[Context]:
    """The context of every occurrence of ``name`` in ``text`` (case-sensitive, whole words)."""
    if not name:
        return []
    pattern = re.compile(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])")
    out = []
    for match in pattern.finditer(text):
        left, right = _sentence_bounds(text, match.start(), match.end())
        prefix = text[left : match.start()]
        title, full = _title_before(prefix, name)
        if not title:
            title = _description_before(prefix)
        out.append(Context(title, _apposition_after(text[match.end() : right]), full))
    return out


_DESCRIPTION_BEFORE_RE = re.compile(r"(?:^|[\s“\"(])(?:an?|the|another)\s+([^,.;:“”\"()]{2,60}?),\s*$", re.IGNORECASE)


def _description_before(prefix: str) -> str:
    """ "A NATO spokesperson, " before a name: the description the name is in apposition to."""
    match = _DESCRIPTION_BEFORE_RE.search(prefix)
    return match.group(1).strip() if match else ""


def _title_before(prefix: str, name: str) -> tuple[str, str]:
    """The title run before a name and the name extended by capitalised words before it."""
    tokens = _WORD_RE.findall(prefix)
    taken: list[str] = []
    name_part: list[str] = []
    # a bare surname may have its given name just before it ("He Lan"); an acronym has none
    in_name = len(name.split()) == 1 and not name.isupper()
    for position in range(len(tokens) - 1, -1, -1):
        token = tokens[position]
        low = token.casefold()
        sentence_start = position == 0 or tokens[position - 1] in '.!?"“”'
        if not token[:1].isalnum() or len(taken) >= MAX_TITLE_WORDS:
            break
        if sentence_start and low in SENTENCE_OPENERS:
            break
        bare = _POSSESSIVE_RE.sub("", low)
        if in_name and token[:1].isupper() and bare not in TITLE_WORDS and not _is_demonym(token) and "-" not in token:
            name_part.insert(0, token)
            continue
        in_name = False
        if token[:1].isupper():
            if low in SENTENCE_OPENERS and low not in ("of", "for"):
                break
            taken.insert(0, token)
        elif bare in TITLE_WORDS or low in ("of", "for"):
            taken.insert(0, token)
        else:
            break
    while taken and taken[0].casefold() in ("of", "for"):
        taken = taken[1:]
    full = " ".join([*name_part, name]) if name_part else ""
    return " ".join(taken), full


def _is_demonym(word: str) -> bool:
    return any(hit.kind == "demonym" for hit in find_nations(word))


def _apposition_after(suffix: str) -> str:
    """ ", director of the NSO," or " of Stockholm University" right after a name."""
    suffix = re.sub(r"^\s*\([^()]{0,40}\)", "", suffix)
    match = re.match(r"\s+(of\s+(?:the\s+)?[A-Z][^,.;:“”\"]{0,80})", suffix)
    if match:
        return _capitalised_prefix(match.group(1))
    match = re.match(rf",\s*([^,.;:“”\"]{{2,{MAX_APPOSITION_CHARS}}}?)\s*(?:[,.;:]|$)", suffix)
    if not match:
        return ""
    apposition = match.group(1).strip()
    first = apposition.split()[0]
    low = _POSSESSIVE_RE.sub("", first.casefold())
    if low in ("a", "an", "the", "of") or low in TITLE_WORDS or low in ROLE_WORDS["expert"]:
        return apposition
    if first[:1].isupper() and _POSSESSIVE_RE.search(first):
        return apposition  # "NATO's supreme decision-making body"
    return ""


def _capitalised_prefix(phrase: str) -> str:
    """ "of the Getulio Vargas Foundation said …" -> "of the Getulio Vargas Foundation"."""
    words = phrase.split()
    end = 0
    for i, word in enumerate(words):
        if word[:1].isupper() or (i < 2 and word in ("of", "the")) or word in ("of", "for", "and", "the"):
            end = i + 1
        else:
            break
    while end and words[end - 1] in ("of", "for", "and", "the"):
        end -= 1
    return " ".join(words[:end])


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "the North Atlantic Council (NAC)" -> ``{"NAC": "North Atlantic Council"}``.

    The definition is the capitalised run before the parenthesis whose initials can spell the
    acronym (so "(C)" after a photo caption or "(NATO)" after an unrelated word is ignored).
    """
    found: dict[str, str] = {}
    for match in _ACRONYM_RE.finditer(text):
        words = match.group(1).split()
        acronym = match.group(2)
        while words and words[0][:1].islower():
            words = words[1:]
        if len(acronym) < 2 or not words:
            continue
        capitals = [w for w in words if w[:1].isupper()]
        # take the shortest tail of the run whose capitalised initials end with the acronym
        for start in range(len(words) - 1, -1, -1):
            tail = [w for w in words[start:] if w[:1].isupper()]
            initials = "".join(w[0] for w in tail)
            if initials.upper() == acronym.upper() or (len(tail) == len(capitals) and acronym.upper() in initials):
                while words[start][:1].islower():
                    start += 1
                found.setdefault(acronym, " ".join(words[start:]))
                break
    return found


def organisations_in(phrase: str) -> list[str]:
    """Organisation names in a title or apposition, as written, without leading "the".

    A capitalised run counts when it ends on an organisation head ("Chinese Foreign Ministry",
    "Stockholm University"), is an acronym ("NATO", "NSO") or is a seat of government used as
    a name ("Kremlin", "State Department"); trailing title words are cut ("NATO Secretary
    General" -> "NATO"). A possessive counts too ("NATO's supreme body" -> "NATO").

    >>> organisations_in("Chinese Foreign Ministry spokesperson")
    ['Chinese Foreign Ministry']
    >>> organisations_in("a professor of political science at Stockholm University")
    ['Stockholm University']
    """
    out: list[str] = []
    for match in _CAPITALISED_RUN_RE.finditer(phrase):
        words = match.group().split()
        while words and (fold(words[-1]) in PERSON_WORDS or fold(words[-1]) in ("prime", "general", "secretary")):
            words = words[:-1]
        while words and words[0].casefold() in SENTENCE_OPENERS:
            words = words[1:]
        if words and words[-1].endswith(("'s", "’s")):
            words[-1] = words[-1][:-2]
        if not words or (len(words) == 1 and fold(words[0]) in ORGANISATION_HEADS):
            continue  # a bare head noun ("Opposition", "Ministry") names no organisation
        candidate = " ".join(words)
        nation = nation_of_name(candidate)
        is_acronym = len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and nation is None
        before = phrase[: match.start()].split()[-2:]
        named_by_descriptor = bool(before) and fold(before[-1]) in ORGANISATION_HEADS | {"agency"}
        after_preposition = bool(before) and before[-1] in ("at", "of", "for", "with", "from") and len(words) > 1
        if (
            _has_organisation_head(words)
            or is_acronym
            or named_by_descriptor
            or after_preposition
            or (nation is not None and nation.kind == "seat" and len(words) > 1)
        ):
            out.append(candidate)
    return out


def _has_organisation_head(words: Sequence[str]) -> bool:
    """The last word, or the word before the first "of"/"for" ("Academy of Sciences"), is a head."""
    heads = {fold(words[-1])}
    for i, word in enumerate(words[1:], start=1):
        if word in ("of", "for"):
            heads.add(fold(words[i - 1]))
            break
    return bool(heads & ORGANISATION_HEADS)


def role_of(words: Iterable[str]) -> str:
    """The role the words give, by :data:`ROLES` precedence; ``"unknown"`` if none.

    >>> role_of("Chinese Foreign Ministry spokesperson".split())
    'government'
    >>> role_of(["state-run", "Anadolu", "Agency"])
    'media'
    """
    folded = [fold(w) for w in words]
    flat = set()
    for word in folded:
        flat.update(word.split())
    if "agency" in flat and flat & STATE_MEDIA_WORDS - {"official"}:
        return "media"
    if {"think", "tank"} <= flat:
        return "expert"
    if "state" in flat and "media" in flat:
        return "media"
    for role in ROLES[:-1]:
        if flat & ROLE_WORDS[role]:
            return role
    return "unknown"


@dataclass
class SpeakerStats:
    """Everything gathered about one speaker name over the corpus (mutable while reading)."""

    name: str
    count: int = 0
    example: str = ""
    doc_id: str = ""
    descriptors: Counter = field(default_factory=Counter)
    titles: Counter = field(default_factory=Counter)
    appositions: Counter = field(default_factory=Counter)
    full_names: Counter = field(default_factory=Counter)
    kinds: Counter = field(default_factory=Counter)
    datelines: Counter = field(default_factory=Counter)  # places of the datelines of its articles
    outlets: Counter = field(default_factory=Counter)  # outlets of the articles that quote it


class SpeakerTable:
    """Speakers of a corpus, read one article at a time."""

    def __init__(self) -> None:
        self.speakers: dict[str, SpeakerStats] = {}
        self.acronyms: dict[str, str] = {}
        self.ignored: Counter = Counter()  # datelines and pronouns the rules gave as speakers
        self.nation_names: Counter = Counter()  # capitalised names containing a nation word
        self.sentences = 0
        self.attributed = 0
        self.articles = 0

    def add_article(
        self, doc_id: str, text: str, spoken: Sequence[tuple[str | None, str, str]], outlet: str | None = None
    ) -> None:
        """Add one article: ``spoken`` holds (speaker, kind, sentence text) per sentence."""
        from stance.speakers import speaker_kind

        self.articles += 1
        for acronym, full in find_acronyms(text).items():
            self.acronyms.setdefault(acronym, full)
        self.nation_names.update(names_with_nations(text))
        dateline = dateline_place(text)
        names: dict[str, SpeakerName] = {}
        for speaker, _kind, sentence in spoken:
            self.sentences += 1
            if speaker is None:
                continue
            self.attributed += 1
            split = split_speaker(speaker)
            if not split.name or is_dateline(split.name, text) or split.name.casefold() in ("he", "she", "it", "they"):
                self.ignored[speaker] += 1
                continue
            stats = self.speakers.get(split.key)
            if stats is None:
                stats = self.speakers[split.key] = SpeakerStats(split.name)
            stats.count += 1
            if not stats.example:
                stats.example, stats.doc_id = " ".join(sentence.split()), doc_id
            stats.descriptors.update(split.descriptors)
            stats.kinds[speaker_kind(speaker)] += 1
            if dateline:
                stats.datelines[dateline] += 1
            if outlet:
                stats.outlets[outlet] += 1
            names[split.key] = split
        for key, split in names.items():
            stats = self.speakers[key]
            for context in mention_contexts(split.name, text):
                if context.title:
                    stats.titles[context.title] += 1
                if context.apposition:
                    stats.appositions[context.apposition] += 1
                if context.full_name:
                    stats.full_names[context.full_name] += 1
