//! The extraction engine: entities, money amounts and event dates found in each article, then
//! gathered across the corpus.

pub mod actors;
pub mod calendar;
mod date_stretches;
pub mod dates;
pub mod document;
pub mod entities;
pub mod lexicon;
pub mod money;
mod thin_str;
mod unfiltered;
pub mod victims;

use serde::{Deserialize, Serialize};

use crate::corpus::Article;
use crate::partial_date::PartialDate;

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

pub use thin_str::ThinStr;

/// An article's id as its mentions and amounts hold it: one allocation per article, shared by
/// all of them, behind a thin pointer, since a large corpus has millions of mentions.
pub type ArticleId = ThinStr;

/// A span of an article (character offsets). Offsets are `u32` (an article is far under 4 G
/// characters) and the id a thin pointer, so that the millions of mentions of a large corpus
/// take 16 bytes each, not 32.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Mention {
    /// The article's id, shared by all its mentions (millions of them in a large corpus).
    pub article: ArticleId,
    pub start: u32,
    pub end: u32,
}

impl Mention {
    /// A span from `usize` offsets, as the extractors and the text APIs give them.
    pub fn new(article: ArticleId, start: usize, end: usize) -> Self {
        Self {
            article,
            start: offset(start),
            end: offset(end),
        }
    }

    /// The span's character range, for slicing and the text APIs.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// A character offset as stored in a [`Mention`] or an [`Amount`]: one past `u32::MAX` characters is saturated
/// (no article comes near it; the corpus loader refuses texts that large).
pub(crate) fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
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
    /// A person's role as the text states it here ("CEO", "chief executive of Acme").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
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
    /// A person's roles as the articles state them, first seen first (at most a few).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
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

/// A word an amount names (victim, actor, cue, the figure as written, the currency): repeated
/// over hundreds of thousands of amounts, so the gathering keeps one allocation per distinct
/// word ([`Gatherer`]).
pub type Word = ThinStr;

/// A money amount found in an article, classified and dated.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    /// The article's id: one allocation shared with its mentions once gathered.
    pub article: ArticleId,
    /// Character offsets, `u32` as in [`Mention`] ([`Amount::range`] for slicing).
    pub start: u32,
    pub end: u32,
    /// The text as written, conversions included ("$81 million (€72 million)"): a figure's
    /// words repeat across a corpus ("$5 million"), so the gathering shares them too.
    pub text: Word,
    /// The figure stated (a range's midpoint), in `currency`.
    pub value: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217 code, or a crypto ticker ("BTC"): shared by all the corpus's amounts in it once
    /// gathered (a few dozen codes over hundreds of thousands of amounts).
    pub currency: Word,
    /// Value in US dollars, when known.
    pub usd: Option<f64>,
    pub kind: AmountKind,
    /// When the theft happened, to the year, month or day the text gives.
    pub event_date: Option<PartialDate>,
    /// True when no date in the text governs the amount and the publication date stands in.
    pub event_date_inferred: bool,
    /// True when the event date falls after the publication date.
    pub event_date_suspicious: bool,
    /// The victim's display name: an organisation of the article.
    pub victim: Option<Word>,
    /// The victim's identity (`victims::identity`, the key the corpus gathering merges an
    /// organisation's spellings by): what incidents compare.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victim_id: Option<Word>,
    /// The threat actor's umbrella group ("Lazarus Group"), or the actor itself when it has none.
    pub actor: Option<Word>,
    /// The sub-group named ("APT38") when `actor` is its umbrella: kept so the link chart can
    /// show who within the group did it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_group: Option<Word>,
    /// The words that decided `kind` ("stolen", "netted", "cost it").
    pub cue: Option<Word>,
    /// The theft the article is about (at most one per article).
    #[serde(default)]
    pub main: bool,
    /// The amount model's probability for `kind` (a review ranks the least sure first); for a
    /// headline it made a theft, its theft probability; none when a hand rule decided (no model,
    /// or a part of a larger theft).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probability: Option<f32>,
}

impl Amount {
    /// The figure's character range, for slicing and the text APIs.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The figure's span as a [`Mention`] of its article.
    pub fn mention(&self) -> Mention {
        Mention {
            article: self.article.clone(),
            start: self.start,
            end: self.end,
        }
    }
}

/// Everything extracted from a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Extraction {
    pub entities: Vec<Entity>,
    pub amounts: Vec<Amount>,
}

/// What one article yields before the corpus-wide gathering (what the result cache keeps per file).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleExtraction {
    pub entities: Vec<EntityMention>,
    pub dates: Vec<dates::DateMention>,
    pub amounts: Vec<Amount>,
}

