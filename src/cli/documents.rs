//! The documents made for people and platforms from a corpus: `dossier report` (HTML or
//! Markdown) and `dossier export --stix` (a STIX 2.1 bundle for MISP and OpenCTI).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier::analysis::Analysis;
use dossier::annotations::{AnchorStatus, Annotation, reanchor, store};
use dossier::chart::{ChartOptions, Period};
use dossier::decisions::ReplayReport;
use dossier::report_doc::ReportInput;

use super::{PeriodArgs, ReportFormat};

/// The period of `--from`/`--to` (a usage error, exit 2, when it does not parse), then the
/// corpus at `paths` with its decisions applied, and its annotations.
fn load_for_period(
    paths: &[PathBuf],
    period: &PeriodArgs,
) -> Result<(Period, Analysis, Vec<Annotation>, ReplayReport), ExitCode> {
    let parsed = Period::parse(&period.from, &period.to).map_err(|e| {
        eprintln!("dossier: {e}");
        ExitCode::from(2)
    })?;
    let (analysis, annotations, decided) = load_with_annotations(paths)?;
    Ok((parsed, analysis, annotations, decided))
}

/// The corpus at `paths` with the analyst's decisions (the file beside it) applied, and its
/// annotations (the file beside it), re-anchored; an annotation whose quote is gone and an
/// orphaned decision are named on standard error.
fn load_with_annotations(
    paths: &[PathBuf],
) -> Result<(Analysis, Vec<Annotation>, ReplayReport), ExitCode> {
    let decisions = super::decide::load_for(paths, None).map_err(|e| {
        eprintln!("dossier: {e}");
        ExitCode::from(1)
    })?;
    let mut analysis = super::open::analyse(paths, true);
    let decided = dossier::decisions::replay(&mut analysis, &decisions);
    super::decide::warn_orphans(&decided);
    for e in &analysis.corpus.errors {
        eprintln!("dossier: {}: {}", e.path.display(), e.message);
    }
    if analysis.corpus.articles.is_empty() {
        eprintln!("dossier: no article could be loaded");
        return Err(ExitCode::from(1));
    }
    let mut annotations = match store::default_path(paths, None).map(|f| store::read(&f)) {
        Some(Ok(Some((file, _)))) => file.annotations,
        Some(Ok(None)) | None => Vec::new(),
        Some(Err(e)) => {
            eprintln!("dossier: {e}");
            return Err(ExitCode::from(1));
        }
    };
    let texts: std::collections::HashMap<&str, &str> = analysis
        .corpus
        .articles
        .iter()
        .map(|a| (a.id.as_str(), a.text.as_str()))
        .collect();
    annotations.retain_mut(|a| {
        let status = reanchor(a, texts.get(a.article.as_str()).copied());
        if status == AnchorStatus::Orphan {
            eprintln!(
                "dossier: annotation {} left out: its quote is no longer in {}",
                a.id, a.article
            );
        }
        status != AnchorStatus::Orphan
    });
    Ok((analysis, annotations, decided))
}

/// `dossier report`: the document an analyst hands over, from the same core as File → Export
/// report… in the window.
pub(super) fn report_doc(
    paths: &[PathBuf],
    format: ReportFormat,
    out: Option<PathBuf>,
    period: &PeriodArgs,
    log_scale: bool,
) -> ExitCode {
    use dossier::report_doc::{self, Format};
    let (period, analysis, annotations, decided) = match load_for_period(paths, period) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let chart = ChartOptions {
        log_scale,
        period,
        ..ChartOptions::default()
    };
    let mut input = ReportInput::whole(&analysis, &annotations, chart);
    input.decisions = Some(&decided);
    let format = match format {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Html => Format::Html,
    };
    let result = match (&out, format) {
        (Some(path), _) => report_doc::write(&input, format, path).map(|files| {
            for f in files {
                eprintln!("dossier: wrote {}", f.display());
            }
        }),
        (None, Format::Markdown) => {
            println!("{}", report_doc::markdown(&input, None));
            Ok(())
        }
        (None, Format::Html) => report_doc::html(&input)
            .map(|h| println!("{h}"))
            .map_err(Into::into),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dossier: {e}");
            ExitCode::from(1)
        }
    }
}

/// `dossier export --stix`: the incidents inside the period, their actors, victims, sources and
/// annotations as one STIX 2.1 bundle.
pub(super) fn stix_export(paths: &[PathBuf], out: Option<&Path>, period: &PeriodArgs) -> ExitCode {
    let (period, analysis, annotations, decided) = match load_for_period(paths, period) {
        Ok(loaded) => loaded,
        Err(code) => return code,
    };
    let chart = ChartOptions {
        period,
        ..ChartOptions::default()
    };
    let mut input = ReportInput::whole(&analysis, &annotations, chart);
    input.decisions = Some(&decided);
    let bundle = dossier::stix::bundle(&dossier::stix::Export::of(&input), chrono::Utc::now());
    let text = match serde_json::to_string_pretty(&bundle) {
        Ok(t) => t + "\n",
        Err(e) => {
            eprintln!("dossier: cannot write the bundle: {e}");
            return ExitCode::from(1);
        }
    };
    match out {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => {
                eprintln!("dossier: wrote {}", path.display());
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("dossier: cannot write {}: {e}", path.display());
                ExitCode::from(1)
            }
        },
        None => {
            print!("{text}");
            ExitCode::SUCCESS
        }
    }
}
