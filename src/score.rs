//! `threatlens score`: batch scoring of a JSON lines or CSV file, against one
//! or more servers or the model in this process.
//!
//! The promise is that every input row ends up with exactly one output row,
//! whatever happens to the servers on the way. The pipeline is built around it:
//!
//! ```text
//! reader thread ─► dispatcher (window, retries) ─► streams, one per server
//!   (lines → items)       │            ▲
//!                         ▼            └─ answers, in order per stream
//!                  writer thread (appends and flushes the output)
//! ```
//!
//! * A row is written only when its final answer arrives, and only by the
//!   writer. An item the server took but never answered is sent again; its
//!   first answer was lost with the stream, so it cannot be written twice.
//! * Rows that cannot be sent at all (bad JSON, missing or duplicate id) are
//!   written as error rows carrying their line number.
//! * The output is also the checkpoint: a re-run with the same output reads it
//!   first, skips what it already holds, and appends the rest.

use std::{
    collections::{HashMap, HashSet, VecDeque},
    fs::{File, OpenOptions},
    io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Write},
    path::{Path, PathBuf},
    sync::{
        atomic::{AtomicBool, AtomicU64, Ordering},
        mpsc as std_mpsc, Arc,
    },
    thread::JoinHandle,
    time::Duration,
};

use anyhow::{anyhow, bail, Context};
use clap::{Args, ValueEnum};
use futures::StreamExt;
use serde_json::{json, Value};
use tokio::{sync::mpsc, task::AbortHandle, time::Instant};
use tokio_stream::wrappers::{ReceiverStream, UnboundedReceiverStream};
use tonic::{transport::Endpoint, Code, Status, Streaming};

use crate::{
    batching::Admission,
    config::EngineConfig,
    engine::{error_response, Engine},
    error::code_name,
    proto::{self, threat_classifier_client::ThreatClassifierClient},
};

/// Longest wait between two tries.
const MAX_BACKOFF: Duration = Duration::from_secs(5);
/// Connecting and opening one stream; a server that takes longer counts as down.
const OPEN_TIMEOUT: Duration = Duration::from_secs(10);
/// Error code of a row whose id already appeared earlier in the input. Its own
/// code, because on resume such a row is keyed by its line, not by its id.
const DUPLICATE: &str = "ALREADY_EXISTS";
const INVALID: &str = "INVALID_ARGUMENT";

/// `threatlens score`.
#[derive(Debug, Clone, Args)]
pub struct ScoreArgs {
    /// Input: JSON lines or CSV with `id`, `title`, `body` and optional `url`,
    /// `published_at`. Absent or `-` reads standard input.
    #[arg(long)]
    pub input: Option<PathBuf>,

    /// Output: JSON lines, one per input row. An existing file is resumed: rows
    /// already in it are skipped and the rest appended. Absent or `-` writes
    /// standard output (no resume).
    #[arg(long)]
    pub output: Option<PathBuf>,

    /// Input format; by default `.csv` files are CSV, everything else JSON lines.
    #[arg(long, value_enum)]
    pub format: Option<Format>,

    /// Server address, e.g. http://127.0.0.1:50051. Repeat it to spread the
    /// articles over several servers (one stream each, least loaded first).
    #[arg(long = "server", value_name = "ADDR", required_unless_present = "embedded", conflicts_with = "embedded")]
    pub servers: Vec<String>,

    /// Run the model in this process instead of calling a server.
    #[arg(long)]
    pub embedded: bool,

    /// Most articles in flight at once, across all servers.
    #[arg(long, default_value_t = 64)]
    pub window: usize,

    /// Tries per article after UNAVAILABLE, RESOURCE_EXHAUSTED or a broken
    /// connection, and per server after failures in a row; backoff doubles from
    /// 100 ms up to 5 s.
    #[arg(long, default_value_t = 20)]
    pub retries: u32,

    /// auto: a bar on a terminal, plain lines otherwise; always: the bar even
    /// when stderr is no terminal; never: only the final summary.
    #[arg(long, value_enum, default_value_t = ProgressMode::Auto)]
    pub progress: ProgressMode,

    /// Bearer token for servers started with --auth-token.
    #[arg(long, env = "THREATLENS_AUTH_TOKEN", hide_env_values = true)]
    pub auth_token: Option<String>,

