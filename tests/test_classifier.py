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

from stance.classifier import StanceClassifier, voice_kind
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
