//! Date expressions, resolved against the publication date. TODO(money/dates helper).

use serde::{Deserialize, Serialize};

use crate::corpus::Article;

/// A date expression in an article, resolved to a calendar date at the precision the text gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub value: String,
    /// True for expressions that needed the publication date ("last year", "on Monday").
    pub relative: bool,
}

/// Finds and resolves every date expression of an article.
pub fn find(article: &Article) -> Vec<DateMention> {
    let _ = article;
    Vec::new()
}