    // Model settings for --embedded.
    #[command(flatten)]
    pub engine: EngineConfig,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ProgressMode {
    Auto,
    Always,
    Never,
}

/// Runs `threatlens score` to the end: Ok once every input row has its output row.
pub fn run(args: ScoreArgs) -> anyhow::Result<()> {
    if args.window == 0 {
        bail!("--window must be at least 1");
    }
    let input = args.input.clone().filter(|p| p.as_os_str() != "-");
    let output_path = args.output.clone().filter(|p| p.as_os_str() != "-");
    let format = args.format.unwrap_or(match input.as_deref().and_then(Path::extension) {
        Some(ext) if ext.eq_ignore_ascii_case("csv") => Format::Csv,
        _ => Format::Jsonl,
    });
    let endpoints = args.servers.iter().map(|a| endpoint(a)).collect::<anyhow::Result<Vec<_>>>()?;
    // Open the input before touching the output, so a typo costs nothing.
    let source: Box<dyn Read + Send> = match &input {
        Some(p) => Box::new(File::open(p).with_context(|| format!("opening {}", p.display()))?),
        None => Box::new(io::stdin()),
    };
    let (sink, done) = open_output(output_path.as_deref())?;
    let engine =
        if args.embedded { Some(Engine::load(&args.engine, None).context("loading the model")?) } else { None };

    let stats = Arc::new(Stats::default());
    let progress = Progress::start(args.progress, stats.clone());
    let output = Output::spawn(sink, stats.clone());
    let (input_tx, input_rx) = mpsc::channel(args.window.max(64));
    let reader = {
        let stats = stats.clone();
        std::thread::spawn(move || read_input(source, input.as_deref(), format, done, input_tx, &stats))
    };

    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    let result = runtime.block_on(async {
        match &engine {
            Some(engine) => score_embedded(engine.clone(), input_rx, args.window, &output).await,
            None => {
                let servers = args.servers.iter().cloned().zip(endpoints).collect();
                let auth = args.auth_token.as_deref().map(Arc::from);
                Dispatcher::new(servers, auth, args.retries, &output, &progress).run(input_rx, args.window).await
            }
        }
    });
    if let Some(engine) = engine {
        engine.shutdown();
    }
    // The reader has finished when the pipeline did; after a failure it may be
    // blocked on standard input, so it is left behind.
    let read = if result.is_ok() {
        reader.join().unwrap_or_else(|_| Err(anyhow!("the input reader panicked")))
    } else {
        Ok(())
    };
    let written = output.finish();
    progress.finish();
    // The writer's own error says more than "the writer stopped".
    written?;
    result?;
    read
}

// ---------------------------------------------------------------------------
// Input

/// One article on its way to a model.
struct Item {
    line: u64,
    id: String,
    request: proto::ClassifyRequest,
    /// Failed tries so far; bounded by --retries.
    attempts: u32,
}

/// What the reader hands on: an article to classify, or a row already final
/// (a line that cannot be sent).
enum Input {
    Article(Item),
    Final(Row),
}

/// One output line, with what the summary counts.
struct Row {
    json: String,
    error: bool,
    tokens: u64,
}

/// What the existing output already holds. Rows with an id are keyed by it
/// (the issue's "skip ids already written"); rows without one, and duplicate
/// rows, whose id belongs to another row, by their line number.
#[derive(Default)]
struct Done {
    ids: HashSet<String>,
    lines: HashSet<u64>,
}

/// One parsed input row: the id if there is one, and the article or what is wrong with it.
struct Fields {
    id: Option<String>,
    article: Result<proto::Article, String>,
}

/// Turns rows into items, deciding along the way which rows are bad,
/// duplicates or already done.
struct Rows<'a> {
    done: Done,
    /// Every id seen so far, with its first line.
    seen: HashMap<String, u64>,
    tx: mpsc::Sender<Input>,
    stats: &'a Stats,
}

impl Rows<'_> {
    /// Hands one row on; false once nobody listens any more.
    fn push(&mut self, line: u64, fields: Result<Fields, String>) -> bool {
        let input = match fields {
            Ok(Fields { id: Some(id), article }) => {
                if let Some(first) = self.seen.get(&id) {
                    if self.done.lines.contains(&line) {
                        return self.skip();
                    }
                    Input::Final(error_row(
                        Some(&id),
                        line,
                        DUPLICATE,
                        &format!("duplicate id {id:?}, first on line {first}"),
                    ))
                } else {
                    self.seen.insert(id.clone(), line);
                    if self.done.ids.contains(&id) {
                        return self.skip();
                    }
                    match article {
                        Ok(article) => Input::Article(Item {
                            line,
                            id,
                            request: proto::ClassifyRequest { article: Some(article), options: None },
                            attempts: 0,
                        }),
                        Err(message) => Input::Final(error_row(Some(&id), line, INVALID, &message)),
                    }
                }
            }
            _ if self.done.lines.contains(&line) => return self.skip(),
            Ok(Fields { id: None, .. }) => Input::Final(error_row(None, line, INVALID, "missing id")),
            Err(message) => Input::Final(error_row(None, line, INVALID, &message)),
        };
        self.tx.blocking_send(input).is_ok()
    }

    fn skip(&self) -> bool {
        self.stats.skipped.fetch_add(1, Ordering::Relaxed);
        true
    }
}

/// The reader thread: counts the rows of a file for the progress bar, then
/// streams them to the dispatcher.
fn read_input(
    source: Box<dyn Read + Send>,
    path: Option<&Path>,
    format: Format,
    done: Done,
    tx: mpsc::Sender<Input>,
    stats: &Stats,
) -> anyhow::Result<()> {
    if let Some(path) = path {
        // A second pass over a file is cheap next to the model; it gives the bar its ETA.
        if let Ok(total) = count_rows(path, format) {
            stats.total.store(total, Ordering::Relaxed);
            stats.total_known.store(true, Ordering::Relaxed);
        }
    }
    let mut rows = Rows { done, seen: HashMap::new(), tx, stats };
    let source = BufReader::with_capacity(1 << 16, source);
    match format {
        Format::Jsonl => read_jsonl(source, &mut rows).context("reading the input"),
        Format::Csv => read_csv(source, &mut rows),
    }
}

