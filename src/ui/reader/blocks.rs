//! An article cut into blocks of whole lines, the unit the reader lays out, caches and paints:
//! a 2 MB article laid out at once takes far longer than a frame, a block a fraction of one.

use std::ops::Range;

/// A block ends at the first line end after this many characters (a few paragraphs).
const TARGET_CHARS: usize = 1_000;
/// A line longer than this is cut after a space (the cut shows as a line break).
const MAX_CHARS: usize = 4_000;
/// ... and anywhere past this, when it has no space at all (a data dump).
const HARD_CHARS: usize = 8_000;

/// Consecutive whole lines of the article.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    /// Character offsets in the article, the line end that closes the block included.
    pub chars: Range<usize>,
    /// Byte offsets of the characters shown (the closing line end left out).
    pub bytes: Range<usize>,
    /// Characters shown: the block is drawn without its closing line end, which the cut stands for.
    pub shown: usize,
    /// Characters per line of what is shown, to estimate the height before laying it out.
    pub lines: Vec<u32>,
}

impl Block {
    /// Article offsets of the characters shown.
    pub fn shown_chars(&self) -> Range<usize> {
        self.chars.start..self.chars.start + self.shown
    }
}

/// Cuts `text` into blocks covering every character once, in order. Never empty: an empty text
/// is one empty block, so the reader still has a line to show.
pub fn split(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let (mut start_char, mut start_byte) = (0, 0);
    let mut chars = 0;
    let mut lines = Vec::new();
    let mut line = 0u32;
    let mut at = 0;
    for (byte, c) in text.char_indices() {
        at += 1;
        chars += 1;
        let end_byte = byte + c.len_utf8();
        if c == '\n' {
            lines.push(line);
            line = 0;
            if chars >= TARGET_CHARS {
                blocks.push(Block {
                    chars: start_char..at,
                    bytes: start_byte..byte,
                    shown: chars - 1,
                    lines: std::mem::take(&mut lines),
                });
                (start_char, start_byte, chars) = (at, end_byte, 0);
            }
            continue;
        }
        line += 1;
        let cut = (line as usize >= MAX_CHARS && c == ' ') || line as usize >= HARD_CHARS;
        if cut {
            lines.push(line);
            line = 0;
            blocks.push(Block {
                chars: start_char..at,
                bytes: start_byte..end_byte,
                shown: chars,
                lines: std::mem::take(&mut lines),
            });
            (start_char, start_byte, chars) = (at, end_byte, 0);
        }
    }
    if chars > 0 || blocks.is_empty() || text.ends_with('\n') {
        lines.push(line);
        blocks.push(Block {
            chars: start_char..at,
            bytes: start_byte..text.len(),
            shown: chars,
            lines,
        });
    }
    blocks
}

/// The block holding character `at` (the last block for offsets past the end).
pub fn block_of(blocks: &[Block], at: usize) -> usize {
    blocks
        .partition_point(|b| b.chars.end <= at)
        .min(blocks.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_cover(text: &str, blocks: &[Block]) {
        let n = text.chars().count();
        assert_eq!(blocks[0].chars.start, 0);
        assert_eq!(blocks.last().map(|b| b.chars.end), Some(n));
        for w in blocks.windows(2) {
            assert_eq!(w[0].chars.end, w[1].chars.start);
        }
        for b in blocks {
            let shown = &text[b.bytes.clone()];
            assert_eq!(shown.chars().count(), b.shown);
            assert_eq!(
                b.lines.iter().map(|&l| l as usize).sum::<usize>() + b.lines.len() - 1,
                b.shown
            );
            let hidden = b.chars.len() - b.shown;
            assert!(hidden <= 1, "only a closing line end is left out");
            if hidden == 1 {
                assert_eq!(text.as_bytes()[b.bytes.end], b'\n');
            }
        }
    }

    #[test]
    fn paragraphs_are_grouped_into_blocks_cut_at_line_ends() {
        let para = "Lorem ipsum dolor sit amet, Bangladesh Bank lost $81 million. ".repeat(8);
        let text = vec![para.trim_end(); 40].join("\n\n");
        let blocks = split(&text);
        check_cover(&text, &blocks);
        assert!(blocks.len() > 5, "{} blocks", blocks.len());
        for b in &blocks[..blocks.len() - 1] {
            assert!(b.chars.len() >= TARGET_CHARS);
            assert_eq!(text.as_bytes()[b.bytes.end], b'\n');
        }
    }

    #[test]
    fn a_text_without_line_ends_is_cut_after_spaces_and_then_anywhere() {
        let words = "née € word ".repeat(2_000);
        let blocks = split(&words);
        check_cover(&words, &blocks);
        assert!(blocks.len() > 3);
        assert!(blocks.iter().all(|b| b.shown <= MAX_CHARS + 16));
        let blob = "é".repeat(20_000);
        let blocks = split(&blob);
        check_cover(&blob, &blocks);
        assert_eq!(blocks.len(), 3);
    }

    #[test]
    fn empty_text_and_trailing_line_ends_keep_a_block_to_show() {
        assert_eq!(split("").len(), 1);
        check_cover("", &split(""));
        let text = format!("{}\n", "a".repeat(1_500));
        let blocks = split(&text);
        check_cover(&text, &blocks);
        assert_eq!(blocks.len(), 2, "the empty last line is shown");
        assert_eq!(block_of(&blocks, 0), 0);
        assert_eq!(block_of(&blocks, 1_500), 0);
        assert_eq!(block_of(&blocks, 1_501), 1);
        assert_eq!(block_of(&blocks, 99_999), 1);
    }
}
