//! The decision record and the file that holds a corpus's decisions.
//!
//! A decision names what it changes and where: a figure by its article and quoted text with the
//! context around it (the same anchor as an annotation, so it is found again after the text
//! moves), a name by the name itself (names are corpus-wide). Fields this version does not know
//! are kept in `extra` and written back, as annotations do.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::annotations::model::{Position, Quote, now, quote_at};
use crate::extract::{AmountKind, EntityKind};
use crate::partial_date::PartialDate;

/// The `format` value of a decisions file.
pub const FORMAT: &str = "dossier-decisions";
/// The file version this build writes; files with a higher version are never overwritten.
pub const VERSION: u32 = 1;

/// Where a figure is: its article, its text with context, and its place when decided.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureAnchor {
    pub article: String,
    pub quote: Quote,
    pub position: Position,
}

impl FigureAnchor {
    /// The anchor of `text[start..end]` (character offsets) in article `article`.
    pub fn at(article: &str, text: &str, start: usize, end: usize) -> Self {
        let (quote, position) = quote_at(text, start, end);
        Self {
            article: article.to_owned(),
            quote,
            position,
        }
    }
}

/// What a decision does to a figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum FigureEdit {
    /// Not a theft: the figure stays, as `other`, out of the timeline and the incidents.
    Reject,
    SetKind {
        kind: AmountKind,
    },
    SetValue {
        value: f64,
        currency: String,
    },
    /// At the precision given (year, month or day).
    SetDate {
        date: PartialDate,
    },
    SetVictim {
        victim: String,
    },
    SetActor {
        actor: String,
    },
    /// The machine got it right: the report says an analyst checked it.
    Confirm,
}

/// What a decision changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "target", rename_all = "snake_case")]
pub enum Change {
    Figure {
        figure: FigureAnchor,
        #[serde(flatten)]
        edit: FigureEdit,
    },
    /// The incidents holding these two figures are one.
    MergeIncidents {
        figure: FigureAnchor,
        other: FigureAnchor,
    },
    /// This figure reports a theft of its own: out of its incident into a new one.
    SplitSource {
        figure: FigureAnchor,
    },
    /// The incident holding this figure is right as the machine merged it.
    ConfirmIncident {
        figure: FigureAnchor,
    },
    RenameEntity {
        name: String,
        to: String,
    },
    SetEntityKind {
        name: String,
        kind: EntityKind,
    },
    /// `other` is the same entity as `name`: its mentions join `name`, its name becomes an alias.
    MergeEntities {
        name: String,
        other: String,
    },
    /// `alias` is not `name` (undoing the machine's or an analyst's merge): its mentions become an
    /// entity of their own.
    UnmergeEntity {
        name: String,
        alias: String,
    },
    NotAName {
        name: String,
    },
}

impl Change {
    /// A short label for listings ("reject", "set_kind", "merge_entities").
    pub fn label(&self) -> String {
        let value = serde_json::to_value(self).unwrap_or_default();
        match (value.get("target"), value.get("edit")) {
            (_, Some(edit)) => edit.as_str().unwrap_or("figure").to_owned(),
            (Some(target), None) => target.as_str().unwrap_or("").to_owned(),
            _ => String::new(),
        }
    }

    /// The figure anchors this decision relies on.
    pub fn figures(&self) -> Vec<&FigureAnchor> {
        match self {
            Self::Figure { figure, .. }
            | Self::SplitSource { figure }
            | Self::ConfirmIncident { figure } => vec![figure],
            Self::MergeIncidents { figure, other } => vec![figure, other],
            _ => Vec::new(),
        }
    }
}

/// One analyst decision.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Decision {
    /// A UUID for decisions made in Dossier; any non-empty string from another file is kept.
    pub id: String,
    pub change: Change,
    /// Why.
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub author: String,
    pub created: DateTime<Utc>,
    /// Decides which side wins when two windows changed the same decision.
    pub modified: DateTime<Utc>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Decision {
    pub fn new(change: Change, note: &str, author: &str) -> Self {
        let now = now();
        Self {
            id: Uuid::new_v4().to_string(),
            change,
            note: note.to_owned(),
            author: author.to_owned(),
            created: now,
            modified: now,
            extra: Default::default(),
        }
    }
}

/// A decisions file as stored on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DecisionFile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub corpus: String,
    #[serde(default)]
    pub decisions: Vec<Decision>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl DecisionFile {
    pub fn new(corpus: &str, decisions: Vec<Decision>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            corpus: corpus.to_owned(),
            decisions,
            extra: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_round_trips_with_its_anchor_edit_and_unknown_fields() {
        let text = "Hackers stole $75,000 from the exchange in 2016.";
        let figure = FigureAnchor::at("a1", text, 14, 21);
        let d = Decision::new(
            Change::Figure {
                figure,
                edit: FigureEdit::SetKind {
                    kind: AmountKind::Damage,
                },
            },
            "a repair bill",
            "ana",
        );
        let mut v = serde_json::to_value(&d).unwrap();
        assert_eq!(v["change"]["target"], "figure");
        assert_eq!(v["change"]["edit"], "set_kind");
        assert_eq!(v["change"]["figure"]["quote"]["exact"], "$75,000");
        v["colour"] = "red".into();
        let back: Decision = serde_json::from_value(v).unwrap();
        assert_eq!(back.change, d.change);
        assert_eq!(back.extra["colour"], "red");
        assert_eq!(back.change.label(), "set_kind");
    }
}