fn count_rows(path: &Path, format: Format) -> anyhow::Result<u64> {
    let file = BufReader::new(File::open(path)?);
    Ok(match format {
        Format::Jsonl => {
            let mut n = 0;
            for line in file.split(b'\n') {
                n += u64::from(line?.iter().any(|b| !b.is_ascii_whitespace()));
            }
            n
        }
        Format::Csv => {
            let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(file);
            let mut record = csv::ByteRecord::new();
            let mut n = 0;
            while csv.read_byte_record(&mut record)? {
                n += 1;
            }
            n
        }
    })
}

/// JSON lines: one object per line; blank lines are no rows.
fn read_jsonl(mut source: impl BufRead, rows: &mut Rows) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        if source.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        line += 1;
        let fields = match std::str::from_utf8(&buf) {
            Ok(text) => {
                let text = text.trim_start_matches('\u{feff}').trim();
                if text.is_empty() {
                    continue;
                }
                parse_json_row(text)
            }
            Err(e) => Err(format!("not UTF-8: {e}")),
        };
        if !rows.push(line, fields) {
            return Ok(());
        }
    }
}

fn parse_json_row(text: &str) -> Result<Fields, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(map) = value else { return Err("not a JSON object".into()) };
    let id = match map.get("id") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        // Numeric ids are common in exports; they are kept as their JSON text.
        Some(Value::Number(n)) => Some(n.to_string()),
        Some(_) => return Err("id must be a string or a number".into()),
    }
    .filter(|id| !id.is_empty());
    let text = |name: &str| match map.get(name) {
        None | Some(Value::Null) => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(format!("{name} must be a string")),
    };
    let article = (|| -> Result<proto::Article, String> {
        Ok(proto::Article {
            id: id.clone().unwrap_or_default(),
            title: text("title")?,
            body: text("body")?,
            url: text("url")?,
            published_at: text("published_at")?,
        })
    })();
    Ok(Fields { id, article })
}

