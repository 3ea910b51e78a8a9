//! Sentence segmentation for news text.
//!
//! News text breaks naive splitters: "U.S." and "Mr." are not sentence ends,
//! quotes close after the full stop, list items and headlines have no full
//! stop at all. The rules, in order:
//! - a line break ends a sentence (paragraphs, list items, headline lines);
//! - `.`, `!`, `?` or `…` (with any closing quotes or brackets after it) ends a
//!   sentence when followed by whitespace and then something that can start
//!   a sentence (an upper-case letter, a digit, a quote, a bracket, a non-Latin letter);
//! - except after a known abbreviation ("Mr.", "Inc.", "Jan."), after a single
//!   letter ("J. Smith"), or inside a dotted acronym ("U.S.", "e.g.").
//!
//! Spans are byte ranges of the input with surrounding whitespace trimmed;
//! they always fall on UTF-8 character boundaries.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep",
    "rev", "hon", "pres", "inc", "ltd", "corp", "co", "llc", "plc", "bros", "dept", "univ", "assn", "est", "approx",
    "vs", "etc", "no", "nos", "vol", "fig", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "al", "cf", "op", "ca",
];

/// Splits `text` into sentence spans.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if c == '\n' || c == '\r' || c == '\u{2029}' {
            push_trimmed(text, start..pos, &mut spans);
            start = pos + c.len_utf8();
            i += 1;
            continue;
        }
        if matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？') {
            // Take the whole run of terminators and closing punctuation.
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '.' | '!' | '?' | '…' | '"' | '\'' | '”' | '’' | ')' | ']' | '»')
            {
                j += 1;
            }
            let end = if j < chars.len() { chars[j].0 } else { text.len() };
            let cjk = matches!(c, '。' | '！' | '？');
            if cjk || (is_boundary_after(&chars, j) && !(c == '.' && is_abbreviation(text, &chars, i))) {
                push_trimmed(text, start..end, &mut spans);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut spans);
    spans
}

/// Whitespace then a plausible sentence start, or the end of the text.
fn is_boundary_after(chars: &[(usize, char)], j: usize) -> bool {
    if j >= chars.len() {
        return true;
    }
    if !chars[j].1.is_whitespace() {
        return false;
    }
    let mut k = j;
    while k < chars.len() && chars[k].1.is_whitespace() {
        if chars[k].1 == '\n' {
            return true;
        }
        k += 1;
    }
    match chars.get(k) {
        None => true,
        Some(&(_, n)) => {
            n.is_uppercase()
                || n.is_ascii_digit()
                || matches!(n, '"' | '\'' | '“' | '‘' | '(' | '[' | '«' | '-' | '—' | '•' | '*')
                || (n.is_alphabetic() && !n.is_lowercase())
        }
    }
}

/// Whether the full stop at `chars[i]` belongs to an abbreviation, an initial or a dotted acronym.
fn is_abbreviation(text: &str, chars: &[(usize, char)], i: usize) -> bool {
    // The word right before the dot.
    let mut k = i;
    while k > 0 && (chars[k - 1].1.is_alphanumeric() || chars[k - 1].1 == '.') {
        k -= 1;
    }
    let word = &text[chars[k].0..chars[i].0];
    if word.is_empty() {
        return false;
    }
    // "U.S", "e.g", "a.m": dotted acronyms.
    if word.contains('.') {
        return word.split('.').all(|part| part.chars().count() <= 2);
    }
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        // A lone upper-case initial ("J. Smith"), not a lone digit ending a sentence.
        return first.is_alphabetic() && first.is_uppercase();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trimmed = slice.trim();
    if trimmed.chars().any(|c| c.is_alphanumeric()) {
        let start = range.start + lead;
        out.push(start..start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn keeps_abbreviations_and_acronyms_inside_sentences() {
        let got = split("The U.S. and U.K. charged Mr. Li on Jan. 5. He denied it. Officials at Acme Inc. said no.");
        assert_eq!(
            got,
            vec!["The U.S. and U.K. charged Mr. Li on Jan. 5.", "He denied it.", "Officials at Acme Inc. said no."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        let got = split("\"We did not do it.\" The group said so. 'Really?' Yes.");
        assert_eq!(got, vec!["\"We did not do it.\"", "The group said so.", "'Really?'", "Yes."]);
    }

    #[test]
    fn lines_and_lists_split_without_full_stops() {
        let got = split("Headline without stop\n- first item\n- second item\n\nBody text here");
        assert_eq!(got, vec!["Headline without stop", "- first item", "- second item", "Body text here"]);
    }

    #[test]
    fn decimals_and_versions_do_not_split() {
        let got = split("Version 2.5.1 fixed CVE-2024-1234 with a CVSS of 9.8 out of 10. Patch now.");
        assert_eq!(got, vec!["Version 2.5.1 fixed CVE-2024-1234 with a CVSS of 9.8 out of 10.", "Patch now."]);
    }

    #[test]
    fn spans_are_char_boundaries_with_unicode() {
        let text = "Hakerzy z Łodzi zaatakowali. Zürich’s Müller said „no”. 中国否认了指控。下一句";
        for r in sentences(text) {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
        let got = split(text);
        assert_eq!(got[0], "Hakerzy z Łodzi zaatakowali.");
        assert!(got.contains(&"中国否认了指控。"));
    }

    #[test]
    fn initials_are_not_sentence_ends() {
        assert_eq!(
            split("Analyst J. R. Smith of Example Corp. wrote it."),
            vec!["Analyst J. R. Smith of Example Corp. wrote it."]
        );
    }
}
