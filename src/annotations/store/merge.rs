//! Merging two windows' changes to a record file by id and modified time.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use crate::annotations::model::Annotation;

/// A record kept in a Dossier JSON file and merged by id and modified time (annotations,
/// decisions): what [`merge_records`] needs to know.
pub trait Record: Clone {
    fn key(&self) -> &str;
    fn modified(&self) -> DateTime<Utc>;
}

impl Record for Annotation {
    fn key(&self) -> &str {
        self.id.as_str()
    }
    fn modified(&self) -> DateTime<Utc> {
        self.modified
    }
}

/// Three-way merge by id (see the module doc). The result is ordered by article and position.
pub fn merge(base: &[Annotation], ours: &[Annotation], theirs: &[Annotation]) -> Vec<Annotation> {
    let mut merged = merge_records(base, ours, theirs);
    merged.sort_by(|a, b| {
        (&a.article, a.position.start, a.created).cmp(&(&b.article, b.position.start, b.created))
    });
    merged
}

/// Three-way merge by id of any [`Record`]: for an id on both sides the newer `modified` wins;
/// an id one side removed since `base` is removed unless the other side edited it after the
/// base. The result is ordered by id.
pub fn merge_records<T: Record>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let base: HashMap<&str, &T> = base.iter().map(|a| (a.key(), a)).collect();
    let ours_map: HashMap<&str, &T> = ours.iter().map(|a| (a.key(), a)).collect();
    let theirs_map: HashMap<&str, &T> = theirs.iter().map(|a| (a.key(), a)).collect();
    let mut out: BTreeMap<&str, T> = BTreeMap::new();
    let edited_since_base = |a: &T| {
        base.get(a.key())
            .is_none_or(|b| a.modified() > b.modified())
    };
    for a in ours {
        match theirs_map.get(a.key()) {
            Some(t) => {
                let winner = if t.modified() > a.modified() { *t } else { a };
                out.insert(a.key(), winner.clone());
            }
            // Theirs removed it (it was in the base) unless we edited it since.
            None if edited_since_base(a) => {
                out.insert(a.key(), a.clone());
            }
            None => {}
        }
    }
    for t in theirs {
        if !ours_map.contains_key(t.key()) && edited_since_base(t) {
            out.insert(t.key(), t.clone());
        }
    }
    out.into_values().collect()
}
