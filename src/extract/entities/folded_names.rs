//! Known organisations written in another case than the gazetteer's ("Tornado cash" for
//! "Tornado Cash", "github" or "Github" for "GitHub", "slowmist" for "SlowMist"). The
//! gazetteer matches names as written, since most one-word names are also words in lower case
//! ("Apple", "Shell"); a name with a capital inside a word, or of several words, is no English
//! word in any case, and a writer's lower case does not make it one. A several-word name must
//! still open with its capital ("the home office" stays a room), and a lower-case word the
//! corpora use as an ordinary word is left alone.

use std::collections::HashMap;

use super::Candidate;
use super::automaton::Source;
use super::word_starts::WordStarts;
use crate::extract::EntityKind;
use crate::text::is_word_char;

/// Whether a known name keeps its shape in any case: a capital inside a word ("GitHub").
fn camel(name: &str) -> bool {
    name.split(' ')
        .any(|w| w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase))
}

/// The ASCII letters and digits, as a table: one load a byte.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the run of letters and digits from byte `i` (a char boundary), and whether it
/// is all ASCII. ASCII is read a byte at a time, without decoding, in a tight loop.
fn run_end(text: &str, mut i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut ascii = true;
    loop {
        while let Some(&b) = bytes.get(i)
            && ASCII_ALPHANUMERIC[usize::from(b)]
        {
            i += 1;
        }
        match bytes.get(i) {
            Some(b) if !b.is_ascii() => match text[i..].chars().next() {
                Some(c) if c.is_alphanumeric() => {
                    ascii = false;
                    i += c.len_utf8();
                }
                _ => return (i, ascii),
            },
            _ => return (i, ascii),
        }
    }
}

/// Whether a word (a run of letters and digits) starts at byte `i`, a char boundary that no
/// letter or digit ends at.
fn opens_word(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => ASCII_ALPHANUMERIC[usize::from(b)],
        Some(_) => text[i..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    }
}

/// The words of the text (runs of letters and digits: a word with any other character, a
/// URL, an address, a handle, is no word here) that may stand alone, with their spans and
/// whether each is all ASCII, read from the text's token starts and their runs of ASCII
/// letters rather than byte by byte. A word opens a token unless a `_` is glued before it, and
/// such a word never stands alone ([`standalone`]), so none is missed that could be found.
fn words<'a>(
    text: &'a str,
    starts: &'a WordStarts,
) -> impl Iterator<Item = (usize, usize, bool)> + 'a {
    let bytes = text.as_bytes();
    starts.token_runs(text).filter_map(move |(start, run)| {
        let b = *bytes.get(start)?;
        if b.is_ascii() {
            if !ASCII_ALPHANUMERIC[usize::from(b)] {
                return None;
            }
            // A digit or a letter beyond ASCII carries the word on past its ASCII letters.
            match bytes.get(run) {
                Some(&c) if !c.is_ascii() || ASCII_ALPHANUMERIC[usize::from(c)] => {
                    let (end, ascii) = run_end(text, run);
                    Some((start, end, ascii))
                }
                _ => Some((start, run, true)),
            }
        } else if text[start..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
        {
            let (end, ascii) = run_end(text, start);
            Some((start, end, ascii))
        } else {
            None
        }
    })
}

/// Whether the span stands alone: no word character, `@`, `/`, `.` or `-` glued to it, and
/// no full stop going on into a word after it ("github.com").
fn standalone(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let glued_after = match after.next() {
        Some(c) if is_word_char(c) || matches!(c, '/' | '@' | '-') => true,
        Some('.') => after.next().is_some_and(char::is_alphanumeric),
        _ => false,
    };
    !glued_after && !before.is_some_and(|c| is_word_char(c) || matches!(c, '@' | '/' | '.' | '-'))
}

/// The known organisations [`folded_organisations`] can find, keyed as the gazetteer's (letters
/// and digits in lower case): one word with a capital inside it ("GitHub"), found as one word
/// in any case, and names of several words ("Tornado Cash"), found as two or three words opening
/// with a capital. No other name can be written in another case here, so a lower-case word is
/// looked up only among the few of one word.
pub(super) struct Index {
    one: Keys,
    several: Keys,
}

/// Known names by key, with the key lengths that occur for each first byte and the keys' first
/// bytes, so that most words are turned down before any key is built or hashed.
struct Keys {
    names: HashMap<String, String, crate::learn::WordHasher>,
    /// Bit `n` (the last bit: `n` ≥ 63) set when a key of `n` bytes opens with that byte.
    lengths: [u64; 256],
    /// Bit [`prefix_bit`] set for the first one, two, three and four bytes of every key that
    /// has them (fewer than four padded with zero bytes): a word of ASCII letters and digits
    /// whose opening bit is clear opens no key (a filter, never a match: the map still decides).
    prefixes: Vec<u64>,
}

