//! Dossier: a workbench for analysts who read news about cyber theft.
//!
//! The crate is split into a GUI-free core (everything but [`ui`]) and a thin egui shell behind the
//! default `gui` feature. All text offsets in Dossier are **character** offsets (Unicode scalar
//! values) into [`corpus::Article::text`], never byte offsets: they are what the reader widget,
//! the annotation file and the JSON report share.

pub mod analysis;
pub mod annotations;
pub mod cache;
pub mod chart;
pub mod corpus;
pub mod decisions;
pub mod desktop;
pub mod export;
pub mod extract;
pub mod incidents;
pub mod learn;
pub mod link_chart;
pub mod partial_date;
pub mod query;
pub mod report;
pub mod report_doc;
pub mod search;
pub mod stix;
pub mod stream;
pub mod synthetic;
pub mod text;
pub mod workbench;

#[cfg(feature = "gui")]
pub mod ui;
