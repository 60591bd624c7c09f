//! The timeline chart drawn from incident data, not from the screen: SVG (vector, for print and
//! the HTML report) and a raster image (the clipboard, PNG files, the Markdown report). The
//! window's plot uses the same colours, marker sizes, scale and date axis, so a copy looks like
//! what the analyst sees.

pub mod axis;
pub mod kinds;
pub mod period;
mod raster;
mod svg;

use crate::extract::AmountKind;
use crate::incidents::Incident;

pub use kinds::Kinds;
pub use period::Period;
pub use raster::{Image, png, rasterize};
pub use svg::svg;

/// Series colours (RGB), shared with the window's plot.
pub const STOLEN: (u8, u8, u8) = (215, 55, 40);
pub const ATTEMPTED: (u8, u8, u8) = (230, 150, 20);
pub const CUMULATIVE: (u8, u8, u8) = (120, 120, 200);
/// The running-total line.
pub const RUNNING_TOTAL: (u8, u8, u8) = (140, 140, 140);
/// The ring around the selected incident.
pub const SELECTION: (u8, u8, u8) = (0, 110, 220);

/// Marker size grows with the number of sources, slowly, so that a much-reported theft does
/// not hide its neighbours.
pub fn marker_radius(sources: usize) -> f32 {
    (4.0 + 3.0 * (sources.max(1) as f32).ln()).min(14.0)
}

/// The y coordinate of a dollar value: log10 on a log scale (whose axis labels are powers of ten).
pub fn y_of(usd: f64, log: bool) -> f64 {
    if log { usd.max(1.0).log10() } else { usd }
}

/// How the chart is drawn: the window's timeline options, the selection and the period.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartOptions {
    pub log_scale: bool,
    pub running_total: bool,
    /// Id of the incident to ring.
    pub selected: Option<String>,
    /// The period the timeline is restricted to; it also sets the x range when both ends are set.
    pub period: Period,
    /// Width and height in pixels (CSS pixels in the SVG).
    pub size: (u32, u32),
    /// A caption above the plot, if any.
    pub title: Option<String>,
}

impl Default for ChartOptions {
    fn default() -> Self {
        Self {
            log_scale: false,
            running_total: false,
            selected: None,
            period: Period::default(),
            size: (960, 400),
            title: None,
        }
    }
}

/// One plotted incident.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark<'a> {
    pub incident: &'a Incident,
    /// Days since the epoch.
    pub x: f64,
    /// Dollars, or log10 dollars on a log scale.
    pub y: f64,
}

/// The incidents a chart plots: thefts with an event date inside the period, by date. Others
/// (undated, or not a theft) are only in the table.
pub fn marks<'a>(incidents: &[&'a Incident], options: &ChartOptions) -> Vec<Mark<'a>> {
    let mut marks: Vec<Mark<'a>> = incidents
        .iter()
        .filter(|i| i.kind.is_theft())
        .filter_map(|&i| {
            let x = i.event_date?.plot_day();
            options.period.contains_day(x).then_some(Mark {
                incident: i,
                x,
                y: y_of(i.usd, options.log_scale),
            })
        })
        .collect();
    marks.sort_by(|a, b| a.x.total_cmp(&b.x));
    marks
}

/// The series an incident belongs to: its legend name, colour and whether it is filled.
pub fn series_of(kind: AmountKind) -> (&'static str, (u8, u8, u8), bool) {
    match kind {
        AmountKind::Attempted => ("Attempted", ATTEMPTED, false),
        AmountKind::Cumulative => ("Cumulative totals", CUMULATIVE, true),
        _ => ("Stolen", STOLEN, true),
    }
}

/// The running total of stolen amounts as a step line, in plot coordinates.
pub fn running_total(marks: &[Mark<'_>], log: bool) -> Vec<(f64, f64)> {
    let mut total = 0.0;
    let mut line: Vec<(f64, f64)> = Vec::new();
    for m in marks
        .iter()
        .filter(|m| m.incident.kind == AmountKind::Stolen)
    {
        if let Some(&(_, y)) = line.last() {
            line.push((m.x, y));
        }
        total += m.incident.usd;
        line.push((m.x, y_of(total, log)));
    }
    line
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("cannot draw the chart: {0}")]
    Draw(String),
    #[error("cannot read the chart's SVG: {0}")]
    Svg(String),
    #[error("cannot encode the chart as PNG: {0}")]
    Png(String),
}

