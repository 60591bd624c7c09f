//! The workbench driven headless through egui_kittest: the real `DossierApp`, its worker threads
//! and its AccessKit tree, the way a user (or a screen reader) sees it. One test binary for every
//! window test, so that the app and egui are linked once.
#![cfg(feature = "ui-tests")]

#[path = "../report_fixture/mod.rs"]
mod report_fixture;
mod ui_support;
mod window;

mod annotation_panel;
mod annotations;
mod cache;
mod chart;
mod commands;
mod copy_and_keys;
mod corpus_and_list;
mod decisions;
mod decisions_panels;
mod dialogs;
mod links;
mod long_article;
mod search_language;
