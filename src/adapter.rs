//! The encoder adapter (`encoder_adapter.onnx`): low-rank updates to the
//! fine-tuned encoder weights, applied to `encoder.onnx` when it is loaded.
//!
//! `encoder.onnx` holds the registry weights and never changes, so retraining
//! adds only the adapter (a few hundred kB) to the repository. The adapter is an
//! ONNX file of initializers only: for an fp16 encoder matrix `T` [in, out] it
//! holds `T.down` [in, r] and `T.up` [r, out] in fp32, and the patched weight is
//! `f16(f32(T) + down · up)` with the product accumulated in f64, exactly as the
//! training recipe computes it (`training/threatlens_train/adapter.py`), so tract
//! and onnxruntime run identical weights.

use std::{collections::HashMap, path::Path};

use tract_onnx::{pb, prelude::*};

use crate::error::ModelError;

const FLOAT: i32 = 1;
const FLOAT16: i32 = 10;

/// The low-rank factors of one adapted weight.
struct Factors {
    down: Vec<f32>,
    up: Vec<f32>,
    inner: usize,
    rank: usize,
    outer: usize,
}

fn adapter_err(path: &Path, message: impl Into<String>) -> ModelError {
    ModelError::Onnx { path: path.to_path_buf(), message: message.into() }
}

fn f32_values(t: &pb::TensorProto) -> Result<Vec<f32>, String> {
    if t.data_type != FLOAT {
        return Err(format!("{} must be float32 (ONNX type {}), found type {}", t.name, FLOAT, t.data_type));
    }
    if !t.float_data.is_empty() {
        return Ok(t.float_data.clone());
    }
    if t.raw_data.len() % 4 != 0 {
        return Err(format!("{}: raw data is not a whole number of float32 values", t.name));
    }
    Ok(t.raw_data.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

fn read_factors(path: &Path) -> Result<HashMap<String, Factors>, ModelError> {
    let proto = tract_onnx::onnx().proto_model_for_path(path).map_err(|e| adapter_err(path, format!("{e:#}")))?;
    let graph = proto.graph.as_ref().ok_or_else(|| adapter_err(path, "no graph"))?;
    let tensors: HashMap<&str, &pb::TensorProto> = graph.initializer.iter().map(|t| (t.name.as_str(), t)).collect();
    let mut out = HashMap::new();
    for (name, down) in &tensors {
        let Some(target) = name.strip_suffix(".down") else { continue };
        let up = tensors
            .get(format!("{target}.up").as_str())
            .ok_or_else(|| adapter_err(path, format!("{name} has no matching {target}.up")))?;
        let (&[inner, rank_d], &[rank_u, outer]) = (down.dims.as_slice(), up.dims.as_slice()) else {
            return Err(adapter_err(path, format!("{target}: factors must be matrices")));
        };
        if rank_d != rank_u || inner <= 0 || outer <= 0 || rank_d <= 0 {
            return Err(adapter_err(
                path,
                format!("{target}: shapes [{inner}, {rank_d}] x [{rank_u}, {outer}] do not chain"),
            ));
        }
        let factors = Factors {
            down: f32_values(down).map_err(|m| adapter_err(path, m))?,
            up: f32_values(up).map_err(|m| adapter_err(path, m))?,
            inner: inner as usize,
            rank: rank_d as usize,
            outer: outer as usize,
        };
        if factors.down.len() != factors.inner * factors.rank || factors.up.len() != factors.rank * factors.outer {
            return Err(adapter_err(path, format!("{target}: data length does not match its shape")));
        }
        out.insert(target.to_string(), factors);
    }
    if out.is_empty() {
        return Err(adapter_err(path, "no <weight>.down / <weight>.up pairs"));
    }
    Ok(out)
}

/// Adds `down · up` to an fp16 row-major [inner, outer] weight held as raw little-endian bytes.
fn patch_weight(raw: &mut [u8], f: &Factors) {
    for i in 0..f.inner {
        let down = &f.down[i * f.rank..(i + 1) * f.rank];
        for o in 0..f.outer {
            let at = 2 * (i * f.outer + o);
            let old = f16::from_le_bytes([raw[at], raw[at + 1]]).to_f64();
            let delta: f64 = (0..f.rank).map(|r| down[r] as f64 * f.up[r * f.outer + o] as f64).sum();
            raw[at..at + 2].copy_from_slice(&f16::from_f64(old + delta).to_le_bytes());
        }
    }
}

/// Reads `encoder` and applies the adapter at `adapter` to it.
/// Every adapted weight must exist in the encoder as an fp16 matrix of the factors' shape.
pub fn patched_encoder(encoder: &Path, adapter: &Path) -> Result<pb::ModelProto, ModelError> {
    let factors = read_factors(adapter)?;
    let mut proto =
        tract_onnx::onnx().proto_model_for_path(encoder).map_err(|e| adapter_err(encoder, format!("{e:#}")))?;
    let graph = proto.graph.as_mut().ok_or_else(|| adapter_err(encoder, "no graph"))?;
    let mut done = 0;
    for t in graph.initializer.iter_mut() {
        let Some(f) = factors.get(&t.name) else { continue };
        let expected = [f.inner as i64, f.outer as i64];
        if t.data_type != FLOAT16 || t.dims != expected || t.raw_data.len() != 2 * f.inner * f.outer {
            return Err(adapter_err(
                adapter,
                format!(
                    "{} in the encoder is not an fp16 {:?} matrix (type {}, dims {:?})",
                    t.name, expected, t.data_type, t.dims
                ),
            ));
        }
        patch_weight(&mut t.raw_data, f);
        done += 1;
    }
    if done != factors.len() {
        let mut missing: Vec<&String> =
            factors.keys().filter(|k| !graph.initializer.iter().any(|t| &t.name == *k)).collect();
        missing.sort();
        return Err(adapter_err(adapter, format!("the encoder has no initializer named {missing:?}")));
    }
    Ok(proto)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patch_adds_the_low_rank_product_in_fp16() {
        // [2, 3] weight, rank 1: delta[i][o] = down[i] * up[o]
        let w = [0.5f32, -1.0, 2.0, 0.0, 0.25, 1.5];
        let mut raw: Vec<u8> = w.iter().flat_map(|v| f16::from_f32(*v).to_le_bytes()).collect();
        let f = Factors { down: vec![1.0, -2.0], up: vec![0.5, 0.25, -1.0], inner: 2, rank: 1, outer: 3 };
        patch_weight(&mut raw, &f);
        let got: Vec<f32> = raw.chunks_exact(2).map(|b| f16::from_le_bytes([b[0], b[1]]).to_f32()).collect();
        assert_eq!(got, vec![1.0, -0.75, 1.0, -1.0, -0.25, 3.5]);
    }
}
