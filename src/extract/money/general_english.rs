//! The hand rules alone (an empty amount model): they are the model's features, and what
//! decides when no model is shipped.

use super::*;
use chrono::NaiveDate;
use std::path::PathBuf;

fn run(text: &str) -> Vec<Amount> {
    let a = Article {
        id: "g".into(),
        path: PathBuf::from("g.txt"),
        published: NaiveDate::from_ymd_opt(2023, 2, 1),
        title: "News".into(),
        source: None,
        text: format!("News\n\n{text}"),
    };
    rules_alone(&a)
}

/// The amounts of `a` as the hand rules alone decide them.
fn rules_alone(a: &Article) -> Vec<Amount> {
    let dates = crate::extract::dates::find(a);
    let entities = crate::extract::entities::find(a);
    find_with_model(
        Lexicon::builtin(),
        &AmountModel::default(),
        a,
        &dates,
        &entities,
    )
}

fn only(text: &str) -> Amount {
    let a = run(text);
    assert_eq!(a.len(), 1, "{text}: {a:#?}");
    a.into_iter().next().unwrap()
}

#[test]
fn common_theft_sentences() {
    let a = only("State-backed hackers stole $2.9 billion in 2021, a record year.");
    assert_eq!(
        (a.kind, a.event_date.map(|d| d.to_string()).as_deref()),
        (AmountKind::Cumulative, Some("2021"))
    );
    let a = only("Poly Network was hacked for $611 million in August 2021.");
    assert_eq!(a.kind, AmountKind::Stolen);
    assert_eq!(a.victim.as_deref(), Some("Poly Network"));
    assert_eq!(
        a.event_date.map(|d| d.to_string()).as_deref(),
        Some("2021-08")
    );
    let a = only("Coincheck lost 58 billion yen ($530 million) in January 2018 to hackers.");
    assert_eq!((a.kind, a.usd), (AmountKind::Stolen, Some(530e6)));
    assert_eq!(a.victim.as_deref(), Some("Coincheck"));
    let a = only("Hackers attempted to steal $1bn from the central bank's account in New York.");
    assert_eq!(a.kind, AmountKind::Attempted);
    let a = only("Intruders tried to quietly drain $3 million from the pool.");
    assert_eq!(a.kind, AmountKind::Attempted);
    let a = only("Hackers made off with ₩35 billion from Bithumb in 2018.");
    assert_eq!((a.kind, &*a.currency), (AmountKind::Stolen, "KRW"));
    assert!(
        a.usd.is_some_and(|u| (u / 1e6 - 31.8).abs() < 2.0),
        "{:?}",
        a.usd
    );
    let a = only("Investigators linked the $600 million hack of Axie Infinity to Lazarus.");
    assert_eq!(
        (a.kind, a.actor.as_deref()),
        (AmountKind::Stolen, Some("Lazarus Group"))
    );
}

#[test]
fn one_unnamed_theft_in_a_year_is_not_a_total() {
    let a = only("In 2019, hackers stole $10 million from a Japanese exchange.");
    assert_eq!(a.kind, AmountKind::Stolen);
    let a = only("Thieves stole $3 billion in crypto hacks in 2022.");
    assert_eq!(a.kind, AmountKind::Cumulative, "{a:?}");
}

#[test]
fn fragments_continue_the_sentence_before() {
    let a = run("Harmony has been hacked. To the tune of $100M.");
    assert_eq!(a[0].kind, AmountKind::Stolen);
    let a = run("Profits rose sharply. To the tune of $100M.");
    assert_eq!(a[0].kind, AmountKind::Other);
}

#[test]
fn a_bank_heist_story() {
    let a = run(
        "Hackers tried to steal $951 million from Bangladesh Bank's account at the New York Fed in February 2016. Most transfers were blocked, but $81 million was sent to accounts in the Philippines and vanished. The central bank said it had recovered $15 million.",
    );
    let got: Vec<(&str, AmountKind, Option<String>)> = a
        .iter()
        .map(|a| (&*a.text, a.kind, a.event_date.map(|d| d.to_string())))
        .collect();
    assert_eq!(
        got,
        [
            (
                "$951 million",
                AmountKind::Attempted,
                Some("2016-02".into())
            ),
            ("$81 million", AmountKind::Stolen, Some("2016-02".into())),
            ("$15 million", AmountKind::Other, Some("2016-02".into())),
        ]
    );
    assert_eq!(a[0].victim.as_deref(), Some("Bangladesh Bank"));
    let a =
        only("Mt. Gox lost 850,000 bitcoins, then worth about $450 million, to hackers in 2014.");
    assert_eq!(
        (a.kind, &*a.currency, a.usd),
        (AmountKind::Stolen, "BTC", Some(450e6))
    );
    assert_eq!(a.victim.as_deref(), Some("Mt. Gox"), "{a:?}");
}

