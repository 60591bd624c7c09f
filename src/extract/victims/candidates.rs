//! The victim candidates of an article: its organisation mentions, one candidate per
//! identity (the spellings the corpus gathering merges), with how the article treats it.

use std::collections::HashMap;

use crate::extract::lexicon::Lexicon;
use crate::extract::{EntityKind, EntityMention};
use crate::learn::WordHasher;

use super::{identity, normalized};
use crate::extract::entities::institutions::head_end;

/// One organisation of the article.
pub(super) struct Candidate {
    pub name: String,
    pub id: String,
    /// Its mentions (byte offsets), in text order.
    pub spans: Vec<(usize, usize)>,
    /// Among the article's organisations by mentions (0: the most mentioned).
    pub rank: usize,
    pub in_title: bool,
    /// The organisation-type word its name ends with ("bank", "exchange", "protocol").
    pub type_word: Option<String>,
    /// Its name compared as victims' names are ("Ronin Network" → "ronin").
    pub normalized: String,
    /// A chain or a token's ticker ("Ethereum", "stETH"): an asset, seldom the one robbed.
    pub asset: bool,
}

/// The organisations of `entities` (by start), most mentioned first; a place followed by a
/// lower-case institution head ("the Bangladesh central bank") is that institution.
pub(super) fn of(
    text: &str,
    entities: &[(usize, usize, &EntityMention)],
    title_end: Option<usize>,
    lex: &Lexicon,
) -> Vec<Candidate> {
    // A name seen before is found by its text; a new spelling is keyed, and a key seen before
    // is found in the second map.
    let mut by_name: HashMap<&str, usize, WordHasher> = HashMap::default();
    let mut by_id: HashMap<String, usize, WordHasher> = HashMap::default();
    let mut out: Vec<Candidate> = Vec::new();
    // A new name's lower case, for the lexicon's look-ups: one buffer for the ASCII names.
    let mut lower = String::new();
    for &(s, e, m) in entities {
        let (e, canonical) = match m.kind {
            EntityKind::Organization => (e, m.canonical.as_str()),
            EntityKind::Location => match head_end(text, e) {
                Some(end) => (end, &text[s..end]),
                None => continue,
            },
            _ => continue,
        };
        let k = match by_name.get(canonical) {
            Some(&k) => k,
            None => {
                let id = identity(canonical);
                let k = *by_id.entry(id.clone()).or_insert_with(|| {
                    let type_word;
                    if canonical.is_ascii() {
                        // Its last word's lower case is the last word of its lower case.
                        lower.clear();
                        lower.push_str(canonical);
                        lower.make_ascii_lowercase();
                        type_word = lower
                            .split_whitespace()
                            .next_back()
                            .filter(|w| lex.is_organisation_word(w))
                            .map(str::to_string);
                    } else {
                        type_word = canonical
                            .split_whitespace()
                            .next_back()
                            .map(str::to_lowercase)
                            .filter(|w| lex.is_organisation_word(w));
                        lower = canonical.to_lowercase();
                    }
                    out.push(Candidate {
                        name: canonical.to_string(),
                        normalized: normalized(canonical),
                        id,
                        spans: Vec::new(),
                        rank: 0,
                        in_title: false,
                        type_word,
                        asset: lex.is_chain(&lower)
                            || crate::extract::money::parse::is_known_ticker(canonical),
                    });
                    out.len() - 1
                });
                by_name.insert(canonical, k);
                k
            }
        };
        let c = &mut out[k];
        c.spans.push((s, e));
        c.in_title |= title_end.is_some_and(|t| s < t);
    }
    let mut order: Vec<usize> = (0..out.len()).collect();
    order.sort_by_key(|&k| (std::cmp::Reverse(out[k].spans.len()), out[k].spans[0].0));
    for (rank, k) in order.into_iter().enumerate() {
        out[k].rank = rank;
    }
    out
}

/// A name the old rule gave, keyed once for comparing with every candidate.
pub(super) struct RuleName {
    id: String,
    normalized: String,
}

impl RuleName {
    pub fn new(name: &str) -> Self {
        Self {
            id: identity(name),
            normalized: normalized(name),
        }
    }
}

/// Whether the old rule's `name` names candidate `c`: the same identity, or the same name
/// once kind words are dropped, or one the other's leading words ("Bangladesh central bank"
/// and "Bangladesh Bank", "Ronin" and "Ronin Network").
pub(super) fn names(c: &Candidate, name: &RuleName) -> bool {
    if name.id == c.id {
        return true;
    }
    let n = &name.normalized;
    let (short, long) = if n.len() <= c.normalized.len() {
        (n.as_str(), c.normalized.as_str())
    } else {
        (c.normalized.as_str(), n.as_str())
    };
    let mut long_words = long.split_whitespace();
    !short.is_empty()
        && short
            .split_whitespace()
            .all(|w| long_words.next() == Some(w))
}
