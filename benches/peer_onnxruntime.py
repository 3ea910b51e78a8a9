#!/usr/bin/env python3
"""Peer throughput baseline: the service's encoder path in Python + onnxruntime.

What it measures
----------------
The ThreatLens service spends nearly all of its CPU time tokenizing articles
and running the MiniLM encoder over 256-token windows. This script does that
same per-article work, on the same ``encoder.onnx`` and ``tokenizer.json``,
with the reference Python stack (HuggingFace ``tokenizers`` and
``onnxruntime``). Comparing its numbers with the service's tells whether the
service's encoder path (tract, dynamic batcher, gRPC) is in the expected range
or leaves throughput on the table.

Per article, exactly as ``src/tokenize.rs`` does it:

* tokenizer loaded with ``Tokenizer.from_file``, truncation and padding off;
* title and body encoded separately without special tokens (an empty string
  gives no tokens); ``content = title + [SEP] + body`` when both are
  non-empty, otherwise whichever is non-empty;
* windows of ``W = 254`` content tokens: ``starts = [0]``, then
  ``min(prev + 190, n - W)`` while ``prev + W < n``; each window is
  ``[CLS] content[s:s+W] [SEP]``.

Across the corpus (an offline batch, the best case for the service's dynamic
batcher): all windows are sorted by length and grouped into batches of at most
``--max-batch-tokens`` padded tokens (``batch_size * longest_window``), padded
with id 0 / mask 0, run through an ``InferenceSession`` (``--threads`` intra-op
threads, one inter-op thread, all graph optimisations), and mean-pooled per
window over the real tokens (specials included, as the service does). Window
embeddings are then combined into one article embedding, weighted by window
length, like the service's document row.

Not included (the service does these too, so the peer is a slight lower bound
on work): sentence splitting and per-sentence span pooling, the
classification heads, post-processing and the gRPC round trip.

Reported (JSON on stdout, readable summary on stderr): articles, windows, real
tokens (window lengths incl. [CLS]/[SEP]), padded tokens, seconds spent
tokenizing (+windowing), in inference, pooling, and in total, and
articles/s and tokens/s for (a) inference only and (b) end to end.

``--single-latency`` instead times batch-1 requests for one short article
(the first corpus article under 64 window tokens): 50 timed forward passes
after warm-up, p50/p95 in ms, to compare with the service's single-request
latency. Both forward-only and tokenize+forward+pool times are reported.

Usage::

    python benches/peer_onnxruntime.py --corpus benches/data/corpus.jsonl \
        [--threads 2] [--max-batch-tokens 4096] [--limit N] [--warmup 3]
    python benches/peer_onnxruntime.py --single-latency [--threads 2]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np
import onnxruntime as ort
import tokenizers
from tokenizers import Tokenizer

CLS, SEP = 101, 102
WINDOW_CONTENT = 254  # max_window_tokens (256) - 2 specials
STRIDE = 190


# --------------------------------------------------------------------------
# Tokenization and windowing (mirrors src/tokenize.rs)
# --------------------------------------------------------------------------

def load_tokenizer(path: str) -> Tokenizer:
    tok = Tokenizer.from_file(path)
    tok.no_truncation()
    tok.no_padding()
    if tok.token_to_id("[CLS]") != CLS or tok.token_to_id("[SEP]") != SEP:
        raise SystemExit(f"{path}: unexpected [CLS]/[SEP] ids")
    return tok


def encode(tok: Tokenizer, text: str) -> list[int]:
    if not text:
        return []
    return tok.encode(text, add_special_tokens=False).ids


def content_ids(tok: Tokenizer, title: str, body: str) -> list[int]:
    t, b = encode(tok, title), encode(tok, body)
    if t and b:
        return t + [SEP] + b
    return t or b


def window_starts(n: int, w: int = WINDOW_CONTENT, stride: int = STRIDE) -> list[int]:
    starts = [0]
    while starts[-1] + w < n:
        starts.append(min(starts[-1] + stride, n - w))
    return starts


def windows_of(content: list[int]) -> list[list[int]]:
    return [[CLS] + content[s:s + WINDOW_CONTENT] + [SEP] for s in window_starts(len(content))]


# --------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------

def encoder_model(model_dir: str):
    """The encoder the service runs: the manifest's encoder with its adapter added to
    the weights the same way the service adds it (serialised bytes), or the file's path."""
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "training"))
    from threatlens_train.adapter import encoder_bytes
    from threatlens_train.features import encoder_files

    encoder, adapter = encoder_files(Path(model_dir))
    return encoder_bytes(encoder, adapter) if adapter else str(encoder)