#[test]
fn totals_of_many_thefts() {
    let a = only("North Korean groups have stolen a total of $2 billion from banks and exchanges.");
    assert_eq!(a.kind, AmountKind::Cumulative);
    let a = only("Foo Exchange lost $81.54 million in total to the attackers.");
    assert_eq!(a.kind, AmountKind::Stolen);
}

#[test]
fn figures_that_are_not_thefts() {
    for (text, kind) in [
        (
            "A $45M exploit would have topped the leaderboard before the Vesta Protocol hack.",
            AmountKind::Other,
        ),
        (
            "The State Department offered a $5 million reward for information on the hackers.",
            AmountKind::Other,
        ),
        (
            "The ransomware gang demanded a $10 million ransom from the hospital after the hack.",
            AmountKind::Damage,
        ),
        (
            "The exchange was fined $5 million by regulators after the breach.",
            AmountKind::Damage,
        ),
        (
            "The hacked exchange raised $100 million in a funding round led by investors.",
            AmountKind::Other,
        ),
        (
            "Bitcoin traded at $23,000 after the hack was disclosed.",
            AmountKind::Other,
        ),
        (
            "After hackers struck, the founder tried to calm users by pledging $2 million of his own money.",
            AmountKind::Other,
        ),
    ] {
        assert_eq!(only(text).kind, kind, "{text}");
    }
}

fn story(title: &str, body: &str) -> Vec<Amount> {
    let a = Article {
        id: "s".into(),
        path: PathBuf::from("s.txt"),
        published: NaiveDate::from_ymd_opt(2024, 6, 3),
        title: title.into(),
        source: None,
        text: format!("{title}\n\n{body}"),
    };
    rules_alone(&a)
}

fn main_of(amounts: &[Amount]) -> Option<&Amount> {
    let mains: Vec<&Amount> = amounts.iter().filter(|a| a.main).collect();
    assert!(mains.len() <= 1, "one main theft at most: {mains:#?}");
    mains.first().copied()
}

#[test]
fn the_lede_figure_of_a_theft_story_is_its_main_theft() {
    // Theft language a cue list alone misses: the lede states the theft the story is about.
    for (body, figure) in [
        (
            "Quillfox is in the red again.\n\nQuillfox lost 40% of its reserve fund ($9M) in a targeted attack.\n\nThe hackers used a price oracle.",
            "$9M",
        ),
        (
            "Another rug.\n\nThis time, Nimbex Finance took off with approximately $4M, deleting its website.\n\nThe attacker was funded through a mixer.",
            "$4M",
        ),
        (
            "Nimbex Swap pulled the rug for $3M on Thursday.\n\nThe exploiter then bridged the funds.",
            "$3M",
        ),
        (
            "An unexpected twist saw users liquidated via a flash loan attack, with the attacker making ~$3M profit.\n\nThe exploiter bridged the funds.",
            "~$3M",
        ),
    ] {
        let amounts = story("Quillfox - Hacked", body);
        let main = main_of(&amounts).unwrap_or_else(|| panic!("no main theft: {body}"));
        assert_eq!(&*main.text, figure, "{body}");
        assert_eq!(main.kind, AmountKind::Stolen, "{body}");
    }
}

#[test]
fn the_main_theft_is_not_a_part_of_an_earlier_theft_recalled_later() {
    let amounts = story(
        "Orrin Protocol - Hacked Again",
        "Flipped again.\n\n$5.8M lost overall after the exploit.\n\nThis is the second time for Orrin Protocol, which also lost $15M to a hacker last year.",
    );
    let main = main_of(&amounts).expect("main theft");
    assert_eq!(&*main.text, "$5.8M");
    let fifteen = amounts.iter().find(|a| &*a.text == "$15M").expect("$15M");
    assert_eq!(fifteen.kind, AmountKind::Stolen);
    // "another $4M" is a theft of its own, not a part of the earlier $7M.
    let amounts = story(
        "Velmora - Hacked",
        "Less than a month ago hackers stole $7M from Velmora.\n\nNow they have stolen another $4M.",
    );
    let four = amounts.iter().find(|a| &*a.text == "$4M").expect("$4M");
    assert_eq!(four.kind, AmountKind::Stolen, "{four:#?}");
}

