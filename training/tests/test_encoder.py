"""encoder.onnx against the numpy fp32 reference forward; export determinism."""
import hashlib

import numpy as np

from threatlens_train import export


def _pooled(h, m):
    m = m[..., None].astype(np.float32)
    return (h * m).sum(1) / m.sum(1)


def test_io_contract(encoder_path):
    import onnx

    m = onnx.load(str(encoder_path), load_external_data=False)
    assert m.opset_import[0].version == 17
    ins = {i.name: [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim] for i in m.graph.input}
    assert ins == {"input_ids": ["batch", "seq"], "attention_mask": ["batch", "seq"]}
    out = m.graph.output[0]
    assert out.name == "last_hidden_state"
    assert [d.dim_param or d.dim_value for d in out.type.tensor_type.shape.dim] == ["batch", "seq", 384]
    # the word-embedding table is gathered in fp16 before any Cast
    gathers = [n for n in m.graph.node if n.op_type == "Gather" and "word_embeddings_fp16" in n.input]
    assert len(gathers) == 1
    assert not any(n.op_type == "Cast" and "word_embeddings_fp16" in n.input for n in m.graph.node)


def test_fp16_encoder_matches_numpy_reference(encoder_path, weights):
    ids, mask = export.verification_batch()
    ref = export.reference_forward(weights, ids, mask)
    out = export.ort_session(encoder_path).run(None, {"input_ids": ids, "attention_mask": mask})[0]
    valid = mask.astype(bool)
    assert np.abs(out - ref)[valid].max() < 5e-3
    assert np.abs(_pooled(out, mask) - _pooled(ref, mask)).max() < 1e-3


def test_fp32_graph_matches_numpy_reference_exactly(tmp_path, weights):
    ids, mask = export.verification_batch(seed=11)
    p = tmp_path / "enc32.onnx"
    export.export(p, half=False, weights=weights)
    out = export.ort_session(p).run(None, {"input_ids": ids, "attention_mask": mask})[0]
    ref = export.reference_forward(weights, ids, mask)
    assert np.abs(out - ref)[mask.astype(bool)].max() < 1e-4


def test_padding_does_not_change_valid_positions(encoder_path):
    sess = export.ort_session(encoder_path)
    ids = np.array([[101, 7592, 2088, 2003, 1037, 3231, 102]], dtype=np.int64)
    a = sess.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0]
    pad = np.concatenate([ids, np.zeros((1, 5), np.int64)], 1)
    m = np.concatenate([np.ones_like(ids), np.zeros((1, 5), np.int64)], 1)
    b = sess.run(None, {"input_ids": pad, "attention_mask": m})[0]
    assert np.abs(a[0] - b[0, :7]).max() < 1e-4


def test_export_is_deterministic(weights):
    a = export.build_encoder(weights, half=True).SerializeToString(deterministic=True)
    b = export.build_encoder(weights, half=True).SerializeToString(deterministic=True)
    assert hashlib.sha256(a).digest() == hashlib.sha256(b).digest()
    assert 40e6 < len(a) < 50e6
