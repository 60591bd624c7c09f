//! A small linear model (multinomial logistic regression over hashed features) that types a
//! proposed name as a person, an organisation, a place or nothing, from its shape and context.
//!
//! The weights are data (`assets/entity-model.tsv`), trained by the reproducible command in
//! `tests/entity_eval.rs` on the hand-labelled sample; scoring is a few hash look-ups per name.

use std::sync::LazyLock;

use crate::extract::EntityKind;

/// The classes, in weight-column order.
pub const CLASSES: [Option<EntityKind>; 4] = [
    None,
    Some(EntityKind::Person),
    Some(EntityKind::Organization),
    Some(EntityKind::Location),
];

use crate::learn::Linear;
pub use crate::learn::{Features, hash};

/// Weights per feature hash, one per class; `threshold` is the probability the name classes
/// together need (see [`Model::predict`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Model {
    weights: Linear<4>,
    pub threshold: f32,
}

/// The shipped model: `assets/entity-model.tsv` as `build.rs` tabled it (reading the text
/// was 2 % of a run; the test `the_table_is_the_asset` checks that both give the same model).
pub static SHIPPED: LazyLock<Model> = LazyLock::new(|| {
    let mut m = Model {
        threshold: f32::from_bits(crate::learn::tables::ENTITY_THRESHOLD),
        ..Model::default()
    };
    m.weights.insert_table(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/entity-model.bin"
    )));
    m
});

impl Model {
    /// Reads `threshold <p>` and `<hex hash>\t<w0>\t<w1>\t<w2>\t<w3>` lines.
    pub fn parse(text: &str) -> Model {
        let mut m = Model {
            threshold: 0.5,
            ..Model::default()
        };
        m.weights
            .reserve(memchr::memchr_iter(b'\n', text.as_bytes()).count());
        for line in crate::text::entries(text) {
            if let Some(t) = line.strip_prefix("threshold\t") {
                m.threshold = t.trim().parse().unwrap_or(0.5);
            } else if let Some(row) = Linear::parse_row(line) {
                m.weights.insert(row);
            }
        }
        m
    }

    /// The asset's text: the threshold, then one line per feature, sorted so diffs stay small.
    pub fn to_asset(&self) -> String {
        let mut out = String::from(
            "# Entity typing weights (classes: none, person, organisation, location).\n\
             # Regenerate: DOSSIER_TRAIN_ENTITIES=1 cargo test --release --test entity_eval -- --ignored train\n",
        );
        out.push_str(&format!("threshold\t{}\n", self.threshold));
        out.push_str(&self.weights.rows(""));
        out
    }

    /// The model without features whose weights are all smaller than `min`: a smaller asset
    /// and map (what they add to a score is within the noise of training).
    pub fn pruned(self, min: f32) -> Model {
        Model {
            weights: self.weights.pruned(min),
            threshold: self.threshold,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Class probabilities.
    pub fn probabilities(&self, features: &[(u32, f32)]) -> [f32; 4] {
        self.weights.probabilities(features)
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

    /// Fits a model (see [`Linear::train`]); `examples`: features and the class index (see
    /// [`CLASSES`]).
    pub fn train(examples: &[(Features, usize)], epochs: usize, threshold: f32) -> Model {
        Model {
            weights: Linear::train(examples, epochs),
            threshold,
        }
    }

    /// [`Self::train`] with an L2 penalty of `l2` per step (for the evaluation's sweep).
    pub fn train_with(
        examples: &[(Features, usize)],
        epochs: usize,
        l2: f32,
        threshold: f32,
    ) -> Model {
        Model {
            weights: Linear::train_with(examples, epochs, l2),
            threshold,
        }
    }
}

/// Index of a kind in [`CLASSES`] (0 for anything the model does not type).
pub fn class_of(kind: Option<EntityKind>) -> usize {
    CLASSES.iter().position(|c| *c == kind).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_the_asset() {
        let parsed = Model::parse(include_str!("../../../assets/entity-model.tsv"));
        assert!(!parsed.is_empty());
        assert_eq!(parsed.threshold.to_bits(), SHIPPED.threshold.to_bits());
        assert_eq!(*SHIPPED, parsed);
    }

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
