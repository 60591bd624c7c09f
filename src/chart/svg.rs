//! The chart as SVG through plotters' SVG backend: axes, date ticks, legend and one mark per
//! plotted incident (a circle, or a diamond for a cumulative total), all from the data.

use plotters::prelude::*;

use super::{
    ChartError, ChartOptions, Mark, SELECTION, axis, marker_radius, marks, running_total, series_of,
};
use crate::export::format_money;
use crate::extract::AmountKind;
use crate::incidents::Incident;

const FONT: &str = "sans-serif";
const GRID: RGBColor = RGBColor(225, 225, 225);
const AXIS: RGBColor = RGBColor(90, 90, 90);

/// An f64 axis with its ticks where we put them (month or year starts, round dollar steps):
/// plotters' own f64 axis picks round numbers of days instead.
struct Axis {
    range: std::ops::Range<f64>,
    ticks: Vec<f64>,
}

impl plotters::coord::ranged1d::Ranged for Axis {
    type FormatOption = plotters::coord::ranged1d::DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        let span = (self.range.end - self.range.start).max(f64::EPSILON);
        let t = (value - self.range.start) / span;
        limit.0 + (t * f64::from(limit.1 - limit.0)).round() as i32
    }

    fn key_points<Hint: plotters::coord::ranged1d::KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        let max = hint.max_num_points().max(1);
        let stride = self.ticks.len().div_ceil(max).max(1);
        self.ticks.iter().step_by(stride).copied().collect()
    }

    fn range(&self) -> std::ops::Range<f64> {
        self.range.clone()
    }
}

fn rgb((r, g, b): (u8, u8, u8)) -> RGBColor {
    RGBColor(r, g, b)
}

/// The chart of `incidents` (those [`marks`] plots) as a standalone SVG document.
pub fn svg(incidents: &[&Incident], options: &ChartOptions) -> Result<String, ChartError> {
    let marks = marks(incidents, options);
    let mut out = String::new();
    draw(&mut out, &marks, options).map_err(|e| ChartError::Draw(e.to_string()))?;
    Ok(out)
}

