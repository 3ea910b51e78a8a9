//! Prometheus metrics, served over plain HTTP on their own port (`--metrics-addr`)
//! so scraping never competes with gRPC traffic.

use std::{sync::Arc, time::Duration};

use prometheus::{
    Encoder, Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts, Registry,
    TextEncoder,
};
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::TcpListener,
};

use crate::{batching::BatchObserver, engine::Engine, error::code_name, proto, server::RpcObserver};

pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    queue_depth: IntGauge,
    batch_windows: Histogram,
    batch_tokens: Histogram,
    batch_padding: Histogram,
    inference: Histogram,
    articles: IntCounter,
    article_errors: IntCounter,
    tokens: IntCounter,
    model_info: IntGaugeVec,
}

fn exp_buckets(start: f64, factor: f64, n: usize) -> Vec<f64> {
    prometheus::exponential_buckets(start, factor, n).expect("valid buckets")
}

impl Metrics {
    pub fn new() -> Arc<Metrics> {
        let registry = Registry::new_custom(Some("threatlens".into()), None).expect("registry");
        let requests =
            IntCounterVec::new(Opts::new("requests_total", "RPCs by method and status code"), &["rpc", "code"])
                .unwrap();
        let latency = HistogramVec::new(
            HistogramOpts::new("request_duration_seconds", "RPC latency").buckets(exp_buckets(0.002, 2.0, 14)),
            &["rpc"],
        )
        .unwrap();
        let queue_depth = IntGauge::new("queue_depth_windows", "Windows queued or in flight").unwrap();
        let batch_windows = Histogram::with_opts(
            HistogramOpts::new("batch_windows", "Windows per forward pass").buckets(exp_buckets(1.0, 2.0, 8)),
        )
        .unwrap();
        let batch_tokens = Histogram::with_opts(
            HistogramOpts::new("batch_tokens", "Padded tokens per forward pass").buckets(exp_buckets(16.0, 2.0, 10)),
        )
        .unwrap();
        let batch_padding = Histogram::with_opts(
            HistogramOpts::new("batch_padding_ratio", "Share of padded tokens that are padding")
                .buckets(vec![0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.5]),
        )
        .unwrap();
        let inference = Histogram::with_opts(
            HistogramOpts::new("inference_seconds", "Encoder time per forward pass")
                .buckets(exp_buckets(0.002, 2.0, 12)),
        )
        .unwrap();
        let articles = IntCounter::new("articles_total", "Articles classified").unwrap();
        let article_errors = IntCounter::new("article_errors_total", "Articles answered with an error").unwrap();
        let tokens = IntCounter::new("tokens_total", "Model tokens read (special tokens included)").unwrap();
        let model_info = IntGaugeVec::new(Opts::new("model_info", "The loaded model"), &["name", "version"]).unwrap();
        for c in [
            Box::new(requests.clone()) as Box<dyn prometheus::core::Collector>,
            Box::new(latency.clone()),
            Box::new(queue_depth.clone()),
            Box::new(batch_windows.clone()),
            Box::new(batch_tokens.clone()),
            Box::new(batch_padding.clone()),
            Box::new(inference.clone()),
            Box::new(articles.clone()),
            Box::new(article_errors.clone()),
            Box::new(tokens.clone()),
            Box::new(model_info.clone()),
        ] {
            registry.register(c).expect("unique metric");
        }
        Arc::new(Metrics {
            registry,
            requests,
            latency,
            queue_depth,
            batch_windows,
            batch_tokens,
            batch_padding,
            inference,
            articles,
            article_errors,
            tokens,
            model_info,
        })
    }

    /// The exposition text, with gauges sampled now.
    pub fn render(&self, engine: &Engine) -> String {
        self.queue_depth.set(engine.queue_depth() as i64);
        self.model_info.with_label_values(&[&engine.manifest.name, &engine.manifest.version]).set(1);
        let mut buf = Vec::new();
        TextEncoder::new().encode(&self.registry.gather(), &mut buf).expect("encode metrics");
        String::from_utf8(buf).unwrap_or_default()
    }
}

impl BatchObserver for Metrics {
    fn batch_done(&self, windows: usize, padded_tokens: usize, real_tokens: usize, elapsed: Duration) {
        self.batch_windows.observe(windows as f64);
        self.batch_tokens.observe(padded_tokens as f64);
        if padded_tokens > 0 {
            self.batch_padding.observe(1.0 - real_tokens as f64 / padded_tokens as f64);
        }
        self.inference.observe(elapsed.as_secs_f64());
    }
}

impl RpcObserver for Metrics {
    fn rpc_done(&self, method: &'static str, code: tonic::Code, elapsed: Duration) {
        self.requests.with_label_values(&[method, code_name(code)]).inc();
        self.latency.with_label_values(&[method]).observe(elapsed.as_secs_f64());
    }

    fn article_done(&self, resp: &proto::ClassifyResponse) {
        if resp.error.is_some() {
            self.article_errors.inc();
        } else {
            self.articles.inc();
            self.tokens.inc_by(resp.usage.as_ref().map_or(0, |u| u.tokens as u64));
        }
    }
}

/// Serves `GET /metrics` (any path, in fact) over HTTP/1.1 until the task is dropped.
pub async fn serve_metrics(listener: TcpListener, metrics: Arc<Metrics>, engine: Arc<Engine>) -> std::io::Result<()> {
    tracing::info!(addr = %listener.local_addr()?, "metrics listening");
    loop {
        let (mut sock, _) = listener.accept().await?;
        let body = metrics.render(&engine);
        tokio::spawn(async move {
            let mut buf = [0u8; 2048];
            // One request per connection; the request itself is not needed.
            let _ = tokio::time::timeout(Duration::from_secs(5), sock.read(&mut buf)).await;
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = sock.write_all(head.as_bytes()).await;
            let _ = sock.write_all(body.as_bytes()).await;
            let _ = sock.shutdown().await;
        });
    }
}