def make_session(model, threads: int) -> ort.InferenceSession:
    """`model`: a path or the serialised ONNX bytes."""
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    so.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    so.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(model, sess_options=so, providers=["CPUExecutionProvider"])


def make_batches(lengths: list[int], max_batch_tokens: int) -> list[list[int]]:
    """Window indices sorted by length, grouped so batch_size * max_len <= budget."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    cur: list[int] = []
    for i in order:
        # Sorted ascending, so the newcomer is the longest in the batch.
        if cur and (len(cur) + 1) * lengths[i] > max_batch_tokens:
            batches.append(cur)
            cur = []
        cur.append(i)
    if cur:
        batches.append(cur)
    return batches


def pad(windows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    seq = max(len(w) for w in windows)
    ids = np.zeros((len(windows), seq), dtype=np.int64)
    mask = np.zeros((len(windows), seq), dtype=np.int64)
    for b, w in enumerate(windows):
        ids[b, :len(w)] = w
        mask[b, :len(w)] = 1
    return ids, mask


def forward(sess: ort.InferenceSession, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    return sess.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": mask})[0]


def mean_pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    m = mask[:, :, None].astype(np.float32)
    return (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1.0)


# --------------------------------------------------------------------------
# Modes
# --------------------------------------------------------------------------

def read_corpus(path: str, limit: int | None) -> list[dict]:
    arts = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                arts.append(json.loads(line))
                if limit is not None and len(arts) >= limit:
                    break
    return arts


def environment(args) -> dict:
    return {
        "onnxruntime": ort.__version__,
        "tokenizers": tokenizers.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "threads": args.threads,
        "max_batch_tokens": args.max_batch_tokens,
    }


def run_throughput(args, tok: Tokenizer, sess: ort.InferenceSession) -> dict:
    arts = read_corpus(args.corpus, args.limit)
    if not arts:
        raise SystemExit(f"{args.corpus}: no articles")

    # Warm-up: tokenize a few articles and run a few batches (untimed).
    if args.warmup > 0:
        warm = [w for a in arts[:64] for w in windows_of(content_ids(tok, a["title"], a["body"]))]
        lens = [len(w) for w in warm]
        for batch in make_batches(lens, args.max_batch_tokens)[-args.warmup:]:
            forward(sess, *pad([warm[i] for i in batch]))

    t0 = time.perf_counter()
    # (a) tokenize and window every article.
    windows: list[list[int]] = []
    owner: list[int] = []
    for a_idx, a in enumerate(arts):
        for w in windows_of(content_ids(tok, a["title"], a["body"])):
            windows.append(w)
            owner.append(a_idx)
    t_tok = time.perf_counter() - t0

    # (b) batch, infer, pool per window.
    lengths = [len(w) for w in windows]
    batches = make_batches(lengths, args.max_batch_tokens)
    hidden_size = None
    window_emb: np.ndarray | None = None
    t_infer = 0.0
    t_pool = 0.0
    padded = 0
    for batch in batches:
        tp = time.perf_counter()
        ids, mask = pad([windows[i] for i in batch])
        ti = time.perf_counter()
        hidden = forward(sess, ids, mask)
        tf = time.perf_counter()
        pooled = mean_pool(hidden, mask)
        if window_emb is None:
            hidden_size = hidden.shape[2]
            window_emb = np.zeros((len(windows), hidden_size), dtype=np.float32)
        window_emb[batch] = pooled
        te = time.perf_counter()
        t_infer += tf - ti
        t_pool += (ti - tp) + (te - tf)  # padding + pooling
        padded += ids.size

    # (c) article embedding: window embeddings weighted by window length.
    tp = time.perf_counter()
    owner_arr = np.asarray(owner)
    weights = np.asarray(lengths, dtype=np.float32)
    article_emb = np.zeros((len(arts), hidden_size), dtype=np.float32)
    np.add.at(article_emb, owner_arr, window_emb * weights[:, None])
    article_emb /= np.bincount(owner_arr, weights=weights, minlength=len(arts))[:, None].astype(np.float32)
    t_pool += time.perf_counter() - tp
    t_total = time.perf_counter() - t0

    tokens = sum(lengths)
    return {
        "mode": "throughput",
        "corpus": args.corpus,
        "articles": len(arts),
        "windows": len(windows),
        "batches": len(batches),
        "tokens": tokens,
        "padded_tokens": padded,
        "padding_efficiency": round(tokens / padded, 4),
        "tokenize_s": round(t_tok, 4),
        "inference_s": round(t_infer, 4),
        "pad_pool_s": round(t_pool, 4),
        "total_s": round(t_total, 4),
        "inference_only": {
            "articles_per_s": round(len(arts) / t_infer, 2),
            "tokens_per_s": round(tokens / t_infer, 1),
        },
        "end_to_end": {
            "articles_per_s": round(len(arts) / t_total, 2),
            "tokens_per_s": round(tokens / t_total, 1),
        },
        "environment": environment(args),
    }


def run_single_latency(args, tok: Tokenizer, sess: ort.InferenceSession) -> dict:
    art = None
    for a in read_corpus(args.corpus, None):
        ws = windows_of(content_ids(tok, a["title"], a["body"]))
        if len(ws) == 1 and len(ws[0]) < 64:
            art = a
            break
    if art is None:
        raise SystemExit(f"{args.corpus}: no article under 64 tokens")

    def once() -> tuple[float, float]:
        t0 = time.perf_counter()
        ws = windows_of(content_ids(tok, art["title"], art["body"]))
        ids, mask = pad(ws)
        t1 = time.perf_counter()
        hidden = forward(sess, ids, mask)
        t2 = time.perf_counter()
        mean_pool(hidden, mask)
        t3 = time.perf_counter()
        return (t2 - t1) * 1e3, (t3 - t0) * 1e3

    for _ in range(max(args.warmup, 1) * 5):
        once()
    runs = [once() for _ in range(args.repeats)]
    fwd = np.array([r[0] for r in runs])
    e2e = np.array([r[1] for r in runs])
    tokens = len(windows_of(content_ids(tok, art["title"], art["body"]))[0])
    q = lambda x, p: round(float(np.percentile(x, p)), 3)  # noqa: E731
    return {
        "mode": "single_latency",
        "article_id": art["id"],
        "tokens": tokens,
        "repeats": args.repeats,
        "forward_ms": {"p50": q(fwd, 50), "p95": q(fwd, 95), "min": q(fwd, 0), "max": q(fwd, 100)},
        "end_to_end_ms": {"p50": q(e2e, 50), "p95": q(e2e, 95), "min": q(e2e, 0), "max": q(e2e, 100)},
        "environment": environment(args),
    }


def human(r: dict) -> str:
    if r["mode"] == "single_latency":
        f, e = r["forward_ms"], r["end_to_end_ms"]
        return (f"single latency: article {r['article_id']} ({r['tokens']} tokens), {r['repeats']} runs, "
                f"{r['environment']['threads']} threads\n"
                f"  forward     p50 {f['p50']:.2f} ms  p95 {f['p95']:.2f} ms\n"
                f"  end to end  p50 {e['p50']:.2f} ms  p95 {e['p95']:.2f} ms")
    a, e = r["inference_only"], r["end_to_end"]
    return (f"{r['articles']} articles, {r['windows']} windows in {r['batches']} batches, "
            f"{r['tokens']} tokens ({r['padded_tokens']} padded, {100 * r['padding_efficiency']:.1f}% real), "
            f"{r['environment']['threads']} threads\n"
            f"  tokenize {r['tokenize_s']:.3f} s  inference {r['inference_s']:.3f} s  "
            f"pad+pool {r['pad_pool_s']:.3f} s  total {r['total_s']:.3f} s\n"
            f"  inference only: {a['articles_per_s']:.1f} articles/s  {a['tokens_per_s']:.0f} tokens/s\n"
            f"  end to end:     {e['articles_per_s']:.1f} articles/s  {e['tokens_per_s']:.0f} tokens/s")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="benches/data/corpus.jsonl", help="JSONL corpus (benches/make_corpus.py)")
    ap.add_argument("--model-dir", default="models/threatlens-minilm", help="holds encoder.onnx and tokenizer.json")
    ap.add_argument("--threads", type=int, default=2, help="onnxruntime intra-op threads (default 2)")
    ap.add_argument("--max-batch-tokens", type=int, default=4096,
                    help="padded-token budget per batch, batch_size * longest window (default 4096)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--warmup", type=int, default=3, help="untimed warm-up batches (default 3)")
    ap.add_argument("--single-latency", action="store_true",
                    help="time batch-1 requests for one short article instead of throughput")
    ap.add_argument("--repeats", type=int, default=50, help="timed runs for --single-latency (default 50)")
    args = ap.parse_args()
    if args.max_batch_tokens < WINDOW_CONTENT + 2:
        ap.error("--max-batch-tokens must hold one full window (256)")

    tok = load_tokenizer(os.path.join(args.model_dir, "tokenizer.json"))
    sess = make_session(encoder_model(args.model_dir), args.threads)
    result = run_single_latency(args, tok, sess) if args.single_latency else run_throughput(args, tok, sess)
    print(human(result), file=sys.stderr)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
