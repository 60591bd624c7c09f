//! The system clipboard behind a trait, so tests can check exactly what was copied.
//! TODO(annotations helper): arboard implementation with HTML + text alternative.

/// Where copies go.
pub trait Clipboard {
    /// Plain text.
    fn set_text(&mut self, text: &str);
    /// An HTML fragment (e.g. a table) with a plain-text alternative (e.g. TSV).
    fn set_html(&mut self, html: &str, alt_text: &str);
}

/// Records copies instead of touching the system clipboard (tests, and machines without one).
#[derive(Clone, Debug, Default)]
pub struct RecordingClipboard {
    /// Every copy as (plain text, html if any), oldest first; shared so tests keep a handle.
    pub copies: std::sync::Arc<std::sync::Mutex<Vec<(String, Option<String>)>>>,
}

impl Clipboard for RecordingClipboard {
    fn set_text(&mut self, text: &str) {
        if let Ok(mut c) = self.copies.lock() {
            c.push((text.to_owned(), None));
        }
    }

    fn set_html(&mut self, html: &str, alt_text: &str) {
        if let Ok(mut c) = self.copies.lock() {
            c.push((alt_text.to_owned(), Some(html.to_owned())));
        }
    }
}
