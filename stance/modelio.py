"""Save and load :class:`~stance.classifier.StanceClassifier` models without pickle.

A model file is a NumPy ``.npz`` archive of plain arrays (vocabularies as unicode arrays,
weights as floats) and one JSON document of metadata. It is read with ``allow_pickle=False``,
so loading can never execute code, and every array is covered by a SHA-256 digest stored in
the metadata, so a modified or truncated file is refused instead of giving quietly wrong
stances. The format has a version number; a file from another format version is refused with a
message saying which version it is and which one this ``stance`` reads.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from importlib import resources
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from stance.classifier import CONTEXT_FEATURES, StanceClassifier
from stance.errors import InputError

__all__ = ["save_model", "load_model", "default_model", "FORMAT", "FORMAT_VERSION"]

FORMAT = "stance-model"
FORMAT_VERSION = 2
#: Versions this ``stance`` reads: 1 had no voice-context stage (read as ``use_context=False``).
READABLE_VERSIONS = (1, 2)
_ARRAYS = ("word_vocab", "word_idf", "char_vocab", "char_idf", "coef", "intercept", "classes")
#: Arrays of the first-stage model of the voice context (format 2, models with ``use_context``).
_CONTEXT_ARRAYS = ("context_coef", "context_intercept")


def save_model(model: StanceClassifier, path: str | Path, *, info: dict | None = None) -> None:
    """Write a fitted model to ``path`` (``.npz``). ``info`` is stored as provenance metadata."""
    arrays = {
        "word_vocab": _vocab_array(model.word_vectorizer_),
        "word_idf": model.word_vectorizer_.idf_.astype(np.float64),
        "char_vocab": _vocab_array(model.char_vectorizer_),
        "char_idf": model.char_vectorizer_.idf_.astype(np.float64),
        "coef": model.model_.coef_.astype(np.float64),
        "intercept": model.model_.intercept_.astype(np.float64),
        "classes": np.asarray(model.classes_, dtype=str),
    }
    if getattr(model, "context_model_", None) is not None:
        arrays["context_coef"] = model.context_model_.coef_.astype(np.float64)
        arrays["context_intercept"] = model.context_model_.intercept_.astype(np.float64)
    from stance import __version__

    meta = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "stance_version": __version__,
        "params": _jsonable(model.get_params()),
        "dense_features": list(model.dense_features_),
        "temperature": model.temperature_,
        "info": info or {},
        "sha256": _digest(arrays),
    }
    buffer = io.BytesIO()
    np.savez_compressed(buffer, meta=np.array(json.dumps(meta, sort_keys=True)), **arrays)
    Path(path).write_bytes(buffer.getvalue())


def load_model(path: str | Path) -> StanceClassifier:
    """Read a model saved by :func:`save_model`; refuse foreign, tampered or other-version files."""
    source = str(path)
    if Path(path).is_file() and not zipfile.is_zipfile(path):
        # np.load would try a bare .npy or a pickle here; a model is always an .npz archive
        raise InputError(source, "not a stance model file (not an .npz archive)")
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise InputError(source, "no such model file") from None
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise InputError(source, f"not a stance model file ({_short(exc)})") from None
    meta = _read_meta(arrays, source)
    missing = [name for name in _ARRAYS if name not in arrays]
    if missing:
        raise InputError(source, f"model file lacks arrays: {', '.join(missing)}")
    stored = {name: array for name, array in arrays.items() if name != "meta"}
    if _digest(stored) != meta.get("sha256"):
        raise InputError(source, "model file is damaged or was modified (checksum mismatch)")
    try:
        return _rebuild(meta, arrays)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(source, f"model file is inconsistent: {_short(exc)}") from None


def default_model() -> StanceClassifier:
    """The model trained on the project's annotations that ships with the package."""
    resource = resources.files("stance").joinpath("data/model/stance-default.npz")
    with resources.as_file(resource) as path:
        return load_model(path)


def _read_meta(arrays: dict, source: str) -> dict:
    if "meta" not in arrays:
        raise InputError(source, "not a stance model file (no metadata)")
    try:
        meta = json.loads(str(arrays["meta"]))
    except json.JSONDecodeError:
        raise InputError(source, "not a stance model file (unreadable metadata)") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise InputError(source, "not a stance model file (wrong format tag)")
    if meta.get("format_version") not in READABLE_VERSIONS:
        readable = " and ".join(str(v) for v in READABLE_VERSIONS)
        raise InputError(
            source,
            f"model format version {meta.get('format_version')} (from stance "
            f"{meta.get('stance_version', '?')}); this stance reads versions {readable} — "
            "retrain with `stance train`",
        )
    return meta


def _rebuild(meta: dict, arrays: dict) -> StanceClassifier:
    params = dict(meta["params"])
    for key in ("word_ngrams", "char_ngrams", "exclude_features"):
        if key in params:
            params[key] = tuple(params[key])
    has_context = all(name in arrays for name in _CONTEXT_ARRAYS)
    params["use_context"] = has_context  # format 1 files predate the voice context
    model = StanceClassifier(**params)
    model.word_vectorizer_ = _vectorizer(model._word_vectorizer(), arrays["word_vocab"], arrays["word_idf"])
    model.char_vectorizer_ = _vectorizer(model._char_vectorizer(), arrays["char_vocab"], arrays["char_idf"])
    model.dense_features_ = list(meta["dense_features"])
    classes = arrays["classes"].astype(str)
    base = len(arrays["word_vocab"]) + len(arrays["char_vocab"]) + len(model.dense_features_)
    model.context_model_ = None
    if has_context:
        model.context_model_ = _logistic(arrays["context_coef"], arrays["context_intercept"], classes, base)
    context = len(CONTEXT_FEATURES) if has_context else 0
    model.model_ = _logistic(arrays["coef"], arrays["intercept"], classes, base + context)
    model.classes_ = classes
    model.temperature_ = float(meta["temperature"])
    model.info_ = dict(meta.get("info") or {})
    model.training_hashes_ = tuple(model.info_.get("train_text_hashes", ()))
    return model


def _logistic(coef: np.ndarray, intercept: np.ndarray, classes: np.ndarray, expected: int) -> LogisticRegression:
    """A fitted logistic regression from its weights, checked against the feature count."""
    logistic = LogisticRegression()
    logistic.coef_ = coef
    logistic.intercept_ = intercept
    logistic.classes_ = classes
    logistic.n_features_in_ = coef.shape[1]
    if expected != logistic.n_features_in_:
        raise ValueError(f"{logistic.n_features_in_} weights for {expected} features")
    return logistic


def _vectorizer(template: TfidfVectorizer, vocab: np.ndarray, idf: np.ndarray) -> TfidfVectorizer:
    template.set_params(vocabulary={term: i for i, term in enumerate(vocab.tolist())}, max_features=None)
    template.fit(["placeholder"])  # builds the fixed vocabulary; idf is replaced below
    template.idf_ = idf
    return template


def _vocab_array(vectorizer: TfidfVectorizer) -> np.ndarray:
    vocab = vectorizer.vocabulary_
    terms = [""] * len(vocab)
    for term, index in vocab.items():
        terms[index] = term
    return np.asarray(terms, dtype=str)


def _digest(arrays: dict) -> str:
    hasher = hashlib.sha256()
    for name in sorted(arrays):
        array = np.ascontiguousarray(arrays[name])
        hasher.update(name.encode())
        hasher.update(str(array.dtype).encode() + str(array.shape).encode())
        hasher.update(array.tobytes())
    return hasher.hexdigest()


def _jsonable(params: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
