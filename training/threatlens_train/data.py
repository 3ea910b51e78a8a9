"""Loading, validation, de-duplication and the stratified train/validation/test split."""
from __future__ import annotations

import glob
import json
import re
import zlib
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from .common import ATTRIBUTION_LEVELS, DATA_DIR, SEED, THREAT_LABELS

SPLITS = ("train", "validation", "test")
FRACTIONS = {"train": 0.70, "validation": 0.15, "test": 0.15}
NEAR_DUP_JACCARD = 0.6
SHINGLE = 5


def _read_jsonl(path: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"warning: {path}:{ln}: bad JSON ({e}); skipped")
                continue
            rec["_file"] = Path(path).name
            out.append(rec)
    return out


def valid_article(r: dict) -> bool:
    tt = r.get("threat_types") or []
    return (
        isinstance(r.get("id"), str)
        and bool((r.get("title") or "").strip() or (r.get("body") or "").strip())
        and tt and all(t in THREAT_LABELS for t in tt)
        and r.get("primary") in tt
        and not ("none" in tt and len(tt) > 1)
        and r.get("attribution") in ATTRIBUTION_LEVELS
    )


def is_written(r: dict) -> bool:
    """Hand-written records: `written`, and `written_holdout*` (former hold-out sets, now training data)."""
    origin = r.get("origin") or ""
    return origin == "written" or origin.startswith("written_")


def valid_sentence(r: dict) -> bool:
    return isinstance(r.get("id"), str) and bool((r.get("text") or "").strip()) and r.get("level") in ATTRIBUTION_LEVELS


def load_all(data_dir: Path = DATA_DIR) -> tuple[list[dict], list[dict], dict]:
    stats = {"invalid_articles": 0, "invalid_sentences": 0, "duplicate_ids": 0}
    arts, sents = [], []
    seen = set()
    for p in sorted(glob.glob(str(Path(data_dir) / "articles" / "*.jsonl"))):
        for r in _read_jsonl(p):
            if not valid_article(r):
                stats["invalid_articles"] += 1
                continue
            if ("a", r["id"]) in seen:
                stats["duplicate_ids"] += 1
                continue
            seen.add(("a", r["id"]))
            r.setdefault("origin", "unknown")
            r["denied"] = bool(r.get("denied", False))
            arts.append(r)
    for p in sorted(glob.glob(str(Path(data_dir) / "sentences" / "*.jsonl"))):
        for r in _read_jsonl(p):
            if not valid_sentence(r):
                stats["invalid_sentences"] += 1
                continue
            if ("s", r["id"]) in seen:
                stats["duplicate_ids"] += 1
                continue
            seen.add(("s", r["id"]))
            r.setdefault("origin", "unknown")
            r["denial"] = bool(r.get("denial", False))
            sents.append(r)
    return arts, sents, stats


# ----------------------------------------------------------------------------- near duplicates

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, k: int = SHINGLE) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {zlib.crc32(" ".join(words).encode("utf-8"))} if words else set()
    return {zlib.crc32(" ".join(words[i:i + k]).encode("utf-8")) for i in range(len(words) - k + 1)}


def _minhash(sets: list[set[int]], n_perm: int = 64, seed: int = SEED) -> np.ndarray:
    rng = np.random.default_rng(seed)
    prime = np.uint64((1 << 61) - 1)
    a = rng.integers(1, (1 << 61) - 1, size=n_perm, dtype=np.uint64)
    b = rng.integers(0, (1 << 61) - 1, size=n_perm, dtype=np.uint64)
    sig = np.full((len(sets), n_perm), np.iinfo(np.uint64).max, dtype=np.uint64)
    for i, s in enumerate(sets):
        if not s:
            continue
        x = np.fromiter(s, dtype=np.uint64)[:, None]
        # (a*x + b) mod p with wrap-around multiply is fine as a hash family for bucketing
        sig[i] = ((a[None] * x + b[None]) % prime).min(0)
    return sig


class _UF:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, x):
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[max(ra, rb)] = min(ra, rb)


