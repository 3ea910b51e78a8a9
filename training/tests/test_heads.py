"""heads.onnx reproduces scikit-learn's calibrated probabilities."""
import json

import numpy as np
import pytest

from threatlens_train.common import ATTRIBUTION_LEVELS, MODEL_OUT, THREAT_LABELS
from threatlens_train.heads import Head, build_heads_onnx, fit_temperature, run_heads_onnx
from threatlens_train.lexicon import Lexicon


def _data(n=240, seed=0):
    rng = np.random.default_rng(seed)
    centers = rng.normal(size=(12, 384))
    y = rng.integers(0, 10, size=n)  # labels 10 and 11 never occur: missing classes
    X = centers[y] + rng.normal(scale=2.0, size=(n, 384)) + 3.0
    Y = np.zeros((n, 12), int)
    Y[np.arange(n), y] = 1
    Y[:, 10] = (rng.random(n) < 0.3).astype(int)
    return X.astype(np.float32), Y, y


@pytest.mark.parametrize("mtype,params", [("logreg", {"C": 1.0}), ("logreg", {"C": 0.5, "class_weight": "balanced"}),
                                          ("mlp", {"hidden": 32, "alpha": 1e-2, "max_iter": 60})])
def test_heads_onnx_matches_sklearn(mtype, params):
    X, Y, y = _data()
    Xv, Yv, yv = _data(seed=1)
    heads = [
        Head("threat_probs", "sigmoid", "document", THREAT_LABELS).fit(X, Y, mtype, params),
        Head("primary_probs", "softmax", "document", THREAT_LABELS).fit(X, y, mtype, params),
        Head("attribution_probs", "softmax", "document", ATTRIBUTION_LEVELS).fit(X, y % 4, mtype, params),
        Head("sentence_denial_probs", "sigmoid", "sentence", ["denial"]).fit(X, (y == 3).astype(int)[:, None],
                                                                          mtype, params),
    ]
    heads[0].temperature = fit_temperature(heads[0], Xv, Yv)
    heads[1].temperature = 1.7
    heads[2].temperature = 0.6
    heads[3].temperature = fit_temperature(heads[3], Xv, (yv == 3).astype(int)[:, None])
    out = run_heads_onnx(build_heads_onnx(heads), Xv)
    for h in heads:
        ref = h.sklearn_proba(Xv)
        assert out[h.name].shape == ref.shape
        assert np.abs(out[h.name] - ref).max() < 1e-5, h.name
        assert np.abs(out[h.name] - h.proba(Xv)).max() < 1e-5, h.name
    assert np.allclose(out["primary_probs"].sum(1), 1.0, atol=1e-5)
    assert out["primary_probs"][:, 10:].max() < 1e-6  # classes never seen in training


def _lexical(y, n_keys=40, seed=0):
    """Token-id sequences whose words depend on the label, and a lexicon over them."""
    rng = np.random.default_rng(seed + 100)
    seqs = [[int(1000 + 3 * yi + rng.integers(0, 3))] * int(rng.integers(1, 4)) + list(rng.integers(2000, 2000 + n_keys, 5))
            + [102, 101] for yi in y]
    return seqs


def test_lexical_heads_onnx_matches_sklearn():
    X, Y, y = _data()
    Xv, Yv, yv = _data(seed=1)
    seqs, seqs_v = _lexical(y), _lexical(yv, seed=1)
    lex = Lexicon.build(seqs, min_df=2)
    L, Cv = lex.unit(lex.counts(seqs)), lex.counts(seqs_v)
    Lv = lex.unit(Cv)
    params = {"C": 1.0, "alpha": 20.0}
    heads = [
        Head("threat_probs", "sigmoid", "document", THREAT_LABELS).fit(X, Y, "logreg", params, L),
        Head("primary_probs", "softmax", "document", THREAT_LABELS).fit(X, y, "logreg", params, L),
        Head("sentence_denial_probs", "sigmoid", "sentence", ["denial"]).fit(X, (y == 3).astype(int)[:, None],
                                                                          "mlp", {"hidden": 16, "max_iter": 30}, L),
    ]
    heads[0].temperature = fit_temperature(heads[0], Xv, Yv, Lv)
    heads[1].temperature = 1.3
    assert heads[2].alpha == 0.0  # the MLP reads the embedding only
    out = run_heads_onnx(build_heads_onnx(heads, lex.idf), Xv, Cv)
    for h in heads:
        ref = h.sklearn_proba(Xv, Lv)
        # lexical weights are stored as int8 with a scale per key; the recipe's heads use the same values
        assert np.abs(out[h.name] - ref).max() < (2e-2 if h.alpha > 0 else 1e-5), h.name
        assert np.abs(out[h.name] - h.proba(Xv, Lv)).max() < 1e-5, h.name
    # The lexical block carries signal: the same head without it is worse on validation.
    plain = Head("primary_probs", "softmax", "document", THREAT_LABELS).fit(X, y, "logreg", {"C": 1.0})
    acc = lambda P: float((P.argmax(1) == yv).mean())  # noqa: E731
    assert acc(heads[1].proba(Xv, Lv)) > acc(plain.proba(Xv))


