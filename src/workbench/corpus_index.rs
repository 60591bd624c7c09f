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
    /// Every incident in table order: the thefts articles are about first, then the others,
    /// each by event date (undated last). Views filter it and never sort.
    pub incident_order: Vec<usize>,
    /// Per incident: the articles of its sources.
    pub incident_articles: Vec<Vec<usize>>,
    /// Per entity: the articles that mention it, each once.
    pub entity_articles: Vec<Vec<u32>>,
    /// Entity indices of each kind, in corpus order (the sidebar's lists, built off the UI
    /// thread: one pass over 200,000 entities is longer than a frame).
    pub entities_by_kind: HashMap<EntityKind, Vec<usize>>,
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
            if let Some(&art) = by_id.get(&*a.article) {
                amounts[art].push(i);
                if a.kind.is_theft() {
                    thefts[art] += 1;
                }
            }
        }
        let mut mentions = vec![Vec::new(); articles.len()];
        let mut entity_articles = Vec::with_capacity(analysis.extraction.entities.len());
        let mut entities_by_kind: HashMap<EntityKind, Vec<usize>> = HashMap::new();
        for (i, e) in analysis.extraction.entities.iter().enumerate() {
            entities_by_kind.entry(e.kind).or_default().push(i);
        }
        for e in &analysis.extraction.entities {
            let mut list: Vec<u32> = e
                .mentions
                .iter()
                .filter_map(|m| by_id.get(&*m.article))
                .filter_map(|&i| u32::try_from(i).ok())
                .collect();
            list.dedup();
            entity_articles.push(list);
        }
        for (ei, e) in analysis.extraction.entities.iter().enumerate() {
            if matches!(e.kind, EntityKind::Money | EntityKind::Date) {
                continue;
            }
            for m in &e.mentions {
                if let Some(&art) = by_id.get(&*m.article) {
                    mentions[art].push(Span {
                        start: m.start as usize,
                        end: m.end as usize,
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
        let incident_days: Vec<Option<f64>> = analysis
            .incidents
            .iter()
            .map(|i| i.event_date.map(|d| d.plot_day()))
            .collect();
        let main: Vec<bool> = analysis.incidents.iter().map(|i| i.is_main()).collect();
        let mut incident_order: Vec<usize> = (0..analysis.incidents.len()).collect();
        incident_order.sort_by(|&a, &b| {
            main[b].cmp(&main[a]).then(
                incident_days[a]
                    .unwrap_or(f64::MAX)
                    .total_cmp(&incident_days[b].unwrap_or(f64::MAX)),
            )
        });
        let incident_articles = analysis
            .incidents
            .iter()
            .map(|i| {
                i.sources
                    .iter()
                    .filter_map(|s| by_id.get(&*s.mention.article).copied())
                    .collect()
            })
            .collect();
        Self {
            by_date,
            by_title,
            families: actors::families(&analysis.extraction.entities),
            incident_days,
            incident_order,
            incident_articles,
            entity_articles,
            entities_by_kind,
            text_bytes: articles.iter().map(|a| a.text.len() as u64).sum(),
            by_id,
            amounts,
            thefts,
            mentions,
        }
    }

    /// Per article (of `n`): does it mention one of `entities`?
    pub fn articles_of(&self, n: usize, entities: &[usize]) -> Vec<bool> {
        let mut hit = vec![false; n];
        for &e in entities {
            for &i in self.entity_articles.get(e).into_iter().flatten() {
                if let Some(h) = hit.get_mut(i as usize) {
                    *h = true;
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
