//! Figures and tables as the analyst pastes them: citations, TSV and HTML.
//! TODO(annotations helper): real formats.

use crate::corpus::Article;
use crate::extract::{Amount, Entity};
use crate::incidents::Incident;

/// One figure with its citation: `$81 million stolen from Bangladesh Bank (2016-02), attributed to
/// Lazarus Group — "…passage…" (article id, publication date)`.
pub fn figure_citation(amount: &Amount, article: &Article) -> String {
    let _ = article;
    amount.text.clone()
}

/// A passage with its citation.
pub fn passage_citation(article: &Article, start: usize, end: usize) -> String {
    crate::text::slice_chars(&article.text, start, end).to_owned()
}

/// The incidents table as (TSV, HTML).
pub fn incidents_table(incidents: &[Incident]) -> (String, String) {
    let _ = incidents;
    (String::new(), String::new())
}

/// The entity list as (TSV, HTML).
pub fn entities_table(entities: &[Entity]) -> (String, String) {
    let _ = entities;
    (String::new(), String::new())
}
