//! Tokenization, windowing and sentence placement.
//!
//! Title and body are tokenized once each (no special tokens) and joined with
//! a `[SEP]`; the joined token sequence is then cut into overlapping windows of
//! the model's length, so nothing is ever silently truncated. The training
//! recipe (`training/threatlens_train/features.py`) implements exactly the same
//! rule, so documents are embedded the same way in training and in serving.
//!
//! Window rule, with `W = max_window_tokens - 2` content tokens per window:
//! starts are `0, stride, 2·stride, …`, the last one moved back to `n - W` so the
//! final window is full; each window is `[CLS] content[s..s+W] [SEP]`.

use std::{ops::Range, path::Path};

use tokenizers::Tokenizer;

use crate::{error::ModelError, text};

/// Which string of the article a span points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Title,
    Body,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Body => "body",
        }
    }
}

/// A sentence of the article and where the model sees it.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub field: Field,
    /// Byte range in the field's string.
    pub span: Range<usize>,
    /// The window whose context covers most of the sentence.
    pub window: usize,
    /// Token positions inside that window (`[CLS]` is position 0).
    pub positions: Range<usize>,
}

/// An article ready for the encoder.
#[derive(Debug, Clone)]
pub struct TokenizedArticle {
    /// Token ids of title, `[SEP]`, body, without `[CLS]`/`[SEP]` at the ends.
    pub content: Vec<u32>,
    /// Content index ranges of the windows.
    pub windows: Vec<Range<usize>>,
    pub sentences: Vec<Sentence>,
}

impl TokenizedArticle {
    /// Model input ids of window `w`: `[CLS] content [SEP]`.
    pub fn window_ids(&self, w: usize, cls: u32, sep: u32) -> Vec<i64> {
        let r = &self.windows[w];
        let mut ids = Vec::with_capacity(r.len() + 2);
        ids.push(cls as i64);
        ids.extend(self.content[r.clone()].iter().map(|&t| t as i64));
        ids.push(sep as i64);
        ids
    }

    /// Token ids the embedding of sentence `i` is pooled over (its tokens in
    /// the window it is placed in).
    pub fn sentence_ids(&self, i: usize) -> &[u32] {
        let s = &self.sentences[i];
        let start = self.windows[s.window].start;
        &self.content[start + s.positions.start - 1..start + s.positions.end - 1]
    }

    /// Tokens the model reads, special tokens included.
    pub fn model_tokens(&self) -> usize {
        self.windows.iter().map(|r| r.len() + 2).sum()
    }
}

/// How a token sequence is cut into model windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowGeometry {
    /// Content tokens per window (`max_window_tokens - 2`).
    pub content: usize,
    pub stride: usize,
}

impl WindowGeometry {
    /// Content index ranges of the windows for `n` content tokens.
    pub fn ranges(&self, n: usize) -> Vec<Range<usize>> {
        let mut starts = vec![0usize];
        while starts.last().unwrap() + self.content < n {
            let next = (starts.last().unwrap() + self.stride).min(n - self.content);
            starts.push(next);
        }
        starts.into_iter().map(|s| s..(s + self.content).min(n)).collect()
    }

    /// Number of windows `n` content tokens need, without building them.
    pub fn count(&self, n: usize) -> usize {
        if n <= self.content {
            1
        } else {
            1 + (n - self.content).div_ceil(self.stride)
        }
    }
}

/// The tokenizer plus the window geometry of the model.
pub struct TextEncoder {
    tokenizer: Tokenizer,
    pub cls: u32,
    pub sep: u32,
    pub geometry: WindowGeometry,
}

impl TextEncoder {
    pub fn load(path: &Path, max_window_tokens: usize, stride: usize) -> Result<TextEncoder, ModelError> {
        let err = |message: String| ModelError::Tokenizer { path: path.to_path_buf(), message };
        let mut tokenizer = Tokenizer::from_file(path).map_err(|e| err(e.to_string()))?;
        tokenizer.with_truncation(None).map_err(|e| err(e.to_string()))?;
        tokenizer.with_padding(None);
        let id = |tok: &str| tokenizer.token_to_id(tok).ok_or_else(|| err(format!("vocabulary lacks {tok}")));
        let (cls, sep) = (id("[CLS]")?, id("[SEP]")?);
        let geometry = WindowGeometry { content: max_window_tokens - 2, stride };
        Ok(TextEncoder { tokenizer, cls, sep, geometry })
    }