def group_near_duplicates(texts: list[str], threshold: float = NEAR_DUP_JACCARD,
                          bands: int = 32, rows: int = 4) -> tuple[list[int], dict]:
    """Group texts whose word 5-gram Jaccard >= threshold (MinHash LSH candidates, exact check).

    Returns (group id per text, stats). Exact duplicates (same normalised text) are grouped too.
    """
    n = len(texts)
    uf = _UF(n)
    norm = [" ".join(_WORD.findall(t.lower())) for t in texts]
    first: dict[str, int] = {}
    exact = 0
    for i, t in enumerate(norm):
        if t in first:
            uf.union(first[t], i)
            exact += 1
        else:
            first[t] = i
    sets = [shingles(t) for t in texts]
    sig = _minhash(sets, bands * rows)
    cand = set()
    for bnd in range(bands):
        buckets = defaultdict(list)
        block = sig[:, bnd * rows:(bnd + 1) * rows]
        for i in range(n):
            if sets[i]:
                buckets[block[i].tobytes()].append(i)
        for members in buckets.values():
            if 1 < len(members) <= 200:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        cand.add((members[x], members[y]))
    near_pairs = 0
    for i, j in sorted(cand):
        si, sj = sets[i], sets[j]
        jac = len(si & sj) / max(1, len(si | sj))
        if jac >= threshold and norm[i] != norm[j]:
            near_pairs += 1
            uf.union(i, j)
    groups = [uf.find(i) for i in range(n)]
    sizes = Counter(groups)
    stats = {
        "exact_duplicates": exact,
        "near_duplicate_pairs": near_pairs,
        "groups_with_more_than_one": sum(1 for c in sizes.values() if c > 1),
        "records_in_multi_groups": sum(c for c in sizes.values() if c > 1),
    }
    return groups, stats


def stratified_group_split(strata: list[str], groups: list[int], seed: int = SEED,
                           fixed: list[str | None] | None = None) -> list[str]:
    """Assign whole groups to splits, greedily matching 70/15/15 within each stratum.

    `fixed` holds each record's split from an earlier run (None for new records). A group
    with a fixed member keeps that member's split (the most common one if its members
    disagree), so adding data never moves a test record into training; only new groups
    are placed, counting the fixed ones towards the fractions.
    """
    rng = np.random.default_rng(seed)
    members = defaultdict(list)
    for i, g in enumerate(groups):
        members[g].append(i)
    out = [""] * len(strata)
    by_stratum = defaultdict(list)
    counts_by_stratum = defaultdict(lambda: dict.fromkeys(SPLITS, 0))
    for g, idx in sorted(members.items()):
        # stratum of the group = most common stratum among its members
        st = Counter(strata[i] for i in idx).most_common(1)[0][0]
        known = [fixed[i] for i in idx if fixed and fixed[i] in SPLITS]
        if known:
            split = Counter(known).most_common(1)[0][0]
            counts_by_stratum[st][split] += len(idx)
            for i in idx:
                out[i] = split
        else:
            by_stratum[st].append(g)
    for st in sorted(by_stratum):
        gs = by_stratum[st]
        rng.shuffle(gs)
        counts = counts_by_stratum[st]
        total = sum(counts.values())
        for g in gs:
            size = len(members[g])
            total += size
            split = max(SPLITS, key=lambda s: (FRACTIONS[s] * total - counts[s], -SPLITS.index(s)))
            counts[split] += size
            for i in members[g]:
                out[i] = split
    return out


def article_text(r: dict) -> str:
    return f"{r.get('title') or ''}\n{r.get('body') or ''}"


def build_splits(arts: list[dict], sents: list[dict], seed: int = SEED,
                 previous: dict | None = None) -> tuple[dict, dict]:
    """`previous`: an earlier splits.json; records listed there keep their split."""
    prev_a = (previous or {}).get("articles", {})
    prev_s = (previous or {}).get("sentences", {})
    ag, astats = group_near_duplicates([article_text(r) for r in arts])
    sg, sstats = group_near_duplicates([r["text"] for r in sents])
    a_split = stratified_group_split([r["primary"] for r in arts], ag, seed, [prev_a.get(r["id"]) for r in arts])
    s_split = stratified_group_split([r["level"] + ("+denial" if r["denial"] else "") for r in sents], sg, seed,
                                     [prev_s.get(r["id"]) for r in sents])
    # exact duplicates: keep the first record of each normalised text
    for recs, groups, splits, text_of in ((arts, ag, a_split, article_text), (sents, sg, s_split, lambda r: r["text"])):
        seen = set()
        for r, g, s in zip(recs, groups, splits):
            r["split"] = s
            r["group"] = int(g)
            key = " ".join(_WORD.findall(text_of(r).lower()))
            r["exact_dup"] = key in seen
            seen.add(key)
    splits = {"articles": {r["id"]: r["split"] for r in arts}, "sentences": {r["id"]: r["split"] for r in sents}}
    stats = {"articles": astats, "sentences": sstats}
    return splits, stats


def read_splits(path: Path = DATA_DIR / "splits.json") -> dict | None:
    return json.loads(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else None


def write_splits(splits: dict, path: Path = DATA_DIR / "splits.json") -> None:
    Path(path).write_text(json.dumps(splits, indent=1, sort_keys=True) + "\n", encoding="utf-8")
