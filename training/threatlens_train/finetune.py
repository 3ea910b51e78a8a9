"""Fine-tuning the top encoder layers with low-rank (LoRA) updates, in JAX on the CPU.

Frozen mean-pooled MiniLM embeddings carry topic well but attribution poorly (the
heads on the embedding alone reach about 0.80 attribution accuracy on the test
split), so the top `LAYERS` learn rank-`RANK` updates to every dense weight, trained
jointly with throw-away linear heads:

  * articles (first window, as the service pools it): threat types (sigmoid),
    primary type and attribution level (softmax);
  * sentences (alone): attribution level (softmax).

The layers below stay frozen, so their output is computed once per training item
and cached; only the top layers run forward and backward. The result is written as
`encoder_adapter.onnx` (`adapter.py`); the shipped heads are then fitted on
embeddings from the patched encoder like any other encoder's.
"""
from __future__ import annotations

import time

import numpy as np

from .common import ATTRIBUTION_LEVELS, CLS_ID, HIDDEN, SEED, SEP_ID, THREAT_LABELS
from .export import HEAD_DIM, LN_EPS, MASK_NEG, N_HEADS, N_LAYERS, load_weights
from .features import content_ids, make_windows

LAYERS = (4, 5)
RANK = 8
LORA_SCALE = 2.0  # the update is (LORA_SCALE / RANK) * B A
EPOCHS = 3
LEARNING_RATE = 1e-3
BATCH = 16
WARMUP_STEPS = 50

# torch-layout weight name -> (encoder.onnx initializer infix, scale folded into the ONNX weight)
TARGETS = {
    "attention.self.query": ("q", 1.0 / np.sqrt(HEAD_DIM)),
    "attention.self.key": ("k", 1.0),
    "attention.self.value": ("v", 1.0),
    "attention.output.dense": ("ao", 1.0),
    "intermediate.dense": ("ffn1", 1.0),
    "output.dense": ("ffn2", 1.0),
}


def _model(jnp, jax, W):
    def ln(x, g, b):
        mu = x.mean(-1, keepdims=True)
        var = ((x - mu) ** 2).mean(-1, keepdims=True)
        return (x - mu) / jnp.sqrt(var + LN_EPS) * g + b

    def embed(ids):
        s = ids.shape[1]
        x = W["embeddings.word_embeddings.weight"][ids] + W["embeddings.position_embeddings.weight"][:s][None] \
            + W["embeddings.token_type_embeddings.weight"][0][None, None]
        return ln(x, W["embeddings.LayerNorm.weight"], W["embeddings.LayerNorm.bias"])

    def layer(i, x, mask, lora):
        p = f"encoder.layer.{i}."
        b, s, _ = x.shape

        def lin(t, name):
            y = t @ W[p + name + ".weight"].T + W[p + name + ".bias"]
            if lora is not None and f"{i}.{name}" in lora:
                A, B = lora[f"{i}.{name}"]
                y = y + (t @ A.T) @ B.T * (LORA_SCALE / RANK)
            return y

        def split(t):
            return t.reshape(b, s, N_HEADS, HEAD_DIM).transpose(0, 2, 1, 3)

        q = split(lin(x, "attention.self.query"))
        k = split(lin(x, "attention.self.key"))
        v = split(lin(x, "attention.self.value"))
        sc = q @ k.transpose(0, 1, 3, 2) / np.sqrt(HEAD_DIM) + ((1.0 - mask) * MASK_NEG)[:, None, None, :]
        ctx = (jax.nn.softmax(sc, -1) @ v).transpose(0, 2, 1, 3).reshape(b, s, HIDDEN)
        x = ln(lin(ctx, "attention.output.dense") + x, W[p + "attention.output.LayerNorm.weight"],
               W[p + "attention.output.LayerNorm.bias"])
        h = jax.nn.gelu(lin(x, "intermediate.dense"), approximate=False)
        return ln(lin(h, "output.dense") + x, W[p + "output.LayerNorm.weight"], W[p + "output.LayerNorm.bias"])

    low = min(LAYERS)

    def lower(ids, mask):
        x = embed(ids)
        for i in range(low):
            x = layer(i, x, mask, None)
        return x

    def upper(x, mask, lora):
        for i in range(low, N_LAYERS):
            x = layer(i, x, mask, lora)
        m = mask[..., None]
        return (x * m).sum(1) / m.sum(1)  # window mean, specials included, as the service pools

    return lower, upper


