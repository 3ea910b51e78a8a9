"""The encoder adapter: low-rank updates to the weights of the top encoder layers.

`encoder.onnx` never changes (it is the registry weights, converted once), so a
fine-tuned encoder ships as `encoder_adapter.onnx`: an ONNX file holding only
initializers, two per updated weight. For an encoder initializer `T` (an fp16
matrix [in, out], e.g. `l5_ffn1_w_fp16`) the adapter holds `T.down` [in, r] and
`T.up` [r, out] (fp32, scaling folded into `up`), and the patched weight is

    fp16( fp32(T) + down @ up )        (the product accumulated in float64)

The service applies the same update when it loads the encoder (`src/adapter.rs`),
and onnxruntime runs the patched graph here, so both see identical weights.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

ADAPTER_FILE = "encoder_adapter.onnx"


def write_adapter(path: Path, factors: dict[str, tuple[np.ndarray, np.ndarray]], info: dict | None = None) -> None:
    """factors: encoder initializer name -> (down [in, r], up [r, out]); info: how it was trained
    (kept in the file's metadata, so heads can be refitted on it later with the record intact)."""
    inits = []
    for name in sorted(factors):
        down, up = factors[name]
        inits.append(numpy_helper.from_array(np.ascontiguousarray(down, dtype=np.float32), name + ".down"))
        inits.append(numpy_helper.from_array(np.ascontiguousarray(up, dtype=np.float32), name + ".up"))
    graph = helper.make_graph([], "threatlens_encoder_adapter", [], [], initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], producer_name="threatlens-train")
    model.ir_version = 8
    if info is not None:
        helper.set_model_props(model, {"threatlens.training": json.dumps(info, sort_keys=True)})
    Path(path).write_bytes(model.SerializeToString(deterministic=True))


def adapter_info(path: Path) -> dict | None:
    model = onnx.load(str(path))
    for p in model.metadata_props:
        if p.key == "threatlens.training":
            return json.loads(p.value)
    return None


def read_adapter(path: Path) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    model = onnx.load(str(path))
    arrays = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    out = {}
    for key in arrays:
        if key.endswith(".down"):
            name = key[: -len(".down")]
            if name + ".up" not in arrays:
                raise ValueError(f"adapter {path}: {key} has no matching .up")
            out[name] = (arrays[key], arrays[name + ".up"])
    return out


def patched_weight(weight16: np.ndarray, down: np.ndarray, up: np.ndarray) -> np.ndarray:
    delta = np.asarray(down, dtype=np.float64) @ np.asarray(up, dtype=np.float64)
    return (weight16.astype(np.float64) + delta).astype(np.float16)


def apply_adapter(encoder: onnx.ModelProto, factors: dict[str, tuple[np.ndarray, np.ndarray]]) -> onnx.ModelProto:
    """A copy of the encoder with every adapted initializer replaced."""
    model = onnx.ModelProto()
    model.CopyFrom(encoder)
    by_name = {t.name: t for t in model.graph.initializer}
    for name, (down, up) in factors.items():
        if name not in by_name:
            raise ValueError(f"adapter targets {name!r}, which the encoder does not have")
        w = numpy_helper.to_array(by_name[name])
        if w.dtype != np.float16 or w.shape != (down.shape[0], up.shape[1]) or down.shape[1] != up.shape[0]:
            raise ValueError(f"adapter {name}: shapes {down.shape} x {up.shape} do not fit {w.dtype} {w.shape}")
        by_name[name].CopyFrom(numpy_helper.from_array(patched_weight(w, down, up), name))
    return model


def encoder_bytes(encoder_path: Path, adapter_path: Path | None) -> bytes:
    """The encoder the service runs: `encoder.onnx`, with the adapter applied when there is one."""
    if adapter_path is None or not Path(adapter_path).exists():
        return Path(encoder_path).read_bytes()
    model = apply_adapter(onnx.load(str(encoder_path)), read_adapter(adapter_path))
    return model.SerializeToString(deterministic=True)
