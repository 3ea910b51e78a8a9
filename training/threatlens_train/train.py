"""End-to-end: data -> splits -> embeddings -> heads -> evaluation -> models/threatlens-minilm/."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import time
from collections import Counter
from pathlib import Path

import numpy as np

from . import __version__
from .baselines import KeywordBaseline, TfidfBaseline, TfidfDocuments
from .common import ATTRIBUTION_LEVELS, ATTRIBUTION_RULE, DATA_DIR, MAX_WINDOW_TOKENS, MODEL_NAME, MODEL_OUT, SEED, THREAT_LABELS, \
    WINDOW_STRIDE_TOKENS, HIDDEN
from .data import build_splits, is_written, load_all, read_splits, write_splits
from .evaluate import binary_report, document_versus, ece_binary, ece_top, multiclass_report, multilabel_report, \
    paired_bootstrap, threat_indicator, tune_thresholds
from .adapter import ADAPTER_FILE, write_adapter
from .adapter import adapter_info as read_adapter_info
from .features import Encoder, Featurizer, SpanJob, paragraph_with
from .heads import Head, build_heads_onnx, candidate_grid, fit_temperature, run_heads_onnx
from .lexicon import Lexicon

# Lexical keys must occur in at least this many training rows (articles and sentences).
LEXICON_MIN_DF = 3

MODEL_VERSION = "0.2.0"

# Neutral filler sentences used as context when the train split has too few neutral sentences.
FALLBACK_FILLERS = [
    "The company said its online services were running normally by Thursday afternoon.",
    "Officials did not say how many people had been affected.",
    "The statement was published on the organisation's website late on Monday.",
    "Customers have been advised to watch for unexpected messages and to change reused passwords.",
    "A spokesperson declined to comment further while the review continues.",
    "The firm employs about 4,000 people across eleven offices in Europe and Asia.",
    "Security teams worked through the weekend to restore the affected systems from backups.",
    "The incident was first reported to the regional data protection authority on Friday.",
]


def log(msg):
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# ------------------------------------------------------------------------------ sentences in context

def sentence_jobs(sents, split, pool, rng, n_context, alone):
    jobs, owners = [], []
    for i, r in enumerate(sents):
        if r["split"] != split:
            continue
        if alone:
            jobs.append(SpanJob(r["text"], 0, len(r["text"])))
            owners.append(i)
        for _ in range(n_context):
            cands = [p for p in pool if p != r["text"]]
            k = rng.randint(1, 3)
            fill = rng.sample(cands, min(k, len(cands)))
            jobs.append(paragraph_with(r["text"], fill, rng.randint(0, len(fill))))
            owners.append(i)
    return jobs, owners


# ------------------------------------------------------------------------------ head selection

def _val_score(kind, labels, Y, P):
    """Selection score and log-loss of one head on (a subset of) validation."""
    if kind == "sigmoid" and len(labels) > 1:
        score = multilabel_report(Y, P, labels, {})["micro_f1"]
    elif kind == "sigmoid":
        score = binary_report(Y[:, 0], P[:, 0])["f1"]
    else:
        score = multiclass_report(Y, P, labels)["macro_f1"]
    if kind == "sigmoid":
        loss = float(-(Y * np.log(np.clip(P, 1e-9, 1)) + (1 - Y) * np.log(np.clip(1 - P, 1e-9, 1))).mean())
    else:
        loss = float(-np.log(np.clip(P[np.arange(len(Y)), Y], 1e-9, 1)).mean()) if len(Y) else 0.0
    return score, loss


def select_head(name, kind, inp, labels, Xtr, ytr, Xva, yva, Ltr=None, Lva=None, written=None):
    """Fit the candidate grid on train; keep the best on validation; return (head, selection log).

    The score is the mean of the score on all validation records and on the hand-written
    ones (`written`, a mask): composed records dominate validation, and a candidate that
    wins on them by leaning on their phrasing generalises worse to real articles.
    """
    best, best_key, logs = None, None, []
    best_emb, best_emb_key = None, None  # the best that reads the embedding only, for the ablation
    for mtype, params in candidate_grid(len(Xtr), lexical=Ltr is not None):
        tc = time.time()
        h = Head(name, kind, inp, labels).fit(Xtr, ytr, mtype, params, Ltr)
        P = h.proba(Xva, Lva, temperature=1.0)
        score, loss = _val_score(kind, labels, yva, P)
        entry = {"model": mtype, **{k: v for k, v in params.items()}, "val_score": round(score, 4)}
        if written is not None and written.any():
            w_score, _ = _val_score(kind, labels, yva[written], P[written])
            entry["val_score_written"] = round(w_score, 4)
            score = (score + w_score) / 2
        entry.update({"val_loss": round(loss, 4), "fit_s": round(time.time() - tc, 1)})
        logs.append(entry)
        key = (round(score, 6), -loss)
        if best_key is None or key > best_key:
            best, best_key = h, key
        if h.alpha == 0 and (best_emb_key is None or key > best_emb_key):
            best_emb, best_emb_key = h, key
    return best, logs, best_emb


# ------------------------------------------------------------------------------ main

def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=MODEL_OUT)
    ap.add_argument("--data", type=Path, default=DATA_DIR)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--adapter", choices=("train", "keep", "none"), default="train",
                    help="encoder adapter: fine-tune a new one (default), keep the one in --out, or use none")
    args = ap.parse_args(argv)
    t0 = time.time()
    timings = {}
    random.seed(SEED)
    np.random.seed(SEED)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)

    # ---------------------------------------------------------------- data
    arts, sents, load_stats = load_all(args.data)
    log(f"loaded {len(arts)} articles, {len(sents)} sentences ({load_stats})")
    # Records already in splits.json keep their split, so new data never moves a test record into training.
    splits, dup_stats = build_splits(arts, sents, previous=read_splits(args.data / "splits.json"))
    write_splits(splits, args.data / "splits.json")
    arts = [r for r in arts if not r["exact_dup"]]
    sents = [r for r in sents if not r["exact_dup"]]
    log(f"near-duplicates: {json.dumps(dup_stats)}")

    A = {s: [r for r in arts if r["split"] == s] for s in ("train", "validation", "test")}
    S = {s: [r for r in sents if r["split"] == s] for s in ("train", "validation", "test")}
    log("articles per split: " + ", ".join(f"{k}={len(v)}" for k, v in A.items()) +
        "; sentences per split: " + ", ".join(f"{k}={len(v)}" for k, v in S.items()))
    timings["data_s"] = round(time.time() - t0, 1)

    # ---------------------------------------------------------------- encoder adapter (fine-tuning)
    adapter_path = out / ADAPTER_FILE
    adapter_info = None
    if args.adapter == "train":
        from .features import load_tokenizer
        from .finetune import train_adapter

        factors, adapter_info = train_adapter(load_tokenizer(out / "tokenizer.json"), A["train"], S["train"], log=log)
        write_adapter(adapter_path, factors, adapter_info)
        timings["fine_tuning_s"] = adapter_info["seconds"]
    elif args.adapter == "none" and adapter_path.exists():
        adapter_path.unlink()
    use_adapter = adapter_path.exists()
    if use_adapter and adapter_info is None:
        adapter_info = read_adapter_info(adapter_path)

    # ---------------------------------------------------------------- embeddings
    t1 = time.time()
    enc = Encoder(out / "encoder.onnx", threads=args.threads, adapter=adapter_path if use_adapter else None)
    feat = Featurizer(enc)
    docE = {s: feat.documents([(r.get("title") or "", r.get("body") or "") for r in A[s]]) for s in A}
    log(f"document embeddings done ({time.time() - t1:.0f}s)")
    rng = random.Random(SEED)
    pool = [r["text"] for r in S["train"] if r["level"] == "none" and not r["denial"]]
    if len(pool) < 8:
        pool = pool + FALLBACK_FILLERS
    sentE, sentIdx, sentence_jobs_cache = {}, {}, {}
    for s, (n_ctx, alone) in {"train": (2, True), "validation": (1, False), "test": (1, False)}.items():
        jobs, owners = sentence_jobs(sents, s, pool, rng, n_ctx, alone)
        sentE[s] = feat.spans(jobs) if jobs else np.zeros((0, HIDDEN), np.float32)
        sentIdx[s] = owners
        sentence_jobs_cache[s] = jobs
    # test sentences embedded alone as well, for a secondary number
    test_alone_jobs = [SpanJob(r["text"], 0, len(r["text"])) for r in S["test"]]
    test_alone = feat.spans(test_alone_jobs) if S["test"] else np.zeros((0, HIDDEN))
    timings["embeddings_s"] = round(time.time() - t1, 1)
    log(f"sentence embeddings done ({timings['embeddings_s']}s total)")

    # ---------------------------------------------------------------- lexical counts (same rows)
    docIds = {s: feat.document_ids([(r.get("title") or "", r.get("body") or "") for r in A[s]]) for s in A}
    sentIds = {s: feat.span_ids(sentence_jobs_cache[s]) for s in sentE}
    train_alone = [SpanJob(r["text"], 0, len(r["text"])) for r in S["train"]]
    lexicon = Lexicon.build(docIds["train"] + feat.span_ids(train_alone), min_df=LEXICON_MIN_DF)
    docC = {s: lexicon.counts(docIds[s]) for s in docIds}
    sentC = {s: lexicon.counts(sentIds[s]) for s in sentIds}
    test_aloneC = lexicon.counts(feat.span_ids(test_alone_jobs))
    docL = {s: lexicon.unit(docC[s]) for s in docC}
    sentL = {s: lexicon.unit(sentC[s]) for s in sentC}
    test_aloneL = lexicon.unit(test_aloneC)
    log(f"lexicon: {len(lexicon)} keys (min_df {LEXICON_MIN_DF})")

    # ---------------------------------------------------------------- targets
    Yt = {s: threat_indicator(A[s]) for s in A}
    yp = {s: np.array([THREAT_LABELS.index(r["primary"]) for r in A[s]], dtype=int) for s in A}
    ya = {s: np.array([ATTRIBUTION_LEVELS.index(r["attribution"]) for r in A[s]], dtype=int) for s in A}
    ysl = {s: np.array([ATTRIBUTION_LEVELS.index(sents[i]["level"]) for i in sentIdx[s]], dtype=int) for s in sentE}
    ysd = {s: np.array([[int(sents[i]["denial"])] for i in sentIdx[s]], dtype=int).reshape(-1, 1) for s in sentE}

    # ---------------------------------------------------------------- heads
    t2 = time.time()
    specs = [
        ("threat_probs", "sigmoid", "document", THREAT_LABELS, docE, docL, Yt),
        ("primary_probs", "softmax", "document", THREAT_LABELS, docE, docL, yp),
        ("attribution_probs", "softmax", "document", ATTRIBUTION_LEVELS, docE, docL, ya),
        ("sentence_attribution_probs", "softmax", "sentence", ATTRIBUTION_LEVELS, sentE, sentL, ysl),
        ("sentence_denial_probs", "sigmoid", "sentence", ["denial"], sentE, sentL, ysd),
    ]
    written_doc = np.array([is_written(r) for r in A["validation"]])
    written_sent = np.array([is_written(sents[i]) for i in sentIdx["validation"]], dtype=bool)
    heads, selection, ece, H_emb = [], {}, {}, {}
    for name, kind, inp, labels, E, L, Y in specs:
        written = written_doc if inp == "document" else written_sent
        h, logs, h_emb = select_head(name, kind, inp, labels, E["train"], Y["train"], E["validation"],
                                     Y["validation"], L["train"], L["validation"], written)
        if len(E["validation"]):
            h.temperature = fit_temperature(h, E["validation"], Y["validation"], L["validation"])
            h_emb.temperature = fit_temperature(h_emb, E["validation"], Y["validation"])
        H_emb[name] = h_emb
        selection[name] = {"chosen": {"model": h.model_type, **h.params}, "candidates": logs,
                           "temperature": round(h.temperature, 4)}
        if len(E["test"]):
            before, after = h.proba(E["test"], L["test"], 1.0), h.proba(E["test"], L["test"])
            if kind == "sigmoid":
                ece[name] = {"before": ece_binary(before, Y["test"]), "after": ece_binary(after, Y["test"])}
            else:
                ece[name] = {"before": ece_top(before, Y["test"]), "after": ece_top(after, Y["test"])}
        log(f"head {name}: {h.model_type} {h.params} T={h.temperature:.3f}")
        heads.append(h)
    H = {h.name: h for h in heads}
    thresholds = tune_thresholds(Yt["validation"], H["threat_probs"].proba(docE["validation"], docL["validation"]),
                                 THREAT_LABELS) if len(A["validation"]) else {lab: 0.5 for lab in THREAT_LABELS}
    denial_thr = tune_thresholds(ysd["validation"], H["sentence_denial_probs"].proba(sentE["validation"],
                                                                                    sentL["validation"]), ["denial"])
    # The same heads without the lexical block (an ablation, reported beside the model).
    ablation = {"heads": H_emb,
                "thresholds": tune_thresholds(Yt["validation"], H_emb["threat_probs"].proba(docE["validation"]),
                                              THREAT_LABELS),
                "denial_threshold": tune_thresholds(ysd["validation"], H_emb["sentence_denial_probs"].proba(
                    sentE["validation"]), ["denial"])["denial"]}
    timings["heads_s"] = round(time.time() - t2, 1)

    # ---------------------------------------------------------------- export heads + check against sklearn
    model = build_heads_onnx(heads, lexicon.idf)
    heads_path = out / "heads.onnx"
    heads_path.write_bytes(model.SerializeToString(deterministic=True))
    lexicon.write(out / "lexicon.json")
    import scipy.sparse as sp

    check_X = np.concatenate([docE["test"], docE["validation"], sentE["test"]])[:500]
    check_C = sp.vstack([docC["test"], docC["validation"], sentC["test"]]).tocsr()[:500]
    if not len(check_X):
        check_X, check_C = docE["train"][:50], docC["train"][:50]
    onnx_out = run_heads_onnx(str(heads_path), check_X, check_C)
    check_L = lexicon.unit(check_C)
    # The recipe's own heads use the int8 lexical weights heads.onnx stores, so they agree to
    # float32 rounding; scikit-learn's estimators keep float64 weights.
    recipe_max_diff = max(float(np.abs(onnx_out[h.name] - h.proba(check_X, check_L)).max()) for h in heads)
    onnx_max_diff = max(float(np.abs(onnx_out[h.name] - h.sklearn_proba(check_X, check_L)).max()) for h in heads)
    log(f"heads.onnx vs recipe heads: max abs diff {recipe_max_diff:.2e}; vs scikit-learn (float64 lexical "
        f"weights): {onnx_max_diff:.2e}")
    assert recipe_max_diff < 1e-5, recipe_max_diff
    assert onnx_max_diff < 2e-2, onnx_max_diff

    # ---------------------------------------------------------------- evaluation
    t3 = time.time()
    metrics = evaluate_all(A, S, sents, sentIdx, (docE, docL), (sentE, sentL), (test_alone, test_aloneL), Yt, yp, ya,
                           ysl, ysd, H, thresholds, denial_thr, ece, ablation)
    metrics["heads_onnx_vs_sklearn_max_abs_diff"] = onnx_max_diff
    metrics["heads_onnx_vs_recipe_max_abs_diff"] = recipe_max_diff
    timings["evaluation_s"] = round(time.time() - t3, 1)

    # ---------------------------------------------------------------- parity
    from .parity import write_parity

    parity = write_parity(out, enc, lexicon)
    timings["total_s"] = round(time.time() - t0, 1)

    # ---------------------------------------------------------------- manifest + card
    training = training_summary(arts, sents, dup_stats, load_stats, A, S)
    from .common import CACHE_DIR

    check = CACHE_DIR / "encoder_check.json"
    if check.exists():
        training["encoder_check"] = json.loads(check.read_text(encoding="utf-8"))
    manifest = {
        "name": MODEL_NAME,
        "version": MODEL_VERSION,
        "encoder": {"file": "encoder.onnx", "hidden_size": HIDDEN, "max_window_tokens": MAX_WINDOW_TOKENS,
                    "window_stride_tokens": WINDOW_STRIDE_TOKENS, "pooling": "mean",
                    **({"adapter": ADAPTER_FILE} if use_adapter else {})},
        "heads": {"file": "heads.onnx", "outputs": {
            h.name: {"labels": h.labels, "activation": h.kind, "input": h.input,
                     "temperature": round(h.temperature, 6), "model": h.model_type,
                     "lexical_weight": h.alpha} for h in heads}},
        "lexicon": {"file": "lexicon.json", "features": len(lexicon), "min_df": LEXICON_MIN_DF,
                    "keys": "word-piece unigrams and adjacent bigrams of the row's token ids"},
        "threat_labels": THREAT_LABELS,
        "attribution_levels": ATTRIBUTION_LEVELS,
        "thresholds": {"threat": thresholds, "sentence_denial": denial_thr["denial"]},
        "attribution_rule": ATTRIBUTION_RULE,
        "training": {**training, "selection": selection, "timings": timings, "adapter": adapter_info,
                     "recipe_version": __version__, "seed": SEED},
        "metrics": key_metrics(metrics),
        "created": created_stamp(),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    (out / "metrics_full.json").write_text(json.dumps(metrics, indent=1) + "\n", encoding="utf-8")
    from .card import write_card

    write_card(out, manifest, metrics, parity)
    log(f"wrote {out} in {timings['total_s']}s")
    return manifest


def created_stamp():
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    t = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return t.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def training_summary(arts, sents, dup_stats, load_stats, A, S):
    def cnt(recs, f):
        c = Counter()
        for r in recs:
            for v in f(r):
                c[v] += 1
        return dict(sorted(c.items()))

    return {
        "articles": {s: {"n": len(A[s]), "primary": cnt(A[s], lambda r: [r["primary"]]),
                         "threat_types": cnt(A[s], lambda r: r["threat_types"]),
                         "attribution": cnt(A[s], lambda r: [r["attribution"]]),
                         "origin": cnt(A[s], lambda r: [r.get("origin", "unknown")])} for s in A},
        "sentences": {s: {"n": len(S[s]), "level": cnt(S[s], lambda r: [r["level"]]),
                          "denial": cnt(S[s], lambda r: ["denial" if r["denial"] else "no_denial"]),
                          "origin": cnt(S[s], lambda r: [r.get("origin", "unknown")])} for s in S},
        "files": sorted({r["_file"] for r in arts} | {r["_file"] for r in sents}),
        "near_duplicates": dup_stats,
        "rejected": load_stats,
    }


def evaluate_all(A, S, sents, sentIdx, doc, sent, alone, Yt, yp, ya, ysl, ysd, H, thresholds, denial_thr, ece,
                 ablation):
    """doc, sent, alone: (embeddings, unit lexical rows) per split (alone: test sentences on their own)."""
    (docE, docL), (sentE, sentL), (test_alone, test_aloneL) = doc, sent, alone
    kb = KeywordBaseline()
    res = {"ece": ece}

    def doc_block(mask, tag):
        recs = [r for r, m in zip(A["test"], mask) if m]
        if not recs:
            return {}
        E, Lx = docE["test"][mask], docL["test"][np.flatnonzero(mask)]
        Y, p, a = Yt["test"][mask], yp["test"][mask], ya["test"][mask]
        out = {"n": len(recs)}
        P_t = H["threat_probs"].proba(E, Lx)
        P_p = H["primary_probs"].proba(E, Lx)
        P_a = H["attribution_probs"].proba(E, Lx)
        # Threat types by the service's rule: over threshold, plus the system's own primary label.
        out["model"] = {"threat": multilabel_report(Y, P_t, THREAT_LABELS, thresholds, P_p.argmax(1)),
                        "primary": multiclass_report(p, P_p, THREAT_LABELS),
                        "attribution": multiclass_report(a, P_a, ATTRIBUTION_LEVELS),
                        "ece": {"threat": ece_binary(P_t, Y), "primary": ece_top(P_p, p),
                                "attribution": ece_top(P_a, a)}}
        # the same heads without lexical features
        HE = ablation["heads"]
        E_t, E_p, E_a = (HE[k].proba(E) for k in ("threat_probs", "primary_probs", "attribution_probs"))
        out["embedding"] = {"threat": multilabel_report(Y, E_t, THREAT_LABELS, ablation["thresholds"], E_p.argmax(1)),
                            "primary": multiclass_report(p, E_p, THREAT_LABELS),
                            "attribution": multiclass_report(a, E_a, ATTRIBUTION_LEVELS),
                            "ece": {"threat": ece_binary(E_t, Y), "primary": ece_top(E_p, p),
                                    "attribution": ece_top(E_a, a)}}
        # keyword rules
        kw = [kb.threat(r.get("title") or "", r.get("body") or "") for r in recs]
        KM = np.array([k[0] for k in kw])
        KP = np.array([k[1] for k in kw])
        KA = np.array([kb.attribution(f"{r.get('title') or ''}\n{r.get('body') or ''}") for r in recs])
        out["keywords"] = {"threat": multilabel_report(Y, KM, THREAT_LABELS, {}, KP.argmax(1)),
                           "primary": multiclass_report(p, KP, THREAT_LABELS),
                           "attribution": multiclass_report(a, KA, ATTRIBUTION_LEVELS),
                           "ece": {"threat": ece_binary(KM, Y), "primary": ece_top(KP, p), "attribution": ece_top(KA, a)}}
        # tf-idf
        TP_t, TP_p, TP_a = tfidf_doc["test"]
        TP_t, TP_p, TP_a = TP_t[mask], TP_p[mask], TP_a[mask]
        out["tfidf"] = {"threat": multilabel_report(Y, TP_t, THREAT_LABELS, tfidf_doc["thresholds"], TP_p.argmax(1)),
                        "primary": multiclass_report(p, TP_p, THREAT_LABELS),
                        "attribution": multiclass_report(a, TP_a, ATTRIBUTION_LEVELS),
                        "ece": {"threat": ece_binary(TP_t, Y), "primary": ece_top(TP_p, p),
                                "attribution": ece_top(TP_a, a)}}
        out["model_vs_tfidf"] = document_versus(Y, p, a, (P_t, P_p, P_a, thresholds),
                                                (TP_t, TP_p, TP_a, tfidf_doc["thresholds"]))
        return out

    # TF-IDF document baseline fitted on train, thresholds on validation
    tfidf_doc = {}
    if A["train"] and A["test"]:
        docs = TfidfDocuments(A["train"], A["validation"])
        tfidf_doc = {s: docs.predict(A[s]) for s in ("validation", "test") if A[s]}
        tfidf_doc["thresholds"] = docs.thresholds
        res["documents_all"] = doc_block(np.ones(len(A["test"]), bool), "all")
        res["documents_written"] = doc_block(np.array([is_written(r) for r in A["test"]]), "written")

    # sentences
    if S["test"] and len(sentE["train"]):
        idx = sentIdx["test"]
        recs = [sents[i] for i in idx]
        written = np.array([is_written(r) for r in recs])
        tb = TfidfBaseline().fit([sents[i]["text"] for i in sentIdx["train"]])
        Xs_tr = tb.transform([sents[i]["text"] for i in sentIdx["train"]])
        Xs_te = tb.transform([r["text"] for r in recs])
        m_l = tb.fit_multiclass(Xs_tr, ysl["train"])
        T_l = tb.predict_multiclass(m_l, Xs_te, len(ATTRIBUTION_LEVELS))
        if ysd["train"].min() != ysd["train"].max():
            m_d = tb.fit_multiclass(Xs_tr, ysd["train"][:, 0])
            T_d = tb.predict_multiclass(m_d, Xs_te, 2)[:, 1]
        else:
            T_d = np.zeros(len(recs))
        P_l = H["sentence_attribution_probs"].proba(sentE["test"], sentL["test"])
        P_d = H["sentence_denial_probs"].proba(sentE["test"], sentL["test"])[:, 0]
        P_l_alone = H["sentence_attribution_probs"].proba(test_alone, test_aloneL)
        A_l = ablation["heads"]["sentence_attribution_probs"].proba(sentE["test"])
        A_d = ablation["heads"]["sentence_denial_probs"].proba(sentE["test"])[:, 0]
        K_l = np.array([kb.attribution(r["text"]) for r in recs])
        K_d = np.array([kb.denial(r["text"]) for r in recs])
        y_l, y_d = ysl["test"], ysd["test"][:, 0]
        dthr = denial_thr["denial"]

        def sblock(m):
            yl, yd, Pl, Pd, Tl, Td = y_l[m], y_d[m], P_l[m], P_d[m], T_l[m], T_d[m]
            pairs = {
                "level_macro_f1": (lambda i: multiclass_report(yl[i], Pl[i], ATTRIBUTION_LEVELS)["macro_f1"],
                                   lambda i: multiclass_report(yl[i], Tl[i], ATTRIBUTION_LEVELS)["macro_f1"]),
                "denial_f1": (lambda i: binary_report(yd[i], Pd[i], dthr)["f1"],
                              lambda i: binary_report(yd[i], Td[i])["f1"]),
            }
            return {
                "model_vs_tfidf": {k: paired_bootstrap(int(m.sum()), ma, mb) for k, (ma, mb) in pairs.items()},
                "n": int(m.sum()),
                "model": {"level": multiclass_report(y_l[m], P_l[m], ATTRIBUTION_LEVELS),
                          "denial": binary_report(y_d[m], P_d[m], dthr),
                          "ece": {"level": ece_top(P_l[m], y_l[m]), "denial": ece_binary(P_d[m], y_d[m])}},
                "embedding": {"level": multiclass_report(y_l[m], A_l[m], ATTRIBUTION_LEVELS),
                              "denial": binary_report(y_d[m], A_d[m], ablation["denial_threshold"]),
                              "ece": {"level": ece_top(A_l[m], y_l[m]), "denial": ece_binary(A_d[m], y_d[m])}},
                "keywords": {"level": multiclass_report(y_l[m], K_l[m], ATTRIBUTION_LEVELS),
                             "denial": binary_report(y_d[m], K_d[m]),
                             "ece": {"level": ece_top(K_l[m], y_l[m]), "denial": ece_binary(K_d[m], y_d[m])}},
                "tfidf": {"level": multiclass_report(y_l[m], T_l[m], ATTRIBUTION_LEVELS),
                          "denial": binary_report(y_d[m], T_d[m]),
                          "ece": {"level": ece_top(T_l[m], y_l[m]), "denial": ece_binary(T_d[m], y_d[m])}},
            }

        res["sentences_all"] = sblock(np.ones(len(recs), bool))
        if written.any():
            res["sentences_written"] = sblock(written)
        y_alone = np.array([ATTRIBUTION_LEVELS.index(r["level"]) for r in S["test"]])
        res["sentences_alone_model_level"] = multiclass_report(y_alone, P_l_alone, ATTRIBUTION_LEVELS)
    return res


def key_metrics(m):
    out = {"split": "test", "ece": {k: {kk: round(vv, 4) for kk, vv in v.items()} for k, v in m.get("ece", {}).items()},
           "heads_onnx_vs_sklearn_max_abs_diff": m.get("heads_onnx_vs_sklearn_max_abs_diff"),
           "heads_onnx_vs_recipe_max_abs_diff": m.get("heads_onnx_vs_recipe_max_abs_diff")}
    for block in ("documents_all", "documents_written"):
        b = m.get(block) or {}
        if not b:
            continue
        out[block] = {"n": b["n"]}
        for sysname in ("model", "embedding", "tfidf", "keywords"):
            s = b[sysname]
            out[block][sysname] = {
                "threat_micro_f1": round(s["threat"]["micro_f1"], 4),
                "threat_macro_f1": round(s["threat"]["macro_f1"], 4),
                "primary_accuracy": round(s["primary"]["accuracy"], 4),
                "primary_macro_f1": round(s["primary"]["macro_f1"], 4),
                "attribution_accuracy": round(s["attribution"]["accuracy"], 4),
                "attribution_macro_f1": round(s["attribution"]["macro_f1"], 4),
                "ece_primary": round(s["ece"]["primary"], 4),
            }
        if b.get("model_vs_tfidf"):
            out[block]["model_vs_tfidf"] = {k: {"diff": round(v["diff"], 4), "ci95": [round(x, 4) for x in v["ci95"]]}
                                            for k, v in b["model_vs_tfidf"].items()}
    for block in ("sentences_all", "sentences_written"):
        b = m.get(block) or {}
        if not b:
            continue
        out[block] = {"n": b["n"]}
        for sysname in ("model", "embedding", "tfidf", "keywords"):
            s = b[sysname]
            out[block][sysname] = {"level_accuracy": round(s["level"]["accuracy"], 4),
                                   "level_macro_f1": round(s["level"]["macro_f1"], 4),
                                   "denial_f1": round(s["denial"]["f1"], 4)}
        if b.get("model_vs_tfidf"):
            out[block]["model_vs_tfidf"] = {k: {"diff": round(v["diff"], 4), "ci95": [round(x, 4) for x in v["ci95"]]}
                                            for k, v in b["model_vs_tfidf"].items()}
    return out


if __name__ == "__main__":
    main()
