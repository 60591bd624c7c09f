//! A place followed by a lower-case institution head ("the Bangladesh central bank"): the
//! place's own institution, which the press often writes without capitals. The place stays a
//! place in the entity layer; the victim scorer takes the institution as one more organisation.

use std::sync::LazyLock;

/// The heads, longest first (`assets/entity-words/institution-heads.txt`).
static HEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut heads: Vec<&str> = crate::text::entries(include_str!(
        "../../../assets/entity-words/institution-heads.txt"
    ))
    .collect();
    heads.sort_by_key(|h| std::cmp::Reverse(h.len()));
    heads
});

/// Short words a press typo runs into the head ("central bankat the Fed"): the head still ends
/// there. A plural ("central banks") is several institutions, not one.
const GLUED: [&str; 6] = ["at", "of", "in", "on", "to", "and"];

/// Where the head after a place ending at `end` ends, if one follows.
pub(crate) fn head_end(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let head = HEADS.iter().find(|h| rest.starts_with(**h))?;
    let after = &rest[head.len()..];
    let glued = after.chars().take_while(|c| c.is_ascii_lowercase()).count();
    let next = after[glued..].chars().next();
    let word_ends = next.is_none_or(|c| !crate::text::is_word_char(c));
    (word_ends && (glued == 0 || GLUED.contains(&&after[..glued]))).then_some(end + 1 + head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_head_after_a_place_ends_where_the_head_does() {
        let t = "the Bangladesh central bank at the Fed";
        assert_eq!(head_end(t, 14), Some(27));
        // A typo running "at" into the head.
        let t = "the Bangladesh central bankat the Fed";
        assert_eq!(head_end(t, 14), Some(27));
        // A longer word is another word ("central banking"), not the head.
        let t = "the Bangladesh central banking system";
        assert_eq!(head_end(t, 14), None);
        let t = "the Bangladesh central banks";
        assert_eq!(head_end(t, 14), None);
        let t = "the Bangladesh government";
        assert_eq!(head_end(t, 14), None);
    }
}
