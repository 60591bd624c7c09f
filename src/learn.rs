//! A linear classifier over hashed features (multinomial logistic regression fitted by SGD),
//! shared by the entity typer and the amount-role model. Its weights are data (`assets/`),
//! trained by reproducible commands; scoring is a few hash look-ups per example.

mod table;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use table::Table;

/// Feature keys are already hashes: the weight maps use them as they are instead of hashing
/// them again (SipHash was a tenth of the extraction's time on figure-dense text).
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // Spread the key over the high bits too: the table indexes by the top bits.
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// The hasher of our word lists and feature maps: FNV over the bytes, fixed and unseeded. The
/// lists are our own data, not input an attacker picks, and SipHash was a seventh of the
/// clause-word reading.
pub type WordHasher = BuildHasherDefault<KeyHasher>;

/// A map keyed by feature hash, as training grows it (a model scores from a [`Table`]).
type Weights<V> = HashMap<u32, V, WordHasher>;

/// Hashed features with their values.
pub type Features = Vec<(u32, f32)>;

/// FNV-1a: stable across platforms and releases, so shipped weights keep their meaning.
pub fn hash(feature: &str) -> u32 {
    hash_parts(&[feature])
}

/// [`hash`] of the parts written one after the other, without building the string (a feature
/// name is a prefix and a word, for every word around every figure).
pub fn hash_parts(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in parts.iter().flat_map(|p| p.bytes()) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// [`hash`] built up part by part: a feature's name is hashed as it is read (a prefix, a word
/// lower-cased on the fly, a count), so no string is built per feature and the weights files
/// keep their keys.
#[derive(Clone, Copy, Debug)]
pub struct FeatureHash(u32);

/// Each ASCII byte lower-cased; the bytes past ASCII as they are.
static ASCII_LOWER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    t
};

impl Default for FeatureHash {
    fn default() -> Self {
        Self(0x811c_9dc5)
    }
}

impl FeatureHash {
    /// [`hash_parts`] as a state to go on from, computable when the program is compiled: a
    /// feature's fixed prefix is hashed once, not for every figure.
    pub const fn of_parts(parts: &[&str]) -> Self {
        let mut h: u32 = 0x811c_9dc5;
        let mut k = 0;
        while k < parts.len() {
            let b = parts[k].as_bytes();
            let mut i = 0;
            while i < b.len() {
                h = (h ^ b[i] as u32).wrapping_mul(0x0100_0193);
                i += 1;
            }
            k += 1;
        }
        Self(h)
    }

    pub fn bytes(mut self, bytes: &[u8]) -> Self {
        for &b in bytes {
            self.0 ^= u32::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0193);
        }
        self
    }

    pub fn str(self, s: &str) -> Self {
        self.bytes(s.as_bytes())
    }

    pub fn char(self, c: char) -> Self {
        self.str(c.encode_utf8(&mut [0; 4]))
    }

    /// The bytes of `s.to_lowercase()`, without building it (ASCII byte by byte; a capital
    /// sigma, lowered by its place in the word, takes the string path). Inlined: the entity
    /// features call it for each of a mention's context words.
    #[inline]
    pub fn lower(self, s: &str) -> Self {
        // One pass for ASCII words (nearly all), not a test of the whole word first.
        let mut h = self;
        for &b in s.as_bytes() {
            if !b.is_ascii() {
                return self.lower_unicode(s);
            }
            h.0 = (h.0 ^ u32::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0193);
        }
        h
    }

    /// [`FeatureHash::lower`] of a word known to be ASCII: a table load a byte, with neither
    /// the ASCII test nor the case test (a byte past ASCII, which the caller rules out, is
    /// hashed as it is).
    pub fn ascii_lower(self, s: &[u8]) -> Self {
        let mut h = self;
        for &b in s {
            h.0 = (h.0 ^ u32::from(ASCII_LOWER[usize::from(b)])).wrapping_mul(0x0100_0193);
        }
        h
    }

    fn lower_unicode(self, s: &str) -> Self {
        if s.contains('Σ') {
            self.str(&s.to_lowercase())
        } else {
            s.chars()
                .flat_map(char::to_lowercase)
                .fold(self, Self::char)
        }
    }

    /// A count's decimal digits, as `format!("{n}")` writes them.
    pub fn num(self, n: usize) -> Self {
        let mut buf = [0u8; 20];
        let mut i = buf.len();
        let mut n = n;
        loop {
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        self.bytes(&buf[i..])
    }

    pub fn finish(self) -> u32 {
        self.0
    }
}

