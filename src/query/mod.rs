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
    search_with(analysis, fields, index, expr, usize::MAX).map(|(hits, _)| hits)
}

/// [`search`], finding the highlight spans only when the index answers with at most
/// `highlight_up_to` articles (finding them means reading each matching article again: a query
/// matching half of 100,000 articles spends a second on it). The flag says whether every hit has
/// its spans; the scan used before the index is ready finds them anyway.
pub fn search_with(
    analysis: &Analysis,
    fields: &Fields,
    index: Option<&SearchIndex>,
    expr: &Expr,
    highlight_up_to: usize,
) -> Result<(Vec<Hit>, bool), String> {
    let articles = &analysis.corpus.articles;
    let matcher = scan::Matcher::new(expr);
    let index = index.filter(|i| i.len() == articles.len());
    let mut complete = true;
    let mut hits: Vec<Hit> = match index {
        Some(index) => {
            let ranked = index
                .search(expr, fields)
                .map_err(|e| format!("the search index failed: {e}"))?;
            if ranked.len() > highlight_up_to {
                complete = false;
                ranked
                    .into_iter()
                    .filter(|&(article, _)| article < articles.len())
                    .map(|(article, score)| Hit {
                        article,
                        score,
                        spans: Vec::new(),
                    })
                    .collect()
            } else {
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
    Ok((hits, complete))
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
            // Only which articles: no highlights.
            let mut articles: Vec<usize> = search_with(analysis, fields, index, &expr, 0)?
                .0
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
