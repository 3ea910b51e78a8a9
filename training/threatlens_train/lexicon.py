"""Lexical features: counts of word-piece unigrams and bigrams.

A frozen, mean-pooled encoder blurs the few words that decide a label ("claimed
responsibility", "attributed to", "denied", "leak site"): they are a handful of the
256 positions averaged into one vector. The heads therefore read, beside the
embedding, a bag of the word pieces of the same row (document, window or sentence)
and of adjacent pairs of them: the "wide" half of a wide-and-deep classifier.

The keys are token ids of the model's own tokenizer, so the service gets them for
free from the ids it already has. Special tokens ([CLS], [SEP], [PAD], [UNK],
[MASK]) are not features and break bigrams (a title's last word and the body's first
word are not a pair). The service counts the same keys (`src/lexicon.rs`); the
sublinear tf, the idf weights and the L2 normalisation happen inside `heads.onnx`, so
counting is the only thing the two implementations share.
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Iterable

import numpy as np
import scipy.sparse as sp

FORMAT = "threatlens-lexicon/1"
SPECIAL_IDS = frozenset({0, 100, 101, 102, 103})
NORM_EPS = 1e-12


def keys(ids: Iterable[int]) -> list[tuple[int, ...]]:
    """Unigram and adjacent-bigram keys of a token id sequence, in order of occurrence."""
    out: list[tuple[int, ...]] = []
    prev = None
    for t in ids:
        t = int(t)
        if t in SPECIAL_IDS:
            prev = None
            continue
        out.append((t,))
        if prev is not None:
            out.append((prev, t))
        prev = t
    return out


class Lexicon:
    """The feature set: which keys count, in which column, with which idf."""

    def __init__(self, features: list[tuple[int, ...]], idf: np.ndarray, min_df: int = 1, n_docs: int = 0):
        self.features = [tuple(int(x) for x in f) for f in features]
        self.index = {f: i for i, f in enumerate(self.features)}
        self.idf = np.asarray(idf, dtype=np.float64)
        self.min_df = min_df
        self.n_docs = n_docs

    def __len__(self) -> int:
        return len(self.features)

    @classmethod
    def build(cls, sequences: Iterable[list[int]], min_df: int = 2) -> "Lexicon":
        """Keys seen in at least `min_df` sequences; smoothed idf as in scikit-learn."""
        df: Counter = Counter()
        n = 0
        for ids in sequences:
            df.update(set(keys(ids)))
            n += 1
        feats = sorted(k for k, c in df.items() if c >= min_df)
        idf = np.array([np.log((1 + n) / (1 + df[k])) + 1.0 for k in feats])
        return cls(feats, idf, min_df=min_df, n_docs=n)

    def counts(self, sequences: list[list[int]]) -> sp.csr_matrix:
        """Raw key counts, one row per sequence: the service's input to the heads."""
        rows, cols, vals = [], [], []
        for r, ids in enumerate(sequences):
            c = Counter(self.index[k] for k in keys(ids) if k in self.index)
            for j, v in c.items():
                rows.append(r)
                cols.append(j)
                vals.append(float(v))
        return sp.csr_matrix((vals, (rows, cols)), shape=(len(sequences), len(self)), dtype=np.float64)

    def unit(self, counts) -> sp.csr_matrix:
        """log(1 + count) * idf, L2-normalised per row (what heads.onnx computes from the counts)."""
        C = sp.csr_matrix(counts, dtype=np.float64)
        W = C.copy()
        W.data = np.log1p(W.data)
        W = W @ sp.diags(self.idf)
        norm = np.sqrt(np.asarray(W.multiply(W).sum(1))).ravel()
        return sp.csr_matrix(sp.diags(1.0 / np.maximum(norm, NORM_EPS)) @ W)

    # ------------------------------------------------------------------ file
    def to_json(self) -> dict:
        return {"format": FORMAT, "tokenizer": "tokenizer.json", "ngrams": [1, 2],
                "special_ids": sorted(SPECIAL_IDS), "min_df": self.min_df, "training_sequences": self.n_docs,
                "features": [list(f) for f in self.features]}

    def write(self, path: Path) -> None:
        # One feature per line keeps the file diffable and small in git.
        d = self.to_json()
        feats = d.pop("features")
        head = json.dumps(d, separators=(", ", ": "))[:-1]
        lines = ",\n".join(json.dumps(f, separators=(",", ":")) for f in feats)
        Path(path).write_text(f"{head}, \"features\": [\n{lines}\n]}}\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path, idf: np.ndarray | None = None) -> "Lexicon":
        d = json.loads(Path(path).read_text(encoding="utf-8"))
        if d.get("format") != FORMAT:
            raise ValueError(f"{path}: unknown lexicon format {d.get('format')!r}")
        feats = [tuple(f) for f in d["features"]]
        return cls(feats, idf if idf is not None else np.ones(len(feats)), d.get("min_df", 1),
                   d.get("training_sequences", 0))
