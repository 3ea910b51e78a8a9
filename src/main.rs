//! `threatlens`: serve, classify, score, info.

use std::{io::Read, path::PathBuf, process::ExitCode};

use anyhow::Context;
use clap::{Parser, Subcommand};
use threatlens::{
    batching::Admission,
    config::{EngineConfig, LogFormat, ServeConfig},
    engine::{error_response, Engine},
    proto,
};

#[derive(Parser)]
#[command(name = "threatlens", version, about = "Threat-type and attribution classification of cyber-security news")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the gRPC server.
    Serve(ServeConfig),
    /// Classify articles locally (no server) and print JSON, one answer per line.
    ///
    /// Input: a JSON object or JSON lines with `id`, `title`, `body`; or plain
    /// text, whose first line is the title and the rest the body.
    Classify {
        /// Input file; `-` or absent reads standard input.
        file: Option<PathBuf>,
        /// Pretty-print the JSON.
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        engine: EngineConfig,
    },
    /// Score a JSON lines or CSV file against servers or the embedded model;
    /// one output row per input row, resumable.
    Score(threatlens::score::ScoreArgs),
    /// Print the model manifest and limits as JSON.
    Info {
        #[command(flatten)]
        engine: EngineConfig,
    },
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("THREATLENS_LOG").unwrap_or_else(|_| "info".into());
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).with_ansi(ansi);
    match format {
        LogFormat::Human => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Serve(config) => serve(config),
        Command::Classify { file, pretty, engine } => classify(file, pretty, engine),
        Command::Info { engine } => info(engine),
        Command::Score(args) => threatlens::score::run(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("threatlens: error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().enable_all().build()?)
}

fn serve(config: ServeConfig) -> anyhow::Result<()> {
    init_logging(config.log_format);
    tracing::info!(config = ?config.engine.limits, workers = config.engine.worker_count(), model_dir = %config.engine.resolved_model_dir().display(), addr = %config.addr, "starting");
    let started = std::time::Instant::now();
    // The model loads before the port opens: a broken model directory exits non-zero here.
    let metrics = threatlens::metrics::Metrics::new();
    let engine = Engine::load(&config.engine, Some(metrics.clone())).context("loading the model")?;
    tracing::info!(model = %engine.manifest.name, version = %engine.manifest.version, load_ms = started.elapsed().as_millis() as u64, "model loaded");
    runtime()?.block_on(async move {
        let listener =
            tokio::net::TcpListener::bind(config.addr).await.with_context(|| format!("binding {}", config.addr))?;
        if let Some(addr) = config.metrics_addr {
            let (metrics, engine) = (metrics.clone(), engine.clone());
            let listener =
                tokio::net::TcpListener::bind(addr).await.with_context(|| format!("binding metrics {addr}"))?;
            tokio::spawn(async move {
                if let Err(e) = threatlens::metrics::serve_metrics(listener, metrics, engine).await {
                    tracing::error!(error = %e, "metrics endpoint stopped");
                }
            });
        }
        threatlens::server::serve(&config, engine, listener, threatlens::server::shutdown_signal(), Some(metrics)).await
    })
}

/// Reads articles from JSON, JSON lines or plain text.
fn read_articles(file: Option<PathBuf>) -> anyhow::Result<Vec<proto::Article>> {
    let text = match file.as_deref() {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?,
    };
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') {
        if let Ok(article) = serde_json::from_str::<proto::Article>(trimmed) {
            return Ok(vec![article]);
        }
        return text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
            .map(|(i, l)| serde_json::from_str(l).with_context(|| format!("line {}: not a JSON article", i + 1)))
            .collect();
    }
    let (title, body) = trimmed.split_once('\n').unwrap_or((trimmed, ""));
    Ok(vec![proto::Article { title: title.trim().to_string(), body: body.trim().to_string(), ..Default::default() }])
}

/// Writes one line to stdout; a closed pipe (`| head`) ends the output quietly.
fn print_line(line: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match writeln!(std::io::stdout().lock(), "{line}") {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        r => Ok(r?),
    }
}

fn read_stdin() -> anyhow::Result<String> {
    let mut s = String::new();
    std::io::stdin().read_to_string(&mut s)?;
    Ok(s)
}

fn classify(file: Option<PathBuf>, pretty: bool, config: EngineConfig) -> anyhow::Result<()> {
    let articles = read_articles(file)?;
    let engine = Engine::load(&config, None).context("loading the model")?;
    runtime()?.block_on(async move {
        // Answers are printed in input order while up to `workers × 4` articles are in flight.
        use futures::StreamExt;
        let concurrency = engine.workers * 4;
        let mut answers = futures::stream::iter(articles.into_iter().enumerate())
            .map(|(i, article)| {
                let engine = engine.clone();
                async move {
                    let id = article.id.clone();
                    let req = proto::ClassifyRequest { article: Some(article), options: None };
                    let mut resp = engine.classify(req, Admission::Wait).await.unwrap_or_else(error_response);
                    resp.id = id;
                    resp.index = i as u32;
                    resp
                }
            })
            .buffered(concurrency.max(1));
        while let Some(resp) = answers.next().await {
            let line = if pretty { serde_json::to_string_pretty(&resp)? } else { serde_json::to_string(&resp)? };
            print_line(&line)?;
        }
        engine.shutdown();
        Ok(())
    })
}

fn info(config: EngineConfig) -> anyhow::Result<()> {
    let engine = Engine::load(&config, None).context("loading the model")?;
    print_line(&serde_json::to_string_pretty(&engine.model_info())?)?;
    engine.shutdown();
    Ok(())
}
