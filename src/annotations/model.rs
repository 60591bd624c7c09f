//! The annotation record and the file that holds a corpus's annotations.
//!
//! The record follows the W3C Web Annotation model closely enough to export losslessly (see
//! [`super::w3c`]): a quote with its context (`TextQuoteSelector`) and a character range
//! (`TextPositionSelector`). Fields this version does not know are kept in `extra` and written
//! back, so a newer Dossier's additions survive a round trip through an older one.

use std::fmt;

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::text::slice_chars;

/// The `format` value of an annotation file.
pub const FORMAT: &str = "dossier-annotations";
/// The file version this build writes; files with a higher version are never overwritten.
pub const VERSION: u32 = 1;
/// Characters of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// The quoted passage and its context, as the W3C `TextQuoteSelector` has it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
}

/// Character offsets into `Article::text`, end exclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Position {
    pub start: usize,
    pub end: usize,
}

/// An annotation's id, kept exactly as read: Dossier gives its own new annotations UUIDs, but a
/// file from another tool may use any non-empty string (`hyp-3f2a9c1d`), and those must load
/// and be written back unchanged.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct AnnotationId(String);

impl AnnotationId {
    /// A fresh id (a random UUID) for an annotation made in Dossier.
    pub fn new() -> Self {
        Self(Uuid::new_v4().to_string())
    }

    /// An id as another file has it; `None` for an empty (or all-blank) string.
    pub fn parse(id: &str) -> Option<Self> {
        (!id.trim().is_empty()).then(|| Self(id.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for AnnotationId {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for AnnotationId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for AnnotationId {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl<'de> Deserialize<'de> for AnnotationId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Self::parse(&id).ok_or_else(|| serde::de::Error::custom("annotation id is empty"))
    }
}

/// One annotated passage.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: AnnotationId,
    /// The article id (`Article::id`).
    pub article: String,
    pub quote: Quote,
    pub position: Position,
    #[serde(default)]
    pub tag: String,
    #[serde(default)]
    pub note: String,
    /// RFC 3339.
    pub created: DateTime<Utc>,
    /// RFC 3339; decides which side wins when two windows edited the same annotation.
    pub modified: DateTime<Utc>,
    #[serde(default)]
    pub author: String,
    /// Fields written by another version, kept as they were.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Annotation {
    /// A new annotation on `text[start..end]` (character offsets, clamped to the text).
    pub fn new(article: &str, text: &str, start: usize, end: usize, tag: &str, note: &str) -> Self {
        let now = now();
        let (quote, position) = quote_at(text, start, end);
        Self {
            id: AnnotationId::new(),
            article: article.to_owned(),
            quote,
            position,
            tag: tag.trim().to_owned(),
            note: note.to_owned(),
            created: now,
            modified: now,
            author: String::new(),
            extra: Default::default(),
        }
    }
}

/// The current time at millisecond precision (what the file shows).
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(3)
}

/// The quote and clamped position of `text[start..end]` (character offsets).
pub fn quote_at(text: &str, start: usize, end: usize) -> (Quote, Position) {
    let len = text.chars().count();
    let end = end.min(len);
    let start = start.min(end);
    let quote = Quote {
        exact: slice_chars(text, start, end).to_owned(),
        prefix: slice_chars(text, start.saturating_sub(CONTEXT_CHARS), start).to_owned(),
        suffix: slice_chars(text, end, end + CONTEXT_CHARS).to_owned(),
    };
    (quote, Position { start, end })
}

/// An annotation file as stored on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnnotationFile {
    pub format: String,
    pub version: u32,
    /// The corpus the annotations belong to (its folder or file, as opened).
    #[serde(default)]
    pub corpus: String,
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl AnnotationFile {
    pub fn new(corpus: &str, annotations: Vec<Annotation>) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            corpus: corpus.to_owned(),
            annotations,
            extra: Default::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_keeps_32_characters_of_context_in_characters_not_bytes() {
        let text = format!("{}€72 million{}", "’".repeat(40), "🙂".repeat(40));
        let start = 40;
        let end = 40 + "€72 million".chars().count();
        let a = Annotation::new("a1", &text, start, end, " amount ", "");
        assert_eq!(a.quote.exact, "€72 million");
        assert_eq!(a.quote.prefix, "’".repeat(32));
        assert_eq!(a.quote.suffix, "🙂".repeat(32));
        assert_eq!(a.position, Position { start, end });
        assert_eq!(a.tag, "amount");
    }

    #[test]
    fn file_round_trips_with_unknown_fields_kept() {
        let json = r#"{"format":"dossier-annotations","version":1,"corpus":"c","future":1,
          "annotations":[{"id":"67e55044-10b1-426f-9247-bb680e5fe0c8","article":"a",
          "quote":{"exact":"x","prefix":"","suffix":""},"position":{"start":0,"end":1},
          "tag":"t","note":"n","created":"2026-01-02T03:04:05Z","modified":"2026-01-02T03:04:05Z",
          "author":"me","colour":"red"}]}"#;
        let file: AnnotationFile = serde_json::from_str(json).unwrap();
        let out = serde_json::to_value(&file).unwrap();
        assert_eq!(out["future"], 1);
        assert_eq!(out["annotations"][0]["colour"], "red");
        assert_eq!(out["annotations"][0]["created"], "2026-01-02T03:04:05Z");
    }
}