/// CSV with a header row; a row's line is the line it starts on (quoted
/// fields may span lines).
fn read_csv(source: impl Read, rows: &mut Rows) -> anyhow::Result<()> {
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(source);
    let headers = csv.byte_headers().context("reading the CSV header")?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes()));
    let id = column("id").context("the CSV header has no `id` column")?;
    let (title, body, url, published_at) = (column("title"), column("body"), column("url"), column("published_at"));
    if title.is_none() && body.is_none() {
        bail!("the CSV header has neither a `title` nor a `body` column");
    }
    let mut record = csv::ByteRecord::new();
    while csv.read_byte_record(&mut record).context("reading the CSV input")? {
        let line = record.position().map_or(0, |p| p.line());
        let get = |c: Option<usize>, name: &str| match c.and_then(|c| record.get(c)) {
            None => Ok(String::new()),
            Some(bytes) => String::from_utf8(bytes.to_vec()).map_err(|_| format!("{name} is not UTF-8")),
        };
        let fields = get(Some(id), "id").map(|id| {
            let id = Some(id).filter(|id| !id.trim().is_empty());
            let article = (|| -> Result<proto::Article, String> {
                Ok(proto::Article {
                    id: id.clone().unwrap_or_default(),
                    title: get(title, "title")?,
                    body: get(body, "body")?,
                    url: get(url, "url")?,
                    published_at: get(published_at, "published_at")?,
                })
            })();
            Fields { id, article }
        });
        if !rows.push(line, fields) {
            break;
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Output

fn error_row(id: Option<&str>, line: u64, code: &str, message: &str) -> Row {
    let json =
        json!({ "id": id, "line": line, "error": { "code": code, "message": format!("line {line}: {message}") } });
    Row { json: json.to_string(), error: true, tokens: 0 }
}

/// The row for a model's answer: the response as the proto serializes it, plus
/// the input line. `index` is left out: it is the position in one stream,
/// meaningless once items have been re-sent.
fn answer_row(line: u64, id: &str, mut resp: proto::ClassifyResponse) -> Row {
    if let Some(err) = resp.error.take() {
        return error_row(Some(id), line, &err.code, &err.message);
    }
    resp.id = id.to_string();
    let tokens = resp.usage.as_ref().map_or(0, |u| u64::from(u.tokens));
    let mut value =
        serde_json::to_value(&resp).unwrap_or_else(|e| json!({ "id": id, "serialization_error": e.to_string() }));
    if let Value::Object(map) = &mut value {
        map.remove("index");
        map.insert("line".into(), line.into());
    }
    Row { json: value.to_string(), error: false, tokens }
}

/// Opens the output for appending and reads what it already holds. A partial
/// last line (a run killed mid-write) is cut off; its row is simply redone.
fn open_output(path: Option<&Path>) -> anyhow::Result<(Box<dyn Write + Send>, Done)> {
    let Some(path) = path else { return Ok((Box::new(io::stdout()), Done::default())) };
    let mut done = Done::default();
    let file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .open(path)
        .with_context(|| format!("opening {}", path.display()))?;
    let mut reader = BufReader::new(&file);
    let (mut buf, mut complete, mut n) = (Vec::new(), 0u64, 0u64);
    loop {
        buf.clear();
        let len = reader.read_until(b'\n', &mut buf).with_context(|| format!("reading {}", path.display()))?;
        if len == 0 || buf.last() != Some(&b'\n') {
            break;
        }
        complete += len as u64;
        n += 1;
        if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let bad = || format!("{} line {n} is not a `threatlens score` row; pick another --output", path.display());
        let row: Value = serde_json::from_slice(&buf).with_context(bad)?;
        let line = row.get("line").and_then(Value::as_u64).with_context(bad)?;
        let id = row.get("id").and_then(Value::as_str).filter(|id| !id.is_empty());
        match id {
            Some(id) if row.pointer("/error/code").and_then(Value::as_str) != Some(DUPLICATE) => {
                done.ids.insert(id.to_string())
            }
            _ => done.lines.insert(line),
        };
    }
    drop(reader);
    if file.metadata()?.len() > complete {
        file.set_len(complete).with_context(|| format!("cutting the partial last line of {}", path.display()))?;
    }
    Ok((Box::new(file), done))
}

/// The writer thread: the only place that writes the output. It flushes
/// whenever it has caught up, so a killed run loses at most a row in flight.
struct Output {
    tx: std_mpsc::Sender<Row>,
    thread: JoinHandle<io::Result<()>>,
}

impl Output {
    fn spawn(sink: Box<dyn Write + Send>, stats: Arc<Stats>) -> Output {
        let (tx, rx) = std_mpsc::channel::<Row>();
        let thread = std::thread::spawn(move || {
            let mut out = BufWriter::with_capacity(1 << 16, sink);
            while let Ok(mut row) = rx.recv() {
                loop {
                    out.write_all(row.json.as_bytes())?;
                    out.write_all(b"\n")?;
                    stats.written.fetch_add(1, Ordering::Relaxed);
                    stats.errors.fetch_add(u64::from(row.error), Ordering::Relaxed);
                    stats.tokens.fetch_add(row.tokens, Ordering::Relaxed);
                    match rx.try_recv() {
                        Ok(next) => row = next,
                        Err(_) => break,
                    }
                }
                out.flush()?;
            }
            out.flush()
        });
        Output { tx, thread }
    }

    fn send(&self, row: Row) -> anyhow::Result<()> {
        self.tx.send(row).map_err(|_| anyhow!("the output writer stopped"))
    }

    fn finish(self) -> anyhow::Result<()> {
        drop(self.tx);
        self.thread.join().map_err(|_| anyhow!("the output writer panicked"))?.context("writing the output")
    }
}

// ---------------------------------------------------------------------------
// Embedded model

/// In-process scoring: the same `Engine::classify` call as `threatlens
/// classify`, up to `window` articles at a time. Nothing here can be retried:
/// the engine answers every article, with an error if need be.
async fn score_embedded(
    engine: Arc<Engine>,
    input: mpsc::Receiver<Input>,
    window: usize,
    output: &Output,
) -> anyhow::Result<()> {
    let mut rows = ReceiverStream::new(input)
        .map(|input| {
            let engine = engine.clone();
            async move {
                match input {
                    Input::Final(row) => row,
                    Input::Article(Item { line, id, request, .. }) => {
                        let resp = engine.classify(request, Admission::Wait).await.unwrap_or_else(error_response);
                        answer_row(line, &id, resp)
                    }
                }
            }
        })
        .buffer_unordered(window);
    while let Some(row) = rows.next().await {
        output.send(row)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Servers

fn endpoint(addr: &str) -> anyhow::Result<Endpoint> {
    let uri = if addr.contains("://") { addr.to_string() } else { format!("http://{addr}") };
    Ok(Endpoint::from_shared(uri)
        .with_context(|| format!("--server {addr}: not a valid address"))?
        .connect_timeout(Duration::from_secs(5))
        .tcp_nodelay(true)
        // A server that vanishes without closing the connection is noticed by the pings.
        .http2_keep_alive_interval(Duration::from_secs(10))
        .keep_alive_timeout(Duration::from_secs(20))
        .keep_alive_while_idle(true))
}

/// What the stream tasks tell the dispatcher. `gen` tells the current stream
/// of a server from earlier ones, whose late news is ignored.
enum Event {
    Connected {
        server: usize,
        gen: u64,
        tx: mpsc::UnboundedSender<proto::ClassifyRequest>,
    },
    Answer {
        server: usize,
        gen: u64,
        resp: proto::ClassifyResponse,
    },
    Closed {
        server: usize,
        gen: u64,
        status: Status,
    },
    /// An item whose backoff has passed.
    Retry(Item),
}

enum Link {
    Idle,
    Connecting,
    /// `sent` holds the items without an answer yet, in the order sent: the
    /// stream answers in that order, so each answer belongs to the front item.
    Up {
        gen: u64,
        tx: mpsc::UnboundedSender<proto::ClassifyRequest>,
        sent: VecDeque<Item>,
        answered: u32,
    },
    Down {
        until: Instant,
    },
    /// Failed more than --retries times in a row.
    Dead,
}

struct Server {
    addr: String,
    endpoint: Endpoint,
    link: Link,
    gen: u64,
    /// Failures since the last answer.
    failures: u32,
    task: Option<AbortHandle>,
    last_error: String,
}

/// Owns every item between the reader and the writer: the queue, the items
/// on each stream, and the window over all of them.
struct Dispatcher<'a> {
    servers: Vec<Server>,
    auth: Option<Arc<str>>,
    retries: u32,
    /// Items waiting for a stream: new ones, and ones to send again (in front).
    pending: VecDeque<Item>,
    /// Items taken from the reader and not yet written.
    outstanding: usize,
    /// Round-robin start among equally loaded servers.
    next: usize,
    events_tx: mpsc::UnboundedSender<Event>,
    events: mpsc::UnboundedReceiver<Event>,
    output: &'a Output,
    progress: &'a Progress,
}

impl<'a> Dispatcher<'a> {
    fn new(
        servers: Vec<(String, Endpoint)>,
        auth: Option<Arc<str>>,
        retries: u32,
        output: &'a Output,
        progress: &'a Progress,
    ) -> Self {
        let (events_tx, events) = mpsc::unbounded_channel();
        let servers = servers
            .into_iter()
            .map(|(addr, endpoint)| Server {
                addr,
                endpoint,
                link: Link::Idle,
                gen: 0,
                failures: 0,
                task: None,
                last_error: String::new(),
            })
            .collect();
        Dispatcher {
            servers,
            auth,
            retries,
            pending: VecDeque::new(),
            outstanding: 0,
            next: 0,
            events_tx,
            events,
            output,
            progress,
        }
    }

    async fn run(mut self, mut input: mpsc::Receiver<Input>, window: usize) -> anyhow::Result<()> {
        let mut input_done = false;
        let result = loop {
            self.connect_due();
            self.dispatch();
            if input_done && self.outstanding == 0 {
                break Ok(());
            }
            if self.servers.iter().all(|s| matches!(s.link, Link::Dead)) {
                let why: Vec<String> = self.servers.iter().map(|s| format!("{}: {}", s.addr, s.last_error)).collect();
                break Err(anyhow!(
                    "no server left after {} failures in a row ({}); run again with the same --output to resume",
                    self.retries + 1,
                    why.join("; ")
                ));
            }
            let wake = self
                .servers
                .iter()
                .filter_map(|s| if let Link::Down { until } = s.link { Some(until) } else { None })
                .min();
            tokio::select! {
                event = self.events.recv() => {
                    // The dispatcher holds a sender itself, so the channel never closes.
                    if let Some(event) = event {
                        if let Err(e) = self.on_event(event) {
                            break Err(e);
                        }
                    }
                }
                next = input.recv(), if !input_done && self.outstanding < window => match next {
                    Some(Input::Article(item)) => {
                        self.outstanding += 1;
                        self.pending.push_back(item);
                    }
                    Some(Input::Final(row)) => {
                        if let Err(e) = self.output.send(row) {
                            break Err(e);
                        }
                    }
                    None => input_done = true,
                },
                _ = tokio::time::sleep_until(wake.unwrap_or_else(Instant::now)), if wake.is_some() => {}
            }
        };
        self.close().await;
        result
    }

    /// Opens a stream to every server that has none and whose backoff has passed.
    fn connect_due(&mut self) {
        let now = Instant::now();
        for i in 0..self.servers.len() {
            let due = match self.servers[i].link {
                Link::Idle => true,
                Link::Down { until } => until <= now,
                _ => false,
            };
            if due {
                let s = &mut self.servers[i];
                s.gen += 1;
                let task =
                    tokio::spawn(stream_task(i, s.gen, s.endpoint.clone(), self.auth.clone(), self.events_tx.clone()));
                s.task = Some(task.abort_handle());
                s.link = Link::Connecting;
            }
        }
    }

    /// Sends waiting items, each to the open stream with the fewest unanswered.
    fn dispatch(&mut self) {
        while !self.pending.is_empty() {
            let n = self.servers.len();
            let best = (0..n)
                .map(|k| (self.next + k) % n)
                .filter_map(|i| {
                    if let Link::Up { sent, .. } = &self.servers[i].link {
                        Some((i, sent.len()))
                    } else {
                        None
                    }
                })
                .min_by_key(|&(_, load)| load);
            let Some((i, _)) = best else { return };
            self.next = (i + 1) % n;
            let item = self.pending.pop_front().expect("checked above");
            if let Link::Up { tx, sent, .. } = &mut self.servers[i].link {
                // A closed stream fails this send; its Closed event re-queues the item.
                let _ = tx.send(item.request.clone());
                sent.push_back(item);
            }
        }
    }

    fn on_event(&mut self, event: Event) -> anyhow::Result<()> {
        match event {
            Event::Connected { server, gen, tx } => {
                let s = &mut self.servers[server];
                if s.gen == gen && matches!(s.link, Link::Connecting) {
                    s.link = Link::Up { gen, tx, sent: VecDeque::new(), answered: 0 };
                }
            }
            Event::Answer { server, gen, resp } => {
                let s = &mut self.servers[server];
                let Link::Up { gen: up, sent, answered, .. } = &mut s.link else { return Ok(()) };
                if *up != gen {
                    return Ok(());
                }
                // Answers come in order; anything else means we cannot tell which item this is.
                let expected = sent.front().map(|item| item.id.as_str());
                if expected != Some(resp.id.as_str()) || resp.index != *answered {
                    let status = Status::internal(format!(
                        "answer out of order: id {:?} index {}, expected id {:?} index {}",
                        resp.id, resp.index, expected, answered
                    ));
                    return self.fail(server, status);
                }
                *answered += 1;
                let item = sent.pop_front().expect("checked above");
                if s.failures > 0 {
                    self.progress.note(&format!("{}: answering again", s.addr));
                    s.failures = 0;
                }
                match resp.error.as_ref().map(|e| e.code.as_str()) {
                    // The server could not take the item now; it may later.
                    Some(code @ ("UNAVAILABLE" | "RESOURCE_EXHAUSTED")) => {
                        let status =
                            Status::new(code_from_name(code), resp.error.as_ref().map_or("", |e| e.message.as_str()));
                        self.retry(item, &status, true)?;
                    }
                    _ => self.finish(answer_row(item.line, &item.id, resp))?,
                }
            }
            Event::Closed { server, gen, status } => {
                let s = &self.servers[server];
                if s.gen == gen && matches!(s.link, Link::Connecting | Link::Up { .. }) {
                    self.fail(server, status)?;
                }
            }
            Event::Retry(item) => self.pending.push_front(item),
        }
        Ok(())
    }

    /// A stream broke: its unanswered items go back to the queue (another
    /// server may take them at once), and the server waits out its backoff.
    fn fail(&mut self, server: usize, status: Status) -> anyhow::Result<()> {
        let s = &mut self.servers[server];
        if let Some(task) = s.task.take() {
            task.abort();
        }
        let sent = match std::mem::replace(&mut s.link, Link::Idle) {
            Link::Up { sent, .. } => sent,
            _ => VecDeque::new(),
        };
        if matches!(status.code(), Code::Unauthenticated | Code::PermissionDenied | Code::Unimplemented) {
            // Every article would fail the same way; stop rather than fill the output with errors.
            bail!("{}: {}: {}", s.addr, code_name(status.code()), status.message());
        }
        s.failures += 1;
        s.last_error = format!("{}: {}", code_name(status.code()), status.message());
        let (addr, failures, requeued) = (s.addr.clone(), s.failures, sent.len());
        if failures > self.retries {
            s.link = Link::Dead;
            self.progress
                .note(&format!("{addr}: {}; giving up on this server after {failures} failures", s.last_error));
        } else {
            let delay = backoff(failures);
            s.link = Link::Down { until: Instant::now() + delay };
            if failures == 1 {
                self.progress.note(&format!(
                    "{addr}: {}; {requeued} articles to send again, reconnecting in {:.1} s",
                    s.last_error,
                    delay.as_secs_f32()
                ));
            }
        }
        for item in sent.into_iter().rev() {
            self.retry(item, &status, false)?;
        }
        Ok(())
    }

    /// Queues an item again, or writes its error row once it is out of tries.
    /// `later`: the item waits out its own backoff (the server is fine but
    /// could not take it); otherwise it may go to another server at once.
    fn retry(&mut self, mut item: Item, status: &Status, later: bool) -> anyhow::Result<()> {
        item.attempts += 1;
        if item.attempts > self.retries {
            let message = format!("gave up after {} tries: {}", item.attempts, status.message());
            return self.finish(error_row(Some(&item.id), item.line, code_name(status.code()), &message));
        }
        self.progress.stats.retries.fetch_add(1, Ordering::Relaxed);
        if later {
            let events = self.events_tx.clone();
            let delay = backoff(item.attempts);
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                let _ = events.send(Event::Retry(item));
            });
        } else {
            self.pending.push_front(item);
        }
        Ok(())
    }

    fn finish(&mut self, row: Row) -> anyhow::Result<()> {
        self.outstanding -= 1;
        self.output.send(row)
    }

    /// Ends the request streams so the servers see a clean end, waiting briefly for them.
    async fn close(&mut self) {
        let mut open = HashSet::new();
        for (i, s) in self.servers.iter_mut().enumerate() {
            if let Link::Up { gen, .. } = s.link {
                open.insert((i, gen));
            }
            s.link = Link::Idle;
        }
        let deadline = Instant::now() + Duration::from_secs(2);
        while !open.is_empty() {
            match tokio::time::timeout_at(deadline, self.events.recv()).await {
                Ok(Some(Event::Closed { server, gen, .. })) => {
                    open.remove(&(server, gen));
                }
                Ok(Some(_)) => {}
                _ => break,
            }
        }
        for s in &mut self.servers {
            if let Some(task) = s.task.take() {
                task.abort();
            }
        }
    }
}

/// One ClassifyStream call: reports it open, forwards its answers, and
/// reports how it ended. It never retries; the dispatcher decides that.
async fn stream_task(
    server: usize,
    gen: u64,
    endpoint: Endpoint,
    auth: Option<Arc<str>>,
    events: mpsc::UnboundedSender<Event>,
) {
    let status = match open_stream(&endpoint, auth.as_deref()).await {
        Err(status) => status,
        Ok((tx, mut answers)) => {
            if events.send(Event::Connected { server, gen, tx }).is_err() {
                return;
            }
            loop {
                match answers.message().await {
                    Ok(Some(resp)) => {
                        if events.send(Event::Answer { server, gen, resp }).is_err() {
                            return;
                        }
                    }
                    Ok(None) => break Status::unavailable("the server ended the stream"),
                    Err(status) => break status,
                }
            }
        }
    };
    let _ = events.send(Event::Closed { server, gen, status });
}

type Opened = (mpsc::UnboundedSender<proto::ClassifyRequest>, Streaming<proto::ClassifyResponse>);

/// Connects and starts the call. A fresh connection each time: after a
/// failure the old one is suspect, and failures are rare.
async fn open_stream(endpoint: &Endpoint, auth: Option<&str>) -> Result<Opened, Status> {
    let open = async {
        let channel = endpoint
            .connect()
            .await
            .map_err(|e| Status::unavailable(format!("cannot connect: {}", error_chain(&e))))?;
        let mut client = ThreatClassifierClient::new(channel)
            .max_decoding_message_size(usize::MAX)
            .max_encoding_message_size(usize::MAX);
        let (tx, rx) = mpsc::unbounded_channel();
        let mut request = tonic::Request::new(UnboundedReceiverStream::new(rx));
        if let Some(token) = auth {
            let value = format!("Bearer {token}")
                .parse()
                .map_err(|_| Status::unauthenticated("the auth token is not valid header text"))?;
            request.metadata_mut().insert("authorization", value);
        }
        let answers = client.classify_stream(request).await?.into_inner();
        Ok((tx, answers))
    };
    tokio::time::timeout(OPEN_TIMEOUT, open)
        .await
        .unwrap_or_else(|_| Err(Status::unavailable(format!("no stream within {} s", OPEN_TIMEOUT.as_secs()))))
}

/// 100 ms, 200 ms, 400 ms, ... up to [`MAX_BACKOFF`].
fn backoff(failures: u32) -> Duration {
    Duration::from_millis(100).saturating_mul(1 << failures.saturating_sub(1).min(16)).min(MAX_BACKOFF)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        // Some errors already print their source; say each part once.
        let part = s.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = s.source();
    }
    text
}

