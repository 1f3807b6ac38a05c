"""Profiles: the event's target and actors (with aliases), loaded from TOML and validated.

A profile tells ``stance`` what stance is *about* (the target) and *whose* voices matter (the
actors and every name they go by). It is the one thing a researcher writes to turn the toolkit
to a new event, so every mistake in it is reported precisely — file, key, and line where TOML
gives one — instead of quietly turning an actor's statements into ``"other"``.

Schema (see DESIGN.md)::

    name = "korea-nato"                    # required
    description = "…"                      # optional
    [target]                               # required
    label = "…"                            # required
    terms = ["…", …]                       # optional, phrases that name the target
    [actors.<id>]                          # at least one
    label = "…"                            # required
    aliases = ["…", …]                     # required, non-empty, unique across actors
    [frames.<id>]                          # optional: extend or override a frame
    label = "…"; terms = ["…"]; replace = false
    [lexicon]                              # optional: event-specific stance cues
    favor = ["…" or {phrase = "…", weight = 1.5}]
    against = […]

Actor order matters in one place: an unnamed "the government" or "officials said" before any
government is named in an article goes to the first actor whose id or label says "government"
(:class:`stance.speakers.Discourse`), so list the event's home government first.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from stance.errors import InputError

__all__ = ["Actor", "Target", "FrameSpec", "Cue", "Profile", "load_profile", "bundled_profiles"]

_ID_RE = re.compile(r"^[a-z][a-z0-9_]*$")
#: Voice ids with a fixed meaning; no actor may take them.
RESERVED_VOICES = frozenset({"outlet", "other"})


@dataclass(frozen=True)
class Actor:
    """A voice of the event: an id (used in records), a label and the names it goes by."""

    id: str
    label: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Target:
    """What stance is about, and the phrases that name it in text."""

    label: str
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class FrameSpec:
    """A frame added or changed by a profile; ``replace`` drops the default terms."""

    id: str
    label: str
    terms: tuple[str, ...]
    replace: bool = False


@dataclass(frozen=True)
class Cue:
    """An event-specific stance cue: positive weight favours the target, negative opposes it."""

    phrase: str
    weight: float


@dataclass(frozen=True)
class Profile:
    """A validated profile. Frozen and hashable, so compiled matchers can be cached per profile."""

    name: str
    target: Target
    actors: tuple[Actor, ...]
    frames: tuple[FrameSpec, ...] = ()
    cues: tuple[Cue, ...] = ()
    description: str | None = None
    source: str = "<memory>"

    @property
    def actor_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.actors)

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; ``KeyError`` if there is none."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


_TOP_KEYS = {"name", "description", "target", "actors", "frames", "lexicon"}
_TARGET_KEYS = {"label", "terms"}
_ACTOR_KEYS = {"label", "aliases", "description"}
_FRAME_KEYS = {"label", "terms", "replace"}
_LEXICON_KEYS = {"favor", "against"}


def bundled_profiles() -> list[str]:
    """Names of the profiles that ship with the package."""
    folder = resources.files("stance").joinpath("data/profiles")
    return sorted(p.name[:-5] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a bundled profile by name, or a profile TOML file by path.

    Parameters
    ----------
    name_or_path
        ``"korea-nato"`` (see :func:`bundled_profiles`) or a path to a ``.toml`` file.

    Raises
    ------
    InputError
        Unknown name, unreadable file, TOML syntax error (with line and column), or a schema
        problem (naming the key).

    Examples
    --------
    >>> profile = load_profile("korea-nato")
    >>> profile.actor_ids
    ('korean_government', 'nato', 'chinese_state_media', 'china_government')
    """
    text, source = _profile_text(str(name_or_path))
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line, column = _toml_position(str(exc))
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        raise InputError(source, f"TOML syntax error: {message}", line, column) from None
    return profile_from_dict(data, source)


def _profile_text(name_or_path: str) -> tuple[str, str]:
    path = Path(name_or_path)
    if path.suffix.lower() == ".toml" or path.exists():
        if not path.is_file():
            raise InputError(name_or_path, "no such profile file")
        try:
            return path.read_text(encoding="utf-8"), name_or_path
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(name_or_path, f"cannot read profile: {exc}") from None
    if name_or_path in bundled_profiles():
        resource = resources.files("stance").joinpath(f"data/profiles/{name_or_path}.toml")
        return resource.read_text("utf-8"), f"{name_or_path} (bundled profile)"
    available = ", ".join(bundled_profiles())
    raise InputError(name_or_path, f"no bundled profile of that name and no such file (bundled: {available})")


def _toml_position(message: str) -> tuple[int | None, int | None]:
    match = re.search(r"at line (\d+), column (\d+)", message)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def profile_from_dict(data: dict, source: str = "<memory>") -> Profile:
    """Validate a parsed TOML mapping and build a :class:`Profile`."""
    _check_keys(data, _TOP_KEYS, "", source)
    name = _required_str(data, "name", "", source)
    target = _parse_target(data.get("target"), source)
    actors = _parse_actors(data.get("actors"), source)
    frames = _parse_frames(data.get("frames", {}), source)
    cues = _parse_cues(data.get("lexicon", {}), source)
    description = data.get("description")
    if description is not None and not isinstance(description, str):
        raise InputError(source, "description: must be a string")
    return Profile(name, target, actors, frames, cues, description, source)


