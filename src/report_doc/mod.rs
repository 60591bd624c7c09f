//! The analyst's report: one self-contained document, Markdown or HTML, with the corpus, the
//! incidents and every source cited (article title, date, URL or file, the sentence), the chart,
//! and the annotations grouped by tag. The window and `dossier report` both write it from a
//! [`ReportInput`], so the filters in force decide what it holds and are stated at its top.
//! (`crate::report` is the machine-readable extract; this is the document for people.)

mod html;
mod markdown;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::analysis::Analysis;
use crate::annotations::Annotation;
use crate::chart::{self, ChartError, ChartOptions};
use crate::corpus::Article;
use crate::decisions::ReplayReport;
use crate::decisions::replay::DecidedFigure;
use crate::export::{figure_passage, format_money};
use crate::incidents::Incident;
use crate::link_chart;

/// The document's format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
}

impl Format {
    /// The format a file name asks for: Markdown for `.md` or `.markdown`, else HTML.
    pub fn for_path(path: &std::path::Path) -> Self {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown") => {
                Format::Markdown
            }
            _ => Format::Html,
        }
    }

    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// What goes into a report: the analysis and what the filters leave of it.
pub struct ReportInput<'a> {
    pub analysis: &'a Analysis,
    /// The incidents to report, as indices into `analysis.incidents`, in table order.
    pub incidents: Vec<usize>,
    /// The annotations to report (of the visible articles).
    pub annotations: Vec<&'a Annotation>,
    /// The filters in force, one phrase each ("entity: Lazarus Group"); empty for none.
    pub filters: Vec<String>,
    /// How the chart is drawn (scale, running total, selection, period).
    pub chart: ChartOptions,
    /// What the analyst's decisions did, for marking confirmed and corrected figures.
    pub decisions: Option<&'a ReplayReport>,
    /// The link chart's nodes the analyst placed by hand (empty: the automatic layout).
    pub links: link_chart::Moved,
}

impl<'a> ReportInput<'a> {
    /// Every incident inside `chart.period` and every annotation: what the command line reports.
    pub fn whole(
        analysis: &'a Analysis,
        annotations: &'a [Annotation],
        chart: ChartOptions,
    ) -> Self {
        let mut incidents: Vec<usize> = analysis
            .incidents
            .iter()
            .enumerate()
            .filter(|(_, i)| chart.period.contains(i.event_date))
            .map(|(k, _)| k)
            .collect();
        // As in the window: the thefts articles are about first, each part by event date.
        incidents.sort_by_key(|&k| !analysis.incidents[k].is_main());
        let filters = if chart.period.is_all() {
            Vec::new()
        } else {
            vec![format!("event dates: {}", chart.period.label())]
        };
        Self {
            analysis,
            incidents,
            annotations: annotations.iter().collect(),
            filters,
            chart,
            decisions: None,
            links: link_chart::Moved::new(),
        }
    }

    /// The incidents the filters select, in table order.
    pub fn incidents(&self) -> Vec<&'a Incident> {
        self.incidents
            .iter()
            .filter_map(|&i| self.analysis.incidents.get(i))
            .collect()
    }

    /// The chart as SVG.
    pub fn chart_svg(&self) -> Result<String, ChartError> {
        chart::svg(&self.incidents(), &self.chart)
    }

    /// The link chart of the reported incidents as SVG, arranged as in the window.
    pub fn links_svg(&self) -> String {
        let graph = link_chart::build(
            &self.analysis.incidents,
            &self.incidents,
            link_chart::MAX_INCIDENTS,
        );
        link_chart::svg(&graph, &link_chart::arranged(&graph, &self.links), None)
    }
}

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Chart(#[from] ChartError),
    #[error("cannot write {}: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Where a source or an annotation comes from, as the report cites it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Citation {
    pub title: String,
    pub date: Option<String>,
    /// The article's URL when it has one, else its file.
    pub location: String,
    pub is_url: bool,
    /// The sentence (or quote) cited.
    pub sentence: String,
    /// "corrected by the analyst (machine: …)" or "confirmed by the analyst".
    pub decided: Option<String>,
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://")
}

fn citation(article: Option<&Article>, article_id: &str, sentence: String) -> Citation {
    let Some(a) = article else {
        return Citation {
            title: article_id.to_owned(),
            date: None,
            location: format!("article {article_id} (not in the corpus)"),
            is_url: false,
            sentence,
            decided: None,
        };
    };
    let url = a.source.as_deref().filter(|s| is_url(s));
    let title = if a.title.trim().is_empty() {
        a.id.clone()
    } else {
        a.title.clone()
    };
    Citation {
        title,
        date: a.published.map(|d| d.format("%Y-%m-%d").to_string()),
        location: url.map_or_else(|| a.path.display().to_string(), str::to_owned),
        is_url: url.is_some(),
        sentence,
        decided: None,
    }
}

