//! A typed byte span: what extraction passes around instead of bare `(usize, usize)` pairs, in
//! half the memory (an article is far below 4 GiB).

use std::ops::Range;

/// Byte offsets `start..end` into one text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// An offset as `u32`; a larger one (no text is that long) saturates rather than wrapping.
fn narrow(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Self {
            start: narrow(start),
            end: narrow(end),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        self.end().saturating_sub(self.start())
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }

    /// The text this span covers (empty when it does not lie on `text`'s char boundaries).
    pub fn of(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or("")
    }

    /// Whether byte `at` lies inside.
    pub fn contains(self, at: usize) -> bool {
        self.start() <= at && at < self.end()
    }

    /// The smallest span holding both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<(usize, usize)> for Span {
    fn from((start, end): (usize, usize)) -> Self {
        Self::new(start, end)
    }
}

impl From<Span> for (usize, usize) {
    fn from(s: Span) -> Self {
        (s.start(), s.end())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_slices_what_it_names_and_never_panics_off_a_boundary() {
        let t = "€72 stolen";
        // The euro sign is three bytes.
        let s = Span::new(6, 12);
        assert_eq!(s.of(t), "stolen");
        assert_eq!(s.len(), 6);
        assert!(s.contains(6) && !s.contains(12));
        // Inside the euro sign: no slice, no panic.
        assert_eq!(Span::new(1, 4).of(t), "");
        assert_eq!(Span::new(0, 3).cover(s), Span::new(0, 12));
        assert_eq!(<(usize, usize)>::from(Span::from((2, 5))), (2, 5));
    }
}
