//! Money amounts: parsing, classification, dating. TODO(money/dates helper).

use crate::corpus::Article;

use super::{Amount, EntityMention, dates::DateMention};

/// Finds every money amount of an article, classified and dated.
pub fn find(article: &Article, dates: &[DateMention], entities: &[EntityMention]) -> Vec<Amount> {
    let _ = (article, dates, entities);
    Vec::new()
}
