//! The analyst's report (Markdown and HTML, library and `dossier report`): every incident and
//! every annotation of a small invented corpus, each with its citation; the HTML fetches nothing.

mod report_fixture;

use std::collections::HashMap;
use std::process::Command;

use dossier::analysis::Analysis;
use dossier::chart::{ChartOptions, Period};
use dossier::corpus::Article;
use dossier::export::{figure_passage, format_money};
use dossier::report_doc::{self, Format, ReportInput};

fn fixture() -> (tempfile::TempDir, Analysis) {
    let dir = tempfile::tempdir().unwrap();
    report_fixture::write(dir.path());
    let analysis = report_fixture::load(dir.path());
    (dir, analysis)
}

/// What a reader must find for each incident and annotation: figures, titles, dates, the file or
/// URL, and the cited sentence.
fn expected_citations(analysis: &Analysis, dir: &std::path::Path) -> Vec<String> {
    let articles: HashMap<&str, &Article> = analysis
        .corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a))
        .collect();
    let location = |a: &Article| {
        a.source
            .clone()
            .unwrap_or_else(|| a.path.display().to_string())
    };
    let mut wanted = Vec::new();
    for inc in &analysis.incidents {
        wanted.push(format_money(inc.usd, "USD"));
        wanted.extend(inc.victim.clone());
        for s in &inc.sources {
            let a = articles[&*s.mention.article];
            wanted.push(a.title.clone());
            wanted.push(a.published.unwrap().to_string());
            wanted.push(location(a));
            let span = s.mention.range();
            wanted.push(figure_passage(&a.text, span.start, span.end));
        }
    }
    for a in report_fixture::annotations(dir) {
        let article = articles[a.article.as_str()];
        wanted.push(a.quote.exact.clone());
        wanted.push(article.title.clone());
        wanted.push(location(article));
        if !a.tag.is_empty() {
            wanted.push(a.tag.clone());
        }
        if !a.note.is_empty() {
            wanted.push(a.note.clone());
        }
    }
    wanted
}

/// Markdown with its backslash escapes removed, as a reader sees it.
fn unescape_md(md: &str) -> String {
    md.replace('\\', "")
}

#[test]
fn the_fixture_has_thefts_from_several_sources_and_an_attempt() {
    let (_dir, analysis) = fixture();
    let kinds: Vec<&str> = analysis.incidents.iter().map(|i| i.kind.as_str()).collect();
    assert!(
        kinds.contains(&"stolen") && kinds.contains(&"attempted"),
        "{kinds:?}"
    );
    assert!(
        analysis.incidents.iter().any(|i| i.sources.len() >= 2),
        "{:#?}",
        analysis.incidents
    );
}

#[test]
fn markdown_and_html_cite_every_incident_and_annotation() {
    let (dir, analysis) = fixture();
    let annotations = report_fixture::annotations(dir.path());
    let input = ReportInput::whole(&analysis, &annotations, ChartOptions::default());
    let md = unescape_md(&report_doc::markdown(&input, Some("r-chart.png")));
    let html = report_doc::html(&input).unwrap();
    for want in expected_citations(&analysis, dir.path()) {
        let one_line = want.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(md.contains(&one_line), "Markdown lacks {one_line:?}\n{md}");
        let escaped = html_escape::encode_text(&one_line);
        assert!(
            html.contains(escaped.as_ref()),
            "HTML lacks {escaped:?}\n{html}"
        );
    }
    assert!(md.contains("![Timeline of the incidents](r-chart.png)"));
    assert!(md.contains("### untagged (1)"), "{md}");
    assert!(md.contains("Filters: none"));
    assert!(
        md.contains("3 articles, published 2019-03-20 – 2021-06-02"),
        "{md}"
    );
}

#[test]
fn the_html_is_self_contained() {
    let (dir, analysis) = fixture();
    let annotations = report_fixture::annotations(dir.path());
    let input = ReportInput::whole(&analysis, &annotations, ChartOptions::default());
    let html = report_doc::html(&input).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(
        html.matches("<svg").count(),
        2,
        "the timeline and the link chart are inline"
    );
    // The link chart follows the timeline, with who stole from whom.
    let links = html.find("<figure id=\"links\">").expect("the link chart");
    assert!(html.find("<figure id=\"chart\">").unwrap() < links);
    assert!(html[links..].contains("Lazarus Group"));
    for external in ["<script", "<link", "src=", "@import", "url(", "<iframe"] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    assert!(html.contains("Content-Security-Policy"));
    // The one URL is a link for the reader, not a resource.
    assert!(html.contains("<a href=\"https://news.example.org/quillon\">"));
}

