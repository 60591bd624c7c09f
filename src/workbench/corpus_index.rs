//! Lookups the panels need on every frame, built once per corpus on the worker thread: article by
//! id, amounts and entity mentions per article, threat-actor families (grouped by the core), incident dates.

use std::collections::HashMap;

use crate::analysis::Analysis;
use crate::extract::EntityKind;
use crate::extract::actors::{self, ActorFamily};
use crate::workbench::filter::EntityFilter;

/// An entity mention inside one article, for colouring the reader.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
    pub entity: usize,
}

#[derive(Clone, Debug, Default)]
pub struct CorpusIndex {
    pub by_id: HashMap<String, usize>,
    /// Per article: indices into `extraction.amounts`.
    pub amounts: Vec<Vec<usize>>,
    /// Per article: how many of its amounts are thefts (stolen, attempted, cumulative).
    pub thefts: Vec<usize>,
    /// Per article: entity mentions (people, organisations, places, actors), sorted by start.
    pub mentions: Vec<Vec<Span>>,
    /// Threat actor families, biggest first.
    pub families: Vec<ActorFamily>,
    /// Per incident: event date as days since the epoch.
    pub incident_days: Vec<Option<f64>>,
    /// Total size of the article texts.
    pub text_bytes: u64,
    /// Article indices newest first (undated last, then by title): sorting 100,000 articles
    /// takes longer than a frame, so it is done here, on the worker.
    pub by_date: Vec<usize>,
    /// Article indices by title, case-insensitively.
    pub by_title: Vec<usize>,
}

impl CorpusIndex {
    pub fn build(analysis: &Analysis) -> Self {
        let articles = &analysis.corpus.articles;
        let by_id: HashMap<String, usize> = articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut amounts = vec![Vec::new(); articles.len()];
        let mut thefts = vec![0; articles.len()];
        for (i, a) in analysis.extraction.amounts.iter().enumerate() {
            if let Some(&art) = by_id.get(&a.article) {
                amounts[art].push(i);
                if a.kind.is_theft() {
                    thefts[art] += 1;
                }
            }
        }
        let mut mentions = vec![Vec::new(); articles.len()];
        for (ei, e) in analysis.extraction.entities.iter().enumerate() {
            if matches!(e.kind, EntityKind::Money | EntityKind::Date) {
                continue;
            }
            for m in &e.mentions {
                if let Some(&art) = by_id.get(&*m.article) {
                    mentions[art].push(Span {
                        start: m.start,
                        end: m.end,
                        kind: e.kind,
                        entity: ei,
                    });
                }
            }
        }
        for list in &mut mentions {
            list.sort_by_key(|s| (s.start, s.end));
        }
        let mut by_date: Vec<usize> = (0..articles.len()).collect();
        by_date.sort_by(|&a, &b| {
            let (a, b) = (&articles[a], &articles[b]);
            b.published
                .is_some()
                .cmp(&a.published.is_some())
                .then(b.published.cmp(&a.published))
                .then(a.title.cmp(&b.title))
        });
        let lower: Vec<String> = articles.iter().map(|a| a.title.to_lowercase()).collect();
        let mut by_title: Vec<usize> = (0..articles.len()).collect();
        by_title.sort_by(|&a, &b| lower[a].cmp(&lower[b]));
        Self {
            by_date,
            by_title,
            families: actors::families(&analysis.extraction.entities),
            incident_days: analysis
                .incidents
                .iter()
                .map(|i| i.event_date.map(|d| d.plot_day()))
                .collect(),
            text_bytes: articles.iter().map(|a| a.text.len() as u64).sum(),
            by_id,
            amounts,
            thefts,
            mentions,
        }
    }

    /// Per article: does it mention what `filter` names?
    pub fn articles_matching(&self, analysis: &Analysis, filter: &EntityFilter) -> Vec<bool> {
        let mut hit = vec![false; analysis.corpus.articles.len()];
        for e in &analysis.extraction.entities {
            if filter.covers(e) {
                for m in &e.mentions {
                    if let Some(&i) = self.by_id.get(&*m.article) {
                        hit[i] = true;
                    }
                }
            }
        }
        hit
    }

    /// Entity indices `filter` covers (for highlighting their mentions).
    pub fn entities_matching(&self, analysis: &Analysis, filter: &EntityFilter) -> Vec<usize> {
        analysis
            .extraction
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| filter.covers(e))
            .map(|(i, _)| i)
            .collect()
    }
}
