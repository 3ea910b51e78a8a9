//! Configuration: parsed once from flags (with `THREATLENS_*` environment
//! fallbacks) and passed down. Every limit of the service lives here.

use std::{net::SocketAddr, path::PathBuf, time::Duration};

use clap::{Args, ValueEnum};

/// Where the bundled model lives relative to the working directory.
pub const DEFAULT_MODEL_DIR: &str = "models/threatlens-minilm";

/// Model location and inference settings shared by `serve`, `classify` and `score --embedded`.
#[derive(Debug, Clone, Args)]
pub struct EngineConfig {
    /// Model directory (ONNX graphs, tokenizer.json, manifest.json, actors.json).
    #[arg(long, env = "THREATLENS_MODEL_DIR", default_value = DEFAULT_MODEL_DIR)]
    pub model_dir: PathBuf,

    /// Inference worker threads, each running single-threaded tract plans (0 = one per core).
    #[arg(long, env = "THREATLENS_WORKERS", default_value_t = 0)]
    pub workers: usize,

    #[command(flatten)]
    pub limits: Limits,
}

/// Request and queue limits. Defaults are safe on a 2-core machine.
#[derive(Debug, Clone, Args)]
pub struct Limits {
    /// Largest article accepted, title plus body, in bytes.
    #[arg(long, env = "THREATLENS_MAX_ARTICLE_BYTES", default_value_t = 256 * 1024)]
    pub max_article_bytes: usize,

    /// Most articles in one ClassifyBatch call.
    #[arg(long, env = "THREATLENS_MAX_BATCH_ITEMS", default_value_t = 64)]
    pub max_batch_items: usize,

    /// Most model windows one article may need (longer articles are rejected, never truncated).
    #[arg(long, env = "THREATLENS_MAX_WINDOWS_PER_ARTICLE", default_value_t = 256)]
    pub max_windows_per_article: usize,

    /// Most tokens (batch size x padded length) in one forward pass. tract runs
    /// each worker single-threaded and gains nothing per token from larger
    /// batches (measured: 256 gives 42% more tokens/s than 2048 and half the
    /// memory), so the default is one full window; short windows still pack.
    #[arg(long, env = "THREATLENS_MAX_BATCH_TOKENS", default_value_t = 256)]
    pub max_batch_tokens: usize,

    /// How long a worker waits for more windows to fill a batch, in microseconds.
    #[arg(long, env = "THREATLENS_MAX_BATCH_WAIT_US", default_value_t = 500)]
    pub max_batch_wait_us: u64,

    /// Most windows queued or in flight across all requests; beyond it unary calls
    /// get RESOURCE_EXHAUSTED and streams wait.
    #[arg(long, env = "THREATLENS_MAX_QUEUE_WINDOWS", default_value_t = 1024)]
    pub max_queue_windows: usize,

    /// Largest gRPC message, in bytes, in either direction.
    #[arg(long, env = "THREATLENS_MAX_MESSAGE_BYTES", default_value_t = 64 * 1024 * 1024)]
    pub max_message_bytes: usize,

    /// Articles of one ClassifyStream call processed concurrently.
    #[arg(long, env = "THREATLENS_STREAM_CONCURRENCY", default_value_t = 32)]
    pub stream_concurrency: usize,

    /// Server-side deadline for a request when the client sets none, in milliseconds.
    #[arg(long, env = "THREATLENS_REQUEST_TIMEOUT_MS", default_value_t = 120_000)]
    pub request_timeout_ms: u64,

    /// Evidence sentences returned by default.
    #[arg(long, env = "THREATLENS_MAX_EVIDENCE", default_value_t = 3)]
    pub max_evidence: usize,
}

impl Limits {
    pub fn max_batch_wait(&self) -> Duration {
        Duration::from_micros(self.max_batch_wait_us)
    }

    /// Rejects combinations that could never serve a request.
    pub fn check(&self) -> Result<(), String> {
        if self.max_queue_windows < self.max_windows_per_article {
            return Err(format!(
                "max-queue-windows ({}) must be at least max-windows-per-article ({})",
                self.max_queue_windows, self.max_windows_per_article
            ));
        }
        if self.max_batch_tokens < 256 {
            return Err(format!("max-batch-tokens ({}) must hold one full window (256)", self.max_batch_tokens));
        }
        for (name, v) in [
            ("max-article-bytes", self.max_article_bytes),
            ("max-batch-items", self.max_batch_items),
            ("stream-concurrency", self.stream_concurrency),
            ("max-windows-per-article", self.max_windows_per_article),
        ] {
            if v == 0 {
                return Err(format!("{name} must be positive"));
            }
        }
        Ok(())
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_article_bytes: 256 * 1024,
            max_batch_items: 64,
            max_windows_per_article: 256,
            max_batch_tokens: 256,
            max_batch_wait_us: 500,
            max_queue_windows: 1024,
            max_message_bytes: 64 * 1024 * 1024,
            stream_concurrency: 32,
            request_timeout_ms: 120_000,
            max_evidence: 3,
        }
    }
}

impl EngineConfig {
    /// Worker count with 0 resolved to the number of cores.
    pub fn worker_count(&self) -> usize {
        if self.workers > 0 {
            self.workers
        } else {
            std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1)
        }
    }

    /// The bundled model: the working directory's `models/` if present, else the source tree's.
    pub fn resolved_model_dir(&self) -> PathBuf {
        if self.model_dir.as_os_str() == DEFAULT_MODEL_DIR && !self.model_dir.exists() {
            let bundled = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(DEFAULT_MODEL_DIR);
            if bundled.exists() {
                return bundled;
            }
        }
        self.model_dir.clone()
    }

    pub fn with_model_dir(model_dir: PathBuf) -> Self {
        EngineConfig { model_dir, workers: 0, limits: Limits::default() }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LogFormat {
    Human,
    Json,
}

/// `threatlens serve`.
#[derive(Debug, Clone, Args)]
pub struct ServeConfig {
    /// Address to listen on (port 0 picks a free port; the bound address is logged).
    #[arg(long, env = "THREATLENS_ADDR", default_value = "0.0.0.0:50051")]
    pub addr: SocketAddr,

    /// Address for Prometheus metrics over HTTP (`/metrics`); off when unset.
    #[arg(long, env = "THREATLENS_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// PEM certificate chain; with `--tls-key` the port speaks TLS only.
    #[arg(long, env = "THREATLENS_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key for `--tls-cert`.
    #[arg(long, env = "THREATLENS_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// Require `authorization: Bearer <token>` on ThreatClassifier calls (health and
    /// reflection stay open).
    #[arg(long, env = "THREATLENS_AUTH_TOKEN", hide_env_values = true)]
    pub auth_token: Option<String>,

    /// After SIGINT/SIGTERM, how long health reports NOT_SERVING before the listener
    /// closes, in milliseconds (lets load balancers move traffic away).
    #[arg(long, env = "THREATLENS_SHUTDOWN_GRACE_MS", default_value_t = 500)]
    pub shutdown_grace_ms: u64,

    /// Longest wait for in-flight requests to finish at shutdown, in seconds.
    #[arg(long, env = "THREATLENS_DRAIN_TIMEOUT_SECS", default_value_t = 30)]
    pub drain_timeout_secs: u64,

    /// Log format.
    #[arg(long, env = "THREATLENS_LOG_FORMAT", value_enum, default_value_t = LogFormat::Human)]
    pub log_format: LogFormat,

    #[command(flatten)]
    pub engine: EngineConfig,
}
