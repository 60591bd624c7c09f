//! The article's blocks laid out at the reader's width: each block's galley cached (laid out again
//! only when its text, width, look or the font atlas change), each block's height measured once
//! and estimated until then, and the blocks' positions from those heights.

use std::collections::HashMap;
use std::sync::Arc;

use eframe::egui::{FontId, Galley, Rect, Ui, Visuals};

use super::ReaderInput;
use super::blocks::{self, Block};
use super::styling;

/// Galleys kept for blocks off screen (so scrolling back lays nothing out again), at most.
const KEPT_GALLEYS: usize = 400;

/// An article up to this many characters is laid out whole: its heights are then exact from the
/// first frame (a restored scroll position lands where it was) and it costs a few milliseconds.
const WHOLE_CHARS: usize = 30_000;

/// What the heights were measured for: a change means measuring again.
#[derive(Clone, Copy, PartialEq)]
struct Metrics {
    width: f32,
    font_size: f32,
    pixels_per_point: f32,
}

struct CachedGalley {
    /// The flash over this block, the only part of the look not in the layout's style key.
    flash: Option<(usize, usize)>,
    galley: Arc<Galley>,
    used: u64,
}

/// The blocks of the article in the reader, their heights and their cached galleys.
#[derive(Default)]
pub struct BlockLayout {
    /// (article, text address, text length) the blocks were cut from.
    source: Option<(usize, usize, usize)>,
    pub blocks: Vec<Block>,
    heights: Vec<f32>,
    measured: Vec<bool>,
    /// `tops[k]`: the top of block `k`; the last entry is the total height.
    tops: Vec<f32>,
    tops_stale: bool,
    metrics: Option<Metrics>,
    row_height: f32,
    char_width: f32,
    style_key: u64,
    /// Galleys point into the font atlas, which egui empties when full: they are kept only while
    /// its fill ratio grows.
    atlas_fill: f32,
    galleys: HashMap<usize, CachedGalley>,
    frame: u64,
}

impl BlockLayout {
    /// Cuts the article into blocks unless it is the one already cut.
    pub fn set_article(&mut self, article: usize, text: &str) {
        let source = Some((article, text.as_ptr() as usize, text.len()));
        if self.source == source {
            return;
        }
        self.source = source;
        self.blocks = blocks::split(text);
        self.galleys.clear();
        self.metrics = None;
    }

    /// Starts a frame at `width` and `font_size` with the look `style_key`. When the width or the
    /// font changed, every height is estimated again; then returns the block that was at `top`
    /// and how far down it (a share of its height), so the caller can keep the reader there.
    pub fn prepare(
        &mut self,
        ui: &Ui,
        width: f32,
        font_size: f32,
        style_key: u64,
        top: f32,
    ) -> Option<(usize, f32)> {
        self.frame += 1;
        let metrics = Metrics {
            width,
            font_size,
            pixels_per_point: ui.ctx().pixels_per_point(),
        };
        let fill = ui.ctx().fonts(|f| f.font_atlas_fill_ratio());
        if fill < self.atlas_fill || self.style_key != style_key {
            self.galleys.clear();
        }
        self.atlas_fill = fill;
        self.style_key = style_key;
        if self.metrics == Some(metrics) {
            return None;
        }
        let anchor = self.metrics.is_some().then(|| {
            let k = self.block_at(top);
            let height = self.heights.get(k).copied().unwrap_or(0.0).max(1.0);
            (k, ((top - self.top(k)) / height).clamp(0.0, 1.0))
        });
        if self.metrics.is_none_or(|m| {
            m.font_size != font_size || m.pixels_per_point != metrics.pixels_per_point
        }) {
            let font = FontId::proportional(font_size);
            let sample = "The exchange said $41 million in ether was stolen on 3 May, 2024. ";
            let color = ui.visuals().text_color();
            (self.row_height, self.char_width) = ui.fonts_mut(|f| {
                let line = f.layout_no_wrap(sample.to_owned(), font.clone(), color);
                (
                    f.row_height(&font),
                    line.size().x / sample.chars().count() as f32,
                )
            });
        }
        self.metrics = Some(metrics);
        self.galleys.clear();
        self.heights = self
            .blocks
            .iter()
            .map(|b| self.estimate(b, width))
            .collect();
        self.measured = vec![false; self.blocks.len()];
        self.tops_stale = true;
        anchor
    }

    /// The height of a block before it is laid out: each line's characters at an average width.
    fn estimate(&self, block: &Block, width: f32) -> f32 {
        let per_row = (width / self.char_width.max(0.1)).max(1.0);
        let rows: f32 = block
            .lines
            .iter()
            .map(|&chars| (chars as f32 / per_row).ceil().max(1.0))
            .sum();
        rows * self.row_height
    }

    fn refresh_tops(&mut self) {
        if !self.tops_stale && self.tops.len() == self.blocks.len() + 1 {
            return;
        }
        self.tops.clear();
        let mut y = 0.0;
        for h in &self.heights {
            self.tops.push(y);
            y += h;
        }
        self.tops.push(y);
        self.tops_stale = false;
    }

    /// The top of block `k` (the total height for `k` = the number of blocks).
    pub fn top(&mut self, k: usize) -> f32 {
        self.refresh_tops();
        self.tops.get(k).copied().unwrap_or(0.0)
    }

