"""The encoder adapter: fine-tuning layout -> encoder_adapter.onnx -> patched encoder.onnx."""
import numpy as np
import onnx
import pytest
from onnx import numpy_helper

from threatlens_train import export
from threatlens_train.adapter import apply_adapter, encoder_bytes, read_adapter, write_adapter
from threatlens_train.finetune import LAYERS, RANK, TARGETS, lora_forward, onnx_factors


def _random_lora(weights, seed=0, size=0.05):
    rng = np.random.default_rng(seed)
    lora = {}
    for i in LAYERS:
        for name in TARGETS:
            out_dim, in_dim = weights[f"encoder.layer.{i}.{name}.weight"].shape
            lora[f"{i}.{name}"] = (rng.normal(0, 1 / np.sqrt(in_dim), (RANK, in_dim)),
                                   rng.normal(0, size, (out_dim, RANK)))
    return lora


def test_adapter_file_round_trip(tmp_path, weights):
    factors = onnx_factors(_random_lora(weights))
    write_adapter(tmp_path / "a.onnx", factors)
    back = read_adapter(tmp_path / "a.onnx")
    assert sorted(back) == sorted(factors)
    for k, (d, u) in factors.items():
        assert np.array_equal(back[k][0], d) and np.array_equal(back[k][1], u)


def test_patched_encoder_matches_lora_reference(tmp_path, encoder_path, weights):
    """onnxruntime on the patched encoder.onnx == numpy forward with the LoRA update merged into
    the torch-layout weights: checks the layout conversion, the attention scale and the patching."""
    import onnxruntime as ort

    factors = onnx_factors(_random_lora(weights))
    write_adapter(tmp_path / "a.onnx", factors)
    ids, mask = export.verification_batch()
    sess = ort.InferenceSession(encoder_bytes(encoder_path, tmp_path / "a.onnx"), providers=["CPUExecutionProvider"])
    out = sess.run(None, {"input_ids": ids, "attention_mask": mask})[0]
    ref = lora_forward(weights, factors, ids, mask)
    plain = export.reference_forward(weights, ids, mask)
    valid = mask.astype(bool)
    assert np.abs(out - ref)[valid].max() < 5e-3  # as encoder.onnx against the fp32 reference
    # the update is large enough that a wrong layout would show
    assert np.abs(plain - ref)[valid].max() > 10 * np.abs(out - ref)[valid].max()


def test_apply_adapter_touches_only_targets(encoder_path, weights):
    enc = onnx.load(str(encoder_path))
    factors = onnx_factors(_random_lora(weights))
    patched = apply_adapter(enc, factors)
    before = {t.name: numpy_helper.to_array(t) for t in enc.graph.initializer}
    after = {t.name: numpy_helper.to_array(t) for t in patched.graph.initializer}
    changed = {k for k in before if not np.array_equal(before[k], after[k])}
    assert changed == set(factors)
    assert all(after[k].dtype == np.float16 for k in changed)


def test_apply_adapter_rejects_unknown_target(encoder_path):
    enc = onnx.load(str(encoder_path))
    with pytest.raises(ValueError, match="does not have"):
        apply_adapter(enc, {"l9_q_w_fp16": (np.zeros((384, 2), np.float32), np.zeros((2, 384), np.float32))})
