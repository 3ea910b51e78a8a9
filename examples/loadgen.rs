//! Load generator: `concurrency` clients send `Classify` calls for `seconds`,
//! each on its own HTTP/2 connection, and the latency distribution and
//! throughput are printed as one JSON line.
//!
//!     cargo run --release --example loadgen -- --addr http://127.0.0.1:50051 \
//!         --corpus benches/data/corpus.jsonl --concurrency 8 --seconds 20 [--short]
//!
//! `--short` sends only headline-length articles (the latency case); otherwise
//! the corpus is cycled in order (the throughput case).

use std::time::{Duration, Instant};

use clap::Parser;
use threatlens::proto::{threat_classifier_client::ThreatClassifierClient, Article, ClassifyRequest};

#[derive(Parser)]
struct Args {
    #[arg(long, default_value = "http://127.0.0.1:50051")]
    addr: String,
    #[arg(long, default_value = "benches/data/corpus.jsonl")]
    corpus: String,
    #[arg(long, default_value_t = 8)]
    concurrency: usize,
    #[arg(long, default_value_t = 20)]
    seconds: u64,
    /// Only articles of at most 60 words.
    #[arg(long)]
    short: bool,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut articles: Vec<Article> = std::fs::read_to_string(&args.corpus)?
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()?;
    if args.short {
        articles.retain(|a| a.title.split_whitespace().count() + a.body.split_whitespace().count() <= 60);
    }
    anyhow::ensure!(!articles.is_empty(), "no articles to send");
    let deadline = Instant::now() + Duration::from_secs(args.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..args.concurrency {
        let articles = articles.clone();
        let addr = args.addr.clone();
        tasks.push(tokio::spawn(async move {
            let mut client = ThreatClassifierClient::connect(addr).await?.max_decoding_message_size(64 << 20);
            let (mut lat, mut errors, mut tokens) = (Vec::new(), 0usize, 0u64);
            let mut i = c;
            while Instant::now() < deadline {
                let req = ClassifyRequest { article: Some(articles[i % articles.len()].clone()), options: None };
                i += args_stride();
                let t = Instant::now();
                match client.classify(req).await {
                    Ok(r) => {
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                        tokens += r.into_inner().usage.map_or(0, |u| u.tokens as u64);
                    }
                    Err(_) => errors += 1,
                }
            }
            anyhow::Ok((lat, errors, tokens))
        }));
    }
    let (mut lat, mut errors, mut tokens) = (Vec::new(), 0, 0);
    for t in tasks {
        let (l, e, k) = t.await??;
        lat.extend(l);
        errors += e;
        tokens += k;
    }
    let elapsed = started.elapsed().as_secs_f64();
    lat.sort_by(f64::total_cmp);
    let q = |p: f64| {
        lat.get(((lat.len() as f64 * p) as usize).min(lat.len().saturating_sub(1))).copied().unwrap_or(f64::NAN)
    };
    println!(
        "{}",
        serde_json::json!({
            "concurrency": args.concurrency, "short": args.short, "requests": lat.len(), "errors": errors,
            "seconds": elapsed, "requests_per_s": lat.len() as f64 / elapsed, "tokens_per_s": tokens as f64 / elapsed,
            "p50_ms": q(0.50), "p95_ms": q(0.95), "p99_ms": q(0.99),
        })
    );
    Ok(())
}

/// Clients step through the corpus in a fixed pattern so runs are repeatable.
fn args_stride() -> usize {
    7
}
