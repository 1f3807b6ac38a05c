"""stance: whose voice does each outlet carry about an event, and how does each voice lean?

The public library API. Each stage is a plain function over frozen dataclasses::

    import stance
    articles = stance.load_corpus(["seeds"])
    profile = stance.load_profile("korea-nato")
    sentences = stance.split_sentences(articles[0].text)
"""

import importlib

#: Where each public name lives. They are imported on first use (PEP 562), so that ``import
#: stance`` and the command line start without loading scikit-learn, nltk and matplotlib until
#: a stage needs them, and a Ctrl-C while they load ends quietly (see :mod:`stance.launch`).
_EXPORTS = {
    "Summary": "stance.aggregate",
    "summarize": "stance.aggregate",
    "Coverage": "stance.authoring",
    "Draft": "stance.authoring",
    "draft_profile": "stance.authoring",
    "profile_coverage": "stance.authoring",
    "Article": "stance.corpus",
    "iter_articles": "stance.corpus",
    "load_corpus": "stance.corpus",
    "InputError": "stance.errors",
    "StanceError": "stance.errors",
    "Profile": "stance.profile",
    "load_profile": "stance.profile",
    "SentenceRecord": "stance.records",
    "Sentence": "stance.text",
    "split_sentences": "stance.text",
    "Attribution": "stance.voices",
    "attribute": "stance.voices",
}

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Coverage",
    "Draft",
    "InputError",
    "Profile",
    "Sentence",
    "SentenceRecord",
    "StanceError",
    "Summary",
    "attribute",
    "draft_profile",
    "iter_articles",
    "load_corpus",
    "load_profile",
    "profile_coverage",
    "split_sentences",
    "summarize",
    "__version__",
]


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'stance' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
