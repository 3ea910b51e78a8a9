//! The engine: one article in, one answer out. The gRPC server, the CLI and
//! the tests all call it, so they share one code path.
//!
//! Per article: validate → tokenize and place sentences (blocking pool) →
//! reserve queue room → windows through the batcher → pool windows into the
//! document embedding → heads on the document and its sentences (blocking
//! pool) → postprocess.

use std::{
    sync::Arc,
    time::{Duration, Instant},
};

use futures::future::join_all;
use tokio::sync::oneshot;

use crate::{
    batching::{Admission, BatchObserver, Batcher, WindowJob},
    config::{EngineConfig, Limits},
    error::{ClassifyError, ModelError},
    inference::{Encoder, HeadOutputs, Heads},
    lexicon::Lexicon,
    model::{heads, Manifest, ModelFiles},
    postprocess::{self, actors::ActorBase},
    proto,
    tokenize::{TextEncoder, TokenizedArticle},
    validate::{self, ValidRequest},
};

/// An article validated and tokenized, ready for the queue.
pub struct Prepared {
    pub request: ValidRequest,
    pub tokens: TokenizedArticle,
    started: Instant,
}

pub struct Engine {
    pub manifest: Manifest,
    pub files: ModelFiles,
    pub limits: Limits,
    pub workers: usize,
    pub actors: ActorBase,
    text: TextEncoder,
    heads: Heads,
    batcher: Batcher,
}

impl Engine {
    /// Loads and checks the whole model directory and starts the workers.
    pub fn load(config: &EngineConfig, observer: Option<Arc<dyn BatchObserver>>) -> Result<Arc<Engine>, ModelError> {
        config.limits.check().map_err(ModelError::Config)?;
        let dir = config.resolved_model_dir();
        let (files, manifest) = ModelFiles::locate(&dir)?;
        let text = TextEncoder::load(
            &files.tokenizer,
            manifest.encoder.max_window_tokens,
            manifest.encoder.window_stride_tokens,
        )?;
        let encoder =
            Arc::new(Encoder::load(&files.encoder, files.encoder_adapter.as_deref(), manifest.encoder.hidden_size)?);
        let heads = Heads::load(&files.heads, &manifest, Lexicon::for_model(&files, &manifest)?)?;
        let actors = ActorBase::load(&files.actors)?;
        let workers = config.worker_count();
        let limits = config.limits.clone();
        let batcher = Batcher::start(
            encoder,
            workers,
            limits.max_batch_tokens,
            limits.max_batch_wait(),
            limits.max_queue_windows,
            observer,
        );
        Ok(Arc::new(Engine { manifest, files, limits, workers, actors, text, heads, batcher }))
    }

    /// Validates and tokenizes. CPU work: call from a blocking thread.
    pub fn prepare(&self, request: proto::ClassifyRequest) -> Result<Prepared, ClassifyError> {
        let started = Instant::now();
        let request = validate::validate(request, &self.limits)?;
        let tokens = self
            .text
            .tokenize(&request.title, &request.body)
            .map_err(|e| ClassifyError::invalid("article", format!("cannot be tokenized: {e}")))?;
        validate::validate_windows(tokens.windows.len(), tokens.content.len(), &self.limits)?;
        Ok(Prepared { request, tokens, started })
    }

    /// Classifies one article.
    pub async fn classify(
        self: &Arc<Self>,
        request: proto::ClassifyRequest,
        admission: Admission,
    ) -> Result<proto::ClassifyResponse, ClassifyError> {
        let engine = self.clone();
        let prepared = blocking(move || engine.prepare(request)).await??;
        let _room = self.batcher.reserve(prepared.tokens.windows.len(), admission).await?;
        self.run(prepared).await
    }

    /// Classifies a batch: per-item errors for bad items, one admission
    /// decision for the whole batch (all of it fits in the queue, or none).
    pub async fn classify_batch(
        self: &Arc<Self>,
        requests: Vec<proto::ClassifyRequest>,
    ) -> Result<Vec<proto::ClassifyResponse>, ClassifyError> {
        validate::validate_batch_size(requests.len(), &self.limits)?;
        let engine = self.clone();
        let prepared: Vec<Result<Prepared, ClassifyError>> =
            blocking(move || requests.into_iter().map(|r| engine.prepare(r)).collect()).await?;
        let windows: usize = prepared.iter().flatten().map(|p| p.tokens.windows.len()).sum();
        let _room = if windows > 0 { Some(self.batcher.reserve(windows, Admission::FailFast).await?) } else { None };
        let answers = join_all(prepared.into_iter().map(|p| async move {
            match p {
                Ok(p) => self.run(p).await,
                Err(e) => Err(e),
            }
        }))
        .await;
        Ok(answers
            .into_iter()
            .enumerate()
            .map(|(i, r)| {
                let mut resp = r.unwrap_or_else(error_response);
                resp.index = i as u32;
                resp
            })
            .collect())
    }

