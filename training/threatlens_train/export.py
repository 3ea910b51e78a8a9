"""Convert all-MiniLM-L6-v2 (safetensors) into an ONNX encoder graph, without torch.

Graph contract (shared with the Rust service):
  inputs : input_ids int64 [batch, seq], attention_mask int64 [batch, seq]
  output : last_hidden_state float32 [batch, seq, 384]
  opset 17. token_type_ids are always 0: the type-0 embedding row is folded into
  the position table. Weight matrices are stored as fp16 and cast to fp32 inside the
  graph; the word-embedding table is gathered in fp16 first and only the gathered rows
  are cast (tract does not constant-fold a Cast of the 30522x384 table). Bias and
  LayerNorm vectors are small and stay fp32.

A pure-numpy fp32 forward (`reference_forward`) is the ground truth used by
`verify()` and by the tests.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .common import HIDDEN, MODEL_OUT, minilm_dir

N_LAYERS = 6
N_HEADS = 12
HEAD_DIM = HIDDEN // N_HEADS
FFN = 1536
LN_EPS = 1e-12
MASK_NEG = -10000.0
OPSET = 17


def load_weights(model_dir: Path | None = None) -> dict[str, np.ndarray]:
    from safetensors.numpy import load_file

    model_dir = Path(model_dir or minilm_dir())
    w = load_file(str(model_dir / "model.safetensors"))
    # some checkpoints prefix keys with "bert."
    return {k[5:] if k.startswith("bert.") else k: v for k, v in w.items()}


# --------------------------------------------------------------------------- numpy reference

def _layer_norm(x, g, b, eps=LN_EPS):
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * g + b


def _erf(x):
    try:
        from scipy.special import erf

        return erf(x)
    except ImportError:  # pragma: no cover
        import math

        return np.vectorize(math.erf)(x).astype(x.dtype)


def _gelu(x):
    return 0.5 * x * (1.0 + _erf(x / np.sqrt(2.0)).astype(np.float32))


def _softmax(x, axis=-1):
    x = x - x.max(axis=axis, keepdims=True)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def reference_forward(w: dict[str, np.ndarray], input_ids: np.ndarray, attention_mask: np.ndarray) -> np.ndarray:
    """fp32 BERT forward in numpy; returns last_hidden_state [B, S, 384]."""
    input_ids = np.asarray(input_ids, dtype=np.int64)
    mask = np.asarray(attention_mask, dtype=np.float32)
    b, s = input_ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][input_ids]
        + w["embeddings.position_embeddings.weight"][np.arange(s)][None]
        + w["embeddings.token_type_embeddings.weight"][0][None, None]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"]).astype(np.float32)
    bias = ((1.0 - mask) * MASK_NEG)[:, None, None, :]
    for i in range(N_LAYERS):
        p = f"encoder.layer.{i}."

        def lin(t, name):
            return t @ w[p + name + ".weight"].T + w[p + name + ".bias"]

        def heads(t):
            return t.reshape(b, s, N_HEADS, HEAD_DIM).transpose(0, 2, 1, 3)

        q = heads(lin(x, "attention.self.query"))
        k = heads(lin(x, "attention.self.key"))
        v = heads(lin(x, "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(HEAD_DIM) + bias
        ctx = (_softmax(scores) @ v).transpose(0, 2, 1, 3).reshape(b, s, HIDDEN)
        x = _layer_norm(lin(ctx, "attention.output.dense") + x,
                        w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"])
        h = _gelu(lin(x, "intermediate.dense"))
        x = _layer_norm(lin(h, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])
        x = x.astype(np.float32)
    return x


# --------------------------------------------------------------------------- ONNX graph

class _G:
    """Tiny graph builder with deterministic names."""

    def __init__(self, half: bool):
        self.half = half
        self.nodes: list[onnx.NodeProto] = []
        self.inits: list[onnx.TensorProto] = []
        self.n = 0

    def name(self, base: str) -> str:
        self.n += 1
        return f"{base}_{self.n}"

    def const(self, name: str, arr: np.ndarray) -> str:
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(arr), name))
        return name

    def weight(self, name: str, arr: np.ndarray) -> str:
        """A float weight: fp16 + Cast when half precision is on and the array is a matrix."""
        arr = np.asarray(arr, dtype=np.float32)
        if self.half and arr.ndim >= 2:
            self.const(name + "_fp16", arr.astype(np.float16))
            return self.op("Cast", [name + "_fp16"], to=TensorProto.FLOAT, out=name)
        return self.const(name, arr)

    def op(self, op_type: str, inputs: list[str], out: str | None = None, **attrs) -> str:
        out = out or self.name(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], name=out + "_node", **attrs))
        return out


def build_encoder(w: dict[str, np.ndarray], half: bool = True) -> onnx.ModelProto:
    g = _G(half)
    ids, mask = "input_ids", "attention_mask"

    i64 = lambda name, vals: g.const(name, np.array(vals, dtype=np.int64))  # noqa: E731
    f32 = lambda name, val: g.const(name, np.array(val, dtype=np.float32))  # noqa: E731

    # --- embeddings
    word = w["embeddings.word_embeddings.weight"].astype(np.float32)
    if half:
        g.const("word_embeddings_fp16", word.astype(np.float16))
        rows16 = g.op("Gather", ["word_embeddings_fp16", ids], out="word_rows_fp16", axis=0)
        word_rows = g.op("Cast", [rows16], out="word_rows", to=TensorProto.FLOAT)
    else:
        g.const("word_embeddings", word)
        word_rows = g.op("Gather", ["word_embeddings", ids], out="word_rows", axis=0)

    # position table with the token-type-0 row folded in
    pos_tab = (w["embeddings.position_embeddings.weight"] + w["embeddings.token_type_embeddings.weight"][0][None]).astype(np.float32)
    # rows 0..seq-1 of the position table: Slice with ends = Shape(input_ids)[1:2]
    shape_ids = g.op("Shape", [ids], out="ids_shape")
    seq_len = g.op("Gather", [shape_ids, i64("idx_1", [1])], out="seq_len", axis=0)  # 1-D [1]
    if half:
        g.const("position_type_embeddings_fp16", pos_tab.astype(np.float16))
        p16 = g.op("Slice", ["position_type_embeddings_fp16", i64("zero_1d", [0]), seq_len, i64("axes_0", [0])],
                   out="pos_rows_fp16")
        pos_rows = g.op("Cast", [p16], out="pos_rows", to=TensorProto.FLOAT)
    else:
        g.const("position_type_embeddings", pos_tab)
        pos_rows = g.op("Slice", ["position_type_embeddings", i64("zero_1d", [0]), seq_len, i64("axes_0", [0])],
                        out="pos_rows")
    emb = g.op("Add", [word_rows, pos_rows], out="emb_sum")
    x = g.op("LayerNormalization", [emb, g.weight("emb_ln_g", w["embeddings.LayerNorm.weight"]),
                                    g.weight("emb_ln_b", w["embeddings.LayerNorm.bias"])],
             out="emb_ln", axis=-1, epsilon=LN_EPS)

    # --- additive attention bias [B,1,1,S]
    maskf = g.op("Cast", [mask], out="mask_f", to=TensorProto.FLOAT)
    inv = g.op("Sub", [f32("one_f", 1.0), maskf], out="mask_inv")
    neg = g.op("Mul", [inv, f32("mask_neg", MASK_NEG)], out="mask_neg_bias")
    att_bias = g.op("Unsqueeze", [neg, i64("axes_1_2", [1, 2])], out="attn_bias")

    split_shape = i64("shape_split_heads", [0, 0, N_HEADS, HEAD_DIM])
    merge_shape = i64("shape_merge_heads", [0, 0, HIDDEN])
    scale = 1.0 / np.sqrt(HEAD_DIM)

    for i in range(N_LAYERS):
        p = f"encoder.layer.{i}."
        L = f"l{i}"

        def dense(inp, name, key, s=1.0):
            W = g.weight(f"{L}_{name}_w", (w[p + key + ".weight"].T * s).astype(np.float32))
            B = g.weight(f"{L}_{name}_b", (w[p + key + ".bias"] * s).astype(np.float32))
            mm = g.op("MatMul", [inp, W], out=f"{L}_{name}_mm")
            return g.op("Add", [mm, B], out=f"{L}_{name}")

        q = dense(x, "q", "attention.self.query", scale)  # 1/sqrt(d) folded into Wq, bq
        k = dense(x, "k", "attention.self.key")
        v = dense(x, "v", "attention.self.value")
        q = g.op("Transpose", [g.op("Reshape", [q, split_shape], out=f"{L}_q_r")], out=f"{L}_q_t", perm=[0, 2, 1, 3])
        k = g.op("Transpose", [g.op("Reshape", [k, split_shape], out=f"{L}_k_r")], out=f"{L}_k_t", perm=[0, 2, 3, 1])
        v = g.op("Transpose", [g.op("Reshape", [v, split_shape], out=f"{L}_v_r")], out=f"{L}_v_t", perm=[0, 2, 1, 3])
        scores = g.op("Add", [g.op("MatMul", [q, k], out=f"{L}_qk"), att_bias], out=f"{L}_scores")
        probs = g.op("Softmax", [scores], out=f"{L}_probs", axis=-1)
        ctx = g.op("MatMul", [probs, v], out=f"{L}_ctx")
        ctx = g.op("Reshape", [g.op("Transpose", [ctx], out=f"{L}_ctx_t", perm=[0, 2, 1, 3]), merge_shape], out=f"{L}_ctx_m")
        ao = dense(ctx, "ao", "attention.output.dense")
        x = g.op("LayerNormalization", [g.op("Add", [ao, x], out=f"{L}_res1"),
                                        g.weight(f"{L}_ln1_g", w[p + "attention.output.LayerNorm.weight"]),
                                        g.weight(f"{L}_ln1_b", w[p + "attention.output.LayerNorm.bias"])],
                 out=f"{L}_ln1", axis=-1, epsilon=LN_EPS)
        h = dense(x, "ffn1", "intermediate.dense")
        erf = g.op("Erf", [g.op("Mul", [h, f32(f"{L}_inv_sqrt2", 1.0 / np.sqrt(2.0))], out=f"{L}_gelu_s")], out=f"{L}_gelu_erf")
        gelu = g.op("Mul", [g.op("Mul", [h, g.op("Add", [erf, "one_f"], out=f"{L}_gelu_1p")], out=f"{L}_gelu_m"),
                            f32(f"{L}_half", 0.5)], out=f"{L}_gelu")
        o = dense(gelu, "ffn2", "output.dense")
        out_name = "last_hidden_state" if i == N_LAYERS - 1 else f"{L}_out"
        x = g.op("LayerNormalization", [g.op("Add", [o, x], out=f"{L}_res2"),
                                        g.weight(f"{L}_ln2_g", w[p + "output.LayerNorm.weight"]),
                                        g.weight(f"{L}_ln2_b", w[p + "output.LayerNorm.bias"])],
                 out=out_name, axis=-1, epsilon=LN_EPS)

    inputs = [
        helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"]),
        helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "seq"]),
    ]
    outputs = [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "seq", HIDDEN])]
    graph = helper.make_graph(g.nodes, "threatlens_minilm_encoder", inputs, outputs, initializer=g.inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="threatlens-train", producer_version="1")
    model.ir_version = 8
    model.doc_string = ("all-MiniLM-L6-v2 encoder (sentence-transformers), weights fp16-stored"
                        if half else "all-MiniLM-L6-v2 encoder (sentence-transformers), fp32")
    onnx.checker.check_model(model)
    return model


def export(out_path: Path, half: bool = True, weights=None) -> str:
    w = weights if weights is not None else load_weights()
    model = build_encoder(w, half=half)
    data = model.SerializeToString(deterministic=True)
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_suffix(".tmp")
    tmp.write_bytes(data)
    tmp.replace(out_path)
    return hashlib.sha256(data).hexdigest()


# --------------------------------------------------------------------------- verification

def ort_session(path: Path, threads: int = 2):
    import onnxruntime as ort

    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    return ort.InferenceSession(str(path), so, providers=["CPUExecutionProvider"])


def _masked_mean(h, mask):
    m = mask[..., None].astype(np.float32)
    return (h * m).sum(1) / m.sum(1)


def verification_batch(seed: int = 7) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    b, s = 3, 40
    ids = rng.integers(1000, 30000, size=(b, s)).astype(np.int64)
    mask = np.ones((b, s), dtype=np.int64)
    ids[:, 0] = 101
    ids[0, -1] = 102
    for row, n in ((1, 25), (2, 9)):  # padded rows
        ids[row, n - 1] = 102
        ids[row, n:] = 0
        mask[row, n:] = 0
    return ids, mask


def verify(encoder_path: Path, weights=None, fp32_path: Path | None = None) -> dict:
    """Compare encoder.onnx (fp16-stored) against the numpy fp32 reference."""
    w = weights if weights is not None else load_weights()
    ids, mask = verification_batch()
    ref = reference_forward(w, ids, mask)
    out = ort_session(encoder_path).run(None, {"input_ids": ids, "attention_mask": mask})[0]
    valid = mask.astype(bool)
    res = {
        "hidden_max_abs_diff_fp16_vs_numpy_fp32": float(np.abs(out - ref)[valid].max()),
        "pooled_max_abs_diff_fp16_vs_numpy_fp32": float(np.abs(_masked_mean(out, mask) - _masked_mean(ref, mask)).max()),
    }
    # exact-graph check: the same graph with fp32 weights against the numpy reference
    import tempfile

    with tempfile.TemporaryDirectory() as td:
        p32 = Path(fp32_path or Path(td) / "enc32.onnx")
        export(p32, half=False, weights=w)
        out32 = ort_session(p32).run(None, {"input_ids": ids, "attention_mask": mask})[0]
    res["hidden_max_abs_diff_onnx_fp32_vs_numpy_fp32"] = float(np.abs(out32 - ref)[valid].max())
    res["pooled_max_abs_diff_fp16_vs_onnx_fp32"] = float(np.abs(_masked_mean(out, mask) - _masked_mean(out32, mask)).max())
    a, b = _masked_mean(out, mask), _masked_mean(ref, mask)
    res["pooled_min_cosine_fp16_vs_fp32"] = float(
        ((a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)).min())
    return res


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=MODEL_OUT / "encoder.onnx")
    ap.add_argument("--no-verify", action="store_true")
    args = ap.parse_args(argv)
    w = load_weights()
    digest = export(args.out, half=True, weights=w)
    import shutil

    shutil.copyfile(minilm_dir() / "tokenizer.json", args.out.parent / "tokenizer.json")
    info = {"encoder_sha256": digest, "encoder_bytes": args.out.stat().st_size}
    if not args.no_verify:
        info.update(verify(args.out, weights=w))
    print(json.dumps(info, indent=2))
    from .common import CACHE_DIR

    CACHE_DIR.mkdir(parents=True, exist_ok=True)
    (CACHE_DIR / "encoder_check.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info


if __name__ == "__main__":
    main()