def _check_keys(table: object, allowed: set[str], where: str, source: str) -> None:
    if not isinstance(table, dict):
        raise InputError(source, f"{where.rstrip('.') or 'profile'}: must be a table")
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise InputError(
            source,
            f"{where}{unknown[0]}: unknown key (allowed here: {', '.join(sorted(allowed))})",
        )


def _required_str(table: dict, key: str, where: str, source: str) -> str:
    value = table.get(key)
    if value is None:
        raise InputError(source, f"{where}{key}: missing (required)")
    if not isinstance(value, str) or not value.strip():
        raise InputError(source, f"{where}{key}: must be a non-empty string")
    return value.strip()


def _str_list(table: dict, key: str, where: str, source: str, *, required: bool) -> tuple[str, ...]:
    value = table.get(key)
    if value is None:
        if required:
            raise InputError(source, f"{where}{key}: missing (required)")
        return ()
    if not isinstance(value, list):
        raise InputError(source, f"{where}{key}: must be a list of strings")
    out = []
    for i, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise InputError(source, f"{where}{key}[{i}]: empty or non-string entry")
        out.append(" ".join(item.split()))
    if required and not out:
        raise InputError(source, f"{where}{key}: must not be empty")
    return tuple(out)


def _parse_target(table: object, source: str) -> Target:
    if table is None:
        raise InputError(source, "target: missing (required: [target] with a label)")
    _check_keys(table, _TARGET_KEYS, "target.", source)
    assert isinstance(table, dict)
    return Target(
        _required_str(table, "label", "target.", source),
        _str_list(table, "terms", "target.", source, required=False),
    )


def alias_key(alias: str) -> str:
    """How aliases are compared: case, typographic apostrophes and spacing folded."""
    return " ".join(alias.casefold().replace("’", "'").split())


def _parse_actors(table: object, source: str) -> tuple[Actor, ...]:
    if not table:
        raise InputError(source, "actors: missing (required: at least one [actors.<id>])")
    if not isinstance(table, dict):
        raise InputError(source, "actors: must be a table of [actors.<id>] tables")
    owners: dict[str, str] = {}
    actors = []
    for actor_id, body in table.items():
        where = f"actors.{actor_id}."
        if not _ID_RE.match(actor_id) or actor_id in RESERVED_VOICES:
            raise InputError(
                source,
                f"actors.{actor_id}: id must be lower-case letters, digits and _ "
                f"and not {' or '.join(sorted(RESERVED_VOICES))}",
            )
        _check_keys(body, _ACTOR_KEYS, where, source)
        label = _required_str(body, "label", where, source)
        aliases = _str_list(body, "aliases", where, source, required=True)
        for i, alias in enumerate(aliases):
            key = alias_key(alias)
            if key in owners:
                other = owners[key]
                place = "twice in this actor" if other == actor_id else f"also in actors.{other}"
                raise InputError(source, f"{where}aliases[{i}]: alias {alias!r} is listed {place}")
            owners[key] = actor_id
        actors.append(Actor(actor_id, label, aliases))
    return tuple(actors)


def _parse_frames(table: object, source: str) -> tuple[FrameSpec, ...]:
    if not isinstance(table, dict):
        raise InputError(source, "frames: must be a table of [frames.<id>] tables")
    frames = []
    for frame_id, body in table.items():
        where = f"frames.{frame_id}."
        if not _ID_RE.match(frame_id):
            raise InputError(source, f"frames.{frame_id}: id must be lower-case letters, digits and _")
        _check_keys(body, _FRAME_KEYS, where, source)
        replace = body.get("replace", False)
        if not isinstance(replace, bool):
            raise InputError(source, f"{where}replace: must be true or false")
        label = body.get("label") or frame_id.replace("_", " ")
        if not isinstance(label, str):
            raise InputError(source, f"{where}label: must be a string")
        terms = _str_list(body, "terms", where, source, required=True)
        frames.append(FrameSpec(frame_id, label, terms, replace))
    return tuple(frames)


def _parse_cues(table: object, source: str) -> tuple[Cue, ...]:
    _check_keys(table, _LEXICON_KEYS, "lexicon.", source)
    assert isinstance(table, dict)
    cues = []
    for side, sign in (("favor", 1.0), ("against", -1.0)):
        entries = table.get(side, [])
        if not isinstance(entries, list):
            raise InputError(source, f"lexicon.{side}: must be a list")
        for i, entry in enumerate(entries):
            where = f"lexicon.{side}[{i}]"
            if isinstance(entry, str):
                phrase, weight = entry, 1.0
            elif isinstance(entry, dict) and set(entry) <= {"phrase", "weight"}:
                phrase, weight = entry.get("phrase"), entry.get("weight", 1.0)
            else:
                raise InputError(source, f"{where}: must be a string or {{phrase, weight}}")
            if not isinstance(phrase, str) or not phrase.strip():
                raise InputError(source, f"{where}: empty phrase")
            if not isinstance(weight, int | float) or isinstance(weight, bool) or not 0 < weight <= 3:
                raise InputError(source, f"{where}: weight must be a number in (0, 3]")
            cues.append(Cue(" ".join(phrase.split()), sign * float(weight)))
    return tuple(cues)
