"""``draft_profile``: a first profile for a new event, read off its corpus, for a person to edit.

One pass over the articles: every sentence is attributed with the same rules the analysis uses
(:func:`stance.voices.attribute`, under a profile with no real actor, so every speaker comes out
as written), speakers are gathered with their titles (:mod:`~stance.authoring.mentions`),
grouped (:mod:`~stance.authoring.grouping`) and written out as actors with their aliases;
phrases are counted for target terms (:mod:`~stance.authoring.terms`).

The result is a :class:`Draft`; :meth:`Draft.to_toml` writes a valid profile (it loads with
:func:`stance.profile.load_profile`) full of comments: a header saying it is a draft, per actor
the sentences it speaks in and an example, per alias its evidence, and ``check:`` lines for
every decision a rule made that a person should confirm.
"""

from __future__ import annotations

import json
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass

from stance.authoring.grouping import CandidateActor, group_speakers
from stance.authoring.mentions import SpeakerTable
from stance.authoring.terms import TermCandidate, TermCounter, load_background
from stance.corpus import Article
from stance.profile import Profile, profile_from_dict
from stance.text import split_sentences
from stance.voices import attribute

__all__ = ["Draft", "draft_profile", "DRAFT_MARK"]

#: Words the draft's description starts with; ``stance profile check`` warns while it is there.
DRAFT_MARK = "DRAFT"
#: Longest example sentence written into a comment, in characters.
EXAMPLE_CHARS = 140
#: Target terms proposed (phrases of two or more words) and single words listed for reference.
MAX_TERMS = 12
MAX_WORDS_LISTED = 8

# A profile whose one alias never occurs: attribution then keeps every speaker as written.
_NO_ACTORS = profile_from_dict(
    {
        "name": "draft",
        "target": {"label": "draft"},
        "actors": {"none": {"label": "none", "aliases": ["stance-draft-placeholder-alias"]}},
    }
)


