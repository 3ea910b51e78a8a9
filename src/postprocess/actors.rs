//! The actor knowledge base (`actors.json`, built by
//! `training/actors/build_actors.py` from the MISP galaxy clusters plus curated
//! state and agency tables) and one multi-pattern pass that finds its names.
//!
//! Matching rules:
//! - one Aho-Corasick automaton over every name and alias, ASCII
//!   case-insensitive; every candidate is checked, then the longest valid
//!   non-overlapping ones are kept:
//! - **word boundaries**: the characters around a match must not be letters or digits;
//! - **case**: acronyms (no lower-case letters, up to 6 characters) and the
//!   base's `cased` aliases must match exactly ("US" is not "us"); other
//!   names keep the capitals of their words in the text ("Judgment Panda",
//!   not "judgment panda");
//! - **context aliases** (names that are ordinary words: "Cobalt", "Ghost")
//!   count only when written as in the base and a context word ("group",
//!   "hackers", "ransomware", "APT", …) stands within five words of them.

use std::{collections::HashSet, path::Path};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Deserialize;

use crate::error::ModelError;

#[derive(Debug, Deserialize)]
pub(crate) struct BaseFile {
    version: String,
    actors: Vec<ActorRecord>,
    #[serde(default)]
    families: Vec<Family>,
    #[serde(default)]
    context_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct ActorRecord {
    name: String,
    kind: String,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    context_aliases: Vec<String>,
    #[serde(default)]
    cased: Vec<String>,
    #[serde(default)]
    sponsor: Option<String>,
}

/// A vendor naming family: the last word of a name (`suffix`, "… Typhoon" is
/// Microsoft's name for a China-based actor) or its first word (`prefix`,
/// Secureworks' "Bronze …") gives the country.
#[derive(Debug, Clone, Deserialize)]
pub struct Family {
    #[serde(default)]
    pub suffix: Option<String>,
    #[serde(default)]
    pub prefix: Option<String>,
    pub vendor: String,
    /// Some families name a motive ("Tempest": financially motivated), not a country.
    #[serde(default)]
    pub country: Option<String>,
}

/// One actor of the base.
#[derive(Debug, Clone)]
pub struct ActorInfo {
    pub name: String,
    pub kind: String,
    /// ISO alpha-2; from the base, else from the naming family of its names.
    pub country: String,
    pub sponsor: String,
}

#[derive(Debug, Clone)]
struct Pattern {
    actor: usize,
    text: String,
    exact_case: bool,
    capitalised: bool,
    needs_context: bool,
}

/// A name found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMatch {
    pub actor: usize,
    pub start: usize,
    pub end: usize,
}

pub struct ActorBase {
    pub version: String,
    pub actors: Vec<ActorInfo>,
    patterns: Vec<Pattern>,
    automaton: AhoCorasick,
    context_words: HashSet<String>,
}

impl ActorBase {
    pub fn load(path: &Path) -> Result<ActorBase, ModelError> {
        let err = |message: String| ModelError::Actors { path: path.to_path_buf(), message };
        let text = std::fs::read_to_string(path).map_err(|e| err(e.to_string()))?;
        let file: BaseFile = serde_json::from_str(&text).map_err(|e| err(e.to_string()))?;
        Self::from_file(file).map_err(err)
    }