impl Default for Keys {
    fn default() -> Self {
        Keys {
            names: HashMap::default(),
            lengths: [0; 256],
            prefixes: vec![0; PREFIX_BITS / 64],
        }
    }
}

/// The size of [`Keys::prefixes`] in bits: a few thousand keys leave it sparse.
const PREFIX_BITS: usize = 1 << 15;

/// The bit of [`Keys::prefixes`] for four bytes read as a little-endian number.
fn prefix_bit(four: u32) -> usize {
    (four.wrapping_mul(0x9e37_79b1) >> 17) as usize
}

/// The first four bytes of a word in lower case (all of a shorter word, padded with zero
/// bytes), as [`prefix_bit`] reads them, when they are ASCII (letters and digits: setting bit 5
/// lowers a letter and keeps a digit). Any key the word (and the words after it) can spell
/// opens with them.
fn ascii_prefix(word: &[u8]) -> Option<u32> {
    if let Some(four) = word.get(..4) {
        let four = u32::from_le_bytes(four.try_into().ok()?);
        return (four & 0x8080_8080 == 0).then_some(four | 0x2020_2020);
    }
    let mut four = [0u8; 4];
    for (to, &b) in four.iter_mut().zip(word) {
        if !b.is_ascii() {
            return None;
        }
        *to = b | 0x20;
    }
    Some(u32::from_le_bytes(four))
}

impl Keys {
    fn insert(&mut self, key: &str, canonical: &str) {
        let bytes = key.as_bytes();
        if let Some(&first) = bytes.first() {
            self.lengths[usize::from(first)] |= length_bit(key.len());
            for n in 1..=bytes.len().min(4) {
                let mut four = [0u8; 4];
                four[..n].copy_from_slice(&bytes[..n]);
                let bit = prefix_bit(u32::from_le_bytes(four));
                self.prefixes[bit / 64] |= 1 << (bit % 64);
            }
            self.names.insert(key.to_string(), canonical.to_string());
        }
    }

