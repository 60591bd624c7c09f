//! The article text, virtualised: only the blocks in the viewport are laid out, painted and
//! exposed to accessibility, so a frame costs the same for a 2 MB article as for a short one.
//! The selection is the reader's own (press and drag over any blocks, Shift+click extends,
//! double-click takes a word, Ctrl+A, Shift+arrows, Ctrl+C copies).

use eframe::egui::{
    self, Align, CursorIcon, EventFilter, Pos2, Rect, Response, Sense, Ui, Vec2, WidgetInfo,
    accesskit, text::CCursorRange, text_selection::visuals::paint_text_selection, vec2,
};

use super::selection::{self, Move};
use super::{Reader, ReaderInput, blocks, reader_id};

/// Space around the text, as a frameless text field had.
const MARGIN: Vec2 = vec2(4.0, 2.0);

/// Where the last frame drew the text: for reading positions back (tests, headless drivers).
#[derive(Clone, Copy)]
pub struct Placement {
    /// The screen position of the content's top-left corner (the text's, margin included).
    origin: Pos2,
    clip: Rect,
}

/// What the text view reports to the panel.
pub struct ViewOutput {
    pub response: Response,
    /// The character under the pointer, when it hovers the text and no button is down.
    pub hovered: Option<usize>,
}

/// Shows the article text in its scroll area; the selection goes to `reader.last_selection`.
pub fn text_view(
    ui: &mut Ui,
    reader: &mut Reader,
    input: &ReaderInput<'_>,
    text: &str,
) -> ViewOutput {
    let id = reader_id();
    let ctx = ui.ctx().clone();
    reader.layout.set_article(input.article, text);
    let flash = reader.flash.map(|(s, e, _)| (s, e));
    let style_key =
        super::styling::style_key(input, ui.visuals().dark_mode, ui.visuals().text_color());
    if std::mem::take(&mut reader.clear_selection) {
        // Otherwise the old offsets would be read as a selection in the new article.
        selection::store(&ctx, id, None);
    }
    let mut area = egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false])
        // The same width from the first frame: a bar appearing would lay the text out again at
        // another width (and move a restored position).
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible);
    if let Some(offset) = reader.restore_offset.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let pending = reader.pending_scroll.take();
    let mut next_offset = None;
    let mut hovered = None;
    let mut response = None;
    let scrolled = area.show_viewport(ui, |ui, viewport| {
        let layout = &mut reader.layout;
        let width = (ui.available_width() - 2.0 * MARGIN.x).max(40.0);
        let reanchor = layout.prepare(ui, width, input.font_size, style_key, viewport.top());
        layout.lay_out_if_short(ui, input, text, flash);
        // A new width or font size: stay on the line that was at the top.
        let mut moved = 0.0;
        if let Some((k, share)) = reanchor {
            layout.galley(ui, k, input, text, flash);
            let y = layout.top(k) + share * (layout.top(k + 1) - layout.top(k));
            moved = y - viewport.top();
        }
        if let Some((start, _)) = pending {
            // The passage may be far from anything laid out: lay out its block and the screen
            // around it, then scroll there (next frame) with the passage in the middle.
            let half = viewport.height() / 2.0;
            let y = layout.char_rect(ui, start, input, text, flash).center().y;
            layout.lay_out_window(ui, (y - half, y + half), input, text, flash);
            let y = layout.char_rect(ui, start, input, text, flash).center().y;
            next_offset = Some((y - half).max(0.0));
            ui.ctx().request_repaint();
        }
        let window = (viewport.top() + moved, viewport.bottom() + moved);
        let (shift, visible) = layout.lay_out_window(ui, window, input, text, flash);
        let shift = shift + moved;
        if shift != 0.0 && next_offset.is_none() {
            next_offset = Some(viewport.top() + shift);
            ui.ctx().request_repaint();
        }
        let total = layout.total_height();
        // Past the end, egui would spring the offset back over several frames.
        let max_offset = (total + 2.0 * MARGIN.y - viewport.height()).max(0.0);
        next_offset = next_offset.map(|o: f32| o.clamp(0.0, max_offset));
        let content_top = ui.max_rect().min;
        // A restored position may be laid out at a passing width in the first frames (panels
        // settling): keep room to scroll there rather than let egui spring it back.
        let room = match reader.restoring {
            Some((wanted, frames)) if frames > 0 => {
                reader.restoring = Some((wanted, frames - 1));
                wanted + viewport.height()
            }
            _ => {
                reader.restoring = None;
                0.0
            }
        };
        let rect = Rect::from_min_size(
            content_top,
            vec2(width + 2.0 * MARGIN.x, (total + 2.0 * MARGIN.y).max(room)),
        );
        let placement = Placement {
            origin: content_top + MARGIN - vec2(0.0, shift),
            clip: ui.clip_rect(),
        };
        reader.placement = Some(placement);
        let r = ui
            .interact(rect, id, Sense::click_and_drag())
            .on_hover_cursor(CursorIcon::Text);
        ui.advance_cursor_after_rect(rect);

        let mut sel = selection::load(&ctx, id);
        let before = sel;
        let mut reveal = None;
        let char_at = |reader: &mut Reader, ui: &Ui, pos: Pos2| -> usize {
            // Content coordinates, kept inside what is laid out this frame.
            let clip = placement.clip;
            let pos = pos.clamp(clip.min, clip.max - vec2(0.0, 1.0));
            let y = pos.y - placement.origin.y;
            let layout = &mut reader.layout;
            let k = layout.block_at(y).clamp(
                visible.start,
                visible.end.saturating_sub(1).max(visible.start),
            );
            let top = layout.top(k);
            let galley = layout.galley(ui, k, input, text, flash);
            let local = galley.cursor_from_pos(vec2(pos.x - placement.origin.x, y - top));
            let block = &layout.blocks[k];
            block.chars.start + local.index.0.min(block.shown)
        };
        let pointer = ui.input(|i| i.pointer.interact_pos());
        let (pressed, shift_held) = ui.input(|i| (i.pointer.primary_pressed(), i.modifiers.shift));
        if let Some(pos) = pointer {
            if r.double_clicked() {
                let at = char_at(reader, ui, pos);
                let k = blocks::block_of(&reader.layout.blocks, at);
                let block = &reader.layout.blocks[k];
                let (s, e) = selection::word_at(&text[block.bytes.clone()], at - block.chars.start);
                sel = Some(selection::range(
                    block.chars.start + s,
                    block.chars.start + e,
                ));
            } else if pressed && r.hovered() {
                let at = char_at(reader, ui, pos);
                sel = Some(match sel {
                    Some(old) if shift_held => selection::range(old.secondary.index.0, at),
                    _ => selection::range(at, at),
                });
                ui.memory_mut(|m| m.request_focus(id));
            } else if r.is_pointer_button_down_on() && r.dragged() {
                let at = char_at(reader, ui, pos);
                if let Some(old) = sel {
                    sel = Some(selection::range(old.secondary.index.0, at));
                }
                // Past the edge: scroll on, as a text field does.
                let clip = placement.clip;
                let dy = if pos.y < clip.top() {
                    (clip.top() - pos.y).min(60.0)
                } else if pos.y > clip.bottom() {
                    -(pos.y - clip.bottom()).min(60.0)
                } else {
                    0.0
                };
                if dy != 0.0 {
                    ui.scroll_with_delta(vec2(0.0, dy));
                    ui.ctx().request_repaint();
                }
            } else if r.hovered() && !ui.input(|i| i.pointer.any_down()) {
                hovered = Some(char_at(reader, ui, pos));
            }
        }

        if ui.memory(|m| m.has_focus(id)) {
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    id,
                    EventFilter {
                        horizontal_arrows: true,
                        vertical_arrows: true,
                        ..Default::default()
                    },
                )
            });
            let keys = selection::read_keys(&ctx);
            let n = reader.layout.blocks.last().map_or(0, |b| b.chars.end);
            if keys.select_all {
                sel = Some(selection::range(0, n));
            }
            for (m, extend) in keys.moves {
                let Some(old) = sel else { break };
                let at = move_cursor(reader, ui, input, text, flash, old.primary.index.0, m);
                let anchor = if extend { old.secondary.index.0 } else { at };
                sel = Some(selection::range(anchor, at.min(n)));
                reveal = Some(at.min(n));
            }
            if keys.copy
                && let Some(range) = sel.filter(|r| !r.is_empty())
            {
                let r = range.as_sorted_char_range();
                ctx.copy_text(crate::text::slice_chars(text, r.start.0, r.end.0).to_owned());
            }
        }
        if sel != before {
            selection::store(&ctx, id, sel);
        }
        if let Some(at) = reveal {
            let rect = reader.layout.char_rect(ui, at, input, text, flash);
            let rect = rect.translate(placement.origin.to_vec2());
            ui.scroll_to_rect(rect.expand2(vec2(0.0, 8.0)), None::<Align>);
        }

        // Paint the visible blocks, with the selection over the part of it each holds.
        let painter = ui.painter();
        let color = ui.visuals().text_color();
        for k in visible.clone() {
            let mut galley = reader.layout.galley(ui, k, input, text, flash);
            let shown = reader.layout.blocks[k].shown_chars();
            if let Some(r) = sel.filter(|r| !r.is_empty()) {
                let r = r.as_sorted_char_range();
                let (s, e) = (r.start.0.max(shown.start), r.end.0.min(shown.end));
                if s < e {
                    let local = CCursorRange::two(
                        egui::text::CCursor::new(s - shown.start),
                        egui::text::CCursor::new(e - shown.start),
                    );
                    paint_text_selection(&mut galley, ui.visuals(), &local, None);
                }
            }
            let top = reader.layout.top(k);
            painter.galley(placement.origin + vec2(0.0, top), galley, color);
        }

        // Screen readers (and tests) get the text on screen, not 2 MB per frame.
        r.widget_info(|| {
            let on_screen = visible
                .clone()
                .map(|k| &text[reader.layout.blocks[k].bytes.clone()])
                .collect::<Vec<_>>()
                .join("\n");
            WidgetInfo::text_edit(true, &on_screen, &on_screen, "Article text")
        });
        ctx.accesskit_node_builder(id, |node| {
            node.set_role(accesskit::Role::MultilineTextInput);
            node.set_read_only();
        });
        response = Some(r);
    });
    reader.layout.end_frame();
    reader.offset = scrolled.state.clamped_offset().y;
    if let Some(offset) = next_offset {
        reader.restore_offset = Some(offset);
        reader.offset = offset;
    }
    if let Some(range) = selection::load(&ctx, id) {
        let r = range.as_sorted_char_range();
        if r.end.0 > r.start.0 {
            reader.last_selection = Some(super::Selection {
                article: input.article,
                start: r.start.0,
                end: r.end.0,
            });
        }
    }
    let response = response.unwrap_or_else(|| ui.interact(Rect::NOTHING, id, Sense::hover()));
    ViewOutput { response, hovered }
}