/// A weight as `str::parse::<f32>` reads it. The assets write `-0.123`: up to 7 digits with up
/// to 10 after the point make an exact integer over an exact power of ten, and one division of
/// two exact floats rounds as the full parser does; any other text takes the full parser.
pub fn parse_weight(text: &str) -> Option<f32> {
    weight_bytes(text.as_bytes())
}

/// [`parse_weight`] of a column cut at ASCII tabs (so still UTF-8 when it is not a number).
fn weight_bytes(bytes: &[u8]) -> Option<f32> {
    const TENS: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    let full = || std::str::from_utf8(bytes).ok()?.parse().ok();
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, bytes),
    };
    let (mut mantissa, mut count, mut after_point, mut point) = (0u32, 0usize, 0usize, false);
    for &b in digits {
        match b {
            b'0'..=b'9' if count < 7 => {
                mantissa = mantissa * 10 + u32::from(b - b'0');
                count += 1;
                after_point += usize::from(point);
            }
            b'.' if !point => point = true,
            _ => return full(),
        }
    }
    if count == 0 || after_point >= TENS.len() || digits.last() == Some(&b'.') {
        return full();
    }
    let x = mantissa as f32 / TENS[after_point];
    Some(if negative { -x } else { x })
}

/// `u32::from_str_radix(column, 16)`: up to 8 hex digits folded by hand, anything else
/// through the standard parser.
fn parse_hash(column: &[u8]) -> Option<u32> {
    let full = || u32::from_str_radix(std::str::from_utf8(column).ok()?, 16).ok();
    if column.is_empty() || column.len() > 8 {
        return full();
    }
    let mut h = 0u32;
    for &b in column {
        let digit = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => return full(),
        };
        h = h << 4 | u32::from(digit);
    }
    Some(h)
}

/// The scalar lines of the shipped models' assets, which `build.rs` read with their rows
/// (`build/model_tables.rs`).
pub mod tables {
    include!(concat!(env!("OUT_DIR"), "/model_tables.rs"));
}

/// A little-endian `u32` of a model table (a 4-byte chunk of it).
fn table_word(b: &[u8]) -> u32 {
    b.iter().rev().fold(0, |n, &x| n << 8 | u32::from(x))
}

/// Weights per feature hash, one per class.
#[derive(Clone, Debug, PartialEq)]
pub struct Linear<const K: usize> {
    weights: Table<[f32; K]>,
}

impl<const K: usize> Default for Linear<K> {
    fn default() -> Self {
        Self {
            weights: Table::default(),
        }
    }
}

impl<const K: usize> Linear<K> {
    /// Reads one `<hex hash>\t<w0>\t…` row; `None` for anything else.
    pub fn parse_row(line: &str) -> Option<(u32, [f32; K])> {
        // Read as bytes: `split('\t')`, whose memchr set-up outweighs the short columns, and
        // `str::parse` were most of reading the models, once per process (README "At scale").
        let mut cols = line.as_bytes().split(|&b| b == b'\t');
        let h = cols.next().and_then(parse_hash)?;
        let mut w = [0f32; K];
        for x in w.iter_mut() {
            *x = cols.next().and_then(weight_bytes).unwrap_or(0.0);
        }
        Some((h, w))
    }