/// Writes `path` as PNG (twice the on-screen size, for print) and the SVG beside it.
pub fn save(svg: &str, path: &std::path::Path) -> String {
    let png_path = path.with_extension("png");
    let svg_path = path.with_extension("svg");
    let written = png(svg, 2.0)
        .map_err(|e| e.to_string())
        .and_then(|png| std::fs::write(&png_path, png).map_err(|e| e.to_string()))
        .and_then(|()| std::fs::write(&svg_path, svg).map_err(|e| e.to_string()));
    match written {
        Ok(()) => format!(
            "Saved the chart as {} and {}",
            png_path.display(),
            svg_path.display()
        ),
        Err(e) => format!("Cannot save the chart: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::incidents::Source;

    pub(crate) fn incident(id: &str, usd: f64, kind: AmountKind, date: Option<&str>) -> Incident {
        Incident {
            id: id.into(),
            kind,
            event_date: date.and_then(|d| d.parse().ok()),
            usd,
            usd_min: usd,
            usd_max: usd,
            victim: Some("Quillon Bank".into()),
            victim_id: None,
            actor: None,
            sub_group: None,
            sources: vec![Source {
                mention: crate::extract::Mention {
                    article: "a".into(),
                    start: 0,
                    end: 3,
                },
                usd,
                text: "$1".into(),
                main: false,
            }],
        }
    }

    #[test]
    fn only_dated_thefts_inside_the_period_are_plotted() {
        let s = AmountKind::Stolen;
        let all = [
            incident("1", 5e6, s, Some("2019-04")),
            incident("2", 7e6, s, None),
            incident("3", 9e6, AmountKind::Other, Some("2019-05")),
            incident("4", 2e6, AmountKind::Attempted, Some("2021-01-03")),
            incident("5", 3e6, s, Some("2018")),
        ];
        let refs: Vec<&Incident> = all.iter().collect();
        let ids = |o: &ChartOptions| -> Vec<String> {
            marks(&refs, o)
                .iter()
                .map(|m| m.incident.id.clone())
                .collect()
        };
        let mut options = ChartOptions::default();
        assert_eq!(ids(&options), ["5", "1", "4"]);
        options.period = Period::parse("2019", "2020").unwrap();
        assert_eq!(ids(&options), ["1"]);
    }

    #[test]
    fn the_running_total_steps_up_at_each_theft() {
        let s = AmountKind::Stolen;
        let all = [
            incident("1", 5e6, s, Some("2019-04")),
            incident("2", 2e6, AmountKind::Attempted, Some("2019-06")),
            incident("3", 3e6, s, Some("2019-08")),
        ];
        let refs: Vec<&Incident> = all.iter().collect();
        let m = marks(&refs, &ChartOptions::default());
        let line = running_total(&m, false);
        let ys: Vec<f64> = line.iter().map(|p| p.1).collect();
        assert_eq!(ys, [5e6, 5e6, 8e6]);
    }

    #[test]
    fn save_writes_png_and_svg_beside_each_other_or_says_why_not() {
        let incidents = [incident("a", 5e6, AmountKind::Stolen, Some("2016-02"))];
        let refs: Vec<&Incident> = incidents.iter().collect();
        let svg = svg(&refs, &ChartOptions::default()).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let note = save(&svg, &dir.path().join("chart.png"));
        assert!(note.starts_with("Saved the chart"), "{note}");
        assert!(dir.path().join("chart.png").metadata().unwrap().len() > 100);
        assert!(
            std::fs::read_to_string(dir.path().join("chart.svg"))
                .unwrap()
                .contains("<svg")
        );
        let note = save(&svg, &dir.path().join("missing/chart.png"));
        assert!(note.starts_with("Cannot save the chart"), "{note}");
    }
}
