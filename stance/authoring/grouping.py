"""Group the speakers of a corpus into candidate actors, by rules a person can check.

The rules, applied in this order (each merge is written into the draft as a "joined: …" note):

1. **Same name.** Speakers are compared without leading articles and descriptors, folded
   ("another presidential official" = "a presidential official"; "the state news agency
   Xinhua" = "Xinhua").
2. **Acronym.** A name the text defines as an acronym ("the presidential National Security
   Office (NSO)") is the same speaker as the acronym.
3. **Organisation in a title or apposition.** A speaker joins the organisation its title or
   apposition names: "Chinese Foreign Ministry spokesperson Wang Lei" -> Chinese Foreign
   Ministry; "Kim Sung-han, director of the NSO" -> NSO; "the North Atlantic Council (NAC),
   NATO's supreme decision-making body" -> NATO; "Lena Holm of Stockholm University".
4. **Short name.** A one-word name joins the one multi-word person name of the corpus that
   begins or ends with it ("Lindqvist" -> "Erik Lindqvist"); with two candidates it stays alone.
5. **Role of a body.** "presidential official" joins "presidential office" when that is the one
   body named with the same modifier; "NATO official" joins "NATO".
6. **"Presidential".** Speakers called "presidential …" join the one person titled
   President in the corpus, when there is exactly one.
7. **Nation.** A group whose name, title or organisation names a country ("Chinese", "China's",
   "Beijing", "the Kremlin") and whose role is government, legislature or media becomes that
   country's government / parliament / media actor: everything official of one country is one
   voice, its state media another. Where no country is named, the dateline's place is used for
   official titles ("SEOUL — … President Yoon"), with a note. Experts, universities, think
   tanks, companies, associations and opposition parties are never merged into a country,
   even when their name contains one ("Chinese Academy of Social Sciences", "Stockholm
   University"): they are the "other" voices of DESIGN.md unless the user lists them.
8. **Home country.** News name their own country's officials without the country ("Prime
   Minister Henrik Dahlberg", "Foreign Ministry spokeswoman Markova") and foreign ones with it.
   A government group that still has no country, whose titles name a national office and whose
   bodies are all national ones (a ministry, the government, not "NATO"), takes the country of
   the outlets that quote it when their names show one ("The Stockholm Ledger", "Korea
   JoongAng Daily"), with a note to check.

Roles come from title and head words (:data:`stance.authoring.mentions.ROLE_WORDS`).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from stance.authoring.mentions import ROLES, SpeakerStats, SpeakerTable, organisations_in, role_of
from stance.authoring.nations import Nation, find_nations, nation_of_name, nations
from stance.profile import RESERVED_VOICES
from stance.speakers import ORG_HEADS, PERSON_WORDS, fold

__all__ = ["AliasCandidate", "CandidateActor", "SpeakerCandidate", "group_speakers", "ACTIVE_ROLES"]

#: Roles drafted as actors; the others are drafted commented out (left to "other").
ACTIVE_ROLES = ("government", "legislature", "media")
#: Roles that merge by nation.
NATION_ROLES = ("government", "legislature", "media")
#: How a nation was found, best first.
NATION_SOURCES = ("name", "organisation", "title", "apposition", "dateline")
#: Nouns for a member of a body: "presidential official" belongs to "presidential office".
MEMBER_NOUNS = frozenset(
    """official officials spokesperson spokesman spokeswoman source sources aide aides diplomat
    diplomats adviser advisers advisor spokespeople""".split()
)
#: Names that are never an alias on their own.
GENERIC_NAMES = frozenset(
    """officials official sources source experts analysts diplomats observers critics government
    ministry office spokesperson spokesman spokeswoman he she it they we who allies""".split()
)
#: Title and name words of a national office: such a speaker named without a country is
#: taken to be of the outlet's own country (rule 8).
NATIONAL_OFFICE_WORDS = frozenset(
    """minister ministers ministry prime premier president presidency presidential chancellor
    chancellery cabinet government""".split()
)
#: Last words of the bodies of a national government (rule 8); "NATO" or "the council" are not.
NATIONAL_BODY_HEADS = frozenset("government ministry cabinet presidency chancellery administration office".split())
#: Share of a group's quotes that must come from outlets of one country for rule 8.
HOME_SHARE = 2 / 3
#: A one-word speaker must occur this often (or have a role) to be drafted as an actor.
MIN_ACTIVE_COUNT = 2
_LABEL_SUFFIX = {"government": "government", "legislature": "parliament", "media": "media"}


@dataclass(frozen=True)
class SpeakerCandidate:
    """A speaker found by the attribution rules, with what the text says about it.

    ``count`` is the number of attributed sentences (0 for an organisation only named in
    someone's title); ``example`` is the first such sentence.
    """

    name: str
    count: int
    example: str
    doc_id: str
    role: str
    nation: str | None
    nation_source: str
    titles: tuple[str, ...]
    organisations: tuple[str, ...]
    full_name: str | None = None
    via: str = ""
    is_person: bool = False


@dataclass(frozen=True)
class AliasCandidate:
    """One alias of a candidate actor, with its evidence."""

    alias: str
    count: int
    note: str
    example: str = ""


@dataclass(frozen=True)
class CandidateActor:
    """A group of speakers proposed as one actor of the profile."""

    id: str
    label: str
    role: str
    nation: str | None
    count: int
    aliases: tuple[AliasCandidate, ...]
    speakers: tuple[SpeakerCandidate, ...]
    checks: tuple[str, ...]
    active: bool

    @property
    def example(self) -> str:
        best = max(self.speakers, key=lambda s: (s.count, -len(s.example)), default=None)
        return best.example if best else ""


class _Union:
    """Union-find over speaker keys, remembering why two speakers were joined."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.reasons: dict[str, list[str]] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: str) -> str:
        root = key
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[key] != root:
            self.parent[key], key = root, self.parent[key]
        return root

    def join(self, a: str, b: str, reason: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        keep, drop = sorted((ra, rb))
        self.parent[drop] = keep
        self.reasons.setdefault(keep, []).extend(self.reasons.pop(drop, []))
        self.reasons[keep].append(reason)


@dataclass
class _Node:
    name: str
    stats: SpeakerStats | None
    organisations: list[str]
    role: str
    nation: Nation | None
    nation_source: str
    is_person: bool
    is_metonym: bool = False
    via: str = ""

    @property
    def count(self) -> int:
        return self.stats.count if self.stats else 0


def group_speakers(table: SpeakerTable) -> list[CandidateActor]:
    """Candidate actors from the speakers of ``table``, largest first (actors, then others)."""
    nodes = _nodes(table)
    union = _Union()
    for key in nodes:
        union.add(key)
    _join_acronyms(nodes, union, table.acronyms)
    _join_organisations(nodes, union)
    _join_short_names(nodes, union)
    _join_members(nodes, union)
    _join_presidential(nodes, union)
    groups: dict[object, list[str]] = {}
    reasons: dict[object, list[str]] = {}
    for key in nodes:
        root = union.find(key)
        groups.setdefault(root, []).append(key)
    merged: dict[object, list[str]] = {}
    attributes: dict[object, tuple[str, Nation | None, list[str]]] = {}
    for root, keys in groups.items():
        role, nation, notes = _group_attributes([nodes[k] for k in keys])
        group_key: object = (nation.id, role) if nation is not None and role in NATION_ROLES else root
        merged.setdefault(group_key, []).extend(keys)
        reasons.setdefault(group_key, []).extend(union.reasons.get(root, []) + notes)
        attributes[group_key] = (role, nation, [])
    actors = [
        _candidate(group_key, [nodes[k] for k in keys], *attributes[group_key][:2], reasons[group_key], table)
        for group_key, keys in merged.items()
    ]
    actors = [a for a in actors if a.speakers and any(s.count for s in a.speakers)]
    actors.sort(key=lambda a: (not a.active, -a.count, a.label))
    return _unique(actors)


# -- nodes ---------------------------------------------------------------------------------
def _nodes(table: SpeakerTable) -> dict[str, _Node]:
    nodes: dict[str, _Node] = {}
    for key, stats in table.speakers.items():
        nodes[key] = _speaker_node(stats, table.acronyms)
    people = sorted((k for k, n in nodes.items() if n.is_person and " " in k), key=len, reverse=True)
    for node in list(nodes.values()):
        node.organisations = [_titled_person(o, people, nodes) for o in node.organisations]
        for organisation in node.organisations:
            org_key = fold(organisation)
            if org_key not in nodes:
                nodes[org_key] = _organisation_node(organisation, f"named in the title of {node.name}")
    for acronym, full in table.acronyms.items():
        if fold(acronym) in nodes and fold(full) not in nodes:
            nodes[fold(full)] = _organisation_node(full, f"spelled out for {acronym}")
    return nodes


def _speaker_node(stats: SpeakerStats, acronyms: dict[str, str]) -> _Node:
    is_person = stats.kinds.most_common(1)[0][0] == "person" if stats.kinds else False
    name_words = stats.name.split()
    if len(name_words) >= 2 and not any(fold(w) in ORG_HEADS for w in name_words) and stats.name[:1].isupper():
        is_person = is_person or all(w[:1].isupper() for w in name_words)
    titles = list(stats.titles)
    appositions = list(stats.appositions)
    organisations: list[str] = []
    for phrase in titles + appositions:
        for organisation in organisations_in(phrase):
            organisations.append(acronyms.get(organisation, organisation))
    if stats.full_names:
        full = stats.full_names.most_common(1)[0][0]
        if fold(full.split()[-1]) in ORG_HEADS:
            is_person = False
    own = [*stats.descriptors, *name_words]
    words = own + [w for phrase in titles + appositions for w in phrase.split()]
    role = role_of(own) if not is_person else "unknown"
    if role == "unknown":
        role = role_of(words)
    metonym = nation_of_name(stats.name)
    nation, source = None, ""
    if metonym is not None:
        nation, source = metonym.nation, "name"
        if role == "unknown":
            role = "government"
    elif not is_person or _is_description(stats.name):
        nation, source = _first_nation(" ".join(own)), "name"
    if nation is None:
        for phrase in titles:
            nation = _first_nation(re.split(r"\b(?:to|in|at)\b", phrase)[0])
            if nation is not None:
                source = "title"
                break
    if nation is None:
        for phrase in appositions:
            nation = _first_nation(re.split(r"\b(?:at|of|in|for|from)\b", phrase)[0])
            if nation is not None:
                source = "apposition"
                break
    if nation is None and role == "government" and stats.datelines and not organisations:
        place = stats.datelines.most_common(1)[0][0]
        nation = _first_nation(place.title())
        source = f"dateline {place}" if nation else ""
    return _Node(
        stats.name,
        stats,
        organisations,
        role,
        nation,
        source if nation else "",
        is_person,
        is_metonym=metonym is not None,
    )


def _titled_person(organisation: str, people: list[str], nodes: dict[str, _Node]) -> str:
    """The person an "organisation" names with a title ("Prime Minister Henrik Dahlberg"), else itself.

    "the government of Prime Minister Henrik Dahlberg" is read as that person's government.
    """
    folded = fold(organisation)
    for key in people:
        if folded != key and folded.endswith(" " + key):
            return nodes[key].name
    return organisation


def _is_description(name: str) -> bool:
    """ "Turkish official", "a Brazilian diplomat": a description, not a proper name like "Jordan Lee"."""
    return any(w[:1].islower() or fold(w) in PERSON_WORDS for w in name.split())


def _organisation_node(name: str, via: str) -> _Node:
    metonym = nation_of_name(name)
    nation = metonym.nation if metonym else _first_nation(name)
    role = role_of(name.split())
    if metonym is not None and role == "unknown":
        role = "government"
    return _Node(name, None, [], role, nation, "organisation" if nation else "", False, metonym is not None, via)


def _first_nation(text: str) -> Nation | None:
    hits = find_nations(text)
    return hits[0].nation if hits else None


# -- joins ---------------------------------------------------------------------------------
def _join_acronyms(nodes: dict[str, _Node], union: _Union, acronyms: dict[str, str]) -> None:
    for acronym, full in acronyms.items():
        a, b = fold(acronym), fold(full)
        if a in nodes and b in nodes:
            union.join(a, b, f"{acronym} is spelled out as {full} in the text")


def _join_organisations(nodes: dict[str, _Node], union: _Union) -> None:
    for key, node in nodes.items():
        for organisation in node.organisations:
            org_key = fold(organisation)
            if org_key in nodes and org_key != key:
                union.join(key, org_key, f"{node.name} joined {organisation} (named in its title or apposition)")


def _join_short_names(nodes: dict[str, _Node], union: _Union) -> None:
    people = [n for n in nodes.values() if n.is_person and len(n.name.split()) >= 2]
    for key, node in nodes.items():
        full = node.stats.full_names.most_common(1)[0][0] if node.stats and node.stats.full_names else ""
        if full and fold(full) in nodes and fold(full) != key:
            union.join(key, fold(full), f"{node.name} is read in the text as {full}")
            continue
        words = node.name.split()
        if len(words) != 1 or not node.name[:1].isupper() or node.is_metonym or fold(node.name) in ORG_HEADS:
            continue
        short = fold(node.name)
        fits = [p for p in people if short in (fold(p.name.split()[0]), fold(p.name.split()[-1]))]
        full_names = {fold(p.name) for p in fits}
        if len(full_names) == 1:
            union.join(key, fold(fits[0].name), f"{node.name} is taken as short for {fits[0].name}")


def _join_members(nodes: dict[str, _Node], union: _Union) -> None:
    bodies = [n for n in nodes.values() if not n.is_person]
    for key, node in nodes.items():
        words = fold(node.name).split()
        if len(words) < 2 or words[-1] not in MEMBER_NOUNS:
            continue
        modifier = " ".join(words[:-1])
        fits = {
            fold(b.name)
            for b in bodies
            if fold(b.name) == modifier
            or (fold(b.name).startswith(modifier + " ") and fold(b.name).split()[-1] in ORG_HEADS)
        } - {key}
        if len(fits) == 1:
            body = nodes[fits.pop()]
            union.join(key, fold(body.name), f"{node.name} is taken as a member of {body.name}")


def _join_presidential(nodes: dict[str, _Node], union: _Union) -> None:
    presidents = {
        union.find(k)
        for k, n in nodes.items()
        if n.is_person and n.stats and any("president" in fold(t).split() for t in n.stats.titles)
    }
    if len(presidents) != 1:
        return
    president = presidents.pop()
    for key, node in nodes.items():
        words = fold(node.name).split() + list(node.stats.descriptors if node.stats else [])
        if "presidential" in words:
            name = nodes[president].name
            union.join(key, president, f"{node.name} is taken as the office of {name} (the only president quoted)")


# -- groups ------------------------------------------------------------------------------------
def _group_attributes(members: list[_Node]) -> tuple[str, Nation | None, list[str]]:
    """Role and nation of a group of joined speakers, and notes on doubtful decisions."""
    notes: list[str] = []
    bodies = [m for m in members if not m.is_person and m.role != "unknown"]
    pool = bodies or members
    roles = [m.role for m in pool if m.role != "unknown"]
    role = min(roles, key=ROLES.index) if roles else "unknown"
    nation = None
    for source in NATION_SOURCES:
        found = Counter(m.nation.id for m in members if m.nation and m.nation_source.split()[0] == source)
        if found:
            nation_id, _ = found.most_common(1)[0]
            nation = next(n for n in nations() if n.id == nation_id)
            if len(found) > 1:
                notes.append(f"speakers of more than one country were joined ({', '.join(sorted(found))})")
            if source == "dateline":
                place = next(m.nation_source for m in members if m.nation_source.startswith("dateline"))
                notes.append(f"country taken from the {place} (no title names one)")
            break
    if nation is None and role == "government":
        nation, note = _home_country(members)
        notes.extend([note] if note else [])
    return role, nation, notes


def _home_country(members: list[_Node]) -> tuple[Nation | None, str]:
    """Rule 8: the country of the outlets quoting a national office named without a country."""
    bodies = [m for m in members if not m.is_person and (m.stats is None or m.name.isupper() or _has_org_head(m))]
    if any(fold(b.name).split()[-1] not in NATIONAL_BODY_HEADS for b in bodies):
        return None, ""
    words = {w for m in members for phrase in _titles_and_name(m) for w in fold(phrase).split()}
    if not words & NATIONAL_OFFICE_WORDS:
        return None, ""
    outlets: Counter = Counter()
    for member in members:
        if member.stats is not None:
            outlets.update(member.stats.outlets)
    outlet_nations = {outlet: _first_nation(outlet) for outlet in outlets}
    homes: Counter = Counter()
    for outlet, count in outlets.items():
        if outlet_nations[outlet] is not None:
            homes[outlet_nations[outlet].id] += count
    if not homes:
        return None, ""
    home, count = homes.most_common(1)[0]
    if count < HOME_SHARE * sum(homes.values()):
        countries = ", ".join(sorted(homes))
        return None, (
            f"quoted by outlets of several countries ({countries}) without naming its own: "
            "it may be one body of each country; split it by hand"
        )
    nation = next(n for n in nations() if n.id == home)
    named = ", ".join(sorted(o for o, n in outlet_nations.items() if n is nation))
    return nation, f"country taken from the outlet ({named}): officials named without a country are its own"


def _titles_and_name(member: _Node) -> list[str]:
    return [member.name, *(member.stats.titles if member.stats else ())]


def _has_org_head(member: _Node) -> bool:
    return fold(member.name).split()[-1] in ORG_HEADS


def _candidate(
    group_key: object, members: list[_Node], role: str, nation: Nation | None, reasons: list[str], table: SpeakerTable
) -> CandidateActor:
    members = sorted(members, key=lambda m: (-m.count, m.name))
    speakers = tuple(_speaker_candidate(m) for m in members)
    count = sum(m.count for m in members)
    if isinstance(group_key, tuple) and nation is not None:
        label = f"{nation.demonyms[0] if nation.demonyms else nation.label} {_LABEL_SUFFIX[role]}"
        actor_id = f"{nation.id}_{role}"
    else:
        bodies = [m for m in members if not m.is_person]
        head = members[0]
        if bodies:
            head = max(bodies, key=lambda m: (_usable_alias(m.name), m.count, len(m.name.split()) > 1))
        label = head.name
        actor_id = _slug(head.name)
    aliases = _aliases(members, role, nation, table)
    checks = _checks(members, role, nation, reasons, table, aliases)
    active = role in ACTIVE_ROLES or (role == "unknown" and count >= MIN_ACTIVE_COUNT)
    nation_id = nation.id if nation else None
    return CandidateActor(actor_id, label, role, nation_id, count, aliases, speakers, checks, active)


def _speaker_candidate(node: _Node) -> SpeakerCandidate:
    stats = node.stats
    full = stats.full_names.most_common(1)[0][0] if stats and stats.full_names else None
    return SpeakerCandidate(
        name=node.name,
        count=node.count,
        example=stats.example if stats else "",
        doc_id=stats.doc_id if stats else "",
        role=node.role,
        nation=node.nation.id if node.nation else None,
        nation_source=node.nation_source,
        titles=tuple(t for t, _ in stats.titles.most_common()) if stats else (),
        organisations=tuple(dict.fromkeys(node.organisations)),
        full_name=full,
        via=node.via,
        is_person=node.is_person,
    )


def _is_title(phrase: str) -> bool:
    return any(fold(w) in PERSON_WORDS or fold(w) in ORG_HEADS for w in phrase.split())


def _usable_alias(name: str) -> bool:
    folded = fold(name)
    if len(folded) < 2 or folded in GENERIC_NAMES:
        return False
    words = folded.split()
    if len(words) == 1 and (folded in ORG_HEADS or folded in PERSON_WORDS):
        return False  # "University": a head noun, not a name
    hits = find_nations(name)
    return not (len(hits) == 1 and hits[0].kind == "demonym" and hits[0].text == name)


def _aliases(members: list[_Node], role: str, nation: Nation | None, table: SpeakerTable) -> tuple[AliasCandidate, ...]:
    out: list[AliasCandidate] = []
    acronym_of = {fold(full): acronym for acronym, full in table.acronyms.items()}
    for node in members:
        acronym = acronym_of.get(fold(node.name))
        if acronym:
            # "the National Security Office (NSO)" is read with its parenthesis: the acronym matches it
            out.append(AliasCandidate(acronym, 0, f"acronym of {node.name} in the text"))
        stats = node.stats
        example = stats.example if stats else ""
        if _usable_alias(node.name):
            if node.count:
                title = next((t for t, _ in stats.titles.most_common() if _is_title(t)), "") if stats else ""
                note = f"{node.count} sentence{'s' if node.count != 1 else ''}" + (f"; title: {title}" if title else "")
            else:
                note = node.via or "named in a title"
            out.append(AliasCandidate(node.name, node.count, note, example))
        if stats and stats.full_names:
            full = stats.full_names.most_common(1)[0][0]
            out.append(AliasCandidate(full, 0, f"full name around {node.name!r}", example))
    if role == "government" and nation is not None:
        present = {fold(a.alias) for a in out}
        for suggestion in (nation.label, nation.seats[0] if nation.seats else ""):
            if suggestion and fold(suggestion) not in present:
                out.append(AliasCandidate(suggestion, 0, "suggested: the country or its capital as a speaker"))
    seen: set[str] = set()
    unique = []
    for alias in out:
        if fold(alias.alias) not in seen:
            seen.add(fold(alias.alias))
            unique.append(alias)
    return tuple(unique)


def _checks(
    members: list[_Node],
    role: str,
    nation: Nation | None,
    reasons: list[str],
    table: SpeakerTable,
    aliases: tuple[AliasCandidate, ...],
) -> tuple[str, ...]:
    notes = ("country", "speakers of", "quoted by outlets")
    checks = [f"joined: {r}" for r in dict.fromkeys(reasons) if not r.startswith(notes)]
    checks += [r for r in dict.fromkeys(reasons) if r.startswith(notes)]
    metonyms = [m.name for m in members if m.is_metonym and m.count]
    if metonyms:
        checks.append(f"{' and '.join(repr(m) for m in metonyms)} as a speaker is read as the government (metonymy)")
    if nation is None and role in NATION_ROLES:
        if role == "media":
            checks.append("no country found: whose outlet is this? State media of one country are usually one actor")
        elif all(m.is_person for m in members):
            checks.append("no country found in the titles: merge with the actor this voice speaks for")
    if role == "unknown":
        checks.append("role unknown: decide whether this speaker is an actor of the event or 'other'")
    if not role or role in ("expert", "civil"):
        checks.append(f"{role} voice: left as 'other' (docs/annotation.md) unless you uncomment it")
    for alias in aliases:
        if nation is None or find_nations(alias.alias) == []:
            continue
        for longer, count in sorted(table.nation_names.items()):
            if re.search(rf"(?<!\w){re.escape(alias.alias)}(?!\w)", longer) and fold(longer) not in {
                fold(a.alias) for a in aliases
            }:
                checks.append(
                    f"{alias.alias!r} also occurs inside {longer!r} ({count}x): a speaker from there is not this actor"
                )
    for node in members:
        if node.stats and node.stats.full_names and node.count and not _usable_alias(node.name):
            checks.append(f"the rules read this speaker as {node.name!r}; its full name is used instead")
        elif node.stats and node.stats.full_names and node.count:
            full = node.stats.full_names.most_common(1)[0][0]
            checks.append(f"the rules read {full!r} as {node.name!r}: keep both aliases")
    return tuple(dict.fromkeys(checks))


def _slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_name.casefold()).strip("_")
    if not slug or not slug[0].isalpha():
        slug = "actor_" + slug
    return slug


def _unique(actors: list[CandidateActor]) -> list[CandidateActor]:
    """Unique ids, and every alias in one actor only (the larger actor keeps it)."""
    used_ids: set[str] = set(RESERVED_VOICES)
    owners: dict[str, str] = {}
    out = []
    for actor in actors:
        actor_id = actor.id
        number = 2
        while actor_id in used_ids:
            actor_id, number = f"{actor.id}_{number}", number + 1
        used_ids.add(actor_id)
        aliases, checks = [], list(actor.checks)
        for alias in actor.aliases:
            key = fold(alias.alias)
            if key in owners:
                checks.append(f"alias {alias.alias!r} also fits actor {owners[key]}; kept there")
                continue
            owners[key] = actor_id
            aliases.append(alias)
        if not aliases:
            continue
        out.append(
            CandidateActor(
                actor_id,
                actor.label,
                actor.role,
                actor.nation,
                actor.count,
                tuple(aliases),
                actor.speakers,
                tuple(checks),
                actor.active,
            )
        )
    return out
