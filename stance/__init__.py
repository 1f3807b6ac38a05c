"""stance: whose voice does each outlet carry about an event, and how does each voice lean?

The public library API. Each stage is a plain function over frozen dataclasses::

    import stance
    articles = stance.load_corpus(["seeds"])
    profile = stance.load_profile("korea-nato")
    sentences = stance.split_sentences(articles[0].text)
"""

from stance.aggregate import Summary, summarize
from stance.authoring import Coverage, Draft, draft_profile, profile_coverage
from stance.corpus import Article, iter_articles, load_corpus
from stance.errors import InputError, StanceError
from stance.profile import Profile, load_profile
from stance.records import SentenceRecord
from stance.text import Sentence, split_sentences
from stance.voices import Attribution, attribute

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
