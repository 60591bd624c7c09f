//! Entity extraction: the shipped threat-actor gazetteer, and what the sidebar shows for the
//! seed articles and for plain business news.

use std::path::{Path, PathBuf};

use dossier::corpus::Article;
use dossier::extract::entities::{self, gazetteer};
use dossier::extract::{Entity, EntityKind, extract_corpus};

#[path = "common/shared.rs"]
mod shared_data;
use shared_data::path as shared;

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.to_string(),
        path: PathBuf::from(id),
        published: None,
        title: String::new(),
        source: None,
        text: text.to_string(),
    }
}

/// The seed articles, read from `seeds/` (the header line's date stripped).
fn seeds() -> Vec<Article> {
    let corpus = dossier::corpus::sample();
    if !corpus.articles.is_empty() {
        return corpus.articles;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).unwrap();
            let text = raw.trim_start();
            let text = text
                .strip_prefix("date ")
                .map(|t| t.get(11..).unwrap_or("").trim_start())
                .unwrap_or(text);
            article(&p.file_stem().unwrap().to_string_lossy(), text)
        })
        .collect()
}

fn find<'a>(entities: &'a [Entity], kind: EntityKind, name: &str) -> Option<&'a Entity> {
    entities.iter().find(|e| e.kind == kind && e.name == name)
}

#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared/data")]
fn shipped_gazetteer_is_what_misp_derives() {
    let source = shared("data/misp-galaxy-threat-actor.json");
    let misp = std::fs::read_to_string(&source).unwrap();
    let derived = gazetteer::derive_gazetteer(&misp).unwrap();
    let json = gazetteer::to_asset_json(&derived).unwrap();
    let asset = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/threat-actors.json");
    if std::env::var("DOSSIER_REGEN_GAZETTEER").is_ok_and(|v| v == "1") {
        std::fs::write(&asset, &json).unwrap();
    }
    let shipped = std::fs::read_to_string(&asset).unwrap();
    assert!(
        shipped == json,
        "assets/threat-actors.json differs from what derive_gazetteer makes of {}; \
         regenerate with DOSSIER_REGEN_GAZETTEER=1 cargo test --test entities",
        source.display()
    );
}

#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared/data")]
fn derivation_keeps_lazarus_subgroups() {
    let misp = std::fs::read_to_string(shared("data/misp-galaxy-threat-actor.json")).unwrap();
    let g = gazetteer::derive_gazetteer(&misp).unwrap();
    let get = |n: &str| g.iter().find(|a| a.name == n);
    let lazarus = get("Lazarus Group").expect("Lazarus Group");
    assert_eq!(lazarus.parent, None);
    assert!(lazarus.synonyms.iter().any(|s| s == "Lazarus"));
    assert!(lazarus.synonyms.iter().any(|s| s == "Hidden Cobra"));
    for sub in ["APT38", "Andariel", "TraderTraitor"] {
        let a = get(sub).unwrap_or_else(|| panic!("{sub} missing"));
        assert_eq!(a.parent.as_deref(), Some("Lazarus Group"), "{sub}");
    }
    let apt38 = get("APT38").unwrap();
    assert!(apt38.synonyms.iter().any(|s| s == "Bluenoroff"));
    assert!(
        !lazarus
            .synonyms
            .iter()
            .any(|s| s == "APT38" || s == "Andariel")
    );
    assert_eq!(get("TA406").unwrap().parent.as_deref(), Some("Kimsuky"));
    // Common words and short tokens are not names to look for.
    for a in &g {
        for s in &a.synonyms {
            assert!(gazetteer::is_matchable(s), "{s} of {}", a.name);
        }
    }
}

#[test]
fn subgroups_resolve_to_their_umbrella() {
    let text = "Researchers blamed APT38, also called BlueNoroff, and Andariel. \
                Kimsuky was not involved; the Lazarus hackers were.";
    let found = entities::find(&article("t", text));
    let get = |surface: &str| found.iter().find(|m| m.surface == surface).unwrap();
    assert_eq!(get("APT38").canonical, "APT38");
    assert_eq!(get("APT38").parent.as_deref(), Some("Lazarus Group"));
    assert_eq!(get("BlueNoroff").canonical, "APT38");
    assert_eq!(get("Andariel").parent.as_deref(), Some("Lazarus Group"));
    assert_eq!(get("Lazarus").canonical, "Lazarus Group");
    assert_eq!(get("Kimsuky").kind, EntityKind::ThreatActor);
    // Character offsets, not bytes.
    let t = "€81m – Lazarus hackers struck";
    let m = entities::find(&article("u", t));
    let l = m.iter().find(|m| m.canonical == "Lazarus Group").unwrap();
    assert_eq!((l.start, l.end), (7, 14));
}

