//! Where in a text a date can be: the stretches between characters that no date pattern holds
//! (quotes, brackets, colons, a full stop not closing a month's abbreviation…), each with the
//! anchor words it holds. A pattern then runs only over the stretches holding its words, not
//! over the whole text: no match can cross a character none of them holds, so the matches
//! are the same.

use super::calendar::MONTHS;
use super::document::Span;

/// A stretch of text that may hold dates.
pub(super) struct Stretch {
    pub span: Span,
    /// The anchor-word bits of the words wholly inside it (see `dates::ANCHOR_WORDS`).
    pub anchors: u8,
    /// It holds a `-` (an ISO date needs one).
    pub dash: bool,
}

/// Whether a date pattern can hold `c`: letters and digits of any script (case folding and
/// `\d` reach beyond ASCII), white space (`\s`), commas and dashes. A full stop is decided
/// apart ([`closes_abbreviation`]). `_` holds none, but it is a word character: a stretch
/// ending before it would make a word boundary there that the text does not have.
fn holds(c: char) -> bool {
    c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '-' | '_')
}

/// A full stop at byte `at` that may close a month's abbreviation ("Sept."), the only full stop
/// a date holds.
fn closes_abbreviation(text: &str, at: usize) -> bool {
    let head = &text[..at];
    MONTHS
        .iter()
        .flat_map(|m| &m[1..])
        .any(|a| head.ends_with(a))
}

/// The text's stretches, in order, with no anchors marked yet. ASCII is read a byte at a time
/// (this reads every byte of every text); other characters are decoded.
pub(super) fn stretches(text: &str) -> Vec<Stretch> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut dash = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (inside, len) = if b.is_ascii() {
            let inside = b.is_ascii_alphanumeric()
                || matches!(
                    b,
                    b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | b',' | b'-' | b'_'
                )
                || b == b'.' && closes_abbreviation(text, i);
            (inside, 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (holds(c), c.len_utf8())
        };
        match (inside, start) {
            (true, None) => {
                start = Some(i);
                dash = b == b'-';
            }
            (true, Some(_)) => dash |= b == b'-',
            (false, Some(s)) => {
                out.push(Stretch {
                    span: Span::new(s, i),
                    anchors: 0,
                    dash,
                });
                start = None;
            }
            (false, None) => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Stretch {
            span: Span::new(s, text.len()),
            anchors: 0,
            dash,
        });
    }
    out
}

/// Marks anchor word `bit` found at `start..end` on the stretch that wholly holds it, if any.
pub(super) fn mark(stretches: &mut [Stretch], start: usize, end: usize, bit: u8) {
    let k = stretches.partition_point(|s| s.span.end() <= start);
    if let Some(s) = stretches.get_mut(k)
        && s.span.start() <= start
        && end <= s.span.end()
    {
        s.anchors |= bit;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretches_end_where_no_date_can_go_on() {
        let t = "Hackers (on Sept. 5, 2019) stole it. Then: “last week”";
        let parts: Vec<&str> = stretches(t).iter().map(|s| s.span.of(t)).collect();
        assert_eq!(
            parts,
            [
                "Hackers ",
                "on Sept. 5, 2019",
                " stole it",
                " Then",
                " ",
                "last week"
            ]
        );
    }

    #[test]
    fn the_byte_reader_agrees_with_the_character_rule() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            let t = format!("a{c}b");
            let whole = stretches(&t).len() == 1;
            assert_eq!(whole, holds(c), "{c:?}");
        }
    }

    #[test]
    fn an_anchor_counts_only_on_the_stretch_that_holds_it() {
        let t = "in 2019 (x)";
        let mut s = stretches(t);
        mark(&mut s, 3, 7, 1);
        mark(&mut s, 8, 10, 2); // crosses the bracket: no stretch holds it
        assert_eq!(s[0].anchors, 1);
        assert!(s.iter().skip(1).all(|s| s.anchors == 0));
    }
}
