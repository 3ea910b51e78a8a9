//! The model directory: `manifest.json`, `tokenizer.json`, `encoder.onnx`,
//! `heads.onnx`, `lexicon.json` and `actors.json`, in the layout of the Hugging Face / Optimum
//! ecosystem. Loading checks everything up front, so a broken directory fails
//! start-up with the file's path instead of failing the first request.

use std::{
    collections::BTreeMap,
    path::{Path, PathBuf},
};

use serde::Deserialize;

use crate::error::ModelError;

/// The threat labels of TAXONOMY §1, in the order the service reports them
/// when scores tie. The manifest's order is the model's output order.
pub const THREAT_LABELS: [&str; 12] = [
    "espionage",
    "ransomware",
    "data_breach",
    "phishing",
    "malware",
    "vulnerability",
    "ddos",
    "supply_chain",
    "hacktivism",
    "cyberattack",
    "policy",
    "none",
];

/// Attribution levels of TAXONOMY §2, weakest first.
pub const ATTRIBUTION_LEVELS: [&str; 4] = ["none", "claimed", "suspected", "attributed"];

#[derive(Debug, Clone, Deserialize)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    pub encoder: EncoderSpec,
    pub heads: HeadsSpec,
    pub threat_labels: Vec<String>,
    pub attribution_levels: Vec<String>,
    /// Lexical features the heads read besides the embedding (`lexicon.json`).
    #[serde(default)]
    pub lexicon: Option<LexiconSpec>,
    #[serde(default)]
    pub thresholds: Thresholds,
    #[serde(default)]
    pub attribution_rule: AttributionRule,
    #[serde(default)]
    pub training: serde_json::Value,
    #[serde(default)]
    pub metrics: serde_json::Value,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EncoderSpec {
    pub file: String,
    pub hidden_size: usize,
    pub max_window_tokens: usize,
    pub window_stride_tokens: usize,
    #[serde(default = "default_pooling")]
    pub pooling: String,
    /// Fine-tuned low-rank updates applied to the encoder at load time (`encoder_adapter.onnx`).
    #[serde(default)]
    pub adapter: Option<String>,
}

fn default_pooling() -> String {
    "mean".into()
}