    /// Windows through the batcher, then heads and postprocessing.
    async fn run(self: &Arc<Self>, prepared: Prepared) -> Result<proto::ClassifyResponse, ClassifyError> {
        let tokens = &prepared.tokens;
        let (cls, sep) = (self.text.cls, self.text.sep);
        // Sentences placed in each window, as (sentence index, span) pairs.
        let mut placed: Vec<Vec<usize>> = vec![Vec::new(); tokens.windows.len()];
        for (i, s) in tokens.sentences.iter().enumerate() {
            placed[s.window].push(i);
        }
        let mut receivers = Vec::with_capacity(tokens.windows.len());
        let mut jobs = Vec::with_capacity(tokens.windows.len());
        let now = Instant::now();
        for (w, sentence_ids) in placed.iter().enumerate() {
            let (tx, rx) = oneshot::channel();
            jobs.push(WindowJob {
                ids: tokens.window_ids(w, cls, sep),
                spans: sentence_ids.iter().map(|&i| tokens.sentences[i].positions.clone()).collect(),
                reply: tx,
                enqueued: now,
            });
            receivers.push(rx);
        }
        self.batcher.submit(jobs)?;
        let mut outputs = Vec::with_capacity(receivers.len());
        for rx in receivers {
            outputs.push(rx.await.map_err(|_| ClassifyError::ShuttingDown)??);
        }

        let engine = self.clone();
        blocking(move || {
            let hidden = engine.manifest.encoder.hidden_size;
            let tokens = &prepared.tokens;
            // Three head passes, because the lexical input is padded to the row
            // with the most keys: the document (length-weighted mean of windows),
            // each window (articles of several windows only), the sentences.
            let windows = if tokens.windows.len() > 1 { tokens.windows.len() } else { 0 };
            let n_sent = tokens.sentences.len();
            let mut doc_row = vec![0f32; hidden];
            let total: f32 = tokens.windows.iter().map(|r| (r.len() + 2) as f32).sum();
            for (r, out) in tokens.windows.iter().zip(&outputs) {
                let weight = (r.len() + 2) as f32 / total;
                for (acc, v) in doc_row.iter_mut().zip(&out.output.embedding) {
                    *acc += weight * v;
                }
            }
            let window_rows: Vec<f32> =
                outputs[..windows].iter().flat_map(|o| o.output.embedding.iter().copied()).collect();
            let window_tokens: Vec<&[u32]> =
                tokens.windows[..windows].iter().map(|r| &tokens.content[r.clone()]).collect();
            let mut sent_rows = vec![0f32; hidden * n_sent];
            let mut sent_tokens: Vec<&[u32]> = vec![&[]; n_sent];
            for (w, sentence_ids) in placed.iter().enumerate() {
                for (k, &i) in sentence_ids.iter().enumerate() {
                    sent_rows[hidden * i..hidden * (i + 1)].copy_from_slice(&outputs[w].output.spans[k]);
                    sent_tokens[i] = tokens.sentence_ids(i);
                }
            }
            let run_heads = |rows: &[f32], ids: &[&[u32]]| {
                if ids.is_empty() {
                    return Ok(HeadOutputs::default());
                }
                engine.heads.run(rows, ids).map_err(|e| ClassifyError::Inference(format!("{e:#}")))
            };
            let doc_out = run_heads(&doc_row, &[&tokens.content])?;
            let window_out = run_heads(&window_rows, &window_tokens)?;
            let sent_out = run_heads(&sent_rows, &sent_tokens)?;
            let scores = postprocess::Scores {
                threat: doc_out.row(heads::THREAT, 0),
                primary: doc_out.row(heads::PRIMARY, 0),
                attribution: doc_out.row(heads::ATTRIBUTION, 0),
                window_attribution: (0..windows).map(|i| window_out.row(heads::ATTRIBUTION, i)).collect(),
                window_threat: (0..windows).map(|i| window_out.row(heads::THREAT, i)).collect(),
                window_primary: (0..windows).map(|i| window_out.row(heads::PRIMARY, i)).collect(),
                sentences: (0..n_sent)
                    .map(|i| (sent_out.row(heads::SENTENCE_ATTRIBUTION, i), sent_out.row(heads::SENTENCE_DENIAL, i)[0]))
                    .collect(),
            };
            let req = &prepared.request;
            let (threat_types, primary) = postprocess::threat_types(&engine.manifest, &scores, req.top_k);
            let article = postprocess::Article { title: &req.title, body: &req.body, sentences: &tokens.sentences };
            let opts = postprocess::Options {
                top_k: req.top_k,
                include_evidence: req.include_evidence,
                max_evidence: req.max_evidence,
            };
            let rule = &engine.manifest.attribution_rule;
            let attribution = postprocess::attribution(
                &article,
                &scores,
                &primary,
                &engine.actors,
                rule,
                engine.manifest.denial_threshold(),
                &opts,
            );
            let ms = |d: Duration| d.as_secs_f32() * 1000.0;
            Ok(proto::ClassifyResponse {
                id: req.id.clone(),
                threat_types,
                primary_threat: primary,
                attribution: Some(attribution),
                usage: Some(proto::Usage {
                    tokens: tokens.model_tokens() as u32,
                    windows: tokens.windows.len() as u32,
                    windowed: tokens.windows.len() > 1,
                    sentences: tokens.sentences.len() as u32,
                    queue_ms: outputs.iter().map(|o| ms(o.queued)).fold(0.0, f32::max),
                    inference_ms: outputs.iter().map(|o| ms(o.inference)).fold(0.0, f32::max),
                    total_ms: ms(prepared.started.elapsed()),
                }),
                model_version: engine.manifest.version.clone(),
                error: None,
                index: 0,
            })
        })
        .await?
    }