    /// Room for `rows` more rows: a model read from an asset sizes its map once.
    pub fn reserve(&mut self, rows: usize) {
        self.weights.reserve(rows);
    }

    /// Adds a row read by [`Self::parse_row`].
    pub fn insert(&mut self, (h, w): (u32, [f32; K])) {
        self.weights.insert(h, w);
    }

    /// Adds the rows of a table `build.rs` wrote from an asset (`build/model_tables.rs`): the
    /// asset's rows without reading its text.
    pub fn insert_table(&mut self, table: &[u8]) {
        let rows = table.chunks_exact(4 * (K + 1));
        self.weights.reserve(rows.len());
        for row in rows {
            let mut words = row.chunks_exact(4).map(table_word);
            let h = words.next().unwrap_or(0);
            let mut w = [0f32; K];
            for (x, bits) in w.iter_mut().zip(words) {
                *x = f32::from_bits(bits);
            }
            self.weights.insert(h, w);
        }
    }

    /// One line per feature (`prefix` then the row), sorted so that diffs stay small; weights
    /// below 0.005 in every class are left out.
    pub fn rows(&self, prefix: &str) -> String {
        let mut rows: Vec<(u32, &[f32; K])> = self
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= 0.005))
            .collect();
        rows.sort_by_key(|(h, _)| *h);
        let mut out = String::new();
        for (h, w) in rows {
            out.push_str(prefix);
            out.push_str(&format!("{h:08x}"));
            for x in w {
                out.push_str(&format!("\t{x:.3}"));
            }
            out.push('\n');
        }
        out
    }

    /// The model without features whose weights are all smaller than `min`.
    pub fn pruned(mut self, min: f32) -> Self {
        self.weights.retain(|w| w.iter().any(|x| x.abs() >= min));
        self
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Class probabilities.
    pub fn probabilities(&self, features: &[(u32, f32)]) -> [f32; K] {
        let mut s = [0f32; K];
        for (h, v) in features {
            if let Some(w) = self.weights.get(*h) {
                for c in 0..K {
                    s[c] += w[c] * v;
                }
            }
        }
        softmax(s)
    }

    /// Fits a model by stochastic gradient descent (fixed orders and epochs: reproducible).
    /// `examples`: features and the class index.
    /// The mean of fits over several orders of the examples: one order alone makes the weights
    /// of rare features swing with any change to the training set (a feature added anywhere
    /// reshuffles every example), and the figures with them.
    pub fn train(examples: &[(Features, usize)], epochs: usize) -> Self {
        Self::train_with(examples, epochs, 1e-4)
    }

    /// [`Self::train`] with an L2 penalty of `l2` per step.
    pub fn train_with(examples: &[(Features, usize)], epochs: usize, l2: f32) -> Self {
        let mut sum: Weights<[f32; K]> = Weights::default();
        for order in 0..ORDERS {
            for (h, w) in Self::train_in_order(examples, epochs, order, l2) {
                let a = sum.entry(h).or_insert([0.0; K]);
                for c in 0..K {
                    a[c] += w[c] / ORDERS as f32;
                }
            }
        }
        Self {
            weights: sum.into_iter().collect(),
        }
    }

    /// One fit, visiting the examples in the order numbered `order`.
    fn train_in_order(
        examples: &[(Features, usize)],
        epochs: usize,
        order: usize,
        l2: f32,
    ) -> Weights<[f32; K]> {
        let mut weights: Weights<[f32; K]> = Weights::default();
        let mut sum: Weights<[f32; K]> = Weights::default();
        let mut averaged = 0usize;
        let n = examples.len();
        if n == 0 {
            return weights;
        }
        for epoch in 0..epochs {
            let rate = 0.3 / (1.0 + epoch as f32 * 0.3);
            for k in 0..n {
                let (features, class) = &examples[visit(k, n, epoch, order)];
                let mut s = [0f32; K];
                for (h, v) in features {
                    if let Some(w) = weights.get(h) {
                        for c in 0..K {
                            s[c] += w[c] * v;
                        }
                    }
                }
                let p = softmax(s);
                for (h, v) in features {
                    let w = weights.entry(*h).or_insert([0.0; K]);
                    for c in 0..K {
                        let y = if c == *class { 1.0 } else { 0.0 };
                        w[c] -= rate * ((p[c] - y) * v + l2 * w[c]);
                    }
                }
            }
            // The mean of the second half's end-of-epoch weights: steadier than the last epoch's
            // alone (an example near the boundary does not flip with the order of the examples).
            if epoch >= epochs / 2 {
                for (h, w) in &weights {
                    let a = sum.entry(*h).or_insert([0.0; K]);
                    for c in 0..K {
                        a[c] += w[c];
                    }
                }
                averaged += 1;
            }
        }
        if averaged > 1 {
            for w in sum.values_mut() {
                for x in w.iter_mut() {
                    *x /= averaged as f32;
                }
            }
            weights = sum;
        }
        weights
    }
}