fn code_from_name(name: &str) -> Code {
    match name {
        "RESOURCE_EXHAUSTED" => Code::ResourceExhausted,
        "UNAVAILABLE" => Code::Unavailable,
        _ => Code::Unknown,
    }
}

// ---------------------------------------------------------------------------
// Progress

/// Counters shared by the reader, the writer and the progress display.
#[derive(Default)]
struct Stats {
    /// Rows in the input file, once counted.
    total: AtomicU64,
    total_known: AtomicBool,
    /// Rows already in the output when the run started.
    skipped: AtomicU64,
    written: AtomicU64,
    errors: AtomicU64,
    tokens: AtomicU64,
    retries: AtomicU64,
}

enum Display {
    Bar(indicatif::ProgressBar),
    Lines,
    Quiet,
}

/// The progress display: a bar, or a plain line every few seconds where a bar
/// would only garble a log file; and the summary at the end.
struct Progress {
    display: Display,
    stats: Arc<Stats>,
    started: std::time::Instant,
    stop: std::sync::Mutex<Option<std_mpsc::Sender<()>>>,
    ticker: std::sync::Mutex<Option<JoinHandle<()>>>,
}

impl Progress {
    fn start(mode: ProgressMode, stats: Arc<Stats>) -> Progress {
        use indicatif::{ProgressBar, ProgressDrawTarget};
        let tty = io::stderr().is_terminal();
        let display = match (mode, tty) {
            (ProgressMode::Never, _) => Display::Quiet,
            (_, true) => Display::Bar(ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr())),
            (ProgressMode::Always, false) => {
                Display::Bar(ProgressBar::with_draw_target(None, ProgressDrawTarget::term_like(Box::new(RawStderr))))
            }
            (ProgressMode::Auto, false) => Display::Lines,
        };
        let (stop_tx, stop_rx) = std_mpsc::channel::<()>();
        let progress = Progress {
            display,
            stats,
            started: std::time::Instant::now(),
            stop: std::sync::Mutex::new(Some(stop_tx)),
            ticker: std::sync::Mutex::new(None),
        };
        let every = match &progress.display {
            Display::Bar(bar) => {
                bar.set_style(bar_style(false));
                bar.enable_steady_tick(Duration::from_millis(200));
                Duration::from_millis(200)
            }
            Display::Lines => Duration::from_secs(10),
            Display::Quiet => return progress,
        };
        let view = progress.view();
        *progress.ticker.lock().unwrap() = Some(std::thread::spawn(move || {
            while let Err(std_mpsc::RecvTimeoutError::Timeout) = stop_rx.recv_timeout(every) {
                view.tick();
            }
        }));
        progress
    }

    /// A handle for the ticker thread.
    fn view(&self) -> View {
        View {
            bar: if let Display::Bar(bar) = &self.display { Some(bar.clone()) } else { None },
            stats: self.stats.clone(),
            started: self.started,
            length_set: std::cell::Cell::new(false),
        }
    }

    /// A message for the operator, above the bar if there is one.
    fn note(&self, message: &str) {
        match &self.display {
            Display::Bar(bar) => bar.suspend(|| eprintln!("threatlens score: {message}")),
            _ => eprintln!("threatlens score: {message}"),
        }
    }

    fn finish(&self) {
        if let Some(stop) = self.stop.lock().unwrap().take() {
            drop(stop);
        }
        if let Some(ticker) = self.ticker.lock().unwrap().take() {
            let _ = ticker.join();
        }
        if let Display::Bar(bar) = &self.display {
            bar.finish_and_clear();
        }
        let s = &self.stats;
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let written = s.written.load(Ordering::Relaxed);
        let skipped = s.skipped.load(Ordering::Relaxed);
        eprintln!(
            "threatlens score: {written} rows written ({} errors){}, {:.1} s, {:.1} articles/s, {:.0} tokens/s, {} retries",
            s.errors.load(Ordering::Relaxed),
            if skipped > 0 { format!(", {skipped} already in the output") } else { String::new() },
            secs,
            written as f64 / secs,
            s.tokens.load(Ordering::Relaxed) as f64 / secs,
            s.retries.load(Ordering::Relaxed),
        );
    }
}

