//! The timeline chart drawn from data: the SVG parses and holds one mark per plotted incident,
//! and its raster is the requested size with a real picture in it.

mod report_fixture;

use dossier::chart::{self, ChartOptions};
use dossier::incidents::Incident;

/// Marks in the SVG: circles (stolen, attempted, the selection ring) and diamonds (totals).
fn count_marks(svg: &str) -> usize {
    let doc = roxmltree::Document::parse(svg).expect("the SVG is well-formed XML");
    doc.descendants()
        .filter(|n| matches!(n.tag_name().name(), "circle" | "polygon"))
        .count()
}

#[test]
fn the_svg_holds_one_mark_per_plotted_incident() {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let analysis = report_fixture::load(dir.path());
    let incidents: Vec<&Incident> = analysis.incidents.iter().collect();
    let options = ChartOptions::default();
    let plotted = chart::marks(&incidents, &options);
    assert!(plotted.len() >= 3, "{:#?}", analysis.incidents);
    let svg = chart::svg(&incidents, &options).unwrap();
    assert_eq!(count_marks(&svg), plotted.len());
    // The legend names the series and the axis its years.
    for text in ["Stolen", "Attempted", "2019", "2021"] {
        assert!(svg.contains(text), "{text} missing");
    }
    // The selection adds its ring; the running total is a line, not a mark.
    let selected = ChartOptions {
        selected: Some(plotted[0].incident.id.clone()),
        running_total: true,
        log_scale: true,
        ..ChartOptions::default()
    };
    let svg = chart::svg(&incidents, &selected).unwrap();
    assert_eq!(count_marks(&svg), plotted.len() + 1);
    assert!(svg.contains("Running total"));
    // resvg reads it too.
    let image = chart::rasterize(&svg, 1.0).unwrap();
    assert_eq!((image.width, image.height), (960, 400));
}

#[test]
fn the_raster_is_the_plotted_size_and_not_blank() {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let analysis = report_fixture::load(dir.path());
    let incidents: Vec<&Incident> = analysis.incidents.iter().collect();
    let options = ChartOptions {
        size: (640, 300),
        ..ChartOptions::default()
    };
    let svg = chart::svg(&incidents, &options).unwrap();
    let image = chart::rasterize(&svg, 2.0).unwrap();
    assert_eq!((image.width, image.height), (1280, 600));
    assert_eq!(image.rgba.len(), 1280 * 600 * 4);
    // Axis text (anti-aliased), markers in two colours, grid lines: many colours.
    assert!(image.distinct_colors() > 20, "{}", image.distinct_colors());
    // The stolen series' red (slightly translucent over white).
    let (r, g, b) = chart::STOLEN;
    let over_white = |c: u8| (f32::from(c) * 0.85 + 255.0 * 0.15) as i32;
    let has_stolen_red = image.rgba.chunks_exact(4).any(|p| {
        (i32::from(p[0]) - over_white(r)).abs() <= 3
            && (i32::from(p[1]) - over_white(g)).abs() <= 3
            && (i32::from(p[2]) - over_white(b)).abs() <= 3
    });
    assert!(has_stolen_red, "the stolen markers are drawn");
    let png = chart::png(&svg, 1.0).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
}
