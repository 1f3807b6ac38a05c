"""A scikit-learn stance classifier that researchers can retrain on their own hand coding.

Features are word n-grams and character n-grams (TF-IDF), the lexicon module's numeric
scores for the sentence, the kind of voice that speaks (outlet narration, a profile actor,
another speaker), and the *voice context*: how the other sentences of the same article spoken by
the same voice lean. A voice is consistent within an article (a ministry that calls a pact a
provocation in one sentence does not praise it in the next, and a state outlet's narration
keeps its line), so a sentence with no explicit cue ("The people were not asked," she said)
borrows the lean of its speaker's other sentences. This is stacking (Wolpert 1992) in the way of
collective classification: a first-stage model scores every sentence; its out-of-fold scores on
the training data (folds grouped by article, so no sentence sees a model trained on its own
article) give the context features of the second stage. Leave-one-event-out macro-F1 rose from
0.794 to 0.818 with it (1,361 sentences, 15 events; ``benchmarks/validate.py``).

A multinomial logistic regression learns the weights; its probabilities are
calibrated by temperature scaling (Guo et al. 2017) fitted on out-of-fold scores, so a
probability of 0.8 means right about 80 % of the time on data like the training data.

The estimator follows scikit-learn's contract (``__init__`` stores parameters, ``fit`` returns
``self``, learned attributes end in ``_``), so it works in ``Pipeline``, ``clone`` and
``GridSearchCV``. ``X`` is a sequence of sentences: plain strings, or mappings with ``text`` and
optionally ``voice``, ``lexicon`` (the :class:`~stance.lexicon.LexiconScore` features; computed
with the generic lexicon when absent) and ``doc`` (the article the sentence belongs to: the voice
context is computed among the rows of ``X`` with the same ``doc`` and ``voice``, so pass whole
articles; rows without ``doc`` have no context).

Models are saved as NumPy arrays plus JSON in one ``.npz`` file, loaded with
``allow_pickle=False`` and checked against a SHA-256 digest: loading a model never runs code,
and a tampered or foreign file is refused with a clear error (:mod:`stance.modelio`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from itertools import repeat

import numpy as np
from scipy import sparse
from scipy.optimize import minimize_scalar
from scipy.special import log_softmax, softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.preprocessing import normalize
from sklearn.utils.extmath import safe_sparse_dot
from sklearn.utils.validation import check_is_fitted

from stance.lexicon import LexiconScorer

try:  # the kernels behind sklearn.preprocessing.normalize (private module: fall back if it moves)
    from sklearn.utils.sparsefuncs_fast import inplace_csr_row_normalize_l1, inplace_csr_row_normalize_l2

    _ROW_KERNELS = {"l1": inplace_csr_row_normalize_l1, "l2": inplace_csr_row_normalize_l2}
except ImportError:  # pragma: no cover - depends on the scikit-learn release
    _ROW_KERNELS = {}

__all__ = ["StanceClassifier", "VOICE_KINDS", "CONTEXT_FEATURES", "voice_kind", "as_example", "voice_context"]

#: The voice feature: what kind of voice speaks, independent of the event's actor ids.
VOICE_KINDS = ("outlet", "actor", "other")
#: The voice-context features: mean first-stage score of the same voice's other sentences in
#: the article, and whether it has any.
CONTEXT_FEATURES = ("context_score", "context_present")


def voice_kind(voice: str | None) -> str:
    """Map a record voice to a feature value that carries across events."""
    if voice in (None, "", "outlet"):
        return "outlet"
    if voice == "other":
        return "other"
    return "actor"


def as_example(item: object) -> Mapping:
    """Normalise one input row to a mapping with at least ``text``."""
    if isinstance(item, str):
        return {"text": item}
    if isinstance(item, Mapping) and isinstance(item.get("text"), str):
        return item
    raise TypeError(f"StanceClassifier expects strings or mappings with a 'text' key, got {type(item).__name__}")


class StanceClassifier(ClassifierMixin, BaseEstimator):
    """Stance toward a target from text, lexicon scores and voice.

    Parameters
    ----------
    C : float, default=8.0
        Inverse regularisation strength of the logistic regression.
    word_ngrams : tuple of int, default=(1, 2)
        Word n-gram range.
    char_ngrams : tuple of int, default=(2, 5)
        Character n-gram range (within word boundaries).
    use_lexicon : bool, default=True
        Add the lexicon module's scores as features.
    use_voice : bool, default=True
        Add the voice kind (outlet / actor / other) as features.
    lexicon_weight : float, default=1.0
        Scale of the lexicon and voice features relative to the n-gram block.
    class_weight : "balanced" or None, default="balanced"
        Class weights of the logistic regression.
    calibration_folds : int, default=3
        Folds for the out-of-fold scores that temperature scaling is fitted on; 0 disables it.
    random_state : int, default=0
        Seed for the calibration folds.
    exclude_features : tuple of str, default=()
        Lexicon features to leave out (e.g. ``("vader",)``).
    use_context : bool, default=True
        Add the voice-context features (see the module docstring); needs ``doc`` in the rows.
    context_folds : int, default=5
        Folds (grouped by ``doc``) for the out-of-fold first-stage scores the context is fitted on.

    Attributes
    ----------
    classes_ : ndarray of str
    context_model_ : LogisticRegression or None
        The first-stage model whose scores make the voice context (``None`` without context).
    temperature_ : float
        Divides the logits before the softmax; > 1 softens over-confident probabilities.

    Examples
    --------
    >>> clf = StanceClassifier().fit(texts, labels)        # doctest: +SKIP
    >>> clf.predict_proba(["NATO welcomed the step."])      # doctest: +SKIP
    """

    def __init__(
        self,
        C: float = 8.0,
        word_ngrams: tuple[int, int] = (1, 2),
        char_ngrams: tuple[int, int] = (2, 5),
        use_lexicon: bool = True,
        use_voice: bool = True,
        lexicon_weight: float = 1.0,
        class_weight: str | None = "balanced",
        calibration_folds: int = 3,
        random_state: int = 0,
        exclude_features: tuple[str, ...] = (),
        use_context: bool = True,
        context_folds: int = 5,
    ) -> None:
        self.C = C
        self.word_ngrams = word_ngrams
        self.char_ngrams = char_ngrams
        self.use_lexicon = use_lexicon
        self.use_voice = use_voice
        self.lexicon_weight = lexicon_weight
        self.class_weight = class_weight
        self.calibration_folds = calibration_folds
        self.random_state = random_state
        self.exclude_features = exclude_features
        self.use_context = use_context
        self.context_folds = context_folds

    # -- fitting -------------------------------------------------------------------------
    def fit(self, X: Sequence, y: Sequence[str]) -> StanceClassifier:
        """Learn vectorisers, weights and the calibration temperature."""
        examples = [as_example(item) for item in X]
        y = np.asarray(y, dtype=str)
        if len(examples) != len(y):
            raise ValueError(f"X has {len(examples)} rows but y has {len(y)}")
        if len(set(y)) < 2:
            raise ValueError("need at least two stance classes to fit a classifier")
        texts = [e["text"] for e in examples]
        self.__dict__.pop("_fast_tfidf", None)  # caches of the previous fit's vectorizers
        self.word_vectorizer_ = self._word_vectorizer().fit(texts)
        self.char_vectorizer_ = self._char_vectorizer().fit(texts)
        self.dense_features_ = self._dense_names(examples)
        matrix = self._matrix(examples)
        self.context_model_ = None
        if self.use_context:
            self.context_model_ = self._logistic().fit(matrix, y)
            scores = self._out_of_fold_scores(matrix, y, examples)
            matrix = self._with_context(matrix, voice_context(examples, scores))
        self.model_ = self._logistic().fit(matrix, y)
        self.classes_ = self.model_.classes_
        self.temperature_ = self._fit_temperature(matrix, y)
        return self

    def _out_of_fold_scores(self, matrix, y: np.ndarray, examples: Sequence[Mapping]) -> np.ndarray:
        """First-stage scores of the training rows, each from a model fitted without its article."""
        groups = np.array([_doc_key(e, i) for i, e in enumerate(examples)])
        folds = min(self.context_folds, len(set(groups)))
        if folds < 2:
            return _lean(self.context_model_, matrix)
        scores = np.zeros(len(y))
        for train, test in GroupKFold(n_splits=folds).split(matrix, y, groups):
            if len(set(y[train])) < 2:  # a fold with one class cannot say how anything leans
                continue
            scores[test] = _lean(self._logistic().fit(matrix[train], y[train]), matrix[test])
        return scores

    def _with_context(self, matrix, context: np.ndarray):
        """``matrix`` with the voice-context columns (:func:`voice_context`) appended."""
        return sparse.hstack([matrix, sparse.csr_matrix(context * self.lexicon_weight)], format="csr")

    def _word_vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(
            ngram_range=tuple(self.word_ngrams),
            sublinear_tf=True,
            min_df=1,
            token_pattern=r"(?u)\b\w[\w'-]*\b",
        )

    def _char_vectorizer(self) -> TfidfVectorizer:
        return TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=tuple(self.char_ngrams),
            sublinear_tf=True,
            min_df=2,
            max_features=60000,
        )

    def _logistic(self) -> LogisticRegression:
        return LogisticRegression(C=self.C, class_weight=self.class_weight, max_iter=3000)

    def _dense_names(self, examples: Sequence[Mapping]) -> list[str]:
        names: list[str] = []
        if self.use_voice:
            names += [f"voice={kind}" for kind in VOICE_KINDS]
        if self.use_lexicon:
            names += sorted(set(self._lexicon_features(examples[0])) - set(self.exclude_features))
        return names

    def _fit_temperature(self, matrix, y: np.ndarray) -> float:
        """Temperature that minimises the log-loss of out-of-fold logits."""
        folds = min(self.calibration_folds, int(np.min(np.unique(y, return_counts=True)[1])))
        if folds < 2:
            return 1.0
        logits = np.zeros((len(y), len(self.classes_)))
        splitter = StratifiedKFold(folds, shuffle=True, random_state=self.random_state)
        for train, test in splitter.split(np.zeros(len(y)), y):
            fold = self._logistic().fit(matrix[train], y[train])
            columns = [list(self.classes_).index(c) for c in fold.classes_]
            logits[np.ix_(test, columns)] = _logits(fold, matrix[test])
        target = np.searchsorted(self.classes_, y)

        def loss(log_t: float) -> float:
            return -float(np.mean(log_softmax(logits / np.exp(log_t), axis=1)[np.arange(len(y)), target]))

        result = minimize_scalar(loss, bounds=(-3.0, 3.0), method="bounded")
        return float(np.exp(result.x))

    # -- features ------------------------------------------------------------------------
    def _lexicon_features(self, example: Mapping) -> Mapping[str, float]:
        given = example.get("lexicon")
        if given is not None:
            return given
        return LexiconScorer.from_profile(None).score(example["text"], example.get("voice")).features

    def _dense_row(self, example: Mapping) -> list[float]:
        values: dict[str, float] = {}
        if self.use_voice:
            values[f"voice={voice_kind(example.get('voice'))}"] = 1.0
        if self.use_lexicon:
            values.update(self._lexicon_features(example))
        return [float(values.get(name, 0.0)) for name in self.dense_features_]

    def _matrix(self, examples: Sequence[Mapping]):
        texts = [e["text"] for e in examples]
        blocks = [self._tfidf(self.word_vectorizer_, texts), self._tfidf(self.char_vectorizer_, texts)]
        if self.dense_features_:
            dense = np.array([self._dense_row(e) for e in examples], dtype=float)
            blocks.append(sparse.csr_matrix(dense * self.lexicon_weight))
        return sparse.hstack(blocks, format="csr")

    def _tfidf(self, vectorizer: TfidfVectorizer, texts: Sequence[str]):
        """``vectorizer.transform(texts)``, by :class:`_FastTfidf` when it can (same matrix, faster)."""
        cache = self.__dict__.setdefault("_fast_tfidf", {})  # per vectorizer: (it, its fast path)
        kept = cache.get(id(vectorizer))
        if kept is None or kept[0] is not vectorizer:
            kept = cache[id(vectorizer)] = (
                vectorizer,
                _FastTfidf(vectorizer) if _FastTfidf.supports(vectorizer) else None,
            )
        return kept[1].transform(texts) if kept[1] is not None else vectorizer.transform(texts)

    # -- prediction ----------------------------------------------------------------------
    def decision_function(self, X: Sequence) -> np.ndarray:
        """Calibrated logits, one column per class in ``classes_`` order."""
        return self._decide(X)[0]

    def predict_proba_explained(self, X: Sequence) -> tuple[np.ndarray, np.ndarray | None]:
        """:meth:`predict_proba` and the voice-context features behind it (``None`` without context).

        The context array has the columns of :data:`CONTEXT_FEATURES`, one row per sentence, so
        a record can say how much its speaker's other sentences moved it.
        """
        logits, context = self._decide(X)
        return softmax(logits, axis=1), context

    def _decide(self, X: Sequence) -> tuple[np.ndarray, np.ndarray | None]:
        check_is_fitted(self, "model_")
        examples = [as_example(item) for item in X]
        matrix = self._matrix(examples)
        context = None
        if getattr(self, "context_model_", None) is not None:
            context = voice_context(examples, _lean(self.context_model_, matrix))
            matrix = self._with_context(matrix, context)
        return _logits(self.model_, matrix) / self.temperature_, context

    def predict_proba(self, X: Sequence) -> np.ndarray:
        """Calibrated class probabilities, columns in ``classes_`` order."""
        return softmax(self.decision_function(X), axis=1)

    def predict(self, X: Sequence) -> np.ndarray:
        """The most probable stance per row."""
        scores = self.decision_function(X)  # checks that the model is fitted first
        return self.classes_[np.argmax(scores, axis=1)]


def _doc_key(example: Mapping, index: int) -> str:
    """The article a row belongs to; a row without one is an article of its own."""
    doc = example.get("doc")
    return f"doc:{doc}" if doc is not None else f"row:{index}"


def voice_context(examples: Sequence[Mapping], scores: Sequence[float]) -> np.ndarray:
    """Per row, the mean score of the *other* rows of its article spoken by the same voice.

    Returns an array with the columns of :data:`CONTEXT_FEATURES`: that mean (0 when the voice
    says nothing else in the article) and 1 or 0 for whether there is any such row. Rows without
    a ``doc`` have no context.

    >>> rows = [{"doc": "a", "voice": "x"}, {"doc": "a", "voice": "x"}, {"doc": "a", "voice": "y"}]
    >>> voice_context(rows, [0.5, -1.0, 0.9]).tolist()
    [[-1.0, 1.0], [0.5, 1.0], [0.0, 0.0]]
    """
    totals: dict[tuple[str, str], list[float]] = {}
    keys = []
    for i, (example, score) in enumerate(zip(examples, scores, strict=True)):
        key = (_doc_key(example, i), example.get("voice") or "outlet")
        keys.append(key)
        total = totals.setdefault(key, [0.0, 0])
        total[0] += float(score)
        total[1] += 1
    out = np.zeros((len(keys), len(CONTEXT_FEATURES)))
    for i, (key, score) in enumerate(zip(keys, scores, strict=True)):
        total, count = totals[key]
        if count > 1:
            out[i] = ((total - float(score)) / (count - 1), 1.0)
    return out


def _lean(model: LogisticRegression, matrix) -> np.ndarray:
    """P(favor) − P(against) per row (0 for a class the model does not know)."""
    proba = softmax(_logits(model, matrix), axis=1)
    classes = list(model.classes_)
    lean = np.zeros(len(proba))
    if "favor" in classes:
        lean += proba[:, classes.index("favor")]
    if "against" in classes:
        lean -= proba[:, classes.index("against")]
    return lean


def _logits(model: LogisticRegression, matrix) -> np.ndarray:
    """Per-class logits; a binary model's single score becomes two symmetric columns."""
    scores = _decision(model, matrix)
    if scores.ndim == 1:
        return np.column_stack([-scores / 2, scores / 2])
    return scores


