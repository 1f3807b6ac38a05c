"""Turn annotation files into classifier training data, and train and save models.

Each annotated sentence is scored by the lexicon with the profile of *its own* event (so
target relevance means the right thing in every event), and carries its coded voice. The
resulting rows are what :class:`~stance.classifier.StanceClassifier` takes as ``X``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path

from stance.annotations import Annotation, load_annotations
from stance.classifier import StanceClassifier
from stance.errors import InputError
from stance.lexicon import LexiconScorer
from stance.profile import Profile, bundled_profiles, load_profile

__all__ = ["resolve_profiles", "examples_for", "fit_classifier", "train_model", "text_hash"]


def text_hash(text: str) -> str:
    """A short, stable fingerprint of a sentence (whitespace and case folded)."""
    return hashlib.sha1(" ".join(text.casefold().split()).encode("utf-8")).hexdigest()[:12]


def resolve_profiles(
    annotations: Sequence[Annotation],
    *,
    profile: str | None = None,
    profiles_dir: str | Path | Sequence[str | Path] | None = None,
) -> dict[str | None, Profile | None]:
    """The profile for each event in ``annotations``.

    ``profile`` applies one profile to everything. Otherwise an event ``e`` uses ``e.toml`` from
    the first of ``profiles_dir`` (one directory or several, searched in order) that has it,
    else the bundled profile named ``e``; sentences without an event use the generic lexicon
    (no target relevance).
    """
    events = sorted({a.event for a in annotations}, key=lambda e: e or "")
    if profile is not None:
        loaded = load_profile(profile)
        return {event: loaded for event in events}
    directories = _directories(profiles_dir)
    out: dict[str | None, Profile | None] = {}
    for event in events:
        if event is None:
            out[event] = None
            continue
        candidate = next((d / f"{event}.toml" for d in directories if (d / f"{event}.toml").is_file()), None)
        if candidate is not None:
            out[event] = load_profile(candidate)
        elif event in bundled_profiles():
            out[event] = load_profile(event)
        else:
            where = f" in {', '.join(map(str, directories))}" if directories else ""
            raise InputError(
                next(a.source for a in annotations if a.event == event),
                f"no profile for event {event!r}{where}: pass --profile or --profiles-dir",
            )
    return out


def _directories(profiles_dir: str | Path | Sequence[str | Path] | None) -> list[Path]:
    if profiles_dir is None:
        return []
    if isinstance(profiles_dir, (str, Path)):
        return [Path(profiles_dir)]
    return [Path(d) for d in profiles_dir]


def examples_for(annotations: Iterable[Annotation], profiles: dict[str | None, Profile | None]) -> list[dict]:
    """Classifier input rows: text, coded voice, and lexicon features under the event's profile."""
    rows = []
    for item in annotations:
        scorer = LexiconScorer.from_profile(profiles.get(item.event))
        voice = item.voice or "outlet"
        doc = f"{item.event or ''}/{item.doc_id}" if item.doc_id else None  # voice context within an article
        rows.append({"text": item.text, "voice": voice, "lexicon": scorer.score(item.text, voice).features, "doc": doc})
    return rows


def fit_classifier(
    annotations: Sequence[Annotation], profiles: dict[str | None, Profile | None], **params
) -> StanceClassifier:
    """Fit a :class:`StanceClassifier` on annotations (params go to its constructor)."""
    if len(annotations) < 10:
        raise InputError(
            annotations[0].source if annotations else "annotations",
            f"only {len(annotations)} sentences: too few to train a classifier",
        )
    model = StanceClassifier(**params)
    return model.fit(examples_for(annotations, profiles), [a.stance for a in annotations])


def train_model(
    paths: Sequence[str],
    output: str | Path,
    *,
    profiles_dir: str | Path | Sequence[str | Path] | None = None,
    profile: str | None = None,
    **params,
) -> dict:
    """Train on annotation files and save the model (no pickle); returns provenance info."""
    from stance.modelio import save_model

    annotations = load_annotations(paths)
    profiles = resolve_profiles(annotations, profile=profile, profiles_dir=profiles_dir)
    model = fit_classifier(annotations, profiles, **params)
    classes = {str(c): sum(a.stance == c for a in annotations) for c in model.classes_}
    info = {
        "n": len(annotations),
        "classes": classes,
        "files": [Path(p).name for p in paths],
        "events": sorted(e for e in profiles if e),
        "train_text_hashes": sorted({text_hash(a.text) for a in annotations}),
    }
    save_model(model, output, info=info)
    return info
