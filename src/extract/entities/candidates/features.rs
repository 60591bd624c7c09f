//! The features the model types a proposed name by, hashed as they are read: each feature's
//! name (a prefix, a word lower-cased on the fly, a count) goes straight into the FNV-1a hash
//! the weights file is keyed by, so no string is built per feature or per word. The names and
//! their order are those of `string_features.rs` (the test compares the two).

use super::*;
use crate::extract::entities::person_cues;
use crate::learn::FeatureHash as H;

/// Buffers reused from mention to mention.
pub(super) struct Scratch {
    /// The name's words lower-cased, joined by one space (the `span=` feature).
    lower: String,
    /// Each word's range in `lower`.
    ranges: Vec<(usize, usize)>,
    /// The name's words joined by one space, as written (for the towns list).
    joined: String,
    /// The story-domain crossings, appended after the features they cross.
    crossed: Vec<u32>,
    /// Each word's [`shape`], one after another, and each one's range in it: a shape is
    /// read once for the features that hash it (up to four for the first word).
    shapes: String,
    shape_ranges: Vec<(usize, usize)>,
    /// The tokens before and after the mention, lower-cased once for the features that hash
    /// them (five and three).
    prev: String,
    next: String,
}

impl Default for Scratch {
    /// Each buffer with room for a long name's words, a long token or a crypto story's
    /// crossings: one allocation each per article, where growing from empty took several.
    fn default() -> Self {
        Scratch {
            lower: String::with_capacity(64),
            ranges: Vec::with_capacity(8),
            joined: String::with_capacity(64),
            crossed: Vec::with_capacity(32),
            shapes: String::with_capacity(32),
            shape_ranges: Vec::with_capacity(8),
            prev: String::with_capacity(32),
            next: String::with_capacity(32),
        }
    }
}

impl Scratch {
    fn fill(&mut self, text: &str, words: &[(usize, usize)]) {
        self.lower.clear();
        self.ranges.clear();
        for (i, &(s, e)) in words.iter().enumerate() {
            if i > 0 {
                self.lower.push(' ');
            }
            let from = self.lower.len();
            let w = &text[s..e];
            if w.is_ascii() {
                self.lower.push_str(w);
                self.lower[from..].make_ascii_lowercase();
            } else {
                self.lower.push_str(&w.to_lowercase());
            }
            self.ranges.push((from, self.lower.len()));
        }
        self.shapes.clear();
        self.shape_ranges.clear();
        for &(s, e) in words {
            let from = self.shapes.len();
            shape(&text[s..e], &mut self.shapes);
            self.shape_ranges.push((from, self.shapes.len()));
        }
    }

    fn shape(&self, i: usize) -> &str {
        let (s, e) = self.shape_ranges[i];
        &self.shapes[s..e]
    }

    fn word(&self, i: usize) -> &str {
        let (s, e) = self.ranges[i];
        &self.lower[s..e]
    }
}

/// Where features go: `put` for the plain ones, `put_crossed` for those a crypto story also
/// crosses with its domain ("crypto&shape=Xx": a linear model needs the pairs).
struct Sink<'a> {
    out: &'a mut Vec<u32>,
    crossed: Vec<u32>,
    crypto: bool,
}

impl Sink<'_> {
    fn put(&mut self, f: impl Fn(H) -> H) {
        self.out.push(f(H::default()).finish());
    }

    fn put_crossed(&mut self, f: impl Fn(H) -> H) {
        self.out.push(f(H::default()).finish());
        if self.crypto {
            self.crossed.push(f(H::default().str("crypto&")).finish());
        }
    }
}

/// Word shape ("Xx", "X", "xXx", "d"…, repeats collapsed), appended to `out`.
fn shape(word: &str, out: &mut String) {
    let mut last = None;
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(k) {
            out.push(k);
            last = Some(k);
        }
    }
}

