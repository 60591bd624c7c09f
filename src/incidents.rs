//! Incidents: the same theft reported by many articles, merged into one. TODO(money helper).

use serde::{Deserialize, Serialize};

use crate::extract::{Amount, AmountKind, Mention};

/// One theft (or attempt, or cumulative total) with every source that reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub kind: AmountKind,
    pub event_date: Option<String>,
    pub usd: f64,
    pub usd_min: f64,
    pub usd_max: f64,
    pub victim: Option<String>,
    pub actor: Option<String>,
    pub sources: Vec<Source>,
}

/// One article's report of an incident and the figure it gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    #[serde(flatten)]
    pub mention: Mention,
    pub usd: f64,
    pub text: String,
}

/// Merges theft-kind amounts across the corpus into incidents.
pub fn merge(amounts: &[Amount]) -> Vec<Incident> {
    let _ = amounts;
    Vec::new()
}
