//! The `dossier extract` report: what the GUI shows, as JSON or CSV.

mod pretty;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::corpus::{Article, LoadError};
use crate::extract::{Amount, Entity};
use crate::incidents::Incident;

/// One article's line in the report. Borrowed from the corpus when written, owned when read
/// back from `dossier extract --jsonl` records by `dossier merge`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleSummary<'a> {
    pub id: Cow<'a, str>,
    pub path: String,
    pub published: Option<String>,
    pub title: Cow<'a, str>,
    pub source: Option<Cow<'a, str>>,
    pub chars: usize,
}

impl<'a> ArticleSummary<'a> {
    pub fn of(a: &'a Article) -> Self {
        Self {
            id: Cow::Borrowed(&a.id),
            path: a.path.display().to_string(),
            published: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
            title: Cow::Borrowed(&a.title),
            source: a.source.as_deref().map(Cow::Borrowed),
            chars: a.text.chars().count(),
        }
    }
}

/// The JSON report. Fields may be added, none renamed: scripts depend on them.
#[derive(Debug, Serialize)]
pub struct Report<'a> {
    pub articles: Vec<ArticleSummary<'a>>,
    pub entities: &'a [Entity],
    pub amounts: &'a [Amount],
    pub incidents: &'a [Incident],
    pub errors: &'a [LoadError],
}

impl<'a> Report<'a> {
    pub fn new(analysis: &'a Analysis) -> Self {
        let articles = analysis
            .corpus
            .articles
            .iter()
            .map(ArticleSummary::of)
            .collect();
        Self {
            articles,
            entities: &analysis.extraction.entities,
            amounts: &analysis.extraction.amounts,
            incidents: &analysis.incidents,
            errors: &analysis.corpus.errors,
        }
    }

    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }

    /// [`Self::to_json`] written as it is produced, without the whole text in memory.
    pub fn write_json(&self, out: impl std::io::Write) -> serde_json::Result<()> {
        pretty::to_writer(out, self)
    }
}

/// The amounts table as CSV, one row per amount, the fields of [`Amount`] in order.
pub fn amounts_csv(amounts: &[Amount]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "article",
        "start",
        "end",
        "text",
        "value",
        "min",
        "max",
        "currency",
        "usd",
        "kind",
        "event_date",
        "event_date_inferred",
        "event_date_suspicious",
        "victim",
        "actor",
        "cue",
    ])?;
    let opt = |v: Option<f64>| v.map(|x| x.to_string()).unwrap_or_default();
    for a in amounts {
        w.write_record([
            a.article.to_string(),
            a.start.to_string(),
            a.end.to_string(),
            a.text.to_string(),
            a.value.to_string(),
            opt(a.min),
            opt(a.max),
            a.currency.to_string(),
            opt(a.usd),
            a.kind.as_str().to_string(),
            a.event_date.map(|d| d.to_string()).unwrap_or_default(),
            a.event_date_inferred.to_string(),
            a.event_date_suspicious.to_string(),
            a.victim.as_deref().unwrap_or_default().to_owned(),
            a.actor.as_deref().unwrap_or_default().to_owned(),
            a.cue.as_deref().unwrap_or_default().to_owned(),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
