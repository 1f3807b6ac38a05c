"""Shared fixtures: paths to the repository's seeds and shared originals."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_articles():
    from stance.corpus import load_corpus

    return load_corpus([SEEDS])


@pytest.fixture(scope="session")
def korea_nato():
    from stance.profile import load_profile

    return load_profile("korea-nato")
