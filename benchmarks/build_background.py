"""Rebuild ``stance/data/background.json``: the background phrase counts of `stance profile init`.

The background corpus is the team's annotation sentences (``stance/data/annotations/*.jsonl``,
every coded event); see :mod:`stance.authoring.terms` for why and how it is used. Run after the
annotation files change; ``tests/test_authoring.py`` fails while the shipped file is stale.

Usage::

    python benchmarks/build_background.py            # writes stance/data/background.json
    python benchmarks/build_background.py --check    # exit 1 if the shipped file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from stance.authoring.terms import build_background

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "stance" / "data" / "annotations"
TARGET = ROOT / "stance" / "data" / "background.json"


def background_text() -> str:
    """The file's content, byte-stable: sorted keys, one phrase per line."""
    data = build_background(sorted(ANNOTATIONS.glob("*.jsonl")))
    lines = ["{"]
    lines.append(f'"about": {json.dumps(data["about"], ensure_ascii=False)},')
    lines.append(f'"events": {json.dumps(data["events"], ensure_ascii=False, sort_keys=True)},')
    lines.append('"counts": {')
    items = list(data["counts"].items())
    for i, (key, per_event) in enumerate(items):
        comma = "," if i < len(items) - 1 else ""
        lines.append(f"{json.dumps(key, ensure_ascii=False)}: {json.dumps(per_event, sort_keys=True)}{comma}")
    lines.append("}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare with the shipped file")
    args = parser.parse_args(argv)
    text = background_text()
    if args.check:
        current = TARGET.read_text("utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is stale: run python benchmarks/build_background.py", file=sys.stderr)
            return 1
        print(f"{TARGET} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    data = json.loads(text)
    print(f"wrote {TARGET}: {len(data['events'])} events, {len(data['counts'])} phrases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
