"""Evaluation on the hold-out articles in `training/data/holdout5/` (or `--dir`).

These articles were written after the shipped model was frozen, by writers who
did not see the training data, and the recipe never reads them (it loads
`training/data/articles/` and `training/data/sentences/` only). They measure how
the model carries over to text it was not tuned on, which the test split (same
writers, same composers) cannot.

Systems, all on the same articles:
  * service:  the `threatlens classify` binary (windows, heads, attribution rule);
  * heads:    the shipped `heads.onnx` on the document embedding and lexical counts;
  * tfidf:    TF-IDF + LR fitted on the train split, thresholds from validation;
  * keywords: the keyword rules.
Threat types use the service's rule for every system (over threshold, plus the
system's own primary label; a `none` primary excludes the rest).

    python -m threatlens_train.holdout_eval [--dir DIR [DIR ...]] [--bin target/release/threatlens] [--out FILE]
"""
from __future__ import annotations

import argparse
import glob
import json
import sys
from pathlib import Path

import numpy as np

from .baselines import KeywordBaseline, TfidfDocuments
from .common import ATTRIBUTION_LEVELS, DATA_DIR, MODEL_OUT, THREAT_LABELS
from .data import NEAR_DUP_JACCARD, _read_jsonl, article_text, load_all, shingles, valid_article
from .evaluate import document_versus, multiclass_report, multilabel_report, threat_indicator

ROOT = Path(__file__).resolve().parents[2]
HOLDOUT_DIR = DATA_DIR / "holdout5"


def load_holdout(directories: list[Path] | Path = HOLDOUT_DIR) -> tuple[list[dict], int]:
    """Every article in the JSONL files of one or more hold-out directories (pooled)."""
    if isinstance(directories, (str, Path)):
        directories = [directories]
    recs, bad = [], 0
    paths = [p for d in directories for p in sorted(glob.glob(str(Path(d) / "*.jsonl")))]
    for p in paths:
        for r in _read_jsonl(p):
            if valid_article(r):
                r["_file"] = f"{Path(p).parent.name}/{Path(p).name}"
                recs.append(r)
            else:
                bad += 1
    return recs, bad


def overlap_with_training(holdout: list[dict], training: list[dict]) -> dict:
    """Largest word 5-gram Jaccard similarity of each hold-out article to any training-data article."""
    train_sh = [shingles(article_text(r)) for r in training]
    best = []
    for r in holdout:
        s = shingles(article_text(r))
        m = 0.0
        for t in train_sh:
            if s and t:
                inter = len(s & t)
                if inter:
                    m = max(m, inter / len(s | t))
        best.append(m)
    best = np.array(best)
    return {"max_jaccard": float(best.max()) if len(best) else 0.0,
            "at_or_over_near_duplicate_threshold": int((best >= NEAR_DUP_JACCARD).sum()),
            "threshold": NEAR_DUP_JACCARD}


def _report(Y, y_p, y_a, P_t, P_p, P_a, thresholds):
    return {"threat": multilabel_report(Y, P_t, THREAT_LABELS, thresholds, P_p.argmax(1)),
            "primary": multiclass_report(y_p, P_p, THREAT_LABELS),
            "attribution": multiclass_report(y_a, P_a, ATTRIBUTION_LEVELS)}


def _onehot(idx, n):
    out = np.zeros((len(idx), n))
    out[np.arange(len(idx)), idx] = 1.0
    return out