/// Fits averaged over this many orders of the examples.
const ORDERS: usize = 4;

/// The example visited `k`-th in `epoch` of the fit numbered `order`: a fixed permutation per
/// epoch (a stride coprime with the length, or 1), so fits are reproducible.
fn visit(k: usize, n: usize, epoch: usize, order: usize) -> usize {
    let stride = [7919u64, 104_729, 1_299_709, 15_485_863][(epoch + order) % 4];
    let n64 = n as u64;
    let stride = if gcd(stride, n64) == 1 { stride } else { 1 };
    let shift = (order * n / 4 + epoch) as u64;
    ((k as u64 * stride + shift) % n64) as usize
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// A listwise ranker: one score per candidate (a linear function of its features), trained so
/// that the softmax over an example's candidates puts its mass on the right ones. Picks one
/// item of a list, or the list's "none" candidate.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ranker {
    weights: Table<f32>,
}

/// One list to rank: its candidates' features and which of them are right (at least one).
pub type RankExample = (Vec<Features>, Vec<bool>);

impl Ranker {
    /// Reads one `<hex hash>\t<w>` row.
    pub fn parse_row(line: &str) -> Option<(u32, f32)> {
        let (h, w) = line.split_once('\t')?;
        Some((u32::from_str_radix(h, 16).ok()?, parse_weight(w.trim())?))
    }

    pub fn insert(&mut self, (h, w): (u32, f32)) {
        self.weights.insert(h, w);
    }

    /// [`Linear::insert_table`] for a ranker's rows.
    pub fn insert_table(&mut self, table: &[u8]) {
        let rows = table.chunks_exact(8);
        self.weights.reserve(rows.len());
        for row in rows {
            let (h, w) = row.split_at(4);
            self.weights
                .insert(table_word(h), f32::from_bits(table_word(w)));
        }
    }