/// `word` lower-cased into `out` (the bytes [`H::lower`] hashes): a token is short, so an
/// ASCII one is lowered a byte at a time as it is copied.
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// One mention's feature hashes, appended to `out` (several times when a feature repeats).
pub(super) fn mention_features(
    text: &str,
    words: &[(usize, usize)],
    doc: &Doc,
    not_name: &FxHashSet<String>,
    scratch: &mut Scratch,
    out: &mut Vec<u32>,
) {
    let (start, end) = (words[0].0, words[words.len() - 1].1);
    scratch.fill(text, words);
    let (prev, prev_at) = raw_token_before(text, start);
    let (next, next_at) = raw_token_after(text, end);
    lower_into(prev, &mut scratch.prev);
    lower_into(next, &mut scratch.next);
    let mut crossed = std::mem::take(&mut scratch.crossed);
    crossed.clear();
    let s = &*scratch;
    let ws = |i: usize| &text[words[i].0..words[i].1];
    let count = words.len();
    let (first, last) = (s.word(0), s.word(count - 1));
    let n = count.min(4);
    let mut sink = Sink {
        out,
        crossed,
        crypto: doc.crypto,
    };
    sink.put_crossed(|h| h.str("b"));
    sink.put_crossed(|h| h.str("n=").num(n));
    sink.put(|h| h.str("span=").str(&s.lower));
    sink.put(|h| h.str("first=").str(first));
    sink.put(|h| h.str("last=").str(last));
    let suffix = &last[last.char_indices().rev().nth(2).map_or(0, |(i, _)| i)..];
    sink.put(|h| h.str("suf=").str(suffix));
    for i in 0..count {
        let w = ws(i);
        let shape = s.shape(i);
        sink.put_crossed(|h| h.str("shape=").str(shape));
        sink.put(|h| h.str("w=").str(s.word(i)));
        if w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase) {
            sink.put_crossed(|h| h.str("camel"));
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            sink.put_crossed(|h| h.str("digit"));
        }
        if not_name.contains(w) {
            sink.put(|h| h.str("notname"));
        }
    }
    let shape1 = s.shape(0);
    sink.put_crossed(|h| h.str("shape1=").str(shape1));
    let common_first = COMMON.contains(first);
    if common_first {
        sink.put_crossed(|h| h.str("common_first"));
    }
    if (0..count).all(|i| COMMON.contains(s.word(i))) {
        sink.put_crossed(|h| h.str("common_all&n=").num(n));
    }
    if GIVEN_NAMES.contains(ws(0)) {
        sink.put_crossed(|h| h.str("given_first&n=").num(n));
    }
    if SURNAMES.contains(ws(count - 1)) {
        sink.put_crossed(|h| h.str("surname_last&n=").num(n));
    }
    if count == 1 && ws(0).chars().all(|c| !c.is_lowercase()) {
        let len = ws(0).chars().count().min(6);
        sink.put(|h| h.str("allcaps_len=").num(len));
    }
    if ws(0).starts_with('@') {
        sink.put_crossed(|h| h.str("handle"));
    }
    if count == 1 && is_lower_handle(ws(0)) {
        // A lower-case handle's place in the sentence says nothing of its capital letter.
        sink.put(|h| h.str("lower_handle"));
    } else if sentence_start(text, start) {
        sink.put_crossed(|h| h.str("sent_start"));
        sink.put(|h| h.str("sent_start&n=").num(n));
        if common_first {
            sink.put(|h| h.str("sent_start&common_first"));
        }
    }
    if start < doc.title_end {
        sink.put(|h| h.str("title_line"));
    }
    let Sink { out, crossed, .. } = sink;
    out.extend_from_slice(&crossed);
    let mut sink = Sink {
        out,
        crossed,
        crypto: false,
    };
    if doc.lower_words.contains(first) {
        sink.put(|h| h.str("doc_lower&n=").num(n));
    }
    let prev2 = raw_token_before(text, prev_at);
    let next2 = raw_token_after(text, next_at).0;
    // The anchor's walk opens on the two tokens before, read already.
    let anchor = list_anchor_from(text, start, &[(prev, prev_at), prev2]).0;
    let prev2 = prev2.0;
    let (lprev, lnext) = (s.prev.as_str(), s.next.as_str());
    sink.put(|h| h.str("anchor=").lower(anchor));
    each_window_word(text, start, end, |w| sink.put(|h| h.str("ctx=").lower(w)));
    let pre3 = &first[..first.char_indices().nth(3).map_or(first.len(), |(i, _)| i)];
    sink.put(|h| h.str("pre3=").str(pre3));
    sink.put(|h| h.str("prev=").str(lprev));
    sink.put(|h| h.str("next=").str(lnext));
    sink.put(|h| h.str("prev2=").lower(prev2).str(" ").str(lprev));
    sink.put(|h| h.str("next2=").str(lnext).str(" ").lower(next2));
    sink.put(|h| h.str("prev&n=").str(lprev).str("&").num(n));
    // "in Carlisle", "Sarasota, Fla.": a town of GeoNames the rules leave to the model.
    let name = if count == 1 {
        ws(0)
    } else {
        scratch.joined.clear();
        for i in 0..count {
            if i > 0 {
                scratch.joined.push(' ');
            }
            scratch.joined.push_str(ws(i));
        }
        scratch.joined.as_str()
    };
    let (lprev, lnext) = (scratch.prev.as_str(), scratch.next.as_str());
    if TOWNS.contains(name) {
        sink.put(|h| h.str("town&n=").num(n));
        sink.put(|h| h.str("town&prev=").str(lprev));
        sink.put(|h| h.str("town&next=").str(lnext));
    }
    // "David Anders at Merrill Lynch", "James Murren of C.J. Lawrence": a name right after
    // another name and a preposition is often where that person works.
    if matches!(lprev, "at" | "of" | "from")
        && text[..prev_at]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        sink.put(|h| h.str("after_name&").str(lprev));
    }
    if text[end..].starts_with("'s") || text[end..].starts_with("’s") {
        sink.put(|h| h.str("poss"));
    }
    // "Rarma, as he poured one out", "as Kazuya puts it", "Ana's vision": a person's words.
    let pronoun = person_cues::pronoun_kind_after(text, end);
    if pronoun == Some(person_cues::Pronoun::Person) {
        sink.put(|h| h.str("pron_after"));
    }
    if pronoun == Some(person_cues::Pronoun::Its) {
        sink.put(|h| h.str("its_after"));
    }
    if person_cues::person_verb_after(text, end) {
        sink.put(|h| h.str("person_verb"));
    }
    if person_cues::possession_after(text, end) {
        sink.put(|h| h.str("person_poss"));
    }
    scratch.crossed = sink.crossed;
}
