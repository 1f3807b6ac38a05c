"""``profile_coverage``: how well a profile's actors cover the speakers of a corpus.

For the method section of a report and for ``stance profile check --corpus``. Measures, on the
sentence records of a corpus (and optionally its articles' texts):

* the **share of attributed sentences that fall to "other"** (attributed = voice is not
  ``"outlet"``; sentences of an unnamed speaker, an untagged quotation, count as "other" and
  are reported separately);
* the **most frequent unmatched speakers** with an example sentence each — the aliases a user
  most likely forgot;
* **aliases that never match**: no attributed speaker contains them and, when the articles are
  given, the texts never mention them (without the articles only speakers are searched, and an
  alias used only inside a speaker's title — "Chinese Foreign Ministry" in "Chinese Foreign
  Ministry spokesperson Wang Lei", shown as "Wang Lei" — is reported too);
* **aliases that match in more than one actor**: one alias inside another actor's alias ("China"
  in "China Daily"), a speaker whose name holds aliases of two actors, and a speaker or an
  institution named in the texts that holds an alias but is not that actor ("Seoul" inside
  "Seoul National University"). The matcher's longest-alias rule usually settles these; each is
  listed so a person can confirm it.

Records are consumed as a stream: :class:`CoverageBuilder` keeps counts and one example per
speaker, never the records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from stance.authoring.mentions import ORGANISATION_HEADS
from stance.corpus import Article
from stance.profile import Profile
from stance.records import SentenceRecord
from stance.speakers import fold

__all__ = ["AliasOverlap", "AliasUse", "Coverage", "CoverageBuilder", "UnmatchedSpeaker", "profile_coverage"]

#: Unmatched speakers listed by default.
TOP_UNMATCHED = 10
_NAME_RE = re.compile(r"[A-Z][\w\-]*(?: (?:of |for |the )*[A-Z][\w\-]*)+")


@dataclass(frozen=True)
class UnmatchedSpeaker:
    """A speaker whose sentences went to "other", with how often and one example."""

    speaker: str
    count: int
    example: str
    doc_id: str


@dataclass(frozen=True)
class AliasUse:
    """How often one alias of one actor matched: in speakers, and in the texts (or ``None``)."""

    actor: str
    alias: str
    speakers: int
    texts: int | None


@dataclass(frozen=True)
class AliasOverlap:
    """An alias of ``actor`` found inside ``inside`` (an alias of ``other_actor``, or a name).

    ``where`` is ``"aliases"`` (two aliases of the profile), ``"speaker"`` (an attributed
    speaker's name; ``other_actor`` is the voice it got) or ``"text"`` (an institution named in
    the articles; ``other_actor`` is ``None`` when it is no alias of any actor).
    """

    alias: str
    actor: str
    inside: str
    other_actor: str | None
    where: str
    count: int


@dataclass(frozen=True)
class Coverage:
    """Coverage of a profile on a corpus. See the module docstring for the definitions."""

    profile: str
    sentences: int
    attributed: int
    other: int
    unnamed: int
    by_voice: tuple[tuple[str, int], ...]
    unmatched: tuple[UnmatchedSpeaker, ...]
    alias_uses: tuple[AliasUse, ...]
    overlaps: tuple[AliasOverlap, ...]
    texts_checked: bool
    is_draft: bool = False

    @property
    def other_share(self) -> float:
        """Share of attributed sentences whose voice is "other" (0.0 when none is attributed)."""
        return self.other / self.attributed if self.attributed else 0.0

    @property
    def unused_aliases(self) -> tuple[AliasUse, ...]:
        """Aliases that matched no speaker (and no text, when texts were checked)."""
        return tuple(u for u in self.alias_uses if u.speakers == 0 and (u.texts is None or u.texts == 0))

    def to_dict(self) -> dict:
        """A JSON-ready dict (for ``--format json`` and report data)."""
        return {
            "profile": self.profile,
            "sentences": self.sentences,
            "attributed": self.attributed,
            "other": self.other,
            "unnamed": self.unnamed,
            "other_share": round(self.other_share, 4),
            "by_voice": dict(self.by_voice),
            "unmatched": [asdict(u) for u in self.unmatched],
            "unused_aliases": [{"actor": u.actor, "alias": u.alias} for u in self.unused_aliases],
            "alias_uses": [asdict(u) for u in self.alias_uses],
            "overlaps": [asdict(o) for o in self.overlaps],
            "texts_checked": self.texts_checked,
            "is_draft": self.is_draft,
        }

    def summary(self) -> str:
        """One paragraph for a report's method section.

        >>> Coverage("p", 10, 4, 1, 0, (("a", 3), ("other", 1)), (), (), (), False).summary()[:60]
        'Profile p: 4 of 10 sentences are attributed to a speaker; 1 '
        """
        text = (
            f"Profile {self.profile}: {self.attributed} of {self.sentences} sentences are attributed to a speaker; "
            f'{self.other} of them ({self.other_share:.1%}) to speakers outside the profile\'s actors ("other")'
        )
        if self.unnamed:
            text += f", {self.unnamed} of these to quotations with no named speaker"
        text += "."
        if self.unmatched:
            top = ", ".join(f"{u.speaker} ({u.count})" for u in self.unmatched[:5])
            text += f' The most frequent speakers left as "other" are {top}.'
        unused = self.unused_aliases
        where = "in any speaker or text" if self.texts_checked else "in any speaker"
        text += f" {len(unused)} of {len(self.alias_uses)} aliases never match {where}."
        if self.overlaps:
            text += f" {len(self.overlaps)} alias overlaps between actors or with other names were reviewed."
        return text

    def format(self, top: int = TOP_UNMATCHED) -> str:
        """The plain-text report of ``stance profile check --corpus``."""
        lines = [self.summary(), "", "sentences by voice:"]
        for voice, count in self.by_voice:
            lines.append(f"  {voice:<28} {count:>6}")
        if self.unmatched:
            lines += ["", "most frequent speakers falling to 'other' (add an alias if one is an actor):"]
            for u in self.unmatched[:top]:
                lines.append(f"  {u.count:>4}  {u.speaker}  — e.g. [{u.doc_id}] {_short(u.example)}")
        unused = self.unused_aliases
        if unused:
            lines += ["", "aliases that never match:"]
            for u in unused:
                lines.append(f"  {u.actor}: {u.alias}")
        if self.overlaps:
            lines += ["", "aliases found inside other names (the longest alias wins; confirm each):"]
            for o in self.overlaps:
                other = f" ({o.other_actor})" if o.other_actor else ""
                times = f", {o.count}x" if o.where != "aliases" else ""
                lines.append(f"  [{o.where}] {o.alias!r} ({o.actor}) inside {o.inside!r}{other}{times}")
        return "\n".join(lines)


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass
class _Speaker:
    written: Counter = field(default_factory=Counter)
    count: int = 0
    example: str = ""
    doc_id: str = ""


class CoverageBuilder:
    """Accumulates coverage one article (records, and optionally its text) at a time."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.aliases = [(actor.id, alias, fold(alias)) for actor in profile.actors for alias in actor.aliases]
        self.patterns = {key: re.compile(rf"(?<!\w){re.escape(key)}(?!\w)") for _, _, key in self.aliases if key}
        self.sentences = 0
        self.by_voice: Counter = Counter()
        self.unnamed = 0
        self.unmatched: dict[str, _Speaker] = {}
        self.speaker_hits: Counter = Counter()
        self.text_hits: Counter = Counter()
        self.texts_checked = False
        self.contested: Counter = Counter()  # (alias, actor, speaker, voice)
        self.institutions: Counter = Counter()  # (alias, actor, name)

    def add_records(self, records: Iterable[SentenceRecord]) -> None:
        for record in records:
            self.sentences += 1
            self.by_voice[record.voice] += 1
            if record.voice == "outlet":
                continue
            if record.speaker is None:
                if record.voice == "other":
                    self.unnamed += 1
                continue
            folded = fold(record.speaker)
            matched = [(actor, alias, key) for actor, alias, key in self.aliases if key and self._has(folded, key)]
            for _, _, key in matched:
                self.speaker_hits[key] += 1
            for actor, alias, _ in matched:
                if actor != record.voice:
                    self.contested[(alias, actor, record.speaker, record.voice)] += 1
            if record.voice == "other":
                self._unmatched(record)

    def _has(self, folded: str, key: str) -> bool:
        return self.patterns[key].search(folded) is not None

    def _unmatched(self, record: SentenceRecord) -> None:
        key = re.sub(r"^(?:the|a|an|another) ", "", fold(record.speaker or ""))
        entry = self.unmatched.setdefault(key, _Speaker())
        entry.count += 1
        entry.written[record.speaker] += 1
        if not entry.example:
            entry.example, entry.doc_id = record.text, record.doc_id

    def add_article(self, article: Article) -> None:
        """Count alias mentions in the article's text and institutions that contain an alias."""
        self.texts_checked = True
        folded = fold(article.text)
        for key, pattern in self.patterns.items():
            self.text_hits[key] += len(pattern.findall(folded))
        alias_keys = {key for _, _, key in self.aliases}
        for match in _NAME_RE.finditer(article.text):
            name = re.sub(r"^(?:The|A|An) ", "", match.group())
            if " of " in name and not set(fold(name.split(" of ")[0]).split()) & ORGANISATION_HEADS:
                name = name.split(" of ", 1)[1]  # "Lena Holm of Stockholm University"
            if " " not in name:
                continue
            name_key = fold(name)
            if name_key in alias_keys or fold(name.split()[-1]) not in ORGANISATION_HEADS:
                continue
            for actor, alias, key in self.aliases:
                if key and key != name_key and self._has(name_key, key):
                    self.institutions[(alias, actor, name)] += 1

    def result(self) -> Coverage:
        owners = {key: actor for actor, _, key in self.aliases}
        overlaps: list[AliasOverlap] = []
        for actor, alias, key in self.aliases:
            for other_actor, other_alias, other_key in self.aliases:
                if other_actor != actor and key and key != other_key and self._has(other_key, key):
                    overlaps.append(AliasOverlap(alias, actor, other_alias, other_actor, "aliases", 0))
        for (alias, actor, speaker, voice), count in sorted(self.contested.items()):
            overlaps.append(AliasOverlap(alias, actor, speaker, voice, "speaker", count))
        for (alias, actor, name), count in sorted(self.institutions.items()):
            overlaps.append(AliasOverlap(alias, actor, name, owners.get(fold(name)), "text", count))
        unmatched = sorted(
            (
                UnmatchedSpeaker(entry.written.most_common(1)[0][0], entry.count, entry.example, entry.doc_id)
                for entry in self.unmatched.values()
            ),
            key=lambda u: (-u.count, u.speaker),
        )
        uses = tuple(
            AliasUse(actor, alias, self.speaker_hits[key], self.text_hits[key] if self.texts_checked else None)
            for actor, alias, key in self.aliases
        )
        voices = [a.id for a in self.profile.actors] + ["other", "outlet"]
        by_voice = tuple((v, self.by_voice[v]) for v in voices) + tuple(
            sorted((v, n) for v, n in self.by_voice.items() if v not in voices)
        )
        attributed = self.sentences - self.by_voice["outlet"]
        description = (self.profile.description or "").lstrip()
        return Coverage(
            profile=self.profile.name,
            sentences=self.sentences,
            attributed=attributed,
            other=self.by_voice["other"],
            unnamed=self.unnamed,
            by_voice=by_voice,
            unmatched=tuple(unmatched),
            alias_uses=uses,
            overlaps=tuple(overlaps),
            texts_checked=self.texts_checked,
            is_draft=description.startswith("DRAFT"),
        )


def profile_coverage(
    profile: Profile, records: Iterable[SentenceRecord], articles: Iterable[Article] | None = None
) -> Coverage:
    """Coverage of ``profile`` on a corpus's sentence records (and, optionally, its articles).

    Parameters
    ----------
    profile
        The profile whose actors the records were attributed with.
    records
        :class:`~stance.records.SentenceRecord` of the corpus under ``profile`` (any objects
        with ``voice``, ``speaker``, ``text`` and ``doc_id`` do).
    articles
        The corpus's articles, to count alias mentions in the texts and find institutions whose
        names contain an alias. Without them only speakers are searched.

    Examples
    --------
    >>> from stance.profile import load_profile
    >>> coverage = profile_coverage(load_profile("korea-nato"), [])
    >>> coverage.attributed, coverage.other_share
    (0, 0.0)
    """
    builder = CoverageBuilder(profile)
    builder.add_records(records)
    for article in articles or ():
        builder.add_article(article)
    return builder.result()