/// How the report marks a figure an analyst decided on, with the machine's original.
fn decided_mark(f: &DecidedFigure) -> Option<String> {
    if f.corrected {
        let o = &f.original;
        let mut machine = vec![o.kind.as_str().to_owned(), o.text.to_string()];
        machine.extend(o.event_date.map(|d| d.to_string()));
        machine.extend(o.victim.as_deref().map(String::from));
        machine.extend(o.actor.as_deref().map(|a| format!("by {a}")));
        Some(format!(
            "corrected by the analyst (machine: {})",
            machine.join(", ")
        ))
    } else {
        f.confirmed.then(|| "confirmed by the analyst".to_owned())
    }
}

/// One incident as the report lists it.
pub(crate) struct IncidentEntry<'a> {
    pub incident: &'a Incident,
    /// "$81 million — Bangladesh Bank — 2016-02".
    pub label: String,
    pub sources: Vec<Citation>,
}

/// The annotations of one tag.
pub(crate) struct TagGroup {
    pub tag: String,
    pub notes: Vec<AnnotationEntry>,
}

pub(crate) struct AnnotationEntry {
    pub note: String,
    /// The quote is the citation's sentence.
    pub citation: Citation,
}

/// Everything both formats print, resolved once.
pub(crate) struct Document<'a> {
    pub title: String,
    pub filters: Vec<String>,
    pub corpus_name: String,
    pub articles: usize,
    pub published: Option<(String, String)>,
    pub incidents_total: usize,
    pub incidents: Vec<IncidentEntry<'a>>,
    /// Incidents the chart plots (dated thefts inside the period).
    pub plotted: usize,
    pub tags: Vec<TagGroup>,
}

