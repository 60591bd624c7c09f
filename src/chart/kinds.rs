//! The kinds of theft the analyst shows (stolen, attempted, cumulative totals): one filter that
//! the timeline, its table, the link chart, the copies and the report share, like the period.

use serde::{Deserialize, Serialize};

use super::Period;
use crate::extract::AmountKind;
use crate::incidents::Incident;

/// Which incident kinds are shown; every kind by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Kinds {
    pub stolen: bool,
    pub attempted: bool,
    pub cumulative: bool,
}

impl Default for Kinds {
    fn default() -> Self {
        Self {
            stolen: true,
            attempted: true,
            cumulative: true,
        }
    }
}

impl Kinds {
    /// Whether incidents of `kind` are shown (kinds that are not thefts are never incidents).
    pub fn shows(&self, kind: AmountKind) -> bool {
        match kind {
            AmountKind::Stolen => self.stolen,
            AmountKind::Attempted => self.attempted,
            AmountKind::Cumulative => self.cumulative,
            AmountKind::Damage | AmountKind::Other => true,
        }
    }

    pub fn is_all(&self) -> bool {
        *self == Self::default()
    }

    /// "stolen, attempted": how the report states the filter.
    pub fn label(&self) -> String {
        let names: Vec<&str> = [
            (self.stolen, "stolen"),
            (self.attempted, "attempted"),
            (self.cumulative, "cumulative"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        }
    }
}

/// The incidents of `rows` inside `period` and of a shown kind, in the same order: what the
/// timeline and the link chart show.
pub fn shown(all: &[Incident], rows: &[usize], period: &Period, kinds: &Kinds) -> Vec<usize> {
    rows.iter()
        .copied()
        .filter(|&i| {
            all.get(i)
                .is_some_and(|inc| period.contains(inc.event_date) && kinds.shows(inc.kind))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::tests::incident;

    #[test]
    fn hiding_a_kind_drops_its_incidents_and_keeps_the_order() {
        let all = vec![
            incident("a", 1e6, AmountKind::Stolen, Some("2019-03-12")),
            incident("b", 2e6, AmountKind::Attempted, Some("2019-04-01")),
            incident("c", 3e6, AmountKind::Cumulative, None),
        ];
        let every = Kinds::default();
        assert_eq!(
            shown(&all, &[2, 1, 0], &Period::default(), &every),
            [2, 1, 0]
        );
        let no_attempts = Kinds {
            attempted: false,
            ..every
        };
        assert_eq!(
            shown(&all, &[2, 1, 0], &Period::default(), &no_attempts),
            [2, 0]
        );
        assert_eq!(no_attempts.label(), "stolen, cumulative");
        let p = Period::parse("2019", "2019").unwrap();
        assert_eq!(shown(&all, &[2, 1, 0], &p, &no_attempts), [0]);
    }
}