def test_lexical_head_without_counts_is_an_error():
    X, _, y = _data()
    seqs = _lexical(y)
    lex = Lexicon.build(seqs, min_df=2)
    h = Head("primary_probs", "softmax", "document", THREAT_LABELS).fit(X, y, "logreg", {"C": 1.0, "alpha": 10.0},
                                                                        lex.unit(lex.counts(seqs)))
    with pytest.raises(ValueError):
        h.proba(X)
    with pytest.raises(ValueError):
        build_heads_onnx([h])


def test_constant_label_column():
    X, Y, _ = _data()
    Y[:, 11] = 0
    h = Head("threat_probs", "sigmoid", "document", THREAT_LABELS).fit(X, Y, "logreg", {"C": 1.0})
    out = run_heads_onnx(build_heads_onnx([h]), X[:20])
    assert np.abs(out["threat_probs"] - h.sklearn_proba(X[:20])).max() < 1e-5
    assert out["threat_probs"][:, 11].max() < 1e-4


def test_temperature_softens_an_overconfident_head():
    X, _, y = _data(n=300, seed=4)
    Xv, _, yv = _data(n=300, seed=5)
    h = Head("primary_probs", "softmax", "document", THREAT_LABELS).fit(X, y, "logreg", {"C": 100.0})
    t = fit_temperature(h, Xv, yv)
    assert 1.0 < t <= 20.0


@pytest.mark.skipif(not (MODEL_OUT / "heads.onnx").exists(), reason="model not built yet")
def test_built_heads_contract():
    man = json.loads((MODEL_OUT / "manifest.json").read_text())
    X = np.random.default_rng(0).normal(size=(3, 384)).astype(np.float32)
    C = np.zeros((3, man["lexicon"]["features"]), np.float32)
    C[1, :5] = 1.0
    out = run_heads_onnx(str(MODEL_OUT / "heads.onnx"), X, C)
    shapes = {"threat_probs": 12, "primary_probs": 12, "attribution_probs": 4, "sentence_attribution_probs": 4,
              "sentence_denial_probs": 1}
    for k, w in shapes.items():
        assert out[k].shape == (3, w)
        assert man["heads"]["outputs"][k]["labels"] == (
            THREAT_LABELS if w == 12 else ATTRIBUTION_LEVELS if w == 4 else ["denial"])
    for k in ("primary_probs", "attribution_probs", "sentence_attribution_probs"):
        assert np.allclose(out[k].sum(1), 1.0, atol=1e-5)
    assert man["threat_labels"] == THREAT_LABELS and man["attribution_levels"] == ATTRIBUTION_LEVELS
    assert set(man["thresholds"]["threat"]) == set(THREAT_LABELS)


@pytest.mark.skipif(not (MODEL_OUT / "parity.json").exists(), reason="model not built yet")
def test_parity_file_reproduces():
    from threatlens_train.features import Encoder

    par = json.loads((MODEL_OUT / "parity.json").read_text())
    sess = Encoder.for_model_dir(MODEL_OUT, threads=1).sess  # with the adapter, as the service runs it
    for c in par["windows"]:
        ids = np.array([c["input_ids"]], dtype=np.int64)
        h = sess.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
        assert np.abs(h[0].mean(0) - np.array(c["mean_pooled"])).max() < 1e-5
        assert np.abs(h[0, 0, :8] - np.array(c["last_hidden_state_0_0_first8"])).max() < 1e-5