/// The corpus's name as documents title it: its folders' names, or "Sample corpus".
pub fn corpus_name(analysis: &Analysis) -> String {
    let corpus = &analysis.corpus;
    if corpus.embedded {
        return "Sample corpus".to_owned();
    }
    let names: Vec<String> = corpus
        .roots
        .iter()
        .map(|r| {
            r.file_name().map_or_else(
                || r.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    if names.is_empty() {
        "Corpus".to_owned()
    } else {
        names.join(", ")
    }
}

/// "$81 million — Bangladesh Bank — 2016-02", as the window's incidents table names it.
pub fn incident_label(incident: &Incident) -> String {
    format!(
        "{} — {} — {}",
        format_money(incident.usd, "USD"),
        incident.victim.as_deref().unwrap_or("unknown victim"),
        incident
            .event_date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string())
    )
}

impl<'a> Document<'a> {
    fn new(input: &ReportInput<'a>) -> Self {
        let analysis = input.analysis;
        let articles: HashMap<&str, &Article> = analysis
            .corpus
            .articles
            .iter()
            .map(|a| (a.id.as_str(), a))
            .collect();
        let incidents: Vec<IncidentEntry<'a>> = input
            .incidents()
            .into_iter()
            .map(|incident| IncidentEntry {
                incident,
                label: incident_label(incident),
                sources: incident
                    .sources
                    .iter()
                    .map(|s| {
                        let article = articles.get(&*s.mention.article).copied();
                        let sentence = article.map_or_else(
                            || s.text.to_string(),
                            |a| {
                                figure_passage(
                                    &a.text,
                                    s.mention.start as usize,
                                    s.mention.end as usize,
                                )
                            },
                        );
                        let mut c = citation(article, &s.mention.article, sentence);
                        c.decided = input
                            .decisions
                            .and_then(|d| d.figure(&s.mention.article, s.mention.start as usize))
                            .and_then(decided_mark);
                        c
                    })
                    .collect(),
            })
            .collect();
        let mut by_tag: BTreeMap<String, Vec<AnnotationEntry>> = BTreeMap::new();
        for a in &input.annotations {
            let quote = a
                .quote
                .exact
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let tag = if a.tag.trim().is_empty() {
                "untagged".to_owned()
            } else {
                a.tag.trim().to_owned()
            };
            by_tag.entry(tag).or_default().push(AnnotationEntry {
                note: a.note.trim().to_owned(),
                citation: citation(articles.get(a.article.as_str()).copied(), &a.article, quote),
            });
        }
        let dates: Vec<_> = analysis
            .corpus
            .articles
            .iter()
            .filter_map(|a| a.published)
            .collect();
        let published = dates.iter().min().zip(dates.iter().max()).map(|(lo, hi)| {
            (
                lo.format("%Y-%m-%d").to_string(),
                hi.format("%Y-%m-%d").to_string(),
            )
        });
        let refs: Vec<&Incident> = incidents.iter().map(|e| e.incident).collect();
        let corpus_name = corpus_name(analysis);
        Self {
            title: format!("Dossier report: {corpus_name}"),
            filters: input.filters.clone(),
            corpus_name,
            articles: analysis.corpus.articles.len(),
            published,
            incidents_total: analysis.incidents.len(),
            plotted: chart::marks(&refs, &input.chart).len(),
            incidents,
            tags: by_tag
                .into_iter()
                .map(|(tag, notes)| TagGroup { tag, notes })
                .collect(),
        }
    }

    /// "Filters: none (the whole corpus)" or "Filters: entity: X; search: “y”".
    fn filters_line(&self) -> String {
        if self.filters.is_empty() {
            "Filters: none (the whole corpus)".to_owned()
        } else {
            format!("Filters: {}", self.filters.join("; "))
        }
    }

    /// "41 articles, published 2016-02-01 – 2023-05-06".
    fn articles_line(&self) -> String {
        let mut s = format!(
            "{} article{}",
            self.articles,
            if self.articles == 1 { "" } else { "s" }
        );
        if let Some((lo, hi)) = &self.published {
            s.push_str(&format!(", published {lo} – {hi}"));
        }
        s
    }

    /// "12 of 30 incidents (9 on the chart)".
    fn incidents_line(&self) -> String {
        format!(
            "{} of {} incidents ({} on the chart)",
            self.incidents.len(),
            self.incidents_total,
            self.plotted
        )
    }
}

/// The report as Markdown; `chart_png` is the chart image's file name beside the document (none:
/// no chart, e.g. when printing to standard output).
pub fn markdown(input: &ReportInput<'_>, chart_png: Option<&str>) -> String {
    let links_png = links_png_name(chart_png);
    markdown::render(&Document::new(input), chart_png, links_png.as_deref())
}

/// The link chart's image beside a Markdown report whose chart image is `chart_png`.
fn links_png_name(chart_png: Option<&str>) -> Option<String> {
    chart_png
        .and_then(|c| c.strip_suffix("-chart.png"))
        .map(|stem| format!("{stem}-links.png"))
}

/// The report as one HTML file: styles and the chart (SVG) inline, nothing fetched.
pub fn html(input: &ReportInput<'_>) -> Result<String, ChartError> {
    let svg = input.chart_svg()?;
    Ok(html::render(
        &Document::new(input),
        &svg,
        &input.links_svg(),
    ))
}

/// The chart image written beside a Markdown report `out`: `NAME-chart.png`.
pub fn chart_png_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-chart.png"))
}

/// The link chart image written beside a Markdown report `out`: `NAME-links.png`.
pub fn links_png_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    out.with_file_name(format!("{stem}-links.png"))
}

/// Writes the report to `out` (and, for Markdown, the chart PNG beside it); returns the files
/// written.
pub fn write(
    input: &ReportInput<'_>,
    format: Format,
    out: &Path,
) -> Result<Vec<PathBuf>, ReportError> {
    let write = |path: &Path, bytes: &[u8]| {
        std::fs::write(path, bytes).map_err(|source| ReportError::Write {
            path: path.to_owned(),
            source,
        })
    };
    match format {
        Format::Html => {
            write(out, html(input)?.as_bytes())?;
            Ok(vec![out.to_owned()])
        }
        Format::Markdown => {
            let png_path = chart_png_path(out);
            let png = chart::png(&input.chart_svg()?, 2.0)?;
            write(&png_path, &png)?;
            let links_path = links_png_path(out);
            write(&links_path, &chart::png(&input.links_svg(), 2.0)?)?;
            let name = png_path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            write(out, markdown(input, name.as_deref()).as_bytes())?;
            Ok(vec![out.to_owned(), png_path, links_path])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn the_file_name_chooses_markdown_or_html() {
        assert_eq!(Format::for_path(Path::new("r.md")), Format::Markdown);
        assert_eq!(Format::for_path(Path::new("r.MARKDOWN")), Format::Markdown);
        assert_eq!(Format::for_path(Path::new("r.html")), Format::Html);
        assert_eq!(Format::for_path(Path::new("report")), Format::Html);
    }
}