def _decision(model: LogisticRegression, matrix) -> np.ndarray:
    """``model.decision_function(matrix)``, without its input checks for the matrices built here.

    The checks (dtype, format, finiteness, data-frame detection) cost more than the product for
    one article's few sentences; the arithmetic is scikit-learn's own, so the scores are equal.
    Anything but a CSR float64 matrix of the right width goes through scikit-learn.
    """
    coef = getattr(model, "coef_", None)
    if (
        coef is None
        or not _is_csr64(matrix)
        or matrix.shape[1] != coef.shape[1]
        or not np.isfinite(matrix.data).all()  # scikit-learn's error for NaN and infinity
    ):
        return model.decision_function(matrix)
    scores = safe_sparse_dot(matrix, coef.T, dense_output=True) + model.intercept_
    return scores.reshape(-1) if scores.shape[1] == 1 else scores


def _is_csr64(matrix) -> bool:
    return sparse.issparse(matrix) and matrix.format == "csr" and matrix.dtype == np.float64


def _normalize_rows(matrix, norm: str):
    """``normalize(matrix, norm)`` for the CSR float64 matrices built here, without input checks.

    Calls the same in-place row kernels scikit-learn's ``normalize`` calls, so the values are
    equal; any other input goes through ``normalize``.
    """
    if norm in _ROW_KERNELS and _is_csr64(matrix):
        _ROW_KERNELS[norm](matrix)
        return matrix
    return normalize(matrix, norm=norm, copy=False)


