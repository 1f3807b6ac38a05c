"""The package's public names: what ``import stance`` promises research code."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import SEEDS

import stance


@pytest.mark.parametrize("name", stance.__all__)
def test_every_public_name_resolves(name):
    assert getattr(stance, name) is not None
    assert name in dir(stance)


def test_the_package_docstring_example_runs(seed_articles):
    articles = stance.load_corpus([SEEDS])
    profile = stance.load_profile("korea-nato")
    sentences = stance.split_sentences(articles[0].text)
    assert sentences and profile.actors and articles[0].id == seed_articles[0].id


def test_unknown_names_are_attribute_errors():
    with pytest.raises(AttributeError, match="no attribute 'analyse'"):
        stance.analyse  # noqa: B018


def test_import_stance_does_not_load_the_heavy_stages():
    """``import stance`` is cheap; a stage loads when first used (and so does its library)."""
    code = "import sys, stance; print(sorted(m for m in ('sklearn', 'matplotlib', 'nltk') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
