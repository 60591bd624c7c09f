//! The shape of the text around names, where capitals say little: hard-wrapped wire stories
//! (a name may run on to the next line), all-caps headlines ("ALAMCO INC <AXO> 4TH QTR"),
//! datelines ("MOSCOW (Sputnik) –"), title-case captions and the furniture of web pages (share
//! buttons). Offsets never move: the unwrapped text is the same length as the text.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

mod share_bars;
pub(super) use share_bars::{page_chrome_line, page_chrome_lines};

use super::Candidate;
use super::automaton::{Gazetteer, Source};
use crate::extract::EntityKind;

/// Abbreviations and line labels of wire stories ("Shr", "Oper", "Qtly"): never names.
pub(super) static WIRE_ABBREVIATIONS: LazyLock<super::words::WordSet> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/wire-abbreviations.txt"
    ))
    .collect()
});

/// Verbs of wire headlines ("RAISES", "SEES"), lower case.
static HEADLINE_VERBS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/headline-verbs.txt"
    ))
    .collect()
});

/// Last words of places' names ("Peninsula", "Zone").
pub(super) static PLACE_SUFFIXES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/place-suffixes.txt"
    ))
    .collect()
});

/// The text with a hard-wrapped story's line breaks inside paragraphs made spaces, so that a
/// name broken over two lines ("chairman A.W.\nClausen") is one name. A story is hard-wrapped
/// when its body lines are all short (newswire: about 65 characters, paragraphs indented); a
/// break before an indented line, a blank line or a list item is a paragraph's end, and the
/// title line never runs on.
pub(crate) fn unwrapped(text: &str) -> Cow<'_, str> {
    let title_end = text.find('\n').unwrap_or(text.len());
    let body: Vec<&str> = text[title_end..]
        .lines()
        .filter(|l| !l.trim().is_empty())
        .collect();
    let wrapped = body.len() >= 3 && body.iter().all(|l| l.chars().count() <= 90);
    if !wrapped {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = text.as_bytes().to_vec();
    for (i, &b) in bytes.iter().enumerate().skip(title_end + 1) {
        if b != b'\n' || i + 1 >= bytes.len() {
            continue;
        }
        let prev = bytes[i - 1];
        let next = bytes[i + 1];
        if prev.is_ascii_whitespace()
            || next.is_ascii_whitespace()
            || b"-*".contains(&next)
            || next >= 0x80 && text[i + 1..].starts_with('\u{2022}')
        {
            continue;
        }
        out[i] = b' ';
    }
    // Only an ASCII newline became an ASCII space: still UTF-8.
    Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string()))
}

/// The end of the title line when the title is written in capitals ("BANKAMERICA <BAC> CHIEF
/// SEES BRAZIL SOLUTION"): there a capital marks no name.
pub(super) fn all_caps_title_end(text: &str) -> Option<usize> {
    let end = text.find('\n').unwrap_or(text.len());
    let title = &text[..end];
    // A lower-case letter, most often the second char, settles it before the letters are
    // counted over the whole line (a body's first paragraph when the text has no title).
    (!title.chars().any(char::is_lowercase)
        && title.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .then_some(end)
}

/// Whether the line holding `at` is written in title case (a caption's or a headline's
/// "UK Security Officials Believe N Korea Behind Cyberattack"): most of at least five words
/// capitalised, so that capitals there join no names.
pub(super) fn title_case_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let words: Vec<&str> = text[start..end]
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_alphabetic))
        .collect();
    let capitalised = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 5 && capitalised * 10 >= words.len() * 8 && words.len() <= 25
}