@dataclass(frozen=True)
class Draft:
    """A drafted profile: candidate actors, candidate target terms and how they were found.

    Attributes
    ----------
    name : str
        Profile name to write.
    actors : tuple of CandidateActor
        Actors proposed (``active``) and other voices (written commented out), largest first.
    terms : tuple of TermCandidate
        Candidate target terms, most corpus-specific first.
    articles, sentences, attributed : int
        Corpus size and the sentences the rules attributed to a speaker.
    background_events, left_out_events : tuple of str
        Events of the background corpus used for keyness, and those left out because the corpus
        contains their sentences.
    ignored : tuple of (str, int)
        Speakers the rules gave that are not names (datelines, pronouns), with counts.
    sources : tuple of str
        The inputs, as given (for the header).
    """

    name: str
    actors: tuple[CandidateActor, ...]
    terms: tuple[TermCandidate, ...]
    articles: int
    sentences: int
    attributed: int
    background_events: tuple[str, ...]
    left_out_events: tuple[str, ...]
    ignored: tuple[tuple[str, int], ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def active_actors(self) -> tuple[CandidateActor, ...]:
        return tuple(a for a in self.actors if a.active)

    def to_profile(self) -> Profile:
        """The draft as a :class:`~stance.profile.Profile` (active actors, multi-word terms)."""
        return profile_from_dict(self._profile_dict())

    def _profile_dict(self) -> dict:
        actors = {a.id: {"label": a.label, "aliases": [x.alias for x in a.aliases]} for a in self.active_actors}
        if not actors:
            actors = {"todo": {"label": "TODO: no speaker found", "aliases": ["TODO"]}}
        return {
            "name": self.name,
            "description": self._description(),
            "target": {"label": self._target_label(), "terms": [t.term for t in self._phrases()]},
            "actors": actors,
        }

    def _phrases(self) -> list[TermCandidate]:
        return [t for t in self.terms if " " in t.term][:MAX_TERMS]

    def _words(self) -> list[TermCandidate]:
        return [t for t in self.terms if " " not in t.term][:MAX_WORDS_LISTED]

    def _target_label(self) -> str:
        phrases = self._phrases()
        return f"TODO: what stance is about (e.g. {phrases[0].term})" if phrases else "TODO: what stance is about"

    def _description(self) -> str:
        return (
            f"{DRAFT_MARK} written by `stance profile init` from {self.articles} articles; "
            "review every actor and alias, then replace this description."
        )

    def to_toml(self) -> str:
        """The draft as a commented profile TOML that loads with :func:`stance.profile.load_profile`."""
        data = self._profile_dict()
        out = _header(self)
        out.append(f"name = {_string(self.name)}")
        out.append(f"description = {_string(data['description'])}")
        out.append("")
        out += _target_lines(self, data["target"]["label"])
        if not self.active_actors:
            out += [
                "",
                "# check: the attribution rules found no speaker to propose; write the actors by hand.",
                "[actors.todo]",
                f"label = {_string('TODO: no speaker found')}",
                'aliases = ["TODO"]',
            ]
        for actor in self.active_actors:
            out.append("")
            out += _actor_lines(actor, commented=False)
        others = [a for a in self.actors if not a.active]
        if others:
            out += [
                "",
                "# ---------------------------------------------------------------------------------------",
                "# Other voices: experts, universities, think tanks, associations, companies, parties and",
                "# speakers of unknown role. They stay 'other' (docs/annotation.md) unless you make one an",
                "# actor: remove the '# ' in front of its lines.",
            ]
            for actor in others:
                out.append("")
                out += _actor_lines(actor, commented=True)
        if self.ignored:
            out += ["", "# Not names, ignored: " + ", ".join(f"{name!r} ({n}x)" for name, n in self.ignored)]
        return "\n".join(out) + "\n"


def draft_profile(articles: Iterable[Article], *, name: str = "draft", sources: Iterable[str] = ()) -> Draft:
    """Draft a profile from a corpus: candidate actors with aliases, candidate target terms.

    Parameters
    ----------
    articles
        The corpus (streamed: one article at a time is held).
    name
        The profile's ``name``.
    sources
        The input paths, for the header of :meth:`Draft.to_toml`.

    Returns
    -------
    Draft

    Examples
    --------
    >>> from stance.corpus import load_corpus
    >>> draft = draft_profile(load_corpus(["seeds"]), name="korea-nato-draft")
    >>> [a.id for a in draft.active_actors][:2]
    ['nato', 'south_korea_government']
    """
    speakers = SpeakerTable()
    terms = TermCounter()
    for article in articles:
        sentences = split_sentences(article.text)
        attributions = attribute(article, _NO_ACTORS, sentences)
        spoken = [
            (a.speaker if a.voice != "outlet" else None, a.quote, s.text)
            for s, a in zip(sentences, attributions, strict=True)
        ]
        speakers.add_article(article.id, article.text, spoken, outlet=article.outlet)
        terms.add_article(s.text for s in sentences)
    actors = group_speakers(speakers)
    names = {alias.alias for actor in actors for alias in actor.aliases}
    names |= {s.name for actor in actors for s in actor.speakers}
    background = load_background()
    used, left_out = terms.background_events(background)
    people = {s.name for actor in actors for s in actor.speakers if s.is_person}
    people |= {s.full_name for actor in actors for s in actor.speakers if s.is_person and s.full_name}
    limit = MAX_TERMS + MAX_WORDS_LISTED + 10
    candidates = terms.candidates(limit=limit, exclude=names, background=background, people=people)
    return Draft(
        name=name,
        actors=tuple(actors),
        terms=tuple(candidates),
        articles=speakers.articles,
        sentences=speakers.sentences,
        attributed=speakers.attributed,
        background_events=tuple(used),
        left_out_events=tuple(left_out),
        ignored=tuple(sorted(speakers.ignored.items())),
        sources=tuple(sources),
    )


# -- TOML rendering ------------------------------------------------------------------------------
def _string(value: str) -> str:
    """A TOML basic string (JSON escapes are valid TOML escapes)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    """Text made safe for a one-line comment."""
    return " ".join(str(text).split())


def _example(text: str) -> str:
    text = _comment(text)
    return text if len(text) <= EXAMPLE_CHARS else text[: EXAMPLE_CHARS - 1].rstrip() + "…"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _wrapped(text: str, width: int = 94) -> list[str]:
    """A long comment as several comment lines."""
    return [f"# {line}" for line in textwrap.wrap(_comment(text), width)]


def _header(draft: Draft) -> list[str]:
    sources = ", ".join(draft.sources) if draft.sources else "the given articles"
    share = f"{draft.attributed / draft.sentences:.0%}" if draft.sentences else "0%"
    lines = [
        "# DRAFT PROFILE — written by `stance profile init`; nothing in it is checked by a person yet.",
        f"# Corpus: {_comment(sources)}: {draft.articles} articles, {draft.sentences} sentences,",
        f"# {draft.attributed} ({share}) attributed to a speaker by the attribution rules.",
        "#",
        "# What to do before using it:",
        "#   1. Write the target label and keep only terms that name the target.",
        "#   2. For each actor: read the 'check:' lines, merge or split actors, delete wrong aliases,",
        "#      add spellings the corpus does not show (other romanizations, titles, the ministry).",
        "#   3. Decide which of the commented 'other voices' at the end should be actors.",
        "#   4. Replace the description, then run",
        "#        stance profile check THIS_FILE --corpus YOUR_ARTICLES",
        "#      to see which speakers still fall to 'other' and which aliases never match.",
        "#",
        "# How speakers were grouped (stance/authoring/grouping.py): same name without articles;",
        "# acronyms spelled out in the text; the organisation named in a title or apposition",
        "# ('Chinese Foreign Ministry spokesperson X', 'X, director of the NSO'); a surname with the one",
        "# full name it fits; 'presidential official' with 'presidential office'; and by country: the",
        "# officials, ministries, capital ('Beijing') and country name ('China') of one country form",
        "# its government, its state outlets its media. Experts and institutions named after a place",
        "# ('Seoul National University') are never merged into that country.",
    ]
    return lines


def _target_lines(draft: Draft, label: str) -> list[str]:
    background = ", ".join(draft.background_events) or "none"
    lines = [
        "[target]",
        "# check: write what stance is about, e.g. 'Turkey's ratification of Sweden's NATO accession'.",
        f"label = {_string(label)}",
        *_wrapped(
            "Terms: phrases frequent here and rare in the background corpus (news sentences of other "
            f"events: {background}), by log-likelihood keyness."
        ),
    ]
    if draft.left_out_events:
        left_out = ", ".join(draft.left_out_events)
        lines.append(f"# Left out of the background because this corpus contains it: {left_out}.")
    lines.append("# check: keep phrases that name the target; delete the rest.")
    phrases = draft._phrases()
    if not phrases:
        lines.append("terms = []")
    else:
        lines.append("terms = [")
        for term in phrases:
            evidence = f"{term.count}x in {term.documents} articles, {term.background}x in background"
            lines.append(f"    {_string(term.term)},  # {evidence}")
        lines.append("]")
    words = draft._words()
    if words:
        listed = ", ".join(f"{t.term} ({t.count}x)" for t in words)
        lines += _wrapped(f"Single words that are also frequent here (add one if it names the target): {listed}")
    return lines


def _actor_lines(actor: CandidateActor, *, commented: bool) -> list[str]:
    prefix = "# " if commented else ""
    speaking = sum(1 for s in actor.speakers if s.count)
    nation = f", country: {actor.nation}" if actor.nation else ""
    lines = [
        f"# {actor.label}: {_plural(actor.count, 'sentence')} from {_plural(speaking, 'speaker')}"
        f" (role: {actor.role}{nation})",
    ]
    if actor.example:
        lines.append(f"# e.g. {_example(actor.example)}")
    lines += [f"# check: {_comment(check)}" for check in actor.checks]
    lines.append(f"{prefix}[actors.{actor.id}]")
    lines.append(f"{prefix}label = {_string(actor.label)}")
    lines.append(f"{prefix}aliases = [")
    for alias in actor.aliases:
        lines.append(f"{prefix}    {_string(alias.alias)},  # {_comment(alias.note)}")
        if alias.example and alias.count:
            lines.append(f"{prefix}    #   e.g. {_example(alias.example)}")
    lines.append(f"{prefix}]")
    return lines
