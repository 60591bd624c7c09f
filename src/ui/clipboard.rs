//! The system clipboard behind a trait, so tests can check exactly what was copied.

use crate::chart::Image;

/// Where copies go.
pub trait Clipboard {
    /// Plain text.
    fn set_text(&mut self, text: &str);
    /// An HTML fragment (e.g. a table) with a plain-text alternative (e.g. TSV).
    fn set_html(&mut self, html: &str, alt_text: &str);
    /// An image (the chart). A clipboard that cannot hold images takes `alt_text` instead.
    fn set_image(&mut self, image: &Image, alt_text: &str) {
        let _ = image;
        self.set_text(alt_text);
    }
    /// Why the last copy failed, reported once; `None` when it worked.
    fn take_error(&mut self) -> Option<String> {
        None
    }
}

/// Copies through egui's own clipboard support: plain text only (the HTML is dropped).
pub struct EguiClipboard {
    ctx: eframe::egui::Context,
}

impl EguiClipboard {
    pub fn new(ctx: eframe::egui::Context) -> Self {
        Self { ctx }
    }
}

impl Clipboard for EguiClipboard {
    fn set_text(&mut self, text: &str) {
        self.ctx.copy_text(text.to_owned());
    }

    fn set_html(&mut self, _html: &str, alt_text: &str) {
        self.ctx.copy_text(alt_text.to_owned());
    }
}

/// Copies as (plain text, html if any), oldest first.
pub type Copies = std::sync::Arc<std::sync::Mutex<Vec<(String, Option<String>)>>>;

/// Images copied, with their text alternative, oldest first.
pub type ImageCopies = std::sync::Arc<std::sync::Mutex<Vec<(Image, String)>>>;

/// Records copies instead of touching the system clipboard (tests, and machines without one).
#[derive(Clone, Debug, Default)]
pub struct RecordingClipboard {
    /// Every copy as (plain text, html if any), oldest first; shared so tests keep a handle.
    pub copies: Copies,
    /// Every image copied, oldest first.
    pub images: ImageCopies,
}

impl RecordingClipboard {
    /// The most recent copy as (plain text, html if any).
    pub fn last(&self) -> Option<(String, Option<String>)> {
        self.copies.lock().ok().and_then(|c| c.last().cloned())
    }
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

    fn set_image(&mut self, image: &Image, alt_text: &str) {
        if let Ok(mut c) = self.images.lock() {
            c.push((image.clone(), alt_text.to_owned()));
        }
    }
}

/// The desktop's clipboard through arboard. It is opened on first use (not at start-up, where
/// a missing display would cost time or fail), and a failure is reported once in [`Self::error`]
/// rather than on every copy; later copies retry quietly.
#[derive(Default)]
pub struct SystemClipboard {
    inner: Option<arboard::Clipboard>,
    error: Option<String>,
    reported: bool,
}

impl std::fmt::Debug for SystemClipboard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SystemClipboard")
            .field("open", &self.inner.is_some())
            .field("error", &self.error)
            .finish()
    }
}

impl SystemClipboard {
    pub fn new() -> Self {
        Self::default()
    }

    fn with(&mut self, copy: impl FnOnce(&mut arboard::Clipboard) -> Result<(), arboard::Error>) {
        if self.inner.is_none() {
            match arboard::Clipboard::new() {
                Ok(c) => self.inner = Some(c),
                Err(e) => return self.fail(&e),
            }
        }
        if let Some(clipboard) = self.inner.as_mut() {
            match copy(clipboard) {
                Ok(()) => self.error = None,
                Err(e) => {
                    // The connection may be stale (display restarted): reopen on the next copy.
                    self.inner = None;
                    self.fail(&e);
                }
            }
        }
    }

    fn fail(&mut self, e: &arboard::Error) {
        let message = match e {
            arboard::Error::ClipboardNotSupported => {
                "Cannot use the clipboard: this session has no clipboard (no display?)".to_owned()
            }
            other => format!("Cannot use the clipboard: {other}"),
        };
        if self.error.as_deref() != Some(message.as_str()) {
            // A new failure: say it once on standard error too, in case nobody shows it.
            eprintln!("dossier: {message}");
            self.reported = false;
        }
        self.error = Some(message);
    }
}

impl Clipboard for SystemClipboard {
    fn set_text(&mut self, text: &str) {
        self.with(|c| c.set_text(text));
    }

    fn set_html(&mut self, html: &str, alt_text: &str) {
        self.with(|c| c.set().html(html, Some(alt_text)));
    }

    /// The image alone: arboard cannot offer an image and a text alternative in one copy.
    fn set_image(&mut self, image: &Image, _alt_text: &str) {
        self.with(|c| {
            c.set_image(arboard::ImageData {
                width: image.width,
                height: image.height,
                bytes: std::borrow::Cow::Borrowed(&image.rgba),
            })
        });
    }

    /// The last failure, once: e.g. "Cannot use the clipboard: no display…". The app shows it in
    /// the status bar; it returns `None` afterwards until a different failure happens.
    fn take_error(&mut self) -> Option<String> {
        if self.reported {
            return None;
        }
        self.reported = true;
        self.error.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recording_keeps_text_and_html_in_order() {
        let rec = RecordingClipboard::default();
        let mut c: Box<dyn Clipboard> = Box::new(rec.clone());
        c.set_text("$81 million");
        c.set_html("<table></table>", "a\tb");
        assert_eq!(rec.copies.lock().unwrap().len(), 2);
        assert_eq!(
            rec.last(),
            Some(("a\tb".to_owned(), Some("<table></table>".to_owned())))
        );
    }

    #[test]
    fn recording_keeps_images_apart_from_text() {
        let rec = RecordingClipboard::default();
        let mut c: Box<dyn Clipboard> = Box::new(rec.clone());
        let image = Image {
            width: 2,
            height: 1,
            rgba: vec![255; 8],
        };
        c.set_image(&image, "timeline");
        assert!(rec.copies.lock().unwrap().is_empty());
        assert_eq!(
            rec.images.lock().unwrap().as_slice(),
            &[(image, "timeline".to_owned())]
        );
    }

    #[test]
    fn a_failure_is_reported_once() {
        let mut c = SystemClipboard::new();
        c.fail(&arboard::Error::ClipboardNotSupported);
        let first = c.take_error();
        assert!(first.unwrap().contains("no clipboard"));
        assert_eq!(c.take_error(), None);
        c.fail(&arboard::Error::ClipboardNotSupported);
        assert_eq!(c.take_error(), None, "the same failure is not repeated");
    }
}
