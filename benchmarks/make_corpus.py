"""Generate a synthetic news corpus for the scale benchmarks: N articles as JSONL shards.

The articles are written from this file's own templates and vocabulary (not from the seeds)
about the event of the bundled ``korea-nato`` profile, so the default profile and model apply.
Each article comes from one of several outlets, each with its own mix of:

* neutral narration (schedules, numbers, places, background),
* quotes and paraphrases of Korean officials and of NATO (mostly favourable),
* criticism from Chinese state media and the Chinese foreign ministry (mostly against),
* analysts and other speakers not in the profile (mixed),
* page boilerplate that cleaning must remove (advertisement markers, newsletter and share
  widgets, copyright lines, tags).

Everything is drawn from a :class:`random.Random` seeded with ``--seed`` and the article number,
so the same ``N`` and seed give byte-identical shards, and article ``i`` does not depend on ``N``.

Usage::

    python benchmarks/make_corpus.py 10000 /tmp/corpus-10k [--shard-size 10000] [--seed 0]

Writes ``OUT_DIR/articles-00000.jsonl`` … (fields ``id``, ``outlet``, ``title``, ``date``,
``url``, ``text``) and prints the number of articles, shards and bytes.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

#: Outlets and the weight of each kind of paragraph in their articles.
OUTLETS: dict[str, dict[str, float]] = {
    "Harbour Times": {"narration": 4, "korea": 4, "nato": 2, "state_media": 1, "beijing": 1, "analyst": 2},
    "Seoul Ledger": {"narration": 3, "korea": 5, "nato": 2, "state_media": 0.5, "beijing": 1, "analyst": 1},
    "Atlantic Dispatch": {"narration": 4, "korea": 2, "nato": 4, "state_media": 1, "beijing": 1, "analyst": 2},
    "Eastern Herald": {"narration": 2, "korea": 1, "nato": 1, "state_media": 5, "beijing": 4, "analyst": 1},
    "Pacific Wire Service": {"narration": 6, "korea": 2, "nato": 2, "state_media": 1, "beijing": 1, "analyst": 1},
    "Manila Courier": {"narration": 3, "korea": 2, "nato": 2, "state_media": 2, "beijing": 2, "analyst": 3},
}

CITIES = ("Brussels", "Seoul", "Madrid", "Vilnius", "Washington", "Tokyo", "Canberra", "Berlin")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
NUMBERS = ("two", "three", "four", "five", "six", "a dozen", "several", "about ten")
TOPICS = (
    "cyber defence",
    "maritime security",
    "arms control",
    "disaster relief",
    "space policy",
    "supply chains",
    "emerging technologies",
    "counter-terrorism",
    "climate security",
    "military medicine",
)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Openings put before most sentences (not before a quotation): with the day, month and place
#: they make nearly every sentence of a large corpus unique, as in real coverage, so caches
#: keyed on a sentence's text do not flatter the benchmark.
LEADS = (
    "On {weekday}, ",
    "On {day} {month}, ",
    "Late on {weekday}, ",
    "In {city} on {weekday}, ",
    "Speaking in {city} on {day} {month}, ",
    "Earlier on {weekday}, ",
    "As of {day} {month}, ",
    "In {city}, ",
)
#: Endings for sentences that open with a quotation ('…,” X said on Tuesday.').
TAILS = (" on {weekday}", " on {day} {month}", " in {city} on {weekday}", " late on {weekday}", " in {city}")
ANALYST_FIRST = ("Elena", "Tomas", "Hannah", "Rajiv", "Sofia", "Marcus", "Ines", "Jonas", "Amara", "Kenji", "Lucia")
ANALYST_LAST = ("Markovic", "Reyes", "Lindqvist", "Menon", "Albrecht", "Oyelaran", "Varga", "Okafor", "Sato", "Brandt")

KOREAN_SPEAKERS = (
    "Kim Sung-han",
    "Park Jin",
    "President Yoon",
    "a presidential spokesperson",
    "Foreign Minister Park Jin",
    "Lee Jong-sup",
    "a senior presidential official",
)
NATO_SPEAKERS = (
    "Jens Stoltenberg",
    "a NATO spokesperson",
    "Oana Lungescu",
    "NATO officials",
    "the North Atlantic Council",
)
STATE_MEDIA = ("The Global Times", "Xinhua", "China Daily", "CGTN", "The People's Daily")
BEIJING_SPEAKERS = ("Zhao Lijian", "Wang Wenbin", "Mao Ning", "the Chinese foreign ministry", "Chinese officials")
ANALYSTS = (
    ("Elena Markovic", "a security researcher at the Baltic Policy Institute"),
    ("Tomas Reyes", "a professor of international relations in Manila"),
    ("Hannah Lindqvist", "an analyst at the Nordic Strategy Forum"),
    ("Rajiv Menon", "a fellow at the Indo-Pacific Study Group"),
    ("Sofia Albrecht", "a former diplomat"),
    ("Marcus Oyelaran", "a defence economist"),
)

NARRATION = (
    "The new office will open in {city} in {month} with {number} staff seconded from the foreign ministry.",
    "South Korea first took part in a NATO summit in {year}, as one of four partners from the Asia-Pacific.",
    "The mission will be headed by the ambassador to Belgium, who will also represent Seoul at NATO.",
    "Talks on a partnership programme covering {topic} and {topic2} are expected to start in {month}.",
    "The delegation met officials from {number} member states on the sidelines of the meeting in {city}.",
    "Seoul already exchanges liaison officers with NATO on {topic}.",
    "The plan was announced two days before the leaders gathered in {city}.",
    "Neither side has said how much the office will cost or how long the lease in {city} runs.",
    "The agreement covers {number} areas of practical cooperation, including {topic}.",
    "Parliament in Seoul must still approve the budget for the office, which is due in {month}.",
    "The announcement came as ministers from {number} partner countries arrived in {city}.",
    "A first round of consultations on {topic} was held in {city} last {month}.",
)
KOREA = (
    "“Opening a mission to NATO will strengthen our cooperation with like-minded partners,” {ks} said in {city}.",
    "{ks} said the representative office would help Seoul work with the allies on {topic}.",
    "“This is a practical step that serves our security and the values we share,” {ks} told reporters.",
    "{ks} said the government welcomed closer ties with the Alliance and hoped to deepen dialogue on {topic}.",
    "According to {ks}, the mission is not aimed at any third country.",
    "“We will contribute to peace and stability in the region and beyond,” {ks} added.",
    "{ks} stressed that the partnership with NATO would remain limited to non-military areas such as {topic}.",
)
NATO = (
    "{ns} welcomed the decision, calling South Korea a valued and reliable partner.",
    "“We look forward to working even more closely with the Republic of Korea on {topic},” {ns} said.",
    "{ns} said the partnership would help allies and partners address shared challenges such as {topic}.",
    "In a statement, {ns} praised Seoul's commitment to a rules-based international order.",
    "“Our partners in the Indo-Pacific matter for our security,” {ns} told a news conference in {city}.",
    "{ns} said the Alliance supports deeper dialogue with partners but has no plan to expand into Asia.",
)
STATE_MEDIA_LINES = (
    "{sm} warned that the move would provoke confrontation and undermine stability in Northeast Asia.",
    "“Seoul's courtship of NATO is a dangerous gamble that will only bring trouble,” {sm} said in an editorial.",
    "{sm} accused Washington of dragging South Korea into a bloc confrontation.",
    "In a commentary, {sm} said the mission showed that Seoul had abandoned its balanced diplomacy.",
    "{sm} claimed that NATO's expansion toward the Asia-Pacific threatens regional peace.",
    "“No good will come of bringing a military bloc into Asia,” {sm} wrote.",
)
BEIJING = (
    "{bs} said China firmly opposes any attempt to bring NATO into the Asia-Pacific.",
    "“We urge the relevant countries to abandon the Cold War mentality,” {bs} told a regular briefing.",
    "{bs} said Beijing was watching closely and would respond to any move that harms its interests.",
    "According to {bs}, the decision could damage mutual trust between Beijing and Seoul.",
    "{bs} criticised the plan as a step that would intensify tension on the peninsula.",
)
ANALYST = (
    "“The office is mostly symbolic, but symbols matter in diplomacy,” said {an}, {role}.",
    "{an}, {role}, said the step was modest and unlikely to change much on {topic}.",
    "“Seoul is hedging: it wants closer ties to Europe without angering Beijing,” said {an}.",
    "{an} said both sides would probably move slowly, given the costs and the domestic politics.",
    "“It is a sensible move, though the real test will be what the office actually does,” {an} said.",
)
BOILERPLATE = (
    "Advertisement",
    "Subscribe to our newsletter for the day's top stories",
    "Share this article",
    "© {year} {outlet}. All rights reserved.",
    "Tags: diplomacy, NATO, South Korea",
    "Story continues below advertisement",
    "Leave a comment",
)
TITLES = (
    "Seoul to open diplomatic mission to NATO",
    "South Korea moves closer to the Alliance",
    "Beijing criticises Seoul's NATO plan",
    "What South Korea's NATO office means for the region",
    "NATO welcomes new Asia-Pacific mission",
    "Analysts weigh Seoul's step toward NATO",
)
KINDS = {
    "narration": NARRATION,
    "korea": KOREA,
    "nato": NATO,
    "state_media": STATE_MEDIA_LINES,
    "beijing": BEIJING,
    "analyst": ANALYST,
}


def _fill(template: str, rng: random.Random, outlet: str, lead: float = 0.0) -> str:
    """``template`` with its slots filled; with probability ``lead`` an opening goes before it."""
    analyst, role = rng.choice(ANALYSTS)
    if rng.random() < 0.7:  # most analysts are named from the pools, not the fixed list
        analyst = f"{rng.choice(ANALYST_FIRST)} {rng.choice(ANALYST_LAST)}"
    values = {
        "city": rng.choice(CITIES),
        "month": rng.choice(MONTHS),
        "number": rng.choice(NUMBERS),
        "topic": rng.choice(TOPICS),
        "topic2": rng.choice(TOPICS),
        "year": str(rng.randrange(2018, 2025)),
        "ks": rng.choice(KOREAN_SPEAKERS),
        "ns": rng.choice(NATO_SPEAKERS),
        "sm": rng.choice(STATE_MEDIA),
        "bs": rng.choice(BEIJING_SPEAKERS),
        "an": analyst,
        "role": role,
        "outlet": outlet,
        "weekday": rng.choice(WEEKDAYS),
        "day": str(rng.randint(1, 28)),
    }
    text = template.format(**values)
    if rng.random() < lead and text[0].isalpha():
        opening = rng.choice(LEADS).format(**values)
        keep_capital = text.split(" ", 1)[0] not in ("The", "A", "In", "According", "Neither", "Talks", "Parliament")
        text = opening + (text if keep_capital else text[0].lower() + text[1:])
    elif rng.random() < lead and text.endswith("."):
        text = text[:-1] + rng.choice(TAILS).format(**values) + "."
    return text[0].upper() + text[1:]


def make_article(number: int, seed: int = 0) -> dict:
    """Article ``number`` of the corpus: a dict with the JSONL fields."""
    rng = random.Random(f"{seed}:{number}")
    outlet = rng.choice(sorted(OUTLETS))
    weights = OUTLETS[outlet]
    kinds = list(weights)
    paragraphs = [_fill(rng.choice(NARRATION), rng, outlet, lead=0.75)]  # a lead in the outlet's voice
    for _ in range(rng.randint(5, 11)):
        kind = rng.choices(kinds, weights=[weights[k] for k in kinds])[0]
        sentences = [_fill(rng.choice(KINDS[kind]), rng, outlet, lead=0.75) for _ in range(rng.randint(1, 3))]
        paragraphs.append(" ".join(sentences))
        if rng.random() < 0.15:
            paragraphs.append(_fill(rng.choice(BOILERPLATE), rng, outlet))
    paragraphs.append(_fill(rng.choice(BOILERPLATE[3:5]), rng, outlet))  # a trailer line
    day = 1 + number % 28
    return {
        "id": f"a{number:07d}",
        "outlet": outlet,
        "title": rng.choice(TITLES),
        "date": f"2022-{6 + number % 4:02d}-{day:02d}",
        "url": f"https://news.example.org/{outlet.split()[0].lower()}/{number}",
        "text": "\n\n".join(paragraphs),
    }


def write_corpus(n: int, out_dir: Path, shard_size: int = 10_000, seed: int = 0) -> tuple[int, int]:
    """Write ``n`` articles in shards of ``shard_size``; returns (shards, bytes)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    shards = size = 0
    for start in range(0, n, shard_size):
        path = out_dir / f"articles-{start // shard_size:05d}.jsonl"
        with path.open("w", encoding="utf-8", newline="\n") as stream:
            for number in range(start, min(n, start + shard_size)):
                stream.write(json.dumps(make_article(number, seed), ensure_ascii=False) + "\n")
        shards += 1
        size += path.stat().st_size
    return shards, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--shard-size", type=int, default=10_000, help="articles per JSONL file")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    shards, size = write_corpus(args.n, args.out_dir, args.shard_size, args.seed)
    print(f"{args.n:,} articles in {shards} shard(s), {size / 1e6:.1f} MB, in {args.out_dir}")


if __name__ == "__main__":
    main()
