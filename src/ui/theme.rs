//! Design tokens: every colour the panels paint with, in one place, and the list-row painter the
//! article list and the sidebar share. Colours are chosen to read on the light and dark themes.

use eframe::egui::{self, Color32, Rect, Response, Ui};

use crate::chart;
use crate::extract::{AmountKind, EntityKind};

/// The one "theft" red: theft badges, stolen incidents on the timeline and in the exported chart
/// (the core's `chart::STOLEN`), theft figures in the text.
pub const THEFT_RED: Color32 = rgb(chart::STOLEN);

const fn rgb((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}
/// Search hits: badge and the highlighted passage.
pub const HIT_BADGE: Color32 = Color32::from_rgb(170, 130, 0);
pub const HIT_BACKGROUND: Color32 = Color32::from_rgb(255, 225, 0);
/// A passage shown briefly after a jump (search hit, incident source, annotation).
pub const FLASH_BACKGROUND: Color32 = Color32::from_rgb(255, 150, 30);
/// Annotation count badge.
pub const NOTE_BADGE: Color32 = Color32::from_rgb(60, 120, 200);

/// Colour of an amount by how it relates to theft: the timeline's series and incident list, the
/// same as the exported chart's (`chart`).
pub const fn amount_color(kind: AmountKind) -> Color32 {
    match kind {
        AmountKind::Stolen => THEFT_RED,
        AmountKind::Attempted => rgb(chart::ATTEMPTED),
        AmountKind::Cumulative => rgb(chart::CUMULATIVE),
        AmountKind::Damage | AmountKind::Other => Color32::GRAY,
    }
}

/// Theft red as text on the current theme: lighter on dark backgrounds.
pub fn theft_text(dark: bool) -> Color32 {
    if dark {
        THEFT_RED.lerp_to_gamma(Color32::WHITE, 0.35)
    } else {
        THEFT_RED
    }
}

/// Colour of an entity kind, readable on both themes.
pub fn kind_color(kind: EntityKind, dark: bool) -> Color32 {
    match (kind, dark) {
        (EntityKind::ThreatActor, true) => Color32::from_rgb(255, 120, 100),
        (EntityKind::ThreatActor, false) => Color32::from_rgb(190, 30, 20),
        (EntityKind::Person, true) => Color32::from_rgb(200, 150, 255),
        (EntityKind::Person, false) => Color32::from_rgb(120, 50, 180),
        (EntityKind::Organization, true) => Color32::from_rgb(110, 180, 255),
        (EntityKind::Organization, false) => Color32::from_rgb(20, 90, 180),
        (EntityKind::Location, true) => Color32::from_rgb(110, 210, 140),
        (EntityKind::Location, false) => Color32::from_rgb(20, 120, 60),
        (EntityKind::Money, true) => Color32::from_rgb(240, 190, 90),
        (EntityKind::Money, false) => Color32::from_rgb(150, 95, 0),
        (EntityKind::Date, true) => Color32::from_rgb(170, 170, 170),
        (EntityKind::Date, false) => Color32::from_rgb(100, 100, 100),
    }
}

/// The colour of an annotation tag: the default tags have fixed colours, others a stable hash
/// (FNV-1a) into the same colour-blind-safe palette (Okabe–Ito).
pub fn tag_color(tag: &str) -> Color32 {
    const PALETTE: [(u8, u8, u8); 8] = [
        (230, 159, 0),
        (86, 180, 233),
        (0, 158, 115),
        (204, 121, 167),
        (213, 94, 0),
        (0, 114, 178),
        (240, 228, 66),
        (150, 150, 150),
    ];
    let tag = tag.trim().to_lowercase();
    let index = crate::annotations::autosave::DEFAULT_TAGS
        .iter()
        .position(|t| *t == tag)
        .unwrap_or_else(|| {
            let hash = tag.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
            (hash % PALETTE.len() as u64) as usize
        });
    let (r, g, b) = PALETTE[index];
    Color32::from_rgb(r, g, b)
}

/// Paints a list row's background (selected, hovered) and returns the colour its main text
/// takes: the article list and the sidebar rows look alike.
pub fn paint_row(
    ui: &Ui,
    rect: Rect,
    response: &Response,
    selected: bool,
    rounding: f32,
) -> Color32 {
    let visuals = ui.visuals();
    if selected {
        ui.painter()
            .rect_filled(rect, rounding, visuals.selection.bg_fill);
        visuals.selection.stroke.color
    } else {
        if response.hovered() {
            ui.painter()
                .rect_filled(rect, rounding, visuals.widgets.hovered.weak_bg_fill);
        }
        visuals.text_color()
    }
}

/// A small triangle: pointing down when open, right when closed (the default fonts have no
/// arrow glyphs).
pub fn paint_arrow(ui: &Ui, center: egui::Pos2, open: bool, color: Color32) {
    let r = 4.0;
    let points = if open {
        vec![
            center + egui::vec2(-r, -r * 0.6),
            center + egui::vec2(r, -r * 0.6),
            center + egui::vec2(0.0, r * 0.7),
        ]
    } else {
        vec![
            center + egui::vec2(-r * 0.6, -r),
            center + egui::vec2(r * 0.7, 0.0),
            center + egui::vec2(-r * 0.6, r),
        ]
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::annotations::autosave::DEFAULT_TAGS;

    #[test]
    fn tag_colours_are_stable_distinct_for_defaults_and_case_insensitive() {
        let defaults: Vec<Color32> = DEFAULT_TAGS.iter().map(|t| tag_color(t)).collect();
        for (i, a) in defaults.iter().enumerate() {
            for b in &defaults[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(tag_color("Lazarus link"), tag_color("lazarus link "));
        assert_eq!(tag_color("Amount"), defaults[0]);
    }

    #[test]
    fn theft_text_is_the_theft_red_lightened_on_dark_backgrounds() {
        assert_eq!(theft_text(false), THEFT_RED);
        assert_ne!(theft_text(true), THEFT_RED);
    }
}
