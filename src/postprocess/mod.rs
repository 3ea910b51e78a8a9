//! From model scores to the answer: threat labels, the attribution level and
//! its confidence, the blamed actors, the evidence sentences, the sources and
//! the denial flag.
//!
//! Aggregation over windows happens before the heads: the document embedding
//! is the length-weighted mean of the window embeddings, the same rule the
//! heads were trained on, so a long article is scored as a whole.
//!
//! A single sentence can carry an article's attribution ("…, the NCSC said on
//! Tuesday, attributing the intrusion to APT29") and be diluted in that mean.
//! So the attribution level combines three views, with weights from the
//! manifest's `attribution_rule` (tuned on the validation split):
//! 1. the document head on the whole-article embedding, or, for articles of
//!    several windows, on the firmest window's embedding when that is firmer
//!    (a claim in paragraph nine dominates its own window, not the article);
//! 2. the sentence head on the firmest sentence: when it bears attribution and
//!    is firmer than (1), the reported distribution is
//!    `(1 - w) · doc + w · sentence`; a blend rather than the sentence alone keeps
//!    one over-eager sentence from outvoting a whole article. Articles of
//!    several windows use a larger `w`: their document embedding dilutes a
//!    single attribution sentence far more than a short article's does.
//!
//! With `only_from_none` (shipped), windows and sentences take part only when
//! the document head sees no attribution at all: they recover an attribution
//! the mean over a long article missed, but the fine-tuned document head is the
//! better judge of how firm an attribution the article reports (on validation,
//! hand-written articles 0.944 -> 0.954, articles of several windows 0.907 ->
//! 0.944); letting the firmest window or sentence raise a claim or a hedge
//! turned it into `attributed` in long features that recount older, formal
//! attributions as background.
//!
//! With `require_actor` (the shipped rule), only a sentence that names an
//! actor the article could blame may join (2), and a window may replace the
//! document in (1) only up to the level of such a sentence. The heads also
//! score sentences that merely name a police force or an agency ("the company
//! notified the State Criminal Police Office") as firm, and the firmest of
//! several windows is biased upwards; without this gate a leak-site claim
//! in a three-window story came back `attributed`.

pub mod actors;
pub mod attribution;

use std::collections::{BTreeMap, BTreeSet};

use crate::{
    model::{AttributionRule, Manifest, ATTRIBUTION_LEVELS},
    proto,
    tokenize::Sentence,
};
use actors::ActorBase;
use attribution::Role;

/// Weight of each attribution level in the confidence (TAXONOMY §2: 0 for
/// `none`, rising through `claimed` and `suspected` to 1 for `attributed`).
pub const LEVEL_FIRMNESS: [f32; 4] = [0.0, 1.0 / 3.0, 2.0 / 3.0, 1.0];

/// Model outputs for one article.
pub struct Scores<'a> {
    pub threat: &'a [f32],
    pub primary: &'a [f32],
    pub attribution: &'a [f32],
    /// Document attribution head on each window (articles of several windows only).
    pub window_attribution: Vec<&'a [f32]>,
    /// Threat and primary heads on each window (articles of several windows only).
    pub window_threat: Vec<&'a [f32]>,
    pub window_primary: Vec<&'a [f32]>,
    /// Per sentence: level distribution and denial probability.
    pub sentences: Vec<(&'a [f32], f32)>,
}

pub struct Article<'a> {
    pub title: &'a str,
    pub body: &'a str,
    pub sentences: &'a [Sentence],
}

impl Article<'_> {
    fn text_of(&self, s: &Sentence) -> &str {
        match s.field {
            crate::tokenize::Field::Title => &self.title[s.span.clone()],
            crate::tokenize::Field::Body => &self.body[s.span.clone()],
        }
    }
}

pub struct Options {
    pub top_k: usize,
    pub include_evidence: bool,
    pub max_evidence: usize,
}

/// Expected firmness of a level distribution.
pub fn firmness(levels: &[f32]) -> f32 {
    levels.iter().zip(LEVEL_FIRMNESS).map(|(p, w)| p * w).sum()
}

fn argmax(v: &[f32]) -> usize {
    v.iter().enumerate().fold(0, |best, (i, x)| if *x > v[best] { i } else { best })
}