    /// Rows as [`Linear::rows`] writes them.
    pub fn rows(&self, prefix: &str) -> String {
        let mut rows: Vec<(u32, &f32)> = self
            .weights
            .iter()
            .filter(|(_, w)| w.abs() >= 0.005)
            .collect();
        rows.sort_by_key(|(h, _)| *h);
        rows.iter()
            .map(|(h, w)| format!("{prefix}{h:08x}\t{w:.3}\n"))
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    pub fn score(&self, features: &[(u32, f32)]) -> f32 {
        features
            .iter()
            .map(|(h, v)| self.weights.get(*h).map_or(0.0, |w| w * v))
            .sum()
    }

    /// The probability of each candidate (the scores' softmax, worked out in one vector).
    pub fn probabilities(&self, candidates: &[Features]) -> Vec<f32> {
        let mut p: Vec<f32> = candidates.iter().map(|c| self.score(c)).collect();
        let m = p.iter().copied().fold(f32::MIN, f32::max);
        for x in &mut p {
            *x = (*x - m).exp();
        }
        let z: f32 = p.iter().sum();
        for x in &mut p {
            *x /= z;
        }
        p
    }

    /// Fits by stochastic gradient descent on the log of the mass the right candidates get,
    /// averaged over several orders as [`Linear::train`] is.
    pub fn train(examples: &[RankExample], epochs: usize, l2: f32) -> Self {
        let mut sum: Weights<f32> = Weights::default();
        let n = examples.len();
        for order in 0..ORDERS {
            let mut model = Ranker::default();
            let mut avg: Weights<f32> = Weights::default();
            let mut averaged = 0usize;
            for epoch in 0..epochs {
                let rate = 0.3 / (1.0 + epoch as f32 * 0.3);
                for k in 0..n {
                    let (candidates, right) = &examples[visit(k, n, epoch, order)];
                    let p = model.probabilities(candidates);
                    let mass: f32 = p
                        .iter()
                        .zip(right)
                        .filter(|(_, r)| **r)
                        .map(|(p, _)| p)
                        .sum();
                    for ((c, p), r) in candidates.iter().zip(&p).zip(right) {
                        let target = if *r { p / mass.max(1e-9) } else { 0.0 };
                        for (h, v) in c {
                            let w = model.weights.get_or_zero(*h);
                            *w -= rate * ((p - target) * v + l2 * *w);
                        }
                    }
                }
                if epoch >= epochs / 2 {
                    for (h, w) in model.weights.iter() {
                        *avg.entry(h).or_default() += w;
                    }
                    averaged += 1;
                }
            }
            for (h, w) in avg {
                *sum.entry(h).or_default() += w / (averaged.max(1) * ORDERS) as f32;
            }
        }
        Ranker {
            weights: sum.into_iter().collect(),
        }
    }
}

fn softmax<const K: usize>(s: [f32; K]) -> [f32; K] {
    let m = s.iter().copied().fold(f32::MIN, f32::max);
    let e = s.map(|x| (x - m).exp());
    let z: f32 = e.iter().sum();
    e.map(|x| x / z)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// A row's hash and weights, written as the assets write them or any other way, read
        /// back to what the standard parsers give, so a model's scores do not move.
        #[test]
        fn a_row_reads_as_the_standard_parsers_read_it(
            x in -1.0e4f32..1.0e4,
            places in 0usize..9,
            other in "-?[0-9]{0,9}\\.?[0-9]{0,12}(e-?[0-9])?",
            h in any::<u32>(),
            hex in "[+-]?[0-9a-fA-Fg]{0,10}",
        ) {
            let hashes = [format!("{h:08x}"), format!("{h:x}"), format!("{h:X}"), hex.clone()];
            for text in hashes {
                let fast = super::parse_hash(text.as_bytes());
                prop_assert_eq!(fast, u32::from_str_radix(&text, 16).ok(), "{}", text);
            }
            for text in [format!("{x:.3}"), format!("{x:.places$}"), format!("{x}"), other] {
                let fast = super::parse_weight(&text).map(f32::to_bits);
                let full = text.parse::<f32>().ok().map(f32::to_bits);
                prop_assert_eq!(fast, full, "{}", text);
            }
        }
    }

    #[test]
    fn a_feature_hashed_part_by_part_is_the_hash_of_its_string() {
        for (word, n) in [
            ("Acme", 3),
            ("ÉMILE", 0),
            ("ΣΟΦΙΑΣ", 12),
            ("İstanbul", 1_000),
            ("McCAFÉ", 7),
        ] {
            let built = format!("prev={}&{n}", word.to_lowercase());
            let parts = FeatureHash::default()
                .str("prev=")
                .lower(word)
                .str("&")
                .num(n);
            assert_eq!(parts.finish(), hash(&built), "{built}");
        }
    }

