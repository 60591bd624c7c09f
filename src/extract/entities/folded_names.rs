//! Known organisations written in another case than the gazetteer's ("Tornado cash" for
//! "Tornado Cash", "github" or "Github" for "GitHub", "slowmist" for "SlowMist"). The
//! gazetteer matches names as written, since most one-word names are also words in lower case
//! ("Apple", "Shell"); a name with a capital inside a word, or of several words, is no English
//! word in any case, and a writer's lower case does not make it one. A several-word name must
//! still open with its capital ("the home office" stays a room), and a lower-case word the
//! corpora use as an ordinary word is left alone.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;
use crate::text::is_word_char;

/// Whether a known name keeps its shape in any case: a capital inside a word ("GitHub").
fn camel(name: &str) -> bool {
    name.split(' ')
        .any(|w| w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase))
}

/// The words of the text with their byte spans: letters and digits only (a word with any
/// other character, a URL, an address, a handle, is no word here).
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push((s, i));
        }
    }
    out
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

/// The known organisations [`folded_organisations`] can find: those of several words or with a
/// capital inside a word (no other can be written in another case here), keyed as the
/// gazetteer's (letters and digits in lower case), with the key lengths that occur for each
/// first byte, so that most words are turned down before any hashing.
pub(super) struct Index {
    names: HashMap<String, String, BuildHasherDefault<crate::learn::KeyHasher>>,
    /// Bit `n` (the last bit: `n` ≥ 63) set when a key of `n` bytes opens with that byte.
    lengths: [u64; 256],
}

impl Index {
    /// `orgs`: every gazetteer organisation by its key.
    pub(super) fn new(orgs: &HashMap<String, String>) -> Self {
        let mut names = HashMap::default();
        let mut lengths = [0u64; 256];
        for (key, canonical) in orgs {
            if key.is_empty() || !(canonical.contains(' ') || camel(canonical)) {
                continue;
            }
            lengths[usize::from(key.as_bytes()[0])] |= length_bit(key.len());
            names.insert(key.clone(), canonical.clone());
        }
        Index { names, lengths }
    }

    fn get(&self, key: &str) -> Option<&String> {
        let first = usize::from(*key.as_bytes().first()?);
        if self.lengths[first] & length_bit(key.len()) == 0 {
            return None;
        }
        self.names.get(key)
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
pub(super) fn folded_organisations(text: &str, orgs: &Index, out: &mut Vec<Candidate>) {
    if orgs.names.is_empty() {
        return;
    }
    let words = words(text);
    let mut key = String::new();
    for i in 0..words.len() {
        key.clear();
        for (n, &(s, e)) in words[i..].iter().take(3).enumerate() {
            // The words of one name are one space apart.
            if n > 0 && text[words[i + n - 1].1..s] != *" " {
                break;
            }
            push_lower(&mut key, &text[s..e]);
            let (start, end) = (words[i].0, e);
            let Some(canonical) = orgs.get(key.as_str()) else {
                continue;
            };
            let surface = &text[start..end];
            let several = canonical.contains(' ');
            let as_known = if several {
                // "Tornado cash": its words as the name's, opening with its capital.
                n > 0 && surface.starts_with(char::is_uppercase)
            } else {
                n == 0
                    && camel(canonical)
                    && !(surface.chars().all(char::is_lowercase)
                        && super::words::COMMON.contains(surface))
            };
            if as_known && surface != canonical && standalone(text, start, end) {
                out.push(Candidate {
                    start,
                    end,
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
        folded_organisations(text, &Index::new(&orgs()), &mut out);
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
            let findable = name.contains(' ') || camel(&name);
            assert_eq!(index.get(&key).is_some(), findable, "{name}");
        }
        assert!(index.get("tornadocas").is_none() && index.get("").is_none());
    }
}
