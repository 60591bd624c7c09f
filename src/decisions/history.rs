//! Undo and redo of the decisions taken in one window. A step adds or removes one decision;
//! undoing it does the opposite. The window interleaves these steps with the annotations' own in
//! one history (the order the analyst made them), so this keeps only what decisions need.

use super::model::Decision;
use crate::annotations::model::now;

#[derive(Clone, Debug)]
enum Step {
    Added(Decision),
    Removed(Decision),
}

/// The decisions of the open corpus and the changes made to them in this window.
#[derive(Clone, Debug, Default)]
pub struct DecisionHistory {
    items: Vec<Decision>,
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl DecisionHistory {
    /// A freshly loaded set, with no history.
    pub fn new(items: Vec<Decision>) -> Self {
        Self {
            items,
            ..Self::default()
        }
    }

    pub fn items(&self) -> &[Decision] {
        &self.items
    }

    /// Replaces the set by what was saved (another window's decisions merged in), keeping the
    /// history.
    pub fn replace_items(&mut self, items: Vec<Decision>) {
        self.items = items;
    }

    pub fn add(&mut self, decision: Decision) {
        self.items.push(decision.clone());
        self.undo.push(Step::Added(decision));
        self.redo.clear();
    }

    /// Removes a decision; false when the id is unknown.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(i) = self.items.iter().position(|d| d.id == id) else {
            return false;
        };
        let gone = self.items.remove(i);
        self.undo.push(Step::Removed(gone));
        self.redo.clear();
        true
    }

    /// Undoes the last step; false when there is none.
    pub fn undo(&mut self) -> bool {
        let Some(step) = self.undo.pop() else {
            return false;
        };
        let step = self.reverse(step);
        self.redo.push(step);
        true
    }

    /// Redoes the last undone step; false when there is none.
    pub fn redo(&mut self) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        let step = self.reverse(step);
        self.undo.push(step);
        true
    }

    /// Does the opposite of `step` and returns the step that undoes *that*. A restored decision
    /// is stamped modified now, so it wins over an older copy when another window's file merges.
    fn reverse(&mut self, step: Step) -> Step {
        match step {
            Step::Added(d) => {
                self.items.retain(|x| x.id != d.id);
                Step::Removed(d)
            }
            Step::Removed(mut d) => {
                d.modified = now();
                self.items.push(d.clone());
                Step::Added(d)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decisions::model::{Change, FigureAnchor, FigureEdit};

    fn decision() -> Decision {
        let text = "Hackers stole $75,000 from the exchange.";
        Decision::new(
            Change::Figure {
                figure: FigureAnchor::at("a1", text, 14, 21),
                edit: FigureEdit::Reject,
            },
            "",
            "ana",
        )
    }

    #[test]
    fn undo_and_redo_walk_adds_and_removals_back_and_forth() {
        let kept = decision();
        let mut h = DecisionHistory::new(vec![kept.clone()]);
        let added = decision();
        h.add(added.clone());
        assert!(h.remove(&kept.id));
        assert_eq!(h.items().len(), 1);
        assert!(h.undo(), "the removal is undone");
        assert_eq!(h.items().len(), 2);
        assert!(h.undo(), "the addition is undone");
        assert_eq!(
            h.items().iter().map(|d| &d.id).collect::<Vec<_>>(),
            [&kept.id]
        );
        assert!(!h.undo(), "the loaded decisions are not in the history");
        assert!(h.redo());
        assert!(h.items().iter().any(|d| d.id == added.id));
        assert!(h.redo());
        assert!(!h.items().iter().any(|d| d.id == kept.id));
        assert!(!h.redo());
    }

    #[test]
    fn a_new_decision_clears_what_could_be_redone() {
        let mut h = DecisionHistory::default();
        h.add(decision());
        assert!(h.undo());
        h.add(decision());
        assert!(!h.redo());
        assert_eq!(h.items().len(), 1);
    }
}
