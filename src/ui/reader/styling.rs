//! How each character of a block is drawn: entity colours, theft underlines, decided figures in
//! italics, search hits, annotations, the filtered entity and the flash of a jump. Styled per
//! block, when it is laid out, so a highlight change costs only the blocks on screen.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use eframe::egui::{Color32, FontId, Stroke, TextFormat, Visuals, text::LayoutJob};

use super::ReaderInput;
use super::blocks::Block;
use crate::extract::EntityKind;
use crate::ui::theme::{self, kind_color};

/// What every block's look depends on but the flash (which touches only its own blocks).
pub fn style_key(input: &ReaderInput<'_>, dark: bool, text: Color32) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    input.article.hash(&mut h);
    Arc::as_ptr(&input.loaded.analysis).hash(&mut h);
    input.hits.hash(&mut h);
    for hl in input.highlights {
        (hl.start, hl.end, hl.color, &hl.tooltip).hash(&mut h);
    }
    input.filter_entities.hash(&mut h);
    input.font_size.to_bits().hash(&mut h);
    dark.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}

/// Per-character styling, merged into runs of equal style.
#[derive(Clone, Copy, PartialEq, Default)]
struct Style {
    kind: Option<EntityKind>,
    theft: bool,
    other_amount: bool,
    filtered: bool,
    hit: bool,
    annotation: Option<Color32>,
    flash: bool,
    /// An analyst confirmed or corrected the figure here (drawn in italics).
    decided: bool,
}

/// `start..end` cut to `within` and made relative to its start; empty (not a panic) when
/// reversed or outside.
pub fn clamped(start: usize, end: usize, within: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let from = start.clamp(within.start, within.end);
    let to = end.clamp(from, within.end);
    from - within.start..to - within.start
}

/// The layout job of one block (wrap width left to the caller).
pub fn block_job(
    input: &ReaderInput<'_>,
    block: &Block,
    text: &str,
    flash: Option<(usize, usize)>,
    visuals: &Visuals,
) -> LayoutJob {
    let shown = block.shown_chars();
    let mut styles = vec![Style::default(); block.shown];
    // Spans come from files too (annotations): clamp, so a reversed or overlong one paints nothing.
    let mut paint = |start: usize, end: usize, f: &mut dyn FnMut(&mut Style)| {
        for s in &mut styles[clamped(start, end, shown.clone())] {
            f(s);
        }
    };
    let index = &input.loaded.index;
    let analysis = &input.loaded.analysis;
    if let Some(mentions) = index.mentions.get(input.article) {
        // Mentions are sorted and never overlap: skip those ending before the block.
        let first = mentions.partition_point(|m| m.end <= shown.start);
        for m in mentions[first..].iter().take_while(|m| m.start < shown.end) {
            let filtered = input.filter_entities.contains(&m.entity);
            paint(m.start, m.end, &mut |s| {
                s.kind = Some(m.kind);
                s.filtered |= filtered;
            });
        }
    }
    if let Some(amounts) = index.amounts.get(input.article) {
        for a in amounts
            .iter()
            .filter_map(|&i| analysis.extraction.amounts.get(i))
            .filter(|a| (a.start as usize) < shown.end && a.end as usize > shown.start)
        {
            let theft = a.kind.is_theft();
            let decided = input
                .loaded
                .decisions
                .figure(&a.article, a.start as usize)
                .is_some();
            paint(a.start as usize, a.end as usize, &mut |s| {
                s.theft |= theft;
                s.other_amount |= !theft;
                s.decided |= decided;
            });
        }
    }
    for h in input.highlights {
        paint(h.start, h.end, &mut |s| s.annotation = Some(h.color));
    }
    for &(start, end) in input.hits {
        paint(start, end, &mut |s| s.hit = true);
    }
    if let Some((start, end)) = flash {
        paint(start, end, &mut |s| s.flash = true);
    }

    let dark = visuals.dark_mode;
    let font = FontId::proportional(input.font_size);
    let base = visuals.text_color();
    let format_of = |s: &Style| -> TextFormat {
        let mut f = TextFormat::simple(font.clone(), base);
        if let Some(kind) = s.kind {
            f.color = kind_color(kind, dark);
        }
        if s.other_amount {
            f.color = kind_color(EntityKind::Money, dark);
        }
        if s.theft {
            let red = theme::theft_text(dark);
            f.color = red;
            f.underline = Stroke::new(2.0, red);
        }
        if s.decided {
            f.italics = true;
        }
        if s.filtered {
            f.background = visuals.selection.bg_fill.gamma_multiply(0.6);
        }
        if let Some(c) = s.annotation {
            f.background = c.gamma_multiply(if dark { 0.5 } else { 0.35 });
        }
        if s.hit {
            f.background = theme::HIT_BACKGROUND;
            f.color = Color32::BLACK;
        }
        if s.flash {
            f.background = theme::FLASH_BACKGROUND;
            f.color = Color32::BLACK;
        }
        f
    };
    let mut job = LayoutJob::default();
    let mut bytes = text.char_indices().map(|(b, _)| b).collect::<Vec<_>>();
    bytes.push(text.len());
    let n = styles.len().min(bytes.len() - 1);
    let mut start = 0;
    while start < n {
        let style = styles[start];
        let mut end = start + 1;
        while end < n && styles[end] == style {
            end += 1;
        }
        job.append(&text[bytes[start]..bytes[end]], 0.0, format_of(&style));
        start = end;
    }
    if n == 0 {
        job.append("", 0.0, format_of(&Style::default()));
    }
    job
}

#[cfg(test)]
mod tests {
    use super::clamped;

    #[test]
    fn spans_from_files_are_cut_to_the_block_and_reversed_ones_are_empty() {
        assert_eq!(clamped(2, 5, 0..10), 2..5);
        assert_eq!(clamped(8, 15, 0..10), 8..10);
        assert_eq!(clamped(12, 15, 0..10), 10..10);
        assert!(clamped(7, 3, 0..10).is_empty());
        assert!(clamped(15, 3, 0..10).is_empty());
        assert_eq!(clamped(95, 130, 100..120), 0..20);
        assert_eq!(clamped(105, 110, 100..120), 5..10);
        assert!(clamped(10, 50, 100..120).is_empty());
    }
}