#[derive(Debug, Clone, Deserialize)]
pub struct LexiconSpec {
    pub file: String,
    /// Number of columns, checked against the file.
    pub features: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeadsSpec {
    pub file: String,
    pub outputs: BTreeMap<String, HeadSpec>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HeadSpec {
    pub labels: Vec<String>,
    pub activation: String,
    pub input: String,
    #[serde(default)]
    pub temperature: Option<f32>,
}

/// How document, window and sentence attribution scores combine (see
/// `postprocess`); tuned on the validation split, never on the test split.
#[derive(Debug, Clone, Deserialize)]
pub struct AttributionRule {
    /// Weight of the firmest sentence when it is firmer than the document.
    #[serde(default = "default_sentence_weight")]
    pub sentence_weight: f32,
    /// The same for articles of several windows, whose document embedding
    /// dilutes a single attribution sentence more.
    #[serde(default = "default_sentence_weight_long")]
    pub sentence_weight_long: f32,
    /// A sentence bears attribution when P(not none) reaches this.
    #[serde(default = "default_sentence_threshold")]
    pub sentence_threshold: f32,
    /// Score long articles by their firmest window instead of the whole-document mean.
    #[serde(default = "default_true")]
    pub firmest_window: bool,
    /// Only sentences that name an actor the article could blame may raise the
    /// level above the document's, and a window only up to such a sentence's level.
    #[serde(default)]
    pub require_actor: bool,
    /// Windows and sentences may raise the level only when the document head
    /// sees no attribution at all: they recover an attribution the mean over a
    /// long article missed, but do not override the document's own judgement of
    /// how firm an attribution it reports is.
    #[serde(default)]
    pub only_from_none: bool,
}

fn default_sentence_weight() -> f32 {
    0.5
}
fn default_sentence_weight_long() -> f32 {
    0.7
}
fn default_sentence_threshold() -> f32 {
    0.5
}
fn default_true() -> bool {
    true
}

impl Default for AttributionRule {
    fn default() -> Self {
        AttributionRule {
            sentence_weight: default_sentence_weight(),
            sentence_weight_long: default_sentence_weight_long(),
            sentence_threshold: default_sentence_threshold(),
            firmest_window: true,
            require_actor: false,
            only_from_none: false,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Thresholds {
    #[serde(default)]
    pub threat: BTreeMap<String, f32>,
    /// Sentence denial head decision threshold (tuned on validation).
    #[serde(default)]
    pub sentence_denial: Option<f32>,
}

/// Output names of `heads.onnx` that the service needs.
pub mod heads {
    pub const THREAT: &str = "threat_probs";
    pub const PRIMARY: &str = "primary_probs";
    pub const ATTRIBUTION: &str = "attribution_probs";
    pub const SENTENCE_ATTRIBUTION: &str = "sentence_attribution_probs";
    pub const SENTENCE_DENIAL: &str = "sentence_denial_probs";
    pub const ALL: [&str; 5] = [THREAT, PRIMARY, ATTRIBUTION, SENTENCE_ATTRIBUTION, SENTENCE_DENIAL];
}

/// Paths of every file in a model directory, checked to exist.
#[derive(Debug, Clone)]
pub struct ModelFiles {
    pub dir: PathBuf,
    pub manifest: PathBuf,
    pub tokenizer: PathBuf,
    pub encoder: PathBuf,
    pub encoder_adapter: Option<PathBuf>,
    pub heads: PathBuf,
    pub lexicon: Option<PathBuf>,
    pub actors: PathBuf,
}

impl Manifest {
    pub fn load(path: &Path) -> Result<Manifest, ModelError> {
        let text =
            std::fs::read_to_string(path).map_err(|source| ModelError::Io { path: path.to_path_buf(), source })?;
        let manifest: Manifest = serde_json::from_str(&text)
            .map_err(|e| ModelError::Manifest { path: path.to_path_buf(), message: e.to_string() })?;
        manifest.check().map_err(|message| ModelError::Manifest { path: path.to_path_buf(), message })?;
        Ok(manifest)
    }

    fn check(&self) -> Result<(), String> {
        let mut want: Vec<&str> = THREAT_LABELS.to_vec();
        let mut have: Vec<&str> = self.threat_labels.iter().map(String::as_str).collect();
        want.sort_unstable();
        have.sort_unstable();
        if want != have {
            return Err(format!("threat_labels {:?} differ from the taxonomy {:?}", self.threat_labels, THREAT_LABELS));
        }
        if self.attribution_levels != ATTRIBUTION_LEVELS {
            return Err(format!("attribution_levels must be {:?}", ATTRIBUTION_LEVELS));
        }
        if self.encoder.max_window_tokens < 8 || self.encoder.window_stride_tokens == 0 {
            return Err("encoder.max_window_tokens must be >= 8 and window_stride_tokens > 0".into());
        }
        if self.encoder.window_stride_tokens > self.encoder.max_window_tokens - 2 {
            return Err("encoder.window_stride_tokens must not exceed max_window_tokens - 2".into());
        }
        if self.encoder.pooling != "mean" {
            return Err(format!("unsupported pooling {:?} (only \"mean\")", self.encoder.pooling));
        }
        for name in heads::ALL {
            if !self.heads.outputs.contains_key(name) {
                return Err(format!("heads.outputs lacks {name:?}"));
            }
        }
        Ok(())
    }

    /// Decision threshold of the sentence denial head (0.5 where the manifest has none).
    pub fn denial_threshold(&self) -> f32 {
        self.thresholds.sentence_denial.unwrap_or(0.5)
    }

    /// Decision threshold for a threat label (0.5 where the manifest has none).
    pub fn threshold(&self, label: &str) -> f32 {
        self.thresholds.threat.get(label).copied().unwrap_or(0.5)
    }
}

impl ModelFiles {
    /// Resolves and checks the files of a model directory.
    pub fn locate(dir: &Path) -> Result<(ModelFiles, Manifest), ModelError> {
        if !dir.is_dir() {
            return Err(ModelError::MissingDir(dir.to_path_buf()));
        }
        let manifest_path = dir.join("manifest.json");
        let manifest = Manifest::load(&manifest_path)?;
        let files = ModelFiles {
            dir: dir.to_path_buf(),
            tokenizer: dir.join("tokenizer.json"),
            encoder: dir.join(&manifest.encoder.file),
            encoder_adapter: manifest.encoder.adapter.as_ref().map(|f| dir.join(f)),
            heads: dir.join(&manifest.heads.file),
            lexicon: manifest.lexicon.as_ref().map(|l| dir.join(&l.file)),
            actors: dir.join("actors.json"),
            manifest: manifest_path,
        };
        for path in [&files.tokenizer, &files.encoder, &files.heads, &files.actors]
            .into_iter()
            .chain(&files.lexicon)
            .chain(&files.encoder_adapter)
        {
            if !path.is_file() {
                return Err(ModelError::Io {
                    path: path.clone(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "file not found"),
                });
            }
        }
        Ok((files, manifest))
    }
}