    /// Token ids and byte offsets of one string.
    fn encode(&self, text: &str) -> Result<(Vec<u32>, Vec<(usize, usize)>), String> {
        if text.is_empty() {
            return Ok((Vec::new(), Vec::new()));
        }
        let enc = self.tokenizer.encode(text, false).map_err(|e| e.to_string())?;
        Ok((enc.get_ids().to_vec(), enc.get_offsets().to_vec()))
    }

    pub fn tokenize(&self, title: &str, body: &str) -> Result<TokenizedArticle, String> {
        let (title_ids, title_offsets) = self.encode(title)?;
        let (body_ids, body_offsets) = self.encode(body)?;

        let mut content = Vec::with_capacity(title_ids.len() + body_ids.len() + 1);
        content.extend_from_slice(&title_ids);
        if !title_ids.is_empty() && !body_ids.is_empty() {
            content.push(self.sep);
        }
        let body_base = content.len();
        content.extend_from_slice(&body_ids);

        let windows = self.geometry.ranges(content.len());
        let mut sentences = Vec::new();
        for (field, text, base, offsets) in
            [(Field::Title, title, 0, &title_offsets), (Field::Body, body, body_base, &body_offsets)]
        {
            for span in text::sentences(text) {
                // Tokens whose start lies inside the sentence.
                let first = offsets.partition_point(|&(s, _)| s < span.start);
                let last = offsets.partition_point(|&(s, _)| s < span.end);
                if first >= last {
                    continue;
                }
                let tokens = (base + first)..(base + last);
                let (window, positions) = place(&windows, &tokens);
                sentences.push(Sentence { field, span, window, positions });
            }
        }
        Ok(TokenizedArticle { content, windows, sentences })
    }
}

/// The window covering most of `tokens` (the earliest on ties), and the
/// covered positions inside it, shifted by one for `[CLS]`.
fn place(windows: &[Range<usize>], tokens: &Range<usize>) -> (usize, Range<usize>) {
    let mut best = (0, 0usize);
    for (w, r) in windows.iter().enumerate() {
        if r.start >= tokens.end {
            break;
        }
        let overlap = tokens.end.min(r.end).saturating_sub(tokens.start.max(r.start));
        if overlap > best.1 {
            best = (w, overlap);
        }
    }
    let r = &windows[best.0];
    let start = tokens.start.max(r.start) - r.start + 1;
    let end = tokens.end.min(r.end) - r.start + 1;
    (best.0, start..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn window_ranges_cover_everything_with_full_last_window() {
        let g = WindowGeometry { content: 254, stride: 190 };
        assert_eq!(g.ranges(10), vec![0..10]);
        assert_eq!(g.ranges(254), vec![0..254]);
        assert_eq!(g.ranges(255), vec![0..254, 1..255]);
        assert_eq!(g.ranges(600), vec![0..254, 190..444, 346..600]);
        for n in [0usize, 1, 253, 254, 255, 444, 445, 1000, 5000] {
            let r = g.ranges(n);
            assert_eq!(r.len(), g.count(n), "n={n}");
            assert_eq!(r.last().unwrap().end, n);
            assert!(r.iter().all(|w| w.len() == 254 || n < 254), "short window at n={n}");
            for pair in r.windows(2) {
                assert!(pair[1].start <= pair[0].end, "gap at n={n}");
            }
        }
    }

    #[test]
    fn place_picks_window_with_most_coverage() {
        let windows = vec![0..254, 190..444];
        assert_eq!(place(&windows, &(10..20)), (0, 11..21));
        assert_eq!(place(&windows, &(240..260)), (1, 51..71));
        assert_eq!(place(&windows, &(200..210)), (0, 201..211));
    }
}
