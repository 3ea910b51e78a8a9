"""End-to-end evaluation of the service on a held-out split.

Runs the real `threatlens classify` binary (the same engine the gRPC server
uses: windows, sentence evidence, the attribution rule, actor matching) over
the articles of one split and scores its answers against the labels. This is
the number that matters for users; the per-head numbers in the model card
measure the heads alone.

    python -m threatlens_train.service_eval --split validation --bin target/debug/threatlens
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

from .common import ATTRIBUTION_LEVELS, THREAT_LABELS
from .data import is_written, load_all

ROOT = Path(__file__).resolve().parents[2]


def run_service(binary: str, model_dir: str, articles: list[dict]) -> list[dict]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for a in articles:
            f.write(json.dumps({"id": a["id"], "title": a.get("title", ""), "body": a.get("body", "")}) + "\n")
        path = f.name
    out = subprocess.run([binary, "classify", path, "--model-dir", model_dir], capture_output=True, text=True, check=True)
    answers = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    by_id = {a["id"]: a for a in answers}
    return [by_id[a["id"]] for a in articles]


def score(articles: list[dict], answers: list[dict]) -> dict:
    y_primary = [a["primary"] for a in articles]
    p_primary = [r["primary_threat"] for r in answers]
    y_multi = np.array([[int(l in a["threat_types"]) for l in THREAT_LABELS] for a in articles])
    p_multi = np.array([[int(any(t["label"] == l and t["predicted"] for t in r["threat_types"])) for l in THREAT_LABELS]
                        for r in answers])
    y_att = [a["attribution"] for a in articles]
    p_att = [r["attribution"]["level"] for r in answers]
    denied_ok = 0
    for a, r in zip(articles, answers):
        denied_ok += int(bool(a.get("denied")) == bool(r["attribution"].get("denied")))
    return {
        "n": len(articles),
        "primary_accuracy": round(accuracy_score(y_primary, p_primary), 4),
        "primary_macro_f1": round(f1_score(y_primary, p_primary, labels=THREAT_LABELS, average="macro", zero_division=0), 4),
        "threat_micro_f1": round(f1_score(y_multi, p_multi, average="micro", zero_division=0), 4),
        "attribution_accuracy": round(accuracy_score(y_att, p_att), 4),
        "attribution_macro_f1": round(f1_score(y_att, p_att, labels=ATTRIBUTION_LEVELS, average="macro", zero_division=0), 4),
        "denied_accuracy": round(denied_ok / max(len(articles), 1), 4),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", default="test", choices=["train", "validation", "test"])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "threatlens"))
    ap.add_argument("--model-dir", default=str(ROOT / "models" / "threatlens-minilm"))
    ap.add_argument("--out", help="write the metrics JSON here")
    args = ap.parse_args()

    splits = json.loads((ROOT / "training" / "data" / "splits.json").read_text())["articles"]
    articles, _, _ = load_all()
    chosen = [a for a in articles if splits.get(a["id"]) == args.split]
    answers = run_service(args.bin, args.model_dir, chosen)
    written = [i for i, a in enumerate(chosen) if is_written(a)]
    long = [i for i, r in enumerate(answers) if r.get("usage", {}).get("windows", 1) > 1]
    result = {
        "split": args.split,
        "all": score(chosen, answers),
        "written": score([chosen[i] for i in written], [answers[i] for i in written]),
        "multi_window": score([chosen[i] for i in long], [answers[i] for i in long]),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
