//! Field clauses (`title:`, `actor:`, `victim:`, `kind:`, `date:`) answered from the analysis the
//! views show, after the analyst's decisions were replayed: never from a stale index.

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::query::parse::FieldClause;
use crate::query::words;

/// Per article, what the field clauses look at.
#[derive(Clone, Debug, Default)]
pub struct Fields {
    articles: Vec<ArticleFields>,
}

#[derive(Clone, Debug, Default)]
struct ArticleFields {
    title_stems: Vec<String>,
    actors: Vec<Vec<String>>,
    victims: Vec<Vec<String>>,
    /// Kinds of every amount (bit per `AmountKind as u8`).
    kinds: u8,
    /// Years the article's thefts happened.
    years: Vec<i32>,
}

impl Fields {
    /// Reads the fields of every article of `analysis` (its amounts as corrected by decisions).
    pub fn of(analysis: &Analysis) -> Self {
        let by_id: HashMap<&str, usize> = analysis
            .corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.as_str(), i))
            .collect();
        let mut articles: Vec<ArticleFields> = analysis
            .corpus
            .articles
            .iter()
            .map(|a| ArticleFields {
                title_stems: words::words(&a.title).into_iter().map(|w| w.stem).collect(),
                ..ArticleFields::default()
            })
            .collect();
        for amount in &analysis.extraction.amounts {
            let Some(f) = by_id
                .get(&*amount.article)
                .and_then(|&i| articles.get_mut(i))
            else {
                continue;
            };
            f.kinds |= 1 << amount.kind as u8;
            if !amount.kind.is_theft() {
                continue;
            }
            if let Some(actor) = &amount.actor {
                f.actors.push(words::lowered(actor));
            }
            if let Some(victim) = &amount.victim {
                f.victims.push(words::lowered(victim));
            }
            if let Some(date) = &amount.event_date {
                f.years.push(date.year());
            }
        }
        Self { articles }
    }

    /// Whether article `i` satisfies `clause`.
    pub fn matches(&self, i: usize, clause: &FieldClause) -> bool {
        let Some(f) = self.articles.get(i) else {
            return false;
        };
        match clause {
            FieldClause::Title(ws) => ws.iter().all(|w| f.title_stems.contains(w)),
            FieldClause::Actor(ws) => f.actors.iter().any(|a| contains_run(a, ws)),
            FieldClause::Victim(ws) => f.victims.iter().any(|v| contains_run(v, ws)),
            FieldClause::Kind(kind) => f.kinds & (1 << *kind as u8) != 0,
            FieldClause::Date { from, to } => f.years.iter().any(|y| (from..=to).contains(&y)),
        }
    }

    /// The articles satisfying `clause`, in order.
    pub fn matching(&self, clause: &FieldClause) -> Vec<usize> {
        (0..self.articles.len())
            .filter(|&i| self.matches(i, clause))
            .collect()
    }
}

/// `needle` occurs as consecutive words of `hay`.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}
