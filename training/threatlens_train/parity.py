"""parity.json: fixed inputs with onnxruntime outputs, for the Rust (tract) parity tests."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .features import Encoder, content_ids, load_tokenizer, make_windows, window_starts, combine_windows
from .heads import run_heads_onnx
from .lexicon import Lexicon

PARITY_TEXTS = [
    ("headline", "Dutch PM raises cyber espionage concerns directly with China's Xi", ""),
    ("brief", "Hospital group restores systems after weekend cyber incident",
     "A regional hospital operator in northern Portugal said on Tuesday that scheduling and radiology systems were "
     "back online after an intrusion forced staff onto paper records for three days. It has not said who was behind it."),
]
LONG_BODY = (
    "Investigators at the national cyber agency said the intruders first gained access through an unpatched VPN "
    "appliance, then moved laterally for several weeks before copying engineering drawings to a cloud storage account. "
    "The agency attributed the operation with high confidence to a state-backed group it has tracked since 2019, "
    "and the foreign ministry summoned the ambassador. The embassy rejected the accusation as groundless. "
)


def _fixed_windows(tok) -> list[tuple[str, list[int]]]:
    out = [("empty_document", [101, 102])]
    for name, title, body in PARITY_TEXTS:
        out.append((name, make_windows(content_ids(tok, title, body))[0]))
    long_ids = content_ids(tok, "Agency blames state hackers for theft of engineering files", LONG_BODY * 6)
    out.append(("full_window_256", make_windows(long_ids)[0]))
    return out


def _sparse(row) -> dict[str, float]:
    row = row.tocoo()
    return {str(int(j)): float(v) for j, v in sorted(zip(row.col, row.data))}


def write_parity(out_dir: Path, enc: Encoder | None = None, lexicon: Lexicon | None = None) -> dict:
    """Lexical counts are recorded per case ({column: count}) so the service's counting is checked too."""
    out_dir = Path(out_dir)
    enc = enc or Encoder.for_model_dir(out_dir)
    tok = load_tokenizer(out_dir / "tokenizer.json")
    lex_path = out_dir / "lexicon.json"
    if lexicon is None and lex_path.exists():
        lexicon = Lexicon.read(lex_path)
    counts = (lambda seqs: lexicon.counts(seqs)) if lexicon is not None else (lambda seqs: None)
    cases = []
    pooled = []
    for name, ids in _fixed_windows(tok):
        arr = np.array([ids], dtype=np.int64)
        h = enc.sess.run(None, {"input_ids": arr, "attention_mask": np.ones_like(arr)})[0]
        emb = h[0].mean(0)
        pooled.append(emb)
        cases.append({"name": name, "input_ids": [int(i) for i in ids], "seq_len": len(ids),
                      "last_hidden_state_0_0_first8": [float(v) for v in h[0, 0, :8]],
                      "mean_pooled": [float(v) for v in emb]})
    heads_path = out_dir / "heads.onnx"
    if heads_path.exists():
        C = counts([c["input_ids"] for c in cases])
        ho = run_heads_onnx(str(heads_path), np.stack(pooled).astype(np.float32), C)
        for i, c in enumerate(cases):
            if C is not None:
                c["lexical_counts"] = _sparse(C[i])
            c["heads"] = {k: [float(x) for x in v[i]] for k, v in ho.items()}
    # one multi-window document through the full windowing + weighted pooling path
    title, body = "Agency blames state hackers for theft of engineering files", LONG_BODY * 6
    ids = content_ids(tok, title, body)
    wins = make_windows(ids)
    embs = []
    for w in wins:
        arr = np.array([w], dtype=np.int64)
        embs.append(enc.sess.run(None, {"input_ids": arr, "attention_mask": np.ones_like(arr)})[0][0].mean(0))
    doc = combine_windows(np.stack(embs), [len(w) for w in wins]).astype(np.float32)
    document = {"title": title, "body": body, "content_tokens": len(ids), "window_starts": window_starts(len(ids)),
                "window_lengths": [len(w) for w in wins], "embedding": [float(v) for v in doc]}
    if heads_path.exists():
        C = counts([ids])
        if C is not None:
            document["lexical_counts"] = _sparse(C[0])
        ho = run_heads_onnx(str(heads_path), doc[None], C)
        document["heads"] = {k: [float(x) for x in v[0]] for k, v in ho.items()}
    parity = {"encoder": "encoder.onnx", "heads": "heads.onnx", "runtime": "onnxruntime",
              "suggested_tolerance": {"embedding": 1e-4, "hidden": 1e-4, "probs": 1e-4},
              "windows": cases, "document": document}
    (out_dir / "parity.json").write_text(json.dumps(parity, indent=1) + "\n", encoding="utf-8")
    return parity


if __name__ == "__main__":
    from .common import MODEL_OUT

    write_parity(MODEL_OUT)