#[test]
fn places_merge_variants_and_respect_case() {
    let text = "The U.S. and the UK said the DPRK and North Korean hackers hit America. \
                Pyongyang's demand was rejected in Seoul. Michael Jordan met us in Chad. \
                The Federal Reserve Bank of New York lost money.";
    let found = entities::find(&article("t", text));
    let canon = |surface: &str| {
        found
            .iter()
            .find(|m| m.surface == surface)
            .map(|m| (m.kind, m.canonical.as_str()))
    };
    assert_eq!(canon("U.S."), Some((EntityKind::Location, "United States")));
    assert_eq!(
        canon("America"),
        Some((EntityKind::Location, "United States"))
    );
    assert_eq!(canon("UK"), Some((EntityKind::Location, "United Kingdom")));
    assert_eq!(canon("DPRK"), Some((EntityKind::Location, "North Korea")));
    assert_eq!(
        canon("North Korean"),
        Some((EntityKind::Location, "North Korea"))
    );
    assert_eq!(
        canon("Pyongyang"),
        Some((EntityKind::Location, "North Korea"))
    );
    assert_eq!(canon("Seoul"), Some((EntityKind::Location, "Seoul")));
    assert_eq!(canon("Chad"), Some((EntityKind::Location, "Chad")));
    assert_eq!(canon("Jordan"), None);
    assert_eq!(canon("us"), None);
    assert_eq!(
        canon("Federal Reserve Bank of New York"),
        Some((EntityKind::Organization, "Federal Reserve Bank of New York"))
    );
    assert_eq!(canon("New York"), None);
}

#[test]
fn seeds_yield_the_expected_entities() {
    let articles = seeds();
    assert!(articles.len() >= 2);
    let ex = extract_corpus(&articles);
    let e = &ex.entities;
    use EntityKind::*;
    let expected = [
        (ThreatActor, "Lazarus Group"),
        (Person, "Kim Jong Un"),
        (Person, "Donald Trump"),
        (Person, "Anthony Ferrante"),
        (Person, "John Demers"),
        (Organization, "FBI"),
        (Organization, "CNN"),
        (Organization, "FTI Consulting"),
        (Organization, "UN Security Council"),
        (Organization, "Reuters"),
        (Organization, "Justice Department"),
        (Location, "North Korea"),
        (Location, "United States"),
        (Location, "Bangladesh"),
        (Location, "Taiwan"),
    ];
    for (kind, name) in expected {
        assert!(find(e, kind, name).is_some(), "{kind:?} {name} missing");
    }
    // Aliases merged into one entity.
    let fbi = find(e, Organization, "FBI").unwrap();
    assert!(
        fbi.aliases
            .iter()
            .any(|a| a.contains("Federal Bureau of Investigation"))
    );
    let doj = find(e, Organization, "Justice Department").unwrap();
    assert!(doj.aliases.iter().any(|a| a == "US Justice Department"));
    // Surnames resolve to the full name given in the same article.
    assert!(
        find(e, Person, "John Demers")
            .unwrap()
            .aliases
            .contains(&"Demers".to_string())
    );
    assert!(find(e, Person, "Donald Trump").unwrap().mention_count >= 5);
    // Precision: no person from captions, headline fragments, months or weekdays.
    let people: Vec<&str> = e
        .iter()
        .filter(|x| x.kind == Person)
        .map(|x| x.name.as_str())
        .collect();
    for bad in [
        "Read",
        "Watch",
        "Permalink",
        "Trump Kim",
        "Handshake",
        "Demers",
        "Trump",
        "Kim",
    ] {
        assert!(!people.contains(&bad), "person {bad:?} in {people:?}");
    }
    for p in &people {
        for w in p.split(' ') {
            assert!(
                ![
                    "January",
                    "February",
                    "March",
                    "June",
                    "Monday",
                    "Wednesday",
                    "Thursday"
                ]
                .contains(&w),
                "person {p:?}"
            );
        }
    }
    assert!(find(e, Location, "New York").is_none());
}

/// Plain business, sport and politics news: threat actors should be next to absent.
#[test]
#[cfg_attr(no_shared_data, ignore = "needs ../shared/corpus")]
fn bbc_news_has_almost_no_threat_actors() {
    let dirs = std::fs::read_dir(shared("corpus/bbc")).unwrap();
    let mut articles = Vec::new();
    for d in dirs.flatten().filter(|d| d.path().is_dir()) {
        for f in std::fs::read_dir(d.path()).unwrap().flatten() {
            if let Ok(text) = std::fs::read_to_string(f.path()) {
                articles.push(article(&f.path().display().to_string(), &text));
            }
        }
    }
    assert!(articles.len() > 2000);
    let mut actors = Vec::new();
    for a in &articles {
        for m in entities::find(a) {
            if m.kind == EntityKind::ThreatActor {
                actors.push(format!("{} ({})", m.surface, a.id));
            }
        }
    }
    assert!(
        actors.len() <= 5,
        "{} threat actors: {actors:?}",
        actors.len()
    );
}

#[test]
fn people_need_a_person_context_and_surnames_resolve() {
    let text = "Read more: Watch Video. On Monday, Jane Okafor, a researcher at Elliptic, said \
                the Hong Kong-based exchange lost funds in March. Okafor added that Deutsche \
                Boerse was not involved. Finance Minister Taro Aso agreed. Mr Aso left. \
                Standard Chartered said nothing.";
    let found = entities::find(&article("t", text));
    let people: Vec<(&str, &str)> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| (m.surface.as_str(), m.canonical.as_str()))
        .collect();
    assert!(
        people.contains(&("Jane Okafor", "Jane Okafor")),
        "{people:?}"
    );
    assert!(people.contains(&("Okafor", "Jane Okafor")), "{people:?}");
    assert!(people.contains(&("Taro Aso", "Taro Aso")), "{people:?}");
    assert!(people.contains(&("Aso", "Taro Aso")), "{people:?}");
    for (surface, _) in &people {
        for bad in [
            "Read", "Watch", "Monday", "March", "Hong", "Boerse", "Standard", "Finance",
        ] {
            assert!(!surface.contains(bad), "{surface:?} in {people:?}");
        }
    }
}
