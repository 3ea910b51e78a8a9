//! `threatlens score` as an operator runs it: the real binary against real
//! `threatlens serve` processes, which the tests kill and restart.
//!
//! The property under test is the one the command promises: every input row
//! gets exactly one output row, through bad input, server crashes and resumed
//! runs.

use std::{
    collections::{HashMap, HashSet},
    fs::File,
    io::{BufRead, BufReader},
    net::TcpListener,
    path::{Path, PathBuf},
    process::{Child, Command, Output, Stdio},
    sync::mpsc,
    time::{Duration, Instant},
};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_threatlens");

fn model_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("models/threatlens-minilm")
}

/// A free port: bound and released at once, so a restarted server can take it again.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// A `threatlens serve` process, killed when dropped so no test leaves one behind.
struct Server {
    child: Child,
    port: u16,
}

impl Server {
    /// Starts a server and returns once it logs SERVING.
    fn start(port: u16) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--addr", &format!("127.0.0.1:{port}"), "--workers", "1", "--shutdown-grace-ms", "0"])
            .arg("--model-dir")
            .arg(model_dir())
            .env("THREATLENS_LOG", "info")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start threatlens serve");
        let stderr = child.stderr.take().unwrap();
        let (tx, rx) = mpsc::channel();
        // Keeps draining the log after SERVING so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if line.contains("SERVING") {
                    let _ = tx.send(());
                }
            }
        });
        let server = Server { child, port };
        rx.recv_timeout(Duration::from_secs(120)).expect("server logs SERVING");
        server
    }

    fn addr(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// SIGKILL: no drain, no goodbye; streams break mid-answer.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.kill();
    }
}

fn score(args: &[&str]) -> Output {
    Command::new(BIN).arg("score").args(args).output().expect("run threatlens score")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn read_rows(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("output line {l:?}: {e}")))
        .collect()
}

fn count_lines(path: &Path) -> usize {
    std::fs::read_to_string(path).map(|s| s.matches('\n').count()).unwrap_or(0)
}

/// Short articles of a few kinds, so runs stay fast.
fn article(i: usize) -> Value {
    let (title, body) = [
        (
            "Ransomware gang hits regional hospital",
            "The attack encrypted patient records and the group demanded a ransom.",
        ),
        (
            "Bank customers targeted by phishing emails",
            "Messages impersonating the bank asked customers to confirm their passwords.",
        ),
        (
            "Government websites knocked offline",
            "A flood of traffic took down ministry portals; a hacktivist group claimed the attack.",
        ),
        (
            "Spies accused of hacking defence contractor",
            "Officials attributed the intrusion to a state-backed espionage group.",
        ),
    ][i % 4];
    json!({ "id": format!("art-{i}"), "title": format!("{title} ({i})"), "body": body })
}

fn jsonl(values: impl IntoIterator<Item = Value>) -> String {
    values.into_iter().map(|v| v.to_string() + "\n").collect()
}

fn ids(rows: &[Value]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for r in rows {
        *counts.entry(r["id"].as_str().unwrap_or("").to_string()).or_default() += 1;
    }
    counts
}

fn is_error(row: &Value) -> bool {
    !row["error"].is_null()
}

