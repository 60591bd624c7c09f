//! Decisions taken in the window: saved through the decisions store and replayed on the
//! machine's own extraction, giving the corpus every view then shows. Both run on a worker
//! thread ([`save_and_replay`]); the window keeps the list and its undo history.

use std::sync::{Arc, Mutex};

use crate::analysis::Analysis;
use crate::decisions::{Decision, DecisionStore, replay};
use crate::extract::Extraction;
use crate::incidents::Incident;
use crate::workbench::source::Loaded;

/// What the machine extracted, before any decision: kept once a decision changed the analysis,
/// so that taking one back replays the rest on the original.
#[derive(Clone, Debug, Default)]
pub struct Machine {
    pub extraction: Extraction,
    pub incidents: Vec<Incident>,
}

impl Machine {
    pub fn of(analysis: &Analysis) -> Self {
        Self {
            extraction: analysis.extraction.clone(),
            incidents: analysis.incidents.clone(),
        }
    }
}

/// The decisions file of a loaded corpus, shared with the saving job.
pub type SharedStore = Arc<Mutex<DecisionStore>>;

/// `loaded` with `decisions` replayed on the machine's extraction (not on the decisions already
/// applied, so a decision taken back is gone).
pub fn replay_on(loaded: &Loaded, decisions: Vec<Decision>) -> Loaded {
    let machine = loaded
        .machine
        .clone()
        .unwrap_or_else(|| Arc::new(Machine::of(&loaded.analysis)));
    let mut analysis = Analysis {
        corpus: loaded.analysis.corpus.clone(),
        extraction: machine.extraction.clone(),
        incidents: machine.incidents.clone(),
    };
    let report = replay(&mut analysis, &decisions);
    let mut out = Loaded::of(loaded.source.clone(), analysis);
    out.machine = Some(machine);
    out.decisions = Arc::new(report);
    out.decision_store = loaded.decision_store.clone();
    out.decision_list = Arc::new(decisions);
    out.with_review()
}

/// Writes `decisions` to the corpus's decisions file (merging what another window saved) and
/// replays what was written. The error names the file and the problem.
pub fn save_and_replay(loaded: &Loaded, decisions: &[Decision]) -> Result<Loaded, String> {
    let Some(store) = &loaded.decision_store else {
        return Err(match &loaded.decisions_error {
            Some(e) => format!("Decision not saved: {e}"),
            None => "Decision not saved: decisions are kept beside a corpus opened from disk, \
                     and the sample corpus has no folder"
                .to_owned(),
        });
    };
    let saved = {
        let mut store = store
            .lock()
            .map_err(|_| "Decision not saved: the decisions file's writer failed".to_owned())?;
        store
            .save(decisions)
            .map_err(|e| format!("Decision not saved: {e}"))?
    };
    Ok(replay_on(loaded, saved))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decisions::store::{FILE_NAME, load};
    use crate::decisions::{Change, FigureAnchor, FigureEdit};
    use crate::extract::AmountKind;
    use crate::workbench::fixture;

    fn reject_first_theft(loaded: &Loaded) -> Decision {
        let a = loaded
            .analysis
            .extraction
            .amounts
            .iter()
            .find(|a| a.kind == AmountKind::Stolen)
            .expect("the fixture has a theft");
        let text = &loaded.analysis.corpus.articles[loaded.index.by_id[&*a.article]].text;
        Decision::new(
            Change::Figure {
                figure: FigureAnchor::at(&a.article, text, a.start as usize, a.end as usize),
                edit: FigureEdit::Reject,
            },
            "",
            "ana",
        )
    }

    #[test]
    fn a_decision_is_written_beside_the_corpus_and_taking_it_back_restores_the_machine() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let (store, _) = DecisionStore::open(&path, "fixture").unwrap();
        let mut loaded = fixture::loaded();
        loaded.decision_store = Some(Arc::new(Mutex::new(store)));
        let thefts = |l: &Loaded| {
            l.analysis
                .incidents
                .iter()
                .filter(|i| i.kind == AmountKind::Stolen)
                .count()
        };
        let before = thefts(&loaded);
        let d = reject_first_theft(&loaded);
        let decided = save_and_replay(&loaded, std::slice::from_ref(&d)).unwrap();
        assert_eq!(load(&path).unwrap(), vec![d]);
        assert_eq!(thefts(&decided), before - 1);
        assert_eq!(decided.decisions.figures.len(), 1);
        let undone = save_and_replay(&decided, &[]).unwrap();
        assert_eq!(
            thefts(&undone),
            before,
            "replayed on the machine's original"
        );
        assert!(load(&path).unwrap().is_empty());
    }

    #[test]
    fn without_a_decisions_file_the_error_says_why() {
        let loaded = fixture::loaded();
        let d = reject_first_theft(&loaded);
        let Err(err) = save_and_replay(&loaded, &[d]) else {
            panic!("saved without a decisions file");
        };
        assert!(err.contains("sample corpus"), "{err}");
    }
}
