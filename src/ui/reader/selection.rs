//! The reader's own selection, across blocks: kept in article character offsets where egui keeps
//! a text widget's (its `TextEditState` under the reader's id), so whatever reads or sets a text
//! selection by id keeps working. Moved by the keyboard here, by the pointer in `view`.

use eframe::egui::{
    self, Context, Event, Id, Key, Modifiers,
    text::{CCursor, CCursorRange},
    text_selection::text_cursor_state::is_word_char,
};

/// The selection: `secondary` is where it started, `primary` the end that moves.
pub fn load(ctx: &Context, id: Id) -> Option<CCursorRange> {
    egui::TextEdit::load_state(ctx, id).and_then(|s| s.cursor.char_range())
}

pub fn store(ctx: &Context, id: Id, range: Option<CCursorRange>) {
    let mut state = egui::TextEdit::load_state(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(range);
    state.store(ctx, id);
}

/// `anchor..cursor` as a selection (`anchor` stays when it is extended).
pub fn range(anchor: usize, cursor: usize) -> CCursorRange {
    CCursorRange {
        primary: CCursor::new(cursor),
        secondary: CCursor::new(anchor),
        h_pos: None,
    }
}

/// The word (or run of other characters) around character `at` of `text`, in offsets of `text`.
pub fn word_at(text: &str, at: usize) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let Some(&c) = chars.get(at).or(chars.last()) else {
        return (0, 0);
    };
    let at = at.min(chars.len() - 1);
    let class = |c: char| (is_word_char(c), c.is_whitespace());
    let here = class(c);
    let same = |c: &char| class(*c) == here;
    let start = chars[..at]
        .iter()
        .rposition(|c| !same(c))
        .map_or(0, |i| i + 1);
    let end = chars[at..]
        .iter()
        .position(|c| !same(c))
        .map_or(chars.len(), |i| at + i);
    (start, end)
}

/// A key that moves the selection's moving end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Move {
    Left,
    Right,
    WordLeft,
    WordRight,
    Up,
    Down,
}

/// What the keys of this frame ask of the focused reader.
#[derive(Default)]
pub struct Keys {
    pub select_all: bool,
    pub copy: bool,
    /// Moves of the selection's end; `true`: with Shift (extend), else the selection collapses.
    pub moves: Vec<(Move, bool)>,
}

/// Reads (and consumes) the reader's keys: Ctrl+A, copy, arrows (Shift extends, Ctrl by word).
pub fn read_keys(ctx: &Context) -> Keys {
    let mut keys = Keys::default();
    ctx.input_mut(|i| {
        keys.copy = i.events.iter().any(|e| matches!(e, Event::Copy));
        keys.select_all = i.consume_key(Modifiers::COMMAND, Key::A);
        for e in &i.events {
            let Event::Key {
                key,
                pressed: true,
                modifiers,
                ..
            } = e
            else {
                continue;
            };
            let word = modifiers.command || modifiers.alt;
            let m = match key {
                Key::ArrowLeft if word => Move::WordLeft,
                Key::ArrowRight if word => Move::WordRight,
                Key::ArrowLeft => Move::Left,
                Key::ArrowRight => Move::Right,
                Key::ArrowUp => Move::Up,
                Key::ArrowDown => Move::Down,
                Key::C if modifiers.command && !modifiers.shift => {
                    keys.copy = true;
                    continue;
                }
                _ => continue,
            };
            keys.moves.push((m, modifiers.shift));
        }
    });
    keys
}

/// The character offset a word move from `at` lands on in `text` (`left`: backwards).
pub fn word_move(text: &str, at: usize, left: bool) -> usize {
    // Only the neighbourhood matters: a word is never longer than this.
    const REACH: usize = 512;
    let from = at.saturating_sub(REACH);
    let window: String = text.chars().skip(from).take(2 * REACH).collect();
    let local = at - from;
    let chars: Vec<char> = window.chars().collect();
    if left {
        let mut i = local.min(chars.len());
        while i > 0 && !is_word_char(chars[i - 1]) {
            i -= 1;
        }
        while i > 0 && is_word_char(chars[i - 1]) {
            i -= 1;
        }
        from + i
    } else {
        let mut i = local.min(chars.len());
        while i < chars.len() && !is_word_char(chars[i]) {
            i += 1;
        }
        while i < chars.len() && is_word_char(chars[i]) {
            i += 1;
        }
        from + i
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_double_click_takes_the_word_and_a_word_move_skips_to_its_edge() {
        let text = "Hackers took $81 million, said Bangladesh Bank.";
        assert_eq!(word_at(text, 2), (0, 7));
        assert_eq!(word_at(text, 33), (31, 41));
        assert_eq!(word_move(text, 0, false), 7);
        assert_eq!(word_move(text, 7, false), 12);
        assert_eq!(word_move(text, 12, true), 8);
        assert_eq!(word_move(text, 3, true), 0);
    }
}