class _FastTfidf:
    """A fitted ``TfidfVectorizer``'s ``transform``, computed faster, giving the same matrix.

    scikit-learn's analyzers build every n-gram string of every sentence and count them in a
    Python loop. Here the character n-grams of each distinct word are looked up in the
    vocabulary once and cached (words repeat a lot in news), word n-grams are looked up
    directly, and the counts are summed by SciPy. The count matrix is the one scikit-learn
    builds (same analyzer rules: lower-casing, ``char_wb`` padding, token pattern), and the
    TF-IDF weighting below is the same sequence of NumPy operations as
    ``TfidfTransformer.transform``, so the result is identical to the last bit (a test checks).
    Only the two analyzers the classifier uses are handled (:meth:`supports`).
    """

    #: Distinct words whose character n-grams are cached; the cache starts over beyond this.
    CACHE_WORDS = 50_000
    #: Batches whose ``rows * vocabulary`` keys stay below this are counted with 32-bit keys,
    #: which sort in about half the time of 64-bit ones; larger batches use 64-bit keys.
    KEYS32_BELOW = 2**31

    def __init__(self, vectorizer: TfidfVectorizer) -> None:
        self.vectorizer = vectorizer
        self.vocabulary = vectorizer.vocabulary_
        self.low, self.high = vectorizer.ngram_range
        self.idf = vectorizer.idf_ if vectorizer.use_idf else None
        self.token_re = re.compile(vectorizer.token_pattern) if vectorizer.analyzer == "word" else None
        self._words: dict[str, tuple[int, ...]] = {}

    @staticmethod
    def supports(vectorizer: TfidfVectorizer) -> bool:
        """Whether the vectorizer's settings are the ones this class reproduces exactly."""
        v = vectorizer
        return (
            v.analyzer in ("word", "char_wb")
            and v.input == "content"
            and v.lowercase
            and v.preprocessor is None
            and v.tokenizer is None
            and v.strip_accents is None
            and v.stop_words is None
            and v.norm in ("l2", "l1", None)
            and np.dtype(v.dtype) == np.float64
            and (v.analyzer != "word" or re.compile(v.token_pattern).groups == 0)
            and hasattr(v, "vocabulary_")
        )

    def transform(self, texts: Sequence[str]):
        columns: list[int] = []
        lengths: list[int] = []
        count = self._char_columns if self.token_re is None else self._word_columns
        for text in texts:
            before = len(columns)
            count(text.lower(), columns)
            lengths.append(len(columns) - before)
        matrix = self._count_matrix(columns, lengths)
        if self.vectorizer.sublinear_tf:
            np.log(matrix.data, matrix.data)
            matrix.data += 1.0
        if self.idf is not None:
            matrix.data *= self.idf[matrix.indices]
        if self.vectorizer.norm is not None and matrix.shape[0]:  # scikit-learn refuses 0 rows
            matrix = _normalize_rows(matrix, self.vectorizer.norm)
        return matrix

    def _count_matrix(self, columns: list[int], lengths: list[int]):
        """The count matrix, in canonical form (summed duplicates, sorted indices).

        ``columns`` holds each row's vocabulary columns in turn (``lengths`` says how many per
        row; ``-1`` is a miss). One ``np.unique`` over ``row * width + column`` keys sums and
        sorts them all at once, which is about 2.5 times faster than letting SciPy sum the
        duplicates row by row.
        """
        width = len(self.vocabulary)
        dtype = np.int32 if len(lengths) * width < self.KEYS32_BELOW else np.int64
        flat = np.fromiter(columns, dtype=dtype, count=len(columns))
        rows = np.repeat(np.arange(len(lengths), dtype=dtype), lengths)
        hits = flat >= 0
        keys, counts = np.unique(rows[hits] * width + flat[hits], return_counts=True)
        row_of = keys // width
        indptr = np.zeros(len(lengths) + 1, dtype=np.int32)
        np.cumsum(np.bincount(row_of, minlength=len(lengths)), out=indptr[1:])
        indices = (keys - row_of * width).astype(np.int32)
        matrix = sparse.csr_matrix((counts.astype(np.float64), indices, indptr), shape=(len(lengths), width))
        matrix.has_canonical_format = True
        return matrix

    def _char_columns(self, text: str, columns: list[int]) -> None:
        words = self._words
        for word in text.split():
            found = words.get(word)
            if found is None:
                if len(words) >= self.CACHE_WORDS:
                    words.clear()
                found = words[word] = self._char_ngrams(word)
            columns.extend(found)

    def _char_ngrams(self, word: str) -> tuple[int, ...]:
        """Vocabulary columns of the padded word's character n-grams (``_char_wb_ngrams``)."""
        padded = f" {word} "
        size = len(padded)
        vocabulary = self.vocabulary
        found = []
        for n in range(self.low, self.high + 1):
            offset = 0
            found.append(vocabulary.get(padded[offset : offset + n]))
            while offset + n < size:
                offset += 1
                found.append(vocabulary.get(padded[offset : offset + n]))
            if offset == 0:  # a word shorter than n counts once
                break
        return tuple(column for column in found if column is not None)

    def _word_columns(self, text: str, columns: list[int]) -> None:
        """Append the column of every word n-gram, ``-1`` for one outside the vocabulary."""
        tokens = self.token_re.findall(text)
        vocabulary = self.vocabulary
        get = vocabulary.get
        for n in range(self.low, self.high + 1):
            if n == 1:
                grams = tokens
            elif n == 2:
                grams = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
            else:
                grams = [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
            columns.extend(map(get, grams, repeat(-1)))
