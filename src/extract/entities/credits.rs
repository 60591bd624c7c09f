//! Handles in a credit line ("Credit: samczsun, PeckShield, banteg"). A lower-case name has
//! no shape a name rule knows, yet in the list of those an article thanks it is someone's
//! handle; every other mention of it in the article is that person too ("as samczsun wrote").
//! Capitalised items are left to the other rules and the model, which type them by shape.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex_automata::util::captures::Captures;
use regex_automata::{Input, meta};

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;
use crate::text::is_word_char;

/// A line opening with a credit word, the list after it captured.
fn credit_pattern() -> String {
    let leads: Vec<String> = super::words::CREDIT_LEADS
        .iter()
        .map(|w| regex::escape(w))
        .collect();
    format!(
        r"(?mi)^[ \t_*>•-]*(?:image |photo )?(?:{})[ \t]*:?[ \t]+(?P<list>[^\n]+)$",
        leads.join("|")
    )
}

/// [`credit_pattern`] compiled with no prefilter ([`super::compile_unfiltered`]): it runs
/// only on the lines that open with a credit word, where a prefilter finds nothing faster, and
/// building one for its case-folded words cost 3.9 M instructions of its 4.8 M compile.
static CREDIT_LINE: LazyLock<Option<meta::Regex>> =
    LazyLock::new(|| super::compile_unfiltered(&credit_pattern()));

/// A handle written in lower case: letters, digits, underscores, maybe an ENS `.eth`; starts
/// with a lower-case letter, an underscore or `0x` (not an address), and an ENS name may have
/// dots (`quit.q00t.eth`).
fn lower_handle(item: &str) -> bool {
    let ens = item.strip_suffix(".eth");
    let body = ens.unwrap_or(item);
    let start_ok = body.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        || body.starts_with("0x") && !body[2..].chars().all(|c| c.is_ascii_hexdigit());
    start_ok
        && body.len() >= 2
        && body.len() <= 30
        && body
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' && ens.is_some())
        && body.chars().any(|c| c.is_ascii_lowercase())
}

/// The words a credit line opens with after its bullets ("image ", "photo ", a lead), in lower
/// case; `None` when a lead is not ASCII (its case folding may reach other bytes), and every
/// line is read.
static LINE_HEADS: LazyLock<Option<Vec<Vec<u8>>>> = LazyLock::new(|| {
    ["image ", "photo "]
        .into_iter()
        .chain(super::words::CREDIT_LEADS.iter().copied())
        .map(|word| {
            (!word.is_empty() && word.is_ascii()).then(|| word.to_ascii_lowercase().into_bytes())
        })
        .collect()
});

/// Whether a line may be a credit line: after its bullets, it opens with one of its words in
/// either case, or has a byte outside ASCII where the word would be (case folding takes the
/// Kelvin sign for "k" and the long s for "s"). A cheaper test than the regex, which is then
/// run on that line alone.
fn may_be_credit_line(line: &str, heads: &[Vec<u8>]) -> bool {
    let head = line
        .trim_start_matches([' ', '\t', '_', '*', '>', '•', '-'])
        .as_bytes();
    let Some(&first) = head.first() else {
        return false;
    };
    if !first.is_ascii() {
        return true;
    }
    // Most lines are turned down by their first byte, before any word is compared.
    let first = first.to_ascii_lowercase();
    heads.iter().any(|word| {
        word.first() == Some(&first) && {
            let seen = &head[..word.len().min(head.len())];
            !seen.is_ascii() || seen.eq_ignore_ascii_case(word)
        }
    })
}

/// The matches of [`CREDIT_LINE`], as `captures_iter` over the whole text gives them: each is
/// one whole line, so only the lines that may be one are read.
fn line_captures(re: &meta::Regex, text: &str) -> Vec<Captures> {
    let Some(heads) = LINE_HEADS.as_ref() else {
        return re.captures_iter(text).collect();
    };
    let mut out = Vec::new();
    let mut start = 0;
    while start <= text.len() {
        let end =
            memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
        // `$` at the end of the slice reads as before the line break it stands for.
        if may_be_credit_line(&text[start..end], heads) {
            let mut caps = re.create_captures();
            re.search_captures(&Input::new(&text[..end]).span(start..end), &mut caps);
            if caps.is_match() {
                out.push(caps);
            }
        }
        start = end + 1;
    }
    out
}

