//! tract vs onnxruntime on the same files: `parity.json` holds onnxruntime's
//! outputs (written by the training recipe) for fixed windows and one
//! multi-window document; tract must reproduce them. The max absolute
//! differences are printed (`-- --nocapture`).

mod common;

use serde_json::Value;
use threatlens::{
    inference::{Encoder, Heads, WindowInput},
    lexicon::Lexicon,
    model::ModelFiles,
    tokenize::TextEncoder,
};

fn floats(v: &Value) -> Vec<f32> {
    v.as_array().unwrap().iter().map(|x| x.as_f64().unwrap() as f32).collect()
}

fn max_abs_diff(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f32::max)
}

#[test]
fn tract_matches_onnxruntime() {
    let dir = common::model_dir();
    let parity: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("parity.json")).unwrap()).unwrap();
    let (files, manifest) = ModelFiles::locate(&dir).unwrap();
    let encoder =
        Encoder::load(&files.encoder, files.encoder_adapter.as_deref(), manifest.encoder.hidden_size).unwrap();
    let heads = Heads::load(&files.heads, &manifest, Lexicon::for_model(&files, &manifest).unwrap()).unwrap();
    let lexicon = heads.lexicon().expect("the shipped model has a lexicon");
    // The service counts lexical keys exactly as the recipe does.
    let check_counts = |ids: &[u32], want: &Value| {
        let got: Vec<(u32, f32)> = lexicon.count(ids);
        let want: Vec<(u32, f32)> = want
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.parse().unwrap(), v.as_f64().unwrap() as f32))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_iter()
            .collect();
        assert_eq!(got, want, "lexical counts");
    };

    let (mut emb_diff, mut prob_diff) = (0f32, 0f32);
    for w in parity["windows"].as_array().unwrap() {
        let ids: Vec<i64> = w["input_ids"].as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect();
        let out = encoder.forward(&[WindowInput { ids: &ids, spans: &[] }]).unwrap().remove(0);
        emb_diff = emb_diff.max(max_abs_diff(&out.embedding, &floats(&w["mean_pooled"])));
        let ids32: Vec<u32> = ids.iter().map(|&i| i as u32).collect();
        check_counts(&ids32, &w["lexical_counts"]);
        let h = heads.run(&out.embedding, &[&ids32]).unwrap();
        for (name, want) in w["heads"].as_object().unwrap() {
            prob_diff = prob_diff.max(max_abs_diff(h.row(name, 0), &floats(want)));
        }
    }

    // The multi-window document: tokenization, windows and weighted pooling too.
    let doc = &parity["document"];
    let text =
        TextEncoder::load(&files.tokenizer, manifest.encoder.max_window_tokens, manifest.encoder.window_stride_tokens)
            .unwrap();
    let tokens = text.tokenize(doc["title"].as_str().unwrap(), doc["body"].as_str().unwrap()).unwrap();
    assert_eq!(tokens.content.len() as u64, doc["content_tokens"].as_u64().unwrap(), "token count");
    let starts: Vec<u64> = tokens.windows.iter().map(|r| r.start as u64).collect();
    let want_starts: Vec<u64> = doc["window_starts"].as_array().unwrap().iter().map(|x| x.as_u64().unwrap()).collect();
    assert_eq!(starts, want_starts, "window starts");
    let ids: Vec<Vec<i64>> = (0..tokens.windows.len()).map(|w| tokens.window_ids(w, text.cls, text.sep)).collect();
    let inputs: Vec<WindowInput<'_>> = ids.iter().map(|ids| WindowInput { ids, spans: &[] }).collect();
    let outs = encoder.forward(&inputs).unwrap();
    let total: f32 = ids.iter().map(|w| w.len() as f32).sum();
    let mut embedding = vec![0f32; manifest.encoder.hidden_size];
    for (w, out) in ids.iter().zip(&outs) {
        for (acc, v) in embedding.iter_mut().zip(&out.embedding) {
            *acc += v * w.len() as f32 / total;
        }
    }
    let doc_diff = max_abs_diff(&embedding, &floats(&doc["embedding"]));
    check_counts(&tokens.content, &doc["lexical_counts"]);
    let h = heads.run(&embedding, &[&tokens.content]).unwrap();
    for (name, want) in doc["heads"].as_object().unwrap() {
        prob_diff = prob_diff.max(max_abs_diff(h.row(name, 0), &floats(want)));
    }
    println!("tract vs onnxruntime: window embeddings {emb_diff:.2e}, head probabilities {prob_diff:.2e}, document embedding {doc_diff:.2e}");
    assert!(emb_diff < 1e-4, "window embeddings differ by {emb_diff}");
    assert!(doc_diff < 1e-4, "document embedding differs by {doc_diff}");
    assert!(prob_diff < 1e-4, "head probabilities differ by {prob_diff}");
}
