//! A real ThreatLens server on an ephemeral port, on the shipped model,
//! shared by the tests of one test binary.
#![allow(dead_code)]

use std::{
    net::SocketAddr,
    sync::{Arc, OnceLock},
    time::Duration,
};

use threatlens::{
    config::{EngineConfig, ServeConfig},
    engine::Engine,
    proto::{self, threat_classifier_client::ThreatClassifierClient},
};
use tonic::transport::Channel;

pub fn model_dir() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/threatlens-minilm")
}

pub fn serve_config(engine: EngineConfig) -> ServeConfig {
    ServeConfig {
        addr: "127.0.0.1:0".parse().unwrap(),
        metrics_addr: None,
        auth_token: None,
        tls_cert: None,
        tls_key: None,
        shutdown_grace_ms: 200,
        drain_timeout_secs: 10,
        log_format: threatlens::config::LogFormat::Human,
        engine,
    }
}

/// Starts a server on its own runtime thread and returns once it reports SERVING.
pub fn start_server(engine_config: EngineConfig) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
        rt.block_on(async move {
            let config = serve_config(engine_config);
            let engine: Arc<Engine> = Engine::load(&config.engine, None).expect("model loads");
            let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
            let addr = listener.local_addr().unwrap();
            let server = tokio::spawn(async move {
                threatlens::server::serve(&config, engine, listener, futures::future::pending(), None).await.unwrap();
            });
            wait_serving(addr).await;
            tx.send(addr).unwrap();
            server.await.unwrap();
        });
    });
    rx.recv_timeout(Duration::from_secs(180)).expect("server becomes SERVING")
}

pub async fn wait_serving(addr: SocketAddr) {
    let deadline = std::time::Instant::now() + Duration::from_secs(120);
    loop {
        if let Ok(ch) = Channel::from_shared(format!("http://{addr}")).unwrap().connect().await {
            let mut health = tonic_health::pb::health_client::HealthClient::new(ch);
            if let Ok(r) = health.check(tonic_health::pb::HealthCheckRequest { service: String::new() }).await {
                if r.into_inner().status == tonic_health::pb::health_check_response::ServingStatus::Serving as i32 {
                    return;
                }
            }
        }
        assert!(std::time::Instant::now() < deadline, "server never became SERVING");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The shared server with default limits.
pub fn server() -> SocketAddr {
    static ADDR: OnceLock<SocketAddr> = OnceLock::new();
    *ADDR.get_or_init(|| start_server(EngineConfig::with_model_dir(model_dir())))
}

pub async fn client_for(addr: SocketAddr) -> ThreatClassifierClient<Channel> {
    let ch = Channel::from_shared(format!("http://{addr}")).unwrap().connect().await.unwrap();
    ThreatClassifierClient::new(ch).max_decoding_message_size(64 << 20).max_encoding_message_size(64 << 20)
}

pub async fn client() -> ThreatClassifierClient<Channel> {
    client_for(server()).await
}

pub fn article(id: &str, title: &str, body: &str) -> proto::ClassifyRequest {
    proto::ClassifyRequest {
        article: Some(proto::Article { id: id.into(), title: title.into(), body: body.into(), ..Default::default() }),
        options: None,
    }
}

/// The seed article of TAXONOMY §3, written as a wire story.
pub const ESPIONAGE_TITLE: &str = "Dutch PM raises cyber espionage concerns directly with China's Xi";
pub const ESPIONAGE_BODY: &str = "The Dutch prime minister raised concerns about Chinese cyber espionage directly with President Xi Jinping during a visit to Beijing on Tuesday, officials said.\n\nThe Dutch military intelligence service MIVD attributed an intrusion into a Dutch military network last year to Chinese state-backed spies, saying the hackers installed malware to gain persistent access.\n\nIn March, the United States and Britain charged and sanctioned members of APT31, a hacking group they say is run by China's Ministry of State Security, over a years-long campaign against lawmakers, officials and companies. Finland's security police later linked APT31 to a breach of its parliament's systems.\n\nBeijing denies any involvement in hacking and has called the accusations groundless smears.";

/// Neutral background paragraphs for long-article tests.
pub fn filler_paragraphs(n: usize) -> String {
    let paras = [
        "The ministry oversees a network of regional offices that handle permits, inspections and public consultations, and it has spent much of the past decade moving those services online.",
        "Budget documents show that spending on information technology rose steadily over the period, with most of the money going to new case-management software and the migration of older databases.",
        "Staff described long days spent reconciling paper records with the digital system, and several said training on the new tools had been brief and uneven across departments.",
        "A parliamentary committee reviewed the programme twice, recommending clearer ownership of the projects and regular reporting on costs, delays and the number of services moved.",
        "Local officials welcomed the shorter waiting times for routine applications, though some complained that rural offices still struggled with slow connections and ageing equipment.",
        "The ministry's annual report lists dozens of suppliers, from large integrators to small consultancies, and notes that several contracts were extended without a new tender.",
    ];
    (0..n).map(|i| paras[i % paras.len()]).collect::<Vec<_>>().join("\n\n")
}
