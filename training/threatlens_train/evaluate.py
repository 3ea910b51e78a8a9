"""Metrics: per-label P/R/F1, micro/macro F1, accuracy, confusion matrices, ECE."""
from __future__ import annotations

import numpy as np


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def multilabel_report(Y: np.ndarray, P: np.ndarray, labels: list[str], thresholds: dict[str, float],
                      primary: np.ndarray | None = None) -> dict:
    """Y: indicator [n, L]; P: probabilities [n, L]; primary: each record's predicted primary label
    index, if the system has a primary classifier. With it, the service's rule applies (the
    primary label is always predicted; a `none` primary excludes everything else); without it a
    record with no label over its threshold gets its arg-max."""
    Y = np.asarray(Y, dtype=int)
    pred = np.zeros_like(Y)
    for j, lab in enumerate(labels):
        pred[:, j] = (P[:, j] >= thresholds.get(lab, 0.5)).astype(int)
    if primary is not None:
        primary = np.asarray(primary, dtype=int)
        pred[np.arange(len(pred)), primary] = 1
        if "none" in labels:
            k = labels.index("none")
            pred[primary == k] = 0
            pred[primary == k, k] = 1
            pred[(primary != k), k] = 0
    empty = pred.sum(1) == 0
    if empty.any():
        pred[np.where(empty)[0], P[empty].argmax(1)] = 1
    # `none` excludes all other labels
    if "none" in labels:
        k = labels.index("none")
        has_other = pred[:, [j for j in range(len(labels)) if j != k]].sum(1) > 0
        pred[has_other & (pred[:, k] == 1), k] = 0
    per = {}
    TP = FP = FN = 0
    for j, lab in enumerate(labels):
        tp = int(((pred[:, j] == 1) & (Y[:, j] == 1)).sum())
        fp = int(((pred[:, j] == 1) & (Y[:, j] == 0)).sum())
        fn = int(((pred[:, j] == 0) & (Y[:, j] == 1)).sum())
        TP, FP, FN = TP + tp, FP + fp, FN + fn
        p, r, f = prf(tp, fp, fn)
        per[lab] = {"precision": p, "recall": r, "f1": f, "support": int(Y[:, j].sum())}
    mp, mr, mf = prf(TP, FP, FN)
    supported = [v["f1"] for v in per.values() if v["support"] > 0]
    return {"per_label": per, "micro_precision": mp, "micro_recall": mr, "micro_f1": mf,
            "macro_f1": float(np.mean(supported)) if supported else 0.0,
            "exact_match": float((pred == Y).all(1).mean()) if len(Y) else 0.0}


def multiclass_report(y: np.ndarray, P: np.ndarray, labels: list[str]) -> dict:
    """y: class indices [n]; P: probabilities [n, K] (or one-hot hard predictions)."""
    y = np.asarray(y, dtype=int)
    pred = P.argmax(1) if len(P) else np.zeros(0, dtype=int)
    K = len(labels)
    cm = np.zeros((K, K), dtype=int)
    for t, p in zip(y, pred):
        cm[t, p] += 1
    per = {}
    f1s = []
    for k, lab in enumerate(labels):
        tp = int(cm[k, k])
        fp = int(cm[:, k].sum() - tp)
        fn = int(cm[k, :].sum() - tp)
        p, r, f = prf(tp, fp, fn)
        per[lab] = {"precision": p, "recall": r, "f1": f, "support": int(cm[k].sum())}
        if cm[k].sum() > 0:
            f1s.append(f)
    return {"accuracy": float((pred == y).mean()) if len(y) else 0.0,
            "macro_f1": float(np.mean(f1s)) if f1s else 0.0,
            "per_label": per, "confusion": cm.tolist(), "labels": labels}


