//! What the filters leave visible: the article rows (in list order) and the incidents whose
//! sources are among them. Recomputed only when the corpus, a filter, the search or the sort
//! changes.

use crate::ui::commands::{EntityFilter, SortBy};
use crate::ui::worker::{Loaded, SearchResult};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Article indices, in display order.
    pub rows: Vec<usize>,
    /// Incident indices whose sources include a visible article, by event date.
    pub incidents: Vec<usize>,
    /// Entity indices the entity filter covers (their mentions are highlighted).
    pub filter_entities: Vec<usize>,
}

impl View {
    pub fn compute(
        loaded: &Loaded,
        filter: Option<&EntityFilter>,
        search: Option<&SearchResult>,
        sort: SortBy,
    ) -> Self {
        let analysis = &loaded.analysis;
        let articles = &analysis.corpus.articles;
        let by_entity = filter.map(|f| loaded.index.articles_matching(analysis, f));
        let visible = |i: usize| {
            by_entity.as_ref().is_none_or(|m| m[i])
                && search.is_none_or(|s| s.hits.contains_key(&i))
        };
        let order = match sort {
            SortBy::Date => &loaded.index.by_date,
            SortBy::Title => &loaded.index.by_title,
        };
        let rows: Vec<usize> = order.iter().copied().filter(|&i| visible(i)).collect();
        let mut shown = vec![false; articles.len()];
        for &r in &rows {
            shown[r] = true;
        }
        let restricted = filter.is_some() || search.is_some();
        let mut incidents: Vec<usize> = analysis
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, inc)| {
                !restricted
                    || inc.sources.iter().any(|s| {
                        loaded
                            .index
                            .by_id
                            .get(&s.mention.article)
                            .is_some_and(|&i| shown[i])
                    })
            })
            .map(|(i, _)| i)
            .collect();
        let days = &loaded.index.incident_days;
        incidents.sort_by(|&a, &b| {
            days[a]
                .unwrap_or(f64::MAX)
                .total_cmp(&days[b].unwrap_or(f64::MAX))
        });
        Self {
            rows,
            incidents,
            filter_entities: filter
                .map(|f| loaded.index.entities_matching(analysis, f))
                .unwrap_or_default(),
        }
    }
}
