//! What the filters leave visible: the article rows (in list order) and the incidents whose
//! sources are among them. Recomputed only when the corpus, a filter, the search or the sort
//! changes.

use crate::workbench::filter::{EntityFilter, SortBy};
use crate::workbench::search::SearchResult;
use crate::workbench::source::Loaded;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct View {
    /// Article indices, in display order.
    pub rows: Vec<usize>,
    /// Incident indices whose sources include a visible article: the thefts articles are about
    /// first, then figures mentioned in passing, each by event date.
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
        // Which entities the filter covers is decided once; their articles come from the index.
        let filter_entities = filter.map(|f| loaded.index.entities_matching(analysis, f));
        let by_entity = filter_entities
            .as_deref()
            .map(|e| loaded.index.articles_of(articles.len(), e));
        let visible = |i: usize| {
            by_entity.as_ref().is_none_or(|m| m[i]) && search.is_none_or(|s| s.matches(i))
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
        let index = &loaded.index;
        let incidents: Vec<usize> = index
            .incident_order
            .iter()
            .copied()
            .filter(|&i| !restricted || index.incident_articles[i].iter().any(|&a| shown[a]))
            .collect();
        Self {
            rows,
            incidents,
            filter_entities: filter_entities.unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::EntityKind;
    use crate::workbench::fixture;
    use crate::workbench::search::search;

    fn ids(loaded: &Loaded, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&i| loaded.analysis.corpus.articles[i].id.clone())
            .collect()
    }

    #[test]
    fn rows_are_newest_first_with_undated_last_or_by_title() {
        let loaded = fixture::loaded();
        let by_date = View::compute(&loaded, None, None, SortBy::Date);
        assert_eq!(ids(&loaded, &by_date.rows), ["follow-up", "theft", "other"]);
        let by_title = View::compute(&loaded, None, None, SortBy::Title);
        assert_eq!(
            ids(&loaded, &by_title.rows),
            ["other", "follow-up", "theft"]
        );
        assert_eq!(by_date.incidents.len(), loaded.analysis.incidents.len());
        assert!(by_date.filter_entities.is_empty());
    }

    #[test]
    fn an_entity_filter_and_a_search_both_narrow_the_rows_and_the_incidents() {
        let loaded = fixture::loaded();
        let lazarus = EntityFilter {
            kind: EntityKind::ThreatActor,
            name: "Lazarus Group".to_owned(),
            family: true,
        };
        let filtered = View::compute(&loaded, Some(&lazarus), None, SortBy::Date);
        assert_eq!(ids(&loaded, &filtered.rows), ["follow-up", "theft"]);
        assert!(!filtered.filter_entities.is_empty());
        let bakery = search(&loaded.analysis, &loaded.fields, None, "sandwiches");
        let searched = View::compute(&loaded, None, Some(&bakery), SortBy::Date);
        assert_eq!(ids(&loaded, &searched.rows), ["other"]);
        assert!(
            searched.incidents.is_empty(),
            "no theft in the bakery article"
        );
        let both = View::compute(&loaded, Some(&lazarus), Some(&bakery), SortBy::Date);
        assert!(both.rows.is_empty());
    }

    #[test]
    fn the_theft_an_article_is_about_is_listed_before_older_figures_in_passing() {
        let loaded = fixture::loaded_from(vec![fixture::article(
            "report",
            Some((2022, 6, 3)),
            "Exchange drained",
            "Hackers stole $40 million from Quillon Exchange on 1 June 2022, the company said. \
             The theft recalls an older one: in 2018 hackers stole $5 million from Marrow Bank.",
        )]);
        let view = View::compute(&loaded, None, None, SortBy::Date);
        let all = &loaded.analysis.incidents;
        let listed: Vec<(f64, bool)> = view
            .incidents
            .iter()
            .map(|&i| (all[i].usd, all[i].is_main()))
            .collect();
        assert_eq!(listed, [(40e6, true), (5e6, false)]);
    }
}
