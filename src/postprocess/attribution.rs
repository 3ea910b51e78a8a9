//! Who is blamed, on which sentences, by whom, and whether they deny it.
//!
//! The model scores every sentence for attribution level and denial; this
//! module ties those scores to the actor names found in the same sentences.
//! Only names in attribution-bearing sentences count, and within such a
//! sentence a name is not blamed when its wording marks it as
//! - a **victim**: a targeting word just before it ("targeted China's
//!   foreign ministry", "attacks on Ukraine") or a passive hit just after it
//!   ("Taiwan was targeted"); or
//! - the **accuser**: it is the subject of an accusation verb ("Beijing
//!   accused Washington", "the US charged APT31") and another actor follows.

use std::collections::BTreeSet;

use super::actors::{ActorBase, ActorMatch};

/// Words just before a name that make it the target.
const VICTIM_BEFORE: &[&str] = &[
    "targeted",
    "targeting",
    "targets",
    "target",
    "against",
    "hit",
    "hitting",
    "breached",
    "breaching",
    "infiltrated",
    "infiltrating",
    "attacked",
    "attacking",
    "compromised",
    "compromising",
    "victim",
    "victims",
    "on",
    "into",
    "spied",
    "spying",
    "hacked",
    "hacking",
    "penetrated",
    "struck",
    "impersonating",
    "impersonated",
];
/// Nouns after a state's name that make the name a descriptor of a victim or a
/// speaker ("a US software maker", "US officials said"), not the blamed party.
const DESCRIBED_NOUNS: &[&str] = &[
    "company",
    "companies",
    "firm",
    "firms",
    "software",
    "maker",
    "makers",
    "bank",
    "banks",
    "hospital",
    "hospitals",
    "university",
    "universities",
    "network",
    "networks",
    "ministry",
    "ministries",
    "embassy",
    "officials",
    "authorities",
    "prosecutors",
    "investigators",
    "lawmakers",
    "agencies",
    "court",
    "courts",
    "citizens",
    "users",
    "customers",
    "media",
    "newspaper",
    "researchers",
    "treasury",
    "police",
    "military's",
    "defence",
    "defense",
];

/// Nouns that turn "against X" into blame ("charges against X").
const LEGAL_AGAINST: &[&str] = &[
    "sanctions",
    "charges",
    "case",
    "indictment",
    "measures",
    "action",
    "accusations",
    "allegations",
    "countermeasures",
    "complaint",
    "lawsuit",
    "evidence",
    "warrant",
    "warrants",
    "retaliation",
    "penalties",
];
/// Words that, after a name and a form of "to be/have", make it the target.
const VICTIM_PASSIVE: &[&str] = &[
    "targeted",
    "hit",
    "breached",
    "attacked",
    "compromised",
    "hacked",
    "infiltrated",
    "affected",
    "struck",
    "victimised",
    "victimized",
];
const AUXILIARIES: &[&str] = &["was", "were", "is", "are", "has", "have", "had", "been", "being"];
/// Accusation verbs: a name right before one of them is the accuser.
const ACCUSE: &[&str] = &[
    "accused",
    "accuses",
    "accuse",
    "blamed",
    "blames",
    "blame",
    "attributed",
    "attributes",
    "attribute",
    "charged",
    "charges",
    "indicted",
    "indicts",
    "sanctioned",
    "sanctions",
    "condemned",
    "condemns",
    "alleged",
    "alleges",
    "named",
    "names",
    "identified",
    "said",
    "says",
    "linked",
    "links",
    "tied",
    "pinned",
];
/// Denial wording (the model's denial score is the main signal; these catch what it misses).
const DENIAL_CUES: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "dismissed",
    "dismisses",
    "refuted",
    "refutes",
    "baseless",
    "groundless",
    "unfounded",
    "fabricated",
    "fabrication",
    "smear",
    "slander",
    "nothing to do",
    "not involved",
    "no involvement",
    "disputed",
    "disputes",
    "disavowed",
];
/// Words that refer back to an accused group or state without naming it.
const ACCUSED_REFERENCES: &[&str] = &[
    "the group",
    "the gang",
    "the hackers",
    "the operators",
    "the actor",
    "the crew",
    "its spokesperson",
    "the embassy",
    "embassy",
    "foreign ministry",
    "ministry of foreign affairs",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "kremlin",
    "the government",
    "officials in",
    "the collective",
    "the syndicate",
];