/// The window whose own primary is a threat, the most confidently; asked only
/// when the whole article's primary is `none`.
///
/// The document embedding is a mean over windows, so one paragraph about an
/// intrusion in a 3,000-word feature on something else reads as `none`; but an
/// article that reports an attack anywhere is about that attack (TAXONOMY §1-2),
/// as a claim in paragraph nine dominates its own window. Single-window
/// articles have no window scores, so no such window.
fn threat_window(none: usize, scores: &Scores) -> Option<usize> {
    let top = |w: usize| argmax(scores.window_primary[w]);
    (0..scores.window_primary.len())
        .filter(|&w| top(w) != none)
        .max_by(|&a, &b| scores.window_primary[a][top(a)].total_cmp(&scores.window_primary[b][top(b)]))
}

/// Threat labels sorted by score, and the primary label.
///
/// When the article's primary is `none` but one of its windows is about a
/// threat (`threat_window`), that window's scores stand for the article.
pub fn threat_types(manifest: &Manifest, scores: &Scores, top_k: usize) -> (Vec<proto::LabelScore>, String) {
    let doc_primary = argmax(scores.primary);
    let window = match manifest.threat_labels[doc_primary].as_str() {
        "none" => threat_window(doc_primary, scores),
        _ => None,
    };
    let (threat, primary_scores) = match window {
        Some(w) => (scores.window_threat[w], scores.window_primary[w]),
        None => (scores.threat, scores.primary),
    };
    let primary = manifest.threat_labels[argmax(primary_scores)].clone();
    let mut labels: Vec<proto::LabelScore> = manifest
        .threat_labels
        .iter()
        .zip(threat)
        .map(|(label, &score)| {
            // `none` excludes every other label (TAXONOMY §1); the primary label is always predicted.
            let predicted = if primary == "none" {
                label == "none"
            } else {
                label == &primary || (label != "none" && score >= manifest.threshold(label))
            };
            proto::LabelScore { label: label.clone(), score, predicted }
        })
        .collect();
    labels.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.label.cmp(&b.label)));
    if top_k > 0 {
        labels.truncate(top_k);
    }
    (labels, primary)
}

