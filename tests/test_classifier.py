"""The stance classifier follows scikit-learn's estimator contract and saves without pickle."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer
from sklearn.utils.estimator_checks import (
    check_get_params_invariance,
    check_no_attributes_set_in_init,
    check_parameters_default_constructible,
    check_set_params,
)

from stance.classifier import StanceClassifier, voice_context, voice_kind
from stance.modelio import load_model, save_model

TEXTS = [
    ("The ministry welcomed the landmark agreement as a historic step.", "favor", "korean_government"),
    ("Officials praised the partnership and the values both sides share.", "favor", "nato"),
    ("This will strengthen our cooperation, the minister said.", "favor", "korean_government"),
    ("We are proud to deepen ties with our allies.", "favor", "nato"),
    ("Critics warned the pact will only exacerbate tensions in the region.", "against", "chinese_state_media"),
    ("State media called the plan a dangerous provocation.", "against", "chinese_state_media"),
    ("The opposition said the agreement undermines stability.", "against", "other"),
    ("Beijing firmly opposes this bloc confrontation.", "against", "china_government"),
    ("The agreement was signed on Monday in the capital.", "neutral", "outlet"),
    ("The office will have six staff and open in May.", "neutral", "outlet"),
    ("The process usually takes about six weeks.", "neutral", "outlet"),
    ("The ambassador will chair the new mission.", "neutral", "outlet"),
]
X = [{"text": t, "voice": v} for t, _, v in TEXTS] * 2
y = [s for _, s, _ in TEXTS] * 2


@pytest.mark.parametrize(
    "check",
    [
        check_no_attributes_set_in_init,
        check_parameters_default_constructible,
        check_get_params_invariance,
        check_set_params,
    ],
)
def test_sklearn_contract_checks(check):
    check("StanceClassifier", StanceClassifier())


def test_fit_predict_proba_and_calibration():
    model = StanceClassifier().fit(X, y)
    assert list(model.classes_) == ["against", "favor", "neutral"]
    proba = model.predict_proba(X[:5])
    assert proba.shape == (5, 3) and np.allclose(proba.sum(axis=1), 1.0)
    assert model.temperature_ > 0
    assert list(model.predict(["Beijing firmly opposes this dangerous provocation."])) == ["against"]


def test_plain_strings_work_and_unfitted_raises():
    model = StanceClassifier()
    with pytest.raises(Exception, match="not fitted"):
        model.predict(["text"])
    model.fit([x["text"] for x in X], y)
    assert model.predict(["We welcome this historic step."]).shape == (1,)


def test_clone_pipeline_and_grid_search():
    model = clone(StanceClassifier(C=2.0))
    assert model.get_params()["C"] == 2.0
    pipeline = Pipeline([("identity", FunctionTransformer(lambda rows: rows)), ("clf", model)])
    search = GridSearchCV(pipeline, {"clf__C": [0.5, 2.0]}, cv=2, scoring="f1_macro")
    search.fit(X, y)
    assert search.best_params_["clf__C"] in (0.5, 2.0)


def test_wrong_input_type_is_a_clear_error():
    with pytest.raises(TypeError, match="strings or mappings"):
        StanceClassifier().fit([1, 2, 3], ["a", "b", "c"])
    with pytest.raises(ValueError, match="two stance classes"):
        StanceClassifier().fit(["a", "b"], ["favor", "favor"])


def test_voice_kind():
    assert [voice_kind(v) for v in (None, "outlet", "other", "nato")] == ["outlet", "outlet", "other", "actor"]


def test_save_load_round_trip_without_pickle(tmp_path):
    model = StanceClassifier().fit(X, y)
    path = tmp_path / "m.npz"
    save_model(model, path, info={"n": len(y)})
    loaded = load_model(path)
    assert np.allclose(loaded.predict_proba(X), model.predict_proba(X))
    assert loaded.get_params() == model.get_params()
    with np.load(path, allow_pickle=False) as archive:  # nothing in the file needs pickle
        assert all(archive[name].dtype != object for name in archive.files)


# -- voice context -----------------------------------------------------------------------------
def test_voice_context_is_the_mean_of_the_same_voice_elsewhere_in_the_article():
    rows = [
        {"doc": "a", "voice": "x"},
        {"doc": "a", "voice": "x"},
        {"doc": "a", "voice": "x"},
        {"doc": "b", "voice": "x"},  # another article: never mixed in
        {"doc": "a", "voice": "y"},
        {"voice": "x"},  # no article: no context
    ]
    context = voice_context(rows, [0.2, 0.4, 0.9, -1.0, 0.5, 0.7])
    assert context[:, 0] == pytest.approx([0.65, 0.55, 0.3, 0.0, 0.0, 0.0])
    assert context[:, 1].tolist() == [1.0, 1.0, 1.0, 0.0, 0.0, 0.0]


def _article(doc: str, voice: str, texts: list[str]) -> list[dict]:
    return [{"text": t, "voice": voice, "doc": doc} for t in texts]


def test_a_sentence_without_cues_leans_with_its_speakers_other_sentences():
    """'"The people were not asked," she said' reads against next to a ministry's protests, not beside praise."""
    from stance.modelio import default_model

    model = default_model()
    plain = "The people of this country were never asked, she told reporters."
    hostile = _article(
        "h",
        "ministry",
        ["The ministry condemned the pact as a dangerous provocation.", "It warned of grave consequences.", plain],
    )
    friendly = _article(
        "f",
        "ministry",
        ["The ministry welcomed the pact as a historic step.", "It praised the strong partnership.", plain],
    )
    lean = {}
    for name, rows in (("hostile", hostile), ("friendly", friendly)):
        proba = model.predict_proba(rows)[-1]
        classes = list(model.classes_)
        lean[name] = proba[classes.index("favor")] - proba[classes.index("against")]
    assert lean["hostile"] < lean["friendly"] - 0.1


def test_an_articles_predictions_do_not_depend_on_the_other_articles_in_the_batch():
    model = StanceClassifier().fit(
        [dict(row, doc=f"d{i // 4}") for i, row in enumerate(X)], y
    )
    first = _article("one", "nato", ["We welcome the step.", "The office opens in May."])
    second = _article("two", "nato", ["This is a provocation.", "The office opens in May."])
    alone = model.predict_proba(first)
    together = model.predict_proba(first + second)[:2]
    assert np.array_equal(alone, together)


def test_a_model_without_context_and_a_format_1_file_still_load(tmp_path):
    import json

    model = StanceClassifier(use_context=False).fit(X, y)
    assert model.context_model_ is None
    path = tmp_path / "old.npz"
    save_model(model, path)
    with np.load(path, allow_pickle=False) as archive:
        arrays = {k: archive[k] for k in archive.files}
    meta = json.loads(str(arrays["meta"]))
    meta["format_version"] = 1  # what stance wrote before the voice context existed
    meta["params"].pop("use_context")
    meta["params"].pop("context_folds")
    arrays["meta"] = np.array(json.dumps(meta))
    np.savez(path, **arrays)
    loaded = load_model(path)
    assert loaded.use_context is False and loaded.context_model_ is None
    assert np.allclose(loaded.predict_proba(X), model.predict_proba(X))
