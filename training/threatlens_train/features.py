"""Tokenisation, windowing, pooling and cached batch encoding.

The Rust service implements exactly the same rules:
  * title and body encoded separately without special tokens;
    content = title + [SEP] + body when both are non-empty, else whichever is non-empty;
  * windows of W = max_window_tokens - 2 content tokens, starts = [0] and then
    min(prev + stride, n - W) while prev + W < n; each window is [CLS] + slice + [SEP];
  * window embedding = mean of last_hidden_state over every position of the window
    (specials included); document embedding = window embeddings averaged with weights
    equal to the window lengths (specials included);
  * sentence embedding = mean over the sentence's own tokens (no specials), taken
    from the window holding most of them.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .common import CACHE_DIR, CLS_ID, HIDDEN, MAX_WINDOW_TOKENS, MODEL_OUT, SEP_ID, WINDOW_STRIDE_TOKENS

WINDOW_CONTENT = MAX_WINDOW_TOKENS - 2


def load_tokenizer(path: Path | None = None):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path or MODEL_OUT / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def join_content(title_ids: list[int], body_ids: list[int]) -> list[int]:
    if title_ids and body_ids:
        return list(title_ids) + [SEP_ID] + list(body_ids)
    return list(title_ids or body_ids)


def content_ids(tok, title: str, body: str) -> list[int]:
    t = tok.encode(title or "", add_special_tokens=False).ids if title else []
    b = tok.encode(body or "", add_special_tokens=False).ids if body else []
    return join_content(t, b)


def window_starts(n: int, w: int = WINDOW_CONTENT, stride: int = WINDOW_STRIDE_TOKENS) -> list[int]:
    starts = [0]
    while starts[-1] + w < n:
        starts.append(min(starts[-1] + stride, n - w))
    return starts


def make_windows(content: list[int], w: int = WINDOW_CONTENT, stride: int = WINDOW_STRIDE_TOKENS) -> list[list[int]]:
    return [[CLS_ID] + list(content[s:s + w]) + [SEP_ID] for s in window_starts(len(content), w, stride)]


def combine_windows(window_embs: np.ndarray, lengths: list[int]) -> np.ndarray:
    wts = np.asarray(lengths, dtype=np.float64)
    return (np.asarray(window_embs, dtype=np.float64) * wts[:, None]).sum(0) / wts.sum()


def best_window_for_span(n_content: int, token_idx: list[int], w: int = WINDOW_CONTENT,
                         stride: int = WINDOW_STRIDE_TOKENS) -> tuple[int, list[int]]:
    """Window (first one on ties) holding most of the given content-token indices and the
    positions of those tokens inside it (CLS offset included)."""
    starts = window_starts(n_content, w, stride)
    best, best_pos = 0, []
    for wi, s in enumerate(starts):
        pos = [i - s + 1 for i in token_idx if s <= i < s + w]
        if len(pos) > len(best_pos):
            best, best_pos = wi, pos
    return best, best_pos


def encoder_files(model_dir: Path) -> tuple[Path, Path | None]:
    """The encoder file and adapter file (or None) a model directory's manifest names;
    `encoder.onnx` alone when the directory has no manifest yet."""
    model_dir = Path(model_dir)
    manifest = model_dir / "manifest.json"
    if not manifest.exists():
        return model_dir / "encoder.onnx", None
    spec = json.loads(manifest.read_text())["encoder"]
    adapter = spec.get("adapter")
    return model_dir / spec["file"], (model_dir / adapter if adapter else None)


class Encoder:
    """onnxruntime wrapper around encoder.onnx with length-sorted batching."""

    def __init__(self, path: Path | None = None, threads: int = 2, max_batch_tokens: int = 4096, max_batch: int = 32,
                 adapter: Path | None = None):
        """`adapter`: an `encoder_adapter.onnx` to apply (see `adapter.py`); without one, or when the
        file does not exist, the plain encoder runs."""
        import onnxruntime as ort

        from .adapter import encoder_bytes

        self.path = Path(path or MODEL_OUT / "encoder.onnx")
        self.adapter = Path(adapter) if adapter is not None and Path(adapter).exists() else None
        model = encoder_bytes(self.path, self.adapter)
        so = ort.SessionOptions()
        so.intra_op_num_threads = threads
        so.inter_op_num_threads = 1
        self.sess = ort.InferenceSession(model, so, providers=["CPUExecutionProvider"])
        self.max_batch_tokens = max_batch_tokens
        self.max_batch = max_batch
        self.digest = hashlib.sha256(model).hexdigest()[:16]

    @classmethod
    def for_model_dir(cls, model_dir: Path, **kw) -> "Encoder":
        """The encoder a model directory's manifest names, with its adapter if it has one."""
        encoder, adapter = encoder_files(model_dir)
        return cls(encoder, adapter=adapter, **kw)

    def hidden_batches(self, windows: list[list[int]]):
        """Yield (window index, hidden [len, 384]) for every window, batched by length."""
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        i = 0
        while i < len(order):
            j = i
            longest = 0
            while j < len(order) and j - i < self.max_batch:
                longest_new = max(longest, len(windows[order[j]]))
                if (j - i + 1) * longest_new > self.max_batch_tokens and j > i:
                    break
                longest = longest_new
                j += 1
            idx = order[i:j]
            ids = np.zeros((len(idx), longest), dtype=np.int64)
            mask = np.zeros((len(idx), longest), dtype=np.int64)
            for r, k in enumerate(idx):
                ids[r, :len(windows[k])] = windows[k]
                mask[r, :len(windows[k])] = 1
            out = self.sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
            for r, k in enumerate(idx):
                yield k, out[r, :len(windows[k])]
            i = j