/// "BANKAMERICA" → "Bankamerica", "INC" → "Inc"; words of up to three letters stay as they are
/// ("GM", "LSB"), as they are more often initials.
fn title_cased(caps: &str) -> String {
    caps.split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if letters <= 3 && !matches!(w, "INC" | "CO" | "LTD" | "CORP") {
                return w.to_string();
            }
            let mut out = String::new();
            let mut first = true;
            for c in w.chars() {
                if first {
                    out.extend(c.to_uppercase());
                } else {
                    out.extend(c.to_lowercase());
                }
                // "CORE-MARK" → "Core-Mark", "WENDY'S" → "Wendy's".
                first = c == '-';
            }
            out
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Organisations a wire story names by their stock symbol: in an all-caps headline the words
/// right before "<AXO>" or "[OLBV.VI]" ("ALAMCO INC <AXO> 4TH QTR", "SOSNOFF STARTS BID FOR
/// CAESARS WORLD <CAW>"), as the body writes them when it does; and in the text, a name in
/// angle brackets ("<Clearview Baking Corp>", "<CIMARRON PETROLEUM LTD>"), the wire's mark of
/// a company.
#[inline(never)] // named in profiles (README, "The entity rules, instruction counts")
pub(super) fn symbol_organisations(text: &str, out: &mut Vec<Candidate>) {
    let title_end = all_caps_title_end(text);
    let mut at = 0;
    // A byte search: a search for either char decodes every char of the text.
    while let Some(i) = memchr::memchr2(b'<', b'[', &text.as_bytes()[at..]) {
        let open = at + i;
        let close_char = if text.as_bytes()[open] == b'<' {
            '>'
        } else {
            ']'
        };
        let Some(j) = text[open + 1..].find(close_char) else {
            break;
        };
        let close = open + 1 + j;
        at = close + 1;
        let inner = &text[open + 1..close];
        if inner.is_empty() || inner.len() > 80 || inner.contains('\n') {
            continue;
        }
        let symbol = !inner.contains(' ') && !inner.chars().any(char::is_lowercase);
        if !symbol {
            // "<Clearview Baking Corp>": the company itself.
            if inner.starts_with(char::is_uppercase) && text[..open].ends_with([' ', '\n'])
                || open == 0
            {
                let canonical = if inner.chars().any(char::is_lowercase) {
                    inner.to_string()
                } else {
                    title_cased(inner)
                };
                out.push(organisation(open + 1, close, canonical));
            }
            continue;
        }
        if title_end.is_none_or(|e| open > e) {
            continue;
        }
        if let Some((s, e)) = name_before_symbol(text, open) {
            let canonical = body_spelling(text, s, e).unwrap_or_else(|| title_cased(&text[s..e]));
            out.push(organisation(s, e, canonical));
        }
    }
}

fn organisation(start: usize, end: usize, canonical: String) -> Candidate {
    Candidate {
        start,
        end,
        kind: EntityKind::Organization,
        canonical,
        parent: None,
        source: Source::OrgPattern,
    }
}

/// Headline words that end a company's name going back from its symbol: function words,
/// the headline's verbs, punctuation.
fn stops_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.as_str(),
        "for" | "to" | "in" | "on" | "by" | "with" | "at" | "from" | "and" | "vs" | "-" | "/"
    ) || word.ends_with([',', ':', ';', '/'])
        || HEADLINE_VERBS.contains(lower.as_str())
}

/// The headline words right before a symbol at `open`: byte range of the company's name.
fn name_before_symbol(text: &str, open: usize) -> Option<(usize, usize)> {
    let line_start = text[..open].rfind('\n').map_or(0, |i| i + 1);
    let head = text[line_start..open].trim_end();
    let mut words = Vec::new();
    let mut pos = line_start;
    for w in head.split(' ') {
        if !w.is_empty() {
            words.push((pos, w));
        }
        pos += w.len() + 1;
    }
    let end = line_start + head.len();
    let mut start = end;
    for &(at, w) in words.iter().rev().take(5) {
        if stops_name(w) || w.contains(['/', '>', ']']) {
            break;
        }
        start = at;
    }
    // "HARTFORD NATIONAL UNIT <HNAT>": the unit is the company's, not part of its name.
    let mut name_end = end;
    while let Some((s, w)) = text[start..name_end].rsplit_once(' ') {
        if !matches!(w, "UNIT" | "UNITS" | "SUBSIDIARY" | "AFFILIATE") {
            break;
        }
        name_end = start + s.len();
    }
    (name_end > start && text[start..name_end].chars().any(char::is_alphabetic))
        .then_some((start, name_end))
}

/// How the body spells the headline's `start..end` ("TEXSTYRENE" as "Texstyrene"): the
/// longest tail of the headline words the body writes with capitals.
fn body_spelling(text: &str, start: usize, end: usize) -> Option<String> {
    let body = &text[all_caps_title_end(text)?..];
    let words: Vec<&str> = text[start..end].split(' ').collect();
    (0..words.len()).find_map(|from| {
        let wanted = words[from..].join(" ").to_lowercase();
        let lower = body.to_lowercase();
        let mut at = 0;
        while let Some(i) = lower[at..].find(&wanted) {
            let s = at + i;
            let e = s + wanted.len();
            at = e;
            let bounded = !body[..s].ends_with(char::is_alphanumeric)
                && !body[e..].starts_with(char::is_alphanumeric);
            let written = &body[s..e];
            if bounded && written.starts_with(char::is_uppercase) {
                return Some(written.to_string());
            }
        }
        None
    })
}

