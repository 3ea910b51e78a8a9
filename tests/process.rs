//! The `threatlens` binary as an operator runs it: start-up failures on a
//! broken model directory, health transitions, and graceful shutdown on SIGTERM.

mod common;

use std::{
    io::{BufRead, BufReader},
    net::SocketAddr,
    process::{Child, Command, Stdio},
    time::{Duration, Instant},
};

use common::*;
use tonic_health::pb::{health_check_response::ServingStatus, health_client::HealthClient, HealthCheckRequest};

const BIN: &str = env!("CARGO_BIN_EXE_threatlens");

fn run_to_end(args: &[&str]) -> (i32, String) {
    let out = Command::new(BIN).args(args).output().expect("run threatlens");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn missing_model_dir_fails_before_opening_a_port() {
    let (code, stderr) = run_to_end(&["serve", "--addr", "127.0.0.1:0", "--model-dir", "/nonexistent/model-dir"]);
    assert_ne!(code, 0);
    assert!(stderr.contains("/nonexistent/model-dir"), "{stderr}");
    assert!(!stderr.contains("listening"), "{stderr}");
}

#[test]
fn corrupt_encoder_fails_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(model_dir()).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    std::fs::write(dir.path().join("encoder.onnx"), b"not an onnx graph").unwrap();
    let (code, stderr) = run_to_end(&["serve", "--addr", "127.0.0.1:0", "--model-dir", dir.path().to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(stderr.contains("encoder.onnx"), "{stderr}");

    std::fs::write(dir.path().join("manifest.json"), b"{\"name\": 1").unwrap();
    let (code, stderr) = run_to_end(&["info", "--model-dir", dir.path().to_str().unwrap()]);
    assert_ne!(code, 0);
    assert!(stderr.contains("manifest.json"), "{stderr}");
}

#[test]
fn classify_cli_uses_the_same_engine() {
    let mut child = Command::new(BIN)
        .args(["classify", "--model-dir", model_dir().to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        let line = serde_json::json!({"id": "cli-1", "title": ESPIONAGE_TITLE, "body": ESPIONAGE_BODY});
        writeln!(stdin, "{line}").unwrap();
        writeln!(stdin, "{}", serde_json::json!({"id": "cli-2", "title": "", "body": ""})).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "cli-1");
    assert_eq!(lines[0]["primary_threat"], "espionage");
    assert_eq!(lines[1]["error"]["code"], "INVALID_ARGUMENT");
}

struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Starts the binary on port 0 and reads the bound address from its log.
fn spawn_server() -> Server {
    let mut child = Command::new(BIN)
        .args([
            "serve",
            "--addr",
            "127.0.0.1:0",
            "--model-dir",
            model_dir().to_str().unwrap(),
            "--shutdown-grace-ms",
            "1500",
        ])
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(rest) = line.split("addr=").nth(1) {
                if line.contains("listening") {
                    let _ = tx.send(rest.split_whitespace().next().unwrap().to_string());
                }
            }
        }
    });
    let addr = rx.recv_timeout(Duration::from_secs(120)).expect("server logs its address");
    Server { child, addr: addr.parse().unwrap() }
}

async fn health(client: &mut HealthClient<tonic::transport::Channel>) -> Option<i32> {
    client
        .check(HealthCheckRequest { service: "threatlens.v1.ThreatClassifier".into() })
        .await
        .ok()
        .map(|r| r.into_inner().status)
}

#[tokio::test]
async fn sigterm_flips_health_finishes_in_flight_work_and_exits_zero() {
    let mut server = spawn_server();
    let ch =
        tonic::transport::Channel::from_shared(format!("http://{}", server.addr)).unwrap().connect().await.unwrap();
    let mut hc = HealthClient::new(ch.clone());
    let deadline = Instant::now() + Duration::from_secs(120);
    while health(&mut hc).await != Some(ServingStatus::Serving as i32) {
        assert!(Instant::now() < deadline, "never SERVING");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    // A long request in flight when the signal arrives.
    let mut classifier = threatlens::proto::threat_classifier_client::ThreatClassifierClient::new(ch.clone());
    let body = filler_paragraphs(120);
    let in_flight = tokio::spawn(async move { classifier.classify(article("drain", "Long", &body)).await });
    tokio::time::sleep(Duration::from_millis(100)).await;

    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let mut saw_not_serving = false;
    let until = Instant::now() + Duration::from_millis(1200);
    while Instant::now() < until {
        if health(&mut hc).await == Some(ServingStatus::NotServing as i32) {
            saw_not_serving = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(saw_not_serving, "health must report NOT_SERVING during the grace period");

    let answer = in_flight.await.unwrap().expect("in-flight request completes during drain").into_inner();
    assert!(answer.error.is_none());
    let status = tokio::task::spawn_blocking(move || server.child.wait().unwrap()).await.unwrap();
    assert_eq!(status.code(), Some(0));
}
