//! Annotations: passages marked with a tag and a note, anchored by quote and context so they
//! survive edits of the text.
//!
//! - [`model`]: the record and the file format (`dossier-annotations`, version 1);
//! - [`anchor`]: re-anchoring against a changed text (anchored, moved, orphan);
//! - [`store`]: reading and writing the file safely (atomic save, `.bak`, conflicts, recovery);
//! - [`history`]: create, edit and delete with undo and redo;
//! - [`w3c`]: export as W3C Web Annotation JSON-LD.

pub mod anchor;
pub mod autosave;
pub mod history;
pub mod model;
pub mod store;
pub mod w3c;

pub use anchor::{AnchorStatus, locate, reanchor};
pub use history::Annotations;
pub use model::{Annotation, AnnotationFile, AnnotationId, Position, Quote};
pub use store::{Store, StoreError};
