//! Joins between what the analysis produced: an incident's source back to the extracted amount
//! and the article it came from. (Incident sources still copy the mention instead of holding the
//! amount's index; this is the one place that joins them.)

use crate::corpus::Article;
use crate::extract::{Amount, Mention};
use crate::workbench::source::Loaded;

/// Where an incident's first source sits: the passage "select incident" opens.
pub fn incident_passage(loaded: &Loaded, incident: usize) -> Option<&Mention> {
    let inc = loaded.analysis.incidents.get(incident)?;
    inc.sources.first().map(|s| &s.mention)
}

/// The amount behind an incident's first source, with its article: what "Copy figure" cites.
pub fn source_amount(loaded: &Loaded, incident: usize) -> Option<(&Amount, &Article)> {
    let m = incident_passage(loaded, incident)?;
    let analysis = &loaded.analysis;
    let amount = analysis
        .extraction
        .amounts
        .iter()
        .find(|a| *a.article == *m.article && a.range() == m.range())?;
    let article = loaded
        .index
        .by_id
        .get(&*m.article)
        .and_then(|&i| analysis.corpus.articles.get(i))?;
    Some((amount, article))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbench::fixture;

    #[test]
    fn an_incident_leads_back_to_its_amount_and_article() {
        let loaded = fixture::loaded();
        let theft = loaded
            .analysis
            .incidents
            .iter()
            .position(|i| i.victim.as_deref() == Some("Northwind Bank"))
            .expect("the invented theft is an incident");
        let (amount, article) = source_amount(&loaded, theft).unwrap();
        assert_eq!(article.id, "theft");
        assert_eq!(amount.usd, Some(12e6));
        assert_eq!(
            crate::text::slice_chars(&article.text, amount.start as usize, amount.end as usize),
            "$12 million"
        );
        let passage = incident_passage(&loaded, theft).unwrap();
        assert_eq!(passage.range(), amount.range());
        assert!(source_amount(&loaded, 999).is_none());
    }
}
