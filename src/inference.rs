//! The tract backend: the encoder (`encoder.onnx`) and the heads (`heads.onnx`).
//!
//! Plans are optimised once at start-up and shared by every worker thread
//! (a tract plan is immutable; each run gets its own state). Each worker runs
//! its plan single-threaded, so `workers` plans-in-flight use `workers` cores
//! without tract's own thread pool fighting the batcher.

use std::{collections::HashMap, ops::Range, path::Path, sync::Arc};

use tract_onnx::prelude::*;

use crate::{
    error::ModelError,
    lexicon::Lexicon,
    model::{heads, Manifest},
};

type Plan = Arc<TypedRunnableModel>;

fn onnx_err(path: &Path, e: impl std::fmt::Display) -> ModelError {
    ModelError::Onnx { path: path.to_path_buf(), message: format!("{e:#}") }
}

/// One window in a forward pass: its ids, and the token spans to mean-pool
/// besides the whole window (the sentences placed in it).
pub struct WindowInput<'a> {
    pub ids: &'a [i64],
    pub spans: &'a [Range<usize>],
}

/// Pooled outputs of one window.
#[derive(Debug, Clone, Default)]
pub struct WindowOutput {
    /// Mean of the hidden states over the whole window (specials included).
    pub embedding: Vec<f32>,
    /// Mean over each requested span, in request order.
    pub spans: Vec<Vec<f32>>,
}

/// The transformer encoder, with mean pooling.
pub struct Encoder {
    plan: Plan,
    pub hidden: usize,
}

impl Encoder {
    /// Loads `encoder.onnx`, with the fine-tuned adapter applied when the model has one.
    pub fn load(path: &Path, adapter: Option<&Path>, hidden: usize) -> Result<Encoder, ModelError> {
        let model = match adapter {
            Some(adapter) => {
                let proto = crate::adapter::patched_encoder(path, adapter)?;
                tract_onnx::onnx().model_for_proto_model(&proto)
            }
            None => tract_onnx::onnx().model_for_path(path),
        };
        let plan =
            model.and_then(|m| m.into_optimized()).and_then(|m| m.into_runnable()).map_err(|e| onnx_err(path, e))?;
        Ok(Encoder { plan, hidden })
    }