#[test]
fn a_period_restricts_the_incidents_and_is_stated_at_the_top() {
    let (dir, analysis) = fixture();
    let annotations = report_fixture::annotations(dir.path());
    let chart = ChartOptions {
        period: Period::parse("2021", "2021").unwrap(),
        ..ChartOptions::default()
    };
    let input = ReportInput::whole(&analysis, &annotations, chart);
    let md = unescape_md(&report_doc::markdown(&input, None));
    assert!(
        md.contains("Filters: event dates: 2021-01-01 – 2021-12-31"),
        "{md}"
    );
    assert!(md.contains("Vesper Exchange"));
    assert!(!md.contains("$45 million — Quillon Bank"), "{md}");
    assert!(!md.contains("Marlow Credit Union —"), "{md}");
}

#[test]
fn write_puts_the_chart_and_link_chart_pngs_beside_the_markdown() {
    let (dir, analysis) = fixture();
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("brief.md");
    let input = ReportInput::whole(&analysis, &[], ChartOptions::default());
    let files = report_doc::write(&input, Format::Markdown, &path).unwrap();
    let png = out.path().join("brief-chart.png");
    let links = out.path().join("brief-links.png");
    assert_eq!(files, vec![path.clone(), png.clone(), links.clone()]);
    for image in [&png, &links] {
        let bytes = std::fs::read(image).unwrap();
        assert!(bytes.starts_with(b"\x89PNG"));
    }
    let md = std::fs::read_to_string(&path).unwrap();
    assert!(md.contains("](brief-chart.png)"));
    assert!(md.contains("](brief-links.png)"));
    assert!(md.contains("No annotation."));
    drop(dir);
}

#[test]
fn the_command_line_writes_the_same_report() {
    let (dir, analysis) = fixture();
    let annotations = report_fixture::annotations(dir.path());
    let out = tempfile::tempdir().unwrap();
    let html_path = out.path().join("report.html");
    let status = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("report")
        .arg(dir.path())
        .args(["--format", "html", "--out"])
        .arg(&html_path)
        .status()
        .unwrap();
    assert!(status.success());
    let written = std::fs::read_to_string(&html_path).unwrap();
    let input = ReportInput::whole(&analysis, &annotations, ChartOptions::default());
    assert_eq!(written, report_doc::html(&input).unwrap());

    let md = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("report")
        .arg(dir.path())
        .args(["--format", "md", "--from", "2019-12", "--to", "2020"])
        .output()
        .unwrap();
    assert!(md.status.success());
    let md = unescape_md(&String::from_utf8(md.stdout).unwrap());
    assert!(md.contains("Marlow Credit Union"), "{md}");
    assert!(!md.contains("Vesper Exchange —"), "{md}");
    assert!(
        md.contains("the transfers were blocked"),
        "annotations are kept: {md}"
    );

    let bad = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("report")
        .arg(dir.path())
        .args(["--from", "someday"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a date"));
}

#[test]
fn a_corrected_figure_is_marked_with_the_machines_original_and_a_confirmed_one_as_confirmed() {
    use dossier::decisions::{Change, Decision, FigureAnchor, FigureEdit, replay};
    let (_dir, mut analysis) = fixture();
    let anchor = |article: &str, figure: &str| {
        let text = &analysis
            .corpus
            .articles
            .iter()
            .find(|a| a.id == article)
            .unwrap()
            .text;
        let start = text[..text.find(figure).unwrap()].chars().count();
        FigureAnchor::at(article, text, start, start + figure.chars().count())
    };
    let set_date = Decision::new(
        Change::Figure {
            figure: anchor("quillon", "$45 million"),
            edit: FigureEdit::SetDate {
                date: "2019-02".parse().unwrap(),
            },
        },
        "the bank's filing dates it in February",
        "ana",
    );
    let confirm = Decision::new(
        Change::Figure {
            figure: anchor("marlow", "$9 million"),
            edit: FigureEdit::Confirm,
        },
        "",
        "ana",
    );
    let decided = replay(&mut analysis, &[set_date, confirm]);
    assert!(decided.orphans.is_empty(), "{:?}", decided.orphans);
    let mut input = ReportInput::whole(&analysis, &[], ChartOptions::default());
    let plain = report_doc::markdown(&input, None);
    assert!(!plain.contains("by the analyst"));
    input.decisions = Some(&decided);
    let md = unescape_md(&report_doc::markdown(&input, None));
    assert!(
        md.contains(
            "corrected by the analyst (machine: stolen, $45 million, 2019-03-12, Quillon Bank)"
        ),
        "{md}"
    );
    assert!(md.contains("confirmed by the analyst"), "{md}");
    let html = report_doc::html(&input).unwrap();
    assert!(
        html.contains("<em class=\"decided\">corrected by the analyst (machine: stolen, $45 million, 2019-03-12"),
        "{html}"
    );
}