/// Extracts one article.
pub fn extract_article(article: &Article) -> ArticleExtraction {
    extract_article_with(article, &money::model::SHIPPED)
}

/// [`extract_article`] with another amount model (cross-validation trains one per fold).
pub fn extract_article_with(
    article: &Article,
    model: &money::model::AmountModel,
) -> ArticleExtraction {
    let doc = document::Document::new(&article.text);
    let entities = entities::find_in(&doc, &entities::model::SHIPPED);
    let dates = dates::find_in_document(&doc, article.published);
    let amounts = money::find_in_document(
        lexicon::Lexicon::builtin(),
        model,
        article,
        &doc,
        &dates,
        &entities,
    );
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

/// Articles extracted between two gatherings: the per-article results of one chunk are gathered
/// (on one thread) while the next chunk is extracted (on the others), so they never pile up for
/// the whole corpus: at 100,000 articles they would outweigh the texts. Two chunks are in
/// flight at once; at 2,048 articles that was about 20 MiB of the 100,000-article peak.
pub(crate) const GATHER_CHUNK: usize = 512;

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
    let extract = |a: &Article| {
        let ex = extract_article(a);
        let n = done.fetch_add(1, Ordering::Relaxed) + 1;
        if n.is_multiple_of(step) || n == articles.len() {
            progress(n);
        }
        ex
    };
    let mut gatherer = Gatherer::default();
    let mut pending: Option<(&[Article], Vec<ArticleExtraction>)> = None;
    for chunk in articles.chunks(GATHER_CHUNK) {
        let (extracted, ()) = rayon::join(
            || chunk.par_iter().map(extract).collect::<Vec<_>>(),
            || {
                if let Some((previous, results)) = pending.take() {
                    gatherer.add_all(previous, results);
                }
            },
        );
        pending = Some((chunk, extracted));
    }
    if let Some((previous, results)) = pending {
        gatherer.add_all(previous, results);
    }
    gatherer.finish()
}

/// Merges per-article mentions into corpus entities (money and dates included, as the sidebar
/// lists them) and concatenates the amounts in article order.
pub fn gather(articles: &[Article], per_article: Vec<ArticleExtraction>) -> Extraction {
    let mut gatherer = Gatherer::default();
    gatherer.add_all(articles, per_article);
    gatherer.finish()
}

/// [`gather`] one article at a time, so that per-article results can be dropped (or streamed
/// in from `dossier merge`) as they are added. Mentions are moved, not cloned: the only copies
/// are one canonical name per entity and the article id of each [`Mention`].
#[derive(Default)]
pub struct Gatherer {
    /// Per kind: canonical name (a name's variant key) -> index into `entities`. FNV: the
    /// keys are looked up once per mention.
    index: std::collections::HashMap<
        EntityKind,
        std::collections::HashMap<String, usize, crate::learn::WordHasher>,
        crate::learn::WordHasher,
    >,
    /// The key of the mention being added, one buffer for all.
    key: String,
    entities: Vec<Entity>,
    amounts: Vec<Amount>,
    /// The entity the last mention went to.
    last: Option<usize>,
    /// One allocation per currency code and per word of an amount (victim, actor, cue), shared
    /// by every amount that names it.
    words: rustc_hash::FxHashSet<Word>,
}

/// How many roles an entity keeps (the first ones the corpus states).
const MAX_ROLES: usize = 5;

/// Pushes onto a vector that grows by a quarter (at least `min`) rather than doubling: the
/// gathered vectors are the corpus's largest holders, and doubling leaves up to half of each
/// unused at the memory peak. Growth stays geometric, so pushes stay amortised O(1).
fn reserve_gently<T>(v: &mut Vec<T>, additional: usize, min: usize) {
    if v.capacity() - v.len() < additional {
        v.reserve_exact(additional.max(v.len() / 4).max(min));
    }
}