def evaluate(binary: str, model_dir: Path, directories: list[Path] | Path = HOLDOUT_DIR) -> dict:
    from .features import Encoder, Featurizer
    from .heads import run_heads_onnx
    from .lexicon import Lexicon
    from .service_eval import run_service

    hold, rejected = load_holdout(directories)
    if not hold:
        raise SystemExit(f"no hold-out articles in {directories}")
    arts, _, _ = load_all()
    splits = json.loads((DATA_DIR / "splits.json").read_text())["articles"]
    A = {s: [r for r in arts if splits.get(r["id"]) == s] for s in ("train", "validation")}
    Y = threat_indicator(hold)
    y_p = np.array([THREAT_LABELS.index(r["primary"]) for r in hold])
    y_a = np.array([ATTRIBUTION_LEVELS.index(r["attribution"]) for r in hold])
    manifest = json.loads((model_dir / "manifest.json").read_text())
    systems = {}

    # the service, end to end
    answers = run_service(binary, str(model_dir), hold)
    S_t = np.array([[float(any(t["label"] == lab and t["predicted"] for t in a["threat_types"]))
                     for lab in THREAT_LABELS] for a in answers])
    S_p = _onehot([THREAT_LABELS.index(a["primary_threat"]) for a in answers], len(THREAT_LABELS))
    S_a = _onehot([ATTRIBUTION_LEVELS.index(a["attribution"]["level"]) for a in answers], len(ATTRIBUTION_LEVELS))
    systems["service"] = (S_t, S_p, S_a, {lab: 0.5 for lab in THREAT_LABELS})
    denied_ok = float(np.mean([bool(r.get("denied")) == bool(a["attribution"].get("denied"))
                               for r, a in zip(hold, answers)]))

    # the heads alone
    feat = Featurizer(Encoder.for_model_dir(model_dir))
    docs = [(r.get("title") or "", r.get("body") or "") for r in hold]
    E = feat.documents(docs)
    lexicon = Lexicon.read(model_dir / "lexicon.json")
    ho = run_heads_onnx(str(model_dir / "heads.onnx"), E, lexicon.counts(feat.document_ids(docs)))
    systems["heads"] = (ho["threat_probs"], ho["primary_probs"], ho["attribution_probs"],
                        manifest["thresholds"]["threat"])

    # TF-IDF + LR on the train split, thresholds from validation
    docs = TfidfDocuments(A["train"], A["validation"])
    systems["tfidf"] = (*docs.predict(hold), docs.thresholds)

    kb = KeywordBaseline()
    kw = [kb.threat(r.get("title") or "", r.get("body") or "") for r in hold]
    systems["keywords"] = (np.array([k[0] for k in kw]), np.array([k[1] for k in kw]),
                           np.array([kb.attribution(article_text(r)) for r in hold]), {})

    reports = {k: _report(Y, y_p, y_a, *v) for k, v in systems.items()}
    summary = {k: {"threat_micro_f1": r["threat"]["micro_f1"], "threat_macro_f1": r["threat"]["macro_f1"],
                   "primary_accuracy": r["primary"]["accuracy"], "primary_macro_f1": r["primary"]["macro_f1"],
                   "attribution_accuracy": r["attribution"]["accuracy"],
                   "attribution_macro_f1": r["attribution"]["macro_f1"]} for k, r in reports.items()}

    def boot(a, b):
        return document_versus(Y, y_p, y_a, systems[a], systems[b])

    counts = {"primary": {lab: int((y_p == i).sum()) for i, lab in enumerate(THREAT_LABELS)},
              "attribution": {lab: int((y_a == i).sum()) for i, lab in enumerate(ATTRIBUTION_LEVELS)},
              "multi_label": int((Y.sum(1) > 1).sum()),
              "files": sorted({r["_file"] for r in hold}), "rejected": rejected,
              "words_median": int(np.median([len(article_text(r).split()) for r in hold])),
              "words_max": int(max(len(article_text(r).split()) for r in hold))}
    return {"n": len(hold), "data": counts, "overlap_with_training_data": overlap_with_training(hold, arts),
            "summary": summary, "service_denied_accuracy": denied_ok,
            "service_vs_tfidf": boot("service", "tfidf"), "heads_vs_tfidf": boot("heads", "tfidf"),
            "confusion": {k: {"primary": r["primary"]["confusion"], "attribution": r["attribution"]["confusion"]}
                          for k, r in reports.items()},
            "errors": [{"id": r["id"], "title": (r.get("title") or "")[:100],
                        "gold": {"threat_types": r["threat_types"], "primary": r["primary"],
                                 "attribution": r["attribution"]},
                        "service": {"threat_types": [t["label"] for t in a["threat_types"] if t["predicted"]],
                                    "primary": a["primary_threat"], "attribution": a["attribution"]["level"]}}
                       for r, a in zip(hold, answers)
                       if a["primary_threat"] != r["primary"] or a["attribution"]["level"] != r["attribution"]
                       or sorted(t["label"] for t in a["threat_types"] if t["predicted"]) != sorted(r["threat_types"])]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "threatlens"))
    ap.add_argument("--model-dir", type=Path, default=MODEL_OUT)
    ap.add_argument("--dir", type=Path, nargs="+", default=[HOLDOUT_DIR],
                    help="directories of hold-out JSONL files; several are pooled into one evaluation")
    ap.add_argument("--out", type=Path, help="write the result JSON here")
    args = ap.parse_args()
    result = evaluate(args.bin, args.model_dir, args.dir)
    print(f"hold-out articles: {result['n']}; overlap with training data: {result['overlap_with_training_data']}")
    print(f"{'system':9} threat-microF1 primary-acc primary-macroF1 attribution-acc attribution-macroF1")
    for k, s in result["summary"].items():
        print(f"{k:9} {s['threat_micro_f1']:.3f}          {s['primary_accuracy']:.3f}       {s['primary_macro_f1']:.3f}"
              f"           {s['attribution_accuracy']:.3f}           {s['attribution_macro_f1']:.3f}")
    for name in ("service_vs_tfidf", "heads_vs_tfidf"):
        print(name, {k: (round(v["diff"], 3), [round(x, 3) for x in v["ci95"]]) for k, v in result[name].items()})
    if args.out:
        args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