/// The items of the article's credit lines, as byte spans, trimmed.
pub(super) fn credit_items(text: &str) -> Vec<(usize, usize)> {
    let Some(re) = CREDIT_LINE.as_ref() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for caps in line_captures(re, text) {
        let Some(list) = caps.get_group_by_name("list") else {
            continue;
        };
        let mut at = list.start;
        for piece in text[list.range()].split([',', ';', '&']) {
            let mut from = at;
            for item in piece.split(" and ") {
                let lead = item.len() - item.trim_start().len();
                let kept = item.trim().trim_end_matches(['.', '*']).trim_end();
                if !kept.is_empty() {
                    out.push((from + lead, from + lead + kept.len()));
                }
                from += item.len() + " and ".len();
            }
            at += piece.len() + 1;
        }
    }
    out
}

/// The lower-case handles the article's credit lines name.
fn credited_handles(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for (s, e) in credit_items(text) {
        let item = &text[s..e];
        if lower_handle(item) && !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// The credit item a proposed name spans, as the item's span: the whole item, or the item
/// but its leading "The" ("The Block", which the proposer trims as a sentence opener).
pub(super) fn whole_item(
    items: &[(usize, usize)],
    text: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let k = items.partition_point(|&(s, _)| s <= start);
    let &(s, e) = items.get(k.checked_sub(1)?)?;
    (e == end && (s == start || text[s..start] == *"The ")).then_some((s, e))
}

/// The kind of a credit item the model does not take for a name: several words that do not
/// open with a given name are a firm or an outlet ("Dex Screener", "The Block"; the rules
/// have found the people, "Ben Zhou"); one word is whatever the model finds likelier.
pub(super) fn item_kind(name: &str, one_word: impl FnOnce() -> EntityKind) -> EntityKind {
    match name.split_once(' ') {
        Some((first, _)) if !super::people::GIVEN_NAMES.contains(first) => EntityKind::Organization,
        Some(_) => EntityKind::Person,
        None => one_word(),
    }
}

/// Every mention of the credited handles, as people (or as the firm a handle names).
pub(super) fn handle_candidates(
    text: &str,
    orgs: &HashMap<String, String>,
    out: &mut Vec<Candidate>,
) {
    for handle in credited_handles(text) {
        let (kind, canonical) = match orgs.get(&super::handles::compact(handle)) {
            Some(org) => (EntityKind::Organization, org.clone()),
            None => (EntityKind::Person, handle.to_string()),
        };
        for (start, _) in text.match_indices(handle) {
            let end = start + handle.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let glued_after = after.is_some_and(|c| {
                is_word_char(c)
                    || c == '.' && text[end + 1..].starts_with(|c: char| c.is_alphanumeric())
            });
            if before.is_some_and(|c| is_word_char(c) || matches!(c, '@' | '/' | '.' | '#'))
                || glued_after
            {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind,
                canonical: canonical.clone(),
                parent: None,
                source: Source::PersonPattern,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern as `regex::Regex` compiles it, prefilter and all: the definition.
    static DEFINITION: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(&credit_pattern()).expect("the pattern compiles"));

    fn agree(text: &str) {
        let re = CREDIT_LINE.as_ref().expect("the credit pattern compiles");
        let read: Vec<Vec<Option<(usize, usize)>>> = line_captures(re, text)
            .iter()
            .map(|c| c.iter().map(|m| m.map(|m| (m.start, m.end))).collect())
            .collect();
        let want: Vec<Vec<Option<(usize, usize)>>> = DEFINITION
            .captures_iter(text)
            .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
            .collect();
        assert_eq!(read, want, "{text:?}");
    }

    #[test]
    fn reading_only_lines_that_may_be_credits_finds_what_the_regex_finds() {
        assert!(LINE_HEADS.is_some(), "every lead is ASCII");
        for text in [
            "",
            "Credit: @samczsun and @pcaversaccio\nSome text.\nH/T: zachxbt",
            "• Image credit: Reuters\n- * Thanks to alice, bob & carol.\n> Sources: a; b",
            "CREDITS: Alice\n\nphoto  source: AP\nno credit: here\n  \tSource : x",
            "\u{17F}ource: long s\n\u{212A}: kelvin\ncredit:\ncredit: \nend",
            "Text first.\nWith thanks to the team\nhat tip: me\n",
            "HAT TIP: x\nhat  tip: y\nwith thanks: z\nThanks to: w\nH/: v\nsourc: u\nS",
            "image: a\nImage credit: b\nphotos: c\n- - credit: d\nCredit\u{17F}: e\nthan",
        ] {
            agree(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_lines_read_agree_with_the_regex_on_any_text(
            text in "((credit|Source|H/T|image|Photo|hat|tip|Thanks|with|to|\u{17F}|\u{212A}|x|•|-| |:|\\n|a|@b)){0,16}"
        ) {
            agree(&text);
        }
    }

    #[test]
    fn lower_case_items_of_a_credit_line_are_handles() {
        let text = "Intro.\n\nCredit: samczsun, PeckShield, yoav.eth & banteg and _adamb\n\nBody.";
        assert_eq!(
            credited_handles(text),
            ["samczsun", "yoav.eth", "banteg", "_adamb"]
        );
    }

    #[test]
    fn items_are_spans_of_the_line() {
        let text = "x\nCredits: The Block, Ben Zhou & Acme Labs and Dex Screener.\n";
        let items: Vec<&str> = credit_items(text)
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(
            items,
            ["The Block", "Ben Zhou", "Acme Labs", "Dex Screener"]
        );
        let block = text.find("Block").unwrap_or(0);
        let items = credit_items(text);
        assert_eq!(
            whole_item(&items, text, block, block + 5),
            Some((block - 4, block + 5))
        );
        let zhou = text.find("Zhou").unwrap_or(0);
        assert_eq!(whole_item(&items, text, zhou, zhou + 4), None);
    }

    #[test]
    fn a_credited_name_of_several_words_is_a_firm_unless_it_opens_with_a_given_name() {
        let model_says = || EntityKind::Person;
        assert_eq!(
            item_kind("Dex Screener", model_says),
            EntityKind::Organization
        );
        assert_eq!(item_kind("The Block", model_says), EntityKind::Organization);
        assert_eq!(item_kind("Laura Shin", model_says), EntityKind::Person);
        assert_eq!(item_kind("Spreekaway", model_says), EntityKind::Person);
    }

    #[test]
    fn only_a_line_that_opens_with_a_credit_word_counts() {
        let text = "He gave credit to samczsun, who found it.\nSources said banteg was right.";
        assert!(credited_handles(text).is_empty());
    }

    #[test]
    fn domains_addresses_and_capitalised_items_are_no_handles() {
        for item in [
            "zellic.io",
            "0x1234abcd",
            "PeckShield",
            "Ben Zhou",
            "1inch",
            "x",
        ] {
            assert!(!lower_handle(item), "{item}");
        }
        for item in [
            "samczsun",
            "0xlilitch",
            "pedroexplore1",
            "quit.q00t.eth",
            "overHere",
        ] {
            assert!(lower_handle(item), "{item}");
        }
    }

    #[test]
    fn the_handle_is_found_wherever_the_article_writes_it() {
        let text = "Credit: samczsun\n\nAs samczsun wrote, see samczsun.com and @samczsun.";
        let mut out = Vec::new();
        handle_candidates(text, &HashMap::new(), &mut out);
        let found: Vec<&str> = out.iter().map(|c| &text[c.start..c.end]).collect();
        assert_eq!(found, ["samczsun", "samczsun"]);
        assert!(out.iter().all(|c| c.kind == EntityKind::Person));
        assert_eq!(out[1].start, text.find("As samczsun").map_or(0, |i| i + 3));
    }

    #[test]
    fn a_firm_credited_in_lower_case_stays_the_firm() {
        let orgs = HashMap::from([("slowmist".to_string(), "SlowMist".to_string())]);
        let mut out = Vec::new();
        handle_candidates("Credit: slowmist, banteg", &orgs, &mut out);
        assert_eq!(out[0].kind, EntityKind::Organization);
        assert_eq!(out[0].canonical, "SlowMist");
        assert_eq!(out[1].kind, EntityKind::Person);
    }
}
