//! The gRPC server: `threatlens.v1.ThreatClassifier`, `grpc.health.v1.Health`
//! and server reflection (v1 and v1alpha) on one port.
//!
//! Life cycle: the engine is loaded before the port opens (a broken model
//! directory never opens a port). Health reports NOT_SERVING while the workers
//! warm up, then SERVING. On shutdown it flips back to NOT_SERVING first, waits
//! a grace period so balancers move traffic away, stops accepting, and lets
//! in-flight requests finish within the drain timeout.

use std::{
    future::Future,
    net::SocketAddr,
    pin::Pin,
    sync::{
        atomic::{AtomicU64, Ordering},
        Arc,
    },
    time::Duration,
};

use futures::{Stream, StreamExt};
use tokio::net::TcpListener;
use tonic::{metadata::MetadataMap, Request, Response, Status, Streaming};
use tonic_health::{server::HealthReporter, ServingStatus};
use tracing::Instrument;

use crate::{
    batching::Admission,
    config::ServeConfig,
    engine::{error_response, Engine},
    error::ClassifyError,
    proto::{
        self,
        threat_classifier_server::{ThreatClassifier, ThreatClassifierServer},
    },
};

/// Service name as health checks and reflection list it.
pub const SERVICE_NAME: &str = "threatlens.v1.ThreatClassifier";

/// Observes every finished RPC (for metrics); the default does nothing.
pub trait RpcObserver: Send + Sync {
    fn rpc_done(&self, _method: &'static str, _code: tonic::Code, _elapsed: Duration) {}
    fn article_done(&self, _resp: &proto::ClassifyResponse) {}
}

struct NoObserver;
impl RpcObserver for NoObserver {}

pub struct ClassifierService {
    engine: Arc<Engine>,
    observer: Arc<dyn RpcObserver>,
    /// Turns true when shutdown begins: streams stop reading new requests.
    draining: tokio::sync::watch::Receiver<bool>,
}

impl ClassifierService {
    pub fn new(
        engine: Arc<Engine>,
        observer: Option<Arc<dyn RpcObserver>>,
        draining: tokio::sync::watch::Receiver<bool>,
    ) -> Self {
        ClassifierService { engine, observer: observer.unwrap_or_else(|| Arc::new(NoObserver)), draining }
    }

    /// Runs `work` within the client's deadline (or the server default), in a
    /// tracing span carrying the request id, and records the outcome.
    async fn within_deadline<T>(
        &self,
        method: &'static str,
        metadata: &MetadataMap,
        request_id: &str,
        work: impl Future<Output = Result<T, ClassifyError>>,
    ) -> Result<T, Status> {
        let span = tracing::info_span!("rpc", method, request_id);
        self.within_deadline_inner(method, metadata, work).instrument(span).await
    }

    async fn within_deadline_inner<T>(
        &self,
        method: &'static str,
        metadata: &MetadataMap,
        work: impl Future<Output = Result<T, ClassifyError>>,
    ) -> Result<T, Status> {
        let started = std::time::Instant::now();
        let budget = deadline(metadata).unwrap_or(Duration::from_millis(self.engine.limits.request_timeout_ms));
        // Answer a little before the deadline: the client's and the transport's
        // own timers started earlier and would otherwise win with a bare CANCELLED.
        let margin = (budget / 10).clamp(Duration::from_millis(2), Duration::from_millis(50));
        let result = match tokio::time::timeout(budget.saturating_sub(margin), work).await {
            Ok(r) => r.map_err(Status::from),
            Err(_) => Err(Status::from(ClassifyError::DeadlineExceeded(budget.as_millis() as u64))),
        };
        let code = result.as_ref().map_or_else(|s| s.code(), |_| tonic::Code::Ok);
        self.observer.rpc_done(method, code, started.elapsed());
        match &result {
            Err(status) => tracing::info!(code = ?status.code(), message = status.message(), "request failed"),
            Ok(_) => tracing::debug!(elapsed_ms = started.elapsed().as_millis() as u64, "request done"),
        }
        result
    }
}

/// The caller's `x-request-id`, or a fresh one; echoed back in the response metadata.
fn request_id(metadata: &MetadataMap) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    metadata
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| !v.is_empty() && v.len() <= 128)
        .map(str::to_owned)
        .unwrap_or_else(|| format!("tl-{:x}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)))
}

fn with_request_id<T>(body: T, id: &str) -> Response<T> {
    let mut resp = Response::new(body);
    if let Ok(v) = id.parse() {
        resp.metadata_mut().insert("x-request-id", v);
    }
    resp
}

/// The client's `grpc-timeout`, if it sent one.
fn deadline(metadata: &MetadataMap) -> Option<Duration> {
    let raw = metadata.get("grpc-timeout")?.to_str().ok()?;
    let (digits, unit) = raw.split_at(raw.len().checked_sub(1)?);
    let n: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(n * 3600),
        "M" => Duration::from_secs(n * 60),
        "S" => Duration::from_secs(n),
        "m" => Duration::from_millis(n),
        "u" => Duration::from_micros(n),
        "n" => Duration::from_nanos(n),
        _ => return None,
    })
}