/// Where the selection's moving end goes for a key (across blocks for up and down).
fn move_cursor(
    reader: &mut Reader,
    ui: &Ui,
    input: &ReaderInput<'_>,
    text: &str,
    flash: Option<(usize, usize)>,
    at: usize,
    m: Move,
) -> usize {
    let layout = &mut reader.layout;
    let n = layout.blocks.last().map_or(0, |b| b.chars.end);
    match m {
        Move::Left => at.saturating_sub(1),
        Move::Right => (at + 1).min(n),
        Move::WordLeft => selection::word_move(text, at, true),
        Move::WordRight => selection::word_move(text, at, false).min(n),
        Move::Up | Move::Down => {
            let k = blocks::block_of(&layout.blocks, at);
            let galley = layout.galley(ui, k, input, text, flash);
            let start = layout.blocks[k].chars.start;
            let local = egui::text::CCursor::new(at - start);
            let row = galley.layout_from_cursor(local).row;
            let x = galley.pos_from_cursor(local).center().x;
            if m == Move::Up && row == 0 {
                let Some(prev) = k.checked_sub(1) else {
                    return 0;
                };
                let g = layout.galley(ui, prev, input, text, flash);
                let c = g.cursor_from_pos(vec2(x, g.size().y - 1.0));
                layout.blocks[prev].chars.start + c.index.0
            } else if m == Move::Down && row + 1 >= galley.rows.len() {
                if k + 1 >= layout.blocks.len() {
                    return n;
                }
                let g = layout.galley(ui, k + 1, input, text, flash);
                let c = g.cursor_from_pos(vec2(x, 1.0));
                layout.blocks[k + 1].chars.start + c.index.0
            } else {
                let (c, _) = if m == Move::Up {
                    galley.cursor_up_one_row(&local, Some(x))
                } else {
                    galley.cursor_down_one_row(&local, Some(x))
                };
                start + c.index.0
            }
        }
    }
}

impl Reader {
    /// Where character `at` was drawn in the last frame (the middle of its left edge), if it is
    /// on screen: for tests and headless drivers that point at text.
    pub fn char_pos(&self, at: usize) -> Option<Pos2> {
        let placement = self.placement?;
        let layout = &self.layout;
        let k = blocks::block_of(&layout.blocks, at);
        let galley = layout.cached(k)?;
        let local = at.checked_sub(layout.blocks[k].chars.start)?;
        let rect = galley.pos_from_cursor(egui::text::CCursor::new(local));
        let pos = placement.origin + vec2(rect.left(), layout.top_of(k) + rect.center().y);
        placement.clip.contains(pos).then_some(pos)
    }
}
