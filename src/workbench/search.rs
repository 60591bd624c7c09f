//! Corpus-wide search as the workbench shows it: hits per article, their total, and how long the
//! search took. The matching itself is [`crate::search`].

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, OnceLock};

use crate::analysis::Analysis;
use crate::query::{self, Fields, SearchIndex, scan::Matcher};

/// Above this many matching articles the worker leaves the highlights to be found when an
/// article is shown (a query matching half of 100,000 articles would spend a second on them).
const HIGHLIGHT_UP_TO: usize = 2_000;

/// Character spans of the hits in each article.
type SpansByArticle = HashMap<usize, Arc<[(usize, usize)]>>;

/// The articles that match a query, best first, and their highlights.
#[derive(Clone, Debug, Default)]
pub struct SearchResult {
    pub query: String,
    matched: HashSet<usize>,
    /// The matching articles, best first.
    pub ranked: Vec<usize>,
    /// Highlight spans per matching article: every one when the search found them, else those
    /// shown so far (found on demand by [`Self::hits_in`]).
    spans: Arc<Mutex<SpansByArticle>>,
    /// What finds an article's spans on demand; `None` when the search found all of them.
    highlighter: Option<(Arc<Matcher>, Arc<Analysis>)>,
    /// Why the query does not parse (shown under the search box); then there are no hits.
    pub error: Option<String>,
    /// Hits over all articles, when the search found every article's spans.
    pub total: Option<usize>,
    /// How long the search took (logged with `DOSSIER_FRAME_LOG=1`).
    pub took: std::time::Duration,
}

impl SearchResult {
    /// Whether `article` matches the query.
    pub fn matches(&self, article: usize) -> bool {
        self.matched.contains(&article)
    }

    /// How many articles match.
    pub fn article_count(&self) -> usize {
        self.matched.len()
    }

    /// Hits in one article, in text order (found now if the search left them for later).
    pub fn hits_in(&self, article: usize) -> Arc<[(usize, usize)]> {
        if !self.matches(article) {
            return Arc::from([]);
        }
        let Ok(mut spans) = self.spans.lock() else {
            return Arc::from([]);
        };
        if let Some(known) = spans.get(&article) {
            return known.clone();
        }
        let found: Arc<[(usize, usize)]> = match &self.highlighter {
            Some((matcher, analysis)) => analysis
                .corpus
                .articles
                .get(article)
                .map_or_else(|| Arc::from([]), |a| matcher.highlights(&a.text).into()),
            None => Arc::from([]),
        };
        spans.insert(article, found.clone());
        found
    }

    /// "3 hits in 1 article" ("57,905 articles" when the hits are found article by article as
    /// they are shown), or why the query does not parse.
    pub fn summary(&self) -> String {
        use crate::workbench::format::count;
        if let Some(e) = &self.error {
            return e.clone();
        }
        match self.total {
            // Only field clauses (`kind:stolen`): articles, no words to highlight.
            Some(0) if !self.matched.is_empty() => count(self.matched.len(), "article"),
            Some(total) => format!(
                "{} in {}",
                count(total, "hit"),
                count(self.matched.len(), "article")
            ),
            None => count(self.matched.len(), "article"),
        }
    }
}

/// Searches every article with the query language ([`crate::query`]): through `index` when it
/// is built for this corpus, else by scanning (in parallel). Field clauses read `analysis`, the
/// one the views show, read once into `fields` by the first query that has one. Runs on a
/// worker.
pub fn search(
    analysis: &Arc<Analysis>,
    fields: &OnceLock<Fields>,
    index: Option<&SearchIndex>,
    text: &str,
) -> SearchResult {
    search_up_to(analysis, fields, index, text, HIGHLIGHT_UP_TO)
}

/// [`search`], finding every hit's highlights only when at most `highlight_up_to` articles match.
fn search_up_to(
    analysis: &Arc<Analysis>,
    fields: &OnceLock<Fields>,
    index: Option<&SearchIndex>,
    text: &str,
    highlight_up_to: usize,
) -> SearchResult {
    let started = std::time::Instant::now();
    let mut result = SearchResult {
        query: text.to_owned(),
        ..SearchResult::default()
    };
    let found = query::parse(text)
        .map_err(|e| format!("Query not understood: {e}"))
        .and_then(|expr| match expr {
            Some(expr) => {
                // Reading every article's fields costs more than most queries: only when asked.
                let none = Fields::default();
                let fields = if expr.has_fields() {
                    fields.get_or_init(|| Fields::of(analysis))
                } else {
                    &none
                };
                query::search_with(analysis, fields, index, &expr, highlight_up_to)
                    .map(|(hits, complete)| Some((hits, complete, expr)))
            }
            None => Ok(None),
        });
    match found {
        Ok(None) => result.total = Some(0),
        Ok(Some((hits, complete, expr))) => {
            result.ranked = hits.iter().map(|h| h.article).collect();
            result.matched = result.ranked.iter().copied().collect();
            if complete {
                result.total = Some(hits.iter().map(|h| h.spans.len()).sum());
                result.spans = Arc::new(Mutex::new(
                    hits.into_iter()
                        .map(|h| (h.article, h.spans.into()))
                        .collect(),
                ));
            } else {
                result.highlighter = Some((Arc::new(Matcher::new(&expr)), Arc::clone(analysis)));
            }
        }
        Err(e) => result.error = Some(e),
    }
    result.took = started.elapsed();
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::fixture;

    #[test]
    fn hits_are_counted_per_article_and_summarised_in_words() {
        let loaded = fixture::loaded();
        let result = search(&loaded.analysis, &loaded.fields, None, "Northwind");
        assert_eq!(result.article_count(), 2);
        assert_eq!(result.total, Some(3));
        assert_eq!(result.summary(), "3 hits in 2 articles");
        let one = search(&loaded.analysis, &loaded.fields, None, "sandwiches");
        assert_eq!(one.summary(), "1 hit in 1 article");
        assert!(one.hits_in(99).is_empty());
    }

    #[test]
    fn many_matches_are_listed_at_once_and_highlighted_as_they_are_shown() {
        let loaded = fixture::loaded();
        let index = SearchIndex::build(&loaded.analysis.corpus.articles).unwrap();
        let eager = search(&loaded.analysis, &loaded.fields, Some(&index), "Northwind");
        // As if more articles matched than the worker highlights: none highlighted yet.
        let lazy = search_up_to(
            &loaded.analysis,
            &loaded.fields,
            Some(&index),
            "Northwind",
            1,
        );
        assert_eq!(lazy.total, None);
        assert_eq!(lazy.summary(), "2 articles");
        assert_eq!(lazy.ranked, eager.ranked);
        for &article in &eager.ranked {
            assert!(lazy.matches(article));
            assert_eq!(lazy.hits_in(article), eager.hits_in(article));
            assert!(!lazy.hits_in(article).is_empty());
        }
        assert!(lazy.hits_in(99).is_empty());
    }
}
