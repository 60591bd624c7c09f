//! Boundary and merging rules of entity extraction, on invented sentences: what a name's span
//! is, which kind it gets, and which mentions are one entity.

use std::path::PathBuf;

use dossier::corpus::Article;
use dossier::extract::entities;
use dossier::extract::{EntityKind, EntityMention, extract_corpus};

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

fn find(text: &str) -> Vec<EntityMention> {
    entities::find(&article("t", text))
}

/// (surface, kind, canonical) of every mention.
fn triples(found: &[EntityMention]) -> Vec<(String, EntityKind, String)> {
    found
        .iter()
        .map(|m| (m.surface.clone(), m.kind, m.canonical.clone()))
        .collect()
}

fn canonical_of(found: &[EntityMention], surface: &str) -> Option<(EntityKind, String)> {
    found
        .iter()
        .find(|m| m.surface == surface)
        .map(|m| (m.kind, m.canonical.clone()))
}

/// The rules alone, without the model: for rules the model might otherwise cover by shape.
fn find_by_rules(text: &str) -> Vec<EntityMention> {
    entities::find_with(&article("t", text), &entities::model::Model::default())
}

/// A stub model that types every proposed name as `kind` (through the feature every name
/// has), so that a rule of the model path must overrule it to pass.
fn typing_every_name_as(kind: EntityKind) -> entities::model::Model {
    use entities::model::{CLASSES, Model, hash};
    let weights: Vec<&str> = CLASSES
        .iter()
        .map(|c| if *c == Some(kind) { "9" } else { "0" })
        .collect();
    Model::parse(&format!(
        "threshold\t0.5\n{:x}\t{}\n",
        hash("b"),
        weights.join("\t")
    ))
}

/// Asserts that each surface is found with the kind.
fn assert_kinds(found: &[EntityMention], surfaces: &[&str], kind: EntityKind) {
    for surface in surfaces {
        assert_eq!(
            canonical_of(found, surface).map(|(k, _)| k),
            Some(kind),
            "{surface}: {:?}",
            triples(found)
        );
    }
}

#[test]
fn a_title_line_never_joins_the_first_line_of_the_body() {
    let found = find("Zorblax Protocol - Rekt II\nQuindar Protocol lost its vault.\n");
    for m in &found {
        assert!(!m.surface.contains('\n'), "{:?}", triples(&found));
        assert!(!m.canonical.contains("Rekt"), "{:?}", triples(&found));
    }
    assert_eq!(
        canonical_of(&found, "Quindar Protocol"),
        Some((EntityKind::Organization, "Quindar Protocol".into()))
    );
}

#[test]
fn sentence_openers_are_not_part_of_names() {
    let found = find(
        "So Zorblax Finance paused deposits. Today Zorblax Finance said funds were safe. \
         Meet Ana Ruiz, who found the bug.",
    );
    let names: Vec<&str> = found.iter().map(|m| m.canonical.as_str()).collect();
    assert!(names.contains(&"Zorblax Finance"), "{names:?}");
    assert!(names.contains(&"Ana Ruiz"), "{names:?}");
    for bad in ["So", "Today", "Meet"] {
        assert!(
            found.iter().all(|m| !m.surface.starts_with(bad)),
            "{bad}: {:?}",
            triples(&found)
        );
    }
}

#[test]
fn job_titles_are_not_part_of_names_nor_aliases() {
    let text = "Co-founder Ana Ruiz said the keys were safe. Congresswoman Ruiz said otherwise.";
    let found = find(text);
    let people: Vec<&EntityMention> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .collect();
    assert!(!people.is_empty(), "{:?}", triples(&found));
    for p in &people {
        assert_eq!(p.canonical, "Ana Ruiz", "{:?}", triples(&found));
        assert!(!p.surface.contains("Co-founder") && !p.surface.contains("Congresswoman"));
    }
    assert!(people.iter().any(|p| p.surface == "Ruiz"));
    let ex = extract_corpus(&[article("t", text)]);
    let ana = ex.entities.iter().find(|e| e.name == "Ana Ruiz").unwrap();
    assert!(
        ana.aliases.iter().all(|a| !a.contains("Congresswoman")),
        "{:?}",
        ana.aliases
    );
    // The titles become her roles, shown on hover.
    assert_eq!(ana.roles, vec!["Co-founder", "Congresswoman"]);
}

#[test]
fn an_apposition_gives_a_role_and_a_list_does_not() {
    let text = "Ana Ruiz, chief executive of Acme Finance, said the pool was drained. \
                Bo Lee, Cy Park and Di Wu signed the letter.";
    let ex = extract_corpus(&[article("t", text)]);
    let role = |name: &str| {
        ex.entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.roles.clone())
    };
    assert_eq!(
        role("Ana Ruiz"),
        Some(vec!["chief executive of Acme Finance".to_string()])
    );
    assert!(role("Bo Lee").is_none_or(|r| r.is_empty()));
}