def ece_top(P: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    """Top-label expected calibration error for single-label predictions."""
    if not len(y):
        return 0.0
    conf = P.max(1)
    correct = (P.argmax(1) == np.asarray(y)).astype(float)
    return _ece(conf, correct, bins)


def ece_binary(P: np.ndarray, Y: np.ndarray, bins: int = 10) -> float:
    """ECE over every (record, label) probability of a multi-label output."""
    if not np.size(Y):
        return 0.0
    return _ece(np.asarray(P, dtype=float).ravel(), np.asarray(Y, dtype=float).ravel(), bins)


def _ece(conf, outcome, bins):
    edges = np.linspace(0, 1, bins + 1)
    idx = np.clip(np.digitize(conf, edges[1:-1]), 0, bins - 1)
    e = 0.0
    for b in range(bins):
        m = idx == b
        if m.any():
            e += m.mean() * abs(conf[m].mean() - outcome[m].mean())
    return float(e)


def tune_thresholds(Y: np.ndarray, P: np.ndarray, labels: list[str]) -> dict[str, float]:
    """Per-label threshold maximising F1 on validation (0.5 where a label has no positives)."""
    out = {}
    grid = np.round(np.arange(0.05, 0.951, 0.025), 3)
    for j, lab in enumerate(labels):
        y = Y[:, j]
        if y.sum() == 0:
            out[lab] = 0.5
            continue
        best, best_f = 0.5, -1.0
        for t in grid:
            pr = P[:, j] >= t
            tp = int((pr & (y == 1)).sum())
            f = prf(tp, int((pr & (y == 0)).sum()), int((~pr & (y == 1)).sum()))[2]
            # prefer thresholds nearer 0.5 on ties
            if f > best_f + 1e-12 or (abs(f - best_f) <= 1e-12 and abs(t - 0.5) < abs(best - 0.5)):
                best, best_f = float(t), f
        out[lab] = best
    return out


def binary_report(y: np.ndarray, p: np.ndarray, threshold: float = 0.5) -> dict:
    y = np.asarray(y, dtype=int)
    pr = (np.asarray(p) >= threshold).astype(int)
    tp = int(((pr == 1) & (y == 1)).sum())
    fp = int(((pr == 1) & (y == 0)).sum())
    fn = int(((pr == 0) & (y == 1)).sum())
    P, R, F = prf(tp, fp, fn)
    return {"precision": P, "recall": R, "f1": F, "support": int(y.sum()), "n": int(len(y)),
            "accuracy": float((pr == y).mean()) if len(y) else 0.0}


def paired_bootstrap(n: int, metric_a, metric_b, rounds: int = 1000, seed: int = 0) -> dict:
    """Difference metric_a - metric_b on the same records, with a 95% percentile interval from
    resampling the records with replacement (the same resample for both systems).
    `metric_x(idx)` computes the metric on the records `idx`."""
    rng = np.random.default_rng(seed)
    every = np.arange(n)
    diff = float(metric_a(every) - metric_b(every))
    ds = np.array([metric_a(idx) - metric_b(idx) for idx in (rng.integers(0, n, n) for _ in range(rounds))])
    lo, hi = np.percentile(ds, [2.5, 97.5])
    return {"diff": diff, "ci95": [float(lo), float(hi)], "share_not_better": float((ds <= 0).mean()),
            "rounds": rounds}


def threat_indicator(recs: list[dict]) -> np.ndarray:
    """Indicator matrix [n, 12] of each record's `threat_types`."""
    from .common import THREAT_LABELS

    Y = np.zeros((len(recs), len(THREAT_LABELS)), dtype=int)
    for i, r in enumerate(recs):
        for t in r["threat_types"]:
            Y[i, THREAT_LABELS.index(t)] = 1
    return Y


def document_versus(Y, y_p, y_a, a, b, rounds: int = 1000) -> dict:
    """Paired bootstrap of system `a` minus system `b` on the document metrics. Each system is
    (threat probs, primary probs, attribution probs, threat thresholds); threat types by the
    service's rule (`multilabel_report` with the system's own primary)."""
    from .common import ATTRIBUTION_LEVELS, THREAT_LABELS

    def metrics(P_t, P_p, P_a, thr):
        return {
            "threat_micro_f1": lambda i: multilabel_report(Y[i], P_t[i], THREAT_LABELS, thr, P_p[i].argmax(1))["micro_f1"],
            "primary_macro_f1": lambda i: multiclass_report(y_p[i], P_p[i], THREAT_LABELS)["macro_f1"],
            "attribution_accuracy": lambda i: float((P_a[i].argmax(1) == y_a[i]).mean()),
            "attribution_macro_f1": lambda i: multiclass_report(y_a[i], P_a[i], ATTRIBUTION_LEVELS)["macro_f1"],
        }

    ma, mb = metrics(*a), metrics(*b)
    return {k: paired_bootstrap(len(Y), ma[k], mb[k], rounds) for k in ma}