class EmbeddingCache:
    """Embeddings keyed by a hash of (encoder digest, kind, text); stored as one .npz."""

    def __init__(self, encoder_digest: str, directory: Path = CACHE_DIR):
        self.dir = Path(directory)
        self.path = self.dir / f"embeddings_{encoder_digest}.npz"
        self.data: dict[str, np.ndarray] = {}
        self.dirty = False
        if self.path.exists():
            with np.load(self.path) as z:
                self.data = {k: z[k] for k in z.files}

    @staticmethod
    def key(*parts) -> str:
        return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()

    def get(self, k):
        return self.data.get(k)

    def put(self, k, v):
        self.data[k] = np.asarray(v, dtype=np.float32)
        self.dirty = True

    def save(self):
        if not self.dirty:
            return
        self.dir.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, **self.data)
        tmp.replace(self.path)
        self.dirty = False


@dataclass
class SpanJob:
    """Embed the character span [start, end) of `text` (encoded as a body, empty title)."""
    text: str
    start: int
    end: int


class Featurizer:
    def __init__(self, encoder: Encoder | None = None, tokenizer=None, cache: EmbeddingCache | None = None):
        self.enc = encoder or Encoder()
        self.tok = tokenizer or load_tokenizer()
        self.cache = cache or EmbeddingCache(self.enc.digest)

    # ---- documents
    def documents(self, docs: list[tuple[str, str]]) -> np.ndarray:
        out = np.zeros((len(docs), HIDDEN), dtype=np.float32)
        todo, windows, owners = [], [], []
        for i, (title, body) in enumerate(docs):
            k = self.cache.key("doc", title, body)
            v = self.cache.get(k)
            if v is not None:
                out[i] = v
                continue
            ws = make_windows(content_ids(self.tok, title, body))
            todo.append((i, k, len(ws)))
            for w in ws:
                windows.append(w)
                owners.append(i)
        if windows:
            means = np.zeros((len(windows), HIDDEN), dtype=np.float64)
            for wi, h in self.enc.hidden_batches(windows):
                means[wi] = h.astype(np.float64).mean(0)
            pos = 0
            for i, k, nw in todo:
                lens = [len(w) for w in windows[pos:pos + nw]]
                emb = combine_windows(means[pos:pos + nw], lens).astype(np.float32)
                pos += nw
                out[i] = emb
                self.cache.put(k, emb)
            self.cache.save()
        return out

    # ---- sentences / spans
    def span_tokens(self, job: SpanJob) -> tuple[list[int], list[int]]:
        enc = self.tok.encode(job.text, add_special_tokens=False)
        idx = [i for i, (a, b) in enumerate(enc.offsets) if b > a and a >= job.start and b <= job.end]
        return list(enc.ids), idx

    def spans(self, jobs: list[SpanJob]) -> np.ndarray:
        out = np.zeros((len(jobs), HIDDEN), dtype=np.float32)
        windows, reqs = [], []  # reqs: (job index, cache key, positions)
        for i, job in enumerate(jobs):
            k = self.cache.key("span", job.text, job.start, job.end)
            v = self.cache.get(k)
            if v is not None:
                out[i] = v
                continue
            ids, idx = self.span_tokens(job)
            if not idx:  # nothing tokenisable: fall back to the whole text
                idx = list(range(len(ids)))
            if not ids:
                self.cache.put(k, out[i])
                continue
            wi, pos = best_window_for_span(len(ids), idx)
            windows.append(make_windows(ids)[wi])
            reqs.append((i, k, pos))
        if windows:
            for wi, h in self.enc.hidden_batches(windows):
                i, k, pos = reqs[wi]
                emb = h[pos].astype(np.float64).mean(0).astype(np.float32)
                out[i] = emb
                self.cache.put(k, emb)
            self.cache.save()
        return out

    # ---- token ids of each row, for the lexical features
    def document_ids(self, docs: list[tuple[str, str]]) -> list[list[int]]:
        return [content_ids(self.tok, title, body) for title, body in docs]

    def span_ids(self, jobs: list[SpanJob]) -> list[list[int]]:
        """The ids the span's embedding is pooled over: its tokens in the window holding most of them."""
        out = []
        for job in jobs:
            ids, idx = self.span_tokens(job)
            if not ids:
                out.append([])
                continue
            wi, pos = best_window_for_span(len(ids), idx or list(range(len(ids))))
            window = make_windows(ids)[wi]
            out.append([window[p] for p in pos])
        return out

    def sentence_alone(self, texts: list[str]) -> np.ndarray:
        return self.spans([SpanJob(t, 0, len(t)) for t in texts])


def paragraph_with(target: str, fillers: list[str], position: int) -> SpanJob:
    """Place `target` at `position` among filler sentences; return the span job."""
    parts = list(fillers[:position]) + [target] + list(fillers[position:])
    text, start = "", 0
    for j, p in enumerate(parts):
        if j:
            text += " "
        if j == position:
            start = len(text)
        text += p
    return SpanJob(text, start, start + len(target))
