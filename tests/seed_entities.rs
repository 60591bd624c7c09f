//! The names of the two seed articles (the sample corpus every new user opens first): each one
//! found with its kind, and none invented. The expected lists were written by reading the seeds.

use dossier::corpus;
use dossier::extract::{EntityKind, EntityMention, entities};

use EntityKind::{Location as Place, Organization as Org, Person, ThreatActor as Actor};

/// Each expected name: its kind and its accepted spellings ("a|b", as the entity labels).
const SEED_000: &[(EntityKind, &str)] = &[
    (Place, "Moscow"),
    (Place, "North Korea|N Korea"),
    (Place, "United States|US"),
    (Place, "Pyongyang"),
    (Place, "Hanoi"),
    (Place, "Vietnam"),
    (Place, "United Kingdom|UK"),
    (Place, "Korean Peninsula"),
    (Org, "Sputnik"),
    (Org, "CNN"),
    (Org, "FBI"),
    (Org, "White House"),
    (Org, "FTI Consulting"),
    (Org, "AFP"),
    (Org, "US Justice Department|Justice Department"),
    (Org, "UN|United Nations"),
    (Person, "Anthony Ferrante"),
    (Person, "Paul J. Richards|Paul J Richards"),
    (Person, "John Demers|Demers"),
    (Person, "Donald Trump|Trump"),
    (Person, "Kim Jong Un"),
    (Person, "Ri Yong Ho"),
];

/// Names a reader could list either way: found or not, they are not counted as invented.
const SEED_000_EITHER: &[&str] = &["Health Service"];

const SEED_004: &[(EntityKind, &str)] = &[
    (
        Place,
        "North Korea|DPRK|Democratic People's Republic of Korea",
    ),
    (Place, "Singapore"),
    (Place, "Hanoi"),
    (Place, "Vietnam"),
    (Place, "South Korea"),
    (Place, "Korean Peninsula"),
    (Place, "Washington"),
    (Place, "Pyongyang"),
    (Place, "Seoul"),
    (Place, "China"),
    (Place, "Germany"),
    (Place, "Bangladesh"),
    (Place, "Taiwan"),
    (Place, "Kuala Lumpur"),
    (Place, "Tokyo"),
    (Place, "United States|US"),
    (Place, "Demilitarized Zone|DMZ"),
    (Org, "UN Security Council"),
    (Org, "Reuters"),
    (Org, "UN|United Nations"),
    (Org, "38 North"),
    (Org, "Federal Reserve Bank of New York"),
    (Org, "Far Eastern|Far Eastern bank"),
    (Org, "Sony"),
    (
        Org,
        "Federal Bureau of Investigation|FBI|US Federal Bureau of Investigation",
    ),
    (Org, "Center for Strategic and International Studies|CSIS"),
    (Org, "DW"),
    (Org, "National Intelligence Service|NIS"),
    (Person, "Donald Trump|Trump"),
    (Person, "Kim Jong Un|Kim"),
    (Person, "Moon Jae-in"),
    (Person, "Shamil Shams"),
    (Person, "James Lewis"),
    (Person, "Hwang Jang Yop|Hwang"),
    (Person, "Jang Song Thaek"),
    (Person, "Hyon Yong Chol|Hyon"),
    (Person, "Park Sang Hak|Park"),
    (Person, "Kim Jong Nam"),
    (Person, "Xi"),
    (Actor, "Lazarus Group|Lazarus"),
];

/// The share buttons under an embedded video and a theme park: names, but of no kind a
/// reader would insist on.
const SEED_004_EITHER: &[&str] = &[
    "Facebook",
    "Whatsapp",
    "Tumblr",
    "Digg",
    "reddit",
    "Newsvine",
    "google+",
    "linkedin",
    "stumble",
    "Disneyland",
    "p.dw.com",
];

fn norm(s: &str) -> String {
    s.trim()
        .trim_end_matches('.')
        .replace('’', "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn mentions(prefix: &str) -> Vec<EntityMention> {
    let sample = corpus::sample();
    let article = sample
        .articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} is not in the sample corpus"));
    entities::find(article)
}

/// Whether a mention is one of `spellings` ("a|b").
fn is(m: &EntityMention, spellings: &str) -> bool {
    spellings
        .split('|')
        .any(|s| norm(s) == norm(&m.canonical) || norm(s) == norm(&m.surface))
}

fn check(prefix: &str, expected: &[(EntityKind, &str)], either: &[&str]) {
    let found = mentions(prefix);
    let missing: Vec<String> = expected
        .iter()
        .filter(|(kind, names)| !found.iter().any(|m| m.kind == *kind && is(m, names)))
        .map(|(kind, names)| format!("{kind:?} {names}"))
        .collect();
    let mut invented: Vec<String> = found
        .iter()
        .filter(|m| {
            !expected
                .iter()
                .any(|(kind, names)| m.kind == *kind && is(m, names))
                && !either.iter().any(|n| is(m, n))
        })
        .map(|m| format!("{:?} {} ({})", m.kind, m.canonical, m.surface))
        .collect();
    invented.dedup();
    assert!(
        missing.is_empty() && invented.is_empty(),
        "seed {prefix}: missing {missing:#?}\ninvented or mistyped {invented:#?}"
    );
}

#[test]
fn seed_000_names_every_person_firm_and_place_and_invents_none() {
    check("000_", SEED_000, SEED_000_EITHER);
}

#[test]
fn seed_004_names_every_person_firm_place_and_actor_and_invents_none() {
    check("004_", SEED_004, SEED_004_EITHER);
}