    pub(crate) fn from_file(file: BaseFile) -> Result<ActorBase, String> {
        let mut actors = Vec::with_capacity(file.actors.len());
        let mut patterns = Vec::new();
        let mut seen = HashSet::new();
        for (i, rec) in file.actors.into_iter().enumerate() {
            let cased: HashSet<&str> = rec.cased.iter().map(String::as_str).collect();
            let names = std::iter::once((&rec.name, false))
                .chain(rec.aliases.iter().map(|a| (a, false)))
                .chain(rec.context_aliases.iter().map(|a| (a, true)));
            for (name, needs_context) in names {
                let name = name.trim();
                if name.chars().count() < 2 || !seen.insert((name.to_lowercase(), i)) {
                    continue;
                }
                let acronym = !name.chars().any(char::is_lowercase) && name.chars().count() <= 6;
                patterns.push(Pattern {
                    actor: i,
                    text: name.to_string(),
                    exact_case: acronym || cased.contains(name),
                    capitalised: name.chars().next().is_some_and(char::is_uppercase),
                    needs_context,
                });
            }
            let country = rec
                .country
                .filter(|c| c.len() == 2)
                .or_else(|| family_country(&file.families, &rec.name, &rec.aliases))
                .unwrap_or_default();
            actors.push(ActorInfo {
                name: rec.name,
                kind: rec.kind,
                country,
                sponsor: rec.sponsor.unwrap_or_default(),
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(patterns.iter().map(|p| p.text.as_str()))
            .map_err(|e| e.to_string())?;
        let context_words = file.context_words.iter().map(|w| w.to_lowercase()).collect();
        Ok(ActorBase { version: file.version, actors, patterns, automaton, context_words })
    }

    /// Names and aliases in the base.
    pub fn alias_count(&self) -> usize {
        self.patterns.len()
    }

    /// Every actor name in `text` that passes the matching rules, in text
    /// order. All overlapping candidates are checked first and the longest valid
    /// one wins, so "the Cobalt group" still finds "Cobalt" when "Cobalt Group"
    /// fails the case rule.
    pub fn find(&self, text: &str) -> Vec<ActorMatch> {
        let mut valid = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let p = &self.patterns[m.pattern().as_usize()];
            let found = &text[m.start()..m.end()];
            if !at_word_boundary(text, m.start(), m.end()) {
                continue;
            }
            if p.exact_case && found != p.text {
                continue;
            }
            if p.capitalised && !same_word_capitals(&p.text, found) {
                continue;
            }
            if p.needs_context && (found != p.text || !self.has_context(text, m.start(), m.end())) {
                continue;
            }
            valid.push(ActorMatch { actor: p.actor, start: m.start(), end: m.end() });
        }
        valid.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<ActorMatch> = Vec::with_capacity(valid.len());
        for m in valid {
            if out.last().is_none_or(|last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
    }

    fn has_context(&self, text: &str, start: usize, end: usize) -> bool {
        let before = text[..start].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev().take(5);
        let after = text[end..].split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(5);
        before.chain(after).any(|w| self.context_words.contains(&w.to_lowercase()))
    }
}

/// Every word capitalised in the base name is capitalised in the text ("Judgment Panda", not "Judgment panda").
fn same_word_capitals(name: &str, found: &str) -> bool {
    name.split_whitespace().zip(found.split_whitespace()).all(|(a, b)| {
        let upper = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        !upper(a) || upper(b)
    })
}

fn at_word_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

fn family_country(families: &[Family], name: &str, aliases: &[String]) -> Option<String> {
    std::iter::once(name).chain(aliases.iter().map(String::as_str)).find_map(|n| {
        let words: Vec<&str> = n.split_whitespace().collect();
        if words.len() < 2 {
            return None;
        }
        let (first, last) = (words[0], words[words.len() - 1]);
        families
            .iter()
            .find(|f| {
                f.suffix.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(last))
                    || f.prefix.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(first))
            })
            .and_then(|f| f.country.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> ActorBase {
        let json = r#"{"version":"t","actors":[
            {"name":"APT31","kind":"apt_group","country":"CN","aliases":["Judgment Panda","Violet Typhoon"],"context_aliases":["Zirconium"],"cased":[]},
            {"name":"United States","kind":"nation_state","country":"US","aliases":["US","U.S.","Washington"],"cased":["US"]},
            {"name":"Cobalt Group","kind":"criminal_group","aliases":["Cobalt Gang"],"context_aliases":["Cobalt"]},
            {"name":"Storm-0558","kind":"apt_group","aliases":["Silk Typhoon"]},
            {"name":"China","kind":"nation_state","country":"CN","aliases":["Chinese","Beijing"]}],
            "families":[{"suffix":"Typhoon","vendor":"Microsoft","country":"CN"}],
            "context_words":["group","hackers","gang","apt"]}"#;
        ActorBase::from_file(serde_json::from_str(json).unwrap()).unwrap()
    }

    fn names(b: &ActorBase, text: &str) -> Vec<String> {
        b.find(text).into_iter().map(|m| b.actors[m.actor].name.clone()).collect()
    }

    #[test]
    fn word_boundaries_and_case_rules() {
        let b = base();
        assert_eq!(
            names(&b, "Beijing accused Washington; the US said APT31 did it"),
            vec!["China", "United States", "United States", "APT31"]
        );
        assert!(names(&b, "let us go; apt31x; Beijingers").is_empty());
        assert_eq!(names(&b, "Judgment panda and violet typhoon"), Vec::<String>::new());
    }

    #[test]
    fn ordinary_word_aliases_need_context() {
        let b = base();
        assert!(names(&b, "Cobalt prices rose as miners struck.").is_empty());
        assert!(names(&b, "zirconium hackers").is_empty(), "lower-case context alias");
        assert_eq!(names(&b, "the Cobalt group struck banks"), vec!["Cobalt Group"]);
        assert_eq!(names(&b, "the Cobalt Gang struck banks"), vec!["Cobalt Group"]);
        assert_eq!(names(&b, "hackers known as Zirconium"), vec!["APT31"]);
    }

    #[test]
    fn offsets_are_char_boundaries_after_unicode() {
        let b = base();
        let text = "Łódź, Zürich i 中国: Chinese hackers (APT31) – Violet Typhoon";
        let found = b.find(text);
        assert_eq!(found.len(), 3);
        for m in &found {
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        assert_eq!(&text[found[1].start..found[1].end], "APT31");
    }

    #[test]
    fn family_gives_country_when_base_has_none() {
        let b = base();
        let storm = b.actors.iter().find(|a| a.name == "Storm-0558").unwrap();
        assert_eq!(storm.country, "CN");
        let cobalt = b.actors.iter().find(|a| a.name == "Cobalt Group").unwrap();
        assert_eq!(cobalt.country, "");
    }
}
