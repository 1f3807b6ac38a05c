"""The main job: corpus -> records -> summary -> report directory, written atomically.

The report is built in a temporary directory beside the target and moved into place at the
end, so an interrupted run leaves either the previous report or the new one, never half of
each. Only fixed file names are written inside the output directory: no path is ever built
from article metadata.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from stance.profile import Profile

__all__ = ["build_report", "atomic_directory", "report_meta", "lexicon_version"]


class atomic_directory:  # noqa: N801 - used as a context manager, reads like a function
    """Context manager: yields a temporary directory that replaces ``target`` on success."""

    def __init__(self, target: str | Path) -> None:
        self.target = Path(target)

    def __enter__(self) -> Path:
        self.target.parent.mkdir(parents=True, exist_ok=True)
        self.tmp = Path(tempfile.mkdtemp(prefix=f".{self.target.name}.tmp-", dir=self.target.parent))
        return self.tmp

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is not None:
            shutil.rmtree(self.tmp, ignore_errors=True)
            return
        backup = None
        if self.target.exists():
            backup = self.target.with_name(f".{self.target.name}.old-{self.tmp.name[-8:]}")
            self.target.rename(backup)
        self.tmp.rename(self.target)
        if backup is not None:
            shutil.rmtree(backup, ignore_errors=True)


def report_meta(profile: Profile, model, model_name: str, rule: str, skipped: Iterable = ()) -> dict:
    """What the report's method section states: versions, validation figures, skipped inputs."""
    from stance import __version__

    meta = {
        "stance_version": __version__,
        "profile": {"name": profile.name, "source": profile.source, "target": profile.target.label},
        "lexicon_version": lexicon_version(),
        "combine_rule": rule if model is not None else "lexicon",
        "model": _model_meta(model, model_name),
        "validation": _validation_figures(),
        "skipped": [s.to_dict() for s in skipped],
    }
    return meta


def lexicon_version() -> str:
    """The shipped lexicon's identity: entry count and a content digest (changes with any edit)."""
    import hashlib
    from importlib import resources

    data = resources.files("stance").joinpath("data/lexicon.tsv").read_bytes()
    entries = sum(1 for line in data.decode("utf-8").splitlines() if line.strip() and not line.startswith("#"))
    return f"{entries} entries, sha256 {hashlib.sha256(data).hexdigest()[:12]}"


def _model_meta(model, model_name: str) -> dict | None:
    if model is None:
        return None
    info = dict(getattr(model, "info_", {}) or {})
    info.pop("train_text_hashes", None)
    return {"name": model_name, **info}


def _validation_figures() -> list[dict]:
    """Validation figures measured for the shipped model (see docs/method.md)."""
    from importlib import resources

    resource = resources.files("stance").joinpath("data/model/validation.json")
    if not resource.is_file():
        return []
    return json.loads(resource.read_text("utf-8"))


def build_report(
    records: Iterable,
    out_dir: str | Path,
    *,
    profile: Profile,
    meta: Mapping[str, Any] | Callable[[], Mapping[str, Any]],
    bootstrap: int = 2000,
    seed: int = 0,
) -> Path:
    """Summarise ``records`` and write the whole report to ``out_dir`` atomically, in one pass.

    ``records`` may be a generator: each record is aggregated online, written to
    ``data/sentences.csv`` and offered to the report's bounded samples as it arrives, so memory
    does not grow with the corpus. ``meta`` may be a function returning it, called after the
    last record (see :func:`stance.report.write_report`).
    """
    from stance import report
    from stance.aggregate import Aggregator

    final: dict[str, Any] = {}

    def resolved_meta() -> dict[str, Any]:
        final.update(meta() if callable(meta) else meta)
        return final

    aggregator = Aggregator(profile=profile, bootstrap=bootstrap, seed=seed)
    with atomic_directory(out_dir) as tmp:
        report.write_report(records, aggregator, tmp, profile=profile, meta=resolved_meta)
        skipped = final.get("skipped") or []
        if skipped:
            (tmp / "skipped.jsonl").write_text(
                "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in skipped), encoding="utf-8"
            )
    return Path(out_dir)
