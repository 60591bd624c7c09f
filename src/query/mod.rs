//! Search with the query language analysts know (Datashare, Aleph): stemmed words, exact quoted
//! words and phrases, AND / OR / NOT and `-word`, `prefix*`, `fuzzy~1`, `"near words"~5`, and
//! fields on the articles' thefts. The index ([`SearchIndex`]) answers fast once built; until
//! then the same query is evaluated by scanning every article ([`scan`]).
//!
//! - [`parse`]: the language, and why a query does not parse;
//! - [`words`]: the tokenizer and stemmer the index, the scan and the highlights share;
//! - [`fields`]: field clauses answered from the current analysis;
//! - [`scan`]: one article's match and highlight spans;
//! - [`index`]: the tantivy index, in memory or kept in a directory;
//! - [`watchlist`]: a list of names searched at once.

pub mod fields;
pub mod index;
pub mod parse;
pub mod scan;
pub mod watchlist;
pub mod words;

use rayon::prelude::*;

use crate::analysis::Analysis;
pub use fields::Fields;
pub use index::SearchIndex;
pub use parse::{Expr, FieldClause, ParseError, parse};
pub use watchlist::WatchRow;

/// One matching article: its index in the corpus, its rank score and the spans to highlight.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub article: usize,
    pub score: f32,
    pub spans: Vec<(usize, usize)>,
}

/// Every article matching `expr`, best first. With an index, tantivy finds and ranks them (BM25)
/// and only the hits are scanned for spans; without, every article is scanned and ranked by its
/// number of highlighted words.
pub fn search(
    analysis: &Analysis,
    fields: &Fields,
    index: Option<&SearchIndex>,
    expr: &Expr,
) -> Result<Vec<Hit>, String> {
    let articles = &analysis.corpus.articles;
    let matcher = scan::Matcher::new(expr);
    let index = index.filter(|i| i.len() == articles.len());
    let mut hits: Vec<Hit> = match index {
        Some(index) => {
            let ranked = index
                .search(expr, fields)
                .map_err(|e| format!("the search index failed: {e}"))?;
            ranked
                .into_par_iter()
                .with_min_len(64)
                .filter_map(|(article, score)| {
                    let text = &articles.get(article)?.text;
                    Some(Hit {
                        article,
                        score,
                        spans: matcher.highlights(text),
                    })
                })
                .collect()
        }
        None => articles
            .par_iter()
            .enumerate()
            .with_min_len(64)
            .filter_map(|(article, a)| {
                let ws = matcher.words(&a.text);
                let spans = matcher.spans(article, &ws, fields)?;
                Some(Hit {
                    article,
                    score: spans.len() as f32,
                    spans,
                })
            })
            .collect(),
    };
    hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.article.cmp(&b.article)));
    Ok(hits)
}

/// Counts the articles naming each name of a watchlist.
pub fn watch(
    analysis: &Analysis,
    fields: &Fields,
    index: Option<&SearchIndex>,
    names: &[String],
) -> Result<Vec<WatchRow>, String> {
    names
        .iter()
        .map(|name| {
            let expr = watchlist::name_query(name);
            let mut articles: Vec<usize> = search(analysis, fields, index, &expr)?
                .into_iter()
                .map(|h| h.article)
                .collect();
            articles.sort_unstable();
            Ok(WatchRow {
                name: name.clone(),
                articles,
            })
        })
        .collect()
}