/// The x range: the period's ends where set, else the marks' dates with a margin.
fn x_range(marks: &[Mark<'_>], options: &ChartOptions) -> (f64, f64) {
    let lo = marks.iter().map(|m| m.x).fold(f64::INFINITY, f64::min);
    let hi = marks.iter().map(|m| m.x).fold(f64::NEG_INFINITY, f64::max);
    let margin = ((hi - lo) * 0.05).max(30.0);
    let day = |d| axis::days_since_epoch(d) as f64;
    (
        options.period.from.map_or(lo - margin, day),
        options.period.to.map_or(hi + margin, |d| day(d) + 1.0),
    )
}

/// The y range: from zero (linear) or the lowest power of ten (log) to a little above the top.
fn y_range(ys: impl Iterator<Item = f64> + Clone, log: bool) -> (f64, f64) {
    let hi = ys.clone().fold(f64::NEG_INFINITY, f64::max);
    if log {
        let lo = ys.fold(f64::INFINITY, f64::min).floor();
        let hi = hi.ceil().max(lo + 1.0);
        (lo, hi + 0.15)
    } else {
        (0.0, (hi * 1.12).max(1.0))
    }
}

fn draw(
    out: &mut String,
    marks: &[Mark<'_>],
    options: &ChartOptions,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, options.size).into_drawing_area();
    root.fill(&WHITE)?;
    if marks.is_empty() {
        let (w, h) = options.size;
        root.draw(&Text::new(
            "No dated theft to plot",
            (w as i32 / 2 - 80, h as i32 / 2),
            (FONT, 18).into_font().color(&AXIS),
        ))?;
        root.present()?;
        return Ok(());
    }
    let log = options.log_scale;
    let (x0, x1) = x_range(marks, options);
    let line = if options.running_total {
        running_total(marks, log)
    } else {
        Vec::new()
    };
    let (y0, y1) = y_range(
        marks.iter().map(|m| m.y).chain(line.iter().map(|p| p.1)),
        log,
    );
    let x_marks = axis::date_marks(x0, x1);
    let x_step = x_marks.first().map_or(365.0, |m| m.1);
    let x_axis = Axis {
        range: x0..x1,
        ticks: x_marks.iter().map(|m| m.0).collect(),
    };
    let mut builder = ChartBuilder::on(&root);
    builder
        .margin(12)
        .x_label_area_size(30)
        .y_label_area_size(104);
    if let Some(title) = &options.title {
        builder.caption(title, (FONT, 20).into_font().color(&AXIS));
    }
    let x_label = |x: &f64| axis::axis_date(*x, x_step);
    let usd = |v: f64| format_money(v, "USD");
    let y_label = move |y: &f64| {
        if log {
            if (y - y.round()).abs() < 1e-6 {
                usd(10f64.powf(*y))
            } else {
                String::new()
            }
        } else if *y >= 0.0 {
            usd(*y)
        } else {
            String::new()
        }
    };
    let y_axis = Axis {
        range: y0..y1,
        ticks: y_ticks(y0, y1, log),
    };
    let mut chart = builder.build_cartesian_2d(x_axis, y_axis)?;
    chart
        .configure_mesh()
        .x_label_formatter(&x_label)
        .y_label_formatter(&y_label)
        .bold_line_style(GRID)
        .light_line_style(TRANSPARENT)
        .axis_style(AXIS)
        .label_style((FONT, 16).into_font().color(&AXIS))
        .draw()?;
    series(&mut chart, marks, &line, options)?;
    root.present()?;
    Ok(())
}

/// Y ticks: the powers of ten on a log scale, else 1, 2 or 5 times a power of ten apart (about
/// six of them).
fn y_ticks(lo: f64, hi: f64, log: bool) -> Vec<f64> {
    if log {
        return (lo.ceil() as i64..=hi.floor() as i64)
            .map(|p| p as f64)
            .collect();
    }
    let rough = (hi - lo) / 6.0;
    let power = 10f64.powf(rough.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * power)
        .find(|s| *s >= rough)
        .unwrap_or(10.0 * power);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// The marks by series (one legend entry each), the selection ring and the running total.
fn series<'b>(
    chart: &mut ChartContext<'b, SVGBackend<'b>, Cartesian2d<Axis, Axis>>,
    marks: &[Mark<'_>],
    line: &[(f64, f64)],
    options: &ChartOptions,
) -> Result<(), Box<dyn std::error::Error>> {
    for kind in [
        AmountKind::Stolen,
        AmountKind::Attempted,
        AmountKind::Cumulative,
    ] {
        let members: Vec<&Mark<'_>> = marks
            .iter()
            .filter(|m| series_of(m.incident.kind).0 == series_of(kind).0)
            .collect();
        if members.is_empty() {
            continue;
        }
        let (name, color, filled) = series_of(kind);
        let color = rgb(color);
        let style = if filled {
            color.mix(0.85).filled()
        } else {
            color.stroke_width(2)
        };
        let radius = |m: &Mark<'_>| marker_radius(m.incident.sources.len()).round() as i32;
        let drawn =
            if kind == AmountKind::Cumulative {
                chart.draw_series(members.iter().map(|m| {
                    let r = radius(m);
                    EmptyElement::at((m.x, m.y))
                        + Polygon::new(vec![(0, -r), (r, 0), (0, r), (-r, 0)], style)
                }))?
            } else {
                chart.draw_series(members.iter().map(|m| {
                    EmptyElement::at((m.x, m.y)) + Circle::new((0, 0), radius(m), style)
                }))?
            };
        drawn
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], style));
    }
    if let Some(m) = options
        .selected
        .as_deref()
        .and_then(|id| marks.iter().find(|m| m.incident.id == id))
    {
        let r = marker_radius(m.incident.sources.len()).round() as i32 + 4;
        chart.draw_series(std::iter::once(
            EmptyElement::at((m.x, m.y)) + Circle::new((0, 0), r, rgb(SELECTION).stroke_width(2)),
        ))?;
    }
    if !line.is_empty() {
        let style = rgb(super::RUNNING_TOTAL).stroke_width(2);
        chart
            .draw_series(std::iter::once(PathElement::new(line.to_vec(), style)))?
            .label("Running total (stolen)")
            .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 10, y)], style));
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.85))
        .border_style(GRID)
        .label_font((FONT, 16).into_font().color(&AXIS))
        .draw()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::tests::incident;

    #[test]
    fn the_y_range_starts_at_zero_or_at_a_power_of_ten() {
        let (lo, hi) = y_range([5e6, 10e6].into_iter(), false);
        assert_eq!(lo, 0.0);
        assert!((hi - 11.2e6).abs() < 1.0);
        let (lo, hi) = y_range([6.7, 8.2].into_iter(), true);
        assert_eq!(lo, 6.0);
        assert!(hi > 9.0);
    }

    #[test]
    fn dollar_ticks_are_round() {
        assert_eq!(y_ticks(0.0, 11.2e6, false), [0.0, 2e6, 4e6, 6e6, 8e6, 10e6]);
        assert_eq!(y_ticks(5.8, 9.15, true), [6.0, 7.0, 8.0, 9.0]);
    }

    #[test]
    fn an_empty_chart_says_so() {
        let none = incident("1", 5e6, AmountKind::Stolen, None);
        let svg = svg(&[&none], &ChartOptions::default()).unwrap();
        assert!(svg.contains("No dated theft to plot"));
    }
}
