//! `--tls-cert` / `--tls-key`: the port speaks TLS, a client that trusts the
//! certificate classifies, a plaintext client is refused.

mod common;

use std::time::Duration;

use common::*;
use threatlens::{config::EngineConfig, engine::Engine, proto::threat_classifier_client::ThreatClassifierClient};
use tonic::transport::{Certificate, Channel, ClientTlsConfig};

#[test]
fn serves_tls_when_configured() {
    let dir = tempfile::tempdir().unwrap();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let (cert_pem, key_pem) = (cert.cert.pem(), cert.signing_key.serialize_pem());
    std::fs::write(dir.path().join("cert.pem"), &cert_pem).unwrap();
    std::fs::write(dir.path().join("key.pem"), &key_pem).unwrap();

    let mut config = serve_config(EngineConfig::with_model_dir(model_dir()));
    config.tls_cert = Some(dir.path().join("cert.pem"));
    config.tls_key = Some(dir.path().join("key.pem"));
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    rt.block_on(async move {
        let engine = Engine::load(&config.engine, None).unwrap();
        let listener = tokio::net::TcpListener::bind(config.addr).await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            threatlens::server::serve(&config, engine, listener, futures::future::pending(), None).await.unwrap();
        });

        let tls = ClientTlsConfig::new().ca_certificate(Certificate::from_pem(&cert_pem)).domain_name("localhost");
        let endpoint = Channel::from_shared(format!("https://{addr}")).unwrap().tls_config(tls).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        let answer = loop {
            if let Ok(ch) = endpoint.connect().await {
                let mut client = ThreatClassifierClient::new(ch);
                match client.classify(article("tls", ESPIONAGE_TITLE, ESPIONAGE_BODY)).await {
                    Ok(r) => break r.into_inner(),
                    Err(s) if s.code() == tonic::Code::Unavailable || s.code() == tonic::Code::ResourceExhausted => {}
                    Err(s) => panic!("{s:?}"),
                }
            }
            assert!(std::time::Instant::now() < deadline, "TLS server never answered");
            tokio::time::sleep(Duration::from_millis(100)).await;
        };
        assert_eq!(answer.primary_threat, "espionage");

        // A plaintext client gets no answer from a TLS port.
        let plain = Channel::from_shared(format!("http://{addr}")).unwrap().connect().await;
        if let Ok(ch) = plain {
            let r = ThreatClassifierClient::new(ch).classify(article("plain", "t", "b")).await;
            assert!(r.is_err(), "plaintext call must fail on a TLS port");
        }
    });
}
