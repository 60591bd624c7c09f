//! The extraction engine: entities, money amounts and event dates found in each article, then
//! gathered across the corpus.

pub mod actors;
pub mod dates;
pub mod entities;
pub mod money;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    ThreatActor,
    Money,
    Date,
}

/// A span of an article (character offsets).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    pub article: String,
    pub start: usize,
    pub end: usize,
}

/// One entity mention found in one article, already resolved to its canonical entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityMention {
    pub kind: EntityKind,
    /// Canonical name ("United States" for "U.S.", "Lazarus Group" for "Lazarus").
    pub canonical: String,
    /// Umbrella entity, e.g. "Lazarus Group" for "APT38".
    pub parent: Option<String>,
    /// The text as written.
    pub surface: String,
    pub start: usize,
    pub end: usize,
}

/// An entity gathered across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub parent: Option<String>,
    pub mention_count: usize,
    pub article_count: usize,
    pub mentions: Vec<Mention>,
}

/// How an amount relates to theft, decided by its context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AmountKind {
    Stolen,
    Attempted,
    Cumulative,
    Damage,
    Other,
}

impl AmountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Stolen => "stolen",
            Self::Attempted => "attempted",
            Self::Cumulative => "cumulative",
            Self::Damage => "damage",
            Self::Other => "other",
        }
    }

    /// Stolen, attempted and cumulative amounts are what the timeline plots.
    pub fn is_theft(self) -> bool {
        matches!(self, Self::Stolen | Self::Attempted | Self::Cumulative)
    }
}

/// A money amount found in an article, classified and dated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// The text as written, conversions included ("$81 million (€72 million)").
    pub text: String,
    /// The figure stated (a range's midpoint), in `currency`.
    pub value: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217 code, or a crypto ticker ("BTC").
    pub currency: String,
    /// Value in US dollars, when known.
    pub usd: Option<f64>,
    pub kind: AmountKind,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the length is the precision.
    pub event_date: Option<String>,
    /// True when no date in the text governs the amount and the publication date stands in.
    pub event_date_inferred: bool,
    /// True when the event date falls after the publication date.
    pub event_date_suspicious: bool,
    pub victim: Option<String>,
    pub actor: Option<String>,
    /// The words that decided `kind` ("stolen", "netted", "cost it").
    pub cue: Option<String>,
}

/// Everything extracted from a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub amounts: Vec<Amount>,
}

/// What one article yields before the corpus-wide gathering.
#[derive(Clone, Debug, Default)]
pub struct ArticleExtraction {
    pub entities: Vec<EntityMention>,
    pub dates: Vec<dates::DateMention>,
    pub amounts: Vec<Amount>,
}

/// Extracts one article.
pub fn extract_article(article: &Article) -> ArticleExtraction {
    let entities = entities::find(article);
    let dates = dates::find(article);
    let amounts = money::find(article, &dates, &entities);
    ArticleExtraction {
        entities,
        dates,
        amounts,
    }
}

/// Extracts every article (in parallel) and gathers entities across the corpus.
pub fn extract_corpus(articles: &[Article]) -> Extraction {
    extract_corpus_with_progress(articles, &|_| {})
}

/// [`extract_corpus`], calling `progress(done)` as articles complete (from worker threads, about
/// 200 times per corpus so that a progress bar moves without flooding its channel).
pub fn extract_corpus_with_progress(
    articles: &[Article],
    progress: &(dyn Fn(usize) + Sync),
) -> Extraction {
    use rayon::prelude::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let step = (articles.len() / 200).max(1);
    let done = AtomicUsize::new(0);
    let per_article: Vec<ArticleExtraction> = articles
        .par_iter()
        .map(|a| {
            let ex = extract_article(a);
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            if n.is_multiple_of(step) || n == articles.len() {
                progress(n);
            }
            ex
        })
        .collect();
    gather(articles, per_article)
}

/// Merges per-article mentions into corpus entities (money and dates included, as the sidebar
/// lists them) and concatenates the amounts in article order.
pub fn gather(articles: &[Article], per_article: Vec<ArticleExtraction>) -> Extraction {
    use std::collections::BTreeMap;
    // (kind, canonical) -> entity under construction
    let mut map: BTreeMap<(EntityKind, String), Entity> = BTreeMap::new();
    let mut amounts = Vec::new();
    for (article, ex) in articles.iter().zip(per_article) {
        let money = ex.amounts.iter().map(|a| EntityMention {
            kind: EntityKind::Money,
            canonical: a.text.clone(),
            parent: None,
            surface: a.text.clone(),
            start: a.start,
            end: a.end,
        });
        let dates = ex.dates.iter().map(|d| EntityMention {
            kind: EntityKind::Date,
            canonical: d.value.clone(),
            parent: None,
            surface: d.text.clone(),
            start: d.start,
            end: d.end,
        });
        for m in ex.entities.iter().cloned().chain(money).chain(dates) {
            // Spelling variants of a name ("Ana Ruiz-Vega", "Ana Ruiz Vega") are one entity.
            let key = match m.kind {
                EntityKind::Person | EntityKind::Organization => {
                    entities::variant_key(&m.canonical)
                }
                _ => m.canonical.clone(),
            };
            let e = map.entry((m.kind, key)).or_insert_with(|| Entity {
                name: m.canonical.clone(),
                kind: m.kind,
                aliases: Vec::new(),
                parent: m.parent.clone(),
                mention_count: 0,
                article_count: 0,
                mentions: Vec::new(),
            });
            if m.surface != e.name && !e.aliases.contains(&m.surface) {
                e.aliases.push(m.surface.clone());
            }
            // Mentions arrive article by article, so only the last one can be of this article.
            if e.mentions.last().is_none_or(|x| x.article != article.id) {
                e.article_count += 1;
            }
            e.mention_count += 1;
            e.mentions.push(Mention {
                article: article.id.clone(),
                start: m.start,
                end: m.end,
            });
        }
        amounts.extend(ex.amounts);
    }
    let mut entities: Vec<Entity> = map.into_values().collect();
    for e in &mut entities {
        e.aliases.sort();
    }
    entities.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.mention_count.cmp(&a.mention_count))
            .then(a.name.cmp(&b.name))
    });
    Extraction { entities, amounts }
}
