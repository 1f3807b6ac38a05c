"""VADER valence (Hutto & Gilbert 2014) from the lexicon that ships inside ``vaderSentiment``.

nltk's :class:`~nltk.sentiment.vader.SentimentIntensityAnalyzer` normally reads its lexicon
from an ``nltk_data`` download. The house rule is *no network at run time*, so instead we point
nltk at the ``vader_lexicon.txt`` that the ``vaderSentiment`` package ships: its folder goes on
``nltk.data.path`` and the analyzer is given the relative name (nltk refuses absolute paths).
``nltk.download`` is never called. The analyzer is built once per process.

VADER measures *sentiment* (pleasant vs unpleasant words), not *stance* toward a target; it is
kept as the baseline every stance method must beat, and as one weak feature.
"""

from __future__ import annotations

import os
from functools import lru_cache

import nltk.data
import vaderSentiment
from nltk.sentiment.vader import SentimentIntensityAnalyzer

__all__ = [
    "VADER_LEXICON_FILE",
    "VADER_THRESHOLD",
    "vader_analyzer",
    "vader_valence",
    "vader_stance",
]

#: File name of the lexicon inside the ``vaderSentiment`` package folder.
VADER_LEXICON_FILE = "vader_lexicon.txt"
#: The usual VADER decision threshold on the compound score (Hutto & Gilbert 2014).
VADER_THRESHOLD = 0.05


@lru_cache(maxsize=1)
def vader_analyzer() -> SentimentIntensityAnalyzer:
    """The nltk VADER analyzer reading the lexicon shipped in ``vaderSentiment``; built once.

    The package folder is appended (not prepended) to ``nltk.data.path`` so that it never
    shadows a resource a user's own ``nltk_data`` provides, and only once per process.
    """
    folder = os.path.dirname(vaderSentiment.__file__)
    if folder not in nltk.data.path:
        nltk.data.path.append(folder)
    return SentimentIntensityAnalyzer(lexicon_file=VADER_LEXICON_FILE)


def vader_valence(text: str) -> float:
    """VADER's compound valence of ``text``, in [-1, 1].

    Examples
    --------
    >>> vader_valence("This is a great step.") > 0
    True
    """
    return float(vader_analyzer().polarity_scores(text)["compound"])


def vader_stance(text: str) -> tuple[str, float]:
    """The VADER-only stance baseline: valence read as stance.

    Returns
    -------
    (label, compound)
        ``"favor"`` when compound >= 0.05, ``"against"`` when <= -0.05, else ``"neutral"``.
    """
    compound = vader_valence(text)
    if compound >= VADER_THRESHOLD:
        return "favor", compound
    if compound <= -VADER_THRESHOLD:
        return "against", compound
    return "neutral", compound
