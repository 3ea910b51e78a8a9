"""Classification heads on frozen MiniLM embeddings and lexical counts, temperature
scaling and ONNX export.

Every head reads the same mean-pooled (not normalised) 384-d embedding. Inside the
graph the embedding is L2-normalised, standardised (folded into the first layer),
passed through a logistic-regression layer or a one-hidden-layer ReLU MLP, divided by
the head's temperature (folded into the last layer) and squashed with a sigmoid
(multi-label) or a softmax (single label).

A logistic-regression head may also read the row's lexical counts (`lexicon.py`): the
graph turns them into L2-normalised log(1 + count) * idf and adds a second linear
term, scaled by the head's `alpha` (the weight of the lexical block against the
standardised embedding, chosen on validation).
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .common import HIDDEN, SEED

NORM_EPS = 1e-12
# Weights of the lexical block tried on validation. The standardised embedding has
# 384 unit-variance columns, a unit lexical row only unit length, so useful weights are large.
LEXICAL_ALPHAS = (20.0, 40.0, 80.0, 160.0, 320.0)
MISSING_CLASS_LOGIT = -1e4


def l2norm(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), NORM_EPS)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class Head:
    name: str
    kind: str  # "sigmoid" | "softmax"
    input: str  # "document" | "sentence"
    labels: list[str]
    model_type: str = ""
    params: dict = field(default_factory=dict)
    mu: np.ndarray | None = None
    sd: np.ndarray | None = None
    est: object = None  # sklearn estimator (MLP / multinomial LR) or list of per-label LR (or float constants)
    temperature: float = 1.0
    alpha: float = 0.0  # weight of the lexical block; 0 = embedding only

    def _col(self, c) -> int:
        return int(c) if isinstance(c, (int, np.integer)) else self.labels.index(c)

    # ------------------------------------------------------------------ preprocessing
    def z(self, X):
        return (l2norm(X) - self.mu) / self.sd

    def design(self, X, L=None):
        """The matrix the estimator sees: standardised embedding, then alpha * lexical."""
        Z = self.z(X)
        if self.alpha <= 0:
            return Z
        if L is None:
            raise ValueError(f"head {self.name} reads lexical features; none given")
        import scipy.sparse as sp

        return sp.hstack([sp.csr_matrix(Z), self.alpha * sp.csr_matrix(L)]).tocsr()

    # ------------------------------------------------------------------ fitting
    def fit(self, X, y, model_type: str, params: dict, L=None):
        """X: pooled embeddings; L: unit lexical rows (`Lexicon.unit`), used when params["alpha"] > 0."""
        from sklearn.linear_model import LogisticRegression
        from sklearn.neural_network import MLPClassifier

        self.model_type, self.params = model_type, dict(params)
        self._lexq = None
        self.alpha = float(params.get("alpha", 0.0)) if model_type == "logreg" else 0.0
        Xn = l2norm(X)
        self.mu = Xn.mean(0)
        self.sd = Xn.std(0) + 1e-6
        Z = self.design(X, L)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if model_type == "mlp":
                est = MLPClassifier(hidden_layer_sizes=(params.get("hidden", 256),), alpha=params.get("alpha", 1e-3),
                                    max_iter=params.get("max_iter", 400), random_state=SEED, learning_rate_init=1e-3)
                if self.kind == "sigmoid":
                    est.fit(Z, np.asarray(y, dtype=int))
                else:
                    est.fit(Z, np.asarray(y))
                self.est = est
            elif self.kind == "sigmoid":
                Y = np.asarray(y, dtype=int)
                ests = []
                for j in range(Y.shape[1]):
                    col = Y[:, j]
                    if col.min() == col.max():
                        ests.append(float(col[0]))  # constant label in train
                        continue
                    lr = LogisticRegression(C=params["C"], class_weight=params.get("class_weight"), max_iter=2000)
                    lr.fit(Z, col)
                    ests.append(lr)
                self.est = ests
            else:
                lr = LogisticRegression(C=params["C"], class_weight=params.get("class_weight"), max_iter=3000)
                lr.fit(Z, np.asarray(y))
                self.est = lr
        return self

    # ------------------------------------------------------------------ layers (pre-temperature)
    def layers(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Dense layers on z (standardised input); ReLU between layers; last layer gives logits."""
        L = len(self.labels)
        if self.model_type == "mlp":
            Ws = [np.asarray(w, dtype=np.float64) for w in self.est.coefs_]
            bs = [np.asarray(b, dtype=np.float64) for b in self.est.intercepts_]
            if self.kind == "softmax":
                W, b = Ws[-1], bs[-1]
                classes = list(self.est.classes_)
                if W.shape[1] == 1:  # binary target: one logistic output -> two softmax logits
                    W = np.concatenate([np.zeros_like(W), W], axis=1)
                    b = np.concatenate([np.zeros(1), b])
                Wf = np.zeros((W.shape[0], L))
                bf = np.full(L, np.nan)
                for ci, c in enumerate(classes):
                    Wf[:, self._col(c)] = W[:, ci]
                    bf[self._col(c)] = b[ci]
                Ws[-1], bs[-1] = Wf, bf
            return list(zip(Ws, bs))
        W, b = self._linear()
        return [(W[:HIDDEN], b)]

    def lexical_weights(self) -> np.ndarray | None:
        """alpha * the lexical rows of the linear layer ([features, labels], pre-temperature), as
        heads.onnx stores them: int8 per key with a float16 scale per key (`quantized_lexical`).
        The recipe scores with these same values, so recipe and graph agree exactly."""
        q = self.quantized_lexical()
        if q is None:
            return None
        return q[0].astype(np.float64) * q[1].astype(np.float64)[:, None]

    def quantized_lexical(self) -> tuple[np.ndarray, np.ndarray] | None:
        """(int8 weights [features, labels], float16 scale [features]): each key's row is scaled so its
        largest weight is +-127. A quarter of the float32 bytes, so a retrain adds little to git."""
        if self.alpha <= 0:
            return None
        if getattr(self, "_lexq", None) is None:
            W, _ = self._linear()
            self._lexq = quantize_rows(self.alpha * W[HIDDEN:])
        return self._lexq

    def _linear(self) -> tuple[np.ndarray, np.ndarray]:
        L = len(self.labels)
        if self.kind == "sigmoid":
            width = next((e.coef_.shape[1] for e in self.est if not isinstance(e, float)), HIDDEN)
            W = np.zeros((width, L))
            b = np.zeros(L)
            for j, e in enumerate(self.est):
                if isinstance(e, float):
                    b[j] = 12.0 if e > 0.5 else -12.0
                else:
                    W[:, j] = e.coef_[0]
                    b[j] = e.intercept_[0]
            return W, b
        lr = self.est
        classes = list(lr.classes_)
        coef, inter = lr.coef_, lr.intercept_
        if coef.shape[0] == 1:  # binary LR -> softmax with logits (0, w.x+b)
            coef = np.concatenate([np.zeros_like(coef), coef])
            inter = np.concatenate([np.zeros(1), inter])
        W = np.zeros((coef.shape[1], L))
        b = np.full(L, np.nan)
        for ci, c in enumerate(classes):
            W[:, self._col(c)] = coef[ci]
            b[self._col(c)] = inter[ci]
        return W, b

    def logits(self, X, L=None) -> np.ndarray:
        h = self.z(X)
        layers = self.layers()
        for k, (W, b) in enumerate(layers):
            bb = np.where(np.isnan(b), 0.0, b)
            h = h @ W + bb
            if k < len(layers) - 1:
                h = np.maximum(h, 0.0)
        lex = self.lexical_weights()
        if lex is not None:
            if L is None:
                raise ValueError(f"head {self.name} reads lexical features; none given")
            h = h + np.asarray(L @ lex)
        last_b = layers[-1][1]
        if np.isnan(last_b).any():
            h[:, np.isnan(last_b)] = MISSING_CLASS_LOGIT * self.temperature
        return h

    def proba(self, X, L=None, temperature: float | None = None) -> np.ndarray:
        t = self.temperature if temperature is None else temperature
        z = self.logits(X, L) / t
        return sigmoid(z) if self.kind == "sigmoid" else softmax(z)

    # ------------------------------------------------------------------ scikit-learn reference
    def sklearn_proba(self, X, L=None) -> np.ndarray:
        """Calibrated probabilities computed through scikit-learn's own predict_proba."""
        Z = self.design(X, L)
        eps = 1e-300
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if self.kind == "sigmoid":
                if self.model_type == "mlp":
                    P = self.est.predict_proba(Z)
                    if P.shape[1] != len(self.labels):  # binary MLP reports [p0, p1]
                        P = P[:, -len(self.labels):]
                else:
                    P = np.column_stack([
                        np.full(Z.shape[0], 0.0) if isinstance(e, float) else e.predict_proba(Z)[:, 1] for e in self.est])
                    const = [j for j, e in enumerate(self.est) if isinstance(e, float)]
                P = np.clip(P, eps, 1 - 1e-16)
                logit = np.log(P) - np.log1p(-P)
                out = sigmoid(logit / self.temperature)
                if self.model_type != "mlp":
                    for j in const:
                        out[:, j] = sigmoid((12.0 if self.est[j] > 0.5 else -12.0) / self.temperature)
                return out
            P = self.est.predict_proba(Z)
            classes = list(self.est.classes_)
            logp = np.log(np.clip(P, eps, 1.0)) / self.temperature
            sp = softmax(logp)
            out = np.zeros((Z.shape[0], len(self.labels)))
            for ci, c in enumerate(classes):
                out[:, self._col(c)] = sp[:, ci]
            return out


