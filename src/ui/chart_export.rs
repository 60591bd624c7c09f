//! The timeline leaving the window: "Copy chart" (an image on the clipboard), "Save chart…" (PNG
//! and SVG) and File → Export report…, all drawn by the core ([`crate::chart`],
//! [`crate::report_doc`]) from the incidents, scale, selection and period the timeline shows.
//! Files are written on a worker thread.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::Context;

use crate::analysis::Analysis;
use crate::annotations::Annotation;
use crate::chart::{self, ChartOptions};
use crate::report_doc::{self, Format, ReportInput};
use crate::ui::clipboard::Clipboard;
use crate::ui::timeline::{self, TimelineOptions};
use crate::workbench::Loaded;
use crate::workbench::Wake;
use crate::workbench::filter::EntityFilter;
use crate::workbench::jobs::Task;
use crate::workbench::view::View;

/// The chart's size when the timeline has not been drawn yet (hidden panel).
const DEFAULT_SIZE: (u32, u32) = (960, 400);

/// What the window shows, for a copy or an export.
pub struct ExportInput<'a> {
    pub loaded: &'a Loaded,
    pub view: &'a View,
    pub timeline: &'a TimelineOptions,
    pub entity_filter: Option<&'a EntityFilter>,
    pub search: &'a str,
    pub selected_incident: Option<usize>,
    pub annotations: &'a [Annotation],
    /// The link chart's hand-placed nodes for this corpus.
    pub links: &'a crate::link_chart::Moved,
}

impl ExportInput<'_> {
    /// The incidents the timeline shows: the filters', the period's and the kinds'.
    fn incidents(&self) -> Vec<usize> {
        chart::kinds::shown(
            &self.loaded.analysis.incidents,
            &self.view.incidents,
            &self.timeline.period,
            &self.timeline.kinds,
        )
    }

    fn chart(&self, size: (u32, u32)) -> ChartOptions {
        let selected = self
            .selected_incident
            .and_then(|i| self.loaded.analysis.incidents.get(i));
        self.timeline.chart_options(selected, size)
    }

    /// The filters in force, as the report states them.
    fn filters(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Some(f) = self.entity_filter {
            out.push(format!("entity: {}", f.label()));
        }
        if !self.search.trim().is_empty() {
            out.push(format!("search: “{}”", self.search.trim()));
        }
        if !self.timeline.period.is_all() {
            out.push(format!("event dates: {}", self.timeline.period.label()));
        }
        if !self.timeline.kinds.is_all() {
            out.push(format!("kinds: {}", self.timeline.kinds.label()));
        }
        out
    }

    /// The annotations of the articles the filters leave visible.
    fn annotations(&self) -> Vec<Annotation> {
        let articles = &self.loaded.analysis.corpus.articles;
        let visible: std::collections::HashSet<&str> = self
            .view
            .rows
            .iter()
            .filter_map(|&i| articles.get(i).map(|a| a.id.as_str()))
            .collect();
        self.annotations
            .iter()
            .filter(|a| visible.contains(a.article.as_str()))
            .cloned()
            .collect()
    }

    fn chart_svg(&self, size: (u32, u32)) -> Result<String, chart::ChartError> {
        let all = &self.loaded.analysis.incidents;
        let incidents: Vec<_> = self
            .incidents()
            .into_iter()
            .filter_map(|i| all.get(i))
            .collect();
        chart::svg(&incidents, &self.chart(size))
    }
}

/// Puts the chart on the clipboard as an image of the plot's size on screen (in pixels); returns
/// the note to show.
pub fn copy_chart(input: &ExportInput<'_>, ctx: &Context, clipboard: &mut dyn Clipboard) -> String {
    let size = timeline::plot_size(ctx).unwrap_or(DEFAULT_SIZE);
    let image = input
        .chart_svg(size)
        .and_then(|svg| chart::rasterize(&svg, ctx.pixels_per_point()));
    match image {
        Ok(image) => {
            let shown = input.incidents().len();
            clipboard.set_image(
                &image,
                &format!(
                    "Timeline of {shown} incidents ({})",
                    input.timeline.period.label()
                ),
            );
            format!(
                "Copied the chart ({} × {} pixels)",
                image.width, image.height
            )
        }
        Err(e) => format!("Cannot copy the chart: {e}"),
    }
}

/// Saves and exports in progress (one at a time), each a file dialog then the writing.
#[derive(Default)]
pub struct Exports {
    task: Option<Task<String>>,
}

impl Exports {
    pub fn is_busy(&self) -> bool {
        self.task.is_some()
    }

    /// The note to show when a save or an export has finished.
    pub fn poll(&mut self) -> Option<String> {
        let done = self.task.as_ref().and_then(Task::poll)?;
        self.task = None;
        Some(done.unwrap_or_else(|failure| failure.message()))
    }

    /// One file at a time: the note to show when another is still being written.
    fn busy_note(&self) -> Option<String> {
        self.is_busy()
            .then(|| "An export is still being written".to_owned())
    }

