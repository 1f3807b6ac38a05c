"""Frame tagging: which angles (security, partnership, rivalry, …) a sentence takes on the event.

A frame is what a sentence selects and makes salient about the event (Entman 1993). Following
dictionary-based frame coding (e.g. the Policy Frames Codebook of Boydstun et al. 2014, coded
with term lists), each frame of the codebook has a label, a one-line definition a human coder
can apply, and terms that signal it. A sentence gets every frame whose terms it uses
(multi-label), in codebook order. The default codebook ships as ``stance/data/frames.toml``; a
profile's ``[frames.<id>]`` tables extend a frame's terms, replace them (``replace = true``) or
add new frames. Terms are matched with the lexicon's tokeniser and token trie
(:class:`stance.lexicon.PhraseMatcher`), so inflections match and the trie is built once per
profile.
"""

from __future__ import annotations

import tomllib
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from stance.errors import InputError
from stance.lexicon import PhraseMatcher, phrase_key, sentence_tokens
from stance.profile import FrameSpec, Profile

__all__ = ["Frame", "FrameTagger", "FRAME_IDS", "load_codebook", "merge_codebook"]

#: The default codebook's frame ids, in order (DESIGN.md, "Default frame codebook").
FRAME_IDS = (
    "security_defense",
    "partnership_values",
    "confrontation_rivalry",
    "regional_stability",
    "economy",
    "domestic_politics",
    "diplomacy_process",
)
#: Resource path of the shipped codebook.
SHIPPED_CODEBOOK = "data/frames.toml"


@dataclass(frozen=True)
class Frame:
    """One frame of a codebook: id, label, a definition for coders, and its terms."""

    id: str
    label: str
    definition: str
    terms: tuple[str, ...]


def load_codebook(path: str | Path | None = None) -> tuple[Frame, ...]:
    """Read the shipped codebook (``path=None``) or a codebook TOML of the same shape.

    Raises
    ------
    InputError
        Unreadable file, TOML syntax error, or a frame without a terms list (naming it).

    Examples
    --------
    >>> tuple(f.id for f in load_codebook()) == FRAME_IDS
    True
    """
    if path is None:
        text = resources.files("stance").joinpath(SHIPPED_CODEBOOK).read_text("utf-8")
        return _codebook_from_toml(text, f"stance/{SHIPPED_CODEBOOK}")
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(source, f"cannot read frame codebook: {exc}") from None
    return _codebook_from_toml(text, source)


@lru_cache(maxsize=1)
def _shipped_codebook() -> tuple[Frame, ...]:
    return load_codebook(None)


def _codebook_from_toml(text: str, source: str) -> tuple[Frame, ...]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(source, f"TOML syntax error: {exc}") from None
    table = data.get("frames")
    if not isinstance(table, dict) or not table:
        raise InputError(source, "frames: missing (required: [frames.<id>] tables)")
    frames = []
    for frame_id, body in table.items():
        terms = body.get("terms") if isinstance(body, dict) else None
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise InputError(source, f"frames.{frame_id}.terms: must be a list of non-empty strings")
        label = body.get("label") or frame_id.replace("_", " ")
        definition = body.get("definition", "")
        frames.append(Frame(frame_id, str(label), str(definition), tuple(terms)))
    return tuple(frames)


def merge_codebook(base: Sequence[Frame], specs: Iterable[FrameSpec]) -> tuple[Frame, ...]:
    """Apply a profile's frame specs to a codebook: extend, replace, or append new frames.

    A spec for an existing frame adds its terms (``replace=False``) or takes their place
    (``replace=True``); its label replaces the default only when the profile gave one. A spec
    with a new id becomes a new frame after the default ones.
    """
    frames = {frame.id: frame for frame in base}
    order = [frame.id for frame in base]
    for spec in specs:
        current = frames.get(spec.id)
        if current is None:
            frames[spec.id] = Frame(spec.id, spec.label, "", spec.terms)
            order.append(spec.id)
            continue
        terms = spec.terms if spec.replace else current.terms + spec.terms
        given_label = spec.label != spec.id.replace("_", " ")
        frames[spec.id] = Frame(spec.id, spec.label if given_label else current.label, current.definition, terms)
    return tuple(frames[frame_id] for frame_id in order)


class FrameTagger:
    """Tag sentences with the frames of a codebook (multi-label, codebook order).

    Build it with :meth:`from_profile`, which caches one tagger per profile.

    Parameters
    ----------
    codebook
        The frames; a term may signal more than one frame.
    shield_phrases
        Names that never signal a frame, typically the profile's actor aliases: "National
        Security Office" names a speaker, it does not frame the event as security.
    """

    def __init__(self, codebook: Sequence[Frame], shield_phrases: Iterable[str] = ()) -> None:
        self.codebook = tuple(codebook)
        self.frame_ids = tuple(frame.id for frame in self.codebook)
        owners: dict[tuple[str, ...], set[int]] = {}
        for rank, frame in enumerate(self.codebook):
            for term in frame.terms:
                owners.setdefault(phrase_key(term), set()).add(rank)
        self._matcher = PhraseMatcher((key, frozenset(ranks)) for key, ranks in owners.items())
        self._shield = PhraseMatcher((phrase_key(p), p) for p in shield_phrases)

    @classmethod
    def from_profile(cls, profile: Profile | None = None) -> FrameTagger:
        """The tagger for the default codebook merged with ``profile``'s frames; cached.

        The profile's actor aliases are shielded (see the ``shield_phrases`` parameter).
        """
        return _cached_tagger(profile)

    def tag(self, text: str) -> tuple[str, ...]:
        """Frame ids whose terms occur in ``text``, in codebook order.

        Examples
        --------
        >>> FrameTagger.from_profile().tag("It will harm regional stability and trade.")
        ('regional_stability', 'economy')
        """
        tokens = sentence_tokens(text)
        # shield matches do not overlap and come in order: a term is shielded when the last
        # shield starting at or before it also ends after it (a binary search, not a scan, so a
        # sentence with thousands of aliases stays linear)
        shields = self._shield.spans(tokens) if self._shield.size else []
        starts = [start for start, _, _ in shields]
        ranks: set[int] = set()
        for start, end, value in self._matcher.spans(tokens, longest=False):
            k = bisect_right(starts, start) - 1
            if k < 0 or shields[k][1] < end:
                ranks.update(value)  # type: ignore[arg-type]
        return tuple(self.frame_ids[rank] for rank in sorted(ranks))


@lru_cache(maxsize=32)
def _cached_tagger(profile: Profile | None) -> FrameTagger:
    if profile is None:
        return FrameTagger(_shipped_codebook())
    aliases = [alias for actor in profile.actors for alias in actor.aliases]
    return FrameTagger(merge_codebook(_shipped_codebook(), profile.frames), aliases)
