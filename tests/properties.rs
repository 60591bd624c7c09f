//! Properties that must hold for any input (proptest): money written in many styles parses back
//! to its value, every offset extraction reports is inside the text and slices out what it
//! names, an unchanged quote re-anchors where it was, and the annotation file round-trips any
//! Unicode.

use std::path::PathBuf;

use proptest::prelude::*;

use dossier::annotations::store::{self, Store};
use dossier::annotations::{AnchorStatus, Annotation, AnnotationId, reanchor};
use dossier::corpus::Article;
use dossier::extract::extract_article;
use dossier::text::slice_chars;

fn article(text: &str) -> Article {
    Article {
        id: "p".to_owned(),
        path: PathBuf::from("p.txt"),
        published: None,
        title: "p".to_owned(),
        source: None,
        text: text.to_owned(),
    }
}

/// Any Unicode text: mostly letters, spaces and figure pieces, some of anything.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(vec![
            "the ", "bank ", "Bank ", "said ", "hackers ", "North Korea ", "a ", "on ", "X", "q",
        ])
        .prop_map(str::to_owned),
        2 => prop::sample::select(vec![
            "$", "€", "£", "¥", " million", " bn", "m ", ",", ".", "5", "81", "2016", " in ",
            "stolen ", "Lazarus ", "March ", "\n", "\n\n", "’", "🙂", "\u{200d}", "e\u{301}",
        ])
        .prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..max).prop_map(|p| p.concat())
}

/// Any Unicode string, control characters and all.
fn unicode() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..40).prop_map(String::from_iter)
}

/// Byte offsets of every occurrence of `needle` in `hay`, overlapping ones included.
fn occurrences(hay: &str, needle: &str) -> usize {
    hay.char_indices()
        .filter(|&(i, _)| hay[i..].starts_with(needle))
        .count()
}

/// The same amount as an analyst might write it, and the currency it is in.
fn written(whole: u32, tenth: u32, magnitude: usize, style: usize) -> (String, &'static str) {
    let number = if tenth == 0 {
        whole.to_string()
    } else {
        format!("{whole}.{tenth}")
    };
    let (word, short) = [("thousand", "k"), ("million", "m"), ("billion", "bn")][magnitude];
    match style {
        0 => (format!("${number} {word}"), "USD"),
        1 => (format!("${number}{short}"), "USD"),
        2 => (format!("US${number} {word}"), "USD"),
        3 => (format!("USD {number} {word}"), "USD"),
        4 => (format!("{number} {word} dollars"), "USD"),
        5 => (format!("€{number} {word}"), "EUR"),
        6 => (format!("{number} {word} euros"), "EUR"),
        _ => (format!("£{number}{short}"), "GBP"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn money_written_in_many_styles_parses_back(
        whole in 1u32..1000,
        tenth in 0u32..10,
        magnitude in 0usize..3,
        style in 0usize..8,
    ) {
        let (amount, currency) = written(whole, tenth, magnitude, style);
        let text = format!("Investigators said thieves took {amount} from the exchange.");
        let found = extract_article(&article(&text)).amounts;
        prop_assert_eq!(found.len(), 1, "{}: {:?}", text, found);
        let expected = (f64::from(whole) + f64::from(tenth) / 10.0)
            * [1e3, 1e6, 1e9][magnitude];
        let a = &found[0];
        prop_assert!((a.value - expected).abs() <= expected * 1e-9, "{}: {}", text, a.value);
        prop_assert_eq!(&*a.currency, currency);
        prop_assert_eq!(slice_chars(&text, a.start as usize, a.end as usize), amount.as_str());
    }

    #[test]
    fn every_offset_is_inside_the_text_and_slices_what_it_names(text in any_text(60)) {
        let ex = extract_article(&article(&text));
        let chars = text.chars().count();
        for a in &ex.amounts {
            prop_assert!(a.start <= a.end && a.end as usize <= chars, "{:?}", a);
            prop_assert_eq!(slice_chars(&text, a.start as usize, a.end as usize), &*a.text);
        }
        for e in &ex.entities {
            prop_assert!(e.start <= e.end && e.end <= chars, "{:?}", e);
            prop_assert_eq!(slice_chars(&text, e.start, e.end), e.surface.as_str());
        }
        for d in &ex.dates {
            prop_assert!(d.start <= d.end && d.end <= chars, "{:?}", d);
            prop_assert_eq!(slice_chars(&text, d.start, d.end), d.text.as_str());
        }
    }

    #[test]
    fn an_unchanged_quote_reanchors_where_it_was(
        text in any_text(40),
        from in 0usize..400,
        len in 1usize..40,
        inserted in any_text(10),
    ) {
        let chars = text.chars().count();
        prop_assume!(chars > 0);
        let start = from % chars;
        let end = (start + len).min(chars);
        let original = Annotation::new("p", &text, start, end, "t", "");
        let mut same = original.clone();
        prop_assert_eq!(reanchor(&mut same, Some(&text)), AnchorStatus::Anchored);
        prop_assert_eq!(&same, &original);
        // Text inserted before it: found at its new place when it is the only occurrence.
        let shifted = format!("{inserted}{text}");
        prop_assume!(occurrences(&shifted, &original.quote.exact) == 1);
        let mut moved = original.clone();
        let status = reanchor(&mut moved, Some(&shifted));
        let by = inserted.chars().count();
        if by > 0 {
            prop_assert!(matches!(status, AnchorStatus::Moved { .. }), "{:?}", status);
        }
        prop_assert_eq!(moved.position.start, start + by);
        prop_assert_eq!(moved.position.end, end + by);
        prop_assert_eq!(&moved.quote.exact, &original.quote.exact);
    }

    #[test]
    fn the_annotation_file_round_trips_any_unicode(
        items in prop::collection::vec(
            (unicode(), unicode(), unicode(), unicode(), unicode()),
            0..6,
        ),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(store::FILE_NAME);
        let mut store = Store::open(&path, "corpus ✓").store;
        let annotations: Vec<Annotation> = items
            .iter()
            .enumerate()
            .map(|(n, (id, article, text, tag, note))| {
                let len = text.chars().count();
                let mut a = Annotation::new(article, text, len / 3, len, tag, note);
                a.author = note.chars().rev().collect();
                a.id = AnnotationId::parse(id).unwrap_or_else(|| {
                    AnnotationId::parse(&format!("generated-{n}")).unwrap()
                });
                a
            })
            .collect();
        // Ids must be unique within a file; drop repeats of a generated id.
        let mut seen = std::collections::HashSet::new();
        let annotations: Vec<Annotation> =
            annotations.into_iter().filter(|a| seen.insert(a.id.clone())).collect();
        store.save(&annotations).unwrap();
        let mut back = Store::open(&path, "corpus ✓").annotations;
        let mut want = annotations.clone();
        back.sort_by(|a, b| a.id.cmp(&b.id));
        want.sort_by(|a, b| a.id.cmp(&b.id));
        prop_assert_eq!(back, want);
    }
}