#[test]
fn accented_names_are_whole() {
    let found = find("José Álvarez-Núñez said the bridge was drained. Álvarez-Núñez added more.");
    assert_eq!(
        canonical_of(&found, "José Álvarez-Núñez"),
        Some((EntityKind::Person, "José Álvarez-Núñez".into())),
        "{:?}",
        triples(&found)
    );
    assert_eq!(
        canonical_of(&found, "Álvarez-Núñez"),
        Some((EntityKind::Person, "José Álvarez-Núñez".into())),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_surname_links_to_the_nearest_full_name_before_it() {
    let text = "Maria Lopez said the wallet was empty. Lopez left early. \
                Later, Carmen Lopez said the keys had leaked. Lopez blamed an intern.";
    let found = find(text);
    let lopez: Vec<&str> = found
        .iter()
        .filter(|m| m.surface == "Lopez")
        .map(|m| m.canonical.as_str())
        .collect();
    assert_eq!(
        lopez,
        vec!["Maria Lopez", "Carmen Lopez"],
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_given_name_alone_links_to_the_full_name_before_it() {
    let text = "Steve Weinstein, an executive at the firm, said the copies were unlawful. \
                \"We will fight this,\" said Steve, who joined in 2001.";
    let found = find(text);
    let steve = canonical_of(&found, "Steve");
    assert!(
        steve.is_none() || steve == Some((EntityKind::Person, "Steve Weinstein".into())),
        "{:?}",
        triples(&found)
    );
    let people: std::collections::BTreeSet<&str> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| m.canonical.as_str())
        .collect();
    assert_eq!(people, ["Steve Weinstein"].into(), "{:?}", triples(&found));
}

#[test]
fn hyphen_and_case_variants_and_defined_abbreviations_merge() {
    let text = "Ana Ruiz-Vega (ARV) said the pool was safe. Ana Ruiz Vega said more later. \
                ARV declined to comment.";
    let found = find(text);
    for m in found.iter().filter(|m| m.kind == EntityKind::Person) {
        assert_eq!(m.canonical, "Ana Ruiz-Vega", "{:?}", triples(&found));
    }
    let arv: Vec<&EntityMention> = found.iter().filter(|m| m.surface == "ARV").collect();
    assert_eq!(arv.len(), 2, "{:?}", triples(&found));
    assert!(arv.iter().all(|m| m.canonical == "Ana Ruiz-Vega"));

    // Across articles, variants are one entity.
    let ex = extract_corpus(&[
        article("a", "Ana Ruiz-Vega said the pool was safe."),
        article("b", "Ana Ruiz Vega said the pool was not safe."),
    ]);
    let people: Vec<&str> = ex
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, vec!["Ana Ruiz-Vega"]);
}

#[test]
fn a_demonym_after_a_given_name_is_a_surname() {
    let found = find("Investor Mark Cuban said he lost money. Cuban cigars were seized in Havana.");
    assert_eq!(
        canonical_of(&found, "Mark Cuban"),
        Some((EntityKind::Person, "Mark Cuban".into())),
        "{:?}",
        triples(&found)
    );
    let cuba: Vec<&EntityMention> = found.iter().filter(|m| m.canonical == "Cuba").collect();
    assert_eq!(cuba.len(), 1, "{:?}", triples(&found));
    assert_eq!(cuba[0].surface, "Cuban");
    assert!(cuba[0].start > 30);
}

#[test]
fn a_city_is_its_own_location_under_its_country() {
    let found = find("The exchange moved to Osaka. Officials in Seoul were told. Seoul said no.");
    let osaka = found.iter().find(|m| m.surface == "Osaka").unwrap();
    assert_eq!(
        (osaka.kind, osaka.canonical.as_str()),
        (EntityKind::Location, "Osaka")
    );
    assert_eq!(osaka.parent.as_deref(), Some("Japan"));
    let seoul: Vec<(&str, Option<&str>)> = found
        .iter()
        .filter(|m| m.surface == "Seoul")
        .map(|m| (m.canonical.as_str(), m.parent.as_deref()))
        .collect();
    // As a place it is the city; standing for the state it is the country.
    assert_eq!(
        seoul,
        vec![("Seoul", Some("South Korea")), ("South Korea", None)]
    );
}

#[test]
fn a_language_named_after_a_city_is_not_a_place() {
    let found = find("The verifier is written in Cairo code; its Cairo contracts were audited.");
    assert!(
        found.iter().all(|m| m.kind != EntityKind::Location),
        "{:?}",
        triples(&found)
    );
    let found = find("The auditors met in Cairo last week.");
    assert_eq!(
        canonical_of(&found, "Cairo"),
        Some((EntityKind::Location, "Cairo".into()))
    );
}

#[test]
fn an_ordinary_looking_actor_alias_needs_attacker_context() {
    // "Bluenoroff" is a threat-actor alias of the shipped gazetteer; here it names a pool.
    let plain = find("Bluenoroff lending pool raised its interest rate. Bluenoroff pays 4%.");
    assert!(
        plain.iter().all(|m| m.kind != EntityKind::ThreatActor),
        "{:?}",
        triples(&plain)
    );
    let attack = find(
        "Investigators attributed the theft to Bluenoroff. Weeks later, Bluenoroff struck again.",
    );
    let actors = attack
        .iter()
        .filter(|m| m.kind == EntityKind::ThreatActor)
        .count();
    assert_eq!(actors, 2, "{:?}", triples(&attack));
    // Near a hack, but as the first word of a longer name, it is the product, not the group.
    let vault = find("Funds just got hacked: they were taken from the Bluenoroff Quorra Vault.");
    assert!(
        vault.iter().all(|m| m.kind != EntityKind::ThreatActor),
        "{:?}",
        triples(&vault)
    );
    let heist = find("This has the hallmarks of a Bluenoroff heist.");
    assert_eq!(
        canonical_of(&heist, "Bluenoroff").map(|(k, _)| k),
        Some(EntityKind::ThreatActor)
    );
    // A name with a digit is specific enough on its own.
    let apt = find("APT38 was named in the report.");
    assert_eq!(apt[0].kind, EntityKind::ThreatActor);
}

#[test]
fn one_word_organisations_are_typed_from_their_context() {
    let found = find(
        "Zorblax, a decentralised exchange, halted withdrawals on Monday. \
         The CEO of Zorblax said the exploit drained its hot wallet. \
         Users of Zorblax were told to revoke approvals.",
    );
    let z: Vec<EntityKind> = found
        .iter()
        .filter(|m| m.surface == "Zorblax")
        .map(|m| m.kind)
        .collect();
    assert_eq!(
        z,
        vec![EntityKind::Organization; 3],
        "{:?}",
        triples(&found)
    );
    assert!(
        found
            .iter()
            .all(|m| m.surface != "Monday" && m.surface != "The CEO")
    );
}

#[test]
fn a_credit_line_names_people_by_their_handles_and_firms_by_their_names() {
    let found = find(
        "Quindar Protocol was drained.\n\nCredit: zorbhat, Vexlo Screener, qqvault.eth\n\n\
         As zorbhat pointed out, the oracle was stale.",
    );
    let people: Vec<&EntityMention> = found.iter().filter(|m| m.canonical == "zorbhat").collect();
    assert_eq!(people.len(), 2, "{:?}", triples(&found));
    assert!(people.iter().all(|m| m.kind == EntityKind::Person));
    assert_eq!(
        canonical_of(&found, "qqvault.eth"),
        Some((EntityKind::Person, "qqvault.eth".into()))
    );
    // Every item is a name, whatever the model makes of its shape.
    let item = canonical_of(&found, "Vexlo Screener");
    assert!(
        item.as_ref()
            .is_some_and(|(k, _)| *k != EntityKind::Location),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_noun_before_a_name_or_a_titled_person_after_it_says_it_is_an_organisation() {
    let found = find(
        "Shares in state-controlled oil company Rosalind fell. Technology companies Bernard, \
         Quorra and Tamblin joined. Wallet provider Mabel warned users. \
         Helvane's CEO, Mert Quill, said so; Tarvos co-founder Sunny Brack agreed.",
    );
    for name in [
        "Rosalind", "Bernard", "Quorra", "Tamblin", "Mabel", "Helvane", "Tarvos",
    ] {
        assert_eq!(
            canonical_of(&found, name),
            Some((EntityKind::Organization, name.into())),
            "{:?}",
            triples(&found)
        );
    }
}

#[test]
fn handles_and_domains_of_known_organisations_are_those_organisations() {
    let found = find(
        "Funds went to @TornadoCash, then again to @tornado_cash. \
         Users revoked approvals via zorbrevoke.cash, see https://zorbrevoke.cash/faq.",
    );
    assert_eq!(
        canonical_of(&found, "@TornadoCash"),
        Some((EntityKind::Organization, "Tornado Cash".into()))
    );
    assert_eq!(
        canonical_of(&found, "@tornado_cash"),
        Some((EntityKind::Organization, "Tornado Cash".into()))
    );
    let domains: Vec<&EntityMention> = found
        .iter()
        .filter(|m| m.surface == "zorbrevoke.cash")
        .collect();
    assert_eq!(domains.len(), 1, "{:?}", triples(&found));
    assert_eq!(domains[0].kind, EntityKind::Organization);
}

#[test]
fn a_place_inside_a_longer_name_is_no_mention_of_the_place() {
    let found = find(
        "Zorblax striker Ana Ruiz left Real Madrid for Manchester City. \
         The Inner Mongolia Quarn Dairy fell, and the MTV Europe Awards were held in Rome.",
    );
    let places: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Location)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(places, ["Rome"], "{:?}", triples(&found));
}

#[test]
fn parties_are_organisations_and_an_acronym_organisation_takes_the_words_of_its_part() {
    let found = find(
        "The Tories and the Lib Dems attacked Labour. Ana Ruiz told BBC World Service that \
         FBI Director Quentin Vale was wrong.",
    );
    for (surface, canonical) in [
        ("Tories", "Conservative Party"),
        ("Lib Dems", "Liberal Democrats"),
        ("Labour", "Labour Party"),
        ("BBC World Service", "BBC World Service"),
        ("FBI", "FBI"),
    ] {
        assert_eq!(
            canonical_of(&found, surface),
            Some((EntityKind::Organization, canonical.into())),
            "{:?}",
            triples(&found)
        );
    }
}

#[test]
fn cities_of_the_geonames_table_are_places_under_their_country_and_a_town_with_a_plural_verb_is_its_club()
 {
    let found = find("The exchange moved its desk from Kunming to Brighton, then to Tennessee.");
    for (surface, parent) in [
        ("Kunming", "China"),
        ("Brighton", "United Kingdom"),
        ("Tennessee", "United States"),
    ] {
        let m = found.iter().find(|m| m.surface == surface);
        assert_eq!(
            m.map(|m| (m.kind, m.parent.as_deref())),
            Some((EntityKind::Location, Some(parent))),
            "{:?}",
            triples(&found)
        );
    }
    let sport = find("Brighton have joined the race for the striker. Fans in Brighton cheered.");
    let kinds: Vec<EntityKind> = sport
        .iter()
        .filter(|m| m.surface == "Brighton")
        .map(|m| m.kind)
        .collect();
    assert_eq!(
        kinds,
        [EntityKind::Organization, EntityKind::Organization],
        "{:?}",
        triples(&sport)
    );
    // The opponent a club faces is a club too; a campaign against a city leaves it a place.
    let opponent = find("The holders face Kunming at home in March.");
    assert_kinds(&opponent, &["Kunming"], EntityKind::Organization);
    let campaign = find("Protesters marched against Kunming in March.");
    assert_kinds(&campaign, &["Kunming"], EntityKind::Location);
    let visit = find("The president visits Kunming in March.");
    assert_kinds(&visit, &["Kunming"], EntityKind::Location);
}

#[test]
fn a_byline_names_its_author_and_a_sentence_opening_with_by_does_not() {
    let found = find_by_rules(
        "Zorblax exchange hacked\n\nBy Ionela Vastrow / August 8, 2022\n\n\
     By Tuesday Marbel Ganz had left.",
    );
    assert_eq!(
        canonical_of(&found, "Ionela Vastrow"),
        Some((EntityKind::Person, "Ionela Vastrow".into())),
        "{:?}",
        triples(&found)
    );
    assert!(
        found.iter().all(|m| !m.surface.contains("Tuesday")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn mac_names_particles_generational_suffixes_and_given_names_of_other_countries_make_whole_people()
{
    let found = find_by_rules(
        "Ulrich Zorbandt warned the board. Ana MacQuorrie reviewed the code with \
         Tomas McVandry. The trustee, Bram Kollet III, took over. Pieter van Zorbeek \
         and Roberto De Quindar left.",
    );
    for name in [
        "Ulrich Zorbandt",
        "Ana MacQuorrie",
        "Tomas McVandry",
        "Bram Kollet III",
        "Pieter van Zorbeek",
        "Roberto De Quindar",
    ] {
        assert_eq!(
            canonical_of(&found, name),
            Some((EntityKind::Person, name.into())),
            "{:?}",
            triples(&found)
        );
    }
}

#[test]
fn places_after_an_opener_before_an_acronym_and_multi_word_states_are_places() {
    let found = find(
        "As Washington weighed sanctions, the Brussels IAAF meeting went ahead. The US TV \
         network Zorblax said a storm hit North Carolina. A branch in Harbin closed.",
    );
    assert_kinds(
        &found,
        &["Washington", "Brussels", "US", "North Carolina", "Harbin"],
        EntityKind::Location,
    );
    // Abbreviations the table lists, and the euro area.
    let found = find("Funds moved from HK to NYC while the Eurozone watched.");
    assert_kinds(&found, &["HK", "NYC", "Eurozone"], EntityKind::Location);
    // A crypto word after the place makes one organisation's name.
    let found = find("The Zorblax DAO and the Ukraine DAO both voted.");
    assert!(
        canonical_of(&found, "Ukraine").is_none(),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn one_word_after_a_persons_role_or_beside_the_writer_is_a_person() {
    let found = find_by_rules(
        "Zorblax CEO Quenty did a breakdown. Founder Marvek's defence was thin. Tolvan and I \
         looked at each other. Secretary of State Brindle spoke. The games developer \
         Quindarsoft has unveiled software.",
    );
    assert_kinds(
        &found,
        &["Quenty", "Marvek", "Tolvan", "Brindle"],
        EntityKind::Person,
    );
    // A developer may be a firm: one word after it is not taken for a person.
    assert_ne!(
        canonical_of(&found, "Quindarsoft").map(|(kind, _)| kind),
        Some(EntityKind::Person),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn public_bodies_keep_and_for_and_of_inside_their_names_and_lists_stay_apart() {
    let found = find_by_rules(
        "The Department for Zorbs and Pensions wrote to the Quindar Gaming and Lottery \
         Commission. The Writers Guild of Zorbania objected. Zorbly and Quindar Finance were \
         both drained, said the Tolvan Films spokesman.",
    );
    assert_kinds(
        &found,
        &[
            "Department for Zorbs and Pensions",
            "Quindar Gaming and Lottery Commission",
            "Writers Guild of Zorbania",
            "Tolvan Films",
        ],
        EntityKind::Organization,
    );
    // "and" in a list of firms joins no name.
    assert!(
        found.iter().all(|m| !m.canonical.contains("Zorbly and")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn in_a_crypto_story_the_name_before_rekt_or_exploit_is_the_victim_firm() {
    // A given name, which the model alone would take for a person.
    let found = find(
        "Marla - Rekt\n\nThe Marla exploit drained the liquidity pools: the DeFi protocol on \
         Ethereum lost its bridge tokens, and the attacker swapped them on a DEX.",
    );
    assert_eq!(
        canonical_of(&found, "Marla").map(|(kind, _)| kind),
        Some(EntityKind::Organization),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_role_before_a_dash_or_a_capitalised_role_in_apposition_marks_a_person() {
    let found = find_by_rules(
        "The dropout founder - Yubar Quenlo, raised millions. The scam mimicked Nakos \
         Travoulides, the President of Zorbania.",
    );
    assert_kinds(
        &found,
        &["Yubar Quenlo", "Nakos Travoulides"],
        EntityKind::Person,
    );
}

#[test]
fn a_demonym_before_two_name_words_introduces_a_person() {
    let found = find_by_rules(
        "Tunisian Selvira Quarfi won in three sets. The Chinese Communist Party met.",
    );
    assert_eq!(
        canonical_of(&found, "Selvira Quarfi").map(|(kind, _)| kind),
        Some(EntityKind::Person),
        "{:?}",
        triples(&found)
    );
    assert!(
        found
            .iter()
            .all(|m| m.kind != EntityKind::Person || !m.surface.contains("Communist")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_firm_or_country_possessive_before_or_a_country_after_two_name_words_marks_a_person() {
    let found = find_by_rules(
        "As Zorbsec’s Yavin Quolo explains, the proxy was open. Keneso Abelar of Ethiopia \
         won the race. Apple's App Store and the Central Bank of Nigeria stayed quiet.",
    );
    assert_kinds(
        &found,
        &["Yavin Quolo", "Keneso Abelar"],
        EntityKind::Person,
    );
    for not_person in ["App Store", "Central Bank"] {
        assert_ne!(
            canonical_of(&found, not_person).map(|(kind, _)| kind),
            Some(EntityKind::Person),
            "{not_person}: {:?}",
            triples(&found)
        );
    }
}

#[test]
fn a_lone_organisation_word_is_no_organisation() {
    let found = find(
        "The Protocol said it would refund users. The Bank of Zorbania and Quindar Protocol \
         were drained on Ethereum by the attacker's exploit contract.",
    );
    assert!(
        found
            .iter()
            .all(|m| m.surface != "Protocol" && m.canonical != "Protocol"),
        "{:?}",
        triples(&found)
    );
    assert_eq!(
        canonical_of(&found, "Quindar Protocol").map(|(kind, _)| kind),
        Some(EntityKind::Organization),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn in_a_crypto_story_the_head_of_a_line_item_with_an_amount_is_a_project() {
    // Given names, which the model alone would take for people.
    let found = find(
        "Exchange hacked\n\nThe attacker drained hot wallets on Ethereum and swapped the tokens \
         on a DEX, then bridged to BSC.\n\n- Marla ~$76 million\n- Tobin - $1.2 million\n\
         Attacker Address: 0xabc\n",
    );
    assert_kinds(&found, &["Marla", "Tobin"], EntityKind::Organization);
    assert!(
        found
            .iter()
            .all(|m| !m.surface.contains("Attacker Address")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_noun_right_before_a_person_or_city_the_rules_found_makes_it_an_organisation() {
    let found = find(
        "Ana Ruiz of accountancy firm Gregor Thornbury said so. The milk firm Harbin sued. The \
         Child Support Agency Doug Smith left.",
    );
    assert_kinds(
        &found,
        &["Gregor Thornbury", "Harbin"],
        EntityKind::Organization,
    );
    // A capitalised noun ends a name: the person after it stays a person.
    assert_eq!(
        canonical_of(&found, "Doug Smith").map(|(kind, _)| kind),
        Some(EntityKind::Person),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn an_organisation_noun_after_a_specific_name_makes_it_an_organisation() {
    // Given names, which the model alone would take for people.
    let found = find(
        "Wilson signed the act to his Marla label. A Decentralised platform and the Cross-chain \
         bridge were also named.",
    );
    assert_eq!(
        canonical_of(&found, "Marla").map(|(kind, _)| kind),
        Some(EntityKind::Organization),
        "{:?}",
        triples(&found)
    );
    for word in ["Decentralised", "Cross-chain"] {
        assert!(
            canonical_of(&found, word).is_none(),
            "{word}: {:?}",
            triples(&found)
        );
    }
}

#[test]
fn a_product_named_after_a_known_firm_is_not_the_firm() {
    // A title line capitalises every word: there the firm stays ("Google Unveils…").
    let text = "Google Unveils Its Plan\n\
                The lure was a file on Google Drive, sent over Binance Smart Chain.\n\
                Google said it had removed it, and Binance CEO Ana Ruiz froze the funds.\n\
                Coinbase Exchange and Kraken V2 were not touched.";
    let second_line = text.find("The lure").unwrap_or(0) + "The lure".len();
    let found = find_by_rules(text);
    assert_kinds(&found, &["Coinbase", "Kraken"], EntityKind::Organization);
    let google_first = found
        .iter()
        .find(|m| m.surface == "Google")
        .map(|m| m.start);
    assert_eq!(google_first, Some(0), "{:?}", triples(&found));
    for firm in ["Google", "Binance"] {
        let at: Vec<usize> = found
            .iter()
            .filter(|m| m.surface == firm && m.kind == EntityKind::Organization && m.start > 0)
            .map(|m| m.start)
            .collect();
        assert!(
            at.len() == 1 && at[0] > second_line,
            "{firm}: {:?}",
            triples(&found)
        );
    }
}

#[test]
fn a_role_in_apposition_or_brackets_and_a_post_signature_name_one_person() {
    let found = find_by_rules(
        "Zorbex's CEO, Quanlin, has been in custody since May.\n\
         Vell (our CTO) and Anatoli (our security expert) took control.\n\
         > funds are safu &mdash; Pipkin (@PipkinDefi) September 28, 2020\n",
    );
    assert_kinds(
        &found,
        &["Quanlin", "Vell", "Anatoli", "Pipkin"],
        EntityKind::Person,
    );
}

#[test]
fn a_first_name_alone_after_the_full_name_is_that_person_whatever_the_model_says() {
    // A model that calls every proposed name an organisation.
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Polygon founder Sandeep Nailwal explained his plan in an interview.\n\
                Not everyone will share Sandeep’s vision.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    let alone = found.iter().find(|m| m.surface == "Sandeep");
    assert_eq!(
        alone.map(|m| (m.kind, m.canonical.as_str())),
        Some((EntityKind::Person, "Sandeep Nailwal")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_lone_generic_or_ordinary_place_word_is_no_firm_but_a_proper_one_may_be() {
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Players made by Zorbex, Rio and Creative support it.\n\
                Fans at Beach and Bay clubs, and Bank staff, said nothing to Protocol users.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_kinds(&found, &["Rio"], EntityKind::Organization);
    for generic in ["Beach", "Bay", "Bank", "Protocol"] {
        assert!(
            canonical_of(&found, generic).is_none(),
            "{generic}: {:?}",
            triples(&found)
        );
    }
}

#[test]
fn a_versioned_product_of_a_firm_is_listed_as_the_firm() {
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "The attacker drained pools on Zorbswap V3 and then on Quindar V2/V3 as well.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_eq!(
        canonical_of(&found, "Zorbswap V3"),
        Some((EntityKind::Organization, "Zorbswap".to_string())),
        "{:?}",
        triples(&found)
    );
    // A slash parts "Quindar V2/V3"; the lone version names nothing.
    assert_eq!(
        canonical_of(&found, "Quindar V2"),
        Some((EntityKind::Organization, "Quindar".to_string())),
        "{:?}",
        triples(&found)
    );
    assert_eq!(canonical_of(&found, "V3"), None, "{:?}", triples(&found));
}

#[test]
fn the_name_after_a_role_and_of_or_at_is_the_employer() {
    // A model that calls every proposed name a person: the cue must overrule it.
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "We spoke to the community manager of Quorbix about the raid.\n\
                An analyst at Zelvane said the funds moved, and so did Pell.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(&found, &["Quorbix", "Zelvane"], EntityKind::Organization);
    assert_kinds(&found, &["Pell"], EntityKind::Person);
    // A place the model knows stays one: "the mayor of Quorbix".
    let place_for_all = typing_every_name_as(EntityKind::Location);
    let text = "The mayor of Quorbix said the roads were open again.";
    let found = entities::find_with(&article("t", text), &place_for_all);
    assert_kinds(&found, &["Quorbix"], EntityKind::Location);
}

#[test]
fn several_analysts_from_a_name_name_their_employer() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "It is unusual, wrote analysts from Quorbix Zell in a note to clients.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(&found, &["Quorbix Zell"], EntityKind::Organization);
}

#[test]
fn a_firm_written_by_its_first_word_alone_is_that_firm() {
    // A model that calls every proposed name a person: the article has said what it is.
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Quorbix Homes Corp said it would buy back stock.\n\
                Quorbix said the purchase will be made from time to time.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_eq!(
        canonical_of(&found, "Quorbix"),
        Some((EntityKind::Organization, "Quorbix Homes Corp".to_string())),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_town_written_as_a_place_before_a_plural_verb_is_the_town_not_its_club() {
    let found = find_by_rules(
        "By noon shares in London were down a penny, and shops in central London were full.",
    );
    assert_kinds(&found, &["London"], EntityKind::Location);
    // Without a place word before it, the plural verb still makes the town its club.
    let found = find_by_rules("Newcastle have joined the race for the striker.");
    assert_kinds(&found, &["Newcastle"], EntityKind::Organization);
}

#[test]
fn a_given_name_ending_a_place_opens_no_person_and_a_longer_name_is_not_the_place() {
    let found =
        find_by_rules("The charges were raised by New York Attorney General Ana Ruiz last week.");
    assert_kinds(&found, &["New York"], EntityKind::Location);
    assert!(
        found.iter().all(|m| !m.surface.starts_with("York")),
        "{:?}",
        triples(&found)
    );
    // "New York Jets": the place's words go on into another name; a weekday does not.
    let found = find_by_rules("A fan of the New York Jets called. He flew to New York Monday.");
    let places: Vec<&str> = found
        .iter()
        .filter(|m| m.kind == EntityKind::Location)
        .map(|m| m.surface.as_str())
        .collect();
    assert_eq!(places, ["New York"], "{:?}", triples(&found));
    assert!(
        found
            .iter()
            .any(|m| m.surface == "New York" && m.start > 30)
    );
}

#[test]
fn a_town_before_a_comma_and_a_us_state_is_a_place() {
    let found = find_by_rules(
        "Quorbix Corp, a Zellport, Fla., maker of plastic spoons, is located in Quent, Okla.\n\
         Pellmark Inc, Calif., did not comment.",
    );
    assert_kinds(&found, &["Zellport", "Quent", "Fla."], EntityKind::Location);
    assert_eq!(
        canonical_of(&found, "Fla."),
        Some((EntityKind::Location, "Florida".to_string()))
    );
    // A firm's name before the state is no town.
    assert!(
        found
            .iter()
            .all(|m| m.kind != EntityKind::Location || !m.surface.contains("Pellmark")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn seas_straits_regions_and_former_countries_are_places() {
    let found = find_by_rules(
        "Tankers crossing the Strait of Hormuz and the South China Sea avoided Siberia. \
         Trade with the Soviet Union and Yugoslavia grew, and we Brits noticed.",
    );
    assert_kinds(
        &found,
        &[
            "Strait of Hormuz",
            "South China Sea",
            "Siberia",
            "Soviet Union",
            "Yugoslavia",
        ],
        EntityKind::Location,
    );
    assert_eq!(
        canonical_of(&found, "Brits"),
        Some((EntityKind::Location, "United Kingdom".to_string())),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_treasurer_or_archbishop_title_is_no_part_of_the_name() {
    let found =
        find_by_rules("Rates will stay, said Treasurer Ana Quorbix. Archbishop Zell spoke.");
    assert_kinds(&found, &["Ana Quorbix", "Zell"], EntityKind::Person);
    assert!(
        found.iter().all(|m| !m.surface.contains("Treasurer")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_credit_rating_in_a_wire_story_is_no_name() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Moody's cut Quorbix Corp's debt to Ba-3 from Baa-2, affecting 50 mln dlrs.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    for rating in ["Ba-3", "Baa-2"] {
        assert!(
            canonical_of(&found, rating).is_none(),
            "{rating}: {:?}",
            triples(&found)
        );
    }
}

#[test]
fn a_surname_inside_a_longer_place_name_still_ends_a_persons_name() {
    // "Khan" and "Lopez" are words of longer places' names in the gazetteer.
    let found = find_by_rules("Ana Khan met Juan Lopez, who said nothing.");
    assert_kinds(&found, &["Ana Khan", "Juan Lopez"], EntityKind::Person);
}

#[test]
fn a_possessive_inside_a_firms_name_ending_in_a_legal_form_is_one_firm() {
    let found = find_by_rules(
        "Zorbaly and Quent's Corp rated it, and Quorbix's Investors Service Inc agreed.",
    );
    assert_kinds(
        &found,
        &[
            "Zorbaly and Quent's Corp",
            "Quorbix's Investors Service Inc",
        ],
        EntityKind::Organization,
    );
}

#[test]
fn and_inside_a_firms_name_ending_in_a_legal_form_is_one_firm() {
    let found = find_by_rules("Quorbix Oil and Gas Ltd rose.");
    assert_kinds(
        &found,
        &["Quorbix Oil and Gas Ltd"],
        EntityKind::Organization,
    );
}

#[test]
fn a_newspaper_by_its_short_title_after_the_is_an_organisation() {
    let found = find_by_rules("Ana Quorbix told the Guardian and the Sun that she would stay.");
    assert_kinds(
        &found,
        &["the Guardian", "the Sun"],
        EntityKind::Organization,
    );
    // The word alone is no paper.
    let found = find_by_rules("Sun and rain fell on Zelby.");
    assert!(
        canonical_of(&found, "Sun").is_none(),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_plural_possessive_before_a_body_word_is_part_of_its_name() {
    let found = find_by_rules(
        "The Quindar and General Bakers' Union called a strike. The Zorblax Glaziers' \
         Association met in March.",
    );
    assert_kinds(
        &found,
        &[
            "Quindar and General Bakers' Union",
            "Zorblax Glaziers' Association",
        ],
        EntityKind::Organization,
    );
    // No half of either name is left for anything else.
    assert!(
        found
            .iter()
            .all(|m| m.surface != "Bakers" && m.surface != "Union"),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_savings_and_loan_association_is_one_body() {
    let found = find_by_rules("Quindar Federal Savings and Loan Association raised its rate.");
    assert_kinds(
        &found,
        &["Quindar Federal Savings and Loan Association"],
        EntityKind::Organization,
    );
}

#[test]
fn dotted_initials_open_a_firms_name_but_a_places_are_not_the_bodys() {
    let found = find_by_rules(
        "Shares of Q.Z. Vollmar Group Inc rose after Q.Z. Vollmar and Co bid. The U.S. \
         Fisheries Department said little.",
    );
    assert_kinds(
        &found,
        &[
            "Q.Z. Vollmar Group Inc",
            "Q.Z. Vollmar and Co",
            "Fisheries Department",
        ],
        EntityKind::Organization,
    );
    // The place's initials are not the body's first word (the place is left to the place rules).
    assert!(
        found
            .iter()
            .all(|m| !m.surface.starts_with("U.S.") || m.kind == EntityKind::Location),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_pools_liquidity_token_is_no_firm_but_a_partnership_is() {
    let found = find_by_rules(
        "The attacker withdrew ZORB-WETH LP and QNX LP tokens, then V2 LP. Quindar Partners LP \
         bought the debt.",
    );
    for token in ["ZORB-WETH LP", "QNX LP", "V2 LP"] {
        assert!(
            found.iter().all(|m| m.surface != token),
            "{token}: {:?}",
            triples(&found)
        );
    }
    assert_kinds(&found, &["Quindar Partners LP"], EntityKind::Organization);
}

#[test]
fn a_singer_or_an_actor_named_by_one_word_is_a_person() {
    let found =
        find_by_rules("R&B singer Zorbina won twice, and actor Quindle, who hosted, did not.");
    assert_kinds(&found, &["Zorbina", "Quindle"], EntityKind::Person);
}

#[test]
fn platforms_are_organisations_also_in_lower_case_where_no_word_is_so_spelt() {
    let found = find_by_rules("The sales show on etherscan, and the team posted in its Discord.");
    assert_eq!(
        canonical_of(&found, "etherscan"),
        Some((EntityKind::Organization, "Etherscan".into())),
        "{:?}",
        triples(&found)
    );
    assert_kinds(&found, &["Discord"], EntityKind::Organization);
}

#[test]
fn a_known_body_opening_a_longer_bodys_name_is_part_of_it() {
    // "Senate" and "Daily Mail" are known; the committee and the trust are bodies of their own.
    let found = find_by_rules(
        "The Senate Quindar Affairs Committee met. Daily Mail & Zorblax Trust shares fell.",
    );
    assert_kinds(
        &found,
        &[
            "Senate Quindar Affairs Committee",
            "Daily Mail & Zorblax Trust",
        ],
        EntityKind::Organization,
    );
    // An acronym's part is still named by the acronym's words.
    let found = find_by_rules("He wrote for BBC News Online last year.");
    assert_kinds(&found, &["BBC News Online"], EntityKind::Organization);
}

#[test]
fn bros_ends_a_firms_name() {
    let found = find_by_rules("The film was sold to Quindar Bros last year.");
    assert_kinds(&found, &["Quindar Bros"], EntityKind::Organization);
}

#[test]
fn a_veteran_is_a_person_by_one_word() {
    let found = find_by_rules("Even crypto veteran Zorbo got burned, and lost it all.");
    assert_kinds(&found, &["Zorbo"], EntityKind::Person);
}

/// A model that takes every name for no name ("b", which every name has), and for `kind`
/// only through one feature.
fn typing_as_on(kind: EntityKind, feature: &str) -> entities::model::Model {
    use entities::model::{CLASSES, Model, hash};
    let row = |kind: Option<EntityKind>, w: &str| -> String {
        CLASSES
            .iter()
            .map(|c| if *c == kind { w } else { "0" })
            .collect::<Vec<_>>()
            .join("\t")
    };
    Model::parse(&format!(
        "threshold\t0.5\n{:x}\t{}\n{:x}\t{}\n",
        hash("b"),
        row(None, "4"),
        hash(feature),
        row(Some(kind), "9")
    ))
}

#[test]
fn a_pseudonym_is_read_with_the_persons_words_around_it() {
    let text = "The vault was drained. First spotted by Quilbo, as he poured one out for \
                holders. As Zarnik puts it, nobody reads the code. Velmor's vision was \
                different. Trondex paid the bounty to its users.";
    let kind_of = |feature: &str, name: &str| {
        entities::find_with(
            &article("t", text),
            &typing_as_on(EntityKind::Person, feature),
        )
        .iter()
        .find(|m| m.surface == name)
        .map(|m| m.kind)
    };
    assert_eq!(kind_of("pron_after", "Quilbo"), Some(EntityKind::Person));
    assert_eq!(kind_of("person_verb", "Zarnik"), Some(EntityKind::Person));
    assert_eq!(kind_of("person_poss", "Velmor"), Some(EntityKind::Person));
    for feature in ["pron_after", "person_verb", "person_poss"] {
        assert_eq!(kind_of(feature, "Trondex"), None, "{feature}");
    }
}

#[test]
fn a_name_followed_by_its_is_read_as_a_firm() {
    let text = "Quorvex began burning its own token. Zarnik sold his stake.";
    let found = entities::find_with(
        &article("t", text),
        &typing_as_on(EntityKind::Organization, "its_after"),
    );
    assert_eq!(
        canonical_of(&found, "Quorvex"),
        Some((EntityKind::Organization, "Quorvex".to_string()))
    );
    assert_eq!(canonical_of(&found, "Zarnik"), None);
}

#[test]
fn a_name_ending_in_dao_is_an_organisation() {
    let found = find_by_rules("Losses hit Quorvex DAO ($5M) and the Zell DAO treasury.");
    assert_kinds(
        &found,
        &["Quorvex DAO", "Zell DAO"],
        EntityKind::Organization,
    );
}

#[test]
fn a_known_organisation_in_another_case_is_that_organisation() {
    let text = "Funds went to Tornado cash. Links to the developers' github profiles were \
                posted, and the tornado season began.";
    let found = find_by_rules(text);
    assert_eq!(
        canonical_of(&found, "Tornado cash"),
        Some((EntityKind::Organization, "Tornado Cash".to_string()))
    );
    assert_eq!(
        canonical_of(&found, "github"),
        Some((EntityKind::Organization, "GitHub".to_string()))
    );
    assert_eq!(canonical_of(&found, "tornado"), None);
}

#[test]
fn a_persons_cue_at_one_mention_counts_for_every_mention() {
    let text = "Quilbo bought the tokens. Quilbo sold them. Quilbo left, and his wallet is empty. \
                Quilbo is back. Trondex paid.";
    let found = entities::find_with(
        &article("t", text),
        &typing_as_on(EntityKind::Person, "any&pron_after"),
    );
    assert!(
        found
            .iter()
            .filter(|m| m.surface == "Quilbo")
            .all(|m| m.kind == EntityKind::Person)
    );
    assert_eq!(found.iter().filter(|m| m.surface == "Quilbo").count(), 4);
    assert_eq!(canonical_of(&found, "Trondex"), None);
}

#[test]
fn a_quoted_persons_employer_after_at_or_of_is_an_organisation() {
    // A model that calls every proposed name a person: the cue must overrule it.
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "\"Prices will rise,\" said Ana Ruiz at Quorbix Zell on Monday.\n\
                Joseph Doyle of Vellar Brant agreed, and so did Pell Quandry.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbix Zell", "Vellar Brant"],
        EntityKind::Organization,
    );
    assert_kinds(&found, &["Ana Ruiz", "Pell Quandry"], EntityKind::Person);
    // A place the model knows stays one: "Ana Ruiz of Quorbix".
    let place_for_all = typing_every_name_as(EntityKind::Location);
    let text = "\"We will rebuild,\" said Ana Ruiz of Quorbix Zell.";
    let found = entities::find_with(&article("t", text), &place_for_all);
    assert_kinds(&found, &["Quorbix Zell"], EntityKind::Location);
}

#[test]
fn a_name_before_a_musicians_role_is_the_band() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Former Quorbix Zell singer Ana Ruiz won. The Vellar Brant guitarist told \
                reporters. Pell Quandry sang too.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbix Zell", "Vellar Brant"],
        EntityKind::Organization,
    );
    assert_kinds(&found, &["Ana Ruiz", "Pell Quandry"], EntityKind::Person);
}

#[test]
fn a_town_paired_with_a_known_place_is_a_place() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "The line ran from Quorbury to Edinburgh.\n\
                A bus from Leeds to Zellby is planned, and trains between Glasgow and \
                Vellmoor.\nIt ran from Pell Quandry to Dorrit Vance.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbury", "Zellby", "Vellmoor"],
        EntityKind::Location,
    );
    // Without a known place on the other side, nothing says they are towns.
    assert_kinds(
        &found,
        &["Pell Quandry", "Dorrit Vance"],
        EntityKind::Person,
    );
}

#[test]
fn dairy_centre_stations_banking_and_international_end_organisations() {
    let found = find_by_rules(
        "Quorbix Dairy sold milk at the Zelby Centre. Vellar Television Stations and Brant \
         Investment Banking agreed, said Quorbix Securities International.",
    );
    assert_kinds(
        &found,
        &[
            "Quorbix Dairy",
            "Zelby Centre",
            "Vellar Television Stations",
            "Brant Investment Banking",
            "Quorbix Securities International",
        ],
        EntityKind::Organization,
    );
}

#[test]
fn a_firm_named_like_a_person_after_a_person_and_at_is_the_employer() {
    // "Howard Quell" reads as a given name and a surname; after "David Anders at" it is a firm.
    let found = find_by_rules(
        "\"Supply will slow,\" said David Anders at Howard Quell on Thursday. Howard Quell \
         declined to comment.",
    );
    assert_kinds(&found, &["David Anders"], EntityKind::Person);
    assert_kinds(&found, &["Howard Quell"], EntityKind::Organization);
    // Without the person before it, the same name is a person.
    let found = find_by_rules("\"Supply will slow,\" said Howard Quell on Thursday.");
    assert_kinds(&found, &["Howard Quell"], EntityKind::Person);
}

#[test]
fn an_arabic_patronymic_particle_joins_one_name() {
    let found = find_by_rules("Crown Prince Abdullah bin Zafir Quell was thanked by the envoy.");
    assert_kinds(&found, &["Abdullah bin Zafir Quell"], EntityKind::Person);
}

#[test]
fn the_items_of_a_list_ending_and_other_clubs_are_organisations() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Quorbury, Zellby Vale, Vellmoor Rovers and other clubs had plastic pitches.\n\
                Pell Quandry, Dorrit Vance and Ana Ruiz had grass.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbury", "Zellby Vale", "Vellmoor Rovers"],
        EntityKind::Organization,
    );
    assert_kinds(
        &found,
        &["Pell Quandry", "Dorrit Vance", "Ana Ruiz"],
        EntityKind::Person,
    );
}

#[test]
fn a_band_the_rules_took_for_a_person_is_the_band_before_a_musicians_role() {
    let found = find_by_rules("Former Howard Quell singer Ana Ruiz sang at the festival.");
    assert_kinds(&found, &["Howard Quell"], EntityKind::Organization);
    assert_kinds(&found, &["Ana Ruiz"], EntityKind::Person);
}

#[test]
fn a_party_before_mps_is_the_party() {
    let found = find_by_rules("Up to 30 Labour MPs could oppose the plan, Ana Ruiz said.");
    assert_kinds(&found, &["Labour"], EntityKind::Organization);
}

#[test]
fn a_name_the_person_rules_found_is_that_person_at_its_other_mentions() {
    // A model that calls every proposed name a firm: the rule's context must carry over.
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "R&B singer Zorbina won best album.\nLater, Zorbina thanked her fans in Rome.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    let zorbina: Vec<&EntityMention> = found.iter().filter(|m| m.surface == "Zorbina").collect();
    assert_eq!(zorbina.len(), 2, "{:?}", triples(&found));
    assert!(
        zorbina.iter().all(|m| m.kind == EntityKind::Person),
        "{:?}",
        triples(&found)
    );
    // A hip-hop artist is a person too.
    let found = find_by_rules("The awards were hosted by hip-hop artist Quindle last night.");
    assert_kinds(&found, &["Quindle"], EntityKind::Person);
}

/// The names a model calling everything a firm finds in `text`, as (surface, kind).
fn firms_for_all(text: &str) -> Vec<(String, EntityKind)> {
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    entities::find_with(&article("t", text), &firm_for_all)
        .into_iter()
        .map(|m| (m.surface, m.kind))
        .collect()
}

/// None of `things` is a name found, and each of `firms` is an organisation.
fn assert_no_names_and_firms(found: &[(String, EntityKind)], things: &[&str], firms: &[&str]) {
    for thing in things {
        assert!(
            found.iter().all(|(s, _)| s != thing),
            "{thing} in {found:?}"
        );
    }
    for firm in firms {
        assert!(
            found.contains(&(firm.to_string(), EntityKind::Organization)),
            "{firm} not a firm in {found:?}"
        );
    }
}

#[test]
fn an_office_is_no_firm_though_the_model_says_so() {
    let found = firms_for_all(
        "The Tory Leader met the Group Economist and the Trade Representative at Zorbly Holdings.",
    );
    for office in ["Tory Leader", "Group Economist", "Trade Representative"] {
        assert!(
            found.iter().all(|(s, _)| !s.contains(office)),
            "{office} in {found:?}"
        );
    }
    assert_no_names_and_firms(&found, &[], &["Zorbly Holdings"]);
}

#[test]
fn a_plural_common_noun_is_no_firm_and_a_plural_acronym_leaves_its_firm() {
    let found = firms_for_all(
        "Its APIs were open. Plans for ID cards and T-shirts went ahead.\n\
         Zorbly LPs pulled out, and Quandle said so.",
    );
    assert_no_names_and_firms(
        &found,
        &["APIs", "ID cards", "cards", "T-shirts", "Zorbly LPs"],
        &["Zorbly", "Quandle"],
    );
}

#[test]
fn an_event_and_a_work_after_its_noun_are_no_firms() {
    let found = firms_for_all(
        "At the Quarn Electronics Show, the film Zellow Nights was shown.\n\
         A new version of Pell Harbour is planned by Vorbex Pictures.",
    );
    assert_no_names_and_firms(
        &found,
        &["Quarn Electronics Show", "Zellow Nights", "Pell Harbour"],
        &["Vorbex Pictures"],
    );
}

#[test]
fn a_known_acronym_run_on_into_an_events_name_is_the_body_alone() {
    let found = find_by_rules("She was named BBC Sports Personality of the Year in December.");
    assert_kinds(&found, &["BBC"], EntityKind::Organization);
    assert!(
        found.iter().all(|m| m.surface != "BBC Sports Personality"),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_product_after_its_makers_name_leaves_the_maker() {
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Computers running Zorbly Windows were hit, said Quandle Holdings.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_kinds(
        &found,
        &["Zorbly", "Quandle Holdings"],
        EntityKind::Organization,
    );
    assert!(
        found.iter().all(|m| m.surface != "Zorbly Windows"),
        "{:?}",
        triples(&found)
    );
}

// ---- Issue 23 (rekt-dev, dprk): people's accounts and firms told apart by phrasing
// (`entities::accounts_and_firms`). Each test's stub model types every name the wrong way, so
// the rule must overrule it.

#[test]
fn a_handle_after_a_person_is_that_persons_and_a_stray_handle_is_someones_account() {
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Ana Ruiz (@anaruiz_x) wrote it up. Researcher @zorbo_sec noted the bug.\n\
                Quandle paused; @QuandleLive said so.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_eq!(
        canonical_of(&found, "@anaruiz_x"),
        Some((EntityKind::Person, "Ana Ruiz".into())),
        "{:?}",
        triples(&found)
    );
    assert_kinds(&found, &["@zorbo_sec"], EntityKind::Person);
    // A handle that spells a firm the article found stays the firm's.
    assert_kinds(
        &found,
        &["Quandle", "@QuandleLive"],
        EntityKind::Organization,
    );
}

#[test]
fn a_firm_word_ends_a_firms_name_not_a_persons() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Credit: Vellor Security, Quorn Research, Burwin Law, Ana Law, Mirto Pell";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Vellor Security", "Quorn Research", "Burwin Law"],
        EntityKind::Organization,
    );
    // A given name and a surname that is also a firm word: a person.
    assert_kinds(&found, &["Ana Law", "Mirto Pell"], EntityKind::Person);
}

#[test]
fn a_noun_in_apposition_says_a_firm_or_a_person() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Zorbix, one of Quandle’s six auditors, published a post-mortem.\n\n\
                Vexa Screeno, a token analytics platform, announced a review.\n\n\
                Credit: VEXA Screeno, Pellam, Korvin\n\n\
                Korvin, a member of the team, said nothing.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Zorbix", "Vexa Screeno"],
        EntityKind::Organization,
    );
    // The credit line's other case of a firm the article found is that firm.
    assert_kinds(&found, &["VEXA Screeno"], EntityKind::Organization);
    // A noun after "of" is not what the name is.
    assert_kinds(&found, &["Pellam", "Korvin"], EntityKind::Person);

    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Pellam, the founder, left. Korvin, a DEX on the Quandle network, paused. \
                Orvel Vantaro, CEO of Quandle, said so.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_kinds(&found, &["Pellam", "Orvel Vantaro"], EntityKind::Person);
    assert_kinds(&found, &["Korvin"], EntityKind::Organization);
}

#[test]
fn a_thread_by_a_name_is_an_accounts_and_a_report_by_a_list_is_firms() {
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "A longer thread by ZorbCrypto picked up traction, as pointed out by Vellmo. \
                As QuarnTerra pointed out, and Mellix summed it up best, it was a trap.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_kinds(
        &found,
        &["ZorbCrypto", "Vellmo", "QuarnTerra", "Mellix"],
        EntityKind::Person,
    );

    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Previous reports by Quorn and Pell Talos, and the code audited by Zenko, agree. \
                Researchers at Brimley saw it too, backed by Web3 launchpad overTorn.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorn", "Pell Talos", "Zenko", "Brimley", "overTorn"],
        EntityKind::Organization,
    );
}

// ---- Issue 23 (bands, clubs, broadcasters, distributors): award categories, clubs' cues,
// lists' company, broadcasters. ----

#[test]
fn an_awards_category_types_its_winners_and_nominees() {
    // A group's award makes a band of what the model took for a person...
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "Quorbix Zell won best rock act and best British group last week. Also \
                competing for best group had been the Vellar Brants, Pellion and Dorrit.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbix Zell", "Pellion", "Dorrit"],
        EntityKind::Organization,
    );
    // ...and of a band the rules took for a person (a given name and a surname).
    let found = find_by_rules("Howard Quell won best British group at the awards.");
    assert_kinds(&found, &["Howard Quell"], EntityKind::Organization);
    // A person's award makes people of what the model took for firms; a film after "for" is
    // no winner.
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Zorbina and Quindle were named best male and best female.\n\
                The rapper beat John Smith, Pellix and Maria Lopez to take the best male crown.\n\
                Her co-star won best actor for Vellmoor Nights.";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_kinds(
        &found,
        &["Zorbina", "Quindle", "Pellix"],
        EntityKind::Person,
    );
    assert_kinds(&found, &["Vellmoor Nights"], EntityKind::Organization);
}

#[test]
fn a_club_is_found_by_a_score_a_home_fixture_and_a_players_position() {
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "After their 3-0 win at Quorbia, the coach smiled.\n\
                Zellby back Pedro Alves is injured.\n\
                Next week Vellmoor are at home to Pellton.\n\
                Her 6-3 6-4 win over Dorrit Vance came later.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbia", "Zellby", "Pellton"],
        EntityKind::Organization,
    );
    // A tennis score's opponent is a person.
    assert_kinds(&found, &["Dorrit Vance"], EntityKind::Person);
}

#[test]
fn a_known_town_in_a_list_ending_and_other_clubs_is_its_club_everywhere() {
    let found = find_by_rules(
        "Leeds, Zellby United and other clubs had plastic pitches.\n\
         The pitches of Leeds were hard.",
    );
    let leeds: Vec<&EntityMention> = found.iter().filter(|m| m.surface == "Leeds").collect();
    assert_eq!(leeds.len(), 2, "{:?}", triples(&found));
    assert!(
        leeds.iter().all(|m| m.kind == EntityKind::Organization),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_name_in_a_list_takes_the_kind_of_its_company() {
    // Among firms the rules found, a name the model took for a person is a firm ("studios,
    // such as": the noun before the comma types the examples too).
    let person_for_all = typing_every_name_as(EntityKind::Person);
    let text = "The backers, Quorbix Vale, Zell Films and Pell Pictures, paid.\n\
                Major studios, such as Dorrit Vance and Vellmoor Holt, backed it.";
    let found = entities::find_with(&article("t", text), &person_for_all);
    assert_kinds(
        &found,
        &["Quorbix Vale", "Dorrit Vance", "Vellmoor Holt"],
        EntityKind::Organization,
    );
    // Among people only, a moniker the model took for a firm is a person; not in a credit
    // line, which mixes people and firms.
    let firm_for_all = typing_every_name_as(EntityKind::Organization);
    let text = "Zorbina, John Smith and Maria Lopez sang.\n\
                Credit: Quorbex, John Smith, Maria Lopez";
    let found = entities::find_with(&article("t", text), &firm_for_all);
    assert_kinds(&found, &["Zorbina"], EntityKind::Person);
    assert_kinds(&found, &["Quorbex"], EntityKind::Organization);
}

#[test]
fn broadcasters_and_numbered_channels_are_organisations() {
    let found = find_by_rules(
        "She appears in the ITV1 talent show Zorbix.\n\
         The awards will be shown by Sky Movies 1 at night, and MTV covered them.",
    );
    assert_kinds(
        &found,
        &["ITV1", "Sky Movies 1", "MTV"],
        EntityKind::Organization,
    );
}

// ---- Issue 23 (business, politics and wire stories): whole legal and public names ----

/// The surfaces the rules alone find as organisations.
fn organisations_by_rules(text: &str) -> Vec<String> {
    find_by_rules(text)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Organization)
        .map(|m| m.surface)
        .collect()
}

#[test]
fn a_legal_form_after_a_body_word_ends_the_firms_name() {
    let found = organisations_by_rules(
        "Quarnby Department Stores Inc said it would file with the regulator.\n\
         Zellow Paper Board Co Inc said it named an agent.\n\
         Vorbex Overseas Capital N.V., a unit of Vorbex Co, will redeem its notes.",
    );
    for whole in [
        "Quarnby Department Stores Inc",
        "Zellow Paper Board Co Inc",
        "Vorbex Overseas Capital N.V.",
    ] {
        assert!(found.iter().any(|s| s == whole), "{whole} in {found:?}");
    }
    for half in ["Quarnby Department", "Stores Inc", "Co Inc", "N.V", "N.V."] {
        assert!(found.iter().all(|s| s != half), "{half} in {found:?}");
    }
}

#[test]
fn two_firms_of_several_words_joined_by_and_are_two_names() {
    let found = organisations_by_rules(
        "Quarnby Glass Works and Zellow Laboratories Corp said they completed a merger.\n\
         Dorrow Power and Light Co raised its dividend.",
    );
    for firm in [
        "Quarnby Glass Works",
        "Zellow Laboratories Corp",
        "Dorrow Power and Light Co",
    ] {
        assert!(found.iter().any(|s| s == firm), "{firm} in {found:?}");
    }
    assert!(
        found.iter().all(|s| !s.contains("Works and Zellow")),
        "{found:?}"
    );
}

#[test]
fn for_and_and_join_two_fields_after_a_body_word() {
    let found = organisations_by_rules(
        "The Quarnish Institute for Geography and Statistics said prices rose.",
    );
    assert_eq!(found, ["Quarnish Institute for Geography and Statistics"]);
}

#[test]
fn a_saints_or_an_offices_possessive_before_a_body_word_is_part_of_its_name() {
    let found = organisations_by_rules(
        "A spokeswoman for the St Quarn's Shopping Centre said it was busy.\n\
         A spokesman for the Data Commissioner's Office said it would look into it.",
    );
    for whole in ["St Quarn's Shopping Centre", "Data Commissioner's Office"] {
        assert!(found.iter().any(|s| s == whole), "{whole} in {found:?}");
    }
    // Another's possessive is the body's owner, not a word of its name.
    let found = organisations_by_rules("Quarnby's Zellow Capital lost money.");
    assert!(
        found.iter().all(|s| !s.starts_with("Quarnby's")),
        "{found:?}"
    );
}

#[test]
fn a_firm_named_by_initials_is_the_firm_where_it_employs_or_is_listed_with_a_firm() {
    // Listed with a firm. (As a quoted person's employer, "Ana Quell of Q.R. Vandermolt said",
    // it needs the person patterns to read dotted initials as one word, which their hand
    // matchers do not yet: left.)
    let found = find(
        "Ana Quell of Q.R. Vandermolt said the shares were cheap.\n\
         Zellow Brothers and T.W. Quarnby co-managed the deal.",
    );
    assert_kinds(&found, &["T.W. Quarnby"], EntityKind::Organization);
    // A person written so, in a person's phrasing, stays a person.
    let found = find("The showman P.T. Quarnum said the circus would go on.");
    assert!(
        found
            .iter()
            .all(|m| m.kind != EntityKind::Organization || !m.surface.contains("Quarnum")),
        "{:?}",
        triples(&found)
    );
}

#[test]
fn a_word_for_a_group_or_company_opens_a_firms_name() {
    let found = organisations_by_rules(
        "Gruppo Zellvani bought the stake from its subsidiary Sociedad Quarnesa de Vorbales \
         de Turismo last year.",
    );
    for firm in [
        "Gruppo Zellvani",
        "Sociedad Quarnesa de Vorbales de Turismo",
    ] {
        assert!(found.iter().any(|s| s == firm), "{firm} in {found:?}");
    }
}

#[test]
fn the_first_field_of_an_offices_portfolio_is_no_firm() {
    let found = firms_for_all(
        "His retirement was announced by Quarn and Pensions Secretary Ana Zellow in May.",
    );
    assert!(
        found.iter().all(|(s, _)| s != "Quarn"),
        "Quarn in {found:?}"
    );
}

#[test]
fn an_organisation_or_movement_ends_a_bodys_name_and_a_towns_describing_word_does_not_open_it() {
    let found = organisations_by_rules(
        "Delegates of the International Quarnish Organisation council met the Zellow \
         Development Movement and the Paris-based Vorbex Organization for Trade.",
    );
    for body in [
        "International Quarnish Organisation",
        "Zellow Development Movement",
        "Vorbex Organization for Trade",
    ] {
        assert!(found.iter().any(|s| s == body), "{body} in {found:?}");
    }
}
