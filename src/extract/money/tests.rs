use super::*;
use crate::text::sentences;
use chrono::NaiveDate;
use std::path::PathBuf;

fn article(text: &str, published: Option<NaiveDate>) -> Article {
    Article {
        id: "t".into(),
        path: PathBuf::from("t.txt"),
        published,
        title: text.lines().next().unwrap_or("").to_string(),
        source: None,
        text: text.to_string(),
    }
}

fn run(text: &str, published: Option<NaiveDate>) -> Vec<Amount> {
    let a = article(text, published);
    let dates = crate::extract::dates::find(&a);
    // Victims are organisations the entity layer found.
    let entities = crate::extract::entities::find(&a);
    find_with_model(
        Lexicon::builtin(),
        &AmountModel::default(),
        &a,
        &dates,
        &entities,
    )
}

#[test]
fn sentence_split_respects_abbreviations_and_decimals() {
    let t = "Mr. Smith paid $1.5 million. The U.S. bank lost it.\nNext line";
    let s = sentences(t);
    let parts: Vec<&str> = s.iter().map(|&(a, b)| t[a..b].trim()).collect();
    assert_eq!(
        parts,
        [
            "Mr. Smith paid $1.5 million.",
            "The U.S. bank lost it.",
            "Next line"
        ]
    );
}

#[test]
fn every_static_pattern_compiles() {
    LazyLock::force(&DATE_LABEL);
    LazyLock::force(&SHARE_OF);
    parse::force_patterns();
    crate::extract::victims::rule::force_patterns();
}

#[test]
fn kinds_follow_their_cues() {
    let d = NaiveDate::from_ymd_opt(2019, 5, 1);
    let t = "Bank hack\n\nHackers stole $10 million from Acme Bank in March. They tried to steal $50 million more. The hack cost it at least $2 million. A bounty of $1 million was offered. Since 2017 hackers have netted $2 billion so far.";
    let a = run(t, d);
    let kinds: Vec<(&str, AmountKind)> = a.iter().map(|a| (&*a.text, a.kind)).collect();
    assert_eq!(
        kinds,
        [
            ("$10 million", AmountKind::Stolen),
            ("$50 million", AmountKind::Attempted),
            ("$2 million", AmountKind::Damage),
            ("$1 million", AmountKind::Other),
            ("$2 billion", AmountKind::Cumulative),
        ]
    );
    assert_eq!(a[0].victim.as_deref(), Some("Acme Bank"));
    assert_eq!(
        a[0].event_date.map(|d| d.to_string()).as_deref(),
        Some("2019-03")
    );
    assert!(!a[0].event_date_inferred);
    assert_eq!(a[0].cue.as_deref(), Some("stole"));
}

#[test]
fn business_figures_are_not_thefts() {
    let t = "Earnings rise\n\nQuarterly earnings at the group rose 41% to $2.27bn (£1.2bn) for the three months to June, from $1.61bn a year earlier. The company lost $35m on its currency trades.";
    let a = run(t, None);
    assert!(a.iter().all(|a| !a.kind.is_theft()), "{a:?}");
    assert_eq!(a.len(), 3);
}

#[test]
fn parts_of_a_total_are_not_thefts() {
    let t = "Nimbus - REKT\n\nOnline sportsbook Nimbus lost over $52M from its hot wallets yesterday. Hackers drained $20M on mainnet, then a further $32.4M was stolen on Polygon. The attacker drained 8k ETH and 4M USDT.";
    let a = run(t, NaiveDate::from_ymd_opt(2023, 9, 4));
    let thefts: Vec<&str> = a
        .iter()
        .filter(|a| a.kind.is_theft())
        .map(|a| &*a.text)
        .collect();
    assert_eq!(thefts, ["$52M"]);
    assert_eq!(
        a[0].event_date.map(|d| d.to_string()).as_deref(),
        Some("2023-09-03")
    );
    assert_eq!(a[0].victim.as_deref(), Some("Nimbus"));
}

#[test]
fn non_dollar_amounts_convert_at_the_event_year() {
    let t = "Bank robbed\n\nIn 2016, hackers stole €72 million from Example Bank.";
    let a = run(t, NaiveDate::from_ymd_opt(2020, 1, 1));
    assert_eq!(&*a[0].currency, "EUR");
    let usd = a[0].usd.unwrap();
    assert!((usd / 1e6 - 79.6).abs() < 2.0, "{usd}");
}

#[test]
fn future_event_dates_are_suspicious_and_missing_ones_inferred() {
    let published = NaiveDate::from_ymd_opt(2020, 6, 1);
    let a = run(
        "News\n\nHackers stole $5 million from Foo Exchange in March 2021.",
        published,
    );
    assert!(a[0].event_date_suspicious);
    assert!(!a[0].event_date_inferred);
    let a = run(
        "News\n\nThieves stole $7 million from Bar Exchange.",
        published,
    );
    assert!(a[0].event_date_inferred);
    assert!(!a[0].event_date_suspicious);
    assert_eq!(
        a[0].event_date.map(|d| d.to_string()).as_deref(),
        Some("2020-06-01")
    );
}

#[test]
fn offsets_are_characters() {
    let t = "“Heist” – €5 news\n\nHackers stole ₩10 billion from Korea Exchange.";
    let a = run(t, NaiveDate::from_ymd_opt(2020, 6, 1));
    let won = a.iter().find(|a| &*a.currency == "KRW").unwrap();
    let chars: Vec<char> = t.chars().collect();
    let s: String = chars[won.range()].iter().collect();
    assert_eq!(s, "₩10 billion");
}

proptest::proptest! {
    /// The gate before the date label's pattern turns down no text the pattern matches: labels
    /// with and without their colon, Unicode blanks (the pattern's `\s`) around it, lines before.
    #[test]
    fn the_date_label_gate_turns_down_no_label(
        before in "\\PC{0,12}(\n\\PC{0,12})?",
        label in "(?i)(date|incident date|date of (the )?(attack|hack))",
        gap in "[ \t\u{a0}\u{2003}\u{3000}\u{85}]{0,3}",
        colon in proptest::bool::ANY,
        tail in "[ \t\u{a0}\u{2003}\u{3000}\u{85}\u{2028}]{0,3}",
        noise in "[:a-z \u{a0}]{0,4}",
    ) {
        for head in [
            format!("{before}{label}{gap}{}{tail}", if colon { ":" } else { "" }),
            format!("{before}{label}{gap}:{tail}{noise}"),
            format!("{before}{noise}"),
        ] {
            let line_start = head.rfind('\n').map_or(0, |p| p + 1);
            proptest::prop_assert!(
                !DATE_LABEL.is_match(&head[line_start..]) || may_end_in_date_label(&head),
                "{:?}",
                head
            );
        }
    }
}

#[test]
fn a_date_label_dates_the_story_after_the_gate() {
    let lede_date = |text: &str| {
        let a = article(text, None);
        let dates = crate::extract::dates::find(&a);
        let doc = Document::new(&a.text);
        let story = story::Story::read(Lexicon::builtin(), &a, &doc, &dates, &[])?;
        story.lede_date().map(|d| d.text.clone())
    };
    let text = "Exchange update\nThe team wrote about $5 million.\nDate of the attack: \
                March 3, 2024\nIn May 2024 it moved $1 million.";
    assert_eq!(lede_date(text).as_deref(), Some("March 3, 2024"));
    let unlabelled = "Exchange update\nThe team wrote about $5 million.\nMarch 3, 2024\n";
    assert_eq!(lede_date(unlabelled), None);
}
