//! Conversions between the character offsets Dossier stores and the byte offsets Rust slices use.

/// Byte offset of every character boundary of `text`, plus `text.len()` at the end, so that
/// `table[char_index]` is the byte offset of that character.
pub fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    table.push(text.len());
    table
}

/// Character offset of byte offset `byte` (which must be a char boundary, or `text.len()`).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Maps byte offsets of one text to char offsets in increasing order without rescanning.
pub struct ByteToChar<'a> {
    text: &'a str,
    last_byte: usize,
    last_char: usize,
}

impl<'a> ByteToChar<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            last_byte: 0,
            last_char: 0,
        }
    }

    /// Char offset of `byte`; cheapest when called with non-decreasing offsets.
    pub fn get(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.last_byte {
            self.last_byte = 0;
            self.last_char = 0;
        }
        self.last_char += self.text[self.last_byte..byte].chars().count();
        self.last_byte = byte;
        self.last_char
    }
}

/// The substring between two char offsets (clamped to the text).
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let s = it.clone().nth(start).unwrap_or(text.len());
    let e = if end <= start {
        s
    } else {
        it.nth(end).unwrap_or(text.len())
    };
    &text[s..e.max(s)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_survive_multibyte_text() {
        let t = "€72 – Bangladesh’s bank";
        let b = t.find("Bangladesh").unwrap();
        let c = byte_to_char(t, b);
        assert_eq!(c, 6);
        assert_eq!(slice_chars(t, c, c + 10), "Bangladesh");
        assert_eq!(char_to_byte_table(t)[c], b);
        let mut m = ByteToChar::new(t);
        assert_eq!(m.get(b), c);
        assert_eq!(m.get(t.len()), t.chars().count());
    }
}
