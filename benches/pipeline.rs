//! Micro-benchmarks of each step of the request path, on the shipped model:
//! tokenization + windowing + sentence placement, one encoder forward pass per
//! batch shape, the heads, and the attribution step (actor matching, roles,
//! evidence) on a 10 kB article.
//!
//!     cargo bench --bench pipeline

use std::{path::PathBuf, sync::Arc};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use threatlens::{
    inference::{Encoder, Heads, WindowInput},
    lexicon::Lexicon,
    model::{AttributionRule, ModelFiles},
    postprocess::{self, actors::ActorBase},
    tokenize::TextEncoder,
};

fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/threatlens-minilm")
}

/// A ~10 kB news article with names, quotes and an attribution near the end.
fn article_10k() -> (String, String) {
    let para = "Officials at the ministry said the intrusion began with a phishing email sent to staff in Łódź and Zürich, and that investigators were still working out what data had been taken. \"We are taking this extremely seriously,\" a spokesperson said, adding that the U.S. and U.K. partners had been informed. ";
    let mut body = String::new();
    while body.len() < 9_500 {
        body.push_str(para);
        body.push_str("\n\n");
    }
    body.push_str("The NCSC said on Friday it had attributed the campaign to APT29, also known as Midnight Blizzard, which is run by Russia's SVR. The Kremlin rejected the accusation as baseless.");
    ("Ministry confirms months-long intrusion".to_string(), body)
}

fn benches(c: &mut Criterion) {
    let (files, manifest) = ModelFiles::locate(&model_dir()).expect("model directory");
    let text =
        TextEncoder::load(&files.tokenizer, manifest.encoder.max_window_tokens, manifest.encoder.window_stride_tokens)
            .unwrap();
    let encoder = Arc::new(
        Encoder::load(&files.encoder, files.encoder_adapter.as_deref(), manifest.encoder.hidden_size).unwrap(),
    );
    let heads = Heads::load(&files.heads, &manifest, Lexicon::for_model(&files, &manifest).unwrap()).unwrap();
    let actors = ActorBase::load(&files.actors).unwrap();
    let (title, body) = article_10k();

    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Bytes((title.len() + body.len()) as u64));
    g.bench_function("10kB_article", |b| b.iter(|| text.tokenize(&title, &body).unwrap()));
    g.finish();

    let tokens = text.tokenize(&title, &body).unwrap();
    let window_ids: Vec<Vec<i64>> =
        (0..tokens.windows.len()).map(|w| tokens.window_ids(w, text.cls, text.sep)).collect();

    let mut g = c.benchmark_group("encoder_forward");
    g.sample_size(10);
    for (batch, seq) in [(1usize, 32usize), (1, 128), (1, 256), (8, 64), (8, 256)] {
        let ids: Vec<Vec<i64>> = (0..batch).map(|i| window_ids[i % window_ids.len()][..seq].to_vec()).collect();
        let inputs: Vec<WindowInput<'_>> = ids.iter().map(|ids| WindowInput { ids, spans: &[] }).collect();
        g.throughput(Throughput::Elements((batch * seq) as u64));
        g.bench_with_input(BenchmarkId::from_parameter(format!("{batch}x{seq}")), &inputs, |b, inputs| {
            b.iter(|| encoder.forward(inputs).unwrap())
        });
    }
    g.finish();

    // Heads and postprocessing. Every sentence row gets the first window's
    // embedding, so every sentence scores alike: the attribution step then
    // examines all of them, its worst case.
    let outputs: Vec<_> = window_ids
        .iter()
        .map(|ids| {
            let spans: Vec<_> =
                tokens.sentences.iter().filter(|s| s.positions.end <= ids.len()).map(|s| s.positions.clone()).collect();
            encoder.forward(&[WindowInput { ids, spans: &spans }]).unwrap().remove(0)
        })
        .collect();
    let hidden = manifest.encoder.hidden_size;
    let n = 1 + tokens.sentences.len();
    let mut rows = vec![0f32; hidden * n];
    rows[..hidden].copy_from_slice(&outputs[0].embedding);
    for i in 1..n {
        rows[hidden * i..hidden * (i + 1)].copy_from_slice(&outputs[0].embedding);
    }
    // Lexical rows as the engine passes them: the whole content for the
    // document, each sentence's own tokens for the sentence rows.
    let mut row_ids: Vec<&[u32]> = vec![&tokens.content];
    row_ids.extend((0..tokens.sentences.len()).map(|i| tokens.sentence_ids(i)));
    let mut g = c.benchmark_group("heads");
    g.bench_function(format!("{n}_rows"), |b| b.iter(|| heads.run(&rows, &row_ids).unwrap()));
    g.bench_function("document_row", |b| b.iter(|| heads.run(&rows[..hidden], &row_ids[..1]).unwrap()));
    g.bench_function(format!("{}_sentence_rows", n - 1), |b| {
        b.iter(|| heads.run(&rows[hidden..], &row_ids[1..]).unwrap())
    });
    g.finish();

    let head_out = heads.run(&rows, &row_ids).unwrap();
    let scores = postprocess::Scores {
        threat: head_out.row("threat_probs", 0),
        primary: head_out.row("primary_probs", 0),
        attribution: head_out.row("attribution_probs", 0),
        window_attribution: vec![],
        sentences: (1..n)
            .map(|i| (head_out.row("sentence_attribution_probs", i), head_out.row("sentence_denial_probs", i)[0]))
            .collect(),
    };
    let article = postprocess::Article { title: &title, body: &body, sentences: &tokens.sentences };
    let opts = postprocess::Options { top_k: 0, include_evidence: true, max_evidence: 3 };
    let rule = AttributionRule::default();
    let mut g = c.benchmark_group("attribution");
    g.throughput(Throughput::Bytes((title.len() + body.len()) as u64));
    g.bench_function("actor_matching_10kB", |b| b.iter(|| actors.find(&body)));
    g.bench_function("attribution_step_10kB", |b| {
        b.iter(|| postprocess::attribution(&article, &scores, "espionage", &actors, &rule, 0.5, &opts))
    });
    g.finish();
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
