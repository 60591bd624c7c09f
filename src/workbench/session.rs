//! Session rules: the recent-corpora list, and what of the saved place (article, scroll offset,
//! filter, search) survives opening a corpus.

use std::path::PathBuf;

use crate::workbench::filter::EntityFilter;
use crate::workbench::source::Loaded;

/// At most this many recent corpora are remembered.
pub const MAX_RECENT: usize = 10;

/// Puts `paths` first in the recent list (once), keeping at most [`MAX_RECENT`].
pub fn remember(recent: &mut Vec<Vec<PathBuf>>, paths: &[PathBuf]) {
    recent.retain(|r| r != paths);
    recent.insert(0, paths.to_vec());
    recent.truncate(MAX_RECENT);
}

/// Drops a corpus that no longer exists from the recent list.
pub fn forget(recent: &mut Vec<Vec<PathBuf>>, paths: &[PathBuf]) {
    recent.retain(|r| r != paths);
}

/// Where the analyst was in a corpus: what the saved session holds about it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    /// Id of the article in the reader.
    pub article: Option<String>,
    /// Reader scroll offset, in points.
    pub reader_offset: f32,
    pub entity_filter: Option<EntityFilter>,
    pub search: String,
}

impl Place {
    /// What survives opening `loaded`. Restoring the last session keeps everything; a corpus the
    /// user opened starts clean. A filter whose entity is not in this corpus is dropped either
    /// way: it would hide every article.
    pub fn carried_into(self, loaded: &Loaded, restoring: bool) -> Self {
        let mut place = if restoring { self } else { Self::default() };
        if let Some(f) = &place.entity_filter
            && loaded
                .index
                .entities_matching(&loaded.analysis, f)
                .is_empty()
        {
            place.entity_filter = None;
        }
        place
    }

    /// The article to open among `rows` (the visible list) and the scroll offset to restore:
    /// the saved article if the corpus has it (at its offset when restoring), else the first row.
    pub fn opening(&self, loaded: &Loaded, rows: &[usize], restoring: bool) -> Opening {
        let saved = self
            .article
            .as_ref()
            .and_then(|id| loaded.index.by_id.get(id).copied());
        match saved {
            Some(article) => Opening {
                article: Some(article),
                offset: restoring.then_some(self.reader_offset),
            },
            None => Opening {
                article: rows.first().copied(),
                offset: None,
            },
        }
    }
}

/// What [`Place::opening`] decided.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Opening {
    pub article: Option<usize>,
    /// Reader offset to restore; `None`: the top.
    pub offset: Option<f32>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityKind;
    use crate::workbench::fixture;

    fn lazarus() -> EntityFilter {
        EntityFilter {
            kind: EntityKind::ThreatActor,
            name: "Lazarus Group".to_owned(),
            family: true,
        }
    }

    #[test]
    fn recent_corpora_are_newest_first_unique_and_bounded() {
        let mut recent = Vec::new();
        for i in 0..12 {
            remember(&mut recent, &[PathBuf::from(format!("/c{i}"))]);
        }
        remember(&mut recent, &[PathBuf::from("/c5")]);
        assert_eq!(recent.len(), MAX_RECENT);
        assert_eq!(recent[0], [PathBuf::from("/c5")]);
        assert_eq!(recent.iter().filter(|r| r[0].ends_with("c5")).count(), 1);
        forget(&mut recent, &[PathBuf::from("/c5")]);
        assert_eq!(recent[0], [PathBuf::from("/c11")]);
    }

    #[test]
    fn a_restored_session_keeps_its_place_and_an_opened_corpus_starts_clean() {
        let loaded = fixture::loaded();
        let saved = Place {
            article: Some("theft".to_owned()),
            reader_offset: 120.0,
            entity_filter: Some(lazarus()),
            search: "Northwind".to_owned(),
        };
        let restored = saved.clone().carried_into(&loaded, true);
        assert_eq!(restored, saved);
        let opening = restored.opening(&loaded, &[0, 1, 2], true);
        assert_eq!(opening.article, Some(fixture::index(&loaded, "theft")));
        assert_eq!(opening.offset, Some(120.0));

        let fresh = saved.carried_into(&loaded, false);
        assert_eq!(fresh, Place::default());
        let rows = [2, 0];
        assert_eq!(
            fresh.opening(&loaded, &rows, false),
            Opening {
                article: Some(2),
                offset: None
            }
        );
    }

    #[test]
    fn a_filter_on_an_entity_the_corpus_lacks_and_a_lost_article_are_dropped() {
        let loaded = fixture::loaded();
        let saved = Place {
            article: Some("gone".to_owned()),
            reader_offset: 50.0,
            entity_filter: Some(EntityFilter {
                name: "Nobody Known".to_owned(),
                ..lazarus()
            }),
            search: String::new(),
        };
        let restored = saved.carried_into(&loaded, true);
        assert_eq!(restored.entity_filter, None);
        let opening = restored.opening(&loaded, &[1, 0], true);
        assert_eq!(opening.article, Some(1));
        assert_eq!(opening.offset, None);
    }
}