def quantize_rows(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Row-wise symmetric int8 quantisation with float16 scales."""
    w = np.asarray(w, dtype=np.float64)
    scale = (np.abs(w).max(1) / 127.0).astype(np.float16)
    scale[(scale == 0) | ~np.isfinite(scale)] = np.float16(1.0)
    q = np.clip(np.round(w / scale.astype(np.float64)[:, None]), -127, 127).astype(np.int8)
    return q, scale


# ---------------------------------------------------------------------- temperature scaling

def nll(p, y, kind):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    if kind == "sigmoid":
        Y = np.asarray(y, dtype=float)
        return float(-(Y * np.log(p) + (1 - Y) * np.log(1 - p)).sum(1).mean())
    return float(-np.log(p[np.arange(len(y)), y]).mean())


def fit_temperature(head: Head, X, y, L=None) -> float:
    """Scalar temperature minimising validation NLL (y: indicator matrix or class indices)."""
    logits = head.logits(X, L)
    act = sigmoid if head.kind == "sigmoid" else softmax
    grid = np.exp(np.linspace(np.log(0.05), np.log(20.0), 241))
    losses = [nll(act(logits / t), y, head.kind) for t in grid]
    best = float(grid[int(np.argmin(losses))])
    # golden-section refinement on log T around the grid optimum
    lo, hi = np.log(best) - 0.03, np.log(best) + 0.03
    f = lambda lt: nll(act(logits / np.exp(lt)), y, head.kind)  # noqa: E731
    g = (np.sqrt(5) - 1) / 2
    for _ in range(40):
        a, b = hi - g * (hi - lo), lo + g * (hi - lo)
        if f(a) < f(b):
            hi = b
        else:
            lo = a
    return float(np.clip(np.exp((lo + hi) / 2), 0.05, 20.0))


# ---------------------------------------------------------------------- ONNX export

def build_heads_onnx(heads: list[Head], idf: np.ndarray | None = None, opset: int = 17) -> onnx.ModelProto:
    """One graph for all heads. With `idf`, the graph has a second input `lexical`
    ([n, features] raw key counts) that heads with alpha > 0 read."""
    nodes, inits = [], []
    if idf is None and any(h.alpha > 0 for h in heads):
        raise ValueError("heads read lexical features but no idf was given")

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    const("norm_eps", np.array([NORM_EPS], dtype=np.float32))
    nodes.append(helper.make_node("ReduceL2", ["embedding"], ["emb_norm"], name="emb_norm_node", axes=[1], keepdims=1))
    nodes.append(helper.make_node("Max", ["emb_norm", "norm_eps"], ["emb_norm_safe"], name="emb_norm_safe_node"))
    nodes.append(helper.make_node("Div", ["embedding", "emb_norm_safe"], ["emb_unit"], name="emb_unit_node"))
    if idf is not None:
        # Sparse rows: keys [n, k] (padded with the index F, which maps to an idf and weights of 0)
        # and counts [n, k]. unit = log(1 + count) * idf / ||.||; a head adds sum_k unit_k * W[key_k].
        const("lex_one", np.array([1.0], dtype=np.float32))
        const("lex_idf", np.concatenate([np.asarray(idf, dtype=np.float32), np.zeros(1, np.float32)]))
        const("lex_axis1", np.array([1], dtype=np.int64))
        nodes.append(helper.make_node("Gather", ["lex_idf", "lexical_keys"], ["lex_idf_g"], name="lex_idf_g_node",
                                      axis=0))
        nodes.append(helper.make_node("Add", ["lexical_counts", "lex_one"], ["lex_1p"], name="lex_1p_node"))
        nodes.append(helper.make_node("Log", ["lex_1p"], ["lex_log"], name="lex_log_node"))
        nodes.append(helper.make_node("Mul", ["lex_log", "lex_idf_g"], ["lex_tfidf"], name="lex_tfidf_node"))
        nodes.append(helper.make_node("ReduceL2", ["lex_tfidf"], ["lex_norm"], name="lex_norm_node", axes=[1],
                                      keepdims=1))
        nodes.append(helper.make_node("Max", ["lex_norm", "norm_eps"], ["lex_norm_safe"], name="lex_norm_safe_node"))
        nodes.append(helper.make_node("Div", ["lex_tfidf", "lex_norm_safe"], ["lex_unit"], name="lex_unit_node"))
        nodes.append(helper.make_node("Unsqueeze", ["lex_unit", "lex_axis1"], ["lex_unit3"], name="lex_unit3_node"))
    outputs = []
    for head in heads:
        layers = head.layers()
        h = "emb_unit"
        for k, (W, b) in enumerate(layers):
            W = np.array(W, dtype=np.float64)
            b = np.array(b, dtype=np.float64)
            missing = np.isnan(b)
            b = np.where(missing, 0.0, b)
            if k == 0:  # fold standardisation: ((x - mu)/sd) W + b = x (W/sd) + (b - (mu/sd) W)
                b = b - (head.mu / head.sd) @ W
                W = W / head.sd[:, None]
            if k == len(layers) - 1:  # fold temperature
                W = W / head.temperature
                b = b / head.temperature
                b[missing] = MISSING_CLASS_LOGIT
                W[:, missing] = 0.0
            pre = f"{head.name}_l{k}"
            const(pre + "_w", W.astype(np.float32))
            const(pre + "_b", b.astype(np.float32))
            nodes.append(helper.make_node("MatMul", [h, pre + "_w"], [pre + "_mm"], name=pre + "_mm_node"))
            nodes.append(helper.make_node("Add", [pre + "_mm", pre + "_b"], [pre + "_out"], name=pre + "_add_node"))
            h = pre + "_out"
            lexq = head.quantized_lexical()
            if k == len(layers) - 1 and lexq is not None:
                q, scale = lexq[0].copy(), lexq[1]
                q[:, missing] = 0
                q = np.concatenate([q, np.zeros((1, q.shape[1]), np.int8)])  # the padding key
                scale = np.concatenate([scale, np.ones(1, np.float16)])[:, None]
                const(pre + "_lex_q8", q)
                const(pre + "_lex_scale16", scale)
                const(pre + "_lex_inv_t", np.array([1.0 / head.temperature], dtype=np.float32))
                nodes.append(helper.make_node("Cast", [pre + "_lex_q8"], [pre + "_lex_qf"], name=pre + "_lex_qf_node",
                                              to=TensorProto.FLOAT))
                nodes.append(helper.make_node("Cast", [pre + "_lex_scale16"], [pre + "_lex_scale"],
                                              name=pre + "_lex_scale_node", to=TensorProto.FLOAT))
                nodes.append(helper.make_node("Mul", [pre + "_lex_qf", pre + "_lex_scale"], [pre + "_lex_w"],
                                              name=pre + "_lex_w_node"))
                nodes.append(helper.make_node("Gather", [pre + "_lex_w", "lexical_keys"], [pre + "_lex_g"],
                                              name=pre + "_lex_g_node", axis=0))  # [n, k, labels]
                nodes.append(helper.make_node("MatMul", ["lex_unit3", pre + "_lex_g"], [pre + "_lex_mm3"],
                                              name=pre + "_lex_mm_node"))  # [n, 1, labels]
                nodes.append(helper.make_node("Squeeze", [pre + "_lex_mm3", "lex_axis1"], [pre + "_lex_mm"],
                                              name=pre + "_lex_sq_node"))
                # temperature applied after the sum so the stored quantised weights are the recipe's own
                nodes.append(helper.make_node("Mul", [pre + "_lex_mm", pre + "_lex_inv_t"], [pre + "_lex_t"],
                                              name=pre + "_lex_t_node"))
                nodes.append(helper.make_node("Add", [h, pre + "_lex_t"], [pre + "_sum"], name=pre + "_sum_node"))
                h = pre + "_sum"
            if k < len(layers) - 1:
                nodes.append(helper.make_node("Relu", [h], [pre + "_relu"], name=pre + "_relu_node"))
                h = pre + "_relu"
        if head.kind == "sigmoid":
            nodes.append(helper.make_node("Sigmoid", [h], [head.name], name=head.name + "_node"))
        else:
            nodes.append(helper.make_node("Softmax", [h], [head.name], name=head.name + "_node", axis=-1))
        outputs.append(helper.make_tensor_value_info(head.name, TensorProto.FLOAT, ["n", len(head.labels)]))
    inputs = [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["n", HIDDEN])]
    if idf is not None:
        inputs.append(helper.make_tensor_value_info("lexical_keys", TensorProto.INT64, ["n", "k"]))
        inputs.append(helper.make_tensor_value_info("lexical_counts", TensorProto.FLOAT, ["n", "k"]))
    graph = helper.make_graph(nodes, "threatlens_heads", inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                              producer_name="threatlens-train", producer_version="1")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def sparse_rows(counts) -> tuple[np.ndarray, np.ndarray]:
    """Raw key counts [n, F] (dense or sparse) as the graph's padded (keys, counts) pair; the
    padding key is F. The service builds the same pair (`src/lexicon.rs`)."""
    import scipy.sparse as sp

    C = sp.csr_matrix(counts)
    F = C.shape[1]
    k = max(1, int(np.diff(C.indptr).max()) if C.shape[0] else 1)
    keys = np.full((C.shape[0], k), F, dtype=np.int64)
    vals = np.zeros((C.shape[0], k), dtype=np.float32)
    for r in range(C.shape[0]):
        a, b = C.indptr[r], C.indptr[r + 1]
        order = np.argsort(C.indices[a:b])
        keys[r, :b - a] = C.indices[a:b][order]
        vals[r, :b - a] = C.data[a:b][order]
    return keys, vals


def run_heads_onnx(path_or_model, X: np.ndarray, counts=None) -> dict[str, np.ndarray]:
    """Runs heads.onnx; `counts` (raw lexical key counts, dense or sparse) when the graph takes them."""
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = 1
    src = path_or_model if isinstance(path_or_model, (str, bytes)) else None
    if src is None:
        try:
            src = path_or_model.SerializeToString()
        except AttributeError:
            src = str(path_or_model)
    sess = ort.InferenceSession(src, so, providers=["CPUExecutionProvider"])
    names = [o.name for o in sess.get_outputs()]
    feeds = {"embedding": np.asarray(X, dtype=np.float32)}
    if any(i.name == "lexical_keys" for i in sess.get_inputs()):
        if counts is None:
            raise ValueError("heads.onnx reads lexical counts; none given")
        keys, vals = sparse_rows(counts)
        feeds["lexical_keys"], feeds["lexical_counts"] = keys, vals
    outs = sess.run(None, feeds)
    return dict(zip(names, outs))


# ---------------------------------------------------------------------- model selection

def candidate_grid(n_train: int, lexical: bool = False) -> list[tuple[str, dict]]:
    grid = [("logreg", {"C": c, "class_weight": cw}) for c in (0.25, 1.0) for cw in (None, "balanced")]
    if lexical:
        grid += [("logreg", {"C": c, "class_weight": None, "alpha": a}) for a in LEXICAL_ALPHAS
                 for c in (0.0625, 0.25, 1.0)]
    if n_train >= 40:
        grid += [("mlp", {"hidden": 256, "alpha": a, "max_iter": 200}) for a in (1e-2, 1e-1)]
    return grid