impl Gatherer {
    /// Adds the mentions of article `article_id`. Articles must be added once each.
    pub fn add(&mut self, article_id: &str, ex: ArticleExtraction) {
        let article_id: ArticleId = article_id.into();
        let article_id = &article_id;
        for m in ex.entities {
            self.mention(
                article_id,
                m.kind,
                std::borrow::Cow::Owned(m.canonical),
                m.parent,
                std::borrow::Cow::Owned(m.surface),
                m.start,
                m.end,
            );
            if let Some(role) = m.role {
                self.add_role(role);
            }
        }
        // A date's value is written into one buffer; only a new entity's name is a copy.
        use std::fmt::Write as _;
        let mut value = String::new();
        for d in ex.dates {
            value.clear();
            // Writing into a String cannot fail.
            let _ = write!(value, "{}", d.value);
            self.mention(
                article_id,
                EntityKind::Date,
                std::borrow::Cow::Borrowed(&value),
                None,
                std::borrow::Cow::Owned(d.text),
                d.start,
                d.end,
            );
        }
        for a in &ex.amounts {
            self.mention(
                article_id,
                EntityKind::Money,
                std::borrow::Cow::Borrowed(&a.text),
                None,
                std::borrow::Cow::Borrowed(&a.text),
                a.start as usize,
                a.end as usize,
            );
        }
        reserve_gently(&mut self.amounts, ex.amounts.len(), 0);
        for mut a in ex.amounts {
            // Each amount came with its own copies of the id and the code: share them.
            if *a.article == **article_id {
                a.article = article_id.clone();
            }
            a.currency = self.share(a.currency);
            a.text = self.share(a.text);
            for word in [
                &mut a.victim,
                &mut a.victim_id,
                &mut a.actor,
                &mut a.sub_group,
                &mut a.cue,
            ] {
                *word = word.take().map(|w| self.share(w));
            }
            self.amounts.push(a);
        }
    }

    /// The corpus's one allocation of `word`.
    fn share(&mut self, word: Word) -> Word {
        match self.words.get(&word) {
            Some(shared) => shared.clone(),
            None => {
                self.words.insert(word.clone());
                word
            }
        }
    }

    /// [`Self::add`] for each article and its results, in order.
    pub fn add_all(&mut self, articles: &[Article], per_article: Vec<ArticleExtraction>) {
        for (article, ex) in articles.iter().zip(per_article) {
            self.add(&article.id, ex);
        }
    }

    /// Adds a role to the entity of the last mention added.
    fn add_role(&mut self, role: String) {
        if let Some(e) = self.last.and_then(|at| self.entities.get_mut(at))
            && e.roles.len() < MAX_ROLES
            && !e.roles.iter().any(|r| r.eq_ignore_ascii_case(&role))
        {
            e.roles.push(role);
        }
    }

    /// Adds one mention. The names are borrowed where the caller has no string to give away
    /// (a date's value, an amount's text): they are copied only into a new entity or alias.
    #[allow(clippy::too_many_arguments)]
    fn mention(
        &mut self,
        article_id: &ArticleId,
        kind: EntityKind,
        canonical: std::borrow::Cow<'_, str>,
        parent: Option<String>,
        surface: std::borrow::Cow<'_, str>,
        start: usize,
        end: usize,
    ) {
        // Spelling variants of a name ("Ana Ruiz-Vega", "Ana Ruiz Vega") are one entity.
        let key = match kind {
            EntityKind::Person | EntityKind::Organization => {
                entities::variant_key_into(&canonical, &mut self.key);
                self.key.as_str()
            }
            _ => &canonical,
        };
        let names = self.index.entry(kind).or_default();
        let at = match names.get(key) {
            Some(&at) => at,
            None => {
                let at = self.entities.len();
                names.insert(key.to_string(), at);
                reserve_gently(&mut self.entities, 1, 0);
                self.entities.push(Entity {
                    name: canonical.into_owned(),
                    kind,
                    aliases: Vec::new(),
                    parent,
                    mention_count: 0,
                    article_count: 0,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                });
                at
            }
        };
        self.last = Some(at);
        let e = &mut self.entities[at];
        if *surface != *e.name && !e.aliases.iter().any(|a| **a == *surface) {
            e.aliases.push(surface.into_owned());
        }
        // Mentions arrive article by article, so only the last one can be of this article.
        if e.mentions.last().is_none_or(|x| x.article != *article_id) {
            e.article_count += 1;
        }
        e.mention_count += 1;
        reserve_gently(&mut e.mentions, 1, 2);
        e.mentions
            .push(Mention::new(article_id.clone(), start, end));
    }

    /// The corpus entities, sorted by kind, then most mentioned, then name; and the amounts.
    pub fn finish(self) -> Extraction {
        let Self {
            index,
            mut entities,
            mut amounts,
            ..
        } = self;
        // The name index is done with: free it before the sort, at the memory peak.
        drop(index);
        for e in &mut entities {
            e.aliases.sort();
            e.aliases.shrink_to_fit();
            e.mentions.shrink_to_fit();
        }
        amounts.shrink_to_fit();
        // A name is one entity per kind (its key is a function of it), so this order is total and
        // the in-place unstable sort gives the stable sort's order without its scratch copy.
        entities.sort_unstable_by(|a, b| {
            a.kind
                .cmp(&b.kind)
                .then(b.mention_count.cmp(&a.mention_count))
                .then(a.name.cmp(&b.name))
        });
        Extraction { entities, amounts }
    }
}