/// Role of a name inside an attribution-bearing sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Blamed,
    Victim,
    Accuser,
}

/// Lower-case words before `start` in `sentence` (nearest first).
fn words_before(sentence: &str, start: usize, n: usize) -> Vec<String> {
    sentence[..start]
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(|w| w.to_lowercase())
        .collect()
}

/// Lower-case words after `end` up to the first comma, semicolon or dash.
fn words_after(sentence: &str, end: usize, n: usize) -> Vec<String> {
    let rest = &sentence[end..];
    let clause_end = rest.find([',', ';', '(', '—', '–', ':']).unwrap_or(rest.len());
    rest[..clause_end]
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.to_lowercase())
        .collect()
}

/// Classifies each name found in one sentence. Offsets are relative to `sentence`.
pub fn roles(sentence: &str, matches: &[ActorMatch]) -> Vec<Role> {
    matches
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let before = words_before(sentence, m.start, 5);
            let victim_cue = before.iter().take(3).enumerate().any(|(k, w)| {
                let next = |d: usize| before.get(k + d).map(String::as_str).unwrap_or("");
                match w.as_str() {
                    // "blamed on Russia", "on behalf of China" blame; "attacks on Ukraine" do not.
                    "on" => !matches!(next(1), "blamed" | "blame" | "pinned" | "blaming" | "pin"),
                    "of" => false,
                    // "sanctions against the GRU" blame; "attacks against Ukraine" do not.
                    "against" => ![next(1), next(2)].iter().any(|x| LEGAL_AGAINST.contains(x)),
                    w => VICTIM_BEFORE.contains(&w),
                }
            });
            let behalf = before.len() >= 2 && before[0] == "of" && before[1] == "behalf";
            // "targeted by APT41": the agent of a passive verb is the attacker.
            let agent = before.first().is_some_and(|w| w == "by");
            if victim_cue && !behalf && !agent {
                return Role::Victim;
            }
            let after = words_after(sentence, m.end, 6);
            let after_core: Vec<&str> =
                after.iter().map(String::as_str).filter(|w| !matches!(*w, "s" | "'s" | "’s")).collect();
            if after_core.first().is_some_and(|w| AUXILIARIES.contains(w))
                && after_core.iter().skip(1).take(2).any(|w| VICTIM_PASSIVE.contains(w))
            {
                return Role::Victim;
            }
            // An active accusation verb within six words ("the United States and the United Kingdom charged"),
            // not a passive one ("APT28 is said to be run by …").
            let possessive = sentence[m.end..].starts_with(['\'', '’']);
            if !possessive && after_core.first().is_some_and(|w| DESCRIBED_NOUNS.contains(w)) {
                return Role::Victim;
            }
            let later_actor = matches[i + 1..].iter().any(|o| o.actor != m.actor);
            let accuses = after_core.iter().take(6).enumerate().any(|(k, w)| {
                ACCUSE.contains(w)
                    && (k == 0
                        || !AUXILIARIES.contains(&after_core[k - 1])
                        || after_core[k - 1] == "has"
                        || after_core[k - 1] == "have")
            });
            if later_actor && accuses {
                return Role::Accuser;
            }
            Role::Blamed
        })
        .collect()
}

/// Whether a sentence has denial wording.
pub fn has_denial_cue(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    DENIAL_CUES.iter().any(|c| lower.contains(c))
}

