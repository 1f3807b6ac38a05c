"""Nations in speaker names and titles: "Chinese", "China's", "Beijing", "the Kremlin" -> a country.

The table is data (``stance/data/nations.tsv``): per country its names, demonyms and *seats*,
the capitals and buildings news use as metonyms for a government ("Beijing said", "the
Kremlin said"). Entries written in capitals ("US", "UK", "PRC") match case-sensitively, so the
pronoun "us" is never the United States; all others match case-insensitively on whole words,
the longest entry first ("South Korean" before "Korean").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

__all__ = ["Nation", "NationHit", "nations", "find_nations", "nation_of_name"]


@dataclass(frozen=True)
class Nation:
    """A country: its id (``south_korea``), label, names, demonyms and seats of government."""

    id: str
    label: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True)
class NationHit:
    """A nation word found in a text: which nation, the words as written, what kind, where."""

    nation: Nation
    text: str
    kind: str  # "name", "demonym" or "seat"
    start: int
    end: int


@lru_cache(maxsize=1)
def nations() -> tuple[Nation, ...]:
    """The nation table shipped in ``stance/data/nations.tsv``."""
    listing = resources.files("stance").joinpath("data/nations.tsv").read_text("utf-8")
    out = []
    for line in listing.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        cells = (line.split("\t") + ["", "", ""])[:4]
        nation_id, names, demonyms, seats = (_items(cell) for cell in cells)
        out.append(Nation(nation_id[0], names[0], names, demonyms, seats))
    return tuple(out)


def _items(cell: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in cell.split(",") if item.strip())


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], dict[str, tuple[Nation, str]]]:
    """One case-insensitive and one case-sensitive alternation, longest entries first."""
    owners: dict[str, tuple[Nation, str]] = {}
    for nation in nations():
        for kind, entries in (("seat", nation.seats), ("demonym", nation.demonyms), ("name", nation.names)):
            for entry in entries:
                key = entry if _is_acronym(entry) else entry.casefold()
                owners.setdefault(key, (nation, kind))
    folded = sorted((k for k in owners if not _is_acronym(k)), key=lambda k: (-len(k), k))
    upper = sorted((k for k in owners if _is_acronym(k)), key=lambda k: (-len(k), k))
    # An apostrophe-s after a nation word is a possessive ("China's") and counts; a hyphen makes
    # a compound that does not ("US-led NATO", "Korea-NATO ties").
    insensitive = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(k) for k in folded) + r")(?![\w-])", re.IGNORECASE)
    sensitive = re.compile(r"(?<![\w.-])(?:" + "|".join(re.escape(k) for k in upper) + r")(?![\w-])")
    return insensitive, sensitive, owners


def _is_acronym(entry: str) -> bool:
    letters = [c for c in entry if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def find_nations(text: str) -> list[NationHit]:
    """Every nation word in ``text``, in order, longest match at each place.

    >>> [(h.nation.id, h.kind) for h in find_nations("South Korean officials met Beijing's envoy")]
    [('south_korea', 'demonym'), ('china', 'seat')]
    """
    insensitive, sensitive, owners = _patterns()
    hits = []
    for pattern in (insensitive, sensitive):
        for match in pattern.finditer(text):
            written = match.group()
            key = written if pattern is sensitive else written.casefold()
            if key not in owners:  # a case variant of an acronym entry ("Us")
                continue
            nation, kind = owners[key]
            hits.append(NationHit(nation, written, kind, match.start(), match.end()))
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[NationHit] = []
    for hit in hits:
        if out and hit.start < out[-1].end:
            continue
        out.append(hit)
    return out


def nation_of_name(name: str) -> NationHit | None:
    """The nation a whole name stands for ("Beijing", "the United States", "Kremlin"), else ``None``."""
    bare = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE)
    hits = find_nations(bare)
    if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(bare) and hits[0].kind != "demonym":
        return hits[0]
    return None