/// A dateline's place ("MOSCOW (Sputnik) –", "NEW YORK, March 3 -"): the capitals that open a
/// line before a bracket, a comma or a dash, when the place gazetteer knows them.
pub(super) fn dateline_places(text: &str, g: &Gazetteer, out: &mut Vec<Candidate>) {
    let mut line_start = 0;
    for line in text.split('\n') {
        let here = line_start;
        line_start += line.len() + 1;
        let caps = line
            .find(|c: char| !(c.is_uppercase() || c == ' ' || c == '.' || c == '-'))
            .unwrap_or(line.len());
        let head = line[..caps].trim_end();
        let rest = &line[head.len()..];
        let dateline = rest.starts_with(" (")
            || rest.starts_with(',')
            || rest.starts_with(" -")
            || rest.starts_with(" –")
            || rest.starts_with(" —");
        if head.chars().filter(|c| c.is_alphabetic()).count() < 3 || !dateline {
            continue;
        }
        let written = title_cased(head);
        let place = g.names.find_iter(&written).find_map(|m| {
            let (ti, _) = g.patterns[m.pattern];
            let t = &g.targets[ti];
            (m.start == 0 && m.end == written.len() && t.kind == EntityKind::Location).then_some(t)
        });
        if let Some(t) = place {
            out.push(Candidate {
                start: here,
                end: here + head.len(),
                kind: EntityKind::Location,
                canonical: t.canonical.clone(),
                parent: t.parent.clone(),
                source: Source::Place,
            });
        }
    }
}

/// Places and known organisations of an all-caps headline ("PARIS SUGAR OPEN POSITION",
/// "SIOUX CITY HOGS STEADY"): the gazetteer's names found in its title-cased form, at the same
/// offsets.
pub(super) fn headline_names(text: &str, g: &Gazetteer, out: &mut Vec<Candidate>) {
    let Some(end) = all_caps_title_end(text) else {
        return;
    };
    let written = title_cased(&text[..end]);
    if written.len() != end {
        return;
    }
    for m in g.names.find_iter(&written) {
        let (s, e) = (m.start, m.end);
        let bounded = !written[..s].ends_with(char::is_alphanumeric)
            && !written[e..].starts_with(char::is_alphanumeric);
        let (ti, source) = g.patterns[m.pattern];
        let t = &g.targets[ti];
        // A name already written in capitals ("U.S.") is the gazetteer's own match.
        // "SPANISH RAILWAY WORKERS": an adjective, not the place named.
        if !bounded
            || written[s..e] == text[s..e]
            || t.kind == EntityKind::ThreatActor
            || g.demonyms.contains(&written[s..e])
        {
            continue;
        }
        out.push(Candidate {
            start: s,
            end: e,
            kind: t.kind,
            canonical: t.canonical.clone(),
            parent: t.parent.clone(),
            source,
        });
    }
}

/// Whether a one-word name is two words of names the article has already found, hyphened
/// ("Trump-Kim" after "Donald Trump" and "Kim Jong Un").
pub(super) fn joins_found_names(name: &str, text: &str, found: &[Candidate]) -> bool {
    let mut parts = name.split('-');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let found_as = |w: &str| {
        found
            .iter()
            .any(|c| text[c.start..c.end].split(' ').any(|x| x == w))
    };
    !name.contains(' ') && found_as(a) && found_as(b)
}

/// A month's name with one letter dropped ("Feruary", "Septmber"): a typo, not a name.
pub(super) fn misspelt_month(name: &str) -> bool {
    crate::extract::calendar::month_words().any(|m| {
        m.len() >= 5
            && m.len() == name.len() + 1
            && (0..m.len()).any(|i| {
                m.is_char_boundary(i)
                    && m.is_char_boundary(i + 1)
                    && m[..i].to_string() + &m[i + 1..] == name
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition [`all_caps_title_end`] reads in the other order.
    fn letters_counted_first(text: &str) -> Option<usize> {
        let end = text.find('\n').unwrap_or(text.len());
        let title = &text[..end];
        let letters = title.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 4 && !title.chars().any(char::is_lowercase)).then_some(end)
    }

    #[test]
    fn a_title_in_capitals_is_told_as_before() {
        for text in [
            "",
            "ABC",
            "ABCD",
            "ALAMCO INC <AXO> 4TH QTR NET\nShr 10 cts",
            "Breach at Corvandun Bank\nHackers took",
            "ÉTÉ À PARIS\nbody",
            "12 34 <AB>\nbody",
            "AB\nCDEF",
            "ABCDe",
        ] {
            assert_eq!(
                all_caps_title_end(text),
                letters_counted_first(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_title_in_capitals_is_told_as_before_in_any_text(text in "[A-Za-z0-9 <>ÉéΣσ\n-]{0,20}") {
            proptest::prop_assert_eq!(all_caps_title_end(&text), letters_counted_first(&text));
        }
    }
}