    /// Writes the chart, as the timeline shows it, to `path` (PNG) and beside it (SVG) on a
    /// worker; returns a note when it cannot start (the result comes through [`Self::poll`]).
    pub fn save_chart(
        &mut self,
        ctx: &Context,
        wake: &Wake,
        input: &ExportInput<'_>,
        path: PathBuf,
    ) -> Option<String> {
        if let Some(note) = self.busy_note() {
            return Some(note);
        }
        let svg = match input.chart_svg(timeline::plot_size(ctx).unwrap_or(DEFAULT_SIZE)) {
            Ok(svg) => svg,
            Err(e) => return Some(e.to_string()),
        };
        self.task = Task::spawn(wake, "dossier-save-chart", "saving the chart", move || {
            chart::save(&svg, &path)
        });
        None
    }

    /// Writes the link chart, as the Links view shows it, to `path` (PNG) and beside it (SVG) on
    /// a worker, as [`Self::save_chart`] does the timeline.
    pub fn save_links(
        &mut self,
        wake: &Wake,
        input: &ExportInput<'_>,
        path: PathBuf,
    ) -> Option<String> {
        if let Some(note) = self.busy_note() {
            return Some(note);
        }
        let (svg, _) = crate::ui::links::export::links_svg(input);
        self.task = Task::spawn(
            wake,
            "dossier-save-links",
            "saving the link chart",
            move || chart::save(&svg, &path).replacen("the chart", "the link chart", 1),
        );
        None
    }

    /// Writes the report (HTML or Markdown, by the extension of `path`) on a worker; returns a
    /// note when it cannot start (the result comes through [`Self::poll`]).
    pub fn export_report(
        &mut self,
        wake: &Wake,
        input: &ExportInput<'_>,
        path: PathBuf,
    ) -> Option<String> {
        self.spawn_report_job(
            wake,
            input,
            ("dossier-export-report", "exporting the report"),
            move |job: ReportJob| job.write(&path),
        )
    }

    /// Writes what the filters select as a STIX 2.1 bundle to `path` on a worker, as
    /// [`Self::export_report`] does the report.
    pub fn export_stix(
        &mut self,
        wake: &Wake,
        input: &ExportInput<'_>,
        path: PathBuf,
    ) -> Option<String> {
        self.spawn_report_job(
            wake,
            input,
            ("dossier-export-stix", "exporting the STIX bundle"),
            move |job: ReportJob| job.write_stix(&path),
        )
    }

    /// Runs `write` on a worker over owned copies of what the window shows (a note when busy).
    fn spawn_report_job(
        &mut self,
        wake: &Wake,
        input: &ExportInput<'_>,
        (thread, doing): (&'static str, &'static str),
        write: impl FnOnce(ReportJob) -> String + Send + 'static,
    ) -> Option<String> {
        if let Some(note) = self.busy_note() {
            return Some(note);
        }
        let job = ReportJob {
            analysis: Arc::clone(&input.loaded.analysis),
            decisions: Arc::clone(&input.loaded.decisions),
            incidents: input.incidents(),
            annotations: input.annotations(),
            filters: input.filters(),
            chart: input.chart(DEFAULT_SIZE),
            links: input.links.clone(),
        };
        self.task = Task::spawn(wake, thread, doing, move || write(job));
        None
    }
}

/// A report to write on the worker: owned copies of what the window shows.
struct ReportJob {
    analysis: Arc<Analysis>,
    /// What the analyst's decisions did, so corrected figures are marked as such.
    decisions: Arc<crate::decisions::ReplayReport>,
    incidents: Vec<usize>,
    annotations: Vec<Annotation>,
    filters: Vec<String>,
    chart: ChartOptions,
    links: crate::link_chart::Moved,
}

impl ReportJob {
    /// The bundle of what the report would cover, written whole (serialised before the file
    /// is opened, so a failure leaves no half bundle).
    fn write_stix(self, path: &Path) -> String {
        let input = ReportInput {
            analysis: &self.analysis,
            incidents: self.incidents,
            annotations: self.annotations.iter().collect(),
            filters: self.filters,
            chart: self.chart,
            decisions: Some(&self.decisions),
            links: self.links.clone(),
        };
        let bundle = crate::stix::bundle(&crate::stix::Export::of(&input), chrono::Utc::now());
        match serde_json::to_string_pretty(&bundle)
            .map_err(|e| e.to_string())
            .and_then(|text| std::fs::write(path, text + "\n").map_err(|e| e.to_string()))
        {
            Ok(()) => format!("Exported the STIX bundle to {}", path.display()),
            Err(e) => format!("STIX bundle not exported: {}: {e}", path.display()),
        }
    }

    fn write(self, path: &Path) -> String {
        let format = Format::for_path(path);
        let input = ReportInput {
            analysis: &self.analysis,
            incidents: self.incidents,
            annotations: self.annotations.iter().collect(),
            filters: self.filters,
            chart: self.chart,
            decisions: Some(&self.decisions),
            links: self.links.clone(),
        };
        match report_doc::write(&input, format, path) {
            Ok(files) => format!(
                "Exported the report to {}",
                files
                    .iter()
                    .map(|f| f.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" and ")
            ),
            Err(e) => format!("Cannot export the report: {e}"),
        }
    }
}