    /// Runs articles of several lengths through the whole path so every
    /// worker has touched its plan before the server reports SERVING.
    pub async fn warm_up(self: &Arc<Self>) -> Result<(), ClassifyError> {
        let body = "Security researchers said the intrusion was linked to a state-backed group. ".repeat(40);
        let requests: Vec<_> = (0..self.workers.max(1) * 2)
            .map(|i| proto::ClassifyRequest {
                article: Some(proto::Article {
                    title: "Warm-up".into(),
                    body: body[..body.len() * (i + 1) / (self.workers.max(1) * 2)].to_string(),
                    ..Default::default()
                }),
                options: None,
            })
            .collect();
        for r in join_all(requests.into_iter().map(|r| self.classify(r, Admission::Wait))).await {
            r?;
        }
        Ok(())
    }

    /// Windows queued or in flight.
    pub fn queue_depth(&self) -> usize {
        self.batcher.queue_depth()
    }

    /// Stops the workers after the queue drains.
    pub fn shutdown(&self) {
        self.batcher.shutdown();
    }

    pub fn model_info(&self) -> proto::ModelInfo {
        let m = &self.manifest;
        let l = &self.limits;
        proto::ModelInfo {
            name: m.name.clone(),
            version: m.version.clone(),
            threat_labels: m.threat_labels.clone(),
            attribution_levels: m.attribution_levels.clone(),
            max_window_tokens: m.encoder.max_window_tokens as u32,
            window_stride_tokens: m.encoder.window_stride_tokens as u32,
            pooling: m.encoder.pooling.clone(),
            heads: m
                .heads
                .outputs
                .iter()
                .map(|(name, h)| proto::HeadInfo {
                    name: name.clone(),
                    input: h.input.clone(),
                    labels: h.labels.clone(),
                    activation: h.activation.clone(),
                })
                .collect(),
            thresholds: m.threat_labels.iter().map(|l| (l.clone(), m.threshold(l))).collect(),
            training_json: m.training.to_string(),
            metrics_json: m.metrics.to_string(),
            actor_base_version: self.actors.version.clone(),
            actor_count: self.actors.actors.len() as u32,
            alias_count: self.actors.alias_count() as u32,
            limits: Some(proto::Limits {
                max_article_bytes: l.max_article_bytes as u32,
                max_batch_items: l.max_batch_items as u32,
                max_windows_per_article: l.max_windows_per_article as u32,
                max_batch_tokens: l.max_batch_tokens as u32,
                max_queue_windows: l.max_queue_windows as u32,
                max_message_bytes: l.max_message_bytes as u64,
            }),
        }
    }
}

/// The answer for an item that failed inside a batch or a stream.
pub fn error_response(err: ClassifyError) -> proto::ClassifyResponse {
    proto::ClassifyResponse { error: Some(err.to_item_error()), ..Default::default() }
}

/// Runs CPU work on tokio's blocking pool, never on its async workers.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Result<T, ClassifyError> {
    tokio::task::spawn_blocking(f).await.map_err(|e| ClassifyError::Inference(format!("worker task failed: {e}")))
}