    /// Runs one padded batch and pools every window and span.
    pub fn forward(&self, windows: &[WindowInput<'_>]) -> TractResult<Vec<WindowOutput>> {
        let batch = windows.len();
        let seq = windows.iter().map(|w| w.ids.len()).max().unwrap_or(0);
        let mut ids = vec![0i64; batch * seq];
        let mut mask = vec![0i64; batch * seq];
        for (b, w) in windows.iter().enumerate() {
            ids[b * seq..b * seq + w.ids.len()].copy_from_slice(w.ids);
            mask[b * seq..b * seq + w.ids.len()].fill(1);
        }
        let ids = tract_ndarray::Array2::from_shape_vec((batch, seq), ids)?;
        let mask = tract_ndarray::Array2::from_shape_vec((batch, seq), mask)?;
        let outputs = self.plan.run(tvec!(Tensor::from(ids).into(), Tensor::from(mask).into()))?;
        let hidden = outputs[0].to_plain_array_view::<f32>()?;
        let hidden = hidden.into_dimensionality::<tract_ndarray::Ix3>()?;
        anyhow::ensure!(
            hidden.shape()[2] == self.hidden,
            "encoder hidden size {} != manifest {}",
            hidden.shape()[2],
            self.hidden
        );

        let pool = |b: usize, r: Range<usize>| -> Vec<f32> {
            let mut acc = vec![0f32; self.hidden];
            for t in r.clone() {
                for (a, v) in acc.iter_mut().zip(hidden.slice(tract_ndarray::s![b, t, ..]).iter()) {
                    *a += *v;
                }
            }
            let n = r.len().max(1) as f32;
            acc.iter_mut().for_each(|a| *a /= n);
            acc
        };
        Ok(windows
            .iter()
            .enumerate()
            .map(|(b, w)| WindowOutput {
                embedding: pool(b, 0..w.ids.len()),
                spans: w.spans.iter().map(|r| pool(b, r.clone())).collect(),
            })
            .collect())
    }
}

/// Calibrated head outputs for a set of embeddings, row-major `[n, labels]`.
#[derive(Debug, Clone, Default)]
pub struct HeadOutputs {
    pub by_name: HashMap<String, (usize, Vec<f32>)>,
}

impl HeadOutputs {
    /// Row `i` of the output `name`.
    pub fn row(&self, name: &str, i: usize) -> &[f32] {
        let (width, data) = &self.by_name[name];
        &data[i * width..(i + 1) * width]
    }
}

/// The small classification heads on top of pooled embeddings and, where the
/// model has a lexicon, the lexical counts of the same rows.
pub struct Heads {
    plan: Plan,
    /// Output slot of each named head output.
    slots: Vec<(String, usize)>,
    hidden: usize,
    lexicon: Option<Lexicon>,
}

impl Heads {
    pub fn load(path: &Path, manifest: &Manifest, lexicon: Option<Lexicon>) -> Result<Heads, ModelError> {
        let model =
            tract_onnx::onnx().model_for_path(path).and_then(|m| m.into_optimized()).map_err(|e| onnx_err(path, e))?;
        let inputs = model.input_outlets().map_err(|e| onnx_err(path, e))?.len();
        match (inputs, &lexicon) {
            (1, None) | (3, Some(_)) => {}
            (1, Some(_)) => return Err(onnx_err(path, "the manifest names a lexicon but the graph reads none")),
            (3, None) => {
                return Err(onnx_err(path, "the graph reads lexical features but the manifest names no lexicon"))
            }
            (n, _) => return Err(onnx_err(path, format!("{n} inputs; expected 1 (embedding) or 3 (with lexical)"))),
        }
        let outlets = model.output_outlets().map_err(|e| onnx_err(path, e))?.to_vec();
        let mut slots = Vec::new();
        for name in heads::ALL {
            let slot = outlets
                .iter()
                .position(|o| model.outlet_label(*o) == Some(name) || model.node(o.node).name == name)
                .ok_or_else(|| onnx_err(path, format!("no output named {name:?}")))?;
            slots.push((name.to_string(), slot));
        }
        let plan = model.into_runnable().map_err(|e| onnx_err(path, e))?;
        let heads = Heads { plan, slots, hidden: manifest.encoder.hidden_size, lexicon };
        // Check the label counts against the manifest once, on a zero input.
        let probe = heads.run(&[0f32].repeat(heads.hidden), &[&[]]).map_err(|e| onnx_err(path, e))?;
        for (name, spec) in &manifest.heads.outputs {
            if let Some((width, _)) = probe.by_name.get(name) {
                if *width != spec.labels.len() {
                    return Err(onnx_err(
                        path,
                        format!("output {name} has {width} values, manifest lists {}", spec.labels.len()),
                    ));
                }
            }
        }
        Ok(heads)
    }

    /// The lexical features the heads read, if the model has them.
    pub fn lexicon(&self) -> Option<&Lexicon> {
        self.lexicon.as_ref()
    }

    /// Runs every head on `tokens.len()` rows: `embeddings` row-major, and the
    /// token ids each row was pooled over (for the lexical features).
    pub fn run(&self, embeddings: &[f32], tokens: &[&[u32]]) -> TractResult<HeadOutputs> {
        let n = tokens.len();
        anyhow::ensure!(embeddings.len() == n * self.hidden, "{} embedding values for {n} rows", embeddings.len());
        let input = tract_ndarray::Array2::from_shape_vec((n, self.hidden), embeddings.to_vec())?;
        let mut inputs: TVec<TValue> = tvec!(Tensor::from(input).into());
        if let Some(lexicon) = &self.lexicon {
            // Sparse rows padded to the longest: (column, count) pairs, padding
            // column = width, which the graph maps to zero weight.
            let rows: Vec<_> = tokens.iter().map(|ids| lexicon.count(ids)).collect();
            let k = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut keys = vec![lexicon.width() as i64; n * k];
            let mut counts = vec![0f32; n * k];
            for (r, row) in rows.iter().enumerate() {
                for (j, &(col, c)) in row.iter().enumerate() {
                    keys[r * k + j] = col as i64;
                    counts[r * k + j] = c;
                }
            }
            inputs.push(Tensor::from(tract_ndarray::Array2::from_shape_vec((n, k), keys)?).into());
            inputs.push(Tensor::from(tract_ndarray::Array2::from_shape_vec((n, k), counts)?).into());
        }
        let outputs = self.plan.run(inputs)?;
        let mut by_name = HashMap::new();
        for (name, slot) in &self.slots {
            let t = outputs[*slot].to_plain_array_view::<f32>()?;
            let width = if n == 0 { 0 } else { t.len() / n };
            by_name.insert(name.clone(), (width, t.iter().copied().collect()));
        }
        Ok(HeadOutputs { by_name })
    }
}
