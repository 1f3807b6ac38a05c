"""Article -> sentence records: the one place where the stages are put together.

``corpus -> text -> voices -> scoring -> records``. An :class:`Analyzer` is built once per
profile and model (compiled alias and cue matchers, the loaded classifier) and then applied
to articles one at a time, so a corpus streams through in constant memory.

How the two stance modules combine into the record's ``stance`` is :func:`combine`, a rule
chosen by measurement (grouped cross-validation, ``stance evaluate --compare``) and documented
in ``docs/method.md``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from stance.corpus import Article
from stance.frames import FrameTagger
from stance.lexicon import LexiconScore, LexiconScorer
from stance.profile import Profile
from stance.records import SentenceRecord, record_from_values
from stance.text import split_sentences
from stance.voices import Attribution, attribute

__all__ = ["Analyzer", "analyze", "combine", "Decision", "COMBINE_RULES", "DEFAULT_RULE"]

#: Ways to combine the lexicon and the classifier; see :func:`combine`.
COMBINE_RULES = ("lexicon", "classifier", "blend")
#: The rule the pipeline uses unless told otherwise (chosen by grouped cross-validation).
DEFAULT_RULE = "classifier"
#: Weight of the classifier's distribution in the blend (the lexicon gets the rest).
BLEND_WEIGHT = 0.6
#: Smallest voice-context lean worth a ``context:`` cue in a record (nearer 0 it explains nothing).
CONTEXT_CUE_MIN = 0.05
#: Distinct sentences whose lexicon score and frames an :class:`Analyzer` remembers.
SENTENCE_CACHE = 1 << 14
#: Probability mass the lexicon puts on its own label, scaled by its confidence, in the blend.
_LEXICON_SHARPNESS = 0.9


@dataclass(frozen=True)
class Decision:
    """The stance fields of one record."""

    stance: str
    score: float
    confidence: float
    cues: tuple[str, ...]


def combine(
    lexicon: LexiconScore,
    proba: dict[str, float] | None,
    rule: str = DEFAULT_RULE,
) -> Decision:
    """Combine the lexicon's score and the classifier's probabilities into one decision.

    Rules
    -----
    ``"lexicon"``
        The lexicon's label, score and confidence.
    ``"classifier"``
        The most probable class; score = P(favor) − P(against); confidence = its probability.
    ``"blend"``
        The lexicon's label becomes a distribution (its confidence decides how sharp), which is
        averaged with the classifier's probabilities (:data:`BLEND_WEIGHT` to the classifier).
        Transparent cues thus still move the decision, and the classifier settles what
        the cues do not cover.

    Without a classifier (``proba is None``) every rule falls back to the lexicon.
    """
    if rule not in COMBINE_RULES:
        raise ValueError(f"unknown combine rule {rule!r}; use one of {COMBINE_RULES}")
    if proba is None or rule == "lexicon":
        return Decision(lexicon.stance, lexicon.score + 0.0, lexicon.confidence, lexicon.cues)
    if rule == "blend":
        lex = _lexicon_distribution(lexicon)
        proba = {k: BLEND_WEIGHT * proba.get(k, 0.0) + (1 - BLEND_WEIGHT) * lex[k] for k in lex}
    stance = max(proba, key=lambda k: (proba[k], k == "neutral"))
    favor, against = proba.get("favor", 0.0), proba.get("against", 0.0)
    score = min(1.0, max(-1.0, float(favor - against)))
    model_cue = f"model:favor={proba['favor']:.2f},neutral={proba['neutral']:.2f},against={proba['against']:.2f}"
    # "+ 0.0" turns a negative zero into 0.0, so records never show "-0.00"
    return Decision(stance, round(score, 4) + 0.0, round(float(proba[stance]), 4), (*lexicon.cues, model_cue))


def _lexicon_distribution(lexicon: LexiconScore) -> dict[str, float]:
    sharp = _LEXICON_SHARPNESS * float(lexicon.confidence)
    rest = (1.0 - sharp) / 3.0
    dist = {"favor": rest, "neutral": rest, "against": rest}
    dist[lexicon.stance] += sharp
    return dist


class Analyzer:
    """Everything needed to turn articles into records, built once.

    Parameters
    ----------
    profile
        The event profile (target, actors, extra cues and frames).
    model
        A fitted :class:`~stance.classifier.StanceClassifier`, or ``None`` for lexicon only.
    rule
        How lexicon and classifier combine (:data:`COMBINE_RULES`).
    """

    def __init__(self, profile: Profile, model=None, rule: str = DEFAULT_RULE) -> None:
        if rule not in COMBINE_RULES:
            raise ValueError(f"unknown combine rule {rule!r}; use one of {COMBINE_RULES}")
        self.profile = profile
        self.model = model
        self.rule = rule
        self.scorer = LexiconScorer.from_profile(profile)
        self.tagger = FrameTagger.from_profile(profile)
        # A sentence's lexicon score depends only on its text and voice, its frames only on its
        # text: news repeats sentences (wire copy in many outlets, standard background lines),
        # so both are remembered for the last SENTENCE_CACHE sentences of this analyzer.
        self._score = functools.lru_cache(maxsize=SENTENCE_CACHE)(self.scorer.score)
        self._tag = functools.lru_cache(maxsize=SENTENCE_CACHE)(self.tagger.tag)

    def analyze_article(self, article: Article) -> list[SentenceRecord]:
        """All sentence records of one article, in reading order."""
        return self.analyze_articles([article])[0]

    def analyze_articles(self, articles: Sequence[Article]) -> list[list[SentenceRecord]]:
        """The records of each article of a small batch, with one classifier call for all.

        Batching only saves the classifier's per-call overhead: every row is vectorised and
        scored with its own article only (the voice context never crosses articles), so an
        article's records are the same in any batch.
        """
        parsed = []
        for article in articles:
            sentences = split_sentences(article.text)
            attributions = attribute(article, self.profile, sentences) if sentences else []
            lexicon = [self._score(s.text, a.voice) for s, a in zip(sentences, attributions, strict=True)]
            parsed.append((article, sentences, attributions, lexicon))
        probas = iter(
            self._probabilities(
                [s for _, sentences, _, _ in parsed for s in sentences],
                [a for _, _, attributions, _ in parsed for a in attributions],
                [lex for _, _, _, lexicon in parsed for lex in lexicon],
                [article.id for article, sentences, _, _ in parsed for _ in sentences],
            )
        )
        return [
            self._records(article, sentences, attributions, lexicon, probas)
            for article, sentences, attributions, lexicon in parsed
        ]

    def _records(self, article, sentences, attributions, lexicon, probas: Iterator) -> list[SentenceRecord]:
        records = []
        for sentence, attribution, lex in zip(sentences, attributions, lexicon, strict=True):
            proba, context_cues = next(probas)
            decision = combine(lex, proba, self.rule)
            records.append(
                record_from_values(
                    article.id,
                    article.outlet,
                    article.title,
                    article.date,
                    article.url,
                    sentence.index,
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    attribution.voice,
                    attribution.speaker,
                    attribution.quote,
                    decision.stance,
                    decision.score,
                    decision.confidence,
                    self._tag(sentence.text),
                    decision.cues + context_cues,
                )
            )
        return records

    def _probabilities(
        self,
        sentences: Sequence,
        attributions: Sequence[Attribution],
        lexicon: Sequence[LexiconScore],
        docs: Sequence[str],
    ) -> list[tuple[dict[str, float] | None, tuple[str, ...]]]:
        """Classifier probabilities for a batch of whole articles in one call (or Nones), with cues.

        ``docs`` names each sentence's article: the classifier's voice context is computed
        among the sentences of one article, so a record does not depend on the batch. The cue
        ``context:+0.62`` says how the same voice's other sentences of the article lean (the
        first-stage score, see :mod:`stance.classifier`), when it speaks more than once and
        they lean at least :data:`CONTEXT_CUE_MIN` either way.
        """
        if self.model is None or self.rule == "lexicon" or not sentences:
            return [(None, ())] * len(sentences)
        rows = [
            {"text": s.text, "voice": a.voice, "lexicon": lex.features, "doc": doc}
            for s, a, lex, doc in zip(sentences, attributions, lexicon, docs, strict=True)
        ]
        explained = getattr(self.model, "predict_proba_explained", None)
        matrix, context = explained(rows) if explained else (self.model.predict_proba(rows), None)
        classes = [str(c) for c in self.model.classes_]
        probas = [dict(zip(classes, row, strict=True)) for row in np.asarray(matrix, dtype=float).tolist()]
        if context is None:
            return [(proba, ()) for proba in probas]
        return [
            (proba, (f"context:{lean:+.2f}",) if present and abs(lean) >= CONTEXT_CUE_MIN else ())
            for proba, (lean, present) in zip(probas, context.tolist(), strict=True)
        ]

    def analyze(self, articles: Iterable[Article]) -> Iterator[SentenceRecord]:
        """Records of many articles, streamed one article at a time."""
        for article in articles:
            yield from self.analyze_article(article)


def analyze(
    articles: Iterable[Article], profile: Profile, model=None, rule: str = DEFAULT_RULE
) -> Iterator[SentenceRecord]:
    """Stream :class:`SentenceRecord` for ``articles`` (see :class:`Analyzer`)."""
    return Analyzer(profile, model, rule).analyze(articles)