#[test]
fn malformed_lines_become_error_rows_with_line_numbers() {
    let server = Server::start(free_port());
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let lines = [
        article(0).to_string(),
        "{\"id\": \"broken\", \"title\": ".to_string(),
        json!({ "title": "No id", "body": "An article without an id." }).to_string(),
        json!({ "id": "empty", "title": "", "body": "  " }).to_string(),
        article(1).to_string(),
        json!({ "id": "art-0", "title": "Same id again", "body": "A duplicate." }).to_string(),
        "[1, 2, 3]".to_string(),
        article(2).to_string(),
    ];
    std::fs::write(&input, lines.join("\n") + "\n").unwrap();
    let output = dir.path().join("out.jsonl");

    let out = score(&[
        "--input",
        input.to_str().unwrap(),
        "--output",
        output.to_str().unwrap(),
        "--server",
        &server.addr(),
        "--window",
        "4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let rows = read_rows(&output);
    assert_eq!(rows.len(), lines.len(), "one row per input line");
    let by_line: HashMap<u64, &Value> = rows.iter().map(|r| (r["line"].as_u64().unwrap(), r)).collect();
    assert_eq!(by_line.len(), lines.len(), "every line exactly once: {rows:?}");
    let expect_error = |line: u64, id: Value, code: &str| {
        let row = by_line[&line];
        assert_eq!(row["id"], id, "{row}");
        assert_eq!(row["error"]["code"], code, "{row}");
        let message = row["error"]["message"].as_str().unwrap();
        assert!(message.starts_with(&format!("line {line}: ")), "{message}");
    };
    expect_error(2, Value::Null, "INVALID_ARGUMENT");
    expect_error(3, Value::Null, "INVALID_ARGUMENT");
    expect_error(4, json!("empty"), "INVALID_ARGUMENT");
    expect_error(6, json!("art-0"), "ALREADY_EXISTS");
    expect_error(7, Value::Null, "INVALID_ARGUMENT");
    for (line, id) in [(1, "art-0"), (5, "art-1"), (8, "art-2")] {
        let row = by_line[&line];
        assert!(!is_error(row), "{row}");
        assert_eq!(row["id"], id);
        assert!(!row["primary_threat"].as_str().unwrap().is_empty(), "{row}");
        assert!(row["usage"]["tokens"].as_u64().unwrap() > 0, "{row}");
    }
    assert!(stderr(&out).contains("8 rows written (5 errors)"), "{}", stderr(&out));
}

#[test]
fn server_killed_and_restarted_mid_run_loses_and_duplicates_nothing() {
    let port = free_port();
    let mut server = Server::start(port);
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    let n = 150;
    std::fs::write(&input, jsonl((0..n).map(article))).unwrap();
    let output = dir.path().join("out.jsonl");
    let log = dir.path().join("score.log");

    let started = Instant::now();
    let mut client = Command::new(BIN)
        .arg("score")
        .args(["--input", input.to_str().unwrap(), "--output", output.to_str().unwrap(), "--server", &server.addr()])
        .args(["--window", "4", "--progress", "never"])
        .stderr(File::create(&log).unwrap())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();

    let deadline = Instant::now() + Duration::from_secs(60);
    while count_lines(&output) < 20 {
        assert!(Instant::now() < deadline, "no progress before the kill");
        assert!(client.try_wait().unwrap().is_none(), "score ended early");
        std::thread::sleep(Duration::from_millis(10));
    }
    server.kill();
    let at_kill = count_lines(&output);
    std::thread::sleep(Duration::from_secs(1));
    let _server = Server::start(port);

    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = client.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "score did not finish after the restart");
        std::thread::sleep(Duration::from_millis(20));
    };
    let wall = started.elapsed();
    let log = std::fs::read_to_string(&log).unwrap();
    assert!(status.success(), "{log}");

    let rows = read_rows(&output);
    let counts = ids(&rows);
    let errors = rows.iter().filter(|r| is_error(r)).count();
    let duplicates = counts.values().filter(|&&c| c > 1).count();
    eprintln!(
        "kill/restart: {:.1} s wall, killed at {at_kill}/{n} rows, {} rows, {} distinct ids, {duplicates} duplicates, {errors} errors",
        wall.as_secs_f64(),
        rows.len(),
        counts.len()
    );
    assert!(at_kill < n, "the kill came after the run had finished");
    assert!(log.contains("to send again"), "the client never saw the server go: {log}");
    assert_eq!(rows.len(), n, "{log}");
    assert_eq!(duplicates, 0);
    assert_eq!(errors, 0, "{rows:?}");
    let want: HashSet<String> = (0..n).map(|i| format!("art-{i}")).collect();
    assert_eq!(counts.keys().cloned().collect::<HashSet<_>>(), want);
}

