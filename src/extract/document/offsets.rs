//! Byte ↔ character offsets of one text, made once: extraction works in bytes, the output
//! (mentions, amounts, the reader) in characters.

/// The text's character starts, or nothing when the text is ASCII (bytes are characters).
pub struct CharOffsets {
    /// Byte offset of each character, then the text's length; empty for an ASCII text.
    starts: Vec<u32>,
    len: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        let starts = if text.is_ascii() {
            Vec::new()
        } else {
            let mut t: Vec<u32> = text.char_indices().map(|(b, _)| b as u32).collect();
            t.push(text.len() as u32);
            t
        };
        Self {
            starts,
            len: text.len(),
        }
    }

    /// Character offset of byte `byte` (a char boundary; clamped to the text).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        if self.starts.is_empty() {
            return byte;
        }
        self.starts.partition_point(|&b| (b as usize) < byte)
    }

    /// Byte offset of character `char` (the text's length past its end).
    pub fn byte_of(&self, char: usize) -> usize {
        if self.starts.is_empty() {
            return char.min(self.len);
        }
        self.starts.get(char).map_or(self.len, |&b| b as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    #[test]
    fn offsets_agree_with_the_text_layer_on_multibyte_and_ascii_text() {
        for t in ["€72 – Bangladesh’s bank", "plain ascii text", ""] {
            let o = CharOffsets::new(t);
            let table = text::char_to_byte_table(t);
            for (c, &b) in table.iter().enumerate() {
                assert_eq!(o.byte_of(c), b, "{t:?} char {c}");
                assert_eq!(o.char_of(b), text::byte_to_char(t, b), "{t:?} byte {b}");
            }
            assert_eq!(o.byte_of(table.len() + 3), t.len());
        }
    }
}