fn bar_style(known_length: bool) -> indicatif::ProgressStyle {
    let template = if known_length {
        "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} rows, {rate}, eta {eta}, {msg}"
    } else {
        "{spinner} [{elapsed_precise}] {pos} rows, {rate}, {msg}"
    };
    indicatif::ProgressStyle::with_template(template).expect("valid template").with_key(
        "rate",
        |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.1} articles/s", state.per_sec());
        },
    )
}

struct View {
    bar: Option<indicatif::ProgressBar>,
    stats: Arc<Stats>,
    started: std::time::Instant,
    length_set: std::cell::Cell<bool>,
}

impl View {
    fn tick(&self) {
        let s = &self.stats;
        let written = s.written.load(Ordering::Relaxed);
        let errors = s.errors.load(Ordering::Relaxed);
        let secs = self.started.elapsed().as_secs_f64().max(1e-3);
        let tokens_per_sec = s.tokens.load(Ordering::Relaxed) as f64 / secs;
        // Rows already in the output are no work: they are left out of the length.
        let todo = s
            .total_known
            .load(Ordering::Relaxed)
            .then(|| s.total.load(Ordering::Relaxed).saturating_sub(s.skipped.load(Ordering::Relaxed)));
        match &self.bar {
            Some(bar) => {
                if let Some(todo) = todo {
                    if !self.length_set.replace(true) {
                        bar.set_style(bar_style(true));
                    }
                    bar.set_length(todo.max(written));
                }
                bar.set_position(written);
                bar.set_message(format!("{errors} errors, {tokens_per_sec:.0} tokens/s"));
            }
            None => {
                let rate = written as f64 / secs;
                let of = todo.map_or(String::new(), |t| format!("/{t}"));
                let eta = match todo {
                    Some(t) if rate > 0.0 => format!(", eta {:.0} s", t.saturating_sub(written) as f64 / rate),
                    _ => String::new(),
                };
                eprintln!("threatlens score: {written}{of} rows, {errors} errors, {rate:.1} articles/s, {tokens_per_sec:.0} tokens/s{eta}");
            }
        }
    }
}

