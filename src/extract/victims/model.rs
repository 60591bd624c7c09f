//! The victim scorer's weights: a listwise ranker over a figure's candidates ("none" and the
//! article's organisations), read from `assets/victim-model.tsv`. An empty model leaves the
//! choice to the old rule mapped onto the organisation mentions.

use std::sync::LazyLock;

use crate::learn::{Features, RankExample, Ranker};

/// The ranker and what it was trained on.
#[derive(Clone, Debug, Default)]
pub struct VictimModel {
    ranker: Ranker,
    /// The training command's hash of the labels and texts.
    pub trained_on: String,
}

/// The shipped model.
pub static SHIPPED: LazyLock<VictimModel> =
    LazyLock::new(|| VictimModel::parse(include_str!("../../../assets/victim-model.tsv")));

impl VictimModel {
    /// Reads `trained_on <hash>` and `rank <row>` lines.
    pub fn parse(text: &str) -> Self {
        let mut m = Self::default();
        for line in crate::text::entries(text) {
            if let Some(t) = line.strip_prefix("trained_on\t") {
                m.trained_on = t.trim().to_string();
            } else if let Some(row) = line.strip_prefix("rank\t").and_then(Ranker::parse_row) {
                m.ranker.insert(row);
            }
        }
        m
    }

    /// The asset's text.
    pub fn to_asset(&self) -> String {
        let mut out = String::from(
            "# Victim scorer weights (`rank`: a listwise ranker over a figure's candidates, \"none\"\n\
             # and the article's organisations), over hashed features (src/extract/victims/features.rs).\n\
             # Regenerate: DOSSIER_TRAIN_VICTIMS=1 cargo test --release --test amount_eval -- --ignored train_victim_model\n",
        );
        out.push_str(&format!("trained_on\t{}\n", self.trained_on));
        out.push_str(&self.ranker.rows("rank\t"));
        out
    }

    pub fn is_empty(&self) -> bool {
        self.ranker.is_empty()
    }

    /// The probability of each candidate ("none" first).
    pub fn probabilities(&self, candidates: &[Features]) -> Vec<f32> {
        self.ranker.probabilities(candidates)
    }

    /// Fits the ranker: one list per labelled figure, its right candidate marked.
    pub fn train(examples: &[RankExample], epochs: usize, l2: f32, trained_on: String) -> Self {
        Self {
            ranker: Ranker::train(examples, epochs, l2),
            trained_on,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::learn::hash;

    fn f(names: &[&str]) -> Features {
        names.iter().map(|n| (hash(n), 1.0)).collect()
    }

    #[test]
    fn the_asset_round_trips_and_picks_what_it_learned() {
        let list = vec![
            f(&["none"]),
            f(&["cand", "link=after:from"]),
            f(&["cand", "far"]),
        ];
        let examples = vec![(list.clone(), vec![false, true, false]); 3];
        let m = VictimModel::train(&examples, 20, 1e-4, "abc".into());
        let back = VictimModel::parse(&m.to_asset());
        assert_eq!(back.trained_on, "abc");
        let p = back.probabilities(&list);
        assert!(p[1] > p[0] && p[1] > p[2], "{p:?}");
    }

    #[test]
    fn the_shipped_model_is_read() {
        assert!(
            !SHIPPED.is_empty(),
            "assets/victim-model.tsv has no weights"
        );
    }
}
