"""Classification heads on frozen MiniLM embeddings, temperature scaling and ONNX export.

Every head reads the same mean-pooled (not normalised) 384-d embedding. Inside the
graph the embedding is L2-normalised, standardised (folded into the first layer),
passed through a logistic-regression layer or a one-hidden-layer ReLU MLP, divided by
the head's temperature (folded into the last layer) and squashed with a sigmoid
(multi-label) or a softmax (single label).
"""
from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .common import HIDDEN, SEED

NORM_EPS = 1e-12
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

    def _col(self, c) -> int:
        return int(c) if isinstance(c, (int, np.integer)) else self.labels.index(c)

    # ------------------------------------------------------------------ preprocessing
    def z(self, X):
        return (l2norm(X) - self.mu) / self.sd

    # ------------------------------------------------------------------ fitting
    def fit(self, X, y, model_type: str, params: dict):
        from sklearn.linear_model import LogisticRegression
        from sklearn.neural_network import MLPClassifier

        self.model_type, self.params = model_type, dict(params)
        Xn = l2norm(X)
        self.mu = Xn.mean(0)
        self.sd = Xn.std(0) + 1e-6
        Z = self.z(X)
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
        if self.kind == "sigmoid":
            W = np.zeros((HIDDEN, L))
            b = np.zeros(L)
            for j, e in enumerate(self.est):
                if isinstance(e, float):
                    b[j] = 12.0 if e > 0.5 else -12.0
                else:
                    W[:, j] = e.coef_[0]
                    b[j] = e.intercept_[0]
            return [(W, b)]
        lr = self.est
        classes = list(lr.classes_)
        coef, inter = lr.coef_, lr.intercept_
        if coef.shape[0] == 1:  # binary LR -> softmax with logits (0, w.x+b)
            coef = np.concatenate([np.zeros_like(coef), coef])
            inter = np.concatenate([np.zeros(1), inter])
        W = np.zeros((HIDDEN, L))
        b = np.full(L, np.nan)
        for ci, c in enumerate(classes):
            W[:, self._col(c)] = coef[ci]
            b[self._col(c)] = inter[ci]
        return [(W, b)]

    def logits(self, X) -> np.ndarray:
        h = self.z(X)
        layers = self.layers()
        for k, (W, b) in enumerate(layers):
            bb = np.where(np.isnan(b), 0.0, b)
            h = h @ W + bb
            if k < len(layers) - 1:
                h = np.maximum(h, 0.0)
        last_b = layers[-1][1]
        if np.isnan(last_b).any():
            h[:, np.isnan(last_b)] = MISSING_CLASS_LOGIT * self.temperature
        return h

    def proba(self, X, temperature: float | None = None) -> np.ndarray:
        t = self.temperature if temperature is None else temperature
        z = self.logits(X) / t
        return sigmoid(z) if self.kind == "sigmoid" else softmax(z)

    # ------------------------------------------------------------------ scikit-learn reference
    def sklearn_proba(self, X) -> np.ndarray:
        """Calibrated probabilities computed through scikit-learn's own predict_proba."""
        Z = self.z(X)
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
                        np.full(len(Z), 0.0) if isinstance(e, float) else e.predict_proba(Z)[:, 1] for e in self.est])
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
            out = np.zeros((len(Z), len(self.labels)))
            for ci, c in enumerate(classes):
                out[:, self._col(c)] = sp[:, ci]
            return out


# ---------------------------------------------------------------------- temperature scaling

def nll(p, y, kind):
    p = np.clip(p, 1e-12, 1 - 1e-12)
    if kind == "sigmoid":
        Y = np.asarray(y, dtype=float)
        return float(-(Y * np.log(p) + (1 - Y) * np.log(1 - p)).sum(1).mean())
    return float(-np.log(p[np.arange(len(y)), y]).mean())


def fit_temperature(head: Head, X, y) -> float:
    """Scalar temperature minimising validation NLL (y: indicator matrix or class indices)."""
    logits = head.logits(X)
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

def build_heads_onnx(heads: list[Head], opset: int = 17) -> onnx.ModelProto:
    nodes, inits = [], []

    def const(name, arr):
        inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    const("norm_eps", np.array([NORM_EPS], dtype=np.float32))
    nodes.append(helper.make_node("ReduceL2", ["embedding"], ["emb_norm"], name="emb_norm_node", axes=[1], keepdims=1))
    nodes.append(helper.make_node("Max", ["emb_norm", "norm_eps"], ["emb_norm_safe"], name="emb_norm_safe_node"))
    nodes.append(helper.make_node("Div", ["embedding", "emb_norm_safe"], ["emb_unit"], name="emb_unit_node"))
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
            if k < len(layers) - 1:
                nodes.append(helper.make_node("Relu", [h], [pre + "_relu"], name=pre + "_relu_node"))
                h = pre + "_relu"
        if head.kind == "sigmoid":
            nodes.append(helper.make_node("Sigmoid", [h], [head.name], name=head.name + "_node"))
        else:
            nodes.append(helper.make_node("Softmax", [h], [head.name], name=head.name + "_node", axis=-1))
        outputs.append(helper.make_tensor_value_info(head.name, TensorProto.FLOAT, ["n", len(head.labels)]))
    inputs = [helper.make_tensor_value_info("embedding", TensorProto.FLOAT, ["n", HIDDEN])]
    graph = helper.make_graph(nodes, "threatlens_heads", inputs, outputs, initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)],
                              producer_name="threatlens-train", producer_version="1")
    model.ir_version = 8
    onnx.checker.check_model(model)
    return model


def run_heads_onnx(path_or_model, X: np.ndarray) -> dict[str, np.ndarray]:
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
    outs = sess.run(None, {"embedding": np.asarray(X, dtype=np.float32)})
    return dict(zip(names, outs))


# ---------------------------------------------------------------------- model selection

def candidate_grid(n_train: int) -> list[tuple[str, dict]]:
    grid = [("logreg", {"C": c, "class_weight": cw}) for c in (0.25, 1.0) for cw in (None, "balanced")]
    if n_train >= 40:
        grid += [("mlp", {"hidden": 256, "alpha": a, "max_iter": 200}) for a in (1e-2, 1e-1)]
    return grid