    /// The top of block `k` as last computed (for reading positions after a frame).
    pub fn top_of(&self, k: usize) -> f32 {
        self.tops.get(k).copied().unwrap_or(0.0)
    }

    pub fn total_height(&mut self) -> f32 {
        self.top(self.blocks.len())
    }

    /// The block at height `y` (clamped to the first and last).
    pub fn block_at(&mut self, y: f32) -> usize {
        self.refresh_tops();
        let n = self.blocks.len();
        self.tops[..n]
            .partition_point(|&t| t <= y)
            .saturating_sub(1)
            .min(n.saturating_sub(1))
    }

    pub fn is_measured(&self, k: usize) -> bool {
        self.measured.get(k).copied().unwrap_or(false)
    }

    /// Block `k` laid out (from the cache when nothing it depends on changed); measures it.
    pub fn galley(
        &mut self,
        ui: &Ui,
        k: usize,
        input: &ReaderInput<'_>,
        text: &str,
        flash: Option<(usize, usize)>,
    ) -> Arc<Galley> {
        let shown = self.blocks[k].shown_chars();
        let flash = flash.filter(|&(s, e)| s < shown.end && e > shown.start);
        if let Some(c) = self.galleys.get_mut(&k)
            && c.flash == flash
        {
            c.used = self.frame;
            return c.galley.clone();
        }
        let block = &self.blocks[k];
        let visuals: &Visuals = ui.visuals();
        let mut job = styling::block_job(input, block, &text[block.bytes.clone()], flash, visuals);
        job.wrap.max_width = self.metrics.map_or(f32::INFINITY, |m| m.width);
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        let height = galley.size().y;
        if self.heights[k] != height {
            self.heights[k] = height;
            self.tops_stale = true;
        }
        self.measured[k] = true;
        self.galleys.insert(
            k,
            CachedGalley {
                flash,
                galley: galley.clone(),
                used: self.frame,
            },
        );
        galley
    }

    /// Lays out every block of a short article that is not laid out yet.
    pub fn lay_out_if_short(
        &mut self,
        ui: &Ui,
        input: &ReaderInput<'_>,
        text: &str,
        flash: Option<(usize, usize)>,
    ) {
        if self
            .blocks
            .last()
            .is_some_and(|b| b.chars.end <= WHOLE_CHARS)
        {
            for k in 0..self.blocks.len() {
                if !self.is_measured(k) {
                    self.galley(ui, k, input, text, flash);
                }
            }
        }
    }

    /// Lays out what a viewport from `top` to `bottom` shows. Blocks measured above the first
    /// block already laid out move it: the returned shift is how far, so the caller moves the
    /// viewport with it and what the reader was showing stays put.
    pub fn lay_out_window(
        &mut self,
        ui: &Ui,
        (top, bottom): (f32, f32),
        input: &ReaderInput<'_>,
        text: &str,
        flash: Option<(usize, usize)>,
    ) -> (f32, std::ops::Range<usize>) {
        let n = self.blocks.len();
        let first = self.block_at(top);
        let mut anchor = None;
        let mut k = first;
        while k < n && self.top(k) < bottom {
            if self.is_measured(k) {
                anchor = Some((k, self.top(k)));
                break;
            }
            k += 1;
        }
        let mut shift = 0.0;
        if let Some((a, before)) = anchor {
            // Scrolling up: blocks come in above the anchor. Measuring one may bring another
            // into view (it was taller than estimated), hence the few rounds.
            for _ in 0..4 {
                let from = self.block_at(top + shift);
                let todo: Vec<usize> = (from..a).filter(|&k| !self.is_measured(k)).collect();
                for &k in &todo {
                    self.galley(ui, k, input, text, flash);
                }
                shift = self.top(a) - before;
                if todo.is_empty() {
                    break;
                }
            }
        }
        let from = self.block_at(top + shift);
        let mut to = from;
        while to < n && (to == from || self.top(to) < bottom + shift) {
            self.galley(ui, to, input, text, flash);
            to += 1;
        }
        (shift, from..to)
    }

    /// The rectangle of character `at` in content coordinates (laying out its block).
    pub fn char_rect(
        &mut self,
        ui: &Ui,
        at: usize,
        input: &ReaderInput<'_>,
        text: &str,
        flash: Option<(usize, usize)>,
    ) -> Rect {
        let k = blocks::block_of(&self.blocks, at);
        let galley = self.galley(ui, k, input, text, flash);
        let local = at.saturating_sub(self.blocks[k].chars.start);
        let rect = galley.pos_from_cursor(eframe::egui::text::CCursor::new(local));
        rect.translate(eframe::egui::vec2(0.0, self.top(k)))
    }

    /// The cached galley of block `k`, if it is laid out (for reading positions, not painting).
    pub fn cached(&self, k: usize) -> Option<&Arc<Galley>> {
        self.galleys.get(&k).map(|c| &c.galley)
    }

    /// Drops the galleys used longest ago once there are too many.
    pub fn end_frame(&mut self) {
        if self.galleys.len() <= KEPT_GALLEYS {
            return;
        }
        let mut used: Vec<u64> = self.galleys.values().map(|c| c.used).collect();
        used.sort_unstable();
        let cut = used[used.len() - KEPT_GALLEYS / 2];
        self.galleys.retain(|_, c| c.used >= cut);
    }
}