def _pad(windows: list[list[int]], bucket: int = 32) -> tuple[np.ndarray, np.ndarray]:
    T = -(-max(len(w) for w in windows) // bucket) * bucket
    ids = np.zeros((len(windows), T), np.int32)
    mask = np.zeros((len(windows), T), np.float32)
    for i, w in enumerate(windows):
        ids[i, :len(w)] = w
        mask[i, :len(w)] = 1
    return ids, mask


def training_items(tok, articles: list[dict], sentences: list[dict]) -> list[tuple]:
    """(window ids, is_sentence, threat indicator [12], level index, primary index) per item."""
    from .evaluate import threat_indicator

    items = []
    for r, y in zip(articles, threat_indicator(articles)):
        win = make_windows(content_ids(tok, r.get("title") or "", r.get("body") or ""))[0]
        items.append((win, 0, y.astype(np.float32), ATTRIBUTION_LEVELS.index(r["attribution"]),
                      THREAT_LABELS.index(r["primary"])))
    for r in sentences:
        ids = tok.encode(r["text"], add_special_tokens=False).ids[:254]
        items.append(([CLS_ID] + ids + [SEP_ID], 1, np.zeros(len(THREAT_LABELS), np.float32),
                      ATTRIBUTION_LEVELS.index(r["level"]), 0))
    return items


def train_adapter(tok, articles: list[dict], sentences: list[dict], epochs: int = EPOCHS, log=print,
                  weights: dict | None = None) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], dict]:
    """Returns (adapter factors in encoder.onnx layout, training log)."""
    import jax
    import jax.numpy as jnp

    t0 = time.time()
    raw = weights or load_weights()
    # the shipped encoder stores matrices in fp16: train against the same rounded values
    W = {k: jnp.asarray(v.astype(np.float16).astype(np.float32) if v.ndim == 2 else v.astype(np.float32))
         for k, v in raw.items()}
    lower, upper = _model(jnp, jax, W)
    lower = jax.jit(lower)

    items = training_items(tok, articles, sentences)
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    batches = [order[i:i + BATCH] for i in range(0, len(order), BATCH)]
    cached = []
    for b in batches:
        ids, mask = _pad([items[i][0] for i in b])
        cached.append((np.asarray(lower(jnp.asarray(ids), jnp.asarray(mask))), mask,
                       np.array([items[i][1] for i in b], np.int32),
                       np.stack([items[i][2] for i in b]),
                       np.array([items[i][3] for i in b], np.int32),
                       np.array([items[i][4] for i in b], np.int32)))
    log(f"fine-tuning: {len(items)} items, {sum(len(i[0]) for i in items)} tokens; lower layers cached "
        f"({time.time() - t0:.0f}s)")

    key = jax.random.PRNGKey(SEED)
    lora = {}
    for i in LAYERS:
        for name in TARGETS:
            w = raw[f"encoder.layer.{i}.{name}.weight"]
            key, sub = jax.random.split(key)
            lora[f"{i}.{name}"] = (jax.random.normal(sub, (RANK, w.shape[1])) / np.sqrt(w.shape[1]),
                                   jnp.zeros((w.shape[0], RANK)))
    zeros = lambda n: (jnp.zeros((HIDDEN, n)), jnp.zeros(n))  # noqa: E731
    params = {"lora": lora, "heads": {"threat": zeros(len(THREAT_LABELS)), "primary": zeros(len(THREAT_LABELS)),
                                      "attribution": zeros(4), "sentence": zeros(4)}}

    def loss_fn(params, x, mask, is_sentence, y_threat, y_level, y_primary):
        pooled = upper(x, mask, params["lora"])
        f = pooled / jnp.linalg.norm(pooled, axis=-1, keepdims=True) * np.sqrt(HIDDEN)
        hd = params["heads"]

        def ce(name, y):
            logp = jax.nn.log_softmax(f @ hd[name][0] + hd[name][1])
            return -jnp.take_along_axis(logp, y[:, None], 1)[:, 0]

        z = f @ hd["threat"][0] + hd["threat"][1]
        bce = (jnp.maximum(z, 0) - z * y_threat + jnp.log1p(jnp.exp(-jnp.abs(z)))).sum(-1)
        doc = 1.0 - is_sentence
        per = doc * (bce / 4 + ce("attribution", y_level) + ce("primary", y_primary)) \
            + is_sentence * ce("sentence", y_level)
        return per.mean()

    grad_fn = jax.jit(jax.value_and_grad(loss_fn))

    @jax.jit
    def adam(params, g, m, v, step, lr):
        m = jax.tree_util.tree_map(lambda a, b: 0.9 * a + 0.1 * b, m, g)
        v = jax.tree_util.tree_map(lambda a, b: 0.999 * a + 0.001 * b * b, v, g)
        params = jax.tree_util.tree_map(
            lambda p, a, b: p - lr * (a / (1 - 0.9 ** step)) / (jnp.sqrt(b / (1 - 0.999 ** step)) + 1e-8), params, m, v)
        return params, m, v

    m = jax.tree_util.tree_map(jnp.zeros_like, params)
    v = jax.tree_util.tree_map(jnp.zeros_like, params)
    rng = np.random.default_rng(SEED)
    total, step, losses = epochs * len(batches), 0, []
    for ep in range(epochs):
        run = 0.0
        for bi in rng.permutation(len(batches)):
            x, mask, is_sent, y_t, y_l, y_p = cached[bi]
            loss, g = grad_fn(params, jnp.asarray(x), jnp.asarray(mask), jnp.asarray(is_sent, jnp.float32),
                              jnp.asarray(y_t), jnp.asarray(y_l), jnp.asarray(y_p))
            step += 1
            lr = LEARNING_RATE * min(1.0, step / WARMUP_STEPS) * max(0.05, 1.0 - step / total)
            params, m, v = adam(params, g, m, v, step, lr)
            run += float(loss)
        losses.append(round(run / len(batches), 4))
        log(f"fine-tuning epoch {ep + 1}/{epochs}: mean loss {losses[-1]} ({time.time() - t0:.0f}s)")

    factors = onnx_factors(params["lora"])
    info = {"layers": list(LAYERS), "rank": RANK, "epochs": epochs, "learning_rate": LEARNING_RATE,
            "items": len(items), "tokens": int(sum(len(i[0]) for i in items)), "epoch_mean_loss": losses,
            "seconds": round(time.time() - t0, 1)}
    return factors, info


