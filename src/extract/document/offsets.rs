//! Byte ↔ character offsets of one text, made once: extraction works in bytes, the output
//! (mentions, amounts, the reader) in characters.

/// A character beyond ASCII. Between two of them every character is one byte, so these alone
/// give every offset: a table of every character's start cost a pass that decoded each one.
#[derive(Clone, Copy, Debug)]
struct Wide {
    /// Its first byte.
    byte: u32,
    /// Its character offset.
    char: u32,
    /// The byte after it.
    end: u32,
}

/// The text's characters beyond ASCII, or nothing when the text is ASCII (bytes are characters).
pub struct CharOffsets {
    wide: Vec<Wide>,
    len: usize,
    /// The number of characters.
    chars: usize,
}

impl CharOffsets {
    pub fn new(text: &str) -> Self {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let mut wide = Vec::new();
        // Bytes past the first of each character so far.
        let mut extra = 0;
        let mut i = 0;
        if !text.is_ascii() {
            while i < bytes.len() {
                // ASCII skipped eight bytes at a time.
                if let Some(eight) = bytes.get(i..i + 8)
                    && let Ok(eight) = <[u8; 8]>::try_from(eight)
                    && u64::from_le_bytes(eight) & HIGH == 0
                {
                    i += 8;
                    continue;
                }
                let width = match bytes[i] {
                    0..0x80 => {
                        i += 1;
                        continue;
                    }
                    0x80..0xE0 => 2,
                    0xE0..0xF0 => 3,
                    _ => 4,
                };
                wide.push(Wide {
                    byte: i as u32,
                    char: (i - extra) as u32,
                    end: (i + width) as u32,
                });
                extra += width - 1;
                i += width;
            }
        }
        Self {
            wide,
            len: text.len(),
            chars: text.len() - extra,
        }
    }

    /// Character offset of byte `byte` (a char boundary; clamped to the text). Inside a
    /// character, the offset after it: the number of characters that start before `byte`.
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = byte.min(self.len);
        let k = self.wide.partition_point(|w| (w.byte as usize) < byte);
        let Some(w) = k.checked_sub(1).and_then(|k| self.wide.get(k)) else {
            return byte;
        };
        w.char as usize + 1 + byte.saturating_sub(w.end as usize)
    }

    /// Byte offset of character `char` (the text's length past its end).
    pub fn byte_of(&self, char: usize) -> usize {
        if char >= self.chars {
            return self.len;
        }
        let k = self.wide.partition_point(|w| (w.char as usize) < char);
        match k.checked_sub(1).and_then(|k| self.wide.get(k)) {
            Some(w) => w.end as usize + (char - w.char as usize - 1),
            None => char,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text;

    /// The table of every character's start these offsets were read from before: their
    /// definition.
    fn by_table(t: &str) -> (impl Fn(usize) -> usize, impl Fn(usize) -> usize) {
        let mut starts: Vec<usize> = t.char_indices().map(|(b, _)| b).collect();
        starts.push(t.len());
        let len = t.len();
        let s = starts.clone();
        (
            move |byte: usize| s.partition_point(|&b| b < byte.min(len)),
            move |char: usize| starts.get(char).copied().unwrap_or(len),
        )
    }

    /// Every byte and every character offset, a few past the end, as the table gives them.
    fn agrees_with_the_table(t: &str) {
        let o = CharOffsets::new(t);
        let (char_of, byte_of) = by_table(t);
        for b in 0..=t.len() + 3 {
            assert_eq!(o.char_of(b), char_of(b), "{t:?} byte {b}");
        }
        for c in 0..=t.chars().count() + 3 {
            assert_eq!(o.byte_of(c), byte_of(c), "{t:?} char {c}");
        }
    }

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

    #[test]
    fn the_wide_characters_alone_give_the_offsets_the_table_of_every_start_gave() {
        for t in [
            "€72 – Bangladesh’s bank",
            "plain ascii text, longer than eight bytes",
            "",
            "é",
            "日本語",
            "a😀b𝄞c",
            "ascii for sixteen bytes then é and then ascii again for a while ü",
            "€€€€€€€€€",
        ] {
            agrees_with_the_table(t);
        }
        for i in 0..200 {
            agrees_with_the_table(&crate::synthetic::article(3, i).text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gets_the_offsets_of_the_table(t in "(?s)[a-z .\\n€é日😀’]{0,80}") {
            agrees_with_the_table(&t);
        }

        #[test]
        fn any_unicode_text_gets_the_offsets_of_the_table(t in "(?s).{0,60}") {
            agrees_with_the_table(&t);
        }
    }
}