    #[test]
    fn an_ascii_word_hashes_lowered_as_lower_hashes_it() {
        let every: Vec<u8> = (0..128).collect();
        let every = std::str::from_utf8(&every).unwrap_or_default();
        for s in [every, "", "Drained", "LOSSES", "it's", "X2", "a-Z@[`{"] {
            let h = FeatureHash::default().str("l=");
            assert_eq!(
                h.ascii_lower(s.as_bytes()).finish(),
                h.lower(s).finish(),
                "{s}"
            );
        }
        for b in 0..128u8 {
            let s = [b];
            let s = std::str::from_utf8(&s).unwrap_or_default();
            let h = FeatureHash::default();
            assert_eq!(
                h.ascii_lower(s.as_bytes()).finish(),
                h.lower(s).finish(),
                "{b}"
            );
        }
    }

    #[test]
    fn a_prefix_hashed_when_compiled_goes_on_as_its_string_does() {
        const SCOPED: FeatureHash = FeatureHash::of_parts(&["T:", "rank="]);
        assert_eq!(SCOPED.str("3-5").finish(), hash("T:rank=3-5"));
        assert_eq!(FeatureHash::of_parts(&["bias"]).finish(), hash("bias"));
        assert_eq!(FeatureHash::of_parts(&[]).finish(), hash(""));
    }

    use super::*;

    fn f(names: &[&str]) -> Features {
        names.iter().map(|n| (hash(n), 1.0)).collect()
    }

    #[test]
    fn training_separates_contexts_and_round_trips_through_its_rows() {
        let examples = vec![
            (f(&["bias", "l=stole"]), 0),
            (f(&["bias", "l=ransom"]), 1),
            (f(&["bias", "l=price"]), 2),
        ];
        let m = Linear::<3>::train(&examples, 30);
        let best = |m: &Linear<3>, x: &[&str]| {
            let p = m.probabilities(&f(x));
            (0..3).max_by(|&a, &b| p[a].total_cmp(&p[b]))
        };
        assert_eq!(best(&m, &["bias", "l=stole"]), Some(0));
        assert_eq!(best(&m, &["bias", "l=ransom"]), Some(1));
        let mut back = Linear::<3>::default();
        for line in m.rows("").lines() {
            back.insert(Linear::<3>::parse_row(line).expect("a row"));
        }
        assert_eq!(best(&back, &["bias", "l=price"]), Some(2));
    }

    #[test]
    fn the_ranker_learns_which_candidate_of_a_list_is_right_or_none() {
        let list = |right: usize| {
            let c = vec![f(&["none"]), f(&["title", "big"]), f(&["late", "small"])];
            let r = (0..3).map(|i| i == right).collect();
            (c, r)
        };
        let examples = vec![list(1), list(1), list(1)];
        let m = Ranker::train(&examples, 20, 1e-4);
        let p = m.probabilities(&list(1).0);
        assert!(p[1] > p[0] && p[1] > p[2], "{p:?}");
        let mut back = Ranker::default();
        for line in m.rows("").lines() {
            back.insert(Ranker::parse_row(line).expect("a row"));
        }
        assert_eq!(back.probabilities(&list(1).0).len(), 3);
        assert!(back.probabilities(&list(1).0)[1] > 0.5);
    }

    #[test]
    fn every_example_is_visited_once_an_epoch() {
        for n in [1usize, 7, 7919, 2 * 7919, 1000] {
            for epoch in 0..4 {
                let mut seen: Vec<usize> = (0..n).map(|k| visit(k, n, epoch, 1)).collect();
                seen.sort_unstable();
                assert_eq!(seen, (0..n).collect::<Vec<_>>(), "n = {n}");
            }
        }
    }

    #[test]
    fn a_name_hashed_in_parts_is_the_name_hashed_whole() {
        assert_eq!(hash_parts(&["l=", "drain"]), hash("l=drain"));
        assert_eq!(hash_parts(&["T:", "sent=", "lede"]), hash("T:sent=lede"));
    }

    #[test]
    fn an_empty_training_set_gives_an_empty_model() {
        assert!(Linear::<2>::train(&[], 10).is_empty());
    }
}
