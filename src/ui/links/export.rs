//! The link chart leaving the window: "Copy links" (an image on the clipboard) and "Save links…"
//! (PNG and SVG), drawn by the core from what the view shows, hand-placed nodes included.

use eframe::egui::Context;

use super::{chart, shown};
use crate::chart::{self as timeline_chart};
use crate::link_chart;
use crate::ui::chart_export::ExportInput;
use crate::ui::clipboard::Clipboard;

/// The chart as the view shows it, as SVG; and how many incidents it draws.
pub fn links_svg(input: &ExportInput<'_>) -> (String, usize) {
    let rows = shown(input.loaded, &input.view.incidents, input.timeline);
    let (graph, layout) = chart(input.loaded, &rows, Some(input.links));
    let drawn = rows.len() - graph.more;
    (link_chart::svg(&graph, &layout, None), drawn)
}

/// Puts the link chart on the clipboard as an image (at the screen's pixel density); returns
/// the note to show.
pub fn copy_links(input: &ExportInput<'_>, ctx: &Context, clipboard: &mut dyn Clipboard) -> String {
    let (svg, drawn) = links_svg(input);
    match timeline_chart::rasterize(&svg, ctx.pixels_per_point()) {
        Ok(image) => {
            clipboard.set_image(
                &image,
                &format!("Link chart of {drawn} incidents: threat actors, incidents and victims"),
            );
            format!(
                "Copied the link chart ({} × {} pixels)",
                image.width, image.height
            )
        }
        Err(e) => format!("Cannot copy the link chart: {e}"),
    }
}
