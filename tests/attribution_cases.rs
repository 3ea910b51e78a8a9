//! The hand-written attribution cases (`tests/data/attribution_cases.jsonl`)
//! through the shipped model: actor precision and recall, accuracy of the
//! level and of `denied`, and source recall. The floors sit a little below the
//! measured values so that a regression fails the build; the table is printed
//! (`cargo test --test attribution_cases -- --nocapture`).

mod common;

use std::collections::BTreeSet;

use serde::Deserialize;
use threatlens::{batching::Admission, config::EngineConfig, engine::Engine, proto};

#[derive(Deserialize)]
struct Case {
    id: String,
    title: String,
    body: String,
    level: String,
    actors: Vec<String>,
    denied: bool,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    note: String,
}

#[derive(Default)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn add(&mut self, want: &BTreeSet<String>, got: &BTreeSet<String>) {
        self.tp += want.intersection(got).count();
        self.fp += got.difference(want).count();
        self.fn_ += want.difference(got).count();
    }
    fn precision(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fp).max(1) as f64
    }
    fn recall(&self) -> f64 {
        self.tp as f64 / (self.tp + self.fn_).max(1) as f64
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn attribution_cases_meet_their_floors() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attribution_cases.jsonl");
    let cases: Vec<Case> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(cases.len() >= 60, "only {} cases", cases.len());

    let engine = Engine::load(&EngineConfig::with_model_dir(common::model_dir()), None).unwrap();
    let mut actors = Tally::default();
    let mut sources = Tally::default();
    let (mut level_ok, mut denied_ok) = (0usize, 0usize);
    let mut mistakes = Vec::new();
    for case in &cases {
        let req = common::article(&case.id, &case.title, &case.body);
        let resp: proto::ClassifyResponse = engine.classify(req, Admission::Wait).await.unwrap();
        let a = resp.attribution.unwrap();
        let want: BTreeSet<String> = case.actors.iter().cloned().collect();
        let got: BTreeSet<String> = a.actors.iter().map(|x| x.name.clone()).collect();
        actors.add(&want, &got);
        sources.add(&case.sources.iter().cloned().collect(), &a.sources.iter().cloned().collect());
        level_ok += (a.level == case.level) as usize;
        denied_ok += (a.denied == case.denied) as usize;
        if a.level != case.level || a.denied != case.denied || want != got {
            mistakes.push(format!(
                "{} [{}] level {}→{} denied {}→{} actors {:?}→{:?}",
                case.id, case.note, case.level, a.level, case.denied, a.denied, want, got
            ));
        }
    }
    let n = cases.len() as f64;
    let level_acc = level_ok as f64 / n;
    let denied_acc = denied_ok as f64 / n;
    println!("attribution cases: {}", cases.len());
    println!("| metric | value |\n|---|---|");
    println!("| actor precision | {:.3} |", actors.precision());
    println!("| actor recall | {:.3} |", actors.recall());
    println!("| level accuracy | {:.3} |", level_acc);
    println!("| denied accuracy | {:.3} |", denied_acc);
    println!("| source precision | {:.3} |", sources.precision());
    println!("| source recall | {:.3} |", sources.recall());
    println!("mistakes ({}):", mistakes.len());
    for m in &mistakes {
        println!("  {m}");
    }
    engine.shutdown();

    assert!(actors.recall() >= FLOOR_ACTOR_RECALL, "actor recall {:.3}", actors.recall());
    assert!(actors.precision() >= FLOOR_ACTOR_PRECISION, "actor precision {:.3}", actors.precision());
    assert!(level_acc >= FLOOR_LEVEL_ACCURACY, "level accuracy {level_acc:.3}");
    assert!(denied_acc >= FLOOR_DENIED_ACCURACY, "denied accuracy {denied_acc:.3}");
}

const FLOOR_ACTOR_RECALL: f64 = 0.85;
const FLOOR_ACTOR_PRECISION: f64 = 0.80;
const FLOOR_LEVEL_ACCURACY: f64 = 0.89;
// One case moves `denied` accuracy by 0.0135; the article-level `denied` accuracy on the
// test split (793 articles, `service_eval`) is the finer measure and is reported in the card.
const FLOOR_DENIED_ACCURACY: f64 = 0.90;