/// Whether a denial sentence speaks for one of the accused: it names one of
/// them (or their state), or refers to them ("the group", "the embassy").
pub fn denial_is_by_accused(
    sentence: &str,
    names_in_sentence: &[usize],
    accused: &BTreeSet<usize>,
    base: &ActorBase,
) -> bool {
    let accused_countries: BTreeSet<&str> =
        accused.iter().map(|&a| base.actors[a].country.as_str()).filter(|c| !c.is_empty()).collect();
    let named = names_in_sentence.iter().any(|a| {
        accused.contains(a) || {
            let info = &base.actors[*a];
            info.kind == "nation_state" && accused_countries.contains(info.country.as_str())
        }
    });
    if named {
        return true;
    }
    let lower = sentence.to_lowercase();
    !accused.is_empty() && names_in_sentence.is_empty() && ACCUSED_REFERENCES.iter().any(|r| lower.contains(r))
}

/// Attribution source types (TAXONOMY §2) named by wording in an evidence sentence.
pub fn sources(sentence: &str) -> Vec<&'static str> {
    const RULES: &[(&str, &[&str])] = &[
        (
            "legal",
            &[
                "charged",
                "indicted",
                "indictment",
                "sanction",
                "convicted",
                "sentenced",
                "pleaded",
                "prosecutor",
                "justice department",
                "department of justice",
                "court",
                "arrest",
                "warrant",
                "treasury",
                "extradit",
                "criminal complaint",
                "wanted",
            ],
        ),
        (
            "government",
            &[
                "ncsc",
                "cisa",
                "fbi",
                "nsa",
                "gchq",
                "mivd",
                "aivd",
                "bfv",
                "anssi",
                "bsi",
                "government",
                "ministry",
                "minister",
                "foreign office",
                "state department",
                "white house",
                "intelligence agenc",
                "intelligence service",
                "advisory",
                "prime minister",
                "president",
                "five eyes",
                "cyber command",
                "national security council",
                "security service",
                "police",
                "europol",
                "authorities",
                "agency",
            ],
        ),
        (
            "vendor",
            &[
                "researcher",
                "security firm",
                "security company",
                "cybersecurity company",
                "cybersecurity firm",
                "mandiant",
                "microsoft",
                "crowdstrike",
                "google",
                "eset",
                "kaspersky",
                "symantec",
                "sophos",
                "unit 42",
                "recorded future",
                "trend micro",
                "check point",
                "proofpoint",
                "secureworks",
                "talos",
                "sentinel",
                "analysts",
                "threat intelligence",
                "assess",
                "report",
                "we track",
                "tracked as",
                "attributed with",
            ],
        ),
        (
            "victim",
            &[
                "the company said",
                "the company confirmed",
                "company confirmed",
                "confirmed that",
                "in a statement",
                "told customers",
                "notified",
                "the hospital",
                "the council",
                "the university",
                "the firm said",
                "we have confirmed",
            ],
        ),
        (
            "self",
            &[
                "claimed",
                "claims responsibility",
                "took responsibility",
                "leak site",
                "telegram",
                "posted",
                "listed",
                "dark web",
                "data leak",
                "manifesto",
                "boasted",
            ],
        ),
        (
            "media",
            &[
                "according to people",
                "people familiar",
                "sources",
                "anonymous",
                "familiar with",
                "reported",
                "told reuters",
                "newspaper",
                "people briefed",
                "unnamed",
                "officials who",
                "on condition of",
            ],
        ),
    ];
    let lower = sentence.to_lowercase();
    RULES.iter().filter(|(_, cues)| cues.iter().any(|c| lower.contains(c))).map(|(name, _)| *name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(sentence: &str, name: &str, actor: usize) -> ActorMatch {
        let start = sentence.find(name).unwrap();
        ActorMatch { actor, start, end: start + name.len() }
    }

    #[test]
    fn victims_and_accusers_are_not_blamed() {
        let s = "Hackers targeted China's foreign ministry last week.";
        assert_eq!(roles(s, &[m(s, "China", 0)]), vec![Role::Victim]);

        let s = "Beijing accused Washington of hacking its universities.";
        assert_eq!(roles(s, &[m(s, "Beijing", 0), m(s, "Washington", 1)]), vec![Role::Accuser, Role::Blamed]);

        let s = "The US and UK charged and sanctioned APT31, run by China's Ministry of State Security.";
        let ms =
            [m(s, "US", 1), m(s, "UK", 2), m(s, "APT31", 3), m(s, "China", 0), m(s, "Ministry of State Security", 4)];
        assert_eq!(roles(s, &ms), vec![Role::Accuser, Role::Accuser, Role::Blamed, Role::Blamed, Role::Blamed]);

        let s = "Taiwan was targeted by APT41 on behalf of China.";
        assert_eq!(
            roles(s, &[m(s, "Taiwan", 5), m(s, "APT41", 6), m(s, "China", 0)]),
            vec![Role::Victim, Role::Blamed, Role::Blamed]
        );
    }

    #[test]
    fn states_describing_victims_or_speakers_are_not_blamed() {
        let s = "A US software maker disclosed that Midnight Blizzard accessed mailboxes.";
        assert_eq!(roles(s, &[m(s, "US", 1), m(s, "Midnight Blizzard", 2)]), vec![Role::Victim, Role::Blamed]);
        let s = "US officials said APT28 was behind the intrusion.";
        assert_eq!(roles(s, &[m(s, "US", 1), m(s, "APT28", 2)]), vec![Role::Victim, Role::Blamed]);
        let s = "Separately, the United States and the United Kingdom charged and sanctioned members of APT31.";
        let ms = [m(s, "United States", 1), m(s, "United Kingdom", 2), m(s, "APT31", 3)];
        assert_eq!(roles(s, &ms), vec![Role::Accuser, Role::Accuser, Role::Blamed]);
    }

    #[test]
    fn blame_phrasings_with_prepositions() {
        let s = "The outage was blamed on Russia by officials.";
        assert_eq!(roles(s, &[m(s, "Russia", 1)]), vec![Role::Blamed]);
        let s = "The EU imposed sanctions against the GRU over the attacks.";
        assert_eq!(roles(s, &[m(s, "GRU", 2)]), vec![Role::Blamed]);
        let s = "The wiper attacks on Ukraine continued.";
        assert_eq!(roles(s, &[m(s, "Ukraine", 3)]), vec![Role::Victim]);
    }

    #[test]
    fn co_actors_and_passives_are_not_accusers() {
        let s = "APT31 and APT40 targeted the parliament.";
        assert_eq!(roles(s, &[m(s, "APT31", 3), m(s, "APT40", 7)]), vec![Role::Blamed, Role::Blamed]);
        let s = "APT28 is said to be run by the GRU.";
        assert_eq!(roles(s, &[m(s, "APT28", 8), m(s, "GRU", 9)]), vec![Role::Blamed, Role::Blamed]);
        let s = "The UK has formally attributed the campaign to APT29.";
        assert_eq!(roles(s, &[m(s, "UK", 2), m(s, "APT29", 10)]), vec![Role::Accuser, Role::Blamed]);
    }

    #[test]
    fn subject_of_a_relative_clause_is_not_the_accuser() {
        let s = "APT31, which the US says is run by the MSS, struck again.";
        let ms = [m(s, "APT31", 3), m(s, "US", 1), m(s, "MSS", 4)];
        assert_eq!(roles(s, &ms), vec![Role::Blamed, Role::Accuser, Role::Blamed]);
    }

    #[test]
    fn source_cues() {
        assert_eq!(sources("The Justice Department charged seven hackers."), vec!["legal"]);
        assert!(sources("The NCSC said GRU officers were behind it.").contains(&"government"));
        assert!(sources("Researchers at ESET assess with moderate confidence that …").contains(&"vendor"));
        assert!(sources("LockBit listed the firm on its leak site.").contains(&"self"));
        assert!(sources("According to people familiar with the matter, APT29 did it.").contains(&"media"));
    }

    #[test]
    fn denial_cues() {
        assert!(has_denial_cue("The Kremlin rejected the allegations as baseless."));
        assert!(has_denial_cue("China routinely denies involvement in hacking."));
        assert!(!has_denial_cue("The NCSC attributed the attack to APT28."));
    }
}
