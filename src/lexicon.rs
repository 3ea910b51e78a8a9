//! Lexical features for the heads: counts of word-piece unigrams and adjacent
//! bigrams of a row's token ids (`lexicon.json`).
//!
//! A mean-pooled embedding blurs the few words that decide a label ("claimed
//! responsibility", "attributed to", "denied"), so the heads also read which
//! word pieces a row contains. The keys are ids of the model's own tokenizer,
//! which the service already has for every document, window and sentence.
//! Special tokens are not keys and break bigrams. Only the counting lives here:
//! sublinear tf, idf and normalisation are inside `heads.onnx`, and the training
//! recipe counts the same way (`training/threatlens_train/lexicon.py`).

use std::{collections::HashMap, path::Path};

use serde::Deserialize;

use crate::{
    error::ModelError,
    model::{Manifest, ModelFiles},
};

const FORMAT: &str = "threatlens-lexicon/1";
/// Second id of a unigram key.
const UNIGRAM: u32 = u32::MAX;

#[derive(Deserialize)]
struct LexiconFile {
    format: String,
    special_ids: Vec<u32>,
    features: Vec<Vec<u32>>,
}

/// One row's features: `(column, count)` sorted by column.
pub type LexicalRow = Vec<(u32, f32)>;

pub struct Lexicon {
    columns: HashMap<(u32, u32), u32>,
    special: Vec<u32>,
}

impl Lexicon {
    pub fn load(path: &Path) -> Result<Lexicon, ModelError> {
        let err = |message: String| ModelError::Lexicon { path: path.to_path_buf(), message };
        let text =
            std::fs::read_to_string(path).map_err(|source| ModelError::Io { path: path.to_path_buf(), source })?;
        let file: LexiconFile = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
        if file.format != FORMAT {
            return Err(err(format!("format {:?}, expected {FORMAT:?}", file.format)));
        }
        Lexicon::new(file.features, file.special_ids).map_err(err)
    }

    /// The model directory's lexicon, if its manifest names one, checked
    /// against the manifest's column count.
    pub fn for_model(files: &ModelFiles, manifest: &Manifest) -> Result<Option<Lexicon>, ModelError> {
        let (Some(path), Some(spec)) = (&files.lexicon, &manifest.lexicon) else {
            return Ok(None);
        };
        let lexicon = Lexicon::load(path)?;
        if lexicon.width() != spec.features {
            return Err(ModelError::Lexicon {
                path: path.clone(),
                message: format!("{} features, manifest says {}", lexicon.width(), spec.features),
            });
        }
        Ok(Some(lexicon))
    }

    /// Keys in column order; each is one id (unigram) or two (bigram).
    pub fn new(features: Vec<Vec<u32>>, special: Vec<u32>) -> Result<Lexicon, String> {
        let mut columns = HashMap::with_capacity(features.len());
        for (col, f) in features.iter().enumerate() {
            let key = match f.as_slice() {
                [a] => (*a, UNIGRAM),
                [a, b] => (*a, *b),
                _ => return Err(format!("feature {col} has {} ids; 1 or 2 expected", f.len())),
            };
            if columns.insert(key, col as u32).is_some() {
                return Err(format!("feature {col} ({f:?}) is listed twice"));
            }
        }
        Ok(Lexicon { columns, special })
    }

    /// Number of columns; also the padding key of the heads' sparse input.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// Counts the keys of one row of token ids.
    pub fn count(&self, ids: &[u32]) -> LexicalRow {
        let mut hits = Vec::with_capacity(ids.len() * 2);
        let mut prev = None;
        for &t in ids {
            if self.special.contains(&t) {
                prev = None;
                continue;
            }
            if let Some(&c) = self.columns.get(&(t, UNIGRAM)) {
                hits.push(c);
            }
            if let Some(p) = prev {
                if let Some(&c) = self.columns.get(&(p, t)) {
                    hits.push(c);
                }
            }
            prev = Some(t);
        }
        hits.sort_unstable();
        let mut row: LexicalRow = Vec::new();
        for c in hits {
            match row.last_mut() {
                Some((last, n)) if *last == c => *n += 1.0,
                _ => row.push((c, 1.0)),
            }
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon() -> Lexicon {
        // Mirrors training/tests/test_lexicon.py.
        Lexicon::new(vec![vec![5], vec![5, 6], vec![6], vec![7, 8]], vec![0, 100, 101, 102, 103]).unwrap()
    }

    #[test]
    fn counts_unigrams_and_adjacent_bigrams() {
        assert_eq!(lexicon().count(&[5, 6, 5, 6]), vec![(0, 2.0), (1, 2.0), (2, 2.0)]);
        assert_eq!(lexicon().count(&[]), vec![]);
        assert_eq!(lexicon().count(&[9, 9]), vec![]);
    }

    #[test]
    fn special_tokens_break_bigrams() {
        // [CLS] 7 [SEP] 8: no (7, 8) pair across the separator.
        assert_eq!(lexicon().count(&[101, 7, 102, 8]), vec![]);
        assert_eq!(lexicon().count(&[101, 7, 8, 102]), vec![(3, 1.0)]);
    }

    #[test]
    fn rejects_malformed_features() {
        assert!(Lexicon::new(vec![vec![1, 2, 3]], vec![]).is_err());
        assert!(Lexicon::new(vec![vec![1], vec![1]], vec![]).is_err());
    }
}