#[test]
fn rerun_with_the_same_output_resumes() {
    let server = Server::start(free_port());
    let dir = tempfile::tempdir().unwrap();
    // 40 rows, with a bad line and a duplicate, whose rows are keyed by line.
    let mut lines: Vec<String> = (0..38).map(|i| article(i).to_string()).collect();
    lines.insert(4, "not json".into());
    lines.push(article(7).to_string());
    let (half, full) = (dir.path().join("half.jsonl"), dir.path().join("full.jsonl"));
    std::fs::write(&half, lines[..20].join("\n") + "\n").unwrap();
    std::fs::write(&full, lines.join("\n") + "\n").unwrap();
    let output = dir.path().join("out.jsonl");
    let out_arg = output.to_str().unwrap();

    let out =
        score(&["--input", half.to_str().unwrap(), "--output", out_arg, "--server", &server.addr(), "--window", "4"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read_rows(&output).len(), 20);
    let first = std::fs::read_to_string(&output).unwrap();
    // A run killed mid-write leaves a partial line; the next run cuts it off.
    std::fs::write(&output, first.clone() + "{\"id\": \"art-3").unwrap();

    // Twice the same address: two streams, the path of several servers.
    let addr = server.addr();
    let out = score(&[
        "--input",
        full.to_str().unwrap(),
        "--output",
        out_arg,
        "--server",
        &addr,
        "--server",
        &addr,
        "--window",
        "4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("20 rows written"), "{}", stderr(&out));
    assert!(stderr(&out).contains("20 already in the output"), "{}", stderr(&out));

    let text = std::fs::read_to_string(&output).unwrap();
    assert!(text.starts_with(&first), "rows of the first run are kept as written");
    let rows = read_rows(&output);
    assert_eq!(rows.len(), lines.len());
    let by_line: HashSet<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(by_line, (1..=lines.len() as u64).collect());
    let answered = rows.iter().filter(|r| !is_error(r)).map(|r| r["id"].as_str().unwrap()).collect::<Vec<_>>();
    assert_eq!(answered.len(), 38);
    assert_eq!(answered.iter().collect::<HashSet<_>>().len(), 38, "no id answered twice");
    let errors: Vec<_> = rows
        .iter()
        .filter(|r| is_error(r))
        .map(|r| (r["line"].as_u64().unwrap(), r["error"]["code"].clone()))
        .collect();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert!(
        errors.contains(&(5, json!("INVALID_ARGUMENT"))) && errors.contains(&(40, json!("ALREADY_EXISTS"))),
        "{errors:?}"
    );

    // A third run finds nothing to do.
    let out =
        score(&["--input", full.to_str().unwrap(), "--output", out_arg, "--server", &addr, "--progress", "never"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(read_rows(&output).len(), lines.len());
}

#[test]
fn embedded_agrees_with_the_server_and_reads_csv() {
    let server = Server::start(free_port());
    let dir = tempfile::tempdir().unwrap();
    let mut articles: Vec<Value> = (0..4).map(article).collect();
    articles[3]["body"] = json!(
        "The Dutch military intelligence service MIVD attributed an intrusion into a Dutch military network to Chinese state-backed spies.\n\n\
         Beijing denies any involvement in hacking and has called the accusations \"groundless smears\"."
    );
    let jsonl_in = dir.path().join("in.jsonl");
    std::fs::write(&jsonl_in, jsonl(articles.clone())).unwrap();
    // The same articles as CSV: quoted fields, with commas, quotes and newlines inside.
    let quote = |v: &Value| format!("\"{}\"", v.as_str().unwrap().replace('"', "\"\""));
    let csv: String = std::iter::once("id,title,body,url\n".to_string())
        .chain(articles.iter().map(|a| {
            format!(
                "{},{},{},https://example.test/{}\n",
                quote(&a["id"]),
                quote(&a["title"]),
                quote(&a["body"]),
                a["id"].as_str().unwrap()
            )
        }))
        .collect();
    let csv_in = dir.path().join("in.csv");
    std::fs::write(&csv_in, csv).unwrap();
    let (remote, local) = (dir.path().join("remote.jsonl"), dir.path().join("local.jsonl"));

    let out = score(&[
        "--input",
        jsonl_in.to_str().unwrap(),
        "--output",
        remote.to_str().unwrap(),
        "--server",
        &server.addr(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = score(&[
        "--input",
        csv_in.to_str().unwrap(),
        "--output",
        local.to_str().unwrap(),
        "--embedded",
        "--workers",
        "1",
        "--model-dir",
        model_dir().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));

    let primary = |rows: Vec<Value>| -> HashMap<String, (String, String)> {
        rows.into_iter()
            .map(|r| {
                assert!(!is_error(&r), "{r}");
                (
                    r["id"].as_str().unwrap().to_string(),
                    (
                        r["primary_threat"].as_str().unwrap().to_string(),
                        r["attribution"]["level"].as_str().unwrap().to_string(),
                    ),
                )
            })
            .collect()
    };
    let (remote, local) = (primary(read_rows(&remote)), primary(read_rows(&local)));
    assert_eq!(remote.len(), 4);
    assert_eq!(remote, local);
    // The CSV's line numbers: the header is line 1 and the bodies of the last article span three lines.
    let lines: Vec<u64> =
        read_rows(&dir.path().join("local.jsonl")).iter().map(|r| r["line"].as_u64().unwrap()).collect();
    assert_eq!(lines.iter().collect::<HashSet<_>>(), [2, 3, 4, 5].iter().collect());
}