    /// Whether a key can open with these bytes (from [`ascii_prefix`]).
    fn may_open(&self, four: u32) -> bool {
        let bit = prefix_bit(four);
        self.prefixes[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether a key opening with this byte (ASCII, in lower case) can be known.
    fn opens_with(&self, first: u8) -> bool {
        self.lengths[usize::from(first)] != 0
    }

    /// Whether a key of `len` bytes opening with this byte can be known.
    fn has_length(&self, first: u8, len: usize) -> bool {
        self.lengths[usize::from(first)] & length_bit(len) != 0
    }

    fn get(&self, key: &str) -> Option<&String> {
        let first = *key.as_bytes().first()?;
        if !self.has_length(first, key.len()) {
            return None;
        }
        self.names.get(key)
    }
}

impl Index {
    /// `orgs`: every gazetteer organisation by its key.
    pub(super) fn new(orgs: &HashMap<String, String>) -> Self {
        let (mut one, mut several) = (Keys::default(), Keys::default());
        for (key, canonical) in orgs {
            if canonical.contains(' ') {
                several.insert(key, canonical);
            } else if camel(canonical) {
                one.insert(key, canonical);
            }
        }
        Index { one, several }
    }
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Appends `word` in lower case (ASCII words without a char-by-char look-up).
fn push_lower(key: &mut String, word: &str) {
    if word.is_ascii() {
        let from = key.len();
        key.push_str(word);
        key[from..].make_ascii_lowercase();
    } else {
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Every mention of a known organisation (`orgs`: see [`Index`]) written in another case than
/// the gazetteer's.
pub(super) fn folded_organisations(
    text: &str,
    starts: &WordStarts,
    orgs: &Index,
    out: &mut Vec<Candidate>,
) {
    if orgs.one.names.is_empty() && orgs.several.names.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut key = String::new();
    for (start, end, ascii) in words(text, starts) {
        // Several words only when they open with a capital ("Tornado cash").
        let first = bytes[start];
        let capital = if first.is_ascii() {
            first.is_ascii_uppercase()
        } else {
            text[start..].starts_with(char::is_uppercase)
        };
        if first.is_ascii() {
            let first = first.to_ascii_lowercase();
            if !(orgs.one.opens_with(first) || capital && orgs.several.opens_with(first)) {
                continue;
            }
            // A lower-case word is looked up alone: in ASCII, its key is as long as it is.
            if !capital && ascii && !orgs.one.has_length(first, end - start) {
                continue;
            }
        }
        // Every key read from here opens with this word's first bytes, in lower case.
        if let Some(four) = ascii_prefix(&bytes[start..end])
            && !(orgs.one.may_open(four) || capital && orgs.several.may_open(four))
        {
            continue;
        }
        key.clear();
        let most = if capital { 3 } else { 1 };
        let mut last = end;
        for n in 0..most {
            let (s, e) = if n == 0 {
                (start, end)
            } else {
                // The words of one name are one space apart.
                if bytes.get(last) != Some(&b' ') || !opens_word(text, last + 1) {
                    break;
                }
                (last + 1, run_end(text, last + 1).0)
            };
            last = e;
            push_lower(&mut key, &text[s..e]);
            let surface = &text[start..e];
            let known = if n == 0 {
                // "github": no ordinary word of the corpora written in lower case.
                orgs.one.get(&key).filter(|_| {
                    !(surface.chars().all(char::is_lowercase)
                        && super::words::COMMON.contains(surface))
                })
            } else {
                orgs.several.get(&key)
            };
            let Some(canonical) = known else {
                continue;
            };
            if surface != canonical && standalone(text, start, e) {
                out.push(Candidate {
                    start,
                    end: e,
                    kind: EntityKind::Organization,
                    canonical: canonical.clone(),
                    parent: None,
                    source: Source::Organization,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs() -> HashMap<String, String> {
        ["Tornado Cash", "GitHub", "SlowMist", "Shell", "Home Office"]
            .iter()
            .map(|n| (super::super::handles::compact(n), n.to_string()))
            .collect()
    }

    fn found(text: &str) -> Vec<(&str, String)> {
        let mut out = Vec::new();
        folded_organisations(text, &WordStarts::of(text), &Index::new(&orgs()), &mut out);
        out.iter()
            .map(|c| (&text[c.start..c.end], c.canonical.clone()))
            .collect()
    }

    #[test]
    fn a_camel_or_several_word_name_in_another_case_is_the_organisation() {
        assert_eq!(
            found("Sent to Tornado cash, see his github and Github, thanks slowmist."),
            [
                ("Tornado cash", "Tornado Cash".to_string()),
                ("github", "GitHub".to_string()),
                ("Github", "GitHub".to_string()),
                ("slowmist", "SlowMist".to_string()),
            ]
        );
    }

    /// The definition [`words`] reads faster: the runs of alphanumeric characters.
    fn runs(text: &str) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, c) in text.char_indices() {
            if !c.is_alphanumeric() {
                continue;
            }
            match out.last_mut() {
                Some(last) if last.1 == i => last.1 = i + c.len_utf8(),
                _ => out.push((i, i + c.len_utf8())),
            }
        }
        out
    }

    /// The words [`words`] reads, each checked for its ASCII flag.
    fn read(text: &str) -> Vec<(usize, usize)> {
        words(text, &WordStarts::of(text))
            .map(|(start, end, ascii)| {
                assert_eq!(ascii, text[start..end].is_ascii());
                (start, end)
            })
            .collect()
    }

    /// The runs with no `_` glued before them: the words that may stand alone.
    fn free_runs(text: &str) -> Vec<(usize, usize)> {
        runs(text)
            .into_iter()
            .filter(|&(s, _)| !text[..s].ends_with('_'))
            .collect()
    }

    #[test]
    fn words_are_the_runs_of_letters_and_digits() {
        for text in [
            "",
            " ",
            "Tornado Cash, github.com/x; a-b 4th",
            "Zürich café—São Paulo ٣٤ 名字 x\u{212A}y é",
            "a_b _c __d e_ 2_3 é_f_é a1b2 1é",
            "end",
        ] {
            assert_eq!(read(text), free_runs(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_runs_of_letters_and_digits_in_any_text(
            text in "[a-zA-Z0-9_ .,'’éÉ名٣€\u{212A}\u{2003}\u{300}\t\n-]{0,30}"
        ) {
            proptest::prop_assert_eq!(read(&text), free_runs(&text));
        }
    }

    #[test]
    fn a_name_in_capitals_is_found_past_the_first_bytes_filter() {
        assert_eq!(
            found("Sent to TORNADO CASH via GITHUB and 1inch."),
            [
                ("TORNADO CASH", "Tornado Cash".to_string()),
                ("GITHUB", "GitHub".to_string()),
            ]
        );
    }

    #[test]
    fn every_shipped_key_passes_its_own_first_bytes_filter() {
        let index = &super::super::automaton::GAZETTEER.folded_names;
        for keys in [&index.one, &index.several] {
            for key in keys.names.keys() {
                for n in 1..=key.len() {
                    if let Some(four) = key.get(..n).and_then(|k| ascii_prefix(k.as_bytes())) {
                        assert!(keys.may_open(four), "{key} ({n} bytes)");
                    }
                }
                let upper = key.to_ascii_uppercase();
                if let Some(four) = ascii_prefix(upper.as_bytes()) {
                    assert!(keys.may_open(four), "{upper}");
                }
            }
        }
    }

    #[test]
    fn ordinary_words_names_as_written_and_urls_are_left_alone() {
        assert!(
            found(
                "The shell and the home office; GitHub and Tornado Cash as written; \
                 github.com/x, @slowmist, a-github."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_index_keeps_every_name_another_case_can_name_and_only_those() {
        let index = Index::new(&orgs());
        for (key, name) in orgs() {
            assert_eq!(
                index.several.get(&key).is_some(),
                name.contains(' '),
                "{name}"
            );
            assert_eq!(
                index.one.get(&key).is_some(),
                !name.contains(' ') && camel(&name),
                "{name}"
            );
        }
        assert!(index.several.get("tornadocas").is_none() && index.one.get("").is_none());
    }

    /// The scan [`folded_organisations`] replaced: every word listed first, then each looked
    /// up with the words after it; the definition the scan is compared with.
    fn listed(text: &str, orgs: &Index) -> Vec<(usize, usize, String)> {
        let words = runs(text);
        let mut out = Vec::new();
        for i in 0..words.len() {
            let start = words[i].0;
            let capital = text[start..].starts_with(char::is_uppercase);
            let mut key = String::new();
            for (n, &(s, end)) in words[i..]
                .iter()
                .take(if capital { 3 } else { 1 })
                .enumerate()
            {
                if n > 0 && text[words[i + n - 1].1..s] != *" " {
                    break;
                }
                push_lower(&mut key, &text[s..end]);
                let surface = &text[start..end];
                let known = if n == 0 {
                    orgs.one.names.get(&key).filter(|_| {
                        !(surface.chars().all(char::is_lowercase)
                            && super::super::words::COMMON.contains(surface))
                    })
                } else {
                    orgs.several.names.get(&key)
                };
                if let Some(canonical) = known
                    && surface != canonical
                    && standalone(text, start, end)
                {
                    out.push((start, end, canonical.clone()));
                }
            }
        }
        out
    }

    fn scanned(text: &str, orgs: &Index) -> Vec<(usize, usize, String)> {
        let mut out = Vec::new();
        folded_organisations(text, &WordStarts::of(text), orgs, &mut out);
        out.into_iter()
            .map(|c| (c.start, c.end, c.canonical))
            .collect()
    }

    #[test]
    fn the_scan_finds_what_listing_every_word_finds_in_the_shipped_names() {
        let index = &super::super::automaton::GAZETTEER.folded_names;
        let mut names: Vec<&String> = index.one.names.values().collect();
        names.extend(index.several.names.values());
        names.sort();
        let mut found = 0;
        for (i, name) in names.iter().enumerate() {
            let lower = name.to_lowercase();
            let upper = name.to_uppercase();
            let first_capital: String = name
                .split(' ')
                .enumerate()
                .map(|(n, w)| {
                    if n == 0 {
                        w.to_string()
                    } else {
                        w.to_lowercase()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ");
            let text = format!(
                "{lower}, the {first_capital} of {upper}. ({name}) x{lower} {first_capital}-{i} \
                 Über {lower}\u{2019}s {upper}\t{first_capital} In A {upper} é{lower}"
            );
            let want = listed(&text, index);
            found += want.len();
            assert_eq!(scanned(&text, index), want, "{text:?}");
        }
        assert!(found > names.len(), "{found}");
    }

    proptest::proptest! {
        #[test]
        fn the_scan_finds_what_listing_every_word_finds(
            text in "(Tornado|cash|CASH|[Gg]it[Hh]ub|slowmist|Home|office|Shell|The|a|é|Ü|ber|[ .,@/_-]|\u{2003}|名|\t){0,24}"
        ) {
            let index = Index::new(&orgs());
            proptest::prop_assert_eq!(scanned(&text, &index), listed(&text, &index));
        }
    }
}