#[test]
fn business_stories_have_no_main_theft() {
    let amounts = story(
        "Tarnwell results",
        "Tarnwell lost $40M in the third quarter as sales fell.\n\nIts shares lost 5% and the company raised $10M from investors.",
    );
    assert!(main_of(&amounts).is_none(), "{amounts:#?}");
    assert!(amounts.iter().all(|a| !a.kind.is_theft()), "{amounts:#?}");
}

#[test]
fn a_figure_a_price_reached_is_not_a_loss() {
    let amounts = story(
        "Scam calls",
        "Scammers stole from callers. One caller was scammed of $139. I don't want to be told when my bill has hit $750.",
    );
    let bill = amounts.iter().find(|a| &*a.text == "$750").expect("$750");
    assert_eq!(bill.kind, AmountKind::Other, "{bill:#?}");
}

#[test]
fn an_actor_named_elsewhere_is_not_the_thief_of_every_figure() {
    let amounts = story(
        "Exchange hacked",
        "Hackers stole $50M from Orvex exchange on Monday. Investigators attributed the theft to the Lazarus Group.\n\nThe record is still held by a dictator who stole $1 billion from a central bank in 2003.",
    );
    let main = main_of(&amounts).expect("main theft");
    assert_eq!(&*main.text, "$50M");
    assert_eq!(main.actor.as_deref(), Some("Lazarus Group"));
    let old = amounts
        .iter()
        .find(|a| &*a.text == "$1 billion")
        .expect("$1 billion");
    assert_eq!(old.actor, None, "{old:#?}");
}

#[test]
fn hackers_taking_billions_with_no_victim_is_a_total() {
    let amounts = story(
        "Year in review",
        "State hackers spent the year perfecting their craft, siphoning $1.3 billion through many attacks.",
    );
    let total = amounts
        .iter()
        .find(|a| &*a.text == "$1.3 billion")
        .expect("figure");
    assert_eq!(total.kind, AmountKind::Cumulative, "{total:#?}");
}

#[test]
fn a_dense_table_of_figures_takes_time_in_proportion_to_its_size() {
    // Thousands of figures in one article: each is compared with a bounded number of
    // totals, so this finishes at once instead of in minutes.
    let body = " $1 million stolen in 2016 by Lazarus.".repeat(5_000);
    let amounts = story("Ledger", &body);
    assert_eq!(amounts.len(), 5_000);
}

#[test]
fn a_share_of_a_theft_moved_later_is_not_a_new_theft() {
    let amounts = story(
        "Exchange drained",
        "Hackers stole $1.4 billion from Orvex on Friday. By Monday 14.5% of the stolen assets (now worth $195 million) had been moved.",
    );
    let share = amounts
        .iter()
        .find(|a| a.text.contains("195"))
        .expect("share");
    assert_eq!(share.kind, AmountKind::Other, "{share:#?}");
}

#[test]
fn fraud_and_extortion_are_told_apart() {
    // Money wired to fraudsters is stolen; a ransom is extortion, a damage figure.
    let amounts = story(
        "Firm hit by invoice fraud",
        "Fraudsters impersonating a supplier tricked the firm, which lost $12 million to a fake-invoice scam.\n\nThe scammers moved the money abroad.",
    );
    let lost = amounts
        .iter()
        .find(|a| &*a.text == "$12 million")
        .expect("figure");
    assert_eq!(lost.kind, AmountKind::Stolen, "{lost:#?}");
    let amounts = story(
        "Hospital hacked",
        "Hackers who broke into the hospital demanded a $4 million ransom.\n\nThe attackers leaked files.",
    );
    let ransom = amounts
        .iter()
        .find(|a| &*a.text == "$4 million")
        .expect("figure");
    assert_eq!(ransom.kind, AmountKind::Damage, "{ransom:#?}");
}