fn article_id(req: &proto::ClassifyRequest) -> String {
    req.article.as_ref().map(|a| a.id.clone()).unwrap_or_default()
}

type ResponseStream = Pin<Box<dyn Stream<Item = Result<proto::ClassifyResponse, Status>> + Send + 'static>>;

#[tonic::async_trait]
impl ThreatClassifier for ClassifierService {
    async fn classify(
        &self,
        request: Request<proto::ClassifyRequest>,
    ) -> Result<Response<proto::ClassifyResponse>, Status> {
        let (metadata, _, req) = request.into_parts();
        let id = request_id(&metadata);
        let resp =
            self.within_deadline("Classify", &metadata, &id, self.engine.classify(req, Admission::FailFast)).await?;
        self.observer.article_done(&resp);
        Ok(with_request_id(resp, &id))
    }

    async fn classify_batch(
        &self,
        request: Request<proto::ClassifyBatchRequest>,
    ) -> Result<Response<proto::ClassifyBatchResponse>, Status> {
        let (metadata, _, req) = request.into_parts();
        let id = request_id(&metadata);
        let ids: Vec<String> = req.requests.iter().map(article_id).collect();
        let mut responses =
            self.within_deadline("ClassifyBatch", &metadata, &id, self.engine.classify_batch(req.requests)).await?;
        for (resp, article_id) in responses.iter_mut().zip(ids) {
            resp.id = article_id;
            self.observer.article_done(resp);
        }
        Ok(with_request_id(proto::ClassifyBatchResponse { responses }, &id))
    }

    type ClassifyStreamStream = ResponseStream;

    async fn classify_stream(
        &self,
        request: Request<Streaming<proto::ClassifyRequest>>,
    ) -> Result<Response<Self::ClassifyStreamStream>, Status> {
        let id = request_id(request.metadata());
        let span = tracing::info_span!("rpc", method = "ClassifyStream", request_id = %id);
        let engine = self.engine.clone();
        let observer = self.observer.clone();
        let concurrency = engine.limits.stream_concurrency;
        // `buffered` keeps answers in request order and pulls at most `concurrency`
        // requests ahead; with `Admission::Wait` a full queue pauses reading, and
        // HTTP/2 flow control passes the pause on to the client. Once shutdown
        // begins the stream stops reading, answers what it has read and ends, so
        // a scoring client re-sends the rest elsewhere instead of waiting out the drain.
        let mut draining = self.draining.clone();
        let stop = async move {
            let _ = draining.wait_for(|d| *d).await;
        };
        let answers = request
            .into_inner()
            .take_until(stop)
            .enumerate()
            .map(move |(index, item)| {
                let engine = engine.clone();
                let observer = observer.clone();
                let span = tracing::info_span!(parent: &span, "item", index);
                async move {
                    let req = item?;
                    let id = article_id(&req);
                    let mut resp = engine.classify(req, Admission::Wait).await.unwrap_or_else(error_response);
                    resp.id = id;
                    resp.index = index as u32;
                    observer.article_done(&resp);
                    Ok(resp)
                }
                .instrument(span)
            })
            .buffered(concurrency);
        Ok(with_request_id(Box::pin(answers) as ResponseStream, &id))
    }

    async fn get_model_info(
        &self,
        _request: Request<proto::GetModelInfoRequest>,
    ) -> Result<Response<proto::ModelInfo>, Status> {
        Ok(Response::new(self.engine.model_info()))
    }
}

/// Checks `authorization: Bearer <token>` when a token is configured.
#[derive(Clone)]
pub struct AuthCheck {
    expected: Option<Arc<str>>,
}