/// The attribution part of the answer.
pub fn attribution(
    article: &Article,
    scores: &Scores,
    primary: &str,
    base: &ActorBase,
    rule: &AttributionRule,
    denial_threshold: f32,
    opts: &Options,
) -> proto::Attribution {
    // Names in every sentence, with their roles.
    let mut found: Vec<Vec<(actors::ActorMatch, Role)>> = vec![Vec::new(); article.sentences.len()];
    for (i, s) in article.sentences.iter().enumerate() {
        let text = article.text_of(s);
        let matches = base.find(text);
        let roles = attribution::roles(text, &matches);
        found[i] = matches.into_iter().zip(roles).collect();
    }
    // With `require_actor`, only a sentence that names someone it could blame
    // may raise the level, and a window may raise it no further than such a
    // sentence's own level: TAXONOMY §2 needs an identified party, and the
    // heads also fire on text that merely names a police force or an agency.
    let threshold = rule.sentence_threshold;
    let names_actor = |i: usize| !rule.require_actor || found[i].iter().any(|(_, r)| *r == Role::Blamed);
    let supported = (0..scores.sentences.len())
        .filter(|&i| names_actor(i) && 1.0 - scores.sentences[i].0[0] >= threshold)
        .map(|i| argmax(scores.sentences[i].0))
        .max()
        .unwrap_or(0);

    // Level: the document (or its firmest window), joined by the firmest sentence when that is firmer.
    let mut doc = scores.attribution;
    let may_raise = !rule.only_from_none || argmax(doc) == 0;
    if rule.firmest_window && may_raise {
        for levels in &scores.window_attribution {
            let eligible = !rule.require_actor || argmax(levels) <= supported;
            if eligible && firmness(levels) > firmness(doc) {
                doc = levels;
            }
        }
    }
    let best = scores
        .sentences
        .iter()
        .enumerate()
        .filter(|(i, _)| names_actor(*i))
        .max_by(|a, b| firmness(a.1 .0).total_cmp(&firmness(b.1 .0)))
        .map(|(i, (levels, _))| (i, *levels));
    let mut levels: Vec<f32> = doc.to_vec();
    if let Some((_, sent)) = best.filter(|_| may_raise) {
        if firmness(sent) > firmness(doc) && 1.0 - sent[0] >= threshold {
            let w = if scores.window_attribution.len() > 1 { rule.sentence_weight_long } else { rule.sentence_weight };
            levels = doc.iter().zip(sent).map(|(d, s)| (1.0 - w) * d + w * s).collect();
        }
    }
    if primary == "none" {
        // Not about an attack: nobody is blamed for anything (TAXONOMY §2).
        levels = vec![1.0, 0.0, 0.0, 0.0];
    }
    let level_idx = argmax(&levels);
    let level = ATTRIBUTION_LEVELS[level_idx];

    let bearing: Vec<usize> =
        (0..scores.sentences.len()).filter(|&i| level_idx > 0 && 1.0 - scores.sentences[i].0[0] >= threshold).collect();
    let accused: BTreeSet<usize> = bearing
        .iter()
        .flat_map(|&i| found[i].iter().filter(|(_, r)| *r == Role::Blamed).map(|(m, _)| m.actor))
        .collect();

    // Every mention of an accused actor, except where it is named as a victim or accuser.
    let mut actors: BTreeMap<usize, proto::Actor> = BTreeMap::new();
    for (i, s) in article.sentences.iter().enumerate() {
        let text = article.text_of(s);
        let sentence_score = 1.0 - scores.sentences[i].0[0];
        for (m, role) in &found[i] {
            if !accused.contains(&m.actor) || *role != Role::Blamed {
                continue;
            }
            let info = &base.actors[m.actor];
            let entry = actors.entry(m.actor).or_insert_with(|| proto::Actor {
                name: info.name.clone(),
                kind: info.kind.clone(),
                country: info.country.clone(),
                sponsor: info.sponsor.clone(),
                ..Default::default()
            });
            let written = &text[m.start..m.end];
            if !entry.aliases_matched.iter().any(|a| a == written) {
                entry.aliases_matched.push(written.to_string());
            }
            entry.mentions.push(proto::Mention {
                span: Some(proto::Span {
                    field: s.field.as_str().into(),
                    start: (s.span.start + m.start) as u32,
                    end: (s.span.start + m.end) as u32,
                }),
                text: written.to_string(),
            });
            if sentence_score >= threshold && level_idx > 0 {
                entry.score = entry.score.max(sentence_score);
            }
        }
    }
    let mut actors: Vec<proto::Actor> = actors.into_values().collect();
    actors.sort_by(|a, b| b.score.total_cmp(&a.score).then_with(|| a.name.cmp(&b.name)));

    // Denial by the accused.
    let denied = !accused.is_empty()
        && article.sentences.iter().enumerate().any(|(i, s)| {
            let text = article.text_of(s);
            let says_denial = scores.sentences[i].1 >= denial_threshold || attribution::has_denial_cue(text);
            let names: Vec<usize> = found[i].iter().map(|(m, _)| m.actor).collect();
            says_denial && attribution::denial_is_by_accused(text, &names, &accused, base)
        });

    // Evidence: the firmest attribution-bearing sentences (by expected firmness,
    // so a formal attribution outranks a hedge), wherever they are.
    let mut ranked: Vec<usize> = bearing.clone();
    ranked.sort_by(|&a, &b| firmness(scores.sentences[b].0).total_cmp(&firmness(scores.sentences[a].0)));
    let top: Vec<usize> = ranked.into_iter().take(opts.max_evidence.max(1)).collect();
    let mut sources: BTreeSet<&'static str> = BTreeSet::new();
    for &i in &top {
        sources.extend(attribution::sources(article.text_of(&article.sentences[i])));
    }
    if level == "claimed" {
        sources.insert("self");
    }
    if level == "none" {
        sources.clear();
    }
    let evidence = if opts.include_evidence {
        top.iter()
            .map(|&i| {
                let s = &article.sentences[i];
                proto::Evidence {
                    text: article.text_of(s).to_string(),
                    span: Some(proto::Span {
                        field: s.field.as_str().into(),
                        start: s.span.start as u32,
                        end: s.span.end as u32,
                    }),
                    level: ATTRIBUTION_LEVELS[argmax(scores.sentences[i].0)].into(),
                    score: 1.0 - scores.sentences[i].0[0],
                    window: s.window as u32,
                }
            })
            .collect()
    } else {
        Vec::new()
    };

    proto::Attribution {
        level: level.into(),
        confidence: firmness(&levels).clamp(0.0, 1.0),
        level_scores: ATTRIBUTION_LEVELS
            .iter()
            .zip(&levels)
            .enumerate()
            .map(|(i, (l, p))| proto::LabelScore { label: (*l).into(), score: *p, predicted: i == level_idx })
            .collect(),
        actors,
        sources: sources.into_iter().map(String::from).collect(),
        denied,
        evidence,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::Field;

    fn base() -> ActorBase {
        let json = r#"{"version":"t","actors":[
            {"name":"Akira","kind":"criminal_group","aliases":[],"context_aliases":[],"cased":[]}],
            "families":[],"context_words":["group","gang"]}"#;
        ActorBase::from_file(serde_json::from_str(json).unwrap()).unwrap()
    }

    /// A claim by a named gang in window 0; a sentence naming only the police
    /// in window 1, which the heads (here, by construction) score as firm.
    fn level(require_actor: bool) -> String {
        level_with(AttributionRule { require_actor, ..AttributionRule::default() })
    }

    fn level_with(rule: AttributionRule) -> String {
        let body = "The Akira gang claimed the attack on its leak site. The firm notified the state police.";
        let split = body.find(" The firm").unwrap() + 1;
        let sentences = vec![
            Sentence { field: Field::Body, span: 0..split - 1, window: 0, positions: 1..10 },
            Sentence { field: Field::Body, span: split..body.len(), window: 1, positions: 1..8 },
        ];
        let claimed = [0.05f32, 0.9, 0.03, 0.02];
        let firm = [0.1f32, 0.05, 0.05, 0.8];
        let threat = [0.0f32; 12];
        let mut primary = [0.0f32; 12];
        primary[1] = 1.0;
        let scores = Scores {
            threat: &threat,
            primary: &primary,
            attribution: &claimed,
            window_attribution: vec![&claimed, &firm],
            window_threat: vec![&threat, &threat],
            window_primary: vec![&primary, &primary],
            sentences: vec![(&claimed, 0.0), (&firm, 0.0)],
        };
        let article = Article { title: "", body, sentences: &sentences };
        let opts = Options { top_k: 0, include_evidence: false, max_evidence: 3 };
        attribution(&article, &scores, "ransomware", &base(), &rule, 0.5, &opts).level
    }

    #[test]
    fn only_from_none_keeps_the_documents_own_level() {
        // The document head reads a claim; a firmer window and sentence may not override it.
        let rule = AttributionRule { only_from_none: true, ..AttributionRule::default() };
        assert_eq!(level_with(rule), "claimed");
        assert_eq!(level_with(AttributionRule::default()), "attributed");
    }

    #[test]
    fn require_actor_keeps_an_actorless_sentence_from_raising_the_level() {
        assert_eq!(level(false), "attributed");
        assert_eq!(level(true), "claimed");
    }

    #[test]
    fn a_window_about_a_threat_overrides_a_none_article() {
        let manifest = Manifest::load(std::path::Path::new("models/threatlens-minilm/manifest.json")).unwrap();
        let at = |name: &str| manifest.threat_labels.iter().position(|l| l == name).unwrap();
        let n = manifest.threat_labels.len();
        let (mut doc, mut spy) = (vec![0.0f32; n], vec![0.0f32; n]);
        doc[at("none")] = 0.9;
        doc[at("espionage")] = 0.1;
        spy[at("espionage")] = 0.8;
        spy[at("none")] = 0.2;
        let threat = vec![0.1f32; n];
        let mut spy_threat = threat.clone();
        spy_threat[at("espionage")] = 0.9;
        let levels = [1.0f32, 0.0, 0.0, 0.0];
        let scores = Scores {
            threat: &threat,
            primary: &doc,
            attribution: &levels,
            window_attribution: vec![&levels, &levels],
            window_threat: vec![&threat, &spy_threat],
            window_primary: vec![&doc, &spy],
            sentences: vec![],
        };
        let (labels, primary) = threat_types(&manifest, &scores, 0);
        assert_eq!(primary, "espionage");
        assert!(labels.iter().any(|l| l.label == "espionage" && l.predicted));
        assert!(!labels.iter().any(|l| l.label == "none" && l.predicted));
        // no window is about a threat: the article's own `none` stands
        let quiet = Scores { window_threat: vec![&threat, &threat], window_primary: vec![&doc, &doc], ..scores };
        assert_eq!(threat_types(&manifest, &quiet, 0).1, "none");
    }
}
