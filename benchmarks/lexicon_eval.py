"""Accuracy and macro-F1 of the lexicon scorer and of the VADER-only baseline on gold coding.

Each annotated sentence is scored under the profile of its own event: ``korea-nato`` (bundled)
for the seeds, ``eval/profiles/<event>.toml`` for the other events, or one ``--profile`` for
all. The coded ``voice`` is passed to the scorer, as the pipeline does.

Usage::

    python benchmarks/lexicon_eval.py stance/data/annotations/seeds.jsonl
    python benchmarks/lexicon_eval.py stance/data/annotations/team_a.jsonl --errors 30
    python benchmarks/lexicon_eval.py FILE --vader-weight 0.5   # measure VADER as extra signal

:func:`evaluate_lexicon` returns the same figures as a dict for other code.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from sklearn.metrics import accuracy_score, confusion_matrix, f1_score

import stance.lexicon as lexicon
from stance.annotations import Annotation, load_annotations
from stance.lexicon import LexiconScorer, vader_stance
from stance.profile import Profile, bundled_profiles, load_profile

ROOT = Path(__file__).resolve().parent.parent
PROFILES_DIR = ROOT / "eval" / "profiles"
LABELS = ("favor", "neutral", "against")


def profile_for(event: str | None, default: str | None, profiles_dir: Path) -> Profile | None:
    """The profile of an event: ``profiles_dir/<event>.toml``, a bundled one, or ``default``."""
    if event and (profiles_dir / f"{event}.toml").is_file():
        return load_profile(profiles_dir / f"{event}.toml")
    if event and event in bundled_profiles():
        return load_profile(event)
    return load_profile(default) if default else None


def evaluate_lexicon(
    annotations: Sequence[Annotation],
    *,
    profile: str | None = None,
    default_profile: str | None = "korea-nato",
    profiles_dir: Path = PROFILES_DIR,
) -> dict:
    """Score the lexicon and VADER-only against the gold stance of ``annotations``.

    Returns
    -------
    dict
        ``n``, and for ``"lexicon"`` and ``"vader_only"``: ``accuracy``, ``macro_f1``,
        ``confusion`` (rows gold, columns predicted, order :data:`LABELS`), plus ``"errors"``:
        the lexicon's misses as ``(gold, predicted, voice, text, cues)``.
    """
    cache: dict[str | None, Profile | None] = {}
    gold, lex, vader, errors = [], [], [], []
    for item in annotations:
        key = profile or item.event
        if key not in cache:
            cache[key] = load_profile(profile) if profile else profile_for(item.event, default_profile, profiles_dir)
        result = LexiconScorer.from_profile(cache[key]).score(item.text, item.voice or "outlet")
        gold.append(item.stance)
        lex.append(result.stance)
        vader.append(vader_stance(item.text)[0])
        if result.stance != item.stance:
            errors.append((item.stance, result.stance, item.voice, item.text, result.cues))
    out: dict = {"n": len(gold), "errors": errors}
    for name, predicted in (("lexicon", lex), ("vader_only", vader)):
        out[name] = {
            "accuracy": accuracy_score(gold, predicted),
            "macro_f1": f1_score(gold, predicted, labels=list(LABELS), average="macro", zero_division=0),
            "confusion": confusion_matrix(gold, predicted, labels=list(LABELS)).tolist(),
        }
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="annotation JSONL files")
    parser.add_argument("--profile", help="one profile for every sentence (name or .toml)")
    parser.add_argument("--profiles-dir", type=Path, default=PROFILES_DIR)
    parser.add_argument("--errors", type=int, default=0, help="print this many lexicon misses")
    parser.add_argument(
        "--vader-weight",
        type=float,
        default=None,
        help="override lexicon.VADER_WEIGHT (measure VADER as an extra signal)",
    )
    args = parser.parse_args()
    if args.vader_weight is not None:
        lexicon.VADER_WEIGHT = args.vader_weight
    result = evaluate_lexicon(load_annotations(args.paths), profile=args.profile, profiles_dir=args.profiles_dir)
    print(f"files: {', '.join(args.paths)}; n = {result['n']}")
    print(f"{'method':<12} {'accuracy':>8} {'macro-F1':>8}   confusion (rows gold {'/'.join(LABELS)})")
    for name in ("lexicon", "vader_only"):
        s = result[name]
        print(f"{name:<12} {s['accuracy']:>8.3f} {s['macro_f1']:>8.3f}   {s['confusion']}")
    for gold, predicted, voice, text, cues in result["errors"][: args.errors]:
        print(f"\n[{gold} -> {predicted}] ({voice}) {text}\n    cues: {', '.join(cues) or '-'}")


if __name__ == "__main__":
    main()
