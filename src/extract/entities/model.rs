//! A small linear model (multinomial logistic regression over hashed features) that types a
//! proposed name as a person, an organisation, a place or nothing, from its shape and context.
//!
//! The weights are data (`assets/entity-model.tsv`), trained by the reproducible command in
//! `tests/entity_eval.rs` on the hand-labelled sample; scoring is a few hash look-ups per name.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::EntityKind;

/// The classes, in weight-column order.
pub const CLASSES: [Option<EntityKind>; 4] = [
    None,
    Some(EntityKind::Person),
    Some(EntityKind::Organization),
    Some(EntityKind::Location),
];

/// Hashed features with their values.
pub type Features = Vec<(u32, f32)>;

/// FNV-1a: stable across platforms and releases, so shipped weights keep their meaning.
pub fn hash(feature: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in feature.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Weights per feature hash, one per class; `threshold` is the probability the name classes
/// together need (see [`Model::predict`]).
#[derive(Clone, Debug, Default)]
pub struct Model {
    weights: HashMap<u32, [f32; 4]>,
    pub threshold: f32,
}

/// The shipped model (an unreadable asset degrades to "no model": only the rules run).
pub static SHIPPED: LazyLock<Model> =
    LazyLock::new(|| Model::parse(include_str!("../../../assets/entity-model.tsv")));

impl Model {
    /// Reads `threshold <p>` and `<hex hash>\t<w0>\t<w1>\t<w2>\t<w3>` lines.
    pub fn parse(text: &str) -> Model {
        let mut m = Model {
            threshold: 0.5,
            ..Model::default()
        };
        for line in text.lines().filter(|l| !l.starts_with('#')) {
            if let Some(t) = line.strip_prefix("threshold\t") {
                m.threshold = t.trim().parse().unwrap_or(0.5);
                continue;
            }
            let mut cols = line.split('\t');
            let Some(h) = cols.next().and_then(|h| u32::from_str_radix(h, 16).ok()) else {
                continue;
            };
            let mut w = [0f32; 4];
            for x in w.iter_mut() {
                *x = cols.next().and_then(|c| c.parse().ok()).unwrap_or(0.0);
            }
            m.weights.insert(h, w);
        }
        m
    }

    /// The asset's text: the threshold, then one line per feature, sorted so diffs stay small.
    pub fn to_asset(&self) -> String {
        let mut rows: Vec<(&u32, &[f32; 4])> = self
            .weights
            .iter()
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= 0.005))
            .collect();
        rows.sort_by_key(|(h, _)| **h);
        let mut out = String::from(
            "# Entity typing weights (classes: none, person, organisation, location).\n\
             # Regenerate: DOSSIER_TRAIN_ENTITIES=1 cargo test --release --test entity_eval -- --ignored train\n",
        );
        out.push_str(&format!("threshold\t{}\n", self.threshold));
        for (h, w) in rows {
            out.push_str(&format!(
                "{h:08x}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\n",
                w[0], w[1], w[2], w[3]
            ));
        }
        out
    }

    /// The model without features whose weights are all smaller than `min`: a smaller asset
    /// and map (what they add to a score is within the noise of training).
    pub fn pruned(mut self, min: f32) -> Model {
        self.weights.retain(|_, w| w.iter().any(|x| x.abs() >= min));
        self.weights.shrink_to_fit();
        self
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Class probabilities.
    pub fn probabilities(&self, features: &[(u32, f32)]) -> [f32; 4] {
        let mut s = [0f32; 4];
        for (h, v) in features {
            if let Some(w) = self.weights.get(h) {
                for c in 0..4 {
                    s[c] += w[c] * v;
                }
            }
        }
        softmax(s)
    }

    /// The kind the model gives a name: when the name classes together reach the threshold
    /// (it is a name), the likeliest of them. Asking one class to reach it alone turned down
    /// names the model could not place between a firm and a person ("Keane", a band).
    /// Whether a span is a name and which kind it is are two questions.
    pub fn predict(&self, features: &[(u32, f32)]) -> Option<EntityKind> {
        let p = self.probabilities(features);
        let (best, _) = (1..4)
            .map(|c| (c, p[c]))
            .fold((0, 0f32), |a, b| if b.1 > a.1 { b } else { a });
        (1.0 - p[0] >= self.threshold)
            .then_some(CLASSES[best])
            .flatten()
    }

    /// Person or organisation, whichever the model finds likelier: for a span known to be a
    /// name (an item of a credit line), where "nothing" is no answer.
    pub fn person_or_organisation(&self, features: &[(u32, f32)]) -> EntityKind {
        let p = self.probabilities(features);
        if p[1] > p[2] {
            EntityKind::Person
        } else {
            EntityKind::Organization
        }
    }

    /// Fits a model by stochastic gradient descent (fixed orders and epochs: reproducible).
    /// `examples`: features and the class index (see [`CLASSES`]).
    /// The mean of fits over several orders of the examples: one order alone makes the weights
    /// of rare names swing with any change to the training set (a feature added anywhere
    /// reshuffles every example), and the figures with them.
    pub fn train(examples: &[(Features, usize)], epochs: usize, threshold: f32) -> Model {
        const ORDERS: usize = 4;
        let mut sum: HashMap<u32, [f32; 4]> = HashMap::new();
        for order in 0..ORDERS {
            for (h, w) in Self::train_in_order(examples, epochs, order) {
                let a = sum.entry(h).or_default();
                for c in 0..4 {
                    a[c] += w[c] / ORDERS as f32;
                }
            }
        }
        Model {
            weights: sum,
            threshold,
        }
    }

    /// One fit, visiting the examples in the order numbered `order`.
    fn train_in_order(
        examples: &[(Features, usize)],
        epochs: usize,
        order: usize,
    ) -> HashMap<u32, [f32; 4]> {
        let mut weights: HashMap<u32, [f32; 4]> = HashMap::new();
        let mut sum: HashMap<u32, [f32; 4]> = HashMap::new();
        let mut averaged = 0usize;
        let l2 = 1e-4f32;
        for epoch in 0..epochs {
            let rate = 0.3 / (1.0 + epoch as f32 * 0.3);
            // A fixed permutation per epoch (a stride coprime with the length).
            let n = examples.len();
            let stride = [7919usize, 104_729, 1_299_709, 15_485_863][(epoch + order) % 4];
            let shift = order * n / 4 + epoch;
            for k in 0..n {
                let (features, class) = &examples[(k * stride + shift) % n];
                let mut s = [0f32; 4];
                for (h, v) in features {
                    if let Some(w) = weights.get(h) {
                        for c in 0..4 {
                            s[c] += w[c] * v;
                        }
                    }
                }
                let p = softmax(s);
                for (h, v) in features {
                    let w = weights.entry(*h).or_default();
                    for c in 0..4 {
                        let y = if c == *class { 1.0 } else { 0.0 };
                        w[c] -= rate * ((p[c] - y) * v + l2 * w[c]);
                    }
                }
            }
            // The mean of the second half's end-of-epoch weights: steadier than the last epoch's
            // alone (a name near the boundary does not flip with the order of the examples).
            if epoch >= epochs / 2 {
                for (h, w) in &weights {
                    let a = sum.entry(*h).or_default();
                    for c in 0..4 {
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

fn softmax(s: [f32; 4]) -> [f32; 4] {
    let m = s.iter().copied().fold(f32::MIN, f32::max);
    let e = s.map(|x| (x - m).exp());
    let z: f32 = e.iter().sum();
    e.map(|x| x / z)
}

/// Index of a kind in [`CLASSES`] (0 for anything the model does not type).
pub fn class_of(kind: Option<EntityKind>) -> usize {
    CLASSES.iter().position(|c| *c == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn training_separates_contexts_and_round_trips_through_the_asset() {
        let f = |names: &[&str]| names.iter().map(|n| (hash(n), 1.0)).collect::<Features>();
        let examples = vec![
            (f(&["bias", "next=said", "given"]), 1),
            (f(&["bias", "prev=exchange"]), 2),
            (f(&["bias", "prev=in"]), 3),
            (f(&["bias", "sent_start", "common"]), 0),
        ];
        let m = Model::train(&examples, 30, 0.5);
        assert_eq!(
            m.predict(&f(&["bias", "next=said", "given"])),
            Some(EntityKind::Person)
        );
        assert_eq!(
            m.predict(&f(&["bias", "prev=exchange"])),
            Some(EntityKind::Organization)
        );
        assert_eq!(m.predict(&f(&["bias", "sent_start", "common"])), None);
        let back = Model::parse(&m.to_asset());
        assert_eq!(
            back.predict(&f(&["bias", "prev=in"])),
            Some(EntityKind::Location)
        );
    }

    #[test]
    fn a_name_the_model_cannot_place_between_kinds_is_still_a_name() {
        // Probabilities 0.35 nothing, 0.33 person, 0.30 organisation, 0.02 place: no kind
        // reaches 0.5 alone, but a name it is (0.65), and a person most likely.
        let w: Vec<String> = [0.35f32, 0.33, 0.30, 0.02]
            .iter()
            .map(|p| p.ln().to_string())
            .collect();
        let asset = format!(
            "threshold\t0.5\n{:x}\t{}\n",
            hash("span=keane"),
            w.join("\t")
        );
        let m = Model::parse(&asset);
        let f = vec![(hash("span=keane"), 1.0)];
        assert_eq!(m.predict(&f), Some(EntityKind::Person));
        let unsure = Model {
            threshold: 0.7,
            ..m
        };
        assert_eq!(unsure.predict(&f), None);
    }
}