def onnx_factors(lora: dict) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """LoRA parameters {"<layer>.<torch name>": (A [r, in], B [out, r])} in encoder.onnx layout.

    torch layout: y = x W^T + c (x A^T) B^T with c = LORA_SCALE / RANK; encoder.onnx stores
    (s W)^T (s: the attention scale folded into the query), so the update is A^T (c s B^T)."""
    factors = {}
    for key, (A, B) in lora.items():
        i, name = key.split(".", 1)
        short, scale = TARGETS[name]
        A, B = np.asarray(A, dtype=np.float64), np.asarray(B, dtype=np.float64)
        factors[f"l{i}_{short}_w_fp16"] = (A.T.astype(np.float32), (B.T * (LORA_SCALE / RANK) * scale).astype(np.float32))
    return factors


def lora_forward(weights: dict, factors: dict, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """numpy fp32 reference: last_hidden_state of the encoder with the adapter merged into the
    torch-layout weights (for tests)."""
    from .export import reference_forward

    w = dict(weights)
    for i in range(N_LAYERS):
        for name, (short, scale) in TARGETS.items():
            key = f"l{i}_{short}_w_fp16"
            if key in factors:
                down, up = factors[key]
                tw = f"encoder.layer.{i}.{name}.weight"
                w[tw] = (w[tw].astype(np.float64) + (down.astype(np.float64) @ up.astype(np.float64)).T / scale
                         ).astype(np.float32)
    return reference_forward(w, ids, mask)