/// Standard error as a terminal whether or not it is one, for `--progress always`.
#[derive(Debug)]
struct RawStderr;

impl RawStderr {
    fn escape(&self, n: usize, code: char) -> io::Result<()> {
        if n == 0 {
            return Ok(());
        }
        indicatif::TermLike::write_str(self, &format!("\x1b[{n}{code}"))
    }
}

impl indicatif::TermLike for RawStderr {
    fn width(&self) -> u16 {
        100
    }
    fn move_cursor_up(&self, n: usize) -> io::Result<()> {
        self.escape(n, 'A')
    }
    fn move_cursor_down(&self, n: usize) -> io::Result<()> {
        self.escape(n, 'B')
    }
    fn move_cursor_right(&self, n: usize) -> io::Result<()> {
        self.escape(n, 'C')
    }
    fn move_cursor_left(&self, n: usize) -> io::Result<()> {
        self.escape(n, 'D')
    }
    fn write_line(&self, s: &str) -> io::Result<()> {
        let mut err = io::stderr().lock();
        err.write_all(s.as_bytes())?;
        err.write_all(b"\n")
    }
    fn write_str(&self, s: &str) -> io::Result<()> {
        io::stderr().lock().write_all(s.as_bytes())
    }
    fn clear_line(&self) -> io::Result<()> {
        self.write_str("\r\x1b[2K")
    }
    fn flush(&self) -> io::Result<()> {
        io::stderr().flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        assert_eq!(backoff(1), Duration::from_millis(100));
        assert_eq!(backoff(2), Duration::from_millis(200));
        assert_eq!(backoff(4), Duration::from_millis(800));
        assert_eq!(backoff(7), MAX_BACKOFF);
        assert_eq!(backoff(u32::MAX), MAX_BACKOFF);
    }

    #[test]
    fn json_rows_keep_the_id_when_a_field_is_wrong() {
        let f = parse_json_row(r#"{"id": 7, "title": 3}"#).unwrap();
        assert_eq!(f.id.as_deref(), Some("7"));
        assert!(f.article.unwrap_err().contains("title"));
        assert!(parse_json_row("{").is_err());
        assert!(parse_json_row(r#"{"id": ""}"#).unwrap().id.is_none());
    }
}