impl tonic::service::Interceptor for AuthCheck {
    fn call(&mut self, request: Request<()>) -> Result<Request<()>, Status> {
        let Some(expected) = &self.expected else { return Ok(request) };
        let given = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "));
        match given {
            Some(token) if constant_time_eq(token.as_bytes(), expected.as_bytes()) => Ok(request),
            _ => Err(Status::unauthenticated("missing or wrong bearer token in the authorization header")),
        }
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn set_health(reporter: &HealthReporter, status: ServingStatus) {
    reporter.set_service_status("", status).await;
    reporter.set_service_status(SERVICE_NAME, status).await;
}

/// Serves on `listener` until `shutdown` resolves, then drains.
pub async fn serve(
    config: &ServeConfig,
    engine: Arc<Engine>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
    observer: Option<Arc<dyn RpcObserver>>,
) -> anyhow::Result<()> {
    let addr: SocketAddr = listener.local_addr()?;
    let (reporter, health_service) = tonic_health::server::health_reporter();
    set_health(&reporter, ServingStatus::NotServing).await;

    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(proto::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let max_message = engine.limits.max_message_bytes;
    let (draining_tx, draining_rx) = tokio::sync::watch::channel(false);
    let classifier = tonic::service::interceptor::InterceptedService::new(
        ThreatClassifierServer::new(ClassifierService::new(engine.clone(), observer, draining_rx))
            .max_decoding_message_size(max_message)
            .max_encoding_message_size(max_message),
        AuthCheck { expected: config.auth_token.as_deref().map(Arc::from) },
    );

    // Warm up behind NOT_SERVING, then open for traffic.
    {
        let engine = engine.clone();
        let reporter = reporter.clone();
        tokio::spawn(async move {
            let started = std::time::Instant::now();
            match engine.warm_up().await {
                Ok(()) => {
                    set_health(&reporter, ServingStatus::Serving).await;
                    tracing::info!(warm_up_ms = started.elapsed().as_millis() as u64, "SERVING");
                }
                Err(e) => tracing::error!(error = %e, "warm-up failed; health stays NOT_SERVING"),
            }
        });
    }

    let grace = Duration::from_millis(config.shutdown_grace_ms);
    let drain = Duration::from_secs(config.drain_timeout_secs);
    let (drain_started_tx, drain_started_rx) = tokio::sync::oneshot::channel::<()>();
    let signal = {
        let reporter = reporter.clone();
        async move {
            shutdown.await;
            tracing::info!("shutdown requested: NOT_SERVING, draining");
            set_health(&reporter, ServingStatus::NotServing).await;
            let _ = draining_tx.send(true);
            tokio::time::sleep(grace).await;
            let _ = drain_started_tx.send(());
        }
    };

    let mut builder = tonic::transport::Server::builder();
    if let (Some(cert), Some(key)) = (&config.tls_cert, &config.tls_key) {
        let read = |p: &std::path::Path| std::fs::read(p).map_err(|e| anyhow::anyhow!("reading {}: {e}", p.display()));
        let identity = tonic::transport::Identity::from_pem(read(cert)?, read(key)?);
        builder = builder.tls_config(tonic::transport::ServerTlsConfig::new().identity(identity))?;
    }
    tracing::info!(%addr, tls = config.tls_cert.is_some(), "listening");
    let server = builder
        .http2_keepalive_interval(Some(Duration::from_secs(30)))
        .add_service(health_service)
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(classifier)
        // TCP_NODELAY: without it small answers wait on delayed ACKs (~40 ms per call).
        .serve_with_incoming_shutdown(
            tonic::transport::server::TcpIncoming::from(listener).with_nodelay(Some(true)),
            signal,
        );
    tokio::pin!(server);
    // Run until the server stops by itself, or until the drain timeout after shutdown began.
    let drained = async {
        if drain_started_rx.await.is_ok() {
            tokio::time::sleep(drain).await;
        } else {
            futures::future::pending::<()>().await;
        }
    };
    tokio::select! {
        r = &mut server => r?,
        _ = drained => tracing::warn!(timeout_s = drain.as_secs(), "drain timeout: dropping remaining requests"),
    }
    engine.shutdown();
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => futures::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = futures::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_grpc_timeout_units() {
        let mut md = MetadataMap::new();
        for (raw, want) in
            [("100m", Duration::from_millis(100)), ("2S", Duration::from_secs(2)), ("5u", Duration::from_micros(5))]
        {
            md.insert("grpc-timeout", raw.parse().unwrap());
            assert_eq!(deadline(&md), Some(want));
        }
        md.insert("grpc-timeout", "abc".parse().unwrap());
        assert_eq!(deadline(&md), None);
    }
}
